//! What the actix-web middleware tells the operators and keeps from the clients, against
//! a real server on 127.0.0.1 and a real HTTP client: plain error responses and errors of
//! inner middlewares replaced (their text in the log only), one event per error response
//! with its fields, the counter, request ids, and the hook.
#![cfg(feature = "actix-web")]

mod http_client;
mod ops;

use std::net::SocketAddr;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{App, HttpResponse, web};
use error_catalog::actix::{ErrorMiddleware, json_config};
use error_catalog::{ApiError, Format};
use http::Method;
use http_client::{get as fetch, send};
use ops::{Captured, Sink};
use serde_json::json;

const SECRETS: [&str; 4] = [
    "postgres://billing:hunter2@db-7",
    "hunter2",
    "internal-admin",
    "archive-7",
];

/// The service's errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum ServiceError {
    /// The archive failed.
    #[error(
        code = "archive_failed",
        status = 500,
        message = "An internal error occurred"
    )]
    Archive(#[from] std::io::Error),
    /// The caller may not do this.
    #[error(code = "not_allowed", status = 403, message = "Not allowed")]
    NotAllowed,
}

async fn db() -> HttpResponse {
    HttpResponse::InternalServerError()
        .content_type("text/plain")
        .insert_header(("etag", "\"v1\""))
        .body("cannot connect to postgres://billing:hunter2@db-7/payments")
}

async fn archive() -> Result<String, ServiceError> {
    Err(std::io::Error::other("archive store refused the connection (archive-7:9000)").into())
}

async fn ok() -> &'static str {
    "ok"
}

/// An auth middleware of the user's that fails with actix-web's own error type.
async fn auth(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    match request.path() {
        "/admin" => Err(actix_web::error::ErrorUnauthorized(
            "no token for realm internal-admin",
        )),
        "/forbidden" => Err(ServiceError::NotAllowed.into()),
        _ => next.call(request).await,
    }
}

/// Starts the service on its own actix system thread, its events and counters filed
/// under `sink`; returns its address.
fn start(sink: Sink, format: Format) -> SocketAddr {
    start_with(sink, format, |middleware| middleware)
}

/// [`start`], with more settings of the middleware.
fn start_with(
    sink: Sink,
    format: Format,
    configure: fn(ErrorMiddleware) -> ErrorMiddleware,
) -> SocketAddr {
    crate::serve_actix!(move || {
        // The factory runs on each worker thread: file its events too.
        std::mem::forget(sink.attach());
        App::new()
            .app_data(json_config())
            .route("/db", web::get().to(db))
            .route("/archive", web::post().to(archive))
            .route("/admin", web::get().to(ok))
            .route("/forbidden", web::get().to(ok))
            .route("/ok", web::get().to(ok))
            .wrap(actix_web::middleware::from_fn(auth))
            .wrap(configure(
                ErrorMiddleware::new()
                    .format(format)
                    .request_id_generator(|| "req_made".into())
                    .on_error(|event| {
                        assert!(event.request_id().is_some());
                    }),
            ))
    })
}

#[tokio::test]
async fn plain_responses_and_inner_errors_become_envelopes_logged_once() {
    let captured = Captured::start();
    let addr = start(captured.sink(), Format::Nested);

    // A handler's plain-text 500 with a connection string.
    let reply = fetch(addr, "/db", "req_db").await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.json(),
        json!({"error":{"code":"request_not_processed","message":"The server could not process the request"},"meta":{"request_id":"req_db"}})
    );
    assert!(reply.headers.get("etag").is_none());
    assert_eq!(reply.headers["x-request-id"], "req_db");
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.field("error.type"), "request_not_processed");
    assert_eq!(
        event.field("error.replaced_body"),
        "cannot connect to postgres://billing:hunter2@db-7/payments"
    );

    // An auth middleware's `ErrorUnauthorized`: the service's format, the request id.
    let reply = fetch(addr, "/admin", "req_adm").await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.json(),
        json!({"error":{"code":"unauthorized","message":"Authentication is required"},"meta":{"request_id":"req_adm"}})
    );
    assert_eq!(reply.headers["content-type"], "application/json");
    assert_eq!(reply.headers["x-request-id"], "req_adm");
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::INFO);
    assert_eq!(event.field("request_id"), "req_adm");
    assert_eq!(
        event.field("error.replaced_body"),
        "no token for realm internal-admin"
    );

    // An `ApiError` from a middleware: its own envelope, with the request id.
    let reply = send(addr, Method::GET, "/forbidden", &[], "").await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.json(),
        json!({"error":{"code":"not_allowed","message":"Not allowed"},"meta":{"request_id":"req_made"}})
    );
    assert_eq!(reply.headers["x-request-id"], "req_made");
    let event = captured.one();
    assert_eq!(event.field("error.type"), "not_allowed");
    assert!(!event.fields.contains_key("error.replaced_body"));

    // A handler's error: its source in the log, nowhere in the response.
    let reply = send(
        addr,
        Method::POST,
        "/archive",
        &[("x-request-id", b"req_arc")],
        "",
    )
    .await;
    assert_eq!(reply.status, 500);
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(event.field("error.type"), "archive_failed");
    assert_eq!(event.field("http.response.status_code"), "500");
    assert_eq!(event.field("request_id"), "req_arc");
    assert_eq!(event.field("retryable"), "false");
    assert_eq!(event.field("message"), "An internal error occurred");
    assert_eq!(
        event.field("error.source"),
        "archive store refused the connection (archive-7:9000)"
    );

    // Success: the id, no event.
    let reply = send(addr, Method::GET, "/ok", &[("x-request-id", b"bad id")], "").await;
    assert_eq!(reply.body, "ok");
    assert_eq!(reply.headers["x-request-id"], "req_made");
    assert!(captured.take().is_empty());

    let counters = captured.counters();
    for (code, status) in [
        ("request_not_processed", "500"),
        ("unauthorized", "401"),
        ("not_allowed", "403"),
        ("archive_failed", "500"),
    ] {
        assert_eq!(counters[&(code.into(), status.into())], 1, "{code}");
    }
}

#[tokio::test]
async fn no_secret_in_any_format() {
    let captured = Captured::start();
    for format in [
        Format::Nested,
        Format::Flat,
        Format::Compact,
        Format::Problem,
        Format::Google,
    ] {
        let addr = start(captured.sink(), format);
        for path in ["/db", "/admin", "/forbidden"] {
            let reply = fetch(addr, path, "req_f").await;
            assert!(reply.status.as_u16() >= 400);
            assert!(reply.json().is_object(), "{format:?} {path}");
            reply.assert_no_secret(&SECRETS);
        }
        let reply = send(addr, Method::POST, "/archive", &[], "").await;
        assert_eq!(reply.status, 500);
        reply.assert_no_secret(&SECRETS);
    }
}

#[tokio::test]
async fn negotiation_and_the_docs_base() {
    let captured = Captured::start();
    let addr = start_with(captured.sink(), Format::Nested, |middleware| {
        middleware
            .negotiate(true)
            .docs("https://docs.example.com/errors")
    });
    let problem: &[(&str, &[u8])] = &[("accept", b"application/problem+json")];
    for (method, path, code) in [
        (Method::GET, "/nowhere", "route_not_found"),
        (Method::GET, "/db", "request_not_processed"),
        (Method::GET, "/admin", "unauthorized"),
        (Method::GET, "/forbidden", "not_allowed"),
        (Method::POST, "/archive", "archive_failed"),
    ] {
        let reply = send(addr, method, path, problem, "").await;
        assert_eq!(
            reply.headers["content-type"], "application/problem+json",
            "{path}"
        );
        assert_eq!(reply.json()["code"], code);
        assert_eq!(
            reply.json()["type"],
            format!("https://docs.example.com/errors/{code}")
        );
        reply.assert_no_secret(&SECRETS);
    }
    // Without the `Accept`: the configured format.
    let reply = fetch(addr, "/nowhere", "req_n").await;
    assert_eq!(reply.headers["content-type"], "application/json");
    assert_eq!(reply.json()["error"]["code"], "route_not_found");
}

#[tokio::test]
async fn nested_middlewares_log_each_error_once() {
    let captured = Captured::start();
    let sink = captured.sink();
    let addr = crate::serve_actix!(move || {
        std::mem::forget(sink.attach());
        // A scope with its own middleware, inside an application with another.
        App::new()
            .service(
                web::scope("/inner")
                    .route("/db", web::get().to(db))
                    .route("/archive", web::post().to(archive))
                    .wrap(ErrorMiddleware::new()),
            )
            .wrap(ErrorMiddleware::new())
    });

    let reply = send(addr, Method::POST, "/inner/archive", &[], "").await;
    assert_eq!(reply.status, 500);
    assert_eq!(captured.one().field("error.type"), "archive_failed");
    let reply = fetch(addr, "/inner/db", "req_db").await;
    assert_eq!(reply.status, 500);
    assert_eq!(captured.one().field("error.type"), "request_not_processed");
}
