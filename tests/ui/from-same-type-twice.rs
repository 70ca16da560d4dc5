use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum StorageError {
    #[error(code = "read_failed", status = 500, message = "Read failed")]
    Read(#[from] std::io::Error),
    #[error(code = "write_failed", status = 500, message = "Write failed")]
    Write(#[from] std::io::Error),
}

fn main() {}
