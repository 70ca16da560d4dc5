use error_catalog::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
pub enum SignupError {
    #[error(code = "validation_error", status = 422, message = "Request validation failed")]
    Validation {
        #[error(flatten, example = ["Must be a valid email address"])]
        errors: FieldErrors,
    },
}

fn main() {}
