use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[error(status = 404, message = "Project not found")]
pub struct NotFound {
    id: String,
}

fn main() {}
