use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum QuotaError {
    #[error(code = "quota_exceeded", status = 429, message = "Try again in {wait} seconds")]
    Exceeded {
        #[error(message_only, retry_after)]
        wait: u64,
    },
}

fn main() {}
