//! The type-level keys of localized messages: `locales = "locales"` (the folder of
//! Fluent files, one folder per language tag), `default_locale = "en"` (the language of
//! the messages written in the code) and `partial_locales = ["pt"]` (locales that may
//! lack codes, which then fall back to the default locale) and `shared_locales` (the
//! folder also holds other types' messages, which `catalog!` checks). Reading and
//! checking the files is `crate::locales`'s.

use syn::meta::ParseNestedMeta;
use syn::parse::Parse as _;
use syn::{Lit, LitStr, Token};

use crate::ctxt::Errors;
use crate::input::attr::string;
use crate::input::keys;
use crate::input::slot::{Attr, Flag, skip_until_comma};

/// `locales`, `default_locale`, `partial_locales` and `shared_locales`.
pub struct LocaleAttrs {
    pub folder: Attr<LitStr>,
    pub default_locale: Attr<LitStr>,
    pub partial: Attr<Vec<LitStr>>,
    pub shared: Flag,
}

impl LocaleAttrs {
    pub fn new() -> Self {
        LocaleAttrs {
            folder: Attr::new(keys::LOCALES),
            default_locale: Attr::new(keys::DEFAULT_LOCALE),
            partial: Attr::new(keys::PARTIAL_LOCALES),
            shared: Attr::new(keys::SHARED_LOCALES),
        }
    }
}

/// Parses one of the four keys.
pub fn key(
    meta: &ParseNestedMeta,
    key: &str,
    attrs: &mut LocaleAttrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    match key {
        keys::LOCALES => attrs.folder.parse(meta, errors, |meta, errors| {
            let folder = string(meta, key, "\"locales\"", errors)?;
            if let Some(folder) = folder.as_ref().filter(|f| f.value().trim().is_empty()) {
                errors.spanned(
                    folder,
                    "`locales` names a folder, as in `locales = \"locales\"`",
                );
                return Ok(None);
            }
            Ok(folder)
        }),
        keys::DEFAULT_LOCALE => attrs.default_locale.parse(meta, errors, |meta, errors| {
            let Some(tag) = string(meta, key, "\"en\"", errors)? else {
                return Ok(None);
            };
            if let Some(problem) = tag_problem(&tag.value()) {
                errors.spanned(&tag, problem);
                return Ok(None);
            }
            Ok(Some(tag))
        }),
        keys::SHARED_LOCALES => attrs.shared.parse_flag(meta, errors),
        _ => attrs.partial.parse(meta, errors, |meta, errors| {
            let tags = tag_list(meta, key, errors)?;
            Ok(Some(tags))
        }),
    }
}

/// `partial_locales = ["pt", "de-CH"]` (or one string).
fn tag_list(meta: &ParseNestedMeta, key: &str, errors: &mut Errors) -> syn::Result<Vec<LitStr>> {
    const EXAMPLE: &str = "[\"pt\", \"de-CH\"]";
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("expected `{key} = {EXAMPLE}`")));
    }
    meta.input.parse::<Token![=]>()?;
    let items: Vec<Lit> = if meta.input.peek(syn::token::Bracket) {
        let content;
        syn::bracketed!(content in meta.input);
        content
            .parse_terminated(Lit::parse, Token![,])?
            .into_iter()
            .collect()
    } else if meta.input.peek(LitStr) {
        vec![meta.input.parse()?]
    } else {
        let span = meta.input.span();
        skip_until_comma(meta.input)?;
        return Err(syn::Error::new(
            span,
            format!("`{key}` takes a list of language tags, as in `{key} = {EXAMPLE}`"),
        ));
    };
    let mut tags = Vec::new();
    for item in items {
        match item {
            Lit::Str(tag) => match tag_problem(&tag.value()) {
                Some(problem) => errors.spanned(&tag, problem),
                None => tags.push(tag),
            },
            other => errors.spanned(&other, format!("`{key}` takes language tags (strings)")),
        }
    }
    Ok(tags)
}

/// Why `tag` cannot be a language tag (`en`, `fr-CA`, `zh-Hant-TW`), or `None`.
pub fn tag_problem(tag: &str) -> Option<String> {
    let well_formed = !tag.is_empty()
        && tag.split('-').enumerate().all(|(i, part)| {
            (1..=8).contains(&part.len())
                && part.bytes().all(|b| b.is_ascii_alphanumeric())
                && (i > 0
                    || (2..=8).contains(&part.len())
                        && part.bytes().all(|b| b.is_ascii_alphabetic()))
        });
    (!well_formed).then(|| {
        format!(
            "`{tag}` is not a language tag; write one as in `en`, `fr-CA` or `zh-Hant-TW` \
             (BCP 47: a 2 to 8 letter language, then subtags of 1 to 8 letters or digits, \
             joined by `-`)"
        )
    })
}
