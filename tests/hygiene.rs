//! The expansion is hygienic: it names everything by absolute path through the runtime
//! crate's hidden `__private` module, so it compiles next to shadowed prelude names,
//! inside `macro_rules!`, under `#[no_implicit_prelude]`, and without a warning under
//! strict lints. CI runs clippy on this file, so `clippy::pedantic` checks the
//! expansion too: clippy skips macro output spanned at the call site, but lints the
//! parts the derive spans at the user's tokens (messages, detail and source fields).

#![deny(warnings, unused_qualifications, missing_docs)]
#![deny(clippy::pedantic)]

/// Names that shadow the prelude and the standard crates. Everything derived below
/// lives in this module.
pub mod shadowed {
    use error_catalog::ApiError;

    /// Shadows `core::result::Result`.
    pub struct Result;
    /// Shadows `core::option::Option`.
    pub struct Option;
    /// Shadows `Option::Some`.
    pub struct Some;
    /// Shadows `Option::None`.
    pub struct None;
    /// Shadows `alloc::boxed::Box`.
    pub struct Box;
    /// Shadows `alloc::string::String`.
    pub struct String;
    /// Shadows the `core` crate.
    pub mod core {}
    /// Shadows the `std` crate.
    pub mod std {}

    /// Every shape the derive handles, next to the shadowing names.
    #[derive(Debug, ApiError)]
    #[api_error(format = "nested", docs = "https://docs.example.com/errors")]
    pub enum Shadowed<T: ::std::fmt::Display + ::serde::Serialize> {
        /// The project does not exist.
        #[error(
            code = "hygiene_not_found",
            status = 404,
            message = "Project {id} not found"
        )]
        NotFound {
            /// The project id.
            id: ::std::string::String,
            /// An optional hint.
            hint: ::std::option::Option<u32>,
        },
        /// Too many requests.
        #[error(code = "hygiene_rate_limited", status = 429, message = "Wait {0}")]
        RateLimited(#[error(retry_after)] u64),
        /// Field errors, with a documented example, and one of another flattened type.
        #[error(code = "hygiene_invalid", status = 422, message = "Invalid")]
        Invalid {
            /// Validation errors.
            #[error(flatten, example = "name: Must not be empty")]
            errors: ::error_catalog::FieldErrors,
            /// Labels.
            #[error(flatten)]
            labels: ::std::collections::BTreeMap<::std::string::String, u32>,
        },
        /// A generic value was rejected.
        #[error(code = "hygiene_rejected", status = 422, message = "Rejected {value}")]
        Rejected {
            /// The rejected value.
            value: T,
        },
        /// An I/O failure.
        #[error(
            code = "hygiene_io",
            status = 500,
            message = "An internal error occurred"
        )]
        Io(#[from] ::std::io::Error),
        /// A boxed upstream failure.
        #[error(code = "hygiene_upstream", status = 502, message = "Upstream failed")]
        Upstream {
            /// The cause.
            #[source]
            cause: ::std::boxed::Box<dyn ::std::error::Error + Send + Sync>,
        },
    }

    /// A type a client decodes, next to the shadowing names.
    #[derive(Debug, ApiError)]
    #[api_error(decode)]
    pub enum Decoded<T: ::std::fmt::Display + ::serde::Serialize> {
        /// A detail of each kind.
        #[error(code = "hygiene_decoded", status = 429, message = "Decoded {value}")]
        Detailed {
            /// A generic detail.
            value: T,
            /// An optional detail.
            hint: ::std::option::Option<u32>,
            /// The retry hint.
            #[error(retry_after)]
            wait: u64,
            /// Field errors.
            #[error(flatten)]
            errors: ::error_catalog::FieldErrors,
            /// An optional source.
            #[source]
            cause: ::std::option::Option<::std::fmt::Error>,
        },
        /// A tuple variant.
        #[error(code = "hygiene_decoded_tuple", status = 400, message = "Tuple")]
        Tuple(::std::option::Option<u8>),
    }

    /// A struct deriving the trait next to the shadowing names.
    #[derive(Debug, ApiError)]
    #[error(code = "hygiene_struct", status = 400)]
    pub struct Plain;

    /// Uses the shadowing names so that none of them is dead code.
    #[must_use]
    pub fn uses() -> (Result, Option, Some, None, Box, String) {
        (Result, Option, Some, None, Box, String)
    }
}

/// Derives an enum from inside a `macro_rules!`.
macro_rules! define_error {
    ($name:ident, $code:literal, $field:ident: $ty:ty) => {
        /// An error defined by a macro.
        #[derive(Debug, error_catalog::ApiError)]
        pub enum $name {
            /// The thing is missing.
            #[error(code = $code, status = 404, message = "Missing {id}")]
            Missing {
                /// Its id.
                $field: $ty,
            },
        }
    };
}

define_error!(FromMacro, "hygiene_from_macro", id: u64);

/// A module without the prelude: the expansion may rely on nothing in scope.
#[no_implicit_prelude]
pub mod bare {
    /// An error in a module with no prelude.
    #[derive(::std::fmt::Debug, ::error_catalog::ApiError)]
    pub enum Bare {
        /// The request is malformed.
        #[error(code = "hygiene_bare", status = 400, message = "Bad field {field}")]
        Bad {
            /// The field.
            field: ::std::string::String,
            /// An optional line.
            line: ::std::option::Option<u32>,
            /// The cause.
            #[source]
            cause: ::std::fmt::Error,
        },
        /// Unavailable.
        #[error(code = "hygiene_bare_unavailable", status = 503, retry_after = 5)]
        Unavailable(#[from] ::std::io::Error),
    }

    /// A type a client decodes, in a module with no prelude.
    #[derive(::std::fmt::Debug, ::error_catalog::ApiError)]
    #[api_error(decode)]
    pub enum BareDecoded {
        /// The request is malformed.
        #[error(
            code = "hygiene_bare_decoded",
            status = 400,
            message = "Bad field {field}"
        )]
        Bad {
            /// The field.
            field: ::std::string::String,
            /// An optional line.
            line: ::std::option::Option<u32>,
        },
    }
}

#[test]
fn derives_compile_and_work_next_to_shadowed_names() {
    use error_catalog::ApiError as _;

    let _ = shadowed::uses();
    let err: shadowed::Shadowed<u8> = shadowed::Shadowed::NotFound {
        id: "p1".into(),
        hint: None,
    };
    assert_eq!(err.code(), "hygiene_not_found");
    assert_eq!(err.to_string(), "Project p1 not found");
    assert_eq!(
        shadowed::Shadowed::<u8>::RateLimited(3).retry_after(),
        Some(3)
    );
    assert_eq!(
        shadowed::Shadowed::Rejected { value: 7 }.to_string(),
        "Rejected 7"
    );
    let io: shadowed::Shadowed<u8> = std::io::Error::other("x").into();
    assert!(std::error::Error::source(&io).is_some());
    assert_eq!(shadowed::Plain.code(), "hygiene_struct");

    assert_eq!(FromMacro::Missing { id: 4 }.to_string(), "Missing 4");
    assert_eq!(FromMacro::CATALOG[0].code(), "hygiene_from_macro");

    let bare = bare::Bare::Bad {
        field: "email".into(),
        line: Some(2),
        cause: std::fmt::Error,
    };
    assert_eq!(bare.to_string(), "Bad field email");
    assert_eq!(bare::Bare::CATALOG[1].retry_after(), Some(5));
    assert!(bare::Bare::CATALOG[1].retryable());

    let sent: shadowed::Decoded<u8> = shadowed::Decoded::Detailed {
        value: 9,
        hint: Some(2),
        wait: 30,
        errors: error_catalog::FieldErrors::new(),
        cause: Some(std::fmt::Error),
    };
    let body: error_catalog::ErrorBody = sent.envelope().to_json().parse().unwrap();
    let back = body.to_error::<shadowed::Decoded<u8>>().unwrap();
    assert!(matches!(
        back,
        shadowed::Decoded::Detailed {
            value: 9,
            hint: Some(2),
            wait: 30,
            cause: None,
            ..
        }
    ));
    let body: error_catalog::ErrorBody = bare::BareDecoded::Bad {
        field: "a".into(),
        line: None,
    }
    .envelope()
    .to_json()
    .parse()
    .unwrap();
    assert!(matches!(
        body.to_error::<bare::BareDecoded>().unwrap(),
        bare::BareDecoded::Bad { line: None, .. }
    ));
}
