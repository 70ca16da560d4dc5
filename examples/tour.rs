//! A tour of error-catalog on the error codes of a real API (the CODITECT licensing API,
//! as its "Error Codes" page publishes them): its enums, its catalog and a few of its
//! error bodies.
//!
//! Run with `cargo run --example tour`.

use error_catalog::{ApiError, ErrorCatalog, Format};

/// Authentication errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.coditect.ai/errors")]
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
    TokenExpired { expired_at: String },

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

/// License errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.coditect.ai/errors")]
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
        next_available_hint: Option<String>,
    },
}

/// Rate limiting errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.coditect.ai/errors")]
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

/// Server errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.coditect.ai/errors")]
pub enum ServerError {
    /// An unexpected error occurred.
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred",
        resolution = "Retry the request. If persistent, contact support with request_id."
    )]
    Internal(#[from] std::io::Error),
}

fn print_catalog<E: ErrorCatalog>() {
    for spec in E::CATALOG {
        println!(
            "  {:<22} {:>3}  retryable={:<5}  {}",
            spec.code(),
            spec.status_u16(),
            spec.retryable(),
            spec.description()
        );
    }
}

fn show(title: &str, err: &dyn ApiError, format: Format) {
    let envelope = err.envelope().format(format).request_id("req_abc123");
    println!("\n{title} ({format}, HTTP {}):", envelope.status());
    for (name, value) in &envelope.headers() {
        println!("  {name}: {}", value.to_str().unwrap_or("?"));
    }
    println!("  {}", envelope.to_json());
}

fn main() {
    println!("Error catalog:");
    print_catalog::<AuthError>();
    print_catalog::<LicenseError>();
    print_catalog::<RateLimitError>();
    print_catalog::<ServerError>();

    let scope = AuthError::InsufficientScope {
        required_scope: "write:projects".into(),
        current_scopes: vec!["read:projects".into()],
    };
    show("Insufficient scope", &scope, Format::Nested);
    show("Insufficient scope", &scope, Format::Problem);

    let seats = LicenseError::NoSeatsAvailable {
        max_seats: 10,
        active_seats: 10,
        next_available_hint: Some("2026-01-09T10:30:00Z".into()),
    };
    show("No seats", &seats, Format::Google);

    let limited = RateLimitError::RateLimitExceeded {
        limit: 300,
        window: "1 minute".into(),
        retry_after: 45,
    };
    show("Rate limited", &limited, Format::Flat);

    // The source's text stays in logs (Display/source), never in the body.
    let internal = ServerError::from(std::io::Error::other("connection refused: db-7:5432"));
    show("Internal error", &internal, Format::Compact);
    if let Some(source) = std::error::Error::source(&internal) {
        println!("  (logged, not sent: {source})");
    }
}
