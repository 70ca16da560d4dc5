//! The [`ApiError`] trait and the pieces an implementation hands out: the public
//! [`Message`] and the [`DetailVisitor`] that walks the detail fields.

use core::cell::Cell;
use core::fmt::{self, Write as _};
use std::borrow::Cow;
use std::time::Duration;

use http::{HeaderMap, StatusCode};
use serde::Serialize;

use crate::model::fields::{FieldRef, Fields, Piece, fill};
use crate::model::format::Format;
use crate::model::locale::{self, Chosen};
use crate::model::spec::ErrorSpec;
use crate::wire::envelope::Envelope;

/// An error that is part of a public API: a stable code, an HTTP status, a public
/// message and serializable details.
///
/// Implemented by `#[derive(ApiError)]`; see the [crate documentation](crate) for the
/// attributes. The trait is dyn-compatible, so handlers can return
/// `Box<dyn ApiError + Send + Sync>`:
///
/// ```
/// use error_catalog::ApiError;
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
///     TokenExpired { expired_at: String },
///     #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
///     RateLimited { #[error(retry_after)] retry_after: u64 },
/// }
///
/// let err: Box<dyn ApiError> = Box::new(AuthError::RateLimited { retry_after: 45 });
/// assert_eq!(err.code(), "rate_limit_exceeded");
/// assert_eq!(err.status(), StatusCode::TOO_MANY_REQUESTS);
/// assert!(err.retryable());
/// assert_eq!(err.retry_after(), Some(45));
/// assert_eq!(err.message().to_string(), "Too many requests");
/// ```
pub trait ApiError: std::error::Error {
    /// The catalog entry of this error's variant.
    fn spec(&self) -> &'static ErrorSpec;

    /// This error as a trait object; the derive implements it as `self`.
    ///
    /// It lets the provided methods ([`message`](ApiError::message), and the envelope
    /// builder) hand out one type for concrete errors and `dyn ApiError` alike.
    fn as_api_error(&self) -> &dyn ApiError;

    /// The stable code, e.g. `not_found`.
    fn code(&self) -> &'static str {
        self.spec().code()
    }

    /// The HTTP status.
    fn status(&self) -> StatusCode {
        self.spec().status()
    }

    /// Whether the client may retry the same request unchanged.
    fn retryable(&self) -> bool {
        self.spec().retryable()
    }

    /// Seconds the client should wait before retrying (the `Retry-After` header).
    ///
    /// Read from the variant's `#[error(retry_after)]` field when it has one, else
    /// the static `retry_after = N` of its attribute.
    fn retry_after(&self) -> Option<u64> {
        self.spec().retry_after()
    }

    /// Writes the public message: the `message` template with its fields filled in.
    ///
    /// This is the text sent to clients. It never includes a source error: the derive
    /// rejects templates that interpolate `#[source]`, `#[from]` or skipped fields.
    ///
    /// # Errors
    ///
    /// Only those of the formatter.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.spec().message())
    }

    /// Calls `visitor` once per detail field that has a value, in declaration order.
    ///
    /// Sources (`#[source]`, `#[from]`), `#[error(skip)]` fields, the fields of tuple
    /// variants and `None` options are never visited. An `#[error(flatten)]` field is
    /// visited once per entry of its value (see [`FlattenDetails`](crate::FlattenDetails)).
    fn visit_details(&self, visitor: &mut dyn DetailVisitor) {
        let _ = visitor;
    }

    /// Adds the headers of the variant's `#[error(header = "..")]` fields to `headers`,
    /// each value being the field's `Display` text (a `None` option, or a text that is
    /// not a valid header value, adds nothing). [`Envelope::headers`] calls it.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "rate_limited", status = 429, message = "You hit a rate limit")]
    /// pub struct RateLimited {
    ///     #[error(retry_after)]
    ///     retry_after: u64,
    ///     #[error(header = "X-RateLimit-Reset")]
    ///     reset_at: u64,
    /// }
    ///
    /// let mut headers = http::HeaderMap::new();
    /// RateLimited { retry_after: 12, reset_at: 1767952800 }.add_headers(&mut headers);
    /// assert_eq!(headers["x-ratelimit-reset"], "1767952800");
    /// assert_eq!(headers.len(), 1);
    /// ```
    fn add_headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// Lists the fields of this value, for filling in its parsed message
    /// ([`ErrorSpec`]'s hidden `parsed`) without going through
    /// [`fmt_message`](ApiError::fmt_message); returns whether it did. The derive
    /// implements it; a hand-written impl keeps the default (`false`), and its message is
    /// written by `fmt_message`.
    #[doc(hidden)]
    fn __fields<'a>(&'a self, visit: &mut dyn FnMut(FieldRef<'a, '_>)) -> bool {
        let _ = visit;
        false
    }

    /// The public message as a [`Display`](fmt::Display) value.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    /// pub struct NotFound { id: String }
    ///
    /// let err = NotFound { id: "proj_xyz789".into() };
    /// assert_eq!(err.message().to_string(), "Project proj_xyz789 not found");
    /// ```
    fn message(&self) -> Message<'_> {
        Message {
            error: self.as_api_error(),
            chosen: None,
        }
    }

    /// The JSON error body for this error, in its type's default format; see
    /// [`Envelope`] for the formats, the request id and the headers.
    ///
    /// ```
    /// use error_catalog::{ApiError, Format};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "compact")]
    /// pub enum ApiFailure {
    ///     #[error(code = "invalid_request", status = 400, message = "Missing required field: amount")]
    ///     InvalidRequest,
    /// }
    ///
    /// let body = ApiFailure::InvalidRequest.envelope().request_id("req_a1b2c3d4").to_json();
    /// assert_eq!(body, r#"{"error":"invalid_request","message":"Missing required field: amount","status":400,"request_id":"req_a1b2c3d4"}"#);
    /// ```
    fn envelope(&self) -> Envelope<'_> {
        Envelope::new(self.as_api_error())
    }
}

/// Any `ApiError` boxes into `Box<dyn ApiError + Send + Sync>` with `?`, for handlers
/// that fail with errors of several types; the framework integrations answer the box
/// like the error inside it.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "license_expired", status = 403, message = "This license expired")]
/// pub struct LicenseExpired;
///
/// fn check() -> Result<(), Box<dyn ApiError + Send + Sync>> {
///     Err(LicenseExpired)?
/// }
/// assert_eq!(check().unwrap_err().code(), "license_expired");
/// ```
impl<E: ApiError + Send + Sync + 'static> From<E> for Box<dyn ApiError + Send + Sync> {
    fn from(error: E) -> Self {
        Box::new(error)
    }
}

/// The public message of an error; its `Display` fills in the template.
///
/// Returned by [`ApiError::message`]. Formatting writes straight into the target, with
/// no intermediate `String`.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "seats", status = 409, message = "All seats are in use ({active}/{max})")]
/// pub struct NoSeats { active: u32, max: u32 }
///
/// let err = NoSeats { active: 10, max: 10 };
/// assert_eq!(format!("{}", err.message()), "All seats are in use (10/10)");
/// ```
#[derive(Clone, Copy)]
pub struct Message<'a> {
    error: &'a dyn ApiError,
    /// The translation to write; `None` for the default locale.
    chosen: Option<Chosen>,
}

impl Message<'_> {
    /// The message in a chosen translation, or the default locale.
    #[inline]
    pub(crate) fn with(self, chosen: Option<Chosen>) -> Self {
        Message { chosen, ..self }
    }

    /// The message in the locale `tag`, one of the locales of the error's type
    /// (`#[api_error(locales = "..")]`), compared ASCII case-insensitively; any other
    /// tag leaves the message in the default locale. A partial locale that lacks the
    /// code writes it in the default locale too. Selecting a locale allocates nothing,
    /// and neither does writing a translation without selectors.
    ///
    /// To pick the locale from a request's `Accept-Language`, with fallback from `fr-CA`
    /// to `fr`, use [`negotiate`](Message::negotiate) (feature `i18n`).
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(locales = "tests/locales/basic")]
    /// pub enum ProjectError {
    ///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    ///     NotFound { id: String },
    /// }
    ///
    /// let err = ProjectError::NotFound { id: "proj_1".into() };
    /// assert_eq!(err.message().locale("fr").to_string(), "Projet proj_1 introuvable");
    /// assert_eq!(err.message().locale("it").to_string(), "Project proj_1 not found");
    /// assert_eq!(err.message().locale("fr").language(), Some("fr"));
    /// ```
    #[must_use]
    #[inline]
    pub fn locale(self, tag: &str) -> Self {
        let spec = self.error.spec();
        let locale = spec
            .category()
            .locales()
            .and_then(|locales| locales.get(tag));
        self.with(Chosen::of(spec, locale))
    }

    /// The message in the locale that best matches `accept_language`, a list of
    /// language tags as in an `Accept-Language` header (`fr-CA, de;q=0.8, *;q=0.1`),
    /// among the locales of the error's type: tags in the order of their `q` weights,
    /// each matched by RFC 4647 lookup (`fr-CA`, then `fr`), else the default locale.
    /// Malformed, unknown or excessive input (past 64 tags) never fails: what cannot be
    /// read is skipped. Matching is `fluent-langneg`'s.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(locales = "tests/locales/basic")]
    /// pub enum ProjectError {
    ///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    ///     NotFound { id: String },
    /// }
    ///
    /// let err = ProjectError::NotFound { id: "proj_1".into() };
    /// assert_eq!(err.message().negotiate("fr-CA, de;q=0.8").to_string(), "Projet proj_1 introuvable");
    /// assert_eq!(err.message().negotiate("it, de;q=0.5").language(), Some("de"));
    /// assert_eq!(err.message().negotiate("*;q=x").language(), Some("en"));
    /// ```
    #[cfg(feature = "i18n")]
    #[must_use]
    #[inline]
    pub fn negotiate(self, accept_language: &str) -> Self {
        let spec = self.error.spec();
        let locale = spec
            .category()
            .locales()
            .and_then(|locales| crate::model::fluent::negotiate(locales, accept_language));
        self.with(Chosen::of(spec, locale))
    }

    /// The language tag the message is written in: the selected locale when it has the
    /// code's text, else the type's default locale; `None` for a type without
    /// `locales`. What a `Content-Language` header says.
    #[inline]
    pub fn language(&self) -> Option<&'static str> {
        // A chosen translation is one of the type's locales.
        match self.chosen {
            Some(chosen) => Some(chosen.locale.tag()),
            None => Some(self.error.spec().category().locales()?.default_locale()),
        }
    }
}

/// When a value interpolated into the message fails to format (its `Display` returns
/// `Err`), the text ends there, as in the JSON bodies: `to_string()`, `format!` and the
/// integrations never panic on such a value. Only an error of the writer itself is
/// passed on.
///
/// ```
/// use error_catalog::ApiError;
/// use std::fmt;
///
/// #[derive(Debug)]
/// pub struct Broken;
/// impl fmt::Display for Broken {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("par")?;
///         Err(fmt::Error)
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "broken", status = 400, message = "value {value} here")]
/// pub struct BrokenValue { #[error(message_only)] value: Broken }
///
/// let err = BrokenValue { value: Broken };
/// assert_eq!(err.message().to_string(), "value par");
/// assert_eq!(format!("{:?}", err.message()), "\"value par\"");
/// ```
impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Tracking<'f, 'g> {
            out: &'f mut fmt::Formatter<'g>,
            failed: bool,
        }
        impl fmt::Write for Tracking<'_, '_> {
            fn write_str(&mut self, text: &str) -> fmt::Result {
                let result = self.out.write_str(text);
                self.failed |= result.is_err();
                result
            }
        }
        let mut out = Tracking {
            out: f,
            failed: false,
        };
        match fmt::write(&mut out, format_args!("{}", Strict(*self))) {
            Err(err) if out.failed => Err(err),
            _ => Ok(()),
        }
    }
}

/// The public message of `error` as text, the same text as the bodies hold: the template
/// itself when the derive found it literal, else filled in once into a string sized for
/// it. The integrations render it once and hand it to both the body and the
/// [`RenderedError`](crate::RenderedError).
pub(crate) fn message_text(error: &dyn ApiError) -> Cow<'static, str> {
    let spec = error.spec();
    if spec.json.literal_message {
        return Cow::Borrowed(spec.message());
    }
    let mut text = String::with_capacity(spec.message().len() + 32);
    // Whether the error lists its fields: a hand-written impl that hands out a derived
    // spec does not, and its `fmt_message` writes the message instead.
    let listed = Cell::new(false);
    if !spec.parsed.is_empty() {
        let fields: &Fields<'_, '_> = &|visit| listed.set(error.__fields(visit));
        // A field whose `Display` fails ends the message there, as `Message` does.
        let _ = fill(spec.parsed, fields, |piece| match piece {
            Piece::Text(piece) => {
                text.push_str(piece);
                Ok(())
            }
            Piece::Value(value) => write!(text, "{value}"),
        });
    }
    if !listed.get() {
        text.clear();
        let _ = write!(text, "{}", error.message());
    }
    Cow::Owned(text)
}

/// The message as the error writes it (or its translation), passing on any error (of a
/// field's `Display` too).
struct Strict<'a>(Message<'a>);

impl fmt::Display for Strict<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Message { error, chosen } = self.0;
        if let Some(chosen) = chosen
            && locale::write_message(f, error, chosen)?
        {
            return Ok(());
        }
        error.fmt_message(f)
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// Receives the detail fields of an error, one call per field.
///
/// Implemented for every `FnMut(&str, DetailValue<'_>)`. A name is borrowed only for the
/// call: a field's name is static, but the keys of an `#[error(flatten)]` map are not.
///
/// ```
/// use error_catalog::{ApiError, DetailValue};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "license_expired", status = 403, message = "This license expired")]
/// pub struct LicenseExpired { expired_at: String, license_id: String }
///
/// let err = LicenseExpired { expired_at: "2026-01-01T00:00:00Z".into(), license_id: "lic_abc123".into() };
/// let mut seen = Vec::new();
/// err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
///     seen.push((name.to_owned(), serde_json::to_string(&value).unwrap()));
/// });
/// assert_eq!(seen, [
///     ("expired_at".to_owned(), r#""2026-01-01T00:00:00Z""#.to_owned()),
///     ("license_id".to_owned(), r#""lic_abc123""#.to_owned()),
/// ]);
/// ```
pub trait DetailVisitor {
    /// Called with the key of one detail field and its value.
    fn visit(&mut self, name: &str, value: DetailValue<'_>);

    /// The wire format the details are collected for, if the visitor renders one.
    ///
    /// The envelope's visitors answer with their [`Format`]; a closure answers `None`.
    /// A value that lays itself out by format, such as
    /// [`FieldErrors`](crate::FieldErrors) under `#[error(flatten)]`, reads it here.
    fn format(&self) -> Option<Format> {
        None
    }

    /// Called by a [`FieldErrors`](crate::FieldErrors) under `#[error(flatten)]` with
    /// the whole list (when it is not empty), before its entries are visited. Does
    /// nothing unless the visitor overrides it; the [`Google`](Format::Google) body and
    /// the tonic `Status` read the errors here for their `google.rpc.BadRequest`.
    ///
    /// ```
    /// use error_catalog::{ApiError, DetailValue, DetailVisitor, FieldErrors};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "validation_error", status = 422, message = "Request validation failed")]
    /// pub struct Invalid { #[error(flatten)] errors: FieldErrors }
    ///
    /// struct Count(usize);
    /// impl DetailVisitor for Count {
    ///     fn visit(&mut self, _: &str, _: DetailValue<'_>) {}
    ///     fn field_errors(&mut self, errors: &FieldErrors) {
    ///         self.0 += errors.len();
    ///     }
    /// }
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.add("email", "Must be a valid email address");
    /// let mut count = Count(0);
    /// Invalid { errors }.visit_details(&mut count);
    /// assert_eq!(count.0, 1);
    /// ```
    fn field_errors(&mut self, errors: &crate::FieldErrors) {
        let _ = errors;
    }
}

impl<F: FnMut(&str, DetailValue<'_>)> DetailVisitor for F {
    fn visit(&mut self, name: &str, value: DetailValue<'_>) {
        self(name, value);
    }
}

/// One detail value, type-erased; it serializes exactly as the field itself does.
///
/// ```
/// use error_catalog::DetailValue;
///
/// let scopes = vec!["read:projects"];
/// let value = DetailValue::new(&scopes);
/// assert_eq!(serde_json::to_string(&value).unwrap(), r#"["read:projects"]"#);
/// ```
#[derive(Clone, Copy)]
pub struct DetailValue<'a>(&'a dyn erased_serde::Serialize);

impl<'a> DetailValue<'a> {
    /// Wraps any `Serialize` value.
    pub fn new<T: Serialize>(value: &'a T) -> Self {
        DetailValue(value)
    }
}

impl Serialize for DetailValue<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        erased_serde::serialize(self.0, serializer)
    }
}

impl fmt::Debug for DetailValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match serde_json::to_string(self) {
            Ok(json) => f.write_str(&json),
            Err(_) => f.write_str("<unserializable>"),
        }
    }
}

/// A value that can be sent as a `Retry-After` hint, in whole seconds.
///
/// Implemented for the unsigned integers (seconds), [`Duration`] (rounded up) and
/// `Option` of those. Used for fields marked `#[error(retry_after)]`.
///
/// ```
/// use error_catalog::AsRetryAfter;
/// use std::time::Duration;
///
/// assert_eq!(30u32.retry_after_secs(), Some(30));
/// assert_eq!(Duration::from_millis(1500).retry_after_secs(), Some(2));
/// assert_eq!(None::<u64>.retry_after_secs(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a Retry-After value",
    label = "a #[error(retry_after)] field holds seconds",
    note = "use an unsigned integer (seconds), `std::time::Duration`, or an `Option` of those"
)]
pub trait AsRetryAfter {
    /// The hint in seconds, or `None` for no hint.
    fn retry_after_secs(&self) -> Option<u64>;
}

macro_rules! retry_after_unsigned {
    ($($ty:ty),*) => {$(
        impl AsRetryAfter for $ty {
            fn retry_after_secs(&self) -> Option<u64> {
                Some(u64::try_from(*self).unwrap_or(u64::MAX))
            }
        }
    )*};
}

retry_after_unsigned!(u8, u16, u32, u64, u128, usize);

impl AsRetryAfter for Duration {
    fn retry_after_secs(&self) -> Option<u64> {
        let whole = self.as_secs();
        Some(if self.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        })
    }
}

impl<T: AsRetryAfter> AsRetryAfter for Option<T> {
    fn retry_after_secs(&self) -> Option<u64> {
        self.as_ref().and_then(AsRetryAfter::retry_after_secs)
    }
}

impl<T: AsRetryAfter + ?Sized> AsRetryAfter for &T {
    fn retry_after_secs(&self) -> Option<u64> {
        (**self).retry_after_secs()
    }
}

/// A type with a static catalog: every error code it can produce.
///
/// Implemented by `#[derive(ApiError)]`, which also adds the same table as an inherent
/// `CATALOG` constant so that `MyError::CATALOG` works without importing this trait.
///
/// ```
/// use error_catalog::{ApiError, ErrorCatalog};
///
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     #[error(code = "invalid_credentials", status = 401, message = "The email or password is incorrect")]
///     InvalidCredentials,
///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
///     TokenExpired,
/// }
///
/// fn codes<E: ErrorCatalog>() -> Vec<&'static str> {
///     E::CATALOG.iter().map(|spec| spec.code()).collect()
/// }
/// assert_eq!(codes::<AuthError>(), ["invalid_credentials", "token_expired"]);
/// assert_eq!(AuthError::find("token_expired").unwrap().variant(), "TokenExpired");
/// ```
pub trait ErrorCatalog {
    /// Every variant's entry, in declaration order.
    const CATALOG: &'static [ErrorSpec];

    /// The entry with this code, if the type has one.
    fn find(code: &str) -> Option<&'static ErrorSpec>
    where
        Self: Sized,
    {
        Self::CATALOG.iter().find(|spec| spec.code() == code)
    }
}
