// A deprecated code's `replaced_by` must name a code of the catalog: `offer_expired`
// is in no listed type.
use error_catalog::{ApiError, catalog};

/// Order errors.
#[derive(Debug, ApiError)]
pub enum OrderError {
    /// The coupon has expired.
    #[deprecated(note = "use offer_expired")]
    #[error(code = "coupon_expired", status = 410, message = "Coupon expired", replaced_by = "offer_expired")]
    CouponExpired,
    /// The order is gone.
    #[error(code = "order_gone", status = 410, message = "Order gone")]
    Gone,
}

static ERRORS: error_catalog::Catalog = catalog!(OrderError);

fn main() {
    let _ = ERRORS.len();
}
