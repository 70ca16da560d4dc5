//! Helpers shared by the integration test files.
#![allow(dead_code)]

use std::fmt;

use error_catalog::{ApiError, DetailValue, ErrorSpec, Format};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// A UTC timestamp as services hold them (chrono's `DateTime<Utc>` stand-in): it
/// serializes as an RFC 3339 string, through its `Display`, as chrono does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl Timestamp {
    pub const fn utc(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Self {
        Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
        }
    }
}

impl fmt::Display for Timestamp {
    /// `2026-01-09T10:00:00Z`; honours width and precision (`{:.10}` is the date).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        );
        f.pad(&text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The body of `error` in `format`, parsed.
pub fn body(error: &dyn ApiError, format: Format) -> Value {
    parse(&error.envelope().format(format).to_json())
}

/// The body of `error` in its type's default format, parsed.
pub fn default_body(error: &dyn ApiError) -> Value {
    parse(&error.envelope().to_json())
}

/// Parses a body, failing the test on invalid JSON.
pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("invalid JSON ({err}): {text}"))
}

/// The headers of an error's default envelope as sorted `(name, value)` pairs.
pub fn headers(error: &dyn ApiError) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = error
        .envelope()
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                value.to_str().unwrap_or("<binary>").to_owned(),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

/// `(name, value)` pairs, owned and sorted, to compare with [`headers`].
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = list
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// Every field of a decoded body, as one JSON value to compare whole.
pub fn decoded(body: &error_catalog::ErrorBody) -> Value {
    serde_json::json!({
        "format": body.format().name(),
        "code": body.code(),
        "message": body.message(),
        "status": body.status().map(|status| status.as_u16()),
        "details": body.details(),
        "request_id": body.request_id(),
        // Whole seconds, rounded up.
        "retry_after": body.retry_after().map(|wait| wait.as_secs() + u64::from(wait.subsec_nanos() > 0)),
    })
}

/// The detail fields an error visits, each serialized as JSON.
pub fn details(err: &dyn ApiError) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
        // Every detail here is a declared field: its name is the catalog's, static.
        let field = err.spec().fields().iter().find(|f| f.name() == name);
        seen.push((
            field.unwrap().name(),
            serde_json::to_string(&value).unwrap(),
        ));
    });
    seen
}

/// The codes of a catalog table, in order.
pub fn codes(catalog: &[ErrorSpec]) -> Vec<&'static str> {
    catalog.iter().map(ErrorSpec::code).collect()
}
