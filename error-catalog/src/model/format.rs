//! The built-in wire formats.

use core::fmt;
use core::str::FromStr;

/// A JSON error envelope shape. One declaration renders in all of them.
///
/// Shown for an error `token_expired` (401) with a detail `expired_at` and request id
/// `req_abc123`:
///
/// | format | body |
/// |---|---|
/// | [`Nested`](Format::Nested) | `{"error":{"code":"token_expired","message":"..","details":{"expired_at":".."}},"meta":{"request_id":"req_abc123"}}` |
/// | [`Flat`](Format::Flat) | `{"code":"token_expired","message":"..","details":{"expired_at":".."},"request_id":"req_abc123"}` |
/// | [`Compact`](Format::Compact) | `{"error":"token_expired","message":"..","status":401,"request_id":"req_abc123"}` |
/// | [`Problem`](Format::Problem) | RFC 9457: `{"type":"..","title":"Token expired","status":401,"detail":"..","code":"token_expired","expired_at":"..","request_id":"req_abc123"}` |
/// | [`Google`](Format::Google) | AIP-193: `{"error":{"code":401,"message":"..","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TOKEN_EXPIRED",..}]}}` |
///
/// A type picks its default with `#[api_error(format = "nested")]`; without it the
/// default is [`Format::Problem`], the IETF standard.
///
/// Where each part of an error goes:
///
/// - **Details** (the variant's named fields): under `details` in `Nested` and `Flat`; as
///   extension members in `Problem` (a detail named like a standard member is not
///   written); as the string `metadata` of the `ErrorInfo` in `Google`; nowhere in
///   `Compact`. `details` is written exactly when the variant declares detail fields, so
///   each code has one body shape.
/// - **Request id** ([`Envelope::request_id`](crate::Envelope::request_id)):
///   `meta.request_id` in `Nested`, `request_id` in `Flat`, `Compact` and `Problem`, a
///   `RequestInfo` detail in `Google`; nothing without one.
/// - **Docs URL** (`#[api_error(docs = "..")]`): the `Problem` `type`, which is
///   `about:blank` without docs. **Domain** (`#[api_error(domain = "..")]`): the `Google`
///   `ErrorInfo.domain`.
/// - **Retry hint**: a `Retry-After` header in every format, and a `RetryInfo` detail in
///   `Google`.
///
/// ```
/// use error_catalog::Format;
///
/// assert_eq!("nested".parse::<Format>(), Ok(Format::Nested));
/// assert_eq!(Format::Problem.content_type(), "application/problem+json");
/// assert_eq!(Format::Flat.content_type(), "application/json");
/// assert_eq!(Format::default(), Format::Problem);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// `{"error":{"code","message","details"},"meta":{"request_id"}}`.
    Nested,
    /// `{"code","message","details","request_id"}`.
    Flat,
    /// `{"error":<code>,"message","status","request_id"}`.
    Compact,
    /// RFC 9457 problem details, served as `application/problem+json`.
    #[default]
    Problem,
    /// Google AIP-193 JSON errors with a `google.rpc.ErrorInfo` detail.
    Google,
}

impl Format {
    /// Every built-in format, in a fixed order.
    pub const ALL: [Format; 5] = [
        Format::Nested,
        Format::Flat,
        Format::Compact,
        Format::Problem,
        Format::Google,
    ];

    /// The name used in `#[api_error(format = "..")]`: `nested`, `flat`, `compact`,
    /// `problem` or `google`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Nested => "nested",
            Format::Flat => "flat",
            Format::Compact => "compact",
            Format::Problem => "problem",
            Format::Google => "google",
        }
    }

    /// The `Content-Type` of a body in this format.
    pub const fn content_type(self) -> &'static str {
        match self {
            Format::Problem => "application/problem+json",
            _ => "application/json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an unknown format name.
///
/// ```
/// use error_catalog::Format;
/// let err = "xml".parse::<Format>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown error format `xml`; expected one of: nested, flat, compact, problem, google",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error format `{}`; expected one of: ", self.0)?;
        for (i, format) in Format::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(format.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}
