//! What a derive with mistakes emits next to its `compile_error!`s: stub impls of every
//! trait the derive would implement, so the user's other code type-checks and the only
//! errors shown are the real ones.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::expand::{integrations, krate};
use crate::types;

pub fn expand(input: &Input) -> TokenStream {
    // A union can never implement the traits; its one error says so, and stubs would
    // only add "`Debug` is not implemented" on top.
    if input.union {
        return TokenStream::new();
    }
    let krate = krate(input);
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut from_impls = Vec::new();
    let own_predicates = where_clause.map(|clause| {
        let predicates = clause.predicates.iter();
        quote!(#(#predicates,)*)
    });
    // One stub `From` per `#[from]` type (as written), so `?` still converts.
    let mut from_types = Vec::new();
    for field in input.variants.iter().flat_map(|variant| &variant.fields) {
        if field.attrs.from.is_some() && !from_types.contains(&types::display(field.ty)) {
            from_types.push(types::display(field.ty));
            let ty = field.ty;
            from_impls.push(quote! {
                #[automatically_derived]
                impl #impl_generics __ec::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(_: #ty) -> Self {
                        __ec::invalid_derive()
                    }
                }
            });
        }
    }
    let std_impls = (!input.thiserror).then(|| {
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
    });
    let integrations = integrations(input);
    quote! {
        const _: () = {
            use #krate::__private as __ec;

            #[automatically_derived]
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
                Self: __ec::StdError,
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
