//! Seed 000 (the CODITECT API's "Error Codes" page): its errors declared as that team
//! would, one enum per section of the page, and every JSON example on the page
//! reproduced whole in the Nested format.
//!
//! The page's "Error Response Format" block is not JSON (it has a `// Additional
//! context` comment in `details`); its shape, with `meta.request_id`, is asserted by
//! `format_block_shape` with a real detail in place of the comment. The catalog side of
//! the page (statuses, descriptions, resolutions) is checked by `tests/seed_000.rs`.

mod common;

use common::{Timestamp, default_body, headers, pairs};
use error_catalog::{ApiError, FieldErrors};
use serde::Serialize;
use serde_json::json;
use std::fmt;

/// Authentication Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum AuthError {
    /// The email/password combination is incorrect.
    #[error(
        code = "invalid_credentials",
        status = 401,
        message = "The email or password is incorrect",
        resolution = "Verify credentials or reset password."
    )]
    InvalidCredentials,

    /// The access token has expired.
    #[error(
        code = "token_expired",
        status = 401,
        message = "The access token has expired",
        resolution = "Use refresh token to obtain new access token."
    )]
    TokenExpired { expired_at: Timestamp },

    /// The token is malformed or has been revoked.
    #[error(
        code = "token_invalid",
        status = 401,
        message = "The access token is invalid",
        resolution = "Re-authenticate to obtain new tokens."
    )]
    TokenInvalid,

    /// The token doesn't have required permissions.
    #[error(
        code = "insufficient_scope",
        status = 403,
        message = "This action requires the '{required_scope}' scope",
        resolution = "Request a token with required scopes."
    )]
    InsufficientScope {
        required_scope: String,
        current_scopes: Vec<String>,
    },
}

/// Why a license was suspended.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuspensionReason {
    PaymentFailed,
}

/// License Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum LicenseError {
    /// All license seats are currently in use.
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})",
        resolution = "Wait for a seat to be released or upgrade license."
    )]
    NoSeatsAvailable {
        max_seats: u32,
        active_seats: u32,
        next_available_hint: Option<Timestamp>,
    },

    /// The license has passed its expiration date.
    #[error(
        code = "license_expired",
        status = 403,
        message = "This license expired on {expired_at:.10}",
        resolution = "Renew subscription or contact support."
    )]
    LicenseExpired {
        expired_at: Timestamp,
        license_id: String,
    },

    /// The license has been suspended (usually due to payment issues).
    #[error(
        code = "license_suspended",
        status = 403,
        message = "License suspended due to payment failure",
        resolution = "Update payment method and retry."
    )]
    LicenseSuspended {
        reason: SuspensionReason,
        suspended_at: Timestamp,
    },

    /// The session expired due to missed heartbeats.
    #[error(
        code = "session_timeout",
        status = 410,
        message = "Session expired due to missed heartbeat",
        resolution = "Acquire a new session."
    )]
    SessionTimeout {
        last_heartbeat: Timestamp,
        timeout_at: Timestamp,
    },

    /// The hardware ID format is invalid or unrecognized.
    #[error(
        code = "invalid_hardware_id",
        status = 400,
        message = "The hardware ID format is invalid",
        resolution = "Use the SDK to generate valid hardware ID."
    )]
    InvalidHardwareId {
        provided: String,
        expected_format: &'static str,
    },
}

/// Validation Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum RequestError {
    /// Request body failed validation.
    #[error(
        code = "validation_error",
        status = 422,
        message = "Request validation failed",
        resolution = "Fix the indicated fields and retry."
    )]
    Validation {
        #[error(flatten)]
        errors: FieldErrors,
    },

    /// The request is malformed.
    #[error(
        code = "invalid_request",
        status = 400,
        message = "Invalid JSON in request body",
        resolution = "Verify request format and content type."
    )]
    InvalidRequest { parse_error: String },
}

/// The kind of a resource: `project` on the wire, `Project` in messages.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    Project,
}

impl fmt::Display for ResourceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ResourceType::Project => "Project",
        })
    }
}

/// Resource Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum ResourceError {
    /// The requested resource doesn't exist.
    #[error(
        code = "not_found",
        status = 404,
        message = "{resource_type} not found",
        resolution = "Verify the resource ID exists."
    )]
    NotFound {
        resource_type: ResourceType,
        resource_id: String,
    },

    /// A resource with this identifier already exists.
    #[error(
        code = "already_exists",
        status = 409,
        message = "A project with this {field} already exists",
        resolution = "Use a different identifier."
    )]
    AlreadyExists { field: String, value: String },
}

/// Rate Limiting Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum RateLimitError {
    /// Too many requests in the time window.
    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests",
        resolution = "Wait for Retry-After seconds before retrying."
    )]
    RateLimitExceeded {
        limit: u32,
        window: String,
        #[error(retry_after)]
        retry_after: u64,
    },
}

/// Server Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum ServerError {
    /// An unexpected error occurred.
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred",
        resolution = "Retry the request. If persistent, contact support with request_id."
    )]
    Internal {
        request_id: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    /// The service is temporarily unavailable.
    #[error(
        code = "service_unavailable",
        status = 503,
        message = "Service temporarily unavailable",
        resolution = "Wait and retry. Check status.coditect.ai."
    )]
    ServiceUnavailable {
        #[error(retry_after)]
        retry_after: u64,
    },
}

#[test]
fn invalid_credentials() {
    assert_eq!(
        default_body(&AuthError::InvalidCredentials),
        json!({
            "error": {
                "code": "invalid_credentials",
                "message": "The email or password is incorrect"
            }
        })
    );
}

#[test]
fn token_expired() {
    let err = AuthError::TokenExpired {
        expired_at: Timestamp::utc(2026, 1, 9, 10, 0, 0),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "token_expired",
                "message": "The access token has expired",
                "details": {
                    "expired_at": "2026-01-09T10:00:00Z"
                }
            }
        })
    );
}

#[test]
fn token_invalid() {
    assert_eq!(
        default_body(&AuthError::TokenInvalid),
        json!({
            "error": {
                "code": "token_invalid",
                "message": "The access token is invalid"
            }
        })
    );
}

#[test]
fn insufficient_scope() {
    let err = AuthError::InsufficientScope {
        required_scope: "write:projects".into(),
        current_scopes: vec!["read:projects".into()],
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "insufficient_scope",
                "message": "This action requires the 'write:projects' scope",
                "details": {
                    "required_scope": "write:projects",
                    "current_scopes": ["read:projects"]
                }
            }
        })
    );
}

#[test]
fn no_seats_available() {
    let err = LicenseError::NoSeatsAvailable {
        max_seats: 10,
        active_seats: 10,
        next_available_hint: Some(Timestamp::utc(2026, 1, 9, 10, 30, 0)),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "no_seats_available",
                "message": "All seats are currently in use (10/10)",
                "details": {
                    "max_seats": 10,
                    "active_seats": 10,
                    "next_available_hint": "2026-01-09T10:30:00Z"
                }
            }
        })
    );
}

#[test]
fn license_expired() {
    let err = LicenseError::LicenseExpired {
        expired_at: Timestamp::utc(2026, 1, 1, 0, 0, 0),
        license_id: "lic_abc123".into(),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "license_expired",
                "message": "This license expired on 2026-01-01",
                "details": {
                    "expired_at": "2026-01-01T00:00:00Z",
                    "license_id": "lic_abc123"
                }
            }
        })
    );
}

#[test]
fn license_suspended() {
    let err = LicenseError::LicenseSuspended {
        reason: SuspensionReason::PaymentFailed,
        suspended_at: Timestamp::utc(2026, 1, 5, 0, 0, 0),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "license_suspended",
                "message": "License suspended due to payment failure",
                "details": {
                    "reason": "payment_failed",
                    "suspended_at": "2026-01-05T00:00:00Z"
                }
            }
        })
    );
}

#[test]
fn session_timeout() {
    let err = LicenseError::SessionTimeout {
        last_heartbeat: Timestamp::utc(2026, 1, 9, 10, 0, 0),
        timeout_at: Timestamp::utc(2026, 1, 9, 10, 6, 0),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "session_timeout",
                "message": "Session expired due to missed heartbeat",
                "details": {
                    "last_heartbeat": "2026-01-09T10:00:00Z",
                    "timeout_at": "2026-01-09T10:06:00Z"
                }
            }
        })
    );
}

#[test]
fn invalid_hardware_id() {
    let err = LicenseError::InvalidHardwareId {
        provided: "invalid-id".into(),
        expected_format: "hw_[a-z0-9]{32}",
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "invalid_hardware_id",
                "message": "The hardware ID format is invalid",
                "details": {
                    "provided": "invalid-id",
                    "expected_format": "hw_[a-z0-9]{32}"
                }
            }
        })
    );
}

#[test]
fn validation_error() {
    let mut errors = FieldErrors::new();
    errors
        .add("email", "Must be a valid email address")
        .add("password", "Must be at least 12 characters");
    let err = RequestError::Validation { errors };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "validation_error",
                "message": "Request validation failed",
                "details": {
                    "errors": [
                        {
                            "field": "email",
                            "message": "Must be a valid email address"
                        },
                        {
                            "field": "password",
                            "message": "Must be at least 12 characters"
                        }
                    ]
                }
            }
        })
    );
}

#[test]
fn invalid_request() {
    let err = RequestError::InvalidRequest {
        parse_error: "Unexpected token at position 45".into(),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "invalid_request",
                "message": "Invalid JSON in request body",
                "details": {
                    "parse_error": "Unexpected token at position 45"
                }
            }
        })
    );
}

#[test]
fn not_found() {
    let err = ResourceError::NotFound {
        resource_type: ResourceType::Project,
        resource_id: "proj_xyz789".into(),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "not_found",
                "message": "Project not found",
                "details": {
                    "resource_type": "project",
                    "resource_id": "proj_xyz789"
                }
            }
        })
    );
}

#[test]
fn already_exists() {
    let err = ResourceError::AlreadyExists {
        field: "name".into(),
        value: "my-project".into(),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "already_exists",
                "message": "A project with this name already exists",
                "details": {
                    "field": "name",
                    "value": "my-project"
                }
            }
        })
    );
}

#[test]
fn rate_limit_exceeded_with_retry_after_header() {
    let err = RateLimitError::RateLimitExceeded {
        limit: 300,
        window: "1 minute".into(),
        retry_after: 45,
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "rate_limit_exceeded",
                "message": "Too many requests",
                "details": {
                    "limit": 300,
                    "window": "1 minute",
                    "retry_after": 45
                }
            }
        })
    );
    assert_eq!(err.status(), 429);
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json"), ("retry-after", "45")])
    );
}

#[test]
fn internal_error_keeps_its_source_private() {
    let err = ServerError::Internal {
        request_id: "req_abc123".into(),
        source: "connection refused by db-primary:5432".into(),
    };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "internal_error",
                "message": "An internal error occurred",
                "details": {
                    "request_id": "req_abc123"
                }
            }
        })
    );
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json")])
    );
}

#[test]
fn service_unavailable_with_retry_after_header() {
    let err = ServerError::ServiceUnavailable { retry_after: 30 };
    assert_eq!(
        default_body(&err),
        json!({
            "error": {
                "code": "service_unavailable",
                "message": "Service temporarily unavailable",
                "details": {
                    "retry_after": 30
                }
            }
        })
    );
    assert_eq!(
        headers(&err),
        pairs(&[("content-type", "application/json"), ("retry-after", "30")])
    );
}

#[test]
fn format_block_shape() {
    let err = AuthError::TokenExpired {
        expired_at: Timestamp::utc(2026, 1, 9, 10, 0, 0),
    };
    let text = err.envelope().request_id("req_abc123").to_json();
    assert_eq!(
        text,
        r#"{"error":{"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"}},"meta":{"request_id":"req_abc123"}}"#
    );
}
