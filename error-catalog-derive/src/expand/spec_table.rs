//! The catalog rows: the type's `Category` and one `ErrorSpec` (with its `FieldSpec`s) per
//! variant, as the tokens of the static table the expansion declares.
//!
//! The rows are most of the expansion's tokens, and none of them needs a span of the
//! input: [`rows`] writes them as source text and has the compiler parse the text once,
//! which costs a fraction of building them token by token. A row that must carry spans
//! (the `FieldErrors` probe of a flattened field names the field's type) and a row
//! with a literal the text form would not reproduce are built as tokens, by [`spec`].

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::LitStr;

use crate::expand::message;
use crate::model::{Category, Deprecation, Detail, Example, Field, Model, Variant};

/// The `Category` value shared by every spec of the type.
pub fn category(category: &Category) -> TokenStream {
    let Category {
        name,
        doc,
        format,
        docs,
        domain,
        locales,
    } = category;
    let format = format_ident!("{}", format.variant());
    let docs = option_str(docs.as_deref());
    let domain = option_str(domain.as_deref());
    let locales = if *locales {
        quote!(__ec::Some(&__LOCALES))
    } else {
        quote!(__ec::None)
    };
    quote! {
        __ec::Category {
            name: #name,
            doc: #doc,
            format: __ec::Format::#format,
            docs: #docs,
            domain: #domain,
            locales: #locales,
            services: &[],
        }
    }
}

/// The name of the `JsonHints` constant [`shared_consts`] declares for these values;
/// `None` for the values of the base row, which rows do not repeat.
fn hints_name(literal_message: bool, plain_text: bool) -> Option<&'static str> {
    match (literal_message, plain_text) {
        (true, true) => None,
        (true, false) => Some("__JSON_LITERAL"),
        (false, true) => Some("__JSON_PLAIN"),
        (false, false) => Some("__JSON_NONE"),
    }
}

/// The `JsonHints` constant of a variant's row, `None` when the base row's values fit.
fn variant_hints(variant: &Variant) -> Option<&'static str> {
    hints_name(message::literal(variant), plain_text(variant))
}

/// What the rows share, each value declared once as a constant that the rows name (a
/// path costs the compiler less than the same literal in each of thousands of rows):
/// the `FieldSpec`s, the slices of them, and the statuses.
pub struct Shared {
    /// Per variant, the shared slice of its `FieldSpec`s (`__FS{n}`), for a variant with
    /// details whose row is written as text.
    slices: Vec<Option<usize>>,
    /// The declarations of the `FieldSpec` and slice constants, as source text.
    decls: String,
    /// The statuses the rows use, each once.
    statuses: Vec<u16>,
}

impl Shared {
    pub fn new(model: &Model) -> Shared {
        let mut specs: Vec<String> = Vec::new();
        let mut lists: Vec<Vec<usize>> = Vec::new();
        let mut decls = String::new();
        let mut slices = Vec::with_capacity(model.variants.len());
        for variant in &model.variants {
            if !(variant.has_details() && as_text(variant)) {
                slices.push(None);
                continue;
            }
            let mut list = Vec::new();
            for (field, detail) in variant.fields.iter().filter_map(|f| Some((f, f.detail()?))) {
                let mut text = String::new();
                write_field_spec(&mut text, field, detail);
                let index = match specs.iter().position(|spec| *spec == text) {
                    Some(index) => index,
                    None => {
                        let _ = write!(decls, "const __F{}:__ec::FieldSpec={text};", specs.len());
                        specs.push(text);
                        specs.len() - 1
                    }
                };
                list.push(index);
            }
            let slice = match lists.iter().position(|known| *known == list) {
                Some(index) => index,
                None => {
                    let _ = write!(decls, "const __FS{}:&[__ec::FieldSpec]=&[", lists.len());
                    for (i, spec) in list.iter().enumerate() {
                        let comma = if i > 0 { "," } else { "" };
                        let _ = write!(decls, "{comma}__F{spec}");
                    }
                    decls.push_str("];");
                    lists.push(list);
                    lists.len() - 1
                }
            };
            slices.push(Some(slice));
        }
        let mut statuses: Vec<u16> = model.variants.iter().map(|v| v.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        Shared {
            slices,
            decls,
            statuses,
        }
    }
}

/// The rows' shared values, each a constant the rows name: the `JsonHints` and
/// statuses the rows use, the [`Shared`] field
/// specs, and `__ROW`, the base row whose values each row keeps unless it differs
/// (most rows have no resolution, causes, headers, docs URL or deprecation).
pub fn shared_consts(model: &Model, shared: &Shared) -> TokenStream {
    let mut used = [false; 4];
    for variant in &model.variants {
        let (literal, plain) = (message::literal(variant), plain_text(variant));
        used[usize::from(literal) * 2 + usize::from(plain)] = true;
    }
    let hints = [(false, false), (false, true), (true, false)]
        .into_iter()
        .zip(used)
        .filter(|&(_, used)| used)
        .filter_map(|((literal_message, plain_text), _)| {
            let name = format_ident!("{}", hints_name(literal_message, plain_text)?);
            Some(quote! {
                const #name: __ec::JsonHints = __ec::JsonHints {
                    literal_message: #literal_message,
                    plain_text: #plain_text,
                };
            })
        });
    let statuses = shared.statuses.iter().map(|status| {
        let name = format_ident!("__S{}", status);
        quote!(const #name: __ec::StatusCode = __ec::status(#status);)
    });
    let decls = parse(&shared.decls).unwrap_or_default();
    // With translations, the category points at the locales, which point at the rows:
    // a `const` base row would be evaluated within the rows' own evaluation, a `static`
    // only refers to the category by address.
    let item = if model.locales.is_some() {
        quote!(static)
    } else {
        quote!(const)
    };
    quote! {
        #(#hints)*
        #(#statuses)*
        #decls
        #item __ROW: __ec::ErrorSpec = __ec::ErrorSpec {
            code: "",
            reason: "",
            reason_hash: 0,
            status: __ec::StatusCode::INTERNAL_SERVER_ERROR,
            retryable: false,
            title: "",
            message: "",
            description: "",
            resolution: __ec::None,
            causes: __ec::NO_CAUSES,
            retry_after: __ec::None,
            fields: __ec::NO_FIELDS,
            variant: "",
            docs_url: __ec::None,
            category: &__CATEGORY,
            json: __ec::JsonHints {
                literal_message: true,
                plain_text: true,
            },
            parsed: __ec::NOT_PARSED,
            headers: __ec::NO_HEADERS,
            deprecation: __ec::None,
        };
    }
}

/// Every `ErrorSpec` row of the table, comma-separated, in declaration order.
pub fn rows(model: &Model, shared: &Shared) -> TokenStream {
    let mut out = TokenStream::new();
    let mut text = String::new();
    // The variants written into `text` since the last flush.
    let mut pending: Vec<(usize, &Variant)> = Vec::new();
    for (index, variant) in model.variants.iter().enumerate() {
        let slice = shared.slices[index];
        if as_text(variant) {
            write_spec(model, variant, slice, &mut text);
            text.push(',');
            pending.push((index, variant));
        } else {
            flush(model, shared, &mut text, &mut pending, &mut out);
            let spec = spec(model, variant, slice);
            out.extend(quote!(#spec,));
        }
    }
    flush(model, shared, &mut text, &mut pending, &mut out);
    out
}

/// Parses the rows written as text into `out`; should the text not parse, builds the
/// same rows as tokens.
fn flush<'v>(
    model: &Model,
    shared: &Shared,
    text: &mut String,
    pending: &mut Vec<(usize, &'v Variant<'v>)>,
    out: &mut TokenStream,
) {
    if pending.is_empty() {
        return;
    }
    match parse(text) {
        Some(tokens) => out.extend(tokens),
        None => {
            for &(index, variant) in pending.iter() {
                let spec = spec(model, variant, shared.slices[index]);
                out.extend(quote!(#spec,));
            }
        }
    }
    text.clear();
    pending.clear();
}

/// The tokens of `text`. Inside the compiler, its own parser reads the text once
/// (`proc_macro2`'s `parse` would read it twice, first with its own lexer to check it).
pub(crate) fn parse(text: &str) -> Option<TokenStream> {
    if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .ok()
            .map(TokenStream::from)
    } else {
        text.parse().ok()
    }
}

/// Whether the variant's row can be written as text: it has no flattened field of a
/// non-generic type (whose probe names the type with its span) and no string literal
/// with a suffix (which the text would drop and the tokens keep, for rustc to reject).
fn as_text(variant: &Variant) -> bool {
    let plain = |lit: &LitStr| lit.suffix().is_empty();
    variant.causes.iter().all(plain)
        && variant.fields.iter().all(|field| {
            field.header.as_ref().is_none_or(plain)
                && field.detail().is_none_or(|detail| {
                    (field.generic || !detail.flatten)
                        && detail.example.as_ref().is_none_or(example_plain)
                })
        })
}

fn example_plain(example: &Example) -> bool {
    match example {
        Example::Str(lit) => lit.suffix().is_empty(),
        Example::List(items) => items.iter().all(example_plain),
        Example::Int(_) | Example::Float(_) | Example::Bool(_) => true,
    }
}

/// Writes the row [`spec`] builds, as source text: the fields that differ from the
/// base row `__ROW`, then `..__ROW`.
fn write_spec(model: &Model, variant: &Variant, slice: Option<usize>, out: &mut String) {
    let Variant {
        code,
        status,
        retryable,
        title,
        description,
        name,
        ..
    } = variant;
    let message = &variant.message.text;
    let reason = &variant.reason;
    // `write!` into a `String` cannot fail.
    out.push_str("__ec::ErrorSpec{code:");
    write_str(out, code);
    out.push_str(",reason:");
    write_str(out, reason);
    let _ = write!(out, ",reason_hash:{}", crate::check::reason_hash(reason));
    let _ = write!(out, ",status:__S{status},title:");
    write_str(out, title);
    out.push_str(",message:");
    write_str(out, message);
    out.push_str(",variant:");
    write_str(out, name);
    out.push(',');
    if *retryable {
        out.push_str("retryable:true,");
    }
    if !description.is_empty() {
        out.push_str("description:");
        write_str(out, description);
        out.push(',');
    }
    if let Some(resolution) = &variant.resolution {
        out.push_str("resolution:__ec::Some(");
        write_str(out, resolution);
        out.push_str("),");
    }
    if !variant.causes.is_empty() {
        out.push_str("causes:");
        write_str_list(out, &variant.causes);
        out.push(',');
    }
    if let Some(secs) = variant.retry_after {
        let _ = write!(out, "retry_after:__ec::Some({secs}u64),");
    }
    if let Some(slice) = slice {
        let _ = write!(out, "fields:__FS{slice},");
    } else if variant.has_details() {
        out.push_str("fields:&[");
        let details = variant.fields.iter().filter_map(|f| Some((f, f.detail()?)));
        for (i, (field, detail)) in details.enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_field_spec(out, field, detail);
        }
        out.push_str("],");
    }
    if let Some(url) = &variant.docs_url {
        let _ = write!(out, "docs_url:__ec::Some({url:?}),");
    }
    if let Some(hints) = variant_hints(variant) {
        let _ = write!(out, "json:{hints},");
    }
    if let Some(parsed) = message::parsed_string(model, variant) {
        let _ = write!(out, "parsed:{parsed:?},");
    }
    let headers: Vec<&LitStr> = variant
        .fields
        .iter()
        .filter_map(|field| field.header.as_ref())
        .collect();
    if !headers.is_empty() {
        out.push_str("headers:");
        write_str_list(out, headers);
        out.push(',');
    }
    if variant.deprecation.is_some() {
        out.push_str("deprecation:");
        write_deprecation(out, variant.deprecation.as_ref());
        out.push(',');
    }
    out.push_str("..__ROW}");
}

/// Writes `text` as a string literal: as it is between quotes when it is printable
/// ASCII without `"` or `\\` (most texts, checked in a plain loop: the macro is built
/// without optimizations), else escaped as `Debug` does.
fn write_str(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if !matches!(byte, b' '..=b'~') || byte == b'"' || byte == b'\\' {
            let _ = write!(out, "{text:?}");
            return;
        }
        i += 1;
    }
    out.push('"');
    out.push_str(text);
    out.push('"');
}

/// Writes the `deprecation` [`deprecation`] builds.
fn write_deprecation(out: &mut String, deprecation: Option<&Deprecation>) {
    let Some(deprecation) = deprecation else {
        out.push_str("__ec::None");
        return;
    };
    out.push_str("__ec::Some(&__ec::Deprecation{note:");
    write_option_str(out, deprecation.note.as_deref());
    out.push_str(",since:");
    write_option_str(out, deprecation.since.as_deref());
    out.push_str(",replaced_by:");
    write_option_str(out, deprecation.replaced_by.as_deref());
    out.push_str(",})");
}

/// A row's `deprecation`: `None`, or a reference to the variant's `Deprecation`.
fn deprecation(deprecation: Option<&Deprecation>) -> TokenStream {
    let Some(deprecation) = deprecation else {
        return quote!(__ec::None);
    };
    let note = option_str(deprecation.note.as_deref());
    let since = option_str(deprecation.since.as_deref());
    let replaced_by = option_str(deprecation.replaced_by.as_deref());
    quote! {
        __ec::Some(&__ec::Deprecation {
            note: #note,
            since: #since,
            replaced_by: #replaced_by,
        })
    }
}

/// Writes the `FieldSpec` [`field_spec`] builds, for a field without a probe.
fn write_field_spec(out: &mut String, field: &Field, detail: &Detail) {
    let Detail {
        key,
        rust_type,
        json_type,
        example,
        flatten,
        ..
    } = detail;
    out.push_str("__ec::FieldSpec{name:");
    write_str(out, key);
    out.push_str(",rust_type:");
    write_str(out, rust_type);
    out.push_str(",json_type:__ec::JsonType::");
    out.push_str(json_type);
    out.push_str(if field.option_inner.is_some() {
        ",optional:true"
    } else {
        ",optional:false"
    });
    out.push_str(if field.retry_after {
        ",retry_after:true,example:"
    } else {
        ",retry_after:false,example:"
    });
    match example {
        Some(example) => {
            out.push_str("__ec::Some(");
            write_example(out, example);
            out.push(')');
        }
        None => out.push_str("__ec::None"),
    }
    let _ = write!(out, ",flatten:{flatten},field_errors:false,}}");
}

fn write_example(out: &mut String, example: &Example) {
    let _ = match example {
        Example::Str(lit) => write!(out, "__ec::ExampleValue::String({:?})", lit.value()),
        Example::Int(digits) => write!(out, "__ec::ExampleValue::Integer({digits})"),
        Example::Float(digits) => write!(out, "__ec::ExampleValue::Number({digits})"),
        Example::Bool(value) => write!(out, "__ec::ExampleValue::Bool({value})"),
        Example::List(items) => {
            out.push_str("__ec::ExampleValue::Array(&[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_example(out, item);
            }
            out.push_str("])");
            Ok(())
        }
    };
}

fn write_option_str(out: &mut String, value: Option<&str>) {
    let _ = match value {
        Some(text) => write!(out, "__ec::Some({text:?})"),
        None => write!(out, "__ec::None"),
    };
}

/// `&["..", ..]` of the literals' values.
fn write_str_list<'l>(out: &mut String, lits: impl IntoIterator<Item = &'l LitStr>) {
    out.push_str("&[");
    for (i, lit) in lits.into_iter().enumerate() {
        let comma = if i > 0 { "," } else { "" };
        let _ = write!(out, "{comma}{:?}", lit.value());
    }
    out.push(']');
}

/// Whether JSON writes the row's code, title, message and docs URL as they are.
fn plain_text(variant: &Variant) -> bool {
    json_plain(&variant.code)
        && json_plain(&variant.title)
        && json_plain(&variant.message.text)
        && variant.docs_url.as_deref().is_none_or(json_plain)
}

/// One `ErrorSpec` row: the fields that differ from the base row `__ROW`, then
/// `..__ROW`. `slice` is the shared slice of the row's `FieldSpec`s, if it has one.
pub fn spec(model: &Model, variant: &Variant, slice: Option<usize>) -> TokenStream {
    let Variant {
        code,
        status,
        title,
        description,
        name,
        ..
    } = variant;
    let message = &variant.message.text;
    let reason = &variant.reason;
    let reason_hash = proc_macro2::Literal::u32_unsuffixed(crate::check::reason_hash(reason));
    let status = format_ident!("__S{}", status);
    let mut rest = TokenStream::new();
    if variant.retryable {
        rest.extend(quote!(retryable: true,));
    }
    if !description.is_empty() {
        rest.extend(quote!(description: #description,));
    }
    if let Some(resolution) = &variant.resolution {
        rest.extend(quote!(resolution: __ec::Some(#resolution),));
    }
    let causes = &variant.causes;
    if !causes.is_empty() {
        rest.extend(quote!(causes: &[#(#causes),*],));
    }
    if let Some(secs) = variant.retry_after {
        rest.extend(quote!(retry_after: __ec::Some(#secs),));
    }
    if let Some(slice) = slice {
        let slice = format_ident!("__FS{}", slice);
        rest.extend(quote!(fields: #slice,));
    } else if variant.has_details() {
        let fields = variant
            .fields
            .iter()
            .filter_map(|field| Some(field_spec(field, field.detail()?)));
        rest.extend(quote!(fields: &[#(#fields),*],));
    }
    if let Some(url) = &variant.docs_url {
        rest.extend(quote!(docs_url: __ec::Some(#url),));
    }
    // Lets the runtime write these texts into JSON without formatting or escaping them.
    if let Some(hints) = variant_hints(variant) {
        let hints = format_ident!("{}", hints);
        rest.extend(quote!(json: #hints,));
    }
    if let Some(parsed) = message::parsed_string(model, variant) {
        rest.extend(quote!(parsed: #parsed,));
    }
    let headers: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|field| field.header.as_ref())
        .collect();
    if !headers.is_empty() {
        rest.extend(quote!(headers: &[#(#headers),*],));
    }
    if variant.deprecation.is_some() {
        let deprecation = deprecation(variant.deprecation.as_ref());
        rest.extend(quote!(deprecation: #deprecation,));
    }
    quote! {
        __ec::ErrorSpec {
            code: #code,
            reason: #reason,
            reason_hash: #reason_hash,
            status: #status,
            title: #title,
            message: #message,
            variant: #name,
            #rest
            ..__ROW
        }
    }
}

/// A detail's `FieldSpec`.
fn field_spec(field: &Field, detail: &Detail) -> TokenStream {
    let Detail {
        key,
        rust_type,
        json_type,
        example,
        flatten,
        ..
    } = detail;
    let json_type = format_ident!("{}", json_type);
    let optional = field.option_inner.is_some();
    let retry_after = field.retry_after;
    let example = match example {
        Some(example) => {
            let value = example_tokens(example);
            quote!(__ec::Some(#value))
        }
        None => quote!(__ec::None),
    };
    // Whether the type is `FieldErrors`, told by the type itself (a static cannot name
    // a type parameter, so a generic field is not one).
    let field_errors = if *flatten && !field.generic {
        let ty = field.ty;
        quote!({
            // Unused when the type is `FieldErrors` (its own constant answers).
            #[allow(unused_imports)]
            use __ec::NotFieldErrors as _;
            __ec::IsFieldErrors::<#ty>::VALUE
        })
    } else {
        quote!(false)
    };
    quote! {
        __ec::FieldSpec {
            name: #key,
            rust_type: #rust_type,
            json_type: __ec::JsonType::#json_type,
            optional: #optional,
            retry_after: #retry_after,
            example: #example,
            flatten: #flatten,
            field_errors: #field_errors,
        }
    }
}

/// For each flattened field with an `example`, a `const` that fails to evaluate unless
/// the field's type is `FieldErrors`, the one flattened type whose entries an example
/// can list; rustc's error lands on the `example` key.
pub fn flatten_example_checks(model: &Model) -> TokenStream {
    let checks = model
        .variants
        .iter()
        .flat_map(|variant| &variant.fields)
        .filter_map(|field| {
            let detail = field.detail()?;
            let span = detail.example_span.filter(|_| detail.flatten && !field.generic)?;
            let ty = field.ty;
            Some(quote_spanned! {span=>
                const _: () = {
                    // Unused when the type is `FieldErrors` (its own constant answers).
            #[allow(unused_imports)]
            use __ec::NotFieldErrors as _;
                    if !__ec::IsFieldErrors::<#ty>::VALUE {
                        __ec::core::panic!(
                            "`example` on a flattened field lists sample `FieldErrors`, and this field is of another type: leave `example` out",
                        );
                    }
                };
            })
        });
    quote!(#(#checks)*)
}

fn example_tokens(example: &Example) -> TokenStream {
    match example {
        Example::Str(text) => quote!(__ec::ExampleValue::String(#text)),
        Example::Int(digits) => {
            let value: TokenStream = digits.parse().unwrap_or_default();
            quote!(__ec::ExampleValue::Integer(#value))
        }
        Example::Float(digits) => {
            let value: TokenStream = digits.parse().unwrap_or_default();
            quote!(__ec::ExampleValue::Number(#value))
        }
        Example::Bool(value) => quote!(__ec::ExampleValue::Bool(#value)),
        Example::List(items) => {
            let items = items.iter().map(example_tokens);
            quote!(__ec::ExampleValue::Array(&[#(#items),*]))
        }
    }
}

/// `Some(secs)` or `None`, for a static `Retry-After`.
pub fn option_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(secs) => quote!(__ec::Some(#secs)),
        None => quote!(__ec::None),
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(__ec::Some(#text)),
        None => quote!(__ec::None),
    }
}

/// Whether JSON writes `text` as it is: it has no `"`, `\` or control character below
/// U+0020 (the only characters JSON strings must escape, and the only ones `serde_json`
/// does).
pub(crate) fn json_plain(text: &str) -> bool {
    // A plain loop: the macro is built without optimizations, where an iterator
    // adapter costs several times as much per byte.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte < 0x20 || byte == b'"' || byte == b'\\' {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use proc_macro2::{TokenStream, TokenTree};

    use super::{Shared, as_text, json_plain, parse, spec, write_spec};
    use crate::check::check;
    use crate::ctxt::Errors;
    use crate::input::ast::Input;
    use crate::never_panics::SEEDS;

    /// The tokens as text, each string literal written by its value (the text form and
    /// the quoted form may escape a character differently).
    fn normalized(tokens: TokenStream, out: &mut Vec<String>) {
        for tree in tokens {
            match tree {
                TokenTree::Group(group) => {
                    out.push(format!("{:?}(", group.delimiter()));
                    normalized(group.stream(), out);
                    out.push(")".to_owned());
                }
                TokenTree::Literal(lit) => {
                    out.push(match syn::parse_str::<syn::LitStr>(&lit.to_string()) {
                        Ok(text) => format!("{:?}", text.value()),
                        Err(_) => lit.to_string(),
                    });
                }
                other => out.push(other.to_string()),
            }
        }
    }

    /// Every row written as text reads as the same tokens as the row `spec` quotes.
    #[test]
    fn text_rows_equal_quoted_rows() {
        let mut compared = 0;
        for seed in SEEDS {
            let node = syn::parse_str(seed).unwrap();
            let mut errors = Errors::default();
            let input = Input::from_syn(&node, &mut errors);
            let model = check(&input, &mut errors);
            if errors.finish().is_some() {
                continue;
            }
            let shared = Shared::new(&model);
            let variants = model.variants.iter().zip(&shared.slices);
            for (variant, &slice) in variants.filter(|(variant, _)| as_text(variant)) {
                // With the shared slice, and with the `FieldSpec`s written in the row.
                for slice in [slice, None] {
                    let mut text = String::new();
                    write_spec(&model, variant, slice, &mut text);
                    let (mut written, mut quoted) = (Vec::new(), Vec::new());
                    normalized(parse(&text).unwrap(), &mut written);
                    normalized(spec(&model, variant, slice), &mut quoted);
                    assert_eq!(written, quoted, "{}", variant.name);
                }
                compared += 1;
            }
        }
        assert!(compared >= 8, "only {compared} rows compared");
    }

    #[test]
    fn json_plain_texts() {
        assert!(json_plain("Project not found: é 😀 / <tag> \u{7f}"));
        for text in ["say \"hi\"", "a\\b", "line\nbreak", "tab\t", "\u{1f}"] {
            assert!(!json_plain(text), "{text:?}");
        }
    }
}
