//! An API whose errors are flat bodies with `UPPER_SNAKE_CASE` codes,
//! `{"code","message","details","request_id"}`, and field errors as a map (a published
//! "API Error Codes" page): its errors declared as that team would, with `rename_all`,
//! and every JSON example on the page reproduced whole in the Flat format; the
//! `Retry-After` header "when available"; the code tables and the "Retryable" column as
//! catalog data.
//!
//! The page's "Error Response Format" block is not JSON (`"details": { ... }`); its
//! shape, with `request_id`, is asserted by `format_block_shape` with a real detail.

mod common;

use common::{default_body, headers, pairs};
use error_catalog::{ApiError, FieldError, FieldErrors};
use serde_json::json;

/// A failure of the database layer; its text is internal.
#[derive(Debug)]
pub struct DbError(String);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DbError {}

/// API errors.
#[derive(Debug, ApiError)]
#[api_error(format = "flat", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AppError {
    /// Missing or invalid authentication
    #[error(
        status = 401,
        message = "Unauthorized: {0}",
        resolution = "Provide valid API key or session cookie"
    )]
    Unauthorized(String),

    /// Invalid username or password
    #[error(status = 401, resolution = "Check login credentials")]
    InvalidCredentials,

    /// Session has expired
    #[error(status = 401, resolution = "Re-authenticate to get new session")]
    SessionExpired,

    /// Webhook signature validation failed
    #[error(status = 401, resolution = "Verify webhook secret configuration")]
    InvalidSignature,

    /// Authenticated but not authorized
    #[error(status = 403, resolution = "Check user role and permissions")]
    Forbidden,

    /// CSRF token missing or invalid
    #[error(status = 403, resolution = "Include valid CSRF token in request")]
    CsrfValidationFailed,

    /// User account is disabled
    #[error(status = 403, resolution = "Contact administrator")]
    AccountDisabled,

    /// Resource not found
    #[error(
        status = 404,
        message = "Not found: {0}",
        resolution = "Verify resource ID exists"
    )]
    NotFound(String),

    /// Malformed request
    #[error(
        status = 400,
        message = "Bad request: {0}",
        resolution = "Check request syntax and parameters"
    )]
    BadRequest(String),

    /// Resource conflict (e.g., already exists)
    #[error(
        status = 409,
        message = "Conflict: {0}",
        resolution = "Action already completed or duplicate resource"
    )]
    Conflict(String),

    /// Semantic error in request
    #[error(
        status = 422,
        message = "Unprocessable entity: {0}",
        resolution = "Check request logic and data validity"
    )]
    UnprocessableEntity(String),

    /// Field validation failed
    #[error(
        status = 422,
        message = "Validation failed",
        resolution = "See details for field-specific errors"
    )]
    ValidationError {
        #[error(flatten)]
        errors: FieldErrors,
    },

    /// Too many requests
    #[error(
        status = 429,
        message = "Rate limit exceeded",
        resolution = "Wait and retry with exponential backoff"
    )]
    RateLimitExceeded(#[error(retry_after)] Option<u64>),

    /// Unexpected server error
    #[error(
        status = 500,
        retryable = true,
        message = "Internal server error",
        resolution = "Check server logs, contact support"
    )]
    InternalError(#[source] Box<dyn std::error::Error + Send + Sync>),

    /// Database operation failed
    #[error(
        status = 500,
        retryable = true,
        resolution = "Check database connectivity"
    )]
    DatabaseError(#[from] DbError),

    /// Service temporarily unavailable
    #[error(status = 503, resolution = "Retry later")]
    ServiceUnavailable,
}

#[test]
fn validation_error() {
    let errors: FieldErrors = [
        FieldError::new("name", "Name is required").with_code("required"),
        FieldError::new("email", "Invalid email format").with_code("invalid_format"),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        default_body(&AppError::ValidationError { errors }),
        json!({
            "code": "VALIDATION_ERROR",
            "message": "Validation failed",
            "details": {
                "name": {
                    "code": "required",
                    "message": "Name is required"
                },
                "email": {
                    "code": "invalid_format",
                    "message": "Invalid email format"
                }
            }
        })
    );
}

#[test]
fn not_found() {
    let err = AppError::NotFound("Incident 550e8400-e29b-41d4-a716-446655440000 not found".into());
    assert_eq!(
        default_body(&err),
        json!({
            "code": "NOT_FOUND",
            "message": "Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found"
        })
    );
}

#[test]
fn conflict() {
    let err =
        AppError::Conflict("Action is not pending approval (current status: Approved)".into());
    assert_eq!(
        default_body(&err),
        json!({
            "code": "CONFLICT",
            "message": "Conflict: Action is not pending approval (current status: Approved)"
        })
    );
}

#[test]
fn rate_limit_with_retry_after_when_available() {
    let known = AppError::RateLimitExceeded(Some(30));
    let unknown = AppError::RateLimitExceeded(None);
    let expected = json!({
        "code": "RATE_LIMIT_EXCEEDED",
        "message": "Rate limit exceeded"
    });
    assert_eq!(default_body(&known), expected);
    assert_eq!(default_body(&unknown), expected);
    assert_eq!(
        headers(&known),
        pairs(&[("content-type", "application/json"), ("retry-after", "30")])
    );
    assert_eq!(
        headers(&unknown),
        pairs(&[("content-type", "application/json")])
    );
}

#[test]
fn unauthorized() {
    let err = AppError::Unauthorized("No authentication provided".into());
    assert_eq!(
        default_body(&err),
        json!({
            "code": "UNAUTHORIZED",
            "message": "Unauthorized: No authentication provided"
        })
    );
}

#[test]
fn server_errors_keep_their_sources_private() {
    let err = AppError::from(DbError("relation \"users\" does not exist".into()));
    assert_eq!(
        default_body(&err),
        json!({"code": "DATABASE_ERROR", "message": "Database operation failed"})
    );
    let err = AppError::InternalError("thread 'main' panicked".into());
    assert_eq!(
        default_body(&err),
        json!({"code": "INTERNAL_ERROR", "message": "Internal server error"})
    );
}

#[test]
fn format_block_shape() {
    let errors: FieldErrors = [FieldError::new("name", "Name is required").with_code("required")]
        .into_iter()
        .collect();
    let err = AppError::ValidationError { errors };
    assert_eq!(
        err.envelope().request_id("optional-request-id").to_json(),
        r#"{"code":"VALIDATION_ERROR","message":"Validation failed","details":{"name":{"code":"required","message":"Name is required"}},"request_id":"optional-request-id"}"#
    );
}

/// The three code tables (code, status, description, resolution) and the "Retryable"
/// column of the status summary ("Yes" and "Yes, with caution" are retryable).
#[test]
fn catalog_matches_the_tables() {
    let rows: Vec<(&str, u16, &str, &str, bool)> = AppError::CATALOG
        .iter()
        .map(|spec| {
            (
                spec.code(),
                spec.status_u16(),
                spec.description(),
                spec.resolution().unwrap_or_default(),
                spec.retryable(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "UNAUTHORIZED",
                401,
                "Missing or invalid authentication",
                "Provide valid API key or session cookie",
                false
            ),
            (
                "INVALID_CREDENTIALS",
                401,
                "Invalid username or password",
                "Check login credentials",
                false
            ),
            (
                "SESSION_EXPIRED",
                401,
                "Session has expired",
                "Re-authenticate to get new session",
                false
            ),
            (
                "INVALID_SIGNATURE",
                401,
                "Webhook signature validation failed",
                "Verify webhook secret configuration",
                false
            ),
            (
                "FORBIDDEN",
                403,
                "Authenticated but not authorized",
                "Check user role and permissions",
                false
            ),
            (
                "CSRF_VALIDATION_FAILED",
                403,
                "CSRF token missing or invalid",
                "Include valid CSRF token in request",
                false
            ),
            (
                "ACCOUNT_DISABLED",
                403,
                "User account is disabled",
                "Contact administrator",
                false
            ),
            (
                "NOT_FOUND",
                404,
                "Resource not found",
                "Verify resource ID exists",
                false
            ),
            (
                "BAD_REQUEST",
                400,
                "Malformed request",
                "Check request syntax and parameters",
                false
            ),
            (
                "CONFLICT",
                409,
                "Resource conflict (e.g., already exists)",
                "Action already completed or duplicate resource",
                false
            ),
            (
                "UNPROCESSABLE_ENTITY",
                422,
                "Semantic error in request",
                "Check request logic and data validity",
                false
            ),
            (
                "VALIDATION_ERROR",
                422,
                "Field validation failed",
                "See details for field-specific errors",
                false
            ),
            (
                "RATE_LIMIT_EXCEEDED",
                429,
                "Too many requests",
                "Wait and retry with exponential backoff",
                true
            ),
            (
                "INTERNAL_ERROR",
                500,
                "Unexpected server error",
                "Check server logs, contact support",
                true
            ),
            (
                "DATABASE_ERROR",
                500,
                "Database operation failed",
                "Check database connectivity",
                true
            ),
            (
                "SERVICE_UNAVAILABLE",
                503,
                "Service temporarily unavailable",
                "Retry later",
                true
            ),
        ]
    );
}
