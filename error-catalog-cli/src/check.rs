//! `error-catalog check BASELINE CURRENT`: the library's compatibility guard.

use std::path::Path;
use std::process::ExitCode;

use error_catalog::Catalog;
use error_catalog::guard::{Change, Report};
use serde_json::json;

use crate::OutputFormat;
use crate::input::{self, Failure};
use crate::output;

pub fn run(
    baseline: &Path,
    current: &Path,
    format: OutputFormat,
    allow_removing_deprecated: bool,
) -> Result<ExitCode, Failure> {
    // The guard takes a baseline trimmed to the members it compares; the command takes
    // whole exports only, so that a damaged one is reported as such.
    let baseline_text = input::text(baseline)?;
    Catalog::from_json(&baseline_text).map_err(|error| Failure::new(baseline, error))?;
    let catalog = input::catalog(current)?;
    let mut report = catalog
        .compare(&without_translations(&baseline_text))
        .map_err(|error| Failure::new(baseline, error))?;
    if allow_removing_deprecated {
        report = report.accept_deprecated_removals();
    }
    let current_name = current.display().to_string();
    let text = match format {
        OutputFormat::Text if report.is_empty() => "no changes\n".to_owned(),
        OutputFormat::Text => report.to_string(),
        OutputFormat::Json => {
            let mut text = serde_json::to_string_pretty(&json!({
                "breaking": report.is_breaking(),
                "changes": entries(&report),
            }))
            .unwrap_or_default();
            text.push('\n');
            text
        }
        OutputFormat::Github => {
            let mut text = String::new();
            for (kind, change) in kinds(&report) {
                let level = if kind == "breaking" {
                    "error"
                } else {
                    "notice"
                };
                let title = format!("{kind} error catalog change");
                text.push_str(&output::annotation(
                    level,
                    &current_name,
                    &title,
                    &change.to_string(),
                ));
                text.push('\n');
            }
            text
        }
    };
    output::write(None, &text)?;
    Ok(if report.is_breaking() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Each change with its kind: `breaking`, `accepted` or `compatible`, in that order.
/// The baseline without its entries' `translations`: a catalog read back from an export
/// has no Fluent texts, so the guard would take every translation for removed. The
/// command compares codes, statuses, fields, headers and texts; the library's guard, on
/// the service's own catalog, also compares translations.
fn without_translations(baseline: &str) -> String {
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(baseline) else {
        return baseline.to_owned();
    };
    if let Some(errors) = doc
        .get_mut("errors")
        .and_then(serde_json::Value::as_array_mut)
    {
        for entry in errors {
            if let Some(entry) = entry.as_object_mut() {
                entry.remove("translations");
            }
        }
    }
    doc.to_string()
}

fn kinds(report: &Report) -> Vec<(&'static str, &Change)> {
    let mut out: Vec<(&'static str, &Change)> =
        report.breaking().map(|c| ("breaking", c)).collect();
    out.extend(report.accepted_changes().map(|c| ("accepted", c)));
    out.extend(report.compatible().map(|c| ("compatible", c)));
    out
}

fn entries(report: &Report) -> Vec<serde_json::Value> {
    kinds(report)
        .into_iter()
        .map(|(kind, change)| {
            json!({"kind": kind, "code": change.code(), "message": change.to_string()})
        })
        .collect()
}
