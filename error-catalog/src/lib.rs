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
// On docs.rs, each item behind a cargo feature says which one.
#![cfg_attr(docsrs, feature(doc_cfg))]

// The derive's expansion names `::error_catalog`; let it resolve inside this crate too.
extern crate self as error_catalog;

mod catalog;
mod client;
mod integrations;
mod model;
pub mod observe;
mod text;
mod wire;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::catalog::export::json::{CATALOG_SCHEMA, SCHEMA_VERSION};
pub use crate::catalog::export::markdown::Markdown;
pub use crate::catalog::export::openapi::OpenApi;
pub use crate::catalog::guard;
pub use crate::catalog::load::LoadError;
pub use crate::catalog::{Catalog, Iter};
pub use crate::client::decode::{DecodeError, DecodeErrorKind, ErrorBody};
pub use crate::client::typed::FromErrorBody;
pub use crate::model::api_error::{
    ApiError, AsRetryAfter, DetailValue, DetailVisitor, ErrorCatalog, Message,
};
pub use crate::model::format::{Format, UnknownFormat};
pub use crate::model::locale::{Locale, Locales, Translation};
pub use crate::model::spec::{Category, Deprecation, ErrorSpec, ExampleValue, FieldSpec, JsonType};
#[cfg(feature = "metrics")]
pub use crate::observe::register_metrics;
pub use crate::observe::{ErrorEvent, RESPONSES_TOTAL, RenderedError, report, report_with};
#[doc(no_inline)]
pub use crate::validation::{FieldError, FieldErrors, FieldPath};
pub use crate::wire::custom::{CustomEnvelope, CustomFormat};
pub use crate::wire::details::{Details, FlattenDetails};
pub use crate::wire::envelope::Envelope;
pub use crate::wire::grpc;
pub use crate::wire::validation;

#[cfg(feature = "actix-web")]
pub use crate::integrations::actix;
#[cfg(feature = "axum")]
pub use crate::integrations::axum;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
pub use crate::integrations::context::{RequestContext, X_REQUEST_ID};
pub use crate::integrations::rejection::Rejection;
#[cfg(feature = "reqwest")]
pub use crate::integrations::reqwest;
#[cfg(feature = "tonic")]
pub use crate::integrations::tonic;
#[cfg(feature = "utoipa")]
pub use crate::integrations::utoipa;

/// Derives [`ApiError`](trait@ApiError), `Display`, `std::error::Error`, `From` for
/// `#[from]` fields and the `CATALOG` table. See the [crate documentation](crate) for
/// every attribute.
pub use error_catalog_derive::ApiError;
