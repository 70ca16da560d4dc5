// `order-not-found` here and `order_not_found` in the helper crate are two codes with
// one Google reason, `ORDER_NOT_FOUND`: catalog! names both variants.
use catalog_helper::OrderError;
use error_catalog::{ApiError, Catalog, catalog};

/// Shipping errors.
#[derive(Debug, ApiError)]
pub enum ShippingError {
    /// The order to ship does not exist.
    #[error(code = "order-not-found", status = 404, message = "No such order to ship")]
    OrderMissing,
}

static ERRORS: Catalog = catalog!(OrderError, ShippingError);

fn main() {
    println!("{}", ERRORS.len());
}
