//! Generator and report for the compile-time benchmark (`benches/compile-time/run.sh`).
//!
//! `compile-bench-gen generate DIR SIZES` writes a cargo workspace to `DIR` with one crate
//! per flavour and size (`SIZES` is a comma-separated list such as `1000,3000`). Every
//! crate holds the same error enum, `ServiceError`, in one of these flavours:
//!
//! - `derive`: `#[derive(Debug, ApiError)]`.
//! - `derive_nouniq`: the same with `#[api_error(unique_in_crate = false)]`, to isolate the
//!   cost of the crate-wide uniqueness check.
//! - `derive_l10n`: `derive` with `#[api_error(locales = "locales")]` and three locales
//!   (`locales/{fr,de,pt}/errors.ftl`), each with a message and a title for every code,
//!   its placeholders included: the cost of translations.
//! - `hand`: the same features written by hand, the way a careful user would: the
//!   `CATALOG` table of `ErrorSpec`s, `spec()` as a match from variant to row, `code()` and
//!   `status()` as one match each (one arm per variant, `http::StatusCode` constants),
//!   `retryable()` as a `matches!` over the retryable variants, `retry_after()`,
//!   `visit_details()`, `Display` (`write!` for interpolated messages, `write_str` for
//!   literal ones), `Error::source` and the `From` impls.
//! - `hand_table`: the leanest hand-written form, for reference: like `hand`, but `code()`,
//!   `status()` and `retryable()` are the trait's defaults, which read the table row.
//! - `thiserror`: `#[derive(Debug, thiserror::Error)]` alone: `Display`, `Error`, `From`.
//!
//! `compile-bench-gen report DIR` reads the `round-*.csv` files of `run.sh` (hyperfine's
//! `--export-csv` output of one run per crate, or the same columns written by the fallback
//! loop) and `instructions.csv` when present, and prints the medians and the ratios.
//!
//! The variant mix is fixed (no randomness), so every run compiles the same code: 40%
//! unit variants, 50% struct variants with 1 to 3 detail fields interpolated into the
//! message, 5% variants with a `#[source]` and 5% rate-limit variants with a
//! `#[error(retry_after)]` field; the first 8 variants wrap a standard error with
//! `#[from]`. Three variants in four have a doc comment, one in five a `resolution`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::{env, fs};

const FLAVOURS: [&str; 6] = [
    "derive",
    "derive_nouniq",
    "derive_l10n",
    "hand",
    "hand_table",
    "thiserror",
];

/// The locales of `derive_l10n`, each with the tag its texts start with.
const LOCALES: [(&str, &str); 3] = [("fr", "FR"), ("de", "DE"), ("pt", "PT")];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["generate", dir, sizes] => generate(Path::new(dir), sizes),
        ["report", dir] => report(Path::new(dir)),
        _ => Err("usage: compile-bench-gen generate DIR SIZES | report RESULTS_DIR".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compile-bench-gen: {message}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------
// The enum model
// ---------------------------------------------------------------------------------------

const PREFIXES: [&str; 6] = ["", "Bulk", "Team", "Admin", "Legacy", "Shared"];
const RESOURCES: [&str; 30] = [
    "Project",
    "User",
    "Invoice",
    "Payment",
    "Subscription",
    "Workspace",
    "Token",
    "Session",
    "Webhook",
    "File",
    "Folder",
    "Comment",
    "Order",
    "Product",
    "Coupon",
    "Address",
    "Customer",
    "Plan",
    "Seat",
    "License",
    "Key",
    "Role",
    "Permission",
    "Report",
    "Export",
    "Import",
    "Job",
    "Device",
    "Region",
    "Quota",
];
/// Problem name, HTTP status, message phrase.
const PROBLEMS: [(&str, u16, &str); 20] = [
    ("NotFound", 404, "was not found"),
    ("AlreadyExists", 409, "already exists"),
    ("Expired", 401, "has expired"),
    ("Locked", 423, "is locked"),
    ("Invalid", 400, "is invalid"),
    ("TooLarge", 413, "is too large"),
    ("Forbidden", 403, "may not be accessed"),
    ("Conflict", 409, "was changed by another request"),
    ("LimitReached", 429, "has reached its limit"),
    ("Unavailable", 503, "is temporarily unavailable"),
    ("Archived", 410, "is archived"),
    ("Suspended", 403, "is suspended"),
    ("Mismatch", 422, "does not match"),
    ("Pending", 409, "is still pending"),
    ("Deleted", 410, "was deleted"),
    ("TimedOut", 504, "timed out"),
    ("Unsupported", 422, "is not supported"),
    ("Malformed", 400, "is malformed"),
    ("Revoked", 401, "was revoked"),
    ("Failed", 500, "could not be processed"),
];
/// Detail fields: name and type. `Option` fields are never interpolated.
const FIELDS: [(&str, &str); 8] = [
    ("id", "String"),
    ("limit", "u32"),
    ("region", "String"),
    ("attempts", "u64"),
    ("owner", "Option<String>"),
    ("size", "u64"),
    ("reason", "String"),
    ("hint", "Option<String>"),
];
/// The `#[from]` sources of the first variants, one type each.
const FROM_TYPES: [&str; 8] = [
    "std::io::Error",
    "std::fmt::Error",
    "std::num::ParseIntError",
    "std::num::ParseFloatError",
    "std::str::Utf8Error",
    "std::string::FromUtf8Error",
    "std::net::AddrParseError",
    "std::char::ParseCharError",
];

enum Kind {
    Unit,
    /// Detail fields; the message interpolates the non-`Option` ones.
    Struct(Vec<(&'static str, &'static str)>),
    /// `reason: String` (interpolated) and `#[source] source: std::io::Error`.
    Source,
    /// `limit: u32` (interpolated) and `#[error(retry_after)] retry_after: u64`.
    RateLimited,
    /// A tuple variant `(#[from] T)`.
    From(&'static str),
}

struct Variant {
    name: String,
    code: String,
    title: String,
    status: u16,
    doc: Option<String>,
    message: String,
    resolution: Option<String>,
    kind: Kind,
}

impl Variant {
    fn new(i: usize) -> Variant {
        let (problem, mut status, phrase) = PROBLEMS[i % PROBLEMS.len()];
        let resource = RESOURCES[(i / PROBLEMS.len()) % RESOURCES.len()];
        let prefix = PREFIXES[i / (PROBLEMS.len() * RESOURCES.len())];
        let name = format!("{prefix}{resource}{problem}");
        let words = split_words(&name);
        let code = words.join("_");
        let title = sentence(&words);
        let object = words[..words.len() - split_words(problem).len()].join(" ");
        let kind = if i < FROM_TYPES.len() {
            Kind::From(FROM_TYPES[i])
        } else {
            match i % 20 {
                0..=7 => Kind::Unit,
                8..=17 => {
                    let count = 1 + i % 3;
                    let mut start = i % FIELDS.len();
                    if FIELDS[start].1.starts_with("Option") {
                        start += 1;
                    }
                    Kind::Struct(
                        (0..count)
                            .map(|k| FIELDS[(start + k) % FIELDS.len()])
                            .collect(),
                    )
                }
                18 => Kind::Source,
                _ => Kind::RateLimited,
            }
        };
        let message = match &kind {
            Kind::Unit | Kind::From(_) => format!("The {object} {phrase}"),
            Kind::Struct(fields) => {
                let shown: Vec<String> = fields
                    .iter()
                    .filter(|(_, ty)| !ty.starts_with("Option"))
                    .map(|(field, _)| format!("{field}: {{{field}}}"))
                    .collect();
                format!("The {object} {phrase} ({})", shown.join(", "))
            }
            Kind::Source => format!("The {object} {phrase} ({{reason}})"),
            Kind::RateLimited => {
                status = 429;
                format!("Too many requests for the {object} (limit {{limit}})")
            }
        };
        if let Kind::From(_) = kind {
            status = 500;
        }
        Variant {
            name,
            code,
            title,
            status,
            doc: (i % 4 != 3).then(|| format!("Returned when the {object} {phrase}.")),
            message,
            resolution: i
                .is_multiple_of(5)
                .then(|| format!("Check the {object} and try again.")),
            kind,
        }
    }

    fn retryable(&self) -> bool {
        matches!(self.status, 408 | 425 | 429 | 502 | 503 | 504)
    }

    /// `Self::Name`, `Self::Name { .. }` or `Self::Name(..)`.
    fn wildcard(&self) -> String {
        match self.kind {
            Kind::Unit => format!("Self::{}", self.name),
            Kind::From(_) => format!("Self::{}(..)", self.name),
            _ => format!("Self::{} {{ .. }}", self.name),
        }
    }

    /// The detail fields: name, type.
    fn details(&self) -> Vec<(&'static str, &'static str)> {
        match &self.kind {
            Kind::Unit | Kind::From(_) => Vec::new(),
            Kind::Struct(fields) => fields.clone(),
            Kind::Source => vec![("reason", "String")],
            Kind::RateLimited => vec![("limit", "u32"), ("retry_after", "u64")],
        }
    }
}

/// `BulkInvoiceNotFound` -> `["bulk", "invoice", "not", "found"]`.
fn split_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() || words.is_empty() {
            words.push(String::new());
        }
        if let Some(word) = words.last_mut() {
            word.push(c.to_ascii_lowercase());
        }
    }
    words
}

fn sentence(words: &[String]) -> String {
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => text,
    }
}

fn variants(size: usize) -> Result<Vec<Variant>, String> {
    let max = PREFIXES.len() * RESOURCES.len() * PROBLEMS.len();
    if size == 0 || size > max {
        return Err(format!("a size is 1 to {max} variants, not {size}"));
    }
    Ok((0..size).map(Variant::new).collect())
}

// ---------------------------------------------------------------------------------------
// Writing the crates
// ---------------------------------------------------------------------------------------

fn generate(dir: &Path, sizes: &str) -> Result<(), String> {
    let runtime = env::var("ERROR_CATALOG_PATH")
        .map_err(|_| "set ERROR_CATALOG_PATH to the error-catalog crate's folder".to_owned())?;
    let sizes: Vec<usize> = sizes
        .split(',')
        .map(|size| {
            size.trim()
                .parse()
                .map_err(|_| format!("bad size `{size}`"))
        })
        .collect::<Result<_, _>>()?;
    let mut members = Vec::new();
    for &size in &sizes {
        let variants = variants(size)?;
        for flavour in FLAVOURS {
            let name = format!("{flavour}_{size}");
            let source = match flavour {
                "derive" => derived(&variants, true, false),
                "derive_nouniq" => derived(&variants, false, false),
                "derive_l10n" => {
                    for (locale, tag) in LOCALES {
                        let path = dir.join(&name).join(format!("locales/{locale}/errors.ftl"));
                        write(&path, &translations(&variants, tag))?;
                    }
                    derived(&variants, true, true)
                }
                "hand" => hand_written(&variants, false),
                "hand_table" => hand_written(&variants, true),
                _ => thiserror(&variants),
            };
            let deps = match flavour {
                "thiserror" => "thiserror = \"2\"\n".to_owned(),
                "hand" | "hand_table" => {
                    format!("error-catalog = {{ path = {runtime:?} }}\nhttp = \"1\"\n")
                }
                _ => format!("error-catalog = {{ path = {runtime:?} }}\n"),
            };
            write(
                &dir.join(&name).join("Cargo.toml"),
                &format!(
                    "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                     publish = false\n\n[dependencies]\n{deps}"
                ),
            )?;
            write(&dir.join(&name).join("src/lib.rs"), &source)?;
            members.push(name);
        }
    }
    let members: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "# Generated by benches/compile-time/gen.rs; do not edit.\n[workspace]\n\
             members = [{}]\nresolver = \"3\"\n",
            members.join(", ")
        ),
    )
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    // Leave an unchanged file alone, so cargo does not rebuild it.
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

const HEADER: &str = "//! Generated by benches/compile-time/gen.rs; do not edit.\n\n";

/// The variant declaration, with the attributes `attrs` gives for the variant and its
/// fields (`Field::Detail`, `Field::Source`, `Field::RetryAfter`, `Field::From`).
fn declaration(
    out: &mut String,
    variants: &[Variant],
    attrs: impl Fn(&Variant) -> String,
    field_attr: impl Fn(Field) -> &'static str,
) {
    out.push_str("pub enum ServiceError {\n");
    for v in variants {
        if let Some(doc) = &v.doc {
            writeln!(out, "    /// {doc}").unwrap();
        }
        out.push_str(&attrs(v));
        match &v.kind {
            Kind::Unit => writeln!(out, "    {},", v.name).unwrap(),
            Kind::From(ty) => {
                writeln!(out, "    {}({}{ty}),", v.name, field_attr(Field::From)).unwrap();
            }
            Kind::Struct(fields) => {
                let fields: Vec<String> = fields.iter().map(|(n, t)| format!("{n}: {t}")).collect();
                writeln!(out, "    {} {{ {} }},", v.name, fields.join(", ")).unwrap();
            }
            Kind::Source => writeln!(
                out,
                "    {} {{ reason: String, {}source: std::io::Error }},",
                v.name,
                field_attr(Field::Source)
            )
            .unwrap(),
            Kind::RateLimited => writeln!(
                out,
                "    {} {{ limit: u32, {}retry_after: u64 }},",
                v.name,
                field_attr(Field::RetryAfter)
            )
            .unwrap(),
        }
    }
    out.push_str("}\n");
}

#[derive(Clone, Copy)]
enum Field {
    From,
    Source,
    RetryAfter,
}

fn derived(variants: &[Variant], unique_in_crate: bool, locales: bool) -> String {
    let mut out = String::from(HEADER);
    out.push_str("use error_catalog::ApiError;\n\n/// Every error of the service.\n");
    out.push_str("#[derive(Debug, ApiError)]\n");
    if !unique_in_crate {
        out.push_str("#[api_error(unique_in_crate = false)]\n");
    }
    if locales {
        out.push_str("#[api_error(locales = \"locales\")]\n");
    }
    declaration(
        &mut out,
        variants,
        |v| {
            let resolution = v
                .resolution
                .as_ref()
                .map(|r| format!(", resolution = {r:?}"))
                .unwrap_or_default();
            format!(
                "    #[error(code = {:?}, status = {}, message = {:?}{resolution})]\n",
                v.code, v.status, v.message
            )
        },
        |field| match field {
            Field::From => "#[from] ",
            Field::Source => "#[source] ",
            Field::RetryAfter => "#[error(retry_after)] ",
        },
    );
    out
}

/// A Fluent file with a message and a title for every code: the default texts marked
/// with `tag`, each `{field}` placeholder written as Fluent's `{ $field }`.
fn translations(variants: &[Variant], tag: &str) -> String {
    let mut out = String::new();
    for v in variants {
        let message = v.message.replace('{', "{ $").replace('}', " }");
        writeln!(out, "{} = [{tag}] {message}", v.code).unwrap();
        writeln!(out, "    .title = [{tag}] {}", v.title).unwrap();
    }
    out
}

fn thiserror(variants: &[Variant]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("/// Every error of the service.\n#[derive(Debug, thiserror::Error)]\n");
    declaration(
        &mut out,
        variants,
        |v| format!("    #[error({:?})]\n", v.message),
        |field| match field {
            Field::From => "#[from] ",
            Field::Source => "#[source] ",
            Field::RetryAfter => "",
        },
    );
    out
}

/// The `StatusCode` constant of a status the generator uses.
fn status_const(status: u16) -> &'static str {
    match status {
        400 => "BAD_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        409 => "CONFLICT",
        410 => "GONE",
        413 => "PAYLOAD_TOO_LARGE",
        422 => "UNPROCESSABLE_ENTITY",
        423 => "LOCKED",
        429 => "TOO_MANY_REQUESTS",
        500 => "INTERNAL_SERVER_ERROR",
        503 => "SERVICE_UNAVAILABLE",
        504 => "GATEWAY_TIMEOUT",
        _ => unreachable!("status {status} is not in the generator's tables"),
    }
}

fn json_type(ty: &str) -> &'static str {
    match ty.trim_start_matches("Option<").trim_end_matches('>') {
        "String" => "String",
        _ => "Integer",
    }
}

fn hand_written(variants: &[Variant], table: bool) -> String {
    let mut out = String::from(HEADER);
    out.push_str("use http::StatusCode;\n");
    out.push_str(
        "use std::fmt;\n\n\
         use error_catalog::{ApiError, Category, DetailValue, DetailVisitor, ErrorCatalog, \
         ErrorSpec, FieldSpec, Format, JsonType};\n\
         // The writer's hints and the parsed message are hidden fields of ErrorSpec:\n\
         // there is no other way to build a spec by hand today.\n\
         use error_catalog::__private::JsonHints;\n\n\
         /// Every error of the service.\n#[derive(Debug)]\n",
    );
    declaration(&mut out, variants, |_| String::new(), |_| "");

    catalog_table(&mut out, variants);
    api_error_impl(&mut out, variants, table);
    display_impl(&mut out, variants);
    error_impls(&mut out, variants);
    out
}

/// The `CATALOG` table and the `ErrorCatalog` impl.
fn catalog_table(out: &mut String, variants: &[Variant]) {
    out.push_str(
        "\nconst CATEGORY: Category = Category {\n    name: \"ServiceError\",\n    \
         doc: \"Every error of the service.\",\n    format: Format::Problem,\n    \
         docs: None,\n    domain: None,\n    locales: None,\n    services: &[],\n};\n\n\
         impl ServiceError {\n    \
         /// Every error code of this type, in declaration order.\n    \
         pub const CATALOG: &'static [ErrorSpec] = &[\n",
    );
    for v in variants {
        let fields: Vec<String> = v
            .details()
            .iter()
            .map(|(name, ty)| {
                format!(
                    "FieldSpec {{ name: {name:?}, rust_type: {ty:?}, json_type: JsonType::{}, \
                     optional: {}, retry_after: {}, example: None, flatten: false, field_errors: false }}",
                    json_type(ty),
                    ty.starts_with("Option"),
                    *name == "retry_after"
                )
            })
            .collect();
        let resolution = match &v.resolution {
            Some(text) => format!("Some({text:?})"),
            None => "None".to_owned(),
        };
        write!(
            out,
            "        ErrorSpec {{\n            code: {:?},\n            reason: {:?},\n            \
             reason_hash: {},\n            status: StatusCode::{},\n            \
             retryable: {},\n            title: {:?},\n            message: {:?},\n            \
             description: {:?},\n            resolution: {resolution},\n            \
             causes: &[],\n            retry_after: None,\n            fields: &[{}],\n            \
             variant: {:?},\n            docs_url: None,\n            category: &CATEGORY,\n            \
             json: JsonHints {{ literal_message: {}, plain_text: true }},\n            \
             parsed: \"\",\n            headers: &[],\n            deprecation: None,\n        }},\n",
            v.code,
            // The codes are lowercase words joined by `_`.
            v.code.to_uppercase(),
            error_catalog::__private::index_hash(v.code.to_uppercase().as_bytes()),
            status_const(v.status),
            v.retryable(),
            v.title,
            v.message,
            v.doc.as_deref().unwrap_or(""),
            fields.join(", "),
            v.name,
            !v.message.contains('{'),
        )
        .unwrap();
    }
    out.push_str("    ];\n}\n\n");
    out.push_str(
        "impl ErrorCatalog for ServiceError {\n    \
         const CATALOG: &'static [ErrorSpec] = Self::CATALOG;\n}\n\n",
    );
}

/// `ApiError`: `code()`, `status()`, `retryable()` as matches unless `table`.
fn api_error_impl(out: &mut String, variants: &[Variant], table: bool) {
    out.push_str("impl ApiError for ServiceError {\n    fn spec(&self) -> &'static ErrorSpec {\n        let index = match self {\n");
    for (index, v) in variants.iter().enumerate() {
        writeln!(out, "            {} => {index},", v.wildcard()).unwrap();
    }
    out.push_str("        };\n        &Self::CATALOG[index]\n    }\n\n");
    out.push_str("    fn as_api_error(&self) -> &dyn ApiError {\n        self\n    }\n\n");
    if !table {
        out.push_str("    fn code(&self) -> &'static str {\n        match self {\n");
        for v in variants {
            writeln!(out, "            {} => {:?},", v.wildcard(), v.code).unwrap();
        }
        out.push_str(
            "        }\n    }\n\n    fn status(&self) -> StatusCode {\n        match self {\n",
        );
        for v in variants {
            writeln!(
                out,
                "            {} => StatusCode::{},",
                v.wildcard(),
                status_const(v.status)
            )
            .unwrap();
        }
        out.push_str("        }\n    }\n\n    fn retryable(&self) -> bool {\n        matches!(\n            self,\n");
        let retryable: Vec<String> = variants
            .iter()
            .filter(|v| v.retryable())
            .map(Variant::wildcard)
            .collect();
        writeln!(
            out,
            "            {}",
            retryable.join("\n                | ")
        )
        .unwrap();
        out.push_str("        )\n    }\n\n");
    }
    out.push_str("    fn retry_after(&self) -> Option<u64> {\n        match self {\n");
    for v in variants {
        if let Kind::RateLimited = v.kind {
            writeln!(
                out,
                "            Self::{} {{ retry_after, .. }} => Some(*retry_after),",
                v.name
            )
            .unwrap();
        }
    }
    out.push_str("            _ => None,\n        }\n    }\n\n");
    out.push_str(
        "    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        \
         fmt::Display::fmt(self, f)\n    }\n\n",
    );
    out.push_str(
        "    fn visit_details(&self, visitor: &mut dyn DetailVisitor) {\n        match self {\n",
    );
    for v in variants {
        let details = v.details();
        if details.is_empty() {
            continue;
        }
        let names: Vec<&str> = details.iter().map(|(name, _)| *name).collect();
        writeln!(
            out,
            "            Self::{} {{ {}, .. }} => {{",
            v.name,
            names.join(", ")
        )
        .unwrap();
        for (name, ty) in &details {
            if ty.starts_with("Option") {
                writeln!(
                    out,
                    "                if let Some({name}) = {name} {{\n                    \
                     visitor.visit({name:?}, DetailValue::new({name}));\n                }}"
                )
                .unwrap();
            } else {
                writeln!(
                    out,
                    "                visitor.visit({name:?}, DetailValue::new({name}));"
                )
                .unwrap();
            }
        }
        out.push_str("            }\n");
    }
    out.push_str("            _ => {}\n        }\n    }\n}\n\n");
}

/// `Display`: `write!` for interpolated messages, `write_str` for literal ones.
fn display_impl(out: &mut String, variants: &[Variant]) {
    out.push_str(
        "impl fmt::Display for ServiceError {\n    \
         fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        match self {\n",
    );
    for v in variants {
        let used: Vec<&str> = v
            .details()
            .iter()
            .filter(|(name, _)| v.message.contains(&format!("{{{name}}}")))
            .map(|(name, _)| *name)
            .collect();
        if used.is_empty() {
            writeln!(
                out,
                "            {} => f.write_str({:?}),",
                v.wildcard(),
                v.message
            )
            .unwrap();
        } else {
            writeln!(
                out,
                "            Self::{} {{ {}, .. }} => write!(f, {:?}),",
                v.name,
                used.join(", "),
                v.message
            )
            .unwrap();
        }
    }
    out.push_str("        }\n    }\n}\n\n");
}

/// `Error` with `source()`, and `From` for the `#[from]` variants.
fn error_impls(out: &mut String, variants: &[Variant]) {
    out.push_str(
        "impl std::error::Error for ServiceError {\n    \
         fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {\n        match self {\n",
    );
    for v in variants {
        match v.kind {
            Kind::From(_) => {
                writeln!(out, "            Self::{}(source) => Some(source),", v.name).unwrap();
            }
            Kind::Source => writeln!(
                out,
                "            Self::{} {{ source, .. }} => Some(source),",
                v.name
            )
            .unwrap(),
            _ => {}
        }
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n");
    for v in variants {
        if let Kind::From(ty) = v.kind {
            write!(
                out,
                "\nimpl From<{ty}> for ServiceError {{\n    fn from(source: {ty}) -> Self {{\n        \
                 Self::{}(source)\n    }}\n}}\n",
                v.name
            )
            .unwrap();
        }
    }
}

// ---------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------

/// Reads one column of a CSV file with a header row: `(command, value)` pairs.
fn read_column(path: &Path, column: &str) -> Result<Vec<(String, f64)>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let find = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{} has no `{name}` column", path.display()))
    };
    let (name_col, value_col) = (find("command")?, find(column)?);
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            match (
                cells.get(name_col),
                cells.get(value_col).map(|v| v.trim().parse()),
            ) {
                (Some(name), Some(Ok(value))) => Ok(((*name).to_owned(), value)),
                _ => Err(format!("{}: bad row `{line}`", path.display())),
            }
        })
        .collect()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        f64::midpoint(values[mid - 1], values[mid])
    }
}

/// The median of each command over the `round-*.csv` files in `dir`, and the number of
/// rounds.
fn read_rounds(dir: &Path) -> Result<(usize, Vec<(String, f64)>), String> {
    let mut times: Vec<(String, Vec<f64>)> = Vec::new();
    let mut rounds = 0;
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_csv = entry.path().extension().is_some_and(|ext| ext == "csv");
        if !(name.starts_with("round-") && is_csv) {
            continue;
        }
        rounds += 1;
        for (command, seconds) in read_column(&entry.path(), "median")? {
            match times.iter_mut().find(|(c, _)| *c == command) {
                Some((_, all)) => all.push(seconds),
                None => times.push((command, vec![seconds])),
            }
        }
    }
    let order = |name: &str| {
        let (flavour, size) = name.rsplit_once('_').unwrap_or((name, "0"));
        let flavour = FLAVOURS.iter().position(|f| *f == flavour).unwrap_or(0);
        (size.parse::<usize>().unwrap_or(0), flavour)
    };
    times.sort_by_key(|(name, _)| order(name));
    let medians: Vec<(String, f64)> = times
        .into_iter()
        .map(|(name, mut all)| (name, median(&mut all)))
        .collect();
    Ok((rounds, medians))
}

/// Prints the medians over `round-*.csv` in `dir` (and the instruction counts of
/// `instructions.csv`, when there), then the ratios per size.
fn report(dir: &Path) -> Result<(), String> {
    let (rounds, medians) = read_rounds(dir)?;
    let instructions_csv = dir.join("instructions.csv");
    let instructions = if instructions_csv.exists() {
        read_column(&instructions_csv, "instructions")?
    } else {
        Vec::new()
    };

    println!("`cargo build` (debug) of each crate alone:");
    if rounds > 0 {
        println!("  median wall time over {rounds} rounds");
    }
    if !instructions.is_empty() {
        println!("  instructions executed by rustc for the crate (cachegrind)");
    }
    let mut names: Vec<&str> = medians.iter().map(|(name, _)| name.as_str()).collect();
    for (name, _) in &instructions {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let find = |table: &[(String, f64)], name: &str| {
        table.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
    };
    for &name in &names {
        let seconds = find(&medians, name).map_or(String::new(), |s| format!("{s:>8.3} s"));
        let count = find(&instructions, name).map_or(String::new(), |count| {
            format!("{:>8.3} G instr", count / 1e9)
        });
        println!("  {name:<20} {seconds:>10}  {count}");
    }
    let mut sizes: Vec<&str> = names
        .iter()
        .filter_map(|name| name.rsplit_once('_').map(|(_, size)| size))
        .collect();
    sizes.dedup();
    for size in sizes {
        println!(
            "\n{size} variants{}:",
            if instructions.is_empty() {
                ""
            } else {
                "  (wall time, instructions)"
            }
        );
        let ratio = |table: &[(String, f64)], a: &str, b: &str| {
            let get = |flavour: &str| {
                let name = format!("{flavour}_{size}");
                table.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
            };
            get(a).zip(get(b)).map(|(a, b)| a / b)
        };
        let line = |a: &str, b: &str, label: &str, target: &str, percent: bool| {
            let show = |value: Option<f64>| match value {
                Some(r) if percent => format!("{:>+7.1}%", (r - 1.0) * 100.0),
                Some(r) => format!("{r:>7.2}x"),
                None => String::new(),
            };
            let (time, count) = (ratio(&medians, a, b), ratio(&instructions, a, b));
            if time.is_none() && count.is_none() {
                return;
            }
            let (time, count) = (show(time), show(count));
            println!("  {label:<42} {time} {count}  {target}");
        };
        line(
            "derive",
            "hand",
            "derive / hand-written",
            "(target <= 0.50x)",
            false,
        );
        line(
            "derive",
            "hand_table",
            "derive / hand-written with table accessors",
            "",
            false,
        );
        line("derive", "thiserror", "derive / thiserror", "", false);
        line("hand", "thiserror", "hand-written / thiserror", "", false);
        line(
            "derive",
            "derive_nouniq",
            "uniqueness check (derive / opt-out - 1)",
            "(target <= 5%)",
            true,
        );
        line(
            "derive_l10n",
            "derive",
            "3 locales (with locales / derive - 1)",
            "(target <= 20%)",
            true,
        );
    }
    Ok(())
}
