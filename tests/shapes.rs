//! The shapes of type `#[derive(ApiError)]` takes: unit, tuple and struct variants (empty
//! ones too), a struct as a one-variant error, and the defaults of a type without
//! `#[api_error(..)]`.

mod common;

use common::{codes, details};
use error_catalog::{ApiError, Format};
use http::StatusCode;

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
// A type without #[api_error(..)]

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
