//! What the axum layer tells the operators and keeps from the clients, against a real
//! server on 127.0.0.1 and a real HTTP client: plain error responses replaced (their
//! text in the log only), one event per error response with its fields, the counter,
//! request ids, the hooks, and tower-http's request-id layers around the layer.
#![cfg(feature = "axum")]

mod http_client;
mod ops;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use error_catalog::axum::{ErrorLayer, Json};
use error_catalog::{ApiError, Format, RenderedError};
use http_client::{get as fetch, send};
use ops::Captured;
use serde_json::json;

const SECRETS: [&str; 6] = [
    "PgPoolForPayments",
    "internal_billing_db",
    "secret_table",
    "postgres://billing:hunter2@db-7",
    "hunter2",
    "internal-admin",
];

/// A cause with a cause of its own.
#[derive(Debug)]
pub struct Refused(std::io::Error);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("archive store refused the connection (archive-7:9000)")
    }
}

impl std::error::Error for Refused {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// A value whose `Display` fails half-way.
#[derive(Debug)]
pub struct Broken;

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("par")?;
        Err(std::fmt::Error)
    }
}

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
    Archive(#[source] Refused),
    /// No such project.
    #[error(
        code = "project_missing",
        status = 404,
        message = "Project {id} not found"
    )]
    Missing { id: String },
    /// A value that cannot be written.
    #[error(code = "odd_value", status = 400, message = "value {value} here")]
    Odd {
        #[error(message_only)]
        value: Broken,
    },
}

struct PgPoolForPayments;

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

fn routes() -> Router {
    Router::new()
        // axum's own 500 for a missing extension names the type.
        .route(
            "/billing",
            get(|_: Extension<Arc<PgPoolForPayments>>| async { "never" }),
        )
        .route(
            "/db",
            get(|| async {
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "db error: relation \"secret_table\" does not exist (postgres://billing:hunter2@db-7)",
                )
            }),
        )
        .route(
            "/maintenance",
            get(|| async {
                let mut headers = HeaderMap::new();
                headers.insert(header::RETRY_AFTER, "30".parse().unwrap());
                headers.insert(header::ETAG, "\"v-hunter2\"".parse().unwrap());
                headers.insert(header::CONTENT_LANGUAGE, "en".parse().unwrap());
                headers.insert(header::CONTENT_TYPE, "text/html".parse().unwrap());
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    headers,
                    "<h1>db-7 down: hunter2</h1>",
                )
            }),
        )
        .route(
            "/admin",
            get(|| async {
                (
                    StatusCode::UNAUTHORIZED,
                    [(header::WWW_AUTHENTICATE, "Bearer realm=\"api\"")],
                    "no token for realm internal-admin",
                )
            }),
        )
        .route("/teapot", get(|| async { StatusCode::IM_A_TEAPOT }))
        .route(
            "/dump",
            get(|| async {
                (
                    StatusCode::BAD_GATEWAY,
                    format!("upstream said: {}", "hunter2 ".repeat(1000)),
                )
            }),
        )
        .route(
            "/own-json",
            get(|| async {
                (
                    StatusCode::CONFLICT,
                    [(header::CONTENT_TYPE, "application/json")],
                    r#"{"mine":true}"#,
                )
            }),
        )
        .route(
            "/archive",
            post(|| async {
                Err::<(), _>(ServiceError::Archive(Refused(std::io::Error::other(
                    "connect: connection refused",
                ))))
            }),
        )
        .route(
            "/projects/{id}",
            get(|axum::extract::Path(id): axum::extract::Path<String>| async move {
                Err::<(), _>(ServiceError::Missing { id })
            }),
        )
        .route("/odd", get(|| async { Err::<(), _>(ServiceError::Odd { value: Broken }) }))
        .route(
            "/json",
            post(|Json(value): Json<serde_json::Value>| async move { value.to_string() }),
        )
        .route("/ok", get(|| async { "ok" }))
}

fn app(layer: ErrorLayer) -> Router {
    routes().layer(layer)
}

#[tokio::test]
async fn plain_error_responses_are_replaced_and_their_text_is_logged_only() {
    let captured = Captured::start();
    let addr = serve(app(ErrorLayer::new().format(Format::Nested))).await;

    let reply = fetch(addr, "/billing", "req_1").await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.json(),
        json!({"error":{"code":"request_not_processed","message":"The server could not process the request"},"meta":{"request_id":"req_1"}})
    );
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.field("error.type"), "request_not_processed");
    assert_eq!(event.field("http.response.status_code"), "500");
    assert_eq!(event.field("request_id"), "req_1");
    assert!(
        event
            .field("error.replaced_body")
            .contains("PgPoolForPayments"),
        "{event:?}"
    );

    let reply = fetch(addr, "/db", "req_2").await;
    assert_eq!(reply.status, 500);
    assert_eq!(reply.json()["error"]["code"], "request_not_processed");
    assert_eq!(reply.headers["content-type"], "application/json");
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(
        event.field("error.replaced_body"),
        "db error: relation \"secret_table\" does not exist (postgres://billing:hunter2@db-7)"
    );

    // A 503 in HTML: `Retry-After` stays, the replaced body's own headers go.
    let reply = fetch(addr, "/maintenance", "req_3").await;
    assert_eq!(reply.status, 503);
    assert_eq!(
        reply.header_lines(),
        [
            "content-type: application/json",
            "retry-after: 30",
            "x-request-id: req_3",
            &format!("content-length: {}", reply.body.len()),
        ]
    );
    assert_eq!(reply.json()["error"]["code"], "service_unavailable");
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(event.field("retryable"), "true");
    assert!(event.field("error.replaced_body").contains("hunter2"));

    // A 401 in plain text: `WWW-Authenticate` stays.
    let reply = fetch(addr, "/admin", "req_4").await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["error"]["code"], "unauthorized");
    assert_eq!(reply.headers["www-authenticate"], "Bearer realm=\"api\"");
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::INFO);
    assert_eq!(
        event.field("error.replaced_body"),
        "no token for realm internal-admin"
    );

    // A status without a rejection of its own, and no body at all: the generic
    // rejection of its class, with its status.
    let reply = fetch(addr, "/teapot", "req_5").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["code"], "bad_request");
    assert_eq!(captured.one().field("error.replaced_body"), "");

    // A long body: its first KiB in the log.
    let reply = fetch(addr, "/dump", "req_7").await;
    assert_eq!(reply.status, 502);
    assert_eq!(reply.json()["error"]["code"], "bad_gateway");
    reply.assert_no_secret(&SECRETS);
    let event = captured.one();
    let logged = event.field("error.replaced_body");
    assert_eq!(logged.len(), 1024);
    assert!(logged.starts_with("upstream said: hunter2 "));

    // A JSON error body of the service's own passes as it is, unlogged.
    let reply = fetch(addr, "/own-json", "req_6").await;
    assert_eq!(
        (reply.status.as_u16(), reply.body.as_str()),
        (409, r#"{"mine":true}"#)
    );
    assert!(captured.take().is_empty());
}

#[tokio::test]
async fn no_secret_in_any_format() {
    let _captured = Captured::start();
    for format in [
        Format::Nested,
        Format::Flat,
        Format::Compact,
        Format::Problem,
        Format::Google,
    ] {
        let addr = serve(app(ErrorLayer::new().format(format))).await;
        for path in ["/billing", "/db", "/maintenance", "/admin"] {
            let reply = fetch(addr, path, "req_f").await;
            assert!(reply.status.as_u16() >= 400);
            assert!(reply.json().is_object(), "{format:?} {path}");
            reply.assert_no_secret(&SECRETS);
        }
        let reply = send(
            addr,
            Method::POST,
            "/archive",
            &[("x-request-id", b"req_a")],
            "",
        )
        .await;
        assert_eq!(reply.status, 500);
        reply.assert_no_secret(&SECRETS);
        assert!(!reply.body.contains("archive-7") && !reply.body.contains("refused"));
    }
}

#[tokio::test]
async fn one_event_per_error_with_its_fields_and_source_chain() {
    let captured = Captured::start();
    let addr = serve(app(ErrorLayer::new())).await;

    let reply = send(
        addr,
        Method::POST,
        "/archive",
        &[("x-request-id", b"req_arc")],
        "",
    )
    .await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"archive_failed","message":"An internal error occurred"},"meta":{"request_id":"req_arc"}}"#
    );
    let event = captured.one();
    assert_eq!(event.target, "error_catalog");
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.field("error.type"), "archive_failed");
    assert_eq!(event.field("http.response.status_code"), "500");
    assert_eq!(event.field("request_id"), "req_arc");
    assert_eq!(event.field("retryable"), "false");
    assert_eq!(event.field("message"), "An internal error occurred");
    assert_eq!(
        event.field("error.source"),
        "archive store refused the connection (archive-7:9000): connect: connection refused"
    );
    assert!(!event.fields.contains_key("error.replaced_body"));
    assert!(!event.fields.contains_key("request_id.replaced"));
    assert!(!event.fields.contains_key("rpc.grpc.status_code"));

    // A 4xx: INFO unless set; no source, no event for a success.
    let reply = fetch(addr, "/projects/p1", "req_p").await;
    assert_eq!(reply.status, 404);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::INFO);
    assert_eq!(event.field("message"), "Project p1 not found");
    assert!(!event.fields.contains_key("error.source"));
    assert_eq!(fetch(addr, "/ok", "req_ok").await.body, "ok");
    assert!(captured.take().is_empty());

    // A message whose field fails to write: cut there, no panic.
    let reply = fetch(addr, "/odd", "req_o").await;
    assert_eq!(reply.status, 400);
    assert_eq!(captured.one().field("message"), "value par");

    // Rejections are events too.
    let reply = send(
        addr,
        Method::POST,
        "/json",
        &[
            ("content-type", b"application/json"),
            ("x-request-id", b"req_j"),
        ],
        "{",
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(captured.one().field("error.type"), "invalid_json");
    let reply = fetch(addr, "/nowhere", "req_n").await;
    assert_eq!(reply.status, 404);
    assert_eq!(captured.one().field("error.type"), "route_not_found");

    // The level of 4xx events is the layer's.
    let addr = serve(app(
        ErrorLayer::new().client_error_level(tracing::Level::WARN)
    ))
    .await;
    fetch(addr, "/projects/p2", "req_w").await;
    assert_eq!(captured.one().level, tracing::Level::WARN);
    fetch(addr, "/db", "req_w").await;
    assert_eq!(captured.one().level, tracing::Level::ERROR);
}

#[tokio::test]
async fn without_the_layer_nothing_is_logged() {
    let captured = Captured::start();
    let addr = serve(routes()).await;
    let reply = send(addr, Method::POST, "/archive", &[], "").await;
    assert_eq!(reply.status, 500);
    assert!(captured.take().is_empty());
    assert!(captured.counters().is_empty());
}

#[tokio::test]
async fn the_counter_counts_each_error_response_once() {
    let captured = Captured::start();
    error_catalog::catalog!(ServiceError).register_metrics();
    let zero = captured.counters();
    assert_eq!(zero.len(), 3);
    assert_eq!(zero[&("project_missing".into(), "404".into())], 0);
    assert_eq!(zero[&("archive_failed".into(), "500".into())], 0);

    let addr = serve(app(ErrorLayer::new())).await;
    fetch(addr, "/projects/a", "req_1").await;
    fetch(addr, "/projects/b", "req_2").await;
    send(addr, Method::POST, "/archive", &[], "").await;
    fetch(addr, "/db", "req_3").await;
    fetch(addr, "/ok", "req_4").await;
    let counters = captured.counters();
    assert_eq!(counters[&("project_missing".into(), "404".into())], 2);
    assert_eq!(counters[&("archive_failed".into(), "500".into())], 1);
    assert_eq!(counters[&("request_not_processed".into(), "500".into())], 1);
    assert_eq!(counters[&("odd_value".into(), "400".into())], 0);
    assert_eq!(counters.len(), 4);

    assert_eq!(captured.take().len(), 4);

    // `report` logs and counts by the same rule.
    error_catalog::report_with(
        &ServiceError::Archive(Refused(std::io::Error::other("job"))),
        Some("job_7"),
    );
    let event = captured.one();
    assert_eq!(event.field("request_id"), "job_7");
    assert_eq!(
        event.field("error.source"),
        "archive store refused the connection (archive-7:9000): job"
    );
    assert_eq!(
        captured.counters()[&("archive_failed".into(), "500".into())],
        2
    );
}

#[tokio::test]
async fn nested_layers_log_and_count_each_error_once() {
    let captured = Captured::start();
    // A router with its own layer, inside an application with another.
    let addr = serve(
        Router::new()
            .merge(app(ErrorLayer::new()))
            .layer(ErrorLayer::new()),
    )
    .await;
    fetch(addr, "/projects/a", "req_1").await;
    fetch(addr, "/db", "req_2").await;
    let events = captured.take();
    let codes: Vec<_> = events
        .iter()
        .map(|event| event.field("error.type"))
        .collect();
    assert_eq!(codes, ["project_missing", "request_not_processed"]);
    let counters = captured.counters();
    assert_eq!(counters[&("project_missing".into(), "404".into())], 1);
    assert_eq!(counters[&("request_not_processed".into(), "500".into())], 1);
}

#[tokio::test]
async fn request_ids_are_kept_made_and_sent_back() {
    let captured = Captured::start();
    let addr = serve(app(ErrorLayer::new())).await;

    // Success responses carry the id too; a made one is a UUID v7.
    let reply = send(addr, Method::GET, "/ok", &[], "").await;
    let id = reply.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(uuid_version(&id), 7);
    let reply = fetch(addr, "/ok", "req_ok").await;
    assert_eq!(reply.headers["x-request-id"], "req_ok");

    // 128 visible ASCII characters are kept; 129, a space or an empty header are not.
    let long = "r".repeat(128);
    let reply = fetch(addr, "/projects/p", &long).await;
    assert_eq!(reply.json()["meta"]["request_id"], long.as_str());
    assert_eq!(reply.headers["x-request-id"], long.as_str());
    let event = captured.one();
    assert!(!event.fields.contains_key("request_id.replaced"));
    for (sent, replaced) in [
        (format!("{long}r"), true),
        ("req 1".to_owned(), true),
        ("req\t1".to_owned(), true),
        (String::new(), false),
    ] {
        let reply = send(
            addr,
            Method::GET,
            "/projects/p",
            &[("x-request-id", sent.as_bytes())],
            "",
        )
        .await;
        let id = reply.json()["meta"]["request_id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(uuid_version(&id), 7, "{sent:?}");
        assert_eq!(reply.headers["x-request-id"], id.as_str());
        let event = captured.one();
        assert_eq!(event.field("request_id"), id);
        assert_eq!(
            event.fields.get("request_id.replaced").map(String::as_str),
            replaced.then_some("true"),
            "{sent:?}"
        );
    }

    // A generator of the user's.
    let addr = serve(app(
        ErrorLayer::new().request_id_generator(|| "req_mine".into())
    ))
    .await;
    let reply = send(addr, Method::GET, "/ok", &[], "").await;
    assert_eq!(reply.headers["x-request-id"], "req_mine");
}

fn uuid_version(id: &str) -> u32 {
    let hex: String = id.chars().filter(|c| *c != '-').collect();
    assert_eq!(hex.len(), 32, "{id}");
    hex[12..13].parse().unwrap()
}

/// What a handler sees as its request id.
async fn seen(headers: HeaderMap) -> Response {
    let id = headers
        .get("x-request-id")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    Err::<(), _>(ServiceError::Missing { id }).into_response()
}

/// Every request id a handler sees, joined with commas.
async fn ids_seen(headers: HeaderMap) -> String {
    let ids: Vec<&str> = headers
        .get_all("x-request-id")
        .iter()
        .map(|value| value.to_str().unwrap())
        .collect();
    ids.join(",")
}

#[tokio::test]
async fn the_handler_sees_the_answered_id_alone() {
    let _captured = Captured::start();
    let router = Router::new()
        .route("/ids", get(ids_seen))
        .layer(ErrorLayer::new().request_id_generator(|| "req_made".into()));
    let addr = serve(router).await;
    type Headers<'a> = &'a [(&'a str, &'a [u8])];
    let cases: [(Headers, &str); 4] = [
        (&[("x-request-id", b"req_client")], "req_client"),
        // Two ids: the first is answered, and the handler sees it alone.
        (
            &[
                ("x-request-id", b"req_first"),
                ("x-request-id", b"req_second"),
            ],
            "req_first",
        ),
        (&[("x-request-id", b"req with spaces")], "req_made"),
        (&[], "req_made"),
    ];
    for (headers, answered) in cases {
        let reply = send(addr, Method::GET, "/ids", headers, "").await;
        assert_eq!(reply.body, answered, "{headers:?}");
        assert_eq!(reply.headers["x-request-id"], answered, "{headers:?}");
    }
}

#[tokio::test]
async fn tower_http_request_id_layers_compose_in_either_order() {
    use tower_http::request_id::{
        MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
    };

    #[derive(Clone)]
    struct Counter(Arc<AtomicUsize>);
    impl MakeRequestId for Counter {
        fn make_request_id<B>(&mut self, _: &http::Request<B>) -> Option<RequestId> {
            let n = self.0.fetch_add(1, Ordering::Relaxed);
            Some(RequestId::new(format!("tower_{n}").parse().unwrap()))
        }
    }

    let _captured = Captured::start();
    // As tower-http's docs show them (set, then propagate), inside the error layer.
    let inside = Router::new()
        .route("/seen", get(seen))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(Counter(Arc::default())))
        .layer(ErrorLayer::new().request_id_generator(|| "req_layer".into()));
    // And outside it.
    let outside = Router::new()
        .route("/seen", get(seen))
        .layer(ErrorLayer::new())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(Counter(Arc::default())));
    for (router, made) in [(inside, "req_layer"), (outside, "tower_0")] {
        let addr = serve(router).await;
        let reply = send(addr, Method::GET, "/seen", &[], "").await;
        // One id everywhere: the handler's, the body's, the header's.
        assert_eq!(reply.headers["x-request-id"], made);
        assert_eq!(
            reply.json(),
            json!({"error":{"code":"project_missing","message":format!("Project {made} not found"),"details":{"id":made}},"meta":{"request_id":made}})
        );
        let reply = fetch(addr, "/seen", "req_client").await;
        assert_eq!(reply.headers["x-request-id"], "req_client");
        assert_eq!(reply.json()["meta"]["request_id"], "req_client");
        assert_eq!(reply.json()["error"]["details"]["id"], "req_client");
    }
}

#[tokio::test]
async fn hooks_extensions_and_negotiation() {
    let _captured = Captured::start();
    let calls = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen_calls = Arc::clone(&calls);
    // A middleware of the user's reads the rendered error without parsing the body.
    let codes = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen_codes = Arc::clone(&codes);
    let router = routes()
        .layer(axum::middleware::map_response(move |response: Response| {
            let codes = Arc::clone(&seen_codes);
            async move {
                if let Some(rendered) = response.extensions().get::<RenderedError>() {
                    codes.lock().unwrap().push(rendered.spec().code());
                }
                response
            }
        }))
        .layer(
            ErrorLayer::new()
                .format(Format::Flat)
                .negotiate(true)
                .on_error(move |event| {
                    seen_calls.lock().unwrap().push((
                        event.error().code(),
                        event.request_id().map(str::to_owned),
                        event.error().source_chain().map(str::to_owned),
                    ));
                }),
        );
    let addr = serve(router).await;
    send(
        addr,
        Method::POST,
        "/archive",
        &[("x-request-id", b"req_h")],
        "",
    )
    .await;
    fetch(addr, "/ok", "req_ok").await;
    assert_eq!(
        *calls.lock().unwrap(),
        [(
            "archive_failed",
            Some("req_h".to_owned()),
            Some(
                "archive store refused the connection (archive-7:9000): connect: connection refused"
                    .to_owned()
            )
        )]
    );
    assert_eq!(*codes.lock().unwrap(), ["archive_failed"]);

    // `Accept: application/problem+json` picks Problem, for every kind of error.
    let problem: &[(&str, &[u8])] = &[
        ("accept", b"application/problem+json"),
        ("x-request-id", b"req_n"),
    ];
    let reply = send(addr, Method::GET, "/projects/p9", problem, "").await;
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(reply.json()["code"], "project_missing");
    assert_eq!(reply.json()["status"], 404);
    for (method, path, code) in [
        (Method::GET, "/nowhere", "route_not_found"),
        (Method::DELETE, "/ok", "method_not_allowed"),
        (Method::GET, "/db", "request_not_processed"),
    ] {
        let reply = send(addr, method, path, problem, "").await;
        assert_eq!(
            reply.headers["content-type"], "application/problem+json",
            "{path}"
        );
        assert_eq!(reply.json()["code"], code);
        assert_eq!(reply.json()["type"], "about:blank");
    }
    let reply = send(
        addr,
        Method::POST,
        "/json",
        &[
            ("accept", b"application/problem+json"),
            ("content-type", b"application/json"),
        ],
        "{",
    )
    .await;
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(reply.json()["code"], "invalid_json");
    // The service's docs base links the rejections (and errors without their own).
    let addr_docs = serve(app(ErrorLayer::new()
        .format(Format::Problem)
        .docs("https://docs.example.com/errors/")))
    .await;
    let reply = fetch(addr_docs, "/nowhere", "req_d").await;
    assert_eq!(
        reply.json()["type"],
        "https://docs.example.com/errors/route_not_found"
    );
    let reply = fetch(addr_docs, "/projects/p1", "req_d").await;
    assert_eq!(
        reply.json()["type"],
        "https://docs.example.com/errors/project_missing"
    );

    // Other requests: the configured format.
    let reply = fetch(addr, "/projects/p9", "req_f").await;
    assert_eq!(reply.headers["content-type"], "application/json");
    assert_eq!(
        reply.json(),
        json!({"code":"project_missing","message":"Project p9 not found","details":{"id":"p9"},"request_id":"req_f"})
    );
}

/// A type that opts out of the derived framework impls writes its own.
#[derive(Debug, ApiError)]
#[api_error(format = "flat", impls = false)]
#[error(code = "quota_exceeded", status = 429, message = "Quota exceeded")]
pub struct QuotaExceeded;

impl IntoResponse for QuotaExceeded {
    fn into_response(self) -> Response {
        let mut response = error_catalog::axum::response(&self);
        response
            .headers_mut()
            .insert("x-quota-plan", "free".parse().unwrap());
        response
    }
}

#[tokio::test]
async fn a_type_without_the_derived_impls_writes_its_own() {
    let captured = Captured::start();
    let addr = serve(
        Router::new()
            .route("/quota", get(|| async { Err::<(), _>(QuotaExceeded) }))
            .layer(ErrorLayer::new()),
    )
    .await;
    let reply = fetch(addr, "/quota", "req_q").await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.headers["x-quota-plan"], "free");
    assert_eq!(
        reply.json(),
        json!({"code":"quota_exceeded","message":"Quota exceeded","request_id":"req_q"})
    );
    assert_eq!(captured.one().field("error.type"), "quota_exceeded");
}
