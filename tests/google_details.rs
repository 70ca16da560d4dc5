//! The `google.rpc.BadRequest` and `google.rpc.Help` details of the Google JSON body:
//! written byte for byte, read back by the decoder, left out when they do not apply,
//! and odd or huge field paths never a panic.

use error_catalog::{ApiError, ErrorBody, FieldError, FieldErrors, FieldPath, Format};
use proptest::prelude::*;
use serde_json::Value;

/// Signup errors, documented.
#[derive(Debug, ApiError)]
#[api_error(format = "google", docs = "https://docs.example.com/errors")]
pub enum SignupError {
    /// The request has invalid fields.
    #[error(
        code = "validation_error",
        status = 400,
        message = "Request validation failed"
    )]
    Validation {
        #[error(flatten)]
        errors: FieldErrors,
    },
    /// Slow down.
    #[error(code = "rate_limited", status = 429, message = "Too many requests")]
    RateLimited {
        #[error(retry_after)]
        retry_after: u64,
    },
}

/// The same without docs.
#[derive(Debug, ApiError)]
#[api_error(format = "google")]
pub enum UndocumentedError {
    #[error(code = "invalid_input", status = 422, message = "Invalid input")]
    Invalid {
        #[error(flatten)]
        errors: FieldErrors,
    },
}

fn two_errors() -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.push(
        FieldError::new("email", "Must be a valid email address").with_code("invalid_format"),
    );
    errors.add(
        FieldPath::new("items").index(0).key("sku"),
        "SKU is required",
    );
    errors
}

#[test]
fn the_google_body_carries_a_bad_request_and_a_help_link_byte_for_byte() {
    let error = SignupError::Validation {
        errors: two_errors(),
    };
    let json = error.envelope().request_id("req_1").to_json();
    assert_eq!(
        json,
        concat!(
            r#"{"error":{"code":400,"message":"Request validation failed","status":"INVALID_ARGUMENT","details":["#,
            r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_ERROR","metadata":{"errors":"#,
            r#""[{\"field\":\"email\",\"code\":\"invalid_format\",\"message\":\"Must be a valid email address\"},"#,
            r#"{\"field\":\"items.0.sku\",\"message\":\"SKU is required\"}]"}},"#,
            r#"{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req_1"},"#,
            r#"{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":["#,
            r#"{"field":"email","description":"Must be a valid email address","reason":"INVALID_FORMAT"},"#,
            r#"{"field":"items.0.sku","description":"SKU is required"}]},"#,
            r#"{"@type":"type.googleapis.com/google.rpc.Help","links":["#,
            r#"{"description":"Validation error","url":"https://docs.example.com/errors/validation_error"}]}"#,
            r#"]}}"#,
        )
    );
}

#[test]
fn the_decoder_reads_both_back() {
    let error = SignupError::Validation {
        errors: two_errors(),
    };
    let body: ErrorBody = error.envelope().to_json().parse().unwrap();
    assert_eq!(body.format(), Format::Google);
    let violations: Vec<(String, &str, Option<&str>)> = body
        .field_violations()
        .unwrap()
        .iter()
        .map(|e| (e.path().to_string(), e.message(), e.code()))
        .collect();
    assert_eq!(
        violations,
        [
            (
                "email".to_owned(),
                "Must be a valid email address",
                Some("INVALID_FORMAT")
            ),
            ("items.0.sku".to_owned(), "SKU is required", None),
        ]
    );
    let link = &body.help_links()[0];
    assert_eq!(
        (link.description(), link.url()),
        (
            "Validation error",
            "https://docs.example.com/errors/validation_error"
        )
    );
    assert_eq!(body.help_links().len(), 1);
    // The metadata still holds the whole list, codes as sent.
    let metadata: FieldErrors = serde_json::from_value(body.details()["errors"].clone()).unwrap();
    assert_eq!(metadata, two_errors());
}

#[test]
fn no_bad_request_for_empty_field_errors_and_no_help_without_docs() {
    let empty = SignupError::Validation {
        errors: FieldErrors::new(),
    };
    let json = empty.envelope().to_json();
    assert!(!json.contains("BadRequest"), "{json}");
    assert!(json.contains("google.rpc.Help"), "{json}");
    let body: ErrorBody = json.parse().unwrap();
    assert_eq!(body.field_violations(), None);

    // An error without field errors: a Help only.
    let json = SignupError::RateLimited { retry_after: 5 }
        .envelope()
        .to_json();
    assert!(
        !json.contains("BadRequest") && json.contains("google.rpc.Help"),
        "{json}"
    );

    // A type without docs: a BadRequest only.
    let json = UndocumentedError::Invalid {
        errors: two_errors(),
    }
    .envelope()
    .to_json();
    assert!(
        json.contains("BadRequest") && !json.contains("google.rpc.Help"),
        "{json}"
    );
    let body: ErrorBody = json.parse().unwrap();
    assert_eq!(body.field_violations().unwrap().len(), 2);
    assert!(body.help_links().is_empty());

    // Other formats carry neither.
    let json = UndocumentedError::Invalid {
        errors: two_errors(),
    }
    .envelope()
    .format(Format::Nested)
    .to_json();
    let body: ErrorBody = json.parse().unwrap();
    assert_eq!(body.field_violations(), None);
    assert!(body.help_links().is_empty());
}

#[test]
fn bodies_from_elsewhere_missing_members_are_empty_and_wrong_types_are_errors() {
    let body = |details: &str| {
        format!(
            r#"{{"error":{{"code":400,"message":"Bad","status":"INVALID_ARGUMENT","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"BAD"}},{details}]}}}}"#
        )
    };
    // Protobuf's JSON leaves out empty strings: a missing member is empty.
    let decoded: ErrorBody = body(r#"{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"a"},{}]},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"url":"https://x"}]}"#)
        .parse()
        .unwrap();
    let violations = decoded.field_violations().unwrap();
    assert_eq!(violations.len(), 2);
    assert_eq!(violations.iter().next().unwrap().message(), "");
    assert_eq!(decoded.help_links()[0].description(), "");
    assert_eq!(decoded.help_links()[0].url(), "https://x");
    // A BadRequest without violations is still one.
    let decoded: ErrorBody = body(r#"{"@type":"type.googleapis.com/google.rpc.BadRequest"}"#)
        .parse()
        .unwrap();
    assert_eq!(decoded.field_violations().map(FieldErrors::len), Some(0));

    for (details, member) in [
        (
            r#"{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":{}}"#,
            "error.details[BadRequest].fieldViolations",
        ),
        (
            r#"{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[1]}"#,
            "error.details[BadRequest].fieldViolations[]",
        ),
        (
            r#"{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":7}]}"#,
            "error.details[BadRequest].fieldViolations[]",
        ),
        (
            r#"{"@type":"type.googleapis.com/google.rpc.Help","links":"https://x"}"#,
            "error.details[Help].links",
        ),
        (
            r#"{"@type":"type.googleapis.com/google.rpc.Help","links":[{"url":false}]}"#,
            "error.details[Help].links[]",
        ),
    ] {
        let error = body(details).parse::<ErrorBody>().unwrap_err();
        assert_eq!(error.member(), Some(member), "{details}: {error}");
    }
}

/// Text of any characters: control characters, quotes, backslashes, dots, surrogates'
/// neighbours, emoji.
fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[.\\\\\"/~#%\u{0}-\u{1f}\u{7f}\u{fffd}\u{10ffff}é名🙂]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn odd_field_paths_go_round_trip(
        errors in proptest::collection::vec((proptest::collection::vec(odd_text(), 1..4), odd_text()), 1..5)
    ) {
        let mut sent = FieldErrors::new();
        for (segments, message) in &errors {
            let mut path = FieldPath::new(segments[0].clone());
            for segment in &segments[1..] {
                path = path.key(segment.clone());
            }
            sent.add(path, message.clone());
        }
        let json = UndocumentedError::Invalid { errors: sent.clone() }.envelope().to_json();
        let value: Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(value["error"]["details"].as_array().unwrap().len(), 2);
        let body: ErrorBody = json.parse().unwrap();
        prop_assert_eq!(body.field_violations(), Some(&sent));
    }
}

#[test]
fn a_huge_field_path_never_panics() {
    let long = "é".repeat(100_000);
    let mut errors = FieldErrors::new();
    errors.add(
        FieldPath::new(long.clone()).key("..\\.."),
        "x".repeat(400_000),
    );
    let json = UndocumentedError::Invalid { errors }.envelope().to_json();
    // Larger than a body the decoder accepts: an error, not a panic.
    assert!(json.len() > ErrorBody::MAX_SIZE);
    assert!(json.parse::<ErrorBody>().is_err());

    let mut errors = FieldErrors::new();
    errors.add(FieldPath::new("é".repeat(100_000)).key("..\\.."), "ok");
    let json = UndocumentedError::Invalid { errors }.envelope().to_json();
    let body: ErrorBody = json.parse().unwrap();
    let path = body
        .field_violations()
        .unwrap()
        .iter()
        .next()
        .unwrap()
        .path();
    assert_eq!(path.segments().next().unwrap().len(), 200_000);
    assert_eq!(path.segments().nth(1), Some("..\\.."));
}
