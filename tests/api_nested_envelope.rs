//! An API whose errors are a nested envelope, `{"error":{"code","message","details"},
//! "meta":{"request_id"}}` with `snake_case` codes: the CODITECT API's published "Error
//! Codes" page, its errors declared as that team would, one enum per section of the page,
//! with the codes, statuses, messages, descriptions and resolutions as published.
//!
//! Two sides of the page are checked. The catalog side: every code's status, retryable
//! flag, resolution and description, each section's text and the page's order, each
//! example's message and details, and the page's client example that branches on the
//! code behind one trait object. The wire side: every JSON example on the page
//! reproduced whole in the Nested format, with the `Retry-After` header where the page
//! gives a `retry_after`.
//!
//! The page's "Error Response Format" block is not JSON (it has a `// Additional
//! context` comment in `details`); its shape, with `meta.request_id`, is asserted by
//! `format_block_shape` with a real detail in place of the comment.

mod common;

use common::{Timestamp, default_body, headers, pairs};
use error_catalog::{ApiError, DetailValue, ErrorSpec, FieldErrors, Format};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::fmt;

/// Authentication Errors
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum AuthenticationError {
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
    // Retryable although 409: the page says to wait for a seat ("Try again later").
    #[error(
        code = "no_seats_available",
        status = 409,
        retryable = true,
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
pub enum ValidationError {
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

// The catalog side of the page.

/// One row of the page: code, status, retryable, resolution, description.
type Row = (&'static str, u16, bool, &'static str, &'static str);

fn rows(catalog: &[ErrorSpec]) -> Vec<Row> {
    catalog
        .iter()
        .map(|spec| {
            (
                spec.code(),
                spec.status_u16(),
                spec.retryable(),
                spec.resolution().unwrap_or_default(),
                spec.description(),
            )
        })
        .collect()
}

/// The details of an error as one JSON object (declaration order is checked in derive.rs).
fn details(err: &dyn ApiError) -> Value {
    let mut map = Map::new();
    err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
        map.insert(name.to_owned(), serde_json::to_value(value).unwrap());
    });
    Value::Object(map)
}

#[test]
fn authentication_errors() {
    assert_eq!(
        rows(AuthenticationError::CATALOG),
        [
            (
                "invalid_credentials",
                401,
                false,
                "Verify credentials or reset password.",
                "The email/password combination is incorrect.",
            ),
            (
                "token_expired",
                401,
                false,
                "Use refresh token to obtain new access token.",
                "The access token has expired.",
            ),
            (
                "token_invalid",
                401,
                false,
                "Re-authenticate to obtain new tokens.",
                "The token is malformed or has been revoked.",
            ),
            (
                "insufficient_scope",
                403,
                false,
                "Request a token with required scopes.",
                "The token doesn't have required permissions.",
            ),
        ]
    );

    let err = AuthenticationError::InvalidCredentials;
    assert_eq!(
        err.message().to_string(),
        "The email or password is incorrect"
    );
    assert_eq!(details(&err), json!({}));

    let err = AuthenticationError::TokenExpired {
        expired_at: Timestamp::utc(2026, 1, 9, 10, 0, 0),
    };
    assert_eq!(err.message().to_string(), "The access token has expired");
    assert_eq!(details(&err), json!({"expired_at": "2026-01-09T10:00:00Z"}));

    let err = AuthenticationError::TokenInvalid;
    assert_eq!(err.message().to_string(), "The access token is invalid");

    let err = AuthenticationError::InsufficientScope {
        required_scope: "write:projects".into(),
        current_scopes: vec!["read:projects".into()],
    };
    assert_eq!(
        err.message().to_string(),
        "This action requires the 'write:projects' scope"
    );
    assert_eq!(
        details(&err),
        json!({"required_scope": "write:projects", "current_scopes": ["read:projects"]})
    );
}

#[test]
fn license_errors() {
    assert_eq!(
        rows(LicenseError::CATALOG),
        [
            (
                "no_seats_available",
                409,
                true,
                "Wait for a seat to be released or upgrade license.",
                "All license seats are currently in use.",
            ),
            (
                "license_expired",
                403,
                false,
                "Renew subscription or contact support.",
                "The license has passed its expiration date.",
            ),
            (
                "license_suspended",
                403,
                false,
                "Update payment method and retry.",
                "The license has been suspended (usually due to payment issues).",
            ),
            (
                "session_timeout",
                410,
                false,
                "Acquire a new session.",
                "The session expired due to missed heartbeats.",
            ),
            (
                "invalid_hardware_id",
                400,
                false,
                "Use the SDK to generate valid hardware ID.",
                "The hardware ID format is invalid or unrecognized.",
            ),
        ]
    );

    let err = LicenseError::NoSeatsAvailable {
        max_seats: 10,
        active_seats: 10,
        next_available_hint: Some(Timestamp::utc(2026, 1, 9, 10, 30, 0)),
    };
    assert_eq!(
        err.message().to_string(),
        "All seats are currently in use (10/10)"
    );
    assert_eq!(
        details(&err),
        json!({"max_seats": 10, "active_seats": 10, "next_available_hint": "2026-01-09T10:30:00Z"})
    );
    let no_hint = LicenseError::NoSeatsAvailable {
        max_seats: 10,
        active_seats: 10,
        next_available_hint: None,
    };
    assert_eq!(
        details(&no_hint),
        json!({"max_seats": 10, "active_seats": 10})
    );

    let err = LicenseError::LicenseExpired {
        expired_at: Timestamp::utc(2026, 1, 1, 0, 0, 0),
        license_id: "lic_abc123".into(),
    };
    assert_eq!(
        err.message().to_string(),
        "This license expired on 2026-01-01"
    );
    assert_eq!(
        details(&err),
        json!({"expired_at": "2026-01-01T00:00:00Z", "license_id": "lic_abc123"})
    );

    let err = LicenseError::LicenseSuspended {
        reason: SuspensionReason::PaymentFailed,
        suspended_at: Timestamp::utc(2026, 1, 5, 0, 0, 0),
    };
    assert_eq!(
        err.message().to_string(),
        "License suspended due to payment failure"
    );
    assert_eq!(
        details(&err),
        json!({"reason": "payment_failed", "suspended_at": "2026-01-05T00:00:00Z"})
    );

    let err = LicenseError::SessionTimeout {
        last_heartbeat: Timestamp::utc(2026, 1, 9, 10, 0, 0),
        timeout_at: Timestamp::utc(2026, 1, 9, 10, 6, 0),
    };
    assert_eq!(
        err.message().to_string(),
        "Session expired due to missed heartbeat"
    );
    assert_eq!(
        details(&err),
        json!({"last_heartbeat": "2026-01-09T10:00:00Z", "timeout_at": "2026-01-09T10:06:00Z"})
    );

    let err = LicenseError::InvalidHardwareId {
        provided: "invalid-id".into(),
        expected_format: "hw_[a-z0-9]{32}",
    };
    assert_eq!(
        err.message().to_string(),
        "The hardware ID format is invalid"
    );
    assert_eq!(
        details(&err),
        json!({"provided": "invalid-id", "expected_format": "hw_[a-z0-9]{32}"})
    );
}

#[test]
fn validation_errors() {
    assert_eq!(
        rows(ValidationError::CATALOG),
        [
            (
                "validation_error",
                422,
                false,
                "Fix the indicated fields and retry.",
                "Request body failed validation.",
            ),
            (
                "invalid_request",
                400,
                false,
                "Verify request format and content type.",
                "The request is malformed.",
            ),
        ]
    );

    let mut errors = FieldErrors::new();
    errors
        .add("email", "Must be a valid email address")
        .add("password", "Must be at least 12 characters");
    let err = ValidationError::Validation { errors };
    assert_eq!(err.message().to_string(), "Request validation failed");
    assert_eq!(
        details(&err),
        json!({"errors": [
            {"field": "email", "message": "Must be a valid email address"},
            {"field": "password", "message": "Must be at least 12 characters"}
        ]})
    );

    let err = ValidationError::InvalidRequest {
        parse_error: "Unexpected token at position 45".into(),
    };
    assert_eq!(err.message().to_string(), "Invalid JSON in request body");
    assert_eq!(
        details(&err),
        json!({"parse_error": "Unexpected token at position 45"})
    );
}

#[test]
fn resource_errors() {
    assert_eq!(
        rows(ResourceError::CATALOG),
        [
            (
                "not_found",
                404,
                false,
                "Verify the resource ID exists.",
                "The requested resource doesn't exist.",
            ),
            (
                "already_exists",
                409,
                false,
                "Use a different identifier.",
                "A resource with this identifier already exists.",
            ),
        ]
    );

    let err = ResourceError::NotFound {
        resource_type: ResourceType::Project,
        resource_id: "proj_xyz789".into(),
    };
    assert_eq!(err.message().to_string(), "Project not found");
    assert_eq!(
        details(&err),
        json!({"resource_type": "project", "resource_id": "proj_xyz789"})
    );

    let err = ResourceError::AlreadyExists {
        field: "name".into(),
        value: "my-project".into(),
    };
    assert_eq!(
        err.message().to_string(),
        "A project with this name already exists"
    );
    assert_eq!(
        details(&err),
        json!({"field": "name", "value": "my-project"})
    );
}

#[test]
fn rate_limiting_errors() {
    assert_eq!(
        rows(RateLimitError::CATALOG),
        [(
            "rate_limit_exceeded",
            429,
            true,
            "Wait for Retry-After seconds before retrying.",
            "Too many requests in the time window.",
        )]
    );

    let err = RateLimitError::RateLimitExceeded {
        limit: 300,
        window: "1 minute".into(),
        retry_after: 45,
    };
    assert_eq!(err.message().to_string(), "Too many requests");
    assert_eq!(err.retry_after(), Some(45));
    assert_eq!(
        details(&err),
        json!({"limit": 300, "window": "1 minute", "retry_after": 45})
    );
}

#[test]
fn server_errors() {
    assert_eq!(
        rows(ServerError::CATALOG),
        [
            (
                "internal_error",
                500,
                false,
                "Retry the request. If persistent, contact support with request_id.",
                "An unexpected error occurred.",
            ),
            (
                "service_unavailable",
                503,
                true,
                "Wait and retry. Check status.coditect.ai.",
                "The service is temporarily unavailable.",
            ),
        ]
    );

    let err = ServerError::Internal {
        request_id: "req_abc123".into(),
        source: "connection to db-3 refused".into(),
    };
    // The source's text stays internal: not in the message, not in the details.
    assert_eq!(err.message().to_string(), "An internal error occurred");
    assert_eq!(err.to_string(), "An internal error occurred");
    assert_eq!(details(&err), json!({"request_id": "req_abc123"}));
    assert_eq!(
        std::error::Error::source(&err).unwrap().to_string(),
        "connection to db-3 refused"
    );

    let err = ServerError::ServiceUnavailable { retry_after: 30 };
    assert_eq!(err.message().to_string(), "Service temporarily unavailable");
    assert_eq!(err.retry_after(), Some(30));
    // The page gives 30 as this example's value, not as a fixed delay of the code.
    assert_eq!(ServerError::CATALOG[1].retry_after(), None);
    assert_eq!(details(&err), json!({"retry_after": 30}));
}

#[test]
fn the_whole_page_in_order() {
    let page: Vec<(&str, &str, &str)> = [
        AuthenticationError::CATALOG,
        LicenseError::CATALOG,
        ValidationError::CATALOG,
        ResourceError::CATALOG,
        RateLimitError::CATALOG,
        ServerError::CATALOG,
    ]
    .iter()
    .flat_map(|catalog| catalog.iter())
    .map(|spec| (spec.category().doc(), spec.code(), spec.category().name()))
    .collect();
    assert_eq!(
        page,
        [
            (
                "Authentication Errors",
                "invalid_credentials",
                "AuthenticationError"
            ),
            (
                "Authentication Errors",
                "token_expired",
                "AuthenticationError"
            ),
            (
                "Authentication Errors",
                "token_invalid",
                "AuthenticationError"
            ),
            (
                "Authentication Errors",
                "insufficient_scope",
                "AuthenticationError"
            ),
            ("License Errors", "no_seats_available", "LicenseError"),
            ("License Errors", "license_expired", "LicenseError"),
            ("License Errors", "license_suspended", "LicenseError"),
            ("License Errors", "session_timeout", "LicenseError"),
            ("License Errors", "invalid_hardware_id", "LicenseError"),
            ("Validation Errors", "validation_error", "ValidationError"),
            ("Validation Errors", "invalid_request", "ValidationError"),
            ("Resource Errors", "not_found", "ResourceError"),
            ("Resource Errors", "already_exists", "ResourceError"),
            (
                "Rate Limiting Errors",
                "rate_limit_exceeded",
                "RateLimitError"
            ),
            ("Server Errors", "internal_error", "ServerError"),
            ("Server Errors", "service_unavailable", "ServerError"),
        ]
    );
    for catalog in [AuthenticationError::CATALOG, ServerError::CATALOG] {
        assert!(
            catalog
                .iter()
                .all(|s| s.category().format() == Format::Nested)
        );
    }
}

/// The page's client example branches on the code; a server handler sees one type.
fn describe(err: &dyn ApiError) -> String {
    match err.code() {
        "no_seats_available" => "All seats in use. Try again later.".to_owned(),
        "license_expired" => "License expired. Please renew.".to_owned(),
        "rate_limit_exceeded" => format!(
            "Rate limited. Retry after {} seconds",
            err.retry_after().unwrap_or_default()
        ),
        code => format!("Error {code}: {}", err.message()),
    }
}

#[test]
fn errors_of_every_category_behind_one_trait_object() {
    let errors: Vec<Box<dyn ApiError + Send + Sync>> = vec![
        Box::new(LicenseError::NoSeatsAvailable {
            max_seats: 10,
            active_seats: 10,
            next_available_hint: None,
        }),
        Box::new(RateLimitError::RateLimitExceeded {
            limit: 300,
            window: "1 minute".into(),
            retry_after: 45,
        }),
        Box::new(AuthenticationError::TokenInvalid),
    ];
    let described: Vec<String> = errors.iter().map(|e| describe(&**e)).collect();
    assert_eq!(
        described,
        [
            "All seats in use. Try again later.",
            "Rate limited. Retry after 45 seconds",
            "Error token_invalid: The access token is invalid",
        ]
    );
}

// The wire side of the page: every JSON example, whole, with its headers.

#[test]
fn invalid_credentials() {
    assert_eq!(
        default_body(&AuthenticationError::InvalidCredentials),
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
    let err = AuthenticationError::TokenExpired {
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
        default_body(&AuthenticationError::TokenInvalid),
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
    let err = AuthenticationError::InsufficientScope {
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
    let err = ValidationError::Validation { errors };
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
    let err = ValidationError::InvalidRequest {
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
    let err = AuthenticationError::TokenExpired {
        expired_at: Timestamp::utc(2026, 1, 9, 10, 0, 0),
    };
    let text = err.envelope().request_id("req_abc123").to_json();
    assert_eq!(
        text,
        r#"{"error":{"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"}},"meta":{"request_id":"req_abc123"}}"#
    );
}
