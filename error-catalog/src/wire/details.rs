//! Details as a value: the [`Details`] object view, `#[error(flatten)]` through
//! [`FlattenDetails`], and the filter behind the envelope's fallback body.

use core::fmt::{self, Write as _};

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, Serializer};

use crate::model::api_error::{ApiError, DetailValue, DetailVisitor};
use crate::model::format::Format;
use crate::model::spec::ErrorSpec;

/// The detail fields of an error as one JSON object, laid out for a format.
///
/// This is the `details` member of the [`Nested`](Format::Nested) and
/// [`Flat`](Format::Flat) bodies; a [`CustomFormat`](crate::CustomFormat) uses it to
/// write details its own way.
///
/// ```
/// use error_catalog::{ApiError, Details, FieldErrors, Format};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "validation_error", status = 422, message = "Request validation failed")]
/// pub struct Invalid { #[error(flatten)] errors: FieldErrors }
///
/// let mut errors = FieldErrors::new();
/// errors.add("email", "Must be a valid email address");
/// let err = Invalid { errors };
/// assert_eq!(
///     serde_json::to_string(&Details::new(&err)).unwrap(),
///     r#"{"errors":[{"field":"email","message":"Must be a valid email address"}]}"#,
/// );
/// assert_eq!(
///     serde_json::to_string(&Details::new(&err).format(Format::Flat)).unwrap(),
///     r#"{"email":{"message":"Must be a valid email address"}}"#,
/// );
/// ```
#[derive(Clone, Copy)]
pub struct Details<'a> {
    error: &'a dyn ApiError,
    format: Option<Format>,
}

impl<'a> Details<'a> {
    /// The details of `error`, for no particular format.
    pub fn new(error: &'a dyn ApiError) -> Self {
        Details {
            error,
            format: None,
        }
    }

    /// Lays the details out as `format` does (it only matters to values that read
    /// [`DetailVisitor::format`], such as a flattened [`FieldErrors`](crate::FieldErrors)).
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }
}

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut result = Ok(());
        self.error.visit_details(&mut InFormat {
            format: self.format,
            visit: |name: &str, value: DetailValue<'_>| {
                if result.is_ok() {
                    result = map.serialize_entry(name, &value);
                }
            },
        });
        result?;
        map.end()
    }
}

impl fmt::Debug for Details<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        self.error.visit_details(&mut InFormat {
            format: self.format,
            visit: |name: &str, value: DetailValue<'_>| {
                map.entry(&name, &value);
            },
        });
        map.finish()
    }
}

/// A closure visitor that says which format it collects for.
pub(crate) struct InFormat<F> {
    pub format: Option<Format>,
    pub visit: F,
}

impl<F: FnMut(&str, DetailValue<'_>)> DetailVisitor for InFormat<F> {
    fn visit(&mut self, name: &str, value: DetailValue<'_>) {
        (self.visit)(name, value);
    }

    fn format(&self) -> Option<Format> {
        self.format
    }
}

/// A value whose entries become detail fields of their own: the field attribute
/// `#[error(flatten)]`.
///
/// Any [`Serialize`] struct or map can be flattened, as with `#[serde(flatten)]`: each
/// of its entries is a detail (a `None` or unit value gives none; any other shape, or a
/// map key that is not a string, number, bool or unit variant, makes the detail fail to
/// serialize, and the envelope then leaves it out). A type implements this trait to lay
/// itself out by hand, for instance by [`DetailVisitor::format`];
/// [`FieldErrors`](crate::FieldErrors) does. When a type has both, the derive uses this
/// trait.
///
/// Keys are not checked against the variant's other details: a flattened key equal to a
/// field name is written twice, as `#[serde(flatten)]` would.
///
/// ```
/// use std::collections::BTreeMap;
/// use error_catalog::{ApiError, DetailValue, DetailVisitor, FlattenDetails, Format};
///
/// /// Quota counters, written as `"<name>_used"` details.
/// #[derive(Debug)]
/// pub struct Usage(Vec<(&'static str, u32)>);
///
/// impl FlattenDetails for Usage {
///     fn flatten_details(&self, visitor: &mut dyn DetailVisitor) {
///         for (name, used) in &self.0 {
///             visitor.visit(&format!("{name}_used"), DetailValue::new(used));
///         }
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "flat")]
/// pub enum QuotaError {
///     #[error(code = "quota_exceeded", status = 429, message = "Quota exceeded")]
///     Exceeded {
///         #[error(flatten)]
///         usage: Usage,
///         #[error(flatten)]
///         labels: BTreeMap<String, String>,
///     },
/// }
///
/// let err = QuotaError::Exceeded {
///     usage: Usage(vec![("seats", 10)]),
///     labels: BTreeMap::from([("plan".to_owned(), "trial".to_owned())]),
/// };
/// assert_eq!(
///     err.envelope().to_json(),
///     r#"{"code":"quota_exceeded","message":"Quota exceeded","details":{"seats_used":10,"plan":"trial"}}"#,
/// );
/// ```
pub trait FlattenDetails {
    /// Calls `visitor` once per entry.
    fn flatten_details(&self, visitor: &mut dyn DetailVisitor);
}

/// Flattens any `Serialize` struct or map: each entry is visited as one detail.
pub(crate) fn flatten_serialize<T: Serialize + ?Sized>(
    field: &str,
    value: &T,
    visitor: &mut dyn DetailVisitor,
) {
    let splitter = Splitter {
        visitor: &mut *visitor,
    };
    if let Err(error) = value.serialize(splitter) {
        let message = format!("cannot flatten `{field}`: {error}");
        visitor.visit(field, DetailValue::new(&Unserializable(message)));
    }
}

/// A detail that always fails to serialize, carrying the reason.
struct Unserializable(String);

impl Serialize for Unserializable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(ser::Error::custom(&self.0))
    }
}

/// Why a value could not be flattened.
#[derive(Debug)]
struct FlattenError(String);

impl fmt::Display for FlattenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FlattenError {}

impl ser::Error for FlattenError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FlattenError(msg.to_string())
    }
}

fn not_flattenable(what: &str) -> FlattenError {
    FlattenError(format!(
        "only a struct or a map can be flattened, not {what}"
    ))
}

/// A serializer that takes a struct or map apart and visits its entries.
struct Splitter<'v> {
    visitor: &'v mut dyn DetailVisitor,
}

/// Implements the `Serializer` methods that reject a value, naming its kind.
macro_rules! reject {
    ($($method:ident($($arg:ty),*) -> $ok:ty: $what:literal;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, FlattenError> {
            Err(not_flattenable($what))
        }
    )*};
}

impl<'v> Serializer for Splitter<'v> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = Impossible<(), FlattenError>;
    type SerializeTuple = Impossible<(), FlattenError>;
    type SerializeTupleStruct = Impossible<(), FlattenError>;
    type SerializeTupleVariant = Impossible<(), FlattenError>;
    type SerializeMap = SplitMap<'v>;
    type SerializeStruct = SplitMap<'v>;
    type SerializeStructVariant = Impossible<(), FlattenError>;

    reject! {
        serialize_bool(bool) -> (): "a bool";
        serialize_i8(i8) -> (): "a number";
        serialize_i16(i16) -> (): "a number";
        serialize_i32(i32) -> (): "a number";
        serialize_i64(i64) -> (): "a number";
        serialize_i128(i128) -> (): "a number";
        serialize_u8(u8) -> (): "a number";
        serialize_u16(u16) -> (): "a number";
        serialize_u32(u32) -> (): "a number";
        serialize_u64(u64) -> (): "a number";
        serialize_u128(u128) -> (): "a number";
        serialize_f32(f32) -> (): "a number";
        serialize_f64(f64) -> (): "a number";
        serialize_char(char) -> (): "a string";
        serialize_str(&str) -> (): "a string";
        serialize_bytes(&[u8]) -> (): "bytes";
        serialize_unit_variant(&'static str, u32, &'static str) -> (): "an enum";
        serialize_seq(Option<usize>) -> Self::SerializeSeq: "a sequence";
        serialize_tuple(usize) -> Self::SerializeTuple: "a tuple";
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct: "a tuple struct";
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant: "an enum";
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant: "an enum";
    }

    fn serialize_none(self) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), FlattenError> {
        Err(not_flattenable("an enum"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<SplitMap<'v>, FlattenError> {
        Ok(SplitMap {
            visitor: self.visitor,
            key: String::new(),
        })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<SplitMap<'v>, FlattenError> {
        self.serialize_map(None)
    }
}

/// The entries of a flattened struct or map, visited one by one.
struct SplitMap<'v> {
    visitor: &'v mut dyn DetailVisitor,
    /// The current map key as text, reused between entries.
    key: String,
}

impl SerializeMap for SplitMap<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), FlattenError> {
        self.key.clear();
        key.serialize(KeyText(&mut self.key))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        self.visitor.visit(&self.key, DetailValue::new(&value));
        Ok(())
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

impl ser::SerializeStruct for SplitMap<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        self.visitor.visit(key, DetailValue::new(&value));
        Ok(())
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

/// Writes a map key as text, the keys JSON accepts: strings, numbers, bools, unit
/// variants.
struct KeyText<'k>(&'k mut String);

impl KeyText<'_> {
    fn display(self, value: impl fmt::Display) -> Result<(), FlattenError> {
        write!(self.0, "{value}").map_err(|_| FlattenError("a map key failed to format".into()))
    }
}

fn bad_key() -> FlattenError {
    FlattenError("a map key must be a string, a number or a bool".into())
}

macro_rules! key_display {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method(self, value: $ty) -> Result<(), FlattenError> {
            self.display(value)
        }
    )*};
}

macro_rules! key_reject {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, FlattenError> {
            Err(bad_key())
        }
    )*};
}

impl Serializer for KeyText<'_> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = Impossible<(), FlattenError>;
    type SerializeTuple = Impossible<(), FlattenError>;
    type SerializeTupleStruct = Impossible<(), FlattenError>;
    type SerializeTupleVariant = Impossible<(), FlattenError>;
    type SerializeMap = Impossible<(), FlattenError>;
    type SerializeStruct = Impossible<(), FlattenError>;
    type SerializeStructVariant = Impossible<(), FlattenError>;

    key_display! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_char(char);
        serialize_str(&str);
    }

    key_reject! {
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), FlattenError> {
        self.display(variant)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), FlattenError> {
        Err(bad_key())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), FlattenError> {
        Err(bad_key())
    }
}

/// An error whose details that fail to serialize (say, a map with non-string keys) are
/// left out: the body written when the whole one could not be.
#[derive(Debug)]
pub(crate) struct SerializableOnly<'a>(pub &'a dyn ApiError);

impl fmt::Display for SerializableOnly<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_message(f)
    }
}

impl std::error::Error for SerializableOnly<'_> {}

impl ApiError for SerializableOnly<'_> {
    fn spec(&self) -> &'static ErrorSpec {
        self.0.spec()
    }

    fn as_api_error(&self) -> &dyn ApiError {
        self
    }

    fn retry_after(&self) -> Option<u64> {
        self.0.retry_after()
    }

    fn add_headers(&self, headers: &mut http::HeaderMap) {
        self.0.add_headers(headers);
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_message(f)
    }

    fn visit_details(&self, visitor: &mut dyn DetailVisitor) {
        self.0.visit_details(&mut SerializableFilter(visitor));
    }
}

/// Passes on the details that serialize to JSON without error.
struct SerializableFilter<'v>(&'v mut dyn DetailVisitor);

impl DetailVisitor for SerializableFilter<'_> {
    fn visit(&mut self, name: &str, value: DetailValue<'_>) {
        if serde_json::to_writer(std::io::sink(), &value).is_ok() {
            self.0.visit(name, value);
        }
    }

    fn format(&self) -> Option<Format> {
        self.0.format()
    }

    fn field_errors(&mut self, errors: &crate::FieldErrors) {
        self.0.field_errors(errors);
    }
}
