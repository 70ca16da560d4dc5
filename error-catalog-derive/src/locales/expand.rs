//! The `__LOCALES` static of a type with translations: per locale, its tag, its Fluent
//! files (through `include_str!`, which also makes cargo rebuild when one changes) and
//! one translation per variant, in the catalog's order.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::expand::message::shown_fields;
use crate::locales::ftl::Piece;
use crate::locales::{Locale, Translation};
use crate::model::{Model, Variant};

/// `static __LOCALES: __ec::Locales = ..;`, or nothing without translations.
///
/// Each locale's translations are one string literal and one byte string (the record of
/// each translation: its flags and the lengths of its texts), which the runtime reads at
/// its first lookup: a struct literal per translation cost rustc far more (type checking,
/// building, evaluating and validating each of its fields) than the two literals.
pub fn locales_static(model: &Model) -> TokenStream {
    let Some(locales) = &model.locales else {
        return TokenStream::new();
    };
    let default_locale = &locales.default_locale;
    let count = locales.locales.len();
    let each = locales
        .locales
        .iter()
        .enumerate()
        .map(|(position, locale)| locale_tokens(model, position, locale));
    let new = (0..count).map(|_| quote!(__ec::Translations::unread()));
    quote! {
        static __TRANSLATIONS: [__ec::Translations; #count] = [#(#new),*];
        static __LOCALES: __ec::Locales = __ec::Locales {
            default_locale: #default_locale,
            specs: &__SPECS,
            locales: &[#(#each),*],
        };
    }
}

fn locale_tokens(model: &Model, position: usize, locale: &Locale) -> TokenStream {
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
    let mut encoded = Encoded::default();
    for (variant, entry) in model.variants.iter().zip(entries) {
        encoded.push(model, variant, entry.as_ref());
    }
    let text = Literal::string(&encoded.text);
    let index = Literal::byte_string(&encoded.index);
    let others = others.iter().map(|other| {
        let (id, at) = (&other.id, &other.at);
        quote!(__ec::OtherMessage { id: #id, at: #at })
    });
    quote! {
        __ec::Locale {
            tag: #tag,
            partial: #partial,
            sources: &[#(#sources),*],
            text: #text,
            index: #index,
            translations: &__TRANSLATIONS[#position],
            of: &__LOCALES,
            others: &[#(#others),*],
        }
    }
}

/// The flags of a record (the runtime's `Encoded`).
const PRESENT: u8 = 1;
const PLAIN: u8 = 1 << 1;
const JSON_PLAIN: u8 = 1 << 2;
const TITLE: u8 = 1 << 3;
const RESOLUTION: u8 = 1 << 4;
const ID: u8 = 1 << 5;
const ARGS: u8 = 1 << 6;

/// One locale's translations as the runtime reads them: `text`, every text of every
/// translation one after the other, and `index`, per variant a byte of flags then the
/// length of each text the record has, as a little-endian `u32`: its source, then its
/// parsed text, title, resolution, message id and arguments where the flags say so.
#[derive(Default)]
struct Encoded {
    text: String,
    index: Vec<u8>,
}

impl Encoded {
    fn push(&mut self, model: &Model, variant: &Variant, translation: Option<&Translation>) {
        let Some(translation) = translation else {
            self.index.push(0);
            return;
        };
        let Translation {
            id,
            source,
            plain,
            title,
            resolution,
        } = translation;
        let shown = shown_fields(model, variant);
        let parsed = plain
            .as_ref()
            .and_then(|pieces| parsed_text(&shown, pieces));
        let mut flags = PRESENT;
        // Lets the JSON writer copy the literal text without escaping it.
        if let Some(pieces) = plain
            && parsed.is_some()
            && pieces.iter().all(|piece| match piece {
                Piece::Text(text) => crate::expand::spec_table::json_plain(text),
                Piece::Field(_) => true,
            })
        {
            flags |= JSON_PLAIN;
        }
        // A pattern with selectors reaches Fluent with the shown fields as its variables.
        let args = if parsed.is_some() {
            String::new()
        } else {
            shown.iter().fold(String::new(), |mut args, name| {
                args.push_str(name);
                args.push('\n');
                args
            })
        };
        let id = (id != &variant.code).then_some(id.as_str());
        let texts = [
            (PLAIN, parsed.as_deref()),
            (TITLE, title.as_deref()),
            (RESOLUTION, resolution.as_deref()),
            (ID, id),
            (ARGS, Some(args.as_str()).filter(|args| !args.is_empty())),
        ];
        for (flag, text) in texts {
            if text.is_some() {
                flags |= flag;
            }
        }
        self.index.push(flags);
        self.add(source);
        for text in texts.into_iter().filter_map(|(_, text)| text) {
            self.add(text);
        }
    }

    fn add(&mut self, text: &str) {
        // A Fluent file longer than 4 GiB is not read by the derive.
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.index.extend_from_slice(&len.to_le_bytes());
        self.text.push_str(text);
    }
}

/// The runtime's parsed form of a plain pattern (as `ErrorSpec`'s hidden `parsed`): its
/// text, each placeholder written as NUL and the character whose code point is the
/// field's position among the fields the fields function shows.
fn parsed_text(shown: &[&str], pieces: &[Piece]) -> Option<String> {
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
