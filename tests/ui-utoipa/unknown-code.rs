// `error_responses!` lists codes of a type: `order_gone` is not one of `OrderError`'s.
use error_catalog::{ApiError, error_responses};

#[derive(Debug, ApiError)]
pub enum OrderError {
    #[error(code = "order_not_found", status = 404, message = "No such order")]
    NotFound,
}

error_responses! {
    pub struct GetOrderErrors {
        OrderError: ["order_not_found", "order_gone"],
    }
}

fn main() {}
