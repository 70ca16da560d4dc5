//! `Catalog::from_json`: a catalog read back from its export renders every document as
//! the catalog it was exported from does, and a text that is not such an export is
//! one clear error, never a panic.

#[path = "../examples/catalog/errors.rs"]
mod errors;

use error_catalog::{Catalog, Format, catalog};

/// Every format, a flattened `FieldErrors`, examples of each kind, headers, a domain.
#[allow(dead_code)]
mod shapes {
    use error_catalog::{ApiError, FieldErrors};

    /// Google errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "google", domain = "api.example.com")]
    pub enum GoogleError {
        /// Quota.
        #[error(code = "quota_exceeded", status = 429, message = "Quota of {limit} exceeded",
                retry_after = 30, causes = ["Too many calls."])]
        Quota {
            #[error(example = 100)]
            limit: u32,
            #[error(example = 0.5)]
            ratio: f64,
            #[error(example = [true, false])]
            flags: Vec<bool>,
            #[error(header = "X-Quota")]
            quota: Option<String>,
        },
    }

    /// Problem errors.
    #[derive(Debug, ApiError)]
    #[api_error(format = "problem", docs = "https://docs.example.com/{code}")]
    pub enum ProblemError {
        /// Invalid "input" \ here.
        #[error(
            code = "AUTH-401",
            status = 401,
            message = "No {{braces}} here",
            title = "Denied"
        )]
        Denied {
            #[error(flatten, example = ["email: Must be set"])]
            errors: FieldErrors,
            #[error(retry_after)]
            wait: u64,
        },
    }
}

fn same_documents(original: &Catalog) {
    let export = original.to_json_pretty();
    let read = Catalog::from_json(&export).unwrap();
    assert_eq!(read.len(), original.len());
    assert_eq!(read.to_json_pretty(), export);
    assert_eq!(read.to_json(), original.to_json());
    assert_eq!(read.to_markdown(), original.to_markdown());
    assert_eq!(read.to_openapi(), original.to_openapi());
    for format in Format::ALL {
        assert_eq!(
            read.markdown().format(format).to_string(),
            original.markdown().format(format).to_string()
        );
    }
    assert_eq!(read.typescript(), original.typescript());
    for spec in original {
        let found = read.find(spec.code()).unwrap();
        assert_eq!(found.code(), spec.code());
        assert_eq!(found.deprecation(), spec.deprecation());
    }
    assert!(read.find("no_such_code").is_none());
    let categories: Vec<&str> = read.categories().map(|(c, _)| c.name()).collect();
    let expected: Vec<&str> = original.categories().map(|(c, _)| c.name()).collect();
    assert_eq!(categories, expected);
}

#[test]
fn an_export_reads_back_into_the_same_documents() {
    same_documents(&errors::CATALOG);
    same_documents(&catalog!(shapes::GoogleError, shapes::ProblemError));
}

#[test]
fn services_of_a_merged_export_read_back_into_categories() {
    let mut doc: serde_json::Value = serde_json::from_str(&errors::CATALOG.to_json()).unwrap();
    for entry in doc["errors"].as_array_mut().unwrap() {
        entry["services"] = serde_json::json!(["licensing"]);
    }
    let text = doc.to_string();
    let read = Catalog::from_json(&text).unwrap();
    assert!(
        read.categories()
            .all(|(category, _)| category.services() == ["licensing"])
    );
    let again: serde_json::Value = serde_json::from_str(&read.to_json()).unwrap();
    assert!(again == doc, "the services did not read back");
    assert!(
        read.to_markdown()
            .contains("\n## License errors (licensing)\n")
    );
}

#[test]
fn texts_that_are_not_exports_are_errors() {
    let export = errors::CATALOG.to_json_pretty();
    let cases: Vec<(String, &str)> = vec![
        (
            String::new(),
            "not valid JSON: EOF while parsing a value at line 1 column 0",
        ),
        (
            export[..export.len() / 2].to_owned(),
            "not valid JSON: EOF while parsing",
        ),
        (
            "[1, 2]".to_owned(),
            "not a catalog export (no `version` member)",
        ),
        (
            r#"{"openapi": "3.1.0"}"#.to_owned(),
            "not a catalog export (no `version` member): missing field `version`",
        ),
        (
            r#"{"version": 3, "errors": [{"code": 1}]}"#.to_owned(),
            "schema version 3 is newer than",
        ),
        (
            r#"{"version": 0, "errors": []}"#.to_owned(),
            "schema version 0 is not one",
        ),
        (
            r#"{"version": "1", "errors": []}"#.to_owned(),
            "not a catalog export: `version` is \"1\"",
        ),
        (
            export.replacen("\"status\": 401", "\"status\": 200", 1),
            "errors[0] (`invalid_credentials`): status 200 is not an error status (400..=599)",
        ),
        (
            export.replacen("\"status\": 401", "\"status\": \"401\"", 1),
            "not a catalog export: invalid type: string \"401\", expected u16 at line",
        ),
        (
            export.replacen("\"format\": \"nested\"", "\"format\": \"xml\"", 1),
            "errors[0] (`invalid_credentials`): category: unknown error format `xml`",
        ),
        (
            export.replacen("\"type\": \"string\"", "\"type\": \"text\"", 1),
            "has the unknown type `text`",
        ),
        (
            export.replacen(
                "\"code\": \"token_expired\"",
                "\"code\": \"invalid_credentials\"",
                1,
            ),
            "the code `invalid_credentials` is listed twice",
        ),
        (
            export.replacen(
                "\"code\": \"token_expired\"",
                "\"code\": \"INVALID-CREDENTIALS\"",
                1,
            ),
            "the codes `invalid_credentials` and `INVALID-CREDENTIALS` have one Google reason",
        ),
        (
            export.replacen(
                "\"code\": \"token_expired\"",
                "\"code\": \"token expired\"",
                1,
            ),
            "errors[1] (`token expired`): a code is 1 to 64",
        ),
        (
            export.replacen("\"example\": 10", "\"example\": {\"a\": 1}", 1),
            "the example of detail `max_seats` is not a string",
        ),
    ];
    for (text, expected) in cases {
        let error = Catalog::from_json(&text).unwrap_err().to_string();
        assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        assert!(!error.contains('\n'), "{error:?}");
    }
}

#[test]
fn every_cut_of_an_export_is_an_error_and_no_panic() {
    let export = catalog!(shapes::GoogleError, shapes::ProblemError).to_json();
    for end in 0..export.len() {
        if export.is_char_boundary(end) {
            assert!(Catalog::from_json(&export[..end]).is_err(), "{end}");
        }
    }
    let _ = shapes::GoogleError::CATALOG[0].code();
}
