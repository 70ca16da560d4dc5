use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum LoginError {
    #[error(code = "invalid_credentials", status = 401, message = "Wrong password {password}")]
    InvalidCredentials {
        email: String,
        #[error(skip)]
        password: String,
    },
}

fn main() {}
