use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum AuthError {
    #[error(code = "token_invalid", status = 401, message = "The access token is invalid", causes = 3)]
    TokenInvalid,
}

fn main() {}
