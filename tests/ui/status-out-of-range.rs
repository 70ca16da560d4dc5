use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "moved", status = 301, message = "The project moved")]
    Moved,
}

fn main() {}
