//! Match patterns over a variant's fields, and the names their bindings get.

use std::fmt::Write as _;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::Member;

use crate::expand::spec_table;
use crate::model::{Item, Shape, Variant};

/// The binding name of the field at `index` in a generated pattern.
pub fn binding(index: usize) -> Ident {
    format_ident!("__field{}", index)
}

/// The same binding, spanned at the field's type: a trait bound the field's value
/// fails is then reported on the type, not on the derive.
pub fn binding_at(index: usize, ty_span: Span) -> Ident {
    format_ident!("__field{}", index, span = ty_span)
}

/// `Type::Variant`, or `Self` for a struct.
///
/// The type's name, not `Self`: `Self::Variant` is a type-relative path, which the
/// compiler resolves by walking the enum's variants (for each of the thousands of
/// patterns a large enum's matches have), where `Type::Variant` is found by name.
pub fn path(item: &Item, variant: &Variant) -> TokenStream {
    match item.shape {
        Shape::Enum => {
            let ty = item.ident;
            let ident = variant.ident;
            quote!(#ty::#ident)
        }
        Shape::Struct => quote!(Self),
    }
}

/// `Type::Variant { a: __field0, .. }` (or `Self { .. }` for a struct), binding the
/// fields at `indexes`.
pub fn pattern(item: &Item, variant: &Variant, indexes: &[usize]) -> TokenStream {
    let path = path(item, variant);
    let bound = indexes.iter().map(|&index| {
        let member = &variant.fields[index].member;
        let name = binding(index);
        quote!(#member: #name)
    });
    quote!(#path { #(#bound,)* .. })
}

/// The [`pattern`] of each variant, binding the fields at its indexes: written as text
/// that the compiler parses in one call (see `spec_table::parse`), as none of their
/// tokens needs a span of the input; built one by one should the text not read as the
/// patterns it holds.
pub fn patterns(item: &Item, arms: &[(&Variant, Vec<usize>)]) -> Vec<TokenStream> {
    let mut text = String::new();
    for (variant, indexes) in arms {
        match item.shape {
            Shape::Enum => {
                let _ = write!(text, "{}::{}{{", item.ident, variant.ident);
            }
            Shape::Struct => text.push_str("Self{"),
        }
        for &index in indexes {
            let _ = match &variant.fields[index].member {
                Member::Named(ident) => write!(text, "{ident}:__field{index},"),
                Member::Unnamed(member) => write!(text, "{}:__field{index},", member.index),
            };
        }
        text.push_str("..}");
    }
    // `Type`, `:`, `:`, `Variant` and the braces; `Self` and the braces.
    let per_pattern = match item.shape {
        Shape::Enum => 5,
        Shape::Struct => 2,
    };
    let parsed = spec_table::parse(&text).and_then(|tokens| {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        (trees.len() == per_pattern * arms.len()).then_some(trees)
    });
    match parsed {
        Some(trees) => trees
            .chunks(per_pattern)
            .map(|chunk| chunk.iter().cloned().collect())
            .collect(),
        None => arms
            .iter()
            .map(|(variant, indexes)| pattern(item, variant, indexes))
            .collect(),
    }
}

/// The position of the field named `name` (a placeholder's field, which the check
/// found).
pub fn field_index(variant: &Variant, name: &str) -> usize {
    variant
        .fields
        .iter()
        .position(|field| field.name == name)
        .unwrap_or_default()
}
