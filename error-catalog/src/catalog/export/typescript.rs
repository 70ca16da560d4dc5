//! The TypeScript export: one `.ts` module that a front end imports to branch on
//! `error.code` with the compiler's help, and to check at run time that a response
//! body is one of the catalog's.
//!
//! The module is written straight into a `String` (no intermediate tree): it stays a
//! small multiple of the JSON export's time at tens of thousands of codes.

use core::fmt::Write as _;
use std::collections::HashSet;

use heck::ToUpperCamelCase;

use crate::catalog::Catalog;
use crate::model::format::Format;
use crate::model::spec::{ErrorSpec, FieldSpec, JsonType};
use crate::wire::envelope::plain;
use crate::wire::grpc;
use crate::wire::members::problem;

impl Catalog {
    /// The catalog as a TypeScript module (ES module syntax, checked with `tsc --strict`),
    /// for the clients of the service written in TypeScript:
    ///
    /// - `ErrorCode`: the union of every code, as string literals;
    /// - per code, `<Code>Details` (the code in `UpperCamelCase`, as in the OpenAPI
    ///   export): an interface with a member per detail field, of its JSON type
    ///   (`string`, `number`, `boolean`, arrays, objects; `unknown` for a type the
    ///   catalog cannot tell), `Option` fields optional, a flattened
    ///   [`FieldErrors`](crate::FieldErrors) in the layout of the code's format (an
    ///   `errors` list of `FieldErrorItem` in Nested, a `FieldErrorEntry` member per
    ///   field in Flat, an `errors` list of `FieldErrorPointer` in Problem, a JSON string
    ///   in Google, whose details are all strings); a code without detail fields has
    ///   none;
    /// - per code, `<Code>Body`: the body the code is sent as, in its category's
    ///   format, the code member a literal type: `error.code` in Nested, `code` in Flat
    ///   and Problem, `error` in Compact, and in Google the `reason` of the
    ///   `ErrorInfo` that is the first of `error.details`;
    /// - `ErrorBody`: the union of every code's body, which narrows on that member, and
    ///   `ErrorBodies`, the body of each code by code;
    /// - `isErrorBody(value)`: a type guard that checks a parsed JSON value is one of
    ///   those bodies (a known code in its format, the envelope's members and every
    ///   detail field with their JSON types; members it does not know are allowed);
    /// - `STATUS` and `RETRYABLE`: the HTTP status and the retryable flag of each code.
    ///
    /// Each code's description is the doc comment of its types, so editors show it, with
    /// an `@deprecated` tag for a [deprecated](crate::ErrorSpec::deprecation) code.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// /// Resource errors.
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "flat")]
    /// pub enum ResourceError {
    ///     /// The requested project does not exist.
    ///     #[error(code = "not_found", status = 404, message = "Not found")]
    ///     NotFound { id: String, hint: Option<String> },
    ///     /// Too many requests.
    ///     #[error(code = "rate_limited", status = 429, message = "Slow down")]
    ///     RateLimited,
    /// }
    ///
    /// let module = catalog!(ResourceError).typescript();
    /// assert!(module.contains(r#"export type ErrorCode = "not_found" | "rate_limited";"#));
    /// assert!(module.contains("export interface NotFoundDetails {\n  id: string;\n  hint?: string;\n}"));
    /// assert!(module.contains(r#"  code: "not_found";"#));
    /// assert!(module.contains("export type ErrorBody = NotFoundBody | RateLimitedBody;"));
    /// assert!(module.contains("export function isErrorBody(value: unknown): value is ErrorBody"));
    /// ```
    pub fn typescript(&self) -> String {
        let names = TypeNames::new(self.iter());
        let mut out = String::with_capacity(1024 + 1536 * self.len());
        // What `isErrorBody` checks of each code, written alongside and put after.
        let mut shapes = String::with_capacity(512 + 64 * self.len());
        shapes.push_str(SHAPES_OPEN);
        out.push_str(HEADER);
        write_codes(&mut out, self);
        out.push_str(SHARED_TYPES);
        for (spec, name) in self.iter().zip(&names.0) {
            let format = spec.category().format();
            let members = detail_members(spec, format);
            write_details(&mut out, spec, format, name, &members);
            write_body(&mut out, spec, format, name);
            write_shape(&mut shapes, spec, format, &members);
        }
        write_unions(&mut out, self, &names);
        write_records(&mut out, self);
        out.push_str(&shapes);
        out.push_str("};\n");
        write_reasons(&mut out, self);
        out.push_str(GUARD);
        out
    }
}

const HEADER: &str = "\
// The error codes of this API, generated from its error catalog: regenerate this file
// rather than edit it.

";

/// The types every module declares, whatever its codes.
const SHARED_TYPES: &str = r#"
/** A wire format of the catalog's error bodies. */
export type Format = "nested" | "flat" | "compact" | "problem" | "google";

/** A field-level validation error, as Nested (and Compact, Google) bodies list them. */
export interface FieldErrorItem {
  field: string;
  code?: string;
  message: string;
}

/** A field-level validation error of a Flat body, under the field's own key. */
export interface FieldErrorEntry {
  code?: string;
  message: string;
}

/** A field-level validation error of an RFC 9457 body: `pointer` is a JSON Pointer to the field, as a URI fragment. */
export interface FieldErrorPointer {
  detail: string;
  pointer: string;
  code?: string;
}

/** A `google.rpc` detail that follows the `ErrorInfo` of a Google body (`RetryInfo`, `RequestInfo`). */
export interface GoogleDetail {
  "@type": string;
  [member: string]: unknown;
}
"#;

/// Each code's base name for its `<Name>Details` and `<Name>Body`, in catalog order.
///
/// The base is the code in `UpperCamelCase`, reduced to the characters of a
/// TypeScript identifier and starting with a letter (`Code` is put before one that
/// would not). Codes that camel-case alike take `_2`, `_3`, ... as in the OpenAPI
/// export, and so does a code whose types would take a name the module declares
/// itself (`error`: `Error_2Body`, as `ErrorBody` is the union of every body; the
/// module's other names end in neither `Body` nor `Details`).
struct TypeNames(Vec<String>);

impl TypeNames {
    fn new<'s>(specs: impl ExactSizeIterator<Item = &'s ErrorSpec>) -> Self {
        // A name is a base with `Details` or `Body` after it, so two codes' names clash
        // exactly when their bases are equal; `Error` would make `ErrorBody`.
        let mut taken: HashSet<String> = HashSet::with_capacity(specs.len() + 1);
        taken.insert("Error".to_owned());
        let mut names = Vec::with_capacity(specs.len());
        for spec in specs {
            let mut base = upper_camel(spec.code());
            if !base.chars().all(char::is_alphanumeric) {
                base.retain(char::is_alphanumeric);
            }
            if !base.starts_with(char::is_alphabetic) {
                base.insert_str(0, "Code");
            }
            let name = if taken.contains(&base) {
                // Each code takes one base, so a free suffix comes within that many tries.
                (2..=taken.len() + 2)
                    .map(|n| format!("{base}_{n}"))
                    .find(|name| !taken.contains(name))
                    .unwrap_or_default()
            } else {
                base
            };
            taken.insert(name.clone());
            names.push(name);
        }
        TypeNames(names)
    }
}

/// `code` in `UpperCamelCase`, as heck writes it (the OpenAPI export's names): directly
/// for a code of lowercase words, digits and separators (most codes), else by heck.
fn upper_camel(code: &str) -> String {
    let simple = code.bytes().all(|byte| {
        byte.is_ascii_lowercase() || byte.is_ascii_digit() || matches!(byte, b'_' | b'-' | b'.')
    });
    if !simple {
        return code.to_upper_camel_case();
    }
    let mut out = String::with_capacity(code.len());
    for word in code.split(['_', '-', '.']).filter(|word| !word.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// `text` as a TypeScript string literal (a JSON string is one): copied between quotes
/// when it holds nothing to escape, else escaped by `serde_json`.
fn literal(out: &mut String, text: &str) {
    if plain(text) {
        out.push('"');
        out.push_str(text);
        out.push('"');
        return;
    }
    match serde_json::to_string(text) {
        Ok(json) => out.push_str(&json),
        Err(_) => out.push_str("\"\""),
    }
}

/// A member name: as it is when it is an identifier, else quoted.
fn member(out: &mut String, name: &str) {
    let identifier = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && !name.is_empty();
    if identifier {
        out.push_str(name);
    } else {
        literal(out, name);
    }
}

/// The `@deprecated` tag of a deprecated code's types (editors strike their uses
/// through), with the deprecation's note and replacement; empty for other codes.
fn deprecated(spec: &ErrorSpec) -> String {
    let Some(deprecation) = spec.deprecation() else {
        return String::new();
    };
    let mut tag = "@deprecated".to_owned();
    let _ = deprecation.write_after_lead(&mut tag);
    if tag.ends_with("@deprecated.") {
        tag.pop();
    }
    tag
}

fn write_codes(out: &mut String, catalog: &Catalog) {
    out.push_str("/** Every error code of the API. */\nexport type ErrorCode =");
    if catalog.is_empty() {
        out.push_str(" never");
    }
    for (i, spec) in catalog.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { " | " });
        literal(out, spec.code());
    }
    out.push_str(";\n");
}

/// The TypeScript type of a detail field's values.
fn value_type(field: &FieldSpec) -> &'static str {
    match field.json_type() {
        JsonType::String => "string",
        JsonType::Integer | JsonType::Number => "number",
        JsonType::Boolean => "boolean",
        JsonType::Array => match element_type(field.rust_type()) {
            Some("string") => "string[]",
            Some("number") => "number[]",
            Some("boolean") => "boolean[]",
            _ => "unknown[]",
        },
        JsonType::Object => "{ [key: string]: unknown }",
        JsonType::Any => "unknown",
    }
}

/// The TypeScript type of the elements of a sequence type written `Vec<T>`, `[T; N]`,
/// `&[T]`, ... when `T` is a string, number or boolean type.
fn element_type(rust_type: &str) -> Option<&'static str> {
    let inner = rust_type
        .split_once(['<', '['])?
        .1
        .trim_end_matches(['>', ']', ' '])
        .split(';')
        .next()?
        .trim()
        .trim_start_matches('&')
        .trim_start_matches("'static ")
        .trim();
    let name = inner.rsplit("::").next().unwrap_or(inner);
    Some(match name {
        "String" | "str" | "char" => "string",
        "bool" => "boolean",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" | "f32" | "f64" => "number",
        _ => return None,
    })
}

/// What a code's details hold in its format: its members (`name`, always sent, type)
/// and, when it has members known only at run time, what those are.
struct DetailMembers {
    lines: Vec<(&'static str, bool, &'static str)>,
    extra: Option<Extra>,
}

/// Members of the details known only at run time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extra {
    /// A flattened field of another type than `FieldErrors`.
    Unknown,
    /// The same, in Google's metadata (strings).
    Strings,
    /// A flattened `FieldErrors` in Flat: a `FieldErrorEntry` per field.
    Entries,
}

/// The members of `spec`'s details in `format` (none in Compact); a field named like a
/// member of a Problem body is left out, as the body leaves it out.
fn detail_members(spec: &ErrorSpec, format: Format) -> DetailMembers {
    let mut members = DetailMembers {
        lines: Vec::new(),
        extra: None,
    };
    if !has_details(spec, format) {
        return members;
    }
    members.lines.reserve(spec.fields().len());
    for field in spec.fields() {
        if field.flattened() {
            match (field.field_errors(), format) {
                (false, Format::Google) => members.extra = Some(Extra::Strings),
                (false, _) => members.extra = Some(Extra::Unknown),
                (true, Format::Google) => members.lines.push(("errors", true, "string")),
                (true, Format::Flat) => {
                    members.extra.get_or_insert(Extra::Entries);
                }
                (true, Format::Problem) => {
                    members.lines.push(("errors", true, "FieldErrorPointer[]"));
                }
                (true, _) => members.lines.push(("errors", true, "FieldErrorItem[]")),
            }
            continue;
        }
        if format == Format::Problem && problem::MEMBERS.contains(&field.name()) {
            continue;
        }
        let ty = if format == Format::Google {
            "string"
        } else {
            value_type(field)
        };
        members.lines.push((field.name(), !field.optional(), ty));
    }
    members
}

/// Whether `spec` sends details in `format` (Compact sends none).
fn has_details(spec: &ErrorSpec, format: Format) -> bool {
    format != Format::Compact && !spec.fields().is_empty()
}

fn write_details(
    out: &mut String,
    spec: &ErrorSpec,
    format: Format,
    name: &str,
    members: &DetailMembers,
) {
    if !has_details(spec, format) {
        return;
    }
    let what = match format {
        Format::Google => "The `ErrorInfo.metadata` of `",
        Format::Problem => "The extension members of `",
        _ => "The details of `",
    };
    // Codes hold no `*/`.
    out.push_str("\n/**\n * ");
    out.push_str(what);
    out.push_str(spec.code());
    out.push_str("`.\n");
    doc_paragraphs(out, &[spec.description(), &deprecated(spec)]);
    let _ = writeln!(out, "export interface {name}Details {{");
    for &(key, required, ty) in &members.lines {
        out.push_str("  ");
        member(out, key);
        out.push_str(if required { ": " } else { "?: " });
        out.push_str(ty);
        out.push_str(";\n");
    }
    match members.extra {
        None => {}
        Some(Extra::Unknown) => out.push_str("  [key: string]: unknown;\n"),
        Some(Extra::Strings) => out.push_str("  [key: string]: string;\n"),
        Some(Extra::Entries) => {
            // An index signature's type must admit every member's.
            out.push_str("  [key: string]: FieldErrorEntry");
            let mut seen: Vec<&str> = Vec::new();
            for &(_, required, ty) in &members.lines {
                for ty in [ty, if required { ty } else { "undefined" }] {
                    if !seen.contains(&ty) {
                        seen.push(ty);
                        out.push_str(" | ");
                        out.push_str(ty);
                    }
                }
            }
            out.push_str(";\n");
        }
    }
    out.push_str("}\n");
}

/// The paragraphs after a doc comment's first line, and its end.
fn doc_paragraphs(out: &mut String, paragraphs: &[&str]) {
    for paragraph in paragraphs.iter().filter(|text| !text.trim().is_empty()) {
        out.push_str(" *\n");
        doc_lines(out, paragraph);
    }
    out.push_str(" */\n");
}

/// The lines of a doc comment's paragraph.
fn doc_lines(out: &mut String, paragraph: &str) {
    for line in paragraph.lines() {
        out.push_str(" *");
        if !line.is_empty() {
            out.push(' ');
            if line.contains("*/") {
                // `*/` would end the comment.
                out.push_str(&line.replace("*/", "*\\/"));
            } else {
                out.push_str(line);
            }
        }
        out.push('\n');
    }
}

fn write_body(out: &mut String, spec: &ErrorSpec, format: Format, name: &str) {
    // The description, then `code`: HTTP status, retryable; then the deprecation.
    out.push_str("\n/**\n");
    if !spec.description().trim().is_empty() {
        doc_lines(out, spec.description());
        out.push_str(" *\n");
    }
    out.push_str(" * `");
    out.push_str(spec.code());
    out.push_str("`: HTTP ");
    push_status(out, spec.status_u16());
    out.push_str(if spec.retryable() {
        ", retryable.\n"
    } else {
        ", not retryable.\n"
    });
    doc_paragraphs(out, &[&deprecated(spec)]);
    let details = has_details(spec, format);
    // Details always sent when a field is not an `Option` (or is a list of errors).
    let required = spec.fields().iter().any(|field| {
        !field.optional()
            && (!field.flattened() || (field.field_errors() && format != Format::Flat))
    });
    let open = |out: &mut String, extends: bool| {
        out.push_str("export interface ");
        out.push_str(name);
        out.push_str("Body");
        if extends {
            out.push_str(" extends ");
            out.push_str(name);
            out.push_str("Details");
        }
        out.push_str(" {\n");
    };
    let details_member = |out: &mut String, indent: &str, member: &str| {
        out.push_str(indent);
        out.push_str(member);
        out.push_str(": ");
        out.push_str(name);
        out.push_str("Details;\n");
    };
    match format {
        Format::Nested => {
            open(out, false);
            out.push_str("  error: {\n    code: ");
            literal(out, spec.code());
            out.push_str(";\n    message: string;\n");
            if details {
                details_member(out, "    ", "details");
            }
            out.push_str("  };\n  meta?: { request_id: string };\n}\n");
        }
        Format::Flat => {
            open(out, false);
            out.push_str("  code: ");
            literal(out, spec.code());
            out.push_str(";\n  message: string;\n");
            if details {
                details_member(out, "  ", "details");
            }
            out.push_str("  request_id?: string;\n}\n");
        }
        Format::Compact => {
            open(out, false);
            out.push_str("  error: ");
            literal(out, spec.code());
            out.push_str(";\n  message: string;\n  status: ");
            push_status(out, spec.status_u16());
            out.push_str(";\n  request_id?: string;\n}\n");
        }
        Format::Problem => {
            open(out, details);
            out.push_str("  type: string;\n  title: string;\n  status: ");
            push_status(out, spec.status_u16());
            out.push_str(";\n  detail: string;\n  instance?: string;\n  code: ");
            literal(out, spec.code());
            out.push_str(";\n  request_id?: string;\n}\n");
        }
        Format::Google => {
            open(out, false);
            out.push_str("  error: {\n    code: ");
            push_status(out, spec.status_u16());
            out.push_str(";\n    message: string;\n    status: \"");
            out.push_str(grpc::canonical(spec.status()).name());
            out.push_str("\";\n    details: [\n      {\n        \"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\";\n        reason: ");
            literal(out, &grpc::reason(spec.code()));
            out.push_str(";\n");
            if let Some(domain) = spec.category().domain() {
                out.push_str("        domain: ");
                literal(out, domain);
                out.push_str(";\n");
            }
            if details {
                details_member(
                    out,
                    "        ",
                    if required { "metadata" } else { "metadata?" },
                );
            }
            out.push_str("      },\n      ...GoogleDetail[],\n    ];\n  };\n}\n");
        }
    }
}

/// An HTTP status (three digits).
#[allow(clippy::cast_possible_truncation)] // each cast value is a digit
fn push_status(out: &mut String, status: u16) {
    if (100..=999).contains(&status) {
        out.push(char::from(b'0' + (status / 100) as u8));
        out.push(char::from(b'0' + (status / 10 % 10) as u8));
        out.push(char::from(b'0' + (status % 10) as u8));
    } else {
        let _ = write!(out, "{status}");
    }
}

fn write_unions(out: &mut String, catalog: &Catalog, names: &TypeNames) {
    out.push_str(
        "\n/** The body of every error code, which narrows on its code. */\nexport type ErrorBody =",
    );
    if catalog.is_empty() {
        out.push_str(" never");
    }
    for (i, name) in names.0.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { " | " });
        out.push_str(name);
        out.push_str("Body");
    }
    out.push_str(
        ";\n\n/** The body of each error code, by code. */\nexport interface ErrorBodies {\n",
    );
    for (spec, name) in catalog.iter().zip(&names.0) {
        out.push_str("  ");
        literal(out, spec.code());
        let _ = writeln!(out, ": {name}Body;");
    }
    out.push_str("}\n");
}

fn write_records(out: &mut String, catalog: &Catalog) {
    out.push_str("\n/** The HTTP status of each error code. */\nexport const STATUS: { readonly [C in ErrorCode]: number } = {\n");
    for spec in catalog {
        out.push_str("  ");
        literal(out, spec.code());
        let _ = writeln!(out, ": {},", spec.status_u16());
    }
    out.push_str("};\n\n/** Whether a client may retry the request of each error code unchanged. */\nexport const RETRYABLE: { readonly [C in ErrorCode]: boolean } = {\n");
    for spec in catalog {
        out.push_str("  ");
        literal(out, spec.code());
        let _ = writeln!(out, ": {},", spec.retryable());
    }
    out.push_str("};\n");
}

const SHAPES_OPEN: &str = "\n// What isErrorBody checks of each code: its format, then each detail member with\n\
// its kind, 1 when it is always sent; \"*\" stands for members known only at run time.\n\
const SHAPES: { readonly [code: string]: readonly [Format, ...(readonly [string, Kind, 0 | 1])[]] } = {\n";

/// The entry of `SHAPES` for `spec`: its format and detail members.
fn write_shape(out: &mut String, spec: &ErrorSpec, format: Format, members: &DetailMembers) {
    out.push_str("  ");
    literal(out, spec.code());
    out.push_str(": [\"");
    out.push_str(format.name());
    out.push('"');
    for &(key, required, ty) in &members.lines {
        out.push_str(", [");
        literal(out, key);
        out.push_str(", \"");
        out.push_str(kind(ty));
        out.push_str(if required { "\", 1]" } else { "\", 0]" });
    }
    match members.extra {
        None => {}
        Some(Extra::Entries) => out.push_str(", [\"*\", \"entry\", 0]"),
        Some(Extra::Strings) => out.push_str(", [\"*\", \"string\", 0]"),
        Some(Extra::Unknown) => out.push_str(", [\"*\", \"any\", 0]"),
    }
    out.push_str("],\n");
}

/// Google's reasons, each with its code.
fn write_reasons(out: &mut String, catalog: &Catalog) {
    out.push_str("\n// The error code of each Google `ErrorInfo.reason`.\nconst REASONS: { readonly [reason: string]: ErrorCode } = {\n");
    for spec in catalog {
        if spec.category().format() == Format::Google {
            out.push_str("  ");
            literal(out, &grpc::reason(spec.code()));
            out.push_str(": ");
            literal(out, spec.code());
            out.push_str(",\n");
        }
    }
    out.push_str("};\n");
}

/// The `Kind` of `isErrorBody` that checks values of the TypeScript type `ty`.
fn kind(ty: &str) -> &'static str {
    match ty {
        "string" => "string",
        "number" => "number",
        "boolean" => "boolean",
        "FieldErrorItem[]" => "items",
        "FieldErrorPointer[]" => "pointers",
        "{ [key: string]: unknown }" => "object",
        ty if ty.ends_with("[]") => "array",
        _ => "any",
    }
}

/// The type guard and its helpers: the same text in every module.
const GUARD: &str = r#"
type Kind = "string" | "number" | "boolean" | "array" | "object" | "any" | "items" | "pointers" | "entry";

type JsonObject = { readonly [member: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function isFieldError(value: unknown, text: string, place: string): boolean {
  return (
    isObject(value) &&
    typeof own(value, text) === "string" &&
    typeof own(value, place) === "string" &&
    isOptionalString(own(value, "code"))
  );
}

function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === kind;
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "items":
      return Array.isArray(value) && value.every((item) => isFieldError(item, "message", "field"));
    case "pointers":
      return Array.isArray(value) && value.every((item) => isFieldError(item, "detail", "pointer"));
    case "entry":
      return isObject(value) && typeof own(value, "message") === "string" && isOptionalString(own(value, "code"));
    default:
      return true;
  }
}

function hasDetails(details: unknown, members: readonly (readonly [string, Kind, 0 | 1])[]): boolean {
  if (!isObject(details)) {
    return false;
  }
  let rest: Kind | undefined;
  const known = new Set<string>();
  for (const [key, kind, required] of members) {
    if (key === "*") {
      rest = kind;
      continue;
    }
    known.add(key);
    const value = own(details, key);
    if (value === undefined ? required === 1 : !isKind(value, kind)) {
      return false;
    }
  }
  return rest === undefined || Object.keys(details).every((key) => known.has(key) || isKind(details[key], rest));
}

/** Whether `value` (a parsed JSON body) is the body of one of the API's error codes. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (!isObject(value)) {
    return false;
  }
  const error = own(value, "error");
  let code: unknown;
  if (typeof error === "string") {
    code = error;
  } else if (isObject(error)) {
    const details = own(error, "details");
    code = typeof own(error, "code") === "number"
      ? Array.isArray(details) && isObject(details[0]) && typeof details[0].reason === "string"
        ? own(REASONS, details[0].reason)
        : undefined
      : own(error, "code");
  } else {
    code = own(value, "code");
  }
  if (typeof code !== "string") {
    return false;
  }
  const shape = own(SHAPES, code) as (typeof SHAPES)[string] | undefined;
  if (shape === undefined) {
    return false;
  }
  const [format, ...members] = shape;
  const status = STATUS[code as ErrorCode];
  const detailed = members.length > 0;
  switch (format) {
    case "nested": {
      const meta = own(value, "meta");
      return (
        isObject(error) &&
        typeof own(error, "message") === "string" &&
        (detailed ? hasDetails(own(error, "details"), members) : own(error, "details") === undefined) &&
        (meta === undefined || (isObject(meta) && typeof own(meta, "request_id") === "string"))
      );
    }
    case "flat":
      return (
        error === undefined &&
        typeof own(value, "message") === "string" &&
        (detailed ? hasDetails(own(value, "details"), members) : own(value, "details") === undefined) &&
        isOptionalString(own(value, "request_id"))
      );
    case "compact":
      return (
        typeof own(value, "message") === "string" &&
        own(value, "status") === status &&
        isOptionalString(own(value, "request_id"))
      );
    case "problem":
      return (
        typeof own(value, "type") === "string" &&
        typeof own(value, "title") === "string" &&
        own(value, "status") === status &&
        typeof own(value, "detail") === "string" &&
        isOptionalString(own(value, "instance")) &&
        isOptionalString(own(value, "request_id")) &&
        hasDetails(value, members)
      );
    case "google": {
      if (!isObject(error) || own(error, "code") !== status || typeof own(error, "message") !== "string" || typeof own(error, "status") !== "string") {
        return false;
      }
      const list = own(error, "details");
      if (!Array.isArray(list)) {
        return false;
      }
      const [info, ...others]: unknown[] = list;
      if (!isObject(info) || own(info, "@type") !== "type.googleapis.com/google.rpc.ErrorInfo" || !isOptionalString(own(info, "domain"))) {
        return false;
      }
      const metadata = own(info, "metadata");
      return (
        (detailed ? hasDetails(metadata === undefined ? {} : metadata, members) : metadata === undefined || isObject(metadata)) &&
        others.every((detail) => isObject(detail) && typeof own(detail, "@type") === "string")
      );
    }
    default:
      return false;
  }
}
"#;

#[cfg(test)]
mod tests {
    use heck::ToUpperCamelCase;

    use super::upper_camel;

    #[test]
    fn the_fast_camel_case_is_heck_s() {
        for code in [
            "not_found",
            "area0_resource_5_conflict",
            "v2api_error",
            "401_error",
            "a",
            "a__b",
            "_leading",
            "trailing_",
            "dotted.code-and_more",
            "x1y2z3",
            "9",
            "NOT_FOUND",
            "AUTH-401",
            "HTTPServer",
            "mixedCase_code",
        ] {
            assert_eq!(upper_camel(code), code.to_upper_camel_case(), "{code}");
        }
    }
}
