use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(renameall = "snake_case")]
pub enum ProjectError {
    #[error(status = 404, message = "Project not found")]
    NotFound,
}

fn main() {}
