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
//!   `RetryInfo` when the error has a retry hint, and a `RequestInfo` when a request id
//!   is known ([`RequestIdLayer`] reads it from the `x-request-id` metadata).
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
use std::task::{Context, Poll};
use std::time::Duration;

use ::tonic::{Code, Status};
use http::HeaderName;
use serde_json::Value;
use tokio::task::futures::TaskLocalFuture;
use tonic_types::{ErrorDetails, StatusExt};

use crate::client::decode::ErrorBody;
use crate::integrations::context::{self, RequestContext, X_REQUEST_ID};
use crate::model::api_error::ApiError;
use crate::wire::envelope::Envelope;
use crate::wire::grpc;

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
/// assert_eq!(error_catalog::ErrorBody::from(&status).retry_after(), Some(45));
/// ```
pub fn status(error: &dyn ApiError) -> Status {
    RequestContext::render(error, |envelope| envelope_status(&envelope))
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
    let code = Code::from(grpc::canonical(error.status()) as i32);
    Status::with_error_details(code, error.message().to_string(), details)
}

/// A client reads a `Status` back as the [`ErrorBody`] it stands for, as if decoded from
/// a [`Format::Google`](crate::Format::Google) body: `code` is the `ErrorInfo` reason (the
/// code in `UPPER_SNAKE_CASE`; [`ErrorBody::lookup`] finds the catalog entry), `status`
/// the HTTP status Google's error model pairs with the gRPC code, `details` the
/// `ErrorInfo` metadata (strings), and the `RequestInfo` and `RetryInfo` values. A
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
            details
                .retry_info()
                .and_then(|info| info.retry_delay)
                .map(|delay| delay.as_secs() + u64::from(delay.subsec_nanos() > 0)),
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

/// A tower layer for a tonic server that runs each call inside a [`RequestContext`]
/// holding the request id from the `x-request-id` metadata, so the `Status` of an
/// error returned by the handler carries it in a `RequestInfo`.
///
/// ```
/// use error_catalog::tonic::RequestIdLayer;
///
/// let server = tonic::transport::Server::builder().layer(RequestIdLayer::new());
/// ```
#[derive(Debug, Clone)]
pub struct RequestIdLayer {
    header: HeaderName,
}

impl RequestIdLayer {
    /// Reads `x-request-id`.
    pub fn new() -> Self {
        RequestIdLayer {
            header: X_REQUEST_ID,
        }
    }

    /// Reads the request id from `header` instead of `x-request-id`.
    #[must_use]
    pub fn request_id_header(mut self, header: HeaderName) -> Self {
        self.header = header;
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
            header: self.header.clone(),
        }
    }
}

/// The service made by [`RequestIdLayer`].
#[derive(Debug, Clone)]
pub struct RequestIdService<S> {
    inner: S,
    header: HeaderName,
}

impl<S, B> tower_service::Service<http::Request<B>> for RequestIdService<S>
where
    S: tower_service::Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = TaskLocalFuture<RequestContext, S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let context = RequestContext::new().request_id_header(request.headers().get(&self.header));
        context::scope(context, self.inner.call(request))
    }
}
