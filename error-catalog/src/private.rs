//! Everything the derive's expansion names, reached through one hidden path so the
//! generated code never depends on what the user has in scope.

pub use core;
pub use core::option::Option::{self, None, Some};
pub use http::StatusCode;
pub use serde::Serialize;

pub use crate::api_error::{ApiError, AsRetryAfter, DetailValue, DetailVisitor, ErrorCatalog};
pub use crate::format::Format;
pub use crate::spec::{Category, ErrorSpec, ExampleValue, FieldSpec, JsonType};

/// The `catalog!` index: its size, and the `const` builder that checks uniqueness.
pub use crate::code_index::{build as build_index, slots as index_slots};

/// `std::error::Error`, under a name the expansion can use.
pub use std::error::Error as StdError;

/// Turns a source field into `&dyn Error`, for sized errors and for the boxed
/// `dyn Error` forms alike (method-call autoderef reaches the trait object).
pub trait AsDynError<'a> {
    fn as_dyn_error(&self) -> &(dyn StdError + 'a);
}

impl<'a, T: StdError + 'a> AsDynError<'a> for T {
    fn as_dyn_error(&self) -> &(dyn StdError + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn StdError + 'a {
    fn as_dyn_error(&self) -> &(dyn StdError + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn StdError + Send + 'a {
    fn as_dyn_error(&self) -> &(dyn StdError + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn StdError + Send + Sync + 'a {
    fn as_dyn_error(&self) -> &(dyn StdError + 'a) {
        self
    }
}

/// The fallback `spec()` of a derive that failed to compile; never called, because the
/// crate does not build.
#[cold]
pub fn invalid_derive() -> ! {
    core::panic!("error-catalog: this type's #[derive(ApiError)] has compile errors")
}
