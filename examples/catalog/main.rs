//! Prints the catalog of a licensing API's error codes as JSON, Markdown, OpenAPI or a
//! TypeScript module.
//!
//! The four outputs are committed under `examples/catalog/generated/`, and
//! `tests/catalog_docs.rs` fails when they drift from the code:
//!
//! ```sh
//! cargo run --example catalog -- --format json     > examples/catalog/generated/errors.json
//! cargo run --example catalog -- --format markdown > examples/catalog/generated/errors.md
//! cargo run --example catalog -- --format openapi  > examples/catalog/generated/openapi.json
//! cargo run --example catalog -- --format typescript > examples/catalog/generated/errors.ts
//! ```

mod errors;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo run --example catalog -- --format json|markdown|openapi|typescript";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match args.as_slice() {
        [flag, format] if flag == "--format" => format.as_str(),
        [flag] if flag.starts_with("--format=") => &flag["--format=".len()..],
        [] => "json",
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let Some(text) = errors::render(format) else {
        eprintln!("unknown format `{format}`\n{USAGE}");
        return ExitCode::FAILURE;
    };
    if std::io::stdout().write_all(text.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
