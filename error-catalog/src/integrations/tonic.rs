//! tonic: every `ApiError` type converts into a [`tonic::Status`] with the
//! `google.rpc` error details, and a client turns a `Status` back into the error it
//! stands for, an [`ErrorBody`] (feature `tonic`).
//!
//! The `Status` of an error has:
//! - the canonical gRPC code of its HTTP status ([`grpc::canonical`]);
//! - its public message (never a source error's text);
//! - in `grpc-status-details-bin`, a `google.rpc.Status` with an `ErrorInfo` (reason: the
//!   code in `UPPER_SNAKE_CASE`, [`grpc::reason`], as AIP-193 requires and as the
//!   [`Google`](crate::Format::Google) JSON format writes it; domain: the type's `domain`,
//!   empty without one; metadata: every detail as a string, [`grpc::metadata`]), a
//!   `RetryInfo` when the error has a retry hint, a `RequestInfo` when a request id
//!   is known ([`RequestIdLayer`] reads it from the `x-request-id` metadata), a
//!   `BadRequest` of its [`FieldErrors`](crate::FieldErrors) and a `Help` link to its
//!   code's docs, as in the Google JSON body.
//!
//! ```
//! use error_catalog::{ApiError, ErrorBody};
//!
//! /// License errors.
//! #[derive(Debug, ApiError)]
//! #[api_error(domain = "licenses.example.com")]
//! pub enum LicenseError {
//!     /// All license seats are currently in use.
//!     #[error(code = "no_seats_available", status = 409, message = "All seats are in use ({active_seats}/{max_seats})")]
//!     NoSeatsAvailable { max_seats: u32, active_seats: u32 },
//! }
//!
//! // Server side: `?` or `.into()` in a tonic handler.
//! let status: tonic::Status = LicenseError::NoSeatsAvailable { max_seats: 10, active_seats: 10 }.into();
//! assert_eq!(status.code(), tonic::Code::Aborted);
//! assert_eq!(status.message(), "All seats are in use (10/10)");
//!
//! // Client side: the error body back, and its catalog entry.
//! let body = ErrorBody::from(&status);
//! assert_eq!(body.code(), "NO_SEATS_AVAILABLE");
//! assert_eq!(body.details()["active_seats"], "10");
//! assert_eq!(body.lookup::<LicenseError>().unwrap().code(), "no_seats_available");
//! ```

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use ::tonic::{Code, Status};
use http::HeaderName;
use serde_json::Value;
use tonic_types::{ErrorDetails, FieldViolation, StatusExt};

use crate::client::decode::ErrorBody;
use crate::integrations::context::{self, RequestContext, X_REQUEST_ID};
use crate::model::api_error::ApiError;
use crate::observe::{ErrorEvent, Observer, RenderedError};
use crate::wire::envelope::Envelope;
use crate::wire::grpc::{self, HelpLink};

/// The `Status` for `error`, with the request id of the current [`RequestContext`] (set
/// by [`RequestIdLayer`]) in a `RequestInfo`. The derived `From<E> for Status` calls this.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
/// pub struct RateLimited { #[error(retry_after)] retry_after: u64 }
///
/// let status = error_catalog::tonic::status(&RateLimited { retry_after: 45 });
/// assert_eq!(status.code(), tonic::Code::ResourceExhausted);
/// assert_eq!(
///     error_catalog::ErrorBody::from(&status).retry_after(),
///     Some(core::time::Duration::from_secs(45)),
/// );
/// ```
///
/// Under [`RequestIdLayer`], this is also where the error's event is emitted (and
/// counted, and passed to the layer's hook), once per call: with the gRPC code as
/// `rpc.grpc.status_code`. Outside the layer nothing is logged.
pub fn status(error: &dyn ApiError) -> Status {
    let Some(context) = RequestContext::current() else {
        return envelope_status(&error.envelope());
    };
    let envelope = context.apply(error.envelope());
    let Some(observer) = &context.observer else {
        return envelope_status(&envelope);
    };
    // The message is rendered once, for the `Status` and for the event.
    let rendered = RenderedError::new(error);
    let status = envelope_status(&envelope.with_message(rendered.message()));
    let event = ErrorEvent::new(&rendered, context.get_request_id())
        .replaced_id(context.replaced_id)
        .grpc(status.code() as i32);
    observer.observe(&event);
    status
}

/// The `Status` for an envelope's error, with the envelope's request id (if any) in a
/// `RequestInfo`.
///
/// ```
/// use error_catalog::{ApiError, ErrorBody};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "project_not_found", status = 404, message = "Project not found")]
/// pub struct ProjectNotFound;
///
/// let status = error_catalog::tonic::envelope_status(&ProjectNotFound.envelope().request_id("req_abc123"));
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(ErrorBody::from(&status).request_id(), Some("req_abc123"));
/// ```
pub fn envelope_status(envelope: &Envelope<'_>) -> Status {
    let error = envelope.error();
    let spec = error.spec();
    let metadata: HashMap<String, String> = grpc::metadata(error).into_iter().collect();
    let mut details = ErrorDetails::new();
    details.set_error_info(
        grpc::reason(spec.code()),
        spec.category().domain().unwrap_or_default(),
        metadata,
    );
    if let Some(seconds) = error.retry_after() {
        details.set_retry_info(Some(Duration::from_secs(seconds)));
    }
    if let Some(id) = envelope.get_request_id() {
        details.set_request_info(id, "");
    }
    // AIP-193: the status message stays the default text; the translation is a detail.
    if let Some(chosen) = envelope.translated() {
        details.set_localized_message(chosen.locale.tag(), envelope.message().to_string());
    }
    let violations = grpc::field_violations(error);
    if !violations.is_empty() {
        details.set_bad_request(
            violations
                .into_iter()
                .map(|violation| FieldViolation {
                    field: violation.field,
                    description: violation.description,
                    reason: violation.reason,
                    localized_message: None,
                })
                .collect::<Vec<_>>(),
        );
    }
    if let Some((description, url)) = grpc::help_link(spec) {
        details.add_help_link(description, url);
    }
    let code = Code::from(grpc::canonical(error.status()) as i32);
    Status::with_error_details(code, envelope.message_string(), details)
}

/// A client reads a `Status` back as the [`ErrorBody`] it stands for, as if decoded from
/// a [`Format::Google`](crate::Format::Google) body: `code` is the `ErrorInfo` reason (the
/// code in `UPPER_SNAKE_CASE`; [`ErrorBody::lookup`] finds the catalog entry), `status`
/// the HTTP status Google's error model pairs with the gRPC code, `details` the
/// `ErrorInfo` metadata (strings), the `RequestInfo` and `RetryInfo` values, and the
/// `BadRequest` and `Help` ([`ErrorBody::field_violations`], [`ErrorBody::help_links`]). A
/// `Status` without an `ErrorInfo` (one not made by this crate) gives the gRPC code's
/// name as `code` and no details; malformed details are ignored, never a panic.
///
/// ```
/// use error_catalog::ErrorBody;
/// use http::StatusCode;
///
/// let status = tonic::Status::unavailable("Service temporarily unavailable");
/// let body = ErrorBody::from(&status);
/// assert_eq!(body.code(), "UNAVAILABLE");
/// assert_eq!(body.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
/// assert_eq!(body.message(), "Service temporarily unavailable");
/// ```
impl From<&Status> for ErrorBody {
    fn from(status: &Status) -> Self {
        let details = status.check_error_details().unwrap_or_default();
        let canonical = canonical_code(status.code());
        let info = details.error_info();
        let mut metadata: Vec<(&String, &String)> = info
            .map(|info| info.metadata.iter().collect())
            .unwrap_or_default();
        metadata.sort();
        let code = match info {
            Some(info) if !info.reason.is_empty() => info.reason.clone(),
            _ => canonical.map_or("OK", grpc::Code::name).to_owned(),
        };
        ErrorBody::from_grpc(
            code,
            status.message().to_owned(),
            canonical.map(grpc::Code::http_status),
            metadata
                .into_iter()
                .map(|(name, value)| (name.clone(), Value::String(value.clone())))
                .collect(),
            details
                .request_info()
                .map(|info| info.request_id.clone())
                .filter(|id| !id.is_empty()),
            details.retry_info().and_then(|info| info.retry_delay),
        )
        .with_rich(
            details.bad_request().map(|bad_request| {
                bad_request
                    .field_violations
                    .iter()
                    .map(|violation| {
                        (
                            violation.field.as_str(),
                            violation.description.as_str(),
                            violation.reason.as_str(),
                        )
                    })
                    .collect()
            }),
            details
                .help()
                .map(|help| {
                    help.links
                        .iter()
                        .map(|link| HelpLink::new(&link.description, &link.url))
                        .collect()
                })
                .unwrap_or_default(),
        )
    }
}

impl From<Status> for ErrorBody {
    fn from(status: Status) -> Self {
        ErrorBody::from(&status)
    }
}

/// This crate's [`grpc::Code`] for a tonic code (`None` for `Ok`).
fn canonical_code(code: Code) -> Option<grpc::Code> {
    Some(match code {
        Code::Ok => return None,
        Code::Cancelled => grpc::Code::Cancelled,
        Code::Unknown => grpc::Code::Unknown,
        Code::InvalidArgument => grpc::Code::InvalidArgument,
        Code::DeadlineExceeded => grpc::Code::DeadlineExceeded,
        Code::NotFound => grpc::Code::NotFound,
        Code::AlreadyExists => grpc::Code::AlreadyExists,
        Code::PermissionDenied => grpc::Code::PermissionDenied,
        Code::ResourceExhausted => grpc::Code::ResourceExhausted,
        Code::FailedPrecondition => grpc::Code::FailedPrecondition,
        Code::Aborted => grpc::Code::Aborted,
        Code::OutOfRange => grpc::Code::OutOfRange,
        Code::Unimplemented => grpc::Code::Unimplemented,
        Code::Internal => grpc::Code::Internal,
        Code::Unavailable => grpc::Code::Unavailable,
        Code::DataLoss => grpc::Code::DataLoss,
        Code::Unauthenticated => grpc::Code::Unauthenticated,
    })
}

/// A tower layer for a tonic server: it gives each call a request id (the client's
/// `x-request-id` metadata when it is 1 to 128 visible ASCII characters, else a new
/// one: a UUID v7 or [your generator's](RequestIdLayer::request_id_generator)), sends it
/// back in the `x-request-id` response metadata of every call, and runs the call inside
/// a [`RequestContext`] holding it, so the `Status` of an error returned by the handler
/// carries it in a `RequestInfo` and its event is logged and counted when it becomes a
/// `Status` ([`status`]).
///
/// ```
/// use error_catalog::tonic::RequestIdLayer;
///
/// // A tower layer: `tonic::transport::Server::builder().layer(layer)` (tonic's `server`
/// // feature) puts it around every call.
/// let layer = RequestIdLayer::new().client_error_level(tracing::Level::WARN);
/// # let _ = layer;
/// ```
#[derive(Debug, Clone)]
pub struct RequestIdLayer {
    header: HeaderName,
    generator: Option<fn() -> String>,
    observer: Observer,
}

impl RequestIdLayer {
    /// Reads and sends `x-request-id`; 4xx events at `INFO`.
    pub fn new() -> Self {
        RequestIdLayer {
            header: X_REQUEST_ID,
            generator: None,
            observer: Observer::default(),
        }
    }

    /// Reads and sends the request id in `header` instead of `x-request-id`.
    #[must_use]
    pub fn request_id_header(mut self, header: HeaderName) -> Self {
        self.header = header;
        self
    }

    /// Makes the ids of calls that have none (or none acceptable) with `generate`
    /// instead of a UUID v7.
    #[must_use]
    pub fn request_id_generator(mut self, generate: fn() -> String) -> Self {
        self.generator = Some(generate);
        self
    }

    /// The level of the events of errors with a 4xx status in the catalog (5xx are
    /// always `ERROR`); `INFO` unless set.
    #[must_use]
    pub fn client_error_level(mut self, level: tracing::Level) -> Self {
        self.observer.client_level(level);
        self
    }

    /// Calls `hook` once per error turned into a `Status` during a call.
    #[must_use]
    pub fn on_error(mut self, hook: impl Fn(&ErrorEvent<'_>) + Send + Sync + 'static) -> Self {
        self.observer.on_error(std::sync::Arc::new(hook));
        self
    }
}

impl Default for RequestIdLayer {
    fn default() -> Self {
        RequestIdLayer::new()
    }
}

impl<S> tower_layer::Layer<S> for RequestIdLayer {
    type Service = RequestIdService<S>;

    fn layer(&self, inner: S) -> RequestIdService<S> {
        RequestIdService {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service made by [`RequestIdLayer`].
#[derive(Debug, Clone)]
pub struct RequestIdService<S> {
    inner: S,
    layer: RequestIdLayer,
}

impl<S, B, R> tower_service::Service<http::Request<B>> for RequestIdService<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
    S::Error: 'static,
{
    type Response = http::Response<R>;
    type Error = S::Error;
    type Future = ResponseFuture<R, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let sent = request.headers().get(&self.layer.header);
        let (id, replaced) = context::incoming_id(sent, self.layer.generator);
        request
            .headers_mut()
            .insert(self.layer.header.clone(), id.clone());
        let mut context = RequestContext::new()
            .request_id_value(id.clone())
            .accept_language(request.headers().get(http::header::ACCEPT_LANGUAGE));
        context.replaced_id = replaced;
        context.observer = Some(self.layer.observer.clone());
        let header = self.layer.header.clone();
        let inner = context::scope(context, self.inner.call(request));
        ResponseFuture {
            inner: Box::pin(async move {
                let mut response = inner.await?;
                response.headers_mut().insert(header, id);
                Ok(response)
            }),
        }
    }
}

/// The response future of [`RequestIdService`].
pub struct ResponseFuture<R, E> {
    #[allow(clippy::type_complexity)]
    inner: Pin<Box<dyn Future<Output = Result<http::Response<R>, E>> + Send>>,
}

impl<R, E> std::fmt::Debug for ResponseFuture<R, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResponseFuture")
    }
}

impl<R, E> Future for ResponseFuture<R, E> {
    type Output = Result<http::Response<R>, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}
