//! The error enums of a licensing API (modelled on the CODITECT API's published "Error
//! Codes" page), split by area as a real service would, and its catalog.
//!
//! Shared by `examples/catalog/main.rs` and the test that keeps
//! `examples/catalog/generated/` current (`tests/catalog_docs.rs`), which compares the
//! files with [`render`]'s output.

// The catalog reads every variant; this example never constructs one.
#![allow(dead_code)]

use error_catalog::{ApiError, Catalog, FieldErrors, catalog};

/// Every error code of the API. `catalog!` checks at compile time that no two share a
/// code.
pub static CATALOG: Catalog = catalog!(
    AuthError,
    LicenseError,
    ValidationError,
    ResourceError,
    RateLimitError,
    ServerError,
);

/// The document for `format`, exactly as committed under `examples/catalog/generated/`.
pub fn render(format: &str) -> Option<String> {
    let catalog = &CATALOG;
    Some(match format {
        "json" => catalog.to_json_pretty(),
        "markdown" => catalog
            .markdown()
            .title("Error Codes")
            .intro(
                "Every error code of the licensing API, grouped by category. Errors use \
                 the nested format: `{\"error\": {\"code\", \"message\", \"details\"}}`, \
                 with `meta.request_id` when the request had an id.",
            )
            .to_string(),
        "openapi" => catalog
            .openapi()
            .title("Licensing API errors")
            .version("1.0.0")
            .to_json(),
        "typescript" => catalog.typescript(),
        _ => return None,
    })
}

/// Authentication errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum AuthError {
    /// The email/password combination is incorrect.
    #[error(
        code = "invalid_credentials",
        status = 401,
        message = "The email or password is incorrect",
        causes = ["A mistyped email or password.", "The password was changed on another device."],
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
    TokenExpired {
        #[error(example = "2026-01-09T10:00:00Z")]
        expired_at: String,
    },

    /// The token is malformed or has been revoked.
    #[error(
        code = "token_invalid",
        status = 401,
        message = "The access token is invalid",
        causes = ["The token was revoked.", "The token was cut short or altered in transit."],
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
        #[error(example = "write:projects")]
        required_scope: String,
        #[error(example = ["read:projects"])]
        current_scopes: Vec<String>,
    },
}

/// License errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum LicenseError {
    /// All license seats are currently in use.
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})",
        resolution = "Wait for a seat to be released or upgrade license."
    )]
    NoSeatsAvailable {
        #[error(example = 10)]
        max_seats: u32,
        #[error(example = 10)]
        active_seats: u32,
        #[error(example = "2026-01-09T10:30:00Z")]
        next_available_hint: Option<String>,
    },

    /// The license has passed its expiration date.
    #[error(
        code = "license_expired",
        status = 403,
        message = "This license expired on {expired_at}",
        resolution = "Renew subscription or contact support."
    )]
    LicenseExpired {
        #[error(example = "2026-01-01T00:00:00Z")]
        expired_at: String,
        #[error(example = "lic_abc123")]
        license_id: String,
    },

    /// The license has been suspended (usually due to payment issues).
    #[error(
        code = "license_suspended",
        status = 403,
        message = "License suspended due to payment failure",
        causes = ["A card payment failed.", "An invoice is past due."],
        resolution = "Update payment method and retry."
    )]
    LicenseSuspended {
        #[error(example = "payment_failed")]
        reason: String,
        #[error(example = "2026-01-05T00:00:00Z")]
        suspended_at: String,
    },

    /// The session expired due to missed heartbeats.
    #[error(
        code = "session_timeout",
        status = 410,
        message = "Session expired due to missed heartbeat",
        resolution = "Acquire a new session."
    )]
    SessionTimeout {
        #[error(example = "2026-01-09T10:00:00Z")]
        last_heartbeat: String,
        #[error(example = "2026-01-09T10:06:00Z")]
        timeout_at: String,
    },

    /// A heartbeat arrived after the session had ended.
    #[deprecated(
        since = "1.4.0",
        note = "the end of a session is always reported as `session_timeout`"
    )]
    #[error(
        code = "heartbeat_missed",
        status = 410,
        message = "The heartbeat arrived after the session ended",
        resolution = "Acquire a new session.",
        replaced_by = "session_timeout"
    )]
    HeartbeatMissed,

    /// The hardware ID format is invalid or unrecognized.
    #[error(
        code = "invalid_hardware_id",
        status = 400,
        message = "The hardware ID format is invalid",
        resolution = "Use the SDK to generate valid hardware ID."
    )]
    InvalidHardwareId {
        #[error(example = "invalid-id")]
        provided: String,
        #[error(example = "hw_[a-z0-9]{32}")]
        expected_format: String,
    },
}

/// Validation errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum ValidationError {
    /// Request body failed validation.
    #[error(
        code = "validation_error",
        status = 422,
        title = "Validation failed",
        message = "Request validation failed",
        resolution = "Fix the indicated fields and retry."
    )]
    Invalid {
        #[error(flatten)]
        errors: FieldErrors,
    },

    /// The request is malformed.
    #[error(
        code = "invalid_request",
        status = 400,
        message = "Invalid JSON in request body",
        causes = ["A body that is not JSON.", "A missing `Content-Type: application/json` header."],
        resolution = "Verify request format and content type."
    )]
    InvalidRequest {
        #[error(example = "Unexpected token at position 45")]
        parse_error: String,
    },
}

/// Resource errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum ResourceError {
    /// The requested resource doesn't exist.
    #[error(
        code = "not_found",
        status = 404,
        message = "Project not found",
        resolution = "Verify the resource ID exists."
    )]
    NotFound {
        #[error(example = "project")]
        resource_type: String,
        #[error(example = "proj_xyz789")]
        resource_id: String,
    },

    /// A resource with this identifier already exists.
    #[error(
        code = "already_exists",
        status = 409,
        message = "A project with this name already exists",
        resolution = "Use a different identifier."
    )]
    AlreadyExists {
        #[error(example = "name")]
        field: String,
        #[error(example = "my-project")]
        value: String,
    },
}

/// Rate limiting errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum RateLimitError {
    /// Too many requests in the time window.
    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests",
        causes = ["A client polling in a tight loop.", "Many clients sharing one API key."],
        resolution = "Wait for Retry-After seconds before retrying."
    )]
    RateLimitExceeded {
        #[error(example = 300, header = "X-RateLimit-Limit")]
        limit: u32,
        #[error(example = "1 minute")]
        window: String,
        #[error(retry_after, example = 45)]
        retry_after: u64,
    },
}

/// Server errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum ServerError {
    /// An unexpected error occurred.
    #[error(
        code = "internal_error",
        status = 500,
        title = "Internal error",
        message = "An internal error occurred",
        resolution = "Retry the request. If persistent, contact support with request_id."
    )]
    Internal(#[source] std::io::Error),

    /// The service is temporarily unavailable.
    #[error(
        code = "service_unavailable",
        status = 503,
        message = "Service temporarily unavailable",
        retry_after = 30,
        resolution = "Wait and retry. Check status.example.com."
    )]
    ServiceUnavailable,
}
