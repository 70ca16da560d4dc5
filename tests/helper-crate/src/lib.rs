//! Error enums of a second crate (an "orders" service), so the tests of `catalog!` can
//! list types from two crates.

use error_catalog::ApiError;

/// Order errors.
#[derive(Debug, ApiError)]
#[api_error(format = "flat", docs = "https://docs.example.com/orders/errors")]
pub enum OrderError {
    /// The order does not exist.
    #[error(
        code = "order_not_found",
        status = 404,
        message = "Order {order_id} not found",
        resolution = "Verify the order ID."
    )]
    NotFound {
        /// The order that was asked for.
        #[error(example = "ord_8f2k1")]
        order_id: String,
    },

    /// An order with this idempotency key was already placed.
    #[error(
        code = "conflict",
        status = 409,
        message = "The order already exists",
        causes = ["The request was retried after a timeout.", "Two clients share a key."]
    )]
    AlreadyExists,

    /// The payment provider is down.
    #[error(
        code = "payment_unavailable",
        status = 503,
        message = "Payments are temporarily unavailable",
        retry_after = 30
    )]
    PaymentUnavailable,
}
