//! The layers read `Accept-Language` (q-values, `*`, several tags) and render each
//! translated error in the best locale, with `Content-Language`; garbage renders the
//! default locale, never an error response. axum's `ErrorLayer` and actix-web's
//! `ErrorMiddleware`, against real servers.
#![cfg(all(feature = "i18n", feature = "axum", feature = "actix-web"))]

mod http_client;

use std::net::SocketAddr;

use axum::http::Method;
use error_catalog::ApiError;
use http_client::{Reply, send};

/// Order errors.
#[derive(Debug, ApiError)]
#[api_error(locales = "tests/locales/orders", partial_locales = ["pt"], format = "flat")]
pub enum OrderError {
    #[error(
        code = "order_not_found",
        status = 404,
        message = "Order {id} not found",
        resolution = "Check the order ID."
    )]
    NotFound { id: String },
    #[error(
        code = "cart.too_many",
        status = 422,
        message = "The cart holds {count} items; the limit is {max}"
    )]
    TooMany { count: u32, max: u32 },
    #[error(
        code = "payment_declined",
        status = 402,
        message = "The payment was declined"
    )]
    Declined { reason: String },
}

async fn axum_server() -> SocketAddr {
    use axum::routing::get;
    let app = axum::Router::new()
        .route(
            "/orders/{id}",
            get(
                |axum::extract::Path(id): axum::extract::Path<String>| async move {
                    Err::<(), _>(OrderError::NotFound { id })
                },
            ),
        )
        .route(
            "/cart",
            get(|| async { Err::<(), _>(OrderError::TooMany { count: 0, max: 5 }) }),
        )
        .layer(error_catalog::axum::ErrorLayer::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

fn actix_server() -> SocketAddr {
    use actix_web::{App, web};
    async fn order(id: web::Path<String>) -> Result<String, OrderError> {
        Err(OrderError::NotFound {
            id: id.into_inner(),
        })
    }
    async fn cart() -> Result<String, OrderError> {
        Err(OrderError::TooMany { count: 0, max: 5 })
    }
    crate::serve_actix!(|| {
        App::new()
            .route("/orders/{id}", web::get().to(order))
            .route("/cart", web::get().to(cart))
            .wrap(error_catalog::actix::ErrorMiddleware::new())
    })
}

async fn ask(addr: SocketAddr, path: &str, accept_language: Option<&[u8]>) -> Reply {
    let headers: Vec<(&str, &[u8])> = accept_language
        .map(|list| vec![("accept-language", list)])
        .unwrap_or_default();
    send(addr, Method::GET, path, &headers, "").await
}

/// The same answers from both servers.
async fn check(addr: SocketAddr) {
    let cases: [(Option<&[u8]>, &str, &str); 7] = [
        (Some(b"fr-CA"), "fr", "Commande o1 introuvable"),
        (
            Some(b"it, de;q=0.5, fr;q=0.4"),
            "de",
            "Bestellung o1 nicht gefunden",
        ),
        (
            Some(b"de;q=0.2, pt-BR;q=0.9"),
            "pt",
            "Pedido o1 n\u{e3}o encontrado",
        ),
        (Some(b"*"), "en", "Order o1 not found"),
        (Some(b"fr;q=0, *;q=x"), "en", "Order o1 not found"),
        (Some(b"\xff\xfe, fr"), "en", "Order o1 not found"),
        (None, "", "Order o1 not found"),
    ];
    for (list, language, message) in cases {
        let reply = ask(addr, "/orders/o1", list).await;
        assert_eq!(reply.status, 404, "{list:?}: {}", reply.body);
        // Without `Accept-Language`, no `Content-Language`.
        let sent = reply
            .headers
            .get("content-language")
            .map(|v| v.to_str().unwrap());
        assert_eq!(sent.unwrap_or_default(), language, "{list:?}");
        assert_eq!(reply.json()["message"], message, "{list:?}");
    }
    // A plural, by the French rules (0 is singular).
    let reply = ask(addr, "/cart", Some(b"fr")).await;
    assert_eq!(
        reply.json()["message"],
        "Le panier contient 0 article ; la limite est 5"
    );
    // The rejections of the layers ship French and German.
    let reply = ask(addr, "/nowhere", Some(b"de-CH, fr")).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.headers["content-language"], "de");
    assert_eq!(reply.json()["code"], "route_not_found");
    assert_eq!(reply.json()["detail"], "Keine Route passt zum Anfragepfad");
    assert_eq!(reply.json()["title"], "Route nicht gefunden");
    // 10 KB of tags: the default locale, never an error response.
    let huge = "zz-ZZ;q=0.5, ".repeat(800);
    let reply = ask(addr, "/orders/o1", Some(huge.as_bytes())).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["message"], "Order o1 not found");
}

#[tokio::test]
async fn axum_error_layer_negotiates() {
    check(axum_server().await).await;
}

#[tokio::test]
async fn actix_error_middleware_negotiates() {
    check(actix_server()).await;
}
