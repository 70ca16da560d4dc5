use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not found", status = 404, message = "Project not found")]
    NotFound,
    #[error(code = "gone", status = 299, message = "Project {name} is gone")]
    Gone { id: String },
    #[error(code = "locked", status = 423, retryable = 1, message = "Project is locked")]
    Locked,
    #[error(code = "conflict", status = 409, colour = "red", message = "Conflict")]
    Conflict,
}

fn main() {}
