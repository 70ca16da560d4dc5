use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum WorkspaceError {
    #[error(code = "workspace_not_found", status = 404, message = "Workspace {id} not found")]
    NotFound {
        #[error(message_only, header = "X-Workspace")]
        id: String,
    },
}

fn main() {}
