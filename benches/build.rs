//! Generates the error enums the benchmarks export: 10,000 codes in ten enums, each
//! variant with a message template, a resolution, causes and detail fields, like a real
//! service's catalog.

use std::fmt::Write;

const TYPES: usize = 10;
const CODES: usize = 10_000;

fn main() {
    let mut out = String::new();
    for t in 0..TYPES {
        writeln!(out, "/// Errors of area {t}.").unwrap();
        writeln!(out, "#[derive(Debug, ::error_catalog::ApiError)]").unwrap();
        writeln!(
            out,
            "#[api_error(format = \"nested\", docs = \"https://docs.example.com/errors\", unique_in_crate = false)]"
        )
        .unwrap();
        writeln!(out, "pub enum Area{t}Error {{").unwrap();
        for i in (t..CODES).step_by(TYPES) {
            writeln!(
                out,
                "    /// Resource {i} is in a state that forbids the request.\n    \
                 #[error(code = \"area{t}_resource_{i}_conflict\", status = {status}, \
                 message = \"Resource {{resource_id}} conflicts ({{attempts}} attempts)\", \
                 resolution = \"Fetch resource {i} again and retry.\", \
                 causes = [\"A concurrent update.\", \"A stale cache.\"])]\n    \
                 Resource{i}Conflict {{ resource_id: String, attempts: u32, hint: Option<String> }},",
                status = 400 + i % 100,
            )
            .unwrap();
        }
        writeln!(out, "}}\n").unwrap();
    }
    let names: Vec<String> = (0..TYPES).map(|t| format!("Area{t}Error")).collect();
    writeln!(
        out,
        "pub static CATALOG: ::error_catalog::Catalog = ::error_catalog::catalog!({});",
        names.join(", ")
    )
    .unwrap();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("codes.rs");
    std::fs::write(path, out).unwrap();
}
