//! `#[api_error(decode)]`: the `FromErrorBody` impl through which a client rebuilds the
//! value a server sent, its check (which fields cannot travel back) and its fallback.
//! The rules are the runtime's, documented on `FromErrorBody`; this file only picks,
//! per field, the runtime function that applies them. A variant's details are found by
//! one pass over them (`decode_fields`, given the variant's keys), and each field is
//! read from its slot there, by position.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ctxt::Errors;
use crate::expand::pattern::path;
use crate::expand::runtime::krate;
use crate::input::ast::Input;
use crate::model::types;
use crate::model::{Field, Item, Model, Role};

/// Whether the type asked for `decode`.
pub fn requested(input: &Input) -> bool {
    input.attrs.decode.is_set()
}

/// Every field that a client cannot rebuild: one that never travels and cannot be
/// `None`. Reported on the field's name (its type, for a tuple field).
pub fn check(model: &Model, errors: &mut Errors) {
    for variant in &model.variants {
        for field in &variant.fields {
            if field.option_inner.is_some() {
                continue;
            }
            let why = match field.role {
                Role::Detail(_) => continue,
                Role::Positional => "a tuple field has no name, so it is never sent as a detail",
                Role::Source { .. } => "a source error stays on the server and is never sent",
                Role::Skip => "an `#[error(skip)]` field is sent nowhere",
                Role::MessageOnly => {
                    "a `message_only` field travels only inside the message text, which is not read back"
                }
            };
            let message = format!(
                "`decode` cannot rebuild field `{}`: {why}; make it an `Option` (decoded as \
                 `None`) or leave `decode` out",
                field.name
            );
            match &field.member {
                syn::Member::Named(ident) => errors.spanned(ident, message),
                syn::Member::Unnamed(_) => errors.spanned(field.ty, message),
            }
        }
    }
}

/// The `FromErrorBody` impl.
pub fn expand(model: &Model) -> TokenStream {
    let item = &model.item;
    let krate = krate(item);
    let ident = item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|clause| clause.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    let arms = model.variants.iter().enumerate().map(|(index, variant)| {
        let others: Vec<&str> = variant
            .fields
            .iter()
            .filter_map(|field| field.detail().filter(|detail| !detail.flatten))
            .map(|detail| detail.key.as_str())
            .collect();
        // Read in one pass (`row`): up to 12 fields of distinct keys, a tuple of
        // `Option`s of their types in the order of `others`.
        let distinct = others
            .iter()
            .enumerate()
            .all(|(at, key)| !others[..at].contains(key));
        let row = (distinct && others.len() <= MAX_ROW).then(|| {
            variant
                .fields
                .iter()
                .filter(|field| field.detail().is_some_and(|detail| !detail.flatten))
                .map(|field| {
                    let ty = field.option_inner.unwrap_or(field.ty);
                    quote_spanned!(ty.span()=> __ec::Option<#ty>)
                })
                .collect::<Vec<_>>()
        });
        let has_row = row.is_some();
        let inits = variant.fields.iter().map(|field| {
            let member = &field.member;
            let value = value(field, &others, has_row);
            quote!(#member: #value)
        });
        let path = path(item, variant);
        let fields = (!others.is_empty()).then(|| {
            let row = row.map(|types| quote!(let mut __row = __fields.row::<(#(#types,)*)>();));
            quote!(let __fields = __ec::decode_fields(__body, &[#(#others),*]); #row)
        });
        quote!(#index => { #fields #path { #(#inits,)* } },)
    });
    for variant in &model.variants {
        for field in variant.fields.iter().filter(|f| f.generic && f.is_detail()) {
            let ty = field.value_type();
            predicates.push(quote!(#ty: __ec::DeserializeOwned));
        }
    }
    let where_clause = (!predicates.is_empty()).then(|| quote!(where #(#predicates,)*));
    quote! {
        const _: () = {
            use #krate::__private as __ec;

            #[automatically_derived]
            impl #impl_generics __ec::FromErrorBody for #ident #ty_generics #where_clause {
                // An enum without variants has only the last arm.
                #[allow(unreachable_code)]
                fn from_error_body(__body: &__ec::ErrorBody) -> __ec::Result<Self, __ec::DecodeError> {
                    __ec::Ok(match __ec::decode_variant(__body, Self::CATALOG)? {
                        #(#arms)*
                        _ => return __ec::Err(__ec::decode_unknown_code(__body)),
                    })
                }
            }
        };
    }
}

/// The most detail fields a variant's one-pass read (`DecodeRow`) takes: the tuples it
/// is implemented for.
const MAX_ROW: usize = 12;

/// The expression that rebuilds one field, spanned at its type so that a type without
/// `Deserialize` is reported there; with `row`, from the value of the one-pass read when
/// it read.
fn value(field: &Field, others: &[&str], row: bool) -> TokenStream {
    let span = types::span(field.ty);
    let Some(detail) = field.detail() else {
        return quote!(__ec::None);
    };
    let key = &detail.key;
    let ty = field.ty;
    if detail.flatten {
        return quote_spanned!(span=> __ec::decode_flattened::<#ty>(__body, #key, &[#(#others),*])?);
    }
    // Its slot: the first of its key (two fields of one key read the same detail).
    let slot = others
        .iter()
        .position(|other| *other == key.as_str())
        .unwrap_or_default();
    let read = if row {
        let at = syn::Index::from(slot);
        quote!(__row.as_mut().map(|__row| __row.#at.take()))
    } else {
        quote!(__ec::None)
    };
    match (field.option_inner, field.retry_after) {
        (Some(inner), false) => {
            quote_spanned!(span=> __fields.optional::<#inner>(#slot, #read)?)
        }
        (Some(inner), true) => {
            quote_spanned!(span=> __fields.optional_retry::<#inner>(#slot, #read)?)
        }
        (None, false) => quote_spanned!(span=> __fields.required::<#ty>(#slot, #read)?),
        (None, true) => quote_spanned!(span=> __fields.retry::<#ty>(#slot, #read)?),
    }
}

/// The stub impl of a derive with mistakes, so calls to `to_error` still type-check.
pub fn fallback(item: &Item) -> TokenStream {
    if item.union {
        return TokenStream::new();
    }
    let krate = krate(item);
    let ident = item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    quote! {
        const _: () = {
            use #krate::__private as __ec;

            #[automatically_derived]
            impl #impl_generics __ec::FromErrorBody for #ident #ty_generics #where_clause {
                fn from_error_body(_: &__ec::ErrorBody) -> __ec::Result<Self, __ec::DecodeError> {
                    __ec::invalid_derive()
                }
            }
        };
    }
}
