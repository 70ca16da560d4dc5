//! Errors behind a trait object: `Box<dyn ApiError>` and `Box<dyn ApiError + Send + Sync>`
//! (what a handler with several error types returns) answer every accessor, and a
//! `&dyn ApiError` reaches `as_api_error`.

mod common;

use common::details;
use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum Shapes {
    #[error(code = "shape_unit", status = 400, message = "A unit variant")]
    Unit,
}

/// The requested project does not exist.
#[derive(Debug, ApiError)]
#[error(
    code = "project_not_found",
    status = 404,
    message = "Project {id} not found"
)]
pub struct ProjectNotFound {
    id: String,
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
        code = "throttle_static",
        status = 503,
        retry_after = 120,
        message = "Unavailable"
    )]
    Static,
}

#[derive(Debug, ApiError)]
pub enum Storage {
    #[error(
        code = "storage_io",
        status = 500,
        message = "An internal error occurred"
    )]
    Io(#[from] std::io::Error),
}

#[test]
fn box_dyn_api_error() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(Shapes::Unit),
        Box::new(ProjectNotFound { id: "p1".into() }),
        Box::new(Throttled::Seconds {
            limit: 3,
            retry_after: 45,
        }),
        Box::new(Storage::Io(std::io::Error::other("disk"))),
    ];
    let seen: Vec<(&str, u16, bool, Option<u64>, String)> = errors
        .iter()
        .map(|e| {
            (
                e.code(),
                e.status().as_u16(),
                e.retryable(),
                e.retry_after(),
                e.message().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("shape_unit", 400, false, None, "A unit variant".into()),
            (
                "project_not_found",
                404,
                false,
                None,
                "Project p1 not found".into()
            ),
            (
                "throttle_secs",
                429,
                true,
                Some(45),
                "Too many requests".into()
            ),
            (
                "storage_io",
                500,
                false,
                None,
                "An internal error occurred".into()
            ),
        ]
    );
    assert_eq!(details(&*errors[1]), [("id", r#""p1""#.into())]);
    assert_eq!(errors[2].spec().variant(), "Seconds");
    assert_eq!(errors[3].source().unwrap().to_string(), "disk");
}

fn handler(fail: bool) -> Result<(), Box<dyn ApiError + Send + Sync>> {
    if fail {
        return Err(Box::new(Throttled::Static));
    }
    Ok(())
}

#[test]
fn box_dyn_api_error_send_sync() {
    let err = handler(true).unwrap_err();
    assert_eq!(err.code(), "throttle_static");
    assert_eq!(err.retry_after(), Some(120));
    assert_eq!(err.to_string(), "Unavailable");
    let thread_code = std::thread::spawn(move || err.code()).join().unwrap();
    assert_eq!(thread_code, "throttle_static");
    assert!(handler(false).is_ok());

    let by_ref: &dyn ApiError = &ProjectNotFound { id: "p2".into() };
    assert_eq!(by_ref.as_api_error().code(), "project_not_found");
}
