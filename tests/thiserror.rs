//! Coexistence with thiserror, both ways.
//!
//! - An enum that derives `thiserror::Error` keeps thiserror's `#[error("..")]` strings
//!   for `Display` (internal text, for logs); `ApiError` reads `#[api_error(..)]` and
//!   its public message is the `message` of that attribute. thiserror provides `Error`,
//!   `source()` and `From`.
//! - An enum that derives only `ApiError` gets `Display`, `Error` and `From` from it.

use std::error::Error as _;

use error_catalog::{ApiError, DetailValue, Format};
use http::StatusCode;

fn details(err: &dyn ApiError) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
        // Every detail here is a declared field: its name is the catalog's, static.
        let field = err.spec().fields().iter().find(|f| f.name() == name);
        seen.push((
            field.unwrap().name(),
            serde_json::to_string(&value).unwrap(),
        ));
    });
    seen
}

/// Storage errors, with thiserror's Display for logs.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = "flat")]
pub enum StorageError {
    /// The project does not exist.
    #[error("project {id} missing from shard {shard}")]
    #[api_error(
        code = "project_missing",
        status = 404,
        message = "Project {id} not found"
    )]
    Missing {
        id: String,
        #[api_error(skip)]
        shard: u32,
    },

    #[error("disk failure: {0}")]
    #[api_error(
        code = "storage_io",
        status = 500,
        message = "An internal error occurred"
    )]
    Io(#[from] std::io::Error),

    /// The storage backend is over capacity.
    #[error("backend over capacity ({used}/{max})")]
    #[api_error(code = "storage_full", status = 507)]
    Full { used: u64, max: u64 },

    #[error(transparent)]
    #[api_error(
        code = "storage_format",
        status = 500,
        message = "An internal error occurred"
    )]
    Format(std::fmt::Error),

    #[error("throttled by {host}")]
    #[api_error(code = "storage_throttled", status = 503, message = "Try again later")]
    Throttled {
        host: String,
        #[api_error(retry_after)]
        retry_after: u64,
    },
}

#[test]
fn thiserror_keeps_display_and_api_error_owns_the_public_message() {
    let missing = StorageError::Missing {
        id: "proj_xyz789".into(),
        shard: 7,
    };
    assert_eq!(
        missing.to_string(),
        "project proj_xyz789 missing from shard 7"
    );
    assert_eq!(
        missing.message().to_string(),
        "Project proj_xyz789 not found"
    );
    assert_eq!(missing.code(), "project_missing");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    // The skipped field is neither a detail nor in the catalog.
    assert_eq!(details(&missing), [("id", r#""proj_xyz789""#.to_owned())]);
    assert_eq!(StorageError::CATALOG[0].fields().len(), 1);
    assert_eq!(
        StorageError::CATALOG[0].description(),
        "The project does not exist."
    );

    let full = StorageError::Full { used: 10, max: 10 };
    assert_eq!(full.to_string(), "backend over capacity (10/10)");
    // Without `message`, the doc comment's first sentence is the public message.
    assert_eq!(
        full.message().to_string(),
        "The storage backend is over capacity."
    );
    assert_eq!(full.status().as_u16(), 507);
    assert_eq!(
        details(&full),
        [("used", "10".to_owned()), ("max", "10".to_owned())]
    );

    let throttled = StorageError::Throttled {
        host: "db-3".into(),
        retry_after: 12,
    };
    assert_eq!(throttled.to_string(), "throttled by db-3");
    assert_eq!(throttled.message().to_string(), "Try again later");
    assert!(throttled.retryable());
    assert_eq!(throttled.retry_after(), Some(12));

    assert_eq!(StorageError::CATALOG[0].category().format(), Format::Flat);
}

fn load() -> Result<Vec<u8>, StorageError> {
    Ok(std::fs::read("/definitely/not/here")?)
}

#[test]
fn thiserror_provides_from_and_source_and_the_message_hides_them() {
    let err = load().unwrap_err();
    assert_eq!(err.code(), "storage_io");
    assert!(err.to_string().starts_with("disk failure: "));
    assert_eq!(err.message().to_string(), "An internal error occurred");
    assert!(
        err.source()
            .unwrap()
            .downcast_ref::<std::io::Error>()
            .is_some()
    );

    let transparent = StorageError::Format(std::fmt::Error);
    assert_eq!(transparent.to_string(), std::fmt::Error.to_string());
    assert_eq!(
        transparent.message().to_string(),
        "An internal error occurred"
    );

    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(transparent);
    assert_eq!(boxed.code(), "storage_format");
}

/// A struct with both derives.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("token {token_id} expired at {expired_at}")]
#[api_error(
    code = "token_expired",
    status = 401,
    message = "The access token has expired"
)]
pub struct TokenExpired {
    #[api_error(skip)]
    token_id: String,
    expired_at: String,
}

#[test]
fn a_struct_with_both_derives() {
    let err = TokenExpired {
        token_id: "tok_1".into(),
        expired_at: "2026-01-09T10:00:00Z".into(),
    };
    assert_eq!(
        err.to_string(),
        "token tok_1 expired at 2026-01-09T10:00:00Z"
    );
    assert_eq!(err.message().to_string(), "The access token has expired");
    assert_eq!(
        details(&err),
        [("expired_at", r#""2026-01-09T10:00:00Z""#.to_owned())]
    );
}

/// The same kind of enum, deriving only ApiError: it writes Display, Error and From.
#[derive(Debug, ApiError)]
pub enum ApiOnly {
    #[error(
        code = "api_only_missing",
        status = 404,
        message = "Project {id} not found"
    )]
    Missing { id: String },

    #[api_error(
        code = "api_only_io",
        status = 500,
        message = "An internal error occurred"
    )]
    Io(#[from] std::io::Error),
}

fn load_api_only() -> Result<Vec<u8>, ApiOnly> {
    Ok(std::fs::read("/definitely/not/here")?)
}

#[test]
fn api_error_alone_writes_display_error_and_from() {
    let missing = ApiOnly::Missing { id: "p1".into() };
    // Display is the public message.
    assert_eq!(missing.to_string(), "Project p1 not found");
    assert_eq!(missing.message().to_string(), "Project p1 not found");
    assert!(missing.source().is_none());

    // `#[api_error(..)]` is an alias of `#[error(..)]` on variants.
    let io = load_api_only().unwrap_err();
    assert_eq!(io.code(), "api_only_io");
    assert_eq!(io.to_string(), "An internal error occurred");
    assert!(
        io.source()
            .unwrap()
            .downcast_ref::<std::io::Error>()
            .is_some()
    );

    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(io);
    assert_eq!(boxed.to_string(), "An internal error occurred");
}
