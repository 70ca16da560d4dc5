// Listing a type twice repeats every one of its codes.
use catalog_helper::OrderError;
use error_catalog::{Catalog, catalog};

const ERRORS: Catalog = catalog!(OrderError, OrderError);

fn main() {
    println!("{}", ERRORS.len());
}
