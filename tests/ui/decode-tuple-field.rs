use error_catalog::{ApiError, ErrorBody};

#[derive(Debug, ApiError)]
#[api_error(decode)]
pub enum JobError {
    #[error(code = "job_failed", status = 500, message = "Job failed")]
    Failed(u32),
}

fn main() {
    let body: ErrorBody = r#"{"code":"job_failed","message":"Job failed"}"#.parse().unwrap();
    let _ = body.to_error::<JobError>();
}
