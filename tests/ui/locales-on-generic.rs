use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui/locales/complete")]
pub enum OrderError<T: std::fmt::Display + std::fmt::Debug> {
    #[error(code = "order_not_found", status = 404, message = "Order {id} not found")]
    NotFound { id: T },
}

fn main() {}
