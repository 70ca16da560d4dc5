use error_catalog::{ApiError, ErrorBody};

#[derive(Debug, ApiError)]
#[api_error(decode)]
pub enum StoreError {
    #[error(code = "store_unavailable", status = 503, message = "The store is unavailable")]
    Unavailable {
        #[source]
        cause: std::io::Error,
    },
}

fn main() {
    let body: ErrorBody = r#"{"code":"store_unavailable","message":"x"}"#.parse().unwrap();
    let _ = body.to_error::<StoreError>();
}
