//! Requests a web framework refuses before a handler runs, as catalog errors.

use error_catalog_derive::ApiError;

/// A request the framework rejected before any handler ran: a body that is not JSON or
/// not the expected shape, a bad path parameter or query string, no route, a method the
/// route does not accept.
///
/// The axum and actix-web integrations turn the frameworks' own rejections into this
/// type, so they are answered with envelopes like every other error of the service, with
/// codes that are in a catalog ([`Rejection::CATALOG`]) and take part in `catalog!`'s
/// uniqueness check. `reason` details carry the parser's explanation of what is wrong with
/// the client's input (a missing field, a value of the wrong type, a line and column);
/// they never carry server-side text.
///
/// Its own format is [`Format::Problem`](crate::Format::Problem); set the service's format
/// on the layer (`ErrorLayer::format`, `ErrorMiddleware::format`) to answer rejections in
/// the same format as the rest of the service.
///
/// ```
/// use error_catalog::{ApiError, Rejection};
///
/// let rejection = Rejection::InvalidBody { reason: Some("missing field `name` at line 1 column 2".into()) };
/// assert_eq!(rejection.code(), "invalid_body");
/// assert_eq!(rejection.status().as_u16(), 422);
/// assert_eq!(
///     rejection.envelope().to_json(),
///     r#"{"type":"about:blank","title":"Invalid body","status":422,"detail":"The request body does not match the expected schema","code":"invalid_body","reason":"missing field `name` at line 1 column 2"}"#,
/// );
/// assert_eq!(
///     Rejection::CATALOG.iter().map(|spec| spec.code()).collect::<Vec<_>>(),
///     [
///         "invalid_json", "invalid_body", "unsupported_media_type", "payload_too_large",
///         "invalid_path", "invalid_query", "route_not_found", "method_not_allowed",
///         "bad_request", "request_not_processed",
///     ],
/// );
/// ```
#[derive(Debug, ApiError)]
#[non_exhaustive]
pub enum Rejection {
    /// The request body is not syntactically valid JSON.
    #[error(
        code = "invalid_json",
        status = 400,
        message = "The request body is not valid JSON",
        resolution = "Send a well-formed JSON document."
    )]
    InvalidJson {
        /// What the parser found, e.g. `expected value at line 1 column 10`.
        reason: Option<String>,
    },

    /// The request body is valid JSON but not of the expected shape: a required field is
    /// missing or a value has the wrong type.
    #[error(
        code = "invalid_body",
        status = 422,
        message = "The request body does not match the expected schema",
        resolution = "Check the body against the endpoint's schema."
    )]
    InvalidBody {
        /// What does not match, e.g. ``missing field `name` at line 1 column 2``.
        reason: Option<String>,
    },

    /// The request has a body but no `Content-Type: application/json` header.
    #[error(
        code = "unsupported_media_type",
        status = 415,
        message = "Expected a request with `Content-Type: application/json`",
        resolution = "Send the body with `Content-Type: application/json`."
    )]
    UnsupportedMediaType,

    /// The request body is larger than the server accepts.
    #[error(
        code = "payload_too_large",
        status = 413,
        message = "The request body is too large",
        resolution = "Send a smaller body."
    )]
    PayloadTooLarge,

    /// A path parameter could not be parsed into the expected type.
    #[error(
        code = "invalid_path",
        status = 400,
        message = "The URL path is invalid",
        resolution = "Check the path parameters' format."
    )]
    InvalidPath {
        /// Which parameter and why, e.g. ``Cannot parse `abc` to a `u32` ``.
        reason: Option<String>,
    },

    /// The query string could not be parsed into the expected parameters.
    #[error(
        code = "invalid_query",
        status = 400,
        message = "The query string is invalid",
        resolution = "Check the query parameters' names and format."
    )]
    InvalidQuery {
        /// Which parameter and why.
        reason: Option<String>,
    },

    /// No route matches the request path.
    #[error(
        code = "route_not_found",
        status = 404,
        message = "No route matches the request path",
        resolution = "Check the URL against the API reference."
    )]
    RouteNotFound,

    /// The route exists but does not accept the request method; the `Allow` header lists
    /// the methods it accepts.
    #[error(
        code = "method_not_allowed",
        status = 405,
        message = "The route does not accept this method",
        resolution = "Use one of the methods in the `Allow` header."
    )]
    MethodNotAllowed,

    /// The framework rejected the request for another reason.
    #[error(
        code = "bad_request",
        status = 400,
        message = "The request is malformed",
        resolution = "Verify the request's format and headers."
    )]
    BadRequest,

    /// The server could not prepare the request for its handler (a server-side
    /// configuration error, not the client's).
    #[error(
        code = "request_not_processed",
        status = 500,
        message = "The server could not process the request",
        resolution = "Retry later; if it persists, contact support with the request id."
    )]
    NotProcessed,
}

impl Rejection {
    /// The rejection a framework's plain error response of this status stands for, if
    /// any: used by the layers for responses that carry no envelope (axum's router 404 and
    /// 405, extractors used directly).
    ///
    /// ```
    /// use error_catalog::Rejection;
    /// use http::StatusCode;
    ///
    /// assert!(matches!(Rejection::from_status(StatusCode::NOT_FOUND), Some(Rejection::RouteNotFound)));
    /// assert!(Rejection::from_status(StatusCode::UNAUTHORIZED).is_none());
    /// ```
    pub fn from_status(status: http::StatusCode) -> Option<Rejection> {
        Some(match status.as_u16() {
            400 => Rejection::BadRequest,
            404 => Rejection::RouteNotFound,
            405 => Rejection::MethodNotAllowed,
            413 => Rejection::PayloadTooLarge,
            415 => Rejection::UnsupportedMediaType,
            422 => Rejection::InvalidBody { reason: None },
            _ => return None,
        })
    }
}
