//! Everything the derive's expansion names, reached through one hidden path so the
//! generated code never depends on what the user has in scope.

pub use core;
pub use core::option::Option::{self, None, Some};
pub use http::{HeaderMap, StatusCode};
pub use serde::Serialize;

pub use crate::model::api_error::{
    ApiError, AsRetryAfter, DetailValue, DetailVisitor, ErrorCatalog,
};
pub use crate::model::fields::{
    FieldRef, FieldSink, field_both, field_detail, field_flatten, field_optional, field_shown,
    write_message,
};

/// What the impl of `#[api_error(decode)]` names.
pub use crate::client::decode::{DecodeError, ErrorBody};
pub use crate::client::typed::{
    Fields as DecodeFields, FromErrorBody, Row as DecodeRow, fields as decode_fields,
    flattened as decode_flattened, unknown_code as decode_unknown_code,
    variant_index as decode_variant,
};
pub use crate::model::format::Format;
pub use crate::model::locale::{Encoded, Locale, Locales, OtherMessage, Translation, Translations};
pub use crate::model::spec::{
    Category, Deprecation, ErrorSpec, ExampleValue, FieldSpec, JsonHints, JsonType,
};
pub use core::result::Result::{self, Err, Ok};
pub use serde::de::DeserializeOwned;

/// The `catalog!` index: its size, and the `const` builder that checks uniqueness.
pub use crate::catalog::index::{build as build_index, hash as index_hash, slots as index_slots};
/// What `error_responses!` checks and selects codes with.
pub use crate::catalog::index::{require_code, select};
/// What `catalog!` checks the messages of shared locale folders with.
pub use crate::catalog::shared::check_shared_messages;

pub use crate::__impl_integrations;

/// The derive's code-to-reason mapping, for the tests that compare it with
/// [`grpc::reason`](crate::grpc::reason).
pub use error_catalog_derive::__grpc_reasons as grpc_reasons;

/// What the `axum` integration's impls name.
#[cfg(feature = "axum")]
pub mod axum {
    pub use ::axum::response::{IntoResponse, Response};
}

/// What the `actix-web` integration's impls name.
#[cfg(feature = "actix-web")]
pub mod actix_web {
    pub use ::actix_web::http::StatusCode;
    pub use ::actix_web::{HttpResponse, ResponseError};
}

/// What the `tonic` integration's impls name.
#[cfg(feature = "tonic")]
pub mod tonic {
    pub use ::tonic::Status;
}

/// What the `utoipa` integration's impls name.
#[cfg(feature = "utoipa")]
pub mod utoipa {
    pub use ::utoipa::IntoResponses;

    /// The return type of `IntoResponses::responses`.
    pub type Responses = std::collections::BTreeMap<
        String,
        ::utoipa::openapi::RefOr<::utoipa::openapi::response::Response>,
    >;
}

/// An `#[error(flatten)]` field on its way to the visitor. Method resolution picks
/// [`ViaFlattenDetails`] when the field's type implements
/// [`FlattenDetails`](crate::FlattenDetails) (it matches without autoref), else
/// [`ViaSerialize`], whose method then asks for `Serialize` (so a type with neither
/// gets "`T: Serialize` is not satisfied" on the field). The expansion calls
/// `(&Flatten(field)).error_catalog_flatten(name, visitor)` with both traits in scope.
pub struct Flatten<'a, T: ?Sized>(pub &'a T);

pub trait ViaFlattenDetails {
    fn error_catalog_flatten(&self, name: &str, visitor: &mut dyn DetailVisitor);
}

impl<T: crate::wire::details::FlattenDetails + ?Sized> ViaFlattenDetails for Flatten<'_, T> {
    #[inline]
    fn error_catalog_flatten(&self, _: &str, visitor: &mut dyn DetailVisitor) {
        self.0.flatten_details(visitor);
    }
}

pub trait ViaSerialize<T: ?Sized> {
    fn error_catalog_flatten(&self, name: &str, visitor: &mut dyn DetailVisitor)
    where
        T: Serialize;
}

impl<T: ?Sized> ViaSerialize<T> for &Flatten<'_, T> {
    #[inline]
    fn error_catalog_flatten(&self, name: &str, visitor: &mut dyn DetailVisitor)
    where
        T: Serialize,
    {
        crate::wire::details::flatten_serialize(name, self.0, visitor);
    }
}

/// `IsFieldErrors::<T>::VALUE` is true exactly when `T` is [`FieldErrors`]: the
/// inherent constant below exists only for that type, and for any other type path
/// resolution falls back to [`NotFieldErrors`]' default (the expansion brings that trait
/// into scope). It tells the catalog which flattened fields hold field errors by their
/// type, not by the name the user wrote, and it checks that a flattened field with an
/// `example` is one.
///
/// [`FieldErrors`]: crate::wire::validation::FieldErrors
pub struct IsFieldErrors<T: ?Sized>(core::marker::PhantomData<T>);

impl IsFieldErrors<crate::wire::validation::FieldErrors> {
    pub const VALUE: bool = true;
}

pub trait NotFieldErrors {
    const VALUE: bool = false;
}

impl<T: ?Sized> NotFieldErrors for IsFieldErrors<T> {}

/// Inserts the header of an `#[error(header = "..")]` field. The derive checked the
/// name; a value that is not a valid header value (a line break, say), or whose
/// `Display` fails, is not sent.
pub fn insert_header<T: core::fmt::Display + ?Sized>(
    headers: &mut HeaderMap,
    name: &'static str,
    value: &T,
) {
    use core::fmt::Write as _;
    let mut text = String::new();
    if write!(text, "{value}").is_err() {
        return;
    }
    let name = http::HeaderName::from_bytes(name.as_bytes());
    let value = http::HeaderValue::try_from(text);
    if let (Ok(name), Ok(value)) = (name, value) {
        headers.insert(name, value);
    }
}

/// The `StatusCode` of a catalog row, built at compile time (the derive accepts only
/// 400..=599, so the panic is unreachable).
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => core::panic!("error-catalog: invalid HTTP status"),
    }
}

/// The `causes`, `fields` and `headers` of a spec that has none, and the parsed form of
/// a message that is not parsed. A named constant costs the compiler less than a literal
/// in each of thousands of catalog rows.
pub const NO_CAUSES: &[&str] = &[];
pub const NO_FIELDS: &[FieldSpec] = &[];
pub const NOT_PARSED: &str = "";
pub const NO_HEADERS: &[&str] = &[];

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

/// The tag `Accept-Language` negotiation chooses among `locales`, decided afresh by
/// `fluent-langneg` (without the choices each thread remembers), for the tests that
/// compare the two.
#[cfg(feature = "i18n")]
pub fn negotiate_uncached(locales: &'static Locales, accept_language: &str) -> &'static str {
    crate::model::fluent::negotiate_uncached(locales, accept_language)
        .and_then(|index| locales.locales().get(index))
        .map_or(locales.default_locale(), Locale::tag)
}
