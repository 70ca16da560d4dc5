//! The catalog rows: the type's `Category` and one `ErrorSpec` (with its `FieldSpec`s) per
//! variant, as the tokens of the static table the expansion declares.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use crate::expand::message;
use crate::model::{Category, Detail, Example, Field, Model, Variant};

/// The `Category` value shared by every spec of the type.
pub fn category(category: &Category) -> TokenStream {
    let Category {
        name,
        doc,
        format,
        docs,
        domain,
    } = category;
    let format = format_ident!("{}", format.variant());
    let docs = option_str(docs.as_deref());
    let domain = option_str(domain.as_deref());
    quote! {
        __ec::Category {
            name: #name,
            doc: #doc,
            format: __ec::Format::#format,
            docs: #docs,
            domain: #domain,
        }
    }
}

/// One `ErrorSpec` row.
pub fn spec(model: &Model, variant: &Variant) -> TokenStream {
    let Variant {
        code,
        status,
        retryable,
        title,
        description,
        name,
        ..
    } = variant;
    let message = &variant.message.text;
    let resolution = option_str(variant.resolution.as_deref());
    let causes = &variant.causes;
    let causes = if causes.is_empty() {
        quote!(__ec::NO_CAUSES)
    } else {
        quote!(&[#(#causes),*])
    };
    let retry_after = option_u64(variant.retry_after);
    let fields: Vec<TokenStream> = variant
        .fields
        .iter()
        .filter_map(|field| Some(field_spec(field, field.detail()?)))
        .collect();
    let fields = if fields.is_empty() {
        quote!(__ec::NO_FIELDS)
    } else {
        quote!(&[#(#fields),*])
    };
    // Lets the runtime write these texts into JSON without formatting or escaping them.
    let literal_message = message::literal(variant);
    let plain_text = [
        Some(code.as_str()),
        Some(title.as_str()),
        Some(message.as_str()),
        variant.docs_url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .all(json_plain);
    let docs_url = option_str(variant.docs_url.as_deref());
    let reason = crate::check::grpc_reason(code);
    let parsed = message::parsed_text(model, variant);
    let headers: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|field| field.header.as_ref())
        .collect();
    let headers = if headers.is_empty() {
        quote!(__ec::NO_HEADERS)
    } else {
        quote!(&[#(#headers),*])
    };
    quote! {
        __ec::ErrorSpec {
            code: #code,
            reason: #reason,
            status: __ec::status(#status),
            retryable: #retryable,
            title: #title,
            message: #message,
            description: #description,
            resolution: #resolution,
            causes: #causes,
            retry_after: #retry_after,
            fields: #fields,
            variant: #name,
            docs_url: #docs_url,
            category: &__CATEGORY,
            json: __ec::JsonHints {
                literal_message: #literal_message,
                plain_text: #plain_text,
            },
            parsed: #parsed,
            headers: #headers,
        }
    }
}

/// A detail's `FieldSpec`.
fn field_spec(field: &Field, detail: &Detail) -> TokenStream {
    let Detail {
        key,
        rust_type,
        json_type,
        example,
        flatten,
        ..
    } = detail;
    let json_type = format_ident!("{}", json_type);
    let optional = field.option_inner.is_some();
    let retry_after = field.retry_after;
    let example = match example {
        Some(example) => {
            let value = example_tokens(example);
            quote!(__ec::Some(#value))
        }
        None => quote!(__ec::None),
    };
    // Whether the type is `FieldErrors`, told by the type itself (a static cannot name
    // a type parameter, so a generic field is not one).
    let field_errors = if *flatten && !field.generic {
        let ty = field.ty;
        quote!({
            // Unused when the type is `FieldErrors` (its own constant answers).
            #[allow(unused_imports)]
            use __ec::NotFieldErrors as _;
            __ec::IsFieldErrors::<#ty>::VALUE
        })
    } else {
        quote!(false)
    };
    quote! {
        __ec::FieldSpec {
            name: #key,
            rust_type: #rust_type,
            json_type: __ec::JsonType::#json_type,
            optional: #optional,
            retry_after: #retry_after,
            example: #example,
            flatten: #flatten,
            field_errors: #field_errors,
        }
    }
}

/// For each flattened field with an `example`, a `const` that fails to evaluate unless
/// the field's type is `FieldErrors`, the one flattened type whose entries an example
/// can list; rustc's error lands on the `example` key.
pub fn flatten_example_checks(model: &Model) -> TokenStream {
    let checks = model
        .variants
        .iter()
        .flat_map(|variant| &variant.fields)
        .filter_map(|field| {
            let detail = field.detail()?;
            let span = detail.example_span.filter(|_| detail.flatten && !field.generic)?;
            let ty = field.ty;
            Some(quote_spanned! {span=>
                const _: () = {
                    // Unused when the type is `FieldErrors` (its own constant answers).
            #[allow(unused_imports)]
            use __ec::NotFieldErrors as _;
                    if !__ec::IsFieldErrors::<#ty>::VALUE {
                        __ec::core::panic!(
                            "`example` on a flattened field lists sample `FieldErrors`, and this field is of another type: leave `example` out",
                        );
                    }
                };
            })
        });
    quote!(#(#checks)*)
}

fn example_tokens(example: &Example) -> TokenStream {
    match example {
        Example::Str(text) => quote!(__ec::ExampleValue::String(#text)),
        Example::Int(digits) => {
            let value: TokenStream = digits.parse().unwrap_or_default();
            quote!(__ec::ExampleValue::Integer(#value))
        }
        Example::Float(digits) => {
            let value: TokenStream = digits.parse().unwrap_or_default();
            quote!(__ec::ExampleValue::Number(#value))
        }
        Example::Bool(value) => quote!(__ec::ExampleValue::Bool(#value)),
        Example::List(items) => {
            let items = items.iter().map(example_tokens);
            quote!(__ec::ExampleValue::Array(&[#(#items),*]))
        }
    }
}

/// `Some(secs)` or `None`, for a static `Retry-After`.
pub fn option_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(secs) => quote!(__ec::Some(#secs)),
        None => quote!(__ec::None),
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(__ec::Some(#text)),
        None => quote!(__ec::None),
    }
}

/// Whether JSON writes `text` as it is: it has no `"`, `\` or control character below
/// U+0020 (the only characters JSON strings must escape, and the only ones `serde_json`
/// does).
fn json_plain(text: &str) -> bool {
    text.bytes()
        .all(|byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
}

#[cfg(test)]
mod tests {
    use super::json_plain;

    #[test]
    fn json_plain_texts() {
        assert!(json_plain("Project not found: é 😀 / <tag> \u{7f}"));
        for text in ["say \"hi\"", "a\\b", "line\nbreak", "tab\t", "\u{1f}"] {
            assert!(!json_plain(text), "{text:?}");
        }
    }
}
