use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum SyncError {
    #[error(code = "sync_failed", status = 500, message = "Sync failed")]
    Failed {
        #[source]
        read: std::io::Error,
        #[source]
        parse: std::fmt::Error,
    },
}

fn main() {}
