//! Whether a client may retry: `retryable` defaulted from the status or set, and the
//! `Retry-After` hint from an `#[error(retry_after)]` field (seconds, `Duration`,
//! `Option`) or a variant's `retry_after = N`.

mod common;

use std::time::Duration;

use common::details;
use error_catalog::{ApiError, ErrorSpec};

#[derive(Debug, ApiError)]
pub enum ByStatus {
    #[error(code = "status_400", status = 400, message = "m")]
    S400,
    #[error(code = "status_404", status = 404, message = "m")]
    S404,
    #[error(code = "status_408", status = 408, message = "m")]
    S408,
    #[error(code = "status_409", status = 409, message = "m")]
    S409,
    #[error(code = "status_425", status = 425, message = "m")]
    S425,
    #[error(code = "status_429", status = 429, message = "m")]
    S429,
    #[error(code = "status_500", status = 500, message = "m")]
    S500,
    #[error(code = "status_501", status = 501, message = "m")]
    S501,
    #[error(code = "status_502", status = 502, message = "m")]
    S502,
    #[error(code = "status_503", status = 503, message = "m")]
    S503,
    #[error(code = "status_504", status = 504, message = "m")]
    S504,
    #[error(code = "status_599", status = 599, message = "m")]
    S599,
    #[error(
        code = "status_500_retry",
        status = 500,
        retryable = true,
        message = "m"
    )]
    RetryableInternal,
    #[error(
        code = "status_503_final",
        status = 503,
        retryable = false,
        message = "m"
    )]
    FinalUnavailable,
}

#[test]
fn retryable_defaults_from_status_and_can_be_set() {
    let table: Vec<(u16, bool)> = ByStatus::CATALOG
        .iter()
        .map(|spec| (spec.status_u16(), spec.retryable()))
        .collect();
    assert_eq!(
        table,
        [
            (400, false),
            (404, false),
            (408, true),
            (409, false),
            (425, true),
            (429, true),
            (500, false),
            (501, false),
            (502, true),
            (503, true),
            (504, true),
            (599, false),
            (500, true),
            (503, false),
        ]
    );
    assert!(ByStatus::S429.retryable());
    assert!(!ByStatus::S500.retryable());
    assert!(ByStatus::RetryableInternal.retryable());
    assert!(!ByStatus::FinalUnavailable.retryable());
    assert_eq!(ByStatus::S599.status().as_u16(), 599);
}

#[derive(Debug, ApiError)]
pub enum Throttled {
    #[error(code = "throttle_secs", status = 429, message = "Too many requests")]
    Seconds {
        limit: u32,
        #[error(retry_after)]
        retry_after: u64,
    },
    #[error(
        code = "throttle_duration",
        status = 429,
        message = "Too many requests"
    )]
    Waiting {
        #[error(retry_after)]
        wait: Duration,
    },
    #[error(
        code = "throttle_maybe",
        status = 503,
        retry_after = 30,
        message = "Unavailable"
    )]
    Maybe {
        #[error(retry_after)]
        hint: Option<u32>,
    },
    #[error(
        code = "throttle_static",
        status = 503,
        retry_after = 120,
        message = "Unavailable"
    )]
    Static,
    #[error(code = "throttle_none", status = 503, message = "Unavailable")]
    NoHint,
    #[error(code = "throttle_tuple", status = 429, message = "Slow down")]
    Tuple(#[error(retry_after)] u16),
}

#[test]
fn retry_after_from_fields_and_attributes() {
    let secs = Throttled::Seconds {
        limit: 300,
        retry_after: 45,
    };
    assert_eq!(secs.retry_after(), Some(45));
    // A retry_after field is also a detail, as a rate limit's retry_after usually is.
    assert_eq!(
        details(&secs),
        [("limit", "300".into()), ("retry_after", "45".into())]
    );

    let wait = Throttled::Waiting {
        wait: Duration::from_millis(1_500),
    };
    assert_eq!(wait.retry_after(), Some(2));

    assert_eq!(Throttled::Maybe { hint: Some(5) }.retry_after(), Some(5));
    assert_eq!(Throttled::Maybe { hint: None }.retry_after(), Some(30));
    assert_eq!(details(&Throttled::Maybe { hint: None }), []);
    assert_eq!(Throttled::Static.retry_after(), Some(120));
    assert_eq!(Throttled::NoHint.retry_after(), None);
    assert_eq!(Throttled::Tuple(9).retry_after(), Some(9));

    let static_hints: Vec<Option<u64>> = Throttled::CATALOG
        .iter()
        .map(ErrorSpec::retry_after)
        .collect();
    assert_eq!(static_hints, [None, None, Some(30), Some(120), None, None]);
}
