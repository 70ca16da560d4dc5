use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(shared_locales)]
pub enum AccountError {
    #[error(code = "account_locked", status = 423, message = "The account is locked")]
    Locked,
}

fn main() {}
