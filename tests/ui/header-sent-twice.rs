use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum RateError {
    #[error(code = "rate_limited", status = 429, message = "You hit a rate limit")]
    RateLimited {
        #[error(header = "X-RateLimit-Reset")]
        reset_at: u64,
        #[error(header = "x-ratelimit-reset")]
        reset_again: u64,
    },
}

fn main() {}
