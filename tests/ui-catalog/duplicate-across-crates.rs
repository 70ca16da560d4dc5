// `conflict` is declared here and in the helper crate: catalog! names both variants.
use catalog_helper::OrderError;
use error_catalog::{ApiError, Catalog, catalog};

/// User errors.
#[derive(Debug, ApiError)]
pub enum UserError {
    /// A user with this email already exists.
    #[error(code = "conflict", status = 409, message = "The user already exists")]
    Conflict,
}

static ERRORS: Catalog = catalog!(UserError, OrderError);

fn main() {
    println!("{}", ERRORS.len());
}
