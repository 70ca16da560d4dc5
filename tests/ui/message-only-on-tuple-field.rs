use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum WorkspaceError {
    #[error(code = "workspace_not_found", status = 404, message = "Workspace {0} not found")]
    NotFound(#[error(message_only)] String),
}

fn main() {}
