use error_catalog::{catalog, ApiError};

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui-catalog/locales/unknown-id", shared_locales)]
pub enum AccountError {
    #[error(code = "account_locked", status = 423, message = "The account is locked")]
    Locked,
}

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui-catalog/locales/unknown-id", shared_locales)]
pub enum BillingError {
    #[error(code = "invoice_overdue", status = 402, message = "The invoice is overdue")]
    Overdue,
}

static ERRORS: error_catalog::Catalog = catalog!(AccountError, BillingError);

fn main() {
    let _ = &ERRORS;
}
