use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(status = 404, message = "Project not found")]
    NotFound,
}

fn main() {}
