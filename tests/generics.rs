//! Generic error types: type parameters in details, messages and sources, a `where`
//! clause and a lifetime, with the bounds each use needs.

mod common;

use std::error::Error as _;
use std::fmt;

use common::details;
use error_catalog::{ApiError, JsonType};
use serde::Serialize;

#[derive(Debug, ApiError)]
pub enum Lookup<'a, K, E>
where
    K: fmt::Display + Serialize,
    E: std::error::Error + 'static,
{
    #[error(code = "lookup_missing", status = 404, message = "No {key} in {table}")]
    Missing { key: K, table: &'a str },
    #[error(code = "lookup_backend", status = 503, message = "The backend failed")]
    Backend(#[source] E),
    #[error(code = "lookup_debug", status = 400, message = "Bad key {0:?}")]
    Debugged(K),
}

#[derive(Debug, ApiError)]
pub enum Wrapper<T> {
    #[error(code = "wrapper_value", status = 422, message = "Rejected {value}")]
    Value { value: T, hint: Option<T> },
}

#[test]
fn generic_enums_with_where_clause_and_lifetimes() {
    let table = String::from("projects");
    let missing: Lookup<'_, u32, std::io::Error> = Lookup::Missing {
        key: 7,
        table: &table,
    };
    assert_eq!(missing.code(), "lookup_missing");
    assert_eq!(missing.to_string(), "No 7 in projects");
    assert_eq!(
        details(&missing),
        [("key", "7".into()), ("table", r#""projects""#.into())]
    );
    assert!(missing.source().is_none());

    let backend: Lookup<'_, u32, std::io::Error> =
        Lookup::Backend(std::io::Error::other("disk on fire"));
    assert!(backend.retryable());
    assert_eq!(backend.to_string(), "The backend failed");
    assert_eq!(backend.source().unwrap().to_string(), "disk on fire");

    let debugged: Lookup<'_, &str, std::fmt::Error> = Lookup::Debugged("k");
    assert_eq!(debugged.to_string(), r#"Bad key "k""#);

    let fields = Lookup::<u32, std::io::Error>::CATALOG[0].fields();
    assert_eq!(fields[0].rust_type(), "K");
    assert_eq!(fields[0].json_type(), JsonType::Any);
    assert_eq!(fields[1].rust_type(), "&'a str");
    assert_eq!(fields[1].json_type(), JsonType::String);

    let wrapped = Wrapper::Value {
        value: 3.5,
        hint: None,
    };
    assert_eq!(wrapped.to_string(), "Rejected 3.5");
    assert_eq!(details(&wrapped), [("value", "3.5".into())]);
    let boxed: Box<dyn ApiError> = Box::new(Wrapper::Value {
        value: "x",
        hint: Some("y"),
    });
    assert_eq!(
        details(&*boxed),
        [("value", r#""x""#.into()), ("hint", r#""y""#.into())]
    );
}
