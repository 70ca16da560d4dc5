//! Default titles, which clients read in RFC 9457 problem bodies and readers in the
//! exports: the code in sentence case when it is made of words, with acronyms in
//! capitals; the variant's name when the code is not words; `title = ".."` above both.

use error_catalog::{ApiError, ErrorSpec, Format};

#[derive(Debug, ApiError)]
pub enum OrderError {
    #[error(code = "order_not_found", status = 404, message = "Order not found")]
    NotFound,
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred"
    )]
    Internal,
    #[error(code = "invalid_json", status = 400, message = "The body is not JSON")]
    BadBody,
    #[error(code = "user_id_missing", status = 400, message = "No user ID")]
    NoUser,
    #[error(code = "RATE_LIMITED", status = 429, message = "Slow down")]
    Throttled,
    #[error(code = "order.payment-declined", status = 402, message = "Declined")]
    Declined,
    #[error(code = "callbackUrlsRejected", status = 400, message = "Bad callbacks")]
    Callbacks,
    // Codes that are not words: the variant's name gives the title.
    #[error(code = "AUTH-401", status = 401, message = "Authentication failed")]
    AuthenticationFailed,
    #[error(code = "E1001", status = 401, message = "The API key is invalid")]
    InvalidApiKey,
    // An explicit title always wins.
    #[error(
        code = "order_conflict",
        status = 409,
        message = "Conflict",
        title = "Order changed meanwhile"
    )]
    Conflict,
}

/// Codes derived by `rename_all` read the same way.
#[derive(Debug, ApiError)]
#[api_error(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UploadError {
    /// The body is not JSON.
    #[error(status = 400)]
    InvalidJsonBody,
    /// The URI is too long.
    #[error(status = 414)]
    UriTooLong,
}

fn titles(catalog: &[ErrorSpec]) -> Vec<(&'static str, &'static str)> {
    catalog
        .iter()
        .map(|spec| (spec.code(), spec.title()))
        .collect()
}

#[test]
fn codes_made_of_words_read_as_titles() {
    assert_eq!(
        titles(OrderError::CATALOG),
        [
            ("order_not_found", "Order not found"),
            ("internal_error", "Internal error"),
            ("invalid_json", "Invalid JSON"),
            ("user_id_missing", "User ID missing"),
            ("RATE_LIMITED", "Rate limited"),
            ("order.payment-declined", "Order payment declined"),
            ("callbackUrlsRejected", "Callback URLs rejected"),
            ("AUTH-401", "Authentication failed"),
            ("E1001", "Invalid API key"),
            ("order_conflict", "Order changed meanwhile"),
        ]
    );
    assert_eq!(
        titles(UploadError::CATALOG),
        [
            ("INVALID_JSON_BODY", "Invalid JSON body"),
            ("URI_TOO_LONG", "URI too long"),
        ]
    );
}

#[test]
fn problem_bodies_carry_the_title() {
    assert_eq!(
        OrderError::NotFound
            .envelope()
            .format(Format::Problem)
            .to_json(),
        r#"{"type":"about:blank","title":"Order not found","status":404,"detail":"Order not found","code":"order_not_found"}"#
    );
    assert_eq!(
        OrderError::AuthenticationFailed
            .envelope()
            .format(Format::Problem)
            .to_json(),
        r#"{"type":"about:blank","title":"Authentication failed","status":401,"detail":"Authentication failed","code":"AUTH-401"}"#
    );
}

/// The crate's own rejections follow the same rule.
#[test]
fn rejection_titles() {
    use error_catalog::Rejection;

    assert_eq!(
        titles(Rejection::CATALOG),
        [
            ("invalid_json", "Invalid JSON"),
            ("invalid_body", "Invalid body"),
            ("unsupported_media_type", "Unsupported media type"),
            ("payload_too_large", "Payload too large"),
            ("invalid_path", "Invalid path"),
            ("invalid_query", "Invalid query"),
            ("route_not_found", "Route not found"),
            ("method_not_allowed", "Method not allowed"),
            ("unauthorized", "Unauthorized"),
            ("forbidden", "Forbidden"),
            ("not_acceptable", "Not acceptable"),
            ("request_timeout", "Request timeout"),
            ("conflict", "Conflict"),
            ("gone", "Gone"),
            ("length_required", "Length required"),
            ("precondition_failed", "Precondition failed"),
            ("uri_too_long", "URI too long"),
            ("range_not_satisfiable", "Range not satisfiable"),
            ("expectation_failed", "Expectation failed"),
            ("misdirected_request", "Misdirected request"),
            ("locked", "Locked"),
            ("precondition_required", "Precondition required"),
            ("too_many_requests", "Too many requests"),
            (
                "request_header_fields_too_large",
                "Request header fields too large"
            ),
            ("not_implemented", "Not implemented"),
            ("bad_gateway", "Bad gateway"),
            ("service_unavailable", "Service unavailable"),
            ("gateway_timeout", "Gateway timeout"),
            ("bad_request", "Bad request"),
            ("request_not_processed", "Request not processed"),
        ]
    );
}
