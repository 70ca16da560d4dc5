//! The derive's view of the input: the type, its variants and fields, each with its
//! parsed attributes and the syn nodes to point errors at.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, Place, VariantAttrs};
use crate::ctxt::Errors;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    /// The type's doc comment.
    pub doc: String,
    pub shape: Shape,
    pub variants: Vec<Variant<'a>>,
    /// Some `#[error("..")]` belongs to thiserror: it owns `Display`, `Error`, `From`.
    pub thiserror: bool,
    /// The input is a union (an error was reported; nothing is generated).
    pub union: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Enum,
    Struct,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    pub doc: String,
    pub fields: Vec<Field<'a>>,
    /// Where "this variant" errors point: the variant (or struct) name.
    pub span: Span,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    pub span: Span,
}

impl Field<'_> {
    /// The name used in messages: `id` or `0`.
    pub fn name(&self) -> String {
        match &self.member {
            Member::Named(ident) => ident.unraw().to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }

    pub fn is_named(&self) -> bool {
        matches!(self.member, Member::Named(_))
    }

    /// A source error: `#[source]`, `#[from]`, or a field named `source` (as thiserror).
    pub fn is_source(&self) -> bool {
        self.attrs.source.is_some()
            || self.attrs.from.is_some()
            || matches!(&self.member, Member::Named(ident) if ident == "source")
    }

    /// Serialized into `details`: a named field that is neither a source nor skipped.
    pub fn is_detail(&self) -> bool {
        self.is_named() && !self.is_source() && !self.attrs.skip
    }

    /// The key in `details`.
    pub fn detail_name(&self) -> String {
        self.attrs
            .rename
            .as_ref()
            .map_or_else(|| self.name(), syn::LitStr::value)
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Self {
        let thiserror = uses_thiserror(node);
        let (shape, place) = match &node.data {
            Data::Enum(_) => (Shape::Enum, Place::Enum),
            Data::Struct(_) => (Shape::Struct, Place::Struct),
            Data::Union(union) => {
                errors.spanned(
                    union.union_token,
                    "ApiError cannot be derived for a union; use an enum or a struct",
                );
                (Shape::Struct, Place::Struct)
            }
        };
        let (attrs, item_attrs) = attr::container_and_item(&node.attrs, place, errors);
        let doc = doc_comment(&node.attrs);
        let variants = match &node.data {
            Data::Enum(data) => data
                .variants
                .iter()
                .map(|variant| Variant {
                    ident: &variant.ident,
                    attrs: attr::variant(&variant.attrs, errors),
                    doc: doc_comment(&variant.attrs),
                    fields: fields(&variant.fields, errors),
                    span: variant.ident.span(),
                })
                .collect(),
            Data::Struct(data) => vec![Variant {
                ident: &node.ident,
                attrs: item_attrs,
                doc: doc.clone(),
                fields: fields(&data.fields, errors),
                span: node.ident.span(),
            }],
            Data::Union(_) => Vec::new(),
        };
        Input {
            ident: &node.ident,
            generics: &node.generics,
            attrs,
            doc,
            shape,
            variants,
            thiserror,
            union: matches!(node.data, Data::Union(_)),
        }
    }
}

fn fields<'a>(fields: &'a Fields, errors: &mut Errors) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(index, field)| Field {
            member: field
                .ident
                .clone()
                .map_or_else(|| Member::Unnamed(syn::Index::from(index)), Member::Named),
            ty: &field.ty,
            attrs: attr::field(&field.attrs, errors),
            span: field
                .ident
                .as_ref()
                .map_or_else(|| field.ty.span(), Ident::span),
        })
        .collect()
}

/// True when an `#[error("..")]`-style attribute anywhere shows that thiserror derives
/// `Display` and `Error` for this type.
fn uses_thiserror(node: &DeriveInput) -> bool {
    let in_variants = match &node.data {
        Data::Enum(data) => data
            .variants
            .iter()
            .any(|v| v.attrs.iter().any(attr::is_thiserror_form)),
        _ => false,
    };
    in_variants || node.attrs.iter().any(attr::is_thiserror_form)
}

/// The doc comment: lines joined with `\n`, one leading space of each `///` line (and
/// the common indentation of a block comment's lines) removed, surrounding blank lines
/// trimmed.
pub fn doc_comment(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let Ok(name_value) = attr.meta.require_name_value() else {
            continue;
        };
        if let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = &name_value.value
        {
            // `split`, not `lines`: an empty `///` line is `#[doc = ""]`, a paragraph break.
            let text = text.value();
            let mut fragment = text.split('\n');
            let first = fragment.next().unwrap_or_default();
            lines.push(
                first
                    .strip_prefix(' ')
                    .unwrap_or(first)
                    .trim_end()
                    .to_owned(),
            );
            // The further lines of a `/** .. */` block lose their common indentation.
            let rest: Vec<&str> = fragment.collect();
            let indent = rest
                .iter()
                .filter(|line| !line.trim().is_empty())
                .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
                .min()
                .unwrap_or(0);
            for line in rest {
                lines.push(line.get(indent..).unwrap_or("").trim_end().to_owned());
            }
        }
    }
    lines.join("\n").trim().to_owned()
}

/// The first sentence of the first paragraph of a doc comment, on one line.
pub fn first_sentence(doc: &str) -> String {
    let paragraph = doc.split("\n\n").next().unwrap_or("");
    let flat = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    let bytes = flat.as_bytes();
    for (i, c) in flat.char_indices() {
        if matches!(c, '.' | '!' | '?') && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            return flat[..=i].to_owned();
        }
    }
    flat
}

#[cfg(test)]
mod tests {
    use super::{doc_comment, first_sentence};

    #[test]
    fn doc_comment_keeps_paragraph_breaks() {
        let item: syn::DeriveInput = syn::parse_quote! {
            ///  First line.
            ///
            /// Second paragraph.
            /** Block
            line. */
            struct S;
        };
        assert_eq!(
            doc_comment(&item.attrs),
            "First line.\n\nSecond paragraph.\nBlock\nline."
        );
        assert_eq!(first_sentence(&doc_comment(&item.attrs)), "First line.");
        let no_stop: syn::DeriveInput = syn::parse_quote! {
            /// Not found
            ///
            /// Details.
            struct T;
        };
        assert_eq!(first_sentence(&doc_comment(&no_stop.attrs)), "Not found");
    }

    #[test]
    fn first_sentence_of_doc() {
        assert_eq!(
            first_sentence("The license has passed. Renew it."),
            "The license has passed."
        );
        assert_eq!(
            first_sentence("Wrapped\nline without stop\n\nSecond paragraph."),
            "Wrapped line without stop"
        );
        assert_eq!(
            first_sentence("Version 1.2 is gone."),
            "Version 1.2 is gone."
        );
        assert_eq!(first_sentence(""), "");
    }
}
