use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui/locales/does-not-exist")]
pub enum OrderError {
    #[error(code = "order_not_found", status = 404, message = "Order {id} not found")]
    NotFound { id: String },
    #[error(code = "payment_declined", status = 402, message = "The payment was declined")]
    Declined,
}

fn main() {}
