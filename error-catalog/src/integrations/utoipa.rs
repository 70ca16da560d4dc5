//! utoipa: every `ApiError` type is a [`utoipa::IntoResponses`], so an endpoint lists
//! its error enum in `#[utoipa::path(responses(...))]` and its OpenAPI gets one response
//! per status, its body a `oneOf` of one schema per code at that status (the code a
//! string of one value, the code's details typed field by field) and a named example
//! per code (feature `utoipa`).
//!
//! ```
//! use error_catalog::ApiError;
//! use utoipa::IntoResponses;
//!
//! /// Resource errors.
//! #[derive(Debug, ApiError)]
//! #[api_error(format = "nested")]
//! pub enum ProjectError {
//!     /// The requested project does not exist.
//!     #[error(code = "not_found", status = 404, message = "Project {resource_id} not found")]
//!     NotFound { #[error(example = "proj_xyz789")] resource_id: String },
//!     /// A project with this name already exists.
//!     #[error(code = "already_exists", status = 409, message = "A project with this name already exists")]
//!     AlreadyExists { field: String, value: String },
//! }
//!
//! // In a handler's attribute: #[utoipa::path(get, path = "/projects/{id}", responses(
//! //     (status = 200, description = "The project"), ProjectError))]
//! let responses = ProjectError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "409"]);
//! let json = serde_json::to_value(&responses["404"]).unwrap();
//! assert_eq!(
//!     json["content"]["application/json"]["examples"]["not_found"]["value"],
//!     serde_json::json!({"error": {
//!         "code": "not_found",
//!         "message": "Project proj_xyz789 not found",
//!         "details": {"resource_id": "proj_xyz789"},
//!     }}),
//! );
//! ```

use std::collections::BTreeMap;

use ::utoipa::openapi::RefOr;
use ::utoipa::openapi::response::Response;
use ::utoipa::openapi::schema::{OneOf, Schema};

use crate::catalog::export::openapi::{Refs, response_json};
use crate::model::spec::ErrorSpec;

/// The OpenAPI responses of a catalog: one per status, keyed by the status code, with
/// a `oneOf` of one body schema per code in the type's format and one example per code,
/// named by the code. A status whose codes can send `Retry-After` (a `retry_after = N` or an
/// `#[error(retry_after)]` field) documents that header, and every header a code sends
/// from an `#[error(header = "..")]` field is documented too. The derived
/// `IntoResponses::responses` calls this.
///
/// Each response is the one the catalog's OpenAPI export
/// ([`Catalog::openapi`](crate::Catalog::openapi)) writes for the same codes, converted
/// into utoipa's types: the same description, headers, schemas and example bodies, with
/// each code's body and details schemas and the `Retry-After` header written out in
/// place instead of referenced from the document's components. So the `oneOf` has no
/// `discriminator` (its mapping would point at components), and as utoipa's schema model
/// has no `contains`, the schema of a [`Google`](crate::Format::Google) body does not
/// pin its reason or type its metadata.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "flat")]
/// pub enum RateError {
///     /// Too many requests in the time window.
///     #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
///     RateLimited { limit: u32, #[error(retry_after)] retry_after: u64 },
///     /// Down for maintenance; no retry hint.
///     #[error(code = "maintenance", status = 503, message = "Down for maintenance")]
///     Maintenance,
/// }
///
/// let responses = error_catalog::utoipa::responses(RateError::CATALOG);
/// // A 503 whose codes never send Retry-After does not document it.
/// let unavailable = serde_json::to_value(&responses["503"]).unwrap();
/// assert!(unavailable.get("headers").is_none());
/// let json = serde_json::to_value(&responses["429"]).unwrap();
/// assert_eq!(json["description"], "Too Many Requests: `rate_limit_exceeded`.");
/// assert_eq!(json["headers"]["Retry-After"]["schema"]["type"], "integer");
/// assert_eq!(
///     json["content"]["application/json"]["examples"]["rate_limit_exceeded"]["value"],
///     serde_json::json!({"code": "rate_limit_exceeded", "message": "Too many requests",
///                        "details": {"limit": 1, "retry_after": 30}}),
/// );
/// let body = &json["content"]["application/json"]["schema"]["oneOf"][0];
/// assert_eq!(body["properties"]["code"]["enum"], serde_json::json!(["rate_limit_exceeded"]));
/// assert_eq!(body["properties"]["details"]["properties"]["limit"]["type"], "integer");
/// ```
pub fn responses(catalog: &'static [ErrorSpec]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<(&'static ErrorSpec, _)>> = BTreeMap::new();
    for spec in catalog {
        let format = spec.category().format();
        by_status
            .entry(spec.status_u16())
            .or_default()
            .push((spec, format));
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let json = response_json(status, &codes, Refs::Inline);
            (status.to_string(), read_response(&json).into())
        })
        .collect()
}

/// An OpenAPI response object, written by the export, in utoipa's types.
///
/// utoipa reads a schema as the first of its shapes that fits, and a plain object
/// schema fits any JSON object: a body's `oneOf` is read as a `OneOf` explicitly.
fn read_response(json: &str) -> Response {
    // The text is an OpenAPI response object, which utoipa's types read.
    let mut response: Response = serde_json::from_str(json).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    for (content_type, content) in &mut response.content {
        if let RefOr::T(content) = content
            && let Some(schema) = value["content"][content_type.as_str()].get("schema")
            && let Ok(one_of) = serde_json::from_value::<OneOf>(schema.clone())
        {
            content.schema = Some(RefOr::T(Schema::OneOf(one_of)));
        }
    }
    response
}
