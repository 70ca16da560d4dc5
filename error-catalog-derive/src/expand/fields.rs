//! The hidden fields function, and the `ApiError` methods that read it: one match that
//! hands each variant's details and the fields its message shows to the runtime, one
//! call of a plain function (`field_detail` and the others) per field.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::expand::bounds::Bounds;
use crate::expand::message;
use crate::expand::pattern::{binding, binding_at, patterns};
use crate::model::types;
use crate::model::{Model, Variant};

/// The hidden `__error_catalog_fields` method: one match that hands each variant's
/// detail fields, and the fields its rendered message shows, to the runtime's
/// `FieldSink`. `visit_details` and the rendered messages both read it. `None` when no
/// variant has such a field.
pub fn fields_fn(model: &Model, bounds: &Bounds) -> Option<TokenStream> {
    // Each arm's variant, bound fields and calls; the patterns are built at once.
    let mut arms = Vec::new();
    for variant in &model.variants {
        let shown_names = message::shown_fields(model, variant);
        let span = variant.message.span;
        let mut indexes = Vec::new();
        let mut refs = Vec::new();
        for (index, field) in variant.fields.iter().enumerate() {
            let shown = shown_names.contains(&field.name.as_str());
            let detail = field.detail();
            if !(shown || detail.is_some()) {
                continue;
            }
            indexes.push(index);
            let ty_span = types::span(field.ty);
            let binding = binding_at(index, ty_span);
            let optional = field.option_inner.is_some();
            if let Some(detail) = detail {
                let key = &detail.key;
                if shown && !optional && !detail.flatten {
                    refs.push(quote_spanned! {ty_span=>
                        __ec::field_both(__v, #key, #binding);
                    });
                    continue;
                }
                if detail.flatten {
                    refs.push(quote_spanned! {ty_span=>
                        __ec::field_flatten(__v, #key, &|__d: &mut dyn __ec::DetailVisitor| {
                            // One of the two is used, by the field's type.
                            #[allow(unused_imports)]
                            use __ec::{ViaFlattenDetails as _, ViaSerialize as _};
                            (&__ec::Flatten(#binding)).error_catalog_flatten(#key, __d);
                        });
                    });
                } else if optional {
                    refs.push(quote_spanned! {ty_span=>
                        __ec::field_optional(__v, #key, #binding);
                    });
                } else {
                    refs.push(quote_spanned! {ty_span=>
                        __ec::field_detail(__v, #key, #binding);
                    });
                }
            }
            if shown {
                let plain = self::binding(index);
                refs.push(quote_spanned! {span=>
                    __ec::field_shown(__v, #plain);
                });
            }
        }
        if refs.is_empty() {
            continue;
        }
        arms.push(((variant, indexes), refs));
    }
    if arms.is_empty() {
        return None;
    }
    let (bound, refs): (Vec<_>, Vec<_>) = arms.into_iter().unzip();
    let patterns = patterns(&model.item, &bound);
    let arms = patterns
        .iter()
        .zip(&refs)
        .map(|(pattern, refs)| quote!(#pattern => { #(#refs)* }));
    let default = (refs.len() < model.variants.len()).then(|| quote!(_ => {}));
    let where_clause = (!bounds.details.is_empty()).then(|| {
        let details = &bounds.details;
        quote!(where #(#details,)*)
    });
    Some(quote! {
        fn __error_catalog_fields<'__a>(&'__a self, __v: &mut __ec::FieldSink<'__a, '_>) #where_clause {
            match self {
                #(#arms)*
                #default
            }
        }
    })
}

/// The hidden `ApiError::__fields`, through the fields function, when some variant's
/// message is parsed: the JSON writer then fills it in without `fmt_message`.
pub fn list_fields(model: &Model, has_fields_fn: bool) -> Option<TokenStream> {
    let any_parsed = model.locales.is_some()
        || model
            .variants
            .iter()
            .any(|variant| message::parsed(model, variant));
    any_parsed.then(|| {
        let (visit, call) = if has_fields_fn {
            (quote!(__v), quote!(self.__error_catalog_fields(&mut __ec::FieldSink(__v));))
        } else {
            (quote!(_), TokenStream::new())
        };
        quote! {
            #[inline]
            fn __fields<'__a>(&'__a self, #visit: &mut dyn __ec::core::ops::FnMut(__ec::FieldRef<'__a, '_>)) -> bool {
                #call
                true
            }
        }
    })
}

/// `visit_details`, through the fields function, when some variant has details.
pub fn visit_details(model: &Model) -> Option<TokenStream> {
    let any = model.variants.iter().any(Variant::has_details);
    any.then(|| {
        quote! {
            fn visit_details(&self, __v: &mut dyn __ec::DetailVisitor) {
                self.__error_catalog_fields(&mut __ec::FieldSink(&mut |__field| __field.visit_detail(__v)));
            }
        }
    })
}
