use std::collections::BTreeMap;

use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum QuotaError {
    #[error(code = "quota_exceeded", status = 429, message = "Quota exceeded")]
    Exceeded {
        #[error(flatten, example = "seats: 10")]
        usage: BTreeMap<String, u32>,
    },
}

fn main() {}
