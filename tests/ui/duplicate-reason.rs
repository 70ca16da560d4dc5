use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum AuthError {
    #[error(code = "auth-401", status = 401, message = "Sign in first")]
    Unauthenticated,
    #[error(code = "token_expired", status = 401, message = "The token expired")]
    TokenExpired,
    #[error(code = "auth.401", status = 401, message = "Sign in again")]
    SignInAgain,
}

fn main() {}
