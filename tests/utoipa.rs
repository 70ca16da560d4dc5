//! The utoipa integration: an endpoint lists its error enums in `#[utoipa::path]`, and
//! the OpenAPI document, served over HTTP on 127.0.0.1 and fetched with a real client,
//! has every code grouped by status with a named example per code; and in every format,
//! utoipa's responses are those of the catalog's OpenAPI export.
#![cfg(feature = "utoipa")]

mod http_client;

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

    let reply = http_client::get(addr, "/openapi.json", "req_doc").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.headers["content-type"], "application/json");
    let document = reply.json();
    let responses = &document["paths"]["/projects/{id}"]["get"]["responses"];

    // A Nested body: the code a string of one value, the details typed field by field
    // and required when the code has some.
    let nested_body = |code: &str, description: &str, details: Option<serde_json::Value>| {
        let mut error = json!({
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "enum": [code]},
                "message": {"type": "string"},
            },
        });
        if let Some(details) = details {
            error["required"] = json!(["code", "message", "details"]);
            error["properties"]["details"] = details;
        }
        json!({
            "type": "object",
            "description": description,
            "required": ["error"],
            "properties": {
                "error": error,
                "meta": {"type": "object", "properties": {"request_id": {"type": "string"}}},
            },
        })
    };
    let string = |example: &str| json!({"type": "string", "example": example});
    let expected = json!({
        "200": {
            "description": "The project",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        },
        "404": {
            "description": "Not Found: `not_found`.",
            "content": {"application/json": {
                "schema": {"oneOf": [nested_body(
                    "not_found",
                    "The requested resource doesn't exist.",
                    Some(json!({
                        "type": "object",
                        "required": ["resource_id"],
                        "properties": {"resource_id": string("proj_xyz789")},
                    })),
                )]},
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
            "description": "Conflict: `already_exists`, `archiving`.",
            "content": {"application/json": {
                "schema": {"oneOf": [
                    nested_body(
                        "already_exists",
                        "A resource with this identifier already exists.",
                        Some(json!({
                            "type": "object",
                            "required": ["field"],
                            "properties": {"field": string("string")},
                        })),
                    ),
                    nested_body("archiving", "A project is being archived.", None),
                ]},
                "examples": {
                    "already_exists": {
                        "summary": "Already exists",
                        "description": "A resource with this identifier already exists.",
                        "value": {"error": {
                            "code": "already_exists",
                            "message": "A project with this name already exists",
                            "details": {"field": "string"},
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
            "description": "Too Many Requests: `rate_limit_exceeded`.",
            "headers": {
                "Retry-After": {
                    "schema": {"type": "integer", "minimum": 0},
                    "description": "Seconds to wait before retrying the request.",
                },
                "X-RateLimit-Limit": {
                    "schema": {"type": "string"},
                    "description": "Sent with `rate_limit_exceeded`.",
                },
            },
            "content": {"application/problem+json": {
                "schema": {"oneOf": [{
                    "type": "object",
                    "description": "Too many requests in the time window.",
                    "required": ["type", "title", "status", "detail", "code", "limit", "retry_after"],
                    "properties": {
                        "type": {"type": "string", "format": "uri-reference"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                        "instance": {"type": "string", "format": "uri-reference"},
                        "code": {"type": "string", "enum": ["rate_limit_exceeded"]},
                        "request_id": {"type": "string"},
                        "limit": {"type": "integer", "example": 300},
                        "retry_after": {"type": "integer", "example": 30},
                    },
                }]},
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
                            "retry_after": 30,
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

/// The same error enum in each format (with codes of its own: a code is unique in a
/// crate): a code with a message field, an integer, a retry hint and a header, a
/// validation error with flattened `FieldErrors`, and two codes at one status.
macro_rules! errors_in {
    ($name:ident, $format:tt, [$not_found:tt, $locked:tt, $conflict:tt, $limited:tt, $invalid:tt]) => {
        /// Order errors.
        #[derive(Debug, ApiError)]
        #[api_error(format = $format, docs = "https://docs.example.com/errors")]
        pub enum $name {
            /// The order does not exist.
            #[error(code = $not_found, status = 404, message = "Order {order_id} not found")]
            NotFound { order_id: String },
            /// The order is being shipped.
            #[error(code = $locked, status = 409, message = "The order is locked")]
            Locked,
            /// The order changed since it was read.
            #[error(code = $conflict, status = 409, message = "Version {version} is stale")]
            Conflict { version: u64, cached: bool },
            /// Too many orders in the window.
            #[error(code = $limited, status = 429, message = "Slow down")]
            RateLimited {
                #[error(retry_after)]
                wait: u64,
                #[error(header = "X-RateLimit-Reset", example = 1767952800)]
                reset_at: u64,
            },
            /// The order failed validation.
            #[error(code = $invalid, status = 422, message = "Bad order", title = "Invalid order")]
            Invalid {
                #[error(flatten)]
                errors: error_catalog::FieldErrors,
            },
        }
    };
}

errors_in!(
    NestedErrors,
    "nested",
    [
        "nested_not_found",
        "nested_locked",
        "nested_conflict",
        "nested_limited",
        "nested_invalid"
    ]
);
errors_in!(
    FlatErrors,
    "flat",
    [
        "flat_not_found",
        "flat_locked",
        "flat_conflict",
        "flat_limited",
        "flat_invalid"
    ]
);
errors_in!(
    CompactErrors,
    "compact",
    [
        "compact_not_found",
        "compact_locked",
        "compact_conflict",
        "compact_limited",
        "compact_invalid"
    ]
);
errors_in!(
    ProblemErrors,
    "problem",
    [
        "problem_not_found",
        "problem_locked",
        "problem_conflict",
        "problem_limited",
        "problem_invalid"
    ]
);
errors_in!(
    GoogleErrors,
    "google",
    [
        "google_not_found",
        "google_locked",
        "google_conflict",
        "google_limited",
        "google_invalid"
    ]
);

/// For each format: its name, its content type, the utoipa responses of its type and
/// the catalog export of the same type.
fn both_documents() -> Vec<(
    &'static str,
    &'static str,
    serde_json::Value,
    serde_json::Value,
)> {
    use error_catalog::catalog;
    use utoipa::IntoResponses;

    fn utoipa<T: IntoResponses>() -> serde_json::Value {
        serde_json::to_value(T::responses()).unwrap()
    }
    let json = "application/json";
    vec![
        (
            "nested",
            json,
            utoipa::<NestedErrors>(),
            catalog!(NestedErrors).openapi().value(),
        ),
        (
            "flat",
            json,
            utoipa::<FlatErrors>(),
            catalog!(FlatErrors).openapi().value(),
        ),
        (
            "compact",
            json,
            utoipa::<CompactErrors>(),
            catalog!(CompactErrors).openapi().value(),
        ),
        (
            "problem",
            "application/problem+json",
            utoipa::<ProblemErrors>(),
            catalog!(ProblemErrors).openapi().value(),
        ),
        (
            "google",
            json,
            utoipa::<GoogleErrors>(),
            catalog!(GoogleErrors).openapi().value(),
        ),
    ]
}

#[test]
fn utoipa_shows_the_examples_of_the_openapi_export_in_every_format() {
    for (format, content_type, utoipa, export) in both_documents() {
        let statuses = utoipa.as_object().unwrap();
        assert_eq!(statuses.len(), 4, "{utoipa:#}");
        for (status, response) in statuses {
            let exported = &export["components"]["responses"][format!("Error{status}")];
            let examples = &response["content"][content_type]["examples"];
            assert!(
                examples.as_object().is_some_and(|e| !e.is_empty()),
                "{response:#}"
            );
            // Whole example objects: summary, description and body.
            assert_eq!(
                *examples, exported["content"][content_type]["examples"],
                "{format}, {status}: {response:#}"
            );
        }
    }
}

/// The export's response with its `$ref`s written out, as utoipa writes it: each
/// reference (a code's body and details schemas, the `Retry-After` header) replaced by
/// the component, and no `discriminator` (its mapping points at components).
fn written_out(export: &serde_json::Value, response: &serde_json::Value) -> serde_json::Value {
    fn resolve(export: &serde_json::Value, value: &mut serde_json::Value) {
        if let Some(reference) = value.get("$ref").and_then(|r| r.as_str()) {
            let path = reference.trim_start_matches('#').to_owned();
            *value = export.pointer(&path).unwrap().clone();
            resolve(export, value);
            return;
        }
        match value {
            serde_json::Value::Object(members) => {
                members.remove("discriminator");
                members.values_mut().for_each(|v| resolve(export, v));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| resolve(export, v)),
            _ => {}
        }
    }
    let mut response = response.clone();
    resolve(export, &mut response);
    response
}

#[test]
fn utoipa_responses_are_the_export_s_written_out() {
    for (format, content_type, utoipa, export) in both_documents() {
        for (status, response) in utoipa.as_object().unwrap() {
            let exported = &export["components"]["responses"][format!("Error{status}")];
            let mut expected = written_out(&export, exported);
            if format == "google" {
                // utoipa's schema model has no `contains`: the reasons are not pinned.
                for body in expected["content"][content_type]["schema"]["oneOf"]
                    .as_array_mut()
                    .unwrap()
                {
                    let details = &mut body["properties"]["error"]["properties"]["details"];
                    assert!(details["contains"].is_object(), "{body:#}");
                    details.as_object_mut().unwrap().remove("contains");
                }
            }
            assert_eq!(*response, expected, "{format}, {status}");
        }
    }
}

#[test]
fn utoipa_never_shows_null_errors() {
    let mut bodies = Vec::new();
    for (format, content_type, utoipa, _) in both_documents() {
        let examples = &utoipa["422"]["content"][content_type]["examples"];
        let value = &examples[format!("{format}_invalid")]["value"];
        assert!(!value.to_string().contains("null"), "{value}");
        bodies.push(value.clone());
    }
    let list = || json!([{"field": "email", "message": "Must be a valid email address"}]);
    assert_eq!(
        bodies,
        [
            json!({"error": {
                "code": "nested_invalid",
                "message": "Bad order",
                "details": {"errors": list()},
            }}),
            json!({
                "code": "flat_invalid",
                "message": "Bad order",
                "details": {"email": {"message": "Must be a valid email address"}},
            }),
            json!({"error": "compact_invalid", "message": "Bad order", "status": 422}),
            json!({
                "type": "https://docs.example.com/errors/problem_invalid",
                "title": "Invalid order",
                "status": 422,
                "detail": "Bad order",
                "code": "problem_invalid",
                "errors": [{"detail": "Must be a valid email address", "pointer": "#/email"}],
            }),
            json!({"error": {
                "code": 422,
                "message": "Bad order",
                "status": "INVALID_ARGUMENT",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "GOOGLE_INVALID",
                        "metadata": {"errors": list().to_string()},
                    },
                    {
                        "@type": "type.googleapis.com/google.rpc.BadRequest",
                        "fieldViolations": [{"field": "email", "description": "Must be a valid email address"}],
                    },
                    {
                        "@type": "type.googleapis.com/google.rpc.Help",
                        "links": [{"description": "Invalid order", "url": "https://docs.example.com/errors/google_invalid"}],
                    },
                ],
            }}),
        ]
    );
}

error_catalog::error_responses! {
    /// What `GET /projects/{id}/quota` can return: a rate limit, and `not_found`.
    pub struct QuotaErrors {
        RateError,
        ProjectError: ["not_found"],
    }
}

#[test]
fn an_endpoint_documents_only_the_codes_it_lists() {
    use utoipa::IntoResponses;

    let responses = QuotaErrors::responses();
    assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "429"]);
    let not_found = serde_json::to_value(&responses["404"]).unwrap();
    let examples = not_found["content"]["application/json"]["examples"]
        .as_object()
        .unwrap();
    assert_eq!(examples.keys().collect::<Vec<_>>(), ["not_found"]);
    // The 409 codes of ProjectError are left out; the type's own responses have them.
    assert!(ProjectError::responses().contains_key("409"));
    // The responses of the listed codes are those the whole types document.
    assert_eq!(
        serde_json::to_value(&responses["429"]).unwrap(),
        serde_json::to_value(&RateError::responses()["429"]).unwrap()
    );
    assert_eq!(
        not_found,
        serde_json::to_value(&ProjectError::responses()["404"]).unwrap()
    );

    #[derive(OpenApi)]
    #[openapi(paths(quota))]
    struct Doc;
    #[utoipa::path(get, path = "/projects/{id}/quota", responses((status = 200, description = "The quota"), QuotaErrors))]
    #[allow(dead_code)]
    async fn quota() {}
    let doc = serde_json::to_value(Doc::openapi()).unwrap();
    let documented = doc["paths"]["/projects/{id}/quota"]["get"]["responses"]
        .as_object()
        .unwrap();
    assert_eq!(documented.keys().collect::<Vec<_>>(), ["200", "404", "429"]);
}

#[test]
fn a_code_the_type_does_not_have_fails_the_build() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui-utoipa/*.rs");
}
