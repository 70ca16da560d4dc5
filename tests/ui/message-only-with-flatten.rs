use error_catalog::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
pub enum InputError {
    #[error(code = "validation_failed", status = 422, message = "Invalid input: {errors}")]
    Invalid {
        #[error(message_only, flatten)]
        errors: FieldErrors,
    },
}

fn main() {}
