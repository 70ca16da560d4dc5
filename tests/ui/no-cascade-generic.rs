// The stub impls of a broken generic enum keep its parameters and where clause.
use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum Lookup<'a, K>
where
    K: std::fmt::Display,
{
    #[error(code = "lookup_missing", status = 404, message = "No {key} in {tabel}")]
    Missing { key: K, table: &'a str },
}

fn main() {
    let err: Lookup<'_, u32> = Lookup::Missing { key: 7, table: "projects" };
    let _: &'static str = err.code();
    let _: String = err.to_string();
    let _ = Lookup::<u32>::CATALOG;
    let _: &dyn std::error::Error = &err;
}
