use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(
        code = "project_not_found_in_the_workspace_the_token_was_issued_for_today",
        status = 404,
        message = "Project not found"
    )]
    NotFound,
}

fn main() {}
