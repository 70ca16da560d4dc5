//! A real HTTP/1.1 client for the integration tests: hyper over a fresh loopback TCP
//! connection per request.

#![allow(dead_code)]

use std::net::SocketAddr;

use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

/// One response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    /// Every header but `date` (which changes every second), as `name: value` lines in
    /// the order the server sent them.
    pub fn header_lines(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(name, _)| *name != http::header::DATE)
            .map(|(name, value)| format!("{name}: {}", String::from_utf8_lossy(value.as_bytes())))
            .collect()
    }

    /// Fails the test when one of `secrets` is in the body or in a header.
    pub fn assert_no_secret(&self, secrets: &[&str]) {
        for secret in secrets {
            assert!(!self.body.contains(secret), "{secret} in {}", self.body);
            for line in self.header_lines() {
                assert!(!line.contains(secret), "{secret} in {line}");
            }
        }
    }

    /// The body as JSON; fails the test when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|err| panic!("body is not JSON ({err}): {}", self.body))
    }
}

/// Sends `method path` with `headers` and `body` to `addr`.
pub async fn send(
    addr: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &[u8])],
    body: &str,
) -> Reply {
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(http::header::HOST, addr.to_string());
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::copy_from_slice(body.as_bytes())))
        .expect("request");
    let response = sender.send_request(request).await.expect("send");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes();
    Reply {
        status: parts.status,
        headers: parts.headers,
        body: String::from_utf8(body.to_vec()).expect("UTF-8 body"),
    }
}

/// `GET path` with an `x-request-id`.
pub async fn get(addr: SocketAddr, path: &str, request_id: &str) -> Reply {
    send(
        addr,
        Method::GET,
        path,
        &[("x-request-id", request_id.as_bytes())],
        "",
    )
    .await
}

/// Serves an actix-web application on a loopback port, one worker on a thread of its own,
/// and evaluates to its address: `$factory` is the closure `HttpServer::new` takes.
#[macro_export]
macro_rules! serve_actix {
    ($factory:expr) => {{
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = actix_web::HttpServer::new($factory)
                    .workers(1)
                    .disable_signals()
                    .bind(("127.0.0.1", 0))
                    .unwrap();
                sender.send(server.addrs()[0]).unwrap();
                server.run().await
            })
        });
        receiver.recv().unwrap()
    }};
}
