//! The member names of the built-in formats' bodies, each written once.
//!
//! The envelope's serde path and its fast writer, the client's decoder and the OpenAPI
//! schemas of the exports all name the members through these constants. The fast writer
//! copies whole JSON fragments such as `{"error":{"code":`; [`join!`] and [`key!`] put
//! them together from these names at compile time, so the writer stays a plain copy.

// The members of the bodies, by format:
//
// | member       | Nested         | Flat | Compact | Problem | Google               |
// |--------------|----------------|------|---------|---------|----------------------|
// | ERROR        | error object   |      | code    |         | error object         |
// | CODE         | error.code     | yes  |         | yes     | error.code (status)  |
// | MESSAGE      | error.message  | yes  | yes     |         | error.message        |
// | DETAILS      | error.details  | yes  |         |         | error.details (list) |
// | META         | yes            |      |         |         |                      |
// | REQUEST_ID   | meta.request_id| yes  | yes     | yes     | (RequestInfo)        |
// | STATUS       |                |      | yes     | yes     | error.status (name)  |
// | problem::*   |                |      |         | yes     |                      |
// | google::*    |                |      |         |         | error.details[]      |

/// The error object (`Nested`, `Google`), or the code itself (`Compact`).
pub(crate) const ERROR: &str = "error";
/// The code (`Nested`'s `error.code`, `Flat`, `Problem`); `Google`'s `error.code` is the
/// HTTP status.
pub(crate) const CODE: &str = "code";
/// The public message (`Nested`, `Flat`, `Compact`, `Google`).
pub(crate) const MESSAGE: &str = "message";
/// The details object (`Nested`, `Flat`); `Google`'s list of typed details.
pub(crate) const DETAILS: &str = "details";
/// `Nested`'s object around the request id.
pub(crate) const META: &str = "meta";
/// The request id (`Nested`'s `meta.request_id`, `Flat`, `Compact`, `Problem`).
pub(crate) const REQUEST_ID: &str = "request_id";
/// The HTTP status (`Compact`, `Problem`); `Google`'s canonical code name.
pub(crate) const STATUS: &str = "status";

/// The members of RFC 9457 problem details ([`Problem`](crate::Format::Problem)) besides
/// [`STATUS`], [`CODE`] and [`REQUEST_ID`].
pub(crate) mod problem {
    use super::{CODE, REQUEST_ID, STATUS};

    pub(crate) const TYPE: &str = "type";
    pub(crate) const TITLE: &str = "title";
    pub(crate) const DETAIL: &str = "detail";
    pub(crate) const INSTANCE: &str = "instance";

    /// Every member the body writes itself: a detail with one of these names is not
    /// written as an extension member, so it can never overwrite one of them, and the
    /// decoder does not read them as details.
    pub(crate) const MEMBERS: [&str; 7] = [TYPE, TITLE, STATUS, DETAIL, INSTANCE, CODE, REQUEST_ID];

    /// The members only RFC 9457 bodies have; the decoder detects the format by them.
    pub(crate) const OWN: [&str; 4] = [TYPE, TITLE, DETAIL, INSTANCE];
}

/// The typed details of AIP-193 bodies ([`Google`](crate::Format::Google)): an
/// `ErrorInfo`, then a `RetryInfo`, a `RequestInfo`, a `LocalizedMessage`, a
/// `BadRequest` and a `Help` when they apply.
pub(crate) mod google {
    /// The type URL member of every detail.
    pub(crate) const TYPE: &str = "@type";

    pub(crate) const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
    /// `ErrorInfo`: the code in `UPPER_SNAKE_CASE`.
    pub(crate) const REASON: &str = "reason";
    pub(crate) const DOMAIN: &str = "domain";
    /// `ErrorInfo`: every detail, as a string.
    pub(crate) const METADATA: &str = "metadata";

    pub(crate) const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
    pub(crate) const RETRY_DELAY: &str = "retryDelay";

    pub(crate) const REQUEST_INFO: &str = "type.googleapis.com/google.rpc.RequestInfo";
    pub(crate) const REQUEST_ID: &str = "requestId";

    pub(crate) const LOCALIZED_MESSAGE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";
    pub(crate) const LOCALE: &str = "locale";

    /// `BadRequest`: the errors of a flattened `FieldErrors`.
    pub(crate) const BAD_REQUEST: &str = "type.googleapis.com/google.rpc.BadRequest";
    pub(crate) const FIELD_VIOLATIONS: &str = "fieldViolations";
    /// A field violation: its path, its message, its code (as a [`REASON`]).
    pub(crate) const FIELD: &str = "field";
    pub(crate) const DESCRIPTION: &str = "description";

    /// `Help`: the code's docs URL, described by its title.
    pub(crate) const HELP: &str = "type.googleapis.com/google.rpc.Help";
    pub(crate) const LINKS: &str = "links";
    pub(crate) const URL: &str = "url";
}

/// The members of [`FieldErrors`](crate::FieldErrors) in its layouts besides [`CODE`]
/// and [`MESSAGE`]: the `errors` detail of the list and RFC 9457 layouts, the `field` of
/// a list entry and the `pointer` of an RFC 9457 entry (whose text is
/// [`problem::DETAIL`]).
pub(crate) mod validation {
    pub(crate) const ERRORS: &str = "errors";
    pub(crate) const FIELD: &str = "field";
    pub(crate) const POINTER: &str = "pointer";
}

/// Joins `&str` constants into one `&'static str` at compile time.
macro_rules! join {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&str] = &[$($part),+];
        const BYTES: [u8; $crate::wire::members::joined_len(PARTS)] =
            $crate::wire::members::join_bytes(PARTS);
        match ::core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => ::core::panic!("joined texts are UTF-8"),
        }
    }};
}

/// A member name as a JSON object key with its colon: `key!(CODE)` is `"code":`.
macro_rules! key {
    ($name:expr) => {
        $crate::wire::members::join!("\"", $name, "\":")
    };
}

pub(crate) use {join, key};

/// The length of the texts `parts` joined.
pub(crate) const fn joined_len(parts: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < parts.len() {
        len += parts[i].len();
        i += 1;
    }
    len
}

/// The bytes of the texts `parts` joined; `N` is their [`joined_len`].
pub(crate) const fn join_bytes<const N: usize>(parts: &[&str]) -> [u8; N] {
    let mut out = [0; N];
    let mut at = 0;
    let mut i = 0;
    while i < parts.len() {
        let bytes = parts[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            out[at] = bytes[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{CODE, DETAILS, ERROR, google};

    #[test]
    fn joins_at_compile_time() {
        const OPEN: &str = join!("{", key!(ERROR), "{", key!(CODE));
        assert_eq!(OPEN, r#"{"error":{"code":"#);
        assert_eq!(join!(ERROR, ".", DETAILS, "[]"), "error.details[]");
        assert_eq!(key!(google::TYPE), r#""@type":"#);
        assert_eq!(join!(""), "");
    }
}
