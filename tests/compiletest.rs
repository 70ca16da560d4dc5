//! Compile-fail tests of the derive: each file under `tests/ui/` holds one mistake and
//! its `.stderr` the exact diagnostics.
//!
//! The `.stderr` snapshots are tied to the compiler in use (rustc 1.95): another rustc
//! may word or place its own errors differently. After a toolchain update, regenerate
//! them with `TRYBUILD=overwrite cargo test --test compiletest` and read every diff.

//! The derive reads `locales` relative to the crate's `Cargo.toml`, and trybuild builds
//! each case in a crate of its own under `target/tests/trybuild/error-catalog-tests/`:
//! the `locales` cases name their folders under `tests/ui/locales/` from there
//! (`../../../../tests/ui/locales/..`), with the default target directory.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
