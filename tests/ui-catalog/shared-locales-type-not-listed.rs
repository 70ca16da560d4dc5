use error_catalog::{catalog, ApiError};

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../error-catalog/tests/locales/shared", shared_locales)]
pub enum AccountError {
    #[error(code = "account_locked", status = 423, message = "The account {account} is locked")]
    Locked { account: String },
}

// The folder also holds `invoice_overdue`, whose type this catalog does not list.
static ERRORS: error_catalog::Catalog = catalog!(AccountError);

fn main() {
    let _ = &ERRORS;
}
