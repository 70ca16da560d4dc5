//! `error-catalog merge A.json B.json .. -o org.json`: one catalog of many services.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use error_catalog::{Category, ErrorSpec, FieldSpec};
use serde::Serialize;

use crate::input::{self, Failure};
use crate::output;

/// An input: the service's name and the export's path (`NAME=PATH`, or `PATH` named by
/// its file stem).
fn service(input: &str) -> (String, &Path) {
    if let Some((name, path)) = input.split_once('=')
        && !name.is_empty()
        && !name.contains(['/', '\\'])
    {
        return (name.to_owned(), Path::new(path));
    }
    let path = Path::new(input);
    let name = path.file_stem().map_or_else(
        || input.to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    (name, path)
}

/// What two services must agree on to share a code: status, retryable flag and detail
/// fields (name, JSON type, optional, flattened).
fn same_contract(a: &ErrorSpec, b: &ErrorSpec) -> Result<(), String> {
    if a.status_u16() != b.status_u16() {
        return Err(format!(
            "status {} against {}",
            a.status_u16(),
            b.status_u16()
        ));
    }
    if a.retryable() != b.retryable() {
        return Err(format!(
            "retryable {} against {}",
            a.retryable(),
            b.retryable()
        ));
    }
    let fields = |spec: &ErrorSpec| -> Vec<String> { spec.fields().iter().map(describe).collect() };
    let (left, right) = (fields(a), fields(b));
    if left != right {
        return Err(format!(
            "details [{}] against [{}]",
            left.join(", "),
            right.join(", ")
        ));
    }
    Ok(())
}

fn describe(field: &FieldSpec) -> String {
    let mut text = format!("{}: {}", field.name(), field.json_type());
    if field.optional() {
        text.push('?');
    }
    if field.flattened() {
        text.push_str(" (flattened)");
    }
    text
}

/// A code of the merged catalog: its first spec, and every service that declares it.
struct Merged {
    spec: &'static ErrorSpec,
    services: Vec<String>,
}

pub fn run(inputs: &[String], output: Option<&Path>, pretty: bool) -> Result<ExitCode, Failure> {
    let mut merged: Vec<Merged> = Vec::new();
    // Keyed by Google reason: one code has one reason, and two codes with one reason
    // are a conflict too.
    let mut by_reason: HashMap<&'static str, usize, Fnv> = HashMap::default();
    let mut conflicts = String::new();
    for input in inputs {
        let (name, path) = service(input);
        let catalog = input::catalog(path)?;
        by_reason.reserve(catalog.len());
        for spec in catalog {
            // A merged catalog merged again keeps the services of its entries.
            let services: Vec<String> = match spec.category().services() {
                [] => vec![name.clone()],
                services => services.iter().map(|s| (*s).to_owned()).collect(),
            };
            // The reason the loader computed for the spec (`grpc::reason` of its code).
            let Some(&at) = by_reason.get(spec.reason) else {
                by_reason.insert(spec.reason, merged.len());
                merged.push(Merged { spec, services });
                continue;
            };
            let first = &mut merged[at];
            if first.spec.code() != spec.code() {
                let _ = writeln!(
                    conflicts,
                    "error-catalog: conflict: code `{}` of {} and code `{}` of {} have one \
                     Google reason, `{}`",
                    first.spec.code(),
                    first.services.join(", "),
                    spec.code(),
                    services.join(", "),
                    spec.reason,
                );
                continue;
            }
            match same_contract(first.spec, spec) {
                Ok(()) => {
                    for service in services {
                        if !first.services.contains(&service) {
                            first.services.push(service);
                        }
                    }
                }
                Err(difference) => {
                    let _ = writeln!(
                        conflicts,
                        "error-catalog: conflict: code `{}` of {} differs in {} ({difference})",
                        spec.code(),
                        first.services.join(", "),
                        services.join(", "),
                    );
                }
            }
        }
    }
    if !conflicts.is_empty() {
        eprint!("{conflicts}");
        return Ok(ExitCode::from(1));
    }
    for code in merged.iter().filter(|code| code.services.len() > 1) {
        eprintln!(
            "error-catalog: shared: code `{}` is declared by {}, with one contract",
            code.spec.code(),
            code.services.join(", ")
        );
    }
    let specs = with_services(&merged);
    let document = Document {
        version: error_catalog::SCHEMA_VERSION,
        errors: &specs,
    };
    output::stream(output, |out| {
        if pretty {
            serde_json::to_writer_pretty(&mut *out, &document)?;
        } else {
            serde_json::to_writer(&mut *out, &document)?;
        }
        out.write_all(b"\n")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The merged catalog's document: the export's, each entry with its `services`.
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    errors: &'a [ErrorSpec],
}

/// Each merged code's spec, its category naming the services that declare it (the
/// export writes them as the entry's `services`). The copies live until the process
/// ends, as the catalogs read from the inputs do.
fn with_services(merged: &[Merged]) -> Vec<ErrorSpec> {
    let mut categories: HashMap<(*const Category, &[String]), &'static Category> = HashMap::new();
    merged
        .iter()
        .map(|code| {
            let original = code.spec.category();
            let category = *categories
                .entry((core::ptr::from_ref(original), code.services.as_slice()))
                .or_insert_with(|| {
                    let services: Vec<&'static str> = code
                        .services
                        .iter()
                        .map(|name| &*Box::leak(name.clone().into_boxed_str()))
                        .collect();
                    Box::leak(Box::new(Category {
                        services: Vec::leak(services),
                        ..*original
                    }))
                });
            ErrorSpec {
                category,
                ..*code.spec
            }
        })
        .collect()
}

/// FNV-1a, for the map of reasons: short keys, from the inputs (a tool's, not a
/// server's), hashed faster than by the default hasher.
#[derive(Default, Clone, Copy)]
struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;

    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
