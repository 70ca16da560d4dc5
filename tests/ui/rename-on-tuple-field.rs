use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", status = 404, message = "Project {0} not found")]
    NotFound(#[error(rename = "project_id")] String),
}

fn main() {}
