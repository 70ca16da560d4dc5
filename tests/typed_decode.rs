//! `#[api_error(decode)]`: the value a server sent, rebuilt by a client from the body of
//! every format, and a `DecodeError` naming the code and the field otherwise.

use error_catalog::{
    ApiError, DecodeErrorKind, ErrorBody, FieldError, FieldErrors, Format, FromErrorBody, Rejection,
};
use proptest::collection::vec;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limit {
    name: String,
    max: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    Free,
    Team,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("upstream failed")]
pub struct Upstream;

/// Every kind of field a decodable type can have.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(decode)]
pub enum ShopError {
    #[error(code = "item_missing", status = 404, message = "Item {id} not found")]
    Missing { id: String },

    #[error(
        code = "over_quota",
        status = 429,
        message = "Over the quota of {limit} ({hint:?})"
    )]
    OverQuota {
        limit: u32,
        used: i64,
        ratio: f64,
        plan: Plan,
        tags: Vec<String>,
        cap: Option<Limit>,
        #[error(rename = "window")]
        kind: String,
        #[error(retry_after)]
        retry_after: u64,
        #[error(skip)]
        internal: Option<String>,
        #[error(message_only)]
        hint: Option<String>,
    },

    #[error(code = "form_invalid", status = 422, message = "The form is invalid")]
    Invalid {
        row: Option<u32>,
        #[error(flatten)]
        errors: FieldErrors,
    },

    #[error(code = "upstream_failed", status = 502, message = "Upstream failed")]
    Upstream {
        #[source]
        source: Option<Upstream>,
        retryable: Option<bool>,
    },

    #[error(code = "maintenance", status = 503, message = "Down for maintenance")]
    Maintenance(Option<String>),

    #[error(code = "gone_for_good", status = 410, message = "Gone")]
    Gone,
}

const WITH_DETAILS: [Format; 4] = [
    Format::Nested,
    Format::Flat,
    Format::Problem,
    Format::Google,
];

fn decode<E: FromErrorBody>(json: &str) -> Result<E, error_catalog::DecodeError> {
    ErrorBody::from_json(json.as_bytes())
        .unwrap()
        .to_error::<E>()
}

fn sent_in(err: &ShopError, format: Format) -> ShopError {
    decode(&err.envelope().format(format).to_json()).unwrap()
}

fn over_quota() -> ShopError {
    ShopError::OverQuota {
        limit: 300,
        used: -4,
        ratio: 0.5,
        plan: Plan::Team,
        tags: vec!["a".into(), "b, \"c\"".into()],
        cap: Some(Limit {
            name: "seats".into(),
            max: 10,
        }),
        kind: "hourly".into(),
        retry_after: 45,
        internal: None,
        hint: None,
    }
}

#[test]
fn every_variant_comes_back_from_every_format_with_details() {
    let errors: FieldErrors = [
        FieldError::new("email", "Must be an email").with_code("invalid_format"),
        FieldError::new("name", "Required"),
    ]
    .into_iter()
    .collect();
    let values = [
        ShopError::Missing { id: "it_1".into() },
        over_quota(),
        ShopError::Invalid {
            row: Some(3),
            errors: errors.clone(),
        },
        ShopError::Invalid {
            row: None,
            errors: FieldErrors::new(),
        },
        ShopError::Upstream {
            source: None,
            retryable: Some(true),
        },
        ShopError::Maintenance(None),
        ShopError::Gone,
    ];
    for value in &values {
        for format in WITH_DETAILS {
            assert_eq!(&sent_in(value, format), value, "{format:?}");
        }
    }
}

#[test]
fn fields_that_never_travel_come_back_as_none() {
    let sent = ShopError::Upstream {
        source: Some(Upstream),
        retryable: None,
    };
    let expected = ShopError::Upstream {
        source: None,
        retryable: None,
    };
    assert_eq!(sent_in(&sent, Format::Nested), expected);
    // The server's value still has its source.
    use std::error::Error as _;
    assert!(sent.source().unwrap().is::<Upstream>());
    assert!(expected.source().is_none());
    let mut sent = over_quota();
    if let ShopError::OverQuota { internal, hint, .. } = &mut sent {
        *internal = Some("db shard 7".into());
        *hint = Some("upgrade".into());
    }
    assert_eq!(sent_in(&sent, Format::Problem), over_quota());
    assert_eq!(
        sent_in(
            &ShopError::Maintenance(Some("until 10:00".into())),
            Format::Flat
        ),
        ShopError::Maintenance(None)
    );
}

#[test]
fn compact_bodies_decode_the_variants_whose_details_are_optional() {
    for value in [
        ShopError::Gone,
        ShopError::Maintenance(None),
        ShopError::Upstream {
            source: None,
            retryable: None,
        },
    ] {
        assert_eq!(sent_in(&value, Format::Compact), value);
    }
    let err = decode::<ShopError>(
        &ShopError::Missing { id: "x".into() }
            .envelope()
            .format(Format::Compact)
            .to_json(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::MissingDetail);
    assert_eq!(
        (err.code(), err.field()),
        (Some("item_missing"), Some("id"))
    );
}

#[test]
fn a_retry_hint_outside_the_details_fills_the_retry_after_field() {
    // A Google body carries the hint as RetryInfo and in the metadata; without the
    // metadata entry, RetryInfo gives it.
    let json = over_quota().envelope().format(Format::Google).to_json();
    let mut body: serde_json::Value = serde_json::from_str(&json).unwrap();
    let metadata = body["error"]["details"][0]["metadata"]
        .as_object_mut()
        .unwrap();
    assert!(metadata.remove("retry_after").is_some());
    assert_eq!(
        decode::<ShopError>(&body.to_string()).unwrap(),
        over_quota()
    );
}

#[test]
fn unknown_codes_missing_and_mistyped_details_name_the_code_and_the_field() {
    let err = decode::<ShopError>(r#"{"code":"who_knows","message":"?"}"#).unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::UnknownCode);
    assert_eq!((err.code(), err.field()), (Some("who_knows"), None));
    assert_eq!(
        err.to_string(),
        "the error code `who_knows` is in no entry of the catalog decoded into"
    );

    let err = decode::<ShopError>(r#"{"code":"item_missing","message":"x","details":{"id":7}}"#)
        .unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::InvalidDetail);
    assert_eq!(
        (err.code(), err.field()),
        (Some("item_missing"), Some("id"))
    );
    assert_eq!(
        err.to_string(),
        "error `item_missing`: the detail `id` is invalid: invalid type: integer `7`, expected a string"
    );

    // Renamed details are named by their key; Google's metadata text that reads as no
    // value of the type is invalid too.
    let json = over_quota().envelope().format(Format::Google).to_json();
    let broken = json.replace(
        r#""window":"hourly""#,
        r#""window":"hourly","limit":"lots""#,
    );
    assert_ne!(broken, json);
    let err = decode::<ShopError>(&broken).unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::InvalidDetail);
    assert_eq!(
        (err.code(), err.field()),
        (Some("OVER_QUOTA"), Some("limit"))
    );

    let err = decode::<ShopError>(r#"{"code":"over_quota","message":"x","details":{"limit":1}}"#)
        .unwrap_err();
    assert_eq!(err.kind(), DecodeErrorKind::MissingDetail);
    assert_eq!(err.field(), Some("used"));

    // A long value is cut in the reason.
    let long = "x".repeat(10_000);
    let json = format!(r#"{{"code":"form_invalid","message":"x","details":{{"row":"{long}"}}}}"#);
    let err = decode::<ShopError>(&json).unwrap_err();
    assert!(err.to_string().len() < 200, "{err}");
}

#[test]
fn rejections_decode_with_no_framework_feature() {
    let sent = Rejection::InvalidBody {
        reason: Some("missing field `name`".into()),
    };
    for format in WITH_DETAILS {
        let json = sent.envelope().format(format).to_json();
        let back: Rejection = decode(&json).unwrap();
        assert!(
            matches!(&back, Rejection::InvalidBody { reason: Some(reason) } if reason == "missing field `name`"),
            "{format:?}: {back:?}"
        );
    }
    let json = Rejection::RouteNotFound
        .envelope()
        .format(Format::Compact)
        .to_json();
    assert!(matches!(
        decode::<Rejection>(&json).unwrap(),
        Rejection::RouteNotFound
    ));
}

/// A struct, and a generic type whose detail is deserialized through a bound.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
#[error(code = "seat_limit", status = 409, message = "No seats left")]
pub struct SeatLimit {
    seats: u16,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(decode)]
pub enum Wrapped<T: std::fmt::Debug> {
    #[error(code = "wrapped", status = 400, message = "Wrapped")]
    Wrapped { value: T, other: Option<T> },
}

#[test]
fn structs_and_generic_types_decode() {
    let json = SeatLimit { seats: 5 }
        .envelope()
        .format(Format::Google)
        .to_json();
    assert_eq!(decode::<SeatLimit>(&json).unwrap(), SeatLimit { seats: 5 });
    let sent = Wrapped::Wrapped {
        value: vec![1u8, 2],
        other: None,
    };
    for format in WITH_DETAILS {
        let json = sent.envelope().format(format).to_json();
        assert_eq!(
            decode::<Wrapped<Vec<u8>>>(&json).unwrap(),
            sent,
            "{format:?}"
        );
    }
}

fn text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..16).prop_map(String::from_iter)
}

fn quota() -> impl Strategy<Value = ShopError> {
    (
        any::<u32>(),
        any::<i64>(),
        -1e9f64..1e9,
        vec(text(), 0..3),
        proptest::option::of((text(), any::<u64>())),
        text(),
        any::<u64>(),
    )
        .prop_map(
            |(limit, used, ratio, tags, cap, kind, retry_after)| ShopError::OverQuota {
                limit,
                used,
                ratio,
                plan: Plan::Free,
                tags,
                cap: cap.map(|(name, max)| Limit { name, max }),
                kind,
                retry_after,
                internal: None,
                hint: None,
            },
        )
}

proptest! {
    #[test]
    fn arbitrary_values_come_back(value in prop_oneof![
        text().prop_map(|id| ShopError::Missing { id }),
        quota(),
    ]) {
        for format in WITH_DETAILS {
            prop_assert_eq!(&sent_in(&value, format), &value, "{:?}", format);
        }
    }

    /// Arbitrary details under a known code: an error or a value, never a panic.
    #[test]
    fn arbitrary_details_never_panic(
        code in prop_oneof![Just("over_quota"), Just("OVER_QUOTA"), Just("form_invalid"), Just("item_missing")],
        details in proptest::collection::btree_map("[a-z_]{1,8}|limit|used|tags|cap|errors|id|type", any::<u8>().prop_map(|n| match n % 6 {
            0 => serde_json::json!(null),
            1 => serde_json::json!(n),
            2 => serde_json::json!(n.to_string()),
            3 => serde_json::json!([n]),
            4 => serde_json::json!({"name": "x", "max": n}),
            _ => serde_json::json!("[{\"field\":\"a\",\"message\":\"b\"}]"),
        }), 0..8),
    ) {
        let json = serde_json::json!({"code": code, "message": "m", "details": details}).to_string();
        let _ = decode::<ShopError>(&json);
        let google = serde_json::json!({"error": {"code": 429, "message": "m", "details": [{
            "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": code.to_uppercase(),
            "metadata": details.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.to_string()))).collect::<serde_json::Map<_, _>>(),
        }]}}).to_string();
        let _ = decode::<ShopError>(&google);
    }
}
