//! Field-level validation errors: one [`FieldErrors`] value, laid out the way each wire
//! format expects.
//!
//! Put it in a variant as an `#[error(flatten)]` field. The layout then follows the
//! envelope's format, unless one is chosen with [`FieldErrors::layout`]:
//!
//! | format | [`Layout`] | details |
//! |---|---|---|
//! | [`Nested`](crate::Format::Nested) | [`List`](Layout::List) | `"errors":[{"field":"email","message":".."}]` |
//! | [`Flat`](crate::Format::Flat) | [`Map`](Layout::Map) | `"email":{"code":"invalid_format","message":".."}` |
//! | [`Problem`](crate::Format::Problem) | [`Pointers`](Layout::Pointers) | `"errors":[{"detail":"..","pointer":"#/email"}]` (RFC 9457) |
//! | others, custom formats | [`List`](Layout::List) | as `Nested` (in `Google`, a metadata string) |
//!
//! `code` is written only for errors that have one. A client reads every layout back
//! with [`FieldErrors`]' `Deserialize`, which says which formats carry every error.
//!
//! ```
//! use error_catalog::{ApiError, FieldError, FieldErrors, Format};
//! use serde_json::json;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(format = "nested")]
//! pub enum SignupError {
//!     #[error(code = "validation_error", status = 422, message = "Request validation failed")]
//!     Validation { #[error(flatten)] errors: FieldErrors },
//! }
//!
//! fn validate(email: &str, password: &str) -> Result<(), SignupError> {
//!     let mut errors = FieldErrors::new();
//!     if !email.contains('@') {
//!         errors.add("email", "Must be a valid email address");
//!     }
//!     if password.len() < 12 {
//!         errors.push(FieldError::new("password", "Must be at least 12 characters").with_code("too_short"));
//!     }
//!     errors.into_result().map_err(|errors| SignupError::Validation { errors })
//! }
//!
//! let err = validate("nope", "hunter2").unwrap_err();
//! let body = |format| serde_json::from_str::<serde_json::Value>(&err.envelope().format(format).to_json()).unwrap();
//! assert_eq!(body(Format::Nested)["error"]["details"], json!({"errors": [
//!     {"field": "email", "message": "Must be a valid email address"},
//!     {"field": "password", "code": "too_short", "message": "Must be at least 12 characters"},
//! ]}));
//! assert_eq!(body(Format::Flat)["details"], json!({
//!     "email": {"message": "Must be a valid email address"},
//!     "password": {"code": "too_short", "message": "Must be at least 12 characters"},
//! }));
//! assert_eq!(body(Format::Problem)["errors"], json!([
//!     {"detail": "Must be a valid email address", "pointer": "#/email"},
//!     {"detail": "Must be at least 12 characters", "pointer": "#/password", "code": "too_short"},
//! ]));
//! ```

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::de::Error as _;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::model::api_error::{DetailValue, DetailVisitor};
use crate::model::format::Format;
use crate::wire::details::FlattenDetails;
use crate::wire::members::validation::{ERRORS, FIELD, POINTER};
use crate::wire::members::{CODE, MESSAGE, problem};

/// How [`FieldErrors`] are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// `"errors": [{"field", "code", "message"}]`, as nested envelopes usually list them.
    List,
    /// One member per field, `"<field>": {"code", "message"}`, as some flat APIs write. A field
    /// with several errors keeps its first.
    Map,
    /// RFC 9457's `"errors": [{"detail", "pointer", "code"}]`, `pointer` being a JSON
    /// Pointer (RFC 6901) in URI fragment form, e.g. `#/items/0/sku`.
    Pointers,
}

impl Layout {
    /// The layout a built-in format uses for flattened field errors.
    ///
    /// ```
    /// use error_catalog::{validation::Layout, Format};
    /// assert_eq!(Layout::for_format(Some(Format::Flat)), Layout::Map);
    /// assert_eq!(Layout::for_format(None), Layout::List);
    /// ```
    pub const fn for_format(format: Option<Format>) -> Layout {
        match format {
            Some(Format::Flat) => Layout::Map,
            Some(Format::Problem) => Layout::Pointers,
            _ => Layout::List,
        }
    }
}

/// Where an input error is: a path of object keys and array indexes.
///
/// Displayed with `.` between segments (`items.0.sku`), which is the `field` of the
/// [`List`](Layout::List) layout and the key of the [`Map`](Layout::Map) layout; the
/// [`Pointers`](Layout::Pointers) layout writes [`FieldPath::pointer`].
///
/// In the dotted form, a `.` or `\` inside a segment is written with a `\` before it, so
/// the key `a.b` (`a\.b`) and the keys `a` and `b` (`a.b`) stay two fields; `FromStr`
/// reads the dotted form back (a `\` before any other character, or at the end, is kept
/// as it is).
///
/// ```
/// use error_catalog::FieldPath;
///
/// let path = FieldPath::new("items").index(0).key("sku");
/// assert_eq!(path.to_string(), "items.0.sku");
/// assert_eq!(path.json_pointer(), "/items/0/sku");
/// assert_eq!(FieldPath::from("a/b~c").pointer(), "#/a~1b~0c");
/// assert_eq!(FieldPath::from(["user", "e-mail"]).to_string(), "user.e-mail");
///
/// assert_eq!(FieldPath::from("a.b").to_string(), r"a\.b");
/// assert_eq!(FieldPath::from(["a", "b"]).to_string(), "a.b");
/// assert_eq!(r"a\.b".parse::<FieldPath>().unwrap(), FieldPath::from("a.b"));
/// assert_eq!("items.0.sku".parse::<FieldPath>().unwrap(), path);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldPath {
    segments: Vec<Cow<'static, str>>,
}

impl FieldPath {
    /// A path of one key.
    pub fn new(key: impl Into<Cow<'static, str>>) -> Self {
        FieldPath {
            segments: vec![key.into()],
        }
    }

    /// This path followed by an object key.
    #[must_use]
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(key.into());
        self
    }

    /// This path followed by an array index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Cow::Owned(index.to_string()));
        self
    }

    /// The segments, in order.
    pub fn segments(&self) -> impl ExactSizeIterator<Item = &str> {
        self.segments.iter().map(|segment| &**segment)
    }

    /// The JSON Pointer (RFC 6901) to the field: `/` before each segment, with `~`
    /// written `~0` and `/` written `~1`.
    pub fn json_pointer(&self) -> String {
        let mut pointer = String::new();
        for segment in &self.segments {
            pointer.push('/');
            for c in segment.chars() {
                match c {
                    '~' => pointer.push_str("~0"),
                    '/' => pointer.push_str("~1"),
                    c => pointer.push(c),
                }
            }
        }
        pointer
    }

    /// The JSON Pointer as a URI fragment (RFC 6901 section 6), as RFC 9457 writes it:
    /// `#` and the pointer, percent-encoded where a fragment needs it (`#/c%25d` for the
    /// key `c%d`).
    pub fn pointer(&self) -> String {
        format!(
            "#{}",
            utf8_percent_encode(&self.json_pointer(), FRAGMENT_ESCAPES)
        )
    }

    /// The displayed form, borrowed when the path is a single key with nothing to
    /// escape.
    fn text(&self) -> Cow<'_, str> {
        match self.segments.as_slice() {
            [one] if !one.contains(['.', '\\']) => Cow::Borrowed(one),
            _ => Cow::Owned(self.to_string()),
        }
    }
}

/// The ASCII characters a URI fragment may not hold as they are (RFC 3986: a fragment
/// is `pchar`s, `/` and `?`).
const FRAGMENT_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            let mut rest: &str = segment;
            while let Some(at) = rest.find(['.', '\\']) {
                f.write_str(&rest[..at])?;
                f.write_str("\\")?;
                f.write_str(&rest[at..=at])?;
                rest = &rest[at + 1..];
            }
            f.write_str(rest)?;
        }
        Ok(())
    }
}

/// Reads the dotted form that `Display` writes; never fails.
impl std::str::FromStr for FieldPath {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut segments = Vec::new();
        let mut segment = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '.' => segments.push(Cow::Owned(std::mem::take(&mut segment))),
                '\\' => match chars.clone().next() {
                    Some(next @ ('.' | '\\')) => {
                        segment.push(next);
                        chars.next();
                    }
                    _ => segment.push('\\'),
                },
                c => segment.push(c),
            }
        }
        segments.push(Cow::Owned(segment));
        Ok(FieldPath { segments })
    }
}

impl From<&'static str> for FieldPath {
    fn from(key: &'static str) -> Self {
        FieldPath::new(key)
    }
}

impl From<String> for FieldPath {
    fn from(key: String) -> Self {
        FieldPath::new(key)
    }
}

impl From<Cow<'static, str>> for FieldPath {
    fn from(key: Cow<'static, str>) -> Self {
        FieldPath::new(key)
    }
}

impl<const N: usize> From<[&'static str; N]> for FieldPath {
    fn from(keys: [&'static str; N]) -> Self {
        FieldPath {
            segments: keys.into_iter().map(Cow::Borrowed).collect(),
        }
    }
}

/// One invalid input: where ([`FieldPath`]), an optional machine code and a message.
///
/// ```
/// use error_catalog::FieldError;
///
/// let error = FieldError::new("name", "Name is required").with_code("required");
/// assert_eq!(error.path().to_string(), "name");
/// assert_eq!(error.code(), Some("required"));
/// assert_eq!(error.message(), "Name is required");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    path: FieldPath,
    code: Option<Cow<'static, str>>,
    message: Cow<'static, str>,
}

impl FieldError {
    /// An error on `path` with a message for the client.
    pub fn new(path: impl Into<FieldPath>, message: impl Into<Cow<'static, str>>) -> Self {
        FieldError {
            path: path.into(),
            code: None,
            message: message.into(),
        }
    }

    /// Adds a machine-readable code, such as `required` or `invalid_format`.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Where the error is.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The code, if one was given.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The field errors of one request, in the order they were found.
///
/// As an `#[error(flatten)]` field its [`Layout`] follows the envelope's format (see
/// the [module documentation](self)); as a plain field it serializes in its own layout,
/// [`List`](Layout::List) unless set.
///
/// ```
/// use error_catalog::{FieldError, FieldErrors, validation::Layout};
///
/// let errors: FieldErrors = [
///     FieldError::new("name", "Name is required").with_code("required"),
///     FieldError::new("email", "Invalid email format").with_code("invalid_format"),
/// ]
/// .into_iter()
/// .collect();
/// assert_eq!(errors.len(), 2);
/// assert_eq!(
///     serde_json::to_string(&errors.layout(Layout::Map)).unwrap(),
///     r#"{"name":{"code":"required","message":"Name is required"},"email":{"code":"invalid_format","message":"Invalid email format"}}"#,
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
    layout: Option<Layout>,
}

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        FieldErrors::default()
    }

    /// Writes every format in `layout`, instead of the format's own.
    #[must_use]
    pub fn layout(mut self, layout: Layout) -> Self {
        self.layout = Some(layout);
        self
    }

    /// Adds an error without a code.
    pub fn add(
        &mut self,
        path: impl Into<FieldPath>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.errors.push(FieldError::new(path, message));
        self
    }

    /// Adds an error.
    pub fn push(&mut self, error: FieldError) -> &mut Self {
        self.errors.push(error);
        self
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// True when there is no error.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    /// `Ok(())` when there is no error, else `Err(self)`: the end of a validation
    /// function, as in `errors.into_result().map_err(|errors| MyError::Invalid { errors })?`.
    ///
    /// # Errors
    ///
    /// `self`, when it holds at least one error.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    fn render(&self, layout: Layout, visitor: &mut dyn DetailVisitor) {
        if self.is_empty() {
            return;
        }
        match layout {
            Layout::List => visitor.visit(ERRORS, DetailValue::new(&AsList(self))),
            Layout::Pointers => visitor.visit(ERRORS, DetailValue::new(&AsPointers(self))),
            Layout::Map => {
                let mut seen = HashSet::new();
                for error in &self.errors {
                    let key = error.path.text();
                    if seen.insert(key.clone()) {
                        visitor.visit(&key, DetailValue::new(&CodeMessage(error)));
                    }
                }
            }
        }
    }
}

impl FlattenDetails for FieldErrors {
    fn flatten_details(&self, visitor: &mut dyn DetailVisitor) {
        if !self.is_empty() {
            visitor.field_errors(self);
        }
        let layout = self
            .layout
            .unwrap_or_else(|| Layout::for_format(visitor.format()));
        self.render(layout, visitor);
    }
}

impl Serialize for FieldErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.layout.unwrap_or(Layout::List) {
            Layout::List => AsList(self).serialize(serializer),
            Layout::Pointers => AsPointers(self).serialize(serializer),
            Layout::Map => {
                let mut map = serializer.serialize_map(None)?;
                let mut result = Ok(());
                self.render(Layout::Map, &mut |name: &str, value: DetailValue<'_>| {
                    if result.is_ok() {
                        result = map.serialize_entry(name, &value);
                    }
                });
                result?;
                map.end()
            }
        }
    }
}

/// Reads every layout [`Serialize`] and the formats write, so a client gets the same
/// errors back:
///
/// - a list of [`List`](Layout::List) entries (`{"field", "code", "message"}`) or of
///   [`Pointers`](Layout::Pointers) entries (`{"detail", "pointer", "code"}`, the
///   pointer in URI fragment form or plain), told apart entry by entry;
/// - an object: the details of an envelope, where an `errors` member that is a list (or
///   the JSON text of one) holds the errors, or else the [`Map`](Layout::Map) layout, one
///   `{"code", "message"}` per field;
/// - a string holding the JSON text of either, as [`Format::Google`]'s metadata
///   carries it.
///
/// The layout read is not kept: the value writes each format in the format's own layout,
/// as the server's did. Members other than these are ignored; an entry without its path
/// or message, or a value of another shape, is an error naming what was expected.
///
/// Which formats carry every error: `Nested` ([`List`](Layout::List)), `Problem`
/// ([`Pointers`](Layout::Pointers)) and `Google` (the list as metadata text) give back
/// exactly the errors sent, in order. `Flat` ([`Map`](Layout::Map)) keeps one error per
/// field (the first), read back in the order of the fields' names rather than the order
/// sent, and `Compact` carries no details at all.
///
/// ```
/// use error_catalog::{FieldError, FieldErrors, FieldPath};
///
/// let list = r#"[{"field":"items.0.sku","code":"required","message":"SKU is required"}]"#;
/// let pointers = r##"[{"detail":"SKU is required","pointer":"#/items/0/sku","code":"required"}]"##;
/// let map = r#"{"items.0.sku":{"code":"required","message":"SKU is required"}}"#;
/// let expected: FieldErrors = [FieldError::new(FieldPath::new("items").index(0).key("sku"), "SKU is required")
///     .with_code("required")]
/// .into_iter()
/// .collect();
/// for text in [list, pointers, map] {
///     assert_eq!(serde_json::from_str::<FieldErrors>(text).unwrap(), expected);
/// }
/// // As Google's metadata holds it: the list's JSON text.
/// let google = serde_json::to_string(list).unwrap();
/// assert_eq!(serde_json::from_str::<FieldErrors>(&google).unwrap(), expected);
/// ```
impl<'de> Deserialize<'de> for FieldErrors {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        read::errors(value, true).map_err(D::Error::custom)
    }
}

/// Reading the layouts back.
mod read {
    use serde_json::{Map, Value};

    use super::{FieldError, FieldErrors, FieldPath};
    use crate::wire::members::validation::{ERRORS, FIELD, POINTER};
    use crate::wire::members::{CODE, MESSAGE, problem};

    const EXPECTED: &str = "field errors: a list of `field` or `pointer` entries, an object of fields, or the JSON text of one";

    /// `text` says whether a string may hold the JSON text of the errors (once).
    pub(super) fn errors(value: Value, text: bool) -> Result<FieldErrors, String> {
        match value {
            Value::Array(entries) => entries.into_iter().map(entry).collect(),
            Value::Object(mut map) => {
                if matches!(map.get(ERRORS), Some(Value::Array(_) | Value::String(_))) {
                    let list = map.remove(ERRORS).unwrap_or_default();
                    return errors(list, text);
                }
                map.into_iter()
                    .map(|(field, value)| {
                        let path = field.parse().unwrap_or_else(|never| match never {});
                        code_message(path, value, MESSAGE)
                    })
                    .collect()
            }
            Value::String(json) if text => match serde_json::from_str::<Value>(&json) {
                Ok(value @ (Value::Array(_) | Value::Object(_))) => errors(value, false),
                _ => Err(format!("invalid {EXPECTED}")),
            },
            _ => Err(format!("invalid {EXPECTED}")),
        }
    }

    fn entry(value: Value) -> Result<FieldError, String> {
        let Value::Object(map) = value else {
            return Err("invalid field error: expected an object".into());
        };
        if let Some(pointer) = map.get(POINTER) {
            let Some(path) = pointer.as_str().and_then(from_pointer) else {
                return Err(format!(
                    "invalid field error: `{POINTER}` must be a JSON Pointer to a field"
                ));
            };
            return code_message(path, Value::Object(map), problem::DETAIL);
        }
        match map.get(FIELD) {
            Some(Value::String(field)) => {
                let path = field.parse().unwrap_or_else(|never| match never {});
                code_message(path, Value::Object(map), MESSAGE)
            }
            _ => Err(format!(
                "invalid field error: expected a `{FIELD}` or `{POINTER}` string"
            )),
        }
    }

    /// The error on `path` from an object with a `message` (or `detail`) and a `code`.
    fn code_message(path: FieldPath, value: Value, message: &str) -> Result<FieldError, String> {
        let Value::Object(mut map) = value else {
            return Err(format!(
                "invalid field error for `{path}`: expected an object"
            ));
        };
        let text = |map: &mut Map<String, Value>, key: &str| match map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(format!(
                "invalid field error for `{path}`: `{key}` must be a string"
            )),
        };
        let Some(message) = text(&mut map, message)? else {
            return Err(format!(
                "invalid field error for `{path}`: `{message}` is missing"
            ));
        };
        let code = text(&mut map, CODE)?;
        let error = FieldError::new(path, message);
        Ok(match code {
            Some(code) => error.with_code(code),
            None => error,
        })
    }

    /// The path of a JSON Pointer, in URI fragment form (`#/a~1b/0`) or plain (`/a`).
    pub(super) fn from_pointer(pointer: &str) -> Option<FieldPath> {
        let plain = match pointer.strip_prefix('#') {
            Some(fragment) => percent_encoding::percent_decode_str(fragment)
                .decode_utf8()
                .ok()?
                .into_owned(),
            None => pointer.to_owned(),
        };
        let rest = plain.strip_prefix('/')?;
        let segments = rest
            .split('/')
            .map(|segment| segment.replace("~1", "/").replace("~0", "~").into())
            .collect();
        Some(FieldPath { segments })
    }
}

impl FromIterator<FieldError> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(iter: I) -> Self {
        FieldErrors {
            errors: iter.into_iter().collect(),
            layout: None,
        }
    }
}

impl Extend<FieldError> for FieldErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        self.errors.extend(iter);
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

/// `[{"field", "code", "message"}]`.
struct AsList<'a>(&'a FieldErrors);

impl Serialize for AsList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for error in self.0 {
            seq.serialize_element(&ListEntry(error))?;
        }
        seq.end()
    }
}

struct ListEntry<'a>(&'a FieldError);

impl Serialize for ListEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(FIELD, &error.path.text())?;
        if let Some(code) = &error.code {
            map.serialize_entry(CODE, code)?;
        }
        map.serialize_entry(MESSAGE, &error.message)?;
        map.end()
    }
}

/// `{"code", "message"}`, the value of one field in the map layout.
struct CodeMessage<'a>(&'a FieldError);

impl Serialize for CodeMessage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let Some(code) = &error.code {
            map.serialize_entry(CODE, code)?;
        }
        map.serialize_entry(MESSAGE, &error.message)?;
        map.end()
    }
}

/// `[{"detail", "pointer", "code"}]`.
struct AsPointers<'a>(&'a FieldErrors);

impl Serialize for AsPointers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for error in self.0 {
            seq.serialize_element(&PointerEntry(error))?;
        }
        seq.end()
    }
}

struct PointerEntry<'a>(&'a FieldError);

impl Serialize for PointerEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(problem::DETAIL, &error.message)?;
        map.serialize_entry(POINTER, &error.path.pointer())?;
        if let Some(code) = &error.code {
            map.serialize_entry(CODE, code)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::FieldPath;

    /// The examples of RFC 6901 section 5 (string form) and 6 (URI fragment form).
    /// Tricky segments: dots, backslashes, both at the ends, empty ones.
    const SEGMENTS: [&str; 10] = [
        "a", "a.b", "a\\b", ".", "\\", "a\\", "\\.", "", "..", "é.\\.x",
    ];

    #[test]
    fn the_dotted_form_reads_back_as_the_same_path() {
        for first in SEGMENTS {
            for second in SEGMENTS {
                for path in [
                    FieldPath::new(first),
                    FieldPath::new(first).key(second),
                    FieldPath::new(second).index(3).key(first),
                ] {
                    let text = path.to_string();
                    assert_eq!(text.parse::<FieldPath>().unwrap(), path, "{text}");
                    assert_eq!(path.text(), text);
                }
            }
        }
    }

    #[test]
    fn dotted_forms_of_distinct_paths_differ() {
        let mut seen = std::collections::HashMap::new();
        for first in SEGMENTS {
            for second in SEGMENTS {
                for path in [FieldPath::new(first), FieldPath::new(first).key(second)] {
                    if let Some(other) = seen.insert(path.to_string(), path.clone()) {
                        assert_eq!(other, path);
                    }
                }
            }
        }
    }

    #[test]
    fn a_lone_backslash_is_kept() {
        let path: FieldPath = r"a\b.c\".parse().unwrap();
        assert_eq!(path.segments().collect::<Vec<_>>(), [r"a\b", r"c\"]);
        assert_eq!(path.to_string(), r"a\\b.c\\");
    }

    #[test]
    fn rfc_6901_examples() {
        let cases = [
            ("foo", "/foo", "#/foo"),
            ("", "/", "#/"),
            ("a/b", "/a~1b", "#/a~1b"),
            ("c%d", "/c%d", "#/c%25d"),
            ("e^f", "/e^f", "#/e%5Ef"),
            ("g|h", "/g|h", "#/g%7Ch"),
            ("i\\j", "/i\\j", "#/i%5Cj"),
            ("k\"l", "/k\"l", "#/k%22l"),
            (" ", "/ ", "#/%20"),
            ("m~n", "/m~0n", "#/m~0n"),
        ];
        for (key, pointer, fragment) in cases {
            let path = FieldPath::new(key);
            assert_eq!(path.json_pointer(), pointer, "{key:?}");
            assert_eq!(path.pointer(), fragment, "{key:?}");
        }
        assert_eq!(FieldPath::new("foo").index(0).pointer(), "#/foo/0");
        assert_eq!(FieldPath::new("~1").json_pointer(), "/~01");
        assert_eq!(FieldPath::new("é").pointer(), "#/%C3%A9");
    }
}
