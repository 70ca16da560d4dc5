use error_catalog::ApiError;

#[derive(Debug)]
pub struct Counters {
    pub used: u32,
}

#[derive(Debug, ApiError)]
pub enum QuotaError {
    #[error(code = "quota_exceeded", status = 429, message = "Quota exceeded")]
    Exceeded {
        #[error(flatten)]
        counters: Counters,
    },
}

fn main() {}
