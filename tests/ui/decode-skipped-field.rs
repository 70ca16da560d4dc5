use error_catalog::{ApiError, ErrorBody};

#[derive(Debug, ApiError)]
#[api_error(decode)]
pub enum LedgerError {
    #[error(code = "ledger_locked", status = 423, message = "The ledger is locked")]
    Locked {
        #[error(skip)]
        shard: u32,
    },
}

fn main() {
    let body: ErrorBody = r#"{"code":"ledger_locked","message":"x"}"#.parse().unwrap();
    let _ = body.to_error::<LedgerError>();
}
