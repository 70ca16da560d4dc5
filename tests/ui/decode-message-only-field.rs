use error_catalog::{ApiError, ErrorBody};

#[derive(Debug, ApiError)]
#[api_error(decode)]
pub enum PlanError {
    #[error(code = "plan_limit", status = 403, message = "The {plan} plan does not allow this")]
    Limit {
        #[error(message_only)]
        plan: String,
    },
}

fn main() {
    let body: ErrorBody = r#"{"code":"plan_limit","message":"x"}"#.parse().unwrap();
    let _ = body.to_error::<PlanError>();
}
