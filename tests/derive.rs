use error_catalog::{ApiError, DetailValue};
use std::time::Duration;

/// Authentication errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
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
        message = "The access token has expired"
    )]
    TokenExpired { expired_at: String },

    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests ({limit} per {window})"
    )]
    RateLimited {
        limit: u32,
        window: String,
        #[error(retry_after)]
        retry_after: Duration,
        note: Option<String>,
    },

    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred"
    )]
    Internal(#[from] std::io::Error),

    /// Bad {thing}.
    #[error(code = "bad", status = 400)]
    Bad(u8, #[source] std::fmt::Error),
}

#[derive(Debug, ApiError)]
pub enum Generic<T, E>
where
    T: Clone,
{
    #[error(code = "gen_a", status = 400, message = "value {value}")]
    A { value: T },
    #[error(code = "gen_b", status = 500, message = "boom")]
    B(#[source] E),
}

#[test]
fn seed_000_style_enum_end_to_end() {
    let e = AuthError::RateLimited {
        limit: 3,
        window: "1 minute".into(),
        retry_after: Duration::from_secs(45),
        note: None,
    };
    assert_eq!(e.code(), "rate_limit_exceeded");
    assert_eq!(e.to_string(), "Too many requests (3 per 1 minute)");
    assert_eq!(e.retry_after(), Some(45));
    assert!(e.retryable());
    let mut seen = vec![];
    e.visit_details(&mut |n: &str, v: DetailValue<'_>| {
        seen.push((n.to_owned(), serde_json::to_string(&v).unwrap()))
    });
    println!("{seen:?}");
    let io: AuthError = std::io::Error::other("secret").into();
    assert!(std::error::Error::source(&io).is_some());
    assert_eq!(io.to_string(), "An internal error occurred");
    let b = AuthError::Bad(1, std::fmt::Error);
    assert_eq!(b.to_string(), "Bad {thing}.");
    println!("{:#?}", AuthError::CATALOG[4]);
    let g: Generic<String, std::io::Error> = Generic::A { value: "x".into() };
    assert_eq!(g.to_string(), "value x");
    let boxed: Box<dyn ApiError> = Box::new(g);
    assert_eq!(boxed.message().to_string(), "value x");
}
