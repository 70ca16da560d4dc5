//! The error model: what an API error is, independent of any wire format.
//!
//! - `api_error`: the [`ApiError`](api_error::ApiError) trait, its [`Message`](api_error::Message),
//!   the [`DetailVisitor`](api_error::DetailVisitor) that walks the details, and the
//!   [`ErrorCatalog`](api_error::ErrorCatalog) of a type;
//! - `spec`: the static catalog rows the derive writes ([`ErrorSpec`](spec::ErrorSpec),
//!   [`FieldSpec`](spec::FieldSpec), [`Category`](spec::Category));
//! - `format`: the names of the built-in wire formats ([`Format`](format::Format));
//! - `locale`: the translations of a type's messages ([`Locales`](locale::Locales)) and
//!   their rendering (`fluent`, with the `i18n` feature, for Fluent's selectors);
//! - `fields`: the fields of an error value as the derive hands them over, and the filling
//!   of a parsed message template.
//!
//! Nothing here depends on the rest of the crate, except that
//! [`ApiError::envelope`](api_error::ApiError::envelope) returns the wire's
//! [`Envelope`](crate::wire::envelope::Envelope).

pub(crate) mod api_error;
pub(crate) mod fields;
#[cfg(feature = "i18n")]
pub(crate) mod fluent;
pub(crate) mod format;
pub(crate) mod locale;
pub(crate) mod spec;
