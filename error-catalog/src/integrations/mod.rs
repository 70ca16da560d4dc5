//! The framework integrations, each behind its cargo feature, and what they share.
//!
//! - `axum`, `actix`, `tonic`, `utoipa`: one module per framework; `reqwest`: the
//!   client side on reqwest;
//! - `impls`: the `__impl_*` macros through which `#[derive(ApiError)]` implements the
//!   frameworks' traits for the derived type;
//! - `layer`: the settings of axum's and actix-web's layers and what they do per request
//!   (request id, format, the event of an error response);
//! - `context`: the [`RequestContext`](context::RequestContext) a layer sets for the
//!   request being served (axum, actix-web, tonic);
//! - `rejection`: the [`Rejection`](rejection::Rejection) codes of requests a framework
//!   refuses (with no feature: a client decodes them too), and `plain`: which plain error responses of a framework the envelope of a
//!   rejection replaces (axum, actix-web).
//!
//! Integrations depend on the rest of the crate; nothing else depends on them.

mod impls;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
pub(crate) mod context;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod layer;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod plain;
pub(crate) mod rejection;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "utoipa")]
pub mod utoipa;
