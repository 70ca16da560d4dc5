//! The reqwest helper against the example service over loopback, with a real reqwest
//! client: every error the service answers comes back typed, through the enum an SDK
//! shares with it; bodies that are no envelope come back as their status and an excerpt.
#![cfg(feature = "reqwest")]

use std::net::SocketAddr;

use axum::Router;
use error_catalog::reqwest::{ClientError, check};
use error_catalog::{
    DecodeError, DecodeErrorKind, ErrorBody, FieldError, FieldErrors, FromErrorBody, Rejection,
};
use http::StatusCode;

#[path = "../examples/service.rs"]
#[allow(dead_code)]
mod service;

use service::{AuthError, LicenseError, ResourceError};

/// Every error the service answers with: what an SDK for it declares, trying each of
/// the service's types in turn.
#[derive(Debug)]
enum ServiceError {
    Auth(AuthError),
    License(LicenseError),
    Resource(ResourceError),
    Rejection(Rejection),
}

impl FromErrorBody for ServiceError {
    fn from_error_body(body: &ErrorBody) -> Result<Self, DecodeError> {
        let next = |err: DecodeError| {
            if err.kind() == DecodeErrorKind::UnknownCode {
                Ok(())
            } else {
                Err(err)
            }
        };
        match body.to_error() {
            Ok(err) => return Ok(ServiceError::Auth(err)),
            Err(err) => next(err)?,
        }
        match body.to_error() {
            Ok(err) => return Ok(ServiceError::License(err)),
            Err(err) => next(err)?,
        }
        match body.to_error() {
            Ok(err) => return Ok(ServiceError::Resource(err)),
            Err(err) => next(err)?,
        }
        body.to_error().map(ServiceError::Rejection)
    }
}

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

struct Sdk {
    client: reqwest::Client,
    base: String,
}

impl Sdk {
    async fn start() -> Sdk {
        let addr = serve(service::app()).await;
        Sdk {
            client: reqwest::Client::new(),
            base: format!("http://{addr}"),
        }
    }

    /// Sends a request and decodes its error, which must be one of the service's; the
    /// request id sent comes back in the body.
    async fn error(
        &self,
        method: http::Method,
        path: &str,
        token: Option<&str>,
        json: Option<&str>,
    ) -> (StatusCode, ServiceError) {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("x-request-id", "req_sdk");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        if let Some(json) = json {
            request = request
                .header("content-type", "application/json")
                .body(json.to_owned());
        }
        let response = request.send().await.unwrap();
        match check::<ServiceError>(response).await {
            Ok(response) => panic!("{path}: no error, {}", response.status()),
            Err(ClientError::Api { error, body }) => {
                assert_eq!(body.request_id(), Some("req_sdk"), "{path}");
                (body.status().unwrap(), error)
            }
            Err(other) => panic!("{path}: {other}"),
        }
    }
}

const HW: &str = r#"{"hardware_id":"hw_0123456789abcdef0123456789abcdef"}"#;

/// Sends a request through the SDK and checks the status and the typed error it decodes
/// to: `expect!(sdk, METHOD "/path", token, json => status, pattern if guard)`.
macro_rules! expect {
    ($sdk:expr, $method:ident $path:expr, $token:expr, $json:expr
        => $status:expr, $pattern:pat $(if $guard:expr)?) => {{
        let path: &str = $path;
        let (status, err) = $sdk.error(http::Method::$method, path, $token, $json).await;
        assert_eq!(status, $status, "{path}");
        assert!(matches!(&err, $pattern $(if $guard)?), "{path}: {err:?}");
    }};
}

#[tokio::test]
async fn every_error_of_the_service_comes_back_typed() {
    use ServiceError::{Auth, License, Resource};
    let sdk = Sdk::start().await;
    let name = |name: &str| format!(r#"{{"name":"{name}"}}"#);

    expect!(sdk, GET "/projects/proj_xyz789", None, None => 404,
        Resource(ResourceError::NotFound { resource_type, resource_id })
            if resource_type == "project" && resource_id == "proj_xyz789");
    expect!(sdk, POST "/projects", None, Some(&name("x")) => 401,
        Auth(AuthError::TokenInvalid));
    expect!(sdk, POST "/projects", Some("tok_read"), Some(&name("x")) => 403,
        Auth(AuthError::InsufficientScope { required_scope, current_scopes })
            if required_scope == "write:projects" && current_scopes == &["read:projects"]);
    let expected: FieldErrors = [FieldError::new(
        "name",
        "Must contain only letters, digits and '-'",
    )]
    .into_iter()
    .collect();
    expect!(sdk, POST "/projects", Some("tok_write"), Some(&name("bad name!")) => 422,
        Resource(ResourceError::Validation { errors }) if *errors == expected);
    expect!(sdk, POST "/projects", Some("tok_write"), Some(&name("my-project")) => 409,
        Resource(ResourceError::AlreadyExists { field, value })
            if field == "name" && value == "my-project");
    expect!(sdk, GET "/projects/proj_broken", None, None => 500,
        Resource(ResourceError::Internal { source: None }));
    expect!(sdk, POST "/projects/proj_abc123/archive", None, None => 500,
        Resource(ResourceError::Internal { source: None }));

    expect!(sdk, POST "/licenses/CODI-FULL/sessions", None, Some(HW) => 409,
        License(LicenseError::NoSeatsAvailable {
            max_seats: 10,
            active_seats: 10,
            next_available_hint: Some(hint),
        }) if hint == "2026-01-09T10:30:00Z");
    expect!(sdk, POST "/licenses/CODI-OLD/sessions", None, Some(HW) => 403,
        License(LicenseError::LicenseExpired { expired_at, license_id })
            if expired_at == "2026-01-01T00:00:00Z" && license_id == "CODI-OLD");
    expect!(sdk, POST "/licenses/CODI-LATE/sessions", None, Some(HW) => 403,
        License(LicenseError::LicenseSuspended { reason, suspended_at })
            if reason == "payment_failed" && suspended_at == "2026-01-05T00:00:00Z");
    expect!(sdk, POST "/licenses/CODI-TEAM/sessions", None, Some(r#"{"hardware_id":"hw_1"}"#) => 400,
        License(LicenseError::InvalidHardwareId { provided, expected_format })
            if provided == "hw_1" && expected_format == "hw_[a-z0-9]{32}");
    expect!(sdk, POST "/licenses/CODI-NONE/sessions", None, Some(HW) => 404,
        Resource(ResourceError::NotFound { resource_type, resource_id })
            if resource_type == "license" && resource_id == "CODI-NONE");

    expect!(sdk, DELETE "/sessions/sess_none", None, None => 404,
        Resource(ResourceError::NotFound { resource_type, .. }) if resource_type == "session");
    expect!(sdk, POST "/sessions/sess_none/heartbeat", None, None => 410,
        License(LicenseError::SessionTimeout { last_heartbeat, timeout_at })
            if last_heartbeat == "2026-01-09T10:00:00Z" && timeout_at == "2026-01-09T10:06:00Z");
}

#[tokio::test]
async fn the_rejections_of_the_service_come_back_typed() {
    use ServiceError::Rejection as R;
    let sdk = Sdk::start().await;

    expect!(sdk, POST "/projects", Some("tok_write"), Some("{") => 400,
        R(Rejection::InvalidJson { reason: Some(_) }));
    expect!(sdk, POST "/projects", Some("tok_write"), Some("{}") => 422,
        R(Rejection::InvalidBody { reason: Some(reason) }) if reason.contains("name"));
    let big = format!(r#"{{"name":"{}"}}"#, "x".repeat(3 << 20));
    expect!(sdk, POST "/projects", Some("tok_write"), Some(&big) => 413,
        R(Rejection::PayloadTooLarge));
    expect!(sdk, GET "/no/such/route", None, None => 404, R(Rejection::RouteNotFound));
    expect!(sdk, GET "/metrics", None, None => 404, R(Rejection::RouteNotFound));
    expect!(sdk, PUT "/projects", None, None => 405, R(Rejection::MethodNotAllowed));

    // No content type: the body is never read as JSON.
    let response = sdk
        .client
        .post(format!("{}/projects", sdk.base))
        .header("x-request-id", "req_sdk")
        .body(r#"{"name":"x"}"#)
        .send()
        .await
        .unwrap();
    let err = check::<ServiceError>(response).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    assert!(
        matches!(err.api_error(), Some(R(Rejection::UnsupportedMediaType))),
        "{err}"
    );
}

#[tokio::test]
async fn success_passes_and_other_bodies_come_back_as_an_excerpt() {
    let sdk = Sdk::start().await;
    let response = sdk
        .client
        .get(format!("{}/projects/proj_abc123", sdk.base))
        .send()
        .await
        .unwrap();
    let response = check::<ServiceError>(response).await.unwrap();
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"id":"proj_abc123","name":"my-project"}"#
    );

    // An error of another type than the one asked for: its body is kept.
    let response = sdk
        .client
        .get(format!("{}/projects/proj_xyz789", sdk.base))
        .send()
        .await
        .unwrap();
    match check::<AuthError>(response).await.unwrap_err() {
        ClientError::Undecodable {
            status,
            reason,
            body: Some(body),
            excerpt,
        } => {
            assert_eq!(status, 404);
            assert_eq!(reason.kind(), DecodeErrorKind::UnknownCode);
            assert_eq!(body.code(), "not_found");
            assert!(
                excerpt.starts_with(r#"{"error":{"code":"not_found""#),
                "{excerpt}"
            );
        }
        other => panic!("{other:?}"),
    }

    // A server that is not the service: a proxy's page, and a body over the limit.
    let page = format!("<html><body>{}</body></html>", "Bad gateway. ".repeat(100));
    let huge = "x".repeat(ErrorBody::MAX_SIZE + 10);
    let proxy = Router::new()
        .route(
            "/page",
            axum::routing::get(move || async move {
                (
                    StatusCode::BAD_GATEWAY,
                    [("content-type", "text/html")],
                    page,
                )
            }),
        )
        .route(
            "/huge",
            axum::routing::get(move || async move {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [("content-type", "application/json")],
                    huge,
                )
            }),
        );
    let addr = serve(proxy).await;
    let client = reqwest::Client::new();
    let response = client
        .get(format!("http://{addr}/page"))
        .send()
        .await
        .unwrap();
    let err = check::<ServiceError>(response).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY));
    match &err {
        ClientError::Undecodable {
            reason,
            body: None,
            excerpt,
            ..
        } => {
            assert_eq!(reason.kind(), DecodeErrorKind::ContentType);
            assert_eq!(excerpt.len(), ClientError::<ServiceError>::EXCERPT_LEN);
            assert!(excerpt.starts_with("<html><body>Bad gateway."), "{excerpt}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("the server answered 502 Bad Gateway with a body that does not decode"),
        "{err}"
    );

    let response = client
        .get(format!("http://{addr}/huge"))
        .send()
        .await
        .unwrap();
    match check::<ServiceError>(response).await.unwrap_err() {
        ClientError::Undecodable {
            status,
            reason,
            excerpt,
            ..
        } => {
            assert_eq!(status, 503);
            assert_eq!(reason.kind(), DecodeErrorKind::TooLarge);
            assert_eq!(
                excerpt,
                "x".repeat(ClientError::<ServiceError>::EXCERPT_LEN)
            );
        }
        other => panic!("{other:?}"),
    }
}
