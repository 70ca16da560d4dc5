//! Decoding an error body with three details into the typed enum of
//! `#[api_error(decode)]`, against the baseline a hand-written SDK would use:
//! `serde_json::from_slice` into hand-written structs of the body's shape, then a
//! `match` on the code that builds the same enum value.
//!
//! A third contender, `hand-written-map`, is the same structs with the details read into
//! a JSON map and taken from it field by field: the floor of any decoder that keeps the
//! details as a map, as `ErrorBody::details` does.
//!
//! All read the same `Nested` body, written by the derived envelope, and their results
//! are checked equal before measuring. After criterion's own output, the bench prints
//! the ratios to `hand-written` of this run, read back from criterion's estimates, and
//! the ratios of an interleaved measurement: the contenders take turns, in batches of
//! 1,000 bodies, for about two seconds, and the fastest batch of each counts. Criterion
//! measures one contender after the other, so on a shared machine a change of load
//! between them moves its ratios; taking turns exposes each to the same load, and the
//! fastest batch is the one least disturbed.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench decode
//! ```

// The enums and structs are benchmark fixtures, not API.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

mod common;

use criterion::Criterion;
use error_catalog::{ApiError, ErrorBody};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The typed enum, as the server and its SDK share it.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(format = "nested", decode)]
pub enum LicenseError {
    #[error(
        code = "no_seats_available",
        status = 409,
        message = "All seats are currently in use ({active_seats}/{max_seats})"
    )]
    NoSeatsAvailable {
        max_seats: u32,
        active_seats: u32,
        next_available_hint: String,
    },
    #[error(
        code = "license_expired",
        status = 403,
        message = "This license expired on {expired_at}"
    )]
    LicenseExpired {
        expired_at: String,
        license_id: String,
    },
    #[error(
        code = "session_timeout",
        status = 410,
        message = "Session expired due to missed heartbeat"
    )]
    SessionTimeout {
        last_heartbeat: String,
        timeout_at: String,
    },
}

/// The hand-written structs of the body's shape.
#[derive(Deserialize)]
struct HandBody {
    error: HandError,
    meta: HandMeta,
}

#[derive(Deserialize)]
struct HandError {
    code: String,
    message: String,
    details: HandDetails,
}

#[derive(Deserialize)]
struct HandDetails {
    max_seats: u32,
    active_seats: u32,
    next_available_hint: String,
}

#[derive(Deserialize)]
struct HandMeta {
    request_id: String,
}

/// The hand-written decoding: the structs, then a match on the code. The message and
/// the request id are kept, as `ErrorBody` keeps them.
fn hand_written(body: &[u8]) -> Option<(LicenseError, String, String)> {
    let body: HandBody = serde_json::from_slice(body).ok()?;
    let error = match body.error.code.as_str() {
        "no_seats_available" => LicenseError::NoSeatsAvailable {
            max_seats: body.error.details.max_seats,
            active_seats: body.error.details.active_seats,
            next_available_hint: body.error.details.next_available_hint,
        },
        _ => return None,
    };
    Some((error, body.error.message, body.meta.request_id))
}

/// The same structs with the details as a JSON map, read field by field after the
/// `match`: what any decoder pays that keeps the details as a map, as
/// `ErrorBody::details` does.
fn hand_written_map(body: &[u8]) -> Option<(LicenseError, String, String)> {
    #[derive(Deserialize)]
    struct MapBody {
        error: MapError,
        meta: HandMeta,
    }
    #[derive(Deserialize)]
    struct MapError {
        code: String,
        message: String,
        details: Map<String, Value>,
    }
    let body: MapBody = serde_json::from_slice(body).ok()?;
    let details = &body.error.details;
    let error = match body.error.code.as_str() {
        "no_seats_available" => LicenseError::NoSeatsAvailable {
            max_seats: u32::deserialize(details.get("max_seats")?).ok()?,
            active_seats: u32::deserialize(details.get("active_seats")?).ok()?,
            next_available_hint: String::deserialize(details.get("next_available_hint")?).ok()?,
        },
        _ => return None,
    };
    Some((error, body.error.message, body.meta.request_id))
}

/// The typed decoding.
fn typed(body: &[u8]) -> Option<(LicenseError, ErrorBody)> {
    let decoded = ErrorBody::from_json(body).ok()?;
    let error = decoded.to_error::<LicenseError>().ok()?;
    Some((error, decoded))
}

fn body() -> Vec<u8> {
    let err = LicenseError::NoSeatsAvailable {
        max_seats: 10,
        active_seats: 10,
        next_available_hint: "2026-01-09T10:30:00Z".into(),
    };
    err.envelope().request_id("req_abc123").to_vec()
}

fn benches(c: &mut Criterion) {
    let body = body();
    let (hand_error, message, request_id) = hand_written(&body).expect("hand-written decodes");
    let (typed_error, decoded) = typed(&body).expect("typed decodes");
    assert_eq!(
        Some(&hand_error),
        hand_written_map(&body).map(|(error, ..)| error).as_ref()
    );
    assert_eq!(hand_error, typed_error);
    assert_eq!(decoded.message(), message);
    assert_eq!(decoded.request_id(), Some(request_id.as_str()));

    let mut group = c.benchmark_group("decode");
    group.bench_function("typed", |b| b.iter(|| typed(black_box(&body))));
    group.bench_function("hand-written", |b| {
        b.iter(|| hand_written(black_box(&body)))
    });
    group.bench_function("hand-written-map", |b| {
        b.iter(|| hand_written_map(black_box(&body)));
    });
    group.finish();
}

/// The fastest batch of each contender, in ns per body, the contenders taking turns.
fn interleaved(body: &[u8], contenders: &[fn(&[u8]) -> bool]) -> Vec<f64> {
    const BATCH: u32 = 1_000;
    let mut fastest = vec![f64::INFINITY; contenders.len()];
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for (contender, fastest) in contenders.iter().zip(&mut fastest) {
            let batch = Instant::now();
            for _ in 0..BATCH {
                black_box(contender(black_box(body)));
            }
            let ns = batch.elapsed().as_secs_f64() * 1e9 / f64::from(BATCH);
            *fastest = fastest.min(ns);
        }
    }
    fastest
}

fn main() {
    let start = SystemTime::now();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();

    if let Some(hand) = common::estimates("decode", "hand-written", start) {
        criterion_ratios(hand, start);
    }

    // `cargo test --benches` and `--list` only check that the benchmarks run.
    if std::env::args().any(|arg| arg == "--test" || arg == "--list") {
        return;
    }
    let body = body();
    let contenders: [fn(&[u8]) -> bool; 3] = [
        |body| typed(body).is_some(),
        |body| hand_written(body).is_some(),
        |body| hand_written_map(body).is_some(),
    ];
    let fastest = interleaved(&body, &contenders);
    println!("\ninterleaved, fastest batch of 1,000 (ns per body), ratio to hand-written");
    for (name, ns) in ["typed", "hand-written", "hand-written-map"]
        .iter()
        .zip(&fastest)
    {
        println!("  {name:<18} {ns:>6.0}   {:>5.2}x", ns / fastest[1]);
    }
}

/// The ratios of criterion's estimates of this run to those of `hand-written`.
fn criterion_ratios(hand: (f64, f64), start: SystemTime) {
    println!("\nratio to hand-written, ns per body (target for typed <= 1.50x)");
    println!(
        "  {:<18} {:>26}   {:>26}",
        "", "criterion's estimate", "median"
    );
    for function in ["typed", "hand-written-map"] {
        if let Some(other) = common::estimates("decode", function, start) {
            println!(
                "  {function:<18} {:>6.0} / {:>5.0} = {:>5.2}x   {:>6.0} / {:>5.0} = {:>5.2}x",
                other.0,
                hand.0,
                other.0 / hand.0,
                other.1,
                hand.1,
                other.1 / hand.1,
            );
        }
    }
}
