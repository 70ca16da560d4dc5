//! The checked input as the model: every default applied (title, retryable, category
//! text, docs URL) and each field given its role. `check` calls it once the rules of a
//! variant hold.

use proc_macro2::Span;
use syn::LitStr;
use syn::ext::IdentExt;

use crate::input::ast::{self, Input};
use crate::input::attr::string_value;
use crate::input::doc;
use crate::input::format::Format;
use crate::model::template::Template;
use crate::model::title::default_title;
use crate::model::{Category, Detail, Field, Item, Message, Role, Variant, types};

/// The type-level part of the model, which the fallback reads too.
pub fn item<'a>(input: &'a Input<'a>) -> Item<'a> {
    let mut from_types: Vec<&syn::Type> = Vec::new();
    for field in input.variants.iter().flat_map(|variant| &variant.fields) {
        if field.attrs.from.is_set()
            && !from_types
                .iter()
                .any(|ty| types::display(ty) == types::display(field.ty))
        {
            from_types.push(field.ty);
        }
    }
    Item {
        ident: input.ident,
        generics: input.generics,
        shape: input.shape,
        krate: input.attrs.krate.get().cloned(),
        thiserror: input.thiserror,
        impls: input.attrs.impls.get().copied().unwrap_or(true),
        union: input.union,
        from_types,
    }
}

/// The `Category` shared by every row: the type's name, the first paragraph of its doc
/// comment, and its type-level keys.
pub fn category(input: &Input) -> Category {
    Category {
        name: input.ident.unraw().to_string(),
        doc: doc::category_text(&input.doc),
        format: input.attrs.format.get().copied().unwrap_or(Format::DEFAULT),
        docs: input.attrs.docs.get().map(LitStr::value),
        domain: input.attrs.domain.get().map(LitStr::value),
        locales: false,
    }
}

/// A checked variant with every default applied.
pub fn variant<'a>(
    input: &'a Input<'a>,
    variant: &'a ast::Variant<'a>,
    code: String,
    code_span: Span,
    status: u16,
    message: Message,
) -> Variant<'a> {
    let name = variant.ident.unraw().to_string();
    let attrs = &variant.attrs;
    let params: Vec<&syn::Ident> = input
        .generics
        .type_params()
        .map(|param| &param.ident)
        .collect();
    let fields = variant
        .fields
        .iter()
        .map(|input_field| field(input_field, &message.template, &params))
        .collect();
    Variant {
        ident: variant.ident,
        retryable: attrs
            .retryable
            .get()
            .copied()
            .unwrap_or_else(|| retryable_by_default(status)),
        title: attrs
            .title
            .get()
            .map_or_else(|| default_title(&code, &name), string_value),
        description: variant.doc.clone(),
        resolution: attrs.resolution.get().map(string_value),
        causes: attrs.causes.get().cloned().unwrap_or_default(),
        retry_after: attrs.retry_after.get().copied(),
        docs_url: input
            .attrs
            .docs
            .get()
            .map(|base| docs_url(&base.value(), &code)),
        name,
        reason: crate::check::grpc_reason(&code),
        code,
        code_span,
        status,
        message,
        fields,
        deprecation: variant.deprecation.clone(),
    }
}

/// A field with its role: a source, skipped, message-only, a tuple field, or a detail.
fn field<'a>(field: &'a ast::Field<'a>, template: &Template, params: &[&syn::Ident]) -> Field<'a> {
    let attrs = &field.attrs;
    let role = if field.is_source() {
        Role::Source {
            from: attrs.from.is_set(),
        }
    } else if !field.is_named() {
        Role::Positional
    } else if attrs.skip.is_set() {
        Role::Skip
    } else if attrs.message_only.is_set() {
        Role::MessageOnly
    } else {
        Role::Detail(Detail {
            key: field.detail_name(),
            rust_type: types::display(field.ty),
            json_type: types::json_type(field.ty),
            example: attrs.example.get().cloned(),
            example_span: attrs.example.span(),
            flatten: attrs.flatten.is_set(),
        })
    };
    let name = field.name();
    Field {
        member: field.member.clone(),
        shown: template.placeholders().any(|p| p.name == name),
        localized: false,
        name,
        ty: field.ty,
        option_inner: types::option_inner(field.ty),
        generic: types::mentions_any(field.ty, params),
        role,
        retry_after: attrs.retry_after.is_set(),
        header: attrs.header.get().cloned(),
    }
}

/// The default of `retryable`: statuses that mean "try again" (RFC 9110, RFC 6585, RFC 8470).
fn retryable_by_default(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 502 | 503 | 504)
}

/// `base/code`, or `base` with `{code}` replaced when it has that placeholder.
fn docs_url(base: &str, code: &str) -> String {
    if base.contains("{code}") {
        base.replace("{code}", code)
    } else {
        format!("{}/{code}", base.trim_end_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::docs_url;

    #[test]
    fn docs_urls() {
        assert_eq!(
            docs_url("https://d.io/errors/", "x"),
            "https://d.io/errors/x"
        );
        assert_eq!(docs_url("https://d.io/e#{code}", "x"), "https://d.io/e#x");
    }
}
