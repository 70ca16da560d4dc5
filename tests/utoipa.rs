//! The utoipa integration: an endpoint lists its error enums in `#[utoipa::path]`, and
//! the OpenAPI document, served over HTTP on 127.0.0.1 and fetched with a real client,
//! has every code grouped by status with a named example per code.
#![cfg(feature = "utoipa")]

mod support;

use axum::Router;
use axum::routing::get;
use error_catalog::ApiError;
use serde_json::json;
use utoipa::OpenApi;

/// Resource errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum ProjectError {
    /// The requested resource doesn't exist.
    #[error(
        code = "not_found",
        status = 404,
        message = "Project {resource_id} not found"
    )]
    NotFound {
        #[error(example = "proj_xyz789")]
        resource_id: String,
    },
    /// A resource with this identifier already exists.
    #[error(
        code = "already_exists",
        status = 409,
        message = "A project with this name already exists"
    )]
    AlreadyExists { field: String },
    /// A project is being archived.
    #[error(
        code = "archiving",
        status = 409,
        message = "The project is being archived"
    )]
    Archiving,
}

/// Rate limiting errors.
#[derive(Debug, ApiError)]
#[api_error(format = "problem")]
pub enum RateError {
    /// Too many requests in the time window.
    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests"
    )]
    RateLimited {
        #[error(example = 300, header = "X-RateLimit-Limit")]
        limit: u32,
        #[error(retry_after)]
        retry_after: u64,
    },
}

/// Returns one project.
#[utoipa::path(
    get,
    path = "/projects/{id}",
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, description = "The project", body = String), ProjectError, RateError)
)]
#[allow(dead_code)]
async fn get_project() -> &'static str {
    "project"
}

#[derive(OpenApi)]
#[openapi(paths(get_project))]
struct ApiDoc;

#[tokio::test]
async fn the_served_document_lists_every_code_by_status_with_examples() {
    let app = Router::new().route(
        "/openapi.json",
        get(|| async { axum::Json(ApiDoc::openapi()) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let reply = support::get(addr, "/openapi.json", "req_doc").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.headers["content-type"], "application/json");
    let document = reply.json();
    let responses = &document["paths"]["/projects/{id}"]["get"]["responses"];

    let nested_schema = |codes: &[&str]| {
        json!({
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "enum": codes},
                        "message": {"type": "string"},
                        "details": {"type": "object", "additionalProperties": true},
                    },
                },
                "meta": {"type": "object", "properties": {"request_id": {"type": "string"}}},
            },
        })
    };
    let expected = json!({
        "200": {
            "description": "The project",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        },
        "404": {
            "description": "Not Found: `not_found`",
            "content": {"application/json": {
                "schema": nested_schema(&["not_found"]),
                "examples": {
                    "not_found": {
                        "summary": "Not found",
                        "description": "The requested resource doesn't exist.",
                        "value": {"error": {
                            "code": "not_found",
                            "message": "Project proj_xyz789 not found",
                            "details": {"resource_id": "proj_xyz789"},
                        }},
                    },
                },
            }},
        },
        "409": {
            "description": "Conflict: `already_exists`, `archiving`",
            "content": {"application/json": {
                "schema": nested_schema(&["already_exists", "archiving"]),
                "examples": {
                    "already_exists": {
                        "summary": "Already exists",
                        "description": "A resource with this identifier already exists.",
                        "value": {"error": {
                            "code": "already_exists",
                            "message": "A project with this name already exists",
                            "details": {"field": "field"},
                        }},
                    },
                    "archiving": {
                        "summary": "Archiving",
                        "description": "A project is being archived.",
                        "value": {"error": {"code": "archiving", "message": "The project is being archived"}},
                    },
                },
            }},
        },
        "429": {
            "description": "Too Many Requests: `rate_limit_exceeded`",
            "headers": {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Seconds to wait before retrying.",
                },
                "X-RateLimit-Limit": {
                    "schema": {"type": "string"},
                    "description": "Sent with `rate_limit_exceeded`.",
                },
            },
            "content": {"application/problem+json": {
                "schema": {
                    "type": "object",
                    "required": ["type", "title", "status", "detail", "code"],
                    "properties": {
                        "type": {"type": "string", "format": "uri-reference"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                        "instance": {"type": "string", "format": "uri-reference"},
                        "code": {"type": "string", "enum": ["rate_limit_exceeded"]},
                        "request_id": {"type": "string"},
                    },
                    "additionalProperties": true,
                },
                "examples": {
                    "rate_limit_exceeded": {
                        "summary": "Rate limit exceeded",
                        "description": "Too many requests in the time window.",
                        "value": {
                            "type": "about:blank",
                            "title": "Rate limit exceeded",
                            "status": 429,
                            "detail": "Too many requests",
                            "code": "rate_limit_exceeded",
                            "limit": 300,
                            "retry_after": 0,
                        },
                    },
                },
            }},
        },
    });
    assert_eq!(
        *responses,
        expected,
        "{}",
        serde_json::to_string_pretty(responses).unwrap()
    );
}
