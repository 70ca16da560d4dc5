//! The client side: decode an error body of any built-in [`Format`] into an
//! [`ErrorBody`], and look its code up in a catalog.
//!
//! See [`ErrorBody`] for how each format maps to its fields.

use core::fmt;
use core::str::FromStr;
use core::time::Duration;
use std::time::SystemTime;

use http::header::{CONTENT_TYPE, DATE, RETRY_AFTER};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde_json::{Map, Value};

mod details;
mod fast;
mod rich;
mod texts;

use details::Details;
pub(crate) use details::{Key, capture};
use texts::Texts;

use crate::model::api_error::ErrorCatalog;
use crate::model::format::Format;
use crate::model::spec::ErrorSpec;
use crate::wire::grpc;
use crate::wire::members::{
    CODE, DETAILS, ERROR, MESSAGE, META, REQUEST_ID, STATUS, google, problem,
};

/// An error body received from a server, decoded from any built-in [`Format`].
///
/// [`from_json`](ErrorBody::from_json) detects the format; the table says where each
/// field comes from in each format (members not listed are ignored).
/// Bodies larger than [`MAX_SIZE`](ErrorBody::MAX_SIZE) bytes or nested deeper than
/// [`MAX_DEPTH`](ErrorBody::MAX_DEPTH) levels, malformed or truncated JSON, and JSON in
/// no known shape give a [`DecodeError`], never a panic.
///
/// | field | `Nested` | `Flat` | `Compact` | `Problem` (RFC 9457) | `Google` (AIP-193) |
/// |---|---|---|---|---|---|
/// | [`code`](ErrorBody::code) | `error.code` | `code` | `error` | `code` | `ErrorInfo.reason`, as sent (`UPPER_SNAKE_CASE`) |
/// | [`message`](ErrorBody::message) | `error.message` | `message` | `message` | `detail`, else `title` | `error.message` |
/// | [`status`](ErrorBody::status) | none | none | `status` | `status` | `error.code` |
/// | [`details`](ErrorBody::details) | `error.details` | `details` | none | the extension members but `code` and `request_id` | `ErrorInfo.metadata` (string values) |
/// | [`request_id`](ErrorBody::request_id) | `meta.request_id` | `request_id` | `request_id` | `request_id` | `RequestInfo.requestId` |
/// | [`retry_after`](ErrorBody::retry_after) | `details.retry_after` | `details.retry_after` | none | `retry_after` | `RetryInfo.retryDelay` |
///
/// The format is detected from the top-level members: any of the RFC 9457 members
/// `type`, `title`, `detail` or `instance` means `Problem`; otherwise an `error` string
/// means `Compact`, an `error` object means `Google` when its `code` is a number and
/// `Nested` when it is a string; otherwise a `code` string means `Flat`. A body that is
/// not a JSON object, or fits none of these, is [`DecodeErrorKind::UnknownFormat`].
///
/// `code` and `message` are required (non-empty code); the other fields are optional, and
/// a member that has the wrong JSON type is an error, except the RFC 9457 standard members
/// (`type`, `title`, `status`, `detail`, `instance`), which RFC 9457 says to ignore then.
/// A Google body's `BadRequest` and `Help` details are read too:
/// [`field_violations`](ErrorBody::field_violations), [`help_links`](ErrorBody::help_links).
/// In `Problem`, `type`, `title` and `instance` are read for detection only, and Google's
/// `status` name and `ErrorInfo.domain` are not kept. A retry hint inside `details` is also
/// left in [`details`](ErrorBody::details).
///
/// ```
/// use error_catalog::{ApiError, ErrorBody, Format};
/// use http::StatusCode;
///
/// /// Authentication errors.
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
///     TokenExpired { expired_at: String },
/// }
///
/// let body = br#"{"type":"about:blank","title":"Token expired","status":401,
///     "detail":"The access token has expired","code":"token_expired",
///     "expired_at":"2026-01-09T10:00:00Z","request_id":"req_abc123"}"#;
/// let decoded = ErrorBody::from_json(body).unwrap();
/// assert_eq!(decoded.format(), Format::Problem);
/// assert_eq!(decoded.code(), "token_expired");
/// assert_eq!(decoded.message(), "The access token has expired");
/// assert_eq!(decoded.status(), Some(StatusCode::UNAUTHORIZED));
/// assert_eq!(decoded.details()["expired_at"], "2026-01-09T10:00:00Z");
/// assert_eq!(decoded.request_id(), Some("req_abc123"));
/// assert_eq!(decoded.lookup::<AuthError>().unwrap().variant(), "TokenExpired");
/// ```
#[derive(Clone)]
pub struct ErrorBody {
    format: Format,
    /// The code, message and request id, and the details' text when they are kept so.
    texts: Texts,
    status: Option<StatusCode>,
    details: Details,
    /// The retry hint, but the one of details kept as text, which is read from them
    /// when asked for ([`retry_after`](ErrorBody::retry_after)).
    retry_after: Option<Duration>,
    /// Google's `BadRequest` and `Help`, when the body has them.
    rich: Option<Box<rich::Rich>>,
}

/// The members of a body as the tree path reads them, made into an [`ErrorBody`].
struct Parts {
    format: Format,
    code: String,
    message: String,
    status: Option<StatusCode>,
    details: Option<Map<String, Value>>,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    /// Google's `BadRequest` and `Help`, when the body has them.
    rich: Option<Box<rich::Rich>>,
}

impl From<Parts> for ErrorBody {
    fn from(parts: Parts) -> Self {
        ErrorBody {
            format: parts.format,
            texts: Texts::new(
                &parts.code,
                &parts.message,
                parts.request_id.as_deref(),
                None,
            ),
            status: parts.status,
            details: parts.details.map(Details::from_map).unwrap_or_default(),
            retry_after: parts.retry_after,
            rich: parts.rich,
        }
    }
}

/// Compares the fields that the accessors return.
impl PartialEq for ErrorBody {
    fn eq(&self, other: &Self) -> bool {
        self.format == other.format
            && self.code() == other.code()
            && self.message() == other.message()
            && self.status == other.status
            && self.details() == other.details()
            && self.request_id() == other.request_id()
            && self.retry_after() == other.retry_after()
            && self.rich == other.rich
    }
}

/// Shows the fields that the accessors return (`texts` as the code, message and request
/// id it holds).
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorBody")
            .field("format", &self.format)
            .field("code", &self.code())
            .field("message", &self.message())
            .field("status", &self.status)
            .field("details", self.details())
            .field("request_id", &self.request_id())
            .field("retry_after", &self.retry_after())
            .field("rich", &self.rich)
            .finish()
    }
}

impl ErrorBody {
    /// The largest body accepted, in bytes: 1 MiB. Larger bodies are
    /// [`DecodeErrorKind::TooLarge`] before any parsing.
    pub const MAX_SIZE: usize = 1 << 20;

    /// The deepest nesting of JSON arrays and objects accepted: 64 levels (the root
    /// object is level 1). Deeper bodies are [`DecodeErrorKind::TooDeep`], found by a
    /// linear scan before parsing, so a hostile body cannot exhaust the stack.
    pub const MAX_DEPTH: usize = 64;

    /// Decodes a JSON error body, detecting its format.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] for an empty, too large, too deep, malformed or truncated body,
    /// one in no known format, or one that lacks a required member or has a member of
    /// the wrong type.
    ///
    /// ```
    /// use error_catalog::{DecodeErrorKind, ErrorBody, Format};
    ///
    /// let body = ErrorBody::from_json(br#"{"error":"invalid_request","message":"Missing required field: amount","status":400,"request_id":"req_a1b2c3d4"}"#).unwrap();
    /// assert_eq!(body.format(), Format::Compact);
    /// assert_eq!(body.code(), "invalid_request");
    ///
    /// let err = ErrorBody::from_json(br#"{"error":{"code":"x","mess"#).unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::Truncated);
    /// let err = ErrorBody::from_json(b"<html>502 Bad Gateway</html>").unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::Syntax);
    /// let err = ErrorBody::from_json(br#"{"ok":true}"#).unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::UnknownFormat);
    /// ```
    pub fn from_json(body: &[u8]) -> Result<Self, DecodeError> {
        decode(body, None)
    }

    /// Decodes a JSON error body known to be in `format`, without detection.
    ///
    /// # Errors
    ///
    /// As [`from_json`](ErrorBody::from_json); a body in another shape than `format`
    /// lacks the members `format` requires.
    ///
    /// ```
    /// use error_catalog::{DecodeErrorKind, ErrorBody, Format};
    ///
    /// let flat = br#"{"code":"NOT_FOUND","message":"Project not found"}"#;
    /// assert_eq!(ErrorBody::from_json_as(flat, Format::Flat).unwrap().code(), "NOT_FOUND");
    ///
    /// let err = ErrorBody::from_json_as(flat, Format::Nested).unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::MissingMember);
    /// assert_eq!(err.member(), Some("error"));
    /// ```
    pub fn from_json_as(body: &[u8], format: Format) -> Result<Self, DecodeError> {
        decode(body, Some(format))
    }

    /// Decodes the body of an HTTP error response, using its headers: a `Content-Type`
    /// of `application/problem+json` selects [`Format::Problem`]; `application/json` or
    /// another `+json` type (or none) lets the format be detected; any other type is a
    /// [`DecodeErrorKind::ContentType`] error. When the body has no retry hint, a
    /// `Retry-After` header provides it, in either form of RFC 9110: delta-seconds, or an
    /// HTTP date, taken relative to the response's `Date` header (to the clock without
    /// one; a date already past is no wait). A header in neither form is ignored.
    ///
    /// [`from_http_response`](ErrorBody::from_http_response) also reads the status.
    ///
    /// # Errors
    ///
    /// As [`from_json`](ErrorBody::from_json), and a content type that is not JSON.
    ///
    /// ```
    /// use core::time::Duration;
    /// use error_catalog::{DecodeErrorKind, ErrorBody, Format};
    /// use http::{HeaderMap, HeaderValue};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("content-type", HeaderValue::from_static("application/json; charset=utf-8"));
    /// headers.insert("retry-after", HeaderValue::from_static("30"));
    /// let body = br#"{"error":{"code":"service_unavailable","message":"Service temporarily unavailable"}}"#;
    /// let decoded = ErrorBody::from_response(&headers, body).unwrap();
    /// assert_eq!(decoded.format(), Format::Nested);
    /// assert_eq!(decoded.retry_after(), Some(Duration::from_secs(30)));
    ///
    /// headers.insert("date", HeaderValue::from_static("Thu, 03 Dec 2026 08:00:00 GMT"));
    /// headers.insert("retry-after", HeaderValue::from_static("Thu, 03 Dec 2026 08:02:00 GMT"));
    /// let decoded = ErrorBody::from_response(&headers, body).unwrap();
    /// assert_eq!(decoded.retry_after(), Some(Duration::from_secs(120)));
    ///
    /// headers.insert("content-type", HeaderValue::from_static("text/html"));
    /// let err = ErrorBody::from_response(&headers, body).unwrap_err();
    /// assert_eq!(err.kind(), DecodeErrorKind::ContentType);
    /// ```
    pub fn from_response(headers: &HeaderMap, body: &[u8]) -> Result<Self, DecodeError> {
        let format = match headers.get(CONTENT_TYPE) {
            Some(value) => content_type_format(value)?,
            None => None,
        };
        let mut decoded = decode(body, format)?;
        if decoded.retry_after().is_none() {
            decoded.retry_after = retry_after_header(headers);
        }
        Ok(decoded)
    }

    /// Decodes an HTTP error response: its body by its headers as
    /// [`from_response`](ErrorBody::from_response) does, and its status, which fills
    /// [`status`](ErrorBody::status) when the body states none (`Nested`, `Flat`), so a
    /// body of every format has one.
    ///
    /// # Errors
    ///
    /// As [`from_response`](ErrorBody::from_response).
    ///
    /// ```
    /// use core::time::Duration;
    /// use error_catalog::{ErrorBody, Format};
    /// use http::{Response, StatusCode};
    ///
    /// let response = Response::builder()
    ///     .status(429)
    ///     .header("content-type", "application/json")
    ///     .header("retry-after", "30")
    ///     .body(r#"{"code":"rate_limited","message":"Too many requests"}"#)
    ///     .unwrap();
    /// let body = ErrorBody::from_http_response(&response).unwrap();
    /// assert_eq!(body.format(), Format::Flat);
    /// assert_eq!(body.status(), Some(StatusCode::TOO_MANY_REQUESTS));
    /// assert_eq!(body.retry_after(), Some(Duration::from_secs(30)));
    /// ```
    pub fn from_http_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Self, DecodeError> {
        Self::from_parts(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// As [`from_http_response`](ErrorBody::from_http_response), from a response's
    /// status, headers and body read apart (as HTTP clients hand them out).
    ///
    /// # Errors
    ///
    /// As [`from_response`](ErrorBody::from_response).
    ///
    /// ```
    /// use error_catalog::ErrorBody;
    /// use http::{HeaderMap, StatusCode};
    ///
    /// let body = br#"{"error":{"code":"not_found","message":"No such project"}}"#;
    /// let decoded = ErrorBody::from_parts(StatusCode::NOT_FOUND, &HeaderMap::new(), body).unwrap();
    /// assert_eq!(decoded.status(), Some(StatusCode::NOT_FOUND));
    /// ```
    pub fn from_parts(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Self, DecodeError> {
        let mut decoded = Self::from_response(headers, body)?;
        decoded.status.get_or_insert(status);
        Ok(decoded)
    }

    /// The format the body was decoded from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error code, as sent. For [`Format::Google`] this is `ErrorInfo.reason`, the
    /// code in `UPPER_SNAKE_CASE`; [`lookup`](ErrorBody::lookup) maps it back.
    pub fn code(&self) -> &str {
        self.texts.code()
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        self.texts.message()
    }

    /// The HTTP status the body states, if its format has one (`Compact`, `Problem`,
    /// `Google`), else the response's when decoded with
    /// [`from_http_response`](ErrorBody::from_http_response) or
    /// [`from_parts`](ErrorBody::from_parts).
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// The details, as a JSON object (empty when the body has none). A `Nested` or
    /// `Flat` body keeps its details as the JSON text they came in, read into this map on
    /// the first call; [`to_error`](ErrorBody::to_error) reads them from the text.
    ///
    /// ```
    /// use error_catalog::ErrorBody;
    ///
    /// let body = ErrorBody::from_json(br#"{"error":{"code":"rate_limit_exceeded","message":"Too many requests","details":{"limit":300,"window":"1 minute","retry_after":45}}}"#).unwrap();
    /// assert_eq!(body.details()["limit"], 300);
    /// assert_eq!(body.details()["window"], "1 minute");
    /// assert_eq!(body.retry_after(), Some(core::time::Duration::from_secs(45)));
    /// ```
    pub fn details(&self) -> &Map<String, Value> {
        self.details.map(self.texts.details())
    }

    /// Takes the details out of the body.
    pub fn into_details(self) -> Map<String, Value> {
        self.details.into_map(self.texts.details())
    }

    /// The details as the text of the JSON object they were sent in, when the decoder
    /// kept them so (the `Nested` and `Flat` formats).
    pub(crate) fn details_text(&self) -> Option<&str> {
        self.texts.details()
    }

    /// The request id, if the body carries one.
    pub fn request_id(&self) -> Option<&str> {
        self.texts.request_id()
    }

    /// How long to wait before retrying, when the body (or, with
    /// [`from_response`](ErrorBody::from_response), the `Retry-After` header) says so.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
            .or_else(|| self.texts.details().and_then(details::text_retry_hint))
    }

    /// The catalog entry of the decoded code in `E`'s catalog.
    ///
    /// An entry whose code equals [`code`](ErrorBody::code) wins; for a
    /// [`Format::Google`] body, otherwise the first entry whose
    /// [`grpc::reason`] equals it.
    ///
    /// ```
    /// use error_catalog::{ApiError, ErrorBody, Format};
    ///
    /// #[derive(Debug, ApiError)]
    /// pub enum AuthError {
    ///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
    ///     TokenExpired,
    /// }
    ///
    /// let json = AuthError::TokenExpired.envelope().format(Format::Google).to_json();
    /// let body: ErrorBody = json.parse().unwrap();
    /// assert_eq!(body.code(), "TOKEN_EXPIRED");
    /// assert_eq!(body.lookup::<AuthError>().unwrap().code(), "token_expired");
    /// ```
    pub fn lookup<E: ErrorCatalog>(&self) -> Option<&'static ErrorSpec> {
        self.lookup_in(E::CATALOG)
    }

    /// The entry of the decoded code in any table of specs, by the rule of
    /// [`lookup`](ErrorBody::lookup).
    ///
    /// ```
    /// use error_catalog::{ApiError, ErrorBody};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "not_found", status = 404, message = "Not found")]
    /// pub struct NotFound;
    ///
    /// let body = ErrorBody::from_json(br#"{"code":"not_found","message":"Not found"}"#).unwrap();
    /// assert_eq!(body.lookup_in(NotFound::CATALOG).unwrap().status(), 404);
    /// ```
    pub fn lookup_in<'s>(&self, catalog: &'s [ErrorSpec]) -> Option<&'s ErrorSpec> {
        if let Some(spec) = catalog.iter().find(|spec| spec.code() == self.code()) {
            return Some(spec);
        }
        if self.format != Format::Google {
            return None;
        }
        catalog
            .iter()
            .find(|spec| grpc::reason(spec.code()) == self.code())
    }
}

/// The body of a gRPC `Status`, read by the tonic integration: the same members as a
/// decoded [`Format::Google`] body.
#[cfg(feature = "tonic")]
impl ErrorBody {
    pub(crate) fn from_grpc(
        code: String,
        message: String,
        status: Option<StatusCode>,
        details: Map<String, Value>,
        request_id: Option<String>,
        retry_after: Option<Duration>,
    ) -> Self {
        Parts {
            format: Format::Google,
            code,
            message,
            status,
            details: Some(details),
            request_id,
            retry_after,
            rich: None,
        }
        .into()
    }
}

impl FromStr for ErrorBody {
    type Err = DecodeError;

    /// Decodes a JSON error body, detecting its format; see
    /// [`from_json`](ErrorBody::from_json).
    fn from_str(body: &str) -> Result<Self, Self::Err> {
        decode(body.as_bytes(), None)
    }
}

/// Shows `code: message`.
impl fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for ErrorBody {}

/// Why a body could not be decoded into an [`ErrorBody`].
///
/// ```
/// use error_catalog::{DecodeErrorKind, ErrorBody};
///
/// let err = ErrorBody::from_json(br#"{"code":"not_found","message":7}"#).unwrap_err();
/// assert_eq!(err.kind(), DecodeErrorKind::InvalidMember);
/// assert_eq!(err.member(), Some("message"));
/// assert_eq!(err.to_string(), "invalid flat error body: `message` must be a string");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    kind: DecodeErrorKind,
    format: Option<Format>,
    repr: Repr,
}

/// The kind of a [`DecodeError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The body is empty or only whitespace.
    Empty,
    /// The body is larger than [`ErrorBody::MAX_SIZE`].
    TooLarge,
    /// The body nests deeper than [`ErrorBody::MAX_DEPTH`].
    TooDeep,
    /// The JSON ends early.
    Truncated,
    /// The body is not valid JSON (or not UTF-8).
    Syntax,
    /// Valid JSON in none of the built-in formats.
    UnknownFormat,
    /// A member the format requires is absent.
    MissingMember,
    /// A member has the wrong JSON type or an invalid value.
    InvalidMember,
    /// The response's `Content-Type` is not JSON.
    ContentType,
    /// The code is in no entry of the catalog of the type decoded into
    /// ([`ErrorBody::to_error`]).
    UnknownCode,
    /// A detail that the code's variant needs is absent ([`ErrorBody::to_error`]).
    MissingDetail,
    /// A detail does not deserialize into its field's type ([`ErrorBody::to_error`]).
    InvalidDetail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    Plain,
    Size(usize),
    Json(String),
    NotAnObject(&'static str),
    Member {
        path: &'static str,
        expected: &'static str,
    },
    ContentType(String),
    Code(String),
    Detail {
        code: String,
        field: &'static str,
        reason: String,
    },
}

impl DecodeError {
    /// What went wrong.
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The format being decoded, once it was detected or given.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The member at fault, as a path such as `error.code`, for
    /// [`MissingMember`](DecodeErrorKind::MissingMember) and
    /// [`InvalidMember`](DecodeErrorKind::InvalidMember).
    pub fn member(&self) -> Option<&'static str> {
        match self.repr {
            Repr::Member { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The code at fault, for [`UnknownCode`](DecodeErrorKind::UnknownCode),
    /// [`MissingDetail`](DecodeErrorKind::MissingDetail) and
    /// [`InvalidDetail`](DecodeErrorKind::InvalidDetail): as the body sent it.
    pub fn code(&self) -> Option<&str> {
        match &self.repr {
            Repr::Code(code) | Repr::Detail { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The detail at fault (its key in the details), for
    /// [`MissingDetail`](DecodeErrorKind::MissingDetail) and
    /// [`InvalidDetail`](DecodeErrorKind::InvalidDetail).
    pub fn field(&self) -> Option<&'static str> {
        match self.repr {
            Repr::Detail { field, .. } => Some(field),
            _ => None,
        }
    }

    pub(crate) fn unknown_code(body: &ErrorBody) -> Self {
        DecodeError {
            kind: DecodeErrorKind::UnknownCode,
            format: Some(body.format),
            repr: Repr::Code(body.code().to_owned()),
        }
    }

    /// A missing detail (`reason` empty) or an invalid one.
    pub(crate) fn detail(body: &ErrorBody, field: &'static str, reason: Option<String>) -> Self {
        let kind = if reason.is_some() {
            DecodeErrorKind::InvalidDetail
        } else {
            DecodeErrorKind::MissingDetail
        };
        DecodeError {
            kind,
            format: Some(body.format),
            repr: Repr::Detail {
                code: body.code().to_owned(),
                field,
                reason: reason.unwrap_or_default(),
            },
        }
    }

    fn new(kind: DecodeErrorKind, repr: Repr) -> Self {
        DecodeError {
            kind,
            format: None,
            repr,
        }
    }

    fn missing(format: Format, path: &'static str) -> Self {
        DecodeError {
            kind: DecodeErrorKind::MissingMember,
            format: Some(format),
            repr: Repr::Member { path, expected: "" },
        }
    }

    fn invalid(format: Format, path: &'static str, expected: &'static str) -> Self {
        DecodeError {
            kind: DecodeErrorKind::InvalidMember,
            format: Some(format),
            repr: Repr::Member { path, expected },
        }
    }

    fn json(error: &serde_json::Error) -> Self {
        let kind = if error.is_eof() {
            DecodeErrorKind::Truncated
        } else {
            DecodeErrorKind::Syntax
        };
        DecodeError::new(kind, Repr::Json(error.to_string()))
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.repr, self.kind) {
            (Repr::Size(size), _) => write!(
                f,
                "the error body is {size} bytes, more than the limit of {} bytes",
                ErrorBody::MAX_SIZE
            ),
            (Repr::Json(text), DecodeErrorKind::Truncated) => {
                write!(f, "the error body ends early: {text}")
            }
            (Repr::Json(text), _) => write!(f, "the error body is not valid JSON: {text}"),
            (Repr::NotAnObject(found), _) => {
                write!(f, "the error body is a JSON {found}, not an object")
            }
            (Repr::Member { path, expected }, kind) => {
                let format = self.format.map_or("", Format::name);
                if kind == DecodeErrorKind::MissingMember {
                    write!(f, "invalid {format} error body: `{path}` is missing")
                } else {
                    write!(
                        f,
                        "invalid {format} error body: `{path}` must be {expected}"
                    )
                }
            }
            (Repr::ContentType(found), _) => write!(
                f,
                "the response's content type `{found}` is not JSON; expected \
                 application/json, application/problem+json or another +json type"
            ),
            (Repr::Code(code), _) => write!(
                f,
                "the error code `{code}` is in no entry of the catalog decoded into"
            ),
            (Repr::Detail { code, field, .. }, DecodeErrorKind::MissingDetail) => {
                write!(f, "error `{code}`: the detail `{field}` is missing")
            }
            (
                Repr::Detail {
                    code,
                    field,
                    reason,
                },
                _,
            ) => write!(
                f,
                "error `{code}`: the detail `{field}` is invalid: {reason}"
            ),
            (Repr::Plain, DecodeErrorKind::Empty) => f.write_str("the error body is empty"),
            (Repr::Plain, DecodeErrorKind::TooDeep) => write!(
                f,
                "the error body nests deeper than {} levels",
                ErrorBody::MAX_DEPTH
            ),
            (Repr::Plain, _) => f.write_str(
                "the error body is in none of the formats nested, flat, compact, problem, google",
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The format a `Content-Type` selects: `Some(Problem)`, `None` (detect) or an error.
fn content_type_format(value: &HeaderValue) -> Result<Option<Format>, DecodeError> {
    let text = String::from_utf8_lossy(value.as_bytes());
    let essence = text.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case("application/problem+json") {
        Ok(Some(Format::Problem))
    } else if essence.eq_ignore_ascii_case("application/json")
        || essence
            .get(essence.len().saturating_sub(5)..)
            .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json"))
    {
        Ok(None)
    } else {
        Err(DecodeError::new(
            DecodeErrorKind::ContentType,
            Repr::ContentType(text.into_owned()),
        ))
    }
}

fn decode(body: &[u8], format: Option<Format>) -> Result<ErrorBody, DecodeError> {
    if body.len() > ErrorBody::MAX_SIZE {
        return Err(DecodeError::new(
            DecodeErrorKind::TooLarge,
            Repr::Size(body.len()),
        ));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::new(DecodeErrorKind::Empty, Repr::Plain));
    }
    if nesting_exceeds(body, ErrorBody::MAX_DEPTH) {
        return Err(DecodeError::new(DecodeErrorKind::TooDeep, Repr::Plain));
    }
    if matches!(format, None | Some(Format::Nested | Format::Flat))
        && let Some(decoded) = fast::decode(body, format)
    {
        return Ok(decoded);
    }
    tree(body, format)
}

/// The decoder of every format, through a JSON tree of the whole body (kept out of the
/// fast path's code).
#[inline(never)]
fn tree(body: &[u8], format: Option<Format>) -> Result<ErrorBody, DecodeError> {
    let root = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(root)) => root,
        Ok(other) => {
            return Err(DecodeError::new(
                DecodeErrorKind::UnknownFormat,
                Repr::NotAnObject(json_type(&other)),
            ));
        }
        Err(error) => return Err(DecodeError::json(&error)),
    };
    let format = match format {
        Some(format) => format,
        None => detect(&root)
            .ok_or_else(|| DecodeError::new(DecodeErrorKind::UnknownFormat, Repr::Plain))?,
    };
    match format {
        Format::Nested => nested(&root),
        Format::Flat => flat(root),
        Format::Compact => compact(&root),
        Format::Problem => problem(root),
        Format::Google => google(&root),
    }
}

/// Whether arrays and objects nest deeper than `limit`, by a scan that skips strings
/// (with `memchr`, as most of a body's bytes are in strings). Malformed JSON is left
/// for the parser to report.
///
/// A body with no more than `limit` opening brackets in all (strings included) cannot
/// nest deeper, which a count of them, much faster than the scan, tells first (`[` is
/// `{` but for the bit 0x20, which no other byte differs from them by).
fn nesting_exceeds(body: &[u8], limit: usize) -> bool {
    // By chunks short enough for a byte to count them, which the compiler vectorizes.
    let opening: usize = body
        .chunks(255)
        .map(|chunk| {
            let count = chunk
                .iter()
                .fold(0u8, |count, &byte| count + u8::from(byte | 0x20 == b'{'));
            usize::from(count)
        })
        .sum();
    if opening <= limit {
        return false;
    }
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = body.get(at) {
        at += 1;
        match byte {
            b'"' => {
                // To the closing quote: past each escaped character.
                loop {
                    match memchr::memchr2(b'"', b'\\', &body[at.min(body.len())..]) {
                        Some(offset) if body[at + offset] == b'\\' => at += offset + 2,
                        Some(offset) => {
                            at += offset + 1;
                            break;
                        }
                        None => return false,
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The rule documented on [`ErrorBody`].
fn detect(root: &Map<String, Value>) -> Option<Format> {
    if problem::OWN.iter().any(|member| root.contains_key(*member)) {
        return Some(Format::Problem);
    }
    match root.get(ERROR) {
        Some(Value::String(_)) => Some(Format::Compact),
        Some(Value::Object(error)) => match error.get(CODE) {
            Some(Value::Number(_)) => Some(Format::Google),
            Some(Value::String(_)) => Some(Format::Nested),
            _ => None,
        },
        Some(_) => None,
        None => root
            .get(CODE)
            .is_some_and(Value::is_string)
            .then_some(Format::Flat),
    }
}

/// Reads the members of one JSON object, reporting errors with their path.
struct Members<'a> {
    format: Format,
    map: &'a Map<String, Value>,
}

impl<'a> Members<'a> {
    /// A present, non-null member.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    fn code(&self, key: &str, path: &'static str) -> Result<String, DecodeError> {
        match self.string(key, path)? {
            Some(code) if !code.is_empty() => Ok(code),
            Some(_) => Err(DecodeError::invalid(
                self.format,
                path,
                "a non-empty string",
            )),
            None => Err(DecodeError::missing(self.format, path)),
        }
    }

    fn required_string(&self, key: &str, path: &'static str) -> Result<String, DecodeError> {
        self.string(key, path)?
            .ok_or_else(|| DecodeError::missing(self.format, path))
    }

    fn string(&self, key: &str, path: &'static str) -> Result<Option<String>, DecodeError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(DecodeError::invalid(self.format, path, "a string")),
        }
    }

    fn object(
        &self,
        key: &str,
        path: &'static str,
    ) -> Result<Option<&'a Map<String, Value>>, DecodeError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(map)),
            Some(_) => Err(DecodeError::invalid(self.format, path, "an object")),
        }
    }

    fn status(&self, key: &str, path: &'static str) -> Result<Option<StatusCode>, DecodeError> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => status_code(value)
                .map(Some)
                .ok_or_else(|| DecodeError::invalid(self.format, path, "an HTTP status (100-999)")),
        }
    }

    fn nested(&self, map: &'a Map<String, Value>) -> Members<'a> {
        Members {
            format: self.format,
            map,
        }
    }
}

fn status_code(value: &Value) -> Option<StatusCode> {
    let number = u16::try_from(value.as_u64()?).ok()?;
    StatusCode::from_u16(number).ok()
}

/// `details.retry_after` when it is a whole number of seconds (the name of the detail a
/// `#[error(retry_after)]` field is usually given).
fn retry_hint(details: &Map<String, Value>) -> Option<Duration> {
    details
        .get("retry_after")
        .and_then(Value::as_u64)
        .map(Duration::from_secs)
}

/// The `Retry-After` header (RFC 9110 section 10.2.3): delta-seconds, or an HTTP date
/// taken relative to the `Date` header, else to the clock. A date already past is no
/// wait; a value in neither form, or a `Date` that is no HTTP date, is ignored.
fn retry_after_header(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().map(Duration::from_secs);
    }
    let at = httpdate::parse_http_date(text).ok()?;
    let now = match headers.get(DATE) {
        Some(date) => httpdate::parse_http_date(date.to_str().ok()?.trim()).ok()?,
        None => SystemTime::now(),
    };
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The paths of the members in decoding errors, such as `error.code`.
mod path {
    use crate::wire::members::join;
    use crate::wire::members::{CODE, DETAILS, ERROR, MESSAGE, META, REQUEST_ID, STATUS, google};

    pub(super) const ERROR_CODE: &str = join!(ERROR, ".", CODE);
    pub(super) const ERROR_MESSAGE: &str = join!(ERROR, ".", MESSAGE);
    pub(super) const ERROR_DETAILS: &str = join!(ERROR, ".", DETAILS);
    pub(super) const ERROR_STATUS: &str = join!(ERROR, ".", STATUS);
    pub(super) const META_REQUEST_ID: &str = join!(META, ".", REQUEST_ID);
    /// An entry of Google's `error.details`.
    pub(super) const GOOGLE_DETAIL: &str = join!(ERROR_DETAILS, "[]");
    pub(super) const ERROR_INFO: &str = join!(ERROR_DETAILS, "[ErrorInfo]");
    pub(super) const ERROR_INFO_REASON: &str = join!(ERROR_INFO, ".", google::REASON);
    pub(super) const ERROR_INFO_METADATA: &str = join!(ERROR_INFO, ".", google::METADATA);
    pub(super) const RETRY_DELAY: &str = join!(ERROR_DETAILS, "[RetryInfo].", google::RETRY_DELAY);
    pub(super) const REQUEST_INFO_ID: &str =
        join!(ERROR_DETAILS, "[RequestInfo].", google::REQUEST_ID);
}

fn nested(root: &Map<String, Value>) -> Result<ErrorBody, DecodeError> {
    let format = Format::Nested;
    let top = Members { format, map: root };
    let error = top
        .object(ERROR, ERROR)?
        .ok_or_else(|| DecodeError::missing(format, ERROR))?;
    let error = top.nested(error);
    let details = error
        .object(DETAILS, path::ERROR_DETAILS)?
        .cloned()
        .unwrap_or_default();
    let request_id = match top.object(META, META)? {
        Some(meta) => top.nested(meta).string(REQUEST_ID, path::META_REQUEST_ID)?,
        None => None,
    };
    Ok(ErrorBody::from(Parts {
        format,
        code: error.code(CODE, path::ERROR_CODE)?,
        message: error.required_string(MESSAGE, path::ERROR_MESSAGE)?,
        status: None,
        retry_after: retry_hint(&details),
        details: Some(details),
        request_id,
        rich: None,
    }))
}

fn flat(mut root: Map<String, Value>) -> Result<ErrorBody, DecodeError> {
    let format = Format::Flat;
    let top = Members { format, map: &root };
    let code = top.code(CODE, CODE)?;
    let message = top.required_string(MESSAGE, MESSAGE)?;
    let request_id = top.string(REQUEST_ID, REQUEST_ID)?;
    top.object(DETAILS, DETAILS)?;
    let details = match root.remove(DETAILS) {
        Some(Value::Object(details)) => details,
        _ => Map::new(),
    };
    Ok(ErrorBody::from(Parts {
        format,
        code,
        message,
        status: None,
        retry_after: retry_hint(&details),
        details: Some(details),
        request_id,
        rich: None,
    }))
}

fn compact(root: &Map<String, Value>) -> Result<ErrorBody, DecodeError> {
    let format = Format::Compact;
    let top = Members { format, map: root };
    Ok(ErrorBody::from(Parts {
        format,
        code: top.code(ERROR, ERROR)?,
        message: top.required_string(MESSAGE, MESSAGE)?,
        status: top.status(STATUS, STATUS)?,
        details: None,
        request_id: top.string(REQUEST_ID, REQUEST_ID)?,
        retry_after: None,
        rich: None,
    }))
}

fn problem(root: Map<String, Value>) -> Result<ErrorBody, DecodeError> {
    let format = Format::Problem;
    let top = Members { format, map: &root };
    let code = top.code(CODE, CODE)?;
    let request_id = top.string(REQUEST_ID, REQUEST_ID)?;
    // RFC 9457 section 3.1: a standard member of the wrong type is ignored.
    let text = |key: &str| match top.get(key) {
        Some(Value::String(text)) => Some(text.clone()),
        _ => None,
    };
    let message = text(problem::DETAIL)
        .or_else(|| text(problem::TITLE))
        .ok_or_else(|| DecodeError::missing(format, problem::DETAIL))?;
    let status = top.get(STATUS).and_then(status_code);
    let details: Map<String, Value> = root
        .into_iter()
        .filter(|(key, _)| !problem::MEMBERS.contains(&key.as_str()))
        .collect();
    Ok(ErrorBody::from(Parts {
        format,
        code,
        message,
        status,
        retry_after: retry_hint(&details),
        details: Some(details),
        request_id,
        rich: None,
    }))
}

fn google(root: &Map<String, Value>) -> Result<ErrorBody, DecodeError> {
    let format = Format::Google;
    let top = Members { format, map: root };
    let error = top
        .object(ERROR, ERROR)?
        .ok_or_else(|| DecodeError::missing(format, ERROR))?;
    let error = top.nested(error);
    let status = error
        .status(CODE, path::ERROR_CODE)?
        .ok_or_else(|| DecodeError::missing(format, path::ERROR_CODE))?;
    let message = error.required_string(MESSAGE, path::ERROR_MESSAGE)?;
    error.string(STATUS, path::ERROR_STATUS)?;
    let entries: &[Value] = match error.get(DETAILS) {
        None => &[],
        Some(Value::Array(entries)) => entries,
        Some(_) => {
            return Err(DecodeError::invalid(
                format,
                path::ERROR_DETAILS,
                "an array",
            ));
        }
    };
    let mut code = None;
    let mut details = Map::new();
    let mut request_id = None;
    let mut retry_after = None;
    let mut rich = None;
    for entry in entries {
        let Value::Object(entry) = entry else {
            return Err(DecodeError::invalid(
                format,
                path::GOOGLE_DETAIL,
                "an object",
            ));
        };
        let entry = top.nested(entry);
        match entry.get(google::TYPE).and_then(Value::as_str) {
            Some(google::ERROR_INFO) if code.is_none() => {
                code = Some(entry.code(google::REASON, path::ERROR_INFO_REASON)?);
                let metadata = entry.object(google::METADATA, path::ERROR_INFO_METADATA)?;
                for (key, value) in metadata.into_iter().flatten() {
                    if !value.is_string() {
                        return Err(DecodeError::invalid(
                            format,
                            path::ERROR_INFO_METADATA,
                            "an object of strings",
                        ));
                    }
                    details.insert(key.clone(), value.clone());
                }
            }
            Some(google::RETRY_INFO) if retry_after.is_none() => {
                let delay = entry
                    .string(google::RETRY_DELAY, path::RETRY_DELAY)?
                    .ok_or_else(|| DecodeError::missing(format, path::RETRY_DELAY))?;
                retry_after = Some(protobuf_duration(&delay).ok_or_else(|| {
                    DecodeError::invalid(format, path::RETRY_DELAY, "a duration such as \"45s\"")
                })?);
            }
            Some(google::REQUEST_INFO) if request_id.is_none() => {
                request_id = entry.string(google::REQUEST_ID, path::REQUEST_INFO_ID)?;
            }
            Some(other) => rich::read(other, entry.map, &mut rich)?,
            None => {}
        }
    }
    Ok(ErrorBody::from(Parts {
        format,
        code: code.ok_or_else(|| DecodeError::missing(format, path::ERROR_INFO))?,
        message,
        status: Some(status),
        details: Some(details),
        request_id,
        retry_after,
        rich,
    }))
}

/// A protobuf JSON `Duration` such as `45s` or `1.5s` (at most nine fractional digits).
fn protobuf_duration(text: &str) -> Option<Duration> {
    let number = text.strip_suffix('s')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit())
        || (number.contains('.') && fraction.is_empty())
        || fraction.len() > 9
    {
        return None;
    }
    let seconds: u64 = whole.parse().ok()?;
    let nanos = if fraction.is_empty() {
        0
    } else {
        let digits: u32 = fraction.parse().ok()?;
        digits * 10u32.pow(9 - u32::try_from(fraction.len()).ok()?)
    };
    Some(Duration::new(seconds, nanos))
}

#[cfg(test)]
mod tests {
    use core::time::Duration;

    use super::{nesting_exceeds, protobuf_duration};

    #[test]
    fn durations() {
        assert_eq!(protobuf_duration("45s"), Some(Duration::from_secs(45)));
        assert_eq!(protobuf_duration("0s"), Some(Duration::ZERO));
        assert_eq!(protobuf_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(protobuf_duration("2.000s"), Some(Duration::from_secs(2)));
        assert_eq!(
            protobuf_duration("0.000000001s"),
            Some(Duration::from_nanos(1))
        );
        for bad in [
            "1.0000000001s",
            "",
            "s",
            "45",
            "-1s",
            "1.s",
            ".5s",
            "4 5s",
            "1e3s",
            "99999999999999999999s",
        ] {
            assert_eq!(protobuf_duration(bad), None, "{bad}");
        }
    }

    /// The scan byte by byte, as the one with `memchr` must answer.
    fn nesting_exceeds_bytewise(body: &[u8], limit: usize) -> bool {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for &byte in body {
            if in_string {
                if escaped {
                    escaped = false;
                } else if byte == b'\\' {
                    escaped = true;
                } else if byte == b'"' {
                    in_string = false;
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn the_nesting_scan_is_the_bytewise_one(body in proptest::collection::vec(
            proptest::sample::select(b"{}[]\"\\a".to_vec()), 0..40), limit in 0usize..6) {
            proptest::prop_assert_eq!(nesting_exceeds(&body, limit), nesting_exceeds_bytewise(&body, limit));
        }
    }

    #[test]
    fn nesting_scan_skips_strings() {
        assert!(!nesting_exceeds(br#"{"a":"[[[[\"[[["}"#, 2));
        assert!(nesting_exceeds(br#"{"a":[[1]]}"#, 2));
        assert!(!nesting_exceeds(br#"{"a":[1],"b":[2]}"#, 2));
    }
}
