//! The rule axum's [`ErrorLayer`](crate::axum::ErrorLayer) and actix-web's
//! [`ErrorMiddleware`](crate::actix::ErrorMiddleware) share for plain error responses
//! (the router's 404 and 405, a framework extractor used directly): which ones are
//! replaced by the envelope of a [`Rejection`], and which of their headers the envelope
//! keeps. Each layer applies it to its framework's own response type.

use crate::integrations::rejection::Rejection;

/// The rejection whose envelope replaces a response with this status and `Content-Type`:
/// `Some` for an error status whose body is no envelope (no `Content-Type`, or plain
/// text) and that a rejection stands for ([`Rejection::from_status`]).
pub(crate) fn rejection(status: u16, content_type: Option<&[u8]>) -> Option<Rejection> {
    let is_error = (400..=599).contains(&status);
    let is_plain = content_type.is_none_or(|value| value.starts_with(b"text/plain"));
    if !(is_error && is_plain) {
        return None;
    }
    Rejection::from_status(http::StatusCode::from_u16(status).ok()?)
}

/// Whether the envelope that replaces a plain response keeps this header of it: every
/// header but those of the replaced body, `Content-Type` and `Content-Length` (an `Allow`
/// of a 405 stays).
pub(crate) fn keeps_header(name: &str) -> bool {
    !name.eq_ignore_ascii_case("content-type") && !name.eq_ignore_ascii_case("content-length")
}

#[cfg(test)]
mod tests {
    use super::{keeps_header, rejection};
    use crate::model::api_error::ApiError;

    #[test]
    fn plain_error_responses_and_their_rejections() {
        let code = |status, content_type: Option<&str>| {
            rejection(status, content_type.map(str::as_bytes)).map(|r| r.code())
        };
        assert_eq!(code(404, None), Some("route_not_found"));
        assert_eq!(
            code(405, Some("text/plain; charset=utf-8")),
            Some("method_not_allowed")
        );
        assert_eq!(
            code(415, Some("text/plain")),
            Some("unsupported_media_type")
        );
        // A body of another type is an answer of the service's own.
        assert_eq!(code(404, Some("application/json")), None);
        // No rejection stands for the status, or it is no error.
        assert_eq!(code(401, None), None);
        assert_eq!(code(200, None), None);
        assert_eq!(code(302, Some("text/plain")), None);
    }

    #[test]
    fn the_replaced_body_headers_go() {
        assert!(keeps_header("allow"));
        assert!(keeps_header("x-request-id"));
        assert!(!keeps_header("content-type"));
        assert!(!keeps_header("Content-Length"));
    }
}
