//! A catalog read back from its JSON export, for tools that work on exports alone (the
//! `error-catalog` command line: check, render, merge, lint) without building the
//! services.
//!
//! A [`Catalog`] refers to `'static` specs; one read at run time is made of leaked
//! allocations, which live until the process ends. That suits a tool that reads a few
//! exports and exits, not a server that reads them again and again.

use core::fmt;
use std::borrow::Cow;

use http::StatusCode;
use serde::Deserialize;
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::export::json::SCHEMA_VERSION;
use crate::catalog::index;
use crate::model::format::Format;
use crate::model::spec::{
    Category, Deprecation, ErrorSpec, ExampleValue, FieldSpec, JsonHints, JsonType,
};
use crate::text::Text;
use crate::wire::grpc;

/// Why a text is not a catalog export this crate can read; its `Display` is one line.
///
/// ```
/// use error_catalog::Catalog;
///
/// let error = Catalog::from_json(r#"{"version": 2, "errors": []}"#).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "schema version 2 is newer than this version of error-catalog reads (1)",
/// );
/// let error = Catalog::from_json(r#"{"version": 1, "errors": [{"code": "x""#).unwrap_err();
/// assert!(error.to_string().starts_with("not valid JSON: EOF while parsing"), "{error}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// The export's document, as far as the loader reads it (members it does not know,
/// which a later export of version 1 may add, are passed over).
#[derive(Deserialize)]
struct Export<'a> {
    version: u64,
    #[serde(borrow)]
    errors: Vec<Entry<'a>>,
}

#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    code: Text<'a>,
    status: u16,
    retryable: bool,
    #[serde(borrow)]
    title: Text<'a>,
    #[serde(borrow)]
    message_template: Text<'a>,
    #[serde(borrow)]
    description: Text<'a>,
    #[serde(borrow)]
    resolution: Option<Text<'a>>,
    #[serde(borrow)]
    causes: Vec<Text<'a>>,
    retry_after: Option<u64>,
    #[serde(default, borrow)]
    headers: Vec<Text<'a>>,
    #[serde(borrow)]
    details: Vec<DetailEntry<'a>>,
    #[serde(borrow)]
    category: CategoryEntry<'a>,
    #[serde(borrow)]
    variant: Text<'a>,
    #[serde(borrow)]
    docs_url: Option<Text<'a>>,
    #[serde(default, borrow)]
    deprecated: Option<DeprecatedEntry<'a>>,
    #[serde(default, borrow)]
    services: Vec<Text<'a>>,
}

#[derive(Deserialize)]
#[allow(clippy::struct_excessive_bools)] // the export's flags, one each
struct DetailEntry<'a> {
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(rename = "type", borrow)]
    kind: Text<'a>,
    #[serde(borrow)]
    rust_type: Text<'a>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    retry_after: bool,
    #[serde(default)]
    flattened: bool,
    #[serde(default)]
    field_errors: bool,
    #[serde(default)]
    example: Option<Value>,
}

#[derive(Deserialize, PartialEq, Clone)]
struct CategoryEntry<'a> {
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(borrow)]
    doc: Text<'a>,
    #[serde(borrow)]
    format: Text<'a>,
    #[serde(borrow)]
    domain: Option<Text<'a>>,
}

#[derive(Deserialize)]
struct DeprecatedEntry<'a> {
    #[serde(borrow)]
    note: Option<Text<'a>>,
    #[serde(borrow)]
    since: Option<Text<'a>>,
    #[serde(borrow)]
    replaced_by: Option<Text<'a>>,
}

/// Only the version, to tell a newer document from a broken one.
#[derive(Deserialize)]
struct Version {
    version: Option<Value>,
}

impl Catalog {
    /// Reads a catalog back from its JSON export (the text of
    /// [`to_json`](Catalog::to_json) or [`to_json_pretty`](Catalog::to_json_pretty)),
    /// to render, compare or lint it without the service's code.
    ///
    /// Every export this version writes reads back to a catalog that writes the same
    /// export, and so the same Markdown, OpenAPI and TypeScript documents, with one
    /// exception: an entry's `translations` (of a type with `locales`) are not read back,
    /// so the read catalog has the default locale's texts alone. An entry may
    /// carry `services` (the names of the services that declare the code, which a
    /// catalog merged from several exports has): they become its category's
    /// [`services`](crate::Category::services). The members the derive computes and
    /// the export does not hold take their safe defaults.
    ///
    /// The catalog's texts are leaked: they live until the process ends (see the
    /// module's tools, which read a few exports and exit).
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "nested")]
    /// pub enum OrderError {
    ///     /// The order does not exist.
    ///     #[error(code = "order_not_found", status = 404, message = "Order {id} not found")]
    ///     NotFound { id: String },
    /// }
    ///
    /// let export = catalog!(OrderError).to_json();
    /// let read = Catalog::from_json(&export).unwrap();
    /// assert_eq!(read.find("order_not_found").unwrap().status_u16(), 404);
    /// assert_eq!(read.to_json(), export);
    /// assert_eq!(read.to_markdown(), catalog!(OrderError).to_markdown());
    /// ```
    ///
    /// # Errors
    ///
    /// A text that is not JSON (truncated, say), not a catalog export, of a newer schema
    /// version, with an invalid member (a status outside `400..=599`, an unknown format
    /// or JSON type, a code that is not 1 to 64 letters, digits, `_`, `-` or `.`), or
    /// with two entries of one code (or of one Google reason): a [`LoadError`] saying
    /// which, with the line and column where it applies.
    pub fn from_json(text: &str) -> Result<Catalog, LoadError> {
        Catalog::from_static_json(String::leak(text.to_owned()))
    }

    /// [`from_json`](Catalog::from_json) of a text that lives until the process ends
    /// (a file read and leaked, say), which the catalog's strings then point into
    /// instead of a copy.
    ///
    /// ```
    /// use error_catalog::Catalog;
    ///
    /// let text: &'static str = r#"{"version": 1, "errors": []}"#;
    /// assert!(Catalog::from_static_json(text).unwrap().is_empty());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`from_json`](Catalog::from_json).
    pub fn from_static_json(text: &'static str) -> Result<Catalog, LoadError> {
        // The catalog's strings are slices of the text (those with escapes excepted): no
        // allocation per string.
        let export: Export<'static> = match serde_json::from_str(text) {
            Ok(export) => export,
            Err(error) => return Err(diagnose(text, &error)),
        };
        if export.version != u64::from(SCHEMA_VERSION) {
            return Err(newer(export.version));
        }
        let mut specs = Vec::with_capacity(export.errors.len());
        let mut last: Option<(
            &'static Category,
            CategoryEntry<'static>,
            Vec<Text<'static>>,
        )> = None;
        for (at, entry) in export.errors.into_iter().enumerate() {
            let category = match &last {
                Some((category, seen, services))
                    if *seen == entry.category && *services == entry.services =>
                {
                    *category
                }
                _ => {
                    let category =
                        leak_category(&entry.category, &entry.services).map_err(|what| {
                            LoadError(format!("errors[{at}] (`{}`): {what}", entry.code))
                        })?;
                    last = Some((category, entry.category.clone(), entry.services.clone()));
                    category
                }
            };
            specs.push(
                spec(entry, category).map_err(|(code, what)| {
                    LoadError(format!("errors[{at}] (`{code}`): {what}"))
                })?,
            );
        }
        let specs: &'static [ErrorSpec] = Vec::leak(specs);
        let types: &'static [&'static [ErrorSpec]] = Vec::leak(vec![specs]);
        let table = index::build_at_run_time(types).map_err(|(first, second)| {
            if first.code == second.code {
                LoadError(format!("the code `{}` is listed twice", first.code))
            } else {
                LoadError(format!(
                    "the codes `{}` and `{}` have one Google reason, `{}`",
                    first.code, second.code, first.reason
                ))
            }
        })?;
        Ok(Catalog::__new(types, Vec::leak(table)))
    }
}

/// The error of a text that does not read as an export: a newer version, else what
/// `serde_json` says (not JSON, a member missing or of another type).
fn diagnose(text: &str, error: &serde_json::Error) -> LoadError {
    if error.is_syntax() || error.is_eof() {
        return LoadError(format!("not valid JSON: {error}"));
    }
    match serde_json::from_str::<Version>(text) {
        Ok(Version {
            version: Some(version),
        }) => match version.as_u64() {
            Some(number) if number > u64::from(SCHEMA_VERSION) => newer(number),
            Some(_) => LoadError(format!("not a catalog export: {error}")),
            None => LoadError(format!("not a catalog export: `version` is {version}")),
        },
        _ => LoadError(format!(
            "not a catalog export (no `version` member): {error}"
        )),
    }
}

fn newer(version: u64) -> LoadError {
    if version > u64::from(SCHEMA_VERSION) {
        LoadError(format!(
            "schema version {version} is newer than this version of error-catalog reads \
             ({SCHEMA_VERSION})"
        ))
    } else {
        LoadError(format!(
            "schema version {version} is not one this version of error-catalog reads \
             ({SCHEMA_VERSION})"
        ))
    }
}

fn leak(text: Text<'static>) -> &'static str {
    match text.0 {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) if text.is_empty() => "",
        Cow::Owned(text) => Box::leak(text.into_boxed_str()),
    }
}

fn leak_all(texts: Vec<Text<'static>>) -> &'static [&'static str] {
    if texts.is_empty() {
        &[]
    } else {
        Vec::leak(texts.into_iter().map(leak).collect())
    }
}

fn leak_category(
    category: &CategoryEntry<'static>,
    services: &[Text<'static>],
) -> Result<&'static Category, String> {
    let format: Format = category
        .format
        .parse()
        .map_err(|error| format!("category: {error}"))?;
    Ok(Box::leak(Box::new(Category {
        name: leak(category.name.clone()),
        doc: leak(category.doc.clone()),
        format,
        docs: None,
        domain: category.domain.clone().map(leak),
        // The export's `translations` are not read back: a loaded catalog has no
        // Fluent texts to render.
        locales: None,
        services: leak_all(services.to_vec()),
    })))
}

/// Whether `code` is a code the derive accepts: 1 to 64 ASCII letters, digits, `_`,
/// `-` or `.`.
fn valid_code(code: &str) -> bool {
    (1..=64).contains(&code.len())
        && code
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.'))
}

fn spec(entry: Entry<'static>, category: &'static Category) -> Result<ErrorSpec, (String, String)> {
    let code = entry.code;
    let fail = |what: String| (code.to_string(), what);
    if !valid_code(&code) {
        return Err(fail(
            "a code is 1 to 64 ASCII letters, digits, `_`, `-` or `.`".to_owned(),
        ));
    }
    let status = match StatusCode::from_u16(entry.status) {
        Ok(status) if (400..=599).contains(&entry.status) => status,
        _ => {
            return Err(fail(format!(
                "status {} is not an error status (400..=599)",
                entry.status
            )));
        }
    };
    let mut fields = Vec::with_capacity(entry.details.len());
    for field in entry.details {
        let json_type = match &*field.kind {
            "string" => JsonType::String,
            "integer" => JsonType::Integer,
            "number" => JsonType::Number,
            "boolean" => JsonType::Boolean,
            "array" => JsonType::Array,
            "object" => JsonType::Object,
            "any" => JsonType::Any,
            other => {
                return Err(fail(format!(
                    "detail `{}` has the unknown type `{other}`",
                    field.name
                )));
            }
        };
        let example = match field.example {
            None => None,
            Some(value) => Some(example(&value).ok_or_else(|| {
                fail(format!(
                    "the example of detail `{}` is not a string, number, boolean or list of them",
                    field.name
                ))
            })?),
        };
        fields.push(FieldSpec {
            name: leak(field.name),
            rust_type: leak(field.rust_type),
            json_type,
            optional: field.optional,
            retry_after: field.retry_after,
            example,
            flatten: field.flattened,
            field_errors: field.field_errors,
        });
    }
    if let Some(replaced_by) = entry
        .deprecated
        .as_ref()
        .and_then(|deprecated| deprecated.replaced_by.as_deref())
        && !valid_code(replaced_by)
    {
        return Err(fail(format!(
            "`deprecated.replaced_by` is not a code: `{replaced_by}`"
        )));
    }
    let deprecation = entry.deprecated.map(|deprecated| {
        &*Box::leak(Box::new(Deprecation {
            note: deprecated.note.map(leak),
            since: deprecated.since.map(leak),
            replaced_by: deprecated.replaced_by.map(leak),
        }))
    });
    let reason = leak(Text(Cow::Owned(grpc::reason(&code))));
    #[allow(clippy::cast_possible_truncation)] // the hash has 32 bits
    let reason_hash = crate::catalog::index::hash(reason.as_bytes()) as u32;
    Ok(ErrorSpec {
        reason,
        reason_hash,
        code: leak(code),
        status,
        retryable: entry.retryable,
        title: leak(entry.title),
        message: leak(entry.message_template),
        description: leak(entry.description),
        resolution: entry.resolution.map(leak),
        causes: leak_all(entry.causes),
        retry_after: entry.retry_after,
        fields: if fields.is_empty() {
            &[]
        } else {
            Vec::leak(fields)
        },
        variant: leak(entry.variant),
        docs_url: entry.docs_url.map(leak),
        category,
        json: JsonHints::default(),
        parsed: "",
        headers: leak_all(entry.headers),
        deprecation,
    })
}

/// An example value as the derive would have written it; `None` for a JSON value an
/// example cannot be (an object, `null`).
fn example(value: &Value) -> Option<ExampleValue> {
    Some(match value {
        Value::String(text) => ExampleValue::String(leak(Text(Cow::Owned(text.clone())))),
        Value::Bool(value) => ExampleValue::Bool(*value),
        Value::Number(number) => match (number.as_i64(), number.as_u64(), number.as_f64()) {
            (Some(int), _, _) => ExampleValue::Integer(i128::from(int)),
            (None, Some(int), _) => ExampleValue::Integer(i128::from(int)),
            (None, None, Some(float)) => ExampleValue::Number(float),
            _ => return None,
        },
        Value::Array(items) => {
            let items: Option<Vec<ExampleValue>> = items.iter().map(example).collect();
            ExampleValue::Array(Vec::leak(items?))
        }
        Value::Object(_) | Value::Null => return None,
    })
}
