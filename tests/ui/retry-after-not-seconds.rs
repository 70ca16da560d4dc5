use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ServerError {
    #[error(code = "service_unavailable", status = 503, retry_after = "30s", message = "Service temporarily unavailable")]
    Unavailable,
}

fn main() {}
