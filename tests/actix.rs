//! The actix-web integration against a real server on 127.0.0.1 and a real HTTP client:
//! statuses, every header and whole bodies, request ids, the extractors' errors and the
//! default 404 and 405 as envelopes.
#![cfg(feature = "actix-web")]

mod http_client;

use std::net::SocketAddr;

use actix_web::{App, web};
use error_catalog::actix::{ErrorMiddleware, json_config, path_config, query_config};
use error_catalog::{ApiError, Format};
use http::Method;
use http_client::{Reply, get as fetch, send};
use serde_json::json;

/// License errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum LicenseError {
    /// All seats are in use.
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})"
    )]
    NoSeats { max_seats: u32, active_seats: u32 },
    /// Too many requests.
    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests"
    )]
    RateLimited {
        limit: u32,
        #[error(retry_after)]
        retry_after: u64,
    },
}

/// Problem errors.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/errors")]
pub enum AuthError {
    /// The token has expired.
    #[error(
        code = "token_expired",
        status = 401,
        message = "The access token has expired"
    )]
    TokenExpired { expired_at: String },
    /// Storage failed.
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred"
    )]
    Internal(#[from] std::io::Error),
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct NewSession {
    hardware_id: String,
    seats: u32,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Page {
    limit: u32,
}

async fn seats() -> Result<String, LicenseError> {
    Err(LicenseError::NoSeats {
        max_seats: 10,
        active_seats: 10,
    })
}

async fn limited() -> Result<String, LicenseError> {
    Err(LicenseError::RateLimited {
        limit: 300,
        retry_after: 45,
    })
}

async fn expired() -> Result<String, AuthError> {
    Err(AuthError::TokenExpired {
        expired_at: "2026-01-09T10:00:00Z".into(),
    })
}

async fn internal() -> Result<String, AuthError> {
    Err(std::io::Error::other("secret: db-7 password=hunter2").into())
}

async fn boxed() -> Result<String, Box<dyn ApiError + Send + Sync>> {
    Err(AuthError::TokenExpired {
        expired_at: "now".into(),
    })?
}

async fn create(body: web::Json<NewSession>) -> String {
    body.hardware_id.clone()
}

async fn project(id: web::Path<u32>) -> String {
    id.to_string()
}

async fn search(page: web::Query<Page>) -> String {
    page.limit.to_string()
}

/// Starts the service on its own actix system thread; returns its address.
fn start(format: Option<Format>) -> SocketAddr {
    crate::serve_actix!(move || {
        let middleware = ErrorMiddleware::new().request_id_generator(|| "req_made".into());
        let middleware = match format {
            Some(format) => middleware.format(format),
            None => middleware,
        };
        App::new()
            .app_data(json_config())
            .app_data(path_config())
            .app_data(query_config())
            // A resource answers other methods with 405 (`App::route` with 404).
            .service(web::resource("/seats").route(web::get().to(seats)))
            .route("/limited", web::get().to(limited))
            .route("/expired", web::get().to(expired))
            .route("/internal", web::get().to(internal))
            .route("/boxed", web::get().to(boxed))
            .route("/sessions", web::post().to(create))
            .route("/projects/{id}", web::get().to(project))
            .route("/search", web::get().to(search))
            .wrap(middleware)
    })
}

/// Every header but `date`, sorted (actix-web's header map has no fixed order), with
/// the `content-length` of `body`.
fn expect_headers(reply: &Reply, headers: &[&str], body: &str) {
    let mut expected: Vec<String> = headers.iter().map(|line| (*line).to_owned()).collect();
    expected.push(format!("content-length: {}", body.len()));
    expected.sort();
    let mut lines = reply.header_lines();
    lines.sort();
    assert_eq!(lines, expected);
}

async fn check(addr: SocketAddr, path: &str, status: u16, headers: &[&str], body: &str) {
    let reply = fetch(addr, path, "req_abc123").await;
    assert_eq!(reply.status, status, "{path}: {}", reply.body);
    let mut headers = headers.to_vec();
    headers.push("x-request-id: req_abc123");
    expect_headers(&reply, &headers, body);
    assert_eq!(reply.body, body, "{path}");
}

#[tokio::test]
async fn errors_with_status_headers_and_request_id() {
    let addr = start(None);
    check(
        addr,
        "/seats",
        409,
        &["content-type: application/json"],
        r#"{"error":{"code":"no_seats_available","message":"All seats are currently in use (10/10)","details":{"max_seats":10,"active_seats":10}},"meta":{"request_id":"req_abc123"}}"#,
    )
    .await;
    check(
        addr,
        "/limited",
        429,
        &["content-type: application/json", "retry-after: 45"],
        r#"{"error":{"code":"rate_limit_exceeded","message":"Too many requests","details":{"limit":300,"retry_after":45}},"meta":{"request_id":"req_abc123"}}"#,
    )
    .await;
    check(
        addr,
        "/expired",
        401,
        &["content-type: application/problem+json"],
        r#"{"type":"https://docs.example.com/errors/token_expired","title":"Token expired","status":401,"detail":"The access token has expired","code":"token_expired","expired_at":"2026-01-09T10:00:00Z","request_id":"req_abc123"}"#,
    )
    .await;
    check(
        addr,
        "/internal",
        500,
        &["content-type: application/problem+json"],
        r#"{"type":"https://docs.example.com/errors/internal_error","title":"Internal error","status":500,"detail":"An internal error occurred","code":"internal_error","request_id":"req_abc123"}"#,
    )
    .await;
    check(
        addr,
        "/boxed",
        401,
        &["content-type: application/problem+json"],
        r#"{"type":"https://docs.example.com/errors/token_expired","title":"Token expired","status":401,"detail":"The access token has expired","code":"token_expired","expired_at":"now","request_id":"req_abc123"}"#,
    )
    .await;

    // No request id header, or one that is no visible ASCII: a new id, in the body and
    // the header.
    let reply = send(addr, Method::GET, "/seats", &[], "").await;
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"no_seats_available","message":"All seats are currently in use (10/10)","details":{"max_seats":10,"active_seats":10}},"meta":{"request_id":"req_made"}}"#
    );
    assert_eq!(reply.headers["x-request-id"], "req_made");
    let reply = send(
        addr,
        Method::GET,
        "/seats",
        &[("x-request-id", b"\xff\xfe")],
        "",
    )
    .await;
    assert_eq!(reply.status, 409);
    assert_eq!(reply.json()["meta"]["request_id"], "req_made");
}

#[tokio::test]
async fn extractor_errors_404_and_405_are_envelopes_in_the_service_format() {
    let addr = start(Some(Format::Flat));
    let json_type: &[(&str, &[u8])] = &[
        ("content-type", b"application/json"),
        ("x-request-id", b"req_x"),
    ];

    let reply = send(
        addr,
        Method::POST,
        "/sessions",
        json_type,
        r#"{"hardware_id": "#,
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        r#"{"code":"invalid_json","message":"The request body is not valid JSON","details":{"reason":"EOF while parsing a value at line 1 column 16"},"request_id":"req_x"}"#
    );

    let reply = send(
        addr,
        Method::POST,
        "/sessions",
        json_type,
        r#"{"hardware_id": "hw_1"}"#,
    )
    .await;
    assert_eq!(reply.status, 422);
    expect_headers(
        &reply,
        &["content-type: application/json", "x-request-id: req_x"],
        &reply.body,
    );
    assert_eq!(
        reply.body,
        r#"{"code":"invalid_body","message":"The request body does not match the expected schema","details":{"reason":"missing field `seats` at line 1 column 23"},"request_id":"req_x"}"#
    );

    let reply = send(
        addr,
        Method::POST,
        "/sessions",
        &[("x-request-id", b"req_x")],
        "{}",
    )
    .await;
    assert_eq!(reply.status, 415);
    assert_eq!(
        reply.body,
        r#"{"code":"unsupported_media_type","message":"Expected a request with `Content-Type: application/json`","request_id":"req_x"}"#
    );

    let reply = fetch(addr, "/projects/abc", "req_p").await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        r#"{"code":"invalid_path","message":"The URL path is invalid","details":{"reason":"can not parse \"abc\" to a u32"},"request_id":"req_p"}"#
    );

    let reply = fetch(addr, "/search?limit=many", "req_q").await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        r#"{"code":"invalid_query","message":"The query string is invalid","details":{"reason":"invalid digit found in string"},"request_id":"req_q"}"#
    );

    let reply = fetch(addr, "/nowhere", "req_n").await;
    assert_eq!(reply.status, 404);
    let body = r#"{"code":"route_not_found","message":"No route matches the request path","request_id":"req_n"}"#;
    expect_headers(
        &reply,
        &["content-type: application/json", "x-request-id: req_n"],
        body,
    );
    assert_eq!(reply.body, body);

    let reply = send(
        addr,
        Method::DELETE,
        "/seats",
        &[("x-request-id", b"req_m")],
        "",
    )
    .await;
    assert_eq!(reply.status, 405);
    assert_eq!(
        reply.json(),
        json!({"code":"method_not_allowed","message":"The route does not accept this method","request_id":"req_m"})
    );

    // Successful responses pass untouched; the service format applies to every error.
    assert_eq!(fetch(addr, "/projects/7", "req_ok").await.body, "7");
    let reply = fetch(addr, "/seats", "req_s").await;
    assert_eq!(
        reply.body,
        r#"{"code":"no_seats_available","message":"All seats are currently in use (10/10)","details":{"max_seats":10,"active_seats":10},"request_id":"req_s"}"#
    );
}
