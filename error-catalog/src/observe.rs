//! What an error response tells the operators: one `tracing` event and one count per
//! error response the integrations render, with what the client never sees (the source
//! chain, a replaced body).
//!
//! # The event
//!
//! Target `error_catalog`, fields named after OpenTelemetry's conventions:
//!
//! | field | value |
//! |---|---|
//! | `error.type` | the code, e.g. `internal_error` |
//! | `http.response.status_code` | the HTTP status (axum, actix-web, [`report`]) |
//! | `rpc.grpc.status_code` | the gRPC code, as a number (tonic) |
//! | `request_id` | the request id, when there is one |
//! | `request_id.replaced` | `true` when the client's id was not acceptable and a new one was made |
//! | `retryable` | whether the client may retry unchanged |
//! | `message` | the public message, as the client reads it |
//! | `error.source` | the source chain, every `source()` to the end, joined with `": "` |
//! | `error.replaced_body` | the first KiB of a plain error body the layer replaced |
//!
//! Level: `ERROR` for a 5xx, the layer's `client_error_level` for a 4xx (`INFO` unless
//! set). The event is emitted by the layers (axum's `ErrorLayer`, actix-web's
//! `ErrorMiddleware`) when the response leaves them, and by tonic's `RequestIdLayer`
//! context when an error becomes a `Status`; an error rendered outside any layer is not
//! logged (call [`report`] for it). Code outside the layers (a background job, a queue
//! consumer) logs an error by the same rule with [`report`] or [`report_with`].
//!
//! The `tracing` feature is on with every framework feature (`axum`, `actix-web`,
//! `tonic`): the layers are what emit the event, and an event no subscriber listens to
//! costs next to nothing. The `metrics` feature is opt-in.
//!
//! # The counter
//!
//! With the `metrics` feature, every event also increments the counter
//! `error_catalog_responses_total`, labelled `code` (the error code) and `status` (the
//! HTTP status of its catalog entry, for tonic too, so one code is one series whatever
//! the transport). [`register_metrics`] (or
//! [`Catalog::register_metrics`](crate::Catalog::register_metrics)) registers every code
//! of a catalog at zero, so each series exists before its first error.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::sync::Arc;

use http::StatusCode;

use crate::model::api_error::{ApiError, message_text};
use crate::model::spec::ErrorSpec;

/// The name of the counter of error responses.
pub const RESPONSES_TOTAL: &str = "error_catalog_responses_total";

/// Most bytes of a replaced body kept for the log.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) const REPLACED_BODY_CAP: usize = 1024;

/// Most sources followed (a chain that loops would never end).
const CHAIN_CAP: usize = 32;

/// What an integration rendered for an error: its catalog entry, status, public
/// message and, for the operators only, its source chain.
///
/// The axum and actix-web integrations put it in the extensions of every error response
/// they render, so a middleware of the user's can log or count without parsing the
/// body; the layers read it to emit the [event](crate::observe#the-event).
///
/// ```
/// use error_catalog::{ApiError, RenderedError};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "storage_failed", status = 500, message = "An internal error occurred")]
/// pub struct StorageFailed(#[from] std::io::Error);
///
/// let error = StorageFailed::from(std::io::Error::other("disk 3 is full"));
/// let rendered = RenderedError::new(&error);
/// assert_eq!(rendered.code(), "storage_failed");
/// assert_eq!(rendered.status().as_u16(), 500);
/// assert_eq!(rendered.message(), "An internal error occurred");
/// assert_eq!(rendered.source_chain(), Some("disk 3 is full"));
/// ```
#[derive(Debug, Clone)]
pub struct RenderedError {
    spec: &'static ErrorSpec,
    status: StatusCode,
    retryable: bool,
    message: Cow<'static, str>,
    source: Option<String>,
    replaced_body: Option<String>,
    /// Whether a layer has logged, counted and hooked it: a layer around it (two
    /// `ErrorLayer`s, one per router, nested) does not do it again.
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) observed: bool,
}

impl RenderedError {
    /// What `error` renders as, its source chain included.
    pub fn new(error: &dyn ApiError) -> Self {
        RenderedError {
            spec: error.spec(),
            status: error.status(),
            retryable: error.retryable(),
            message: message_text(error),
            source: error.source().map(source_chain),
            replaced_body: None,
            observed: false,
        }
    }

    /// The same, noting the text of the plain body it replaced.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn replacing(mut self, body: String) -> Self {
        self.replaced_body = Some(body);
        self
    }

    /// The catalog entry.
    pub fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    /// The code.
    pub fn code(&self) -> &'static str {
        self.spec.code()
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Whether the client may retry unchanged.
    pub fn retryable(&self) -> bool {
        self.retryable
    }

    /// The public message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The source chain (`source()` followed to the end, joined with `": "`); never sent.
    pub fn source_chain(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The beginning of the plain body a layer replaced with this error; never sent.
    pub fn replaced_body(&self) -> Option<&str> {
        self.replaced_body.as_deref()
    }
}

/// `error` and each of its sources, joined with `": "`. A `Display` that fails ends its
/// part of the text there, never a panic.
fn source_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = String::new();
    let mut next = Some(error);
    for _ in 0..CHAIN_CAP {
        let Some(error) = next else { break };
        if !text.is_empty() {
            text.push_str(": ");
        }
        let _ = write!(text, "{error}");
        next = error.source();
    }
    text
}

/// The text of a replaced body for the log: at most [`REPLACED_BODY_CAP`] bytes, cut on
/// a character boundary, invalid UTF-8 replaced.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn replaced_text(bytes: &[u8]) -> String {
    let bytes = &bytes[..bytes.len().min(REPLACED_BODY_CAP)];
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    // A character cut at the cap reads as one replacement character.
    if text.len() > REPLACED_BODY_CAP {
        let mut end = REPLACED_BODY_CAP;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// One error response as the hooks see it: what was rendered, and for which request.
///
/// ```
/// use error_catalog::{ApiError, ErrorEvent, RenderedError};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "project_not_found", status = 404, message = "Project not found")]
/// pub struct ProjectNotFound;
///
/// let rendered = RenderedError::new(&ProjectNotFound);
/// let event = ErrorEvent::new(&rendered, Some("req_1"));
/// assert_eq!(event.error().code(), "project_not_found");
/// assert_eq!(event.request_id(), Some("req_1"));
/// assert!(!event.request_id_replaced());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ErrorEvent<'a> {
    error: &'a RenderedError,
    request_id: Option<&'a str>,
    request_id_replaced: bool,
    grpc_code: Option<i32>,
}

impl<'a> ErrorEvent<'a> {
    /// An event for `error`, answered to the request with this id.
    pub fn new(error: &'a RenderedError, request_id: Option<&'a str>) -> Self {
        ErrorEvent {
            error,
            request_id,
            request_id_replaced: false,
            grpc_code: None,
        }
    }

    #[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
    pub(crate) fn replaced_id(mut self, replaced: bool) -> Self {
        self.request_id_replaced = replaced;
        self
    }

    #[cfg(feature = "tonic")]
    pub(crate) fn grpc(mut self, code: i32) -> Self {
        self.grpc_code = Some(code);
        self
    }

    /// What was rendered.
    pub fn error(&self) -> &'a RenderedError {
        self.error
    }

    /// The request id sent with the response.
    pub fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// Whether the client's request id was not acceptable and was replaced.
    pub fn request_id_replaced(&self) -> bool {
        self.request_id_replaced
    }

    /// The gRPC code of the `Status`, for an error answered by tonic.
    pub fn grpc_code(&self) -> Option<i32> {
        self.grpc_code
    }
}

/// A hook called with every error event, as set with a layer's `on_error`.
pub(crate) type Hook = Arc<dyn Fn(&ErrorEvent<'_>) + Send + Sync>;

/// How a layer reports error events: the level of 4xx events and the user's hook.
#[derive(Clone)]
pub(crate) struct Observer {
    #[cfg(feature = "tracing")]
    client_level: tracing::Level,
    hook: Option<Hook>,
}

// Derivable only without `tracing`, whose level defaults to INFO rather than to
// `Level`'s own default.
#[cfg_attr(not(feature = "tracing"), allow(clippy::derivable_impls))]
impl Default for Observer {
    fn default() -> Self {
        Observer {
            #[cfg(feature = "tracing")]
            client_level: tracing::Level::INFO,
            hook: None,
        }
    }
}

impl fmt::Debug for Observer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Observer");
        #[cfg(feature = "tracing")]
        out.field("client_level", &self.client_level);
        out.field("on_error", &self.hook.as_ref().map(|_| "Fn"))
            .finish()
    }
}

impl Observer {
    #[cfg(feature = "tracing")]
    pub(crate) fn client_level(&mut self, level: tracing::Level) {
        self.client_level = level;
    }

    #[cfg_attr(
        not(any(feature = "axum", feature = "actix-web", feature = "tonic")),
        allow(dead_code)
    )]
    pub(crate) fn on_error(&mut self, hook: Hook) {
        self.hook = Some(hook);
    }

    /// Logs, counts and calls the hook, once.
    pub(crate) fn observe(&self, event: &ErrorEvent<'_>) {
        #[cfg(feature = "tracing")]
        log(event, self.client_level);
        #[cfg(feature = "metrics")]
        count(event.error);
        if let Some(hook) = &self.hook {
            hook(event);
        }
    }
}

#[cfg(feature = "tracing")]
fn log(event: &ErrorEvent<'_>, client_level: tracing::Level) {
    use tracing::Level;
    let error = event.error;
    let level = if error.status.is_server_error() {
        Level::ERROR
    } else {
        client_level
    };
    let http_status = event
        .grpc_code
        .is_none()
        .then_some(u64::from(error.status.as_u16()));
    macro_rules! emit {
        ($level:expr) => {
            tracing::event!(
                target: "error_catalog",
                $level,
                error.type = error.code(),
                http.response.status_code = http_status,
                rpc.grpc.status_code = event.grpc_code.map(i64::from),
                request_id = event.request_id,
                request_id.replaced = event.request_id_replaced.then_some(true),
                retryable = error.retryable,
                error.source = error.source.as_deref(),
                error.replaced_body = error.replaced_body.as_deref(),
                message = &*error.message,
            )
        };
    }
    match level {
        Level::ERROR => emit!(Level::ERROR),
        Level::WARN => emit!(Level::WARN),
        Level::INFO => emit!(Level::INFO),
        Level::DEBUG => emit!(Level::DEBUG),
        _ => emit!(Level::TRACE),
    }
}

/// The digits of every status from 400 to 599, so a label is a static slice of them.
#[cfg(feature = "metrics")]
static STATUS_DIGITS: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| (400..=599).map(|status: u16| status.to_string()).collect());

/// The `status` label: a static text for an error status, with no allocation per count.
#[cfg(feature = "metrics")]
fn status_label(status: StatusCode) -> metrics::SharedString {
    let status = status.as_u16();
    if (400..=599).contains(&status) {
        let at = usize::from(status - 400) * 3;
        let digits: &'static str = STATUS_DIGITS.as_str();
        metrics::SharedString::from(&digits[at..at + 3])
    } else {
        metrics::SharedString::from(status.to_string())
    }
}

#[cfg(feature = "metrics")]
fn count(error: &RenderedError) {
    metrics::counter!(
        RESPONSES_TOTAL,
        "code" => error.code(),
        "status" => status_label(error.status),
    )
    .increment(1);
}

/// Logs and counts `error` as the layers do for an error response, without a request
/// id: for code outside the layers (a background job, a queue consumer). Does nothing
/// without the `tracing` and `metrics` features.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "export_failed", status = 500, message = "The export failed")]
/// pub struct ExportFailed(#[from] std::io::Error);
///
/// // An ERROR event with `error.type = "export_failed"` and `error.source = "disk full"`.
/// error_catalog::report(&ExportFailed::from(std::io::Error::other("disk full")));
/// ```
pub fn report(error: &dyn ApiError) {
    report_with(error, None);
}

/// [`report`], with the id of the request or job the error belongs to.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "export_failed", status = 500, message = "The export failed")]
/// pub struct ExportFailed;
///
/// error_catalog::report_with(&ExportFailed, Some("job_42"));
/// ```
pub fn report_with(error: &dyn ApiError, request_id: Option<&str>) {
    let rendered = RenderedError::new(error);
    Observer::default().observe(&ErrorEvent::new(&rendered, request_id));
}

/// Registers the counter of every code in `specs` at zero, so that each series exists
/// before its first error (a rate over a series that does not exist yet is no rate).
/// It sets the counters to an absolute 0: call it once, at start-up, after installing
/// the recorder and before serving.
///
/// ```
/// use error_catalog::{ApiError, ErrorCatalog};
///
/// #[derive(Debug, ApiError)]
/// pub enum ProjectError {
///     #[error(code = "not_found", status = 404, message = "Project not found")]
///     NotFound,
/// }
///
/// error_catalog::register_metrics(ProjectError::CATALOG);
/// ```
#[cfg(feature = "metrics")]
pub fn register_metrics<'a>(specs: impl IntoIterator<Item = &'a ErrorSpec>) {
    for spec in specs {
        metrics::counter!(
            RESPONSES_TOTAL,
            "code" => spec.code(),
            "status" => status_label(spec.status()),
        )
        .absolute(0);
    }
}

#[cfg(test)]
mod tests {
    use super::source_chain;

    #[derive(Debug)]
    struct Link(&'static str, Option<Box<Link>>);

    impl std::fmt::Display for Link {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Link {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|link| link as _)
        }
    }

    /// An error whose `source()` is itself: a chain without end.
    #[derive(Debug)]
    struct Loop;

    impl std::fmt::Display for Loop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("again")
        }
    }

    impl std::error::Error for Loop {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&Loop)
        }
    }

    #[test]
    fn the_chain_is_followed_to_its_end_and_never_forever() {
        let chain = Link(
            "a",
            Some(Box::new(Link("b", Some(Box::new(Link("c", None)))))),
        );
        assert_eq!(source_chain(&chain), "a: b: c");
        let text = source_chain(&Loop);
        assert_eq!(text.matches("again").count(), super::CHAIN_CAP);
    }

    #[cfg(any(feature = "axum", feature = "actix-web"))]
    #[test]
    fn a_replaced_body_is_cut_on_a_character_boundary() {
        use super::{REPLACED_BODY_CAP, replaced_text};
        assert_eq!(replaced_text(b"db error"), "db error");
        let long = "é".repeat(REPLACED_BODY_CAP);
        let text = replaced_text(long.as_bytes());
        assert!(text.len() <= REPLACED_BODY_CAP);
        assert!(long.starts_with(&text));
        assert_eq!(text.chars().count(), REPLACED_BODY_CAP / 2);
        assert_eq!(replaced_text(b"\xff ok"), "\u{fffd} ok");
    }
}
