//! The error type with French, German and (partly) Portuguese translations in
//! `tests/locales/orders`, shared by the tests of localized messages, their exports and
//! their allocations.

#![allow(dead_code)]

use error_catalog::ApiError;

/// Order errors.
#[derive(Debug, ApiError)]
#[api_error(locales = "tests/locales/orders", partial_locales = ["pt"])]
pub enum OrderError {
    /// The order does not exist.
    #[error(
        code = "order_not_found",
        status = 404,
        message = "Order {id} not found",
        resolution = "Check the order ID."
    )]
    NotFound { id: String },

    #[error(
        code = "cart.too_many",
        status = 422,
        message = "The cart holds {count} items; the limit is {max}"
    )]
    TooMany { count: u32, max: u32 },

    #[error(
        code = "payment_declined",
        status = 402,
        message = "The payment was declined"
    )]
    Declined { reason: String },
}
