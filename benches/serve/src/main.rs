//! Loopback load on the example service's error path against a hand-written axum handler
//! that returns the identical `(StatusCode, Json)` response.
//!
//! ```text
//! cargo run --release -p error-catalog-bench-serve [-- REQUESTS CONCURRENCY ROUNDS [ops]]
//! ```
//!
//! With `ops`, both sides also log and count each error response: a `tracing-subscriber`
//! fmt layer writes into `tracing-appender`'s non-blocking writer to a file in the
//! system's temporary directory, and a Prometheus recorder is installed. The service
//! logs through its `ErrorLayer` (one `INFO` event of target `error_catalog`, the
//! `error_catalog_responses_total` counter); the hand-written handler logs the same event
//! with `tracing::event!` at `INFO` and increments the same counter itself.
//!
//! Both servers run in one process on a one-worker tokio runtime (one core); the client
//! runs on the other core: CONCURRENCY keep-alive HTTP/1.1 connections (hyper) sharing
//! REQUESTS `GET /projects/proj_xyz789` requests with an `x-request-id`, answered 404.
//! Before measuring, one response of each server is compared: same status, same headers
//! (but `date`), same body bytes. Rounds alternate which server goes first; the report
//! gives the median over rounds of throughput and of each round's p50 and p99 latency,
//! and the ratios error-catalog / hand-written.
//!
//! ```text
//! cargo run --release -p error-catalog-bench-serve -- in-process ours|theirs [N [ops]]
//! ```
//!
//! sends N requests (1,000 unless given) to one of the two routers in process, without
//! sockets or hyper, each through [`serve_one`]: `instructions.sh` counts what that
//! function executes with valgrind's callgrind, a figure that does not depend on what
//! else the machine runs.

#[path = "../../../examples/service.rs"]
#[allow(dead_code)]
mod service;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde::Serialize;
use tower_service::Service as _;

const PATH: &str = "/projects/proj_xyz789";
const REQUEST_ID: &str = "req_abc123";

#[derive(Clone, Serialize)]
struct Project {
    id: String,
    name: String,
}

#[derive(Serialize)]
struct Body {
    error: ErrorObject,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta>,
}

#[derive(Serialize)]
struct ErrorObject {
    code: &'static str,
    message: &'static str,
    details: Details,
}

#[derive(Serialize)]
struct Details {
    resource_type: &'static str,
    resource_id: String,
}

#[derive(Serialize)]
struct Meta {
    request_id: String,
}

type Projects = Arc<RwLock<HashMap<String, Project>>>;

/// The `x-request-id` header, read without cloning the request's header map (axum's
/// `HeaderMap` extractor clones it).
struct RequestId(Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestId(
            parts
                .headers
                .get("x-request-id")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
        ))
    }
}

/// The event and the count of a `404 not_found`, as a hand-written handler writes them.
fn log_and_count(request_id: Option<&str>) {
    // `info!` cannot parse the `error.type` field name; `event!` at INFO is what it
    // expands to.
    tracing::event!(
        target: "error_catalog",
        tracing::Level::INFO,
        error.type = "not_found",
        http.response.status_code = 404_u64,
        request_id,
        retryable = false,
        message = "The project does not exist",
    );
    metrics::counter!(
        error_catalog::RESPONSES_TOTAL,
        "code" => "not_found",
        "status" => "404",
    )
    .increment(1);
}

/// The hand-written handler: the same lookup, the same body, written as a serde struct.
async fn baseline(
    State(projects): State<Projects>,
    Path(id): Path<String>,
    RequestId(request_id): RequestId,
) -> Response {
    let found = projects
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(&id)
        .cloned();
    if let Some(project) = found {
        return axum::Json(project).into_response();
    }
    log_and_count(request_id.as_deref());
    let header = request_id
        .as_deref()
        .and_then(|id| http::HeaderValue::from_str(id).ok());
    let meta = request_id.map(|request_id| Meta { request_id });
    let body = Body {
        error: ErrorObject {
            code: "not_found",
            message: "The project does not exist",
            details: Details {
                resource_type: "project",
                resource_id: id,
            },
        },
        meta,
    };
    let mut response = (StatusCode::NOT_FOUND, axum::Json(body)).into_response();
    if let Some(header) = header {
        response.headers_mut().insert("x-request-id", header);
    }
    response
}

fn baseline_app() -> Router {
    let mut projects = HashMap::new();
    projects.insert(
        "proj_abc123".to_owned(),
        Project {
            id: "proj_abc123".into(),
            name: "my-project".into(),
        },
    );
    Router::new()
        .route("/projects/{id}", get(baseline))
        .with_state(Arc::new(RwLock::new(projects)))
}

/// Starts both servers on a one-worker runtime of their own thread.
fn start_servers() -> (SocketAddr, SocketAddr) {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let ours = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let theirs = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            sender
                .send((ours.local_addr().unwrap(), theirs.local_addr().unwrap()))
                .unwrap();
            let a = tokio::spawn(async move { axum::serve(ours, service::app()).await });
            let b = tokio::spawn(async move { axum::serve(theirs, baseline_app()).await });
            let _ = tokio::join!(a, b);
        });
    });
    receiver.recv().expect("server addresses")
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(addr: SocketAddr) -> Sender {
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    sender
}

fn request(addr: SocketAddr) -> http::Request<Empty<Bytes>> {
    http::Request::get(PATH)
        .header("host", addr.to_string())
        .header("x-request-id", REQUEST_ID)
        .body(Empty::new())
        .expect("request")
}

/// One response: status, headers but `date`, body.
async fn sample(addr: SocketAddr) -> (StatusCode, Vec<(String, Vec<u8>)>, Bytes) {
    let mut sender = connect(addr).await;
    let response = sender.send_request(request(addr)).await.expect("send");
    let (parts, body) = response.into_parts();
    let headers = parts
        .headers
        .iter()
        .filter(|(name, _)| *name != http::header::DATE)
        .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
        .collect();
    (
        parts.status,
        headers,
        body.collect().await.expect("body").to_bytes(),
    )
}

struct Round {
    elapsed: Duration,
    latencies: Vec<Duration>,
    wrong_status: usize,
}

async fn load(addr: SocketAddr, requests: usize, concurrency: usize) -> Round {
    let next = Arc::new(AtomicUsize::new(0));
    let mut senders = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        senders.push(connect(addr).await);
    }
    let start = Instant::now();
    let tasks: Vec<_> = senders
        .into_iter()
        .map(|mut sender| {
            let next = Arc::clone(&next);
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut wrong = 0;
                while next.fetch_add(1, Ordering::Relaxed) < requests {
                    sender.ready().await.expect("ready");
                    let sent = Instant::now();
                    let response = sender.send_request(request(addr)).await.expect("send");
                    let status = response.status();
                    response.into_body().collect().await.expect("body");
                    latencies.push(sent.elapsed());
                    if status != StatusCode::NOT_FOUND {
                        wrong += 1;
                    }
                }
                (latencies, wrong)
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(requests);
    let mut wrong_status = 0;
    for task in tasks {
        let (mut task_latencies, wrong) = task.await.expect("client task");
        latencies.append(&mut task_latencies);
        wrong_status += wrong;
    }
    let elapsed = start.elapsed();
    latencies.sort_unstable();
    Round {
        elapsed,
        latencies,
        wrong_status,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[derive(Default)]
struct Summary {
    throughput: Vec<f64>,
    p50: Vec<f64>,
    p99: Vec<f64>,
    wrong_status: usize,
    requests: usize,
}

impl Summary {
    fn add(&mut self, round: &Round) {
        self.throughput
            .push(round.latencies.len() as f64 / round.elapsed.as_secs_f64());
        self.p50
            .push(percentile(&round.latencies, 50.0).as_secs_f64() * 1e6);
        self.p99
            .push(percentile(&round.latencies, 99.0).as_secs_f64() * 1e6);
        self.wrong_status += round.wrong_status;
        self.requests += round.latencies.len();
    }
}

/// Logging to a file through a non-blocking writer, and a Prometheus recorder; the guard
/// flushes the writer when dropped.
fn install_ops() -> tracing_appender::non_blocking::WorkerGuard {
    let directory = std::env::temp_dir().join("error-catalog-bench-serve");
    std::fs::create_dir_all(&directory).expect("log directory");
    let file = tracing_appender::rolling::never(&directory, "serve.log");
    let (writer, guard) = tracing_appender::non_blocking(file);
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .init();
    metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .expect("prometheus recorder");
    println!("logging to {}", directory.join("serve.log").display());
    guard
}

/// Sends one request to `app` in process and reads the whole body: what `instructions.sh`
/// counts (callgrind's `--toggle-collect` on this function).
#[inline(never)]
fn serve_one(runtime: &tokio::runtime::Runtime, app: &mut Router) -> usize {
    runtime.block_on(async {
        let request = http::Request::get(PATH)
            .header("host", "127.0.0.1")
            .header("x-request-id", REQUEST_ID)
            .body(axum::body::Body::empty())
            .expect("request");
        let response = app.call(request).await.expect("infallible");
        response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .len()
    })
}

/// `in-process ours|theirs [N [ops]]`: N requests through [`serve_one`].
fn in_process(mut args: impl Iterator<Item = String>) {
    let side = args.next().unwrap_or_default();
    let mut app = match side.as_str() {
        "ours" => service::app(),
        "theirs" => baseline_app(),
        _ => panic!("in-process takes `ours` or `theirs`"),
    };
    let n = args.next().and_then(|n| n.parse().ok()).unwrap_or(1_000);
    let _guard = args
        .next()
        .is_some_and(|arg| arg == "ops")
        .then(install_ops);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let bytes: usize = (0..n).map(|_| serve_one(&runtime, &mut app)).sum();
    println!("{side}: {n} responses, {bytes} body bytes");
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().is_some_and(|arg| arg == "in-process") {
        in_process(args.skip(1));
        return;
    }
    let ops = std::env::args().any(|arg| arg == "ops");
    let mut args = std::env::args()
        .skip(1)
        .filter(|arg| arg != "ops")
        .map(|arg| arg.parse::<usize>());
    let requests = args.next().and_then(Result::ok).unwrap_or(10_000);
    let concurrency = args.next().and_then(Result::ok).unwrap_or(32);
    let rounds = args.next().and_then(Result::ok).unwrap_or(21);
    let _guard = ops.then(install_ops);

    let (ours, theirs) = start_servers();
    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    client.block_on(async {
        let a = sample(ours).await;
        let b = sample(theirs).await;
        assert_eq!(a, b, "the two servers must answer identically");
        println!(
            "identical responses: {} {:?}\n  {}",
            a.0,
            a.1.iter()
                .map(|(k, v)| format!("{k}: {}", String::from_utf8_lossy(v)))
                .collect::<Vec<_>>(),
            String::from_utf8_lossy(&a.2)
        );

        // Warm-up: connections, allocator, caches.
        load(ours, requests / 10, concurrency).await;
        load(theirs, requests / 10, concurrency).await;

        let mut summary_ours = Summary::default();
        let mut summary_theirs = Summary::default();
        for round in 0..rounds {
            if round % 2 == 0 {
                summary_ours.add(&load(ours, requests, concurrency).await);
                summary_theirs.add(&load(theirs, requests, concurrency).await);
            } else {
                summary_theirs.add(&load(theirs, requests, concurrency).await);
                summary_ours.add(&load(ours, requests, concurrency).await);
            }
        }

        println!(
            "\n{requests} requests at {concurrency} concurrent, {rounds} rounds (medians over rounds){}",
            if ops { ", logging and metrics on" } else { "" }
        );
        println!(
            "{:<28} {:>12} {:>10} {:>10} {:>14}",
            "server", "req/s", "p50 µs", "p99 µs", "wrong status"
        );
        let mut rows = Vec::new();
        for (name, summary) in [
            ("error-catalog (example)", &summary_ours),
            ("hand-written handler", &summary_theirs),
        ] {
            let row = (
                median(summary.throughput.clone()),
                median(summary.p50.clone()),
                median(summary.p99.clone()),
            );
            println!(
                "{name:<28} {:>12.0} {:>10.0} {:>10.0} {:>8} / {}",
                row.0, row.1, row.2, summary.wrong_status, summary.requests
            );
            rows.push(row);
        }
        println!(
            "ratios error-catalog / hand-written: throughput {:.3}x, p50 {:.3}x, p99 {:.3}x",
            rows[0].0 / rows[1].0,
            rows[0].1 / rows[1].1,
            rows[0].2 / rows[1].2
        );
    });
}
