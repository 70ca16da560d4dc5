// The catalog reads Rust's own `#[deprecated]`, so the service's own code still warns
// (here denied) where it constructs the variant; the derive's expansion does not.
#![deny(deprecated)]

use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum OrderError {
    #[deprecated(note = "coupons expire into `offer_expired`")]
    #[error(code = "coupon_expired", status = 410, message = "Coupon expired", replaced_by = "offer_expired")]
    CouponExpired,
    #[error(code = "offer_expired", status = 410, message = "Offer expired")]
    OfferExpired,
}

fn main() {
    let _ = OrderError::CouponExpired;
}
