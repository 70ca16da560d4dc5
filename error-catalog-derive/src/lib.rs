//! The derive macro of [error-catalog](https://docs.rs/error-catalog).
//!
//! Use it through the `error-catalog` crate, which re-exports it as
//! `error_catalog::ApiError` and documents every attribute.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod template;
mod types;

#[cfg(test)]
mod never_panics;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `error_catalog::ApiError`, `Display`, `std::error::Error`, `From` for
/// `#[from]` fields, and the `CATALOG` table.
#[proc_macro_derive(ApiError, attributes(error, api_error, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
