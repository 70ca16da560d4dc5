use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum UpstreamError {
    #[error(code = "upstream_down", status = 502, retryable = "yes", message = "Upstream is down")]
    Down,
}

fn main() {}
