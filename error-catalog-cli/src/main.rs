//! `error-catalog`: the compatibility check, the documents, the merge and the lint of
//! error catalogs, from their JSON exports alone.
//!
//! Exit status: 0 when all is well; 1 on a breaking change, a merge conflict or a
//! denied lint finding; 2 on bad input (each with one line naming the file and what is
//! wrong; clap's own usage errors exit with 2 too).

mod check;
mod input;
mod lint;
mod merge;
mod output;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::input::Failure;

/// Check, render, merge and lint the JSON exports of error catalogs (written by
/// `Catalog::to_json` of the error-catalog crate), without building the services.
#[derive(Parser)]
#[command(name = "error-catalog", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare CURRENT with BASELINE: exit 0 when compatible, 1 on a breaking change.
    ///
    /// Breaking: a code removed, its status or retryable flag changed, a detail field
    /// removed, retyped or made optional, a header no longer sent. Removing a code that
    /// BASELINE marks deprecated is reported as its own kind of change, breaking unless
    /// --allow-removing-deprecated.
    Check {
        /// The export committed earlier.
        baseline: PathBuf,
        /// The export of the code now.
        current: PathBuf,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Accept the removal of codes that BASELINE marks deprecated.
        #[arg(long)]
        allow_removing_deprecated: bool,
    },
    /// Write the Markdown page, the OpenAPI document, the TypeScript module or the JSON
    /// export of a catalog, as the library's exports write them.
    Render {
        /// A catalog export (or a merged catalog).
        catalog: PathBuf,
        /// The document to write.
        #[arg(long, value_enum)]
        to: Document,
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Merge the exports of several services into one catalog.
    ///
    /// Each input is PATH or NAME=PATH; the service's name is NAME, else the file name
    /// without its extension, and each entry keeps it (`services`). A code that two
    /// services declare with another status, retryable flag or detail fields is an
    /// error naming both (exit 1, nothing written); the same code with the same
    /// contract is allowed, and listed.
    Merge {
        /// The exports, each PATH or NAME=PATH.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Where to write the merged catalog (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Indent the merged catalog, as the library's `to_json_pretty` does (it is
        /// compact JSON otherwise, a third smaller).
        #[arg(long)]
        pretty: bool,
    },
    /// Check a catalog against named rules (`--rules` lists them): findings are
    /// warnings, errors with --deny RULE (exit 1), silent with --allow RULE.
    Lint {
        /// A catalog export (or a merged catalog).
        #[arg(required_unless_present = "rules")]
        catalog: Option<PathBuf>,
        /// Make a rule's findings errors (a rule name, or `all`).
        #[arg(long, value_parser = lint::rule_names())]
        deny: Vec<String>,
        /// Silence a rule (a rule name, or `all`).
        #[arg(long, value_parser = lint::rule_names())]
        allow: Vec<String>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// List the rules, each with what it checks, and exit.
        #[arg(long)]
        rules: bool,
    },
}

/// How `check` and `lint` print what they found.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Lines for people.
    Text,
    /// One JSON document.
    Json,
    /// GitHub Actions annotations (`::error file=..::message`).
    Github,
}

/// The documents `render` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Document {
    Markdown,
    Openapi,
    Typescript,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            baseline,
            current,
            format,
            allow_removing_deprecated,
        } => check::run(&baseline, &current, format, allow_removing_deprecated),
        Command::Render {
            catalog,
            to,
            output,
        } => render(&catalog, to, output.as_deref()),
        Command::Merge {
            inputs,
            output,
            pretty,
        } => merge::run(&inputs, output.as_deref(), pretty),
        Command::Lint {
            catalog,
            deny,
            allow,
            format,
            rules,
        } => {
            if rules {
                lint::print_rules()
            } else {
                match catalog {
                    Some(catalog) => lint::run(&catalog, &deny, &allow, format),
                    None => Ok(ExitCode::from(2)),
                }
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("error-catalog: {failure}");
            ExitCode::from(2)
        }
    }
}

fn render(
    path: &std::path::Path,
    to: Document,
    output: Option<&std::path::Path>,
) -> Result<ExitCode, Failure> {
    let catalog = input::catalog(path)?;
    let text = match to {
        // The page goes out as it is written.
        Document::Markdown => {
            output::stream(output, |out| write!(out, "{}", catalog.markdown()))?;
            return Ok(ExitCode::SUCCESS);
        }
        Document::Openapi => catalog.to_openapi(),
        Document::Typescript => catalog.typescript(),
        Document::Json => catalog.to_json_pretty(),
    };
    output::write(output, &text)?;
    Ok(ExitCode::SUCCESS)
}
