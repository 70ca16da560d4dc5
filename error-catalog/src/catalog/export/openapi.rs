//! The OpenAPI 3.1 export: envelope schemas, and one reusable response per HTTP status
//! whose schema pins `code` to the codes of that status, with a named example per code.
//!
//! The utoipa integration documents an error type with these same responses
//! ([`response_json`] with [`Refs::Inline`]), so the two never disagree.

use std::collections::BTreeMap;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Value, json};

use crate::catalog::Catalog;
use crate::catalog::export::sample::Sample;
use crate::model::format::Format;
use crate::model::spec::ErrorSpec;
use crate::wire::envelope::Envelope;
use crate::wire::grpc;
use crate::wire::members::{
    CODE, DETAILS, ERROR, MESSAGE, META, REQUEST_ID, STATUS, google, problem,
};

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
    ///   example per code (the example body of the Markdown page), and its headers: each
    ///   header a code at that status sends from an `#[error(header = "..")]` field, and
    ///   `Retry-After` where a code carries a retry hint;
    /// - `headers`: `Retry-After`, which those responses reference.
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

    /// The document as pretty-printed JSON, ending in a newline; members are in
    /// document order (`openapi`, `info`, `components`; statuses ascending; codes in
    /// catalog order; example bodies as the envelope writes them).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.document()).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The document as a JSON value, to merge into a larger document (a
    /// `serde_json::Value` keeps its object members sorted by name).
    pub fn value(&self) -> Value {
        serde_json::to_value(self.document()).unwrap_or_default()
    }

    fn document(&self) -> Node {
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

        let schemas = formats
            .iter()
            .map(|&format| {
                (
                    schema_name(format).to_owned(),
                    Node::Json(envelope_schema(format)),
                )
            })
            .collect();
        let responses = statuses
            .iter()
            .map(|(status, codes)| {
                let response = response(*status, codes, Refs::Components);
                (format!("Error{status}"), response)
            })
            .collect();
        let mut components = vec![
            ("schemas".to_owned(), Node::Object(schemas)),
            ("responses".to_owned(), Node::Object(responses)),
        ];
        if self.catalog.iter().any(ErrorSpec::may_send_retry_after) {
            components.push((
                "headers".to_owned(),
                Node::Object(vec![(
                    RETRY_AFTER.to_owned(),
                    Node::Json(retry_after_header()),
                )]),
            ));
        }
        Node::Object(vec![
            ("openapi".to_owned(), Node::Json(json!("3.1.0"))),
            (
                "info".to_owned(),
                Node::Object(vec![
                    ("title".to_owned(), Node::Json(json!(self.title))),
                    ("version".to_owned(), Node::Json(json!(self.version))),
                ]),
            ),
            ("components".to_owned(), Node::Object(components)),
        ])
    }
}

/// A document tree that keeps its objects' member order and writes example bodies
/// straight from the envelope (a `serde_json::Value` would sort both).
enum Node {
    Object(Vec<(String, Node)>),
    Json(Value),
    Example(&'static ErrorSpec, Format),
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
            Node::Json(value) => value.serialize(serializer),
            Node::Example(spec, format) => Envelope::new(&Sample::new(spec))
                .format(*format)
                .serialize(serializer),
        }
    }
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
            "required": [ERROR],
            "properties": {
                ERROR: {
                    "type": "object",
                    "required": [CODE, MESSAGE],
                    "properties": {CODE: string, MESSAGE: string, DETAILS: details},
                },
                META: {"type": "object", "properties": {REQUEST_ID: string}},
            },
        }),
        Format::Flat => json!({
            "type": "object",
            "required": [CODE, MESSAGE],
            "properties": {
                CODE: string,
                MESSAGE: string,
                DETAILS: details,
                REQUEST_ID: string,
            },
        }),
        Format::Compact => json!({
            "type": "object",
            "required": [ERROR, MESSAGE, STATUS],
            "properties": {
                ERROR: {"type": "string", "description": "The error code."},
                MESSAGE: string,
                STATUS: {"type": "integer"},
                REQUEST_ID: string,
            },
        }),
        Format::Problem => json!({
            "type": "object",
            "description": "RFC 9457 problem details; detail fields are extension members.",
            "required": [problem::TYPE, problem::TITLE, STATUS, problem::DETAIL, CODE],
            "properties": {
                problem::TYPE: {"type": "string", "format": "uri-reference"},
                problem::TITLE: string,
                STATUS: {"type": "integer"},
                problem::DETAIL: string,
                problem::INSTANCE: {"type": "string", "format": "uri-reference"},
                CODE: string,
                REQUEST_ID: string,
            },
        }),
        Format::Google => json!({
            "type": "object",
            "description": "Google AIP-193 error.",
            "required": [ERROR],
            "properties": {
                ERROR: {
                    "type": "object",
                    "required": [CODE, MESSAGE, STATUS, DETAILS],
                    "properties": {
                        CODE: {"type": "integer"},
                        MESSAGE: string,
                        STATUS: string,
                        DETAILS: {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": [google::TYPE],
                                "properties": {google::TYPE: string},
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
        Format::Nested => json!({"properties": {ERROR: {"properties": {CODE: code}}}}),
        Format::Flat | Format::Problem => json!({"properties": {CODE: code}}),
        Format::Compact => json!({"properties": {ERROR: code}}),
        Format::Google => {
            let reasons: Vec<String> = codes.iter().map(|spec| grpc::reason(spec.code())).collect();
            json!({"properties": {ERROR: {"properties": {DETAILS: {"contains": {
                "properties": {google::REASON: {"enum": reasons}},
                "required": [google::REASON],
            }}}}}})
        }
    }
}

/// The schema of a body in `format` whose code is one of `codes`, written out: the
/// envelope's schema with the code pinned in place.
#[cfg_attr(not(feature = "utoipa"), allow(dead_code))] // utoipa's responses only
fn inline_schema(format: Format, codes: &[&ErrorSpec]) -> Value {
    let mut schema = envelope_schema(format);
    merge(&mut schema, code_enum(format, codes));
    schema
}

/// Adds the members of `extra` to `schema`, merging the objects both have.
#[cfg_attr(not(feature = "utoipa"), allow(dead_code))] // utoipa's responses only
fn merge(schema: &mut Value, extra: Value) {
    match (schema, extra) {
        (Value::Object(schema), Value::Object(extra)) => {
            for (name, value) in extra {
                match schema.get_mut(&name) {
                    Some(known) => merge(known, value),
                    None => {
                        schema.insert(name, value);
                    }
                }
            }
        }
        (schema, extra) => *schema = extra,
    }
}

/// The name of the retry hint header.
const RETRY_AFTER: &str = "Retry-After";

/// The `Retry-After` header of the responses whose codes can send it.
fn retry_after_header() -> Value {
    json!({
        "description": "Seconds to wait before retrying the request.",
        "schema": {"type": "integer", "minimum": 0},
    })
}

/// How a response names what it shares with the other responses of a document (the
/// envelope schemas, the `Retry-After` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refs {
    /// By `$ref` to the document's components: the export, which writes them.
    Components,
    /// Written out in place: utoipa's responses, which come without components.
    #[cfg_attr(not(feature = "utoipa"), allow(dead_code))]
    Inline,
}

/// The response `Error<status>` of `codes` (all of that status, each with the format it is
/// documented in), as JSON text in document order: the same description, headers,
/// schemas and named examples whether the export or utoipa asks.
#[cfg_attr(not(feature = "utoipa"), allow(dead_code))] // utoipa's responses only
pub(crate) fn response_json(
    status: u16,
    codes: &[(&'static ErrorSpec, Format)],
    refs: Refs,
) -> String {
    // Example bodies are plain JSON values: writing them cannot fail.
    serde_json::to_string(&response(status, codes, refs)).unwrap_or_default()
}

/// `Error<status>`: its description, the headers its codes can send, and per content
/// type the envelope(s) with the code enum and a named example per code.
fn response(status: u16, codes: &[(&'static ErrorSpec, Format)], refs: Refs) -> Node {
    let mut content: BTreeMap<&str, Vec<Format>> = BTreeMap::new();
    for &(_, format) in codes {
        let formats = content.entry(format.content_type()).or_default();
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    let content = content
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
                    match refs {
                        Refs::Components => json!({"allOf": [
                            {"$ref": format!("#/components/schemas/{}", schema_name(format))},
                            code_enum(format, &specs),
                        ]}),
                        Refs::Inline => inline_schema(format, &specs),
                    }
                })
                .collect();
            let schema = match <[Value; 1]>::try_from(schemas) {
                Ok([one]) => one,
                Err(many) => json!({"oneOf": many}),
            };
            let examples = codes
                .iter()
                .filter(|(_, format)| format.content_type() == content_type)
                .map(|&(spec, format)| (spec.code().to_owned(), example(spec, format)))
                .collect();
            (
                content_type.to_owned(),
                Node::Object(vec![
                    ("schema".to_owned(), Node::Json(schema)),
                    ("examples".to_owned(), Node::Object(examples)),
                ]),
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
    let mut response = vec![(
        "description".to_owned(),
        Node::Json(json!(format!("{reason}: {}.", listed.join(", ")))),
    )];
    let mut headers = Vec::new();
    if codes.iter().any(|(spec, _)| spec.may_send_retry_after()) {
        let header = match refs {
            Refs::Components => json!({"$ref": format!("#/components/headers/{RETRY_AFTER}")}),
            Refs::Inline => retry_after_header(),
        };
        headers.push((RETRY_AFTER.to_owned(), Node::Json(header)));
    }
    let specs: Vec<&ErrorSpec> = codes.iter().map(|&(spec, _)| spec).collect();
    for (name, sent_by) in field_headers(&specs) {
        let description = format!("Sent with {}.", sent_by.join(", "));
        headers.push((
            name.to_owned(),
            Node::Json(json!({"description": description, "schema": {"type": "string"}})),
        ));
    }
    if !headers.is_empty() {
        response.push(("headers".to_owned(), Node::Object(headers)));
    }
    response.push(("content".to_owned(), Node::Object(content)));
    Node::Object(response)
}

/// The headers that the codes `specs` send from their fields, each with the codes that
/// send it (quoted as `code`), in order of first use. Names that differ only in case
/// are one header.
fn field_headers(specs: &[&ErrorSpec]) -> Vec<(&'static str, Vec<String>)> {
    let mut headers: Vec<(&'static str, Vec<String>)> = Vec::new();
    for spec in specs {
        for &name in spec.headers() {
            let sent_by = format!("`{}`", spec.code());
            match headers
                .iter_mut()
                .find(|(known, _)| known.eq_ignore_ascii_case(name))
            {
                Some((_, codes)) => codes.push(sent_by),
                None => headers.push((name, vec![sent_by])),
            }
        }
    }
    headers
}

/// A named example: the code's title and description, and its example body (a
/// [`Sample`] of the spec written by the envelope).
fn example(spec: &'static ErrorSpec, format: Format) -> Node {
    let mut example = vec![("summary".to_owned(), Node::Json(json!(spec.title())))];
    if !spec.description().is_empty() {
        example.push((
            "description".to_owned(),
            Node::Json(json!(spec.description())),
        ));
    }
    example.push(("value".to_owned(), Node::Example(spec, format)));
    Node::Object(example)
}
