// A derive with a mistake still emits stub impls of everything it would generate, so
// the only error is the mistake itself: none of the uses below may add an error.
use error_catalog::{ApiError, ErrorCatalog};

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", status = 700, message = "Project {id} not found")]
    NotFound { id: String },
    #[error(code = "storage_failed", status = 500, message = "Storage failed")]
    Storage(#[from] std::io::Error),
}

fn read() -> Result<(), ProjectError> {
    std::fs::read("config.toml")?;
    Ok(())
}

fn boxed() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    read()?;
    Ok(())
}

fn main() {
    let err = ProjectError::NotFound { id: "proj_xyz789".into() };
    let _: &'static str = err.code();
    let _: http::StatusCode = err.status();
    let _: bool = err.retryable();
    let _: String = err.to_string();
    let _: String = err.message().to_string();
    let _: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(&err);
    let _: &[error_catalog::ErrorSpec] = ProjectError::CATALOG;
    let _ = <ProjectError as ErrorCatalog>::CATALOG.len();
    let _: Box<dyn ApiError> = Box::new(err);
    let _ = boxed();
}
