//! Example errors made from a spec alone, for the example bodies of the Markdown page,
//! the OpenAPI document and utoipa's responses (which are the OpenAPI document's).
//!
//! A [`Sample`] is an [`ApiError`] that carries a spec and one sample value per detail
//! field, so the example bodies come out of the real envelope code: whatever a service
//! sends, its docs show. Its message is the only place at run time that reads a
//! `{field}` template by name ([`Sample::fmt_message`]); the messages of real errors are
//! filled in from the template the derive parsed ([`write_message`]).
//!
//! [`write_message`]: crate::model::fields::write_message

use core::fmt;

use serde::{Serialize, Serializer};

use crate::model::api_error::{ApiError, DetailValue, DetailVisitor};
use crate::model::fields::FieldRef;
use crate::model::format::Format;
use crate::model::locale::Translation;
use crate::model::spec::{ErrorSpec, ExampleValue, FieldSpec, JsonType};
use crate::wire::details::FlattenDetails;
use crate::wire::envelope::Envelope;
use crate::wire::validation::{FieldErrors, FieldPath};

/// The example body of `spec` in `format`, as a JSON value.
#[cfg(test)]
pub(crate) fn example_body(spec: &'static ErrorSpec, format: Format) -> serde_json::Value {
    let sample = Sample::new(spec);
    // Sample values are plain JSON: serializing them cannot fail.
    serde_json::to_value(Envelope::new(&sample).format(format)).unwrap_or_default()
}

/// The example body of `spec` in `format`, pretty-printed with its members in the order
/// a real body has them.
pub(crate) fn example_text(spec: &'static ErrorSpec, format: Format) -> String {
    let sample = Sample::new(spec);
    serde_json::to_string_pretty(&Envelope::new(&sample).format(format)).unwrap_or_default()
}

/// [`example_text`] with the message and title in the locale `tag` where the code has a
/// translation there (see [`Envelope::locale`]), in the default locale otherwise.
pub(crate) fn example_text_in(spec: &'static ErrorSpec, format: Format, tag: &str) -> String {
    let mut sample = Sample::new(spec);
    // A translation the envelope writes (one with selectors needs `i18n`).
    if let Some(translation) = spec.translation(tag)
        && (!translation.has_selectors() || cfg!(feature = "i18n"))
    {
        sample.shown = shown_samples(&sample, translation);
    }
    let envelope = Envelope::new(&sample).format(format).locale(tag);
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// An error value standing in for `spec`, with a sample for every detail field.
#[derive(Debug)]
pub(crate) struct Sample {
    spec: &'static ErrorSpec,
    values: Vec<SampleValue>,
    /// The values a translation shows, by their position in the list the derive's
    /// fields function hands out (what [`ApiError::__fields`] lists for a real error).
    shown: Vec<ShownSample>,
}

/// A sample value as a message shows it.
#[derive(Debug, Clone, Copy)]
enum ShownSample {
    Value(SampleValue),
    Text(&'static str),
}

impl fmt::Display for ShownSample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShownSample::Value(value) => value.fmt_text(f),
            ShownSample::Text(text) => f.write_str(text),
        }
    }
}

/// The samples a translation shows, at the positions its placeholders name them: for a
/// pattern with selectors, its arguments in order; for a plain one, the `k`-th
/// placeholder of its parsed text holds the position of the `k`-th `{ $name }` of its
/// source.
fn shown_samples(sample: &Sample, translation: &Translation) -> Vec<ShownSample> {
    let named = |name: &str| match sample.value(name) {
        Some(value) => ShownSample::Value(*value),
        None => ShownSample::Text(sample_string(name)),
    };
    if translation.has_selectors() {
        return translation.args.iter().map(|name| named(name)).collect();
    }
    let mut shown = Vec::new();
    // Each placeholder is a NUL, then the character whose code point is the position.
    let mut chars = translation.parsed.chars();
    let positions = core::iter::from_fn(|| {
        chars.find(|&c| c == '\0')?;
        chars.next().map(|c| c as usize)
    });
    for (position, name) in positions.zip(variables(translation.source())) {
        // The position is a field's index in the variant: small.
        if position >= 256 {
            continue;
        }
        if shown.len() <= position {
            shown.resize(position + 1, ShownSample::Text(""));
        }
        shown[position] = named(name);
    }
    shown
}

/// The `{ $name }` placeholders of a plain Fluent pattern as the derive serialized it,
/// in order (string literals, such as `{ "{" }`, are skipped).
fn variables(source: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find('{') {
        let inner = rest[at + 1..].trim_start();
        if let Some(literal) = inner.strip_prefix('"') {
            let mut escaped = false;
            let end = literal.char_indices().find_map(|(i, c)| {
                let closes = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                closes.then_some(i + 1)
            });
            rest = end.map_or("", |end| &literal[end..]);
        } else if let Some(variable) = inner.strip_prefix('$') {
            let end = variable
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(variable.len());
            names.push(&variable[..end]);
            rest = &variable[end..];
        } else {
            rest = inner;
        }
    }
    names
}

impl Sample {
    pub(crate) fn new(spec: &'static ErrorSpec) -> Self {
        Sample {
            spec,
            values: spec.fields().iter().map(SampleValue::for_field).collect(),
            shown: Vec::new(),
        }
    }

    fn value(&self, name: &str) -> Option<&SampleValue> {
        let index = self.spec.fields().iter().position(|f| f.name() == name)?;
        self.values.get(index)
    }
}

impl fmt::Display for Sample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_message(f)
    }
}

impl std::error::Error for Sample {}

impl ApiError for Sample {
    fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    fn as_api_error(&self) -> &dyn ApiError {
        self
    }

    /// The values a translation shows (none unless the sample was made for one).
    fn __fields<'a>(&'a self, visit: &mut dyn FnMut(FieldRef<'a, '_>)) -> bool {
        for value in &self.shown {
            visit(FieldRef::shown(value));
        }
        !self.shown.is_empty()
    }

    fn retry_after(&self) -> Option<u64> {
        let field = self.spec.fields().iter().position(FieldSpec::retry_after);
        match field.and_then(|index| self.values.get(index)) {
            Some(SampleValue::Example(ExampleValue::Integer(secs))) => u64::try_from(*secs).ok(),
            _ => self.spec.retry_after(),
        }
    }

    /// The message template with each `{field}` replaced by its sample: a detail's
    /// sample value, or for a named field that is not a detail (`message_only`) a string
    /// that reads like its name; a positional placeholder (a tuple field) is kept as
    /// written.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.spec.message();
        while let Some(at) = rest.find(['{', '}']) {
            f.write_str(&rest[..at])?;
            let tail = &rest[at..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                f.write_str(&tail[..1])?;
                rest = &tail[2..];
                continue;
            }
            let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) else {
                f.write_str(&tail[..1])?;
                rest = &tail[1..];
                continue;
            };
            let placeholder = &tail[1..end];
            let name = placeholder.split(':').next().unwrap_or_default();
            match self.value(name) {
                Some(value) => value.fmt_text(f)?,
                // A named field the message shows but the details do not carry
                // (`message_only`): a sample string that reads like it.
                None if !name.is_empty() && !name.bytes().all(|b| b.is_ascii_digit()) => {
                    f.write_str(sample_string(name))?;
                }
                None => f.write_str(&tail[..=end])?,
            }
            rest = &tail[end + 1..];
        }
        f.write_str(rest)
    }

    fn visit_details(&self, visitor: &mut dyn DetailVisitor) {
        for (field, value) in self.spec.fields().iter().zip(&self.values) {
            if !field.flattened() {
                visitor.visit(field.name(), DetailValue::new(value));
            } else if field.field_errors() {
                // The crate's own validation type: the declared sample errors, or one,
                // laid out by format.
                sample_field_errors(field.example()).flatten_details(visitor);
            }
            // Another flattened type has entries only its value knows: none shown.
        }
    }
}

/// A sample detail value: the field's `#[error(example = ..)]`, else one derived from
/// its JSON type and name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum SampleValue {
    Example(ExampleValue),
    EmptyObject,
    Null,
}

impl SampleValue {
    pub(crate) fn for_field(field: &FieldSpec) -> Self {
        if let Some(example) = field.example() {
            return SampleValue::Example(example);
        }
        let name = field.name();
        let value = match field.json_type() {
            JsonType::String => ExampleValue::String(sample_string(name)),
            JsonType::Integer if field.retry_after() || name.contains("retry") => {
                ExampleValue::Integer(30)
            }
            JsonType::Integer => ExampleValue::Integer(1),
            JsonType::Number => ExampleValue::Number(1.5),
            JsonType::Boolean => ExampleValue::Bool(true),
            JsonType::Array => ExampleValue::Array(&[]),
            JsonType::Object => return SampleValue::EmptyObject,
            JsonType::Any => return SampleValue::Null,
        };
        SampleValue::Example(value)
    }

    /// The value as message text: strings without quotes, the rest as JSON.
    fn fmt_text(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SampleValue::Example(ExampleValue::String(text)) => f.write_str(text),
            other => match serde_json::to_string(&other) {
                Ok(json) => f.write_str(&json),
                Err(_) => Err(fmt::Error),
            },
        }
    }
}

impl Serialize for SampleValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SampleValue::Example(value) => value.serialize(serializer),
            SampleValue::EmptyObject => serializer.collect_map(core::iter::empty::<((), ())>()),
            SampleValue::Null => serializer.serialize_unit(),
        }
    }
}

/// The sample errors of a flattened [`FieldErrors`] field: its `example`, a
/// `"path: message"` string or a list of them (the derive checked the form; a path is
/// split at dots), else one typical error.
fn sample_field_errors(example: Option<ExampleValue>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let items = match &example {
        Some(ExampleValue::Array(items)) => items,
        Some(one) => core::slice::from_ref(one),
        None => &[][..],
    };
    for item in items {
        if let ExampleValue::String(text) = item
            && let Some((path, message)) = text.split_once(": ")
        {
            errors.add(field_path(path), message);
        }
    }
    if errors.is_empty() {
        errors.add("email", "Must be a valid email address");
    }
    errors
}

/// `credentials.password` as the keys `credentials` and `password` (`FieldPath`'s
/// dotted form).
fn field_path(path: &'static str) -> FieldPath {
    match path.parse() {
        Ok(path) => path,
        Err(never) => match never {},
    }
}

/// A string that reads like the field: a timestamp for `*_at`, an id for `*_id`, ...
fn sample_string(name: &str) -> &'static str {
    let name = name.to_ascii_lowercase();
    if name.ends_with("_at") || name.contains("time") || name.contains("date") {
        "2026-01-09T10:00:00Z"
    } else if name.contains("email") {
        "user@example.com"
    } else if name.contains("url") || name.contains("uri") {
        "https://example.com/resource"
    } else if name == "id" || name.ends_with("_id") {
        "id_abc123"
    } else {
        "string"
    }
}

#[cfg(test)]
mod tests {
    use super::{Sample, example_body};
    use crate::model::api_error::{ApiError, ErrorCatalog};
    use crate::model::format::Format;
    use serde_json::json;

    /// Resource errors.
    #[allow(dead_code)] // only the catalog is read
    #[derive(Debug, error_catalog_derive::ApiError)]
    #[api_error(format = "nested", docs = "https://docs.example.com/errors")]
    enum Demo {
        /// Seats.
        #[error(
            code = "no_seats_available",
            status = 409,
            message = "All seats are in use ({active_seats}/{max_seats}) {{not {{ a field}}"
        )]
        NoSeats {
            max_seats: u32,
            #[error(example = 10)]
            active_seats: u32,
            next_available_hint: Option<String>,
            ratio: f64,
            scopes: Vec<String>,
            cached: bool,
        },
        /// Rate limit.
        #[error(code = "rate_limited", status = 429, message = "Slow down: {0}")]
        RateLimited(u8, #[source] std::fmt::Error),
        /// Retry field.
        #[error(code = "busy", status = 503, message = "Busy", retry_after = 5)]
        Busy {
            #[error(retry_after)]
            wait: Option<u64>,
        },
    }

    #[test]
    fn samples_follow_types_names_and_examples() {
        let spec = &<Demo as ErrorCatalog>::CATALOG[0];
        assert_eq!(
            example_body(spec, Format::Nested),
            json!({"error": {
                "code": "no_seats_available",
                "message": "All seats are in use (10/1) {not { a field}",
                "details": {
                    "max_seats": 1,
                    "active_seats": 10,
                    "next_available_hint": "string",
                    "ratio": 1.5,
                    "scopes": [],
                    "cached": true,
                }
            }})
        );
        let sample = Sample::new(spec);
        assert_eq!(sample.retry_after(), None);
        assert_eq!(sample.code(), "no_seats_available");
    }

    #[test]
    fn positional_placeholders_stay_and_retry_fields_give_the_hint() {
        let catalog = <Demo as ErrorCatalog>::CATALOG;
        assert_eq!(
            Sample::new(&catalog[1]).message().to_string(),
            "Slow down: {0}"
        );
        assert_eq!(Sample::new(&catalog[2]).retry_after(), Some(30));
        assert_eq!(
            example_body(&catalog[2], Format::Problem),
            json!({"type": "https://docs.example.com/errors/busy", "title": "Busy",
                   "status": 503, "detail": "Busy", "code": "busy", "wait": 30})
        );
    }
}
