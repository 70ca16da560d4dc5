//! What the `i18n` feature adds to translations: choosing a locale from an
//! `Accept-Language` list (matching by `fluent-langneg`), and writing the patterns with
//! selectors, functions or references through `fluent-bundle`, with the locale's CLDR
//! plural rules.
//!
//! A field's value reaches Fluent as its `Display` text; a text that reads as a number
//! (`3`, `-2.5`: digits, with an optional `-` and `.`) is passed as a Fluent number, so
//! plural selectors and `NUMBER()` work on it. Fluent writes a number as its digits, with the options of `NUMBER()` when given,
//! and any other value as its text: numbers and dates are written as their `Display`
//! writes them, whatever the locale, unless a Fluent function says otherwise.

use core::cell::{Cell, RefCell};
use core::fmt;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::model::api_error::ApiError;
use crate::model::locale::{Locale, Locales, Translation};

/// The most tags of an `Accept-Language` list that are read; the rest are skipped.
const MAX_TAGS: usize = 64;

/// How many `Accept-Language` values each thread remembers the choice for.
const REMEMBERED: usize = 8;
/// The longest value that is remembered; a longer one is negotiated each time.
const REMEMBERED_LEN: usize = 128;

/// One remembered choice: for the type whose table is at `locales`, the header value
/// `header` chooses the translated locale at `chosen` (`None`: the default locale).
struct Remembered {
    locales: usize,
    header: Box<str>,
    chosen: Option<usize>,
}

thread_local! {
    /// The last choices this thread made, in no order; replaced round-robin.
    static NEGOTIATED: RefCell<(Vec<Remembered>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

/// The translated locale of `locales` that best matches the `Accept-Language` list, or
/// `None` for the default locale.
///
/// The choice depends only on the header's bytes and the type's locales, so each thread
/// remembers its last [`REMEMBERED`] choices, each for one type and one header value: a
/// service whose clients send a handful of distinct headers negotiates each once per
/// thread, and every later request compares bytes. [`negotiate_uncached`] decides every
/// choice.
pub(crate) fn negotiate(
    locales: &'static Locales,
    accept_language: &str,
) -> Option<&'static Locale> {
    let key = core::ptr::from_ref(locales) as usize;
    let remembered = accept_language.len() <= REMEMBERED_LEN;
    if remembered {
        let hit = NEGOTIATED.try_with(|cell| {
            let cache = cell.try_borrow().ok()?;
            cache
                .0
                .iter()
                .find(|entry| entry.locales == key && *entry.header == *accept_language)
                .map(|entry| entry.chosen)
        });
        if let Ok(Some(chosen)) = hit {
            return locales.locales().get(chosen?);
        }
    }
    let chosen = negotiate_uncached(locales, accept_language);
    if remembered {
        let _ = NEGOTIATED.try_with(|cell| {
            let Ok(mut cache) = cell.try_borrow_mut() else {
                return;
            };
            let entry = Remembered {
                locales: key,
                header: accept_language.into(),
                chosen,
            };
            let (entries, next) = &mut *cache;
            if entries.len() < REMEMBERED {
                entries.push(entry);
            } else {
                entries[*next] = entry;
                *next = (*next + 1) % REMEMBERED;
            }
        });
    }
    locales.locales().get(chosen?)
}

/// The position among `locales.locales()` of the translated locale that best matches
/// the `Accept-Language` list (`None`: the default locale): the tags by weight, then
/// `fluent-langneg`'s lookup.
pub(crate) fn negotiate_uncached(
    locales: &'static Locales,
    accept_language: &str,
) -> Option<usize> {
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
    position
        .checked_sub(1)
        .filter(|&index| index < locales.locales().len())
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

/// Each locale's bundle, built on first use and kept for the life of the program (as
/// the locale itself, a static): by the locale's address.
fn bundle(locale: &'static Locale) -> Option<&'static Bundle> {
    thread_local! {
        /// The bundle this thread used last, and its locale's address.
        static LAST: Cell<Option<(usize, &'static Bundle)>> = const { Cell::new(None) };
    }
    static BUNDLES: OnceLock<RwLock<HashMap<usize, &'static Bundle>>> = OnceLock::new();
    let key = core::ptr::from_ref(locale) as usize;
    if let Ok(Some((last, bundle))) = LAST.try_with(Cell::get)
        && last == key
    {
        return Some(bundle);
    }
    let bundles = BUNDLES.get_or_init(RwLock::default);
    let known = bundles.read().ok()?.get(&key).copied();
    let bundle = match known {
        Some(bundle) => bundle,
        None => *bundles
            .write()
            .ok()?
            .entry(key)
            .or_insert_with(|| Box::leak(Box::new(new_bundle(locale)))),
    };
    let _ = LAST.try_with(|last| last.set(Some((key, bundle))));
    Some(bundle)
}

fn new_bundle(locale: &'static Locale) -> Bundle {
    let langid: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // The text is written as the default messages are: without Unicode isolation marks.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(whole_number));
    for source in locale.sources() {
        // The derive checked the files; a resource that still fails is added as far as
        // it parses.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// Writes a whole number that Fluent would write as its plain digits (no fraction
/// digits asked for) with the integer formatter, which gives the same digits without the
/// shortest-float search; `None` leaves every other value to Fluent.
#[allow(clippy::cast_possible_truncation)] // the value is whole and below 2^53
fn whole_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    let plain = matches!(number.options.minimum_fraction_digits, None | Some(0));
    (plain
        && n.fract() == 0.0
        && n.abs() < 9_007_199_254_740_992.0
        && !(n == 0.0 && n.is_sign_negative()))
    .then(|| (n as i64).to_string())
}

/// The Fluent value of a field's text: a number when it is written as one (`12`,
/// `-2.50`: digits, at most one `.` between digits, an optional leading `-`), so plural
/// selectors and `NUMBER()` work on it; else the text.
fn value(text: &str) -> FluentValue<'_> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let numeric = !whole.is_empty()
        && !fraction.is_empty()
        && whole.len() + fraction.len() <= 40
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit());
    if fraction == "0" && !text.contains('.') && whole.len() <= 15 && numeric {
        // Digits alone: the number is exact, with no fraction digits to keep.
        let magnitude = whole
            .bytes()
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        #[allow(clippy::cast_precision_loss)] // at most 15 digits: exact in an f64
        let magnitude = magnitude as f64;
        let signed = if text.starts_with('-') {
            -magnitude
        } else {
            magnitude
        };
        return FluentValue::Number(FluentNumber::new(signed, FluentNumberOptions::default()));
    }
    match text.parse::<FluentNumber>() {
        Ok(number) if numeric && number.value.is_finite() => FluentValue::Number(number),
        _ => FluentValue::String(Cow::Borrowed(text)),
    }
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
    thread_local! {
        /// The buffer the fields' texts are written into, kept between calls.
        static TEXTS: RefCell<String> = const { RefCell::new(String::new()) };
    }
    TEXTS
        .try_with(|texts| match texts.try_borrow_mut() {
            Ok(mut texts) => {
                texts.clear();
                write_with(f, error, bundle, translation, &mut texts)
            }
            // A field's `Display` that writes another localized message: a buffer of its own.
            Err(_) => write_with(f, error, bundle, translation, &mut String::new()),
        })
        .unwrap_or_else(|_| write_with(f, error, bundle, translation, &mut String::new()))
}

/// [`write_message`] with `texts` as the buffer of the fields' texts.
fn write_with(
    f: &mut fmt::Formatter<'_>,
    error: &dyn ApiError,
    bundle: &Bundle,
    translation: &Translation,
    texts: &mut String,
) -> Result<bool, fmt::Error> {
    let Some(pattern) = bundle.get_message(translation.id).and_then(|m| m.value()) else {
        return Ok(false);
    };
    // The fields' texts, one after the other in one buffer: `ends[i]` is where the
    // text of the i-th shown field ends.
    let mut ends = [0usize; ARGS];
    let mut count = 0;
    error.__fields(&mut |field| {
        if let Some(value) = field.shown_value()
            && count < ARGS
        {
            // A value whose `Display` fails is passed as far as it wrote.
            let _ = fmt::write(texts, format_args!("{value}"));
            ends[count] = texts.len();
            count += 1;
        }
    });
    let mut args = FluentArgs::with_capacity(count);
    let mut start = 0;
    for (name, &end) in translation.args.iter().zip(&ends[..count]) {
        args.set(*name, value(texts.get(start..end).unwrap_or_default()));
        start = end;
    }
    let mut errors = Vec::new();
    bundle.write_pattern(f, pattern, Some(&args), &mut errors)?;
    Ok(true)
}

/// The most fields a pattern with selectors is given (more shown fields are left out:
/// Fluent writes their placeholders as their names).
const ARGS: usize = 32;

#[cfg(test)]
mod tests {
    use super::{quality, requested, value, whole_number};
    use fluent_bundle::FluentValue;

    #[test]
    fn only_digits_are_numbers() {
        let number = |text| match value(text) {
            FluentValue::Number(number) => {
                Some((number.value, number.options.minimum_fraction_digits))
            }
            _ => None,
        };
        assert_eq!(number("12"), Some((12.0, None)));
        assert_eq!(number("-3"), Some((-3.0, None)));
        assert_eq!(number("-2.50"), Some((-2.5, Some(2))));
        assert_eq!(
            number("123456789012345678"),
            Some((123_456_789_012_345_680.0, None))
        );
        // Texts `f64` reads that are no written number, and others.
        for text in [
            "NaN",
            "inf",
            "-infinity",
            "1e5",
            "1.",
            ".5",
            "",
            "-",
            "0x10",
            " 1",
            "1_000",
        ] {
            assert_eq!(number(text), None, "{text}");
        }
    }

    #[test]
    fn whole_numbers_are_written_as_fluent_writes_them() {
        for text in ["0", "7", "-12", "9007199254740991", "1.5", "2.50", "-0"] {
            let FluentValue::Number(number) = value(text) else {
                panic!("{text}")
            };
            let written = whole_number(&FluentValue::Number(number.clone()), &())
                .unwrap_or_else(|| number.as_string().into_owned());
            assert_eq!(written, number.as_string(), "{text}");
        }
    }

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
