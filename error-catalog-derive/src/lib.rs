//! The derive macro of [error-catalog](https://docs.rs/error-catalog).
//!
//! Use it through the `error-catalog` crate, which re-exports it as
//! `error_catalog::ApiError` and documents every attribute.
//!
//! The derive runs in three stages, one folder or file each: `input/` reads what the
//! user wrote (the syn tree, every attribute parsed into slots); `check.rs` applies the
//! rules that look at whole variants, and `model/resolve.rs` turns what passes them into
//! the resolved `model/`; `expand/` generates code from the model alone or, after a
//! mistake, the errors with fallback impls. `ctxt.rs` collects the mistakes of the first
//! two stages, so one compile reports them all.

mod check;
mod ctxt;
mod expand;
mod input;
mod locales;
mod model;

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

/// The Google `ErrorInfo.reason` the derive computes for each code of a list of string
/// literals, as an array of string literals: lets the runtime's tests compare the
/// derive's mapping with `grpc::reason`. Not part of the API.
#[doc(hidden)]
#[proc_macro]
pub fn __grpc_reasons(input: TokenStream) -> TokenStream {
    let parser = syn::punctuated::Punctuated::<syn::LitStr, syn::Token![,]>::parse_terminated;
    let codes = parse_macro_input!(input with parser);
    let reasons = codes
        .iter()
        .map(|code| syn::LitStr::new(&check::grpc_reason(&code.value()), code.span()));
    quote::quote!([#(#reasons),*]).into()
}
