use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake")]
pub enum ProjectError {
    #[error(status = 404, message = "Project not found")]
    NotFound,
}

fn main() {}
