use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(rename_all = "snake_case", status = 404, message = "Project not found")]
    NotFound,
}

fn main() {}
