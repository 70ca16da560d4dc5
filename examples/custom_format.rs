//! A wire format of your own: Stripe's error shape,
//! `{"error":{"type","code","message","param","doc_url"}}`, with `Request-Id` and
//! `Stripe-Should-Retry` headers, from the same error enums as every built-in format.
//!
//! ```sh
//! cargo run --example custom_format
//! ```

use error_catalog::{ApiError, CustomFormat, DetailValue, Envelope};
use http::header::HeaderName;
use http::{HeaderMap, HeaderValue};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Stripe's error body and headers.
pub struct Stripe;

impl CustomFormat for Stripe {
    fn serialize_body<S: Serializer>(
        &self,
        envelope: &Envelope<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &StripeError(envelope.error()))?;
        map.end()
    }

    fn headers(&self, envelope: &Envelope<'_>, headers: &mut HeaderMap) {
        // A request id that is not a valid header value is not sent.
        if let Some(id) = envelope
            .get_request_id()
            .and_then(|id| HeaderValue::from_str(id).ok())
        {
            headers.insert(HeaderName::from_static("request-id"), id);
        }
        let retry = if envelope.error().retryable() {
            "true"
        } else {
            "false"
        };
        headers.insert(
            HeaderName::from_static("stripe-should-retry"),
            HeaderValue::from_static(retry),
        );
    }
}

/// The `error` object: `type` from the error's category or status, `param` from a
/// detail named `param`, `doc_url` from the catalog.
struct StripeError<'a>(&'a dyn ApiError);

impl Serialize for StripeError<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let spec = error.spec();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", error_type(error))?;
        map.serialize_entry("code", spec.code())?;
        map.serialize_entry("message", &error.message())?;
        let mut result = Ok(());
        error.visit_details(&mut |name: &str, value: DetailValue<'_>| {
            if name == "param" && result.is_ok() {
                result = map.serialize_entry("param", &value);
            }
        });
        result?;
        if let Some(url) = spec.docs_url() {
            map.serialize_entry("doc_url", url)?;
        }
        map.end()
    }
}

fn error_type(error: &dyn ApiError) -> &'static str {
    if error.spec().category().name() == "CardError" {
        "card_error"
    } else if error.status().is_server_error() {
        "api_error"
    } else {
        "invalid_request_error"
    }
}

/// Errors of a card payment.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/error-codes")]
pub enum CardError {
    /// The card was declined.
    #[error(
        code = "card_declined",
        status = 402,
        message = "Your card was declined."
    )]
    CardDeclined,

    /// The card has expired.
    #[error(
        code = "expired_card",
        status = 402,
        message = "Your card has expired."
    )]
    ExpiredCard { param: &'static str },
}

/// Errors of a request.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/error-codes")]
pub enum RequestError {
    /// A required parameter is missing.
    #[error(
        code = "parameter_missing",
        status = 400,
        message = "Missing required param: {param}."
    )]
    ParameterMissing { param: String },

    /// Too many requests hit the API too quickly.
    #[error(
        code = "rate_limit",
        status = 429,
        message = "Too many requests hit the API too quickly.",
        retry_after = 1
    )]
    RateLimit,

    /// Something went wrong on the server.
    #[error(
        code = "api_error",
        status = 500,
        message = "An unknown error occurred."
    )]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

fn show(error: &dyn ApiError) {
    let envelope = error.envelope().request_id("req_8Fy2Lq").custom(Stripe);
    println!("HTTP {}", envelope.status());
    for (name, value) in &envelope.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("{}\n", envelope.to_json());
}

fn main() {
    show(&CardError::ExpiredCard { param: "exp_month" });
    show(&RequestError::ParameterMissing {
        param: "amount".into(),
    });
    show(&RequestError::RateLimit);
    show(&RequestError::Internal("db timeout".into()));
}
