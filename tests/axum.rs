//! The axum integration against a real server on 127.0.0.1 and a real HTTP client: every
//! format's status, headers and whole body, request ids, and axum's rejections as
//! envelopes.
#![cfg(feature = "axum")]

mod http_client;

use std::net::SocketAddr;

use axum::Router;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use error_catalog::axum::{ErrorLayer, Json, Path, Query};
use error_catalog::{ApiError, Format};
use http_client::{get as fetch, send};
use serde_json::json;

/// Resource errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum NestedError {
    /// The requested resource doesn't exist.
    #[error(
        code = "nested_not_found",
        status = 404,
        message = "Project {resource_id} not found"
    )]
    NotFound { resource_id: String },
    /// Too many requests in the time window.
    #[error(
        code = "nested_rate_limited",
        status = 429,
        message = "Too many requests"
    )]
    RateLimited {
        limit: u32,
        #[error(retry_after)]
        retry_after: u64,
    },
}

/// Flat errors.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum FlatError {
    /// The card was declined.
    #[error(
        code = "card_declined",
        status = 402,
        message = "Your card was declined"
    )]
    CardDeclined { decline_code: String },
}

/// Compact errors.
#[derive(Debug, ApiError)]
#[api_error(format = "compact")]
pub enum CompactError {
    /// The request is missing a field.
    #[error(
        code = "compact_invalid",
        status = 400,
        message = "Missing required field: {field}"
    )]
    Invalid { field: String },
}

/// Problem errors.
#[derive(Debug, ApiError)]
#[api_error(format = "problem", docs = "https://docs.example.com/errors")]
pub enum ProblemError {
    /// The token has expired.
    #[error(
        code = "token_expired",
        status = 401,
        message = "The access token has expired"
    )]
    TokenExpired { expired_at: String },
    /// The service is down for maintenance.
    #[error(
        code = "maintenance",
        status = 503,
        message = "Service temporarily unavailable",
        retry_after = 30
    )]
    Maintenance,
    /// Storage failed.
    #[error(
        code = "storage_failed",
        status = 500,
        message = "An internal error occurred"
    )]
    Storage(#[from] std::io::Error),
}

/// Google errors.
#[derive(Debug, ApiError)]
#[api_error(format = "google", domain = "licenses.example.com")]
pub enum GoogleError {
    /// All seats are in use.
    #[error(
        code = "google_no_seats",
        status = 409,
        message = "All seats are in use ({active_seats}/{max_seats})"
    )]
    NoSeats { max_seats: u32, active_seats: u32 },
}

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

fn formats_app() -> Router {
    Router::new()
        .route(
            "/nested/{id}",
            get(|Path(id): Path<String>| async move {
                Err::<(), _>(NestedError::NotFound { resource_id: id })
            }),
        )
        .route(
            "/limited",
            get(|| async {
                Err::<(), _>(NestedError::RateLimited {
                    limit: 300,
                    retry_after: 45,
                })
            }),
        )
        .route(
            "/flat",
            get(|| async {
                Err::<(), _>(FlatError::CardDeclined {
                    decline_code: "insufficient_funds".into(),
                })
            }),
        )
        .route(
            "/compact",
            get(|| async {
                Err::<(), _>(CompactError::Invalid {
                    field: "amount".into(),
                })
            }),
        )
        .route(
            "/problem",
            get(|| async {
                Err::<(), _>(ProblemError::TokenExpired {
                    expired_at: "2026-01-09T10:00:00Z".into(),
                })
            }),
        )
        .route(
            "/maintenance",
            get(|| async { Err::<(), _>(ProblemError::Maintenance) }),
        )
        .route(
            "/internal",
            get(|| async {
                Err::<(), _>(ProblemError::from(std::io::Error::other(
                    "secret: db-7 password=hunter2",
                )))
            }),
        )
        .route(
            "/google",
            get(|| async {
                Err::<(), _>(GoogleError::NoSeats {
                    max_seats: 10,
                    active_seats: 10,
                })
            }),
        )
        .route(
            "/boxed/{which}",
            get(|Path(which): Path<String>| async move {
                let error: Box<dyn ApiError + Send + Sync> = if which == "flat" {
                    FlatError::CardDeclined {
                        decline_code: "expired_card".into(),
                    }
                    .into()
                } else {
                    CompactError::Invalid { field: which }.into()
                };
                Err::<(), _>(error)
            }),
        )
        .layer(ErrorLayer::new().request_id_generator(|| "req_made".into()))
}

/// `headers` and the `content-length` of `body` as the server writes it (last).
fn with_length(headers: &[&str], body: &serde_json::Value) -> Vec<String> {
    lines_with_length(headers, serde_json::to_string(body).unwrap().len())
}

fn lines_with_length(headers: &[&str], length: usize) -> Vec<String> {
    let mut lines: Vec<String> = headers.iter().map(|line| (*line).to_owned()).collect();
    lines.push(format!("content-length: {length}"));
    lines
}

/// Status, every header (but `date`) and the whole body of `GET path`.
/// The whole body is compared byte for byte: member order included.
async fn check(addr: SocketAddr, path: &str, status: u16, headers: &[&str], body: &str) {
    let reply = fetch(addr, path, "req_abc123").await;
    assert_eq!(reply.status, status, "{path}: {}", reply.body);
    let mut headers = headers.to_vec();
    headers.push("x-request-id: req_abc123");
    assert_eq!(
        reply.header_lines(),
        lines_with_length(&headers, body.len()),
        "{path}"
    );
    assert_eq!(reply.body, body, "{path}");
}

#[tokio::test]
async fn every_format_with_status_headers_and_request_id() {
    let addr = serve(formats_app()).await;
    check(
        addr,
        "/nested/proj_xyz789",
        404,
        &["content-type: application/json"],
        r#"{"error":{"code":"nested_not_found","message":"Project proj_xyz789 not found","details":{"resource_id":"proj_xyz789"}},"meta":{"request_id":"req_abc123"}}"#,
    )
    .await;
    check(
        addr,
        "/limited",
        429,
        &["content-type: application/json", "retry-after: 45"],
        r#"{"error":{"code":"nested_rate_limited","message":"Too many requests","details":{"limit":300,"retry_after":45}},"meta":{"request_id":"req_abc123"}}"#,
    )
    .await;
    check(
        addr,
        "/flat",
        402,
        &["content-type: application/json"],
        r#"{"code":"card_declined","message":"Your card was declined","details":{"decline_code":"insufficient_funds"},"request_id":"req_abc123"}"#,
    )
    .await;
    check(
        addr,
        "/compact",
        400,
        &["content-type: application/json"],
        r#"{"error":"compact_invalid","message":"Missing required field: amount","status":400,"request_id":"req_abc123"}"#,
    )
    .await;
    check(
        addr,
        "/problem",
        401,
        &["content-type: application/problem+json"],
        r#"{"type":"https://docs.example.com/errors/token_expired","title":"Token expired","status":401,"detail":"The access token has expired","code":"token_expired","expired_at":"2026-01-09T10:00:00Z","request_id":"req_abc123"}"#,
    )
    .await;
    check(
        addr,
        "/maintenance",
        503,
        &["content-type: application/problem+json", "retry-after: 30"],
        r#"{"type":"https://docs.example.com/errors/maintenance","title":"Maintenance","status":503,"detail":"Service temporarily unavailable","code":"maintenance","request_id":"req_abc123"}"#,
    )
    .await;
    check(
        addr,
        "/google",
        409,
        &["content-type: application/json"],
        r#"{"error":{"code":409,"message":"All seats are in use (10/10)","status":"ABORTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"GOOGLE_NO_SEATS","domain":"licenses.example.com","metadata":{"max_seats":"10","active_seats":"10"}},{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req_abc123"}]}}"#,
    )
    .await;
}

#[tokio::test]
async fn internal_errors_never_leak_their_source() {
    let addr = serve(formats_app()).await;
    let reply = fetch(addr, "/internal", "req_1").await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.json(),
        json!({"type":"https://docs.example.com/errors/storage_failed","title":"Storage failed","status":500,"detail":"An internal error occurred","code":"storage_failed","request_id":"req_1"})
    );
    assert!(!reply.body.contains("hunter2") && !reply.body.contains("db-7"));
    assert!(
        reply
            .header_lines()
            .iter()
            .all(|line| !line.contains("hunter2"))
    );
}

#[tokio::test]
async fn boxed_errors_answer_like_the_error_inside() {
    let addr = serve(formats_app()).await;
    let reply = fetch(addr, "/boxed/flat", "req_2").await;
    assert_eq!(reply.status, 402);
    assert_eq!(
        reply.json(),
        json!({"code":"card_declined","message":"Your card was declined","details":{"decline_code":"expired_card"},"request_id":"req_2"})
    );
    let reply = fetch(addr, "/boxed/currency", "req_3").await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({"error":"compact_invalid","message":"Missing required field: currency","status":400,"request_id":"req_3"})
    );
}

#[tokio::test]
async fn request_ids_are_made_when_missing_or_not_visible_ascii() {
    let addr = serve(formats_app()).await;
    let expected = json!({"code":"card_declined","message":"Your card was declined","details":{"decline_code":"insufficient_funds"},"request_id":"req_made"});
    let reply = send(addr, Method::GET, "/flat", &[], "").await;
    assert_eq!(reply.json(), expected);
    assert_eq!(reply.headers["x-request-id"], "req_made");
    // Bytes that are no visible ASCII: the id is replaced, never echoed half-decoded.
    let reply = send(
        addr,
        Method::GET,
        "/flat",
        &[("x-request-id", b"req-\xe2\x9c\x93")],
        "",
    )
    .await;
    assert_eq!(reply.status, 402);
    assert_eq!(reply.json(), expected);
    // Quotes and backslashes are escaped by the JSON writer.
    let reply = send(
        addr,
        Method::GET,
        "/flat",
        &[("x-request-id", br#"a"b\c"#)],
        "",
    )
    .await;
    assert_eq!(reply.json()["request_id"], r#"a"b\c"#);
}

#[tokio::test]
async fn without_the_layer_errors_render_in_their_format_without_request_id() {
    let app = Router::new().route(
        "/nested",
        get(|| async {
            Err::<(), _>(NestedError::NotFound {
                resource_id: "p1".into(),
            })
        }),
    );
    let addr = serve(app).await;
    let reply = fetch(addr, "/nested", "req_ignored").await;
    assert_eq!(reply.status, 404);
    let body = json!({"error":{"code":"nested_not_found","message":"Project p1 not found","details":{"resource_id":"p1"}}});
    assert_eq!(
        reply.header_lines(),
        with_length(&["content-type: application/json"], &body)
    );
    assert_eq!(reply.json(), body);
}

#[tokio::test]
async fn the_layer_format_applies_to_every_error() {
    let app = Router::new()
        .route(
            "/google",
            get(|| async {
                Err::<(), _>(GoogleError::NoSeats {
                    max_seats: 2,
                    active_seats: 2,
                })
            }),
        )
        .layer(ErrorLayer::new().format(Format::Flat));
    let addr = serve(app).await;
    let reply = fetch(addr, "/google", "req_9").await;
    assert_eq!(reply.status, 409);
    assert_eq!(
        reply.json(),
        json!({"code":"google_no_seats","message":"All seats are in use (2/2)","details":{"max_seats":2,"active_seats":2},"request_id":"req_9"})
    );
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct NewProject {
    name: String,
    seats: u32,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Page {
    limit: u32,
}

fn rejections_app() -> Router {
    Router::new()
        .route(
            "/projects",
            post(|Json(p): Json<NewProject>| async move { p.name }),
        )
        .route(
            "/plain",
            post(|axum::Json(p): axum::Json<NewProject>| async move { p.name }),
        )
        .route(
            "/projects/{id}",
            get(|Path(id): Path<u32>| async move { id.to_string() }),
        )
        .route(
            "/search",
            get(|Query(page): Query<Page>| async move { page.limit.to_string() }),
        )
        .layer(ErrorLayer::new().format(Format::Nested))
}

async fn rejected(reply: http_client::Reply, status: u16, body: serde_json::Value) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert_eq!(reply.headers["content-type"], "application/json");
    assert_eq!(reply.json(), body);
}

#[tokio::test]
async fn rejections_become_envelopes_in_the_service_format() {
    let addr = serve(rejections_app()).await;
    let json_type: &[(&str, &[u8])] = &[
        ("content-type", b"application/json"),
        ("x-request-id", b"req_r"),
    ];

    let reply = send(
        addr,
        Method::POST,
        "/projects",
        json_type,
        r#"{"name": "x", "#,
    )
    .await;
    rejected(reply, 400, json!({"error":{"code":"invalid_json","message":"The request body is not valid JSON",
        "details":{"reason":"EOF while parsing a value at line 1 column 14"}},"meta":{"request_id":"req_r"}})).await;

    let reply = send(
        addr,
        Method::POST,
        "/projects",
        json_type,
        r#"{"name": "x"}"#,
    )
    .await;
    rejected(reply, 422, json!({"error":{"code":"invalid_body","message":"The request body does not match the expected schema",
        "details":{"reason":"missing field `seats` at line 1 column 13"}},"meta":{"request_id":"req_r"}})).await;

    let reply = send(
        addr,
        Method::POST,
        "/projects",
        json_type,
        r#"{"name": 7, "seats": 1}"#,
    )
    .await;
    rejected(reply, 422, json!({"error":{"code":"invalid_body","message":"The request body does not match the expected schema",
        "details":{"reason":"name: invalid type: integer `7`, expected a string at line 1 column 10"}},"meta":{"request_id":"req_r"}})).await;

    let reply = send(
        addr,
        Method::POST,
        "/projects",
        &[("x-request-id", b"req_r")],
        r#"{"name":"x","seats":1}"#,
    )
    .await;
    rejected(reply, 415, json!({"error":{"code":"unsupported_media_type","message":"Expected a request with `Content-Type: application/json`"},
        "meta":{"request_id":"req_r"}})).await;

    let reply = fetch(addr, "/projects/abc", "req_r").await;
    rejected(
        reply,
        400,
        json!({"error":{"code":"invalid_path","message":"The URL path is invalid",
        "details":{"reason":"Cannot parse `abc` to a `u32`"}},"meta":{"request_id":"req_r"}}),
    )
    .await;

    let reply = fetch(addr, "/search?limit=many", "req_r").await;
    rejected(reply, 400, json!({"error":{"code":"invalid_query","message":"The query string is invalid",
        "details":{"reason":"limit: invalid digit found in string"}},"meta":{"request_id":"req_r"}})).await;
}

#[tokio::test]
async fn unknown_routes_methods_and_plain_rejections_are_normalized() {
    let addr = serve(rejections_app()).await;

    let reply = fetch(addr, "/nowhere", "req_n").await;
    assert_eq!(reply.status, 404);
    let body = json!({"error":{"code":"route_not_found","message":"No route matches the request path"},"meta":{"request_id":"req_n"}});
    assert_eq!(
        reply.header_lines(),
        with_length(
            &["content-type: application/json", "x-request-id: req_n"],
            &body
        )
    );
    assert_eq!(reply.json(), body);

    let reply = send(
        addr,
        Method::DELETE,
        "/projects",
        &[("x-request-id", b"req_m")],
        "",
    )
    .await;
    assert_eq!(reply.status, 405);
    // axum's `Allow` header is kept.
    let body = json!({"error":{"code":"method_not_allowed","message":"The route does not accept this method"},"meta":{"request_id":"req_m"}});
    assert_eq!(
        reply.header_lines(),
        with_length(
            &[
                "content-type: application/json",
                "x-request-id: req_m",
                "allow: POST"
            ],
            &body
        )
    );
    assert_eq!(reply.json(), body);

    // axum's own `Json` extractor answers 422 in plain text: the layer maps it by status.
    // The parser's reason is not known there (the envelope writes the empty `details` of
    // a variant whose only detail is `None`).
    let reply = send(
        addr,
        Method::POST,
        "/plain",
        &[("content-type", b"application/json")],
        r#"{"name": "x"}"#,
    )
    .await;
    assert_eq!(reply.status, 422);
    // No id was sent: the layer made one, sent in the header and the body alike.
    let id = reply.headers["x-request-id"].to_str().unwrap();
    assert_eq!(
        reply.json(),
        json!({"error":{"code":"invalid_body","message":"The request body does not match the expected schema","details":{}},"meta":{"request_id":id}})
    );

    // Successful responses pass untouched.
    let reply = fetch(addr, "/projects/7", "req_ok").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, "7");
}

/// The example service of the README (`examples/service.rs`), served here as it is.
#[path = "../examples/service.rs"]
#[allow(dead_code)]
mod service;

#[tokio::test]
async fn the_example_service_answers_as_the_readme_shows() {
    let addr = serve(service::app()).await;

    let reply = fetch(addr, "/projects/proj_xyz789", "req_abc123").await;
    let body = r#"{"error":{"code":"not_found","message":"The project does not exist","details":{"resource_type":"project","resource_id":"proj_xyz789"}},"meta":{"request_id":"req_abc123"}}"#;
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.header_lines(),
        lines_with_length(
            &["content-type: application/json", "x-request-id: req_abc123"],
            body.len()
        )
    );
    assert_eq!(reply.body, body);

    let json_type: &[(&str, &[u8])] = &[
        ("content-type", b"application/json"),
        ("x-request-id", b"req_seats"),
    ];
    let reply = send(
        addr,
        Method::POST,
        "/licenses/CODI-FULL/sessions",
        json_type,
        r#"{"hardware_id":"hw_0123456789abcdef0123456789abcdef"}"#,
    )
    .await;
    assert_eq!(reply.status, 409);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"no_seats_available","message":"All seats are currently in use (10/10)","details":{"max_seats":10,"active_seats":10,"next_available_hint":"2026-01-09T10:30:00Z"}},"meta":{"request_id":"req_seats"}}"#
    );

    let reply = send(
        addr,
        Method::POST,
        "/licenses/CODI-TEAM/sessions",
        json_type,
        r#"{"hardware_id":"hw_1"}"#,
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"invalid_hardware_id","message":"The hardware ID format is invalid","details":{"provided":"hw_1","expected_format":"hw_[a-z0-9]{32}"}},"meta":{"request_id":"req_seats"}}"#
    );

    let write: &[(&str, &[u8])] = &[
        ("content-type", b"application/json"),
        ("authorization", b"Bearer tok_write"),
        ("x-request-id", b"req_v"),
    ];
    let reply = send(
        addr,
        Method::POST,
        "/projects",
        write,
        r#"{"name":"my project!"}"#,
    )
    .await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"validation_error","message":"Request validation failed","details":{"errors":[{"field":"name","message":"Must contain only letters, digits and '-'"}]}},"meta":{"request_id":"req_v"}}"#
    );
    let reply = send(
        addr,
        Method::POST,
        "/projects",
        write,
        r#"{"name":"my-project"}"#,
    )
    .await;
    assert_eq!(reply.status, 409);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"already_exists","message":"A project with this name already exists","details":{"field":"name","value":"my-project"}},"meta":{"request_id":"req_v"}}"#
    );
    let reply = send(
        addr,
        Method::POST,
        "/projects",
        write,
        r#"{"name":"other"}"#,
    )
    .await;
    assert_eq!(reply.status, 201);
    assert_eq!(reply.json(), json!({"id":"proj_000001","name":"other"}));

    let reply = fetch(addr, "/projects/proj_broken", "req_500").await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"internal_error","message":"An internal error occurred"},"meta":{"request_id":"req_500"}}"#
    );

    let reply = fetch(addr, "/projects/proj_abc123", "req_ok").await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json(),
        json!({"id":"proj_abc123","name":"my-project"})
    );

    // The catalog: every code the service answers with, rejections included.
    let reply = fetch(addr, "/errors", "req_cat").await;
    assert_eq!(reply.status, 200);
    let catalog = reply.json();
    let codes: Vec<&str> = catalog
        .as_array()
        .unwrap()
        .iter()
        .map(|spec| spec["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "token_invalid",
            "insufficient_scope",
            "no_seats_available",
            "license_expired",
            "license_suspended",
            "session_timeout",
            "invalid_hardware_id",
            "not_found",
            "validation_error",
            "already_exists",
            "internal_error",
            "invalid_json",
            "invalid_body",
            "unsupported_media_type",
            "payload_too_large",
            "invalid_path",
            "invalid_query",
            "route_not_found",
            "method_not_allowed",
            "unauthorized",
            "forbidden",
            "not_acceptable",
            "request_timeout",
            "conflict",
            "gone",
            "length_required",
            "precondition_failed",
            "uri_too_long",
            "range_not_satisfiable",
            "expectation_failed",
            "misdirected_request",
            "locked",
            "precondition_required",
            "too_many_requests",
            "request_header_fields_too_large",
            "not_implemented",
            "bad_gateway",
            "service_unavailable",
            "gateway_timeout",
            "bad_request",
            "request_not_processed",
        ]
    );
    assert_eq!(
        catalog[2],
        json!({"code":"no_seats_available","status":409,"retryable":false,"title":"No seats available",
            "message":"All seats are currently in use ({active_seats}/{max_seats})",
            "description":"All license seats are currently in use.",
            "resolution":"Wait for a seat to be released or upgrade license.","category":"LicenseError",
            "details":[{"name":"max_seats","type":"integer"},{"name":"active_seats","type":"integer"},{"name":"next_available_hint","type":"string"}],
            "docs_url":"https://docs.coditect.ai/errors/no_seats_available"})
    );
}

/// A generic error type, with a bound and a where clause: the hook implements
/// `IntoResponse` with the type's own generics and predicates.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum Generic<T: std::fmt::Debug, U>
where
    U: serde::Serialize + std::fmt::Debug,
{
    /// A value was rejected.
    #[error(
        code = "generic_rejected",
        status = 409,
        message = "Rejected {value:?}"
    )]
    Rejected { value: T, other: U },
}

#[tokio::test]
async fn generic_types_get_the_impls_too() {
    use axum::response::IntoResponse;
    let response = Generic::Rejected {
        value: 7u8,
        other: "x",
    }
    .into_response();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body = axum::body::to_bytes(response.into_body(), 1024)
        .await
        .unwrap();
    assert_eq!(
        body,
        r#"{"code":"generic_rejected","message":"Rejected 7","details":{"value":7,"other":"x"}}"#
    );
}
