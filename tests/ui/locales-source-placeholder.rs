use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui/locales/source-placeholder")]
pub enum OrderError {
    #[error(code = "order_not_found", status = 404, message = "Order not found")]
    NotFound { source: std::io::Error },
}

fn main() {}
