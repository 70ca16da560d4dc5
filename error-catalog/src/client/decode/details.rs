//! The details of a decoded body. The fast path keeps them as the text of the JSON
//! object they were sent as, and reads that text into a map only when the map is asked
//! for: typed decoding reads the fields of a variant straight from the text, so a body
//! decoded into its error type never builds the map.

use core::fmt;
use core::time::Duration;
use std::sync::{LazyLock, OnceLock};

use memchr::memmem::Finder;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The map of an [`ErrorBody`](super::ErrorBody)'s details: given, or read on first use
/// from the text of their JSON object that the body keeps (which the parser that cut it
/// out checked to be one).
#[derive(Clone, Default)]
pub(crate) struct Details {
    map: OnceLock<Map<String, Value>>,
}

impl Details {
    pub(crate) fn from_map(map: Map<String, Value>) -> Self {
        Details {
            map: OnceLock::from(map),
        }
    }

    /// The map; `text` is the details' text, if the body kept it.
    pub(crate) fn map(&self, text: Option<&str>) -> &Map<String, Value> {
        self.map.get_or_init(|| read(text))
    }

    pub(crate) fn into_map(mut self, text: Option<&str>) -> Map<String, Value> {
        self.map.take().unwrap_or_else(|| read(text))
    }
}

fn read(text: Option<&str>) -> Map<String, Value> {
    // The text was cut out of a body by serde_json as a whole object, so it reads.
    text.and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

/// `retry_after` in the details' text when it is a whole number of seconds, as
/// [`retry_hint`](super::retry_hint) reads it from a map, without making the map: the
/// text is searched for the key first (a key written with escapes is looked for too).
pub(crate) fn text_retry_hint(text: &str) -> Option<Duration> {
    static KEY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("retry_after"));
    let bytes = text.as_bytes();
    if KEY.find(bytes).is_none() && memchr::memchr(b'\\', bytes).is_none() {
        return None;
    }
    let [raw] = capture(text, &["retry_after"])?;
    serde_json::from_str::<Value>(raw?.get())
        .ok()?
        .as_u64()
        .map(Duration::from_secs)
}

/// The value of each of `keys` in the JSON object `text`, in one pass: the last one of
/// a key written twice (as a map keeps it), other members skipped. `None` when `text` is
/// no JSON object.
pub(crate) fn capture<'t, const N: usize>(
    text: &'t str,
    keys: &[&str; N],
) -> Option<[Option<&'t RawValue>; N]> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let slots = deserializer.deserialize_map(Capture { keys }).ok()?;
    deserializer.end().ok()?;
    Some(slots)
}

struct Capture<'k, const N: usize> {
    keys: &'k [&'k str; N],
}

impl<'de, const N: usize> Visitor<'de> for Capture<'_, N> {
    type Value = [Option<&'de RawValue>; N];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut slots = [None; N];
        while let Some(found) = map.next_key_seed(Key { keys: self.keys })? {
            match found.and_then(|index| slots.get_mut(index)) {
                Some(slot) => *slot = Some(map.next_value::<&'de RawValue>()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(slots)
    }
}

/// A member's name, as the position of the key it equals (after unescaping).
pub(crate) struct Key<'k, const N: usize> {
    keys: &'k [&'k str; N],
}

impl<'k, const N: usize> Key<'k, N> {
    pub(crate) fn new(keys: &'k [&'k str; N]) -> Self {
        Key { keys }
    }
}

impl<'de, const N: usize> DeserializeSeed<'de> for Key<'_, N> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<const N: usize> Visitor<'_> for Key<'_, N> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E>(self, name: &str) -> Result<Self::Value, E> {
        Ok(self.keys.iter().position(|key| *key == name))
    }
}

#[cfg(test)]
mod tests {
    use core::time::Duration;

    use super::{Details, capture, text_retry_hint};

    #[test]
    fn capture_reads_keys_in_any_order_the_last_of_a_duplicate_and_escaped_names() {
        let text = r#"{"z":[1,{"a":2}],"b":"x\"y","a":1,"\u0061":3,"c":null}"#;
        let [a, b, c, d] = capture(text, &["a", "b", "c", "d"]).unwrap();
        assert_eq!(a.unwrap().get(), "3");
        assert_eq!(b.unwrap().get(), r#""x\"y""#);
        assert_eq!(c.unwrap().get(), "null");
        assert!(d.is_none());
        assert!(capture("[1]", &["a"]).is_none());
        assert!(capture(r#"{"a":1"#, &["a"]).is_none());
    }

    #[test]
    fn the_retry_hint_is_read_from_the_text_as_from_the_map() {
        for (text, hint) in [
            (r#"{"limit":3}"#, None),
            (r#"{"retry_after":45}"#, Some(45)),
            (r#"{"retry\u005fafter":45}"#, Some(45)),
            (r#"{"note":"retry_after","retry_after":"45"}"#, None),
            (r#"{"retry_after":4.5}"#, None),
            (r#"{"retry_after":45,"retry_after":-1}"#, None),
        ] {
            assert_eq!(
                text_retry_hint(text),
                hint.map(Duration::from_secs),
                "{text}"
            );
            let details = Details::default();
            let map = details.map(Some(text));
            assert_eq!(
                super::super::retry_hint(map),
                text_retry_hint(text),
                "{text}"
            );
            assert_eq!(Details::from_map(map.clone()).map(None), map);
        }
    }
}
