//! A user-defined format through `CustomFormat`: the Stripe format of
//! `examples/custom_format.rs`, its headers, the built-in formats as custom ones, and
//! the fallback body when a detail fails to serialize.

mod common;

#[allow(dead_code)]
#[path = "../examples/custom_format.rs"]
mod example;

use std::collections::HashMap;

use common::parse;
use error_catalog::{ApiError, CustomFormat, Envelope, Format};
use example::{CardError, RequestError, Stripe};
use serde::Serializer;
use serde_json::json;

fn header_pairs(headers: &http::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn stripe_body_and_headers() {
    let err = CardError::ExpiredCard { param: "exp_month" };
    let envelope = err.envelope().request_id("req_8Fy2Lq").custom(Stripe);
    assert_eq!(
        parse(&envelope.to_json()),
        json!({"error": {
            "type": "card_error",
            "code": "expired_card",
            "message": "Your card has expired.",
            "param": "exp_month",
            "doc_url": "https://docs.example.com/error-codes/expired_card"
        }})
    );
    assert_eq!(envelope.status(), 402);
    assert_eq!(envelope.content_type(), "application/json");
    assert_eq!(
        header_pairs(&envelope.headers()),
        [
            ("content-type".to_owned(), "application/json".to_owned()),
            ("request-id".to_owned(), "req_8Fy2Lq".to_owned()),
            ("stripe-should-retry".to_owned(), "false".to_owned()),
        ]
    );
}

#[test]
fn retry_after_and_should_retry() {
    let envelope = RequestError::RateLimit.envelope().custom(Stripe);
    assert_eq!(
        envelope.to_json(),
        r#"{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests hit the API too quickly.","doc_url":"https://docs.example.com/error-codes/rate_limit"}}"#
    );
    assert_eq!(
        header_pairs(&envelope.headers()),
        [
            ("content-type".to_owned(), "application/json".to_owned()),
            ("retry-after".to_owned(), "1".to_owned()),
            ("stripe-should-retry".to_owned(), "true".to_owned()),
        ]
    );
}

#[test]
fn the_custom_envelope_is_serialize_and_writes_anywhere() {
    let err = RequestError::ParameterMissing {
        param: "amount".into(),
    };
    let envelope = err.envelope().custom(Stripe);
    let expected = r#"{"error":{"type":"invalid_request_error","code":"parameter_missing","message":"Missing required param: amount.","param":"amount","doc_url":"https://docs.example.com/error-codes/parameter_missing"}}"#;
    assert_eq!(serde_json::to_string(&envelope).unwrap(), expected);
    assert_eq!(envelope.to_vec(), expected.as_bytes());
    let mut out = Vec::new();
    envelope.write_to(&mut out).unwrap();
    assert_eq!(out, expected.as_bytes());
    // A request id that cannot be a header value stays out of the headers.
    let headers = err
        .envelope()
        .request_id("bad\nid")
        .custom(Stripe)
        .headers();
    assert!(headers.get("request-id").is_none());
}

#[test]
fn built_in_formats_are_custom_formats() {
    let err = RequestError::ParameterMissing {
        param: "amount".into(),
    };
    for format in Format::ALL {
        let built_in = err.envelope().format(format).request_id("r1");
        let custom = err.envelope().request_id("r1").custom(format);
        assert_eq!(custom.to_json(), built_in.to_json(), "{format}");
        assert_eq!(custom.headers(), built_in.headers(), "{format}");
        assert_eq!(custom.content_type(), format.content_type());
    }
}

/// `{"kind": <code>, "fields": <details>}` with a content type of its own.
struct Minimal;

impl CustomFormat for Minimal {
    fn content_type(&self) -> &'static str {
        "application/vnd.minimal+json"
    }

    fn serialize_body<S: Serializer>(
        &self,
        envelope: &Envelope<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("kind", envelope.error().code())?;
        map.serialize_entry("fields", &error_catalog::Details::new(envelope.error()))?;
        map.end()
    }
}

#[derive(Debug, ApiError)]
pub enum Odd {
    #[error(code = "odd", status = 400, message = "Odd")]
    Odd {
        ok: u8,
        broken: HashMap<Vec<u8>, u8>,
    },
}

#[test]
fn a_failing_detail_is_left_out_of_custom_bodies() {
    let err = Odd::Odd {
        ok: 1,
        broken: HashMap::from([(vec![1], 2)]),
    };
    let envelope = err.envelope().custom(Minimal);
    assert_eq!(envelope.to_json(), r#"{"kind":"odd","fields":{"ok":1}}"#);
    assert!(serde_json::to_string(&envelope).is_err());
    assert_eq!(
        envelope.headers()["content-type"],
        "application/vnd.minimal+json"
    );
}
