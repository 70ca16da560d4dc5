use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum MediaError {
    #[error(code = "unsupported", status = 415, message = "Unsupported media type")]
    Unsupported {
        #[error(header = "Proxy-Connection")]
        value: String,
    },
}

fn main() {}
