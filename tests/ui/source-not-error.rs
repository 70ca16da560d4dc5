use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "storage_failed", status = 500, message = "Storage failed")]
    Storage(#[source] String),
}

fn main() {}
