//! The rule axum's [`ErrorLayer`](crate::axum::ErrorLayer) and actix-web's
//! [`ErrorMiddleware`](crate::actix::ErrorMiddleware) share for error responses that are
//! no envelope (the router's 404 and 405, a framework extractor used directly, a
//! handler's `(500, "db error: …")`, an auth middleware's plain-text 401): which ones
//! are replaced by the envelope of a [`Rejection`], and which of their headers the
//! envelope keeps. Each layer applies it to its framework's own response type.

use crate::integrations::rejection::Rejection;

/// Whether a `Content-Type` is one of a JSON error envelope: `application/json`,
/// `application/problem+json`, or any other `application/*+json`, parameters aside.
pub(crate) fn is_envelope_type(content_type: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(content_type) else {
        return false;
    };
    let media = text.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = media.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5
                && subtype.is_char_boundary(subtype.len() - 5)
                && subtype[subtype.len() - 5..].eq_ignore_ascii_case("+json"))
}

/// The rejection whose envelope replaces a response with this status and `Content-Type`:
/// `Some` for every error status (400 to 599) whose body is no envelope (no
/// `Content-Type`, `text/*`, HTML, any type other than [the JSON
/// ones](is_envelope_type)).
pub(crate) fn rejection(status: u16, content_type: Option<&[u8]>) -> Option<Rejection> {
    if content_type.is_some_and(is_envelope_type) {
        return None;
    }
    Rejection::from_status(http::StatusCode::from_u16(status).ok()?)
}

/// The representation headers of a replaced body: they describe that body, so they go
/// with it.
const BODY_HEADERS: [&str; 12] = [
    "content-type",
    "content-length",
    "content-encoding",
    "content-language",
    "content-location",
    "content-range",
    "content-disposition",
    "etag",
    "last-modified",
    "digest",
    "content-digest",
    "repr-digest",
];

/// Whether the envelope that replaces a plain response keeps this header of it: every
/// header but the representation headers of the replaced body (`Allow`, `Retry-After`,
/// `WWW-Authenticate` and the rest stay).
pub(crate) fn keeps_header(name: &str) -> bool {
    !BODY_HEADERS
        .iter()
        .any(|header| header.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::{is_envelope_type, keeps_header, rejection};
    use crate::model::api_error::ApiError;

    #[test]
    fn error_responses_that_are_no_envelope_and_their_rejections() {
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
        assert_eq!(code(401, Some("text/html")), Some("unauthorized"));
        assert_eq!(
            code(500, Some("text/plain; charset=utf-8")),
            Some("request_not_processed")
        );
        assert_eq!(
            code(503, Some("application/octet-stream")),
            Some("service_unavailable")
        );
        assert_eq!(code(502, Some("application/xml")), Some("bad_gateway"));
        // Statuses without a rejection of their own: the generic one of their class.
        assert_eq!(code(418, None), Some("bad_request"));
        assert_eq!(code(599, None), Some("request_not_processed"));
        // A JSON body is an answer of the service's own.
        assert_eq!(code(404, Some("application/json")), None);
        assert_eq!(code(500, Some("application/problem+json")), None);
        assert_eq!(code(500, Some("Application/Vnd.Api+JSON; x=1")), None);
        // No error.
        assert_eq!(code(200, None), None);
        assert_eq!(code(302, Some("text/plain")), None);
        assert_eq!(code(399, None), None);
    }

    #[test]
    fn envelope_types() {
        for yes in [
            "application/json",
            "application/problem+json",
            "application/json; charset=utf-8",
            " APPLICATION/JSON ",
        ] {
            assert!(is_envelope_type(yes.as_bytes()), "{yes}");
        }
        for no in [
            "text/plain",
            "text/json",
            "application/jsonx",
            "application/+json",
            "json",
            "",
            "application/xml",
        ] {
            assert!(!is_envelope_type(no.as_bytes()), "{no}");
        }
        assert!(!is_envelope_type(b"\xff/json"));
    }

    #[test]
    fn the_replaced_body_headers_go() {
        for kept in ["allow", "x-request-id", "Retry-After", "www-authenticate"] {
            assert!(keeps_header(kept), "{kept}");
        }
        for gone in [
            "content-type",
            "Content-Length",
            "content-encoding",
            "content-language",
            "content-location",
            "content-range",
            "content-disposition",
            "ETag",
            "last-modified",
            "digest",
            "content-digest",
            "repr-digest",
        ] {
            assert!(!keeps_header(gone), "{gone}");
        }
    }
}
