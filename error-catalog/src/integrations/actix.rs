//! actix-web: every `ApiError` type is a [`ResponseError`], a middleware puts request ids
//! into the bodies, and the extractors' errors become envelopes (feature `actix-web`).
//!
//! ```
//! use actix_web::{App, web};
//! use error_catalog::{ApiError, Format};
//! use error_catalog::actix::{ErrorMiddleware, json_config, path_config, query_config};
//!
//! /// Resource errors.
//! #[derive(Debug, ApiError)]
//! #[api_error(format = "nested")]
//! pub enum ProjectError {
//!     /// The requested project does not exist.
//!     #[error(code = "not_found", status = 404, message = "Project not found")]
//!     NotFound { resource_id: String },
//! }
//!
//! // The derive implemented `ResponseError`: return the error from any handler.
//! async fn project(id: web::Path<String>) -> Result<String, ProjectError> {
//!     Err(ProjectError::NotFound { resource_id: id.into_inner() })
//! }
//!
//! let app = App::new()
//!     .app_data(json_config())
//!     .app_data(path_config())
//!     .app_data(query_config())
//!     .route("/projects/{id}", web::get().to(project))
//!     .wrap(ErrorMiddleware::new().format(Format::Nested));
//! ```
//!
//! The request id reaches the body the same way as with axum: [`ErrorMiddleware`] runs
//! the request inside a [`RequestContext`] that `error_response` reads (see the
//! [`context` notes](crate::axum#how-the-request-id-reaches-the-body)).

use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::task::{Context, Poll};

use ::actix_web::body::{EitherBody, MessageBody};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use ::actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::CONTENT_TYPE;
use ::actix_web::web::{JsonConfig, PathConfig, QueryConfig};
use ::actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, ResponseError};
use http::HeaderName;

use crate::integrations::context::{self, RequestContext, X_REQUEST_ID};
use crate::integrations::plain;
use crate::integrations::rejection::Rejection;
use crate::model::api_error::ApiError;
use crate::model::format::Format;
use crate::wire::envelope::Envelope;

/// The HTTP status of `error`, as actix-web's type; the derived
/// `ResponseError::status_code` calls this.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "license_expired", status = 403, message = "This license expired")]
/// pub struct LicenseExpired;
///
/// assert_eq!(error_catalog::actix::status_code(&LicenseExpired).as_u16(), 403);
/// ```
pub fn status_code(error: &dyn ApiError) -> StatusCode {
    convert_status(error.status())
}

fn convert_status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response for `error`: its status, `Content-Type`, `Retry-After` when it has a
/// retry hint, and its envelope, with the request id and format of the current
/// [`RequestContext`] (set by [`ErrorMiddleware`]). The derived
/// `ResponseError::error_response` calls this.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
/// pub struct RateLimited { #[error(retry_after)] retry_after: u64 }
///
/// let response = error_catalog::actix::response(&RateLimited { retry_after: 45 });
/// assert_eq!(response.status().as_u16(), 429);
/// assert_eq!(response.headers().get("retry-after").unwrap(), "45");
/// ```
pub fn response(error: &dyn ApiError) -> HttpResponse {
    RequestContext::render(error, |envelope| envelope_response(&envelope))
}

/// The response for an envelope as it is: its status, headers and body.
///
/// ```
/// use error_catalog::{ApiError, Format};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "project_not_found", status = 404, message = "Project not found")]
/// pub struct ProjectNotFound;
///
/// let envelope = ProjectNotFound.envelope().format(Format::Flat).request_id("req_1");
/// let response = error_catalog::actix::envelope_response(&envelope);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
/// ```
pub fn envelope_response(envelope: &Envelope<'_>) -> HttpResponse {
    let mut builder = HttpResponseBuilder::new(convert_status(envelope.status()));
    for (name, value) in &envelope.headers() {
        builder.insert_header((name.as_str(), value.as_bytes()));
    }
    builder.body(envelope.to_vec())
}

/// Handlers that fail with errors of several types can return
/// `Result<T, Box<dyn ApiError + Send + Sync>>`; `?` boxes any `ApiError`.
impl ResponseError for Box<dyn ApiError + Send + Sync> {
    fn status_code(&self) -> StatusCode {
        status_code(&**self)
    }

    fn error_response(&self) -> HttpResponse {
        response(&**self)
    }
}

/// A `JsonConfig` whose errors are [`Rejection`]s (`invalid_json`, `invalid_body`,
/// `unsupported_media_type`, `payload_too_large`); register it with `App::app_data`.
/// Set its size limit and content-type rules as usual.
///
/// ```
/// let config = error_catalog::actix::json_config().limit(64 * 1024);
/// let app = actix_web::App::new().app_data(config);
/// ```
pub fn json_config() -> JsonConfig {
    JsonConfig::default().error_handler(|error, _: &HttpRequest| Rejection::from(error).into())
}

/// A `PathConfig` whose errors are [`Rejection::InvalidPath`]; register it with
/// `App::app_data`.
///
/// ```
/// let app = actix_web::App::new().app_data(error_catalog::actix::path_config());
/// ```
pub fn path_config() -> PathConfig {
    PathConfig::default().error_handler(|error, _: &HttpRequest| Rejection::from(error).into())
}

/// A `QueryConfig` whose errors are [`Rejection::InvalidQuery`]; register it with
/// `App::app_data`.
///
/// ```
/// let app = actix_web::App::new().app_data(error_catalog::actix::query_config());
/// ```
pub fn query_config() -> QueryConfig {
    QueryConfig::default().error_handler(|error, _: &HttpRequest| Rejection::from(error).into())
}

impl From<JsonPayloadError> for Rejection {
    fn from(error: JsonPayloadError) -> Self {
        match error {
            JsonPayloadError::Deserialize(error) if error.is_data() => Rejection::InvalidBody {
                reason: Some(crate::integrations::rejection::hint(&error.to_string())),
            },
            JsonPayloadError::Deserialize(error) => Rejection::InvalidJson {
                reason: Some(crate::integrations::rejection::hint(&error.to_string())),
            },
            JsonPayloadError::ContentType => Rejection::UnsupportedMediaType,
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                Rejection::PayloadTooLarge
            }
            _ => Rejection::BadRequest,
        }
    }
}

impl From<PathError> for Rejection {
    fn from(error: PathError) -> Self {
        match error {
            PathError::Deserialize(error) => Rejection::InvalidPath {
                reason: Some(crate::integrations::rejection::hint(&error.to_string())),
            },
            _ => Rejection::BadRequest,
        }
    }
}

impl From<QueryPayloadError> for Rejection {
    fn from(error: QueryPayloadError) -> Self {
        match error {
            QueryPayloadError::Deserialize(error) => Rejection::InvalidQuery {
                reason: Some(crate::integrations::rejection::hint(&error.to_string())),
            },
            _ => Rejection::BadRequest,
        }
    }
}

/// actix-web middleware: it puts the request id into every error body rendered while
/// the request is served, renders every error in the service's format when one is set,
/// and turns plain error responses (the default 404 and 405) into [`Rejection`]
/// envelopes, keeping their other headers.
///
/// Register it with `App::wrap`, last, so that it wraps every service. The request id
/// comes from the `x-request-id` header; a value that is not visible ASCII is ignored.
///
/// ```
/// use error_catalog::Format;
/// use error_catalog::actix::ErrorMiddleware;
///
/// let app = actix_web::App::new().wrap(ErrorMiddleware::new().format(Format::Nested));
/// ```
#[derive(Debug, Clone)]
pub struct ErrorMiddleware {
    header: HeaderName,
    format: Option<Format>,
}

impl ErrorMiddleware {
    /// Reads `x-request-id`; keeps each error type's own format.
    pub fn new() -> Self {
        ErrorMiddleware {
            header: X_REQUEST_ID,
            format: None,
        }
    }

    /// Renders every error (and every rejection) in `format`.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Reads the request id from `header` instead of `x-request-id`.
    #[must_use]
    pub fn request_id_header(mut self, header: HeaderName) -> Self {
        self.header = header;
        self
    }
}

impl Default for ErrorMiddleware {
    fn default() -> Self {
        ErrorMiddleware::new()
    }
}

impl<S, B> Transform<S, ServiceRequest> for ErrorMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = ::actix_web::Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = ::actix_web::Error;
    type Transform = ErrorMiddlewareService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorMiddlewareService {
            service,
            config: self.clone(),
        }))
    }
}

/// The service made by [`ErrorMiddleware`].
#[derive(Debug)]
pub struct ErrorMiddlewareService<S> {
    service: S,
    config: ErrorMiddleware,
}

impl<S, B> Service<ServiceRequest> for ErrorMiddlewareService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = ::actix_web::Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = ::actix_web::Error;
    type Future = ResponseFuture<S::Future>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let id = request
            .headers()
            .get(self.config.header.as_str())
            .and_then(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
        let context = RequestContext::new()
            .request_id_header(id.as_ref())
            .with_format(self.config.format);
        ResponseFuture {
            inner: context::scope(context, self.service.call(request)),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`ErrorMiddlewareService`].
    pub struct ResponseFuture<F> {
        #[pin]
        inner: tokio::task::futures::TaskLocalFuture<RequestContext, F>,
    }
}

impl<F, B> Future for ResponseFuture<F>
where
    F: Future<Output = Result<ServiceResponse<B>, ::actix_web::Error>>,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, ::actix_web::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut inner = self.project().inner;
        let response = match inner.as_mut().poll(cx) {
            Poll::Ready(Ok(response)) => response,
            Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
            Poll::Pending => return Poll::Pending,
        };
        let content_type = response.headers().get(CONTENT_TYPE);
        let rejection = plain::rejection(
            response.status().as_u16(),
            content_type.map(::actix_web::http::header::HeaderValue::as_bytes),
        );
        let Some(rejection) = rejection else {
            return Poll::Ready(Ok(response.map_into_left_body()));
        };
        let context = inner.take_value().unwrap_or_default();
        let mut normalized = envelope_response(&context.apply(rejection.envelope()));
        let (request, original) = response.into_parts();
        for (name, value) in original.headers() {
            if plain::keeps_header(name.as_str()) {
                normalized.headers_mut().append(name.clone(), value.clone());
            }
        }
        Poll::Ready(Ok(
            ServiceResponse::new(request, normalized).map_into_right_body()
        ))
    }
}
