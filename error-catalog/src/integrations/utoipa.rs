//! utoipa: every `ApiError` type is a [`utoipa::IntoResponses`], so an endpoint lists
//! its error enum in `#[utoipa::path(responses(...))]` and its OpenAPI gets one response
//! per status, with the envelope schema (`code` as an enum of the codes at that status)
//! and a named example per code (feature `utoipa`).
//!
//! ```
//! use error_catalog::ApiError;
//! use utoipa::IntoResponses;
//!
//! /// Resource errors.
//! #[derive(Debug, ApiError)]
//! #[api_error(format = "nested")]
//! pub enum ProjectError {
//!     /// The requested project does not exist.
//!     #[error(code = "not_found", status = 404, message = "Project {resource_id} not found")]
//!     NotFound { #[error(example = "proj_xyz789")] resource_id: String },
//!     /// A project with this name already exists.
//!     #[error(code = "already_exists", status = 409, message = "A project with this name already exists")]
//!     AlreadyExists { field: String, value: String },
//! }
//!
//! // In a handler's attribute: #[utoipa::path(get, path = "/projects/{id}", responses(
//! //     (status = 200, description = "The project"), ProjectError))]
//! let responses = ProjectError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "409"]);
//! let json = serde_json::to_value(&responses["404"]).unwrap();
//! assert_eq!(
//!     json["content"]["application/json"]["examples"]["not_found"]["value"],
//!     serde_json::json!({"error": {
//!         "code": "not_found",
//!         "message": "Project proj_xyz789 not found",
//!         "details": {"resource_id": "proj_xyz789"},
//!     }}),
//! );
//! ```

use std::collections::BTreeMap;
use std::fmt;

use ::utoipa::openapi::example::ExampleBuilder;
use ::utoipa::openapi::header::HeaderBuilder;
use ::utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use ::utoipa::openapi::{ContentBuilder, RefOr, ResponseBuilder};
use serde_json::{Value, json};

use crate::catalog::export::openapi::field_headers;
use crate::model::api_error::{ApiError, DetailValue, DetailVisitor};
use crate::model::format::Format;
use crate::model::spec::{ErrorSpec, JsonType};

/// The OpenAPI responses of a catalog: one per status, keyed by the status code, with
/// the envelope schema of the type's format and one example per code, named by the
/// code. A status whose codes can send `Retry-After` (a `retry_after = N` or an
/// `#[error(retry_after)]` field) documents that header, and every header a code sends
/// from an `#[error(header = "..")]` field is documented too. The derived
/// `IntoResponses::responses` calls this.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "flat")]
/// pub enum RateError {
///     /// Too many requests in the time window.
///     #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
///     RateLimited { limit: u32, #[error(retry_after)] retry_after: u64 },
///     /// Down for maintenance; no retry hint.
///     #[error(code = "maintenance", status = 503, message = "Down for maintenance")]
///     Maintenance,
/// }
///
/// let responses = error_catalog::utoipa::responses(RateError::CATALOG);
/// // A 503 whose codes never send Retry-After does not document it.
/// let unavailable = serde_json::to_value(&responses["503"]).unwrap();
/// assert!(unavailable.get("headers").is_none());
/// let json = serde_json::to_value(&responses["429"]).unwrap();
/// assert_eq!(json["description"], "Too Many Requests: `rate_limit_exceeded`");
/// assert!(json["headers"]["Retry-After"].is_object());
/// assert_eq!(
///     json["content"]["application/json"]["examples"]["rate_limit_exceeded"]["value"],
///     serde_json::json!({"code": "rate_limit_exceeded", "message": "Too many requests",
///                        "details": {"limit": 0, "retry_after": 0}}),
/// );
/// ```
pub fn responses(
    catalog: &'static [ErrorSpec],
) -> BTreeMap<String, RefOr<::utoipa::openapi::response::Response>> {
    let mut by_status: BTreeMap<u16, Vec<&'static ErrorSpec>> = BTreeMap::new();
    for spec in catalog {
        by_status.entry(spec.status_u16()).or_default().push(spec);
    }
    by_status
        .into_iter()
        .map(|(status, specs)| (status.to_string(), response(&specs).into()))
        .collect()
}

/// The response of one status: every code's spec at that status.
fn response(specs: &[&'static ErrorSpec]) -> ::utoipa::openapi::response::Response {
    let status = specs[0].status();
    let codes: Vec<&str> = specs.iter().map(|spec| spec.code()).collect();
    let description = format!(
        "{}: {}",
        status.canonical_reason().unwrap_or("Error"),
        codes
            .iter()
            .map(|code| format!("`{code}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut builder = ResponseBuilder::new().description(description);
    // One content entry per content type; the types of one enum share one format.
    let mut formats: Vec<Format> = Vec::new();
    for spec in specs {
        let format = spec.category().format();
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    for format in formats {
        let in_format: Vec<&ErrorSpec> = specs
            .iter()
            .copied()
            .filter(|spec| spec.category().format() == format)
            .collect();
        let codes: Vec<&str> = in_format.iter().map(|spec| spec.code()).collect();
        let examples = in_format.iter().map(|spec| {
            let example = ExampleBuilder::new()
                .summary(spec.title())
                .description(spec.description())
                .value(Some(example_body(spec, format)));
            (spec.code(), example.build())
        });
        let content = ContentBuilder::new()
            .schema(Some(envelope_schema(format, &codes)))
            .examples_from_iter(examples)
            .build();
        builder = builder.content(format.content_type(), content);
    }
    if specs.iter().any(|spec| spec.may_send_retry_after()) {
        let header = HeaderBuilder::new()
            .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
            .description(Some("Seconds to wait before retrying."))
            .build();
        builder = builder.header("Retry-After", header);
    }
    for (name, sent_by) in field_headers(specs) {
        let header = HeaderBuilder::new()
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .description(Some(format!("Sent with {}.", sent_by.join(", "))))
            .build();
        builder = builder.header(name, header);
    }
    builder.build()
}

/// The JSON Schema of an envelope in `format` whose code is one of `codes`.
fn envelope_schema(format: Format, codes: &[&str]) -> Schema {
    let code = json!({"type": "string", "enum": codes});
    let details = json!({"type": "object", "additionalProperties": true});
    let string = json!({"type": "string"});
    let schema = match format {
        Format::Nested => json!({
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {"code": code, "message": string, "details": details},
                },
                "meta": {"type": "object", "properties": {"request_id": string}},
            },
        }),
        Format::Flat => json!({
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": code, "message": string, "details": details, "request_id": string},
        }),
        Format::Compact => json!({
            "type": "object",
            "required": ["error", "message", "status"],
            "properties": {"error": code, "message": string, "status": {"type": "integer"}, "request_id": string},
        }),
        Format::Google => json!({
            "type": "object",
            "required": ["error"],
            "properties": {"error": {
                "type": "object",
                "required": ["code", "message", "status", "details"],
                "properties": {
                    "code": {"type": "integer"},
                    "message": string,
                    "status": string,
                    "details": {"type": "array", "items": {"type": "object", "additionalProperties": true}},
                },
            }},
        }),
        // Problem, and any format added later: RFC 9457 members, details as extensions.
        _ => json!({
            "type": "object",
            "required": ["type", "title", "status", "detail", "code"],
            "properties": {
                "type": {"type": "string", "format": "uri-reference"},
                "title": string,
                "status": {"type": "integer"},
                "detail": string,
                "instance": {"type": "string", "format": "uri-reference"},
                "code": code,
                "request_id": string,
            },
            "additionalProperties": true,
        }),
    };
    serde_json::from_value(schema).unwrap_or_default()
}

/// The example body of `spec` in `format`: details from the fields' `example = ..`
/// values, or a placeholder of their JSON type; the message filled in with them.
fn example_body(spec: &'static ErrorSpec, format: Format) -> Value {
    let example = Example::new(spec);
    serde_json::from_slice(&example.envelope().format(format).to_vec()).unwrap_or(Value::Null)
}

/// An error value standing for one spec, with sample details.
#[derive(Debug)]
struct Example {
    spec: &'static ErrorSpec,
    details: Vec<(&'static str, Value)>,
}

impl Example {
    fn new(spec: &'static ErrorSpec) -> Self {
        let details = spec
            .fields()
            .iter()
            .map(|field| {
                let value = match field.example() {
                    Some(example) => serde_json::to_value(example).unwrap_or(Value::Null),
                    None => match field.json_type() {
                        JsonType::String => Value::String(field.name().to_owned()),
                        JsonType::Integer | JsonType::Number => json!(0),
                        JsonType::Boolean => Value::Bool(false),
                        JsonType::Array => json!([]),
                        JsonType::Object => json!({}),
                        JsonType::Any => Value::Null,
                    },
                };
                (field.name(), value)
            })
            .collect();
        Example { spec, details }
    }

    /// The sample of a `{placeholder}` of the message: a string as it is, other values
    /// as JSON.
    fn sample(&self, name: &str) -> Option<String> {
        self.details
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            })
    }
}

impl fmt::Display for Example {
    /// The message template with each `{field}` (or `{field:spec}`) replaced by its
    /// sample; `{{` and `}}` are literal braces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.spec.message();
        while let Some(open) = rest.find(['{', '}']) {
            f.write_str(&rest[..open])?;
            let tail = &rest[open..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                f.write_str(&tail[..1])?;
                rest = &tail[2..];
                continue;
            }
            match (tail.starts_with('{'), tail.find('}')) {
                (true, Some(close)) => {
                    let inner = &tail[1..close];
                    let name = inner.split(':').next().unwrap_or_default();
                    match self.sample(name) {
                        Some(sample) => f.write_str(&sample)?,
                        None => f.write_str(&tail[..=close])?,
                    }
                    rest = &tail[close + 1..];
                }
                _ => {
                    f.write_str(&tail[..1])?;
                    rest = &tail[1..];
                }
            }
        }
        f.write_str(rest)
    }
}

impl std::error::Error for Example {}

impl ApiError for Example {
    fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    fn as_api_error(&self) -> &dyn ApiError {
        self
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }

    fn visit_details(&self, visitor: &mut dyn DetailVisitor) {
        for (name, value) in &self.details {
            visitor.visit(name, DetailValue::new(value));
        }
    }
}
