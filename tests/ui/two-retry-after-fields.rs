use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum RateLimitError {
    #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
    Exceeded {
        #[error(retry_after)]
        retry_after: u64,
        #[error(retry_after)]
        reset_in: u64,
    },
}

fn main() {}
