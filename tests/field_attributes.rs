//! Field attributes and detail fields: `skip`, `rename`, `example`, `Option` fields left
//! out when `None`, and each field's catalog entry (name, Rust type, JSON type, example).

mod common;

use std::collections::{BTreeMap, HashMap};

use common::details;
use error_catalog::{ApiError, ExampleValue, JsonType};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Range {
    min: u32,
    max: u32,
}

#[derive(Debug, ApiError)]
pub enum Fields {
    #[error(code = "fields_all", status = 422, message = "Invalid {kind}")]
    All {
        #[error(rename = "type", example = "project")]
        kind: String,
        #[error(example = 10)]
        max_seats: u32,
        #[error(example = -3)]
        offset: i64,
        #[error(example = 0.25)]
        ratio: f64,
        #[error(example = true)]
        strict: bool,
        #[error(example = ["read:projects", "write:projects"])]
        scopes: Vec<String>,
        next_available_hint: Option<String>,
        limits: HashMap<String, u32>,
        ordered: BTreeMap<String, u32>,
        range: Range,
        #[error(skip)]
        password: String,
        r#ref: &'static str,
    },
}

#[test]
fn skip_rename_and_optional_fields_in_details() {
    let err = Fields::All {
        kind: "project".into(),
        max_seats: 10,
        offset: -3,
        ratio: 0.25,
        strict: true,
        scopes: vec!["read:projects".into()],
        next_available_hint: None,
        limits: HashMap::new(),
        ordered: BTreeMap::from([("a".into(), 1)]),
        range: Range { min: 1, max: 5 },
        password: "hunter2".into(),
        r#ref: "main",
    };
    // The message names the field; the detail key is its rename.
    assert_eq!(err.to_string(), "Invalid project");
    assert_eq!(
        details(&err),
        [
            ("type", r#""project""#.into()),
            ("max_seats", "10".into()),
            ("offset", "-3".into()),
            ("ratio", "0.25".into()),
            ("strict", "true".into()),
            ("scopes", r#"["read:projects"]"#.into()),
            ("limits", "{}".into()),
            ("ordered", r#"{"a":1}"#.into()),
            ("range", r#"{"min":1,"max":5}"#.into()),
            ("ref", r#""main""#.into()),
        ]
    );
}

#[test]
fn some_option_fields_are_details() {
    let err = Fields::All {
        kind: "k".into(),
        max_seats: 1,
        offset: 0,
        ratio: 1.0,
        strict: false,
        scopes: vec![],
        next_available_hint: Some("2026-01-09T10:30:00Z".into()),
        limits: HashMap::new(),
        ordered: BTreeMap::new(),
        range: Range { min: 0, max: 0 },
        password: String::new(),
        r#ref: "r",
    };
    let seen = details(&err);
    assert_eq!(
        seen[6],
        ("next_available_hint", r#""2026-01-09T10:30:00Z""#.into())
    );
    assert_eq!(seen.len(), 11);
}

#[test]
fn field_specs_name_type_json_type_and_example() {
    let fields = Fields::CATALOG[0].fields();
    let table: Vec<(&str, &str, JsonType, bool)> = fields
        .iter()
        .map(|f| (f.name(), f.rust_type(), f.json_type(), f.optional()))
        .collect();
    assert_eq!(
        table,
        [
            ("type", "String", JsonType::String, false),
            ("max_seats", "u32", JsonType::Integer, false),
            ("offset", "i64", JsonType::Integer, false),
            ("ratio", "f64", JsonType::Number, false),
            ("strict", "bool", JsonType::Boolean, false),
            ("scopes", "Vec<String>", JsonType::Array, false),
            (
                "next_available_hint",
                "Option<String>",
                JsonType::String,
                true
            ),
            ("limits", "HashMap<String, u32>", JsonType::Object, false),
            ("ordered", "BTreeMap<String, u32>", JsonType::Object, false),
            ("range", "Range", JsonType::Any, false),
            ("ref", "&'static str", JsonType::String, false),
        ]
    );
    let examples: Vec<Option<ExampleValue>> = fields.iter().map(|f| f.example()).collect();
    assert_eq!(
        examples[..6],
        [
            Some(ExampleValue::String("project")),
            Some(ExampleValue::Integer(10)),
            Some(ExampleValue::Integer(-3)),
            Some(ExampleValue::Number(0.25)),
            Some(ExampleValue::Bool(true)),
            Some(ExampleValue::Array(&[
                ExampleValue::String("read:projects"),
                ExampleValue::String("write:projects"),
            ])),
        ]
    );
    assert!(examples[6..].iter().all(Option::is_none));
}
