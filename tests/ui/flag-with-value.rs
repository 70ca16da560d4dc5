use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum LoginError {
    #[error(code = "invalid_credentials", status = 401, message = "Invalid credentials")]
    InvalidCredentials {
        email: String,
        #[error(skip = true)]
        password: String,
    },
}

fn main() {}
