//! Client decoding: every built-in format back into an `ErrorBody`, bodies published by real APIs, and
//! a typed error (never a panic) for every kind of bad body.

mod common;

use common::decoded;
use error_catalog::{ApiError, DecodeError, DecodeErrorKind, ErrorBody, Format};
use http::{HeaderMap, HeaderValue, Response, StatusCode};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

/// Billing errors.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.example.com/errors",
    domain = "billing.example.com"
)]
pub enum BillingError {
    #[error(
        code = "card_declined",
        status = 402,
        message = "The card was declined"
    )]
    CardDeclined,

    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests: {limit} per {window}"
    )]
    RateLimited {
        limit: u32,
        window: String,
        #[error(retry_after)]
        retry_after: u64,
    },

    #[error(code = "quota.exceeded", status = 403, message = "Quota exceeded")]
    Quota {
        used: Vec<u32>,
        plan: Option<String>,
    },
}

fn rate_limited() -> BillingError {
    BillingError::RateLimited {
        limit: 300,
        window: "1 minute".into(),
        retry_after: 45,
    }
}

fn decode_envelope(err: &BillingError, format: Format) -> Value {
    let json = err
        .envelope()
        .format(format)
        .request_id("req_abc123")
        .to_json();
    decoded(&ErrorBody::from_json(json.as_bytes()).unwrap())
}

#[test]
fn nested_round_trip() {
    assert_eq!(
        decode_envelope(&rate_limited(), Format::Nested),
        json!({"format":"nested","code":"rate_limit_exceeded","message":"Too many requests: 300 per 1 minute",
               "status":null,"details":{"limit":300,"window":"1 minute","retry_after":45},
               "request_id":"req_abc123","retry_after":45})
    );
}

#[test]
fn flat_round_trip() {
    assert_eq!(
        decode_envelope(&rate_limited(), Format::Flat),
        json!({"format":"flat","code":"rate_limit_exceeded","message":"Too many requests: 300 per 1 minute",
               "status":null,"details":{"limit":300,"window":"1 minute","retry_after":45},
               "request_id":"req_abc123","retry_after":45})
    );
}

#[test]
fn compact_round_trip() {
    assert_eq!(
        decode_envelope(&rate_limited(), Format::Compact),
        json!({"format":"compact","code":"rate_limit_exceeded","message":"Too many requests: 300 per 1 minute",
               "status":429,"details":{},"request_id":"req_abc123","retry_after":null})
    );
}

#[test]
fn problem_round_trip() {
    assert_eq!(
        decode_envelope(&rate_limited(), Format::Problem),
        json!({"format":"problem","code":"rate_limit_exceeded","message":"Too many requests: 300 per 1 minute",
               "status":429,"details":{"limit":300,"window":"1 minute","retry_after":45},
               "request_id":"req_abc123","retry_after":45})
    );
}

#[test]
fn google_round_trip() {
    assert_eq!(
        decode_envelope(&rate_limited(), Format::Google),
        json!({"format":"google","code":"RATE_LIMIT_EXCEEDED","message":"Too many requests: 300 per 1 minute",
               "status":429,"details":{"limit":"300","window":"1 minute","retry_after":"45"},
               "request_id":"req_abc123","retry_after":45})
    );
}

#[test]
fn unit_variant_without_request_id_in_every_format() {
    let expected = |format: &str, code: &str, status: Value| {
        json!({"format":format,"code":code,"message":"The card was declined","status":status,
               "details":{},"request_id":null,"retry_after":null})
    };
    for format in Format::ALL {
        let json = BillingError::CardDeclined
            .envelope()
            .format(format)
            .to_vec();
        let body = ErrorBody::from_json(&json).unwrap();
        let want = match format {
            Format::Nested | Format::Flat => expected(format.name(), "card_declined", Value::Null),
            Format::Google => expected("google", "CARD_DECLINED", json!(402)),
            _ => expected(format.name(), "card_declined", json!(402)),
        };
        assert_eq!(decoded(&body), want, "{format}");
    }
}

#[test]
fn lookup_finds_the_variant_in_every_format() {
    let errors = [
        BillingError::CardDeclined,
        rate_limited(),
        BillingError::Quota {
            used: vec![1, 2],
            plan: None,
        },
    ];
    for err in &errors {
        for format in Format::ALL {
            let json = err.envelope().format(format).to_json();
            let body: ErrorBody = json.parse().unwrap();
            assert_eq!(body.lookup::<BillingError>(), Some(err.spec()), "{format}");
        }
    }
    let unknown = ErrorBody::from_json(br#"{"code":"gone","message":"Gone"}"#).unwrap();
    assert_eq!(unknown.lookup::<BillingError>(), None);
    // A Google reason is only mapped back for Google bodies.
    let flat = ErrorBody::from_json(br#"{"code":"CARD_DECLINED","message":"x"}"#).unwrap();
    assert_eq!(flat.lookup::<BillingError>(), None);
}

#[test]
fn from_response_uses_content_type_and_retry_after() {
    let err = BillingError::RateLimited {
        limit: 1,
        window: "1 second".into(),
        retry_after: 7,
    };
    for format in Format::ALL {
        let envelope = err.envelope().format(format);
        let body = ErrorBody::from_response(&envelope.headers(), &envelope.to_vec()).unwrap();
        assert_eq!(body.format(), format);
        // Compact has no retry hint in the body; the header provides it.
        assert_eq!(body.retry_after(), Some(Duration::from_secs(7)), "{format}");
    }

    let mut headers = HeaderMap::new();
    headers.insert(
        "content-type",
        HeaderValue::from_static("Application/Problem+JSON; charset=utf-8"),
    );
    // The problem+json type forces Problem, whose required `code` a Compact body lacks.
    let compact = br#"{"error":"card_declined","message":"m","status":402}"#;
    let err = ErrorBody::from_response(&headers, compact).unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::MissingMember);
    assert_eq!(err.format(), Some(Format::Problem));
    assert_eq!(err.member(), Some("code"));

    headers.insert(
        "content-type",
        HeaderValue::from_static("application/vnd.api+json"),
    );
    headers.insert(
        "retry-after",
        HeaderValue::from_static("Wed, 21 Oct 2026 07:28:00 GMT"),
    );
    let body = ErrorBody::from_response(&headers, compact).unwrap();
    assert_eq!(body.format(), Format::Compact);
    // An HTTP date without a `Date` header is relative to the clock: this one is past.
    assert_eq!(body.retry_after(), Some(Duration::ZERO));

    headers.insert("content-type", HeaderValue::from_static("text/plain"));
    let err = ErrorBody::from_response(&headers, compact).unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::ContentType);
    assert_eq!(
        err.to_string(),
        "the response's content type `text/plain` is not JSON; expected application/json, \
         application/problem+json or another +json type"
    );
}

#[test]
fn bodies_of_published_apis() {
    // The CODITECT API's nested envelope, verbatim.
    let nested = r#"{
"error": {
"code": "internal_error",
"message": "An internal error occurred",
"details": {
"request_id": "req_abc123"
}
}
}"#;
    assert_eq!(
        decoded(&nested.parse().unwrap()),
        json!({"format":"nested","code":"internal_error","message":"An internal error occurred","status":null,
               "details":{"request_id":"req_abc123"},"request_id":null,"retry_after":null})
    );
    // A flat body with UPPER_SNAKE_CASE codes and field errors as a map.
    let flat = r#"{
"code": "VALIDATION_ERROR",
"message": "Validation failed",
"details": {
"name": {
"code": "required",
"message": "Name is required"
},
"email": {
"code": "invalid_format",
"message": "Invalid email format"
}
}
}"#;
    assert_eq!(
        decoded(&flat.parse().unwrap()),
        json!({"format":"flat","code":"VALIDATION_ERROR","message":"Validation failed","status":null,
               "details":{"name":{"code":"required","message":"Name is required"},
                          "email":{"code":"invalid_format","message":"Invalid email format"}},
               "request_id":null,"retry_after":null})
    );
    // A flat body with UPPER_SNAKE_CASE codes and a retry hint in details.
    let flat = r#"{
  "code": "RATE_LIMIT_EXCEEDED",
  "message": "Rate limit exceeded. Retry after 12 seconds.",
  "details": {
    "retry_after": 12
  }
}"#;
    assert_eq!(
        decoded(&flat.parse().unwrap()),
        json!({"format":"flat","code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded. Retry after 12 seconds.",
               "status":null,"details":{"retry_after":12},"request_id":null,"retry_after":12})
    );
    // The CodeSpar API's compact body, the code as the `error` string, verbatim.
    let compact = r#"{
"error": "invalid_request",
"message": "Missing required field: amount",
"status": 400,
"request_id": "req_a1b2c3d4"
}"#;
    assert_eq!(
        decoded(&compact.parse().unwrap()),
        json!({"format":"compact","code":"invalid_request","message":"Missing required field: amount",
               "status":400,"details":{},"request_id":"req_a1b2c3d4","retry_after":null})
    );
}

#[test]
fn problem_follows_rfc_9457_on_standard_members() {
    // A standard member of the wrong type is ignored; `title` stands in for `detail`.
    let body: ErrorBody = r#"{"type":7,"title":"Out of credit","status":"403","detail":null,
        "code":"out_of_credit","balance":30,"accounts":["/account/12345"],"instance":"/a/1"}"#
        .parse()
        .unwrap();
    assert_eq!(
        decoded(&body),
        json!({"format":"problem","code":"out_of_credit","message":"Out of credit","status":null,
               "details":{"balance":30,"accounts":["/account/12345"]},"request_id":null,"retry_after":null})
    );
    let err = r#"{"type":"about:blank","code":"x"}"#.parse::<ErrorBody>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid problem error body: `detail` is missing"
    );
}

#[test]
fn google_body_from_another_server() {
    let body: ErrorBody = r#"{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE",
        "details":[{"@type":"type.googleapis.com/google.rpc.DebugInfo","detail":"x"},
                   {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"BACKEND_DOWN","domain":"googleapis.com",
                    "metadata":{"service":"pubsub.googleapis.com"}},
                   {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.500s"}]}}"#
        .parse()
        .unwrap();
    assert_eq!(body.retry_after(), Some(Duration::from_millis(1500)));
    assert_eq!(
        decoded(&body),
        json!({"format":"google","code":"BACKEND_DOWN","message":"The service is currently unavailable.","status":503,
               "details":{"service":"pubsub.googleapis.com"},"request_id":null,"retry_after":2})
    );
}

/// A bad body, the kind of its error, the format it was detected as, the member at fault.
type Case = (
    &'static [u8],
    DecodeErrorKind,
    Option<Format>,
    Option<&'static str>,
);

fn error(body: &[u8]) -> DecodeError {
    ErrorBody::from_json(body).unwrap_err()
}

#[test]
fn bad_bodies_give_typed_errors() {
    let cases: &[Case] = &[
        (b"", DecodeErrorKind::Empty, None, None),
        (b" \r\n\t", DecodeErrorKind::Empty, None, None),
        (br#"{"error":{"code":"x""#, DecodeErrorKind::Truncated, None, None),
        (b"<html><body>502</body></html>", DecodeErrorKind::Syntax, None, None),
        (b"{\"code\":\"a\xff\",\"message\":\"m\"}", DecodeErrorKind::Syntax, None, None),
        (br#"{"code":"\ud800","message":"m"}"#, DecodeErrorKind::Syntax, None, None),
        (br#"{"code":"x","message":"m"} trailing"#, DecodeErrorKind::Syntax, None, None),
        (b"[1,2]", DecodeErrorKind::UnknownFormat, None, None),
        (b"\"error\"", DecodeErrorKind::UnknownFormat, None, None),
        (br#"{"status":500}"#, DecodeErrorKind::UnknownFormat, None, None),
        (br#"{"error":true}"#, DecodeErrorKind::UnknownFormat, None, None),
        (br#"{"error":{"message":"m"}}"#, DecodeErrorKind::UnknownFormat, None, None),
        (br#"{"code":"x"}"#, DecodeErrorKind::MissingMember, Some(Format::Flat), Some("message")),
        (br#"{"code":"","message":"m"}"#, DecodeErrorKind::InvalidMember, Some(Format::Flat), Some("code")),
        (br#"{"code":"x","message":"m","details":[]}"#, DecodeErrorKind::InvalidMember, Some(Format::Flat), Some("details")),
        (br#"{"code":"x","message":"m","request_id":5}"#, DecodeErrorKind::InvalidMember, Some(Format::Flat), Some("request_id")),
        (br#"{"error":{"code":"x","message":"m"},"meta":[]}"#, DecodeErrorKind::InvalidMember, Some(Format::Nested), Some("meta")),
        (br#"{"error":{"code":"x","message":"m"},"meta":{"request_id":1}}"#, DecodeErrorKind::InvalidMember, Some(Format::Nested), Some("meta.request_id")),
        (br#"{"error":{"code":"x"}}"#, DecodeErrorKind::MissingMember, Some(Format::Nested), Some("error.message")),
        (br#"{"error":"x","message":"m","status":1000}"#, DecodeErrorKind::InvalidMember, Some(Format::Compact), Some("status")),
        (br#"{"error":"x","message":"m","status":-1}"#, DecodeErrorKind::InvalidMember, Some(Format::Compact), Some("status")),
        (br#"{"title":"t","detail":"d"}"#, DecodeErrorKind::MissingMember, Some(Format::Problem), Some("code")),
        (br#"{"error":{"code":500,"message":"m"}}"#, DecodeErrorKind::MissingMember, Some(Format::Google), Some("error.details[ErrorInfo]")),
        (br#"{"error":{"code":500,"message":"m","details":{}}}"#, DecodeErrorKind::InvalidMember, Some(Format::Google), Some("error.details")),
        (br#"{"error":{"code":500,"message":"m","details":[1]}}"#, DecodeErrorKind::InvalidMember, Some(Format::Google), Some("error.details[]")),
        (br#"{"error":{"code":42,"message":"m"}}"#, DecodeErrorKind::InvalidMember, Some(Format::Google), Some("error.code")),
        (br#"{"error":{"code":500.5,"message":"m"}}"#, DecodeErrorKind::InvalidMember, Some(Format::Google), Some("error.code")),
        (br#"{"error":{"code":500,"message":"m","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"R","metadata":{"n":1}}]}}"#,
         DecodeErrorKind::InvalidMember, Some(Format::Google), Some("error.details[ErrorInfo].metadata")),
        (br#"{"error":{"code":500,"message":"m","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"R"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"soon"}]}}"#,
         DecodeErrorKind::InvalidMember, Some(Format::Google), Some("error.details[RetryInfo].retryDelay")),
    ];
    for (body, kind, format, member) in cases {
        let err = error(body);
        let text = String::from_utf8_lossy(body);
        assert_eq!(err.kind(), *kind, "{text}: {err}");
        assert_eq!(err.format(), *format, "{text}: {err}");
        assert_eq!(err.member(), *member, "{text}: {err}");
    }
}

#[test]
fn error_messages() {
    assert_eq!(error(b"").to_string(), "the error body is empty");
    assert_eq!(
        error(br#"{"a":"#).to_string(),
        "the error body ends early: EOF while parsing a value at line 1 column 5"
    );
    assert_eq!(
        error(b"nope").to_string(),
        "the error body is not valid JSON: expected ident at line 1 column 2"
    );
    assert_eq!(
        error(b"[]").to_string(),
        "the error body is a JSON array, not an object"
    );
    assert_eq!(
        error(br#"{"ok":true}"#).to_string(),
        "the error body is in none of the formats nested, flat, compact, problem, google"
    );
    assert_eq!(
        error(br#"{"error":{"code":"x"}}"#).to_string(),
        "invalid nested error body: `error.message` is missing"
    );
    assert_eq!(
        error(br#"{"error":"x","message":"m","status":"400"}"#).to_string(),
        "invalid compact error body: `status` must be an HTTP status (100-999)"
    );
}

#[test]
fn size_and_depth_limits() {
    // Exactly at the size limit is accepted; one byte more is not, whatever it holds.
    let mut body = br#"{"code":"x","message":"m"}"#.to_vec();
    body.resize(ErrorBody::MAX_SIZE, b' ');
    assert_eq!(ErrorBody::from_json(&body).unwrap().code(), "x");
    body.push(b' ');
    let err = error(&body);
    assert_eq!(err.kind(), DecodeErrorKind::TooLarge);
    assert_eq!(
        err.to_string(),
        "the error body is 1048577 bytes, more than the limit of 1048576 bytes"
    );

    // 64 levels (the root object and 63 arrays) are accepted, 65 are not.
    let nested = |levels: usize| {
        let mut text = String::from(r#"{"code":"x","message":"m","details":{"v":"#);
        text.push_str(&"[".repeat(levels - 2));
        text.push_str(&"]".repeat(levels - 2));
        text.push_str("}}");
        text
    };
    let body: ErrorBody = nested(ErrorBody::MAX_DEPTH).parse().unwrap();
    assert_eq!(body.code(), "x");
    let err = nested(ErrorBody::MAX_DEPTH + 1)
        .parse::<ErrorBody>()
        .unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::TooDeep);
    assert_eq!(
        err.to_string(),
        "the error body nests deeper than 64 levels"
    );

    // Far deeper than serde_json's own recursion limit: still a typed error, no overflow.
    let deep = "[".repeat(100_000);
    assert_eq!(error(deep.as_bytes()).kind(), DecodeErrorKind::TooDeep);
    // Brackets inside strings do not count.
    let in_string = format!(r#"{{"code":"x","message":"{}"}}"#, "[".repeat(1_000));
    assert_eq!(
        ErrorBody::from_json(in_string.as_bytes()).unwrap().code(),
        "x"
    );
}

#[test]
fn display_and_error_trait() {
    let body: ErrorBody = r#"{"code":"not_found","message":"Project not found"}"#
        .parse()
        .unwrap();
    assert_eq!(body.to_string(), "not_found: Project not found");
    let boxed: Box<dyn std::error::Error> = Box::new(body.clone());
    assert_eq!(boxed.to_string(), "not_found: Project not found");
    assert_eq!(body.into_details(), serde_json::Map::new());
}

/// Every format decoded from a whole response has a status: the body's, else the
/// response's.
#[test]
fn responses_give_every_format_a_status() {
    let err = BillingError::RateLimited {
        limit: 1,
        window: "1 second".into(),
        retry_after: 7,
    };
    for format in Format::ALL {
        let envelope = err.envelope().format(format);
        let mut response = Response::builder().status(err.status());
        for (name, value) in &envelope.headers() {
            response = response.header(name, value);
        }
        let response = response.body(envelope.to_vec()).unwrap();
        let body = ErrorBody::from_http_response(&response).unwrap();
        assert_eq!(body.format(), format);
        assert_eq!(
            body.status(),
            Some(StatusCode::TOO_MANY_REQUESTS),
            "{format}"
        );
        assert_eq!(body.retry_after(), Some(Duration::from_secs(7)), "{format}");
    }
    // A status the body states wins over the response's.
    let compact = br#"{"error":"card_declined","message":"m","status":402}"#;
    let body = ErrorBody::from_parts(StatusCode::BAD_REQUEST, &HeaderMap::new(), compact).unwrap();
    assert_eq!(body.status(), Some(StatusCode::PAYMENT_REQUIRED));
    let flat = br#"{"code":"card_declined","message":"m"}"#;
    let body = ErrorBody::from_parts(StatusCode::BAD_REQUEST, &HeaderMap::new(), flat).unwrap();
    assert_eq!(body.status(), Some(StatusCode::BAD_REQUEST));
}

/// Both forms of `Retry-After` (RFC 9110 section 10.2.3).
#[test]
fn retry_after_reads_seconds_and_http_dates() {
    let flat = br#"{"code":"busy","message":"m"}"#;
    let wait = |retry_after: &str, date: Option<&str>| {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_str(retry_after).unwrap());
        if let Some(date) = date {
            headers.insert("date", HeaderValue::from_str(date).unwrap());
        }
        ErrorBody::from_response(&headers, flat)
            .unwrap()
            .retry_after()
    };
    let date = Some("Sun, 06 Nov 1994 08:49:37 GMT");
    assert_eq!(wait("120", None), Some(Duration::from_secs(120)));
    assert_eq!(wait(" 0 ", None), Some(Duration::ZERO));
    assert_eq!(
        wait("Sun, 06 Nov 1994 08:51:37 GMT", date),
        Some(Duration::from_secs(120))
    );
    // A date before the response's is no wait.
    assert_eq!(
        wait("Sun, 06 Nov 1994 08:48:37 GMT", date),
        Some(Duration::ZERO)
    );
    // The obsolete forms RFC 9110 says a recipient must read.
    assert_eq!(
        wait("Sunday, 06-Nov-94 08:50:37 GMT", date),
        Some(Duration::from_secs(60))
    );
    assert_eq!(
        wait("Sun Nov  6 08:49:47 1994", date),
        Some(Duration::from_secs(10))
    );
    // Without `Date`, relative to the clock.
    let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
    let left = wait(&soon, None).unwrap();
    assert!(
        left > Duration::from_secs(3500) && left <= Duration::from_secs(3600),
        "{left:?}"
    );
    // Neither form, a negative or fractional number, an unreadable `Date`: ignored.
    for bad in ["soon", "-5", "1.5", "", "99999999999999999999999"] {
        assert_eq!(wait(bad, None), None, "{bad:?}");
    }
    assert_eq!(
        wait("Sun, 06 Nov 1994 08:51:37 GMT", Some("yesterday")),
        None
    );
    // A hint in the body wins over the header.
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("120"));
    let body = br#"{"code":"busy","message":"m","details":{"retry_after":5}}"#;
    let decoded = ErrorBody::from_response(&headers, body).unwrap();
    assert_eq!(decoded.retry_after(), Some(Duration::from_secs(5)));
}
