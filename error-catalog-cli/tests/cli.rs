//! The real `error-catalog` binary on exports written by the library: `check`,
//! `render`, `merge` and `lint`, their exit statuses and output formats, and a corpus
//! of damaged exports that each command must refuse with one line and status 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use error_catalog::{ApiError, Catalog, FieldErrors, catalog};
use serde_json::{Value, json};

/// Billing errors.
#[derive(Debug, ApiError)]
#[api_error(format = "flat", docs = "https://docs.example.com/errors")]
pub enum BillingError {
    /// The card was declined.
    #[error(
        code = "card_declined",
        status = 402,
        message = "The card was declined",
        resolution = "Use another card."
    )]
    CardDeclined {
        /// Why.
        #[error(example = "insufficient_funds")]
        reason: String,
    },
    /// The invoice does not exist.
    #[error(
        code = "invoice_not_found",
        status = 404,
        message = "No such invoice",
        resolution = "Check the invoice ID."
    )]
    InvoiceNotFound,
    /// The coupon has expired.
    #[deprecated(note = "coupons became offers")]
    #[error(
        code = "coupon_expired",
        status = 410,
        message = "Coupon expired",
        resolution = "Use an offer.",
        replaced_by = "invoice_not_found"
    )]
    CouponExpired,
}

/// Order errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum OrderError {
    /// The order does not exist.
    #[error(
        code = "order_not_found",
        status = 404,
        message = "No such order",
        resolution = "Check the order ID."
    )]
    OrderNotFound,
    /// The input is invalid.
    #[error(
        code = "invalid_order",
        status = 422,
        message = "Invalid order",
        resolution = "Fix the fields."
    )]
    Invalid {
        /// What is wrong.
        #[error(flatten, example = "items.0.sku: Unknown SKU")]
        errors: FieldErrors,
    },
}

/// Codes that break the lint rules, one rule each.
#[derive(Debug, ApiError)]
pub enum SloppyError {
    /// Not snake case.
    #[error(
        code = "Sloppy-Case",
        status = 400,
        message = "Bad",
        resolution = "No."
    )]
    Case,
    /// The name says 404.
    #[error(
        code = "user_not_found",
        status = 400,
        message = "Bad",
        resolution = "No."
    )]
    Named,
    #[allow(missing_docs)] // the point of the rule
    #[error(code = "undocumented", status = 400, message = "Bad")]
    Undocumented,
    /// A 503 that may not be retried, with no word why.
    #[error(
        code = "backend_down",
        status = 503,
        retryable = false,
        message = "Down"
    )]
    Down,
    /// A detail without an example.
    #[error(
        code = "sloppy_detail",
        status = 400,
        message = "Bad",
        resolution = "No."
    )]
    Detail {
        /// A value.
        value: u32,
    },
}

#[allow(deprecated)]
/// Shop errors, translated into French (`tests/locales/fr/errors.ftl`).
#[derive(Debug, ApiError)]
#[api_error(format = "flat", locales = "tests/locales")]
pub enum ShopError {
    /// The cart is empty.
    #[error(code = "cart_empty", status = 409, message = "The cart is empty")]
    CartEmpty,
}

static BILLING: Catalog = catalog!(BillingError);
static SHOP: Catalog = catalog!(ShopError);
static ORDERS: Catalog = catalog!(OrderError);
static SLOPPY: Catalog = catalog!(SloppyError);

fn dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_error-catalog"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// `entries` of the export of `catalog`, each changed by `edit`.
fn edited(catalog: &Catalog, edit: impl Fn(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(&catalog.to_json()).unwrap();
    for entry in doc["errors"].as_array_mut().unwrap() {
        edit(entry);
    }
    doc.to_string()
}

#[test]
fn check_reads_exports_with_translations() {
    let dir = dir("cli-check-translations");
    let export = SHOP.to_json_pretty();
    assert!(export.contains(r#""translations""#), "{export}");
    let current = write(&dir, "current.json", &export);
    let same = run(&[&"check", &current, &current]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "no changes\n");
}

#[test]
fn check_exits_0_when_compatible_and_1_on_a_breaking_change() {
    let dir = dir("cli-check");
    let current = write(&dir, "current.json", &BILLING.to_json_pretty());
    let same = run(&[&"check", &current, &current]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "no changes\n");

    let baseline = write(
        &dir,
        "baseline.json",
        &edited(&BILLING, |entry| {
            if entry["code"] == "card_declined" {
                entry["status"] = json!(400);
            }
        }),
    );
    let broken = run(&[&"check", &baseline, &current]);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!(
        stdout(&broken),
        "1 breaking change:\n  - code `card_declined`: status changed from 400 to 402\n"
    );

    let json = run(&[&"check", &baseline, &current, &"--format", &"json"]);
    assert_eq!(json.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(
        report,
        json!({"breaking": true, "changes": [{"kind": "breaking", "code": "card_declined",
            "message": "code `card_declined`: status changed from 400 to 402"}]})
    );

    let github = run(&[&"check", &baseline, &current, &"--format", &"github"]);
    assert_eq!(github.status.code(), Some(1));
    assert_eq!(
        stdout(&github),
        format!(
            "::error file={},title=breaking error catalog change::code `card_declined`%3A \
             status changed from 400 to 402\n",
            current.display().to_string().replace(':', "%3A")
        )
        .replace("`%3A", "`:")
    );
}

#[test]
fn removing_a_deprecated_code_fails_the_check_unless_allowed() {
    let dir = dir("cli-deprecated");
    let baseline = write(&dir, "baseline.json", &BILLING.to_json());
    let without = edited(&BILLING, |_| {});
    let mut doc: Value = serde_json::from_str(&without).unwrap();
    doc["errors"]
        .as_array_mut()
        .unwrap()
        .retain(|entry| entry["code"] != "coupon_expired");
    let current = write(&dir, "current.json", &doc.to_string());

    let strict = run(&[&"check", &baseline, &current]);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(
        stdout(&strict),
        "1 breaking change:\n  - deprecated code `coupon_expired` was removed (replaced by \
         `invoice_not_found`)\n"
    );
    let allowed = run(&[
        &"check",
        &baseline,
        &current,
        &"--allow-removing-deprecated",
    ]);
    assert_eq!(allowed.status.code(), Some(0));
    assert!(stdout(&allowed).starts_with("1 accepted change:\n"));

    // A code the baseline did not deprecate stays breaking under the flag.
    doc["errors"]
        .as_array_mut()
        .unwrap()
        .retain(|entry| entry["code"] != "card_declined");
    let current = write(&dir, "current2.json", &doc.to_string());
    let removed = run(&[
        &"check",
        &baseline,
        &current,
        &"--allow-removing-deprecated",
    ]);
    assert_eq!(removed.status.code(), Some(1));
    assert!(stdout(&removed).contains("code `card_declined` was removed"));
}

#[test]
fn render_writes_the_library_s_documents() {
    let dir = dir("cli-render");
    let export = write(&dir, "orders.json", &ORDERS.to_json_pretty());
    for (to, expected) in [
        ("markdown", ORDERS.to_markdown()),
        ("openapi", ORDERS.to_openapi()),
        ("typescript", ORDERS.typescript()),
        ("json", ORDERS.to_json_pretty()),
    ] {
        let output = run(&[&"render", &export, &"--to", &to]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(stdout(&output) == expected, "render --to {to} differs");
    }
    let file = dir.join("errors.ts");
    let output = run(&[&"render", &export, &"--to", &"typescript", &"-o", &file]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(file).unwrap(), ORDERS.typescript());
}

#[test]
fn merge_keeps_each_service_and_refuses_conflicting_codes() {
    let dir = dir("cli-merge");
    let billing = write(&dir, "billing.json", &BILLING.to_json());
    let orders = write(&dir, "orders.json", &ORDERS.to_json());
    let merged = dir.join("org.json");
    let named = format!("shop={}", orders.display());
    let output = run(&[&"merge", &billing, &named, &"-o", &merged, &"--pretty"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let text = std::fs::read_to_string(&merged).unwrap();
    assert!(
        text.starts_with("{\n  \"version\": 1,\n  \"errors\": [\n"),
        "{text}"
    );
    let doc: Value = serde_json::from_str(&text).unwrap();
    let services: Vec<(&str, &Value)> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| (entry["code"].as_str().unwrap(), &entry["services"]))
        .collect();
    assert_eq!(
        services,
        [
            ("card_declined", &json!(["billing"])),
            ("invoice_not_found", &json!(["billing"])),
            ("coupon_expired", &json!(["billing"])),
            ("order_not_found", &json!(["shop"])),
            ("invalid_order", &json!(["shop"])),
        ]
    );
    // The merged catalog renders and checks like any export.
    let page = run(&[&"render", &merged, &"--to", &"markdown"]);
    assert_eq!(page.status.code(), Some(0));
    assert!(stdout(&page).contains("\n## Billing errors (billing)\n"));
    assert!(stdout(&page).contains("\n## Order errors (shop)\n"));
    let check = run(&[&"check", &merged, &merged]);
    assert_eq!(check.status.code(), Some(0));
    let module = run(&[&"render", &merged, &"--to", &"typescript"]);
    assert!(stdout(&module).contains("\"order_not_found\" | \"invalid_order\""));

    // The same code with the same contract in two services: one entry, listed.
    let again = write(&dir, "billing-eu.json", &BILLING.to_json());
    let shared = run(&[&"merge", &billing, &again]);
    assert_eq!(shared.status.code(), Some(0));
    assert!(stderr(&shared).contains(
        "error-catalog: shared: code `card_declined` is declared by billing, billing-eu, with \
         one contract\n"
    ));
    let text = stdout(&shared);
    assert!(
        text.starts_with("{\"version\":1,\"errors\":[{"),
        "compact by default"
    );
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["errors"].as_array().unwrap().len(), 3);
    assert_eq!(
        doc["errors"][0]["services"],
        json!(["billing", "billing-eu"])
    );

    // Another status, retryable flag or details: an error naming both services.
    let other = write(
        &dir,
        "payments.json",
        &edited(&BILLING, |entry| {
            if entry["code"] == "card_declined" {
                entry["status"] = json!(400);
            }
            if entry["code"] == "invoice_not_found" {
                entry["details"] = json!([{"name": "id", "type": "string", "rust_type": "String"}]);
            }
        }),
    );
    let out = dir.join("never.json");
    let conflict = run(&[&"merge", &billing, &other, &"-o", &out]);
    assert_eq!(conflict.status.code(), Some(1));
    assert_eq!(
        stderr(&conflict),
        "error-catalog: conflict: code `card_declined` of billing differs in payments (status \
         402 against 400)\nerror-catalog: conflict: code `invoice_not_found` of billing differs \
         in payments (details [] against [id: string])\n"
    );
    assert!(!out.exists());

    // Two codes that one Google reason would confuse.
    let reason = write(
        &dir,
        "reason.json",
        &edited(&ORDERS, |entry| {
            if entry["code"] == "order_not_found" {
                entry["code"] = json!("CARD-DECLINED");
            }
        }),
    );
    let confused = run(&[&"merge", &billing, &reason]);
    assert_eq!(confused.status.code(), Some(1));
    assert!(stderr(&confused).contains("code `card_declined` of billing and code `CARD-DECLINED` of reason have one Google reason, `CARD_DECLINED`"));
}

#[test]
fn lint_reports_each_rule_and_denies_on_request() {
    let dir = dir("cli-lint");
    let export = write(&dir, "sloppy.json", &SLOPPY.to_json());
    let output = run(&[&"lint", &export]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "warning[case-style]: code `Sloppy-Case`: is not in snake_case, the case style of most \
         codes of the catalog\n\
         warning[status-name]: code `user_not_found`: its name says `not_found` (404), its \
         status is 400\n\
         warning[retry-reason]: code `backend_down`: has status 503 and is not retryable, with \
         no resolution that says why\n\
         warning[missing-docs]: code `undocumented`: has no description and no resolution\n\
         warning[missing-docs]: code `backend_down`: has no resolution\n\
         warning[detail-example]: code `sloppy_detail`: detail field without an example: value\n\
         6 findings, 0 denied\n"
    );

    let denied = run(&[
        &"lint",
        &export,
        &"--deny",
        &"status-name",
        &"--allow",
        &"missing-docs",
    ]);
    assert_eq!(denied.status.code(), Some(1));
    let text = stdout(&denied);
    assert!(text.contains("error[status-name]: code `user_not_found`"));
    assert!(!text.contains("missing-docs"));
    assert!(text.ends_with("4 findings, 1 denied\n"));

    let all = run(&[
        &"lint",
        &export,
        &"--deny",
        &"all",
        &"--allow",
        &"case-style",
        &"--format",
        &"json",
    ]);
    assert_eq!(all.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&all)).unwrap();
    assert_eq!(report["denied"], 5);
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "case-style")
    );

    let github = run(&[
        &"lint",
        &export,
        &"--allow",
        &"all",
        &"--deny",
        &"detail-example",
        &"--format",
        &"github",
    ]);
    assert_eq!(
        stdout(&github),
        format!(
            "::error file={},title=detail-example::code `sloppy_detail`: detail field without an \
             example: value\n",
            export.display().to_string().replace(':', "%3A")
        )
    );

    // A clean catalog: no finding.
    let clean = write(&dir, "orders.json", &ORDERS.to_json());
    let output = run(&[&"lint", &clean, &"--deny", &"all"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "0 findings, 0 denied\n");

    let rules = run(&[&"lint", &"--rules"]);
    assert_eq!(rules.status.code(), Some(0));
    assert_eq!(stdout(&rules).lines().count(), 5);
    assert!(
        stdout(&rules).contains("status-name     a code's name does not contradict its status")
    );
}

/// Damaged exports: each must make every command exit 2 with one line that names the
/// file, and nothing on standard output.
fn damaged_corpus(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let export = ORDERS.to_json_pretty();
    let mut corpus = vec![
        (write(dir, "empty.json", ""), "not valid JSON"),
        (
            write(dir, "garbage.json", "\u{1}\u{2}binary\u{0}"),
            "not valid JSON",
        ),
        (
            write(dir, "openapi.json", &ORDERS.to_openapi()),
            "not a catalog export",
        ),
        (write(dir, "list.json", "[1, 2, 3]"), "not a catalog export"),
        (
            write(
                dir,
                "newer.json",
                &export.replacen("\"version\": 1", "\"version\": 2", 1),
            ),
            "schema version 2 is newer",
        ),
        (
            write(
                dir,
                "status.json",
                &export.replacen("\"status\": 404", "\"status\": \"404\"", 1),
            ),
            "invalid type",
        ),
        (
            write(dir, "no-errors.json", r#"{"version": 1}"#),
            "missing field `errors`",
        ),
        (dir.join("missing.json"), "cannot read it"),
        (dir.to_path_buf(), "cannot read it"),
    ];
    // Cut at many points: every one is truncated JSON.
    let step = (export.len() / 40).max(1);
    for (i, end) in (1..export.len()).step_by(step).enumerate() {
        let name: &'static str = Box::leak(format!("cut-{i}.json").into_boxed_str());
        corpus.push((
            write(dir, name, &export[..end]),
            "not valid JSON: EOF while parsing",
        ));
    }
    // One byte changed at many points: whatever it breaks, one line and exit 2.
    for (i, at) in (0..export.len()).step_by(step).enumerate() {
        let mut bytes = export.clone().into_bytes();
        bytes[at] = match bytes[at] {
            b'"' => b'{',
            b'{' | b'[' => b'"',
            _ => b'}',
        };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if Catalog::from_json(&text).is_ok() {
            continue;
        }
        let name: &'static str = Box::leak(format!("flip-{i}.json").into_boxed_str());
        corpus.push((write(dir, name, &text), ""));
    }
    corpus
}

#[test]
fn every_command_refuses_damaged_exports_with_one_line_and_status_2() {
    let dir = dir("cli-damaged");
    let good = write(&dir, "good.json", &ORDERS.to_json());
    let corpus = damaged_corpus(&dir);
    assert!(corpus.len() > 60, "{}", corpus.len());
    for (path, expected) in &corpus {
        let shown = path.display().to_string();
        let commands: [Vec<&dyn AsRef<std::ffi::OsStr>>; 6] = [
            vec![&"check", path, &good],
            vec![&"check", &good, path],
            vec![&"render", path, &"--to", &"markdown"],
            vec![&"render", path, &"--to", &"typescript"],
            vec![&"merge", &good, path],
            vec![&"lint", path],
        ];
        for args in commands {
            let output = run(&args);
            let err = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{shown}: {err}");
            assert_eq!(stdout(&output), "", "{shown}");
            assert_eq!(err.lines().count(), 1, "{shown}: {err}");
            assert!(
                err.starts_with(&format!("error-catalog: {shown}: ")),
                "{err}"
            );
            assert!(!err.contains("panicked"), "{err}");
            assert!(err.contains(expected), "{shown}: {err} lacks {expected}");
        }
    }
}

#[test]
fn usage_mistakes_exit_2() {
    for args in [
        vec!["render", "x.json"],
        vec!["render", "x.json", "--to", "pdf"],
        vec!["check", "one.json"],
        vec!["merge"],
        vec!["lint", "x.json", "--deny", "no-such-rule"],
        vec!["frobnicate"],
    ] {
        let args: Vec<&dyn AsRef<std::ffi::OsStr>> = args
            .iter()
            .map(|arg| arg as &dyn AsRef<std::ffi::OsStr>)
            .collect();
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    }
}
