// With thiserror deriving Display, Error and From, a broken #[api_error(..)] still
// leaves the type an ApiError: the uses below add no error of their own.
use error_catalog::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum StorageError {
    #[error("disk failure: {0}")]
    #[api_error(code = "storage_io", status = 500, retryable = "no", message = "An internal error occurred")]
    Io(#[from] std::io::Error),
}

fn read() -> Result<Vec<u8>, StorageError> {
    Ok(std::fs::read("config.toml")?)
}

fn main() {
    let err = read().unwrap_err();
    let _: &'static str = err.code();
    let _: String = err.message().to_string();
    let _: String = err.to_string();
    let _ = StorageError::CATALOG.len();
    let _: Box<dyn ApiError + Send + Sync> = Box::new(err);
}
