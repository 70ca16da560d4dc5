use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(impls = 1)]
pub enum UpstreamError {
    #[error(code = "upstream_down", status = 502, message = "Upstream is down")]
    Down,
}

fn main() {}
