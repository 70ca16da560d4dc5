//! A value whose `Display` fails (interpolated in a message or sent as a header) and a
//! detail whose `Serialize` fails: every path that renders an error degrades the way the
//! JSON writer does (the message ends where the value failed, the header or detail is
//! left out) and none panics.

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod http_client;

use std::fmt;

use error_catalog::{ApiError, Format};
use serde::{Serialize, Serializer};

/// Writes `partial`, then fails.
#[derive(Debug)]
pub struct FailingDisplay;

impl fmt::Display for FailingDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial")?;
        Err(fmt::Error)
    }
}

impl Serialize for FailingDisplay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("shown as a detail")
    }
}

/// A detail whose `Serialize` always fails.
#[derive(Debug)]
pub struct FailingSerialize;

impl Serialize for FailingSerialize {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("cannot serialize"))
    }
}

/// Errors with values that fail to render.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum Broken {
    /// A message that interpolates a failing value.
    #[error(code = "broken_message", status = 400, message = "value {value} here")]
    Message { value: FailingDisplay },
    /// A header whose value cannot be produced, next to one that can.
    #[error(code = "broken_header", status = 429, message = "Slow down")]
    Header {
        #[error(header = "X-RateLimit-Reset")]
        reset: FailingDisplay,
        #[error(header = "X-RateLimit-Limit")]
        limit: u32,
    },
    /// One detail of three fails to serialize.
    #[error(code = "broken_detail", status = 409, message = "Conflict")]
    Detail {
        before: u32,
        bad: FailingSerialize,
        after: String,
    },
}

fn message() -> Broken {
    Broken::Message {
        value: FailingDisplay,
    }
}

fn header() -> Broken {
    Broken::Header {
        reset: FailingDisplay,
        limit: 300,
    }
}

fn detail() -> Broken {
    Broken::Detail {
        before: 1,
        bad: FailingSerialize,
        after: "kept".into(),
    }
}

#[test]
fn the_message_ends_where_the_value_failed() {
    let err = message();
    assert_eq!(err.message().to_string(), "value partial");
    assert_eq!(format!("{:?}", err.message()), r#""value partial""#);
    assert_eq!(format!("[{}]", err.message()), "[value partial]");
    // The bodies agree with the message.
    let body: serde_json::Value = serde_json::from_str(&err.envelope().to_json()).unwrap();
    assert_eq!(body["message"], "value partial");
}

#[test]
fn a_header_that_cannot_be_produced_is_left_out() {
    let headers = header().envelope().headers();
    assert_eq!(headers.get("x-ratelimit-reset"), None);
    assert_eq!(headers["x-ratelimit-limit"], "300");
    assert_eq!(headers["content-type"], "application/json");
    for format in Format::ALL {
        let headers = header().envelope().format(format).headers();
        assert_eq!(headers.get("x-ratelimit-reset"), None, "{format}");
        assert_eq!(headers["x-ratelimit-limit"], "300", "{format}");
    }
}

#[test]
fn a_detail_that_fails_to_serialize_is_left_out_of_the_metadata() {
    let pairs = error_catalog::grpc::metadata(&detail());
    assert_eq!(
        pairs,
        [
            ("before".to_owned(), "1".to_owned()),
            ("after".to_owned(), "kept".to_owned())
        ]
    );
    let body: serde_json::Value =
        serde_json::from_str(&detail().envelope().format(Format::Google).to_json()).unwrap();
    assert_eq!(
        body["error"]["details"][0]["metadata"],
        serde_json::json!({"before": "1", "after": "kept"})
    );
}

#[cfg(feature = "tonic")]
mod tonic {
    use error_catalog::ErrorBody;

    use super::{detail, header, message};

    #[test]
    fn status_from_an_error_whose_message_fails() {
        let status = tonic::Status::from(message());
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert_eq!(status.message(), "value partial");
        let status = error_catalog::tonic::status(&message());
        assert_eq!(status.message(), "value partial");
        assert_eq!(ErrorBody::from(&status).code(), "BROKEN_MESSAGE");
    }

    #[test]
    fn status_from_an_error_whose_header_fails() {
        let status = tonic::Status::from(header());
        assert_eq!(status.code(), tonic::Code::ResourceExhausted);
        let body = ErrorBody::from(&status);
        assert_eq!(body.details()["limit"], "300");
        assert_eq!(body.details()["reset"], "shown as a detail");
    }

    #[test]
    fn error_info_keeps_the_details_that_serialize() {
        for status in [
            tonic::Status::from(detail()),
            error_catalog::tonic::status(&detail()),
        ] {
            let body = ErrorBody::from(&status);
            assert_eq!(body.code(), "BROKEN_DETAIL");
            assert_eq!(
                body.details(),
                &serde_json::from_value::<serde_json::Map<_, _>>(
                    serde_json::json!({"before": "1", "after": "kept"})
                )
                .unwrap()
            );
        }
    }
}

#[cfg(feature = "axum")]
mod axum {
    use axum::Router;
    use axum::routing::get;

    use crate::http_client;

    use super::{Broken, header, message};

    #[tokio::test]
    async fn responses_degrade_instead_of_panicking() {
        let app = Router::new()
            .route("/message", get(|| async { Err::<(), Broken>(message()) }))
            .route("/header", get(|| async { Err::<(), Broken>(header()) }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

        let reply = http_client::get(addr, "/message", "req_1").await;
        assert_eq!(reply.status, 400);
        assert_eq!(reply.json()["message"], "value partial");

        let reply = http_client::get(addr, "/header", "req_2").await;
        assert_eq!(reply.status, 429);
        assert_eq!(reply.headers.get("x-ratelimit-reset"), None);
        assert_eq!(reply.headers["x-ratelimit-limit"], "300");
        assert_eq!(reply.json()["code"], "broken_header");
    }
}

#[cfg(feature = "actix-web")]
mod actix {
    use std::net::SocketAddr;

    use actix_web::{App, web};

    use crate::http_client;

    use super::{Broken, header, message};

    fn start() -> SocketAddr {
        crate::serve_actix!(|| {
            App::new()
                .route(
                    "/message",
                    web::get().to(|| async { Err::<String, Broken>(message()) }),
                )
                .route(
                    "/header",
                    web::get().to(|| async { Err::<String, Broken>(header()) }),
                )
        })
    }

    #[tokio::test]
    async fn responses_degrade_instead_of_panicking() {
        let addr = start();
        let reply = http_client::get(addr, "/message", "req_1").await;
        assert_eq!(reply.status, 400);
        assert_eq!(reply.json()["message"], "value partial");

        let reply = http_client::get(addr, "/header", "req_2").await;
        assert_eq!(reply.status, 429);
        assert_eq!(reply.headers.get("x-ratelimit-reset"), None);
        assert_eq!(reply.headers["x-ratelimit-limit"], "300");
        assert_eq!(reply.json()["code"], "broken_header");
    }
}
