use error_catalog::ApiError;

// The Google reason keeps 63 characters: these two codes differ only in the 64th.
#[derive(Debug, ApiError)]
pub enum QuotaError {
    #[error(
        code = "quota_exceeded_for_the_project_in_the_current_billing_period_v1a",
        status = 429,
        message = "Quota exceeded"
    )]
    First,
    #[error(
        code = "quota_exceeded_for_the_project_in_the_current_billing_period_v1b",
        status = 429,
        message = "Quota exceeded"
    )]
    Second,
}

fn main() {}
