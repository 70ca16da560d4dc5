//! Exporting a catalog of 10,000 codes (`cargo bench -p error-catalog-benches --bench
//! catalog_export`): `to_json`, the same into a reused buffer, `to_json_pretty` (the
//! form a service commits), and, for scale, the Markdown page, the OpenAPI document and
//! the TypeScript module; then `Catalog::find` against a linear scan.

#![allow(missing_docs, dead_code)]

use criterion::{Criterion, criterion_group, criterion_main};

// Ten enums of 1,000 codes each and `static CATALOG`, written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/codes.rs"));

fn export(c: &mut Criterion) {
    assert_eq!(CATALOG.len(), 10_000);
    let mut group = c.benchmark_group("export 10,000 codes");
    group.sample_size(20);
    group.bench_function("to_json", |b| b.iter(|| CATALOG.to_json()));
    let mut buffer = Vec::with_capacity(8 << 20);
    group.bench_function("write_json into a reused buffer", |b| {
        b.iter(|| {
            buffer.clear();
            CATALOG.write_json(&mut buffer).unwrap();
            buffer.len()
        });
    });
    group.bench_function("to_json_pretty", |b| b.iter(|| CATALOG.to_json_pretty()));
    group.bench_function("to_markdown", |b| b.iter(|| CATALOG.to_markdown()));
    group.bench_function("to_openapi", |b| b.iter(|| CATALOG.to_openapi()));
    // The TypeScript module, measured against `to_json` above in the same run.
    group.bench_function("typescript", |b| b.iter(|| CATALOG.typescript()));
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let codes: Vec<&str> = CATALOG.iter().map(|spec| spec.code()).collect();
    let mut group = c.benchmark_group("find among 10,000 codes");
    group.bench_function("Catalog::find (compile-time index)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 7919) % codes.len();
            CATALOG.find(codes[i])
        });
    });
    group.bench_function("linear scan (baseline)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 7919) % codes.len();
            CATALOG.iter().find(|spec| spec.code() == codes[i])
        });
    });
    group.finish();
}

criterion_group!(benches, export, lookup);
criterion_main!(benches);
