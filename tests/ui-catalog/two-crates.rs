// Enums from two crates, in a static, a const and a local: all compile and agree.
use catalog_helper::OrderError;
use error_catalog::{ApiError, Catalog, catalog};

/// User errors.
#[derive(Debug, ApiError)]
pub enum UserError {
    /// A user with this email already exists.
    #[error(code = "user_exists", status = 409, message = "The user already exists")]
    Exists,
    /// The user does not exist.
    #[error(code = "user_not_found", status = 404, message = "User not found")]
    NotFound,
}

static STATIC: Catalog = catalog!(UserError, OrderError);
const CONST: Catalog = catalog!(UserError, OrderError,);

fn main() {
    let local = catalog!(OrderError, UserError);
    for errors in [STATIC, CONST, local] {
        assert_eq!(errors.len(), 5);
        assert_eq!(errors.find("conflict").unwrap().variant(), "AlreadyExists");
        assert_eq!(errors.find("user_exists").unwrap().variant(), "Exists");
        assert!(errors.find("missing").is_none());
    }
    let empty = catalog!();
    assert!(empty.is_empty());
    assert!(empty.find("conflict").is_none());
}
