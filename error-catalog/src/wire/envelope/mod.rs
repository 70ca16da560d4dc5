//! The JSON error envelope: one builder, every wire format.

use std::borrow::Cow;
use std::io;

use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::model::api_error::{ApiError, DetailValue, Message};
use crate::model::format::Format;
use crate::model::locale::Chosen;
use crate::wire::details::{Details, InFormat, SerializableOnly};
use crate::wire::grpc;
use crate::wire::members::{
    CODE, DETAILS, ERROR, MESSAGE, META, REQUEST_ID, STATUS, google, problem,
};

mod write;

pub(crate) use write::plain;

/// The error body to send for one error, in one [`Format`], with its headers.
///
/// Made by [`ApiError::envelope`]. It is [`Serialize`] (serde writes it straight into
/// the output, with no intermediate `serde_json::Value`), and has shortcuts for JSON.
///
/// ```
/// use error_catalog::{ApiError, Format};
///
/// /// Authentication errors.
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "nested")]
/// pub enum AuthError {
///     /// The access token has expired.
///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
///     TokenExpired { expired_at: String },
/// }
///
/// let err = AuthError::TokenExpired { expired_at: "2026-01-09T10:00:00Z".into() };
/// assert_eq!(
///     err.envelope().request_id("req_abc123").to_json(),
///     r#"{"error":{"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"}},"meta":{"request_id":"req_abc123"}}"#,
/// );
/// assert_eq!(
///     err.envelope().format(Format::Flat).to_json(),
///     r#"{"code":"token_expired","message":"The access token has expired","details":{"expired_at":"2026-01-09T10:00:00Z"}}"#,
/// );
/// assert_eq!(err.envelope().format(Format::Problem).content_type(), "application/problem+json");
/// ```
#[derive(Clone)]
pub struct Envelope<'a> {
    error: &'a dyn ApiError,
    format: Format,
    request_id: Option<Cow<'a, str>>,
    instance: Option<Cow<'a, str>>,
    docs_base: Option<Cow<'a, str>>,
    /// The translation the texts are written in; `None` for the default locale.
    chosen: Option<Chosen>,
    /// A locale was asked for (`locale` or `negotiate`): the headers say which one the
    /// texts are in.
    localized: bool,
    /// The error's public message in the default locale, already rendered by
    /// `message_text` (the integrations render it once for the body and their
    /// `RenderedError`); only set when no translation is chosen.
    message: Option<&'a str>,
}

impl<'a> Envelope<'a> {
    /// An envelope for `error` in its type's default format.
    #[inline]
    pub fn new(error: &'a dyn ApiError) -> Self {
        Envelope {
            error,
            format: error.spec().category().format(),
            request_id: None,
            instance: None,
            docs_base: None,
            chosen: None,
            localized: false,
            message: None,
        }
    }

    /// Renders in `format` instead of the type's default.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Adds the request id (`meta.request_id`, `request_id`, or a `RequestInfo` detail,
    /// by format).
    #[must_use]
    pub fn request_id(mut self, request_id: impl Into<Cow<'a, str>>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets RFC 9457's `instance` (a URI reference for this occurrence); only the
    /// [`Format::Problem`] body has it.
    #[must_use]
    pub fn instance(mut self, instance: impl Into<Cow<'a, str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The docs base of an error whose type has none (`docs = ".."`): the
    /// [`Problem`](Format::Problem) body's `type` is then `{base}/{code}` instead of
    /// `about:blank`. An error whose type has a docs base keeps its own.
    ///
    /// ```
    /// use error_catalog::{ApiError, Format};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "project_not_found", status = 404, message = "Project not found")]
    /// pub struct ProjectNotFound;
    ///
    /// let body = ProjectNotFound.envelope().format(Format::Problem).docs_base("https://docs.example.com/errors/").to_json();
    /// assert!(body.starts_with(r#"{"type":"https://docs.example.com/errors/project_not_found","#));
    /// ```
    #[must_use]
    pub fn docs_base(mut self, base: impl Into<Cow<'a, str>>) -> Self {
        self.docs_base = Some(base.into());
        self
    }

    /// The Problem body's `type`: the spec's docs URL, else the docs base and the code,
    /// else `about:blank`.
    pub(crate) fn type_uri(&self) -> Cow<'_, str> {
        let spec = self.error.spec();
        match (spec.docs_url(), &self.docs_base) {
            (Some(url), _) => Cow::Borrowed(url),
            (None, Some(base)) => {
                Cow::Owned(format!("{}/{}", base.trim_end_matches('/'), spec.code()))
            }
            (None, None) => Cow::Borrowed("about:blank"),
        }
    }

    /// Writes the message and title in the locale `tag`, one of the locales of the
    /// error's type (see [`Message::locale`]); any other tag keeps the default locale.
    /// The headers then have `Content-Language` (when the type has locales). In the [`Google`](Format::Google)
    /// format, `message` stays the developer-facing default text and a
    /// `google.rpc.LocalizedMessage` detail carries the translation, as AIP-193 says.
    ///
    /// ```
    /// use error_catalog::{ApiError, Format};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(locales = "tests/locales/basic", format = "problem")]
    /// pub enum ProjectError {
    ///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    ///     NotFound { id: String },
    /// }
    ///
    /// let err = ProjectError::NotFound { id: "proj_1".into() };
    /// let envelope = err.envelope().locale("fr");
    /// assert_eq!(
    ///     envelope.to_json(),
    ///     r#"{"type":"about:blank","title":"Projet introuvable","status":404,"detail":"Projet proj_1 introuvable","code":"not_found","id":"proj_1"}"#,
    /// );
    /// assert_eq!(envelope.headers()["content-language"], "fr");
    /// let google = envelope.format(Format::Google).to_json();
    /// assert!(google.contains(r#""message":"Project proj_1 not found""#));
    /// assert!(google.contains(r#"{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"fr","message":"Projet proj_1 introuvable"}"#));
    /// ```
    #[must_use]
    #[inline]
    pub fn locale(mut self, tag: &str) -> Self {
        let spec = self.error.spec();
        let locale = spec
            .category()
            .locales()
            .and_then(|locales| locales.get(tag));
        self.chosen = Chosen::of(spec, locale);
        self.localized = true;
        self
    }

    /// Writes the texts in the locale that best matches an `Accept-Language` list, as
    /// [`Message::negotiate`] chooses it; see [`locale`](Envelope::locale).
    #[cfg(feature = "i18n")]
    #[must_use]
    #[inline]
    pub fn negotiate(self, accept_language: &str) -> Self {
        let spec = self.error.spec();
        let locale = spec
            .category()
            .locales()
            .and_then(|locales| crate::model::fluent::negotiate(locales, accept_language));
        // A new envelope from the fields rather than an assignment to `self`: inlined,
        // the compiler then leaves out the copy of the whole envelope.
        Envelope {
            chosen: Chosen::of(spec, locale),
            localized: true,
            ..self
        }
    }

    /// The public message, in the envelope's locale.
    #[inline]
    pub fn message(&self) -> Message<'a> {
        self.error.message().with(self.chosen)
    }

    /// The language tag the texts are written in (what `Content-Language` says): the
    /// chosen locale when it has the code's text, else the default locale; `None` for
    /// a type without `locales`.
    #[inline]
    pub fn content_language(&self) -> Option<&'static str> {
        // What `self.message().language()` says, without building the message.
        match self.chosen {
            Some(chosen) => Some(chosen.locale.tag()),
            None => Some(self.error.spec().category().locales()?.default_locale()),
        }
    }

    /// The translation the message is written in, if it is (not the default locale).
    pub(crate) fn translated(&self) -> Option<Chosen> {
        self.chosen
    }

    /// The title, translated when the message is and the locale has a `.title`.
    pub fn title(&self) -> &'static str {
        let spec = self.error.spec();
        self.chosen
            .and_then(|chosen| chosen.translation.title())
            .unwrap_or(spec.title())
    }

    /// The error the envelope is for.
    pub fn error(&self) -> &'a dyn ApiError {
        self.error
    }

    /// The format the body is rendered in.
    pub fn wire_format(&self) -> Format {
        self.format
    }

    /// The request id, if one was given.
    pub fn get_request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The RFC 9457 `instance`, if one was given.
    pub fn get_instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The same envelope for `error`: this envelope's error or a view of it with the same
    /// message (the fallback body's serializable view).
    pub(crate) fn with_error<'b>(&'b self, error: &'b dyn ApiError) -> Envelope<'b> {
        Envelope {
            error,
            format: self.format,
            request_id: self.request_id.as_deref().map(Cow::Borrowed),
            instance: self.instance.as_deref().map(Cow::Borrowed),
            docs_base: self.docs_base.as_deref().map(Cow::Borrowed),
            chosen: self.chosen,
            localized: self.localized,
            message: self.message,
        }
    }

    /// The same envelope, with `message` (what `message_text` returns for the
    /// error) written instead of rendering the message again; an envelope in a
    /// translated locale renders its own.
    #[cfg_attr(
        not(any(feature = "axum", feature = "actix-web", feature = "tonic")),
        allow(dead_code)
    )]
    pub(crate) fn with_message<'b>(&'b self, message: &'b str) -> Envelope<'b> {
        Envelope {
            message: self.chosen.is_none().then_some(message),
            ..self.with_error(self.error)
        }
    }

    /// The public message in the default locale as a string, rendered unless the
    /// envelope holds it already.
    #[cfg(feature = "tonic")]
    pub(crate) fn message_string(&self) -> String {
        match self.message {
            Some(text) => text.to_owned(),
            None => self.error.message().to_string(),
        }
    }

    /// The public message in the envelope's locale, as the body holds it.
    fn message_value(&self) -> MessageValue<'a> {
        match self.message {
            Some(text) => MessageValue::Text(text),
            None => MessageValue::Of(self.message()),
        }
    }

    /// The public message in the default locale (Google's `message`, which stays the
    /// developer-facing text).
    fn default_message_value(&self) -> MessageValue<'a> {
        match self.message {
            Some(text) => MessageValue::Text(text),
            None => MessageValue::Of(self.error.message()),
        }
    }

    /// The HTTP status to send.
    pub fn status(&self) -> StatusCode {
        self.error.status()
    }

    /// The `Content-Type` of the body.
    pub fn content_type(&self) -> &'static str {
        self.format.content_type()
    }

    /// The headers to send with the body: `Content-Type`, `Retry-After` (in seconds)
    /// when the error carries a retry hint, and the variant's `#[error(header = "..")]`
    /// fields.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
    /// pub struct RateLimited { #[error(retry_after)] retry_after: u64 }
    ///
    /// let headers = RateLimited { retry_after: 45 }.envelope().headers();
    /// assert_eq!(headers["retry-after"], "45");
    /// assert_eq!(headers["content-type"], "application/problem+json");
    /// ```
    pub fn headers(&self) -> HeaderMap {
        self.headers_with(HeaderValue::from_static(self.format.content_type()))
    }

    /// `Content-Type: content_type`, and `Retry-After` when the error has a retry hint.
    pub(crate) fn headers_with(&self, content_type: HeaderValue) -> HeaderMap {
        let mut headers = HeaderMap::with_capacity(2);
        headers.insert(CONTENT_TYPE, content_type);
        if let Some(seconds) = self.error.retry_after() {
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        self.error.add_headers(&mut headers);
        let language = self.content_language().filter(|_| self.localized);
        if let Some(language) = language.and_then(|tag| HeaderValue::from_str(tag).ok()) {
            headers.insert(CONTENT_LANGUAGE, language);
        }
        headers
    }

    /// The body as a JSON string.
    pub fn to_json(&self) -> String {
        let mut buffer = Vec::with_capacity(256);
        self.write_json(&mut buffer);
        // serde_json writes valid UTF-8 only.
        String::from_utf8(buffer).unwrap_or_default()
    }

    /// The body as JSON bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut buffer = Vec::with_capacity(256);
        self.write_json(&mut buffer);
        buffer
    }

    /// Appends the JSON body to `buffer`; reuse the buffer to avoid allocating.
    ///
    /// A detail whose `Serialize` impl fails (say, a map with non-string keys) is left
    /// out of the body; the rest is written as usual, never half a body.
    ///
    /// The bytes are exactly those of serializing the envelope with `serde_json`, but
    /// written faster: keys, codes and literal messages known at compile time are copied,
    /// not escaped or formatted again. For [`Format::Nested`], [`Format::Flat`],
    /// [`Format::Compact`] and [`Format::Problem`] nothing is allocated when `buffer` has
    /// room (unless a detail's own `Serialize` allocates).
    ///
    /// ```
    /// use error_catalog::{ApiError, Format};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "card_declined", status = 402, message = "The card was declined")]
    /// pub struct CardDeclined;
    ///
    /// let mut buffer = Vec::with_capacity(256);
    /// for format in [Format::Nested, Format::Compact] {
    ///     buffer.clear();
    ///     let envelope = CardDeclined.envelope().format(format);
    ///     envelope.write_json(&mut buffer);
    ///     assert_eq!(buffer, serde_json::to_vec(&envelope).unwrap());
    /// }
    /// assert_eq!(buffer, br#"{"error":"card_declined","message":"The card was declined","status":402}"#);
    /// ```
    pub fn write_json(&self, buffer: &mut Vec<u8>) {
        write_json_or_fallback(buffer, self.error, |error, buffer| {
            write::write_json(&self.with_error(error), buffer)
        });
    }

    /// Writes the JSON body to `writer`.
    ///
    /// # Errors
    ///
    /// The writer's I/O errors.
    pub fn write_to<W: io::Write>(&self, mut writer: W) -> io::Result<()> {
        let mut buffer = Vec::with_capacity(256);
        self.write_json(&mut buffer);
        writer.write_all(&buffer)
    }

    /// `details` is written when the variant declares detail fields, even if all are
    /// `None` at run time: each code has one body shape.
    fn has_details(&self) -> bool {
        !self.error.spec().fields().is_empty()
    }
}

/// Appends the JSON body `write` renders for `error` to `buffer`. If that fails (a
/// detail's `Serialize` failed), drops what was written and renders `error` again with
/// its failing details left out.
pub(crate) fn write_json_or_fallback(
    buffer: &mut Vec<u8>,
    error: &dyn ApiError,
    write: impl Fn(&dyn ApiError, &mut Vec<u8>) -> serde_json::Result<()>,
) {
    let start = buffer.len();
    if write(error, buffer).is_err() {
        buffer.truncate(start);
        // Every detail left serializes on its own, so this succeeds.
        let _ = write(&SerializableOnly(error), buffer);
    }
}

impl Serialize for Envelope<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.format {
            Format::Nested => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry(ERROR, &ErrorObject(self))?;
                if let Some(id) = &self.request_id {
                    map.serialize_entry(META, &Meta(id))?;
                }
                map.end()
            }
            Format::Flat => {
                let mut map = serializer.serialize_map(None)?;
                write_code_message_details(self, &mut map)?;
                if let Some(id) = &self.request_id {
                    map.serialize_entry(REQUEST_ID, id)?;
                }
                map.end()
            }
            Format::Compact => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry(ERROR, self.error.code())?;
                map.serialize_entry(MESSAGE, &self.message_value())?;
                map.serialize_entry(STATUS, &self.error.status().as_u16())?;
                if let Some(id) = &self.request_id {
                    map.serialize_entry(REQUEST_ID, id)?;
                }
                map.end()
            }
            Format::Problem => serialize_problem(self, serializer),
            Format::Google => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(ERROR, &GoogleError(self))?;
                map.end()
            }
        }
    }
}

/// `{"request_id"}`: the `meta` of Nested.
struct Meta<'a>(&'a str);

impl Serialize for Meta<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(REQUEST_ID, self.0)?;
        map.end()
    }
}

/// `{"code","message","details"}`: the inside of Nested, the whole of Flat.
struct ErrorObject<'e, 'a>(&'e Envelope<'a>);

impl Serialize for ErrorObject<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        write_code_message_details(self.0, &mut map)?;
        map.end()
    }
}

fn write_code_message_details<M: SerializeMap>(
    envelope: &Envelope<'_>,
    map: &mut M,
) -> Result<(), M::Error> {
    map.serialize_entry(CODE, envelope.error.code())?;
    map.serialize_entry(MESSAGE, &envelope.message_value())?;
    if envelope.has_details() {
        let details = Details::new(envelope.error).format(envelope.format);
        map.serialize_entry(DETAILS, &details)?;
    }
    Ok(())
}

fn serialize_problem<S: Serializer>(
    envelope: &Envelope<'_>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let error = envelope.error;
    let spec = error.spec();
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry(problem::TYPE, &envelope.type_uri())?;
    map.serialize_entry(problem::TITLE, envelope.title())?;
    map.serialize_entry(STATUS, &spec.status_u16())?;
    map.serialize_entry(problem::DETAIL, &envelope.message_value())?;
    if let Some(instance) = &envelope.instance {
        map.serialize_entry(problem::INSTANCE, instance)?;
    }
    map.serialize_entry(CODE, spec.code())?;
    let mut result = Ok(());
    error.visit_details(&mut InFormat {
        format: Some(Format::Problem),
        visit: |name: &str, value: DetailValue<'_>| {
            if result.is_ok() && !problem::MEMBERS.contains(&name) {
                result = map.serialize_entry(name, &value);
            }
        },
    });
    result?;
    if let Some(id) = &envelope.request_id {
        map.serialize_entry(REQUEST_ID, id)?;
    }
    map.end()
}

/// The `error` object of an AIP-193 body.
struct GoogleError<'e, 'a>(&'e Envelope<'a>);

impl Serialize for GoogleError<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.0.error;
        let status = error.status();
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry(CODE, &status.as_u16())?;
        map.serialize_entry(MESSAGE, &self.0.default_message_value())?;
        map.serialize_entry(STATUS, grpc::canonical(status).name())?;
        map.serialize_entry(DETAILS, &GoogleDetails(self.0))?;
        map.end()
    }
}

/// `details`: an `ErrorInfo`, then `RetryInfo`, `RequestInfo`, `LocalizedMessage`,
/// `BadRequest` and `Help` when they apply.
struct GoogleDetails<'e, 'a>(&'e Envelope<'a>);

impl Serialize for GoogleDetails<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let envelope = self.0;
        let error = envelope.error;
        let mut seq = serializer.serialize_seq(None)?;
        seq.serialize_element(&ErrorInfo(error))?;
        if let Some(seconds) = error.retry_after() {
            let delay = format!("{seconds}s");
            seq.serialize_element(&TypedDetail(
                google::RETRY_INFO,
                google::RETRY_DELAY,
                &delay,
            ))?;
        }
        if let Some(id) = &envelope.request_id {
            seq.serialize_element(&TypedDetail(google::REQUEST_INFO, google::REQUEST_ID, id))?;
        }
        if let Some(chosen) = envelope.translated() {
            let tag = chosen.locale.tag();
            seq.serialize_element(&LocalizedMessage(tag, envelope.message()))?;
        }
        let violations = grpc::field_violations(error);
        if !violations.is_empty() {
            seq.serialize_element(&BadRequest(&violations))?;
        }
        if let Some(link) = grpc::help_link(error.spec()) {
            seq.serialize_element(&Help(link))?;
        }
        seq.end()
    }
}

/// `google.rpc.BadRequest`: `{"@type", "fieldViolations": [{"field", "description",
/// "reason"}]}`, the reason left out when empty (as protobuf's JSON leaves out empty
/// strings).
struct BadRequest<'a>(&'a [grpc::Violation]);

impl Serialize for BadRequest<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry(google::TYPE, google::BAD_REQUEST)?;
        map.serialize_entry(google::FIELD_VIOLATIONS, &FieldViolations(self.0))?;
        map.end()
    }
}

struct FieldViolations<'a>(&'a [grpc::Violation]);

impl Serialize for FieldViolations<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(FieldViolation))
    }
}

struct FieldViolation<'a>(&'a grpc::Violation);

impl Serialize for FieldViolation<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let violation = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(google::FIELD, &violation.field)?;
        map.serialize_entry(google::DESCRIPTION, &violation.description)?;
        if !violation.reason.is_empty() {
            map.serialize_entry(google::REASON, &violation.reason)?;
        }
        map.end()
    }
}

/// `google.rpc.Help`: `{"@type", "links": [{"description", "url"}]}`, one link.
struct Help((&'static str, &'static str));

impl Serialize for Help {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Link((&'static str, &'static str));

        impl Serialize for Link {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let (description, url) = self.0;
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry(google::DESCRIPTION, description)?;
                map.serialize_entry(google::URL, url)?;
                map.end()
            }
        }

        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry(google::TYPE, google::HELP)?;
        map.serialize_entry(google::LINKS, &[Link(self.0)])?;
        map.end()
    }
}

/// A `google.rpc` detail of one string member: `{"@type":<type URL>,<name>:<value>}`
/// (`RetryInfo`, `RequestInfo`).
struct TypedDetail<'a>(&'static str, &'static str, &'a str);

impl Serialize for TypedDetail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let TypedDetail(type_url, name, value) = *self;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry(google::TYPE, type_url)?;
        map.serialize_entry(name, value)?;
        map.end()
    }
}

/// `google.rpc.LocalizedMessage`: the locale and the translated message.
struct LocalizedMessage<'a>(&'static str, Message<'a>);

impl Serialize for LocalizedMessage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry(google::TYPE, google::LOCALIZED_MESSAGE)?;
        map.serialize_entry(google::LOCALE, self.0)?;
        map.serialize_entry(MESSAGE, &self.1)?;
        map.end()
    }
}

/// `google.rpc.ErrorInfo`: reason (the code in `UPPER_SNAKE_CASE`), domain, metadata (every
/// detail as a string).
struct ErrorInfo<'a>(&'a dyn ApiError);

impl Serialize for ErrorInfo<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.0.spec();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(google::TYPE, google::ERROR_INFO)?;
        map.serialize_entry(google::REASON, &grpc::reason(spec.code()))?;
        if let Some(domain) = spec.category().domain() {
            map.serialize_entry(google::DOMAIN, domain)?;
        }
        let metadata = grpc::metadata(self.0);
        if !metadata.is_empty() {
            map.serialize_entry(google::METADATA, &MetadataMap(&metadata))?;
        }
        map.end()
    }
}

/// Serializes pairs as a map in their order.
struct MetadataMap<'a>(&'a [(String, String)]);

impl Serialize for MetadataMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// The public message: rendered already, or rendered as it is serialized.
enum MessageValue<'a> {
    Text(&'a str),
    Of(Message<'a>),
}

impl Serialize for MessageValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageValue::Text(text) => serializer.serialize_str(text),
            MessageValue::Of(message) => message.serialize(serializer),
        }
    }
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use core::fmt;

    use crate::model::api_error::message_text;
    use crate::{ApiError, Format};

    /// A value whose `Display` writes a little, then fails.
    #[derive(Debug)]
    struct Failing;

    impl fmt::Display for Failing {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("par")?;
            Err(fmt::Error)
        }
    }

    #[derive(Debug, ApiError)]
    enum Sample {
        #[error(code = "literal", status = 400, message = "A \"quoted\" literal")]
        Literal,
        #[error(
            code = "filled",
            status = 404,
            message = "The {kind} {id} does not exist"
        )]
        Filled { kind: &'static str, id: String },
        #[error(code = "failing", status = 500, message = "value {value} here")]
        Failing {
            #[error(message_only)]
            value: Failing,
        },
    }

    fn samples() -> [Sample; 4] {
        [
            Sample::Literal,
            Sample::Filled {
                kind: "project",
                id: "proj_1".into(),
            },
            Sample::Filled {
                kind: "t\u{e9}l\u{e9}phone",
                id: "\"quoted\"\n\u{1f600}".into(),
            },
            Sample::Failing { value: Failing },
        ]
    }

    #[test]
    fn a_message_rendered_once_writes_the_same_bodies() {
        for error in samples() {
            let text = message_text(&error);
            assert_eq!(text, error.message().to_string());
            for format in Format::ALL {
                let envelope = error.envelope().format(format).request_id("req_1");
                let once = envelope.with_message(&text);
                assert_eq!(once.to_vec(), envelope.to_vec(), "{error:?} in {format:?}");
                assert_eq!(
                    serde_json::to_vec(&once).unwrap(),
                    envelope.to_vec(),
                    "{error:?} in {format:?}"
                );
            }
        }
    }

    #[test]
    fn the_rendered_message_is_what_the_body_holds() {
        let error = Sample::Filled {
            kind: "project",
            id: "proj_1".into(),
        };
        for format in Format::ALL {
            let envelope = error.envelope().format(format);
            let body = String::from_utf8(envelope.with_message("given \"text\"").to_vec()).unwrap();
            assert!(body.contains(r#""given \"text\"""#), "{format:?}: {body}");
            assert!(
                !body.contains("proj_1 does not exist"),
                "{format:?}: {body}"
            );
        }
    }
}
