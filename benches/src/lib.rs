//! Generated error enums (see `build.rs`) for the benchmarks in `benches/`.

#![allow(missing_docs, dead_code, clippy::all, clippy::pedantic)]

include!(concat!(env!("OUT_DIR"), "/codes.rs"));
