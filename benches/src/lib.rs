//! Benchmarks of error-catalog live under `benches/`; this library is empty.
