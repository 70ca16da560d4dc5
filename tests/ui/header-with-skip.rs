use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum SessionError {
    #[error(code = "session_expired", status = 401, message = "Session expired")]
    Expired {
        #[error(skip, header = "X-Session")]
        session_id: String,
    },
}

fn main() {}
