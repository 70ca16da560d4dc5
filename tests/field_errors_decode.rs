//! `FieldErrors` read back from every format's body: the formats that carry every error
//! give back exactly the errors sent; `Flat` keeps the first error of each field (in no
//! particular order) and `Compact` none.

use error_catalog::{ApiError, ErrorBody, FieldError, FieldErrors, FieldPath, Format};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;

#[derive(Debug, ApiError)]
pub enum FormError {
    #[error(code = "form_invalid", status = 422, message = "The form is invalid")]
    Invalid {
        #[error(flatten)]
        errors: FieldErrors,
    },
}

/// Segments with the characters each layout escapes: `.` and `\` (dotted form), `/`
/// and `~` (JSON Pointer), `%`, `#` and spaces (URI fragment), and any other.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,6}",
        "[a-z./~%# \\\\]{0,6}",
        vec(any::<char>(), 0..6).prop_map(String::from_iter),
    ]
}

fn path() -> impl Strategy<Value = FieldPath> {
    (
        segment(),
        vec(
            prop_oneof![segment().prop_map(Ok), (0usize..20).prop_map(Err)],
            0..3,
        ),
    )
        .prop_map(|(first, rest)| {
            rest.into_iter()
                .fold(FieldPath::new(first), |path, next| match next {
                    Ok(key) => path.key(key),
                    Err(index) => path.index(index),
                })
        })
}

fn field_errors() -> impl Strategy<Value = FieldErrors> {
    vec(
        (
            path(),
            proptest::option::of("[a-z_]{1,12}"),
            vec(any::<char>(), 0..20).prop_map(String::from_iter),
        ),
        0..6,
    )
    .prop_map(|errors| {
        errors
            .into_iter()
            .map(|(path, code, message)| {
                let error = FieldError::new(path, message);
                match code {
                    Some(code) => error.with_code(code),
                    None => error,
                }
            })
            .collect()
    })
}

/// The field errors of a body, read from its details.
fn read_back(err: &FormError, format: Format) -> FieldErrors {
    let json = err.envelope().format(format).to_json();
    let body = ErrorBody::from_json(json.as_bytes()).unwrap();
    assert_eq!(body.format(), format);
    serde_json::from_value(Value::Object(body.into_details())).unwrap()
}

/// The first error of each field, as the `Map` layout keeps them, by field.
fn first_per_field(errors: &FieldErrors) -> Vec<FieldError> {
    let mut seen = std::collections::HashSet::new();
    let mut first: Vec<FieldError> = errors
        .iter()
        .filter(|error| seen.insert(error.path().to_string()))
        .cloned()
        .collect();
    first.sort_by_key(|error| error.path().to_string());
    first
}

fn by_field(errors: FieldErrors) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = errors.into_iter().collect();
    errors.sort_by_key(|error| error.path().to_string());
    errors
}

proptest! {
    #[test]
    fn the_formats_that_carry_every_error_give_them_back(errors in field_errors()) {
        let err = FormError::Invalid { errors: errors.clone() };
        for format in [Format::Nested, Format::Problem, Format::Google] {
            prop_assert_eq!(&read_back(&err, format), &errors, "{:?}", format);
        }
        prop_assert_eq!(by_field(read_back(&err, Format::Flat)), first_per_field(&errors));
        prop_assert!(read_back(&err, Format::Compact).is_empty());
    }

    #[test]
    fn each_layout_reads_back_on_its_own(errors in field_errors()) {
        use error_catalog::validation::Layout;
        for layout in [Layout::List, Layout::Pointers] {
            let json = serde_json::to_string(&errors.clone().layout(layout)).unwrap();
            prop_assert_eq!(&serde_json::from_str::<FieldErrors>(&json).unwrap(), &errors);
        }
        let json = serde_json::to_string(&errors.clone().layout(Layout::Map)).unwrap();
        prop_assert_eq!(by_field(serde_json::from_str::<FieldErrors>(&json).unwrap()), first_per_field(&errors));
    }
}

#[test]
fn shapes_that_are_no_field_errors_are_errors() {
    for (json, expected) in [
        (
            r#"[{"message":"x"}]"#,
            "expected a `field` or `pointer` string",
        ),
        (r#"[{"field":"a"}]"#, "`message` is missing"),
        (
            r#"[{"pointer":"a","detail":"x"}]"#,
            "`pointer` must be a JSON Pointer",
        ),
        (
            r#"[{"field":"a","message":"x","code":7}]"#,
            "`code` must be a string",
        ),
        (r#"{"a":"x"}"#, "for `a`: expected an object"),
        ("7", "invalid field errors"),
        (r#""not json""#, "invalid field errors"),
        (r#"[3]"#, "expected an object"),
    ] {
        let error = serde_json::from_str::<FieldErrors>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{json}: {error}");
    }
}

#[test]
fn a_null_code_is_no_code_and_other_members_are_ignored() {
    let errors: FieldErrors = serde_json::from_str(
        r#"[{"field":"a","message":"x","code":null,"extra":1},{"pointer":"/b/0","detail":"y"}]"#,
    )
    .unwrap();
    let expected: FieldErrors = [
        FieldError::new("a", "x"),
        FieldError::new(FieldPath::new("b").index(0), "y"),
    ]
    .into_iter()
    .collect();
    assert_eq!(errors, expected);
}
