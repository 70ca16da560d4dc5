//! `#[api_error(decode)]` on `Nested` and `Flat` bodies, whose details the decoder keeps
//! as text and the derived impl reads straight from it: members in any order, keys
//! written twice, unknown members, escapes and large bodies give what the map of the
//! details (and the formats read through it, `Problem` and `Google`) gives.

use core::time::Duration;

use error_catalog::{ApiError, DecodeError, DecodeErrorKind, ErrorBody, Format};
use http::{HeaderMap, HeaderValue};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(decode)]
pub enum SeatError {
    #[error(code = "no_seats", status = 409, message = "No seats ({active}/{max})")]
    NoSeats {
        max: u32,
        active: u32,
        hint: String,
        note: Option<String>,
        #[error(rename = "plan_name")]
        plan: Option<String>,
    },

    #[error(code = "throttled", status = 429, message = "Slow down")]
    Throttled {
        #[error(retry_after)]
        retry_after: u64,
    },

    /// More detail fields than one pass takes: read field by field.
    #[error(code = "wide", status = 400, message = "Wide")]
    Wide {
        a: u8,
        b: u8,
        c: u8,
        d: u8,
        e: u8,
        f: u8,
        g: u8,
        h: u8,
        i: u8,
        j: u8,
        k: u8,
        l: u8,
        m: Option<u8>,
    },
}

/// A `Nested` body of `code` with `details` (JSON text), the details first or last.
fn nested(code: &str, details: &str, details_first: bool) -> String {
    if details_first {
        format!(
            r#"{{"meta":{{"request_id":"r"}},"error":{{"details":{details},"message":"m","code":"{code}"}}}}"#
        )
    } else {
        format!(
            r#"{{"error":{{"code":"{code}","message":"m","details":{details}}},"meta":{{"request_id":"r"}}}}"#
        )
    }
}

/// A `Flat` body of `code` with `details`, the details first or last.
fn flat(code: &str, details: &str, details_first: bool) -> String {
    if details_first {
        format!(r#"{{"details":{details},"request_id":"r","message":"m","code":"{code}"}}"#)
    } else {
        format!(r#"{{"code":"{code}","message":"m","request_id":"r","details":{details}}}"#)
    }
}

/// The same code and details as a `Problem` body, whose details are read through a map.
fn problem(code: &str, details: &Map<String, Value>) -> String {
    let mut body = details.clone();
    body.insert("type".into(), json!("about:blank"));
    body.insert("title".into(), json!("t"));
    body.insert("detail".into(), json!("m"));
    body.insert("code".into(), json!(code));
    Value::Object(body).to_string()
}

/// Every text body of `code` and `details`: `Nested` and `Flat`, the details first and
/// last.
fn text_bodies(code: &str, details: &str) -> Vec<String> {
    let mut bodies = Vec::new();
    for first in [false, true] {
        bodies.push(nested(code, details, first));
        bodies.push(flat(code, details, first));
    }
    bodies
}

fn decode(json: &str) -> Result<SeatError, DecodeError> {
    ErrorBody::from_json(json.as_bytes())
        .expect("the body decodes")
        .to_error::<SeatError>()
}

fn no_seats(hint: &str) -> SeatError {
    SeatError::NoSeats {
        max: 10,
        active: 9,
        hint: hint.into(),
        note: None,
        plan: None,
    }
}

#[test]
fn details_in_any_order_and_before_the_code_decode() {
    let expected = SeatError::NoSeats {
        max: 10,
        active: 9,
        hint: "soon".into(),
        note: Some("n".into()),
        plan: Some("team".into()),
    };
    let orders = [
        r#"{"max":10,"active":9,"hint":"soon","note":"n","plan_name":"team"}"#,
        r#"{"plan_name":"team","note":"n","hint":"soon","active":9,"max":10}"#,
        r#"{ "hint" : "soon" , "max" :10,"plan_name":"team","active":9 ,"note":"n" }"#,
    ];
    for details in orders {
        for json in text_bodies("no_seats", details) {
            let body = ErrorBody::from_json(json.as_bytes()).unwrap();
            assert_eq!(body.request_id(), Some("r"), "{json}");
            assert_eq!(body.to_error::<SeatError>().unwrap(), expected, "{json}");
        }
        let map: Map<String, Value> = serde_json::from_str(details).unwrap();
        assert_eq!(decode(&problem("no_seats", &map)).unwrap(), expected);
    }
}

#[test]
fn unknown_members_are_skipped_whatever_they_hold() {
    let details = r#"{"extra":{"max":1,"list":[{"hint":"no"},[]],"s":"}\"max\":2"},
        "max":10,"tricky":"\"active\":1,","active":9,"n":-1.5e3,"t":true,"z":null,
        "hint":"soon","deep":[[[[{"a":[1,2,{"b":"]"}]}]]]]}"#;
    for json in text_bodies("no_seats", details) {
        assert_eq!(decode(&json).unwrap(), no_seats("soon"), "{json}");
    }
}

#[test]
fn of_a_key_written_twice_the_last_value_counts() {
    let cases = [
        // The last value, valid.
        (
            r#"{"max":1,"active":9,"hint":"a","max":10,"hint":"soon"}"#,
            Ok(no_seats("soon")),
        ),
        // An invalid value written over by a valid one.
        (
            r#"{"max":"many","active":9,"hint":"soon","max":10}"#,
            Ok(no_seats("soon")),
        ),
        // A valid value written over by an invalid one.
        (
            r#"{"max":10,"active":9,"hint":"soon","max":"many"}"#,
            Err((DecodeErrorKind::InvalidDetail, "max")),
        ),
        // A value written over by `null`: absent.
        (
            r#"{"max":10,"active":9,"hint":"soon","max":null}"#,
            Err((DecodeErrorKind::MissingDetail, "max")),
        ),
    ];
    for (details, expected) in cases {
        for json in text_bodies("no_seats", details) {
            let body = ErrorBody::from_json(json.as_bytes()).unwrap();
            let got = body
                .to_error::<SeatError>()
                .map_err(|err| (err.kind(), err.field().unwrap()));
            assert_eq!(got, expected, "{json}");
            // The map of the details keeps the same values.
            if let Ok(SeatError::NoSeats { max, hint, .. }) = &got {
                assert_eq!(body.details()["max"], json!(max));
                assert_eq!(body.details()["hint"], json!(hint));
            }
        }
    }
}

#[test]
fn escaped_keys_and_strings_read_as_unescaped() {
    let details = r#"{"\u006dax":10,"act\u0069ve":9,"hint":"a \"quoted\" \\ path\/é \u00e9 \ud83d\ude00 \n end","plan\u005fname":"t\u0065am"}"#;
    let expected = SeatError::NoSeats {
        max: 10,
        active: 9,
        hint: "a \"quoted\" \\ path/é é 😀 \n end".into(),
        note: None,
        plan: Some("team".into()),
    };
    for json in text_bodies("no_seats", details) {
        let body = ErrorBody::from_json(json.as_bytes()).unwrap();
        assert_eq!(body.to_error::<SeatError>().unwrap(), expected, "{json}");
        assert_eq!(body.details()["plan_name"], "team");
    }
    // A retry hint under an escaped key is found too.
    for json in text_bodies("throttled", r#"{"retry\u005fafter":45}"#) {
        let body = ErrorBody::from_json(json.as_bytes()).unwrap();
        assert_eq!(body.retry_after(), Some(Duration::from_secs(45)), "{json}");
        assert_eq!(
            body.to_error::<SeatError>().unwrap(),
            SeatError::Throttled { retry_after: 45 }
        );
    }
}

#[test]
fn large_bodies_decode_and_oversized_ones_are_refused() {
    // A long detail, and many members around the fields.
    let long = "x".repeat(ErrorBody::MAX_SIZE - 1024);
    let details = format!(r#"{{"max":10,"active":9,"hint":"{long}"}}"#);
    for json in text_bodies("no_seats", &details) {
        assert_eq!(decode(&json).unwrap(), no_seats(&long));
    }
    let mut members: Vec<String> = (0..20_000).map(|n| format!(r#""m{n}":{n}"#)).collect();
    members.insert(10_000, r#""max":10,"active":9,"hint":"soon""#.into());
    let details = format!("{{{}}}", members.join(","));
    for json in text_bodies("no_seats", &details) {
        assert!(json.len() < ErrorBody::MAX_SIZE);
        let body = ErrorBody::from_json(json.as_bytes()).unwrap();
        assert_eq!(body.to_error::<SeatError>().unwrap(), no_seats("soon"));
        assert_eq!(body.details().len(), 20_003);
    }
    // Too large, and nested too deep inside an unknown member: refused before decoding.
    let details = format!(
        r#"{{"max":10,"active":9,"hint":"{}"}}"#,
        "x".repeat(ErrorBody::MAX_SIZE)
    );
    let err = ErrorBody::from_json(nested("no_seats", &details, false).as_bytes()).unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::TooLarge);
    let deep = format!("{}{}", "[".repeat(70), "]".repeat(70));
    let details = format!(r#"{{"max":10,"active":9,"hint":"soon","deep":{deep}}}"#);
    let err = ErrorBody::from_json(flat("no_seats", &details, true).as_bytes()).unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::TooDeep);
}

#[test]
fn errors_name_the_first_field_at_fault_as_the_map_does() {
    let cases = [
        r#"{"active":9,"hint":"soon"}"#,
        r#"{"max":"many","active":9,"hint":"soon"}"#,
        r#"{"max":-1,"active":9,"hint":"soon"}"#,
        r#"{"max":4294967296,"active":9,"hint":"soon"}"#,
        r#"{"max":1.5,"active":9,"hint":"soon"}"#,
        r#"{"max":10,"active":[9],"hint":{"at":"soon"}}"#,
        r#"{"max":10,"hint":7}"#,
        r#"{"active":"x"}"#,
        r#"{"max":10,"active":9,"hint":"soon","note":5}"#,
        r#"{"max":10,"active":9,"hint":"soon","plan_name":false}"#,
    ];
    for details in cases {
        let map: Map<String, Value> = serde_json::from_str(details).unwrap();
        let expected = decode(&problem("no_seats", &map)).unwrap_err();
        assert!(expected.field().is_some(), "{details}");
        for json in text_bodies("no_seats", details) {
            let err = decode(&json).unwrap_err();
            assert_eq!(
                (err.kind(), err.code(), err.field()),
                (expected.kind(), expected.code(), expected.field()),
                "{json}"
            );
            assert_eq!(err.to_string(), expected.to_string(), "{json}");
        }
    }
}

#[test]
fn variants_of_many_fields_and_retry_hints_decode_from_text() {
    let details =
        r#"{"m":13,"l":12,"k":11,"j":10,"i":9,"h":8,"g":7,"f":6,"e":5,"d":4,"c":3,"b":2,"a":1}"#;
    let expected = SeatError::Wide {
        a: 1,
        b: 2,
        c: 3,
        d: 4,
        e: 5,
        f: 6,
        g: 7,
        h: 8,
        i: 9,
        j: 10,
        k: 11,
        l: 12,
        m: Some(13),
    };
    for json in text_bodies("wide", details) {
        assert_eq!(decode(&json).unwrap(), expected, "{json}");
        let broken = json.replace(r#""c":3"#, r#""c":300"#);
        let err = decode(&broken).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (DecodeErrorKind::InvalidDetail, Some("c"))
        );
    }

    // The details' hint wins over the header's; without it, the header fills the field.
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("30"));
    for (details, secs) in [(r#"{"retry_after":45}"#, 45), ("{}", 30)] {
        for json in text_bodies("throttled", details) {
            let body = ErrorBody::from_response(&headers, json.as_bytes()).unwrap();
            assert_eq!(
                body.retry_after(),
                Some(Duration::from_secs(secs)),
                "{json}"
            );
            assert_eq!(
                body.to_error::<SeatError>().unwrap(),
                SeatError::Throttled { retry_after: secs }
            );
        }
    }
}

#[test]
fn every_format_gives_the_same_value() {
    let sent = SeatError::NoSeats {
        max: 10,
        active: 9,
        hint: "a \"b\" \u{e9}".into(),
        note: None,
        plan: Some("team".into()),
    };
    for format in [
        Format::Nested,
        Format::Flat,
        Format::Problem,
        Format::Google,
    ] {
        let json = sent.envelope().format(format).to_json();
        let body = ErrorBody::from_json(json.as_bytes()).unwrap();
        assert_eq!(body.format(), format);
        assert_eq!(body.to_error::<SeatError>().unwrap(), sent, "{json}");
    }
    let json = SeatError::Throttled { retry_after: 5 }
        .envelope()
        .format(Format::Compact)
        .to_json();
    let err = decode(&json).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (DecodeErrorKind::MissingDetail, Some("retry_after"))
    );
}
