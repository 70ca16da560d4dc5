//! The committed OpenAPI document through a real client generator: `openapi-typescript`
//! turns `examples/catalog/generated/openapi.json` into TypeScript types, and `tsc
//! --strict` compiles the fixtures of `tests/typescript/` against them: one that narrows
//! a 409 body on its code and reads that code's details with their types (must
//! compile), one that reads a detail another code has (must not). The same catalog's
//! documents in the Flat and Problem formats, whose responses have a discriminator, are
//! checked the same way.
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

#[test]
fn the_readme_shows_the_generated_typescript() {
    let Some((dir, _)) = generated("typescript-readme") else {
        return;
    };
    let generated = std::fs::read_to_string(dir.join("openapi.ts")).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split("```ts\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README has a ```ts block");
    // The README's block is in the generated file, but for spacing and comments.
    let squeezed = |text: &str| -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find("/**") {
            out.push_str(&rest[..at]);
            rest = rest[at..].split_once("*/").map_or("", |(_, after)| after);
        }
        out.push_str(rest);
        out.split_whitespace().collect()
    };
    let (block, generated) = (squeezed(block), squeezed(&generated));
    assert!(!block.is_empty());
    assert!(
        generated.contains(&block),
        "the README's TypeScript is not what openapi-typescript writes:\n{block}\n\n{generated}"
    );
}
