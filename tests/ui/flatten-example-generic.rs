use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum FormError<E: serde::Serialize + std::fmt::Debug> {
    #[error(code = "invalid_form", status = 422, message = "The form is invalid")]
    Invalid {
        #[error(flatten, example = "name: Must not be empty")]
        errors: E,
    },
}

fn main() {}
