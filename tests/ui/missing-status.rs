use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", message = "Project not found")]
    NotFound,
}

fn main() {}
