//! Every built-in format renders its reference body exactly, for one error of each kind.

use error_catalog::{ApiError, Format};
use serde_json::{Value, json};

/// Authentication errors.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.example.com/errors",
    domain = "api.example.com"
)]
pub enum AuthError {
    /// The email/password combination is incorrect.
    #[error(
        code = "invalid_credentials",
        status = 401,
        message = "The email or password is incorrect"
    )]
    InvalidCredentials,

    /// The access token has expired.
    #[error(
        code = "token_expired",
        status = 401,
        message = "The access token has expired"
    )]
    TokenExpired { expired_at: String },

    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests"
    )]
    RateLimited {
        limit: u32,
        window: String,
        #[error(retry_after)]
        retry_after: u64,
    },

    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred"
    )]
    Internal(#[from] std::io::Error),
}

fn token_expired() -> AuthError {
    AuthError::TokenExpired {
        expired_at: "2026-01-09T10:00:00Z".into(),
    }
}

fn body(err: &AuthError, format: Format) -> Value {
    let text = err
        .envelope()
        .format(format)
        .request_id("req_abc123")
        .to_json();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn nested() {
    assert_eq!(
        body(&token_expired(), Format::Nested),
        json!({"error":{"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"}},"meta":{"request_id":"req_abc123"}})
    );
}

#[test]
fn flat() {
    assert_eq!(
        body(&token_expired(), Format::Flat),
        json!({"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"},"request_id":"req_abc123"})
    );
}

#[test]
fn compact() {
    assert_eq!(
        body(&token_expired(), Format::Compact),
        json!({"error":"token_expired","message":"The access token has expired","status":401,"request_id":"req_abc123"})
    );
}

#[test]
fn problem() {
    assert_eq!(
        body(&token_expired(), Format::Problem),
        json!({"type":"https://docs.example.com/errors/token_expired","title":"Token expired","status":401,"detail":"The access token has expired","code":"token_expired","expired_at":"2026-01-09T10:00:00Z","request_id":"req_abc123"})
    );
    assert_eq!(
        token_expired()
            .envelope()
            .format(Format::Problem)
            .content_type(),
        "application/problem+json"
    );
}

#[test]
fn google() {
    assert_eq!(
        body(&token_expired(), Format::Google),
        json!({"error":{"code":401,"message":"The access token has expired","status":"UNAUTHENTICATED","details":[
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TOKEN_EXPIRED","domain":"api.example.com","metadata":{"expired_at":"2026-01-09T10:00:00Z"}},
            {"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req_abc123"},
            {"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Token expired","url":"https://docs.example.com/errors/token_expired"}]}
        ]}})
    );
}

#[test]
fn key_order_is_the_documented_one() {
    let text = token_expired()
        .envelope()
        .format(Format::Problem)
        .request_id("req_abc123")
        .to_json();
    assert_eq!(
        text,
        r#"{"type":"https://docs.example.com/errors/token_expired","title":"Token expired","status":401,"detail":"The access token has expired","code":"token_expired","expired_at":"2026-01-09T10:00:00Z","request_id":"req_abc123"}"#
    );
}

#[test]
fn no_details_and_no_request_id_are_omitted() {
    let text = AuthError::InvalidCredentials.envelope().to_json();
    assert_eq!(
        text,
        r#"{"error":{"code":"invalid_credentials","message":"The email or password is incorrect"}}"#
    );
}

#[test]
fn retry_after_header_and_retry_info() {
    let err = AuthError::RateLimited {
        limit: 300,
        window: "1 minute".into(),
        retry_after: 45,
    };
    let headers = err.envelope().headers();
    assert_eq!(headers.len(), 2);
    assert_eq!(headers["retry-after"], "45");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(
        body(&err, Format::Google)["error"]["details"][1],
        json!({"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"45s"})
    );
}

#[test]
fn sources_never_reach_the_body() {
    let err = AuthError::Internal(std::io::Error::other("db password=hunter2"));
    for format in Format::ALL {
        let text = err.envelope().format(format).to_json();
        assert!(!text.contains("hunter2"), "{format}: {text}");
    }
}

/// A value whose `Display` fails, interpolated into a message.
#[derive(Debug, serde::Serialize)]
pub struct FailingDisplay;

impl std::fmt::Display for FailingDisplay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("partial")?;
        Err(std::fmt::Error)
    }
}

#[derive(Debug, ApiError)]
#[error(code = "failing_display", status = 400, message = "value {value} here")]
pub struct FailingMessage {
    value: FailingDisplay,
}

#[test]
fn a_failing_display_ends_the_message_but_never_the_body() {
    let err = FailingMessage {
        value: FailingDisplay,
    };
    for format in Format::ALL {
        let fast = err.envelope().format(format).to_json();
        let serde = serde_json::to_string(&err.envelope().format(format)).unwrap();
        assert_eq!(fast, serde, "{format}");
        let body: Value = serde_json::from_str(&fast).unwrap();
        let message = match format {
            Format::Nested | Format::Google => &body["error"]["message"],
            Format::Problem => &body["detail"],
            _ => &body["message"],
        };
        assert_eq!(message, "value partial", "{format}: {fast}");
    }
}
