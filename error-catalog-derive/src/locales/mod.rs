//! Localized messages: the Fluent files of `#[api_error(locales = "..")]`, read and
//! checked against the type's codes and fields, and the table of translations the
//! expansion writes ([`expand`]).
//!
//! The folder is relative to the crate's `Cargo.toml` (`CARGO_MANIFEST_DIR`), or, when it
//! is not there, to the `Cargo.toml` nearest above the source file (a file that another
//! crate includes with `#[path]`); it holds one folder per language tag, each with
//! `.ftl` files. Every mistake is reported at the
//! `locales` string, naming the file, line, locale and code, and one compile reports
//! them all. Nothing here runs unless `locales` is given.

pub mod expand;
pub mod ftl;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Message, Pattern, PatternElement, Resource,
};
use proc_macro2::Span;
use syn::LitStr;

use crate::ctxt::Errors;
use crate::input::ast::Input;
use crate::input::keys;
use crate::locales::ftl::{Piece, message_id};
use crate::model::{Role, Variant};

/// The checked translations of a type.
pub struct Locales {
    pub default_locale: String,
    pub locales: Vec<Locale>,
}

/// One locale folder.
pub struct Locale {
    pub tag: String,
    pub partial: bool,
    /// The `.ftl` files, absolute, sorted by name.
    pub files: Vec<PathBuf>,
    /// One entry per variant of the model, in its order (`None`: the locale lacks the
    /// code, which only a partial locale may).
    pub entries: Vec<Option<Translation>>,
    /// With `shared_locales`, the messages whose id is no code of the type: another
    /// type's, which `catalog!` checks.
    pub others: Vec<Other>,
}

/// A message of a shared folder that is not the type's own.
pub struct Other {
    pub id: String,
    /// Where it is defined: `folder/fr/errors.ftl:3`.
    pub at: String,
}

/// One code's message in one locale.
pub struct Translation {
    pub id: String,
    /// The message as Fluent source (the pattern after `id =`).
    pub source: String,
    /// The plain pattern, or `None` for one that needs Fluent's formatter.
    pub plain: Option<Vec<Piece>>,
    pub title: Option<String>,
    pub resolution: Option<String>,
}

/// The message id of each variant, in their order, and the variant of each id.
struct Ids<'a> {
    ids: &'a [String],
    by_id: &'a HashMap<&'a str, usize>,
}

/// Where the errors point and what they name.
struct Site<'a> {
    span: Span,
    /// The `locales` value as written.
    folder: &'a str,
    type_name: String,
    /// `shared_locales`: an id that is no code of the type is another type's.
    shared: bool,
}

/// Reads and checks the locales of `input` against its resolved variants; marks each
/// field a translation shows as `localized`. `None` without `locales` or after a
/// mistake (reported to `errors`).
pub fn check(input: &Input, variants: &mut [Variant], errors: &mut Errors) -> Option<Locales> {
    let attrs = &input.attrs.locales;
    let Some(folder) = attrs.folder.get() else {
        for (key, span) in [
            (keys::DEFAULT_LOCALE, attrs.default_locale.span()),
            (keys::PARTIAL_LOCALES, attrs.partial.span()),
            (keys::SHARED_LOCALES, attrs.shared.span()),
        ] {
            if let Some(span) = span.filter(|_| !attrs.folder.is_written()) {
                errors.at(
                    span,
                    format!(
                        "`{key}` needs the folder of the translations: add `locales = \"locales\"`"
                    ),
                );
            }
        }
        return None;
    };
    let folder_text = folder.value();
    let site = Site {
        span: folder.span(),
        folder: &folder_text,
        type_name: input.ident.to_string(),
        shared: attrs.shared.is_set(),
    };
    if input.generics.type_params().next().is_some() {
        errors.at(
            site.span,
            "`locales` is not supported on a generic type: its messages are written by \
             `write!` rather than from the catalog",
        );
        return None;
    }
    let default_locale = attrs
        .default_locale
        .get()
        .map_or_else(|| "en".to_owned(), LitStr::value);
    let before = errors.len();
    check_ids(variants, errors);
    if errors.len() > before {
        // Which code a message is for is ambiguous: the files are not read.
        return None;
    }
    let tags = locale_folders(&site, &default_locale, errors)?;
    // Each code's message id, computed once for every locale.
    let ids: Vec<String> = variants
        .iter()
        .map(|variant| message_id(&variant.code))
        .collect();
    let by_id: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| (id.as_str(), index))
        .collect();
    let ids = Ids {
        ids: &ids,
        by_id: &by_id,
    };
    let mut locales = Vec::new();
    for (tag, dir) in tags {
        let partial = attrs
            .partial
            .get()
            .is_some_and(|list| list.iter().any(|lit| lit.value() == tag));
        locales.push(read_locale(
            &site, &tag, &dir, partial, &ids, variants, errors,
        ));
    }
    for lit in attrs.partial.get().into_iter().flatten() {
        if !locales.iter().any(|locale| locale.tag == lit.value()) {
            let known: Vec<&str> = locales.iter().map(|l| l.tag.as_str()).collect();
            errors.spanned(
                lit,
                format!(
                    "`{}` is not a locale of `{}`: no folder `{}/{}` (its locales: {})",
                    lit.value(),
                    site.folder,
                    site.folder,
                    lit.value(),
                    known.join(", ")
                ),
            );
        }
    }
    (errors.len() == before).then_some(Locales {
        default_locale,
        locales,
    })
}

/// Rule: two codes never map to one Fluent message id.
fn check_ids(variants: &[Variant], errors: &mut Errors) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for variant in variants {
        let id = message_id(&variant.code);
        if let Some(first) = seen.get(&id) {
            errors.at(
                variant.code_span,
                format!(
                    "codes `{first}` and `{}` both map to the Fluent message id `{id}` (a `.` \
                     is written `-`, and a code that does not start with a letter gets an `e` \
                     before it); rename one of them",
                    variant.code
                ),
            );
        } else {
            seen.insert(id, &variant.code);
        }
    }
}

/// The locale folders, sorted by tag, or `None` after an error.
fn locale_folders(
    site: &Site,
    default_locale: &str,
    errors: &mut Errors,
) -> Option<Vec<(String, PathBuf)>> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
    let mut dir = base.join(site.folder);
    if !dir.is_dir()
        && let Some(other) = source_package(site.span).map(|root| root.join(site.folder))
        && other.is_dir()
    {
        dir = other;
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) => {
            errors.at(
                site.span,
                format!(
                    "cannot read the locales folder `{}` (relative to the crate's Cargo.toml): {}",
                    site.folder,
                    io_reason(&err)
                ),
            );
            return None;
        }
    };
    let mut tags = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let Some(tag) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if tag.starts_with('.') {
            continue;
        }
        if let Some(problem) = crate::input::locales::tag_problem(&tag) {
            errors.at(
                site.span,
                format!("folder `{}/{tag}`: {problem}", site.folder),
            );
            continue;
        }
        if tag == default_locale {
            errors.at(
                site.span,
                format!(
                    "folder `{}/{tag}` is the default locale, whose messages are the ones in \
                     the code; remove the folder, or name another `default_locale`",
                    site.folder
                ),
            );
            continue;
        }
        tags.push((tag, path));
    }
    tags.sort();
    if tags.is_empty() {
        errors.at(
            site.span,
            format!(
                "the locales folder `{}` has no locale folder; add one per language, as in \
                 `{}/fr/errors.ftl`",
                site.folder, site.folder
            ),
        );
        return None;
    }
    Some(tags)
}

/// The folder of the `Cargo.toml` nearest above the source file that holds `span`:
/// the package a file included by another crate (`#[path = ".."]`) belongs to. `None`
/// outside a macro expansion, or for a span with no file on disk.
fn source_package(span: Span) -> Option<PathBuf> {
    if !proc_macro::is_available() {
        return None;
    }
    let file = span.unwrap().local_file()?;
    let file = std::fs::canonicalize(file).ok()?;
    file.ancestors()
        .skip(1)
        .find(|dir| dir.join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "it does not exist".to_owned(),
        std::io::ErrorKind::NotADirectory => "it is not a folder".to_owned(),
        _ => err.to_string(),
    }
}

/// Reads one locale folder and checks its messages.
fn read_locale(
    site: &Site,
    tag: &str,
    dir: &Path,
    partial: bool,
    ids: &Ids,
    variants: &mut [Variant],
    errors: &mut Errors,
) -> Locale {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ftl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut entries: Vec<Option<Translation>> = variants.iter().map(|_| None).collect();
    // Where each id was defined (its file as the errors show it, and its line), for
    // the duplicate check.
    let mut defined: HashMap<String, (Rc<str>, usize)> = HashMap::new();
    if files.is_empty() {
        errors.at(
            site.span,
            format!(
                "locale folder `{}/{tag}` has no `.ftl` file; add one, as in `{}/{tag}/errors.ftl`",
                site.folder, site.folder
            ),
        );
    }
    // A file that could not be read whole may hold the messages that look missing.
    let mut unreadable = false;
    let mut others = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let shown: Rc<str> = format!("{}/{tag}/{name}", site.folder).into();
        let Some(text) = file_text(site, path, &shown, errors) else {
            unreadable = true;
            continue;
        };
        let file = File {
            site,
            tag,
            shown: &shown,
            text: &text,
            cursor: std::cell::Cell::new((0, 1)),
        };
        let (resource, whole) = parse(&file, errors);
        unreadable |= !whole;
        read_messages(
            &file,
            &resource,
            ids.by_id,
            &mut defined,
            variants,
            (&mut entries, &mut others),
            errors,
        );
    }
    // A message with a mistake was reported; it is not missing too.
    if !partial && !files.is_empty() && !unreadable {
        report_missing(site, tag, variants, ids.ids, &defined, errors);
    }
    Locale {
        tag: tag.to_owned(),
        partial,
        files: files
            .iter()
            .map(|path| std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
            .collect(),
        entries,
        others,
    }
}

/// The text of a Fluent file, or `None` after reporting why it cannot be read.
fn file_text(site: &Site, path: &Path, shown: &str, errors: &mut Errors) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            errors.at(site.span, format!("cannot read `{shown}`: {err}"));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let line = line_of(&String::from_utf8_lossy(&err.into_bytes()[..at]), at);
            errors.at(
                site.span,
                format!(
                    "`{shown}`:{line}: the file is not UTF-8 (at byte {at}); Fluent files are UTF-8"
                ),
            );
            None
        }
    }
}

/// The file's entries (as far as they parse), and whether it parsed whole; each syntax
/// error is reported.
fn parse<'t>(file: &File<'t>, errors: &mut Errors) -> (Resource<&'t str>, bool) {
    let text = file.text;
    match fluent_syntax::parser::parse(text) {
        Ok(resource) => (resource, true),
        Err((resource, syntax_errors)) => {
            for error in syntax_errors {
                // The line of the broken entry, where its junk starts.
                let start = error.slice.map_or(error.pos.start, |slice| {
                    let junk = text.get(slice.start..).unwrap_or_default();
                    slice.start + (junk.len() - junk.trim_start().len())
                });
                errors.at(
                    file.site.span,
                    format!(
                        "`{}`:{}: Fluent syntax error: {}",
                        file.shown,
                        line_of(text, start),
                        error.kind
                    ),
                );
            }
            (resource, false)
        }
    }
}

/// Rule: a locale that is not partial has a message for every code.
fn report_missing(
    site: &Site,
    tag: &str,
    variants: &[Variant],
    ids: &[String],
    defined: &HashMap<String, (Rc<str>, usize)>,
    errors: &mut Errors,
) {
    let missing: Vec<String> = variants
        .iter()
        .zip(ids)
        .filter(|(_, id)| !defined.contains_key(*id))
        .map(|(variant, id)| {
            if *id == variant.code {
                format!("`{id}`")
            } else {
                format!("`{id}` (code `{}`)", variant.code)
            }
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    let one = missing.len() == 1;
    errors.at(
        site.span,
        format!(
            "locale `{tag}` lacks {} of `{}`: {}; add {} to a file of `{}/{tag}`, or mark the \
             locale partial with `partial_locales = [\"{tag}\"]` (its missing codes then use \
             the default locale)",
            if one { "the message" } else { "messages" },
            site.type_name,
            list(&missing),
            if one { "it" } else { "them" },
            site.folder
        ),
    );
}

/// The first ten items, then how many more.
fn list(items: &[String]) -> String {
    let mut out = items
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > 10 {
        let _ = write!(out, " and {} more", items.len() - 10);
    }
    out
}

/// One file being read.
struct File<'a> {
    site: &'a Site<'a>,
    tag: &'a str,
    /// Its path as the errors show it.
    shown: &'a Rc<str>,
    text: &'a str,
    /// The last line asked for: its byte and its number. The messages are read in the
    /// file's order, so each count starts where the last one ended instead of at the
    /// start of the file (which made reading a file quadratic in its length).
    cursor: std::cell::Cell<(usize, usize)>,
}

impl File<'_> {
    /// The line of a slice of the file's text (an identifier the parser returned).
    fn line(&self, slice: &str) -> usize {
        let at = (slice.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let at = at.min(self.text.len());
        let (from, line) = self.cursor.get();
        let line = if at >= from {
            line + newlines(&self.text.as_bytes()[from..at])
        } else {
            line_of(self.text, at)
        };
        self.cursor.set((at, line));
        line
    }
}

/// The number of line breaks in `bytes`.
// Each byte of a file is counted once: not worth a dependency (`bytecount`).
#[allow(clippy::naive_bytecount)]
fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The 1-based line of byte `at` of `text`.
fn line_of(text: &str, at: usize) -> usize {
    newlines(&text.as_bytes()[..at.min(text.len())]) + 1
}

fn read_messages(
    file: &File,
    resource: &Resource<&str>,
    by_id: &HashMap<&str, usize>,
    defined: &mut HashMap<String, (Rc<str>, usize)>,
    variants: &mut [Variant],
    // Where the type's own messages go (one entry per variant), and the others.
    (entries, others): (&mut [Option<Translation>], &mut Vec<Other>),
    errors: &mut Errors,
) {
    let (shown, tag, span) = (file.shown, file.tag, file.site.span);
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let line = file.line(id);
        // Written only for an error: most messages have none.
        let at = || format!("`{shown}`:{line}");
        if let Some((first, first_line)) = defined.get(id) {
            errors.at(
                span,
                format!(
                    "{}: message `{id}` of locale `{tag}` is defined twice; first at \
                     `{first}`:{first_line}",
                    at()
                ),
            );
            continue;
        }
        defined.insert(id.to_owned(), (Rc::clone(shown), line));
        let Some(&index) = by_id.get(id) else {
            if file.site.shared {
                // Another type's message: `catalog!` checks that one of its types has it.
                others.push(Other {
                    id: id.to_owned(),
                    at: format!("{shown}:{line}"),
                });
            } else {
                errors.at(
                    span,
                    format!(
                        "{}: message `{id}` matches no code of `{}` (a code's message id is \
                         the code, with `.` written `-`); if the folder also holds the messages \
                         of other types, add `shared_locales` and list the types in one \
                         `catalog!`, which checks every id",
                        at(),
                        file.site.type_name
                    ),
                );
            }
            continue;
        };
        let variant = &mut variants[index];
        let code = variant.code.clone();
        let what = || format!("{}: message `{id}` (locale `{tag}`, code `{code}`)", at());
        if let Some(translation) = translation(message, variant, &what, span, errors) {
            entries[index] = Some(translation);
        }
    }
}

/// Checks one message against its variant and reads it.
fn translation(
    message: &Message<&str>,
    variant: &mut Variant,
    // What the errors name: the file, line, message, locale and code.
    what: &dyn Fn() -> String,
    span: Span,
    errors: &mut Errors,
) -> Option<Translation> {
    let Some(value) = &message.value else {
        errors.push(syn::Error::new(
            span,
            format!("{} has no text, only attributes", what()),
        ));
        return None;
    };
    let read = ftl::read(value);
    let mut ok = true;
    for name in &read.variables {
        if let Some(problem) = placeholder_problem(variant, name) {
            errors.push(syn::Error::new(span, format!("{}: {problem}", what())));
            ok = false;
        }
    }
    let mut title = None;
    let mut resolution = None;
    for attribute in &message.attributes {
        let name = attribute.id.name;
        let slot = match name {
            "title" => &mut title,
            "resolution" if variant.resolution.is_some() => &mut resolution,
            "resolution" => {
                errors.push(syn::Error::new(
                    span,
                    format!(
                        "{}: `.resolution` translates the variant's `resolution`, and `{}` has none",
                        what(),
                        variant.name
                    ),
                ));
                ok = false;
                continue;
            }
            other => {
                errors.push(syn::Error::new(
                    span,
                    format!(
                        "{}: unknown attribute `.{other}`; expected `.title` or `.resolution`",
                        what()
                    ),
                ));
                ok = false;
                continue;
            }
        };
        match ftl::read(&attribute.value).plain.as_deref() {
            Some([Piece::Text(text)]) => *slot = Some(text.clone()),
            Some([]) => *slot = Some(String::new()),
            _ => {
                errors.push(syn::Error::new(
                    span,
                    format!(
                        "{}: `.{name}` must be plain text, without placeholders or selectors",
                        what()
                    ),
                ));
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    for name in &read.variables {
        if let Some(field) = variant.fields.iter_mut().find(|f| &f.name == name) {
            field.localized = true;
        }
    }
    Some(Translation {
        id: message.id.name.to_owned(),
        source: source(message),
        plain: read.plain,
        title,
        resolution,
    })
}

/// Why `{ $name }` cannot be shown in the variant's message, or `None`.
fn placeholder_problem(variant: &Variant, name: &str) -> Option<String> {
    let Some(field) = variant.fields.iter().find(|f| f.name == name) else {
        let names: Vec<&str> = variant
            .fields
            .iter()
            .filter(|f| matches!(f.member, syn::Member::Named(_)))
            .map(|f| f.name.as_str())
            .collect();
        let has = if names.is_empty() {
            format!("`{}` has no named fields", variant.name)
        } else {
            format!("the fields of `{}` are: {}", variant.name, names.join(", "))
        };
        return Some(format!("placeholder `{{ ${name} }}` names no field; {has}"));
    };
    match field.role {
        Role::Source { .. } => Some(format!(
            "placeholder `{{ ${name} }}` names a source error, whose text is internal and must \
             not reach clients"
        )),
        Role::Skip => Some(format!(
            "placeholder `{{ ${name} }}` names an #[error(skip)] field, which never reaches \
             clients; mark it #[error(message_only)] to show it in messages only"
        )),
        _ => None,
    }
}

/// The message's pattern as Fluent source.
fn source(message: &Message<&str>) -> String {
    if let Some(text) = message.value.as_ref().and_then(single_line) {
        return text;
    }
    let alone = Resource {
        body: vec![Entry::Message(Message {
            id: message.id.clone(),
            value: message.value.clone(),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let text = fluent_syntax::serializer::serialize(&alone);
    let value = text
        .split_once('=')
        .map_or(text.as_str(), |(_, value)| value);
    value.trim().to_owned()
}

/// The source of a pattern of one line of text and `{ $name }` placeholders (most
/// messages), written as Fluent's serializer writes it, without copying the message
/// into a resource of its own; `None` for any other pattern.
fn single_line(pattern: &Pattern<&str>) -> Option<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } if !value.contains('\n') => {
                text.push_str(value);
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                text.push_str("{ $");
                text.push_str(id.name);
                text.push_str(" }");
            }
            _ => return None,
        }
    }
    let trimmed = text.trim();
    Some(if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn a_single_line_source_is_the_serializers() {
        let ftl = "a = Projet « { $id } » introuvable\n\
                   b = {$x}{$y}  fin\n\
                   c = .point { $p }\n\
                   d =\n    deux\n    lignes { $n }\n\
                   e = { \"{\" } texte\n\
                   f = { $n ->\n    [one] un\n   *[other] { $n }\n}\n";
        let resource = fluent_syntax::parser::parse(ftl).unwrap();
        let mut fast = 0;
        for entry in &resource.body {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let serialized = {
                let alone = fluent_syntax::ast::Resource {
                    body: vec![fluent_syntax::ast::Entry::Message(
                        fluent_syntax::ast::Message {
                            id: message.id.clone(),
                            value: message.value.clone(),
                            attributes: Vec::new(),
                            comment: None,
                        },
                    )],
                };
                let text = fluent_syntax::serializer::serialize(&alone);
                text.split_once('=').unwrap().1.trim().to_owned()
            };
            assert_eq!(super::source(message), serialized, "{}", message.id.name);
            if let Some(text) = super::single_line(message.value.as_ref().unwrap()) {
                assert_eq!(text, serialized);
                fast += 1;
            }
        }
        // a, b and c take the short way; the multi-line, literal and select ones do not.
        assert_eq!(fast, 3);
    }

    use crate::expand::derive;

    /// A fresh folder of locales, from `(path, text)` pairs.
    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("error-catalog-l10n-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn expand(dir: &std::path::Path) -> String {
        let source = format!(
            r#"
            #[api_error(locales = {:?})]
            enum E {{
                #[error(code = "a", status = 404, message = "A {{id}}")]
                A {{ id: String }},
                #[error(code = "b.c", status = 409, message = "B")]
                B,
            }}
            "#,
            dir.to_str().unwrap()
        );
        derive(&syn::parse_str(&source).unwrap()).to_string()
    }

    #[test]
    fn the_never_panics_seed_expands_without_errors() {
        let seed = crate::never_panics::SEEDS
            .iter()
            .find(|seed| seed.contains("tests/locales/seed"))
            .unwrap();
        let out = derive(&syn::parse_str(seed).unwrap()).to_string();
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("__LOCALES"), "{out}");
    }

    #[test]
    fn every_mistake_of_every_file_in_one_compile() {
        let dir = folder(
            "mistakes",
            &[
                ("fr/errors.ftl", "a = A { $nope }\n"),
                ("de/errors.ftl", "a = A\nb-c = { B\n"),
                ("it/errors.ftl", "a = A\nb-c = B\nz = Z\n"),
            ],
        );
        let out = expand(&dir);
        let errors: Vec<&str> = out.split("compile_error !").skip(1).collect();
        assert_eq!(errors.len(), 4, "{out}");
        assert!(out.contains(
            "fr/errors.ftl`:1: message `a` (locale `fr`, code `a`): placeholder `{ $nope }`"
        ));
        assert!(out.contains("locale `fr` lacks the message of `E`: `b-c` (code `b.c`)"));
        assert!(
            out.contains("de/errors.ftl`:2: Fluent syntax error"),
            "{out}"
        );
        assert!(out.contains("it/errors.ftl`:3: message `z` matches no code of `E`"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_message_defined_twice_names_both_places() {
        let dir = folder(
            "twice",
            &[
                ("fr/a.ftl", "a = A { $id }\nb-c = B\n"),
                ("fr/b.ftl", "\na = Encore\n"),
            ],
        );
        let out = expand(&dir);
        let shown = dir.to_str().unwrap();
        let expected = format!(
            "`{shown}/fr/b.ftl`:2: message `a` of locale `fr` is defined twice; first at \
             `{shown}/fr/a.ftl`:1"
        );
        assert!(out.contains(&expected), "{out}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn lines_are_counted_in_order_and_out_of_order() {
        let site = super::Site {
            span: proc_macro2::Span::call_site(),
            folder: "locales",
            type_name: "E".to_owned(),
            shared: false,
        };
        let text = "a = A\n    .title = T\n\nb = B\nc = C\n";
        let file = super::File {
            site: &site,
            tag: "fr",
            shown: &"locales/fr/errors.ftl".into(),
            text,
            cursor: std::cell::Cell::new((0, 1)),
        };
        let at = |id: &str| &text[text.find(&format!("{id} =")).unwrap()..][..1];
        assert_eq!(file.line(at("b")), 4);
        assert_eq!(file.line(at("c")), 5);
        assert_eq!(file.line(at("a")), 1);
        assert_eq!(file.line(at("c")), 5);
        assert_eq!(super::line_of(text, text.len()), 6);
    }

    #[test]
    fn the_files_are_included_so_cargo_tracks_them() {
        let dir = folder(
            "tracked",
            &[
                ("fr/a.ftl", "a = A { $id }\n"),
                ("fr/b.ftl", "b-c = B\n    .title = Titre\n"),
                ("de/errors.ftl", "a = A\nb-c = { 1 ->\n *[x] B\n}\n"),
            ],
        );
        let out = expand(&dir);
        assert!(!out.contains("compile_error"), "{out}");
        for file in ["fr/a.ftl", "fr/b.ftl", "de/errors.ftl"] {
            let path = std::fs::canonicalize(dir.join(file)).unwrap();
            let included = format!("include_str ! ({:?})", path.to_str().unwrap());
            assert!(out.contains(&included), "{file}: {out}");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
