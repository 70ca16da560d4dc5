//! The OpenAPI export's schemas, in every format: a details schema per code with each
//! field typed, a body schema per code with the code pinned, responses that are a
//! `oneOf` of the bodies (with a discriminator where the code is a top-level member),
//! and component names that never merge two codes.

use std::collections::BTreeMap;

use error_catalog::{ApiError, Catalog, FieldErrors, Format, catalog};
use serde_json::{Value, json};

/// A timestamp type named like chrono's: the catalog reads the type's name.
#[derive(Debug, serde::Serialize)]
pub struct DateTime(&'static str);

/// A type whose JSON shape the derive cannot tell.
#[derive(Debug, serde::Serialize)]
pub struct Opaque;

/// Shipping errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested", docs = "https://docs.example.com/errors")]
pub enum ShipError {
    /// The parcel is too heavy.
    #[error(code = "too_heavy", status = 409, message = "Too heavy")]
    TooHeavy {
        #[error(example = 30)]
        max_kg: u32,
        ratio: f64,
        fragile: bool,
        #[error(example = ["box"])]
        packaging: Vec<String>,
        labels: BTreeMap<String, String>,
        #[error(example = "2026-01-09T10:00:00Z")]
        ready_at: DateTime,
        hint: Option<String>,
        other: Opaque,
        #[error(example = "Heavy parcel")]
        title: String,
    },
    /// The address is invalid.
    #[error(code = "bad_address", status = 422, message = "Bad address")]
    BadAddress {
        #[error(flatten, example = "address.zip: Must be 5 digits")]
        errors: FieldErrors,
    },
    /// The depot is closed.
    #[error(code = "depot_closed", status = 409, message = "Depot closed")]
    DepotClosed,
}

static SHIPPING: Catalog = catalog!(ShipError);

fn document(format: Format) -> Value {
    SHIPPING.openapi().format(format).value()
}

fn schema<'d>(doc: &'d Value, name: &str) -> &'d Value {
    let schema = &doc["components"]["schemas"][name];
    assert!(schema.is_object(), "no schema {name}");
    schema
}

/// The JSON types of `too_heavy`'s fields as Nested and Flat details, with the
/// examples of the example bodies.
fn too_heavy_details() -> Value {
    json!({
        "type": "object",
        "required": ["max_kg", "ratio", "fragile", "packaging", "labels", "ready_at", "other", "title"],
        "properties": {
            "max_kg": {"type": "integer", "example": 30},
            "ratio": {"type": "number", "example": 1.5},
            "fragile": {"type": "boolean", "example": true},
            "packaging": {"type": "array", "example": ["box"]},
            "labels": {"type": "object", "additionalProperties": {}, "example": {}},
            "ready_at": {"type": "string", "format": "date-time", "example": "2026-01-09T10:00:00Z"},
            "hint": {"type": "string", "example": "string"},
            "other": {},
            "title": {"type": "string", "example": "Heavy parcel"},
        },
    })
}

#[test]
fn nested_details_are_typed_and_referenced_from_the_body() {
    let doc = document(Format::Nested);
    assert_eq!(*schema(&doc, "TooHeavyDetails"), too_heavy_details());
    let body = schema(&doc, "TooHeavyBody");
    assert_eq!(body["description"], "The parcel is too heavy.");
    let error = &body["properties"]["error"];
    assert_eq!(
        error["properties"]["code"],
        json!({"type": "string", "enum": ["too_heavy"]})
    );
    assert_eq!(
        error["properties"]["details"],
        json!({"$ref": "#/components/schemas/TooHeavyDetails"})
    );
    assert_eq!(error["required"], json!(["code", "message", "details"]));
    // A code without detail fields never sends `details`.
    let closed = &schema(&doc, "DepotClosedBody")["properties"]["error"];
    assert!(closed["properties"].get("details").is_none(), "{closed:#}");
    assert_eq!(closed["required"], json!(["code", "message"]));
    assert!(
        doc["components"]["schemas"]
            .get("DepotClosedDetails")
            .is_none()
    );
    // Field errors in the list layout.
    assert_eq!(
        *schema(&doc, "BadAddressDetails"),
        json!({
            "type": "object",
            "properties": {"errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["field", "message"],
                    "properties": {
                        "field": {"type": "string"},
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
                "example": [{"field": "address.zip", "message": "Must be 5 digits"}],
            }},
        })
    );
}

#[test]
fn flat_details_and_the_field_keyed_map_of_field_errors() {
    let doc = document(Format::Flat);
    assert_eq!(*schema(&doc, "TooHeavyDetails"), too_heavy_details());
    let body = schema(&doc, "TooHeavyBody");
    assert_eq!(
        body["properties"]["code"],
        json!({"type": "string", "enum": ["too_heavy"]})
    );
    assert_eq!(body["required"], json!(["code", "message", "details"]));
    assert_eq!(
        *schema(&doc, "BadAddressDetails"),
        json!({
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            },
        })
    );
}

#[test]
fn problem_details_are_members_of_the_body() {
    let doc = document(Format::Problem);
    assert!(
        doc["components"]["schemas"]
            .get("TooHeavyDetails")
            .is_none()
    );
    let body = schema(&doc, "TooHeavyBody");
    let properties = &body["properties"];
    let details = too_heavy_details();
    for (name, field) in details["properties"].as_object().unwrap() {
        if name == "title" {
            // The body's own `title` is never overwritten by a detail.
            assert_eq!(properties["title"], json!({"type": "string"}));
        } else {
            assert_eq!(properties[name], *field, "{name}");
        }
    }
    assert_eq!(
        properties["code"],
        json!({"type": "string", "enum": ["too_heavy"]})
    );
    assert_eq!(
        body["required"],
        json!([
            "type",
            "title",
            "status",
            "detail",
            "code",
            "max_kg",
            "ratio",
            "fragile",
            "packaging",
            "labels",
            "ready_at",
            "other"
        ])
    );
    // RFC 9457 `errors` with pointers.
    let errors = &schema(&doc, "BadAddressBody")["properties"]["errors"];
    assert_eq!(
        errors["items"]["required"],
        json!(["detail", "pointer"]),
        "{errors:#}"
    );
    assert_eq!(
        errors["example"],
        json!([{"detail": "Must be 5 digits", "pointer": "#/address/zip"}])
    );
}

#[test]
fn google_details_are_the_metadata_strings() {
    let doc = document(Format::Google);
    let details = schema(&doc, "TooHeavyDetails");
    let properties = details["properties"].as_object().unwrap();
    assert!(
        properties.values().all(|p| p["type"] == "string"),
        "{details:#}"
    );
    assert_eq!(properties["max_kg"]["example"], "30");
    assert_eq!(properties["packaging"]["example"], r#"["box"]"#);
    assert_eq!(properties["other"]["example"], "null");
    let contains =
        &schema(&doc, "TooHeavyBody")["properties"]["error"]["properties"]["details"]["contains"];
    assert_eq!(
        *contains,
        json!({
            "properties": {
                "reason": {"type": "string", "enum": ["TOO_HEAVY"]},
                "metadata": {"$ref": "#/components/schemas/TooHeavyDetails"},
            },
            "required": ["reason", "metadata"],
        })
    );
    // Field errors: one metadata string, which an empty list leaves out.
    let errors = &schema(&doc, "BadAddressDetails")["properties"]["errors"];
    assert_eq!(errors["type"], "string");
    let contains =
        &schema(&doc, "BadAddressBody")["properties"]["error"]["properties"]["details"]["contains"];
    assert_eq!(contains["required"], json!(["reason"]));
}

#[test]
fn compact_bodies_pin_the_code_and_have_no_details() {
    let doc = document(Format::Compact);
    let names: Vec<&String> = doc["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        names,
        [
            "BadAddressBody",
            "CompactError",
            "DepotClosedBody",
            "TooHeavyBody"
        ]
    );
    assert_eq!(
        schema(&doc, "TooHeavyBody")["properties"]["error"],
        json!({"type": "string", "description": "The error code.", "enum": ["too_heavy"]})
    );
}

#[test]
fn a_discriminator_where_the_code_is_a_top_level_member() {
    for (format, member) in [
        (Format::Flat, Some("code")),
        (Format::Problem, Some("code")),
        (Format::Compact, Some("error")),
        (Format::Nested, None),
        (Format::Google, None),
    ] {
        let doc = document(format);
        let content = &doc["components"]["responses"]["Error409"]["content"];
        let (_, media) = content.as_object().unwrap().iter().next().unwrap();
        let schema = &media["schema"];
        let bodies = json!([
            {"$ref": "#/components/schemas/TooHeavyBody"},
            {"$ref": "#/components/schemas/DepotClosedBody"},
        ]);
        assert_eq!(schema["oneOf"], bodies, "{format}");
        match member {
            Some(member) => assert_eq!(
                schema["discriminator"],
                json!({
                    "propertyName": member,
                    "mapping": {
                        "too_heavy": "#/components/schemas/TooHeavyBody",
                        "depot_closed": "#/components/schemas/DepotClosedBody",
                    },
                }),
                "{format}"
            ),
            None => assert!(schema.get("discriminator").is_none(), "{format}"),
        }
        // Each mapped body holds its code as the only value of that member.
        if let Some(member) = member {
            for (code, reference) in schema["discriminator"]["mapping"].as_object().unwrap() {
                let body = resolve(&doc, reference.as_str().unwrap());
                assert_eq!(
                    body["properties"][member]["enum"],
                    json!([code]),
                    "{format}"
                );
                assert!(
                    body["required"]
                        .as_array()
                        .unwrap()
                        .contains(&json!(member))
                );
            }
        }
    }
}

fn resolve<'d>(doc: &'d Value, reference: &str) -> &'d Value {
    doc.pointer(reference.trim_start_matches('#'))
        .unwrap_or_else(|| panic!("{reference} does not resolve"))
}

/// Every `$ref` under `value`.
fn references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            if let Some(Value::String(reference)) = members.get("$ref") {
                out.push(reference.clone());
            }
            members.values().for_each(|v| references(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, out)),
        _ => {}
    }
}

#[test]
fn property_examples_are_those_of_the_example_bodies() {
    for format in [Format::Nested, Format::Flat, Format::Problem] {
        let doc = document(format);
        for spec in &SHIPPING {
            let status = spec.status_u16();
            let content = &doc["components"]["responses"][format!("Error{status}")]["content"]
                [format.content_type()];
            let example = &content["examples"][spec.code()]["value"];
            let body = resolve(
                &doc,
                &format!("#/components/schemas/{}", body_name(spec.code())),
            );
            let (properties, values) = match format {
                Format::Nested => (
                    resolve_details(&doc, &body["properties"]["error"]["properties"]["details"]),
                    &example["error"]["details"],
                ),
                Format::Flat => (
                    resolve_details(&doc, &body["properties"]["details"]),
                    &example["details"],
                ),
                _ => (body["properties"].clone(), example),
            };
            let Some(properties) = properties.as_object() else {
                continue;
            };
            for (name, property) in properties {
                if let Some(sample) = property.get("example") {
                    assert_eq!(values[name], *sample, "{format} {} {name}", spec.code());
                }
            }
        }
    }
}

fn resolve_details(doc: &Value, details: &Value) -> Value {
    match details.get("$ref") {
        Some(reference) => resolve(doc, reference.as_str().unwrap())["properties"].clone(),
        None => Value::Null,
    }
}

/// `too_heavy`: `TooHeavyBody` (no code in this file collides).
fn body_name(code: &str) -> String {
    let camel: String = code
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    format!("{camel}Body")
}

/// Codes that camel-case alike (with distinct Google reasons, which the derive
/// requires), and codes whose names would be those of an envelope.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum Alike {
    /// Snake.
    #[error(code = "item_v2", status = 404, message = "Not found")]
    Snake { id: u32 },
    /// The digit a word of its own: another reason, the same camel case.
    #[error(code = "item_v_2", status = 404, message = "Not found")]
    Kebab { name: String },
    /// Named like the Flat envelope, which ends in `Error`, not `Body`.
    #[error(code = "flat", status = 400, message = "Flat")]
    Flat,
    /// Named like the Problem envelope.
    #[error(code = "problem", status = 400, message = "Problem")]
    Problem { reason: String },
}

#[test]
fn codes_that_camel_case_alike_keep_components_of_their_own() {
    let doc = catalog!(Alike).openapi().value();
    let schemas = &doc["components"]["schemas"];
    let names: Vec<&String> = schemas.as_object().unwrap().keys().collect();
    // By name (a `Value` sorts its members). `problem` would be named like the Problem
    // envelope `ProblemDetails`, which stays reserved even in a document without it.
    assert_eq!(
        names,
        [
            "FlatBody",
            "FlatError",
            "ItemV2Body",
            "ItemV2Details",
            "ItemV2_2Body",
            "ItemV2_2Details",
            "Problem_2Body",
            "Problem_2Details",
        ]
    );
    // Each keeps its own code and details.
    assert_eq!(
        schemas["ItemV2Body"]["properties"]["code"]["enum"],
        json!(["item_v2"])
    );
    assert_eq!(
        schemas["ItemV2_2Body"]["properties"]["code"]["enum"],
        json!(["item_v_2"])
    );
    assert!(schemas["ItemV2Details"]["properties"]["id"].is_object());
    assert!(schemas["ItemV2_2Details"]["properties"]["name"].is_object());
    // The Flat envelope is still the envelope.
    assert_eq!(
        schemas["FlatError"]["properties"]["code"],
        json!({"type": "string"})
    );
    let mut found = Vec::new();
    references(&doc, &mut found);
    assert!(found.len() > 5);
    for reference in found {
        resolve(&doc, &reference);
    }
}

/// Whether the properties `names` come in this order in the schema `name` of `text`.
fn in_order(text: &str, name: &str, names: &[&str]) {
    let start = text.find(&format!("\"{name}\": {{")).unwrap();
    let end = text[start + 1..]
        .find("\n      \"")
        .map_or(text.len(), |end| start + 1 + end);
    let schema = &text[start..end];
    let at = |name: &str| {
        schema
            .find(&format!("\"{name}\": {{"))
            .unwrap_or_else(|| panic!("{name} not in {schema}"))
    };
    for pair in names.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{pair:?} in {schema}");
    }
}

#[test]
fn properties_are_written_in_wire_and_declaration_order() {
    let fields = [
        "max_kg",
        "ratio",
        "fragile",
        "packaging",
        "labels",
        "ready_at",
        "hint",
        "other",
        "title",
    ];
    let nested = SHIPPING.openapi().to_json();
    in_order(&nested, "TooHeavyDetails", &fields);
    in_order(
        &nested,
        "TooHeavyBody",
        &["error", "code", "message", "details", "meta"],
    );
    let problem = SHIPPING.openapi().format(Format::Problem).to_json();
    let mut members = vec!["type", "title", "status", "detail", "instance", "code"];
    members.extend(&fields[..8]);
    members.push("request_id");
    in_order(&problem, "TooHeavyBody", &members);
}
