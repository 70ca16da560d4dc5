//! Parsing of `#[error(..)]` / `#[api_error(..)]`, `#[source]` and `#[from]`.
//!
//! `#[error(..)]` and `#[api_error(..)]` are the same attribute; `api_error` exists so an
//! enum can also derive `thiserror::Error`, which owns `#[error("..")]`. An `#[error]`
//! whose content starts with a string literal (or is `transparent`) is thiserror's and is
//! left alone. Every mistake is reported on its own token and parsing goes on, so one
//! compile lists them all.

use proc_macro2::Span;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned as _;
use syn::{Attribute, Lit, LitBool, LitInt, LitStr, Token};

use crate::case::{RULES, RenameRule};
use crate::ctxt::Errors;

/// Keys of the type-level attribute.
const CONTAINER_KEYS: &[&str] = &[
    "rename_all",
    "format",
    "docs",
    "domain",
    "unique_in_crate",
    "crate",
];

/// Keys of a variant's attribute (and of a struct's, with the type-level keys).
const VARIANT_KEYS: &[&str] = &[
    "code",
    "status",
    "retryable",
    "message",
    "title",
    "resolution",
    "causes",
    "retry_after",
];

/// Keys of a field's attribute.
const FIELD_KEYS: &[&str] = &[
    "skip",
    "retry_after",
    "rename",
    "example",
    "flatten",
    "header",
];

/// The built-in format names, as in `Format::name`.
pub const FORMATS: &[&str] = &["nested", "flat", "compact", "problem", "google"];

/// The keys an attribute names, valid or not, so that a key given with a bad value is
/// not reported a second time as missing.
#[derive(Default)]
pub struct Written {
    keys: Vec<String>,
    /// An unknown key, or an attribute that failed to parse: any key may be the one
    /// meant, so none is reported as missing.
    unsure: bool,
}

impl Written {
    /// Whether `key` was written, or may have been (see `unsure`).
    pub fn contains(&self, key: &str) -> bool {
        self.unsure || self.has(key)
    }

    /// Whether `key` was written, with any value.
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|written| written == key)
    }
}

#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<RenameRule>,
    pub format: Option<String>,
    pub docs: Option<LitStr>,
    pub domain: Option<LitStr>,
    pub unique_in_crate: Option<bool>,
    pub krate: Option<syn::Path>,
    pub written: Written,
}

#[derive(Default)]
pub struct VariantAttrs {
    pub code: Option<LitStr>,
    pub status: Option<u16>,
    pub retryable: Option<bool>,
    pub message: Option<LitStr>,
    pub title: Option<LitStr>,
    pub resolution: Option<LitStr>,
    pub causes: Option<Vec<LitStr>>,
    pub retry_after: Option<u64>,
    /// True once any `#[error(..)]` / `#[api_error(..)]` of ours was seen.
    pub present: bool,
    pub written: Written,
}

#[derive(Default)]
pub struct FieldAttrs {
    /// The `source` of `#[source]`.
    pub source: Option<Span>,
    /// The `from` of `#[from]`.
    pub from: Option<Span>,
    pub skip: bool,
    pub retry_after: Option<Span>,
    pub rename: Option<LitStr>,
    pub example: Option<Example>,
    /// `#[error(flatten)]`: the field's entries become details of their own.
    pub flatten: Option<Span>,
    /// `#[error(header = "X-RateLimit-Reset")]`: the field is also sent as this header.
    pub header: Option<LitStr>,
    /// The keys that only mean something on a detail field (`rename`, `example`), with
    /// the span of each key.
    pub detail_keys: Vec<(&'static str, Span)>,
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
    attr.path().is_ident("error") || attr.path().is_ident("api_error")
}

/// Is this `#[error(..)]` thiserror's (`#[error("..")]`, `#[error(transparent)]`)?
pub fn is_thiserror_form(attr: &Attribute) -> bool {
    if !attr.path().is_ident("error") {
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

/// Parses the type-level and item-level attributes of an enum or struct.
pub fn container_and_item(
    attrs: &[Attribute],
    place: Place,
    errors: &mut Errors,
) -> (ContainerAttrs, VariantAttrs) {
    let mut container = ContainerAttrs::default();
    let mut item = VariantAttrs::default();
    for attr in attrs.iter().filter(|a| is_ours(a) && !is_thiserror_form(a)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta);
            if place != Place::Variant && CONTAINER_KEYS.contains(&key.as_str()) {
                container.written.keys.push(key.clone());
                container_key(&meta, &key, &mut container, errors)
            } else if place != Place::Enum && VARIANT_KEYS.contains(&key.as_str()) {
                item.present = true;
                item.written.keys.push(key.clone());
                variant_key(&meta, &key, &mut item, errors)
            } else {
                container.written.unsure = true;
                item.written.unsure = true;
                unknown_key(&meta, &key, place, errors)
            }
        });
        if let Err(err) = result {
            container.written.unsure = true;
            item.written.unsure = true;
            errors.push(err);
        }
    }
    (container, item)
}

/// Parses a variant's attributes.
pub fn variant(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let (_, item) = container_and_item(attrs, Place::Variant, errors);
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

/// Consumes whatever follows an unusable key (`= value` or `(..)`), so parsing can go on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        skip_until_comma(meta.input)
    } else if meta.input.peek(syn::token::Paren) {
        let _group: proc_macro2::Group = meta.input.parse()?;
        Ok(())
    } else {
        Ok(())
    }
}

fn skip_until_comma(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

/// Reports a key given twice, on the second one.
fn once(is_set: bool, meta: &ParseNestedMeta, key: &str, errors: &mut Errors) -> bool {
    if is_set {
        errors.spanned(&meta.path, format!("`{key}` is given twice"));
        false
    } else {
        true
    }
}

/// Parses `= <literal>`; reports a missing `=` or a non-literal at its token.
fn literal(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<Option<Lit>> {
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("expected `{key} = {example}`")));
    }
    meta.input.parse::<Token![=]>()?;
    if meta.input.peek(Lit) {
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

fn wrong_type(lit: &Lit, key: &str, expected: &str, example: &str, errors: &mut Errors) {
    errors.spanned(
        lit,
        format!("`{key}` takes {expected}, as in `{key} = {example}`"),
    );
}

fn string(
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
        "rename_all" => {
            if !once(attrs.rename_all.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if let Some(name) = string(meta, key, "\"snake_case\"", errors)? {
                match RenameRule::from_name(&name.value()) {
                    Some(rule) => attrs.rename_all = Some(rule),
                    None => {
                        let names: Vec<&str> = RULES.iter().map(|(name, _)| *name).collect();
                        errors.spanned(
                            &name,
                            format!(
                                "unknown rename_all rule `{}`; expected one of: {}",
                                name.value(),
                                names.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        "format" => {
            if !once(attrs.format.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if let Some(name) = string(meta, key, "\"problem\"", errors)? {
                if FORMATS.contains(&name.value().as_str()) {
                    attrs.format = Some(name.value());
                } else {
                    errors.spanned(
                        &name,
                        format!(
                            "unknown format `{}`; expected one of: {}",
                            name.value(),
                            FORMATS.join(", ")
                        ),
                    );
                }
            }
        }
        "docs" => {
            if once(attrs.docs.is_some(), meta, key, errors) {
                attrs.docs = string(meta, key, "\"https://docs.example.com/errors\"", errors)?;
                if let Some(docs) = attrs.docs.as_ref().filter(|d| d.value().trim().is_empty()) {
                    errors.spanned(docs, "`docs` must not be empty");
                }
            } else {
                skip_value(meta)?;
            }
        }
        "domain" => {
            if once(attrs.domain.is_some(), meta, key, errors) {
                attrs.domain = string(meta, key, "\"api.example.com\"", errors)?;
            } else {
                skip_value(meta)?;
            }
        }
        "unique_in_crate" => {
            if once(attrs.unique_in_crate.is_some(), meta, key, errors) {
                attrs.unique_in_crate = boolean(meta, key, errors)?;
            } else {
                skip_value(meta)?;
            }
        }
        "crate" => {
            if !once(attrs.krate.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if let Some(path) = string(meta, key, "\"::error_catalog\"", errors)? {
                match path.parse::<syn::Path>() {
                    Ok(parsed) => attrs.krate = Some(parsed),
                    Err(_) => errors.spanned(&path, "`crate` must be a path, e.g. \"::my_errors\""),
                }
            }
        }
        _ => unreachable_key(meta, key, errors)?,
    }
    Ok(())
}

fn variant_key(
    meta: &ParseNestedMeta,
    key: &str,
    attrs: &mut VariantAttrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    macro_rules! string_key {
        ($slot:ident, $example:expr) => {{
            if once(attrs.$slot.is_some(), meta, key, errors) {
                attrs.$slot = string(meta, key, $example, errors)?;
            } else {
                skip_value(meta)?;
            }
        }};
    }
    match key {
        "code" => string_key!(code, "\"not_found\""),
        "message" => string_key!(message, "\"Project {id} not found\""),
        "title" => string_key!(title, "\"Not found\""),
        "resolution" => string_key!(resolution, "\"Verify the ID.\""),
        "status" => {
            if !once(attrs.status.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if let Some(int) = integer(meta, key, "404", errors)? {
                match int.base10_parse::<u16>() {
                    Ok(status @ 400..=599) if int.suffix().is_empty() => {
                        attrs.status = Some(status);
                    }
                    Ok(_) if !int.suffix().is_empty() => {
                        errors.spanned(&int, "`status` takes a plain integer, without a suffix");
                    }
                    _ => errors.spanned(
                        &int,
                        format!(
                            "status {} is not an error status; expected 400..=599",
                            int.base10_digits()
                        ),
                    ),
                }
            }
        }
        "retryable" => {
            if once(attrs.retryable.is_some(), meta, key, errors) {
                attrs.retryable = boolean(meta, key, errors)?;
            } else {
                skip_value(meta)?;
            }
        }
        "retry_after" => {
            if !once(attrs.retry_after.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if let Some(int) = integer(meta, key, "30", errors)? {
                match int.base10_parse::<u64>() {
                    Ok(secs) => attrs.retry_after = Some(secs),
                    Err(_) => errors.spanned(&int, "`retry_after` takes whole seconds (a u64)"),
                }
            }
        }
        "causes" => {
            if !once(attrs.causes.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            attrs.causes = Some(string_list(meta, key, errors)?);
        }
        _ => unreachable_key(meta, key, errors)?,
    }
    Ok(())
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
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("source") || attr.path().is_ident("from") {
            let is_from = attr.path().is_ident("from");
            if let Err(err) = attr.meta.require_path_only() {
                errors.push(err);
                continue;
            }
            let slot = if is_from {
                &mut out.from
            } else {
                &mut out.source
            };
            if slot.is_some() {
                errors.spanned(attr, "this attribute is given twice");
            }
            *slot = Some(attr.path().span());
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
        "skip" => {
            if attrs.skip {
                errors.spanned(&meta.path, "`skip` is given twice");
            }
            attrs.skip = true;
            skip_flag_value(meta, key, errors)
        }
        "retry_after" => {
            if attrs.retry_after.is_some() {
                errors.spanned(&meta.path, "`retry_after` is given twice");
            }
            attrs.retry_after = Some(meta.path.span());
            skip_flag_value(meta, key, errors)
        }
        "flatten" => {
            if attrs.flatten.is_some() {
                errors.spanned(&meta.path, "`flatten` is given twice");
            }
            attrs.flatten = Some(meta.path.span());
            skip_flag_value(meta, key, errors)
        }
        "header" => {
            if !once(attrs.header.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if let Some(name) = string(meta, key, "\"X-RateLimit-Reset\"", errors)? {
                if let Some(problem) = header_name_problem(&name.value()) {
                    errors.spanned(&name, problem);
                } else {
                    attrs.header = Some(name);
                }
            }
            Ok(())
        }
        "rename" => {
            attrs.detail_keys.push(("rename", meta.path.span()));
            if once(attrs.rename.is_some(), meta, key, errors) {
                attrs.rename = string(meta, key, "\"type\"", errors)?;
            } else {
                skip_value(meta)?;
            }
            Ok(())
        }
        "example" => {
            attrs.detail_keys.push(("example", meta.path.span()));
            if !once(attrs.example.is_some(), meta, key, errors) {
                return skip_value(meta);
            }
            if !meta.input.peek(Token![=]) {
                return Err(meta.error("expected `example = <literal or [list]>`"));
            }
            meta.input.parse::<Token![=]>()?;
            match example(meta.input) {
                Ok(value) => attrs.example = Some(value),
                Err(err) => {
                    errors.push(err);
                    skip_until_comma(meta.input)?;
                }
            }
            Ok(())
        }
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
        _ => None,
    }
}

/// A flag takes no value: `#[error(skip)]`, not `#[error(skip = true)]`.
fn skip_flag_value(meta: &ParseNestedMeta, key: &str, errors: &mut Errors) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        errors.spanned(
            &meta.path,
            format!("`{key}` is a flag and takes no value: write `#[error({key})]`"),
        );
        skip_value(meta)?;
    }
    Ok(())
}

/// An example value (a literal, a `-` number or a `[..]` list of them), kept as tokens
/// of the runtime's `ExampleValue`.
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
