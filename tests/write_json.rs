//! `Envelope::write_json` (and `to_json`, `to_vec`, `write_to`) take a fast path that skips
//! serde's map machinery; its bytes must equal the envelope's `Serialize` output through
//! serde_json, for every format, with and without request id and instance, for texts that
//! need escaping and texts that do not.

use std::collections::BTreeMap;

use error_catalog::{ApiError, FieldError, FieldErrors, Format};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Window {
    seconds: u32,
    label: &'static str,
}

/// Plain texts: the derive marks them to be copied as they are.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/errors", domain = "example.com")]
pub enum Plain {
    #[error(
        code = "card_declined",
        status = 402,
        message = "The card was declined"
    )]
    Unit,

    #[error(
        code = "rate_limit_exceeded",
        status = 429,
        message = "Too many requests: {limit} per {window:?}"
    )]
    Details {
        limit: u32,
        window: Window,
        #[error(retry_after)]
        retry_after: u64,
        note: Option<String>,
        tags: Vec<String>,
    },

    /// Details named like RFC 9457 members are not written as extension members.
    #[error(code = "clash", status = 409, message = "Clash on {title}")]
    Clash {
        title: String,
        code: u8,
        instance: String,
        other: bool,
    },

    #[error(code = "maybe", status = 400, message = "Maybe")]
    OnlyOptions {
        first: Option<u8>,
        second: Option<u8>,
    },

    #[error(
        code = "renamed",
        status = 400,
        message = "Renamed {{not a placeholder}}"
    )]
    Renamed {
        #[error(rename = "say \"hi\"\n")]
        greeting: String,
    },

    /// Validation errors lay themselves out by format.
    #[error(code = "validation_error", status = 422, message = "Validation failed")]
    Validation {
        row: u32,
        #[error(flatten)]
        errors: FieldErrors,
    },

    #[error(code = "bad_map", status = 500, message = "Bad map")]
    BadMap { map: BTreeMap<Vec<u8>, u8>, ok: u8 },

    /// More shown fields than the runtime keeps at hand, out of order and repeated.
    #[error(
        code = "many",
        status = 400,
        message = "{j}{a} {i}-{b} {{{c}}} {h}{g}{f}{e}{d}{a}"
    )]
    Many {
        a: u8,
        b: u16,
        c: String,
        d: char,
        e: i64,
        f: bool,
        #[error(skip)]
        hidden: String,
        g: u8,
        h: &'static str,
        i: f64,
        j: String,
    },

    #[error(code = "pair", status = 400, message = "{1} before {0}")]
    Pair(String, u32),
}

/// A hand-written impl that hands out a derived spec: its message comes from its own
/// `fmt_message`, not from the fields of the derived type.
#[derive(Debug)]
pub struct Delegating(Plain);

impl std::fmt::Display for Delegating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.fmt_message(f)
    }
}

impl std::error::Error for Delegating {}

impl ApiError for Delegating {
    fn spec(&self) -> &'static error_catalog::ErrorSpec {
        self.0.spec()
    }

    fn as_api_error(&self) -> &dyn ApiError {
        self
    }

    fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "delegated: {}", self.0.message())
    }
}

/// Texts JSON must escape, everywhere the derive puts static text.
#[derive(Debug, ApiError)]
#[api_error(docs = "https://docs.example.com/\"errors\"", unique_in_crate = false)]
pub enum Escaped {
    #[error(
        code = "quoted",
        status = 400,
        title = "A \"quoted\" title",
        message = "Tab\there, quote \" backslash \\ bell \u{7} é 😀"
    )]
    Unit,

    #[error(
        code = "quoted_details",
        status = 503,
        title = "Line\nbreak",
        message = "Value \"{value}\" at {at}"
    )]
    Details { value: String, at: String },

    /// A NUL in the template: written by a `write!` of its own.
    #[error(code = "nul", status = 400, message = "a\u{0}b {value}")]
    Nul { value: String },
}

const TRICKY: [&str; 6] = [
    "",
    "plain",
    "quote \" backslash \\ slash /",
    "controls \u{0}\u{1f}\n\r\t\u{8}\u{c}\u{7f}",
    "unicode é 😀 \u{2028}\u{2029} \u{fffd}",
    "</script><!--",
];

fn errors() -> Vec<Box<dyn ApiError>> {
    let mut errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(Plain::Unit),
        Box::new(Escaped::Unit),
        Box::new(Plain::OnlyOptions {
            first: None,
            second: None,
        }),
        Box::new(Plain::OnlyOptions {
            first: None,
            second: Some(2),
        }),
        Box::new(Plain::BadMap {
            map: BTreeMap::from([(vec![1], 1)]),
            ok: 1,
        }),
        Box::new(many()),
        Box::new(Plain::Pair("two".into(), 1)),
        Box::new(Delegating(Plain::Pair("two".into(), 1))),
        Box::new(Escaped::Nul {
            value: "\u{0}\u{1}".into(),
        }),
    ];
    for text in TRICKY {
        errors.push(Box::new(Plain::Validation {
            row: 3,
            errors: [
                FieldError::new("email", text).with_code("invalid_format"),
                FieldError::new(text, "Odd key"),
            ]
            .into_iter()
            .collect(),
        }));
        errors.push(Box::new(Plain::Details {
            limit: 300,
            window: Window {
                seconds: 60,
                label: "1 \"minute\"",
            },
            retry_after: 45,
            note: Some(text.to_owned()),
            tags: vec![text.to_owned(), String::new()],
        }));
        errors.push(Box::new(Plain::Clash {
            title: text.to_owned(),
            code: 7,
            instance: text.to_owned(),
            other: true,
        }));
        errors.push(Box::new(Plain::Renamed {
            greeting: text.to_owned(),
        }));
        errors.push(Box::new(Escaped::Details {
            value: text.to_owned(),
            at: text.to_owned(),
        }));
    }
    errors
}

#[test]
fn fast_path_equals_serde_for_every_format() {
    let mut compared = 0;
    for error in errors() {
        for format in Format::ALL {
            for request_id in [None, Some("req_abc123"), Some(TRICKY[3])] {
                for instance in [None, Some("/accounts/1"), Some(TRICKY[2])] {
                    let mut envelope = error.envelope().format(format);
                    if let Some(id) = request_id {
                        envelope = envelope.request_id(id);
                    }
                    if let Some(instance) = instance {
                        envelope = envelope.instance(instance);
                    }
                    let fast = envelope.to_vec();
                    let Ok(serde) = serde_json::to_vec(&envelope) else {
                        // Only the map with non-string keys fails in serde; write_json
                        // then leaves that detail out (asserted below).
                        assert_eq!(error.code(), "bad_map");
                        continue;
                    };
                    assert_eq!(
                        String::from_utf8(fast).unwrap(),
                        String::from_utf8(serde).unwrap(),
                        "{format} {request_id:?} {instance:?}"
                    );
                    compared += 1;
                }
            }
        }
    }
    // 39 errors in 5 formats, less the 3 bodies of `bad_map` that have details (the
    // Google format's metadata leaves the failing detail out in serde too); 9 request id
    // and instance combinations each.
    assert_eq!(compared, (39 * 5 - 3) * 9);
}

fn many() -> Plain {
    Plain::Many {
        a: 1,
        b: 2,
        c: "c\"3".into(),
        d: 'δ',
        e: -5,
        f: true,
        hidden: "secret".into(),
        g: 7,
        h: "h",
        i: 0.5,
        j: "j".into(),
    }
}

#[test]
fn messages_filled_in_by_the_runtime() {
    let expected = r#"j1 0.5-2 {c"3} h7true-5δ1"#;
    assert_eq!(many().to_string(), expected);
    let body: serde_json::Value =
        serde_json::from_str(&many().envelope().format(Format::Flat).to_json()).unwrap();
    assert_eq!(body["message"], expected);
    assert!(!body.to_string().contains("secret"));

    let pair = Plain::Pair("two".into(), 1);
    assert_eq!(pair.to_string(), "1 before two");
    assert_eq!(
        pair.envelope().format(Format::Compact).to_json(),
        r#"{"error":"pair","message":"1 before two","status":400}"#
    );
    let nul = Escaped::Nul {
        value: "\u{0}".into(),
    };
    assert_eq!(nul.to_string(), "a\u{0}b \u{0}");
    assert_eq!(
        nul.envelope().format(Format::Compact).to_json(),
        r#"{"error":"nul","message":"a\u0000b \u0000","status":400}"#
    );
    // The hand-written impl's own message, though its spec is parsed.
    assert_eq!(
        Delegating(pair)
            .envelope()
            .format(Format::Compact)
            .to_json(),
        r#"{"error":"pair","message":"delegated: 1 before two","status":400}"#
    );
}

#[test]
fn to_json_to_vec_write_to_and_write_json_agree() {
    let error = Plain::Clash {
        title: TRICKY[2].into(),
        code: 1,
        instance: "i".into(),
        other: false,
    };
    for format in Format::ALL {
        let envelope = error.envelope().format(format).request_id("r");
        let mut buffer = b"prefix".to_vec();
        envelope.write_json(&mut buffer);
        let mut written = Vec::new();
        envelope.write_to(&mut written).unwrap();
        assert_eq!(&buffer[..6], b"prefix");
        assert_eq!(buffer[6..], envelope.to_vec());
        assert_eq!(written, envelope.to_vec());
        assert_eq!(envelope.to_json().into_bytes(), envelope.to_vec());
    }
}

#[test]
fn exact_bodies_of_escaped_static_texts() {
    assert_eq!(
        Escaped::Unit.envelope().to_json(),
        r#"{"type":"https://docs.example.com/\"errors\"/quoted","title":"A \"quoted\" title","status":400,"detail":"Tab\there, quote \" backslash \\ bell \u0007 é 😀","code":"quoted"}"#
    );
    assert_eq!(
        Plain::Renamed {
            greeting: "x".into()
        }
        .envelope()
        .format(Format::Flat)
        .to_json(),
        r#"{"code":"renamed","message":"Renamed {not a placeholder}","details":{"say \"hi\"\n":"x"}}"#
    );
}

#[test]
fn a_failing_detail_is_left_out() {
    let error = Plain::BadMap {
        map: BTreeMap::from([(vec![1], 1)]),
        ok: 1,
    };
    let bodies: Vec<String> = Format::ALL
        .into_iter()
        .map(|format| {
            let mut buffer = b"keep".to_vec();
            error
                .envelope()
                .format(format)
                .request_id("r")
                .write_json(&mut buffer);
            String::from_utf8(buffer).unwrap()
        })
        .collect();
    assert_eq!(
        bodies,
        [
            r#"keep{"error":{"code":"bad_map","message":"Bad map","details":{"ok":1}},"meta":{"request_id":"r"}}"#,
            r#"keep{"code":"bad_map","message":"Bad map","details":{"ok":1},"request_id":"r"}"#,
            r#"keep{"error":"bad_map","message":"Bad map","status":500,"request_id":"r"}"#,
            r#"keep{"type":"https://docs.example.com/errors/bad_map","title":"Bad map","status":500,"detail":"Bad map","code":"bad_map","ok":1,"request_id":"r"}"#,
            r#"keep{"error":{"code":500,"message":"Bad map","status":"INTERNAL","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"BAD_MAP","domain":"example.com","metadata":{"ok":"1"}},{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"r"},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Bad map","url":"https://docs.example.com/errors/bad_map"}]}]}}"#,
        ]
    );
}
