use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui/locales/skipped-placeholder")]
pub enum OrderError {
    #[error(code = "order_not_found", status = 404, message = "Order not found")]
    NotFound {
        #[error(skip)]
        shard: u32,
    },
}

fn main() {}
