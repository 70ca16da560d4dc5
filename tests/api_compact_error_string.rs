//! An API whose errors are compact bodies with the code as the `error` string,
//! `{"error","message","status","request_id"}` (the CodeSpar API's published "Error
//! Reference"): every code of the page declared as that team would, the page's one JSON
//! example reproduced whole in the Compact format with its request id, and the headers
//! the page names: `Retry-After` on 429 and 503, `X-RateLimit-Reset` on 429.

mod common;

use std::borrow::Cow;

use common::{headers, pairs, parse};
use error_catalog::{ApiError, Format};
use serde_json::json;

/// Errors of the CodeSpar API.
#[derive(Debug, ApiError)]
#[api_error(format = "compact")]
pub enum CodeSparError {
    /// The request body or query parameters are malformed or missing required fields.
    #[error(code = "invalid_request", status = 400, message = "{0}")]
    InvalidRequest(Cow<'static, str>),

    /// Only on project creation. The slug contains disallowed characters, exceeds 64 chars, or is empty.
    #[error(
        code = "slug_invalid",
        status = 400,
        message = "The slug contains disallowed characters, exceeds 64 chars, or is empty.",
        resolution = "Use lowercase alphanumeric + _ + -, max 64 chars."
    )]
    SlugInvalid,

    /// Only on project creation. You tried to use default as a slug; it is reserved for the auto-created default project per organization.
    #[error(
        code = "slug_reserved",
        status = 400,
        message = "The slug `default` is reserved."
    )]
    SlugReserved,

    /// The API key is missing, malformed, or revoked.
    #[error(code = "unauthorized", status = 401)]
    Unauthorized,

    /// The API key is valid but lacks the scope required for this operation.
    #[error(code = "forbidden", status = 403)]
    Forbidden,

    /// The resource does not exist or is not accessible to the authenticated organization.
    #[error(code = "not_found", status = 404)]
    NotFound,

    /// Only on project creation/update. Another project in the organization already uses this slug.
    #[error(
        code = "slug_conflict",
        status = 409,
        message = "Another project in the organization already uses this slug."
    )]
    SlugConflict,

    /// Only on trigger creation. Another active trigger in the same project already subscribes the same URL to the same event.
    #[error(
        code = "webhook_url_conflict",
        status = 409,
        message = "Another active trigger in the same project already subscribes the same URL to the same event.",
        resolution = "Use a different URL or update the existing trigger instead of creating a duplicate."
    )]
    WebhookUrlConflict,

    /// A tool call hit a server that requires user-level OAuth, but the user has not connected it yet.
    #[error(code = "needs_connection", status = 422)]
    NeedsConnection { connect_url: String },

    /// The selected provider returned an error that the router considers non-retriable (config issue, permanent rejection).
    #[error(code = "provider_unavailable", status = 422)]
    ProviderUnavailable,

    /// You hit a rate limit.
    #[error(code = "rate_limited", status = 429)]
    RateLimited {
        #[error(retry_after)]
        retry_after: u64,
        #[error(header = "X-RateLimit-Reset")]
        reset_at: u64,
    },

    /// Historical: this error existed on the pre-pivot tiered model.
    #[error(
        code = "quota_exceeded",
        status = 429,
        message = "Monthly quota exceeded."
    )]
    QuotaExceeded,

    /// Something went wrong on our side.
    #[error(code = "internal_error", status = 500)]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),

    /// The downstream provider returned a 5xx or an unexpected response.
    #[error(code = "provider_error", status = 502)]
    ProviderError,

    /// CodeSpar is in the middle of a deployment, or a specific provider integration is temporarily down.
    #[error(code = "service_unavailable", status = 503)]
    ServiceUnavailable(#[error(retry_after)] u64),

    /// The provider did not respond within CodeSpar's upstream timeout (30 seconds).
    #[error(code = "gateway_timeout", status = 504)]
    GatewayTimeout,
}

/// The body of `error` with the request id the API adds to every response.
fn body(error: &CodeSparError, request_id: &str) -> serde_json::Value {
    parse(&error.envelope().request_id(request_id).to_json())
}

#[test]
fn the_example_body() {
    let err = CodeSparError::InvalidRequest("Missing required field: amount".into());
    assert_eq!(
        body(&err, "req_a1b2c3d4"),
        json!({
            "error": "invalid_request",
            "message": "Missing required field: amount",
            "status": 400,
            "request_id": "req_a1b2c3d4"
        })
    );
    assert_eq!(err.envelope().wire_format(), Format::Compact);
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json")])
    );
}

/// "Every error response the CodeSpar API returns has the same shape."
#[test]
fn every_code_has_the_same_shape() {
    let errors = [
        CodeSparError::SlugInvalid,
        CodeSparError::SlugReserved,
        CodeSparError::Unauthorized,
        CodeSparError::Forbidden,
        CodeSparError::NotFound,
        CodeSparError::SlugConflict,
        CodeSparError::WebhookUrlConflict,
        CodeSparError::NeedsConnection {
            connect_url: "https://codespar.dev/connect/abc".into(),
        },
        CodeSparError::ProviderUnavailable,
        CodeSparError::RateLimited {
            retry_after: 12,
            reset_at: 1_767_952_800,
        },
        CodeSparError::QuotaExceeded,
        CodeSparError::Internal("pool exhausted".into()),
        CodeSparError::ProviderError,
        CodeSparError::ServiceUnavailable(120),
        CodeSparError::GatewayTimeout,
    ];
    for err in &errors {
        assert_eq!(
            body(err, "req_a1b2c3d4"),
            json!({
                "error": err.code(),
                "message": err.message().to_string(),
                "status": err.status().as_u16(),
                "request_id": "req_a1b2c3d4"
            })
        );
    }
    let codes: Vec<(&str, u16)> = CodeSparError::CATALOG
        .iter()
        .map(|spec| (spec.code(), spec.status_u16()))
        .collect();
    assert_eq!(
        codes,
        [
            ("invalid_request", 400),
            ("slug_invalid", 400),
            ("slug_reserved", 400),
            ("unauthorized", 401),
            ("forbidden", 403),
            ("not_found", 404),
            ("slug_conflict", 409),
            ("webhook_url_conflict", 409),
            ("needs_connection", 422),
            ("provider_unavailable", 422),
            ("rate_limited", 429),
            ("quota_exceeded", 429),
            ("internal_error", 500),
            ("provider_error", 502),
            ("service_unavailable", 503),
            ("gateway_timeout", 504),
        ]
    );
}

#[test]
fn rate_limited_sends_retry_after_and_rate_limit_reset() {
    let err = CodeSparError::RateLimited {
        retry_after: 12,
        reset_at: 1_767_952_800,
    };
    assert_eq!(
        headers(&err),
        pairs(&[
            ("content-type", "application/json"),
            ("retry-after", "12"),
            ("x-ratelimit-reset", "1767952800"),
        ])
    );
}

#[test]
fn service_unavailable_sends_retry_after() {
    let err = CodeSparError::ServiceUnavailable(120);
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json"), ("retry-after", "120")])
    );
    assert!(err.retryable());
}

/// "provider_unavailable ... non-retriable", "provider_error ... This is retriable",
/// "gateway_timeout ... retry".
#[test]
fn retryable_codes() {
    assert!(!CodeSparError::ProviderUnavailable.retryable());
    assert!(CodeSparError::ProviderError.retryable());
    assert!(CodeSparError::GatewayTimeout.retryable());
    assert!(
        CodeSparError::RateLimited {
            retry_after: 1,
            reset_at: 0
        }
        .retryable()
    );
}
