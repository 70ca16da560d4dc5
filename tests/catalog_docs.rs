//! The exports of the catalog example (`examples/catalog/`), committed under
//! `examples/catalog/generated/`: they must match what the code produces now, the JSON
//! must follow the schema the crate ships ([`error_catalog::CATALOG_SCHEMA`], the file
//! `error-catalog/schema/catalog-v1.schema.json`) and the OpenAPI document must pass an
//! independent validator.
//!
//! The validators are Python's `jsonschema` and `openapi-spec-validator`, which
//! `.ci/run` installs with pip (`pip install openapi-spec-validator` brings both). Under
//! CI (`CI` set) a missing validator fails the test; on a developer machine without them
//! the validation is skipped with a message.

#[path = "../examples/catalog/errors.rs"]
mod errors;
mod orders;

use std::path::{Path, PathBuf};
use std::process::Command;

use catalog_helper::OrderError;
use error_catalog::{ApiError, Catalog, FieldErrors, Format, assert_compatible, catalog};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed documents and the example's format name for each.
const DOCUMENTS: [(&str, &str); 4] = [
    ("examples/catalog/generated/errors.json", "json"),
    ("examples/catalog/generated/errors.md", "markdown"),
    ("examples/catalog/generated/openapi.json", "openapi"),
    ("examples/catalog/generated/errors.ts", "typescript"),
];

#[test]
fn committed_docs_are_current() {
    let bless = std::env::var_os("ERROR_CATALOG_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let mut stale = Vec::new();
    for (path, format) in DOCUMENTS {
        let current = errors::render(format).unwrap();
        let file = root().join(path);
        if bless {
            std::fs::write(&file, &current).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        if committed != current {
            let line = committed
                .lines()
                .zip(current.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| committed.lines().count().min(current.lines().count()));
            stale.push(format!(
                "  {path} differs from the code from line {}; regenerate it with\n    \
                 cargo run --example catalog -- --format {format} > {path}",
                line + 1
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "the committed catalog docs are out of date:\n{}\n(or run the tests once with \
         ERROR_CATALOG_BLESS=1 to rewrite them all)",
        stale.join("\n")
    );
}

#[test]
fn the_committed_export_is_a_baseline_too() {
    // The one line a service adds to its tests.
    assert_compatible!(errors::CATALOG, "examples/catalog/generated/errors.json");
}

/// Errors with every kind of detail field, for the schema tests.
#[derive(Debug, ApiError)]
#[api_error(format = "google", domain = "api.example.com")]
pub enum KitchenSink {
    /// Every JSON type.
    #[error(
        code = "every.type-1",
        status = 400,
        message = "{text} {count}",
        causes = ["One.", "Two."],
        resolution = "None."
    )]
    Every {
        text: String,
        count: i64,
        ratio: f32,
        flag: Option<bool>,
        #[error(example = [1, 2])]
        list: Vec<u8>,
        map: std::collections::BTreeMap<String, String>,
        other: Custom,
        #[error(retry_after)]
        wait: u32,
        #[error(flatten)]
        errors: FieldErrors,
    },
    /// Unit, tuple.
    #[error(code = "TUPLE", status = 599, message = "tuple {0}", retry_after = 1)]
    Tuple(u8),
}

/// A type the derive cannot see into.
#[derive(Debug, serde::Serialize)]
pub struct Custom;

/// Runs a Python validator script on `files`. Returns false when it could not run here
/// (and that is allowed: not under CI).
fn python_validate(script: &str, files: &[PathBuf]) -> bool {
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(files)
        .output();
    let missing = match &output {
        Err(error) => Some(format!("python3 cannot be started: {error}")),
        Ok(out) if out.status.code() == Some(3) => {
            Some(String::from_utf8_lossy(&out.stderr).into_owned())
        }
        Ok(_) => None,
    };
    if let Some(why) = missing {
        assert!(
            std::env::var_os("CI").is_none(),
            "the validator is missing under CI ({why}); .ci/run installs it with \
             `python3 -m pip install openapi-spec-validator`"
        );
        eprintln!("skipped: {why}install it with `python3 -m pip install openapi-spec-validator`");
        return false;
    }
    let output = output.unwrap();
    assert!(
        output.status.success(),
        "validation failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    true
}

/// Exits 3 when the module is missing, 1 on an invalid document.
const JSONSCHEMA: &str = r#"
import json, sys
try:
    import jsonschema
except ImportError as e:
    print(f"python module jsonschema is missing ({e}); ", file=sys.stderr, end="")
    sys.exit(3)
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    for error in errors:
        print(f"{path}: {list(error.absolute_path)}: {error.message}")
    if errors:
        sys.exit(1)
"#;

const OPENAPI: &str = r#"
import json, sys
try:
    from openapi_spec_validator import validate
except ImportError as e:
    print(f"python module openapi_spec_validator is missing ({e}); ", file=sys.stderr, end="")
    sys.exit(3)
for path in sys.argv[1:]:
    validate(json.load(open(path)))
"#;

fn scratch(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

static SINK: Catalog = catalog!(KitchenSink, OrderError);

/// A type with translations: its entries have the `translations` member.

#[test]
fn json_exports_follow_the_published_schema() {
    let files = [
        scratch("catalog-v1.schema.json", error_catalog::CATALOG_SCHEMA),
        root().join("examples/catalog/generated/errors.json"),
        scratch("kitchen-sink.json", &SINK.to_json()),
        scratch("translated.json", &catalog!(orders::OrderError).to_json()),
    ];
    if python_validate(JSONSCHEMA, &files) {
        // The validator rejects what the schema forbids, so a pass above means something.
        let mut broken: serde_json::Value = serde_json::from_str(&SINK.to_json()).unwrap();
        broken["errors"][0]["status"] = serde_json::json!(200);
        let bad = scratch("broken.json", &broken.to_string());
        let output = Command::new("python3")
            .arg("-c")
            .arg(JSONSCHEMA)
            .args([&files[0], &bad])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("200 is less than the minimum of 400")
        );
    }
}

#[test]
fn openapi_documents_pass_the_validator() {
    let files = [
        root().join("examples/catalog/generated/openapi.json"),
        scratch("sink-openapi.json", &SINK.openapi().to_json()),
        scratch(
            "sink-openapi-problem.json",
            &SINK.openapi().format(Format::Problem).to_json(),
        ),
        scratch(
            "sink-openapi-flat.json",
            &SINK.openapi().format(Format::Flat).to_json(),
        ),
        scratch(
            "sink-openapi-nested.json",
            &SINK.openapi().format(Format::Nested).to_json(),
        ),
        scratch(
            "sink-openapi-compact.json",
            &SINK.openapi().format(Format::Compact).to_json(),
        ),
        scratch(
            "mixed-openapi.json",
            &catalog!(OrderError, errors::RateLimitError)
                .openapi()
                .to_json(),
        ),
    ];
    if python_validate(OPENAPI, &files) {
        let bad = scratch("bad-openapi.json", r#"{"openapi": "3.1.0", "info": {}}"#);
        let output = Command::new("python3")
            .arg("-c")
            .arg(OPENAPI)
            .arg(&bad)
            .output()
            .unwrap();
        assert!(!output.status.success());
    }
}

#[test]
fn the_shipped_schema_is_the_file_in_the_repository() {
    let file = root().join("error-catalog/schema/catalog-v1.schema.json");
    assert_eq!(
        error_catalog::CATALOG_SCHEMA,
        std::fs::read_to_string(file).unwrap()
    );
    let schema: serde_json::Value = serde_json::from_str(error_catalog::CATALOG_SCHEMA).unwrap();
    assert_eq!(
        schema["properties"]["version"]["const"],
        error_catalog::SCHEMA_VERSION
    );
}
