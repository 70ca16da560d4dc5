//! Typed decoding: the error value a server sent, rebuilt from a decoded [`ErrorBody`]
//! by the impl that `#[api_error(decode)]` derives.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::client::decode::{DecodeError, ErrorBody};
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

/// A required detail.
#[doc(hidden)]
pub fn detail<T: DeserializeOwned>(body: &ErrorBody, key: &'static str) -> Result<T, DecodeError> {
    match present(body, key) {
        Some(value) => read(body, key, value),
        None => Err(DecodeError::detail(body, key, None)),
    }
}

/// An `Option` detail: `None` when absent or `null`.
#[doc(hidden)]
pub fn optional_detail<T: DeserializeOwned>(
    body: &ErrorBody,
    key: &'static str,
) -> Result<Option<T>, DecodeError> {
    present(body, key)
        .map(|value| read(body, key, value))
        .transpose()
}

/// The `#[error(retry_after)]` detail, else the body's retry hint.
#[doc(hidden)]
pub fn retry_detail<T: DeserializeOwned>(
    body: &ErrorBody,
    key: &'static str,
) -> Result<T, DecodeError> {
    optional_retry_detail(body, key)?.ok_or_else(|| DecodeError::detail(body, key, None))
}

/// An `Option` `#[error(retry_after)]` detail, else the body's retry hint, else `None`.
#[doc(hidden)]
pub fn optional_retry_detail<T: DeserializeOwned>(
    body: &ErrorBody,
    key: &'static str,
) -> Result<Option<T>, DecodeError> {
    if let Some(value) = present(body, key) {
        return read(body, key, value).map(Some);
    }
    match body.retry_after() {
        // Whole seconds, rounded up, as the server's hint is.
        Some(wait) => {
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            read(body, key, &Value::from(secs)).map(Some)
        }
        None => Ok(None),
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

fn present<'a>(body: &'a ErrorBody, key: &str) -> Option<&'a Value> {
    body.details().get(key).filter(|value| !value.is_null())
}

/// The value of a detail; in `Google`, a string is read as it is or else as the JSON
/// text it holds.
fn read<T: DeserializeOwned>(
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

/// The deserializer's reason, kept short: its excerpts of the value are cut.
fn invalid(body: &ErrorBody, key: &'static str, error: &serde_json::Error) -> DecodeError {
    let reason = crate::integrations::rejection::hint(&error.to_string());
    DecodeError::detail(body, key, Some(reason))
}
