//! The example service as operators see it, over a real loopback connection: the
//! archive route's backend failure is in the log next to the request id and in no
//! response, and `GET /metrics` counts it in the Prometheus text format.
#![cfg(feature = "axum")]

mod http_client;
mod ops;

use std::net::SocketAddr;

use axum::Router;
use http::Method;
use http_client::send;

#[path = "../examples/service.rs"]
#[allow(dead_code)]
mod service;

const CAUSE: &str = "archive store refused the connection (archive-7:9000)";

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

#[tokio::test]
async fn the_archive_failure_is_logged_with_the_request_id_and_sent_to_no_one() {
    let captured = ops::Captured::start();
    let addr = serve(service::app()).await;
    let reply = send(
        addr,
        Method::POST,
        "/projects/proj_abc123/archive",
        &[("x-request-id", b"req_archive")],
        "",
    )
    .await;
    assert_eq!(reply.status, 500);
    assert_eq!(
        reply.body,
        r#"{"error":{"code":"internal_error","message":"An internal error occurred"},"meta":{"request_id":"req_archive"}}"#
    );
    for line in reply.header_lines() {
        assert!(!line.contains("archive-7"), "{line}");
    }
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.field("error.type"), "internal_error");
    assert_eq!(event.field("request_id"), "req_archive");
    assert_eq!(event.field("error.source"), CAUSE);
}

#[tokio::test]
async fn metrics_are_served_in_the_prometheus_format() {
    let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
    let handle = recorder.handle();
    let _guard = metrics::set_default_local_recorder(&recorder);
    error_catalog::register_metrics(
        <service::ResourceError as error_catalog::ErrorCatalog>::CATALOG,
    );
    let addr = serve(service::app_with_metrics(Some(handle))).await;

    let before = send(addr, Method::GET, "/metrics", &[], "").await;
    assert_eq!(before.status, 200);
    assert!(
        before
            .body
            .contains(r#"error_catalog_responses_total{code="internal_error",status="500"} 0"#),
        "{}",
        before.body
    );
    for _ in 0..2 {
        send(addr, Method::POST, "/projects/p/archive", &[], "").await;
    }
    let after = send(addr, Method::GET, "/metrics", &[], "").await;
    assert!(
        after
            .body
            .contains(r#"error_catalog_responses_total{code="internal_error",status="500"} 2"#),
        "{}",
        after.body
    );
    assert!(!after.body.contains("archive-7"));
}

/// The example service answers in French or German, by the request's `Accept-Language`.
#[tokio::test]
async fn errors_are_answered_in_the_requested_language() {
    let addr = serve(service::app()).await;
    let path = "/projects/proj_xyz789";
    let reply = send(
        addr,
        Method::GET,
        path,
        &[("accept-language", b"fr-CA, de;q=0.5")],
        "",
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.headers["content-language"], "fr");
    assert_eq!(
        reply.json()["error"]["message"],
        "La ressource \u{ab} project \u{bb} n'existe pas"
    );
    let reply = send(
        addr,
        Method::GET,
        path,
        &[("accept-language", b"it;q=0.9, de;q=0.8")],
        "",
    )
    .await;
    assert_eq!(reply.headers["content-language"], "de");
    assert_eq!(
        reply.json()["error"]["message"],
        "Die Ressource \u{201e}project\u{201c} existiert nicht"
    );
    // A plural selector: ten seats (Fluent's `other`).
    let reply = send(
        addr,
        Method::POST,
        "/licenses/CODI-FULL/sessions",
        &[
            ("accept-language", b"fr"),
            ("content-type", b"application/json"),
        ],
        r#"{"hardware_id":"hw_00000000000000000000000000000099"}"#,
    )
    .await;
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(
        reply.json()["error"]["message"],
        "Toutes les places sont occup\u{e9}es (10/10)"
    );
    // Every code of the service has both languages.
    for catalog in [
        <service::AuthError as error_catalog::ErrorCatalog>::CATALOG,
        <service::LicenseError as error_catalog::ErrorCatalog>::CATALOG,
        <service::ResourceError as error_catalog::ErrorCatalog>::CATALOG,
    ] {
        for spec in catalog {
            for tag in ["fr", "de"] {
                assert!(spec.translation(tag).is_some(), "{} {tag}", spec.code());
            }
        }
    }
}
