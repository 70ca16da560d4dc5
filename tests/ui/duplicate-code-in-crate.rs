use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum ProjectError {
    #[error(code = "not_found", status = 404, message = "Project not found")]
    NotFound,
}

mod members {
    use error_catalog::ApiError;

    #[derive(Debug, ApiError)]
    pub enum MemberError {
        #[error(code = "not_found", status = 404, message = "Member not found")]
        NotFound,
    }
}

fn main() {}
