//! What a derive with mistakes emits next to its `compile_error!`s: stub impls of every
//! trait the derive would implement, framework integrations included, so the user's
//! other code type-checks and the only errors shown are the real ones.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::runtime::{integrations, krate};
use crate::model::Item;

pub fn expand(item: &Item) -> TokenStream {
    // A union can never implement the traits; its one error says so, and stubs would
    // only add "`Debug` is not implemented" on top.
    if item.union {
        return TokenStream::new();
    }
    let krate = krate(item);
    let ident = item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let own_predicates = where_clause.map(|clause| {
        let predicates = clause.predicates.iter();
        quote!(#(#predicates,)*)
    });
    // With thiserror's `#[error("..")]` in the input, `Display`, `Error` and `From` are
    // thiserror's to write, if it is derived at all: a derive cannot see the others.
    // The stubs that need `Error` then ask for it through a higher-ranked bound, which
    // rustc checks where the impl is used rather than where it is written: the type
    // works as an `ApiError` when thiserror is derived, and a type without it gets no
    // error from these stubs on top of the one the derive reported.
    let (std_impls, self_error) = if item.thiserror {
        (None, quote!(for<'__ec> Self: __ec::StdError,))
    } else {
        (Some(std_impls(item)), quote!(Self: __ec::StdError,))
    };
    let integrations = integrations(item, item.thiserror);
    quote! {
        const _: () = {
            use #krate::__private as __ec;

            impl #impl_generics #ident #ty_generics #where_clause {
                /// Every error code of this type (empty: the derive has errors).
                pub const CATALOG: &'static [__ec::ErrorSpec] = &[];
            }

            #[automatically_derived]
            impl #impl_generics __ec::ErrorCatalog for #ident #ty_generics #where_clause {
                const CATALOG: &'static [__ec::ErrorSpec] = &[];
            }

            #[automatically_derived]
            impl #impl_generics __ec::ApiError for #ident #ty_generics
            where
                #own_predicates
                #self_error
            {
                fn spec(&self) -> &'static __ec::ErrorSpec {
                    __ec::invalid_derive()
                }
                fn as_api_error(&self) -> &dyn __ec::ApiError {
                    self
                }
            }

            #std_impls
            #integrations
        };
    }
}

/// Stub `Display`, `Error`, and one `From` per `#[from]` type (so `?` still converts).
fn std_impls(item: &Item) -> TokenStream {
    let ident = item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let own_predicates = where_clause.map(|clause| {
        let predicates = clause.predicates.iter();
        quote!(#(#predicates,)*)
    });
    let from_impls = item.from_types.iter().map(|ty| {
        quote! {
            #[automatically_derived]
            impl #impl_generics __ec::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                fn from(_: #ty) -> Self {
                    __ec::invalid_derive()
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, _: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                __ec::invalid_derive()
            }
        }

        #[automatically_derived]
        impl #impl_generics __ec::StdError for #ident #ty_generics
        where
            #own_predicates
            Self: __ec::core::fmt::Debug,
        {
        }

        #(#from_impls)*
    }
}
