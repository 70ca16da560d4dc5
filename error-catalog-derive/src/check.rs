//! The rules that look at a whole variant or across variants, one function per rule; the
//! variants that pass them are resolved into the [`Model`] that code generation reads.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::LitStr;
use syn::ext::IdentExt;

use crate::ctxt::Errors;
use crate::input::ast::{Field, Input, Shape, Variant};
use crate::input::attr::string_value;
use crate::input::doc;
use crate::input::keys;
use crate::model::template::{self, Template};
use crate::model::{self, Message, Model, resolve, types};

/// The longest code accepted (AIP-193 caps reasons at 63 characters; 64 keeps common
/// slug limits).
const MAX_CODE_LEN: usize = 64;

/// Applies every rule; errors go to `errors`. The model holds one variant per variant
/// that could be resolved (the caller generates nothing from it when `errors` is not
/// empty, but the fallback reads its [`Item`](model::Item)).
pub fn check<'a>(input: &'a Input<'a>, errors: &mut Errors) -> Model<'a> {
    let mut variants = Vec::new();
    for variant in &input.variants {
        check_one_source(variant, errors);
        check_from_is_alone(variant, errors);
        check_one_retry_after(variant, errors);
        check_flatten(variant, errors);
        check_flatten_example(input, variant, errors);
        check_header(variant, errors);
        check_message_only_alone(variant, errors);
        check_detail_keys_on_details(variant, errors);
        if !require_attribute(input, variant, errors) {
            continue;
        }
        let code = resolve_code(input, variant, errors);
        let status = require_status(input, variant, errors);
        let message = resolve_message(variant, errors).and_then(|(text, lit)| {
            let template = parse_template(variant, &text, lit.as_ref(), errors)?;
            check_message_only_shown(variant, &template, errors);
            let span = lit.as_ref().map_or(variant.span, LitStr::span);
            Some(Message {
                text,
                template,
                span,
            })
        });
        if let (Some((code, code_span)), Some(status), Some(message)) = (code, status, message) {
            variants.push(resolve::variant(
                input, variant, code, code_span, status, message,
            ));
        }
    }
    check_unique_codes(&variants, errors);
    check_unique_reasons(&variants, errors);
    check_from_types_differ(input, errors);
    let locales = crate::locales::check(input, &mut variants, errors);
    let mut category = resolve::category(input);
    category.locales = locales.is_some();
    Model {
        item: resolve::item(input),
        category,
        unique_in_crate: input.attrs.unique_in_crate.get() != Some(&false),
        variants,
        locales,
    }
}

/// Rule: every variant carries our attribute, unless `rename_all` derives its code (then
/// the missing keys are reported one by one). With thiserror, ours is `#[api_error(..)]`.
fn require_attribute(input: &Input, variant: &Variant, errors: &mut Errors) -> bool {
    // A variant attribute with only unknown keys counts as present (`unsure`); a
    // misspelled type-level key does not excuse a variant without any attribute (the
    // type's `unsure` is not read here).
    if variant.attrs.present
        || variant.attrs.unsure
        || variant.attrs.code.is_written()
        || input.attrs.rename_all.is_written()
    {
        return true;
    }
    let message = if variant.doc.is_empty() {
        ", message = \"..\""
    } else {
        ""
    };
    let what = describe(input, variant);
    if input.thiserror {
        errors.at(
            variant.span,
            format!(
                "{what} needs `#[api_error(code = \"..\", status = ..{message})]`; its \
                 `#[error(\"..\")]` is thiserror's Display attribute (on a type that does \
                 not derive `thiserror::Error`, write `#[error(code = \"..\", status = \
                 ..{message})]` instead)"
            ),
        );
    } else {
        errors.at(
            variant.span,
            format!("{what} needs an `#[error(code = \"..\", status = ..{message})]` attribute"),
        );
    }
    false
}

/// Rule: every variant has a code, written as `code = ".."` or derived from its name by
/// the type's `rename_all`; a code is 1 to 64 ASCII letters, digits, `_`, `-` or `.`.
fn resolve_code(input: &Input, variant: &Variant, errors: &mut Errors) -> Option<(String, Span)> {
    let (code, span) = if let Some(lit) = variant.attrs.code.get() {
        (string_value(lit), lit.span())
    } else if let Some(rule) = input.attrs.rename_all.get() {
        (
            rule.apply(&variant.ident.unraw().to_string()),
            variant.ident.span(),
        )
    } else {
        // A code with a bad value, or a misspelled key, was reported already.
        let written = variant.attrs.unsure || variant.attrs.code.is_written();
        if !written && !input.attrs.unsure && !input.attrs.rename_all.is_written() {
            errors.at(
                variant.span,
                format!(
                    "{} has no `code`; add `code = \"..\"` to its attribute, or \
                     `#[api_error(rename_all = \"snake_case\")]` to the type to derive codes \
                     from names",
                    describe(input, variant)
                ),
            );
        }
        return None;
    };
    if code.is_empty() {
        errors.at(span, "error code is empty; a code is 1 to 64 characters");
        return None;
    }
    if code.chars().count() > MAX_CODE_LEN {
        errors.at(
            span,
            format!(
                "error code is {} characters long; the limit is {MAX_CODE_LEN}",
                code.chars().count()
            ),
        );
        return None;
    }
    if let Some(bad) = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
    {
        errors.at(
            span,
            format!(
                "error code `{code}` contains {bad:?}; codes use ASCII letters, digits, `_`, `-` \
                 and `.`"
            ),
        );
        return None;
    }
    Some((code, span))
}

/// Rule: every variant has `status = 4xx|5xx` (its range is checked while parsing).
fn require_status(input: &Input, variant: &Variant, errors: &mut Errors) -> Option<u16> {
    match variant.attrs.status.get() {
        Some(status) => Some(*status),
        None => {
            // A status with a bad value, or a misspelled key, was reported already.
            if !(variant.attrs.unsure || variant.attrs.status.is_written()) {
                errors.at(
                    variant.span,
                    format!(
                        "{} has no `status`; add `status = 404` (any of 400..=599)",
                        describe(input, variant)
                    ),
                );
            }
            None
        }
    }
}

/// Rule: the public message is `message = ".."` or, without it, the first sentence of
/// the doc comment; one of the two must exist.
fn resolve_message(variant: &Variant, errors: &mut Errors) -> Option<(String, Option<LitStr>)> {
    if let Some(lit) = variant.attrs.message.get() {
        let text = string_value(lit);
        if text.trim().is_empty() {
            errors.spanned(lit, "`message` is empty; clients need a message");
            return None;
        }
        return Some((text, Some(lit.clone())));
    }
    let sentence = doc::first_sentence(&variant.doc);
    if sentence.is_empty() {
        // A message with a bad value, or a misspelled key, was reported already.
        if variant.attrs.unsure || variant.attrs.message.is_written() {
            return None;
        }
        errors.at(
            variant.span,
            format!(
                "`{}` has no public message; add `message = \"..\"` or a doc comment",
                variant.ident
            ),
        );
        return None;
    }
    Some((template::escape(&sentence), None))
}

/// Rule: every placeholder names a field of the variant, by name in a struct variant and
/// by position in a tuple variant, and never a source or skipped field: their text is
/// internal and must not reach a client. (A message-only field that is also a source or
/// skipped is reported by [`check_message_only_alone`].)
fn parse_template(
    variant: &Variant,
    text: &str,
    lit: Option<&LitStr>,
    errors: &mut Errors,
) -> Option<Template> {
    let span = lit.map_or(variant.span, LitStr::span);
    let template = match Template::parse(text) {
        Ok(template) => template,
        Err(message) => {
            errors.at(span, message);
            return None;
        }
    };
    let mut ok = true;
    for placeholder in template.placeholders() {
        let Some(field) = variant.fields.iter().find(|f| f.name() == placeholder.name) else {
            let names: Vec<String> = variant.fields.iter().map(Field::name).collect();
            let has = if names.is_empty() {
                format!("`{}` has no fields", variant.ident)
            } else {
                format!(
                    "the fields of `{}` are: {}",
                    variant.ident,
                    names.join(", ")
                )
            };
            errors.at(
                span,
                format!(
                    "message placeholder `{{{}}}` names no field; {has}",
                    placeholder.name
                ),
            );
            ok = false;
            continue;
        };
        if field.attrs.message_only.is_set() {
            continue;
        }
        if field.is_source() {
            errors.at(
                span,
                format!(
                    "message interpolates `{}`, a source error; its text is internal and must \
                     not reach clients (it stays available through Error::source)",
                    placeholder.name
                ),
            );
            ok = false;
        } else if field.attrs.skip.is_set() {
            errors.at(
                span,
                format!(
                    "message interpolates `{}`, which is #[error(skip)]: skipped fields never \
                     reach clients; to show a field in the message without sending it as a \
                     detail, mark it #[error(message_only)]",
                    placeholder.name
                ),
            );
            ok = false;
        }
    }
    ok.then_some(template)
}

/// Rule: a variant has at most one source (`#[source]`, `#[from]` or a field named
/// `source`).
fn check_one_source(variant: &Variant, errors: &mut Errors) {
    let mut sources = variant.fields.iter().filter(|f| f.is_source());
    if let Some(first) = sources.next() {
        for extra in sources {
            let span = extra
                .attrs
                .from
                .span()
                .or(extra.attrs.source.span())
                .unwrap_or(extra.span);
            errors.at(
                span,
                format!(
                    "`{}` already has a source, `{}`; an error has at most one source \
                     (`#[source]`, `#[from]` or a field named `source`)",
                    variant.ident,
                    first.name()
                ),
            );
        }
    }
}

/// Rule: `#[from]` builds the whole variant from one value, so the variant has no other
/// field.
fn check_from_is_alone(variant: &Variant, errors: &mut Errors) {
    for field in &variant.fields {
        if let Some(span) = field.attrs.from.span()
            && variant.fields.len() > 1
        {
            let others: Vec<String> = variant
                .fields
                .iter()
                .filter(|f| f.member != field.member)
                .map(Field::name)
                .collect();
            errors.at(
                span,
                format!(
                    "#[from] needs a variant with exactly one field, but `{}` also has: {}",
                    variant.ident,
                    others.join(", ")
                ),
            );
        }
    }
}

/// Rule: `rename` and `example` describe a detail, so they sit on a named field that is
/// serialized: not on a tuple field, a source or an `#[error(skip)]` field. (On a
/// message-only field, [`check_message_only_alone`] reports them.)
fn check_detail_keys_on_details(variant: &Variant, errors: &mut Errors) {
    for field in &variant.fields {
        if field.is_detail() || field.attrs.message_only.is_set() {
            continue;
        }
        let why = if !field.is_named() {
            format!(
                "`{}` is a tuple field, and tuple fields are not details",
                field.name()
            )
        } else if field.is_source() {
            format!(
                "`{}` is a source, and sources are never serialized",
                field.name()
            )
        } else {
            format!(
                "`{}` is #[error(skip)], and skipped fields are never serialized",
                field.name()
            )
        };
        let written = [
            (keys::RENAME, field.attrs.rename.span()),
            (keys::EXAMPLE, field.attrs.example.span()),
        ];
        for (key, span) in written {
            if let Some(span) = span {
                errors.at(span, format!("`{key}` has no effect here: {why}"));
            }
        }
    }
}

/// Rule: at most one field carries the `Retry-After` value.
fn check_one_retry_after(variant: &Variant, errors: &mut Errors) {
    let mut marked = variant
        .fields
        .iter()
        .filter_map(|f| f.attrs.retry_after.span());
    if marked.next().is_some() {
        for extra in marked {
            errors.at(
                extra,
                format!(
                    "`{}` has more than one #[error(retry_after)] field",
                    variant.ident
                ),
            );
        }
    }
}

/// Rule: `#[error(flatten)]` marks a named detail field whose entries become details; it
/// cannot go with what names, hides or takes the field as one value (`rename`, `skip`,
/// `retry_after`, a source), and a tuple field is never a detail. (Its `example` is
/// checked by [`check_flatten_example`].)
/// (With `message_only`, [`check_message_only_alone`] reports it.)
fn check_flatten(variant: &Variant, errors: &mut Errors) {
    for field in &variant.fields {
        let Some(span) = field.attrs.flatten.span() else {
            continue;
        };
        if field.attrs.message_only.is_set() {
            continue;
        }
        let conflict = if !field.is_named() {
            Some(
                "#[error(flatten)] needs a named field: the fields of a tuple variant are not \
                 details"
                    .to_owned(),
            )
        } else if field.is_source() {
            Some(format!(
                "`{}` is a source error and is never serialized; it cannot be flattened",
                field.name()
            ))
        } else {
            [
                (field.attrs.skip.is_set(), keys::SKIP),
                (field.attrs.retry_after.is_set(), keys::RETRY_AFTER),
                (field.attrs.rename.is_set(), keys::RENAME),
                (field.attrs.header.is_set(), keys::HEADER),
            ]
            .into_iter()
            .find(|(set, _)| *set)
            .map(|(_, key)| {
                format!(
                    "#[error(flatten)] cannot be combined with `{key}`: a flattened field's \
                     entries are details, under their own keys"
                )
            })
        };
        if let Some(message) = conflict {
            errors.at(span, message);
        }
    }
}

/// Rule: the `example` of a flattened field lists sample field errors, each a
/// `"path: message"` string (a string, or a `[list]` of them); the expansion then checks
/// that the field's type is `FieldErrors`, which only a type without type parameters can
/// be shown to be.
fn check_flatten_example(input: &Input, variant: &Variant, errors: &mut Errors) {
    let params: Vec<&syn::Ident> = input.generics.type_params().map(|p| &p.ident).collect();
    for field in &variant.fields {
        let (Some(example), Some(span)) = (field.attrs.example.get(), field.attrs.example.span())
        else {
            continue;
        };
        if !field.attrs.flatten.is_set() || field.attrs.message_only.is_set() {
            continue;
        }
        if types::mentions_any(field.ty, &params) {
            errors.at(
                span,
                "`example` on a flattened field lists sample `FieldErrors`, and a field whose \
                 type mentions a type parameter cannot be shown to be one; leave `example` out",
            );
            continue;
        }
        let items = match example {
            model::Example::List(items) => items.iter().collect(),
            one => vec![one],
        };
        let well_formed = !items.is_empty()
            && items.iter().all(|item| match item {
                model::Example::Str(text) => field_error_example(&text.value()).is_some(),
                _ => false,
            });
        if !well_formed {
            errors.at(
                span,
                "`example` on a flattened `FieldErrors` field lists sample errors as \
                 \"path: message\" strings, as in \
                 `example = [\"email: Must be a valid email address\"]`",
            );
        }
    }
}

/// Splits a sample field error, `"path: message"`, at its first `": "`; both parts must
/// be non-empty. (The runtime splits it the same way.)
fn field_error_example(text: &str) -> Option<(&str, &str)> {
    let (path, message) = text.split_once(": ")?;
    (!path.trim().is_empty() && !message.trim().is_empty()).then_some((path, message))
}

/// Rule: a `#[error(header = "..")]` field is sent to clients, so it is neither a source
/// nor `#[error(skip)]`; and a variant sends each header once. (With `message_only`,
/// [`check_message_only_alone`] reports it.)
fn check_header(variant: &Variant, errors: &mut Errors) {
    let mut seen: Vec<String> = Vec::new();
    for field in &variant.fields {
        let Some(name) = field.attrs.header.get() else {
            continue;
        };
        if field.attrs.message_only.is_set() {
            continue;
        }
        if field.is_source() {
            errors.spanned(
                name,
                format!(
                    "`{}` is a source error: its text is internal and is never sent as a header",
                    field.name()
                ),
            );
        } else if field.attrs.skip.is_set() {
            errors.spanned(
                name,
                "a #[error(skip)] field never reaches clients, so it cannot be sent as a header",
            );
        }
        let lower = name.value().to_ascii_lowercase();
        if seen.contains(&lower) {
            errors.spanned(
                name,
                format!(
                    "header `{}` is sent by another field of `{}`",
                    name.value(),
                    variant.ident
                ),
            );
        } else {
            seen.push(lower);
        }
    }
}

/// Rule: `#[error(message_only)]` marks a named field that the message shows and that is
/// sent nowhere else, so it goes with no key that sends, hides or describes the field
/// elsewhere (`skip`, `flatten`, `header`, `retry_after`, `rename`, `example`), is not a
/// source, and is not a tuple field (which is never a detail anyway).
fn check_message_only_alone(variant: &Variant, errors: &mut Errors) {
    for field in &variant.fields {
        let Some(span) = field.attrs.message_only.span() else {
            continue;
        };
        let conflict = if !field.is_named() {
            Some(format!(
                "#[error(message_only)] has no effect here: `{}` is a tuple field, and tuple \
                 fields are never details",
                field.name()
            ))
        } else if field.is_source() {
            Some(format!(
                "`{}` is a source error: its text is internal and never reaches the message, \
                 so it cannot be #[error(message_only)]",
                field.name()
            ))
        } else {
            let why = [
                (
                    field.attrs.skip.is_set(),
                    keys::SKIP,
                    "a skipped field is internal and never reaches the message",
                ),
                (
                    field.attrs.flatten.is_set(),
                    keys::FLATTEN,
                    "a flattened field is sent as details",
                ),
                (
                    field.attrs.header.is_set(),
                    keys::HEADER,
                    "a header field is sent as a header",
                ),
                (
                    field.attrs.retry_after.is_set(),
                    keys::RETRY_AFTER,
                    "a retry_after field is sent as a detail and the Retry-After header",
                ),
                (
                    field.attrs.rename.is_set(),
                    keys::RENAME,
                    "`rename` names the field's detail, and a message-only field has none",
                ),
                (
                    field.attrs.example.is_set(),
                    keys::EXAMPLE,
                    "`example` documents the field's detail, and a message-only field has \
                     none",
                ),
            ]
            .into_iter()
            .find(|(written, _, _)| *written);
            why.map(|(_, key, why)| {
                format!(
                    "#[error(message_only)] cannot be combined with `{key}`: a message-only \
                     field is shown in the message and sent nowhere else; {why}"
                )
            })
        };
        if let Some(message) = conflict {
            errors.at(span, message);
        }
    }
}

/// Rule: a `#[error(message_only)]` field is shown in the message; one that the message
/// does not show would be sent nowhere, which is what `#[error(skip)]` says.
fn check_message_only_shown(variant: &Variant, template: &Template, errors: &mut Errors) {
    for field in &variant.fields {
        let Some(span) = field.attrs.message_only.span() else {
            continue;
        };
        // A tuple field, a source or a skipped field was reported by the other rule.
        let alone = field.is_named() && !field.is_source() && !field.attrs.skip.is_set();
        let name = field.name();
        if alone && !template.placeholders().any(|p| p.name == name) {
            errors.at(
                span,
                format!(
                    "`{name}` is #[error(message_only)], but the message of `{}` does not show \
                     it; interpolate it as `{{{name}}}`, or mark it #[error(skip)] if it is \
                     internal",
                    variant.ident
                ),
            );
        }
    }
}

/// Rule: a code names one error: no two variants of a type share it. Both uses are
/// reported.
fn check_unique_codes(variants: &[model::Variant], errors: &mut Errors) {
    let repeats = repeats(variants.iter().map(|variant| variant.code.as_str()));
    for (entry, first) in repeats {
        let (entry, first) = (&variants[entry], &variants[first]);
        errors.at(
            entry.code_span,
            format!(
                "duplicate error code `{}`: `{}` uses it too",
                entry.code, first.ident
            ),
        );
        errors.at(
            first.code_span,
            format!(
                "error code `{}` is first used here, and again by `{}`",
                entry.code, entry.ident
            ),
        );
    }
}

/// Each key that an earlier one equals, with the first of its equals, as the positions
/// `(repeat, first)`, in the order of the repeats. Sorting finds them: the macro is
/// built without optimizations, where hashing each key costs several times as much.
fn repeats<'k>(keys: impl Iterator<Item = &'k str>) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(&str, usize)> = keys.enumerate().map(|(i, key)| (key, i)).collect();
    // Stable order among equals: by position, so the first of a run is the first use.
    sorted.sort_unstable();
    let mut repeats = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let (key, first) = sorted[i];
        let mut j = i + 1;
        while j < sorted.len() && sorted[j].0 == key {
            repeats.push((sorted[j].1, first));
            j += 1;
        }
        i = j;
    }
    repeats.sort_unstable();
    repeats
}

/// Rule: no two codes of a type map to the same Google `ErrorInfo.reason` (the code in
/// `UPPER_SNAKE_CASE`, cut to 63 characters: `auth-401` and `auth.401` are both
/// `AUTH_401`), or a client that reads a reason back could not tell them apart. The
/// second code is reported; the same code twice is the rule above.
fn check_unique_reasons(variants: &[model::Variant], errors: &mut Errors) {
    let repeats = repeats(variants.iter().map(|variant| variant.reason.as_str()));
    for (entry, first) in repeats {
        let (entry, first) = (&variants[entry], &variants[first]);
        // The same code twice is the rule above.
        if first.code != entry.code {
            let reason = &entry.reason;
            errors.at(
                entry.code_span,
                format!(
                    "duplicate error reason `{reason}`: code `{}` maps to it, and so does \
                     `{}` of `{}` (the Google `ErrorInfo.reason` is the code in \
                     UPPER_SNAKE_CASE, cut to {REASON_LEN} characters); rename one of them",
                    entry.code, first.code, first.ident
                ),
            );
        }
    }
}

/// Most characters of a Google `ErrorInfo.reason`.
const REASON_LEN: usize = 63;

/// The Google `ErrorInfo.reason` of a code, as the runtime's `grpc::reason` writes it:
/// `UPPER_SNAKE_CASE`, cut to 63 characters (on a character boundary).
/// The hash `catalog!`'s index files a code under: the runtime's `index::hash` of the
/// reason, computed here once so that `catalog!`'s const evaluation reads it from the
/// row (`tests/catalog.rs` checks that the two agree on every code it derives).
pub fn reason_hash(reason: &str) -> u32 {
    const PRIME: u64 = 0x0100_0193;
    const MASK: u64 = 0xffff_ffff;
    let word = |bytes: &[u8]| {
        bytes
            .iter()
            .rev()
            .fold(0u64, |word, &byte| word << 8 | u64::from(byte))
    };
    let mut hash: u64 = 0x811c_9dc5;
    let mut chunks = reason.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        hash = ((hash ^ word(&chunk[..4])) * PRIME) & MASK;
        hash = ((hash ^ (hash >> 15) ^ word(&chunk[4..])) * PRIME) & MASK;
        hash ^= hash >> 15;
    }
    let mut rest = chunks.remainder();
    if rest.len() >= 4 {
        hash = ((hash ^ word(&rest[..4])) * PRIME) & MASK;
        hash ^= hash >> 15;
        rest = &rest[4..];
    }
    for &byte in rest {
        hash = ((hash ^ u64::from(byte)) * PRIME) & MASK;
    }
    hash ^= hash >> 16;
    hash = (hash * 0x85eb_ca6b) & MASK;
    u32::try_from(hash ^ (hash >> 13)).unwrap_or_default()
}

pub fn grpc_reason(code: &str) -> String {
    if let Some(reason) = reason_lowercase(code) {
        return reason;
    }
    let mut reason = heck::ToShoutySnakeCase::to_shouty_snake_case(code);
    let mut end = reason.len().min(REASON_LEN);
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    reason.truncate(end);
    reason
}

/// [`grpc_reason`] of a code without uppercase letters and of ASCII only (most codes:
/// `snake_case`, `kebab-case`, dotted), in one pass: with no uppercase letter, a word
/// never ends inside a run of letters and digits, so the words are those runs, joined
/// by `_`. `None` for any other code.
fn reason_lowercase(code: &str) -> Option<String> {
    let mut out = String::with_capacity(code.len().min(REASON_LEN));
    let mut gap = false;
    for byte in code.bytes() {
        if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(char::from(byte.to_ascii_uppercase()));
        } else if byte.is_ascii_uppercase() || !byte.is_ascii() {
            return None;
        } else {
            gap = true;
        }
    }
    out.truncate(REASON_LEN);
    Some(out)
}

/// Rule: two `#[from]` fields of one type would give two `From` impls for that type; the
/// second is reported. (Types are compared as written.)
fn check_from_types_differ(input: &Input, errors: &mut Errors) {
    let mut first_use: HashMap<String, &Variant> = HashMap::new();
    for variant in &input.variants {
        for field in &variant.fields {
            let Some(span) = field.attrs.from.span() else {
                continue;
            };
            let ty = types::display(field.ty);
            if let Some(first) = first_use.get(&ty) {
                errors.at(
                    span,
                    format!(
                        "`{}` is #[from] `{ty}`, and so is `{}`: only one variant can be built \
                         from a type; use #[source] here and build this variant by hand",
                        variant.ident, first.ident
                    ),
                );
            } else {
                first_use.insert(ty, variant);
            }
        }
    }
}

fn describe(input: &Input, variant: &Variant) -> String {
    match input.shape {
        Shape::Enum => format!("variant `{}`", variant.ident),
        Shape::Struct => format!("`{}`", variant.ident),
    }
}

#[cfg(test)]
mod tests {
    use super::repeats;

    #[test]
    fn repeats_pair_each_repeat_with_the_first_use_in_order() {
        let keys = ["b", "a", "c", "a", "b", "a", "d"];
        assert_eq!(
            repeats(keys.into_iter()),
            vec![(3, 1), (4, 0), (5, 1)],
            "repeats in the order they are written, each with its key's first use"
        );
        assert!(repeats(["x", "y"].into_iter()).is_empty());
    }
}
