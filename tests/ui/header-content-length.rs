use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum MediaError {
    #[error(code = "unsupported", status = 415, message = "Unsupported media type")]
    Unsupported {
        #[error(header = "Content-Length")]
        value: String,
    },
}

fn main() {}
