//! How the expansion reaches the runtime crate: the path it is imported by, and the one
//! macro call through which the runtime implements the framework integrations.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Item;

/// `::error_catalog`, or the path given with `#[api_error(crate = "..")]`.
pub fn krate(item: &Item) -> TokenStream {
    match &item.krate {
        Some(path) => quote!(#path),
        None => quote!(::error_catalog),
    }
}

/// One call to the runtime's `__impl_integrations!`, which implements the framework
/// traits of every enabled cargo feature of `error-catalog` (axum's `IntoResponse`,
/// actix-web's `ResponseError`, ...) and expands to nothing when none is enabled.
/// Its input: `[impl generics] Type [type generics] [where predicates,]`; each impl puts
/// the predicates right before its own bound (`Self: ApiError` or the like).
///
/// `unsure_of_error`: the fallback of a type whose `Display` and `Error` belong to
/// thiserror, which the derive cannot see. The predicates then end in `for<'__ec>`,
/// which makes each impl's own bound a higher-ranked one: rustc checks such a bound where
/// the impl is used, not where it is written, so a type that has no `Error` impl after
/// all gets no error from these impls (only from the mistake the derive reported).
///
/// Nothing with `#[api_error(impls = false)]`: the user implements the framework traits.
pub fn integrations(item: &Item, unsure_of_error: bool) -> TokenStream {
    if !item.impls {
        return TokenStream::new();
    }
    let ident = item.ident;
    let (impl_generics, ty_generics, _) = item.generics.split_for_impl();
    let predicates = item
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| clause.predicates.iter());
    let higher_ranked = unsure_of_error.then(|| quote!(for<'__ec>));
    quote! {
        __ec::__impl_integrations! {
            [#impl_generics] #ident [#ty_generics] [#(#predicates,)* #higher_ranked]
        }
    }
}
