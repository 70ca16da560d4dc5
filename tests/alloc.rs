//! Writing an envelope into a reused buffer allocates nothing (Nested, Flat, Compact and
//! Problem). This file is its own test binary, so its counting allocator sees only it;
//! the count is per thread, so tests running in parallel do not disturb each other.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

mod orders;

use error_catalog::{ApiError, Format};
use orders::OrderError;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// Authentication errors.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/errors")]
pub enum AuthError {
    #[error(
        code = "invalid_credentials",
        status = 401,
        message = "The email or password is incorrect"
    )]
    InvalidCredentials,

    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests: {limit} per {window}"
    )]
    RateLimited {
        limit: u32,
        window: String,
        #[error(retry_after)]
        retry_after: u64,
    },

    #[error(code = "quoted", status = 400, message = "Field \"name\" is required")]
    Quoted {
        fields: Vec<&'static str>,
        hint: Option<String>,
    },
}

#[test]
fn the_counter_counts() {
    assert_eq!(allocations(|| drop(Box::new(1u8))), 1);
    assert_eq!(allocations(|| drop(Vec::<u8>::with_capacity(8))), 1);
}

#[test]
fn writing_into_a_reused_buffer_does_not_allocate() {
    let errors = [
        AuthError::InvalidCredentials,
        AuthError::RateLimited {
            limit: 300,
            window: "1 \"minute\" é".into(),
            retry_after: 45,
        },
        AuthError::Quoted {
            fields: vec!["name", "email"],
            hint: Some("see docs".into()),
        },
    ];
    let mut buffer = Vec::with_capacity(1024);
    for error in &errors {
        for format in [
            Format::Nested,
            Format::Flat,
            Format::Compact,
            Format::Problem,
        ] {
            for request_id in [None, Some("req_abc123")] {
                let mut envelope = error.envelope().format(format).instance("/a/1");
                if let Some(id) = request_id {
                    envelope = envelope.request_id(id);
                }
                buffer.clear();
                let count = allocations(|| envelope.write_json(&mut buffer));
                assert_eq!(count, 0, "{} in {format}", error.code());
                assert_eq!(buffer, envelope.to_vec());
            }
        }
    }
}

#[test]
fn a_translation_without_selectors_is_written_without_allocating() {
    use std::fmt::Write as _;
    let errors = [
        OrderError::NotFound { id: "ord_1".into() },
        OrderError::Declined {
            reason: "carte expirée".into(),
        },
    ];
    let mut buffer = String::with_capacity(256);
    for error in &errors {
        for tag in ["fr", "de", "pt", "it"] {
            buffer.clear();
            let message = error.message().locale(tag);
            let count = allocations(|| write!(buffer, "{message}").unwrap());
            assert_eq!(count, 0, "{} in {tag}", error.code());
            assert_eq!(buffer, message.to_string());
        }
    }
    assert_eq!(
        errors[1].message().locale("fr").to_string(),
        "Le paiement a été refusé : carte expirée"
    );
}

#[test]
fn a_translated_envelope_is_written_without_allocating() {
    let errors = [
        OrderError::NotFound { id: "ord_1".into() },
        OrderError::Declined {
            reason: "carte \"expirée\"".into(),
        },
    ];
    let mut buffer = Vec::with_capacity(1024);
    for error in &errors {
        for format in [
            Format::Nested,
            Format::Flat,
            Format::Compact,
            Format::Problem,
        ] {
            for tag in ["fr", "de", "pt", "it"] {
                let envelope = error.envelope().format(format).locale(tag);
                buffer.clear();
                let count = allocations(|| envelope.write_json(&mut buffer));
                assert_eq!(count, 0, "{} in {format}, {tag}", error.code());
                assert_eq!(buffer, serde_json::to_vec(&envelope).unwrap());
            }
        }
    }
}

/// A plural of the common shape (a selector on a field, variants of text and fields) is
/// written without `fluent-bundle`'s resolver: once the locale's runtime is built, it
/// allocates nothing either; and a remembered `Accept-Language` choice allocates nothing.
#[cfg(feature = "i18n")]
#[test]
fn a_plural_and_a_remembered_negotiation_allocate_nothing() {
    use std::fmt::Write as _;
    let mut buffer = String::with_capacity(256);
    for tag in ["fr", "de"] {
        for count in [0, 1, 2, 12, 1_000_000] {
            let error = OrderError::TooMany { count, max: 10 };
            let message = error.message().locale(tag);
            // The first one builds the locale's bundle and prepared messages.
            let _ = message.to_string();
            buffer.clear();
            let allocated = allocations(|| write!(buffer, "{message}").unwrap());
            assert_eq!(allocated, 0, "{count} in {tag}");
            assert_eq!(buffer, message.to_string());
        }
    }
    let error = OrderError::NotFound { id: "ord_1".into() };
    let header = "fr-CA, fr;q=0.9, en;q=0.8";
    assert_eq!(
        error.envelope().negotiate(header).content_language(),
        Some("fr")
    );
    let allocated = allocations(|| {
        let language = error.envelope().negotiate(header).content_language();
        assert_eq!(language, Some("fr"));
    });
    assert_eq!(allocated, 0);
}
