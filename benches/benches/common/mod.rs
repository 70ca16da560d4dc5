//! What the criterion benchmarks share: reading back the estimates criterion wrote in
//! this run, to print the ratios against the baseline.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where criterion writes its estimates: `$CRITERION_HOME`, else `<target dir>/criterion`
/// (the same rule criterion follows).
fn criterion_home() -> PathBuf {
    std::env::var_os("CRITERION_HOME").map_or_else(
        || {
            Path::new(env!("CARGO_TARGET_TMPDIR"))
                .parent()
                .unwrap_or_else(|| Path::new("target"))
                .join("criterion")
        },
        PathBuf::from,
    )
}

/// Criterion's estimates (ns per iteration) of one benchmark, if this run wrote them:
/// the headline figure it prints (the slope of the linear fit, else the mean) and the
/// median.
pub fn estimates(group: &str, function: &str, since: SystemTime) -> Option<(f64, f64)> {
    let path = criterion_home()
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let modified = fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if modified < since {
        return None;
    }
    let estimates: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    let point = |name: &str| estimates[name]["point_estimate"].as_f64();
    Some((point("slope").or_else(|| point("mean"))?, point("median")?))
}
