//! Sources and `From`: `#[from]` writes the conversion that `?` uses, `#[source]` (or a
//! field named `source`) is `Error::source()`, boxed `dyn Error` sources included; a
//! source is never a detail and never in the message.

mod common;

use std::error::Error as _;
use std::fmt;

use common::details;
use error_catalog::ApiError;

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
