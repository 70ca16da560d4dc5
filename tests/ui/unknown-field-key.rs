use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", status = 404, message = "Project not found")]
    NotFound {
        #[error(hidden)]
        owner: String,
    },
}

fn main() {}
