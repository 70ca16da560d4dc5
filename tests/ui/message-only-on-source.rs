use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum StorageError {
    #[error(code = "storage_failed", status = 500, message = "Storage failed: {cause}")]
    Failed {
        #[source]
        #[error(message_only)]
        cause: std::io::Error,
    },
}

fn main() {}
