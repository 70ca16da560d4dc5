use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 404)]
pub enum ProjectError {
    #[error(code = "not_found", status = 404, message = "Project not found")]
    NotFound,
}

fn main() {}
