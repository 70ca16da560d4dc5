// Only types with a catalog (every #[derive(ApiError)] type) can be listed.
use catalog_helper::OrderError;
use error_catalog::catalog;

fn main() {
    let errors = catalog!(OrderError, String);
    println!("{}", errors.len());
}
