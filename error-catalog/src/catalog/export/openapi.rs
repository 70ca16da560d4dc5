//! The OpenAPI 3.1 export: envelope schemas, a body schema and a details schema per
//! code, and one reusable response per HTTP status whose body is a `oneOf` of the body
//! schemas of the codes at that status, with a named example per code.
//!
//! The utoipa integration documents an error type with these same responses
//! ([`response_json`] with [`Refs::Inline`]), so the two never disagree.

use std::collections::{BTreeMap, HashMap, HashSet};

use heck::ToUpperCamelCase;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use crate::catalog::Catalog;
use crate::catalog::export::sample::Sample;
use crate::model::api_error::{ApiError, DetailValue};
use crate::model::format::Format;
use crate::model::spec::{ErrorSpec, FieldSpec, JsonType};
use crate::wire::details::InFormat;
use crate::wire::envelope::Envelope;
use crate::wire::grpc;
use crate::wire::members::validation::{ERRORS, FIELD, POINTER};
use crate::wire::members::{
    CODE, DETAILS, ERROR, MESSAGE, META, REQUEST_ID, STATUS, google, problem,
};
use crate::wire::validation::Layout;

impl Catalog {
    /// The catalog as an OpenAPI 3.1 document (pretty-printed JSON, ending in a newline)
    /// with the default title and version; [`openapi`](Catalog::openapi) sets them.
    pub fn to_openapi(&self) -> String {
        self.openapi().to_json()
    }

    /// An OpenAPI 3.1 document holding the catalog's `components`, shaped for typed-client
    /// generators (`openapi-typescript`, `openapi-generator`, ...):
    ///
    /// - `schemas`:
    ///   - the envelope of each wire format the catalog uses (`NestedError`, `FlatError`,
    ///     `CompactError`, `ProblemDetails`, `GoogleError`): what every code of that
    ///     format sends;
    ///   - per code, `<Code>Details` (the code in `UpperCamelCase`: `NoSeatsAvailableDetails`):
    ///     an object with a property per detail field, of its JSON type (`integer`,
    ///     `number`, `string`, `boolean`, `array`, `object`; a chrono `DateTime` or jiff
    ///     `Timestamp` is a `string` of `format: date-time`), with the field's example
    ///     as the example bodies show it; every field but an `Option` is `required`, and a
    ///     flattened [`FieldErrors`](crate::FieldErrors) is laid out as the format
    ///     writes it (a list of `{field, code, message}`, a member per field, RFC 9457
    ///     `errors` with `pointer`s). Google's is the `ErrorInfo.metadata`, all strings;
    ///     Problem has none (its details are members of the body) and neither does
    ///     Compact (it sends none), nor a code without detail fields;
    ///   - per code, `<Code>Body`: the envelope with the code member a `string` of that
    ///     one value (an `enum` of one) and `details` the code's `<Code>Details`, required
    ///     (left out for a code without details). A
    ///     [deprecated](crate::ErrorSpec::deprecation) code's body has `deprecated: true`
    ///     and the deprecation's sentence after its description. Codes that camel-case alike never
    ///     share a name: a later one takes a `_2` suffix (`NotFound_2Body`);
    /// - `responses`: `Error<status>` for each status, its schema per content type a
    ///   `oneOf` of the `<Code>Body` of each code at that status, with a `discriminator`
    ///   on the code member when the body has it at the top level (Flat and Problem:
    ///   `code`; Compact: `error`; not Nested and Google, whose code is inside the
    ///   `error` object, which a discriminator cannot name); one named example per code
    ///   (the example body of the Markdown page; a deprecated code's says so in its
    ///   `description`, and carries the deprecation as the JSON export writes it in an
    ///   `x-deprecated` member); and its headers: each header a code at
    ///   that status sends from an `#[error(header = "..")]` field, and `Retry-After`
    ///   where a code carries a retry hint;
    /// - `headers`: `Retry-After`, which those responses reference.
    ///
    /// Endpoints reference the responses: `$ref: '#/components/responses/Error404'`. A
    /// generator then types a response body as a union that narrows on the code.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    /// use serde_json::json;
    ///
    /// /// Resource errors.
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "flat")]
    /// pub enum ResourceError {
    ///     /// The requested resource doesn't exist.
    ///     #[error(code = "not_found", status = 404, message = "Not found")]
    ///     NotFound,
    ///     /// All seats are in use.
    ///     #[error(code = "no_seats", status = 409, message = "No seats")]
    ///     NoSeats { #[error(example = 10)] max_seats: u32, hint: Option<String> },
    ///     /// Too many requests.
    ///     #[error(code = "rate_limited", status = 429, message = "Slow down", retry_after = 30)]
    ///     RateLimited,
    /// }
    ///
    /// let doc = catalog!(ResourceError).openapi().title("Projects API").value();
    /// assert_eq!(doc["openapi"], "3.1.0");
    /// let schemas = &doc["components"]["schemas"];
    /// assert_eq!(schemas["NoSeatsDetails"], json!({
    ///     "type": "object",
    ///     "required": ["max_seats"],
    ///     "properties": {
    ///         "max_seats": {"type": "integer", "example": 10},
    ///         "hint": {"type": "string", "example": "string"},
    ///     },
    /// }));
    /// let body = &schemas["NoSeatsBody"];
    /// assert_eq!(body["properties"]["code"], json!({"type": "string", "enum": ["no_seats"]}));
    /// assert_eq!(body["properties"]["details"]["$ref"], "#/components/schemas/NoSeatsDetails");
    /// assert_eq!(body["required"], json!(["code", "message", "details"]));
    ///
    /// let conflict = &doc["components"]["responses"]["Error409"]["content"]["application/json"];
    /// assert_eq!(conflict["schema"], json!({
    ///     "oneOf": [{"$ref": "#/components/schemas/NoSeatsBody"}],
    ///     "discriminator": {
    ///         "propertyName": "code",
    ///         "mapping": {"no_seats": "#/components/schemas/NoSeatsBody"},
    ///     },
    /// }));
    /// let not_found = &doc["components"]["responses"]["Error404"];
    /// let example = &not_found["content"]["application/json"]["examples"]["not_found"];
    /// assert_eq!(example["value"], json!({"code": "not_found", "message": "Not found"}));
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

        let names = ComponentNames::new(self.catalog.iter());
        let mut schemas: Vec<(String, Node)> = formats
            .iter()
            .map(|&format| {
                (
                    schema_name(format).to_owned(),
                    in_wire_order(envelope_schema(format), &[], format),
                )
            })
            .collect();
        for spec in self.catalog {
            let format = self.format.unwrap_or(spec.category().format());
            let base = names.base(spec);
            if details_component(format)
                && let Some(details) = details_schema(spec, format)
            {
                schemas.push((
                    details_name(base),
                    in_wire_order(details, spec.fields(), format),
                ));
            }
            let body = body_schema(spec, format, Refs::Components(&names));
            schemas.push((body_name(base), in_wire_order(body, spec.fields(), format)));
        }
        let responses = statuses
            .iter()
            .map(|(status, codes)| {
                let response = response(*status, codes, Refs::Components(&names));
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

/// The JSON Schema of a format's body, as the envelope writes it: what every code of
/// that format sends.
fn envelope_schema(format: Format) -> Value {
    let string = json!({"type": "string"});
    let details = json!({
        "type": "object",
        "description": "The error's detail fields; omitted when it has none.",
        "additionalProperties": {},
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
                            "description": "`google.rpc` details: an ErrorInfo (reason, domain, metadata), then RetryInfo, RequestInfo, LocalizedMessage, BadRequest (the field errors as fieldViolations) and Help (links to the code's docs) when they apply.",
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

/// The member that holds the code at the top level of a body, which an OpenAPI
/// `discriminator` can name: `code` (Flat, Problem), `error` (Compact). Nested and
/// Google bodies hold it inside the `error` object (`error.code`; an `ErrorInfo`'s
/// `reason` in Google), and a discriminator names a top-level property only.
fn code_member(format: Format) -> Option<&'static str> {
    match format {
        Format::Flat | Format::Problem => Some(CODE),
        Format::Compact => Some(ERROR),
        Format::Nested | Format::Google => None,
    }
}

/// The components of each code: the base of its `<Name>Details` and `<Name>Body`
/// schemas, by code (codes are unique in a catalog).
///
/// The base is the code in `UpperCamelCase` (`no_seats_available`: `NoSeatsAvailable`).
/// Codes that camel-case alike (`not_found`, `not-found`, `NOT_FOUND`) never share
/// components: the first in catalog order keeps the plain base, each later one takes
/// the first free `_2`, `_3`, ... suffix (`NotFound_2`); so does a code whose schemas
/// would take the name of a format's envelope schema, reserved in every document
/// (`problem`: `Problem_2Details`, as `ProblemDetails` is the Problem envelope).
/// Camel-cased codes hold no `_`, so a suffixed name never equals a plain one.
#[derive(Debug, Default)]
pub(crate) struct ComponentNames(HashMap<&'static str, String>);

impl ComponentNames {
    fn new<'s>(specs: impl IntoIterator<Item = &'s ErrorSpec>) -> Self {
        let mut taken: HashSet<String> = Format::ALL
            .iter()
            .map(|&format| schema_name(format).to_owned())
            .collect();
        let mut names = HashMap::new();
        for spec in specs {
            let mut base = spec.code().to_upper_camel_case();
            if base.is_empty() {
                base.push_str("Code");
            }
            // Each code takes two names at most, so a free suffix comes within
            // `taken.len()` tries.
            let name = (1..=taken.len() + 1)
                .map(|n| match n {
                    1 => base.clone(),
                    n => format!("{base}_{n}"),
                })
                .find(|name| {
                    !taken.contains(&details_name(name)) && !taken.contains(&body_name(name))
                })
                .unwrap_or_default();
            taken.insert(details_name(&name));
            taken.insert(body_name(&name));
            names.insert(spec.code(), name);
        }
        ComponentNames(names)
    }

    /// `#/components/schemas/<Name>Error`: the body schema of `spec`.
    fn body_ref(&self, spec: &ErrorSpec) -> String {
        schema_ref(&body_name(self.base(spec)))
    }

    /// `#/components/schemas/<Name>Details`: the details schema of `spec`.
    fn details_ref(&self, spec: &ErrorSpec) -> String {
        schema_ref(&details_name(self.base(spec)))
    }

    fn base(&self, spec: &ErrorSpec) -> &str {
        self.0.get(spec.code()).map_or("", String::as_str)
    }
}

fn details_name(base: &str) -> String {
    format!("{base}Details")
}

fn body_name(base: &str) -> String {
    format!("{base}Body")
}

fn schema_ref(name: &str) -> String {
    format!("#/components/schemas/{name}")
}

/// Whether the details of `format` are an object of their own, which the document names
/// `<Name>Details`: Nested's and Flat's `details`, Google's `ErrorInfo.metadata`. Problem
/// details are members of the body itself; Compact bodies have none.
fn details_component(format: Format) -> bool {
    matches!(format, Format::Nested | Format::Flat | Format::Google)
}

/// The schema of the details of `spec` in `format`: an object with a property per
/// detail field (its JSON type, and its example as the example body has it), the fields
/// always sent (not `Option`s) `required`, a flattened [`FieldErrors`](crate::FieldErrors)
/// in the format's layout. In Google every value is a string (`ErrorInfo.metadata`); in
/// Problem, a field named like a member of the body is left out, as the body leaves it
/// out. `None` when the code sends no details in `format`.
fn details_schema(spec: &'static ErrorSpec, format: Format) -> Option<Value> {
    if format == Format::Compact || spec.fields().is_empty() {
        return None;
    }
    let examples = sample_details(spec, format);
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut additional = None;
    for field in spec.fields() {
        let name = field.name();
        if field.flattened() {
            if !field.field_errors() {
                // Entries known only at run time.
                additional = Some(if format == Format::Google {
                    json!({"type": "string"})
                } else {
                    json!({})
                });
                continue;
            }
            match field_errors_schema(format) {
                FieldErrorsSchema::Member(mut schema) => {
                    if let Some(example) = examples.get(ERRORS) {
                        schema["example"] = example.clone();
                    }
                    properties.insert(ERRORS.to_owned(), schema);
                }
                FieldErrorsSchema::ByField(schema) => {
                    additional.get_or_insert(schema);
                }
            }
            continue;
        }
        if format == Format::Problem && problem::MEMBERS.contains(&name) {
            continue;
        }
        let mut schema = if format == Format::Google {
            json!({"type": "string"})
        } else {
            value_schema(field)
        };
        if let Some(example) = examples.get(name).filter(|example| !example.is_null()) {
            schema["example"] = example.clone();
        }
        properties.insert(name.to_owned(), schema);
        if !field.optional() {
            required.push(name);
        }
    }
    let mut schema = json!({"type": "object"});
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    if !properties.is_empty() {
        schema["properties"] = Value::Object(properties);
    }
    if let Some(additional) = additional {
        schema["additionalProperties"] = additional;
    }
    Some(schema)
}

/// A schema of a body in `format` (an envelope's, or a code's body or details schema,
/// `fields` its detail fields) written with the properties of each object in the order a
/// body has them: the envelope's members as the envelope writes them, the detail fields
/// as they are declared (generators keep that order), not by name as a
/// `serde_json::Value` holds them.
fn in_wire_order(schema: Value, fields: &[FieldSpec], format: Format) -> Node {
    let envelope: &[&str] = match format {
        Format::Nested => &[ERROR, META, FIELD, CODE, MESSAGE, DETAILS, REQUEST_ID],
        Format::Flat => &[CODE, MESSAGE, DETAILS, REQUEST_ID],
        Format::Compact => &[ERROR, MESSAGE, STATUS, REQUEST_ID],
        Format::Problem => &[
            problem::TYPE,
            problem::TITLE,
            STATUS,
            problem::DETAIL,
            POINTER,
            problem::INSTANCE,
            CODE,
        ],
        Format::Google => &[ERROR, CODE, MESSAGE, STATUS, DETAILS, google::TYPE],
    };
    let fields = fields.iter().map(FieldSpec::name);
    let order: Vec<&str> = envelope
        .iter()
        .copied()
        .chain(fields)
        .chain([ERRORS, REQUEST_ID, google::REASON, google::METADATA])
        .collect();
    ordered(schema, &order)
}

/// `schema` as a [`Node`] whose objects' `properties` come in `order` (names it does
/// not list last, by name), its keywords in a fixed order.
fn ordered(schema: Value, order: &[&str]) -> Node {
    const KEYWORDS: [&str; 7] = [
        "type",
        "description",
        "required",
        "properties",
        "additionalProperties",
        "items",
        "contains",
    ];
    let Value::Object(mut members) = schema else {
        return Node::Json(schema);
    };
    let mut object = Vec::new();
    for keyword in KEYWORDS {
        let Some(value) = members.remove(keyword) else {
            continue;
        };
        let node = match value {
            Value::Object(mut properties) if keyword == "properties" => {
                let mut listed = Vec::new();
                for &name in order {
                    if let Some(property) = properties.remove(name) {
                        listed.push((name.to_owned(), ordered(property, order)));
                    }
                }
                listed.extend(
                    properties
                        .into_iter()
                        .map(|(name, property)| (name, ordered(property, order))),
                );
                Node::Object(listed)
            }
            value if keyword == "required" => Node::Json(value),
            value => ordered(value, order),
        };
        object.push((keyword.to_owned(), node));
    }
    object.extend(members.into_iter().map(|(k, v)| (k, Node::Json(v))));
    Node::Object(object)
}

/// The detail values of the sample of `spec` as `format` writes them, by key.
fn sample_details(spec: &'static ErrorSpec, format: Format) -> HashMap<String, Value> {
    let sample = Sample::new(spec);
    if format == Format::Google {
        return grpc::metadata(&sample)
            .into_iter()
            .map(|(name, text)| (name, Value::String(text)))
            .collect();
    }
    let mut values = HashMap::new();
    sample.visit_details(&mut InFormat {
        format: Some(format),
        visit: |name: &str, value: DetailValue<'_>| {
            if let Ok(value) = serde_json::to_value(value) {
                values.insert(name.to_owned(), value);
            }
        },
    });
    values
}

/// Where a flattened `FieldErrors` goes in the details of a format.
enum FieldErrorsSchema {
    /// One member, `errors`, of this schema.
    Member(Value),
    /// A member per invalid field, each of this schema (the map layout).
    ByField(Value),
}

/// The schema of a flattened `FieldErrors` in the layout of `format` (the layout a
/// value sets with `FieldErrors::layout` is not known before it is sent).
fn field_errors_schema(format: Format) -> FieldErrorsSchema {
    let string = json!({"type": "string"});
    if format == Format::Google {
        return FieldErrorsSchema::Member(json!({
            "type": "string",
            "description": "The field errors as JSON text: a list of {field, code, message}.",
        }));
    }
    match Layout::for_format(Some(format)) {
        Layout::List => FieldErrorsSchema::Member(json!({
            "type": "array",
            "items": {
                "type": "object",
                "required": [FIELD, MESSAGE],
                "properties": {FIELD: string, CODE: string, MESSAGE: string},
            },
        })),
        Layout::Map => FieldErrorsSchema::ByField(json!({
            "type": "object",
            "required": [MESSAGE],
            "properties": {CODE: string, MESSAGE: string},
        })),
        Layout::Pointers => FieldErrorsSchema::Member(json!({
            "type": "array",
            "items": {
                "type": "object",
                "required": [problem::DETAIL, POINTER],
                "properties": {
                    problem::DETAIL: string,
                    POINTER: {
                        "type": "string",
                        "description": "A JSON Pointer (RFC 6901) to the field, as a URI fragment.",
                    },
                    CODE: string,
                },
            },
        })),
    }
}

/// The schema of a detail field's values, from its JSON type; a string whose Rust type
/// writes a known string format has it (`date-time` for a timestamp).
fn value_schema(field: &FieldSpec) -> Value {
    match field.json_type() {
        JsonType::String => match string_format(field.rust_type()) {
            Some(format) => json!({"type": "string", "format": format}),
            None => json!({"type": "string"}),
        },
        JsonType::Integer => json!({"type": "integer"}),
        JsonType::Number => json!({"type": "number"}),
        JsonType::Boolean => json!({"type": "boolean"}),
        JsonType::Array => json!({"type": "array"}),
        JsonType::Object => json!({"type": "object", "additionalProperties": {}}),
        // Whatever its `Serialize` writes.
        JsonType::Any => json!({}),
    }
}

/// The JSON Schema `format` of the strings a Rust type serializes to, for the types
/// whose serde form is a standard one: chrono's `DateTime` and jiff's `Timestamp` write
/// RFC 3339 timestamps (`date-time`), chrono's `NaiveDate` a full date (`date`), `Uuid`
/// and `Url` a UUID and a URI.
fn string_format(rust_type: &str) -> Option<&'static str> {
    match type_name(rust_type) {
        "DateTime" | "Timestamp" => Some("date-time"),
        "NaiveDate" => Some("date"),
        "Uuid" => Some("uuid"),
        "Url" => Some("uri"),
        _ => None,
    }
}

/// The name of the type that `rust_type` (as the catalog writes it) stands for: the
/// last path segment, looking through references and `Option`, `Box`, `Rc`, `Arc` and
/// `Cow` (`Option<chrono::DateTime<Utc>>`: `DateTime`).
fn type_name(rust_type: &str) -> &str {
    let mut rest = rust_type.trim();
    loop {
        rest = rest.trim_start_matches(['&', ' ']);
        if let Some(after) = rest.strip_prefix('\'') {
            // A lifetime, of a reference or of `Cow`'s first argument.
            let end = after.find([' ', ',']).unwrap_or(after.len());
            rest = after[end..].trim_start_matches([' ', ',']);
            continue;
        }
        if let Some(after) = rest.strip_prefix("mut ") {
            rest = after;
            continue;
        }
        let end = rest.find(['<', '>', ',']).unwrap_or(rest.len());
        let path = rest[..end].trim();
        let name = path.rsplit("::").next().unwrap_or(path);
        match name {
            "Option" | "Box" | "Rc" | "Arc" | "Cow" if rest[end..].starts_with('<') => {
                rest = &rest[end + 1..];
            }
            _ => return name,
        }
    }
}

/// The schema of the body of `spec` in `format`: the envelope's schema with the code
/// member a string of that one value, and the code's details (with [`Refs::Components`],
/// a `$ref` to its `<Name>Details`), `required` when the code declares detail fields
/// (Nested, Flat; Google's `metadata` when a field is always sent). A code without
/// details has no `details` member. In Problem the details are properties of the body.
fn body_schema(spec: &'static ErrorSpec, format: Format, refs: Refs<'_>) -> Value {
    let code = json!({"type": "string", "enum": [spec.code()]});
    let details = details_schema(spec, format);
    let required = details
        .as_ref()
        .is_some_and(|details| details.get("required").is_some());
    let details = details.map(|details| match refs {
        Refs::Components(names) if details_component(format) => {
            json!({"$ref": names.details_ref(spec)})
        }
        _ => details,
    });
    let mut body = envelope_schema(format);
    if let Some(text) = described(spec) {
        body["description"] = json!(text);
    }
    if spec.deprecation().is_some() {
        body["deprecated"] = json!(true);
    }
    match format {
        Format::Nested | Format::Flat => {
            let object = if format == Format::Nested {
                &mut body["properties"][ERROR]
            } else {
                &mut body
            };
            object["properties"][CODE] = code;
            match details {
                Some(details) => {
                    object["properties"][DETAILS] = details;
                    push(&mut object["required"], DETAILS);
                }
                None => {
                    if let Some(properties) = object["properties"].as_object_mut() {
                        properties.remove(DETAILS);
                    }
                }
            }
        }
        Format::Compact => {
            body["properties"][ERROR]["enum"] = json!([spec.code()]);
        }
        Format::Problem => {
            body["properties"][CODE] = code;
            if let Some(details) = details {
                if let Some(members) = details["properties"].as_object() {
                    for (name, schema) in members {
                        body["properties"][name] = schema.clone();
                    }
                }
                for name in details["required"].as_array().into_iter().flatten() {
                    if let Some(name) = name.as_str() {
                        push(&mut body["required"], name);
                    }
                }
            }
        }
        Format::Google => {
            let mut error_info = json!({
                "properties": {
                    google::REASON: {"type": "string", "enum": [grpc::reason(spec.code())]},
                },
                "required": [google::REASON],
            });
            if let Some(details) = details {
                error_info["properties"][google::METADATA] = details;
                if required {
                    push(&mut error_info["required"], google::METADATA);
                }
            }
            body["properties"][ERROR]["properties"][DETAILS]["contains"] = error_info;
        }
    }
    body
}

/// Appends `name` to the `required` list `list`.
fn push(list: &mut Value, name: &str) {
    if let Some(list) = list.as_array_mut() {
        list.push(json!(name));
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

/// How a response names what it shares with the rest of a document (the body and
/// details schemas of its codes, the `Retry-After` header).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Refs<'n> {
    /// By `$ref` to the document's components, named by these names: the export, which
    /// writes them.
    Components(&'n ComponentNames),
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
    refs: Refs<'_>,
) -> String {
    // Example bodies are plain JSON values: writing them cannot fail.
    serde_json::to_string(&response(status, codes, refs)).unwrap_or_default()
}

/// `Error<status>`: its description, the headers its codes can send, and per content
/// type the body schema, a `oneOf` of one schema per code, and a named example per code.
///
/// When every code of a content type names its code at the top level of the body under
/// one member (Flat and Problem: `code`; Compact: `error`), the `oneOf` has a
/// `discriminator` on that member mapping each code to its schema. Nested and Google
/// bodies carry the code inside the `error` object, and an OpenAPI discriminator can
/// only name a property of the schemas it chooses between, so theirs have none: each
/// alternative's code is still a string of one value, which generators narrow on.
/// Written-out schemas (utoipa's) have none either: a mapping points at components.
fn response(status: u16, codes: &[(&'static ErrorSpec, Format)], refs: Refs<'_>) -> Node {
    let mut content: BTreeMap<&str, Vec<(&'static ErrorSpec, Format)>> = BTreeMap::new();
    for &code in codes {
        content.entry(code.1.content_type()).or_default().push(code);
    }
    let content = content
        .into_iter()
        .map(|(content_type, codes)| {
            let bodies: Vec<Value> = codes
                .iter()
                .map(|&(spec, format)| match refs {
                    Refs::Components(names) => json!({"$ref": names.body_ref(spec)}),
                    Refs::Inline => body_schema(spec, format, refs),
                })
                .collect();
            let mut schema = json!({"oneOf": bodies});
            let member = code_member(codes[0].1)
                .filter(|&member| codes.iter().all(|&(_, f)| code_member(f) == Some(member)));
            if let (Refs::Components(names), Some(member)) = (refs, member) {
                let mapping: Map<String, Value> = codes
                    .iter()
                    .map(|&(spec, _)| (spec.code().to_owned(), json!(names.body_ref(spec))))
                    .collect();
                schema["discriminator"] = json!({"propertyName": member, "mapping": mapping});
            }
            let examples = codes
                .iter()
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
            Refs::Components(_) => json!({"$ref": format!("#/components/headers/{RETRY_AFTER}")}),
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
    if let Some(text) = described(spec) {
        example.push(("description".to_owned(), Node::Json(json!(text))));
    }
    example.push(("value".to_owned(), Node::Example(spec, format)));
    if let Some(deprecation) = spec.deprecation() {
        example.push((
            DEPRECATED_EXTENSION.to_owned(),
            Node::Json(serde_json::to_value(deprecation).unwrap_or_default()),
        ));
    }
    Node::Object(example)
}

/// The extension member of a deprecated code's named example: the deprecation as the
/// JSON export writes it (`{"note", "since", "replaced_by"}`), for tools that read
/// examples (an Example Object has no `deprecated` field of its own).
const DEPRECATED_EXTENSION: &str = "x-deprecated";

/// The description of a code's schema and example: its description, then for a
/// deprecated code the sentence that says so (as the Markdown page words it).
fn described(spec: &ErrorSpec) -> Option<String> {
    let mut text = spec.description().to_owned();
    if let Some(deprecation) = spec.deprecation() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&deprecation.to_string());
    }
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::{string_format, type_name};

    #[test]
    fn type_names_look_through_wrappers_and_paths() {
        let cases = [
            ("DateTime<Utc>", "DateTime"),
            ("chrono::DateTime<chrono::Utc>", "DateTime"),
            ("Option<chrono::DateTime<chrono::FixedOffset>>", "DateTime"),
            ("std::option::Option<Box<jiff::Timestamp>>", "Timestamp"),
            ("&'a str", "str"),
            ("&mut String", "String"),
            ("Cow<'static, str>", "str"),
            ("Arc<Rc<uuid::Uuid>>", "Uuid"),
            ("Vec<DateTime<Utc>>", "Vec"),
            ("Option", "Option"),
            ("", ""),
        ];
        for (rust_type, name) in cases {
            assert_eq!(type_name(rust_type), name, "{rust_type}");
        }
    }

    #[test]
    fn string_formats_of_known_types() {
        assert_eq!(string_format("Option<DateTime<Utc>>"), Some("date-time"));
        assert_eq!(string_format("jiff::Timestamp"), Some("date-time"));
        assert_eq!(string_format("chrono::NaiveDate"), Some("date"));
        assert_eq!(string_format("Uuid"), Some("uuid"));
        assert_eq!(string_format("url::Url"), Some("uri"));
        // Not RFC 3339 in their serde form, or not a timestamp at all.
        for rust_type in [
            "time::OffsetDateTime",
            "NaiveDateTime",
            "String",
            "Vec<DateTime<Utc>>",
        ] {
            assert_eq!(string_format(rust_type), None, "{rust_type}");
        }
    }
}
