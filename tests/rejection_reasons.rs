//! The `reason` of a rejected body, path or query stays a hint, over a real server and a
//! real client: capped, without the lists of the type's field names that serde writes,
//! with a short excerpt of the input only, and without characters that reorder text.
#![cfg(any(feature = "axum", feature = "actix-web"))]

mod http_client;

use std::net::SocketAddr;

use http::Method;
use http_client::{Reply, send};
use serde::Deserialize;

/// A body that names an internal field the client must not learn about.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Account {
    name: String,
    age: u32,
    #[serde(default)]
    is_internal_admin: bool,
}

/// A query of the same kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Page {
    limit: u32,
    #[serde(default)]
    include_internal_audit: bool,
}

/// The longest reason the integrations send, in characters.
const CAP: usize = 200;

fn reason(reply: &Reply) -> String {
    let body = reply.json();
    let reason = body["reason"]
        .as_str()
        .unwrap_or_else(|| panic!("no reason: {body}"));
    assert!(reason.chars().count() <= CAP, "{reason}");
    reason.to_owned()
}

async fn post(addr: SocketAddr, body: &str) -> Reply {
    send(
        addr,
        Method::POST,
        "/accounts",
        &[("content-type", b"application/json")],
        body,
    )
    .await
}

async fn get(addr: SocketAddr, path: &str) -> Reply {
    send(addr, Method::GET, path, &[], "").await
}

/// The checks shared by both frameworks, against a service with `POST /accounts`
/// (`Json<Account>`), `GET /projects/{id}` (`u32`) and `GET /search` (`Query<Page>`).
async fn check_service(addr: SocketAddr, big: usize) {
    // An unknown field: the one the request sent, never the type's own names.
    let reply = post(addr, r#"{"name":"a","age":3,"is_root":true}"#).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(reply.json()["code"], "invalid_body");
    // (axum puts the field's path first: `is_root: unknown field ..`.)
    let hint = reason(&reply);
    assert!(
        hint.ends_with("unknown field `is_root` at line 1 column 29"),
        "{hint}"
    );
    assert!(!reply.body.contains("is_internal_admin"), "{}", reply.body);
    assert!(!reply.body.contains("Account"), "{}", reply.body);

    // A huge wrong-typed string: a short excerpt of it.
    let value = "A".repeat(big);
    let reply = post(addr, &format!(r#"{{"name":"a","age":"{value}"}}"#)).await;
    assert_eq!(reply.status, 422);
    let hint = reason(&reply);
    let excerpt = format!("\"{}…\"", "A".repeat(24));
    assert!(
        hint.contains(&format!(
            "invalid type: string {excerpt}, expected u32 at line 1"
        )),
        "{hint}"
    );
    assert!(reply.body.len() < 1024, "{} bytes", reply.body.len());

    // Odd Unicode in a body value: the excerpt is cut on a character boundary, and a
    // right-to-left override does not come back.
    let value = format!("\u{202e}{}", "😀é".repeat(100));
    let reply = post(addr, &format!(r#"{{"name":"a","age":"{value}"}}"#)).await;
    assert_eq!(reply.status, 422);
    let hint = reason(&reply);
    assert!(!hint.contains('\u{202e}'), "{hint}");
    assert!(hint.contains("😀é😀é"), "{hint}");
    assert!(hint.contains('…'), "{hint}");

    // A path parameter: a long value comes back as an excerpt, control and bidirectional
    // characters replaced.
    let long = "9".repeat(300);
    let reply = get(addr, &format!("/projects/%E2%80%AE{long}%0A")).await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert_eq!(reply.json()["code"], "invalid_path");
    let hint = reason(&reply);
    assert!(!hint.contains('\u{202e}') && !hint.contains('\n'), "{hint}");
    assert!(!hint.contains(&"9".repeat(25)), "{hint}");

    // A query with an unknown parameter: no list of the others.
    let reply = get(addr, "/search?limit=5&debug=1").await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert_eq!(reply.json()["code"], "invalid_query");
    let hint = reason(&reply);
    assert!(hint.contains("unknown field `debug`"), "{hint}");
    assert!(
        !reply.body.contains("include_internal_audit"),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("limit"), "{}", reply.body);
}

#[cfg(feature = "axum")]
mod axum {
    use axum::Router;
    use axum::routing::{get, post};
    use error_catalog::axum::{ErrorLayer, Json, Path, Query};

    use super::{Account, Page, check_service};

    #[tokio::test]
    async fn reasons_stay_hints() {
        let app = Router::new()
            .route("/accounts", post(|Json(_): Json<Account>| async {}))
            .route(
                "/projects/{id}",
                get(|Path(id): Path<u32>| async move { id.to_string() }),
            )
            .route("/search", get(|Query(_): Query<Page>| async {}))
            .layer(ErrorLayer::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        check_service(addr, 400 * 1024).await;
    }
}

#[cfg(feature = "actix-web")]
mod actix {
    use std::net::SocketAddr;

    use actix_web::{App, web};
    use error_catalog::actix::{ErrorMiddleware, json_config, path_config, query_config};

    use super::{Account, Page, check_service};

    fn start() -> SocketAddr {
        crate::serve_actix!(|| {
            App::new()
                .app_data(json_config().limit(1 << 20))
                .app_data(path_config())
                .app_data(query_config())
                .route(
                    "/accounts",
                    web::post().to(|_: web::Json<Account>| async { "" }),
                )
                .route(
                    "/projects/{id}",
                    web::get().to(|id: web::Path<u32>| async move { id.to_string() }),
                )
                .route("/search", web::get().to(|_: web::Query<Page>| async { "" }))
                .wrap(ErrorMiddleware::new())
        })
    }

    #[tokio::test]
    async fn reasons_stay_hints() {
        check_service(start(), 400 * 1024).await;
    }
}
