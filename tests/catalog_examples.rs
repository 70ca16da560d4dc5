//! The example bodies of the catalog's documents (the OpenAPI examples, the Markdown
//! page) for the fields that have no plain sample value: a flattened `FieldErrors`,
//! recognized by its type and documented by its `example`, and a `message_only` field.

use error_catalog::{ApiError, Catalog, FieldErrors, Format, catalog};
use serde_json::{Value, json};

type Problems = FieldErrors;

/// A type of the service's own that happens to be called `FieldErrors`.
mod own {
    #[derive(Debug, serde::Serialize)]
    pub struct FieldErrors {
        pub reason: String,
    }
}

/// Signup errors.
#[derive(Debug, ApiError)]
#[api_error(format = "nested")]
pub enum SignupError {
    /// Some fields are invalid.
    #[error(
        code = "validation_error",
        status = 422,
        message = "Request validation failed"
    )]
    Validation {
        #[error(
            flatten,
            example = ["email: Must be a valid email address", "credentials.password: Must be at least 12 characters"]
        )]
        errors: FieldErrors,
    },

    /// No example: one typical error is shown.
    #[error(
        code = "invalid_profile",
        status = 422,
        message = "The profile is invalid"
    )]
    Profile {
        #[error(flatten)]
        errors: Problems,
    },

    /// A flattened type of the service's own, whatever its name: no entries are known.
    #[error(
        code = "invalid_settings",
        status = 422,
        message = "The settings are invalid"
    )]
    Settings {
        #[error(flatten)]
        errors: own::FieldErrors,
    },

    /// The workspace is not there.
    #[error(
        code = "workspace_not_found",
        status = 404,
        message = "Workspace {id} not found"
    )]
    NotFound {
        #[error(message_only)]
        id: String,
    },
}

static ERRORS: Catalog = catalog!(SignupError);

fn example(code: &str, format: Format) -> Value {
    let openapi = ERRORS.openapi().format(format).value();
    let status = ERRORS.find(code).unwrap().status_u16();
    let content = &openapi["components"]["responses"][format!("Error{status}")]["content"];
    let media = if format == Format::Problem {
        "application/problem+json"
    } else {
        "application/json"
    };
    content[media]["examples"][code]["value"].clone()
}

#[test]
fn field_errors_are_recognized_by_type() {
    let fields = |index: usize| SignupError::CATALOG[index].fields()[0];
    assert!(fields(0).field_errors());
    assert!(
        fields(1).field_errors(),
        "an alias of FieldErrors is FieldErrors"
    );
    assert!(
        !fields(2).field_errors(),
        "a type named FieldErrors is not the crate's"
    );
    assert!(fields(2).flattened());
}

#[test]
fn declared_field_error_examples_in_every_layout() {
    assert_eq!(
        example("validation_error", Format::Nested),
        json!({"error": {"code": "validation_error", "message": "Request validation failed",
        "details": {"errors": [
            {"field": "email", "message": "Must be a valid email address"},
            {"field": "credentials.password", "message": "Must be at least 12 characters"},
        ]}}})
    );
    assert_eq!(
        example("validation_error", Format::Flat),
        json!({"code": "validation_error", "message": "Request validation failed",
        "details": {
            "email": {"message": "Must be a valid email address"},
            "credentials.password": {"message": "Must be at least 12 characters"},
        }})
    );
    assert_eq!(
        example("validation_error", Format::Problem),
        json!({"type": "about:blank", "title": "Validation error", "status": 422,
        "detail": "Request validation failed", "code": "validation_error",
        "errors": [
            {"detail": "Must be a valid email address", "pointer": "#/email"},
            {"detail": "Must be at least 12 characters", "pointer": "#/credentials/password"},
        ]})
    );
}

#[test]
fn field_errors_without_example_show_one_typical_error() {
    assert_eq!(
        example("invalid_profile", Format::Nested)["error"]["details"],
        json!({"errors": [{"field": "email", "message": "Must be a valid email address"}]})
    );
    // Entries that only the value knows are not invented.
    assert_eq!(
        example("invalid_settings", Format::Nested)["error"],
        json!({"code": "invalid_settings", "message": "The settings are invalid", "details": {}})
    );
}

#[test]
fn message_only_fields_read_as_samples_and_stay_out_of_details() {
    assert_eq!(
        example("workspace_not_found", Format::Flat),
        json!({"code": "workspace_not_found", "message": "Workspace id_abc123 not found"})
    );
    let page = ERRORS.markdown().to_string();
    assert!(
        page.contains("\"message\": \"Workspace id_abc123 not found\""),
        "{page}"
    );
}

#[test]
fn the_json_export_marks_field_errors_and_keeps_the_example() {
    let json: Value = serde_json::from_str(&ERRORS.to_json()).unwrap();
    assert_eq!(
        json["errors"][0]["details"][0],
        json!({"name": "errors", "type": "any", "rust_type": "FieldErrors", "flattened": true,
               "field_errors": true,
               "example": ["email: Must be a valid email address",
                           "credentials.password: Must be at least 12 characters"]})
    );
    assert_eq!(json["errors"][2]["details"][0].get("field_errors"), None);
}
