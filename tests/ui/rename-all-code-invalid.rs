use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake_case")]
pub enum ProjectError {
    #[error(status = 404, message = "Project not found")]
    Introuvé,
}

fn main() {}
