use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum OrderError {
    #[error(code = "coupon_expired", status = 410, message = "Coupon expired", replaced_by = "offer_expired")]
    CouponExpired,
    #[error(code = "offer_expired", status = 410, message = "Offer expired")]
    OfferExpired,
}

fn main() {}
