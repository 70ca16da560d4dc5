use error_catalog::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum ProjectError {
    #[error("project not found")]
    #[api_error(code = "not_found", status = 404, message = "Project not found")]
    NotFound,
    #[error("project archived")]
    Archived,
}

fn main() {}
