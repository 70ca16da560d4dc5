//! Never leak: a secret held in a source error (`#[source]`, `#[from]`, a field named
//! `source`) or in an `#[error(skip)]` field appears in no body and no header, in every
//! built-in format and in custom ones, for 4xx and 5xx errors alike. What the framework
//! layers replace (a handler's plain-text 500, an auth middleware's 401) is checked in
//! every format over a real connection by `no_secret_in_any_format` in
//! `tests/axum_ops.rs` and `tests/actix_ops.rs`.

mod common;

#[allow(dead_code)]
#[path = "../examples/custom_format.rs"]
mod example;

use error_catalog::{ApiError, CustomFormat, Details, Envelope, Format};
use http::HeaderMap;
use serde::Serializer;

const SECRET: &str = "sk_live_SECRET_51Hx";

#[derive(Debug)]
pub struct DbError(String);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "db error: {}", self.0)
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.example.com/errors",
    domain = "api.example.com"
)]
pub enum Leaky {
    #[error(code = "internal_error", status = 500, message = "Internal error")]
    Internal {
        request_path: String,
        #[error(skip)]
        query: String,
        #[source]
        cause: std::io::Error,
    },

    #[error(
        code = "database_down",
        status = 503,
        message = "Try again later",
        retry_after = 5
    )]
    Database(#[from] DbError),

    #[error(code = "upstream_failed", status = 502, message = "Upstream failed")]
    Upstream {
        #[error(header = "X-Upstream")]
        upstream: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    #[error(
        code = "access_denied",
        status = 403,
        message = "Access to {resource} denied"
    )]
    Denied {
        resource: String,
        #[error(skip)]
        token: String,
        #[error(retry_after)]
        retry_after: Option<u64>,
    },
}

/// Writes everything a format can reach: code, message and every detail.
struct Everything;

impl CustomFormat for Everything {
    fn serialize_body<S: Serializer>(
        &self,
        envelope: &Envelope<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let error = envelope.error();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", error.code())?;
        map.serialize_entry("message", &error.message())?;
        map.serialize_entry("details", &Details::new(error))?;
        map.serialize_entry("debug", &format!("{:?}", Details::new(error)))?;
        map.end()
    }
}

fn errors() -> Vec<Leaky> {
    vec![
        Leaky::Internal {
            request_path: "/v1/charges".into(),
            query: format!("SELECT * FROM keys WHERE key = '{SECRET}'"),
            cause: std::io::Error::other(format!("connect failed with {SECRET}")),
        },
        Leaky::from(DbError(SECRET.into())),
        Leaky::Upstream {
            upstream: "stripe",
            source: format!("401 from stripe for key {SECRET}").into(),
        },
        Leaky::Denied {
            resource: "project prj_1".into(),
            token: SECRET.into(),
            retry_after: Some(3),
        },
    ]
}

fn assert_clean(what: &str, body: &str, headers: &HeaderMap) {
    assert!(!body.contains(SECRET), "{what}: body leaks: {body}");
    assert!(!body.contains("SECRET"), "{what}: body leaks: {body}");
    for (name, value) in headers {
        let value = String::from_utf8_lossy(value.as_bytes());
        assert!(
            !value.contains("SECRET"),
            "{what}: header {name} leaks: {value}"
        );
    }
}

#[test]
fn secrets_stay_out_of_every_body_and_header() {
    let mut checked = 0;
    for err in errors() {
        // The secret is reachable through the error chain: it is there to leak.
        let chain = std::error::Error::source(&err).map(ToString::to_string);
        let holds_secret =
            chain.is_some_and(|text| text.contains(SECRET)) || format!("{err:?}").contains(SECRET);
        assert!(holds_secret, "{}", err.code());
        for format in Format::ALL {
            let envelope = err
                .envelope()
                .format(format)
                .request_id("req_1")
                .instance("/v1/charges");
            let what = format!("{} in {format}", err.code());
            assert_clean(&what, &envelope.to_json(), &envelope.headers());
            assert_clean(
                &what,
                &serde_json::to_string(&envelope).unwrap(),
                &HeaderMap::new(),
            );
            checked += 1;
        }
        let stripe = err.envelope().request_id("req_1").custom(example::Stripe);
        assert_clean(
            &format!("{} in Stripe", err.code()),
            &stripe.to_json(),
            &stripe.headers(),
        );
        let everything = err.envelope().custom(Everything);
        assert_clean(
            &format!("{} in Everything", err.code()),
            &everything.to_json(),
            &everything.headers(),
        );
        assert!(!err.message().to_string().contains(SECRET));
        assert!(!err.to_string().contains(SECRET));
        checked += 2;
    }
    assert_eq!(checked, 4 * 7);
}

#[test]
fn server_errors_are_checked_too() {
    let statuses: Vec<u16> = errors().iter().map(|err| err.status().as_u16()).collect();
    assert_eq!(statuses, [500, 503, 502, 403]);
    let upstream = &errors()[2];
    assert_eq!(upstream.envelope().headers()["x-upstream"], "stripe");
}
