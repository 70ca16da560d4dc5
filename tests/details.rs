//! Details: which fields are serialized and how (any `Serialize` type, `Option`, nested
//! structs, timestamps, `rename`, `flatten`), which never are (sources, `skip`, tuple
//! fields), and bodies that stay valid JSON for odd Unicode, huge values and details
//! whose `Serialize` fails.

// The derive's expansion for flatten, header, Option and source fields passes strict lints.
#![deny(warnings, unused_qualifications, clippy::pedantic)]

mod common;

use std::collections::{BTreeMap, HashMap};

use common::{Timestamp, body, parse};
use error_catalog::{ApiError, FieldSpec, Format};
use serde::Serialize;
use serde_json::{Value, json};

#[derive(Debug, Serialize)]
pub struct Quota {
    used: u32,
    limit: u32,
    window: Window,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    PerMinute,
}

#[derive(Debug, Serialize)]
pub struct Labels {
    team: &'static str,
    tier: u8,
}

#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum Sample {
    #[error(code = "rich", status = 400, message = "Rich {name}")]
    Rich {
        name: String,
        count: u64,
        ratio: f64,
        delta: i32,
        flag: bool,
        tags: Vec<String>,
        quota: Quota,
        at: Timestamp,
        present: Option<String>,
        absent: Option<u32>,
        #[error(rename = "type")]
        kind: &'static str,
        #[error(skip)]
        internal_note: String,
    },

    #[error(code = "optional_only", status = 400, message = "Optional only")]
    OptionalOnly { hint: Option<String> },

    #[error(code = "tuple", status = 400, message = "Tuple {0} {1}")]
    Tuple(String, u32),

    #[error(code = "from_io", status = 500, message = "I/O failed")]
    FromIo(#[from] std::io::Error),

    #[error(code = "flattened", status = 400, message = "Flattened")]
    Flattened {
        id: u32,
        #[error(flatten)]
        labels: Labels,
        #[error(flatten)]
        extra: BTreeMap<u16, bool>,
        #[error(flatten)]
        maybe: Option<BTreeMap<String, String>>,
    },

    #[error(code = "broken", status = 400, message = "Broken")]
    Broken {
        before: String,
        map: HashMap<(u8, u8), u32>,
        after: u32,
    },

    #[error(code = "broken_flatten", status = 400, message = "Broken flatten")]
    BrokenFlatten {
        #[error(flatten)]
        number: u32,
        kept: bool,
    },

    #[error(code = "text", status = 422, message = "Bad value: {value}")]
    Text {
        value: String,
        #[error(header = "X-Echo")]
        echo: String,
    },

    #[error(code = "huge", status = 413, message = "Huge")]
    Huge { blob: String, numbers: Vec<u64> },
}

fn rich() -> Sample {
    Sample::Rich {
        name: "alpha".into(),
        count: u64::MAX,
        ratio: 0.25,
        delta: -7,
        flag: true,
        tags: vec!["a".into(), "b".into()],
        quota: Quota {
            used: 10,
            limit: 10,
            window: Window::PerMinute,
        },
        at: Timestamp::utc(2026, 1, 9, 10, 0, 0),
        present: Some("here".into()),
        absent: None,
        kind: "hidden-in-problem",
        internal_note: "INTERNAL-NOTE".into(),
    }
}

#[test]
fn any_serialize_type_is_a_detail() {
    assert_eq!(
        body(&rich(), Format::Flat),
        json!({
            "code": "rich",
            "message": "Rich alpha",
            "details": {
                "name": "alpha",
                "count": 18_446_744_073_709_551_615_u64,
                "ratio": 0.25,
                "delta": -7,
                "flag": true,
                "tags": ["a", "b"],
                "quota": {"used": 10, "limit": 10, "window": "per_minute"},
                "at": "2026-01-09T10:00:00Z",
                "present": "here",
                "type": "hidden-in-problem"
            }
        })
    );
}

#[test]
fn problem_members_win_over_details_and_google_metadata_is_strings() {
    assert_eq!(
        body(&rich(), Format::Problem),
        json!({
            "type": "about:blank",
            "title": "Rich",
            "status": 400,
            "detail": "Rich alpha",
            "code": "rich",
            "name": "alpha",
            "count": 18_446_744_073_709_551_615_u64,
            "ratio": 0.25,
            "delta": -7,
            "flag": true,
            "tags": ["a", "b"],
            "quota": {"used": 10, "limit": 10, "window": "per_minute"},
            "at": "2026-01-09T10:00:00Z",
            "present": "here"
        })
    );
    assert_eq!(
        body(&rich(), Format::Google)["error"]["details"][0]["metadata"],
        json!({
            "name": "alpha",
            "count": "18446744073709551615",
            "ratio": "0.25",
            "delta": "-7",
            "flag": "true",
            "tags": "[\"a\",\"b\"]",
            "quota": "{\"used\":10,\"limit\":10,\"window\":\"per_minute\"}",
            "at": "2026-01-09T10:00:00Z",
            "present": "here",
            "type": "hidden-in-problem"
        })
    );
}

/// `details` follows the declaration: present when the variant has detail fields (even
/// if every one is `None`), absent when it has none.
#[test]
fn details_shape_follows_the_declaration() {
    assert_eq!(
        body(&Sample::OptionalOnly { hint: None }, Format::Nested),
        json!({"error": {"code": "optional_only", "message": "Optional only", "details": {}}})
    );
    assert_eq!(
        body(
            &Sample::OptionalOnly {
                hint: Some("x".into())
            },
            Format::Nested
        ),
        json!({"error": {"code": "optional_only", "message": "Optional only", "details": {"hint": "x"}}})
    );
    assert_eq!(
        body(&Sample::OptionalOnly { hint: None }, Format::Google)["error"]["details"][0],
        json!({"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "OPTIONAL_ONLY"})
    );
}

#[test]
fn tuple_fields_sources_and_skipped_fields_are_never_details() {
    let tuple = Sample::Tuple("visible in message".into(), 7);
    assert_eq!(
        body(&tuple, Format::Flat),
        json!({"code": "tuple", "message": "Tuple visible in message 7"})
    );
    assert_eq!(Sample::CATALOG[2].fields(), &[]);
    let io = Sample::from(std::io::Error::other("disk /dev/sda1 failed"));
    for format in Format::ALL {
        let text = io.envelope().format(format).to_json();
        assert!(!text.contains("sda1"), "{format}: {text}");
        let absent = if format == Format::Google {
            "metadata"
        } else {
            "details"
        };
        assert!(!text.contains(absent), "{format}: {text}");
    }
    for format in Format::ALL {
        let text = rich().envelope().format(format).to_json();
        assert!(!text.contains("INTERNAL-NOTE"), "{format}: {text}");
    }
    let names: Vec<&str> = Sample::CATALOG[0]
        .fields()
        .iter()
        .map(FieldSpec::name)
        .collect();
    assert_eq!(
        names,
        [
            "name", "count", "ratio", "delta", "flag", "tags", "quota", "at", "present", "absent",
            "type"
        ]
    );
}

#[test]
fn flattened_structs_and_maps() {
    let err = Sample::Flattened {
        id: 1,
        labels: Labels {
            team: "core",
            tier: 2,
        },
        extra: BTreeMap::from([(404, true), (500, false)]),
        maybe: None,
    };
    assert_eq!(
        body(&err, Format::Flat),
        json!({
            "code": "flattened",
            "message": "Flattened",
            "details": {"id": 1, "team": "core", "tier": 2, "404": true, "500": false}
        })
    );
    assert_eq!(
        body(&err, Format::Google)["error"]["details"][0]["metadata"],
        json!({"id": "1", "team": "core", "tier": "2", "404": "true", "500": "false"})
    );
    let flags: Vec<bool> = Sample::CATALOG[4]
        .fields()
        .iter()
        .map(FieldSpec::flattened)
        .collect();
    assert_eq!(flags, [false, true, true, true]);
    let err = Sample::Flattened {
        id: 2,
        labels: Labels { team: "t", tier: 1 },
        extra: BTreeMap::new(),
        maybe: Some(BTreeMap::from([("k".to_owned(), "v".to_owned())])),
    };
    assert_eq!(
        body(&err, Format::Problem),
        json!({
            "type": "about:blank",
            "title": "Flattened",
            "status": 400,
            "detail": "Flattened",
            "code": "flattened",
            "id": 2,
            "team": "t",
            "tier": 1,
            "k": "v"
        })
    );
}

/// A detail whose `Serialize` fails (here, a map with non-string keys) is left out of
/// the body; the other details stay, in every format. Serializing the envelope through
/// serde directly reports the error instead.
#[test]
fn a_failing_detail_is_left_out() {
    let err = Sample::Broken {
        before: "b".into(),
        map: HashMap::from([((1, 2), 3)]),
        after: 4,
    };
    assert_eq!(
        body(&err, Format::Nested),
        json!({"error": {"code": "broken", "message": "Broken", "details": {"before": "b", "after": 4}}})
    );
    assert_eq!(
        body(&err, Format::Flat),
        json!({"code": "broken", "message": "Broken", "details": {"before": "b", "after": 4}})
    );
    assert_eq!(
        body(&err, Format::Compact),
        json!({"error": "broken", "message": "Broken", "status": 400})
    );
    assert_eq!(
        body(&err, Format::Problem),
        json!({"type": "about:blank", "title": "Broken", "status": 400, "detail": "Broken", "code": "broken", "before": "b", "after": 4})
    );
    assert_eq!(
        body(&err, Format::Google),
        json!({"error": {"code": 400, "message": "Broken", "status": "INVALID_ARGUMENT", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "BROKEN", "metadata": {"before": "b", "after": "4"}}
        ]}})
    );
    // Into a buffer that already holds bytes: they are kept, the body follows them.
    let mut buffer = b"prefix:".to_vec();
    err.envelope().format(Format::Flat).write_json(&mut buffer);
    assert_eq!(
        String::from_utf8(buffer).unwrap(),
        r#"prefix:{"code":"broken","message":"Broken","details":{"before":"b","after":4}}"#
    );
    let direct = serde_json::to_string(&err.envelope().format(Format::Flat));
    assert!(
        direct
            .unwrap_err()
            .to_string()
            .contains("key must be a string")
    );
}

#[test]
fn flattening_a_non_map_is_left_out() {
    let err = Sample::BrokenFlatten {
        number: 5,
        kept: true,
    };
    assert_eq!(
        body(&err, Format::Flat),
        json!({"code": "broken_flatten", "message": "Broken flatten", "details": {"kept": true}})
    );
    let direct = serde_json::to_string(&err.envelope()).unwrap_err();
    assert_eq!(
        direct.to_string(),
        "cannot flatten `number`: only a struct or a map can be flattened, not a number"
    );
}

/// Strings chosen to break naive JSON or header writers.
const ODD: [&str; 9] = [
    "line\u{2028}separator\u{2029}paragraph",
    "🦀 crab, 👩‍💻 ZWJ sequence, 🇫🇷 flag",
    "\u{202E}right-to-left override\u{202C} and \u{200F}RLM",
    "control \u{0} \u{1} \u{8} \u{b} \u{c} \u{1f} \u{7f} \u{9f}",
    "quotes \" and backslash \\ and slash / </script>",
    "new\nline\r\ncarriage\ttab",
    "\u{FEFF}BOM and \u{FFFD} replacement and \u{10FFFF} last",
    "combining e\u{301} and Hangul \u{1100}\u{1161}",
    "",
];

#[test]
fn odd_unicode_gives_valid_json_in_every_format() {
    for text in ODD {
        let err = Sample::Text {
            value: text.to_owned(),
            echo: text.to_owned(),
        };
        let message = format!("Bad value: {text}");
        for format in Format::ALL {
            let envelope = err.envelope().format(format).request_id(text);
            let json = envelope.to_json();
            assert!(
                !json.bytes().any(|b| b < 0x20),
                "{format}: raw control byte in {json:?}"
            );
            let value = parse(&json);
            let (got_message, got_detail, got_id) = match format {
                Format::Nested => (
                    &value["error"]["message"],
                    &value["error"]["details"]["value"],
                    &value["meta"]["request_id"],
                ),
                Format::Flat => (
                    &value["message"],
                    &value["details"]["value"],
                    &value["request_id"],
                ),
                Format::Compact => (&value["message"], &Value::Null, &value["request_id"]),
                Format::Problem => (&value["detail"], &value["value"], &value["request_id"]),
                _ => (
                    &value["error"]["message"],
                    &value["error"]["details"][0]["metadata"]["value"],
                    &value["error"]["details"][1]["requestId"],
                ),
            };
            assert_eq!(got_message, &json!(message), "{format}");
            if format != Format::Compact {
                assert_eq!(got_detail, &json!(text), "{format}");
            }
            assert_eq!(got_id, &json!(text), "{format}");
        }
        // A header value cannot hold control characters: such a header is not sent.
        let headers = err.envelope().headers();
        let sendable = text.bytes().all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f));
        assert_eq!(headers.get("x-echo").is_some(), sendable, "{text:?}");
        if let Some(value) = headers.get("x-echo") {
            assert_eq!(value.as_bytes(), text.as_bytes());
        }
    }
}

#[test]
fn huge_details_give_valid_json() {
    let blob: String = "é🦀\u{2028}\"\\x".repeat(200_000);
    let numbers: Vec<u64> = (0..100_000).collect();
    let err = Sample::Huge {
        blob: blob.clone(),
        numbers: numbers.clone(),
    };
    for format in Format::ALL {
        let value = parse(&err.envelope().format(format).to_json());
        let (got_blob, got_numbers) = match format {
            Format::Nested => (
                value["error"]["details"]["blob"].clone(),
                value["error"]["details"]["numbers"].clone(),
            ),
            Format::Flat => (
                value["details"]["blob"].clone(),
                value["details"]["numbers"].clone(),
            ),
            Format::Problem => (value["blob"].clone(), value["numbers"].clone()),
            Format::Google => {
                let metadata = &value["error"]["details"][0]["metadata"];
                let numbers: Value =
                    serde_json::from_str(metadata["numbers"].as_str().unwrap()).unwrap();
                (metadata["blob"].clone(), numbers)
            }
            _ => {
                assert_eq!(value["error"], json!("huge"));
                continue;
            }
        };
        assert_eq!(got_blob, json!(blob), "{format}");
        assert_eq!(got_numbers, json!(numbers), "{format}");
    }
}
