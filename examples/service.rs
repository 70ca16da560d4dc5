//! A small licensing API on axum, after the CODITECT API's published error codes:
//! projects, licenses and sessions in memory, every failure one of the error enums below,
//! answered in that API's `Nested` envelope with the request id, and `GET /errors`
//! serving the catalog. The enums derive `decode` too, so a Rust SDK shares them and
//! gets each error back typed (`error_catalog::reqwest::check`).
//!
//! Operating it: each error response is one log line through `tracing-subscriber`
//! (`RUST_LOG` filters, e.g. `RUST_LOG=error_catalog=warn`), with the request id and the
//! source chain the client never sees; `GET /metrics` serves the
//! `error_catalog_responses_total` counter in the Prometheus text format, every code
//! registered at zero. `POST /projects/{id}/archive` fails in its backend to show both.
//!
//! Run with `cargo run --example service --features axum`, then for instance:
//!
//! ```text
//! curl -i -H 'x-request-id: req_abc123' http://127.0.0.1:3000/projects/proj_xyz789
//! curl -i -X POST -H 'content-type: application/json' -d '{"hardware_id":"hw_1"}' \
//!      http://127.0.0.1:3000/licenses/CODI-FULL/sessions
//! curl http://127.0.0.1:3000/errors
//! curl -i -X POST http://127.0.0.1:3000/projects/proj_abc123/archive
//! curl http://127.0.0.1:3000/metrics
//! curl -i -H 'accept-language: fr-CA, de;q=0.5' http://127.0.0.1:3000/projects/proj_xyz789
//! ```
//!
//! Every code has French and German texts (`examples/locales/`, one folder per error
//! type); the layer answers in the best locale of the request's `Accept-Language`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use error_catalog::axum::{ErrorLayer, Json, Path};
use error_catalog::{ApiError, ErrorCatalog, ErrorSpec, FieldErrors, Format, Rejection};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde::{Deserialize, Serialize};

/// Authentication errors.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.coditect.ai/errors",
    locales = "examples/locales/auth",
    decode
)]
pub enum AuthError {
    /// The token is malformed or has been revoked.
    #[error(
        code = "token_invalid",
        status = 401,
        message = "The access token is invalid",
        resolution = "Re-authenticate to obtain new tokens."
    )]
    TokenInvalid,

    /// The token doesn't have required permissions.
    #[error(
        code = "insufficient_scope",
        status = 403,
        message = "This action requires the '{required_scope}' scope",
        resolution = "Request a token with required scopes."
    )]
    InsufficientScope {
        required_scope: Cow<'static, str>,
        current_scopes: Vec<Cow<'static, str>>,
    },
}

/// License errors.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.coditect.ai/errors",
    locales = "examples/locales/license",
    decode
)]
pub enum LicenseError {
    /// All license seats are currently in use.
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})",
        resolution = "Wait for a seat to be released or upgrade license."
    )]
    NoSeatsAvailable {
        max_seats: u32,
        active_seats: u32,
        next_available_hint: Option<String>,
    },

    /// The license has passed its expiration date.
    #[error(
        code = "license_expired",
        status = 403,
        message = "This license expired on {expired_at}",
        resolution = "Renew subscription or contact support."
    )]
    LicenseExpired {
        expired_at: Cow<'static, str>,
        license_id: String,
    },

    /// The license has been suspended (usually due to payment issues).
    #[error(
        code = "license_suspended",
        status = 403,
        message = "License suspended due to payment failure",
        resolution = "Update payment method and retry."
    )]
    LicenseSuspended {
        reason: Cow<'static, str>,
        suspended_at: Cow<'static, str>,
    },

    /// The session expired due to missed heartbeats.
    #[error(
        code = "session_timeout",
        status = 410,
        message = "Session expired due to missed heartbeat",
        resolution = "Acquire a new session."
    )]
    SessionTimeout {
        last_heartbeat: Cow<'static, str>,
        timeout_at: Cow<'static, str>,
    },

    /// The hardware ID format is invalid or unrecognized.
    #[error(
        code = "invalid_hardware_id",
        status = 400,
        message = "The hardware ID format is invalid",
        resolution = "Use the SDK to generate valid hardware ID."
    )]
    InvalidHardwareId {
        provided: String,
        expected_format: Cow<'static, str>,
    },
}

/// Resource errors.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.coditect.ai/errors",
    locales = "examples/locales/resource",
    decode
)]
pub enum ResourceError {
    /// The requested resource doesn't exist.
    #[error(
        code = "not_found",
        status = 404,
        message = "The {resource_type} does not exist",
        resolution = "Verify the resource ID exists."
    )]
    NotFound {
        resource_type: Cow<'static, str>,
        resource_id: String,
    },

    /// Request body failed validation.
    #[error(
        code = "validation_error",
        status = 422,
        message = "Request validation failed",
        resolution = "Fix the indicated fields and retry."
    )]
    Validation {
        #[error(flatten)]
        errors: FieldErrors,
    },

    /// A resource with this identifier already exists.
    #[error(
        code = "already_exists",
        status = 409,
        message = "A project with this name already exists",
        resolution = "Use a different identifier."
    )]
    AlreadyExists {
        field: Cow<'static, str>,
        value: String,
    },

    /// An unexpected error occurred.
    #[error(
        code = "internal_error",
        status = 500,
        message = "An internal error occurred",
        resolution = "Retry the request. If persistent, contact support with request_id."
    )]
    Internal {
        /// Never sent; a client rebuilds it as `None`.
        source: Option<std::io::Error>,
    },
}

impl From<std::io::Error> for ResourceError {
    fn from(source: std::io::Error) -> Self {
        ResourceError::Internal {
            source: Some(source),
        }
    }
}

/// A project.
#[derive(Debug, Clone, Serialize)]
pub struct Project {
    id: String,
    name: String,
}

/// The body of `POST /projects`.
#[derive(Debug, Deserialize)]
pub struct NewProject {
    name: String,
}

/// The body of `POST /licenses/{key}/sessions`.
#[derive(Debug, Deserialize)]
pub struct SessionRequest {
    hardware_id: String,
}

/// A license seat held by one machine.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    id: String,
    license_key: String,
    hardware_id: String,
}

struct License {
    max_seats: u32,
    state: LicenseState,
}

enum LicenseState {
    Active,
    Expired,
    Suspended,
}

/// The service's state: everything in memory.
#[derive(Default)]
pub struct State {
    projects: HashMap<String, Project>,
    licenses: HashMap<String, License>,
    sessions: HashMap<String, Session>,
    next_id: u64,
}

type Shared = Arc<RwLock<State>>;

/// Every error the service can answer with, as one list: the `GET /errors` document.
const CATALOGS: [&[ErrorSpec]; 4] = [
    AuthError::CATALOG,
    LicenseError::CATALOG,
    ResourceError::CATALOG,
    <Rejection as ErrorCatalog>::CATALOG,
];

/// The service's router, with seeded data, without metrics.
pub fn app() -> Router {
    app_with_metrics(None)
}

/// The service's router; `GET /metrics` renders `metrics` (a route not found without).
pub fn app_with_metrics(metrics: Option<PrometheusHandle>) -> Router {
    let mut state = State::default();
    let project = Project {
        id: "proj_abc123".into(),
        name: "my-project".into(),
    };
    state.projects.insert(project.id.clone(), project);
    for (key, max_seats, license_state) in [
        ("CODI-TEAM", 10, LicenseState::Active),
        ("CODI-FULL", 10, LicenseState::Active),
        ("CODI-OLD", 5, LicenseState::Expired),
        ("CODI-LATE", 5, LicenseState::Suspended),
    ] {
        state.licenses.insert(
            key.into(),
            License {
                max_seats,
                state: license_state,
            },
        );
    }
    for seat in 1..=10 {
        let session = Session {
            id: format!("sess_full_{seat:02}"),
            license_key: "CODI-FULL".into(),
            hardware_id: format!("hw_{seat:032}"),
        };
        state.sessions.insert(session.id.clone(), session);
    }
    Router::new()
        .route("/errors", get(errors))
        .route("/projects", post(create_project))
        .route("/projects/{id}", get(get_project))
        .route("/projects/{id}/archive", post(archive_project))
        .route(
            "/metrics",
            get(move || {
                let rendered = metrics.as_ref().map(PrometheusHandle::render);
                async move { rendered.ok_or(Rejection::RouteNotFound) }
            }),
        )
        .route("/licenses/{key}/sessions", post(acquire_session))
        .route("/sessions/{id}", delete(release_session))
        .route("/sessions/{id}/heartbeat", post(heartbeat))
        .with_state(Arc::new(RwLock::new(state)))
        // Request ids from `x-request-id`; rejections, unknown routes and methods as
        // `Nested` envelopes like every other error.
        .layer(ErrorLayer::new().format(Format::Nested))
}

/// `GET /errors`: every code the service answers with.
async fn errors() -> impl IntoResponse {
    let specs: Vec<serde_json::Value> = CATALOGS
        .iter()
        .flat_map(|catalog| catalog.iter())
        .map(|spec| {
            serde_json::json!({
                "code": spec.code(),
                "status": spec.status_u16(),
                "retryable": spec.retryable(),
                "title": spec.title(),
                "message": spec.message(),
                "description": spec.description(),
                "resolution": spec.resolution(),
                "category": spec.category().name(),
                "details": spec.fields().iter().map(|field| {
                    serde_json::json!({"name": field.name(), "type": field.json_type().as_str()})
                }).collect::<Vec<_>>(),
                "docs_url": spec.docs_url(),
            })
        })
        .collect();
    axum::Json(specs)
}

/// The bearer token's scopes: `tok_write` may write, `tok_read` only read.
fn scopes(headers: &HeaderMap) -> Result<&'static [&'static str], AuthError> {
    match headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
    {
        Some("Bearer tok_write") => Ok(&["read:projects", "write:projects"]),
        Some("Bearer tok_read") => Ok(&["read:projects"]),
        _ => Err(AuthError::TokenInvalid),
    }
}

fn require(headers: &HeaderMap, scope: &'static str) -> Result<(), AuthError> {
    let current = scopes(headers)?;
    if current.contains(&scope) {
        Ok(())
    } else {
        Err(AuthError::InsufficientScope {
            required_scope: scope.into(),
            current_scopes: current.iter().map(|scope| Cow::Borrowed(*scope)).collect(),
        })
    }
}

/// `POST /projects`: needs `write:projects`; names are unique.
async fn create_project(
    state: axum::extract::State<Shared>,
    headers: HeaderMap,
    Json(new): Json<NewProject>,
) -> Result<(StatusCode, axum::Json<Project>), Box<dyn ApiError + Send + Sync>> {
    require(&headers, "write:projects")?;
    let mut errors = FieldErrors::new();
    if !(1..=64).contains(&new.name.len()) {
        errors.add("name", "Must be 1 to 64 characters");
    }
    if !new
        .name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        errors.add("name", "Must contain only letters, digits and '-'");
    }
    errors
        .into_result()
        .map_err(|errors| ResourceError::Validation { errors })?;
    let mut state = write(&state);
    if state.projects.values().any(|p| p.name == new.name) {
        return Err(ResourceError::AlreadyExists {
            field: "name".into(),
            value: new.name,
        }
        .into());
    }
    state.next_id += 1;
    let project = Project {
        id: format!("proj_{:06}", state.next_id),
        name: new.name,
    };
    state.projects.insert(project.id.clone(), project.clone());
    Ok((StatusCode::CREATED, axum::Json(project)))
}

fn read(state: &Shared) -> std::sync::RwLockReadGuard<'_, State> {
    state
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write(state: &Shared) -> std::sync::RwLockWriteGuard<'_, State> {
    state
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `GET /projects/{id}`.
async fn get_project(
    state: axum::extract::State<Shared>,
    Path(id): Path<String>,
) -> Result<axum::Json<Project>, ResourceError> {
    if id == "proj_broken" {
        // A storage failure: its text goes to `Error::source()`, never to the client.
        return Err(std::io::Error::other("disk /dev/sdb1: I/O error at sector 1138").into());
    }
    match read(&state).projects.get(&id) {
        Some(project) => Ok(axum::Json(project.clone())),
        None => Err(ResourceError::NotFound {
            resource_type: "project".into(),
            resource_id: id,
        }),
    }
}

/// `POST /projects/{id}/archive`: the archive store is down. The client reads
/// `internal_error`; the log reads why.
async fn archive_project(Path(id): Path<String>) -> Result<StatusCode, ResourceError> {
    let _ = id;
    Err(std::io::Error::new(
        std::io::ErrorKind::ConnectionRefused,
        "archive store refused the connection (archive-7:9000)",
    )
    .into())
}

/// `POST /licenses/{key}/sessions`: takes a seat of the license for a machine.
async fn acquire_session(
    state: axum::extract::State<Shared>,
    Path(key): Path<String>,
    Json(request): Json<SessionRequest>,
) -> Result<(StatusCode, axum::Json<Session>), Box<dyn ApiError + Send + Sync>> {
    let valid_id = request.hardware_id.len() == 35
        && request.hardware_id.starts_with("hw_")
        && request.hardware_id[3..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    let mut state = write(&state);
    let Some(license) = state.licenses.get(&key) else {
        return Err(ResourceError::NotFound {
            resource_type: "license".into(),
            resource_id: key,
        }
        .into());
    };
    match license.state {
        LicenseState::Expired => {
            return Err(LicenseError::LicenseExpired {
                expired_at: "2026-01-01T00:00:00Z".into(),
                license_id: key,
            }
            .into());
        }
        LicenseState::Suspended => {
            return Err(LicenseError::LicenseSuspended {
                reason: "payment_failed".into(),
                suspended_at: "2026-01-05T00:00:00Z".into(),
            }
            .into());
        }
        LicenseState::Active => {}
    }
    let max_seats = license.max_seats;
    if !valid_id {
        return Err(LicenseError::InvalidHardwareId {
            provided: request.hardware_id,
            expected_format: "hw_[a-z0-9]{32}".into(),
        }
        .into());
    }
    let active = state
        .sessions
        .values()
        .filter(|s| s.license_key == key)
        .count();
    let active_seats = u32::try_from(active).unwrap_or(u32::MAX);
    if active_seats >= max_seats {
        return Err(LicenseError::NoSeatsAvailable {
            max_seats,
            active_seats,
            next_available_hint: Some("2026-01-09T10:30:00Z".into()),
        }
        .into());
    }
    state.next_id += 1;
    let session = Session {
        id: format!("sess_{:06}", state.next_id),
        license_key: key,
        hardware_id: request.hardware_id,
    };
    state.sessions.insert(session.id.clone(), session.clone());
    Ok((StatusCode::CREATED, axum::Json(session)))
}

/// `DELETE /sessions/{id}`: releases the seat.
async fn release_session(
    state: axum::extract::State<Shared>,
    Path(id): Path<String>,
) -> Result<StatusCode, ResourceError> {
    match write(&state).sessions.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(ResourceError::NotFound {
            resource_type: "session".into(),
            resource_id: id,
        }),
    }
}

/// `POST /sessions/{id}/heartbeat`: a session missing from memory has timed out.
async fn heartbeat(
    state: axum::extract::State<Shared>,
    Path(id): Path<String>,
) -> Result<StatusCode, LicenseError> {
    if read(&state).sessions.contains_key(&id) {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(LicenseError::SessionTimeout {
            last_heartbeat: "2026-01-09T10:00:00Z".into(),
            timeout_at: "2026-01-09T10:06:00Z".into(),
        })
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    // One line per error response (target `error_catalog`); `RUST_LOG` filters.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    // The counter of every code, at zero before the first error.
    let metrics = PrometheusBuilder::new()
        .install_recorder()
        .map_err(std::io::Error::other)?;
    error_catalog::register_metrics(CATALOGS.iter().flat_map(|specs| specs.iter()));
    let addr = std::env::var("ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!(
        "error-catalog example service on http://{}",
        listener.local_addr()?
    );
    println!("try: curl -i -H 'x-request-id: req_abc123' http://{addr}/projects/proj_xyz789");
    axum::serve(listener, app_with_metrics(Some(metrics))).await
}
