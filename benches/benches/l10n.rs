//! Run-time cost of localized messages, each against a baseline measured in the same run:
//!
//! - a translated envelope without selectors (`locale("fr")`) against the same envelope
//!   in the default locale, both written into a reused buffer (Problem format: message
//!   and title are both translated);
//! - a translated envelope whose message has a plural selector (through
//!   `fluent-bundle`) against the same envelope in the default locale;
//! - choosing the locale of a typical `Accept-Language` (three tags with q-values)
//!   against writing one envelope in the default locale: through `Envelope::negotiate`
//!   (building the envelope, negotiating, reading its `Content-Language`), and through
//!   `Message::negotiate` alone.
//!
//! After criterion's own output, the bench prints each ratio of medians, read back from
//! criterion's estimates of this run.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench l10n
//! ```

// The enum is a benchmark fixture, not API.
#![allow(missing_docs)]

use std::hint::black_box;
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

fn main() {
    let start = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();

    println!("\nratios of medians, this run");
    let rows = [
        (
            "plain",
            "fr",
            "default",
            "translated, no selector / default locale (target <= 1.2x)",
        ),
        (
            "plural",
            "fr",
            "default",
            "translated, plural / default locale (target <= 3x)",
        ),
        (
            "negotiate",
            "accept_language",
            "envelope",
            "negotiating 3 tags / one envelope (target <= 0.10x)",
        ),
        (
            "negotiate",
            "message",
            "envelope",
            "negotiating 3 tags for a message alone / one envelope",
        ),
    ];
    for (group, measured, baseline, what) in rows {
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
