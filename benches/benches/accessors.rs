//! Run-time cost of the derived accessors `code()`, `status()` and `retryable()` against a
//! hand-written `match` that returns the same values.
//!
//! Both enums have the same variants (those of a realistic service, the CODITECT API).
//! Each benchmark calls the accessor on 4,096 errors in a shuffled mix of every variant,
//! so the branch predictor cannot learn one variant. After criterion's own output, the bench
//! prints the ratio derived / hand-written of each accessor's median, read back from
//! criterion's estimates of this run.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench accessors
//! ```

// The two enums are benchmark fixtures, not API.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::SystemTime;

mod common;

use criterion::{Criterion, Throughput};
use error_catalog::ApiError;
use http::StatusCode;

/// The derived enum.
#[derive(Debug, ApiError)]
pub enum Derived {
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
    /// The token is malformed or has been revoked.
    #[error(
        code = "token_invalid",
        status = 401,
        message = "The access token is invalid"
    )]
    TokenInvalid,
    /// The token doesn't have required permissions.
    #[error(
        code = "insufficient_scope",
        status = 403,
        message = "This action requires the '{required_scope}' scope"
    )]
    InsufficientScope {
        required_scope: String,
        current_scopes: Vec<String>,
    },
    /// All license seats are currently in use.
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})"
    )]
    NoSeatsAvailable {
        max_seats: u32,
        active_seats: u32,
        next_available_hint: Option<String>,
    },
    /// The license has passed its expiration date.
    #[error(
        code = "license_expired",
        status = 403,
        message = "This license expired on {expired_at}"
    )]
    LicenseExpired {
        expired_at: String,
        license_id: String,
    },
    /// The license has been suspended.
    #[error(
        code = "license_suspended",
        status = 403,
        message = "License suspended due to payment failure"
    )]
    LicenseSuspended {
        reason: String,
        suspended_at: String,
    },
    /// The session expired due to missed heartbeats.
    #[error(
        code = "session_timeout",
        status = 410,
        message = "Session expired due to missed heartbeat"
    )]
    SessionTimeout {
        last_heartbeat: String,
        timeout_at: String,
    },
    /// The hardware ID format is invalid or unrecognized.
    #[error(
        code = "invalid_hardware_id",
        status = 400,
        message = "The hardware ID format is invalid"
    )]
    InvalidHardwareId {
        provided: String,
        expected_format: String,
    },
    /// The request body failed validation.
    #[error(
        code = "validation_error",
        status = 422,
        message = "The request is invalid"
    )]
    ValidationError { field: String },
    /// The resource does not exist.
    #[error(
        code = "not_found",
        status = 404,
        message = "{resource_type} {resource_id} not found"
    )]
    NotFound {
        resource_type: String,
        resource_id: String,
    },
    /// The resource already exists.
    #[error(
        code = "already_exists",
        status = 409,
        message = "The resource already exists"
    )]
    AlreadyExists,
    /// Too many requests.
    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests"
    )]
    RateLimitExceeded {
        #[error(retry_after)]
        retry_after: u64,
    },
    /// The service is down for maintenance.
    #[error(
        code = "service_unavailable",
        status = 503,
        message = "The service is temporarily unavailable"
    )]
    ServiceUnavailable,
    /// An unexpected error on the server.
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred"
    )]
    Internal(#[from] std::io::Error),
}

/// The same variants, with the accessors written by hand as one `match` each.
#[derive(Debug)]
pub enum Hand {
    InvalidCredentials,
    TokenExpired {
        expired_at: String,
    },
    TokenInvalid,
    InsufficientScope {
        required_scope: String,
        current_scopes: Vec<String>,
    },
    NoSeatsAvailable {
        max_seats: u32,
        active_seats: u32,
        next_available_hint: Option<String>,
    },
    LicenseExpired {
        expired_at: String,
        license_id: String,
    },
    LicenseSuspended {
        reason: String,
        suspended_at: String,
    },
    SessionTimeout {
        last_heartbeat: String,
        timeout_at: String,
    },
    InvalidHardwareId {
        provided: String,
        expected_format: String,
    },
    ValidationError {
        field: String,
    },
    NotFound {
        resource_type: String,
        resource_id: String,
    },
    AlreadyExists,
    RateLimitExceeded {
        retry_after: u64,
    },
    ServiceUnavailable,
    Internal(std::io::Error),
}

impl Hand {
    pub fn code(&self) -> &'static str {
        match self {
            Hand::InvalidCredentials => "invalid_credentials",
            Hand::TokenExpired { .. } => "token_expired",
            Hand::TokenInvalid => "token_invalid",
            Hand::InsufficientScope { .. } => "insufficient_scope",
            Hand::NoSeatsAvailable { .. } => "no_seats_available",
            Hand::LicenseExpired { .. } => "license_expired",
            Hand::LicenseSuspended { .. } => "license_suspended",
            Hand::SessionTimeout { .. } => "session_timeout",
            Hand::InvalidHardwareId { .. } => "invalid_hardware_id",
            Hand::ValidationError { .. } => "validation_error",
            Hand::NotFound { .. } => "not_found",
            Hand::AlreadyExists => "already_exists",
            Hand::RateLimitExceeded { .. } => "rate_limit_exceeded",
            Hand::ServiceUnavailable => "service_unavailable",
            Hand::Internal(_) => "internal_error",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Hand::InvalidCredentials | Hand::TokenExpired { .. } | Hand::TokenInvalid => {
                StatusCode::UNAUTHORIZED
            }
            Hand::InsufficientScope { .. }
            | Hand::LicenseExpired { .. }
            | Hand::LicenseSuspended { .. } => StatusCode::FORBIDDEN,
            Hand::NoSeatsAvailable { .. } | Hand::AlreadyExists => StatusCode::CONFLICT,
            Hand::SessionTimeout { .. } => StatusCode::GONE,
            Hand::InvalidHardwareId { .. } => StatusCode::BAD_REQUEST,
            Hand::ValidationError { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Hand::NotFound { .. } => StatusCode::NOT_FOUND,
            Hand::RateLimitExceeded { .. } => StatusCode::TOO_MANY_REQUESTS,
            Hand::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Hand::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn retryable(&self) -> bool {
        matches!(
            self,
            Hand::RateLimitExceeded { .. } | Hand::ServiceUnavailable
        )
    }
}

/// Builds variant `index` (0..15) of both enums.
fn pair(index: usize) -> (Derived, Hand) {
    let s = |text: &str| text.to_owned();
    match index {
        0 => (Derived::InvalidCredentials, Hand::InvalidCredentials),
        1 => (
            Derived::TokenExpired {
                expired_at: s("2026-01-09T10:00:00Z"),
            },
            Hand::TokenExpired {
                expired_at: s("2026-01-09T10:00:00Z"),
            },
        ),
        2 => (Derived::TokenInvalid, Hand::TokenInvalid),
        3 => (
            Derived::InsufficientScope {
                required_scope: s("write:projects"),
                current_scopes: vec![s("read:projects")],
            },
            Hand::InsufficientScope {
                required_scope: s("write:projects"),
                current_scopes: vec![s("read:projects")],
            },
        ),
        4 => (
            Derived::NoSeatsAvailable {
                max_seats: 10,
                active_seats: 10,
                next_available_hint: None,
            },
            Hand::NoSeatsAvailable {
                max_seats: 10,
                active_seats: 10,
                next_available_hint: None,
            },
        ),
        5 => (
            Derived::LicenseExpired {
                expired_at: s("2026-01-01"),
                license_id: s("lic_abc123"),
            },
            Hand::LicenseExpired {
                expired_at: s("2026-01-01"),
                license_id: s("lic_abc123"),
            },
        ),
        6 => (
            Derived::LicenseSuspended {
                reason: s("payment_failed"),
                suspended_at: s("2026-01-05"),
            },
            Hand::LicenseSuspended {
                reason: s("payment_failed"),
                suspended_at: s("2026-01-05"),
            },
        ),
        7 => (
            Derived::SessionTimeout {
                last_heartbeat: s("10:00"),
                timeout_at: s("10:06"),
            },
            Hand::SessionTimeout {
                last_heartbeat: s("10:00"),
                timeout_at: s("10:06"),
            },
        ),
        8 => (
            Derived::InvalidHardwareId {
                provided: s("x"),
                expected_format: s("hw_[a-z0-9]{32}"),
            },
            Hand::InvalidHardwareId {
                provided: s("x"),
                expected_format: s("hw_[a-z0-9]{32}"),
            },
        ),
        9 => (
            Derived::ValidationError { field: s("email") },
            Hand::ValidationError { field: s("email") },
        ),
        10 => (
            Derived::NotFound {
                resource_type: s("Project"),
                resource_id: s("proj_1"),
            },
            Hand::NotFound {
                resource_type: s("Project"),
                resource_id: s("proj_1"),
            },
        ),
        11 => (Derived::AlreadyExists, Hand::AlreadyExists),
        12 => (
            Derived::RateLimitExceeded { retry_after: 45 },
            Hand::RateLimitExceeded { retry_after: 45 },
        ),
        13 => (Derived::ServiceUnavailable, Hand::ServiceUnavailable),
        _ => (
            Derived::Internal(std::io::Error::other("disk full")),
            Hand::Internal(std::io::Error::other("disk full")),
        ),
    }
}

const VARIANTS: usize = 15;
const ERRORS: u32 = 4096;

/// `ERRORS` errors of each enum, the same variant at each position, in a shuffled order.
fn mix() -> (Vec<Derived>, Vec<Hand>) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..ERRORS)
        .map(|_| {
            // xorshift64: a fixed, well-spread sequence of variant indexes.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            pair(usize::try_from(state % VARIANTS as u64).unwrap_or(0))
        })
        .unzip()
}

fn benches(c: &mut Criterion) {
    let (derived, hand) = mix();
    // Both sides must answer the same, or the comparison means nothing.
    for (d, h) in derived.iter().zip(&hand) {
        assert_eq!(
            (d.code(), d.status(), d.retryable()),
            (h.code(), h.status(), h.retryable())
        );
    }

    compare(c, "code", &derived, &hand, Derived::code, Hand::code);
    compare(c, "status", &derived, &hand, Derived::status, Hand::status);
    compare(
        c,
        "retryable",
        &derived,
        &hand,
        Derived::retryable,
        Hand::retryable,
    );
}

/// One benchmark group: an accessor of every derived error against the hand-written
/// accessor of the same errors.
fn compare<R>(
    c: &mut Criterion,
    name: &str,
    derived: &[Derived],
    hand: &[Hand],
    derived_accessor: impl Fn(&Derived) -> R,
    hand_accessor: impl Fn(&Hand) -> R,
) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(ERRORS.into()));
    group.bench_function("derived", |b| {
        b.iter(|| {
            for error in derived {
                black_box(derived_accessor(black_box(error)));
            }
        });
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            for error in hand {
                black_box(hand_accessor(black_box(error)));
            }
        });
    });
    group.finish();
}

fn main() {
    let start = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();

    let mut printed_header = false;
    for group in ["code", "status", "retryable"] {
        let (Some(derived), Some(hand)) = (
            common::estimates(group, "derived", start),
            common::estimates(group, "hand-written", start),
        ) else {
            continue;
        };
        if !printed_header {
            println!(
                "\nderived / hand-written, ns per call ({ERRORS} calls per iteration; target <= 1.10x)"
            );
            println!(
                "  {:<10} {:>30}   {:>30}",
                "", "criterion's estimate", "median"
            );
            printed_header = true;
        }
        let per_call = |ns: f64| ns / f64::from(ERRORS);
        println!(
            "  {group:<10} {:>6.3} vs {:>6.3} = {:>5.2}x   {:>6.3} vs {:>6.3} = {:>5.2}x",
            per_call(derived.0),
            per_call(hand.0),
            derived.0 / hand.0,
            per_call(derived.1),
            per_call(hand.1),
            derived.1 / hand.1,
        );
    }
}
