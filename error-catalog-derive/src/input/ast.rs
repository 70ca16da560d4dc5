//! The derive's view of the input: the type, its variants and fields, each with its
//! parsed attributes and the syn nodes to point errors at.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::ctxt::Errors;
use crate::input::attr::{self, ContainerAttrs, FieldAttrs, Place, VariantAttrs};
use crate::input::deprecation::{self, Deprecation};
use crate::input::doc::doc_comment;

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
    /// Rust's `#[deprecated]` on the variant (or struct), with its `replaced_by`.
    pub deprecation: Option<Deprecation>,
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
        self.attrs.source.is_set()
            || self.attrs.from.is_set()
            || matches!(&self.member, Member::Named(ident) if ident == "source")
    }

    /// Serialized into `details`: a named field that is not a source, skipped or
    /// message-only.
    pub fn is_detail(&self) -> bool {
        self.is_named()
            && !self.is_source()
            && !self.attrs.skip.is_set()
            && !self.attrs.message_only.is_set()
    }

    /// The key in `details`.
    pub fn detail_name(&self) -> String {
        self.attrs
            .rename
            .get()
            .map_or_else(|| self.name(), syn::LitStr::value)
    }
}

impl<'a> Input<'a> {
    pub fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Self {
        // Whether thiserror owns `#[error("..")]` here. The type's own attributes are
        // looked at first; the variants' only when reading them reported a mistake, as
        // reading thiserror's form as ours does (looking at every attribute costs the
        // macro a copy of its tokens each).
        let mut thiserror = node.attrs.iter().any(attr::is_thiserror_form);
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
        let (attrs, item_attrs) = attr::container_and_item(&node.attrs, place, thiserror, errors);
        let doc = doc_comment(&node.attrs);
        let variants = match &node.data {
            Data::Enum(data) => {
                let reported = errors.len();
                let mut variants = enum_variants(data, thiserror, errors);
                if !thiserror && errors.len() > reported && uses_thiserror(node) {
                    thiserror = true;
                    errors.truncate(reported);
                    variants = enum_variants(data, thiserror, errors);
                }
                variants
            }
            Data::Struct(data) => vec![Variant {
                ident: &node.ident,
                deprecation: deprecation::read(&node.attrs, item_attrs.replaced_by.get(), errors),
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

/// The variants of an enum, their attributes read (`thiserror` as in
/// `attr::container_and_item`).
fn enum_variants<'a>(
    data: &'a syn::DataEnum,
    thiserror: bool,
    errors: &mut Errors,
) -> Vec<Variant<'a>> {
    data.variants
        .iter()
        .map(|variant| {
            let attrs = attr::variant(&variant.attrs, thiserror, errors);
            let deprecation = deprecation::read(&variant.attrs, attrs.replaced_by.get(), errors);
            Variant {
                ident: &variant.ident,
                attrs,
                doc: doc_comment(&variant.attrs),
                fields: fields(&variant.fields, errors),
                deprecation,
                span: variant.ident.span(),
            }
        })
        .collect()
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
