//! Where clauses for generic types: each field whose type mentions a type parameter
//! gets the bound its use needs, on the impls that use it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::message::format_trait;
use crate::expand::pattern::field_index;
use crate::model::{Item, Model};

/// The extra predicates, by the use that needs them.
pub struct Bounds {
    /// `T: Serialize` for details.
    pub details: Vec<TokenStream>,
    /// `T: Display` (or the trait of the placeholder's spec) for the message.
    pub message: Vec<TokenStream>,
    /// `T: AsDynError` for sources.
    pub sources: Vec<TokenStream>,
    /// `T: Display` for headers.
    pub headers: Vec<TokenStream>,
}

impl Bounds {
    pub fn new(model: &Model) -> Self {
        let mut bounds = Bounds {
            details: Vec::new(),
            message: Vec::new(),
            sources: Vec::new(),
            headers: Vec::new(),
        };
        if !model.item.has_type_params() {
            return bounds;
        }
        for variant in &model.variants {
            for field in variant.fields.iter().filter(|field| field.generic) {
                let ty = field.ty;
                let inner = field.value_type();
                if field.is_detail() {
                    bounds.details.push(quote!(#inner: __ec::Serialize));
                }
                if field.is_source() {
                    bounds.sources.push(quote!(#ty: __ec::AsDynError<'static>));
                }
                if field.header.is_some() {
                    bounds
                        .headers
                        .push(quote!(#inner: __ec::core::fmt::Display));
                }
            }
            for placeholder in variant.message.template.placeholders() {
                let field = &variant.fields[field_index(variant, &placeholder.name)];
                if !field.generic {
                    continue;
                }
                let ty = field.ty;
                let fmt_trait = format_trait(&placeholder.spec);
                bounds
                    .message
                    .push(quote!(#ty: __ec::core::fmt::#fmt_trait));
            }
        }
        bounds
    }

    /// The type's own where clause plus the given predicate groups (and `Self: Error`
    /// for the `ApiError` impl of a generic type).
    pub fn where_clause(item: &Item, groups: &[&Vec<TokenStream>], api: bool) -> TokenStream {
        let own = item
            .generics
            .where_clause
            .as_ref()
            .map(|clause| {
                clause
                    .predicates
                    .iter()
                    .map(|p| quote!(#p,))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let extra: Vec<&TokenStream> = groups.iter().flat_map(|group| group.iter()).collect();
        let generic = !item.generics.params.is_empty();
        let self_error = (api && generic).then(|| quote!(Self: __ec::StdError,));
        if own.is_empty() && extra.is_empty() && self_error.is_none() {
            return TokenStream::new();
        }
        quote!(where #(#own)* #(#extra,)* #self_error)
    }
}
