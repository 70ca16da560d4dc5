use error_catalog::ApiError;

#[derive(Debug, serde::Serialize)]
pub struct Window {
    seconds: u32,
}

#[derive(Debug, ApiError)]
#[api_error(decode)]
pub enum RateError {
    #[error(code = "rate_limited", status = 429, message = "Too many requests")]
    Limited { window: Window },
}

fn main() {}
