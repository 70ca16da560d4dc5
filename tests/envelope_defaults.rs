//! Enum-level defaults, `#[api_error(format = "..", docs = "..", domain = "..")]`, in every
//! format: the default format of the envelope, the docs URL (Problem `type`, catalog),
//! `about:blank` without docs, and the domain of Google's `ErrorInfo`.

mod common;

use common::{body, parse};
use error_catalog::{ApiError, Format};
use serde_json::json;

/// With every default set.
#[derive(Debug, ApiError)]
#[api_error(
    format = "flat",
    docs = "https://docs.example.com/errors/",
    domain = "api.example.com"
)]
pub enum Documented {
    #[error(
        code = "token_expired",
        status = 401,
        message = "The access token has expired"
    )]
    TokenExpired { expired_at: String },
}

/// With none.
#[derive(Debug, ApiError)]
pub enum Bare {
    #[error(code = "quota_exceeded", status = 429, message = "Quota exceeded")]
    QuotaExceeded,
}

/// A docs base with a `{code}` placeholder.
#[derive(Debug, ApiError)]
#[api_error(format = "google", docs = "https://example.com/errors#{code}")]
pub enum Anchored {
    #[error(code = "slug_conflict", status = 409, message = "Slug taken")]
    SlugConflict,
}

#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
#[error(code = "nested_default", status = 400, message = "n")]
pub struct NestedDefault;

#[derive(Debug, ApiError)]
#[api_error(format = "compact")]
#[error(code = "compact_default", status = 400, message = "c")]
pub struct CompactDefault;

#[derive(Debug, ApiError)]
#[api_error(format = "problem")]
#[error(code = "problem_default", status = 400, message = "p")]
pub struct ProblemDefault;

fn token_expired() -> Documented {
    Documented::TokenExpired {
        expired_at: "2026-01-09T10:00:00Z".into(),
    }
}

#[test]
fn the_format_default_picks_the_envelope() {
    let cases: [(&dyn ApiError, Format); 6] = [
        (&NestedDefault, Format::Nested),
        (&token_expired(), Format::Flat),
        (&CompactDefault, Format::Compact),
        (&ProblemDefault, Format::Problem),
        (&Anchored::SlugConflict, Format::Google),
        (&Bare::QuotaExceeded, Format::Problem),
    ];
    for (error, format) in cases {
        let envelope = error.envelope();
        assert_eq!(envelope.wire_format(), format, "{}", error.code());
        assert_eq!(
            envelope.to_json(),
            error.envelope().format(format).to_json()
        );
        assert_eq!(envelope.content_type(), format.content_type());
        assert_eq!(error.spec().category().format(), format);
    }
}

#[test]
fn docs_and_domain_in_every_format() {
    let err = token_expired();
    assert_eq!(
        err.spec().docs_url(),
        Some("https://docs.example.com/errors/token_expired")
    );
    assert_eq!(
        body(&err, Format::Nested),
        json!({"error": {"code": "token_expired", "message": "The access token has expired", "details": {"expired_at": "2026-01-09T10:00:00Z"}}})
    );
    assert_eq!(
        body(&err, Format::Flat),
        json!({"code": "token_expired", "message": "The access token has expired", "details": {"expired_at": "2026-01-09T10:00:00Z"}})
    );
    assert_eq!(
        body(&err, Format::Compact),
        json!({"error": "token_expired", "message": "The access token has expired", "status": 401})
    );
    assert_eq!(
        body(&err, Format::Problem),
        json!({
            "type": "https://docs.example.com/errors/token_expired",
            "title": "Token expired",
            "status": 401,
            "detail": "The access token has expired",
            "code": "token_expired",
            "expired_at": "2026-01-09T10:00:00Z"
        })
    );
    assert_eq!(
        body(&err, Format::Google),
        json!({"error": {
            "code": 401,
            "message": "The access token has expired",
            "status": "UNAUTHENTICATED",
            "details": [{
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "TOKEN_EXPIRED",
                "domain": "api.example.com",
                "metadata": {"expired_at": "2026-01-09T10:00:00Z"}
            }, {
                "@type": "type.googleapis.com/google.rpc.Help",
                "links": [{"description": "Token expired", "url": "https://docs.example.com/errors/token_expired"}]
            }]
        }})
    );
}

#[test]
fn without_docs_and_domain() {
    let err = Bare::QuotaExceeded;
    assert_eq!(err.spec().docs_url(), None);
    assert_eq!(
        body(&err, Format::Problem),
        json!({
            "type": "about:blank",
            "title": "Quota exceeded",
            "status": 429,
            "detail": "Quota exceeded",
            "code": "quota_exceeded"
        })
    );
    assert_eq!(
        body(&err, Format::Google),
        json!({"error": {
            "code": 429,
            "message": "Quota exceeded",
            "status": "RESOURCE_EXHAUSTED",
            "details": [{
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "QUOTA_EXCEEDED"
            }]
        }})
    );
}

#[test]
fn docs_base_with_a_code_placeholder_and_instance() {
    let err = Anchored::SlugConflict;
    assert_eq!(
        err.spec().docs_url(),
        Some("https://example.com/errors#slug_conflict")
    );
    let text = err
        .envelope()
        .format(Format::Problem)
        .instance("/projects/prj_1")
        .request_id("req_1")
        .to_json();
    assert_eq!(
        parse(&text),
        json!({
            "type": "https://example.com/errors#slug_conflict",
            "title": "Slug conflict",
            "status": 409,
            "detail": "Slug taken",
            "instance": "/projects/prj_1",
            "code": "slug_conflict",
            "request_id": "req_1"
        })
    );
}
