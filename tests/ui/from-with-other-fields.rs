use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum StorageError {
    #[error(code = "storage_failed", status = 500, message = "Storage failed")]
    Failed {
        #[from]
        cause: std::io::Error,
        path: String,
    },
}

fn main() {}
