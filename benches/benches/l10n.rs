//! Run-time cost of localized messages, each against a baseline measured in the same run:
//!
//! - a translated envelope without selectors (`locale("fr")`) against the same envelope
//!   in the default locale, both written into a reused buffer (Problem format: message
//!   and title are both translated);
//! - a translated envelope whose message has a plural selector (a selector on a field,
//!   written by the crate's prepared form of the message) against the same envelope in
//!   the default locale;
//! - choosing the locale of a typical `Accept-Language` (three tags with q-values)
//!   against writing one envelope in the default locale: through `Envelope::negotiate`
//!   (building the envelope, negotiating, reading its `Content-Language`), and through
//!   `Message::negotiate` alone.
//!
//! After criterion's own output, the bench prints each ratio of medians, read back from
//! criterion's estimates of this run. With `--callgrind` it counts instructions per
//! operation instead (valgrind's callgrind running this binary), which a loaded machine
//! does not disturb.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench l10n
//! cargo bench -p error-catalog-benches --bench l10n -- --callgrind   # needs valgrind
//! ```

// The enum is a benchmark fixture, not API.
#![allow(missing_docs)]

use std::hint::black_box;
use std::process::Command;
use std::time::SystemTime;

mod common;

use criterion::Criterion;
use error_catalog::{ApiError, Format};

/// The errors of the tests' order service, with French, German and (partial) Portuguese
/// translations.
#[derive(Debug, ApiError)]
#[api_error(locales = "../tests/locales/orders", partial_locales = ["pt"], format = "problem")]
pub enum OrderError {
    #[error(
        code = "order_not_found",
        status = 404,
        message = "Order {id} not found",
        resolution = "Check the order ID."
    )]
    NotFound { id: String },
    #[error(
        code = "cart.too_many",
        status = 422,
        message = "The cart holds {count} items; the limit is {max}"
    )]
    TooMany { count: u32, max: u32 },
    #[error(
        code = "payment_declined",
        status = 402,
        message = "The payment was declined"
    )]
    Declined { reason: String },
}

const ACCEPT_LANGUAGE: &str = "fr-CA, fr;q=0.9, en;q=0.8";

fn benches(c: &mut Criterion) {
    let not_found = OrderError::NotFound {
        id: "ord_7f3a9c".into(),
    };
    let too_many = OrderError::TooMany { count: 12, max: 10 };
    let mut buffer = Vec::with_capacity(1024);
    for (group, error) in [("plain", &not_found), ("plural", &too_many)] {
        let mut g = c.benchmark_group(group);
        g.bench_function("default", |b| {
            b.iter(|| {
                buffer.clear();
                black_box(error)
                    .envelope()
                    .format(Format::Problem)
                    .write_json(&mut buffer);
                black_box(buffer.len())
            });
        });
        g.bench_function("fr", |b| {
            b.iter(|| {
                buffer.clear();
                black_box(error)
                    .envelope()
                    .format(Format::Problem)
                    .locale("fr")
                    .write_json(&mut buffer);
                black_box(buffer.len())
            });
        });
        g.finish();
    }
    let mut g = c.benchmark_group("negotiate");
    g.bench_function("envelope", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&not_found).envelope().write_json(&mut buffer);
            black_box(buffer.len())
        });
    });
    g.bench_function("accept_language", |b| {
        b.iter(|| {
            black_box(&not_found)
                .envelope()
                .negotiate(black_box(ACCEPT_LANGUAGE))
                .content_language()
        });
    });
    // The negotiation alone, without building and moving an envelope.
    g.bench_function("message", |b| {
        b.iter(|| {
            black_box(&not_found)
                .message()
                .negotiate(black_box(ACCEPT_LANGUAGE))
                .language()
        });
    });
    g.finish();
}

/// One measured operation: (name, what it runs). The error is built by the case's name.
type Run = fn(&OrderError, &mut Vec<u8>) -> usize;

fn cases() -> Vec<(&'static str, Run)> {
    fn default(error: &OrderError, buffer: &mut Vec<u8>) -> usize {
        error.envelope().format(Format::Problem).write_json(buffer);
        buffer.len()
    }
    fn fr(error: &OrderError, buffer: &mut Vec<u8>) -> usize {
        error
            .envelope()
            .format(Format::Problem)
            .locale("fr")
            .write_json(buffer);
        buffer.len()
    }
    fn envelope(error: &OrderError, buffer: &mut Vec<u8>) -> usize {
        error.envelope().write_json(buffer);
        buffer.len()
    }
    fn accept_language(error: &OrderError, _: &mut Vec<u8>) -> usize {
        let envelope = error.envelope().negotiate(black_box(ACCEPT_LANGUAGE));
        envelope.content_language().map_or(0, str::len)
    }
    fn message(error: &OrderError, _: &mut Vec<u8>) -> usize {
        let message = error.message().negotiate(black_box(ACCEPT_LANGUAGE));
        message.language().map_or(0, str::len)
    }
    vec![
        ("plain/default", default),
        ("plain/fr", fr),
        ("plural/default", default),
        ("plural/fr", fr),
        ("negotiate/envelope", envelope),
        ("negotiate/accept_language", accept_language),
        ("negotiate/message", message),
    ]
}

fn error_of(case: &str) -> OrderError {
    if case.starts_with("plural") {
        OrderError::TooMany { count: 12, max: 10 }
    } else {
        OrderError::NotFound {
            id: "ord_7f3a9c".into(),
        }
    }
}

/// The loop callgrind measures (`--toggle-collect=*run_case*`).
#[inline(never)]
fn run_case(run: Run, error: &OrderError, buffer: &mut Vec<u8>, iterations: u64) {
    for _ in 0..iterations {
        buffer.clear();
        black_box(run(black_box(error), black_box(&mut *buffer)));
    }
}

/// Instructions inside `run_case` for `iterations` runs of `case`, counted by callgrind
/// running this same binary.
fn callgrind_instructions(case: &str, iterations: u64) -> u64 {
    let exe = std::env::current_exe().unwrap();
    let out_file = std::env::temp_dir().join(format!(
        "error-catalog-l10n-callgrind-{}-{iterations}.out",
        std::process::id()
    ));
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--collect-atstart=no")
        .arg("--toggle-collect=*run_case*")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(&exe)
        .args(["--run-case", case, &iterations.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("valgrind is not installed (apt-get install valgrind)");
    assert!(status.success(), "valgrind failed on {case}");
    let text = std::fs::read_to_string(&out_file).unwrap();
    let _ = std::fs::remove_file(&out_file);
    text.lines()
        .find_map(|line| {
            line.strip_prefix("summary:")
                .or_else(|| line.strip_prefix("totals:"))
        })
        .and_then(|count| count.trim().parse().ok())
        .expect("no summary line in callgrind's output")
}

#[allow(clippy::cast_precision_loss)] // instruction counts are far below 2^52
fn callgrind_report() {
    // The difference of two runs cancels what is paid once (bundles, parsed locales,
    // the first negotiation of the header).
    const SHORT: u64 = 200;
    const LONG: u64 = 1_200;
    let per_op: Vec<(&str, f64)> = cases()
        .iter()
        .map(|&(name, _)| {
            let short = callgrind_instructions(name, SHORT);
            let long = callgrind_instructions(name, LONG);
            (name, (long - short) as f64 / (LONG - SHORT) as f64)
        })
        .collect();
    let of = |name: &str| {
        per_op
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(f64::NAN, |p| p.1)
    };
    println!("instructions per operation (callgrind)");
    for (name, count) in &per_op {
        println!("  {name:<28} {count:>8.0}");
    }
    println!("ratios");
    for (measured, baseline, what) in RATIOS {
        let (m, b) = (
            of(&measured.replace(' ', "/")),
            of(&baseline.replace(' ', "/")),
        );
        println!("  {what}: {:.2}x ({m:.0} / {b:.0})", m / b);
    }
}

/// (measured, baseline, what): the ratios the bench prints, as `group function`.
const RATIOS: [(&str, &str, &str); 4] = [
    (
        "plain fr",
        "plain default",
        "translated, no selector / default locale (target <= 1.2x)",
    ),
    (
        "plural fr",
        "plural default",
        "translated, plural / default locale (target <= 3x)",
    ),
    (
        "negotiate accept_language",
        "negotiate envelope",
        "negotiating 3 tags / one envelope (target <= 0.10x)",
    ),
    (
        "negotiate message",
        "negotiate envelope",
        "negotiating 3 tags for a message alone / one envelope",
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|arg| arg == "--run-case") {
        let name = &args[at + 1];
        let iterations: u64 = args[at + 2].parse().unwrap();
        let (_, run) = *cases().iter().find(|(n, _)| n == name).unwrap();
        let mut buffer = Vec::with_capacity(1024);
        run_case(run, &error_of(name), &mut buffer, iterations);
        return;
    }
    if args.iter().any(|arg| arg == "--callgrind") {
        callgrind_report();
        return;
    }
    let start = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();

    println!("\nratios of medians, this run");
    for (measured, baseline, what) in RATIOS {
        let (group, measured) = measured.split_once(' ').unwrap();
        let (_, baseline) = baseline.split_once(' ').unwrap();
        // The medians: the figures benches/README.md reports for this bench.
        if let (Some((_, measured)), Some((_, baseline))) = (
            common::estimates(group, measured, start),
            common::estimates(group, baseline, start),
        ) {
            println!(
                "  {what}: {:.2}x ({measured:.0} ns / {baseline:.0} ns)",
                measured / baseline
            );
        }
    }
}
