//! The public message: which messages the runtime fills in from the catalog's parsed
//! text and which ones their own `write!` writes, the parsed text of each row, and the
//! body of `Display` (or of `fmt_message` when thiserror owns `Display`).

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::LitStr;

use crate::expand::pattern::{binding, field_index, pattern};
use crate::model::template::Piece;
use crate::model::{Model, Variant};

/// Whether the variant's public message is always its `message` text as it is.
pub fn literal(variant: &Variant) -> bool {
    variant.message.template.literal().as_deref() == Some(variant.message.text.as_str())
}

/// Whether the runtime writes this variant's message from the catalog's parsed template
/// (`__ec::write_message`), fed by the fields function. Generic types keep `write!`,
/// so their `Display` does not need `Serialize` bounds; so do templates with a format
/// spec (`{id:?}`, `{n:>3}`), which only `format_args!` knows how to apply, variants
/// with more fields than a byte can number, and templates holding a NUL (the parsed
/// form's marker).
pub fn renders(model: &Model, variant: &Variant) -> bool {
    !model.item.has_type_params()
        && variant
            .message
            .template
            .placeholders()
            .all(|p| p.spec.is_empty())
        && u8::try_from(variant.fields.len()).is_ok()
        && !variant.message.template.has_nul()
}

/// Whether the runtime fills in the variant's message from its parsed text.
pub fn parsed(model: &Model, variant: &Variant) -> bool {
    !literal(variant) && renders(model, variant)
}

/// The names of the fields the runtime shows in the variant's message, in declaration
/// order (none when its message is not filled in by the runtime).
///
/// A field that a translation shows (`{ $name }` in a Fluent file) is listed too, so
/// the runtime can fill in the translated messages from the same list.
pub fn shown_fields<'v>(model: &Model, variant: &'v Variant) -> Vec<&'v str> {
    let renders = renders(model, variant);
    variant
        .fields
        .iter()
        .filter(|field| (renders && field.shown) || field.localized)
        .map(|field| field.name.as_str())
        .collect()
}

/// The `parsed` text of a message that the runtime fills in (see [`renders`]): the
/// template's literal text, each placeholder written as NUL and the character whose code
/// point is the field's position among the shown fields, which the fields function lists
/// in this order. `None` (the row keeps `NOT_PARSED`) for a literal message and for one
/// that its own `write!` writes. One string literal per row keeps the catalog table
/// cheap to compile.
pub fn parsed_string(model: &Model, variant: &Variant) -> Option<String> {
    if !parsed(model, variant) {
        return None;
    }
    let shown = shown_fields(model, variant);
    let mut text = String::new();
    for piece in &variant.message.template.pieces {
        match piece {
            Piece::Lit(lit) => text.push_str(lit),
            Piece::Arg(arg) => {
                // The check found a field for every placeholder, and `renders` keeps
                // positions within a byte.
                let position = shown.iter().position(|name| *name == arg.name);
                let Some(Ok(position)) = position.map(u8::try_from) else {
                    return None;
                };
                text.push('\0');
                text.push(char::from(position));
            }
        }
    }
    Some(text)
}

/// The body that writes the public message, or `None` when every variant's message is
/// its literal template (then the runtime's default reads it from the spec).
///
/// The variants the runtime renders share one default arm; only templates with a format
/// spec (and every template of a generic type) get a `write!` arm of their own.
pub fn body(model: &Model) -> Option<TokenStream> {
    let variants = &model.variants;
    if variants.iter().all(literal) {
        return None;
    }
    let mut arms = Vec::new();
    for variant in variants.iter().filter(|variant| !renders(model, variant)) {
        let span = variant.message.span;
        let template = &variant.message.template;
        if let Some(text) = template.literal() {
            let pattern = pattern(&model.item, variant, &[]);
            arms.push(quote!(#pattern => __f.write_str(#text),));
            continue;
        }
        let indexes: Vec<usize> = template
            .placeholders()
            .map(|p| field_index(variant, &p.name))
            .collect();
        let mut unique = indexes.clone();
        unique.sort_unstable();
        unique.dedup();
        let pattern = pattern(&model.item, variant, &unique);
        let format = LitStr::new(&template.positional_format(), span);
        let args = indexes.iter().map(|&index| binding(index));
        arms.push(quote_spanned! {span=>
            #pattern => __ec::core::write!(__f, #format, #(#args),*),
        });
    }
    let render = quote! {
        __ec::write_message(
            __f,
            &Self::CATALOG[self.__error_catalog_index()],
            &|__v| self.__error_catalog_fields(&mut __ec::FieldSink(__v)),
        )
    };
    if arms.is_empty() {
        return Some(render);
    }
    let default = (arms.len() < variants.len()).then(|| quote!(_ => #render,));
    Some(quote! {
        match self {
            #(#arms)*
            #default
        }
    })
}

/// The formatting trait a placeholder's spec asks for.
pub fn format_trait(spec: &str) -> Ident {
    let name = match spec.chars().last() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        _ => "Display",
    };
    Ident::new(name, Span::call_site())
}
