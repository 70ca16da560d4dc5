//! `error-catalog lint CATALOG`: named rules over the codes of a catalog.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use error_catalog::{Catalog, ErrorSpec};
use serde_json::json;

use crate::OutputFormat;
use crate::input::{self, Failure};
use crate::output;

/// A rule: its name, what it checks (one line), and the check of one code, which says
/// what is wrong.
struct Rule {
    name: &'static str,
    explanation: &'static str,
    check: fn(&ErrorSpec, &Context) -> Option<String>,
}

const RULES: [Rule; 5] = [
    Rule {
        name: "case-style",
        explanation: "every code is written in the catalog's most common case style (snake_case, SCREAMING_SNAKE_CASE, kebab-case, ...)",
        check: case_style,
    },
    Rule {
        name: "status-name",
        explanation: "a code's name does not contradict its status (`*_not_found` is 404, `*_unavailable` 503, `*_conflict` 409, ...)",
        check: status_name,
    },
    Rule {
        name: "retry-reason",
        explanation: "a 5xx or 429 code that is not retryable says why, in its resolution",
        check: retry_reason,
    },
    Rule {
        name: "missing-docs",
        explanation: "every code has a description and a resolution",
        check: missing_docs,
    },
    Rule {
        name: "detail-example",
        explanation: "every detail field has an example, for the docs' example bodies",
        check: detail_example,
    },
];

/// The names `--deny` and `--allow` accept: each rule's, and `all`.
pub fn rule_names() -> clap::builder::PossibleValuesParser {
    let mut names: Vec<&'static str> = RULES.iter().map(|rule| rule.name).collect();
    names.push("all");
    clap::builder::PossibleValuesParser::new(names)
}

pub fn print_rules() -> Result<ExitCode, Failure> {
    let mut text = String::new();
    for rule in &RULES {
        let _ = writeln!(text, "{:<15} {}", rule.name, rule.explanation);
    }
    output::write(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// What the rules know of the whole catalog.
struct Context {
    /// The case style most codes are written in.
    style: Style,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
    Dotted,
}

impl Style {
    const ALL: [Style; 5] = [
        Style::Snake,
        Style::ScreamingSnake,
        Style::Kebab,
        Style::ScreamingKebab,
        Style::Dotted,
    ];

    fn name(self) -> &'static str {
        match self {
            Style::Snake => "snake_case",
            Style::ScreamingSnake => "SCREAMING_SNAKE_CASE",
            Style::Kebab => "kebab-case",
            Style::ScreamingKebab => "SCREAMING-KEBAB-CASE",
            Style::Dotted => "dotted.case",
        }
    }

    /// Whether `code` is written in this style (a one-word code fits every style of its
    /// letter case).
    fn fits(self, code: &str) -> bool {
        let (upper, separator) = match self {
            Style::Snake => (false, b'_'),
            Style::ScreamingSnake => (true, b'_'),
            Style::Kebab => (false, b'-'),
            Style::ScreamingKebab => (true, b'-'),
            Style::Dotted => (false, b'.'),
        };
        code.bytes().all(|byte| {
            byte.is_ascii_digit()
                || byte == separator
                || (upper && byte.is_ascii_uppercase())
                || (!upper && byte.is_ascii_lowercase())
        })
    }
}

fn case_style(spec: &ErrorSpec, context: &Context) -> Option<String> {
    (!context.style.fits(spec.code())).then(|| {
        format!(
            "is not in {}, the case style of most codes of the catalog",
            context.style.name()
        )
    })
}

/// Words a code's name may hold, and the statuses they stand for.
const NAMED_STATUSES: [(&str, &[u16]); 11] = [
    ("not_found", &[404]),
    ("unavailable", &[503]),
    ("unauthorized", &[401]),
    ("unauthenticated", &[401]),
    ("forbidden", &[403]),
    ("conflict", &[409]),
    ("already_exists", &[409]),
    ("rate_limited", &[429]),
    ("too_many_requests", &[429]),
    ("timeout", &[408, 504]),
    ("too_large", &[413]),
];

fn status_name(spec: &ErrorSpec, _: &Context) -> Option<String> {
    let name = format!(
        "_{}_",
        spec.code().to_ascii_lowercase().replace(['-', '.'], "_")
    );
    let status = spec.status_u16();
    NAMED_STATUSES.iter().find_map(|(word, statuses)| {
        (name.contains(&format!("_{word}_")) && !statuses.contains(&status)).then(|| {
            let expected: Vec<String> = statuses.iter().map(u16::to_string).collect();
            format!(
                "its name says `{word}` ({}), its status is {status}",
                expected.join(" or ")
            )
        })
    })
}

fn retry_reason(spec: &ErrorSpec, _: &Context) -> Option<String> {
    let status = spec.status_u16();
    let retry_status = status >= 500 || status == 429;
    (retry_status && !spec.retryable() && spec.resolution().is_none()).then(|| {
        format!("has status {status} and is not retryable, with no resolution that says why")
    })
}

fn missing_docs(spec: &ErrorSpec, _: &Context) -> Option<String> {
    match (
        spec.description().trim().is_empty(),
        spec.resolution().is_none(),
    ) {
        (true, true) => Some("has no description and no resolution".to_owned()),
        (true, false) => Some("has no description".to_owned()),
        (false, true) => Some("has no resolution".to_owned()),
        (false, false) => None,
    }
}

fn detail_example(spec: &ErrorSpec, _: &Context) -> Option<String> {
    // A flattened field of another type than `FieldErrors` cannot have an example.
    let missing: Vec<&str> = spec
        .fields()
        .iter()
        .filter(|field| field.example().is_none() && (!field.flattened() || field.field_errors()))
        .map(error_catalog::FieldSpec::name)
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "detail field{} without an example: {}",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        )
    })
}

/// The style most codes fit (the first of [`Style::ALL`] on a tie).
fn common_style(catalog: &Catalog) -> Style {
    let count = |style: Style| {
        catalog
            .iter()
            .filter(|spec| style.fits(spec.code()))
            .count()
    };
    Style::ALL
        .into_iter()
        .rev()
        .max_by_key(|&style| count(style))
        .unwrap_or(Style::Snake)
}

/// What a rule's findings are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Allow,
    Warn,
    Deny,
}

fn level(rule: &str, deny: &[String], allow: &[String]) -> Level {
    let named = |list: &[String]| list.iter().any(|name| name == rule || name == "all");
    // A rule named on its own wins over `all`.
    let exact = |list: &[String]| list.iter().any(|name| name == rule);
    match (named(deny), named(allow)) {
        (true, true) if exact(allow) && !exact(deny) => Level::Allow,
        (true, _) => Level::Deny,
        (false, true) => Level::Allow,
        (false, false) => Level::Warn,
    }
}

pub fn run(
    path: &Path,
    deny: &[String],
    allow: &[String],
    format: OutputFormat,
) -> Result<ExitCode, Failure> {
    let catalog = input::catalog(path)?;
    let context = Context {
        style: common_style(&catalog),
    };
    let mut findings = Vec::new();
    for rule in &RULES {
        let level = level(rule.name, deny, allow);
        if level == Level::Allow {
            continue;
        }
        for spec in &catalog {
            if let Some(what) = (rule.check)(spec, &context) {
                findings.push((
                    rule,
                    level,
                    spec.code(),
                    format!("code `{}`: {what}", spec.code()),
                ));
            }
        }
    }
    let denied = findings
        .iter()
        .filter(|finding| finding.1 == Level::Deny)
        .count();
    let file = path.display().to_string();
    let word = |level: Level| {
        if level == Level::Deny {
            "error"
        } else {
            "warning"
        }
    };
    let text = match format {
        OutputFormat::Text => {
            let mut text = String::new();
            for (rule, level, _, message) in &findings {
                let _ = writeln!(text, "{}[{}]: {message}", word(*level), rule.name);
            }
            let _ = writeln!(
                text,
                "{} finding{}, {denied} denied",
                findings.len(),
                if findings.len() == 1 { "" } else { "s" }
            );
            text
        }
        OutputFormat::Json => {
            let entries: Vec<serde_json::Value> = findings
                .iter()
                .map(|(rule, level, code, message)| {
                    json!({"rule": rule.name, "level": word(*level), "code": code, "message": message})
                })
                .collect();
            let mut text =
                serde_json::to_string_pretty(&json!({"findings": entries, "denied": denied}))
                    .unwrap_or_default();
            text.push('\n');
            text
        }
        OutputFormat::Github => findings
            .iter()
            .map(|(rule, level, _, message)| {
                let mut line = output::annotation(word(*level), &file, rule.name, message);
                line.push('\n');
                line
            })
            .collect(),
    };
    output::write(None, &text)?;
    Ok(if denied > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
