// The check runs wherever catalog! is written, here in an uncalled function, and
// under `cargo check` too.
use catalog_helper::OrderError;
use error_catalog::{ApiError, catalog};

/// Payment errors.
#[derive(Debug, ApiError)]
pub enum PaymentError {
    /// The card was declined.
    #[error(code = "card_declined", status = 402, message = "The card was declined")]
    CardDeclined,
    /// Payments are down.
    #[error(code = "payment_unavailable", status = 503, message = "Payments are down")]
    Unavailable,
}

#[allow(dead_code)]
fn codes() -> usize {
    catalog!(OrderError, PaymentError).len()
}

fn main() {}
