use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", status = 404, message = "Project not found")]
    ProjectMissing,
    #[error(code = "not_found", status = 404, message = "Member not found")]
    MemberMissing,
}

fn main() {}
