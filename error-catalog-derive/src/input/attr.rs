//! Parsing of `#[error(..)]` / `#[api_error(..)]`, `#[source]` and `#[from]` into slots.
//!
//! `#[error(..)]` and `#[api_error(..)]` are the same attribute; `api_error` exists so an
//! enum can also derive `thiserror::Error`, which owns `#[error("..")]`. An `#[error]`
//! whose content starts with a string literal (or is `transparent`) is thiserror's and is
//! left alone. Every mistake is reported on its own token and parsing goes on, so one
//! compile lists them all.

use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Lit, LitBool, LitInt, LitStr, Token};

use crate::ctxt::Errors;
use crate::input::case::RenameRule;
use crate::input::format::Format;
use crate::input::keys::{self, CONTAINER_KEYS, FIELD_KEYS, VARIANT_KEYS};
use crate::input::locales::{self, LocaleAttrs};
use crate::input::slot::{Attr, Flag, skip_until_comma, skip_value};

/// The type-level keys.
pub struct ContainerAttrs {
    pub rename_all: Attr<RenameRule>,
    pub format: Attr<Format>,
    pub docs: Attr<LitStr>,
    pub domain: Attr<LitStr>,
    pub unique_in_crate: Attr<bool>,
    /// `impls = false`: no framework trait impls (axum, actix-web, tonic, utoipa).
    pub impls: Attr<bool>,
    pub krate: Attr<syn::Path>,
    /// `decode`: the type implements `FromErrorBody` (`expand/decode.rs`).
    pub decode: Flag,
    /// `locales`, `default_locale` and `partial_locales`.
    pub locales: LocaleAttrs,
    /// An unknown key, or an attribute that failed to parse: any key may be the one
    /// meant, so none is reported as missing.
    pub unsure: bool,
}

/// The keys of a variant (or of a struct, next to the type-level keys).
pub struct VariantAttrs {
    pub code: Attr<LitStr>,
    pub status: Attr<u16>,
    pub retryable: Attr<bool>,
    pub message: Attr<LitStr>,
    pub title: Attr<LitStr>,
    pub resolution: Attr<LitStr>,
    pub causes: Attr<Vec<LitStr>>,
    pub retry_after: Attr<u64>,
    /// `replaced_by = ".."`: the code that replaces a `#[deprecated]` one.
    pub replaced_by: Attr<LitStr>,
    /// True once any key of ours was seen on the variant.
    pub present: bool,
    /// As [`ContainerAttrs::unsure`].
    pub unsure: bool,
}

/// The keys of a field, and its `#[source]` / `#[from]`.
pub struct FieldAttrs {
    pub source: Flag,
    pub from: Flag,
    pub skip: Flag,
    /// `#[error(message_only)]`: the field is shown in the message and sent nowhere else.
    pub message_only: Flag,
    pub retry_after: Flag,
    pub rename: Attr<LitStr>,
    pub example: Attr<Example>,
    /// `#[error(flatten)]`: the field's entries become details of their own.
    pub flatten: Flag,
    /// `#[error(header = "X-RateLimit-Reset")]`: the field is also sent as this header.
    pub header: Attr<LitStr>,
}

impl ContainerAttrs {
    fn new() -> Self {
        ContainerAttrs {
            rename_all: Attr::new(keys::RENAME_ALL),
            format: Attr::new(keys::FORMAT),
            docs: Attr::new(keys::DOCS),
            domain: Attr::new(keys::DOMAIN),
            unique_in_crate: Attr::new(keys::UNIQUE_IN_CRATE),
            impls: Attr::new(keys::IMPLS),
            krate: Attr::new(keys::CRATE),
            decode: Attr::new(keys::DECODE),
            locales: LocaleAttrs::new(),
            unsure: false,
        }
    }
}

impl VariantAttrs {
    fn new() -> Self {
        VariantAttrs {
            code: Attr::new(keys::CODE),
            status: Attr::new(keys::STATUS),
            retryable: Attr::new(keys::RETRYABLE),
            message: Attr::new(keys::MESSAGE),
            title: Attr::new(keys::TITLE),
            resolution: Attr::new(keys::RESOLUTION),
            causes: Attr::new(keys::CAUSES),
            retry_after: Attr::new(keys::RETRY_AFTER),
            replaced_by: Attr::new(keys::REPLACED_BY),
            present: false,
            unsure: false,
        }
    }
}

impl FieldAttrs {
    fn new() -> Self {
        FieldAttrs {
            source: Attr::new(keys::SOURCE),
            from: Attr::new(keys::FROM),
            skip: Attr::new(keys::SKIP),
            message_only: Attr::new(keys::MESSAGE_ONLY),
            retry_after: Attr::new(keys::RETRY_AFTER),
            rename: Attr::new(keys::RENAME),
            example: Attr::new(keys::EXAMPLE),
            flatten: Attr::new(keys::FLATTEN),
            header: Attr::new(keys::HEADER),
        }
    }
}

/// Where an attribute sits, which decides the keys it accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Struct,
    Variant,
}

impl Place {
    fn keys(self) -> Vec<&'static str> {
        match self {
            Place::Enum => CONTAINER_KEYS.to_vec(),
            Place::Variant => VARIANT_KEYS.to_vec(),
            Place::Struct => VARIANT_KEYS.iter().chain(CONTAINER_KEYS).copied().collect(),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Place::Enum => "an enum",
            Place::Struct => "a struct",
            Place::Variant => "a variant",
        }
    }
}

/// Is this attribute one of ours?
fn is_ours(attr: &Attribute) -> bool {
    attr.path().is_ident(keys::ERROR) || attr.path().is_ident(keys::API_ERROR)
}

/// Is this `#[error(..)]` thiserror's (`#[error("..")]`, `#[error(transparent)]`)?
pub fn is_thiserror_form(attr: &Attribute) -> bool {
    if !attr.path().is_ident(keys::ERROR) {
        return false;
    }
    let Ok(list) = attr.meta.require_list() else {
        return false;
    };
    let mut tokens = list.tokens.clone().into_iter();
    match tokens.next() {
        Some(proc_macro2::TokenTree::Literal(_)) => true,
        Some(proc_macro2::TokenTree::Ident(ident)) => {
            (ident == "transparent" && tokens.next().is_none()) || ident == "fmt"
        }
        _ => false,
    }
}

/// Parses the type-level and item-level attributes of an enum or struct. `thiserror`:
/// whether any attribute of the type or its variants is thiserror's (when none is, none
/// is looked at again here).
pub fn container_and_item(
    attrs: &[Attribute],
    place: Place,
    thiserror: bool,
    errors: &mut Errors,
) -> (ContainerAttrs, VariantAttrs) {
    let mut container = ContainerAttrs::new();
    let mut item = VariantAttrs::new();
    let ours = |a: &&Attribute| is_ours(a) && !(thiserror && is_thiserror_form(a));
    for attr in attrs.iter().filter(ours) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta);
            if place != Place::Variant && CONTAINER_KEYS.contains(&key.as_str()) {
                container_key(&meta, &key, &mut container, errors)
            } else if place != Place::Enum && VARIANT_KEYS.contains(&key.as_str()) {
                item.present = true;
                variant_key(&meta, &key, &mut item, errors)
            } else {
                container.unsure = true;
                item.unsure = true;
                unknown_key(&meta, &key, place, errors)
            }
        });
        if let Err(err) = result {
            container.unsure = true;
            item.unsure = true;
            errors.push(err);
        }
    }
    (container, item)
}

/// Parses a variant's attributes (`thiserror` as in [`container_and_item`]).
pub fn variant(attrs: &[Attribute], thiserror: bool, errors: &mut Errors) -> VariantAttrs {
    let (_, item) = container_and_item(attrs, Place::Variant, thiserror, errors);
    item
}

fn key_of(meta: &ParseNestedMeta) -> String {
    meta.path.get_ident().map_or_else(
        || meta.path.to_token_stream().to_string(),
        ToString::to_string,
    )
}

fn unknown_key(
    meta: &ParseNestedMeta,
    key: &str,
    place: Place,
    errors: &mut Errors,
) -> syn::Result<()> {
    let keys = place.keys();
    let hint = if place == Place::Variant && CONTAINER_KEYS.contains(&key) {
        format!("; `{key}` belongs on the enum, in #[api_error(..)]")
    } else if place == Place::Enum && VARIANT_KEYS.contains(&key) {
        format!("; `{key}` belongs on each variant")
    } else if FIELD_KEYS.contains(&key) {
        format!("; `{key}` belongs on a field")
    } else {
        String::new()
    };
    errors.spanned(
        &meta.path,
        format!(
            "unknown key `{key}` on {}; expected one of: {}{hint}",
            place.describe(),
            keys.join(", ")
        ),
    );
    skip_value(meta)
}

/// Parses `= <literal>`; reports a missing `=` or a non-literal at its token.
fn literal(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<Option<Lit>> {
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("expected `{key} = {example}`")));
    }
    meta.input.parse::<Token![=]>()?;
    // A plain literal token is read once (`peek(Lit)` then `parse` would classify it,
    // and cook a string's value, twice); `true`, `false` and `-1` take syn's way.
    let plain = meta.input.step(|cursor| match cursor.literal() {
        Some((token, rest)) => Ok((Some(read_literal(token)), rest)),
        None => Ok((None, *cursor)),
    })?;
    if plain.is_some() {
        Ok(plain)
    } else if meta.input.peek(Lit) {
        Ok(Some(meta.input.parse()?))
    } else {
        let span = meta.input.span();
        skip_until_comma(meta.input)?;
        Err(syn::Error::new(
            span,
            format!("expected a literal, as in `{key} = {example}`"),
        ))
    }
}

/// The literal token as syn's `Lit`. A string literal without escapes, the usual kind,
/// is read here: `Lit::new` decodes every string character by character, which costs
/// the macro (built without optimizations) more than the rest of reading an attribute.
fn read_literal(token: proc_macro2::Literal) -> Lit {
    let repr = token.to_string();
    match plain_string(&repr) {
        Some(value) => Lit::Str(LitStr::new(value, token.span())),
        None => Lit::new(token),
    }
}

/// The value of a string literal (syn's `LitStr::value`), read directly when the
/// literal has no escape and no suffix.
pub(crate) fn string_value(lit: &LitStr) -> String {
    let repr = lit.token().to_string();
    plain_string(&repr).map_or_else(|| lit.value(), str::to_owned)
}

/// The contents of `"..."` written without `\` or a carriage return and without a
/// suffix, which are the value as written; `None` for any other literal.
fn plain_string(repr: &str) -> Option<&str> {
    let bytes = repr.as_bytes();
    let last = bytes.len().checked_sub(1)?;
    if last == 0 || bytes[0] != b'"' || bytes[last] != b'"' {
        return None;
    }
    // A plain loop: the macro is built without optimizations.
    let mut i = 1;
    while i < last {
        if bytes[i] == b'\\' || bytes[i] == b'\r' {
            return None;
        }
        i += 1;
    }
    repr.get(1..last)
}

fn wrong_type(lit: &Lit, key: &str, expected: &str, example: &str, errors: &mut Errors) {
    errors.spanned(
        lit,
        format!("`{key}` takes {expected}, as in `{key} = {example}`"),
    );
}

/// `key = "text"`.
pub(crate) fn string(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    errors: &mut Errors,
) -> syn::Result<Option<LitStr>> {
    Ok(match literal(meta, key, example)? {
        Some(Lit::Str(s)) => Some(s),
        Some(other) => {
            wrong_type(&other, key, "a string", example, errors);
            None
        }
        None => None,
    })
}

/// `key = true`.
fn boolean(meta: &ParseNestedMeta, key: &str, errors: &mut Errors) -> syn::Result<Option<bool>> {
    Ok(match literal(meta, key, "true")? {
        Some(Lit::Bool(LitBool { value, .. })) => Some(value),
        Some(other) => {
            wrong_type(&other, key, "`true` or `false`", "true", errors);
            None
        }
        None => None,
    })
}

/// `key = 42`.
fn integer(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
    errors: &mut Errors,
) -> syn::Result<Option<LitInt>> {
    Ok(match literal(meta, key, example)? {
        Some(Lit::Int(int)) => Some(int),
        Some(other) => {
            wrong_type(&other, key, "an integer", example, errors);
            None
        }
        None => None,
    })
}

fn container_key(
    meta: &ParseNestedMeta,
    key: &str,
    attrs: &mut ContainerAttrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    match key {
        keys::RENAME_ALL => attrs.rename_all.parse(meta, errors, |meta, errors| {
            let Some(name) = string(meta, key, "\"snake_case\"", errors)? else {
                return Ok(None);
            };
            let rule = RenameRule::from_name(&string_value(&name));
            if rule.is_none() {
                errors.spanned(&name, RenameRule::unknown(&name.value()));
            }
            Ok(rule)
        }),
        keys::FORMAT => attrs.format.parse(meta, errors, |meta, errors| {
            let Some(name) = string(meta, key, "\"problem\"", errors)? else {
                return Ok(None);
            };
            let format = Format::from_name(&name.value());
            if format.is_none() {
                errors.spanned(&name, Format::unknown(&name.value()));
            }
            Ok(format)
        }),
        keys::DOCS => attrs.docs.parse(meta, errors, |meta, errors| {
            let docs = string(meta, key, "\"https://docs.example.com/errors\"", errors)?;
            if let Some(docs) = docs.as_ref().filter(|d| d.value().trim().is_empty()) {
                errors.spanned(docs, "`docs` must not be empty");
            }
            Ok(docs)
        }),
        keys::DOMAIN => attrs.domain.parse(meta, errors, |meta, errors| {
            string(meta, key, "\"api.example.com\"", errors)
        }),
        keys::UNIQUE_IN_CRATE => attrs
            .unique_in_crate
            .parse(meta, errors, |meta, errors| boolean(meta, key, errors)),
        keys::IMPLS => attrs
            .impls
            .parse(meta, errors, |meta, errors| boolean(meta, key, errors)),
        keys::CRATE => attrs.krate.parse(meta, errors, |meta, errors| {
            let Some(path) = string(meta, key, "\"::error_catalog\"", errors)? else {
                return Ok(None);
            };
            let parsed = path.parse::<syn::Path>().ok();
            if parsed.is_none() {
                errors.spanned(&path, "`crate` must be a path, e.g. \"::my_errors\"");
            }
            Ok(parsed)
        }),
        keys::DECODE => attrs.decode.parse_flag(meta, errors),
        keys::LOCALES | keys::DEFAULT_LOCALE | keys::PARTIAL_LOCALES | keys::SHARED_LOCALES => {
            locales::key(meta, key, &mut attrs.locales, errors)
        }
        _ => unreachable_key(meta, key, errors),
    }
}

fn variant_key(
    meta: &ParseNestedMeta,
    key: &str,
    attrs: &mut VariantAttrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    let text = |example: &'static str| {
        move |meta: &ParseNestedMeta, errors: &mut Errors| string(meta, key, example, errors)
    };
    match key {
        keys::CODE => attrs.code.parse(meta, errors, text("\"not_found\"")),
        keys::MESSAGE => attrs
            .message
            .parse(meta, errors, text("\"Project {id} not found\"")),
        keys::TITLE => attrs.title.parse(meta, errors, text("\"Not found\"")),
        keys::RESOLUTION => attrs
            .resolution
            .parse(meta, errors, text("\"Verify the ID.\"")),
        keys::STATUS => attrs.status.parse(meta, errors, |meta, errors| {
            let Some(int) = integer(meta, key, "404", errors)? else {
                return Ok(None);
            };
            Ok(match int.base10_parse::<u16>() {
                Ok(status @ 400..=599) if int.suffix().is_empty() => Some(status),
                Ok(_) if !int.suffix().is_empty() => {
                    errors.spanned(&int, "`status` takes a plain integer, without a suffix");
                    None
                }
                _ => {
                    errors.spanned(
                        &int,
                        format!(
                            "status {} is not an error status; expected 400..=599",
                            int.base10_digits()
                        ),
                    );
                    None
                }
            })
        }),
        keys::RETRYABLE => attrs
            .retryable
            .parse(meta, errors, |meta, errors| boolean(meta, key, errors)),
        keys::RETRY_AFTER => attrs.retry_after.parse(meta, errors, |meta, errors| {
            let Some(int) = integer(meta, key, "30", errors)? else {
                return Ok(None);
            };
            let secs = int.base10_parse::<u64>().ok();
            if secs.is_none() {
                errors.spanned(&int, "`retry_after` takes whole seconds (a u64)");
            }
            Ok(secs)
        }),
        keys::CAUSES => attrs.causes.parse(meta, errors, |meta, errors| {
            string_list(meta, key, errors).map(Some)
        }),
        keys::REPLACED_BY => attrs.replaced_by.parse(meta, errors, text("\"new_code\"")),
        _ => unreachable_key(meta, key, errors),
    }
}

/// Never reached: the callers only pass known keys. Reported rather than panicking.
fn unreachable_key(meta: &ParseNestedMeta, key: &str, errors: &mut Errors) -> syn::Result<()> {
    errors.spanned(&meta.path, format!("`{key}` is not supported here"));
    skip_value(meta)
}

/// `causes = ["a", "b"]` or `causes = "a"`.
fn string_list(meta: &ParseNestedMeta, key: &str, errors: &mut Errors) -> syn::Result<Vec<LitStr>> {
    const EXAMPLE: &str = "[\"Expired API key.\", \"Missing header.\"]";
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("expected `{key} = {EXAMPLE}`")));
    }
    meta.input.parse::<Token![=]>()?;
    if meta.input.peek(LitStr) {
        return Ok(vec![meta.input.parse()?]);
    }
    if !meta.input.peek(syn::token::Bracket) {
        let span = meta.input.span();
        skip_until_comma(meta.input)?;
        return Err(syn::Error::new(
            span,
            format!("`{key}` takes a list of strings, as in `{key} = {EXAMPLE}`"),
        ));
    }
    let content;
    syn::bracketed!(content in meta.input);
    let items = content.parse_terminated(Lit::parse, Token![,])?;
    let mut list = Vec::new();
    for item in items {
        match item {
            Lit::Str(s) => list.push(s),
            other => errors.spanned(&other, format!("`{key}` takes strings only")),
        }
    }
    Ok(list)
}

/// Parses the attributes of one field.
pub fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::new();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident(keys::SOURCE) || path.is_ident(keys::FROM) {
            if let Err(err) = attr.meta.require_path_only() {
                errors.push(err);
                continue;
            }
            let slot = if path.is_ident(keys::FROM) {
                &mut out.from
            } else {
                &mut out.source
            };
            if slot.claim(path, errors) {
                slot.set(());
            }
        } else if is_ours(attr) && !is_thiserror_form(attr) {
            let result = attr.parse_nested_meta(|meta| {
                let key = key_of(&meta);
                field_key(&meta, &key, &mut out, errors)
            });
            if let Err(err) = result {
                errors.push(err);
            }
        }
    }
    out
}

fn field_key(
    meta: &ParseNestedMeta,
    key: &str,
    attrs: &mut FieldAttrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    match key {
        keys::SKIP => attrs.skip.parse_flag(meta, errors),
        keys::MESSAGE_ONLY => attrs.message_only.parse_flag(meta, errors),
        keys::RETRY_AFTER => attrs.retry_after.parse_flag(meta, errors),
        keys::FLATTEN => attrs.flatten.parse_flag(meta, errors),
        keys::HEADER => attrs.header.parse(meta, errors, |meta, errors| {
            let Some(name) = string(meta, key, "\"X-RateLimit-Reset\"", errors)? else {
                return Ok(None);
            };
            if let Some(problem) = header_name_problem(&name.value()) {
                errors.spanned(&name, problem);
                return Ok(None);
            }
            Ok(Some(name))
        }),
        keys::RENAME => attrs.rename.parse(meta, errors, |meta, errors| {
            string(meta, key, "\"type\"", errors)
        }),
        keys::EXAMPLE => attrs.example.parse(meta, errors, |meta, errors| {
            if !meta.input.peek(Token![=]) {
                return Err(meta.error("expected `example = <literal or [list]>`"));
            }
            meta.input.parse::<Token![=]>()?;
            match example(meta.input) {
                Ok(value) => Ok(Some(value)),
                Err(err) => {
                    errors.push(err);
                    skip_until_comma(meta.input)?;
                    Ok(None)
                }
            }
        }),
        _ => {
            errors.spanned(
                &meta.path,
                format!(
                    "unknown key `{key}` on a field; expected one of: {}",
                    FIELD_KEYS.join(", ")
                ),
            );
            skip_value(meta)
        }
    }
}

/// Why `name` cannot be an HTTP header name (RFC 9110 `token`), or `None` if it can.
fn header_name_problem(name: &str) -> Option<String> {
    const TCHAR_PUNCT: &str = "!#$%&'*+-.^_`|~";
    if name.is_empty() {
        return Some("`header` needs a header name, as in `header = \"X-RateLimit-Reset\"`".into());
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || TCHAR_PUNCT.contains(*c)))
    {
        return Some(format!(
            "`{name}` is not an HTTP header name: {bad:?} is not allowed (letters, digits and \
             {TCHAR_PUNCT})"
        ));
    }
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "content-type" => Some(
            "`Content-Type` is set by the envelope's format; it cannot come from a field".into(),
        ),
        "retry-after" => Some(
            "`Retry-After` comes from `#[error(retry_after)]`; mark the field with that instead"
                .into(),
        ),
        "content-length" | "transfer-encoding" => Some(format!(
            "`{name}` frames the body, which the server sets as it sends it; it cannot come \
             from a field"
        )),
        "content-encoding" | "content-range" => Some(format!(
            "`{name}` describes the body, which the envelope writes; it cannot come from a \
             field"
        )),
        "connection"
        | "keep-alive"
        | "proxy-connection"
        | "te"
        | "trailer"
        | "upgrade"
        | "proxy-authenticate"
        | "proxy-authorization" => Some(format!(
            "`{name}` is a hop-by-hop header that manages the connection, not part of an \
             error; it cannot come from a field"
        )),
        "host" => Some(format!(
            "`{name}` is a request header; it cannot be sent with a response"
        )),
        _ => None,
    }
}

/// An example value (a literal, a `-` number or a `[..]` list of them), kept as tokens
/// of the runtime's `ExampleValue`.
#[derive(Clone)]
pub enum Example {
    Str(LitStr),
    Int(String),
    Float(String),
    Bool(bool),
    List(Vec<Example>),
}

fn example(input: ParseStream) -> syn::Result<Example> {
    if input.peek(syn::token::Bracket) {
        let content;
        syn::bracketed!(content in input);
        let mut items = Vec::new();
        while !content.is_empty() {
            items.push(example(&content)?);
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        return Ok(Example::List(items));
    }
    let negative = input.peek(Token![-]);
    if negative {
        input.parse::<Token![-]>()?;
    }
    let lit: Lit = input.parse().map_err(|err| {
        syn::Error::new(
            err.span(),
            "`example` takes a literal or a [list] of literals, as in `example = \"2026-01-09T10:00:00Z\"`",
        )
    })?;
    let sign = if negative { "-" } else { "" };
    match lit {
        Lit::Str(s) if !negative => Ok(Example::Str(s)),
        Lit::Int(i) => {
            let digits = format!("{sign}{}", i.base10_digits());
            match digits.parse::<i128>() {
                Ok(_) => Ok(Example::Int(digits)),
                Err(_) => Err(syn::Error::new_spanned(
                    i,
                    "`example` integer does not fit in an i128",
                )),
            }
        }
        Lit::Float(f) => {
            let digits = format!("{sign}{}", f.base10_digits());
            match digits.parse::<f64>() {
                Ok(value) if value.is_finite() => Ok(Example::Float(digits)),
                _ => Err(syn::Error::new_spanned(
                    f,
                    "`example` number does not fit in an f64",
                )),
            }
        }
        Lit::Bool(b) if !negative => Ok(Example::Bool(b.value)),
        other => Err(syn::Error::new_spanned(
            other,
            "`example` takes a string, number, bool or a [list] of them",
        )),
    }
}

#[cfg(test)]
mod tests {
    use syn::Lit;

    use super::{read_literal, string_value};

    /// The direct reading gives syn's value for every kind of string literal, and
    /// leaves every other literal to syn.
    #[test]
    fn string_values_as_syn_reads_them() {
        let strings = [
            r#""plain text""#,
            r#""""#,
            r#""say \"hi\"""#,
            r#""tab\tand\nnewline""#,
            r#""\u{e9} and é 😀""#,
            "r\"raw \\n\"",
            "r#\"raw \"quoted\"\"#",
            r#""with suffix"x"#,
            "\"line one\nline two\"",
        ];
        for repr in strings {
            let token: proc_macro2::Literal = repr.parse().unwrap();
            let Lit::Str(lit) = Lit::new(token.clone()) else {
                panic!("{repr} is a string literal");
            };
            assert_eq!(string_value(&lit), lit.value(), "{repr}");
            let Lit::Str(read) = read_literal(token) else {
                panic!("{repr} read as another kind");
            };
            assert_eq!(read.value(), lit.value(), "{repr}");
            assert_eq!(read.suffix(), lit.suffix(), "{repr}");
        }
        for repr in ["404", "1.5", "b'x'", "'c'", r#"b"bytes""#] {
            let token: proc_macro2::Literal = repr.parse().unwrap();
            assert!(!matches!(read_literal(token), Lit::Str(_)), "{repr}");
        }
    }
}
