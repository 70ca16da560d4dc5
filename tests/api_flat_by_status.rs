//! An API whose errors are flat bodies with `UPPER_SNAKE_CASE` codes and the values in
//! the message, `{"code","message","details"}`, documented by HTTP status (a published
//! "Error Codes" page): its errors declared as that team would and every JSON example on
//! the page reproduced whole in the Flat format, the "Error Response Format" block
//! (`"details": {}`) included.
//!
//! Values that appear in a message but not in `details` are tuple fields: those are
//! interpolated but never serialized as details.

mod common;

use std::collections::BTreeMap;
use std::fmt;

use common::{default_body, headers, pairs};
use error_catalog::ApiError;
use serde::Serialize;
use serde_json::{Value, json};

/// What a usage limit counts: `synthesis` on the wire, `Synthesis` in messages.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UsageType {
    Synthesis,
}

impl fmt::Display for UsageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UsageType::Synthesis => "Synthesis",
        })
    }
}

/// A billing plan.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    Trial,
}

/// A list written `a, b, c` in messages.
#[derive(Debug, Clone)]
pub struct Listed(pub Vec<&'static str>);

impl fmt::Display for Listed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(", "))
    }
}

/// Errors of the workspace API.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum WorkspaceError {
    /// The request is malformed or contains invalid parameters.
    #[error(
        code = "INVALID_STATUS_TRANSITION",
        status = 400,
        message = "Cannot transition from '{0}' to '{1}'. Valid transitions: {2}."
    )]
    InvalidStatusTransition(&'static str, &'static str, Listed),

    /// Missing or invalid authentication token.
    #[error(
        code = "UNAUTHORIZED",
        status = 401,
        message = "Invalid or expired authentication token."
    )]
    Unauthorized,

    /// Usage limit exceeded for the current plan.
    #[error(
        code = "USAGE_LIMIT_EXCEEDED",
        status = 402,
        message = "{usage_type} limit reached for your plan."
    )]
    UsageLimitExceeded {
        usage_type: UsageType,
        current: u32,
        limit: u32,
        plan: Plan,
        upgrade_required: bool,
    },

    /// The authenticated user does not have permission for this action.
    #[error(
        code = "FORBIDDEN",
        status = 403,
        message = "You do not have access to this {0}"
    )]
    Forbidden(&'static str),

    /// The requested resource does not exist.
    #[error(code = "NOT_FOUND", status = 404, message = "{0} {1} not found")]
    NotFound(&'static str, String),

    /// A conflicting operation is already in progress.
    #[error(
        code = "SYNTHESIS_IN_PROGRESS",
        status = 409,
        message = "Synthesis is already running for this workspace. Please wait."
    )]
    SynthesisInProgress,

    /// Uploaded file exceeds the size limit (100 MB).
    #[error(
        code = "FILE_TOO_LARGE",
        status = 413,
        message = "File size ({0} MB) exceeds 100 MB limit"
    )]
    FileTooLarge(u64),

    /// Uploaded file type is not allowed (executables, scripts).
    #[error(
        code = "UNSUPPORTED_FILE_TYPE",
        status = 415,
        message = "Executable and script files are not allowed."
    )]
    UnsupportedFileType,

    /// The request is well-formed but contains semantic errors.
    #[error(
        code = "SOURCES_NOT_READY",
        status = 422,
        message = "{0} source(s) are not yet processed: {1}. Wait for processing to complete before synthesizing."
    )]
    SourcesNotReady(usize, Listed),

    /// Rate limit exceeded.
    #[error(
        code = "RATE_LIMIT_EXCEEDED",
        status = 429,
        message = "Rate limit exceeded. Retry after {retry_after} seconds."
    )]
    RateLimitExceeded {
        #[error(retry_after)]
        retry_after: u64,
    },

    /// An unexpected error occurred on the server.
    #[error(
        code = "SYNTHESIS_FAILED",
        status = 500,
        message = "Synthesis failed: {0}"
    )]
    SynthesisFailed(String),

    /// An upstream service (Stripe, GitHub, Linear) returned an error.
    #[error(code = "BAD_GATEWAY", status = 502, message = "Failed to {0}")]
    BadGateway(
        &'static str,
        #[source] Box<dyn std::error::Error + Send + Sync>,
    ),

    /// A required service is not configured or unavailable.
    #[error(
        code = "AGENT_NOT_CONFIGURED",
        status = 503,
        message = "AI agent is not configured. Please check ANTHROPIC_API_KEY."
    )]
    AgentNotConfigured,
}

/// The page's generic error: a code, a message and free-form context in `details`.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
#[error(
    code = "ERROR_CODE",
    status = 400,
    message = "Human-readable description of what went wrong."
)]
pub struct Documented {
    #[error(flatten)]
    context: BTreeMap<String, Value>,
}

#[test]
fn format_block() {
    let err = Documented {
        context: BTreeMap::new(),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "code": "ERROR_CODE",
            "message": "Human-readable description of what went wrong.",
            "details": {}
        })
    );
    let err = Documented {
        context: BTreeMap::from([("workspace".to_owned(), json!("ws_1"))]),
    };
    assert_eq!(default_body(&err)["details"], json!({"workspace": "ws_1"}));
}

#[test]
fn bad_request_400() {
    let err = WorkspaceError::InvalidStatusTransition(
        "suggested",
        "implemented",
        Listed(vec!["accepted", "rejected"]),
    );
    assert_eq!(
        default_body(&err),
        json!({
            "code": "INVALID_STATUS_TRANSITION",
            "message": "Cannot transition from 'suggested' to 'implemented'. Valid transitions: accepted, rejected."
        })
    );
}

#[test]
fn unauthorized_401() {
    assert_eq!(
        default_body(&WorkspaceError::Unauthorized),
        json!({
            "code": "UNAUTHORIZED",
            "message": "Invalid or expired authentication token."
        })
    );
}

#[test]
fn payment_required_402() {
    let err = WorkspaceError::UsageLimitExceeded {
        usage_type: UsageType::Synthesis,
        current: 3,
        limit: 3,
        plan: Plan::Trial,
        upgrade_required: true,
    };
    assert_eq!(
        default_body(&err),
        json!({
            "code": "USAGE_LIMIT_EXCEEDED",
            "message": "Synthesis limit reached for your plan.",
            "details": {
                "usage_type": "synthesis",
                "current": 3,
                "limit": 3,
                "plan": "trial",
                "upgrade_required": true
            }
        })
    );
    assert_eq!(err.status(), 402);
}

#[test]
fn forbidden_403() {
    assert_eq!(
        default_body(&WorkspaceError::Forbidden("workspace")),
        json!({
            "code": "FORBIDDEN",
            "message": "You do not have access to this workspace"
        })
    );
}

#[test]
fn not_found_404() {
    let err = WorkspaceError::NotFound("Workspace", "550e8400-e29b-41d4-a716-446655440000".into());
    assert_eq!(
        default_body(&err),
        json!({
            "code": "NOT_FOUND",
            "message": "Workspace 550e8400-e29b-41d4-a716-446655440000 not found"
        })
    );
}

#[test]
fn conflict_409() {
    assert_eq!(
        default_body(&WorkspaceError::SynthesisInProgress),
        json!({
            "code": "SYNTHESIS_IN_PROGRESS",
            "message": "Synthesis is already running for this workspace. Please wait."
        })
    );
}

#[test]
fn payload_too_large_413() {
    assert_eq!(
        default_body(&WorkspaceError::FileTooLarge(150)),
        json!({
            "code": "FILE_TOO_LARGE",
            "message": "File size (150 MB) exceeds 100 MB limit"
        })
    );
}

#[test]
fn unsupported_media_type_415() {
    assert_eq!(
        default_body(&WorkspaceError::UnsupportedFileType),
        json!({
            "code": "UNSUPPORTED_FILE_TYPE",
            "message": "Executable and script files are not allowed."
        })
    );
}

#[test]
fn unprocessable_entity_422() {
    let err = WorkspaceError::SourcesNotReady(2, Listed(vec!["User Interviews", "Support Logs"]));
    assert_eq!(
        default_body(&err),
        json!({
            "code": "SOURCES_NOT_READY",
            "message": "2 source(s) are not yet processed: User Interviews, Support Logs. Wait for processing to complete before synthesizing."
        })
    );
}

#[test]
fn too_many_requests_429() {
    let err = WorkspaceError::RateLimitExceeded { retry_after: 12 };
    assert_eq!(
        default_body(&err),
        json!({
            "code": "RATE_LIMIT_EXCEEDED",
            "message": "Rate limit exceeded. Retry after 12 seconds.",
            "details": {
                "retry_after": 12
            }
        })
    );
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json"), ("retry-after", "12")])
    );
}

#[test]
fn internal_server_error_500() {
    let err = WorkspaceError::SynthesisFailed("Agent timed out after 300 seconds.".into());
    assert_eq!(
        default_body(&err),
        json!({
            "code": "SYNTHESIS_FAILED",
            "message": "Synthesis failed: Agent timed out after 300 seconds."
        })
    );
}

#[test]
fn bad_gateway_502() {
    let err = WorkspaceError::BadGateway(
        "create Stripe customer",
        "stripe: 500 Internal Server Error (sk_live_secret)".into(),
    );
    assert_eq!(
        default_body(&err),
        json!({
            "code": "BAD_GATEWAY",
            "message": "Failed to create Stripe customer"
        })
    );
}

#[test]
fn service_unavailable_503() {
    let err = WorkspaceError::AgentNotConfigured;
    assert_eq!(
        default_body(&err),
        json!({
            "code": "AGENT_NOT_CONFIGURED",
            "message": "AI agent is not configured. Please check ANTHROPIC_API_KEY."
        })
    );
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json")])
    );
}

#[test]
fn statuses_match_the_headings() {
    let statuses: Vec<(&str, u16)> = WorkspaceError::CATALOG
        .iter()
        .map(|spec| (spec.code(), spec.status_u16()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("INVALID_STATUS_TRANSITION", 400),
            ("UNAUTHORIZED", 401),
            ("USAGE_LIMIT_EXCEEDED", 402),
            ("FORBIDDEN", 403),
            ("NOT_FOUND", 404),
            ("SYNTHESIS_IN_PROGRESS", 409),
            ("FILE_TOO_LARGE", 413),
            ("UNSUPPORTED_FILE_TYPE", 415),
            ("SOURCES_NOT_READY", 422),
            ("RATE_LIMIT_EXCEEDED", 429),
            ("SYNTHESIS_FAILED", 500),
            ("BAD_GATEWAY", 502),
            ("AGENT_NOT_CONFIGURED", 503),
        ]
    );
}
