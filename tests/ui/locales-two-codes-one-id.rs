use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(locales = "../../../../tests/ui/locales/two-codes-one-id")]
pub enum OrderError {
    #[error(code = "404", status = 404, message = "Not found")]
    NotFound,
    #[error(code = "e404", status = 404, message = "Gone missing")]
    GoneMissing,
}

fn main() {}
