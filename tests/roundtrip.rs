//! Property tests: every format round-trips through the decoder with arbitrary Unicode in
//! messages, details and request ids; arbitrary or damaged bytes never panic the decoder.

mod common;

use common::decoded;
use error_catalog::{ApiError, DecodeErrorKind, DetailValue, ErrorBody, Format};
use proptest::collection::vec;
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Serialize)]
pub struct Limit {
    name: String,
    max: u64,
}

/// Errors whose messages and details carry arbitrary text.
#[derive(Debug, Clone, ApiError)]
#[api_error(docs = "https://docs.example.com/e/{code}", domain = "rt.example.com")]
pub enum RoundTrip {
    /// A literal message with characters JSON must escape.
    #[error(
        code = "rt.literal",
        status = 404,
        message = "Not \"here\" \\ \u{7} é 😀"
    )]
    Literal,

    #[error(
        code = "rt_text",
        status = 422,
        message = "Bad value {value:?} ({note}) x{count}"
    )]
    Text {
        value: String,
        note: String,
        count: i64,
    },

    #[error(code = "RT-WAIT", status = 503, message = "Wait for {who}")]
    Wait {
        who: String,
        #[error(retry_after)]
        retry_after: u64,
        tags: Vec<String>,
        limit: Option<Limit>,
    },
}

fn text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..24).prop_map(String::from_iter)
}

fn error() -> impl Strategy<Value = RoundTrip> {
    prop_oneof![
        Just(RoundTrip::Literal),
        (text(), text(), any::<i64>()).prop_map(|(value, note, count)| RoundTrip::Text {
            value,
            note,
            count
        }),
        (
            text(),
            any::<u64>(),
            vec(text(), 0..3),
            proptest::option::of((text(), any::<u64>()))
        )
            .prop_map(|(who, retry_after, tags, limit)| RoundTrip::Wait {
                who,
                retry_after,
                tags,
                limit: limit.map(|(name, max)| Limit { name, max }),
            }),
    ]
}

/// The `ErrorBody` fields a decoder must recover from `err` sent in `format`, as JSON.
fn expected(err: &RoundTrip, format: Format, request_id: Option<&str>) -> Value {
    let mut details = Map::new();
    err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
        // Google metadata holds strings as they are, other values as their JSON text.
        let value = match (format, serde_json::to_value(value).unwrap()) {
            (Format::Google, Value::String(text)) => Value::String(text),
            (Format::Google, _) => Value::String(serde_json::to_string(&value).unwrap()),
            (_, other) => other,
        };
        details.insert(name.to_owned(), value);
    });
    if format == Format::Compact {
        details.clear();
    }
    let code = match format {
        Format::Google => error_catalog::grpc::reason(err.code()),
        _ => err.code().to_owned(),
    };
    let status = match format {
        Format::Nested | Format::Flat => None,
        _ => Some(err.status().as_u16()),
    };
    let retry_after = match format {
        Format::Compact => None,
        _ => err.retry_after(),
    };
    serde_json::json!({
        "format": format.name(),
        "code": code,
        "message": err.message().to_string(),
        "status": status,
        "details": details,
        "request_id": request_id,
        "retry_after": retry_after,
    })
}

fn format() -> impl Strategy<Value = Format> {
    proptest::sample::select(Format::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_format_round_trips(err in error(), format in format(), request_id in proptest::option::of(text())) {
        let mut envelope = err.envelope().format(format);
        if let Some(id) = &request_id {
            envelope = envelope.request_id(id.as_str());
        }
        let json = envelope.to_vec();
        // The fast writer and serde's path agree byte for byte.
        prop_assert_eq!(&json, &serde_json::to_vec(&envelope).unwrap());
        let body = ErrorBody::from_json(&json).unwrap();
        prop_assert_eq!(decoded(&body), expected(&err, format, request_id.as_deref()));
        prop_assert_eq!(body.lookup::<RoundTrip>(), Some(err.spec()));
        // The same through the headers, which add the hint Compact bodies lack.
        let body = ErrorBody::from_response(&envelope.headers(), &json).unwrap();
        prop_assert_eq!(body.retry_after(), err.retry_after().map(std::time::Duration::from_secs));
        prop_assert_eq!(body.format(), format);
    }

    #[test]
    fn every_strict_prefix_of_a_body_is_truncated(err in error(), format in format(), cut in any::<prop::sample::Index>()) {
        let json = err.envelope().format(format).request_id("req_1").to_vec();
        let cut = cut.index(json.len());
        let kind = ErrorBody::from_json(&json[..cut]).unwrap_err().kind();
        let expected = if cut == 0 { DecodeErrorKind::Empty } else { DecodeErrorKind::Truncated };
        prop_assert_eq!(kind, expected);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..512)) {
        let _ = ErrorBody::from_json(&bytes);
    }

    #[test]
    fn damaged_bodies_never_panic(
        err in error(),
        format in format(),
        edits in vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let mut json = err.envelope().format(format).to_vec();
        for (at, byte, op) in edits {
            let at = at.index(json.len() + 1);
            match op {
                0 if at < json.len() => json[at] = byte,
                1 => json.insert(at, byte),
                _ if at < json.len() => { json.remove(at); }
                _ => json.push(byte),
            }
        }
        // Whatever the damage, decoding returns: a body or a typed error.
        match ErrorBody::from_json(&json) {
            Ok(body) => prop_assert!(!body.code().is_empty()),
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
