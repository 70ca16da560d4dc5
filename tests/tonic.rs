//! The tonic integration against a real gRPC server on 127.0.0.1 and a real tonic
//! client: the `Status` code, message and `google.rpc` details of each error, read both
//! with tonic-types and as an `ErrorBody`.
//!
//! The service is written by hand against tonic's codegen-free API (what `tonic-build`
//! would generate), with prost's well-known `StringValue`/`Empty` messages (`String`,
//! `()`), so the test needs no protoc and no build script.
#![cfg(feature = "tonic")]

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

mod ops;

use error_catalog::tonic::RequestIdLayer;
use error_catalog::{ApiError, ErrorBody, FieldError, FieldErrors, FieldPath, Format};
use serde_json::json;
use tonic::body::Body;
use tonic::server::{Grpc, NamedService, UnaryService};
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;
use tonic::{Code, Request, Response, Status};
use tonic_prost::ProstCodec;
use tonic_types::StatusExt;

/// License errors.
#[derive(Debug, ApiError)]
#[api_error(domain = "licenses.example.com")]
pub enum LicenseError {
    /// All license seats are currently in use.
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})"
    )]
    NoSeatsAvailable {
        max_seats: u32,
        active_seats: u32,
        license_key: String,
    },
    /// Too many requests in the time window.
    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests"
    )]
    RateLimited {
        #[error(retry_after)]
        retry_after: u64,
    },
    /// An unexpected error occurred.
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred"
    )]
    Internal(#[from] std::io::Error),
}

/// Signup errors, documented: each carries a `google.rpc.Help` link.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/errors")]
pub enum SignupError {
    /// The request has invalid fields.
    #[error(
        code = "validation_error",
        status = 400,
        message = "Request validation failed"
    )]
    Validation {
        #[error(flatten)]
        errors: FieldErrors,
    },
}

/// The field errors the service answers `CODI-INVALID` with: a plain field, a nested
/// path with an index, a key holding a dot and non-ASCII text.
fn invalid_fields() -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.push(
        FieldError::new("email", "Must be a valid email address").with_code("invalid_format"),
    );
    errors.add(
        FieldPath::new("items").index(0).key("sku"),
        "SKU is required",
    );
    errors.push(
        FieldError::new(["prénom.nom", "名前"], "Trop long: ≤ 20 caractères 🙂")
            .with_code("tooLong"),
    );
    errors
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// `licenses.v1.Licenses/Acquire(StringValue) returns (Empty)`: fails by license key.
struct Acquire;

impl UnaryService<String> for Acquire {
    type Response = ();
    type Future = BoxFuture<Result<Response<()>, Status>>;

    fn call(&mut self, request: Request<String>) -> Self::Future {
        Box::pin(async move {
            let key = request.into_inner();
            let error = match key.as_str() {
                "CODI-FULL" => LicenseError::NoSeatsAvailable {
                    max_seats: 10,
                    active_seats: 10,
                    license_key: key,
                },
                "CODI-BUSY" => LicenseError::RateLimited { retry_after: 45 },
                "CODI-OK" => return Ok(Response::new(())),
                "CODI-INVALID" => {
                    return Err(SignupError::Validation {
                        errors: invalid_fields(),
                    }
                    .into());
                }
                "CODI-EMPTY" => {
                    return Err(SignupError::Validation {
                        errors: FieldErrors::new(),
                    }
                    .into());
                }
                _ => std::io::Error::other("secret: db-7 password=hunter2").into(),
            };
            Err(error.into())
        })
    }
}

#[derive(Clone)]
struct Licenses;

impl NamedService for Licenses {
    const NAME: &'static str = "licenses.v1.Licenses";
}

impl tower_service::Service<http::Request<Body>> for Licenses {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        Box::pin(async move {
            if request.uri().path() == "/licenses.v1.Licenses/Acquire" {
                let mut grpc = Grpc::new(ProstCodec::<(), String>::default());
                Ok(grpc.unary(Acquire, request).await)
            } else {
                Ok(Status::unimplemented("no such method").into_http())
            }
        })
    }
}

async fn start() -> SocketAddr {
    start_with(RequestIdLayer::new()).await
}

async fn start_with(layer: RequestIdLayer) -> SocketAddr {
    let incoming = TcpIncoming::bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let addr = incoming.local_addr().unwrap();
    tokio::spawn(
        Server::builder()
            .layer(layer.request_id_generator(|| "req_made".into()))
            .add_service(Licenses)
            .serve_with_incoming(incoming),
    );
    addr
}

/// Calls `Acquire(key)` with a real tonic client; returns its error status.
async fn acquire(addr: SocketAddr, key: &str, request_id: Option<&str>) -> Status {
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = tonic::client::Grpc::new(channel);
    client.ready().await.unwrap();
    let mut request = Request::new(key.to_owned());
    if let Some(id) = request_id {
        request
            .metadata_mut()
            .insert("x-request-id", id.parse().unwrap());
    }
    let path = http::uri::PathAndQuery::from_static("/licenses.v1.Licenses/Acquire");
    let result = client
        .unary::<String, (), _>(request, path, ProstCodec::<String, ()>::default())
        .await;
    result.expect_err("the call fails")
}

#[tokio::test]
async fn status_code_message_and_error_details() {
    let addr = start().await;
    let status = acquire(addr, "CODI-FULL", Some("req_grpc1")).await;
    assert_eq!(status.code(), Code::Aborted);
    assert_eq!(status.message(), "All seats are currently in use (10/10)");

    // Read with tonic-types, independently of this crate's decoding.
    let details = status.check_error_details().unwrap();
    let info = details.error_info().unwrap();
    assert_eq!(info.reason, "NO_SEATS_AVAILABLE");
    assert_eq!(info.domain, "licenses.example.com");
    let mut metadata: Vec<(&str, &str)> = info
        .metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    metadata.sort_unstable();
    assert_eq!(
        metadata,
        [
            ("active_seats", "10"),
            ("license_key", "CODI-FULL"),
            ("max_seats", "10")
        ]
    );
    assert_eq!(details.request_info().unwrap().request_id, "req_grpc1");
    assert!(details.retry_info().is_none());

    let body = ErrorBody::from(&status);
    assert_eq!(body.format(), Format::Google);
    assert_eq!(body.code(), "NO_SEATS_AVAILABLE");
    assert_eq!(body.status(), Some(http::StatusCode::CONFLICT));
    assert_eq!(body.message(), "All seats are currently in use (10/10)");
    assert_eq!(
        serde_json::Value::Object(body.details().clone()),
        json!({"active_seats": "10", "license_key": "CODI-FULL", "max_seats": "10"})
    );
    assert_eq!(body.request_id(), Some("req_grpc1"));
    assert_eq!(body.retry_after(), None);
    assert_eq!(
        body.lookup::<LicenseError>().unwrap().variant(),
        "NoSeatsAvailable"
    );
}

#[tokio::test]
async fn retry_info_and_a_made_request_id() {
    let addr = start().await;
    let status = acquire(addr, "CODI-BUSY", None).await;
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(status.message(), "Too many requests");
    let details = status.check_error_details().unwrap();
    assert_eq!(
        details.retry_info().unwrap().retry_delay,
        Some(Duration::from_secs(45))
    );
    // No id was sent: the layer made one, and sends it back in the metadata too.
    assert_eq!(details.request_info().unwrap().request_id, "req_made");
    assert_eq!(status.metadata().get("x-request-id").unwrap(), "req_made");
    let info = details.error_info().unwrap();
    assert_eq!(info.reason, "RATE_LIMIT_EXCEEDED");
    assert_eq!(
        info.metadata.get("retry_after").map(String::as_str),
        Some("45")
    );

    let body = ErrorBody::from(&status);
    assert_eq!(body.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(body.retry_after(), Some(std::time::Duration::from_secs(45)));
    assert_eq!(body.request_id(), Some("req_made"));
    assert_eq!(
        body.lookup::<LicenseError>().unwrap().code(),
        "rate_limit_exceeded"
    );
}

#[tokio::test]
async fn internal_errors_never_leak_their_source() {
    let addr = start().await;
    let status = acquire(addr, "CODI-BROKEN", Some("req_grpc2")).await;
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "An internal error occurred");
    let details = status.check_error_details().unwrap();
    assert_eq!(details.error_info().unwrap().reason, "INTERNAL_ERROR");
    assert!(details.error_info().unwrap().metadata.is_empty());
    let raw = format!("{:?} {:?}", status.details(), status.metadata());
    assert!(!raw.contains("hunter2") && !raw.contains("db-7"), "{raw}");
}

#[tokio::test]
async fn a_status_from_elsewhere_decodes_to_its_code_name() {
    let addr = start().await;
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = tonic::client::Grpc::new(channel);
    client.ready().await.unwrap();
    let path = http::uri::PathAndQuery::from_static("/licenses.v1.Licenses/Missing");
    let status = client
        .unary::<String, (), _>(
            Request::new(String::new()),
            path,
            ProstCodec::<String, ()>::default(),
        )
        .await
        .unwrap_err();
    let body = ErrorBody::from(&status);
    assert_eq!(body.code(), "UNIMPLEMENTED");
    assert_eq!(body.status(), Some(http::StatusCode::NOT_IMPLEMENTED));
    assert_eq!(body.message(), "no such method");
    assert!(body.details().is_empty() && body.request_id().is_none());
    assert!(body.lookup::<LicenseError>().is_none());
}

#[tokio::test]
async fn one_event_per_error_status_with_the_grpc_code_and_source() {
    let captured = ops::Captured::start();
    let addr = start().await;
    let status = acquire(addr, "CODI-BROKEN", Some("req_ev")).await;
    assert_eq!(status.code(), Code::Internal);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.field("error.type"), "internal_error");
    assert_eq!(event.field("rpc.grpc.status_code"), "13");
    assert!(!event.fields.contains_key("http.response.status_code"));
    assert_eq!(event.field("request_id"), "req_ev");
    assert_eq!(event.field("message"), "An internal error occurred");
    assert_eq!(event.field("error.source"), "secret: db-7 password=hunter2");

    let status = acquire(addr, "CODI-FULL", Some("bad id")).await;
    assert_eq!(status.code(), Code::Aborted);
    let event = captured.one();
    assert_eq!(event.level, tracing::Level::INFO);
    assert_eq!(event.field("rpc.grpc.status_code"), "10");
    assert_eq!(event.field("request_id"), "req_made");
    assert_eq!(event.field("request_id.replaced"), "true");
    let counters = captured.counters();
    assert_eq!(counters[&("internal_error".into(), "500".into())], 1);
    assert_eq!(counters[&("no_seats_available".into(), "409".into())], 1);
}

#[tokio::test]
async fn the_hook_sees_each_error_status_once_at_the_layers_level() {
    let captured = ops::Captured::start();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let hook = std::sync::Arc::clone(&seen);
    let addr = start_with(
        RequestIdLayer::new()
            .client_error_level(tracing::Level::WARN)
            .on_error(move |event| {
                hook.lock().unwrap().push((
                    event.error().code(),
                    event.grpc_code(),
                    event.request_id().map(str::to_owned),
                ));
            }),
    )
    .await;
    acquire(addr, "CODI-FULL", Some("req_hook")).await;
    assert_eq!(captured.one().level, tracing::Level::WARN);
    assert_eq!(
        *seen.lock().unwrap(),
        [("no_seats_available", Some(10), Some("req_hook".to_owned()))]
    );
}

/// The type URLs of a `Status`'s details, and the `BadRequest` and `Help` among them,
/// decoded from the `grpc-status-details-bin` bytes by prost alone.
fn raw_details(
    status: &Status,
) -> (
    Vec<String>,
    Option<tonic_types::pb::BadRequest>,
    Option<tonic_types::pb::Help>,
) {
    use tonic_prost::prost::Message as _;

    let decoded = tonic_types::pb::Status::decode(status.details()).unwrap();
    let mut bad_request = None;
    let mut help = None;
    for any in &decoded.details {
        match any.type_url.as_str() {
            "type.googleapis.com/google.rpc.BadRequest" => {
                bad_request = Some(tonic_types::pb::BadRequest::decode(&*any.value).unwrap());
            }
            "type.googleapis.com/google.rpc.Help" => {
                help = Some(tonic_types::pb::Help::decode(&*any.value).unwrap());
            }
            _ => {}
        }
    }
    let urls = decoded
        .details
        .into_iter()
        .map(|any| any.type_url)
        .collect();
    (urls, bad_request, help)
}

#[tokio::test]
async fn field_errors_travel_as_a_bad_request_and_docs_as_a_help_link() {
    let addr = start().await;
    let status = acquire(addr, "CODI-INVALID", Some("req_bad")).await;
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.message(), "Request validation failed");

    // The bytes as protobuf: the messages and their fields, by prost alone.
    let (urls, bad_request, help) = raw_details(&status);
    assert!(
        urls.contains(&"type.googleapis.com/google.rpc.ErrorInfo".to_owned()),
        "{urls:?}"
    );
    let violations: Vec<(&str, &str, &str)> = bad_request
        .as_ref()
        .unwrap()
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str(), v.reason.as_str()))
        .collect();
    assert_eq!(
        violations,
        [
            ("email", "Must be a valid email address", "INVALID_FORMAT"),
            ("items.0.sku", "SKU is required", ""),
            (
                r"prénom\.nom.名前",
                "Trop long: ≤ 20 caractères 🙂",
                "TOO_LONG"
            ),
        ]
    );
    let links: Vec<(&str, &str)> = help
        .as_ref()
        .unwrap()
        .links
        .iter()
        .map(|link| (link.description.as_str(), link.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [(
            "Validation error",
            "https://docs.example.com/errors/validation_error"
        )]
    );

    // The same through tonic-types' richer error model.
    let details = status.check_error_details().unwrap();
    assert_eq!(details.error_info().unwrap().reason, "VALIDATION_ERROR");
    assert_eq!(details.bad_request().unwrap().field_violations.len(), 3);
    assert_eq!(details.help().unwrap().links.len(), 1);
    assert_eq!(details.request_info().unwrap().request_id, "req_bad");

    // The client reads both back: the violations as the same field errors (codes as
    // reasons), and the link.
    let body = ErrorBody::from(&status);
    let mut expected = FieldErrors::new();
    for error in &invalid_fields() {
        let back = FieldError::new(error.path().clone(), error.message().to_owned());
        expected.push(match error.code() {
            Some(code) => back.with_code(error_catalog::grpc::reason(code)),
            None => back,
        });
    }
    assert_eq!(body.field_violations(), Some(&expected));
    let links: Vec<(&str, &str)> = body
        .help_links()
        .iter()
        .map(|link| (link.description(), link.url()))
        .collect();
    assert_eq!(
        links,
        [(
            "Validation error",
            "https://docs.example.com/errors/validation_error"
        )]
    );
    assert_eq!(
        body.lookup::<SignupError>().unwrap().code(),
        "validation_error"
    );
}

#[tokio::test]
async fn no_bad_request_without_field_errors_and_no_help_without_docs() {
    let addr = start().await;
    let status = acquire(addr, "CODI-EMPTY", None).await;
    let (urls, bad_request, help) = raw_details(&status);
    assert!(bad_request.is_none(), "{urls:?}");
    assert!(help.is_some());
    let body = ErrorBody::from(&status);
    assert_eq!(body.field_violations(), None);
    assert_eq!(body.help_links().len(), 1);

    // LicenseError has no docs and no field errors: neither detail.
    let status = acquire(addr, "CODI-FULL", None).await;
    let (urls, bad_request, help) = raw_details(&status);
    assert!(bad_request.is_none() && help.is_none(), "{urls:?}");
    let body = ErrorBody::from(&status);
    assert_eq!(body.field_violations(), None);
    assert!(body.help_links().is_empty());
}

#[test]
fn huge_and_odd_field_paths_in_a_status_never_panic() {
    let mut errors = FieldErrors::new();
    errors.add(
        FieldPath::new("é".repeat(100_000)).key("\u{0}\\.\u{7f}"),
        "\u{fffd}\"\n",
    );
    errors.add("", "");
    let status = error_catalog::tonic::status(&SignupError::Validation {
        errors: errors.clone(),
    });
    let body = ErrorBody::from(&status);
    assert_eq!(body.field_violations(), Some(&errors));
    // Damaged details bytes: no details read, no panic.
    let mut bytes = status.details().to_vec();
    bytes.truncate(bytes.len() / 2);
    let damaged = Status::with_details(status.code(), status.message(), bytes.into());
    let body = ErrorBody::from(&damaged);
    assert_eq!(body.field_violations(), None);
    assert!(body.help_links().is_empty());
}
