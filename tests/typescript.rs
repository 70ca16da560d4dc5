//! The committed OpenAPI document through a real client generator: `openapi-typescript`
//! turns `examples/catalog/generated/openapi.json` into TypeScript types, and `tsc
//! --strict` compiles the fixtures of `tests/typescript/` against them: one that narrows
//! a 409 body on its code and reads that code's details with their types (must
//! compile), one that reads a detail another code has (must not). The same catalog's
//! documents in the Flat and Problem formats, whose responses have a discriminator, are
//! checked the same way.
//!
//! The module of `Catalog::typescript` goes through the same compiler: fixtures of
//! `tests/typescript/module/` that narrow each format's bodies on the code (must
//! compile), read another code's detail or compare with a code that does not exist
//! (must not); and node runs its `isErrorBody` on the bodies the envelopes write and on
//! damaged ones.
//!
//! The tools are the npm packages pinned in `tests/typescript/package.json`, which
//! `.ci/run` installs with `npm ci --prefix tests/typescript`. Under CI (`CI` set) a
//! missing tool fails the test; on a developer machine without them it is skipped with
//! a message.

#[path = "../examples/catalog/errors.rs"]
mod errors;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use error_catalog::Format;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/typescript")
}

/// The JavaScript entry points of the two tools, or why they cannot run here.
fn tools() -> Result<(PathBuf, PathBuf), String> {
    let modules = fixtures().join("node_modules");
    let generator = modules.join("openapi-typescript/bin/cli.js");
    let compiler = modules.join("typescript/bin/tsc");
    match Command::new("node").arg("--version").output() {
        Ok(output) if output.status.success() => {}
        Ok(output) => return Err(format!("`node --version` failed: {:?}", output.status)),
        Err(error) => return Err(format!("node cannot be started: {error}")),
    }
    for tool in [&generator, &compiler] {
        if !tool.is_file() {
            return Err(format!("{} is missing", tool.display()));
        }
    }
    Ok((generator, compiler))
}

/// Runs `node script args..` in `dir`.
fn node(script: &Path, args: &[&str], dir: &Path) -> Output {
    Command::new("node")
        .arg(script)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The TypeScript of the committed document, written as `openapi.ts` into a fresh
/// directory (`name`, one per test) next to copies of the fixtures, with that of the
/// example catalog in the Flat and Problem formats (`flat.ts`, `problem.ts`); and the
/// compiler. `None` when the tools are missing (not under CI).
fn generated(name: &str) -> Option<(PathBuf, PathBuf)> {
    let (generator, compiler) = match tools() {
        Ok(tools) => tools,
        Err(why) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "the TypeScript tools are missing under CI ({why}); .ci/run installs them \
                 with `npm ci --prefix tests/typescript`"
            );
            eprintln!("skipped: {why}; install them with `npm ci --prefix tests/typescript`");
            return None;
        }
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for fixture in [
        "narrows-conflict.ts",
        "reads-another-code.ts",
        "narrows-top-level-code.ts",
    ] {
        std::fs::copy(fixtures().join(fixture), dir.join(fixture)).unwrap();
    }
    let document = root().join("examples/catalog/generated/openapi.json");
    let output = node(
        &generator,
        &[document.to_str().unwrap(), "--output", "openapi.ts"],
        &dir,
    );
    assert!(output.status.success(), "{}", text(&output));
    for (format, name) in [(Format::Flat, "flat"), (Format::Problem, "problem")] {
        let document = dir.join(format!("{name}.json"));
        std::fs::write(
            &document,
            errors::CATALOG.openapi().format(format).to_json(),
        )
        .unwrap();
        let output = node(
            &generator,
            &[
                document.to_str().unwrap(),
                "--output",
                &format!("{name}.ts"),
            ],
            &dir,
        );
        assert!(output.status.success(), "{}", text(&output));
    }
    Some((dir, compiler))
}

#[test]
fn generated_types_narrow_on_the_code_and_type_each_code_s_details() {
    let Some((dir, compiler)) = generated("typescript-narrowing") else {
        return;
    };
    let compile = |fixture: &str| node(&compiler, &["--strict", "--noEmit", fixture], &dir);

    let narrows = compile("narrows-conflict.ts");
    assert!(narrows.status.success(), "{}", text(&narrows));

    let top_level = compile("narrows-top-level-code.ts");
    assert!(top_level.status.success(), "{}", text(&top_level));

    let wrong = compile("reads-another-code.ts");
    let out = text(&wrong);
    assert!(!wrong.status.success(), "compiled: {out}");
    assert!(
        out.contains(
            "reads-another-code.ts(9,30): error TS2339: Property 'max_seats' does not exist \
             on type '{ field: string; value: string; }'."
        ),
        "{out}"
    );
    assert_eq!(out.matches("error TS").count(), 1, "{out}");
}

/// A catalog with a type in each wire format, for the TypeScript module of
/// [`Catalog::typescript`](error_catalog::Catalog::typescript).
#[allow(dead_code)] // the variants are made by `bodies` only
mod formats {
    use error_catalog::{ApiError, Catalog, FieldErrors, catalog};

    pub static CATALOG: Catalog = catalog!(
        NestedError,
        FlatError,
        CompactError,
        ProblemError,
        GoogleError
    );

    /// Nested errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "nested")]
    pub enum NestedError {
        /// All seats are in use; */ not the end of the comment.
        #[error(code = "no_seats", status = 409, message = "No seats ({max_seats})")]
        NoSeats {
            max_seats: u32,
            hint: Option<String>,
            scopes: Vec<String>,
        },
        /// The input is invalid.
        #[error(code = "invalid_input", status = 422, message = "Invalid input")]
        Invalid {
            #[error(flatten)]
            errors: FieldErrors,
        },
        /// The resource is gone.
        #[error(code = "gone", status = 410, message = "Gone")]
        Gone,
    }

    /// Flat errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "flat")]
    pub enum FlatError {
        /// A conflict.
        #[error(code = "flat_conflict", status = 409, message = "Conflict on {value}")]
        Conflict { value: String, retry: bool },
        /// Invalid, by field.
        #[error(code = "flat_invalid", status = 422, message = "Invalid")]
        Invalid {
            #[error(flatten)]
            errors: FieldErrors,
            attempt: u32,
        },
    }

    /// Compact errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "compact")]
    pub enum CompactError {
        /// Slow down.
        #[error(code = "compact_limited", status = 429, message = "Slow down")]
        Limited { limit: u32 },
        /// A code named like the module's own types.
        #[error(code = "error", status = 400, message = "Bad request")]
        Error,
    }

    /// Problem errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "problem", docs = "https://docs.example.com/errors")]
    pub enum ProblemError {
        /// Invalid, with pointers.
        #[error(
            code = "problem_invalid",
            status = 422,
            message = "Invalid form {form}"
        )]
        Invalid {
            #[error(flatten)]
            errors: FieldErrors,
            form: String,
        },
        /// Missing.
        #[error(code = "problem_missing", status = 404, message = "No {id}")]
        Missing { id: String, count: Option<i64> },
    }

    /// Google errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "google", domain = "quota.example.com")]
    pub enum GoogleError {
        /// Quota exceeded.
        #[error(
            code = "quota_exceeded",
            status = 429,
            message = "Quota exceeded",
            retry_after = 30
        )]
        Quota { limit: u32, window: String },
        /// Invalid, in Google's words.
        #[error(code = "google_invalid", status = 400, message = "Invalid")]
        Invalid {
            #[error(flatten)]
            errors: FieldErrors,
        },
    }

    fn errors() -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.add("email", "Must be a valid email address");
        errors.push(error_catalog::FieldError::new("password", "Too short").with_code("too_short"));
        errors
    }

    /// One error of each code, with and without optional values, as the service sends
    /// them: each as a label and the error.
    pub fn errors_of_each_code() -> Vec<(&'static str, Box<dyn ApiError>)> {
        vec![
            (
                "no_seats",
                Box::new(NestedError::NoSeats {
                    max_seats: 10,
                    hint: Some("soon".into()),
                    scopes: vec!["read".into()],
                }),
            ),
            (
                "no_seats without hint",
                Box::new(NestedError::NoSeats {
                    max_seats: 10,
                    hint: None,
                    scopes: vec![],
                }),
            ),
            (
                "invalid_input",
                Box::new(NestedError::Invalid { errors: errors() }),
            ),
            ("gone", Box::new(NestedError::Gone)),
            (
                "flat_conflict",
                Box::new(FlatError::Conflict {
                    value: "v\"1".into(),
                    retry: true,
                }),
            ),
            (
                "flat_invalid",
                Box::new(FlatError::Invalid {
                    errors: errors(),
                    attempt: 2,
                }),
            ),
            (
                "compact_limited",
                Box::new(CompactError::Limited { limit: 5 }),
            ),
            ("error", Box::new(CompactError::Error)),
            (
                "problem_invalid",
                Box::new(ProblemError::Invalid {
                    errors: errors(),
                    form: "signup".into(),
                }),
            ),
            (
                "problem_missing",
                Box::new(ProblemError::Missing {
                    id: "x".into(),
                    count: Some(-3),
                }),
            ),
            (
                "problem_missing without count",
                Box::new(ProblemError::Missing {
                    id: "x".into(),
                    count: None,
                }),
            ),
            (
                "quota_exceeded",
                Box::new(GoogleError::Quota {
                    limit: 100,
                    window: "1m".into(),
                }),
            ),
            (
                "google_invalid",
                Box::new(GoogleError::Invalid { errors: errors() }),
            ),
        ]
    }
}

/// `formats::CATALOG`'s module written as `errors.ts` into a fresh directory (`name`)
/// next to copies of the fixtures of `tests/typescript/module/`; and the compiler.
fn module_dir(name: &str) -> Option<(PathBuf, PathBuf)> {
    let (_, compiler) = match tools() {
        Ok(tools) => tools,
        Err(why) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "the TypeScript tools are missing under CI ({why}); .ci/run installs them \
                 with `npm ci --prefix tests/typescript`"
            );
            eprintln!("skipped: {why}; install them with `npm ci --prefix tests/typescript`");
            return None;
        }
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(fixtures().join("module")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("errors.ts"), formats::CATALOG.typescript()).unwrap();
    Some((dir, compiler))
}

#[test]
fn the_typescript_module_narrows_on_each_format_s_code_under_strict() {
    let Some((dir, compiler)) = module_dir("typescript-module") else {
        return;
    };
    let compile = |fixture: &str| {
        node(
            &compiler,
            &[
                "--strict", "--noEmit", "--target", "es2022", "--module", "es2022", fixture,
            ],
            &dir,
        )
    };

    let module = compile("errors.ts");
    assert!(module.status.success(), "{}", text(&module));
    // The example's committed module (every code Nested) compiles as well.
    std::fs::copy(
        root().join("examples/catalog/generated/errors.ts"),
        dir.join("licensing.ts"),
    )
    .unwrap();
    let licensing = compile("licensing.ts");
    assert!(licensing.status.success(), "{}", text(&licensing));
    let narrows = compile("narrows.ts");
    assert!(narrows.status.success(), "{}", text(&narrows));

    let wrong = compile("reads-another-code.ts");
    let out = text(&wrong);
    assert_eq!(wrong.status.code(), Some(2), "{out}");
    assert!(
        out.contains(
            "reads-another-code.ts(6,29): error TS2339: Property 'attempt' does not exist on \
             type 'FlatConflictDetails'."
        ),
        "{out}"
    );
    assert_eq!(out.matches("error TS").count(), 1, "{out}");

    let unknown = compile("unknown-code.ts");
    let out = text(&unknown);
    assert_eq!(unknown.status.code(), Some(2), "{out}");
    assert!(
        out.contains(
            "unknown-code.ts(5,12): error TS2367: This comparison appears to be unintentional \
             because the types '\"flat_conflict\" | \"flat_invalid\" | \"problem_invalid\" | \
             \"problem_missing\"' and '\"flat_missing\"' have no overlap."
        ),
        "{out}"
    );
    assert_eq!(out.matches("error TS").count(), 1, "{out}");
}

/// Where a body of `format` keeps its code and its details, as JSON Pointers; its
/// message; the request id member (`None`: Google's is a typed detail); the members
/// whose value is the status.
struct Places {
    code: &'static str,
    details: &'static str,
    message: &'static str,
    request_id: Option<&'static str>,
    status: Option<&'static str>,
}

fn places(format: Format) -> Places {
    match format {
        Format::Nested => Places {
            code: "/error/code",
            details: "/error/details",
            message: "/error/message",
            request_id: Some("/meta"),
            status: None,
        },
        Format::Flat => Places {
            code: "/code",
            details: "/details",
            message: "/message",
            request_id: Some("/request_id"),
            status: None,
        },
        Format::Compact => Places {
            code: "/error",
            details: "",
            message: "/message",
            request_id: Some("/request_id"),
            status: Some("/status"),
        },
        Format::Problem => Places {
            code: "/code",
            details: "",
            message: "/detail",
            request_id: Some("/request_id"),
            status: Some("/status"),
        },
        _ => Places {
            code: "/error/details/0/reason",
            details: "/error/details/0/metadata",
            message: "/error/message",
            request_id: None,
            status: Some("/error/code"),
        },
    }
}

/// `body` with the member at `pointer` set to `value`, or removed (`None`).
fn damage(
    body: &serde_json::Value,
    pointer: &str,
    value: Option<serde_json::Value>,
) -> serde_json::Value {
    let mut body = body.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match body.pointer_mut(parent).unwrap() {
        serde_json::Value::Object(object) => match value {
            Some(value) => {
                object.insert(key.to_owned(), value);
            }
            None => {
                object.remove(key);
            }
        },
        serde_json::Value::Array(items) => {
            let at: usize = key.parse().unwrap();
            match value {
                Some(value) => items[at] = value,
                None => {
                    items.remove(at);
                }
            }
        }
        other => panic!("{pointer} is in {other}"),
    }
    body
}

/// A value of another JSON type than `value`.
fn retyped(value: &serde_json::Value) -> serde_json::Value {
    if value.is_string() {
        serde_json::json!(5)
    } else {
        serde_json::json!("5")
    }
}

/// The bodies the guard must accept (every code, with and without a request id, as
/// the envelope writes them) and those it must reject (each damaged in one way, or
/// sent in another format than its code's).
fn guard_cases() -> Vec<(String, serde_json::Value, bool)> {
    use serde_json::{Value, json};
    let parse = |text: String| -> Value { serde_json::from_str(&text).unwrap() };
    let mut cases = vec![
        ("null".to_owned(), Value::Null, false),
        ("a string".to_owned(), json!("no_seats"), false),
        (
            "a list".to_owned(),
            json!([{"error": {"code": "gone", "message": "Gone"}}]),
            false,
        ),
        ("an empty object".to_owned(), json!({}), false),
        (
            "a code of Object.prototype".to_owned(),
            json!({"code": "constructor", "message": "", "details": {}}),
            false,
        ),
    ];
    for (label, error) in formats::errors_of_each_code() {
        let format = error.spec().category().format();
        let spec = error.spec();
        let body = parse(error.envelope().to_json());
        let with_id = parse(error.envelope().request_id("req_1").to_json());
        let places = places(format);
        cases.push((label.to_owned(), body.clone(), true));
        cases.push((format!("{label} with a request id"), with_id.clone(), true));

        let other = Format::ALL[(Format::ALL.iter().position(|&f| f == format).unwrap() + 1) % 5];
        cases.push((
            format!("{label} in {other}"),
            parse(error.envelope().format(other).to_json()),
            false,
        ));
        let mut damaged =
            |what: &str, body: Value| cases.push((format!("{label}, {what}"), body, false));
        let unknown = if format == Format::Google {
            "NO_SUCH_CODE"
        } else {
            "no_such_code"
        };
        damaged(
            "unknown code",
            damage(&body, places.code, Some(json!(unknown))),
        );
        damaged(
            "code not a string",
            damage(&body, places.code, Some(json!(7))),
        );
        damaged("no code", damage(&body, places.code, None));
        damaged("no message", damage(&body, places.message, None));
        damaged(
            "message not a string",
            damage(&body, places.message, Some(json!(["m"]))),
        );
        if let Some(pointer) = places.request_id {
            let id = if pointer == "/meta" {
                json!({"request_id": 1})
            } else {
                json!(1)
            };
            damaged(
                "request id not a string",
                damage(&with_id, pointer, Some(id)),
            );
        }
        if let Some(pointer) = places.status {
            damaged("another status", damage(&body, pointer, Some(json!(500))));
        }
        match format {
            Format::Problem => damaged("no type", damage(&body, "/type", None)),
            Format::Google => {
                damaged(
                    "not an ErrorInfo",
                    damage(&body, "/error/details/0/@type", Some(json!("x"))),
                );
                damaged(
                    "details not a list",
                    damage(&body, "/error/details", Some(json!({}))),
                );
            }
            _ => {}
        }
        if spec.fields().is_empty() || format == Format::Compact {
            continue;
        }
        let details = body
            .pointer(places.details)
            .unwrap()
            .as_object()
            .unwrap()
            .clone();
        if format != Format::Problem {
            damaged("no details", damage(&body, places.details, None));
        }
        for (key, value) in &details {
            if format == Format::Problem
                && ["type", "title", "status", "detail", "code", "request_id"]
                    .contains(&key.as_str())
            {
                continue;
            }
            let pointer = format!("{}/{key}", places.details);
            damaged(
                &format!("{key} retyped"),
                damage(&body, &pointer, Some(retyped(value))),
            );
            let required = spec
                .fields()
                .iter()
                .any(|field| field.name() == key && !field.optional() && !field.flattened());
            if required || key == "errors" {
                damaged(&format!("no {key}"), damage(&body, &pointer, None));
            }
            if let Some(first) = value.pointer("/0").and_then(Value::as_object) {
                for member in first.keys().filter(|&member| member != "code") {
                    let pointer = format!("{pointer}/0/{member}");
                    damaged(
                        &format!("{key}[0] without {member}"),
                        damage(&body, &pointer, None),
                    );
                }
            }
            if let Some(entry) = value.as_object() {
                for member in entry.keys().filter(|&member| member == "message") {
                    let pointer = format!("{pointer}/{member}");
                    damaged(
                        &format!("{key} without {member}"),
                        damage(&body, &pointer, None),
                    );
                }
            }
        }
    }
    cases
}

#[test]
fn the_type_guard_accepts_the_bodies_of_the_envelopes_and_rejects_damaged_ones() {
    let Some((dir, compiler)) = module_dir("typescript-guard") else {
        return;
    };
    let output = node(
        &compiler,
        &[
            "--strict",
            "--target",
            "es2022",
            "--module",
            "es2022",
            "--outDir",
            "js",
            "errors.ts",
        ],
        &dir,
    );
    assert!(output.status.success(), "{}", text(&output));
    std::fs::write(dir.join("js/package.json"), r#"{"type": "module"}"#).unwrap();

    let cases = guard_cases();
    let bodies: Vec<(&str, &serde_json::Value)> = cases
        .iter()
        .map(|(label, body, _)| (label.as_str(), body))
        .collect();
    std::fs::write(
        dir.join("bodies.json"),
        serde_json::to_string(&bodies).unwrap(),
    )
    .unwrap();
    let output = node(&dir.join("guard.mjs"), &["bodies.json"], &dir);
    assert!(output.status.success(), "{}", text(&output));

    let expected: String = cases
        .iter()
        .map(|(label, _, valid)| {
            format!(
                "{label}: {}\n",
                if *valid { "accepted" } else { "rejected" }
            )
        })
        .collect();
    let seen = String::from_utf8(output.stdout).unwrap();
    for (seen, expected) in seen.lines().zip(expected.lines()) {
        assert_eq!(seen, expected);
    }
    assert_eq!(seen.lines().count(), expected.lines().count());
    // Every code was tried both ways.
    assert!(cases.iter().filter(|case| case.2).count() >= 2 * formats::CATALOG.len());
    assert!(
        cases.iter().filter(|case| !case.2).count() > 150,
        "{}",
        cases.len()
    );
}
