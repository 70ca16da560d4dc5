use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", status = 404, message = "Project {project_id} not found")]
    NotFound { id: String },
}

fn main() {}
