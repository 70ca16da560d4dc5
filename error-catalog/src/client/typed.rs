//! Typed decoding: the error value a server sent, rebuilt from a decoded [`ErrorBody`]
//! by the impl that `#[api_error(decode)]` derives.

use core::cell::OnceCell;
use core::fmt;

use serde::Deserializer as _;
use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::client::decode::{DecodeError, ErrorBody, Key, capture};
use crate::integrations::rejection::hint;
use crate::model::format::Format;
use crate::model::spec::ErrorSpec;
use crate::wire::grpc;

/// An error type that a client rebuilds from the body a server sent:
/// [`ErrorBody::to_error`]. Derived with `#[api_error(decode)]` next to
/// `#[derive(ApiError)]`, so the server and its SDKs share one enum from one crate,
/// which needs no cargo feature of `error-catalog` for it.
///
/// The variant is the one whose code the body carries, found as
/// [`ErrorBody::lookup`] finds it (Google's `UPPER_SNAKE_CASE` reason included). Its
/// fields are rebuilt by these rules:
///
/// - a detail field is deserialized with its own `Deserialize` from the detail of its
///   key (its name, or its `rename`); an `Option` field is `None` when the detail is
///   absent or `null`, any other field is then a [`MissingDetail`] error;
/// - in [`Format::Google`], where every detail travels as a string, a field whose type
///   does not deserialize from that string is read from the JSON text the string holds
///   (`"42"` for a `u32`, a list for a `Vec` or [`FieldErrors`](crate::FieldErrors));
/// - the `#[error(retry_after)]` field, when its detail is absent, takes the body's
///   [`retry_after`](ErrorBody::retry_after) (`RetryInfo`, the `Retry-After` header);
/// - an `#[error(flatten)]` field is deserialized from the details that no other field
///   of the variant names ([`FieldErrors`](crate::FieldErrors) reads each format's
///   layout back);
/// - fields that never travel (tuple fields, sources, `#[error(skip)]` and
///   `#[error(message_only)]` fields) are `None`, which they must be able to hold: the
///   derive rejects `decode` on a type with such a field that is not an `Option`, naming
///   the field and why. A source may be an `Option<E>`: `Error::source` returns it when
///   it is `Some`.
///
/// A [`Format::Compact`] body has no details: its variants decode when all their detail
/// fields are `Option`s. A [`Format::Problem`] body leaves out a detail named like one of
/// its own members (`type`, `title`, `status`, `detail`, `instance`, `code`,
/// `request_id`), so such a detail decodes from it only as an `Option`. A code in no entry is [`UnknownCode`], a detail that does not
/// deserialize is [`InvalidDetail`]; each names the code and the field
/// ([`DecodeError::code`], [`DecodeError::field`]) and decoding never panics.
///
/// [`MissingDetail`]: crate::DecodeErrorKind::MissingDetail
/// [`InvalidDetail`]: crate::DecodeErrorKind::InvalidDetail
/// [`UnknownCode`]: crate::DecodeErrorKind::UnknownCode
///
/// ```
/// use error_catalog::{ApiError, DecodeErrorKind, ErrorBody, Format};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api_error(decode)]
/// pub enum InvoiceError {
///     #[error(code = "invoice_not_found", status = 404, message = "Invoice {id} not found")]
///     NotFound { id: String },
///     #[error(code = "over_limit", status = 422, message = "Over the limit of {limit}")]
///     OverLimit { limit: u32, note: Option<String> },
/// }
///
/// let sent = InvoiceError::OverLimit { limit: 300, note: None };
/// for format in [Format::Nested, Format::Flat, Format::Problem, Format::Google] {
///     let body = ErrorBody::from_json(sent.envelope().format(format).to_json().as_bytes()).unwrap();
///     assert_eq!(body.to_error::<InvoiceError>().unwrap(), sent);
/// }
///
/// let body = ErrorBody::from_json(br#"{"code":"over_limit","message":"x","details":{"limit":"many"}}"#).unwrap();
/// let err = body.to_error::<InvoiceError>().unwrap_err();
/// assert_eq!(err.kind(), DecodeErrorKind::InvalidDetail);
/// assert_eq!((err.code(), err.field()), (Some("over_limit"), Some("limit")));
/// ```
pub trait FromErrorBody: Sized {
    /// The value `body` stands for.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] when the body's code is in no entry of `Self`'s catalog, or a
    /// detail its variant needs is missing or of the wrong type.
    fn from_error_body(body: &ErrorBody) -> Result<Self, DecodeError>;
}

impl ErrorBody {
    /// The error value of `E` that the server sent, rebuilt from the code and the
    /// details by the rules of [`FromErrorBody`].
    ///
    /// # Errors
    ///
    /// [`UnknownCode`](crate::DecodeErrorKind::UnknownCode),
    /// [`MissingDetail`](crate::DecodeErrorKind::MissingDetail) or
    /// [`InvalidDetail`](crate::DecodeErrorKind::InvalidDetail), naming the code and the
    /// detail.
    ///
    /// ```
    /// use error_catalog::{ApiError, DecodeErrorKind, ErrorBody};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(decode)]
    /// pub enum AuthError {
    ///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
    ///     TokenExpired { expired_at: String },
    /// }
    ///
    /// let body: ErrorBody = r#"{"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"}}"#.parse().unwrap();
    /// let AuthError::TokenExpired { expired_at } = body.to_error::<AuthError>().unwrap();
    /// assert_eq!(expired_at, "2026-01-09T10:00:00Z");
    ///
    /// let body: ErrorBody = r#"{"code":"token_expired","message":"The access token has expired"}"#.parse().unwrap();
    /// let err = body.to_error::<AuthError>().unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::MissingDetail);
    /// assert_eq!(err.to_string(), "error `token_expired`: the detail `expired_at` is missing");
    /// ```
    pub fn to_error<E: FromErrorBody>(&self) -> Result<E, DecodeError> {
        E::from_error_body(self)
    }
}

/// The position in `catalog` of the body's code, by the rule of [`ErrorBody::lookup`].
#[doc(hidden)]
pub fn variant_index(body: &ErrorBody, catalog: &[ErrorSpec]) -> Result<usize, DecodeError> {
    let code = body.code();
    catalog
        .iter()
        .position(|spec| spec.code() == code)
        .or_else(|| {
            (body.format() == Format::Google)
                .then(|| {
                    catalog
                        .iter()
                        .position(|spec| grpc::reason(spec.code()) == code)
                })
                .flatten()
        })
        .ok_or_else(|| DecodeError::unknown_code(body))
}

/// A code the derived impl has no arm for (never, as its catalog is its variants).
#[doc(hidden)]
pub fn unknown_code(body: &ErrorBody) -> DecodeError {
    DecodeError::unknown_code(body)
}

/// The detail fields of one variant, each found in the body's details by its key; the
/// derived impl reads each field by its position in `keys`, its slot.
///
/// Details kept as text (`Nested`, `Flat`) are first read by [`row`](Fields::row): every
/// field straight from the text in one pass, with no map and no value in between. When
/// that pass fails (a value of the wrong type), or the details are a map, each field is
/// read on its own from its slot, in the order of the fields, so the error names the
/// first field at fault. Either way, members under no key are skipped, and of a key
/// written twice the last value counts, as in a map.
#[doc(hidden)]
pub struct Fields<'a, const N: usize> {
    body: &'a ErrorBody,
    keys: &'static [&'static str; N],
    slots: OnceCell<[Option<Slot<'a>>; N]>,
}

/// Where a detail's value is: its JSON text, or a value of the details' map.
#[derive(Clone, Copy)]
enum Slot<'a> {
    Text(&'a RawValue),
    Tree(&'a Value),
}

/// The fields of `keys` in the body's details.
#[doc(hidden)]
pub fn fields<'a, const N: usize>(
    body: &'a ErrorBody,
    keys: &'static [&'static str; N],
) -> Fields<'a, N> {
    Fields {
        body,
        keys,
        slots: OnceCell::new(),
    }
}

/// The values of a variant's detail fields, as a tuple of `Option`s in the order of its
/// keys (at most 12, distinct), read in one pass over the details' text.
#[doc(hidden)]
pub trait Row: Default {
    /// Reads the value of the member under key `index` into its place.
    ///
    /// # Errors
    ///
    /// The deserializer's, for a value that is not one of the field's type.
    fn read<'de, A: MapAccess<'de>>(&mut self, index: usize, map: &mut A) -> Result<(), A::Error>;
}

macro_rules! rows {
    ($( ($($ty:ident $index:tt),+) )+) => {$(
        impl<$($ty: DeserializeOwned),+> Row for ($(Option<$ty>,)+) {
            fn read<'de, M: MapAccess<'de>>(&mut self, index: usize, map: &mut M) -> Result<(), M::Error> {
                match index {
                    // `null` is `None`: no value, as in the map.
                    $($index => self.$index = map.next_value()?,)+
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(())
            }
        }
    )+};
}

rows! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10)
    (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11)
}

struct RowVisitor<'k, R, const N: usize> {
    keys: &'k [&'k str; N],
    row: R,
}

impl<'de, R: Row, const N: usize> Visitor<'de> for RowVisitor<'_, R, N> {
    type Value = R;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<R, A::Error> {
        while let Some(found) = map.next_key_seed(Key::new(self.keys))? {
            match found {
                Some(index) => self.row.read(index, &mut map)?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(self.row)
    }
}

impl<'a, const N: usize> Fields<'a, N> {
    /// Every field read from the details' text in one pass; `None` when the details are
    /// a map, or a value is not one of its field's type (each field is then read on its
    /// own, for the error).
    pub fn row<R: Row>(&self) -> Option<R> {
        let text = self.body.details_text()?;
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let row = deserializer
            .deserialize_map(RowVisitor {
                keys: self.keys,
                row: R::default(),
            })
            .ok()?;
        // Nothing follows: the text is one object, as the parser that cut it out found.
        Some(row)
    }

    /// A required detail: `read` is its value from [`row`](Fields::row), if it read.
    ///
    /// # Errors
    ///
    /// [`MissingDetail`](crate::DecodeErrorKind::MissingDetail) when absent or `null`,
    /// [`InvalidDetail`](crate::DecodeErrorKind::InvalidDetail) when of another type.
    pub fn required<T: DeserializeOwned>(
        &self,
        index: usize,
        read: Option<Option<T>>,
    ) -> Result<T, DecodeError> {
        self.optional(index, read)?
            .ok_or_else(|| DecodeError::detail(self.body, self.key(index), None))
    }

    /// An `Option` detail: `None` when absent or `null`.
    ///
    /// # Errors
    ///
    /// [`InvalidDetail`](crate::DecodeErrorKind::InvalidDetail) when of another type.
    pub fn optional<T: DeserializeOwned>(
        &self,
        index: usize,
        read: Option<Option<T>>,
    ) -> Result<Option<T>, DecodeError> {
        match read {
            Some(value) => Ok(value),
            None => self.read_slot(index),
        }
    }

    /// A detail read on its own from its slot, when the one pass did not read it.
    #[cold]
    #[inline(never)]
    fn read_slot<T: DeserializeOwned>(&self, index: usize) -> Result<Option<T>, DecodeError> {
        let key = self.key(index);
        match self.slots().get(index).copied().flatten() {
            Some(Slot::Text(raw)) if raw.get() != "null" => {
                from_text(self.body, key, raw).map(Some)
            }
            Some(Slot::Tree(value)) if !value.is_null() => {
                read_value(self.body, key, value).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The `#[error(retry_after)]` detail, else the body's retry hint.
    ///
    /// # Errors
    ///
    /// As [`required`](Fields::required), when there is no retry hint either.
    pub fn retry<T: DeserializeOwned>(
        &self,
        index: usize,
        read: Option<Option<T>>,
    ) -> Result<T, DecodeError> {
        self.optional_retry(index, read)?
            .ok_or_else(|| DecodeError::detail(self.body, self.key(index), None))
    }

    /// An `Option` `#[error(retry_after)]` detail, else the body's retry hint, else
    /// `None`.
    ///
    /// # Errors
    ///
    /// As [`optional`](Fields::optional).
    pub fn optional_retry<T: DeserializeOwned>(
        &self,
        index: usize,
        read: Option<Option<T>>,
    ) -> Result<Option<T>, DecodeError> {
        if let Some(value) = self.optional(index, read)? {
            return Ok(Some(value));
        }
        match self.body.retry_after() {
            // Whole seconds, rounded up, as the server's hint is.
            Some(wait) => {
                let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                read_value(self.body, self.key(index), &Value::from(secs)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn key(&self, index: usize) -> &'static str {
        self.keys.get(index).copied().unwrap_or_default()
    }

    /// Each key's value, found by one pass over the text, or looked up in the map.
    fn slots(&self) -> &[Option<Slot<'a>>; N] {
        let body = self.body;
        self.slots.get_or_init(|| {
            match body
                .details_text()
                .and_then(|text| capture(text, self.keys))
            {
                Some(found) => found.map(|raw| raw.map(Slot::Text)),
                None => self.keys.map(|key| body.details().get(key).map(Slot::Tree)),
            }
        })
    }
}

/// An `#[error(flatten)]` field: the details that no key of `others` names.
#[doc(hidden)]
pub fn flattened<T: DeserializeOwned>(
    body: &ErrorBody,
    key: &'static str,
    others: &[&str],
) -> Result<T, DecodeError> {
    let rest: Map<String, Value> = body
        .details()
        .iter()
        .filter(|(name, _)| !others.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    T::deserialize(Value::Object(rest)).map_err(|error| invalid(body, key, &error))
}

/// The value of a detail; in `Google`, a string is read as it is or else as the JSON
/// text it holds.
fn read_value<T: DeserializeOwned>(
    body: &ErrorBody,
    key: &'static str,
    value: &Value,
) -> Result<T, DecodeError> {
    T::deserialize(value).or_else(|error| {
        if let (Format::Google, Value::String(text)) = (body.format(), value)
            && let Ok(parsed) = serde_json::from_str::<T>(text)
        {
            return Ok(parsed);
        }
        Err(invalid(body, key, &error))
    })
}

/// The value of a detail from its JSON text (in `Nested` and `Flat`, where no string is
/// read back as JSON text).
fn from_text<T: DeserializeOwned>(
    body: &ErrorBody,
    key: &'static str,
    raw: &RawValue,
) -> Result<T, DecodeError> {
    serde_json::from_str(raw.get()).map_err(|error| {
        // The position in the detail's own text says nothing: it is left out, so the
        // reason reads as the one from a map's value.
        let text = error.to_string();
        let at = format!(" at line {} column {}", error.line(), error.column());
        let text = text.strip_suffix(&at).unwrap_or(&text);
        DecodeError::detail(body, key, Some(hint(text)))
    })
}

/// The deserializer's reason, kept short: its excerpts of the value are cut.
fn invalid(body: &ErrorBody, key: &'static str, error: &serde_json::Error) -> DecodeError {
    DecodeError::detail(body, key, Some(hint(&error.to_string())))
}
