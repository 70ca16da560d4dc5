use error_catalog::ApiError;

#[derive(Debug)]
pub struct Reset(pub u64);

#[derive(Debug, ApiError)]
pub enum RateError {
    #[error(code = "rate_limited", status = 429, message = "You hit a rate limit")]
    RateLimited(#[error(header = "X-RateLimit-Reset")] Reset),
}

fn main() {}
