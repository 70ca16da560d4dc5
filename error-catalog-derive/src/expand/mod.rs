//! Code generation from the model, and the derive's entry: parse, check, then expand, or
//! emit the errors with the fallback.
//!
//! The expansion stays thin: one static table of `ErrorSpec`s ([`spec_table`]), one
//! small match from a value to its row, and matches only for the variants that need
//! them (interpolated messages ([`message`]), details ([`fields`]), sources,
//! `Retry-After` fields and headers, here). Envelopes, serialization and exports are
//! ordinary code in the runtime crate.

mod bounds;
mod decode;
mod fallback;
mod fields;
pub(crate) mod message;
mod pattern;
mod runtime;
pub(crate) mod spec_table;
mod unique;

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;

use crate::check;
use crate::ctxt::Errors;
use crate::expand::bounds::Bounds;
use crate::expand::pattern::{binding, binding_at, path, pattern};
use crate::expand::runtime::{integrations, krate};
use crate::input::ast::Input;
use crate::model::types;
use crate::model::{Field, Model, Shape};

/// The whole derive: the expansion, or every mistake with the fallback impls.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let input = Input::from_syn(node, &mut errors);
    let model = check::check(&input, &mut errors);
    let decode = decode::requested(&input);
    if decode {
        decode::check(&model, &mut errors);
    }
    match errors.finish() {
        Some(error) => {
            let fallback = fallback::expand(&model.item);
            let decode = decode.then(|| decode::fallback(&model.item));
            let errors = error.to_compile_error();
            quote! { #errors #fallback #decode }
        }
        None => {
            let decode = decode.then(|| decode::expand(&model));
            let expansion = expand(&model);
            quote! { #expansion #decode }
        }
    }
}

fn expand(model: &Model) -> TokenStream {
    let item = &model.item;
    let krate = krate(item);
    let ident = item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let bounds = Bounds::new(model);

    let category = spec_table::category(&model.category);
    let shared = spec_table::Shared::new(model);
    let specs = spec_table::rows(model, &shared);
    let shared_consts = spec_table::shared_consts(model, &shared);
    let count = model.variants.len();
    let index_arms = index_arms(model);
    let message_body = message::body(model);
    let fields_fn = fields::fields_fn(model, &bounds);

    let api_where = Bounds::where_clause(
        item,
        &[
            &bounds.details,
            &bounds.message,
            &bounds.sources,
            &bounds.headers,
        ],
        true,
    );
    let fmt_message = if item.thiserror {
        message_body.as_ref().map(|body| {
            quote! {
                fn fmt_message(&self, __f: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                    #body
                }
            }
        })
    } else {
        message_body.as_ref().map(|_| {
            quote! {
                #[inline]
                fn fmt_message(&self, __f: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                    __ec::core::fmt::Display::fmt(self, __f)
                }
            }
        })
    };
    let visit_details = fields::visit_details(model);
    let list_fields = fields::list_fields(model, fields_fn.is_some());
    let retry_after = retry_after(model);
    let add_headers = add_headers(model);

    let std_impls = if item.thiserror {
        None
    } else {
        Some(std_impls(model, &bounds, message_body.as_ref()))
    };
    let uniqueness = unique::crate_uniqueness(model);
    let flatten_example_checks = spec_table::flatten_example_checks(model);
    let integrations = integrations(item, false);
    let locales_static = crate::locales::expand::locales_static(model);

    quote! {
        // `deprecated`: the impls name the variants that Rust's `#[deprecated]` marks
        // (the catalog reads the attribute; only the service's own uses should warn).
        #[allow(non_local_definitions, deprecated)]
        const _: () = {
            use #krate::__private as __ec;

            static __CATEGORY: __ec::Category = #category;
            #shared_consts
            // Statics, not consts: a const table would be evaluated again (its promoted
            // slices interned and validated) in every crate that reads it in a const,
            // such as `catalog!`; a static is evaluated once, here.
            static __SPECS: [__ec::ErrorSpec; #count] = [#specs];
            #locales_static
            #flatten_example_checks

            // No `#[automatically_derived]`: rustc accepts it on trait impls only.
            impl #impl_generics #ident #ty_generics #where_clause {
                /// Every error code of this type, in declaration order.
                pub const CATALOG: &'static [__ec::ErrorSpec] = &__SPECS;

                #[inline]
                fn __error_catalog_index(&self) -> usize {
                    // `*self`: an enum without variants matches with no arms.
                    match *self {
                        #index_arms
                    }
                }

                #fields_fn
            }

            #[automatically_derived]
            impl #impl_generics __ec::ErrorCatalog for #ident #ty_generics #where_clause {
                // The static itself, not `Self::CATALOG`: a crate that reads this in a
                // const (`catalog!`) evaluates, and validates through the whole table,
                // each const it names, so naming the other const would do it twice.
                const CATALOG: &'static [__ec::ErrorSpec] = &__SPECS;
            }

            #[automatically_derived]
            impl #impl_generics __ec::ApiError for #ident #ty_generics #api_where {
                #[inline]
                fn spec(&self) -> &'static __ec::ErrorSpec {
                    &Self::CATALOG[self.__error_catalog_index()]
                }
                #[inline]
                fn as_api_error(&self) -> &dyn __ec::ApiError {
                    self
                }
                #fmt_message
                #visit_details
                #list_fields
                #retry_after
                #add_headers
            }

            #std_impls
            #integrations
        };
        #uniqueness
    }
}

/// The arms of the index match, `Type::Variant { .. } => 0usize,` per variant. None of
/// their tokens needs a span of the input: they are written as text, which the compiler
/// parses in one call (see `spec_table`), and built as tokens should the text not parse.
fn index_arms(model: &Model) -> TokenStream {
    let mut text = String::new();
    for (index, variant) in model.variants.iter().enumerate() {
        let _ = match model.item.shape {
            Shape::Enum => write!(
                text,
                "{}::{}{{..}}=>{index}usize,",
                model.item.ident, variant.ident
            ),
            Shape::Struct => write!(text, "Self{{..}}=>{index}usize,"),
        };
    }
    spec_table::parse(&text).unwrap_or_else(|| {
        let arms = model.variants.iter().enumerate().map(|(index, variant)| {
            let pattern = pattern(&model.item, variant, &[]);
            quote!(#pattern => #index,)
        });
        quote!(#(#arms)*)
    })
}

/// `retry_after`, for the variants with a `#[error(retry_after)]` field.
fn retry_after(model: &Model) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for variant in &model.variants {
        let Some(index) = variant.fields.iter().position(|field| field.retry_after) else {
            continue;
        };
        let pattern = pattern(&model.item, variant, &[index]);
        let span = types::span(variant.fields[index].ty);
        let binding = binding_at(index, span);
        let fallback = spec_table::option_u64(variant.retry_after);
        arms.push(quote_spanned! {span=>
            #pattern => __ec::AsRetryAfter::retry_after_secs(#binding).or(#fallback),
        });
    }
    if arms.is_empty() {
        return None;
    }
    let default = (arms.len() < model.variants.len())
        .then(|| quote!(_ => Self::CATALOG[self.__error_catalog_index()].retry_after,));
    Some(quote! {
        fn retry_after(&self) -> __ec::Option<u64> {
            match self {
                #(#arms)*
                #default
            }
        }
    })
}

/// `add_headers`, for the variants with `#[error(header = "..")]` fields.
fn add_headers(model: &Model) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for variant in &model.variants {
        let indexes: Vec<usize> = (0..variant.fields.len())
            .filter(|&i| variant.fields[i].header.is_some())
            .collect();
        if indexes.is_empty() {
            continue;
        }
        let pattern = pattern(&model.item, variant, &indexes);
        let inserts = indexes.iter().map(|&index| {
            let field = &variant.fields[index];
            let name = field
                .header
                .as_ref()
                .map(|name| name.value().to_ascii_lowercase())
                .unwrap_or_default();
            let span = types::span(field.ty);
            let binding = binding_at(index, span);
            if field.option_inner.is_some() {
                let value = quote_spanned!(span=> __value);
                let insert = quote_spanned! {span=>
                    __ec::insert_header(__h, #name, #value);
                };
                quote! {
                    if let __ec::Some(#value) = #binding {
                        #insert
                    }
                }
            } else {
                quote_spanned! {span=>
                    __ec::insert_header(__h, #name, #binding);
                }
            }
        });
        arms.push(quote!(#pattern => { #(#inserts)* }));
    }
    if arms.is_empty() {
        return None;
    }
    let default = (arms.len() < model.variants.len()).then(|| quote!(_ => {}));
    Some(quote! {
        fn add_headers(&self, __h: &mut __ec::HeaderMap) {
            match self {
                #(#arms)*
                #default
            }
        }
    })
}

/// `Display`, `std::error::Error` and `From`, unless thiserror provides them.
fn std_impls(model: &Model, bounds: &Bounds, message_body: Option<&TokenStream>) -> TokenStream {
    let item = &model.item;
    let ident = item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let display_where = Bounds::where_clause(item, &[&bounds.message], false);
    let display_body = message_body.cloned().unwrap_or_else(|| {
        quote!(__f.write_str(Self::CATALOG[self.__error_catalog_index()].message))
    });

    let mut source_arms = Vec::new();
    let mut from_impls = Vec::new();
    for variant in &model.variants {
        let Some(index) = variant.fields.iter().position(Field::is_source) else {
            continue;
        };
        let field = &variant.fields[index];
        let pattern = pattern(item, variant, &[index]);
        let binding = binding(index);
        let span = types::span(field.ty);
        // Only the call is spanned at the field (a type error lands there); `Some` is
        // spanned at the derive, where `unused_qualifications` does not look.
        if field.option_inner.is_some() {
            // An `Option` source (which `#[api_error(decode)]` rebuilds as `None`).
            let call = quote_spanned!(span=> __s.as_dyn_error());
            source_arms.push(quote! {
                #pattern => __ec::Option::map(__ec::Option::as_ref(#binding), |__s| #call),
            });
        } else {
            let call = quote_spanned!(span=> #binding.as_dyn_error());
            source_arms.push(quote! {
                #pattern => __ec::Some(#call),
            });
        }
        if field.is_from() {
            let ty = field.ty;
            let path = path(item, variant);
            let member = &field.member;
            from_impls.push(quote! {
                #[automatically_derived]
                impl #impl_generics __ec::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(__source: #ty) -> Self {
                        #path { #member: __source }
                    }
                }
            });
        }
    }
    let source = (!source_arms.is_empty()).then(|| {
        let default = (source_arms.len() < model.variants.len()).then(|| quote!(_ => __ec::None,));
        quote! {
            fn source(&self) -> __ec::Option<&(dyn __ec::StdError + 'static)> {
                use __ec::AsDynError as _;
                match self {
                    #(#source_arms)*
                    #default
                }
            }
        }
    });
    let error_where = Bounds::where_clause(item, &[&bounds.message, &bounds.sources], false);
    let error_where = if item.generics.params.is_empty() {
        error_where
    } else {
        let mut clause = error_where;
        if clause.is_empty() {
            clause = quote!(where);
        }
        quote!(#clause Self: __ec::core::fmt::Debug,)
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics __ec::core::fmt::Display for #ident #ty_generics #display_where {
            fn fmt(&self, __f: &mut __ec::core::fmt::Formatter<'_>) -> __ec::core::fmt::Result {
                #display_body
            }
        }

        #[automatically_derived]
        impl #impl_generics __ec::StdError for #ident #ty_generics #error_where {
            #source
        }

        #(#from_impls)*
    }
}
