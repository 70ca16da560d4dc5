//! The `__LOCALES` static of a type with translations: per locale, its tag, its Fluent
//! files (through `include_str!`, which also makes cargo rebuild when one changes) and
//! one translation per variant, in the catalog's order.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::message::shown_fields;
use crate::locales::ftl::Piece;
use crate::locales::{Locale, Translation};
use crate::model::{Model, Variant};

/// `static __LOCALES: __ec::Locales = ..;`, or nothing without translations.
pub fn locales_static(model: &Model) -> TokenStream {
    let Some(locales) = &model.locales else {
        return TokenStream::new();
    };
    let default_locale = &locales.default_locale;
    let each = locales
        .locales
        .iter()
        .map(|locale| locale_tokens(model, locale));
    quote! {
        static __LOCALES: __ec::Locales = __ec::Locales {
            default_locale: #default_locale,
            specs: &__SPECS,
            locales: &[#(#each),*],
        };
    }
}

fn locale_tokens(model: &Model, locale: &Locale) -> TokenStream {
    let Locale {
        tag,
        partial,
        files,
        entries,
        others,
    } = locale;
    let sources = files.iter().map(|path| {
        let path = path.to_string_lossy();
        quote!(__ec::core::include_str!(#path))
    });
    let translations = model
        .variants
        .iter()
        .zip(entries)
        .map(|(variant, entry)| match entry {
            Some(translation) => {
                let tokens = translation_tokens(model, variant, translation);
                quote!(__ec::Some(#tokens))
            }
            None => quote!(__ec::None),
        });
    let others = others.iter().map(|other| {
        let (id, at) = (&other.id, &other.at);
        quote!(__ec::OtherMessage { id: #id, at: #at })
    });
    quote! {
        __ec::Locale {
            tag: #tag,
            partial: #partial,
            sources: &[#(#sources),*],
            translations: &[#(#translations),*],
            others: &[#(#others),*],
        }
    }
}

fn translation_tokens(model: &Model, variant: &Variant, translation: &Translation) -> TokenStream {
    let Translation {
        id,
        source,
        plain,
        title,
        resolution,
    } = translation;
    let parsed = plain
        .as_ref()
        .and_then(|pieces| parsed_text(model, variant, pieces));
    let is_plain = parsed.is_some();
    let parsed = parsed.unwrap_or_default();
    // A pattern with selectors reaches Fluent with the shown fields as its variables.
    let args: Vec<&str> = if is_plain {
        Vec::new()
    } else {
        shown_fields(model, variant)
    };
    // Lets the JSON writer copy the literal text without escaping it.
    let json_plain = plain.as_ref().is_some_and(|pieces| {
        pieces.iter().all(|piece| match piece {
            Piece::Text(text) => crate::expand::spec_table::json_plain(text),
            Piece::Field(_) => true,
        })
    });
    let title = option_str(title.as_deref());
    let resolution = option_str(resolution.as_deref());
    quote! {
        __ec::Translation {
            id: #id,
            source: #source,
            plain: #is_plain,
            parsed: #parsed,
            title: #title,
            resolution: #resolution,
            args: &[#(#args),*],
            json_plain: #json_plain,
        }
    }
}

/// The runtime's parsed form of a plain pattern (as `ErrorSpec`'s hidden `parsed`): its
/// text, each placeholder written as NUL and the character whose code point is the
/// field's position among the fields the fields function shows.
fn parsed_text(model: &Model, variant: &Variant, pieces: &[Piece]) -> Option<String> {
    let shown = shown_fields(model, variant);
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(lit) => text.push_str(lit),
            Piece::Field(name) => {
                let position = shown.iter().position(|shown| shown == name)?;
                text.push('\0');
                text.push(char::from_u32(u32::try_from(position).ok()?)?);
            }
        }
    }
    Some(text)
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(__ec::Some(#text)),
        None => quote!(__ec::None),
    }
}
