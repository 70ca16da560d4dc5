//! The request a response is rendered for, as seen by the framework integrations.
//!
//! `IntoResponse::into_response(self)` and `ResponseError::error_response(&self)` get no
//! access to the request, yet the body should carry the request id. The integrations'
//! layers (axum's [`ErrorLayer`](crate::axum::ErrorLayer), actix-web's
//! [`ErrorMiddleware`](crate::actix::ErrorMiddleware), tonic's
//! [`RequestIdLayer`](crate::tonic::RequestIdLayer)) read the request id header and run
//! the rest of the request inside a tokio task-local [`RequestContext`]; rendering an
//! error reads it. The error is rendered once, where it is turned into a response; the
//! response's extensions get a [`RenderedError`](crate::RenderedError) (its code, status,
//! message and source chain) for the layer's log line, never the error itself.
//!
//! Without a layer there is no context: errors render in their type's format, without a
//! request id.

use std::future::Future;

use http::{HeaderName, HeaderValue};
use tokio::task::futures::TaskLocalFuture;

use crate::model::api_error::ApiError;
use crate::model::format::Format;
use crate::observe::Observer;
use crate::wire::envelope::Envelope;

/// The header the layers read the request id from by default, as set by tower-http's
/// `SetRequestIdLayer::x_request_id` and most proxies.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

tokio::task_local! {
    static CONTEXT: RequestContext;
}

/// What the integrations know about the request being served: its id, and the format
/// the service renders every error in (when it chose one).
///
/// Set for the duration of a request by the integrations' layers; read with
/// [`RequestContext::current`]. Code that drives requests some other way can set it
/// with [`RequestContext::scope`].
///
/// ```
/// use error_catalog::{ApiError, Format, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "project_not_found", status = 404, message = "Project not found")]
/// pub struct ProjectNotFound;
///
/// let context = RequestContext::new().request_id("req_abc123").format(Format::Flat);
/// assert_eq!(
///     context.apply(ProjectNotFound.envelope()).to_json(),
///     r#"{"code":"project_not_found","message":"Project not found","request_id":"req_abc123"}"#,
/// );
///
/// // What a layer does: run the request inside the context; rendering reads it.
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let id = context
///     .scope(async { RequestContext::current().unwrap().get_request_id().map(str::to_owned) })
///     .await;
/// assert_eq!(id.as_deref(), Some("req_abc123"));
/// assert!(RequestContext::current().is_none());
/// # });
/// ```
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    request_id: Option<HeaderValue>,
    format: Option<Format>,
    /// The request's `Accept-Language`, which picks the locale of translated errors.
    accept_language: Option<HeaderValue>,
    /// The service's docs base, for errors whose type has none.
    docs: Option<std::sync::Arc<str>>,
    /// Whether the client's id was replaced (for the event).
    pub(crate) replaced_id: bool,
    /// How a tonic error is reported when it becomes a `Status`.
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    pub(crate) observer: Option<Observer>,
}

impl RequestContext {
    /// A context with no request id and no format.
    pub fn new() -> Self {
        RequestContext::default()
    }

    /// Sets the request id. An id that is not visible ASCII (what a header value may
    /// hold as text) is ignored.
    #[must_use]
    pub fn request_id(mut self, id: &str) -> Self {
        self.request_id = HeaderValue::from_str(id).ok();
        self
    }

    /// Sets the request id from a header value; one that is not visible ASCII is ignored.
    #[must_use]
    pub fn request_id_header(mut self, value: Option<&HeaderValue>) -> Self {
        self.request_id = value.filter(|value| value.to_str().is_ok()).cloned();
        self
    }

    /// Renders every error in `format`, whatever its type declares: one service, one
    /// wire format (this also gives the ready [`Rejection`](crate::Rejection)s the
    /// service's format).
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Links the Problem bodies of errors whose type has no docs base (the
    /// [`Rejection`](crate::Rejection)s, for one) to `{base}/{code}` instead of
    /// `about:blank`.
    #[must_use]
    pub fn docs(mut self, base: &str) -> Self {
        self.docs = Some(base.into());
        self
    }

    /// The docs base a layer was given (the HTTP layers only).
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn with_docs(mut self, base: Option<std::sync::Arc<str>>) -> Self {
        self.docs = base;
        self
    }

    /// Sets the format, or keeps each type's own with `None`.
    #[must_use]
    pub fn with_format(mut self, format: Option<Format>) -> Self {
        self.format = format;
        self
    }

    /// Sets a request id already checked by [`incoming_id`].
    pub(crate) fn request_id_value(mut self, value: HeaderValue) -> Self {
        self.request_id = Some(value);
        self
    }

    /// Sets the request's `Accept-Language` list: with the `i18n` feature, errors whose
    /// type has `locales` are rendered in the best match (see
    /// [`Envelope::negotiate`]); a value that is not text gets the default locale.
    ///
    /// ```
    /// # #[cfg(feature = "i18n")] {
    /// use error_catalog::{ApiError, RequestContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(locales = "tests/locales/basic", format = "compact")]
    /// pub enum ProjectError {
    ///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    ///     NotFound { id: String },
    /// }
    ///
    /// let header = http::HeaderValue::from_static("de-AT, fr;q=0.5");
    /// let context = RequestContext::new().accept_language(Some(&header));
    /// let err = ProjectError::NotFound { id: "p1".into() };
    /// assert_eq!(
    ///     context.apply(err.envelope()).to_json(),
    ///     r#"{"error":"not_found","message":"Projekt p1 nicht gefunden","status":404}"#,
    /// );
    /// # }
    /// ```
    #[must_use]
    pub fn accept_language(mut self, value: Option<&HeaderValue>) -> Self {
        // A list that is not text asks for a language all the same: the default one.
        self.accept_language = value.map(|value| match value.to_str() {
            Ok(_) => value.clone(),
            Err(_) => HeaderValue::from_static(""),
        });
        self
    }

    /// The request's `Accept-Language` list, if it has one.
    pub fn get_accept_language(&self) -> Option<&str> {
        self.accept_language
            .as_ref()
            .and_then(|value| value.to_str().ok())
    }

    /// The request id, if there is one.
    pub fn get_request_id(&self) -> Option<&str> {
        self.request_id
            .as_ref()
            .and_then(|value| value.to_str().ok())
    }

    /// The service-wide format, if one was chosen.
    pub fn get_format(&self) -> Option<Format> {
        self.format
    }

    /// Runs `future` with this context as the current one.
    pub async fn scope<F: Future>(self, future: F) -> F::Output {
        scope(self, future).await
    }

    /// The context of the request being served, if a layer set one.
    pub fn current() -> Option<RequestContext> {
        CONTEXT.try_with(Clone::clone).ok()
    }

    /// Sets this context's format and request id on `envelope` (the id is borrowed),
    /// and with the `i18n` feature the locale its `Accept-Language` negotiates.
    pub fn apply<'a>(&'a self, mut envelope: Envelope<'a>) -> Envelope<'a> {
        if let Some(format) = self.format {
            envelope = envelope.format(format);
        }
        if let Some(id) = self.get_request_id() {
            envelope = envelope.request_id(id);
        }
        if let Some(docs) = &self.docs {
            envelope = envelope.docs_base(&**docs);
        }
        #[cfg(feature = "i18n")]
        if let Some(list) = self.get_accept_language() {
            envelope = envelope.negotiate(list);
        }
        envelope
    }

    /// Calls `render` with `error`'s envelope for the current request: the service's
    /// format and the request id when a layer set a context, the type's own format and
    /// no id otherwise.
    pub fn render<R>(error: &dyn ApiError, render: impl FnOnce(Envelope<'_>) -> R) -> R {
        match RequestContext::current() {
            Some(context) => render(context.apply(error.envelope())),
            None => render(error.envelope()),
        }
    }
}

/// Most bytes of a request id a layer keeps from a client.
pub(crate) const MAX_ID_LEN: usize = 128;

/// Whether a client's request id is kept: 1 to [`MAX_ID_LEN`] visible ASCII characters
/// (no space, no tab, no control character).
pub(crate) fn acceptable_id(bytes: &[u8]) -> bool {
    (1..=MAX_ID_LEN).contains(&bytes.len()) && bytes.iter().all(|b| (0x21..=0x7e).contains(b))
}

/// The request id a layer answers a request with, and whether the client's was
/// replaced: the client's when [acceptable](acceptable_id), else a new one from
/// `generator` (or a UUID v7 when there is none, or when it makes an unacceptable id).
/// An empty header is no id: a new one is made, and nothing was replaced.
pub(crate) fn incoming_id(
    sent: Option<&HeaderValue>,
    generator: Option<fn() -> String>,
) -> (HeaderValue, bool) {
    if let Some(value) = sent.filter(|value| acceptable_id(value.as_bytes())) {
        // A copy of the header's shared bytes, not of the text.
        return (value.clone(), false);
    }
    let replaced = sent.is_some_and(|value| !value.is_empty());
    let made = generator
        .map(|generate| generate())
        .filter(|id| acceptable_id(id.as_bytes()))
        .and_then(|id| HeaderValue::try_from(id).ok());
    let value = made.unwrap_or_else(|| {
        let id = uuid::Uuid::now_v7().hyphenated().to_string();
        HeaderValue::try_from(id).unwrap_or(HeaderValue::from_static("unknown"))
    });
    (value, replaced)
}

/// `future`, run with `context` as the current one; the layers keep this future's type.
pub(crate) fn scope<F: Future>(
    context: RequestContext,
    future: F,
) -> TaskLocalFuture<RequestContext, F> {
    CONTEXT.scope(context, future)
}

#[cfg(test)]
mod tests {
    use super::{acceptable_id, incoming_id};
    use http::HeaderValue;

    #[test]
    fn client_ids_are_kept_only_when_short_and_visible() {
        assert!(acceptable_id(b"req_abc123"));
        assert!(acceptable_id(&[b'a'; 128]));
        assert!(!acceptable_id(&[b'a'; 129]));
        assert!(!acceptable_id(b""));
        assert!(!acceptable_id(b"req 1"));
        assert!(!acceptable_id(b"req\t1"));
        assert!(!acceptable_id("req_✓".as_bytes()));
        let sent = |text: &str| Some(HeaderValue::from_str(text).unwrap());
        assert_eq!(
            incoming_id(sent("req_1").as_ref(), None),
            ("req_1".parse().unwrap(), false)
        );
        // An empty header is no id: a new one, nothing replaced.
        let (id, replaced) = incoming_id(sent("").as_ref(), Some(|| "gen_1".into()));
        assert_eq!((id.to_str().unwrap(), replaced), ("gen_1", false));
        let (id, replaced) = incoming_id(sent("a b").as_ref(), Some(|| "gen_2".into()));
        assert_eq!((id.to_str().unwrap(), replaced), ("gen_2", true));
        // A generator that makes an unacceptable id: a UUID v7 instead.
        let (id, replaced) = incoming_id(None, Some(|| "no good".into()));
        let id = id.to_str().unwrap().to_owned();
        assert!(!replaced);
        assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 7);
        let (other, _) = incoming_id(None, None);
        assert_ne!(other.to_str().unwrap(), id);
    }
}
