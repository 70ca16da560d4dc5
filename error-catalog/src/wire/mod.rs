//! The wire: the JSON bodies an error is sent as.
//!
//! - `envelope`: the [`Envelope`](envelope::Envelope) of one error in one built-in format,
//!   its serde path and its fast JSON writer;
//! - `members`: the member names of the built-in formats, written once for the writers,
//!   the client's decoder and the OpenAPI schemas;
//! - `details`: the details as one object, `#[error(flatten)]`, and the fallback filter;
//! - `validation`: field-level errors ([`FieldErrors`](validation::FieldErrors)) laid
//!   out by format;
//! - `custom`: wire formats of the user's own ([`CustomFormat`](custom::CustomFormat));
//! - `grpc`: the Google error model (canonical codes, `ErrorInfo` reasons and metadata).
//!
//! Depends on the [model](crate::model) only.

pub(crate) mod custom;
pub(crate) mod details;
pub(crate) mod envelope;
pub mod grpc;
pub(crate) mod members;
pub mod validation;
