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
    responses_of(catalog)
}

/// [`responses`] of some codes, from one type or several: what
/// [`error_responses!`](crate::error_responses!) documents an endpoint with. The codes of
/// a status keep the order given.
///
/// ```
/// use error_catalog::{ApiError, ErrorCatalog};
///
/// #[derive(Debug, ApiError)]
/// pub enum OrderError {
///     #[error(code = "order_not_found", status = 404, message = "No such order")]
///     NotFound,
///     #[error(code = "rate_limited", status = 429, message = "Slow down")]
///     RateLimited,
/// }
///
/// let limited = OrderError::CATALOG.iter().filter(|spec| spec.status_u16() == 429);
/// let responses = error_catalog::utoipa::responses_of(limited);
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["429"]);
/// ```
pub fn responses_of(
    specs: impl IntoIterator<Item = &'static ErrorSpec>,
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<(&'static ErrorSpec, _)>> = BTreeMap::new();
    for spec in specs {
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

/// Declares a type that documents, in `#[utoipa::path(responses(..))]`, the codes an
/// endpoint can return: some codes of an error type, or all of its codes, of one type or
/// several (feature `utoipa`).
///
/// Listing an error type in `responses(..)` documents every code of the type; an
/// endpoint that can only return some of them lists them here instead. Each code is
/// checked at compile time: one that the type does not have fails the build (a `const`
/// evaluation error: "`x` is no code of `OrderError`").
///
/// ```
/// use error_catalog::{ApiError, error_responses};
/// use utoipa::IntoResponses;
///
/// #[derive(Debug, ApiError)]
/// pub enum OrderError {
///     #[error(code = "order_not_found", status = 404, message = "No such order")]
///     NotFound,
///     #[error(code = "order_conflict", status = 409, message = "The order changed")]
///     Conflict,
///     #[error(code = "rate_limited", status = 429, message = "Slow down")]
///     RateLimited,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "unauthorized", status = 401, message = "Sign in")]
/// pub struct Unauthorized;
///
/// error_responses! {
///     /// What `GET /orders` can return: a rate limit, and any code of `Unauthorized`.
///     pub struct ListOrdersErrors {
///         OrderError: ["rate_limited"],
///         Unauthorized,
///     }
/// }
///
/// // #[utoipa::path(get, path = "/orders", responses((status = 200), ListOrdersErrors))]
/// assert_eq!(ListOrdersErrors::responses().keys().collect::<Vec<_>>(), ["401", "429"]);
/// ```
#[macro_export]
macro_rules! error_responses {
    (
        $(#[$attr:meta])*
        $vis:vis struct $name:ident {
            $($ty:ty $(: [$($code:literal),+ $(,)?])?),+ $(,)?
        }
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name;

        // Every code listed is a code of its type, checked by `cargo check` too.
        const _: () = {
            $($($(
                $crate::__private::require_code(
                    <$ty as $crate::ErrorCatalog>::CATALOG,
                    ::core::stringify!($ty),
                    $code,
                );
            )+)?)+
        };

        impl $crate::__private::utoipa::IntoResponses for $name {
            fn responses() -> $crate::__private::utoipa::Responses {
                $crate::utoipa::responses_of(
                    ::core::iter::empty()
                        $(.chain($crate::__private::select(
                            <$ty as $crate::ErrorCatalog>::CATALOG,
                            &[$($($code),+)?],
                        )))+,
                )
            }
        }
    };
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
