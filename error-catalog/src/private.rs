//! Everything the derive's expansion names, reached through one hidden path so the
//! generated code never depends on what the user has in scope.

pub use core;
pub use core::option::Option::{self, None, Some};
pub use http::StatusCode;
pub use serde::Serialize;

pub use crate::api_error::{ApiError, AsRetryAfter, DetailValue, DetailVisitor, ErrorCatalog};
pub use crate::format::Format;
pub use crate::spec::{Category, ErrorSpec, ExampleValue, FieldSpec, JsonType};

/// An `#[error(flatten)]` field on its way to the visitor. Method resolution picks
/// [`ViaFlattenDetails`] when the field's type implements
/// [`FlattenDetails`](crate::FlattenDetails) (it matches without autoref), else
/// [`ViaSerialize`]: the expansion calls `(&Flatten(field)).flatten(name, visitor)`
/// with both traits in scope.
pub struct Flatten<'a, T: ?Sized>(pub &'a T);

pub trait ViaFlattenDetails {
    fn flatten(&self, name: &str, visitor: &mut dyn DetailVisitor);
}

impl<T: crate::FlattenDetails + ?Sized> ViaFlattenDetails for Flatten<'_, T> {
    #[inline]
    fn flatten(&self, _: &str, visitor: &mut dyn DetailVisitor) {
        self.0.flatten_details(visitor);
    }
}

pub trait ViaSerialize {
    fn flatten(&self, name: &str, visitor: &mut dyn DetailVisitor);
}

impl<T: Serialize + ?Sized> ViaSerialize for &Flatten<'_, T> {
    #[inline]
    fn flatten(&self, name: &str, visitor: &mut dyn DetailVisitor) {
        crate::details::flatten_serialize(name, self.0, visitor);
    }
}

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
