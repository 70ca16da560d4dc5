//! `#[error(message_only)]`: a named field that the message shows and that is sent
//! nowhere else. It reproduces the bodies of flat APIs whose "not found" errors carry
//! only a code and a message, such as
//! `{"code":"NOT_FOUND","message":"Workspace ws_1 not found"}`, without turning the
//! variant into a tuple variant.

use std::fmt;

use error_catalog::{ApiError, Catalog, DetailValue, Format, catalog};
use serde_json::{Value, json};

/// A value that can be shown but not serialized: a message-only field needs `Display`
/// only.
#[derive(Debug)]
pub struct Slug(&'static str);

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Workspace errors.
#[derive(Debug, ApiError)]
#[api_error(format = "flat", domain = "api.example.com")]
pub enum WorkspaceError {
    /// The workspace does not exist.
    #[error(code = "NOT_FOUND", status = 404, message = "Workspace {id} not found")]
    NotFound {
        #[error(message_only)]
        id: String,
    },

    /// A member of the workspace does not exist: the member is a detail too.
    #[error(
        code = "MEMBER_NOT_FOUND",
        status = 404,
        message = "Member {member} of workspace {workspace} not found"
    )]
    MemberNotFound {
        #[error(message_only)]
        workspace: Slug,
        member: String,
    },

    /// A format spec: the message is written by its own `write!`.
    #[error(
        code = "WORKSPACE_LOCKED",
        status = 423,
        message = "Workspace {id:?} is locked"
    )]
    Locked {
        #[error(message_only)]
        id: String,
    },
}

static ERRORS: Catalog = catalog!(WorkspaceError);

fn not_found() -> WorkspaceError {
    WorkspaceError::NotFound { id: "ws_1".into() }
}

fn body(err: &WorkspaceError, format: Format) -> Value {
    let text = err.envelope().format(format).to_json();
    // The fast writer and the serde path write the same body.
    let serialized = serde_json::to_string(&err.envelope().format(format)).unwrap();
    assert_eq!(text, serialized, "{format:?}");
    serde_json::from_str(&text).unwrap()
}

fn details(err: &dyn ApiError) -> Vec<String> {
    let mut seen = Vec::new();
    err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
        seen.push(format!("{name}={}", serde_json::to_string(&value).unwrap()));
    });
    seen
}

#[test]
fn the_message_shows_the_field() {
    assert_eq!(not_found().to_string(), "Workspace ws_1 not found");
    assert_eq!(
        not_found().message().to_string(),
        "Workspace ws_1 not found"
    );
    let member = WorkspaceError::MemberNotFound {
        workspace: Slug("acme"),
        member: "usr_7".into(),
    };
    assert_eq!(
        member.to_string(),
        "Member usr_7 of workspace acme not found"
    );
    let locked = WorkspaceError::Locked { id: "ws_2".into() };
    assert_eq!(locked.to_string(), r#"Workspace "ws_2" is locked"#);
}

#[test]
fn the_field_is_never_a_detail() {
    assert_eq!(details(&not_found()), Vec::<String>::new());
    let member = WorkspaceError::MemberNotFound {
        workspace: Slug("acme"),
        member: "usr_7".into(),
    };
    assert_eq!(details(&member), [r#"member="usr_7""#]);
    assert_eq!(
        details(&WorkspaceError::Locked { id: "ws_2".into() }),
        Vec::<String>::new()
    );
}

#[test]
fn the_catalog_has_no_field_for_it() {
    let specs = WorkspaceError::CATALOG;
    assert_eq!(specs[0].fields(), []);
    assert_eq!(specs[0].message(), "Workspace {id} not found");
    let member_fields: Vec<&str> = specs[1].fields().iter().map(|f| f.name()).collect();
    assert_eq!(member_fields, ["member"]);
    assert_eq!(specs[2].fields(), []);
    assert!(specs.iter().all(|spec| spec.headers().is_empty()));
}

#[test]
fn whole_bodies_in_every_format() {
    let err = not_found();
    assert_eq!(
        body(&err, Format::Nested),
        json!({"error":{"code":"NOT_FOUND","message":"Workspace ws_1 not found"}})
    );
    assert_eq!(
        body(&err, Format::Flat),
        json!({"code":"NOT_FOUND","message":"Workspace ws_1 not found"})
    );
    assert_eq!(
        body(&err, Format::Compact),
        json!({"error":"NOT_FOUND","message":"Workspace ws_1 not found","status":404})
    );
    assert_eq!(
        body(&err, Format::Problem),
        json!({"type":"about:blank","title":"Not found","status":404,"detail":"Workspace ws_1 not found","code":"NOT_FOUND"})
    );
    assert_eq!(
        body(&err, Format::Google),
        json!({"error":{"code":404,"message":"Workspace ws_1 not found","status":"NOT_FOUND","details":[
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"NOT_FOUND","domain":"api.example.com"}
        ]}})
    );
    // The type's own format is the flat one: exactly the flat APIs' body.
    assert_eq!(
        err.envelope().to_json(),
        r#"{"code":"NOT_FOUND","message":"Workspace ws_1 not found"}"#
    );
}

#[test]
fn whole_bodies_with_a_detail_next_to_it() {
    let err = WorkspaceError::MemberNotFound {
        workspace: Slug("acme"),
        member: "usr_7".into(),
    };
    let message = "Member usr_7 of workspace acme not found";
    assert_eq!(
        body(&err, Format::Nested),
        json!({"error":{"code":"MEMBER_NOT_FOUND","message":message,"details":{"member":"usr_7"}}})
    );
    assert_eq!(
        body(&err, Format::Flat),
        json!({"code":"MEMBER_NOT_FOUND","message":message,"details":{"member":"usr_7"}})
    );
    assert_eq!(
        body(&err, Format::Compact),
        json!({"error":"MEMBER_NOT_FOUND","message":message,"status":404})
    );
    assert_eq!(
        body(&err, Format::Problem),
        json!({"type":"about:blank","title":"Member not found","status":404,"detail":message,"code":"MEMBER_NOT_FOUND","member":"usr_7"})
    );
    assert_eq!(
        body(&err, Format::Google),
        json!({"error":{"code":404,"message":message,"status":"NOT_FOUND","details":[
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"MEMBER_NOT_FOUND","domain":"api.example.com","metadata":{"member":"usr_7"}}
        ]}})
    );
}

#[test]
fn exports_do_not_mention_it() {
    let export: Value = serde_json::from_str(&ERRORS.to_json()).unwrap();
    assert_eq!(
        export["errors"][0],
        json!({
            "code": "NOT_FOUND",
            "status": 404,
            "retryable": false,
            "title": "Not found",
            "message_template": "Workspace {id} not found",
            "description": "The workspace does not exist.",
            "resolution": null,
            "causes": [],
            "retry_after": null,
            "details": [],
            "category": {"name": "WorkspaceError", "doc": "Workspace errors.", "format": "flat", "domain": "api.example.com"},
            "variant": "NotFound",
            "docs_url": null,
        })
    );
    assert_eq!(
        export["errors"][1]["details"],
        json!([{"name": "member", "type": "string", "rust_type": "String"}])
    );
    assert_eq!(export["errors"][2]["details"], json!([]));
    // No export names a message-only field anywhere but in the message template.
    for text in [ERRORS.to_json(), ERRORS.to_markdown(), ERRORS.to_openapi()] {
        // The detail next to it is there, as a key.
        assert!(text.contains("\"member\""), "{text}");
        for name in ["\"id\"", "\"workspace\"", "`id`", "`workspace`", "ws_1"] {
            assert!(!text.contains(name), "{name} in {text}");
        }
    }
}

/// With thiserror owning `Display`, the key is written in `#[api_error(..)]`.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum StoreError {
    #[error("workspace {id} missing from shard {shard}")]
    #[api_error(
        code = "STORE_NOT_FOUND",
        status = 404,
        message = "Workspace {id} not found"
    )]
    Missing {
        #[api_error(message_only)]
        id: String,
        #[api_error(skip)]
        shard: u32,
    },
}

#[test]
fn with_thiserror() {
    let err = StoreError::Missing {
        id: "ws_1".into(),
        shard: 7,
    };
    assert_eq!(err.to_string(), "workspace ws_1 missing from shard 7");
    assert_eq!(
        err.envelope().format(Format::Flat).to_json(),
        r#"{"code":"STORE_NOT_FOUND","message":"Workspace ws_1 not found"}"#
    );
    assert_eq!(StoreError::CATALOG[0].fields(), []);
}

/// In a generic type, a message-only field needs `Display`, never `Serialize`.
#[derive(Debug, ApiError)]
pub enum Lookup<K> {
    #[error(code = "KEY_NOT_FOUND", status = 404, message = "Key {key} not found")]
    Missing {
        #[error(message_only)]
        key: K,
    },
}

#[test]
fn in_a_generic_type() {
    let err = Lookup::Missing { key: Slug("k1") };
    assert_eq!(err.to_string(), "Key k1 not found");
    assert_eq!(
        err.envelope().format(Format::Flat).to_json(),
        r#"{"code":"KEY_NOT_FOUND","message":"Key k1 not found"}"#
    );
    assert_eq!(details(&err), Vec::<String>::new());
}
