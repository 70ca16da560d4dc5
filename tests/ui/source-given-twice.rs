use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum StorageError {
    #[error(code = "storage_failed", status = 500, message = "Storage failed")]
    Failed(#[source] #[source] std::io::Error),
}

fn main() {}
