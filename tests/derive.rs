//! `#[derive(ApiError)]` end to end: every shape of type, every attribute, the generated
//! `Display`/`Error`/`From` impls and the catalog.
//!
//! Every derive in this file shares one crate, so every code here is unique (the
//! crate-wide check would reject a repeat), except in the opt-out test.

use std::collections::{BTreeMap, HashMap};
use std::error::Error as _;
use std::fmt;
use std::time::Duration;

use error_catalog::{
    ApiError, DetailValue, ErrorCatalog, ErrorSpec, ExampleValue, Format, JsonType,
};
use http::StatusCode;
use serde::Serialize;

/// The detail fields an error visits, each serialized as JSON.
fn details(err: &dyn ApiError) -> Vec<(&'static str, String)> {
    let mut seen = Vec::new();
    err.visit_details(&mut |name: &str, value: DetailValue<'_>| {
        // Every detail here is a declared field: its name is the catalog's, static.
        let field = err.spec().fields().iter().find(|f| f.name() == name);
        seen.push((
            field.unwrap().name(),
            serde_json::to_string(&value).unwrap(),
        ));
    });
    seen
}

fn codes(catalog: &[ErrorSpec]) -> Vec<&'static str> {
    catalog.iter().map(ErrorSpec::code).collect()
}

// ---------------------------------------------------------------------------------------
// Variant shapes

#[derive(Debug, ApiError)]
pub enum Shapes {
    #[error(code = "shape_unit", status = 400, message = "A unit variant")]
    Unit,
    #[error(code = "shape_tuple", status = 400, message = "Seat {0} of {1}")]
    Tuple(u32, String),
    #[error(
        code = "shape_struct",
        status = 404,
        message = "Project {id} not found"
    )]
    Struct { id: String, owner: String },
    #[error(code = "shape_empty_struct", status = 400, message = "Nothing to say")]
    EmptyStruct {},
    #[error(code = "shape_empty_tuple", status = 400, message = "Nothing at all")]
    EmptyTuple(),
}

#[test]
fn unit_tuple_and_struct_variants() {
    let unit = Shapes::Unit;
    assert_eq!(unit.code(), "shape_unit");
    assert_eq!(unit.status(), StatusCode::BAD_REQUEST);
    assert_eq!(unit.to_string(), "A unit variant");
    assert_eq!(unit.message().to_string(), "A unit variant");
    assert_eq!(details(&unit), []);

    let tuple = Shapes::Tuple(11, "ten".into());
    assert_eq!(tuple.code(), "shape_tuple");
    assert_eq!(tuple.to_string(), "Seat 11 of ten");
    // Tuple fields have no names, so they are never details.
    assert_eq!(details(&tuple), []);
    assert_eq!(Shapes::CATALOG[1].fields(), []);

    let named = Shapes::Struct {
        id: "proj_xyz789".into(),
        owner: "usr_1".into(),
    };
    assert_eq!(named.code(), "shape_struct");
    assert_eq!(named.status(), StatusCode::NOT_FOUND);
    assert_eq!(named.to_string(), "Project proj_xyz789 not found");
    assert_eq!(
        details(&named),
        [
            ("id", r#""proj_xyz789""#.into()),
            ("owner", r#""usr_1""#.into())
        ]
    );

    assert_eq!(Shapes::EmptyStruct {}.to_string(), "Nothing to say");
    assert_eq!(Shapes::EmptyTuple().code(), "shape_empty_tuple");
    assert_eq!(
        codes(Shapes::CATALOG),
        [
            "shape_unit",
            "shape_tuple",
            "shape_struct",
            "shape_empty_struct",
            "shape_empty_tuple"
        ]
    );
}

#[derive(Debug, ApiError)]
pub enum Formatted {
    #[error(
        code = "fmt_specs",
        status = 400,
        message = "[{n:>4}] [{n:<4}] {ratio:.2} {name:?} {n:x} {{literal}}"
    )]
    Specs { n: u32, ratio: f64, name: String },
    #[error(code = "fmt_repeat", status = 400, message = "{0}-{0}-{1}")]
    Repeat(u8, u8),
}

#[test]
fn message_placeholders_take_format_specs_and_repeat() {
    let err = Formatted::Specs {
        n: 26,
        ratio: 0.5,
        name: "a\"b".into(),
    };
    assert_eq!(err.to_string(), r#"[  26] [26  ] 0.50 "a\"b" 1a {literal}"#);
    assert_eq!(
        Formatted::CATALOG[0].message(),
        "[{n:>4}] [{n:<4}] {ratio:.2} {name:?} {n:x} {{literal}}"
    );
    assert_eq!(Formatted::Repeat(1, 2).to_string(), "1-1-2");
}

// ---------------------------------------------------------------------------------------
// Generic types

#[derive(Debug, ApiError)]
pub enum Lookup<'a, K, E>
where
    K: fmt::Display + Serialize,
    E: std::error::Error + 'static,
{
    #[error(code = "lookup_missing", status = 404, message = "No {key} in {table}")]
    Missing { key: K, table: &'a str },
    #[error(code = "lookup_backend", status = 503, message = "The backend failed")]
    Backend(#[source] E),
    #[error(code = "lookup_debug", status = 400, message = "Bad key {0:?}")]
    Debugged(K),
}

#[derive(Debug, ApiError)]
pub enum Wrapper<T> {
    #[error(code = "wrapper_value", status = 422, message = "Rejected {value}")]
    Value { value: T, hint: Option<T> },
}

#[test]
fn generic_enums_with_where_clause_and_lifetimes() {
    let table = String::from("projects");
    let missing: Lookup<'_, u32, std::io::Error> = Lookup::Missing {
        key: 7,
        table: &table,
    };
    assert_eq!(missing.code(), "lookup_missing");
    assert_eq!(missing.to_string(), "No 7 in projects");
    assert_eq!(
        details(&missing),
        [("key", "7".into()), ("table", r#""projects""#.into())]
    );
    assert!(missing.source().is_none());

    let backend: Lookup<'_, u32, std::io::Error> =
        Lookup::Backend(std::io::Error::other("disk on fire"));
    assert!(backend.retryable());
    assert_eq!(backend.to_string(), "The backend failed");
    assert_eq!(backend.source().unwrap().to_string(), "disk on fire");

    let debugged: Lookup<'_, &str, std::fmt::Error> = Lookup::Debugged("k");
    assert_eq!(debugged.to_string(), r#"Bad key "k""#);

    let fields = Lookup::<u32, std::io::Error>::CATALOG[0].fields();
    assert_eq!(fields[0].rust_type(), "K");
    assert_eq!(fields[0].json_type(), JsonType::Any);
    assert_eq!(fields[1].rust_type(), "&'a str");
    assert_eq!(fields[1].json_type(), JsonType::String);

    let wrapped = Wrapper::Value {
        value: 3.5,
        hint: None,
    };
    assert_eq!(wrapped.to_string(), "Rejected 3.5");
    assert_eq!(details(&wrapped), [("value", "3.5".into())]);
    let boxed: Box<dyn ApiError> = Box::new(Wrapper::Value {
        value: "x",
        hint: Some("y"),
    });
    assert_eq!(
        details(&*boxed),
        [("value", r#""x""#.into()), ("hint", r#""y""#.into())]
    );
}

// ---------------------------------------------------------------------------------------
// Structs

/// The requested project does not exist.
#[derive(Debug, ApiError)]
#[error(
    code = "project_not_found",
    status = 404,
    message = "Project {id} not found"
)]
#[api_error(docs = "https://docs.example.com/errors")]
pub struct ProjectNotFound {
    id: String,
}

/// The license was suspended.
#[derive(Debug, ApiError)]
#[error(code = "license_gone", status = 410)]
pub struct LicenseGone;

#[derive(Debug, ApiError)]
#[error(code = "quota_exceeded", status = 429, message = "Quota {0} exceeded")]
pub struct QuotaExceeded(u32);

#[test]
fn plain_struct_derive() {
    let err = ProjectNotFound {
        id: "proj_xyz789".into(),
    };
    assert_eq!(err.code(), "project_not_found");
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert_eq!(err.to_string(), "Project proj_xyz789 not found");
    assert_eq!(details(&err), [("id", r#""proj_xyz789""#.into())]);
    let spec = &ProjectNotFound::CATALOG[0];
    assert_eq!(spec.variant(), "ProjectNotFound");
    assert_eq!(spec.title(), "Project not found");
    assert_eq!(spec.description(), "The requested project does not exist.");
    assert_eq!(spec.category().name(), "ProjectNotFound");
    assert_eq!(
        spec.category().doc(),
        "The requested project does not exist."
    );
    assert_eq!(
        spec.docs_url(),
        Some("https://docs.example.com/errors/project_not_found")
    );

    assert_eq!(LicenseGone.to_string(), "The license was suspended.");
    assert_eq!(LicenseGone.status(), StatusCode::GONE);
    assert_eq!(LicenseGone::CATALOG.len(), 1);

    assert_eq!(QuotaExceeded(5).to_string(), "Quota 5 exceeded");
    assert!(QuotaExceeded(5).retryable());
    assert_eq!(details(&QuotaExceeded(5)), []);
}

// ---------------------------------------------------------------------------------------
// rename_all

macro_rules! rename_all_enum {
    ($name:ident, $rule:literal, $explicit:literal) => {
        #[derive(Debug, ApiError)]
        #[api_error(rename_all = $rule)]
        pub enum $name {
            #[error(status = 409, message = "No seat")]
            SeatLimitReached,
            #[error(status = 502, message = "Upstream failed")]
            Http2Upstream,
            #[error(code = $explicit, status = 400, message = "Explicit")]
            Explicit,
        }
    };
}

rename_all_enum!(Lower, "lowercase", "explicit_lower");
rename_all_enum!(Upper, "UPPERCASE", "explicit_upper");
rename_all_enum!(Pascal, "PascalCase", "explicit_pascal");
rename_all_enum!(Camel, "camelCase", "explicit_camel");
rename_all_enum!(Snake, "snake_case", "explicit_snake");
rename_all_enum!(
    ScreamingSnake,
    "SCREAMING_SNAKE_CASE",
    "explicit_screaming_snake"
);
rename_all_enum!(Kebab, "kebab-case", "explicit_kebab");
rename_all_enum!(
    ScreamingKebab,
    "SCREAMING-KEBAB-CASE",
    "explicit_screaming_kebab"
);

#[test]
fn rename_all_every_rule() {
    let derived = |catalog: &[ErrorSpec]| codes(&catalog[..2]).join(" ");
    assert_eq!(derived(Lower::CATALOG), "seatlimitreached http2upstream");
    assert_eq!(derived(Upper::CATALOG), "SEATLIMITREACHED HTTP2UPSTREAM");
    assert_eq!(derived(Pascal::CATALOG), "SeatLimitReached Http2Upstream");
    assert_eq!(derived(Camel::CATALOG), "seatLimitReached http2Upstream");
    assert_eq!(derived(Snake::CATALOG), "seat_limit_reached http2_upstream");
    assert_eq!(
        derived(ScreamingSnake::CATALOG),
        "SEAT_LIMIT_REACHED HTTP2_UPSTREAM"
    );
    assert_eq!(derived(Kebab::CATALOG), "seat-limit-reached http2-upstream");
    assert_eq!(
        derived(ScreamingKebab::CATALOG),
        "SEAT-LIMIT-REACHED HTTP2-UPSTREAM"
    );
    assert_eq!(Snake::SeatLimitReached.code(), "seat_limit_reached");
    assert_eq!(Kebab::Http2Upstream.code(), "http2-upstream");
}

#[test]
fn an_explicit_code_wins_over_rename_all() {
    assert_eq!(Snake::Explicit.code(), "explicit_snake");
    assert_eq!(
        ScreamingKebab::CATALOG[2].code(),
        "explicit_screaming_kebab"
    );
}

// ---------------------------------------------------------------------------------------
// Doc comments

#[derive(Debug, ApiError)]
pub enum Documented {
    /// The license has passed its expiration date. Renew it from the dashboard.
    ///
    /// Expired licenses keep their data for 30 days.
    #[error(code = "doc_license_expired", status = 403)]
    LicenseExpired,

    /// The hardware ID format is invalid
    /// or unrecognized.
    #[error(code = "doc_hardware_id", status = 400)]
    InvalidHardwareId { provided: String },

    /// Send {json} with version 1.2 only.
    #[error(code = "doc_braces", status = 400)]
    Braces,

    /// Documented, but the attribute's message wins.
    #[error(code = "doc_overridden", status = 400, message = "Explicit message")]
    Overridden,
}

#[test]
fn doc_comments_give_descriptions_and_default_messages() {
    let expired = &Documented::CATALOG[0];
    assert_eq!(
        expired.description(),
        "The license has passed its expiration date. Renew it from the dashboard.\n\n\
         Expired licenses keep their data for 30 days."
    );
    assert_eq!(
        expired.message(),
        "The license has passed its expiration date."
    );
    assert_eq!(
        Documented::LicenseExpired.to_string(),
        "The license has passed its expiration date."
    );

    // A wrapped first sentence without a full stop is joined into one line.
    let hardware = Documented::InvalidHardwareId {
        provided: "invalid-id".into(),
    };
    assert_eq!(
        hardware.to_string(),
        "The hardware ID format is invalid or unrecognized."
    );
    assert_eq!(
        Documented::CATALOG[1].description(),
        "The hardware ID format is invalid\nor unrecognized."
    );

    // Braces in a doc comment are text, not placeholders; the stored template escapes
    // them. A dot inside a word ends no sentence.
    assert_eq!(
        Documented::Braces.to_string(),
        "Send {json} with version 1.2 only."
    );
    assert_eq!(
        Documented::CATALOG[2].message(),
        "Send {{json}} with version 1.2 only."
    );

    assert_eq!(Documented::Overridden.to_string(), "Explicit message");
    assert_eq!(
        Documented::CATALOG[3].description(),
        "Documented, but the attribute's message wins."
    );
}

// ---------------------------------------------------------------------------------------
// retryable and Retry-After

#[derive(Debug, ApiError)]
pub enum ByStatus {
    #[error(code = "status_400", status = 400, message = "m")]
    S400,
    #[error(code = "status_404", status = 404, message = "m")]
    S404,
    #[error(code = "status_408", status = 408, message = "m")]
    S408,
    #[error(code = "status_409", status = 409, message = "m")]
    S409,
    #[error(code = "status_425", status = 425, message = "m")]
    S425,
    #[error(code = "status_429", status = 429, message = "m")]
    S429,
    #[error(code = "status_500", status = 500, message = "m")]
    S500,
    #[error(code = "status_501", status = 501, message = "m")]
    S501,
    #[error(code = "status_502", status = 502, message = "m")]
    S502,
    #[error(code = "status_503", status = 503, message = "m")]
    S503,
    #[error(code = "status_504", status = 504, message = "m")]
    S504,
    #[error(code = "status_599", status = 599, message = "m")]
    S599,
    #[error(
        code = "status_500_retry",
        status = 500,
        retryable = true,
        message = "m"
    )]
    RetryableInternal,
    #[error(
        code = "status_503_final",
        status = 503,
        retryable = false,
        message = "m"
    )]
    FinalUnavailable,
}

#[test]
fn retryable_defaults_from_status_and_can_be_set() {
    let table: Vec<(u16, bool)> = ByStatus::CATALOG
        .iter()
        .map(|spec| (spec.status_u16(), spec.retryable()))
        .collect();
    assert_eq!(
        table,
        [
            (400, false),
            (404, false),
            (408, true),
            (409, false),
            (425, true),
            (429, true),
            (500, false),
            (501, false),
            (502, true),
            (503, true),
            (504, true),
            (599, false),
            (500, true),
            (503, false),
        ]
    );
    assert!(ByStatus::S429.retryable());
    assert!(!ByStatus::S500.retryable());
    assert!(ByStatus::RetryableInternal.retryable());
    assert!(!ByStatus::FinalUnavailable.retryable());
    assert_eq!(ByStatus::S599.status().as_u16(), 599);
}

#[derive(Debug, ApiError)]
pub enum Throttled {
    #[error(code = "throttle_secs", status = 429, message = "Too many requests")]
    Seconds {
        limit: u32,
        #[error(retry_after)]
        retry_after: u64,
    },
    #[error(
        code = "throttle_duration",
        status = 429,
        message = "Too many requests"
    )]
    Waiting {
        #[error(retry_after)]
        wait: Duration,
    },
    #[error(
        code = "throttle_maybe",
        status = 503,
        retry_after = 30,
        message = "Unavailable"
    )]
    Maybe {
        #[error(retry_after)]
        hint: Option<u32>,
    },
    #[error(
        code = "throttle_static",
        status = 503,
        retry_after = 120,
        message = "Unavailable"
    )]
    Static,
    #[error(code = "throttle_none", status = 503, message = "Unavailable")]
    NoHint,
    #[error(code = "throttle_tuple", status = 429, message = "Slow down")]
    Tuple(#[error(retry_after)] u16),
}

#[test]
fn retry_after_from_fields_and_attributes() {
    let secs = Throttled::Seconds {
        limit: 300,
        retry_after: 45,
    };
    assert_eq!(secs.retry_after(), Some(45));
    // A retry_after field is also a detail, as in seed 000's rate_limit_exceeded.
    assert_eq!(
        details(&secs),
        [("limit", "300".into()), ("retry_after", "45".into())]
    );

    let wait = Throttled::Waiting {
        wait: Duration::from_millis(1_500),
    };
    assert_eq!(wait.retry_after(), Some(2));

    assert_eq!(Throttled::Maybe { hint: Some(5) }.retry_after(), Some(5));
    assert_eq!(Throttled::Maybe { hint: None }.retry_after(), Some(30));
    assert_eq!(details(&Throttled::Maybe { hint: None }), []);
    assert_eq!(Throttled::Static.retry_after(), Some(120));
    assert_eq!(Throttled::NoHint.retry_after(), None);
    assert_eq!(Throttled::Tuple(9).retry_after(), Some(9));

    let static_hints: Vec<Option<u64>> = Throttled::CATALOG
        .iter()
        .map(ErrorSpec::retry_after)
        .collect();
    assert_eq!(static_hints, [None, None, Some(30), Some(120), None, None]);
}

// ---------------------------------------------------------------------------------------
// Sources and From

#[derive(Debug, ApiError)]
pub enum Storage {
    #[error(
        code = "storage_io",
        status = 500,
        message = "An internal error occurred"
    )]
    Io(#[from] std::io::Error),
    #[error(
        code = "storage_parse",
        status = 400,
        message = "The body is not valid"
    )]
    Parse {
        #[source]
        cause: std::num::ParseIntError,
        line: u32,
    },
    #[error(
        code = "storage_named_source",
        status = 500,
        message = "Upstream failed"
    )]
    NamedSource { source: std::fmt::Error },
    #[error(code = "storage_boxed", status = 502, message = "Upstream failed")]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error(
        code = "storage_boxed_plain",
        status = 502,
        message = "Upstream failed"
    )]
    BoxedPlain {
        #[source]
        cause: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    #[error(
        code = "storage_boxed_from",
        status = 500,
        message = "Something failed"
    )]
    BoxedFrom {
        #[from]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error(code = "storage_no_source", status = 500, message = "No source")]
    NoSource,
}

fn read_config(path: &str) -> Result<Vec<u8>, Storage> {
    Ok(std::fs::read(path)?)
}

#[test]
fn from_builds_the_variant_and_question_mark_converts() {
    let err = read_config("/definitely/not/here").unwrap_err();
    assert_eq!(err.code(), "storage_io");
    assert!(matches!(err, Storage::Io(ref io) if io.kind() == std::io::ErrorKind::NotFound));
    // The public message never shows the source's text.
    assert_eq!(err.to_string(), "An internal error occurred");
    let source = err.source().unwrap();
    assert!(source.downcast_ref::<std::io::Error>().is_some());

    let boxed: Box<dyn std::error::Error + Send + Sync> = "plain text".into();
    let err = Storage::from(boxed);
    assert_eq!(err.code(), "storage_boxed_from");
    assert_eq!(err.source().unwrap().to_string(), "plain text");
}

#[test]
fn source_returns_the_marked_field() {
    let parse = Storage::Parse {
        cause: "x".parse::<u32>().unwrap_err(),
        line: 3,
    };
    let source = parse.source().unwrap();
    assert!(source.downcast_ref::<std::num::ParseIntError>().is_some());
    // Sources are never details.
    assert_eq!(details(&parse), [("line", "3".into())]);
    assert_eq!(Storage::CATALOG[1].fields().len(), 1);

    let named = Storage::NamedSource {
        source: std::fmt::Error,
    };
    assert!(
        named
            .source()
            .unwrap()
            .downcast_ref::<std::fmt::Error>()
            .is_some()
    );
    assert_eq!(details(&named), []);

    assert!(Storage::NoSource.source().is_none());
}

#[derive(Debug)]
pub struct Upstream(&'static str);

impl fmt::Display for Upstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "upstream said {}", self.0)
    }
}

impl std::error::Error for Upstream {}

#[test]
fn boxed_dyn_error_sources() {
    let err = Storage::Boxed(Box::new(Upstream("no")));
    let source = err.source().unwrap();
    assert_eq!(source.to_string(), "upstream said no");
    assert_eq!(source.downcast_ref::<Upstream>().unwrap().0, "no");
    assert_eq!(err.to_string(), "Upstream failed");

    let err = Storage::BoxedPlain {
        cause: Box::new(Upstream("later")),
    };
    assert_eq!(err.source().unwrap().to_string(), "upstream said later");

    // The error itself fits in a Box<dyn Error + Send + Sync>, and its chain is walkable.
    let outer: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert_eq!(outer.to_string(), "Upstream failed");
    assert_eq!(outer.source().unwrap().to_string(), "upstream said later");
}

// ---------------------------------------------------------------------------------------
// Field attributes

#[derive(Debug, Serialize)]
pub struct Range {
    min: u32,
    max: u32,
}

#[derive(Debug, ApiError)]
pub enum Fields {
    #[error(code = "fields_all", status = 422, message = "Invalid {kind}")]
    All {
        #[error(rename = "type", example = "project")]
        kind: String,
        #[error(example = 10)]
        max_seats: u32,
        #[error(example = -3)]
        offset: i64,
        #[error(example = 0.25)]
        ratio: f64,
        #[error(example = true)]
        strict: bool,
        #[error(example = ["read:projects", "write:projects"])]
        scopes: Vec<String>,
        next_available_hint: Option<String>,
        limits: HashMap<String, u32>,
        ordered: BTreeMap<String, u32>,
        range: Range,
        #[error(skip)]
        password: String,
        r#ref: &'static str,
    },
}

#[test]
fn skip_rename_and_optional_fields_in_details() {
    let err = Fields::All {
        kind: "project".into(),
        max_seats: 10,
        offset: -3,
        ratio: 0.25,
        strict: true,
        scopes: vec!["read:projects".into()],
        next_available_hint: None,
        limits: HashMap::new(),
        ordered: BTreeMap::from([("a".into(), 1)]),
        range: Range { min: 1, max: 5 },
        password: "hunter2".into(),
        r#ref: "main",
    };
    // The message names the field; the detail key is its rename.
    assert_eq!(err.to_string(), "Invalid project");
    assert_eq!(
        details(&err),
        [
            ("type", r#""project""#.into()),
            ("max_seats", "10".into()),
            ("offset", "-3".into()),
            ("ratio", "0.25".into()),
            ("strict", "true".into()),
            ("scopes", r#"["read:projects"]"#.into()),
            ("limits", "{}".into()),
            ("ordered", r#"{"a":1}"#.into()),
            ("range", r#"{"min":1,"max":5}"#.into()),
            ("ref", r#""main""#.into()),
        ]
    );
}

#[test]
fn some_option_fields_are_details() {
    let err = Fields::All {
        kind: "k".into(),
        max_seats: 1,
        offset: 0,
        ratio: 1.0,
        strict: false,
        scopes: vec![],
        next_available_hint: Some("2026-01-09T10:30:00Z".into()),
        limits: HashMap::new(),
        ordered: BTreeMap::new(),
        range: Range { min: 0, max: 0 },
        password: String::new(),
        r#ref: "r",
    };
    let seen = details(&err);
    assert_eq!(
        seen[6],
        ("next_available_hint", r#""2026-01-09T10:30:00Z""#.into())
    );
    assert_eq!(seen.len(), 11);
}

#[test]
fn field_specs_name_type_json_type_and_example() {
    let fields = Fields::CATALOG[0].fields();
    let table: Vec<(&str, &str, JsonType, bool)> = fields
        .iter()
        .map(|f| (f.name(), f.rust_type(), f.json_type(), f.optional()))
        .collect();
    assert_eq!(
        table,
        [
            ("type", "String", JsonType::String, false),
            ("max_seats", "u32", JsonType::Integer, false),
            ("offset", "i64", JsonType::Integer, false),
            ("ratio", "f64", JsonType::Number, false),
            ("strict", "bool", JsonType::Boolean, false),
            ("scopes", "Vec<String>", JsonType::Array, false),
            (
                "next_available_hint",
                "Option<String>",
                JsonType::String,
                true
            ),
            ("limits", "HashMap<String, u32>", JsonType::Object, false),
            ("ordered", "BTreeMap<String, u32>", JsonType::Object, false),
            ("range", "Range", JsonType::Any, false),
            ("ref", "&'static str", JsonType::String, false),
        ]
    );
    let examples: Vec<Option<ExampleValue>> = fields.iter().map(|f| f.example()).collect();
    assert_eq!(
        examples[..6],
        [
            Some(ExampleValue::String("project")),
            Some(ExampleValue::Integer(10)),
            Some(ExampleValue::Integer(-3)),
            Some(ExampleValue::Number(0.25)),
            Some(ExampleValue::Bool(true)),
            Some(ExampleValue::Array(&[
                ExampleValue::String("read:projects"),
                ExampleValue::String("write:projects"),
            ])),
        ]
    );
    assert!(examples[6..].iter().all(Option::is_none));
}

// ---------------------------------------------------------------------------------------
// dyn ApiError

#[test]
fn box_dyn_api_error() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(Shapes::Unit),
        Box::new(ProjectNotFound { id: "p1".into() }),
        Box::new(Throttled::Seconds {
            limit: 3,
            retry_after: 45,
        }),
        Box::new(Storage::Io(std::io::Error::other("disk"))),
    ];
    let seen: Vec<(&str, u16, bool, Option<u64>, String)> = errors
        .iter()
        .map(|e| {
            (
                e.code(),
                e.status().as_u16(),
                e.retryable(),
                e.retry_after(),
                e.message().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("shape_unit", 400, false, None, "A unit variant".into()),
            (
                "project_not_found",
                404,
                false,
                None,
                "Project p1 not found".into()
            ),
            (
                "throttle_secs",
                429,
                true,
                Some(45),
                "Too many requests".into()
            ),
            (
                "storage_io",
                500,
                false,
                None,
                "An internal error occurred".into()
            ),
        ]
    );
    assert_eq!(details(&*errors[1]), [("id", r#""p1""#.into())]);
    assert_eq!(errors[2].spec().variant(), "Seconds");
    assert_eq!(errors[3].source().unwrap().to_string(), "disk");
}

fn handler(fail: bool) -> Result<(), Box<dyn ApiError + Send + Sync>> {
    if fail {
        return Err(Box::new(Throttled::Static));
    }
    Ok(())
}

#[test]
fn box_dyn_api_error_send_sync() {
    let err = handler(true).unwrap_err();
    assert_eq!(err.code(), "throttle_static");
    assert_eq!(err.retry_after(), Some(120));
    assert_eq!(err.to_string(), "Unavailable");
    let thread_code = std::thread::spawn(move || err.code()).join().unwrap();
    assert_eq!(thread_code, "throttle_static");
    assert!(handler(false).is_ok());

    let by_ref: &dyn ApiError = &ProjectNotFound { id: "p2".into() };
    assert_eq!(by_ref.as_api_error().code(), "project_not_found");
}

// ---------------------------------------------------------------------------------------
// The catalog

/// Authentication errors.
///
/// Every code a login or token check can return.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.example.com/errors/{code}.html",
    domain = "auth.example.com"
)]
pub enum CatalogAuth {
    /// The email/password combination is incorrect.
    #[error(
        code = "cat_invalid_credentials",
        status = 401,
        message = "The email or password is incorrect",
        title = "Invalid credentials",
        resolution = "Verify credentials or reset password.",
        causes = ["Wrong password.", "Unknown email."]
    )]
    InvalidCredentials,

    #[error(
        code = "cat_rate_limited",
        status = 429,
        message = "Too many requests",
        retry_after = 60,
        causes = "A client retried in a loop."
    )]
    RateLimited { limit: u32 },
}

#[test]
fn catalog_order_and_every_spec_field() {
    assert_eq!(
        codes(CatalogAuth::CATALOG),
        ["cat_invalid_credentials", "cat_rate_limited"]
    );
    assert_eq!(<CatalogAuth as ErrorCatalog>::CATALOG, CatalogAuth::CATALOG);

    let first = &CatalogAuth::CATALOG[0];
    assert_eq!(first.code(), "cat_invalid_credentials");
    assert_eq!(first.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(first.status_u16(), 401);
    assert!(!first.retryable());
    assert_eq!(first.title(), "Invalid credentials");
    assert_eq!(first.message(), "The email or password is incorrect");
    assert_eq!(
        first.description(),
        "The email/password combination is incorrect."
    );
    assert_eq!(
        first.resolution(),
        Some("Verify credentials or reset password.")
    );
    assert_eq!(first.causes(), ["Wrong password.", "Unknown email."]);
    assert_eq!(first.retry_after(), None);
    assert_eq!(first.fields(), []);
    assert_eq!(first.variant(), "InvalidCredentials");
    assert_eq!(
        first.docs_url(),
        Some("https://docs.example.com/errors/cat_invalid_credentials.html")
    );
    assert_eq!(
        first.to_string(),
        "CatalogAuth::InvalidCredentials (cat_invalid_credentials, 401)"
    );

    let category = first.category();
    assert_eq!(category.name(), "CatalogAuth");
    // The first paragraph of the type's doc comment.
    assert_eq!(category.doc(), "Authentication errors.");
    assert_eq!(category.format(), Format::Nested);
    assert_eq!(
        category.docs(),
        Some("https://docs.example.com/errors/{code}.html")
    );
    assert_eq!(category.domain(), Some("auth.example.com"));

    let second = &CatalogAuth::CATALOG[1];
    // The default title: the code as words.
    assert_eq!(second.title(), "Cat rate limited");
    assert!(second.retryable());
    assert_eq!(second.description(), "");
    assert_eq!(second.resolution(), None);
    assert_eq!(second.causes(), ["A client retried in a loop."]);
    assert_eq!(second.retry_after(), Some(60));
    assert_eq!(second.fields().len(), 1);
    assert_eq!(second.fields()[0].name(), "limit");
    assert!(std::ptr::eq(second.category(), first.category()));

    assert_eq!(
        CatalogAuth::find("cat_rate_limited").map(ErrorSpec::variant),
        Some("RateLimited")
    );
    assert_eq!(CatalogAuth::find("nope"), None);
    assert_eq!(
        CatalogAuth::RateLimited { limit: 1 }.spec(),
        &CatalogAuth::CATALOG[1]
    );
}

#[test]
fn defaults_without_type_attribute() {
    let spec = &Shapes::CATALOG[0];
    assert_eq!(spec.category().format(), Format::Problem);
    assert_eq!(spec.category().docs(), None);
    assert_eq!(spec.category().domain(), None);
    assert_eq!(spec.category().doc(), "");
    assert_eq!(spec.docs_url(), None);
    assert_eq!(spec.title(), "Shape unit");
    assert_eq!(Shapes::CATALOG[2].title(), "Shape struct");
}

#[derive(Debug, ApiError)]
pub enum NoErrors {}

#[test]
fn an_enum_without_variants_has_an_empty_catalog() {
    assert_eq!(NoErrors::CATALOG, []);
    assert_eq!(<NoErrors as ErrorCatalog>::find("anything"), None);
}

// ---------------------------------------------------------------------------------------
// The crate-wide uniqueness check and its opt-out

#[derive(Debug, ApiError)]
pub enum Billing {
    #[error(code = "shared_not_found", status = 404, message = "Invoice not found")]
    NotFound,
}

/// Another team's enum reuses a code on purpose; it opts out of the crate-wide check.
#[derive(Debug, ApiError)]
#[api_error(unique_in_crate = false)]
pub enum Shipping {
    #[error(code = "shared_not_found", status = 404, message = "Parcel not found")]
    NotFound,
}

#[test]
fn unique_in_crate_false_allows_a_shared_code() {
    assert_eq!(Billing::NotFound.code(), Shipping::NotFound.code());
    assert_eq!(Billing::NotFound.to_string(), "Invoice not found");
    assert_eq!(Shipping::NotFound.to_string(), "Parcel not found");
}
