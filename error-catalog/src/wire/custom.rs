//! User-defined wire formats: the [`CustomFormat`] trait and the [`CustomEnvelope`] it
//! renders through.

use std::io;

use http::{HeaderMap, HeaderValue, StatusCode};
use serde::{Serialize, Serializer};

use crate::model::format::Format;
use crate::wire::envelope::{Envelope, write_json_or_fallback};

/// A wire format of your own, for an API whose error body is none of the built-in
/// [`Format`]s.
///
/// The format writes the body through serde from the [`Envelope`] (the error, the
/// request id, the `instance`) and may add headers; the builder supplies the rest:
/// [`Envelope::custom`] gives a [`CustomEnvelope`], with the same `to_json`,
/// `write_json` and `headers` as the built-in formats, and the same guarantee that
/// sources and `#[error(skip)]` fields are out of reach (a format sees only the public
/// message, the catalog entry and the details). `Content-Type` is
/// [`content_type`](CustomFormat::content_type), and `Retry-After` is sent as for the
/// built-in formats.
///
/// A full Stripe-style format, with `Request-Id` and `Stripe-Should-Retry` headers, is in
/// `examples/custom_format.rs`. In short:
///
/// ```
/// use error_catalog::{ApiError, CustomFormat, Details, Envelope};
/// use serde::ser::{SerializeMap, Serializer};
///
/// /// `{"status": 404, "error": {"code", "text", "details"}}`.
/// struct Legacy;
///
/// impl CustomFormat for Legacy {
///     fn serialize_body<S: Serializer>(&self, envelope: &Envelope<'_>, serializer: S) -> Result<S::Ok, S::Error> {
///         let error = envelope.error();
///         let mut map = serializer.serialize_map(Some(2))?;
///         map.serialize_entry("status", &error.status().as_u16())?;
///         map.serialize_entry("error", &serde_json::json!({
///             "code": error.code(),
///             "text": error.message().to_string(),
///             "details": Details::new(error),
///         }))?;
///         map.end()
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "not_found", status = 404, message = "Project {id} not found")]
/// pub struct NotFound { id: String }
///
/// let err = NotFound { id: "proj_1".into() };
/// let envelope = err.envelope().custom(Legacy);
/// assert_eq!(
///     envelope.to_json(),
///     r#"{"status":404,"error":{"code":"not_found","details":{"id":"proj_1"},"text":"Project proj_1 not found"}}"#,
/// );
/// assert_eq!(envelope.headers()["content-type"], "application/json");
/// ```
pub trait CustomFormat {
    /// The `Content-Type` of the body; `application/json` unless overridden. A value
    /// that is not a valid header value is sent as `application/json`.
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    /// Writes the body for `envelope`.
    ///
    /// # Errors
    ///
    /// Those of `serializer`, and of details whose `Serialize` impl fails (the JSON
    /// shortcuts of [`CustomEnvelope`] then write the body again without them).
    fn serialize_body<S: Serializer>(
        &self,
        envelope: &Envelope<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;

    /// Adds headers of the format's own to `headers`, which already holds
    /// `Content-Type` and, when the error has a retry hint, `Retry-After`.
    fn headers(&self, envelope: &Envelope<'_>, headers: &mut HeaderMap) {
        let _ = (envelope, headers);
    }
}

/// The built-in formats are custom formats too, so code generic over
/// [`CustomFormat`] takes them.
///
/// ```
/// use error_catalog::{ApiError, Format};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "gone", status = 410, message = "Gone")]
/// pub struct Gone;
///
/// assert_eq!(Gone.envelope().custom(Format::Compact).to_json(), Gone.envelope().format(Format::Compact).to_json());
/// ```
impl CustomFormat for Format {
    fn content_type(&self) -> &'static str {
        Format::content_type(*self)
    }

    fn serialize_body<S: Serializer>(
        &self,
        envelope: &Envelope<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        envelope
            .with_error(envelope.error())
            .format(*self)
            .serialize(serializer)
    }
}

impl<F: CustomFormat + ?Sized> CustomFormat for &F {
    fn content_type(&self) -> &'static str {
        (**self).content_type()
    }

    fn serialize_body<S: Serializer>(
        &self,
        envelope: &Envelope<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        (**self).serialize_body(envelope, serializer)
    }

    fn headers(&self, envelope: &Envelope<'_>, headers: &mut HeaderMap) {
        (**self).headers(envelope, headers);
    }
}

impl<'a> Envelope<'a> {
    /// Renders in a [`CustomFormat`] instead of a built-in one; the request id and
    /// `instance` given so far are kept.
    pub fn custom<F: CustomFormat>(self, format: F) -> CustomEnvelope<'a, F> {
        CustomEnvelope {
            envelope: self,
            format,
        }
    }
}

/// The error body in a [`CustomFormat`], with its headers. Made by
/// [`Envelope::custom`].
///
/// ```
/// use error_catalog::{ApiError, CustomFormat, Envelope};
/// use serde::Serializer;
///
/// /// The bare code as a JSON string, with an `X-Error-Code` header.
/// struct CodeOnly;
///
/// impl CustomFormat for CodeOnly {
///     fn serialize_body<S: Serializer>(&self, envelope: &Envelope<'_>, serializer: S) -> Result<S::Ok, S::Error> {
///         serializer.serialize_str(envelope.error().code())
///     }
///     fn headers(&self, envelope: &Envelope<'_>, headers: &mut http::HeaderMap) {
///         headers.insert("x-error-code", http::HeaderValue::from_static(envelope.error().code()));
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "busy", status = 503, message = "Busy", retry_after = 5)]
/// pub struct Busy;
///
/// let envelope = Busy.envelope().custom(CodeOnly);
/// assert_eq!(envelope.to_json(), r#""busy""#);
/// assert_eq!(envelope.status(), 503);
/// let headers = envelope.headers();
/// assert_eq!(headers["retry-after"], "5");
/// assert_eq!(headers["x-error-code"], "busy");
/// ```
#[derive(Clone)]
pub struct CustomEnvelope<'a, F> {
    envelope: Envelope<'a>,
    format: F,
}

impl<'a, F: CustomFormat> CustomEnvelope<'a, F> {
    /// The envelope the format renders: the error, request id and `instance`.
    pub fn envelope(&self) -> &Envelope<'a> {
        &self.envelope
    }

    /// The format.
    pub fn custom_format(&self) -> &F {
        &self.format
    }

    /// The HTTP status to send.
    pub fn status(&self) -> StatusCode {
        self.envelope.status()
    }

    /// The `Content-Type` of the body.
    pub fn content_type(&self) -> &'static str {
        self.format.content_type()
    }

    /// `Content-Type`, `Retry-After` when the error has a retry hint, and the format's
    /// own headers.
    pub fn headers(&self) -> HeaderMap {
        let content_type = HeaderValue::from_str(self.format.content_type())
            .unwrap_or(HeaderValue::from_static("application/json"));
        let mut headers = self.envelope.headers_with(content_type);
        self.format.headers(&self.envelope, &mut headers);
        headers
    }

    /// The body as a JSON string.
    pub fn to_json(&self) -> String {
        // serde_json writes valid UTF-8 only.
        String::from_utf8(self.to_vec()).unwrap_or_default()
    }

    /// The body as JSON bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut buffer = Vec::with_capacity(256);
        self.write_json(&mut buffer);
        buffer
    }

    /// Appends the JSON body to `buffer`. A detail whose `Serialize` impl fails is left
    /// out, as in [`Envelope::write_json`].
    pub fn write_json(&self, buffer: &mut Vec<u8>) {
        write_json_or_fallback(buffer, self.envelope.error(), |error, buffer| {
            let envelope = self.envelope.with_error(error);
            serde_json::to_writer(buffer, &envelope.custom(&self.format))
        });
    }

    /// Writes the JSON body to `writer`.
    ///
    /// # Errors
    ///
    /// The writer's I/O errors.
    pub fn write_to<W: io::Write>(&self, mut writer: W) -> io::Result<()> {
        writer.write_all(&self.to_vec())
    }
}

impl<F: CustomFormat> Serialize for CustomEnvelope<'_, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.format.serialize_body(&self.envelope, serializer)
    }
}
