//! What the `i18n` feature adds to translations: choosing a locale from an
//! `Accept-Language` list (matching by `fluent-langneg`), and writing the patterns with
//! selectors, functions or references through `fluent-bundle`, with the locale's CLDR
//! plural rules.
//!
//! A common shape of pattern with selectors (text, fields, and selectors on a field whose
//! variants are of the same shape) is prepared once per locale and written without
//! `fluent-bundle`'s resolver, as it writes it ([`Prepared`]).
//!
//! A field's value reaches Fluent as its `Display` text; a text that reads as a number
//! (`3`, `-2.5`: digits, with an optional `-` and `.`, at most 19 after the `.`) is
//! passed as a Fluent number, so plural selectors and `NUMBER()` work on it. Fluent
//! writes a number as its digits, with the options of `NUMBER()` when given, and any
//! other value as its text: numbers and dates are written as their `Display` writes
//! them, whatever the locale, unless a Fluent function says otherwise.

use core::cell::{Cell, RefCell};
use core::fmt;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentNumberType};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast;
use intl_pluralrules::operands::PluralOperands;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::model::api_error::ApiError;
use crate::model::locale::{Locale, Locales, Translation};

/// The most tags of an `Accept-Language` list that are read; the rest are skipped.
const MAX_TAGS: usize = 64;

/// How many `Accept-Language` values each thread remembers the choice for.
const REMEMBERED: usize = 8;
/// The longest value that is remembered; a longer one is negotiated each time.
const REMEMBERED_LEN: usize = 128;

/// One remembered choice: for the type whose table is at `locales` (0: an unused entry),
/// the header value of `len` bytes at the start of `header` chooses the translated
/// locale at `chosen` (`None`: the default locale). Held inline, so that the thread's
/// cache owns no heap memory and needs no destructor: reaching it is a plain
/// thread-local access.
#[derive(Clone, Copy)]
struct Remembered {
    locales: usize,
    len: usize,
    chosen: Option<usize>,
    header: [u8; REMEMBERED_LEN],
}

/// A thread's remembered choices, in no order; replaced round-robin from `next`. `last`
/// is the entry that answered last, compared first.
struct Choices {
    entries: [Remembered; REMEMBERED],
    next: usize,
    last: usize,
}

impl Remembered {
    #[inline]
    fn answers(&self, locales: usize, header: &[u8]) -> bool {
        self.locales == locales
            && self.len == header.len()
            && self.header.get(..header.len()) == Some(header)
    }
}

impl Choices {
    const EMPTY: Choices = Choices {
        entries: [Remembered {
            locales: 0,
            len: 0,
            chosen: None,
            header: [0; REMEMBERED_LEN],
        }; REMEMBERED],
        next: 0,
        last: 0,
    };

    /// The entry that answered last, if it is the one for the table at `locales` and
    /// the header `header`.
    #[inline]
    fn last(&self, locales: usize, header: &[u8]) -> Option<&Remembered> {
        self.entries
            .get(self.last)
            .filter(|entry| entry.answers(locales, header))
    }

    /// The entry for the table at `locales` and the header `header`, which then answers
    /// first.
    fn find(&mut self, locales: usize, header: &[u8]) -> Option<&Remembered> {
        let at = self
            .entries
            .iter()
            .position(|entry| entry.answers(locales, header))?;
        self.last = at;
        self.entries.get(at)
    }

    fn remember(&mut self, locales: usize, header: &[u8], chosen: Option<usize>) {
        let Some(entry) = self.entries.get_mut(self.next) else {
            return;
        };
        let Some(bytes) = entry.header.get_mut(..header.len()) else {
            return;
        };
        bytes.copy_from_slice(header);
        entry.locales = locales;
        entry.len = header.len();
        entry.chosen = chosen;
        self.last = self.next;
        self.next = (self.next + 1) % REMEMBERED;
    }
}

thread_local! {
    /// The last choices this thread made.
    static NEGOTIATED: RefCell<Choices> = const { RefCell::new(Choices::EMPTY) };
}

/// The translated locale of `locales` that best matches the `Accept-Language` list, or
/// `None` for the default locale.
///
/// The choice depends only on the header's bytes and the type's locales, so each thread
/// remembers its last [`REMEMBERED`] choices, each for one type and one header value: a
/// service whose clients send a handful of distinct headers negotiates each once per
/// thread, and every later request compares bytes (first with the choice that answered
/// last). [`negotiate_uncached`] decides every choice.
#[inline]
pub(crate) fn negotiate(
    locales: &'static Locales,
    accept_language: &str,
) -> Option<&'static Locale> {
    let key = core::ptr::from_ref(locales) as usize;
    let header = accept_language.as_bytes();
    let hit = NEGOTIATED.try_with(|cell| {
        let choices = cell.try_borrow().ok()?;
        choices.last(key, header).map(|entry| entry.chosen)
    });
    let chosen = match hit {
        Ok(Some(chosen)) => chosen,
        _ => negotiate_remembered(locales, accept_language),
    };
    locales.locales().get(chosen?)
}

/// The choice among those the thread remembers, else [`negotiate_uncached`]'s,
/// remembered when the header is short enough.
fn negotiate_remembered(locales: &'static Locales, accept_language: &str) -> Option<usize> {
    let key = core::ptr::from_ref(locales) as usize;
    let header = accept_language.as_bytes();
    let remembered = header.len() <= REMEMBERED_LEN;
    if remembered {
        let found = NEGOTIATED.try_with(|cell| {
            let mut choices = cell.try_borrow_mut().ok()?;
            choices.find(key, header).map(|entry| entry.chosen)
        });
        if let Ok(Some(chosen)) = found {
            return chosen;
        }
    }
    let chosen = negotiate_uncached(locales, accept_language);
    if remembered {
        let _ = NEGOTIATED.try_with(|cell| {
            if let Ok(mut choices) = cell.try_borrow_mut() {
                choices.remember(key, header, chosen);
            }
        });
    }
    chosen
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

/// One locale's Fluent runtime, built on first use and kept for the life of the program
/// (as the locale itself, a static): its bundle, the CLDR cardinal plural rules the
/// bundle selects variants with, and the prepared form of each translation's pattern.
struct Runtime {
    bundle: Bundle,
    plurals: Option<PluralRules>,
    /// One slot per translation of the locale, filled on first use: `None` when the
    /// pattern is not of the shape [`Prepared`] writes.
    prepared: Box<[OnceLock<Option<Prepared>>]>,
}

impl Runtime {
    fn new(locale: &'static Locale) -> Runtime {
        let langid: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
        Runtime {
            bundle: new_bundle(langid.clone(), locale.sources().iter().copied()),
            plurals: plural_rules(langid),
            prepared: locale
                .translations()
                .iter()
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// The prepared form of `translation`, one of `locale`'s, if its pattern has the
    /// shape [`Prepared`] writes.
    fn prepared(
        &'static self,
        locale: &'static Locale,
        translation: &'static Translation,
    ) -> Option<&'static Prepared> {
        let slot = slot(locale, translation)?;
        self.prepared
            .get(slot)?
            .get_or_init(|| {
                Prepared::new(
                    &self.bundle,
                    translation.id,
                    translation.args,
                    self.plurals.is_some(),
                )
            })
            .as_ref()
    }
}

/// The position of `translation` among `locale`'s translations, from its address.
fn slot(locale: &Locale, translation: &Translation) -> Option<usize> {
    let translations = locale.translations();
    let offset =
        (core::ptr::from_ref(translation) as usize).checked_sub(translations.as_ptr() as usize)?;
    let index = offset / core::mem::size_of::<Option<Translation>>();
    translations
        .get(index)?
        .as_ref()
        .filter(|&at| core::ptr::eq(at, translation))
        .map(|_| index)
}

/// Each locale's runtime, by the locale's address.
fn runtime(locale: &'static Locale) -> Option<&'static Runtime> {
    thread_local! {
        /// The runtime this thread used last, and its locale's address.
        static LAST: Cell<Option<(usize, &'static Runtime)>> = const { Cell::new(None) };
    }
    static RUNTIMES: OnceLock<RwLock<HashMap<usize, &'static Runtime>>> = OnceLock::new();
    let key = core::ptr::from_ref(locale) as usize;
    if let Ok(Some((last, runtime))) = LAST.try_with(Cell::get)
        && last == key
    {
        return Some(runtime);
    }
    let runtimes = RUNTIMES.get_or_init(RwLock::default);
    let known = runtimes.read().ok()?.get(&key).copied();
    let runtime = match known {
        Some(runtime) => runtime,
        None => *runtimes
            .write()
            .ok()?
            .entry(key)
            .or_insert_with(|| Box::leak(Box::new(Runtime::new(locale)))),
    };
    let _ = LAST.try_with(|last| last.set(Some((key, runtime))));
    Some(runtime)
}

/// The bundle of one locale's Fluent files.
fn new_bundle<'s>(langid: LanguageIdentifier, sources: impl Iterator<Item = &'s str>) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // The text is written as the default messages are: without Unicode isolation marks.
    // [`Prepared`] writes as a bundle with these settings does.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(whole_number));
    for source in sources {
        // The derive checked the files; a resource that still fails is added as far as
        // it parses.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// The cardinal plural rules a bundle for `langid` selects with: `fluent-bundle`'s
/// choice, the locale's rules by `fluent-langneg`'s lookup among those
/// `intl_pluralrules` has, else English's.
fn plural_rules(langid: LanguageIdentifier) -> Option<PluralRules> {
    let english: LanguageIdentifier = "en".parse().ok()?;
    let known = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let chosen = negotiate_languages(
        &[langid],
        &known,
        Some(&english),
        NegotiationStrategy::Lookup,
    );
    PluralRules::create((*chosen.first()?).clone(), PluralRuleType::CARDINAL).ok()
}

/// The integer a whole number is written as: the number has no fraction digits to
/// show, is exact in an `f64`, and is not `-0`. Fluent writes it as these digits.
#[allow(clippy::cast_possible_truncation)] // the value is whole and below 2^53
fn whole(number: &FluentNumber) -> Option<i64> {
    let n = number.value;
    let plain = matches!(number.options.minimum_fraction_digits, None | Some(0));
    (plain
        && n.fract() == 0.0
        && n.abs() < 9_007_199_254_740_992.0
        && !(n == 0.0 && n.is_sign_negative()))
    .then_some(n as i64)
}

/// Writes a whole number that Fluent would write as its plain digits (no fraction
/// digits asked for) with the integer formatter, which gives the same digits without the
/// shortest-float search; `None` leaves every other value to Fluent.
fn whole_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    whole(number).map(|n| n.to_string())
}

/// The Fluent value of a field's text: a number when it is written as one (`12`,
/// `-2.50`: digits, at most one `.` between digits, an optional leading `-`; at most 40
/// digits, 19 of them after the `.`), so plural selectors and `NUMBER()` work on it; else
/// the text.
fn value(text: &str) -> FluentValue<'_> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
        // Digits alone: the number is exact, with no fraction digits to keep.
        let magnitude = digits
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
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    // At most 19 fraction digits: `fluent-bundle` scales the plural operands' fraction
    // to the number's fraction digits in a `u64`, which more digits overflow.
    let numeric = !whole.is_empty()
        && !fraction.is_empty()
        && fraction.len() <= 19
        && whole.len() + fraction.len() <= 40
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit());
    match text.parse::<FluentNumber>() {
        Ok(number) if numeric && number.value.is_finite() => FluentValue::Number(number),
        _ => FluentValue::String(Cow::Borrowed(text)),
    }
}

/// The texts of the fields a pattern with selectors is given, one after the other in
/// one buffer: the i-th ends at `ends[i]`.
#[derive(Clone, Copy)]
struct Texts<'t> {
    text: &'t str,
    ends: &'t [usize],
}

impl<'t> Texts<'t> {
    /// The text of the field at `at`.
    fn get(self, at: usize) -> &'t str {
        let start = match at.checked_sub(1) {
            Some(before) => self.ends.get(before).copied(),
            None => Some(0),
        };
        start
            .zip(self.ends.get(at))
            .and_then(|(start, &end)| self.text.get(start..end))
            .unwrap_or_default()
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
    let Some(runtime) = runtime(locale) else {
        return Ok(false);
    };
    thread_local! {
        /// The buffer the fields' texts are written into, kept between calls.
        static TEXTS: RefCell<String> = const { RefCell::new(String::new()) };
    }
    let prepared = runtime.prepared(locale, translation);
    let reused = TEXTS.try_with(|texts| {
        // Busy when a field's `Display` writes another localized message: that one
        // takes a buffer of its own.
        let mut texts = texts.try_borrow_mut().ok()?;
        texts.clear();
        Some(write_with(
            f,
            error,
            runtime,
            prepared,
            translation,
            &mut texts,
        ))
    });
    match reused {
        Ok(Some(written)) => written,
        _ => write_with(f, error, runtime, prepared, translation, &mut String::new()),
    }
}

/// [`write_message`] with `texts` as the buffer of the fields' texts: through the
/// prepared form when the pattern has one, else through `fluent-bundle`.
fn write_with(
    f: &mut fmt::Formatter<'_>,
    error: &dyn ApiError,
    runtime: &Runtime,
    prepared: Option<&Prepared>,
    translation: &Translation,
    texts: &mut String,
) -> Result<bool, fmt::Error> {
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
    let texts = Texts {
        text: texts,
        ends: &ends[..count],
    };
    if let Some(prepared) = prepared
        && prepared.fields <= count
    {
        prepared.write(f, texts, runtime.plurals.as_ref())?;
        return Ok(true);
    }
    write_fluent(f, &runtime.bundle, translation.id, translation.args, texts)
}

/// Writes the message `id` through `fluent-bundle`, the field at position i named
/// `names[i]`; `Ok(false)`, having written nothing, if the bundle lacks the message.
fn write_fluent(
    f: &mut impl fmt::Write,
    bundle: &Bundle,
    id: &str,
    names: &'static [&'static str],
    texts: Texts<'_>,
) -> Result<bool, fmt::Error> {
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return Ok(false);
    };
    let mut args = FluentArgs::with_capacity(texts.ends.len());
    for (at, name) in names.iter().enumerate().take(texts.ends.len()) {
        args.set(*name, value(texts.get(at)));
    }
    let mut errors = Vec::new();
    bundle.write_pattern(f, pattern, Some(&args), &mut errors)?;
    Ok(true)
}

/// The most fields a pattern with selectors is given (more shown fields are left out:
/// Fluent writes their placeholders as their names).
const ARGS: usize = 32;

/// The most placeables `fluent-bundle` writes in one message before it stops.
const MAX_PLACEABLES: usize = 100;

/// A pattern written without `fluent-bundle`'s resolver, as it writes it: text, fields,
/// and selectors on a field (`{ $count -> [one] … *[other] … }`) whose variants are of
/// the same shape. Prepared once per locale and message from the bundle's own parsed
/// pattern; functions, references and literals leave a pattern to `fluent-bundle`.
struct Prepared {
    pieces: Box<[Piece]>,
    /// How many of the fields it reads: one past the highest position.
    fields: usize,
}

enum Piece {
    Text(&'static str),
    /// The field at this position.
    Field(usize),
    Select(Select),
}

/// A selector on the field at `on`: the first variant whose key matches, else the
/// default one.
struct Select {
    on: usize,
    variants: Box<[(Key, Box<[Piece]>)]>,
    default: usize,
}

/// A variant's key, as Fluent compares it with the selector.
enum Key {
    /// A number (`[0]`, `[1.5]`): equal to a number of the same value and fraction
    /// digits.
    Number(FluentNumber),
    /// A name: equal to the same text, and, when it names a CLDR plural category, to a
    /// number of that category.
    Name(&'static str, Option<PluralCategory>),
}

impl Prepared {
    /// The prepared form of the message `id` of `bundle` (its fields named by `names`,
    /// in their order), if it has the shape this writes. `plurals`: the locale has
    /// plural rules, so keys that name a category can be prepared.
    fn new(
        bundle: &'static Bundle,
        id: &str,
        names: &'static [&'static str],
        plurals: bool,
    ) -> Option<Prepared> {
        let pattern = bundle.get_message(id)?.value()?;
        let names = names.get(..names.len().min(ARGS)).unwrap_or_default();
        // Fluent keeps the last field of a repeated name; leave such a message to it.
        if names
            .iter()
            .enumerate()
            .any(|(at, name)| names[..at].contains(name))
        {
            return None;
        }
        let mut reading = Reading {
            names,
            plurals,
            placeables: 0,
            fields: 0,
        };
        let pieces = reading.pattern(pattern)?;
        Some(Prepared {
            pieces,
            fields: reading.fields,
        })
    }

    fn write(
        &self,
        w: &mut impl fmt::Write,
        texts: Texts<'_>,
        plurals: Option<&PluralRules>,
    ) -> fmt::Result {
        write_pieces(&self.pieces, w, texts, plurals)
    }
}

/// The state of [`Prepared::new`] reading a pattern.
struct Reading {
    names: &'static [&'static str],
    plurals: bool,
    placeables: usize,
    fields: usize,
}

impl Reading {
    fn pattern(&mut self, pattern: &'static ast::Pattern<&'static str>) -> Option<Box<[Piece]>> {
        pattern
            .elements
            .iter()
            .map(|element| match element {
                ast::PatternElement::TextElement { value } => Some(Piece::Text(value)),
                ast::PatternElement::Placeable { expression } => {
                    // Past Fluent's limit (counted over every variant, a bound on what
                    // one resolution meets) the bundle writes it.
                    self.placeables += 1;
                    if self.placeables > MAX_PLACEABLES {
                        return None;
                    }
                    self.expression(expression)
                }
            })
            .collect()
    }

    fn expression(&mut self, expression: &'static ast::Expression<&'static str>) -> Option<Piece> {
        match expression {
            ast::Expression::Inline(inline) => self.field(inline).map(Piece::Field),
            ast::Expression::Select { selector, variants } => {
                let on = self.field(selector)?;
                let default = variants.iter().position(|variant| variant.default)?;
                let variants = variants
                    .iter()
                    .map(|variant| Some((self.key(&variant.key)?, self.pattern(&variant.value)?)))
                    .collect::<Option<_>>()?;
                Some(Piece::Select(Select {
                    on,
                    variants,
                    default,
                }))
            }
        }
    }

    /// The position of the field a variable names.
    fn field(&mut self, inline: &ast::InlineExpression<&'static str>) -> Option<usize> {
        let ast::InlineExpression::VariableReference { id } = inline else {
            return None;
        };
        let at = self.names.iter().position(|name| *name == id.name)?;
        self.fields = self.fields.max(at + 1);
        Some(at)
    }

    fn key(&self, key: &ast::VariantKey<&'static str>) -> Option<Key> {
        match *key {
            ast::VariantKey::Identifier { name } => {
                let category = match name {
                    "zero" => Some(PluralCategory::ZERO),
                    "one" => Some(PluralCategory::ONE),
                    "two" => Some(PluralCategory::TWO),
                    "few" => Some(PluralCategory::FEW),
                    "many" => Some(PluralCategory::MANY),
                    "other" => Some(PluralCategory::OTHER),
                    _ => None,
                };
                (category.is_none() || self.plurals).then_some(Key::Name(name, category))
            }
            // Fluent reads a numeric key as it reads a number argument's text.
            ast::VariantKey::NumberLiteral { value } => Some(match value.parse() {
                Ok(number) => Key::Number(number),
                Err(_) => Key::Name(value, None),
            }),
        }
    }
}

fn write_pieces(
    pieces: &[Piece],
    w: &mut impl fmt::Write,
    texts: Texts<'_>,
    plurals: Option<&PluralRules>,
) -> fmt::Result {
    for piece in pieces {
        match piece {
            Piece::Text(text) => w.write_str(text)?,
            Piece::Field(at) => write_field(w, texts.get(*at))?,
            Piece::Select(select) => {
                let selector = value(texts.get(select.on));
                let chosen = select.choose(&selector, plurals);
                if let Some((_, variant)) = select.variants.get(chosen) {
                    write_pieces(variant, w, texts, plurals)?;
                }
            }
        }
    }
    Ok(())
}

/// Writes a field's text as the bundle writes its value: a whole number by
/// [`whole_number`], any other number by Fluent's own formatting, a text as it is.
fn write_field(w: &mut impl fmt::Write, text: &str) -> fmt::Result {
    match value(text) {
        FluentValue::Number(number) => match whole(&number) {
            // The digits of a whole number without leading zeros are its own text.
            Some(_) if !text.trim_start_matches('-').starts_with('0') || text == "0" => {
                w.write_str(text)
            }
            Some(n) => write!(w, "{n}"),
            None => w.write_str(&number.as_string()),
        },
        FluentValue::String(text) => w.write_str(&text),
        FluentValue::Custom(_) | FluentValue::None | FluentValue::Error => Ok(()),
    }
}

impl Select {
    /// The position of the variant Fluent writes for `selector`: the first whose key
    /// matches, else the default.
    fn choose(&self, selector: &FluentValue<'_>, plurals: Option<&PluralRules>) -> usize {
        // The selector's plural category, computed on the first key that needs it.
        let mut category = None;
        for (at, (key, _)) in self.variants.iter().enumerate() {
            let matches = match (key, selector) {
                (Key::Number(key), FluentValue::Number(number)) => key == number,
                (Key::Name(name, _), FluentValue::String(text)) => *name == text.as_ref(),
                (Key::Name(_, Some(wanted)), FluentValue::Number(number)) => {
                    category
                        .get_or_insert_with(|| category_of(number, plurals))
                        .as_ref()
                        == Some(wanted)
                }
                _ => false,
            };
            if matches {
                return at;
            }
        }
        self.default
    }
}

/// The CLDR plural category of a number, from the same operands `fluent-bundle` computes:
/// a whole number's straight from its integer, any other by `fluent-bundle`'s conversion.
fn category_of(number: &FluentNumber, plurals: Option<&PluralRules>) -> Option<PluralCategory> {
    let plurals = plurals?;
    if number.options.r#type != FluentNumberType::Cardinal {
        return None;
    }
    let n = number.value;
    let operands = if matches!(number.options.minimum_fraction_digits, None | Some(0))
        && n.fract() == 0.0
        && n.abs() < 9_007_199_254_740_992.0
    {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, below 2^53
        PluralOperands::from(n.abs() as u64)
    } else {
        PluralOperands::from(number)
    };
    plurals.select(operands).ok()
}

#[cfg(test)]
mod tests {
    use super::{
        Bundle, Prepared, Texts, new_bundle, plural_rules, quality, requested, value, whole_number,
        write_fluent,
    };
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
            // More fraction digits than plural operands hold.
            "1.00000000000000000000",
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

    /// Messages of the shapes written without `fluent-bundle`'s resolver, each reading
    /// some of the fields `count`, `gender` and `max`.
    const PREPARED: &str = r"
plural = { $count ->
        [one] { $count } article ; la limite est { $max }
       *[other] { $count } articles ; la limite est { $max }
    }
exact = { $count ->
        [0] none
        [1] exactly one
        [one] one of { $count }
       *[other] { $count } items
    }
decimals = { $count ->
        [1.0] one point zero
        [1.5] one and a half
        [-1] minus one
       *[other] { $count }
    }
every = { $count ->
        [zero] zero
        [one] one
        [two] two
        [few] few
        [many] many
       *[other] other
    } ({ $count })
named = { $gender ->
        [male] He has
        [female] She has
       *[other] They have
    } { $count ->
        [one] one item
       *[other] { $count } items
    }, at most { $max }.
default-first = { $count ->
       *[other] some
        [one] one
    }
nested = { $count ->
        [one] { $gender ->
            [male] his
           *[other] their
        } item
       *[other] { $max } items
    }
plain = Just { $gender } and { $count }
";

    /// Messages left to `fluent-bundle`: functions, references, literals, fields the
    /// names do not list.
    const LEFT: &str = r#"
-brand = Shop
function = { NUMBER($count) ->
        [one] one
       *[other] other
    }
reference = { -brand } has { $count }
literal = { "quoted" } { $count }
number-literal = { 5 } and { $count }
unknown = { $count -> [one] { $missing } *[other] none }
"#;

    const NAMES: &[&str] = &["count", "gender", "max"];
    const IDS: [&str; 8] = [
        "plural",
        "exact",
        "decimals",
        "every",
        "named",
        "default-first",
        "nested",
        "plain",
    ];
    const TAGS: [&str; 9] = ["en", "fr", "ru", "ar", "pl", "cy", "ja", "pt-PT", "xx-YY"];

    fn bundle(tag: &str) -> &'static Bundle {
        let langid = tag.parse().unwrap_or_default();
        Box::leak(Box::new(new_bundle(langid, [PREPARED, LEFT].into_iter())))
    }

    /// What the prepared form writes and what `fluent-bundle` writes, for the fields'
    /// texts `fields`.
    fn both(bundle: &'static Bundle, tag: &str, id: &str, fields: &[&str]) -> (String, String) {
        let plurals = plural_rules(tag.parse().unwrap_or_default());
        let prepared =
            Prepared::new(bundle, id, NAMES, plurals.is_some()).expect("a prepared shape");
        let mut text = String::new();
        let mut ends = Vec::new();
        for field in fields {
            text.push_str(field);
            ends.push(text.len());
        }
        let texts = Texts {
            text: &text,
            ends: &ends,
        };
        let mut fast = String::new();
        prepared.write(&mut fast, texts, plurals.as_ref()).unwrap();
        let mut fluent = String::new();
        assert!(write_fluent(&mut fluent, bundle, id, NAMES, texts).unwrap());
        (fast, fluent)
    }

    #[test]
    fn the_prepared_shapes_are_those_without_functions_or_references() {
        let bundle = bundle("fr");
        for id in IDS {
            assert!(Prepared::new(bundle, id, NAMES, true).is_some(), "{id}");
        }
        for id in [
            "function",
            "reference",
            "literal",
            "number-literal",
            "unknown",
        ] {
            assert!(Prepared::new(bundle, id, NAMES, true).is_none(), "{id}");
        }
        // A repeated field name: Fluent keeps the last one.
        assert!(Prepared::new(bundle, "plural", &["count", "count", "max"], true).is_none());
        // Plural keys without plural rules.
        assert!(Prepared::new(bundle, "plural", NAMES, false).is_none());
        assert!(Prepared::new(bundle, "absent", NAMES, true).is_none());
    }

    #[test]
    fn the_prepared_form_writes_what_fluent_writes() {
        let numbers = [
            "0",
            "1",
            "2",
            "3",
            "5",
            "11",
            "21",
            "22",
            "101",
            "1000000",
            "1.5",
            "1.0",
            "1.50",
            "0.1",
            "-1",
            "-2",
            "-21",
            "-0",
            "007",
            "123456789012345678",
            "9007199254740993",
            "99999999999999999999999999999999999999",
            "1.0000000000000000001",
            "1e5",
            "NaN",
            "abc",
            "",
            "male",
            "female",
            "one",
            "other",
        ];
        for tag in TAGS {
            let bundle = bundle(tag);
            for id in IDS {
                for count in numbers {
                    for (gender, max) in [("male", "10"), ("female", "2.50"), ("x", "-0")] {
                        let (fast, fluent) = both(bundle, tag, id, &[count, gender, max]);
                        assert_eq!(fast, fluent, "{tag} {id} {count} {gender} {max}");
                    }
                }
            }
        }
        // The plural rules are the locale's: French `one` covers 0 and 1.5, English's
        // does not.
        let fr = bundle("fr");
        assert_eq!(both(fr, "fr", "exact", &["1.5", "", ""]).0, "one of 1.5");
        assert_eq!(
            both(bundle("en"), "en", "exact", &["1.5", "", ""]).0,
            "1.5 items"
        );
        assert_eq!(both(fr, "fr", "exact", &["0", "", ""]).0, "none");
        let ru = bundle("ru");
        assert_eq!(both(ru, "ru", "every", &["22", "", ""]).0, "few (22)");
    }

    proptest::proptest! {
        #[test]
        fn the_prepared_form_writes_what_fluent_writes_for_any_text(
            tag in proptest::sample::select(TAGS.to_vec()),
            id in proptest::sample::select(IDS.to_vec()),
            count in "-?[0-9]{0,22}(\\.[0-9]{0,22})?|[a-z]{0,6}|.{0,8}",
            max in "-?[0-9]{0,4}(\\.[0-9]{0,3})?",
        ) {
            let bundle = bundle(tag);
            let (fast, fluent) = both(bundle, tag, id, &[&count, "male", &max]);
            proptest::prop_assert_eq!(fast, fluent);
        }
    }
}
