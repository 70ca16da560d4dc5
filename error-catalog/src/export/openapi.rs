//! The OpenAPI 3.1 export: envelope schemas, and one reusable response per HTTP status
//! whose schema pins `code` to the codes of that status, with a named example per code.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::export::sample::example_body;
use crate::{Catalog, ErrorSpec, Format};

impl Catalog {
    /// The catalog as an OpenAPI 3.1 document (pretty-printed JSON, ending in a newline)
    /// with the default title and version; [`openapi`](Catalog::openapi) sets them.
    pub fn to_openapi(&self) -> String {
        self.openapi().to_json()
    }

    /// An OpenAPI 3.1 document holding the catalog's `components`:
    ///
    /// - `schemas`: the envelope of each wire format the catalog uses (`NestedError`,
    ///   `FlatError`, `CompactError`, `ProblemDetails`, `GoogleError`);
    /// - `responses`: `Error<status>` for each status, its schema the envelope with the
    ///   code member restricted to an `enum` of the codes at that status, and one named
    ///   example per code (the example body of the Markdown page);
    /// - `headers`: `Retry-After`, referenced by the responses of statuses where a code
    ///   carries a retry hint.
    ///
    /// Endpoints reference the responses: `$ref: '#/components/responses/Error404'`.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// /// Resource errors.
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "flat")]
    /// pub enum ResourceError {
    ///     /// The requested resource doesn't exist.
    ///     #[error(code = "not_found", status = 404, message = "Not found")]
    ///     NotFound,
    ///     /// Too many requests.
    ///     #[error(code = "rate_limited", status = 429, message = "Slow down", retry_after = 30)]
    ///     RateLimited,
    /// }
    ///
    /// let doc = catalog!(ResourceError).openapi().title("Projects API").value();
    /// assert_eq!(doc["openapi"], "3.1.0");
    /// let not_found = &doc["components"]["responses"]["Error404"];
    /// let json = &not_found["content"]["application/json"];
    /// assert_eq!(json["schema"]["allOf"][1]["properties"]["code"]["enum"], serde_json::json!(["not_found"]));
    /// assert_eq!(json["examples"]["not_found"]["value"], serde_json::json!({"code": "not_found", "message": "Not found"}));
    /// assert!(not_found.get("headers").is_none());
    /// let limited = &doc["components"]["responses"]["Error429"];
    /// assert_eq!(limited["headers"]["Retry-After"]["$ref"], "#/components/headers/Retry-After");
    /// ```
    pub fn openapi(&self) -> OpenApi<'_> {
        OpenApi {
            catalog: self,
            title: "Errors",
            version: "1",
            format: None,
        }
    }
}

/// The OpenAPI document of a catalog, made by [`Catalog::openapi`].
#[derive(Debug, Clone, Copy)]
pub struct OpenApi<'a> {
    catalog: &'a Catalog,
    title: &'a str,
    version: &'a str,
    format: Option<Format>,
}

impl<'a> OpenApi<'a> {
    /// `info.title` (default `Errors`).
    #[must_use]
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = title;
        self
    }

    /// `info.version` (default `1`).
    #[must_use]
    pub fn version(mut self, version: &'a str) -> Self {
        self.version = version;
        self
    }

    /// Documents every code in `format` instead of each category's own.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// The document as pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.value()).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The document as a JSON value, to merge into a larger document.
    pub fn value(&self) -> Value {
        let mut formats: Vec<Format> = Vec::new();
        let mut statuses: BTreeMap<u16, Vec<(&'static ErrorSpec, Format)>> = BTreeMap::new();
        for spec in self.catalog {
            let format = self.format.unwrap_or(spec.category().format());
            if !formats.contains(&format) {
                formats.push(format);
            }
            statuses
                .entry(spec.status_u16())
                .or_default()
                .push((spec, format));
        }
        formats.sort_by_key(|format| Format::ALL.iter().position(|f| f == format));

        let schemas: Map<String, Value> = formats
            .iter()
            .map(|&format| (schema_name(format).to_owned(), envelope_schema(format)))
            .collect();
        let responses: Map<String, Value> = statuses
            .iter()
            .map(|(status, codes)| (format!("Error{status}"), response(*status, codes)))
            .collect();
        let mut components = Map::new();
        components.insert("schemas".to_owned(), Value::Object(schemas));
        components.insert("responses".to_owned(), Value::Object(responses));
        if self.catalog.iter().any(has_retry_after) {
            components.insert(
                "headers".to_owned(),
                json!({"Retry-After": {
                    "description": "Seconds to wait before retrying the request.",
                    "schema": {"type": "integer", "minimum": 0},
                }}),
            );
        }
        json!({
            "openapi": "3.1.0",
            "info": {"title": self.title, "version": self.version},
            "components": components,
        })
    }
}

fn has_retry_after(spec: &ErrorSpec) -> bool {
    spec.retry_after().is_some() || spec.fields().iter().any(|field| field.retry_after())
}

fn schema_name(format: Format) -> &'static str {
    match format {
        Format::Nested => "NestedError",
        Format::Flat => "FlatError",
        Format::Compact => "CompactError",
        Format::Problem => "ProblemDetails",
        Format::Google => "GoogleError",
    }
}

/// The JSON Schema of a format's body, as the envelope writes it.
fn envelope_schema(format: Format) -> Value {
    let string = json!({"type": "string"});
    let details = json!({
        "type": "object",
        "description": "The error's detail fields; omitted when it has none.",
    });
    match format {
        Format::Nested => json!({
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {"code": string, "message": string, "details": details},
                },
                "meta": {"type": "object", "properties": {"request_id": string}},
            },
        }),
        Format::Flat => json!({
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": string,
                "message": string,
                "details": details,
                "request_id": string,
            },
        }),
        Format::Compact => json!({
            "type": "object",
            "required": ["error", "message", "status"],
            "properties": {
                "error": {"type": "string", "description": "The error code."},
                "message": string,
                "status": {"type": "integer"},
                "request_id": string,
            },
        }),
        Format::Problem => json!({
            "type": "object",
            "description": "RFC 9457 problem details; detail fields are extension members.",
            "required": ["type", "title", "status", "detail", "code"],
            "properties": {
                "type": {"type": "string", "format": "uri-reference"},
                "title": string,
                "status": {"type": "integer"},
                "detail": string,
                "instance": {"type": "string", "format": "uri-reference"},
                "code": string,
                "request_id": string,
            },
        }),
        Format::Google => json!({
            "type": "object",
            "description": "Google AIP-193 error.",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message", "status", "details"],
                    "properties": {
                        "code": {"type": "integer"},
                        "message": string,
                        "status": string,
                        "details": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["@type"],
                                "properties": {"@type": string},
                            },
                        },
                    },
                },
            },
        }),
    }
}

/// The schema that pins a format's code member to `codes`.
fn code_enum(format: Format, codes: &[&ErrorSpec]) -> Value {
    let names: Vec<&str> = codes.iter().map(|spec| spec.code()).collect();
    let code = json!({"enum": names});
    match format {
        Format::Nested => json!({"properties": {"error": {"properties": {"code": code}}}}),
        Format::Flat | Format::Problem => json!({"properties": {"code": code}}),
        Format::Compact => json!({"properties": {"error": code}}),
        Format::Google => {
            let reasons: Vec<String> = codes
                .iter()
                .map(|spec| crate::grpc::reason(spec.code()))
                .collect();
            json!({"properties": {"error": {"properties": {"details": {"contains": {
                "properties": {"reason": {"enum": reasons}},
                "required": ["reason"],
            }}}}}})
        }
    }
}

/// `Error<status>`: per content type, the envelope(s) with the code enum and a named
/// example per code.
fn response(status: u16, codes: &[(&'static ErrorSpec, Format)]) -> Value {
    let mut content: BTreeMap<&str, Vec<Format>> = BTreeMap::new();
    for &(_, format) in codes {
        let formats = content.entry(format.content_type()).or_default();
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    let content: Map<String, Value> = content
        .into_iter()
        .map(|(content_type, formats)| {
            let schemas: Vec<Value> = formats
                .iter()
                .map(|&format| {
                    let specs: Vec<&ErrorSpec> = codes
                        .iter()
                        .filter(|(_, f)| *f == format)
                        .map(|(spec, _)| *spec)
                        .collect();
                    json!({"allOf": [
                        {"$ref": format!("#/components/schemas/{}", schema_name(format))},
                        code_enum(format, &specs),
                    ]})
                })
                .collect();
            let schema = match <[Value; 1]>::try_from(schemas) {
                Ok([one]) => one,
                Err(many) => json!({"oneOf": many}),
            };
            let examples: Map<String, Value> = codes
                .iter()
                .filter(|(_, format)| format.content_type() == content_type)
                .map(|&(spec, format)| (spec.code().to_owned(), example(spec, format)))
                .collect();
            (
                content_type.to_owned(),
                json!({"schema": schema, "examples": examples}),
            )
        })
        .collect();
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Error");
    let listed: Vec<String> = codes
        .iter()
        .map(|(spec, _)| format!("`{}`", spec.code()))
        .collect();
    let mut response = Map::new();
    response.insert(
        "description".to_owned(),
        Value::String(format!("{reason}: {}.", listed.join(", "))),
    );
    if codes.iter().any(|(spec, _)| has_retry_after(spec)) {
        response.insert(
            "headers".to_owned(),
            json!({"Retry-After": {"$ref": "#/components/headers/Retry-After"}}),
        );
    }
    response.insert("content".to_owned(), Value::Object(content));
    Value::Object(response)
}

fn example(spec: &'static ErrorSpec, format: Format) -> Value {
    let mut example = Map::new();
    example.insert("summary".to_owned(), Value::String(spec.title().to_owned()));
    if !spec.description().is_empty() {
        example.insert(
            "description".to_owned(),
            Value::String(spec.description().to_owned()),
        );
    }
    example.insert("value".to_owned(), example_body(spec, format));
    Value::Object(example)
}
