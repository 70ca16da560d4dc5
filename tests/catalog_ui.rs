//! Compile-time behaviour of `catalog!` with enums from two crates (this package and
//! `tests/helper-crate`). The `.stderr` files hold rustc's exact output, so they are tied
//! to the compiler version in use (1.95); regenerate them with `TRYBUILD=overwrite` after
//! an upgrade and review the diff.

#[test]
fn catalog_ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui-catalog/two-crates.rs");
    t.compile_fail("tests/ui-catalog/duplicate-across-crates.rs");
    t.compile_fail("tests/ui-catalog/duplicate-in-fn.rs");
    t.compile_fail("tests/ui-catalog/listed-twice.rs");
    t.compile_fail("tests/ui-catalog/duplicate-reason.rs");
    t.compile_fail("tests/ui-catalog/unknown-replacement.rs");
    t.compile_fail("tests/ui-catalog/shared-locales-unknown-id.rs");
    t.compile_fail("tests/ui-catalog/shared-locales-type-not-listed.rs");
}
