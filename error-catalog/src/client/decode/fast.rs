//! The fast path of the decoder for `Nested` and `Flat` bodies: one typed pass with
//! serde, instead of a JSON tree of the whole body and a second walk over it.
//!
//! It only ever answers a body that the tree path decodes, with the same `ErrorBody`:
//! it reads the members the detection looks at (so it knows the format the tree path
//! would detect), and gives up, leaving the body to the tree path, on anything else:
//! another format, a member of another type, a missing or empty code, a duplicate
//! member. Errors are always the tree path's, with their member paths.
//!
//! The details are not read here: they are kept as the text of their JSON object, which
//! typed decoding reads each field from, and which becomes a map only when asked for.

use core::fmt;
use core::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::ErrorBody;
use super::details::Details;
use super::texts::Texts;
use crate::model::format::Format;
use crate::text::Text;

/// The top-level members of a `Nested` or `Flat` body, and whether the members that
/// mean `Problem` are present (with any value, `null` included, as the detection reads
/// them).
///
/// Strings are borrowed from the body when they hold no escape, and copied once, all
/// together, into the [`ErrorBody`].
#[derive(Deserialize)]
struct Root<'a> {
    #[serde(default, borrow)]
    error: Member<Object<NestedError<'a>>>,
    #[serde(borrow)]
    meta: Option<Object<Meta<'a>>>,
    #[serde(borrow)]
    code: Option<Text<'a>>,
    #[serde(borrow)]
    message: Option<Text<'a>>,
    #[serde(borrow)]
    details: Option<&'a RawValue>,
    #[serde(borrow)]
    request_id: Option<Text<'a>>,
    #[serde(default, rename = "type")]
    kind: Present,
    #[serde(default)]
    title: Present,
    #[serde(default)]
    detail: Present,
    #[serde(default)]
    instance: Present,
}

#[derive(Deserialize)]
struct NestedError<'a> {
    #[serde(borrow)]
    code: Option<Text<'a>>,
    #[serde(borrow)]
    message: Option<Text<'a>>,
    #[serde(borrow)]
    details: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Meta<'a> {
    #[serde(borrow)]
    request_id: Option<Text<'a>>,
}

/// A member that may be absent, `null` or a value: the detection tells `null` from
/// absent for `error`.
#[derive(Default)]
enum Member<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Member<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.map_or(Member::Null, Member::Value))
    }
}

/// A struct read from a JSON object only: serde's derived impls also read a struct from
/// an array, which no format's body is.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(ObjectVisitor(PhantomData))
            .map(Object)
    }
}

/// Whether a member is present, whatever its value.
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Ok(Present(true))
    }
}

/// The body, when it is a `Nested` or `Flat` one that decodes (in `format`, or in the
/// format the detection finds); `None` leaves it to the tree path.
pub(super) fn decode(body: &[u8], format: Option<Format>) -> Option<ErrorBody> {
    // The body is checked to be UTF-8 once, whole, rather than string by string.
    let body = core::str::from_utf8(body).ok()?;
    let Object(root) = serde_json::from_str::<Object<Root<'_>>>(body).ok()?;
    let problem = root.kind.0 || root.title.0 || root.detail.0 || root.instance.0;
    let format = match format {
        Some(format) => format,
        None if problem => return None,
        None => match (&root.error, &root.code) {
            (Member::Value(Object(error)), _) if error.code.is_some() => Format::Nested,
            (Member::Absent, Some(_)) => Format::Flat,
            _ => return None,
        },
    };
    let (code, message, details, request_id) = match format {
        Format::Nested => {
            let Member::Value(Object(error)) = root.error else {
                return None;
            };
            let request_id = match root.meta {
                Some(Object(meta)) => meta.request_id,
                None => None,
            };
            (error.code?, error.message?, error.details, request_id)
        }
        Format::Flat => (root.code?, root.message?, root.details, root.request_id),
        _ => return None,
    };
    if code.0.is_empty() {
        return None;
    }
    // An absent or `null` member is no details; any other value than an object is an
    // error of the tree path's.
    let details = match details {
        None => None,
        Some(raw) if raw.get().starts_with('{') => Some(raw.get()),
        Some(_) => return None,
    };
    Some(ErrorBody {
        format,
        texts: Texts::new(
            &code.0,
            &message.0,
            request_id.as_ref().map(|id| &*id.0),
            details,
        ),
        status: None,
        // Read from the text when asked for, as the map is.
        retry_after: None,
        details: Details::default(),
        rich: None,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::decode;
    use crate::model::format::Format;

    /// Values of every JSON type, a few of each.
    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            Just(json!("")),
            Just(json!("c")),
            Just(json!(7)),
            Just(json!(true)),
            Just(json!([])),
            Just(json!(["c", "m"])),
            Just(json!({})),
            Just(json!({"request_id": "r"})),
            Just(json!({"code": "c", "message": "m"})),
            Just(json!({"code": "c", "message": "m", "details": {"retry_after": 3, "a": [1]}})),
            Just(json!({"code": 503, "message": "m"})),
            Just(json!({"code": "c", "message": 1})),
            Just(json!({"code": "c", "details": 5})),
        ]
    }

    /// Objects of the members the formats read, with values of any type.
    fn body() -> impl Strategy<Value = String> {
        let member = prop_oneof![
            Just("error"),
            Just("meta"),
            Just("code"),
            Just("message"),
            Just("details"),
            Just("request_id"),
            Just("type"),
            Just("title"),
            Just("detail"),
            Just("instance"),
            Just("status"),
            Just("other"),
        ];
        (
            proptest::collection::vec((member, value()), 0..6),
            any::<bool>(),
        )
            .prop_map(|(members, array)| {
                let members: Vec<String> = members
                    .iter()
                    .map(|(key, value)| {
                        if array {
                            value.to_string()
                        } else {
                            format!("{key:?}:{value}")
                        }
                    })
                    .collect();
                // Duplicate members are kept as written; an array stands in for an object.
                if array {
                    format!("[{}]", members.join(","))
                } else {
                    format!("{{{}}}", members.join(","))
                }
            })
    }

    proptest! {
        /// Whenever the fast path answers, it answers as the tree path does.
        #[test]
        fn the_fast_path_agrees_with_the_tree_path(body in body(), hint in 0..3u8) {
            let format = [None, Some(Format::Nested), Some(Format::Flat)][usize::from(hint)];
            if let Some(fast) = decode(body.as_bytes(), format) {
                let tree = super::super::tree(body.as_bytes(), format);
                prop_assert_eq!(Ok(fast), tree, "{}", body);
            }
        }
    }

    #[test]
    fn the_fast_path_answers_nested_and_flat_bodies() {
        let nested =
            br#"{"error":{"code":"c","message":"m","details":{"a":1}},"meta":{"request_id":"r"}}"#;
        assert_eq!(decode(nested, None).unwrap().format, Format::Nested);
        assert_eq!(
            decode(br#"{"code":"c","message":"m"}"#, None)
                .unwrap()
                .format,
            Format::Flat
        );
        // Left to the tree path: an array, a null `error`, a Problem member, a duplicate.
        for body in [
            r#"[null,null,"c","m"]"#,
            r#"{"error":null,"code":"c","message":"m"}"#,
            r#"{"error":["c","m"]}"#,
            r#"{"code":"c","message":"m","title":null}"#,
            r#"{"code":"c","message":"m","code":"d"}"#,
        ] {
            assert!(decode(body.as_bytes(), None).is_none(), "{body}");
        }
    }
}
