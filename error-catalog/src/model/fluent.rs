//! What the `i18n` feature adds to translations: choosing a locale from an
//! `Accept-Language` list (matching by `fluent-langneg`), and writing the patterns with
//! selectors, functions or references through `fluent-bundle`, with the locale's CLDR
//! plural rules.
//!
//! A field's value reaches Fluent as its `Display` text; a text that reads as a number
//! (`3`, `-2.5`) is passed as a Fluent number, so plural selectors and `NUMBER()` work on
//! it. Fluent writes a number as its digits, with the options of `NUMBER()` when given,
//! and any other value as its text: numbers and dates are written as their `Display`
//! writes them, whatever the locale, unless a Fluent function says otherwise.

use core::fmt;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::model::api_error::ApiError;
use crate::model::locale::{Locale, Locales, Translation};

/// The most tags of an `Accept-Language` list that are read; the rest are skipped.
const MAX_TAGS: usize = 64;

/// The translated locale of `locales` that best matches the `Accept-Language` list, or
/// `None` for the default locale.
pub(crate) fn negotiate(
    locales: &'static Locales,
    accept_language: &str,
) -> Option<&'static Locale> {
    let requested = requested(accept_language);
    if requested.is_empty() {
        return None;
    }
    let available = available(locales)?;
    let default = available.first()?;
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(default),
        NegotiationStrategy::Lookup,
    );
    let position = available
        .iter()
        .position(|langid| Some(&langid) == chosen.first())?;
    // Position 0 is the default locale.
    locales.locales().get(position.checked_sub(1)?)
}

/// The language identifiers of a type's locales, the default first: parsed once per
/// type, by the table's address.
fn available(locales: &'static Locales) -> Option<Arc<Vec<LanguageIdentifier>>> {
    static AVAILABLE: OnceLock<RwLock<HashMap<usize, Arc<Vec<LanguageIdentifier>>>>> =
        OnceLock::new();
    let cache = AVAILABLE.get_or_init(RwLock::default);
    let key = core::ptr::from_ref(locales) as usize;
    if let Some(parsed) = cache.read().ok()?.get(&key) {
        return Some(Arc::clone(parsed));
    }
    let parsed: Arc<Vec<LanguageIdentifier>> = Arc::new(
        locales
            .tags()
            .map(|tag| tag.parse().unwrap_or_default())
            .collect(),
    );
    cache
        .write()
        .ok()?
        .entry(key)
        .or_insert_with(|| Arc::clone(&parsed));
    Some(parsed)
}

/// The tags of an `Accept-Language` list, most wanted first (by `q`, then by order),
/// without those of weight 0, the wildcard and what does not parse.
fn requested(accept_language: &str) -> Vec<LanguageIdentifier> {
    let mut weighted: Vec<(u16, LanguageIdentifier)> = Vec::new();
    for item in accept_language.split(',').take(MAX_TAGS) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let mut weight = Some(1000);
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=')
                && name.trim().eq_ignore_ascii_case("q")
            {
                weight = quality(value.trim());
            }
        }
        let Some(weight) = weight.filter(|&w| w > 0) else {
            continue;
        };
        if tag == "*" {
            continue;
        }
        if let Ok(langid) = tag.parse::<LanguageIdentifier>() {
            weighted.push((weight, langid));
        }
    }
    // A stable sort keeps the order of tags of equal weight.
    weighted.sort_by_key(|entry| core::cmp::Reverse(entry.0));
    weighted.into_iter().map(|(_, langid)| langid).collect()
}

/// An RFC 9110 `qvalue` in thousandths (`0`, `0.5`, `1.000`), or `None` if malformed.
fn quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{fraction:0<3}");
    let thousandths: u16 = digits.parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

type Bundle = FluentBundle<FluentResource>;

/// Each locale's bundle, built on first use, by the locale's address.
fn bundle(locale: &'static Locale) -> Option<Arc<Bundle>> {
    static BUNDLES: OnceLock<RwLock<HashMap<usize, Arc<Bundle>>>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(RwLock::default);
    let key = core::ptr::from_ref(locale) as usize;
    if let Some(bundle) = bundles.read().ok()?.get(&key) {
        return Some(Arc::clone(bundle));
    }
    let langid: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // The text is written as the default messages are: without Unicode isolation marks.
    bundle.set_use_isolating(false);
    for source in locale.sources() {
        // The derive checked the files; a resource that still fails is added as far as
        // it parses.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    let bundle = Arc::new(bundle);
    bundles
        .write()
        .ok()?
        .entry(key)
        .or_insert_with(|| Arc::clone(&bundle));
    Some(bundle)
}

/// Writes a pattern with selectors; `Ok(false)`, having written nothing, if the bundle
/// lacks the message.
pub(crate) fn write_message(
    f: &mut fmt::Formatter<'_>,
    error: &dyn ApiError,
    locale: &'static Locale,
    translation: &'static Translation,
) -> Result<bool, fmt::Error> {
    let Some(bundle) = bundle(locale) else {
        return Ok(false);
    };
    let Some(pattern) = bundle.get_message(translation.id).and_then(|m| m.value()) else {
        return Ok(false);
    };
    let mut texts: Vec<String> = Vec::with_capacity(translation.args.len());
    error.__fields(&mut |field| {
        if let Some(value) = field.shown_value() {
            // A value whose `Display` fails is passed as far as it wrote.
            let mut text = String::new();
            let _ = fmt::write(&mut text, format_args!("{value}"));
            texts.push(text);
        }
    });
    let mut args = FluentArgs::with_capacity(texts.len());
    for (name, text) in translation.args.iter().zip(&texts) {
        args.set(*name, FluentValue::try_number(text));
    }
    let mut errors = Vec::new();
    bundle.write_pattern(f, pattern, Some(&args), &mut errors)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::{quality, requested};

    #[test]
    fn qualities() {
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("0.5"), Some(500));
        assert_eq!(quality("0.125"), Some(125));
        assert_eq!(quality("0"), Some(0));
        for bad in ["x", "1.5", "0.1234", "2", "", "-0.5", "0.+1"] {
            assert_eq!(quality(bad), None, "{bad}");
        }
    }

    #[test]
    fn requested_tags_by_weight() {
        let tags = |list: &str| -> Vec<String> {
            requested(list).iter().map(ToString::to_string).collect()
        };
        assert_eq!(tags("de;q=0.5, fr-CA, en;q=0.8"), ["fr-CA", "en", "de"]);
        assert_eq!(tags("*, fr;q=0, it;q=x, !!, de"), ["de"]);
        assert!(tags("").is_empty());
    }
}
