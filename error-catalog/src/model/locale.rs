//! The translations of a type's messages: [`Locales`], one [`Locale`] per language, one
//! [`Translation`] per code, written by the derive from the Fluent files of
//! `#[api_error(locales = "..")]`, and the rendering of a translated message.

use core::fmt;

use crate::model::api_error::ApiError;
use crate::model::fields::{Fields, Piece, fill};
use crate::model::spec::ErrorSpec;

/// The translations of one error type: its default locale (the language of the messages
/// written in the code) and one [`Locale`] per folder of its `locales` folder.
///
/// Reached through [`Category::locales`](crate::Category::locales). See the
/// [crate documentation](crate#localized-messages) for the files.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(locales = "tests/locales/basic")]
/// pub enum ProjectError {
///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
///     NotFound { id: String },
/// }
///
/// let locales = ProjectError::CATALOG[0].category().locales().unwrap();
/// assert_eq!(locales.default_locale(), "en");
/// assert_eq!(locales.tags().collect::<Vec<_>>(), ["en", "de", "fr"]);
/// assert!(locales.get("FR").is_some());
/// ```
pub struct Locales {
    #[doc(hidden)]
    pub default_locale: &'static str,
    /// The type's catalog, which the translations follow index by index.
    #[doc(hidden)]
    pub specs: &'static [ErrorSpec],
    #[doc(hidden)]
    pub locales: &'static [Locale],
}

impl Locales {
    /// The language tag of the messages written in the code (`default_locale = ".."`,
    /// `en` by default).
    pub const fn default_locale(&self) -> &'static str {
        self.default_locale
    }

    /// The translated locales, sorted by tag (the default locale is not one of them).
    pub const fn locales(&self) -> &'static [Locale] {
        self.locales
    }

    /// Every language tag the type's messages exist in: the default locale first, then
    /// the translated ones.
    pub fn tags(&self) -> impl Iterator<Item = &'static str> + use<> {
        let locales = self.locales;
        core::iter::once(self.default_locale).chain(locales.iter().map(Locale::tag))
    }

    /// The translated locale whose tag is `tag` (compared ASCII case-insensitively), with
    /// no fallback: `fr-CA` does not find `fr` (see [`Message::negotiate`](crate::Message::negotiate)).
    #[inline]
    pub fn get(&self, tag: &str) -> Option<&'static Locale> {
        self.locales
            .iter()
            .find(|locale| locale.tag.eq_ignore_ascii_case(tag))
    }

    /// The position of `spec` in the type's catalog, if it is one of its rows.
    #[inline]
    fn index_of(&self, spec: &ErrorSpec) -> Option<usize> {
        let start = self.specs.as_ptr() as usize;
        let at = core::ptr::from_ref(spec) as usize;
        let size = core::mem::size_of::<ErrorSpec>();
        let offset = at.checked_sub(start)?;
        let index = offset / size;
        (offset % size == 0 && index < self.specs.len()).then_some(index)
    }
}

/// Tables are compared by identity: each type has one.
impl PartialEq for Locales {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self, other)
    }
}

impl Eq for Locales {}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locales")
            .field("default_locale", &self.default_locale)
            .field("locales", &self.locales)
            .finish_non_exhaustive()
    }
}

/// The translations of a type's messages into one language: one Fluent folder.
pub struct Locale {
    #[doc(hidden)]
    pub tag: &'static str,
    #[doc(hidden)]
    pub partial: bool,
    /// The text of each `.ftl` file of the folder, sorted by file name.
    #[doc(hidden)]
    pub sources: &'static [&'static str],
    /// The texts of every translation, one after the other, in the catalog's order: for
    /// each, its source, parsed text, title, resolution, message id and Fluent
    /// arguments, each only where it has one (see [`Encoded`]).
    #[doc(hidden)]
    pub text: &'static str,
    /// One record per row of the catalog, in its order: a byte of [`Encoded`] flags,
    /// then, for a code the locale has, the length in bytes of each of its texts that
    /// `text` holds, as a little-endian `u32`.
    #[doc(hidden)]
    pub index: &'static [u8],
    /// The translations read from `text` and `index`, one entry per row (`None` where a
    /// partial locale lacks the code): read once, at the first lookup.
    #[doc(hidden)]
    pub translations: &'static Translations,
    /// The translations of the type this locale belongs to.
    #[doc(hidden)]
    pub of: &'static Locales,
    /// With `shared_locales`: the folder's messages that are other types' (their ids are
    /// no code of this type), which [`catalog!`](crate::catalog!) checks.
    #[doc(hidden)]
    pub others: &'static [OtherMessage],
}

/// A message of a shared locale folder whose id is no code of the type that read it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct OtherMessage {
    /// The Fluent message id.
    pub id: &'static str,
    /// Where it is defined: `locales/fr/errors.ftl:3`.
    pub at: &'static str,
}

impl Locale {
    /// The language tag, the name of the folder: `fr`, `pt-BR`.
    pub const fn tag(&self) -> &'static str {
        self.tag
    }

    /// Whether the locale is marked partial (`partial_locales = [..]`): it may lack
    /// codes, whose messages are then written in the default locale.
    pub const fn is_partial(&self) -> bool {
        self.partial
    }

    /// The text of the locale's Fluent files, sorted by file name.
    pub const fn sources(&self) -> &'static [&'static str] {
        self.sources
    }

    /// The translation of `spec`'s code (`None` when a partial locale lacks it, or when
    /// `spec` is not a row of this locale's type).
    #[inline]
    pub fn translation(&self, spec: &ErrorSpec) -> Option<&'static Translation> {
        // Only a row of this locale's own type has a translation here.
        let index = self.of.index_of(spec)?;
        self.translations().get(index)?.as_ref()
    }

    /// Every translation of the locale, one per row of its type's catalog (`None` where
    /// a partial locale lacks the code), read from `text` and `index` at the first call.
    #[inline]
    pub(crate) fn translations(&self) -> &'static [Option<Translation>] {
        let translations: &'static Translations = self.translations;
        match translations.0.get() {
            Some(read) => read,
            None => self.read_translations(),
        }
    }

    /// The first call's part of [`translations`](Locale::translations), kept out of the
    /// lookup that every later call makes.
    #[cold]
    #[inline(never)]
    fn read_translations(&self) -> &'static [Option<Translation>] {
        let translations: &'static Translations = self.translations;
        translations.0.get_or_init(|| self.decode(self.of.specs))
    }

    /// Reads every translation out of `text` and `index`. The derive writes both; a
    /// record that does not fit them (which it never writes) reads as no translation.
    fn decode(&self, specs: &'static [ErrorSpec]) -> Box<[Option<Translation>]> {
        let mut reader = Reader {
            text: self.text,
            index: self.index,
        };
        specs
            .iter()
            .map(|spec| reader.translation(spec.code()))
            .collect()
    }
}

/// The translations of one [`Locale`], read from its text at the first lookup (the
/// derive writes them as one text per locale, far cheaper to compile than a value per
/// translation).
#[doc(hidden)]
pub struct Translations(std::sync::OnceLock<Box<[Option<Translation>]>>);

impl Translations {
    /// Not read yet: the value of the derive's statics.
    pub const fn unread() -> Translations {
        Translations(std::sync::OnceLock::new())
    }
}

/// The flags of a translation's record in [`Locale::index`], its first byte.
#[doc(hidden)]
pub struct Encoded;

impl Encoded {
    /// The locale has the code (a partial locale may not): the record goes on.
    pub const PRESENT: u8 = 1;
    /// The translation's `plain`.
    pub const PLAIN: u8 = 1 << 1;
    /// The translation's `json_plain`.
    pub const JSON_PLAIN: u8 = 1 << 2;
    /// The record has a title.
    pub const TITLE: u8 = 1 << 3;
    /// The record has a resolution.
    pub const RESOLUTION: u8 = 1 << 4;
    /// The record has a message id: the code's differs from the code.
    pub const ID: u8 = 1 << 5;
    /// The record has Fluent arguments (the shown fields' names, each followed by a
    /// line break).
    pub const ARGS: u8 = 1 << 6;
}

/// A record that does not fit the locale's text and index.
struct Broken;

/// Where [`Locale::decode`] is in the locale's text and index.
struct Reader {
    text: &'static str,
    index: &'static [u8],
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.index.split_first()?;
        self.index = rest;
        Some(first)
    }

    /// The next text: its length from the index, its bytes from the text.
    fn text(&mut self) -> Option<&'static str> {
        let (len, rest) = self.index.split_first_chunk::<4>()?;
        self.index = rest;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        let text = self.text.get(..len)?;
        self.text = self.text.get(len..)?;
        Some(text)
    }

    /// The next text if `flags` has `flag`; `Err` if the record ends before it.
    fn optional(&mut self, flags: u8, flag: u8) -> Result<Option<&'static str>, Broken> {
        if flags & flag == 0 {
            Ok(None)
        } else {
            self.text().map(Some).ok_or(Broken)
        }
    }

    /// The next record, for the row whose code is `code`.
    fn translation(&mut self, code: &'static str) -> Option<Translation> {
        let flags = self.byte()?;
        if flags & Encoded::PRESENT == 0 {
            return None;
        }
        let source = self.text()?;
        let parsed = self
            .optional(flags, Encoded::PLAIN)
            .ok()?
            .unwrap_or_default();
        let title = self.optional(flags, Encoded::TITLE).ok()?;
        let resolution = self.optional(flags, Encoded::RESOLUTION).ok()?;
        let id = self.optional(flags, Encoded::ID).ok()?.unwrap_or(code);
        // Read once per process, kept as long as the locale's translations: a slice, so
        // that handing them to Fluent walks no text.
        let args: &'static [&'static str] = match self.optional(flags, Encoded::ARGS).ok()? {
            Some(names) => Box::leak(names.lines().collect()),
            None => &[],
        };
        Some(Translation {
            id,
            source,
            plain: flags & Encoded::PLAIN != 0,
            parsed,
            title,
            resolution,
            args,
            json_plain: flags & Encoded::JSON_PLAIN != 0,
        })
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locale")
            .field("tag", &self.tag)
            .field("partial", &self.partial)
            .finish_non_exhaustive()
    }
}

/// One code's message in one locale: the Fluent message whose id is the code, and its
/// `.title` and `.resolution` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Translation {
    #[doc(hidden)]
    pub id: &'static str,
    #[doc(hidden)]
    pub source: &'static str,
    /// The pattern has no selector, function or reference: the runtime fills it in from
    /// `parsed`, as a default message.
    #[doc(hidden)]
    pub plain: bool,
    /// For a plain pattern, the form of `ErrorSpec`'s hidden `parsed`; empty otherwise.
    #[doc(hidden)]
    pub parsed: &'static str,
    #[doc(hidden)]
    pub title: Option<&'static str>,
    #[doc(hidden)]
    pub resolution: Option<&'static str>,
    /// The names of the fields the fields function shows, in its order: the Fluent
    /// variables of a pattern with selectors.
    #[doc(hidden)]
    pub args: &'static [&'static str],
    /// The literal text of `parsed` needs no escaping in JSON.
    #[doc(hidden)]
    pub json_plain: bool,
}

impl Translation {
    /// The Fluent message id: the code, with `.` written `-` (and after an `e` when the
    /// code does not start with a letter).
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The message as written in the Fluent file (the pattern after `id =`).
    pub const fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the pattern needs Fluent's formatter (a selector such as a plural, a
    /// function or a reference to another message or term). Such a message is written
    /// in this locale with the `i18n` feature, and in the default locale without it.
    pub const fn has_selectors(&self) -> bool {
        !self.plain
    }

    /// The translated title (`.title`), if the file has one.
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The translated resolution (`.resolution`), if the file has one.
    pub const fn resolution(&self) -> Option<&'static str> {
        self.resolution
    }
}

/// The Fluent message id of a code (the derive's rule): the code with each `.` written
/// `-`, after an `e` when it does not start with a letter.
pub(crate) fn message_id(code: &str) -> String {
    let id = code.replace('.', "-");
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id
    } else {
        format!("e{id}")
    }
}

impl ErrorSpec {
    /// The translation of this code into the locale `tag` (exactly, ASCII
    /// case-insensitively), if its type has that locale and the locale has the code.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(locales = "tests/locales/basic")]
    /// pub enum ProjectError {
    ///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    ///     NotFound { id: String },
    /// }
    ///
    /// let fr = ProjectError::CATALOG[0].translation("fr").unwrap();
    /// assert_eq!(fr.source(), "Projet { $id } introuvable");
    /// assert_eq!(fr.title(), Some("Projet introuvable"));
    /// assert!(ProjectError::CATALOG[0].translation("it").is_none());
    /// ```
    pub fn translation(&self, tag: &str) -> Option<&'static Translation> {
        self.category().locales()?.get(tag)?.translation(self)
    }
}

/// The translation of one error's code that its message is written in: the locale, and
/// the code's text in it.
#[derive(Clone, Copy)]
pub(crate) struct Chosen {
    pub(crate) locale: &'static Locale,
    pub(crate) translation: &'static Translation,
}

impl Chosen {
    /// `spec`'s translation in `locale`, if the locale has the code and this build can
    /// write it (a pattern with selectors needs the `i18n` feature): else the default
    /// locale is written.
    #[inline]
    pub(crate) fn of(spec: &ErrorSpec, locale: Option<&'static Locale>) -> Option<Chosen> {
        let locale = locale?;
        let translation = locale.translation(spec)?;
        (translation.plain || cfg!(feature = "i18n")).then_some(Chosen {
            locale,
            translation,
        })
    }
}

/// Writes `error`'s message in the chosen translation, or returns `Ok(false)` having
/// written nothing when it cannot (Fluent's formatter lacks the message).
pub(crate) fn write_message(
    f: &mut fmt::Formatter<'_>,
    error: &dyn ApiError,
    chosen: Chosen,
) -> Result<bool, fmt::Error> {
    let Chosen {
        locale,
        translation,
    } = chosen;
    if translation.plain {
        let fields: &Fields<'_, '_> = &|visit| {
            error.__fields(visit);
        };
        fill(translation.parsed, fields, |piece| match piece {
            Piece::Text(text) => f.write_str(text),
            Piece::Value(value) => write!(f, "{value}"),
        })?;
        return Ok(true);
    }
    #[cfg(feature = "i18n")]
    {
        crate::model::fluent::write_message(f, error, locale, translation)
    }
    #[cfg(not(feature = "i18n"))]
    {
        let _ = locale;
        Ok(false)
    }
}
