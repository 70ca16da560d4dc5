//! axum: every `ApiError` type is an [`IntoResponse`], a layer puts request ids into the
//! bodies, and axum's own rejections become envelopes (feature `axum`).
//!
//! ```
//! use axum::{Router, routing::get};
//! use error_catalog::{ApiError, Format};
//! use error_catalog::axum::{ErrorLayer, Path};
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
//! // The derive implemented `IntoResponse`: return the error from any handler.
//! async fn project(Path(id): Path<String>) -> Result<String, ProjectError> {
//!     Err(ProjectError::NotFound { resource_id: id })
//! }
//!
//! let app: Router = Router::new()
//!     .route("/projects/{id}", get(project))
//!     // Request ids from `x-request-id`; rejections, unknown routes and methods as
//!     // `Nested` envelopes too.
//!     .layer(ErrorLayer::new().format(Format::Nested));
//! ```
//!
//! # How the request id reaches the body
//!
//! `IntoResponse::into_response` has no access to the request. [`ErrorLayer`] reads the
//! request id header and runs the rest of the request in a tokio task-local
//! [`RequestContext`]; the derived `into_response` reads it and renders the body once,
//! with the id. (The alternative, a response extension that the layer renders later,
//! would need the error to be `Clone + Send + Sync + 'static` and would render twice.)
//! A response made outside the layer's future (a spawned task) has no context: it is
//! still a correct envelope, in its type's format, without a request id.
//!
//! # Rejections
//!
//! The extractors of this module ([`Json`], [`Path`], [`Query`]) reject with a
//! [`Rejection`], which says precisely what was wrong (`invalid_json`, `invalid_body`,
//! `unsupported_media_type`, `invalid_path`, `invalid_query`, ...). `From` impls turn
//! axum's rejection types into it for extractors of your own. [`ErrorLayer`] replaces
//! every error response that is still no JSON envelope (the router's 404 and 405, axum's
//! extractors used directly, a handler's `(500, "…")`) with the envelope of the
//! [`Rejection`] for its status, keeping its headers but those of the replaced body
//! (such as `Allow`, `Retry-After`, `WWW-Authenticate`); the replaced text goes to the
//! log only.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use ::axum::body::Body;
use ::axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::response::{IntoResponse, Response};
use http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE};
use http::request::Parts;
use http::{HeaderValue, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::integrations::context::{self, RequestContext};
use crate::integrations::layer::{Settings, settings_methods};
use crate::integrations::plain;
use crate::integrations::rejection::Rejection;
use crate::model::api_error::ApiError;
use crate::observe::{REPLACED_BODY_CAP, RenderedError, replaced_text};
use crate::wire::envelope::Envelope;

/// The response for `error`: its status, `Content-Type`, `Retry-After` when it has a
/// retry hint, and its envelope, with the request id and format of the current
/// [`RequestContext`] (set by [`ErrorLayer`]).
///
/// The derived `IntoResponse` impls call this; call it yourself for a
/// `&dyn ApiError`.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
/// pub struct RateLimited { #[error(retry_after)] retry_after: u64 }
///
/// let response = error_catalog::axum::response(&RateLimited { retry_after: 45 });
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.headers()["retry-after"], "45");
/// ```
pub fn response(error: &dyn ApiError) -> Response {
    RequestContext::render(error, |envelope| envelope.into_response())
}

/// An envelope is a response as it is: its status, headers and body, in its format and
/// with its request id (no [`RequestContext`] is applied).
///
/// ```
/// use axum::response::IntoResponse;
/// use error_catalog::{ApiError, Format};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "project_not_found", status = 404, message = "Project not found")]
/// pub struct ProjectNotFound;
///
/// let response = ProjectNotFound.envelope().format(Format::Flat).request_id("req_1").into_response();
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// ```
///
/// The response's extensions hold the [`RenderedError`] of the envelope's error, which
/// [`ErrorLayer`] logs.
impl IntoResponse for Envelope<'_> {
    fn into_response(self) -> Response {
        // The message is rendered once, for the body and for the operators' record.
        let rendered = RenderedError::new(self.error());
        let body = self.with_message(rendered.message()).to_vec();
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status();
        *response.headers_mut() = self.headers();
        response.extensions_mut().insert(rendered);
        response
    }
}

/// Handlers that fail with errors of several types can return
/// `Result<T, Box<dyn ApiError + Send + Sync>>`; `?` boxes any `ApiError`.
///
/// ```
/// use axum::response::IntoResponse;
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "license_expired", status = 403, message = "This license expired")]
/// pub struct LicenseExpired;
///
/// fn check() -> Result<(), Box<dyn ApiError + Send + Sync>> {
///     Err(LicenseExpired)?
/// }
/// assert_eq!(check().unwrap_err().into_response().status(), 403);
/// ```
impl IntoResponse for Box<dyn ApiError + Send + Sync> {
    fn into_response(self) -> Response {
        response(&*self)
    }
}

impl IntoResponse for Box<dyn ApiError + Send> {
    fn into_response(self) -> Response {
        response(&*self)
    }
}

/// A [`tower`](https://docs.rs/tower) layer for axum services, for everything an error
/// response needs beyond its body:
///
/// - **request ids**: the client's `x-request-id` when it is 1 to 128 visible ASCII
///   characters, else a new one (a UUID v7, or [your
///   generator's](ErrorLayer::request_id_generator)); it is set on the request (so
///   handlers and tower-http's `PropagateRequestIdLayer` see it), put in every error
///   body, and sent back in the `x-request-id` header of every response, success
///   included;
/// - **one format**: every error (and rejection) in [the service's
///   format](ErrorLayer::format), or [per request](ErrorLayer::negotiate);
/// - **no plain error response**: a response with a status of 400 or more whose body is
///   no JSON envelope (no `Content-Type`, `text/*`, HTML, any type but `application/json`
///   and `application/*+json`) is replaced with the envelope of the [`Rejection`] of its
///   status (5xx included), keeping its headers but those of the replaced body
///   (`Content-Type`, `Content-Length`, `Content-Encoding`, `ETag`, ...): the router's
///   404 and 405, axum's own extractors, a handler's `(500, "db error: …")`. The first
///   KiB of the replaced body goes to the log, never to the client. A JSON error body
///   the service wrote itself passes as it is;
/// - **one event per error response**: logged through `tracing` and counted through
///   `metrics` ([the event's fields and the counter](crate::observe)), and passed to
///   [your hook](ErrorLayer::on_error). The derived `IntoResponse` puts a
///   [`RenderedError`] in the response's extensions; the layer reads it there. An
///   error rendered without the layer is not logged; under two layers (a nested
///   router's and the application's) the inner one logs it, once.
///
/// Add it with `Router::layer`, last, so that it wraps the routes and the fallback.
/// tower-http's `SetRequestIdLayer` and `PropagateRequestIdLayer` compose with it in
/// either order: inside this layer they see the id it set, outside it they set the id
/// it reads.
///
/// ```
/// use axum::{Router, routing::get};
/// use error_catalog::Format;
/// use error_catalog::axum::ErrorLayer;
///
/// let app: Router = Router::new()
///     .route("/health", get(|| async { "ok" }))
///     .layer(
///         ErrorLayer::new()
///             .format(Format::Nested)
///             .client_error_level(tracing::Level::WARN)
///             .on_error(|event| assert!(event.request_id().is_some())),
///     );
/// ```
#[derive(Debug, Clone)]
pub struct ErrorLayer {
    settings: Settings,
}

settings_methods!(ErrorLayer, "error_catalog::axum::ErrorLayer");

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            settings: Arc::new(self.settings.clone()),
        }
    }
}

/// The service made by [`ErrorLayer`].
#[derive(Debug, Clone)]
pub struct ErrorService<S> {
    inner: S,
    settings: Arc<Settings>,
}

impl<S, B> tower_service::Service<http::Request<B>> for ErrorService<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let headers = request.headers();
        let (context, id) = self.settings.context(
            headers.get(&self.settings.header),
            headers.get(ACCEPT).map(HeaderValue::as_bytes),
            headers.get(ACCEPT_LANGUAGE),
        );
        // The handler reads the id the response is answered with: the request's own
        // header when it is that id alone, else the id written over it.
        let mut sent = headers.get_all(&self.settings.header).iter();
        if sent.next() != Some(&id) || sent.next().is_some() {
            request
                .headers_mut()
                .insert(self.settings.header.clone(), id.clone());
        }
        ResponseFuture {
            state: State::Serving {
                inner: context::scope(context, self.inner.call(request)),
            },
            settings: Arc::clone(&self.settings),
            id: Some(id),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`ErrorService`].
    pub struct ResponseFuture<F> {
        #[pin]
        state: State<F>,
        settings: Arc<Settings>,
        id: Option<HeaderValue>,
    }
}

pin_project_lite::pin_project! {
    /// Serving the request, then (for an error response that is no envelope only)
    /// reading the beginning of its body and replacing it.
    #[project = StateProjection]
    enum State<F> {
        Serving {
            #[pin]
            inner: tokio::task::futures::TaskLocalFuture<RequestContext, F>,
        },
        Replacing {
            replacing: Pin<Box<dyn Future<Output = Response> + Send>>,
        },
    }
}

impl<F> std::fmt::Debug for ResponseFuture<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResponseFuture")
    }
}

impl<F, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            let mut response = match this.state.as_mut().project() {
                StateProjection::Serving { mut inner } => {
                    let response = match inner.as_mut().poll(cx) {
                        Poll::Ready(Ok(response)) => response,
                        other => return other,
                    };
                    let context = inner.take_value().unwrap_or_default();
                    match finish(response, context, this.settings) {
                        Ok(response) => response,
                        Err(replacing) => {
                            this.state.set(State::Replacing { replacing });
                            continue;
                        }
                    }
                }
                StateProjection::Replacing { replacing } => match replacing.as_mut().poll(cx) {
                    Poll::Ready(response) => response,
                    Poll::Pending => return Poll::Pending,
                },
            };
            if let Some(id) = this.id.take() {
                response
                    .headers_mut()
                    .insert(this.settings.header.clone(), id);
            }
            return Poll::Ready(Ok(response));
        }
    }
}

/// The response the client gets for `response`, and its event: an error response the
/// integration rendered is logged as it is; an error response that is no envelope is
/// replaced ([`plain::rejection`]) and logged with the beginning of its body, which
/// takes reading it: `Err` with the future that does.
fn finish(
    mut response: Response,
    context: RequestContext,
    settings: &Arc<Settings>,
) -> Result<Response, Pin<Box<dyn Future<Output = Response> + Send>>> {
    if let Some(rendered) = response.extensions_mut().get_mut::<RenderedError>() {
        // Unless a layer nearer the handler did.
        if !rendered.observed {
            settings.observe(rendered, &context);
            rendered.observed = true;
        }
        return Ok(response);
    }
    let rejection = plain::rejection(
        response.status().as_u16(),
        response
            .headers()
            .get(CONTENT_TYPE)
            .map(HeaderValue::as_bytes),
    );
    let Some(rejection) = rejection else {
        return Ok(response);
    };
    let settings = Arc::clone(settings);
    Err(Box::pin(async move {
        replace(response, &rejection, &context, &settings).await
    }))
}

/// The envelope of `rejection` for `response`, keeping the headers
/// [`plain::keeps_header`] keeps; logged with the beginning of the replaced body.
async fn replace(
    response: Response,
    rejection: &Rejection,
    context: &RequestContext,
    settings: &Settings,
) -> Response {
    let (parts, body) = response.into_parts();
    let text = replaced_text(&read_prefix(body).await);
    let mut normalized = context.apply(rejection.envelope()).into_response();
    let mut rendered = RenderedError::new(rejection).replacing(text);
    settings.observe(&rendered, context);
    rendered.observed = true;
    normalized.extensions_mut().insert(rendered);
    let headers = normalized.headers_mut();
    let mut last = None;
    for (name, value) in parts.headers {
        if let Some(name) = name {
            last = Some(name);
        }
        match &last {
            Some(name) if plain::keeps_header(name.as_str()) => {
                headers.append(name.clone(), value);
            }
            _ => {}
        }
    }
    normalized
}

/// The first [`REPLACED_BODY_CAP`] bytes of `body` (fewer if it ends or fails first).
async fn read_prefix(mut body: Body) -> Vec<u8> {
    use http_body::Body as _;
    let mut bytes = Vec::new();
    while bytes.len() < REPLACED_BODY_CAP {
        let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        match frame {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    let room = REPLACED_BODY_CAP - bytes.len();
                    bytes.extend_from_slice(&data[..data.len().min(room)]);
                }
            }
            _ => break,
        }
    }
    bytes
}

/// A rejection's `reason`: the text of its innermost cause (the parser's message),
/// without axum's prefix, as a hint.
fn reason(rejection: &dyn std::error::Error) -> String {
    let mut cause = rejection;
    while let Some(next) = cause.source() {
        cause = next;
    }
    crate::integrations::rejection::hint(&cause.to_string())
}

impl From<JsonRejection> for Rejection {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonSyntaxError(error) => Rejection::InvalidJson {
                reason: Some(reason(&error)),
            },
            JsonRejection::JsonDataError(error) => Rejection::InvalidBody {
                reason: Some(reason(&error)),
            },
            JsonRejection::MissingJsonContentType(_) => Rejection::UnsupportedMediaType,
            other => match other.status() {
                StatusCode::PAYLOAD_TOO_LARGE => Rejection::PayloadTooLarge,
                status if status.is_server_error() => Rejection::NotProcessed,
                _ => Rejection::BadRequest,
            },
        }
    }
}

impl From<PathRejection> for Rejection {
    fn from(rejection: PathRejection) -> Self {
        match rejection {
            PathRejection::FailedToDeserializePathParams(error)
                if error.status().is_client_error() =>
            {
                Rejection::InvalidPath {
                    reason: Some(crate::integrations::rejection::hint(
                        &error.kind().to_string(),
                    )),
                }
            }
            // A route whose parameters do not fit the extractor: a server bug.
            _ => Rejection::NotProcessed,
        }
    }
}

impl From<QueryRejection> for Rejection {
    fn from(rejection: QueryRejection) -> Self {
        match rejection {
            QueryRejection::FailedToDeserializeQueryString(error) => Rejection::InvalidQuery {
                reason: Some(reason(&error)),
            },
            _ => Rejection::BadRequest,
        }
    }
}

/// axum's [`Json`](::axum::Json) extractor and response, rejecting with a [`Rejection`]
/// (`invalid_json`, `invalid_body`, `unsupported_media_type`, `payload_too_large`).
///
/// ```
/// use error_catalog::axum::Json;
///
/// #[derive(serde::Deserialize)]
/// struct NewProject { name: String }
///
/// async fn create(Json(project): Json<NewProject>) -> String {
///     project.name
/// }
/// # let _: axum::routing::MethodRouter = axum::routing::post(create);
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(rejection.into()),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

/// axum's [`Path`](::axum::extract::Path) extractor, rejecting with a [`Rejection`]
/// (`invalid_path`).
///
/// ```
/// use error_catalog::axum::Path;
///
/// async fn project(Path(id): Path<u32>) -> String {
///     id.to_string()
/// }
/// # let _: axum::routing::MethodRouter = axum::routing::get(project);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => Err(rejection.into()),
        }
    }
}

/// axum's [`Query`](::axum::extract::Query) extractor, rejecting with a [`Rejection`]
/// (`invalid_query`).
///
/// ```
/// use error_catalog::axum::Query;
///
/// #[derive(serde::Deserialize)]
/// struct Page { limit: u32 }
///
/// async fn list(Query(page): Query<Page>) -> String {
///     page.limit.to_string()
/// }
/// # let _: axum::routing::MethodRouter = axum::routing::get(list);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match ::axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(rejection.into()),
        }
    }
}

/// A handler for `Router::fallback` that answers every unknown route with
/// [`Rejection::RouteNotFound`]; [`ErrorLayer`] does the same for the default fallback,
/// so this is for routers served without the layer.
///
/// ```
/// let app: axum::Router = axum::Router::new().fallback(error_catalog::axum::route_not_found);
/// ```
#[allow(clippy::unused_async)] // axum handlers are async functions.
pub async fn route_not_found() -> Rejection {
    Rejection::RouteNotFound
}
