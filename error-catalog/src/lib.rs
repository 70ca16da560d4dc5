//! Turn a service's error enum into its whole public error contract.
//!
//! ```
//! use error_catalog::ApiError;
//! use http::StatusCode;
//!
//! /// Resource errors.
//! #[derive(Debug, ApiError)]
//! pub enum ProjectError {
//!     /// The requested project does not exist.
//!     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
//!     NotFound { id: String },
//! }
//!
//! let err = ProjectError::NotFound { id: "proj_xyz789".into() };
//! assert_eq!(err.code(), "not_found");
//! assert_eq!(err.status(), StatusCode::NOT_FOUND);
//! assert_eq!(err.to_string(), "Project proj_xyz789 not found");
//! assert_eq!(ProjectError::CATALOG[0].description(), "The requested project does not exist.");
//! ```
#![doc = include_str!("attributes.md")]

// The derive's expansion names `::error_catalog`; let it resolve inside this crate too.
extern crate self as error_catalog;

mod api_error;
mod catalog;
mod code_index;
mod custom;
mod decode;
mod details;
mod envelope;
mod export;
mod fields;
mod format;
pub mod grpc;
pub mod guard;
mod integrations;
mod spec;
pub mod validation;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
mod context;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod rejection;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "utoipa")]
pub mod utoipa;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::api_error::{
    ApiError, AsRetryAfter, DetailValue, DetailVisitor, ErrorCatalog, Message,
};
pub use crate::catalog::{Catalog, Iter};
pub use crate::custom::{CustomEnvelope, CustomFormat};
pub use crate::decode::{DecodeError, DecodeErrorKind, ErrorBody};
pub use crate::details::{Details, FlattenDetails};
pub use crate::envelope::Envelope;
pub use crate::export::json::{CATALOG_SCHEMA, SCHEMA_VERSION};
pub use crate::export::markdown::Markdown;
pub use crate::export::openapi::OpenApi;
pub use crate::format::{Format, UnknownFormat};
pub use crate::spec::{Category, ErrorSpec, ExampleValue, FieldSpec, JsonType};
pub use crate::validation::{FieldError, FieldErrors, FieldPath};

#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
pub use crate::context::{RequestContext, X_REQUEST_ID};
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use crate::rejection::Rejection;

/// Derives [`ApiError`](trait@ApiError), `Display`, `std::error::Error`, `From` for
/// `#[from]` fields and the `CATALOG` table. See the [crate documentation](crate) for
/// every attribute.
pub use error_catalog_derive::ApiError;
