//! Requests a web framework refuses before a handler runs, as catalog errors.

use error_catalog_derive::ApiError;

/// A request the framework rejected before any handler ran, or an error response of the
/// service that was no envelope.
///
/// The first: a body that is not JSON or not the expected shape, a bad path parameter or
/// query string, no route, a method the route does not accept. The second: a plain-text
/// 401 of an auth middleware, a handler's `(500, "…")`, any error status whose body is
/// not JSON; the layers answer it with the envelope of its status's rejection, and its
/// text goes to the log only.
///
/// The axum and actix-web integrations turn the frameworks' own rejections into this
/// type, so they are answered with envelopes like every other error of the service, with
/// codes that are in a catalog ([`Rejection::CATALOG`]) and take part in `catalog!`'s
/// uniqueness check. `reason` details carry the parser's explanation of what is wrong with
/// the client's input (a missing field, a value of the wrong type, a line and column);
/// they never carry server-side text.
///
/// The integrations keep a `reason` a hint: at most 200 characters (a longer one is cut
/// and ends in `…`), without the lists of a type's field or variant names that serde
/// adds (``unknown field `x`, expected one of `a`, `b` `` reads ``unknown field `x` ``)
/// or the Rust type's name (``expected struct NewProject`` reads ``expected struct``),
/// with each quoted excerpt of the input cut to 24 characters, and with control and
/// bidirectional formatting characters replaced by `�`.
///
/// Its codes take part in `catalog!`'s uniqueness check like any other: a service whose
/// own types declare one of them (`conflict`, `forbidden`, `too_many_requests`, ...) gets
/// the duplicate-code error from `catalog!(…, Rejection)` and renames its code (or lists
/// its types without `Rejection`). The code of a replaced 500 is
/// `request_not_processed`, not the `internal_error` that services commonly declare.
///
/// The type, its codes and its catalog need no cargo feature: a client (an SDK that
/// enables no framework) names and decodes rejections like its service's own errors;
/// the `axum` and `actix-web` features add only what turns the frameworks' rejections
/// into it.
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
///         "unauthorized", "forbidden", "not_acceptable", "request_timeout", "conflict",
///         "gone", "length_required", "precondition_failed", "uri_too_long",
///         "range_not_satisfiable", "expectation_failed", "misdirected_request", "locked",
///         "precondition_required", "too_many_requests", "request_header_fields_too_large",
///         "not_implemented", "bad_gateway", "service_unavailable", "gateway_timeout",
///         "bad_request", "request_not_processed",
///     ],
/// );
/// ```
#[derive(Debug, ApiError)]
#[api_error(decode, locales = "src/integrations/locales")]
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

    /// The request has no valid credentials.
    #[error(
        code = "unauthorized",
        status = 401,
        message = "Authentication is required",
        resolution = "Send valid credentials; the `WWW-Authenticate` header says which."
    )]
    Unauthorized,

    /// The credentials do not allow the request.
    #[error(
        code = "forbidden",
        status = 403,
        message = "Access to this resource is denied",
        resolution = "Check the credentials' permissions."
    )]
    Forbidden,

    /// No representation of the resource matches the request's `Accept` header.
    #[error(
        code = "not_acceptable",
        status = 406,
        message = "No representation matches the `Accept` header",
        resolution = "Accept `application/json`."
    )]
    NotAcceptable,

    /// The server stopped waiting for the request.
    #[error(
        code = "request_timeout",
        status = 408,
        message = "The request took too long to arrive",
        resolution = "Retry the request."
    )]
    RequestTimeout,

    /// The request conflicts with the current state of the resource.
    #[error(
        code = "conflict",
        status = 409,
        message = "The request conflicts with the resource's state",
        resolution = "Read the resource again, then retry."
    )]
    Conflict,

    /// The resource existed and was removed for good.
    #[error(
        code = "gone",
        status = 410,
        message = "The resource is gone",
        resolution = "Remove references to this resource."
    )]
    Gone,

    /// The request has a body without a `Content-Length`.
    #[error(
        code = "length_required",
        status = 411,
        message = "The request needs a `Content-Length` header",
        resolution = "Send the body with a `Content-Length` header."
    )]
    LengthRequired,

    /// A conditional header (`If-Match`, `If-Unmodified-Since`) did not hold.
    #[error(
        code = "precondition_failed",
        status = 412,
        message = "A precondition of the request failed",
        resolution = "Read the resource again and resend with its current validators."
    )]
    PreconditionFailed,

    /// The request's URL is longer than the server accepts.
    #[error(
        code = "uri_too_long",
        status = 414,
        message = "The URL is too long",
        resolution = "Send a shorter URL; move data into the body."
    )]
    UriTooLong,

    /// The `Range` of the request lies outside the resource.
    #[error(
        code = "range_not_satisfiable",
        status = 416,
        message = "The requested range cannot be served",
        resolution = "Request a range within the resource."
    )]
    RangeNotSatisfiable,

    /// The server cannot meet the request's `Expect` header.
    #[error(
        code = "expectation_failed",
        status = 417,
        message = "The `Expect` header cannot be met",
        resolution = "Resend without the `Expect` header."
    )]
    ExpectationFailed,

    /// The server cannot answer for the request's host on this connection.
    #[error(
        code = "misdirected_request",
        status = 421,
        message = "The request was sent to the wrong server",
        resolution = "Resend on a new connection."
    )]
    MisdirectedRequest,

    /// The resource is locked.
    #[error(
        code = "locked",
        status = 423,
        message = "The resource is locked",
        resolution = "Retry once the lock is released."
    )]
    Locked,

    /// The server requires a conditional request for this resource.
    #[error(
        code = "precondition_required",
        status = 428,
        message = "The request must be conditional",
        resolution = "Resend with `If-Match` (or another validator)."
    )]
    PreconditionRequired,

    /// The client sent too many requests; the `Retry-After` header says how long to wait.
    #[error(
        code = "too_many_requests",
        status = 429,
        message = "Too many requests",
        resolution = "Wait for the `Retry-After` delay, then retry."
    )]
    TooManyRequests,

    /// The request's headers are larger than the server accepts.
    #[error(
        code = "request_header_fields_too_large",
        status = 431,
        message = "The request headers are too large",
        resolution = "Send fewer or shorter headers."
    )]
    RequestHeaderFieldsTooLarge,

    /// The server does not support the functionality the request needs.
    #[error(
        code = "not_implemented",
        status = 501,
        message = "The server does not support this request",
        resolution = "Check the API reference for what is supported."
    )]
    NotImplemented,

    /// A server this one depends on gave an invalid answer.
    #[error(
        code = "bad_gateway",
        status = 502,
        message = "An upstream server failed",
        resolution = "Retry later."
    )]
    BadGateway,

    /// The service cannot answer now (overload, maintenance); the `Retry-After` header says how long to wait when known.
    #[error(
        code = "service_unavailable",
        status = 503,
        message = "The service is temporarily unavailable",
        resolution = "Wait for the `Retry-After` delay, then retry."
    )]
    ServiceUnavailable,

    /// A server this one depends on did not answer in time.
    #[error(
        code = "gateway_timeout",
        status = 504,
        message = "An upstream server did not answer in time",
        resolution = "Retry later."
    )]
    GatewayTimeout,

    /// The framework rejected the request for another reason; also the rejection of a
    /// plain 4xx response whose status has none of its own.
    #[error(
        code = "bad_request",
        status = 400,
        message = "The request is malformed",
        resolution = "Verify the request's format and headers."
    )]
    BadRequest,

    /// The server could not process the request: it could not prepare the request for
    /// its handler (a server-side configuration error, not the client's), or a plain
    /// 500 (or a 5xx without a rejection of its own) was replaced.
    ///
    /// Its code is not `internal_error`, which services commonly declare themselves: a
    /// rejection of that code would clash with theirs in `catalog!(…, Rejection)`.
    #[error(
        code = "request_not_processed",
        status = 500,
        message = "The server could not process the request",
        resolution = "Retry later; if it persists, contact support with the request id."
    )]
    NotProcessed,
}

impl Rejection {
    /// The rejection an error response of this status stands for when its body is no
    /// envelope: used by the layers for such responses (axum's router 404 and 405,
    /// extractors used directly, a handler's plain-text 500). Every status from 400 to
    /// 599 has one: a 4xx without a rejection of its own is [`BadRequest`](Self::BadRequest),
    /// a 5xx [`NotProcessed`](Self::NotProcessed); other statuses have none.
    ///
    /// ```
    /// use error_catalog::{ApiError, Rejection};
    /// use http::StatusCode;
    ///
    /// assert!(matches!(Rejection::from_status(StatusCode::NOT_FOUND), Some(Rejection::RouteNotFound)));
    /// let unavailable = Rejection::from_status(StatusCode::SERVICE_UNAVAILABLE).unwrap();
    /// assert_eq!(unavailable.code(), "service_unavailable");
    /// assert!(unavailable.retryable());
    /// assert_eq!(Rejection::from_status(StatusCode::IM_A_TEAPOT).unwrap().code(), "bad_request");
    /// assert!(Rejection::from_status(StatusCode::OK).is_none());
    /// ```
    pub fn from_status(status: http::StatusCode) -> Option<Rejection> {
        Some(match status.as_u16() {
            401 => Rejection::Unauthorized,
            403 => Rejection::Forbidden,
            404 => Rejection::RouteNotFound,
            405 => Rejection::MethodNotAllowed,
            406 => Rejection::NotAcceptable,
            408 => Rejection::RequestTimeout,
            409 => Rejection::Conflict,
            410 => Rejection::Gone,
            411 => Rejection::LengthRequired,
            412 => Rejection::PreconditionFailed,
            413 => Rejection::PayloadTooLarge,
            414 => Rejection::UriTooLong,
            415 => Rejection::UnsupportedMediaType,
            416 => Rejection::RangeNotSatisfiable,
            417 => Rejection::ExpectationFailed,
            421 => Rejection::MisdirectedRequest,
            422 => Rejection::InvalidBody { reason: None },
            423 => Rejection::Locked,
            428 => Rejection::PreconditionRequired,
            429 => Rejection::TooManyRequests,
            431 => Rejection::RequestHeaderFieldsTooLarge,
            501 => Rejection::NotImplemented,
            502 => Rejection::BadGateway,
            503 => Rejection::ServiceUnavailable,
            504 => Rejection::GatewayTimeout,
            400..=499 => Rejection::BadRequest,
            500..=599 => Rejection::NotProcessed,
            _ => return None,
        })
    }
}

/// Most characters of a rejection's `reason`, the cut mark included.
const HINT_CAP: usize = 200;

/// Most characters kept of a quoted excerpt of the input.
const EXCERPT_CAP: usize = 24;

/// The cut mark.
const CUT: char = '…';

/// A parser's error text as a rejection's `reason`: a hint about the client's input,
/// not a copy of it nor of the server's types (the rules are in [`Rejection`]'s docs).
pub(crate) fn hint(text: &str) -> String {
    // Excerpts first, so the other passes read a short text whatever the input's size.
    let short = with_excerpts(text);
    let text = without_type_names(&short);
    let mut chars = text.char_indices();
    match chars.nth(HINT_CAP) {
        None => text.into_owned(),
        Some(_) => {
            let end = text
                .char_indices()
                .nth(HINT_CAP - 1)
                .map_or(text.len(), |(at, _)| at);
            let mut out = text[..end].to_owned();
            out.push(CUT);
            out
        }
    }
}

/// `text` with each quoted excerpt (between `"` or backquotes) cut to [`EXCERPT_CAP`]
/// characters and marked, control and bidirectional formatting characters replaced;
/// reading stops a little past what a hint can hold.
fn with_excerpts(text: &str) -> String {
    // Room for a list of names that the next pass removes.
    const READ_CAP: usize = HINT_CAP * 8;
    let mut out = String::with_capacity(text.len().min(READ_CAP));
    let mut count = 0;
    // Inside a quoted excerpt: its closing quote and how many characters it has kept.
    let mut quote: Option<(char, usize)> = None;
    let mut escaped = false;
    for c in text.chars() {
        let c = if c.is_control() || is_bidi_format(c) {
            char::REPLACEMENT_CHARACTER
        } else {
            c
        };
        match quote {
            None => {
                if c == '"' || c == '`' {
                    quote = Some((c, 0));
                }
            }
            Some((close, kept)) => {
                if escaped {
                    escaped = false;
                } else if c == close {
                    quote = None;
                } else if c == '\\' && close == '"' {
                    escaped = true;
                }
                if quote.is_some() {
                    quote = Some((close, kept + 1));
                    if kept == EXCERPT_CAP {
                        out.push(CUT);
                        count += 1;
                    }
                    if kept >= EXCERPT_CAP {
                        continue;
                    }
                }
            }
        }
        out.push(c);
        count += 1;
        if count > READ_CAP {
            break;
        }
    }
    out
}

/// Unicode's bidirectional formatting characters, which can make a text read
/// differently from its order.
fn is_bidi_format(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` without serde's lists of expected field or variant names (``, expected one of
/// `a`, `b` ``, ``, expected `a` or `b` ``, `, there are no fields`) and without the Rust
/// type name after `expected struct` and the like.
fn without_type_names(text: &str) -> std::borrow::Cow<'_, str> {
    const NAME_LISTS: [&str; 4] = [
        ", expected one of `",
        ", expected `",
        ", there are no fields",
        ", there are no variants",
    ];
    const TYPE_KINDS: [&str; 6] = [
        "expected struct variant ",
        "expected tuple variant ",
        "expected tuple struct ",
        "expected unit struct ",
        "expected struct ",
        "expected enum ",
    ];
    if !NAME_LISTS
        .iter()
        .chain(&TYPE_KINDS)
        .any(|pattern| text.contains(pattern))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for pattern in NAME_LISTS {
            if let Some(after) = rest.strip_prefix(pattern) {
                rest = if pattern.ends_with('`') {
                    // `pattern` opened the first name.
                    skip_names(&rest[pattern.len() - 1..])
                } else {
                    after
                };
                continue 'scan;
            }
        }
        for kind in TYPE_KINDS {
            if let Some(after) = rest.strip_prefix(kind) {
                out.push_str(kind.trim_end());
                rest =
                    after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    std::borrow::Cow::Owned(out)
}

/// `text` after a list of backquoted names separated by `, ` or ` or ` (it starts
/// at the first name's opening backquote).
fn skip_names(mut text: &str) -> &str {
    loop {
        let Some(name) = text.strip_prefix('`') else {
            return text;
        };
        let Some(end) = name.find('`') else {
            return "";
        };
        text = &name[end + 1..];
        match [", `", " or `"].iter().find(|sep| text.starts_with(**sep)) {
            Some(sep) => text = &text[sep.len() - 1..],
            None => return text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{EXCERPT_CAP, HINT_CAP, hint};

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Account {
        name: String,
        age: u32,
        is_internal_admin: bool,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum Plan {
        Free,
        Team,
        InternalUnlimited,
    }

    fn json_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &str) -> String {
        serde_json::from_str::<T>(body).unwrap_err().to_string()
    }

    #[test]
    fn unknown_fields_name_only_what_the_request_sent() {
        let text = json_error::<Account>(r#"{"name":"a","age":3,"is_admin":true}"#);
        assert!(text.contains("is_internal_admin"), "{text}");
        let reason = hint(&text);
        assert_eq!(reason, "unknown field `is_admin` at line 1 column 30");
        let text = json_error::<Plan>(r#""Enterprise""#);
        assert!(text.contains("InternalUnlimited"), "{text}");
        assert_eq!(
            hint(&text),
            "unknown variant `Enterprise` at line 1 column 12"
        );
        // serde's wording for one and two expected names.
        assert_eq!(
            hint("unknown field `x`, expected `secret_field`"),
            "unknown field `x`"
        );
        assert_eq!(
            hint("unknown field `x`, expected `a` or `b`"),
            "unknown field `x`"
        );
        assert_eq!(
            hint("unknown field `x`, there are no fields"),
            "unknown field `x`"
        );
    }

    #[test]
    fn type_names_are_left_out() {
        // A 2 MB string where an object belongs: an excerpt, and no type name.
        let text = json_error::<Account>(&format!("\"{}\"", "x".repeat(2 << 20)));
        let reason = hint(&text);
        let start = format!(
            "invalid type: string \"{}…\", expected struct at line 1 ",
            "x".repeat(EXCERPT_CAP)
        );
        assert!(reason.starts_with(&start), "{reason}");
        assert!(reason.len() < start.len() + 20, "{reason}");
        let text = json_error::<Account>(r#""just a string""#);
        assert!(text.contains("Account"), "{text}");
        let reason = hint(&text);
        assert_eq!(
            reason,
            r#"invalid type: string "just a string", expected struct at line 1 column 15"#
        );
    }

    #[test]
    fn a_long_wrong_typed_string_comes_back_as_an_excerpt() {
        let value = "A".repeat(400 * 1024);
        let body = format!(r#"{{"name":"a","age":"{value}","is_internal_admin":false}}"#);
        let text = json_error::<Account>(&body);
        assert!(text.len() > 400 * 1024);
        let reason = hint(&text);
        let excerpt = "A".repeat(EXCERPT_CAP);
        let start = format!("invalid type: string \"{excerpt}…\", expected u32 at line 1 column ");
        assert!(reason.starts_with(&start), "{reason}");
        assert!(reason.len() < start.len() + 10, "{reason}");
    }

    #[test]
    fn long_texts_are_cut_on_a_character_boundary_and_marked() {
        // Many short excerpts: each fits, the whole does not.
        let text = "é`ab` ".repeat(100);
        let reason = hint(&text);
        assert_eq!(reason.chars().count(), HINT_CAP);
        assert!(reason.ends_with('…'));
        assert!(text.starts_with(reason.trim_end_matches('…')));
        let text = "😀".repeat(HINT_CAP + 1);
        let reason = hint(&text);
        assert_eq!(reason, format!("{}…", "😀".repeat(HINT_CAP - 1)));
        // At the cap exactly: not cut.
        let text = "ü".repeat(HINT_CAP);
        assert_eq!(hint(&text), text);
    }

    #[test]
    fn odd_unicode_stays_readable() {
        // Control and bidirectional formatting characters (a right-to-left override would
        // make the text read backwards) are replaced; other characters stay.
        let text = json_error::<Account>(r#"{"name":"a","age":"\u202e1\u00002\u0301ß"}"#);
        let reason = hint(&text);
        assert!(
            !reason.contains('\u{202e}') && !reason.contains('\0'),
            "{reason}"
        );
        assert!(reason.contains('ß'), "{reason}");
        assert_eq!(hint("a\nb\u{2067}c"), "a\u{fffd}b\u{fffd}c");
        // Escaped quotes do not end an excerpt early.
        let text = format!(
            r#"invalid type: string "\"{}", expected u32"#,
            "x".repeat(50)
        );
        let reason = hint(&text);
        assert_eq!(
            reason,
            format!(
                r#"invalid type: string "\"{}…", expected u32"#,
                "x".repeat(EXCERPT_CAP - 2)
            )
        );
    }

    #[test]
    fn short_hints_are_kept_as_they_are() {
        for text in [
            "missing field `name` at line 1 column 2",
            "expected value at line 1 column 10",
            "Cannot parse `abc` to a `u32`",
            "",
        ] {
            assert_eq!(hint(text), text);
        }
    }
}
