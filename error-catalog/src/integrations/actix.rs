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
use std::rc::Rc;
use std::task::{Context, Poll};

use ::actix_web::body::{EitherBody, MessageBody};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use ::actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE};
use ::actix_web::web::{JsonConfig, PathConfig, QueryConfig};
use ::actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, ResponseError};

use crate::integrations::context::{self, RequestContext};
use crate::integrations::layer::{Settings, settings_methods};
use crate::integrations::plain;
use crate::integrations::rejection::Rejection;
use crate::model::api_error::ApiError;
use crate::observe::{REPLACED_BODY_CAP, RenderedError, replaced_text};
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

/// The response for an envelope as it is: its status, headers and body; its extensions
/// hold the [`RenderedError`] that [`ErrorMiddleware`] logs.
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
    // The message is rendered once, for the body and for the operators' record.
    let rendered = RenderedError::new(envelope.error());
    let mut response = builder.body(envelope.with_message(rendered.message()).to_vec());
    response.extensions_mut().insert(rendered);
    response
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

/// actix-web middleware, for everything an error response needs beyond its body, as
/// axum's [`ErrorLayer`](crate::axum::ErrorLayer) does it: request ids (kept, made,
/// sent back in `x-request-id` on every response), one format for every error, no plain
/// error response (a response with a status of 400 or more whose body is no JSON
/// envelope becomes the envelope of its status's [`Rejection`], its text going to the
/// log only), and one event per error response (under two middlewares, a scope's and
/// the application's, the inner one logs it).
///
/// An `Err(actix_web::Error)` that an inner middleware or a `wrap_fn` returns (an auth
/// middleware's `ErrorUnauthorized("…")`) comes out as a response too: an `ApiError`'s
/// in the service's format with the request id, any other error as the envelope of the
/// `Rejection` of its status, its text going to the log only. It leaves the middleware as
/// an `Err` still (the request it answers is no longer at hand), whose response
/// actix-web writes as it is.
///
/// Register it with `App::wrap`, last, so that it wraps every service (a middleware
/// wrapped around it would see those errors as errors).
///
/// ```
/// use error_catalog::Format;
/// use error_catalog::actix::ErrorMiddleware;
///
/// let app = actix_web::App::new().wrap(
///     ErrorMiddleware::new()
///         .format(Format::Nested)
///         .client_error_level(tracing::Level::WARN),
/// );
/// ```
#[derive(Debug, Clone)]
pub struct ErrorMiddleware {
    settings: Settings,
}

settings_methods!(ErrorMiddleware, "error_catalog::actix::ErrorMiddleware");

impl<S, B> Transform<S, ServiceRequest> for ErrorMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = ::actix_web::Error>,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = ::actix_web::Error;
    type Transform = ErrorMiddlewareService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorMiddlewareService {
            service,
            settings: Rc::new(self.settings.clone()),
        }))
    }
}

/// The service made by [`ErrorMiddleware`].
#[derive(Debug)]
pub struct ErrorMiddlewareService<S> {
    service: S,
    settings: Rc<Settings>,
}

impl<S, B> Service<ServiceRequest> for ErrorMiddlewareService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = ::actix_web::Error>,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = ::actix_web::Error;
    type Future = ResponseFuture<B>;

    forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        let settings = Rc::clone(&self.settings);
        let headers = request.headers();
        // actix-web's header values are of another `http` version: through their bytes.
        let sent = headers
            .get(settings.header.as_str())
            .and_then(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
        let languages = headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| http::HeaderValue::from_bytes(value.as_bytes()).ok());
        let (context, id) = settings.context(
            sent.as_ref(),
            headers
                .get(ACCEPT)
                .map(::actix_web::http::header::HeaderValue::as_bytes),
            languages.as_ref(),
        );
        let name = ::actix_web::http::header::HeaderName::from_bytes(settings.header.as_ref()).ok();
        let value = ::actix_web::http::header::HeaderValue::from_bytes(id.as_bytes()).ok();
        if let (Some(name), Some(value)) = (&name, &value) {
            request.headers_mut().insert(name.clone(), value.clone());
        }
        let inner = self.service.call(request);
        let scoped = context.clone();
        ResponseFuture {
            inner: Box::pin(context::scope(scoped, async move {
                let mut response = match inner.await {
                    Ok(response) => finish(response, &context, &settings).await,
                    Err(error) => {
                        let mut answer = from_error(&error, &context, &settings);
                        if let (Some(name), Some(value)) = (name, value) {
                            answer.headers_mut().insert(name, value);
                        }
                        return Err(Answered::from(answer).into());
                    }
                };
                if let (Some(name), Some(value)) = (name, value) {
                    response.headers_mut().insert(name, value);
                }
                Ok(response)
            })),
        }
    }
}

/// The response future of [`ErrorMiddlewareService`].
pub struct ResponseFuture<B> {
    #[allow(clippy::type_complexity)]
    inner:
        Pin<Box<dyn Future<Output = Result<ServiceResponse<EitherBody<B>>, ::actix_web::Error>>>>,
}

impl<B> std::fmt::Debug for ResponseFuture<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResponseFuture")
    }
}

impl<B> Future for ResponseFuture<B> {
    type Output = Result<ServiceResponse<EitherBody<B>>, ::actix_web::Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

/// The response the client gets for `response`, and its event (as axum's layer does).
async fn finish<B: MessageBody + 'static>(
    mut response: ServiceResponse<B>,
    context: &RequestContext,
    settings: &Settings,
) -> ServiceResponse<EitherBody<B>> {
    let rendered = {
        let mut extensions = response.response_mut().extensions_mut();
        match extensions.get_mut::<RenderedError>() {
            Some(rendered) => {
                // Unless a middleware nearer the handler did.
                if !rendered.observed {
                    settings.observe(rendered, context);
                    rendered.observed = true;
                }
                true
            }
            None => false,
        }
    };
    if rendered {
        return response.map_into_left_body();
    }
    let rejection = plain::rejection(
        response.status().as_u16(),
        response
            .headers()
            .get(CONTENT_TYPE)
            .map(::actix_web::http::header::HeaderValue::as_bytes),
    );
    let Some(rejection) = rejection else {
        return response.map_into_left_body();
    };
    let (request, original) = response.into_parts();
    let (original, body) = original.into_parts();
    let text = replaced_text(&read_prefix(body).await);
    let normalized = replace(&rejection, text, original.headers(), context, settings);
    ServiceResponse::new(request, normalized).map_into_right_body()
}

/// The envelope of `rejection` for a replaced response whose headers were `headers` and
/// whose body began with `text` (for the log).
fn replace(
    rejection: &Rejection,
    text: String,
    headers: &::actix_web::http::header::HeaderMap,
    context: &RequestContext,
    settings: &Settings,
) -> HttpResponse {
    let mut normalized = envelope_response(&context.apply(rejection.envelope()));
    let mut rendered = RenderedError::new(rejection).replacing(text);
    settings.observe(&rendered, context);
    rendered.observed = true;
    normalized.extensions_mut().insert(rendered);
    for (name, value) in headers {
        if plain::keeps_header(name.as_str()) {
            normalized.headers_mut().append(name.clone(), value.clone());
        }
    }
    normalized
}

/// The response for an error an inner service returned: its own when it is an envelope
/// (an `ApiError` rendered in this request's context), else the envelope of the
/// rejection of its status, with its text in the log.
fn from_error(
    error: &::actix_web::Error,
    context: &RequestContext,
    settings: &Settings,
) -> HttpResponse {
    let response = error.error_response();
    let observed = {
        let extensions = response.extensions();
        let rendered = extensions.get::<RenderedError>();
        rendered.map(|rendered| settings.observe(rendered, context))
    };
    if observed.is_some() {
        return response;
    }
    let status = response.status().as_u16();
    let rejection = Rejection::from_status(
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
    )
    .unwrap_or(Rejection::NotProcessed);
    let text = replaced_text(error.to_string().as_bytes());
    replace(&rejection, text, response.headers(), context, settings)
}

/// An error response made by the middleware for an `Err` of an inner service, passed on
/// as an error (the request it answers is no longer at hand): actix-web writes it as it
/// is.
#[derive(Debug)]
struct Answered {
    status: StatusCode,
    headers: ::actix_web::http::header::HeaderMap,
    body: ::actix_web::web::Bytes,
}

impl From<HttpResponse> for Answered {
    fn from(response: HttpResponse) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().try_into_bytes().unwrap_or_default();
        Answered {
            status,
            headers,
            body,
        }
    }
}

impl std::fmt::Display for Answered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error response {}", self.status)
    }
}

impl ResponseError for Answered {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::with_body(self.status, self.body.clone());
        *response.headers_mut() = self.headers.clone();
        response.map_into_boxed_body()
    }
}

/// The first [`REPLACED_BODY_CAP`] bytes of `body` (fewer if it ends or fails first).
async fn read_prefix<B: MessageBody>(body: B) -> Vec<u8> {
    let mut body = Box::pin(body);
    let mut bytes = Vec::new();
    while bytes.len() < REPLACED_BODY_CAP {
        match std::future::poll_fn(|cx| body.as_mut().poll_next(cx)).await {
            Some(Ok(data)) => {
                let room = REPLACED_BODY_CAP - bytes.len();
                bytes.extend_from_slice(&data[..data.len().min(room)]);
            }
            _ => break,
        }
    }
    bytes
}
