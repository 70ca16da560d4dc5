//! `FieldErrors`: one value, rendered as a list of `{field, message}` (nested envelope),
//! a map keyed by field (flat bodies) and RFC 9457's pointers, by format or by an
//! explicit layout.

mod common;

use common::body;
use error_catalog::validation::Layout;
use error_catalog::{ApiError, FieldError, FieldErrors, FieldPath, Format};
use serde_json::json;

#[derive(Debug, ApiError)]
#[api_error(format = "problem", docs = "https://docs.example.com/errors")]
pub enum InputError {
    #[error(
        code = "validation_error",
        status = 422,
        message = "Request validation failed"
    )]
    Validation {
        #[error(flatten)]
        errors: FieldErrors,
    },

    #[error(code = "bad_row", status = 400, message = "Row {row} is invalid")]
    BadRow {
        row: u32,
        #[error(flatten)]
        errors: FieldErrors,
    },

    #[error(code = "plain_errors", status = 400, message = "Invalid input")]
    Plain { errors: FieldErrors },
}

fn errors() -> FieldErrors {
    [
        FieldError::new("email", "Must be a valid email address").with_code("invalid_format"),
        FieldError::new(
            FieldPath::new("items").index(0).key("sku"),
            "SKU is required",
        ),
        FieldError::new("a/b~c", "Odd key"),
    ]
    .into_iter()
    .collect()
}

fn validation(errors: FieldErrors) -> InputError {
    InputError::Validation { errors }
}

#[test]
fn every_format_uses_its_layout() {
    let err = validation(errors());
    let list = json!([
        {"field": "email", "code": "invalid_format", "message": "Must be a valid email address"},
        {"field": "items.0.sku", "message": "SKU is required"},
        {"field": "a/b~c", "message": "Odd key"}
    ]);
    assert_eq!(
        body(&err, Format::Nested),
        json!({"error": {"code": "validation_error", "message": "Request validation failed", "details": {"errors": list}}})
    );
    assert_eq!(
        body(&err, Format::Flat),
        json!({
            "code": "validation_error",
            "message": "Request validation failed",
            "details": {
                "email": {"code": "invalid_format", "message": "Must be a valid email address"},
                "items.0.sku": {"message": "SKU is required"},
                "a/b~c": {"message": "Odd key"}
            }
        })
    );
    assert_eq!(
        body(&err, Format::Compact),
        json!({"error": "validation_error", "message": "Request validation failed", "status": 422})
    );
    assert_eq!(
        body(&err, Format::Problem),
        json!({
            "type": "https://docs.example.com/errors/validation_error",
            "title": "Validation error",
            "status": 422,
            "detail": "Request validation failed",
            "code": "validation_error",
            "errors": [
                {"detail": "Must be a valid email address", "pointer": "#/email", "code": "invalid_format"},
                {"detail": "SKU is required", "pointer": "#/items/0/sku"},
                {"detail": "Odd key", "pointer": "#/a~1b~0c"}
            ]
        })
    );
    assert_eq!(
        body(&err, Format::Google),
        json!({"error": {
            "code": 422,
            "message": "Request validation failed",
            "status": "INVALID_ARGUMENT",
            "details": [{
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "VALIDATION_ERROR",
                "metadata": {"errors": concat!(
                    r#"[{"field":"email","code":"invalid_format","message":"Must be a valid email address"},"#,
                    r#"{"field":"items.0.sku","message":"SKU is required"},"#,
                    r#"{"field":"a/b~c","message":"Odd key"}]"#
                )}
            }, {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [
                    {"field": "email", "description": "Must be a valid email address", "reason": "INVALID_FORMAT"},
                    {"field": "items.0.sku", "description": "SKU is required"},
                    {"field": "a/b~c", "description": "Odd key"}
                ]
            }, {
                "@type": "type.googleapis.com/google.rpc.Help",
                "links": [{"description": "Validation error", "url": "https://docs.example.com/errors/validation_error"}]
            }]
        }})
    );
}

#[test]
fn an_explicit_layout_wins_over_the_format() {
    let err = validation(errors().layout(Layout::List));
    assert_eq!(
        body(&err, Format::Problem)["errors"],
        json!([
            {"field": "email", "code": "invalid_format", "message": "Must be a valid email address"},
            {"field": "items.0.sku", "message": "SKU is required"},
            {"field": "a/b~c", "message": "Odd key"}
        ])
    );
    let err = validation(errors().layout(Layout::Pointers));
    assert_eq!(
        body(&err, Format::Nested)["error"]["details"],
        json!({"errors": [
            {"detail": "Must be a valid email address", "pointer": "#/email", "code": "invalid_format"},
            {"detail": "SKU is required", "pointer": "#/items/0/sku"},
            {"detail": "Odd key", "pointer": "#/a~1b~0c"}
        ]})
    );
    let err = validation(errors().layout(Layout::Map));
    assert_eq!(
        body(&err, Format::Nested)["error"]["details"],
        json!({
            "email": {"code": "invalid_format", "message": "Must be a valid email address"},
            "items.0.sku": {"message": "SKU is required"},
            "a/b~c": {"message": "Odd key"}
        })
    );
}

#[test]
fn next_to_other_details_and_as_a_plain_field() {
    let err = InputError::BadRow {
        row: 3,
        errors: errors(),
    };
    assert_eq!(
        body(&err, Format::Flat)["details"],
        json!({
            "row": 3,
            "email": {"code": "invalid_format", "message": "Must be a valid email address"},
            "items.0.sku": {"message": "SKU is required"},
            "a/b~c": {"message": "Odd key"}
        })
    );
    // Not flattened, the value serializes in its own layout (the list unless set).
    let err = InputError::Plain { errors: errors() };
    assert_eq!(
        body(&err, Format::Flat)["details"],
        json!({"errors": [
            {"field": "email", "code": "invalid_format", "message": "Must be a valid email address"},
            {"field": "items.0.sku", "message": "SKU is required"},
            {"field": "a/b~c", "message": "Odd key"}
        ]})
    );
}

#[test]
fn the_map_layout_keeps_the_first_error_of_a_field() {
    let mut errors = FieldErrors::new();
    errors
        .add("password", "Must be at least 12 characters")
        .add("password", "Must contain a digit")
        .add("email", "Must be a valid email address");
    let err = validation(errors);
    assert_eq!(
        body(&err, Format::Flat)["details"],
        json!({
            "password": {"message": "Must be at least 12 characters"},
            "email": {"message": "Must be a valid email address"}
        })
    );
    assert_eq!(
        body(&err, Format::Nested)["error"]["details"]["errors"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
}

#[test]
fn no_errors_no_result() {
    assert_eq!(FieldErrors::new().into_result(), Ok(()));
    let err = validation(FieldErrors::new());
    assert_eq!(
        body(&err, Format::Nested),
        json!({"error": {"code": "validation_error", "message": "Request validation failed", "details": {}}})
    );
    let mut errors = FieldErrors::new();
    errors.extend([FieldError::new("name", "Name is required")]);
    let returned = errors.clone().into_result().unwrap_err();
    assert_eq!(returned, errors);
    let messages: Vec<&str> = returned.iter().map(FieldError::message).collect();
    assert_eq!(messages, ["Name is required"]);
}

#[test]
fn odd_keys_and_messages_stay_valid() {
    let mut errors = FieldErrors::new();
    errors.add(
        FieldPath::new("naïve key").key("emoji 🦀").key("%/~#"),
        "\u{2028}message\u{0} with \"quotes\"",
    );
    let err = validation(errors);
    assert_eq!(
        body(&err, Format::Problem)["errors"],
        json!([{
            "detail": "\u{2028}message\u{0} with \"quotes\"",
            "pointer": "#/na%C3%AFve%20key/emoji%20%F0%9F%A6%80/%25~1~0%23"
        }])
    );
    assert_eq!(
        body(&err, Format::Flat)["details"],
        json!({"naïve key.emoji 🦀.%/~#": {"message": "\u{2028}message\u{0} with \"quotes\""}})
    );
}

#[test]
fn a_dotted_key_and_a_path_of_keys_are_two_fields() {
    let mut errors = FieldErrors::new();
    errors.add("a.b", "The key with a dot");
    errors.add(["a", "b"], "The nested key");
    errors.add(r"a\b", "The key with a backslash");
    errors.add("a.b", "A second error on the key with a dot");
    let err = validation(errors);
    // The map layout keeps one entry per field, the first error of each.
    let map = body(&err, Format::Flat)["details"].clone();
    assert_eq!(
        map,
        json!({
            r"a\.b": {"message": "The key with a dot"},
            "a.b": {"message": "The nested key"},
            r"a\\b": {"message": "The key with a backslash"},
        })
    );
    // Each key reads back as its path.
    let keys: Vec<FieldPath> = map
        .as_object()
        .unwrap()
        .keys()
        .map(|key| key.parse().unwrap())
        .collect();
    assert!(keys.contains(&FieldPath::new("a.b")));
    assert!(keys.contains(&FieldPath::from(["a", "b"])));
    assert!(keys.contains(&FieldPath::new(r"a\b")));
    // The list layout writes the same dotted forms.
    let fields: Vec<String> = body(&err, Format::Nested)["error"]["details"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, [r"a\.b", "a.b", r"a\\b", r"a\.b"]);
}
