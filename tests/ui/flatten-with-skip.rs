use error_catalog::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
pub enum InputError {
    #[error(code = "validation_error", status = 422, message = "Request validation failed")]
    Validation {
        #[error(flatten, skip)]
        errors: FieldErrors,
    },
}

fn main() {}
