//! The catalog: [`Catalog`], every error code of a service across its error types and
//! crates, and the [`catalog!`](crate::catalog!) macro that builds one and checks it at
//! compile time.
//!
//! - `index`: the compile-time hash table behind `catalog!` (the uniqueness check and
//!   [`Catalog::find`]);
//! - `shared`: the check that every message of a shared locale folder is some listed
//!   type's;
//! - `guard`: the compatibility check of a catalog against a committed baseline;
//! - `export`: the JSON, Markdown, OpenAPI and TypeScript documents of a catalog.
//!
//! Depends on the [model](crate::model) and, for the example bodies of the exports, the
//! [wire](crate::wire).

use core::fmt;
use std::collections::BTreeMap;

use http::StatusCode;

use crate::model::spec::{Category, ErrorSpec};

pub(crate) mod export;
pub mod guard;
pub(crate) mod index;
pub(crate) mod load;
pub(crate) mod shared;

/// Lists error types, from any crates, as one [`Catalog`], and checks at compile time that
/// no two of their variants share a code.
///
/// Each argument is a type implementing [`ErrorCatalog`](crate::ErrorCatalog) (every
/// `#[derive(ApiError)]` type does). The check is a `const` evaluated by `cargo check`
/// and `cargo build` alike; a repeated code fails the build with a message that names the
/// code and both variants:
///
/// ```text
/// error[E0080]: evaluation panicked: duplicate error code `conflict`: UserError::Conflict and OrderError::AlreadyExists
/// ```
///
/// So do two codes with the same Google reason ([`grpc::reason`](crate::grpc::reason)),
/// which a client reading the [`Google`](crate::Format::Google) format or a tonic
/// `Status` could not tell apart:
///
/// ```text
/// error[E0080]: evaluation panicked: duplicate error reason `AUTH_401`: UserError::Unauthorized (`auth-401`) and OrderError::Denied (`auth.401`) map to it (...)
/// ```
///
/// The result is a constant expression, so it can initialize a `static` or a `const`
/// as well as a local:
///
/// ```
/// use error_catalog::{catalog, ApiError, Catalog};
///
/// /// Authentication errors.
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     /// The access token has expired.
///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
///     TokenExpired,
/// }
///
/// /// Resource errors.
/// #[derive(Debug, ApiError)]
/// pub enum ResourceError {
///     /// The requested resource doesn't exist.
///     #[error(code = "not_found", status = 404, message = "Not found")]
///     NotFound,
/// }
///
/// static ERRORS: Catalog = catalog!(AuthError, ResourceError);
///
/// assert_eq!(ERRORS.len(), 2);
/// assert_eq!(ERRORS.find("not_found").unwrap().variant(), "NotFound");
/// ```
///
/// With the axum or actix-web integration, list `error_catalog::Rejection` too: the
/// codes of the rejections those integrations send (`invalid_json`, `route_not_found`,
/// ...) are then checked against the service's own, and documented with them.
///
/// The check adds a fraction of a second to `cargo check` at 1,000 codes and a couple of
/// seconds at 20,000 (`benches/README.md` in the repository has the figures). Prefer a
/// `static` (or a local) to a `const` for the result: rustc re-validates a `const`
/// catalog through every spec wherever it is used. The hash table the check builds is
/// kept: [`Catalog::find`] looks codes up in it, with no map to build at run time.
#[macro_export]
macro_rules! catalog {
    ($($ty:ty),* $(,)?) => {{
        // A static, not a const: rustc validates a const's value through every reference,
        // into every spec of every listed type, each time; a static's references to other
        // statics (the derive's spec tables) are not followed.
        static __ERROR_CATALOG_TYPES: &[&[$crate::ErrorSpec]] =
            &[$(<$ty as $crate::ErrorCatalog>::CATALOG),*];
        // A free const (unlike an associated one) is evaluated by `cargo check` too,
        // wherever the macro is written: a duplicate never waits for code generation.
        #[allow(long_running_const_eval)]
        const __ERROR_CATALOG_INDEX: [u64; $crate::__private::index_slots(__ERROR_CATALOG_TYPES)] =
            $crate::__private::build_index(__ERROR_CATALOG_TYPES);
        // The messages of locale folders that several types share (`shared_locales`).
        const _: () = $crate::__private::check_shared_messages(__ERROR_CATALOG_TYPES);
        $crate::Catalog::__new(__ERROR_CATALOG_TYPES, &__ERROR_CATALOG_INDEX)
    }};
}

// Defined here rather than in `guard`: rustdoc lists a `#[macro_export]` macro under the
// module that defines it too, and `guard` is documented as a module of its own.
/// Fails the test when the catalog breaks compatibility with a baseline file; see
/// [`guard::assert_compatible`].
///
/// The path is relative to the directory of the crate that calls the macro (its
/// `CARGO_MANIFEST_DIR`). Run the tests with `ERROR_CATALOG_BLESS=1` to create or update
/// the baseline.
///
/// ```no_run
/// use error_catalog::{assert_compatible, catalog, ApiError};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "not_found", status = 404, message = "Not found")]
/// pub struct NotFound;
///
/// #[test]
/// fn error_codes_stay_compatible() {
///     assert_compatible!(catalog!(NotFound), "errors.baseline.json");
/// }
/// ```
#[macro_export]
macro_rules! assert_compatible {
    ($catalog:expr, $path:expr $(,)?) => {
        $crate::guard::assert_compatible(
            &$catalog,
            ::std::path::Path::new(::core::env!("CARGO_MANIFEST_DIR")).join($path),
        )
    };
}

/// Every error code of a service: the specs of several error types, checked unique at
/// compile time.
///
/// Built by [`catalog!`](crate::catalog!). Iterating yields every [`ErrorSpec`] in the
/// order the types were listed, each type's variants in declaration order. A catalog is
/// `Copy` and costs two pointers: everything it refers to is static.
///
/// ```
/// use error_catalog::{catalog, ApiError};
/// use http::StatusCode;
///
/// /// Authentication errors.
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     /// The email/password combination is incorrect.
///     #[error(code = "invalid_credentials", status = 401, message = "The email or password is incorrect")]
///     InvalidCredentials,
///     /// The token doesn't have required permissions.
///     #[error(code = "insufficient_scope", status = 403, message = "Missing scope")]
///     InsufficientScope,
/// }
///
/// /// Resource errors.
/// #[derive(Debug, ApiError)]
/// pub enum ResourceError {
///     /// The requested resource doesn't exist.
///     #[error(code = "not_found", status = 404, message = "Not found")]
///     NotFound,
///     /// A resource with this identifier already exists.
///     #[error(code = "already_exists", status = 409, message = "Already exists")]
///     AlreadyExists,
/// }
///
/// let errors = catalog!(AuthError, ResourceError);
/// let codes: Vec<&str> = errors.iter().map(|spec| spec.code()).collect();
/// assert_eq!(codes, ["invalid_credentials", "insufficient_scope", "not_found", "already_exists"]);
///
/// let categories: Vec<&str> = errors.categories().map(|(category, _)| category.name()).collect();
/// assert_eq!(categories, ["AuthError", "ResourceError"]);
///
/// let at_409: Vec<&str> = errors.with_status(StatusCode::CONFLICT).map(|s| s.code()).collect();
/// assert_eq!(at_409, ["already_exists"]);
/// ```
#[derive(Clone, Copy)]
pub struct Catalog {
    types: &'static [&'static [ErrorSpec]],
    index: &'static [u64],
}

impl Catalog {
    /// Used by `catalog!`, which passes the index it built from `types`.
    #[doc(hidden)]
    pub const fn __new(types: &'static [&'static [ErrorSpec]], index: &'static [u64]) -> Self {
        Catalog { types, index }
    }

    /// Registers the `error_catalog_responses_total` counter of every code at zero
    /// (feature `metrics`); see [`register_metrics`](crate::register_metrics).
    ///
    /// ```
    /// use error_catalog::{ApiError, catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "project_not_found", status = 404, message = "Project not found")]
    /// pub struct ProjectNotFound;
    ///
    /// catalog!(ProjectNotFound).register_metrics();
    /// ```
    #[cfg(feature = "metrics")]
    pub fn register_metrics(&self) {
        crate::observe::register_metrics(self.iter());
    }

    /// Every code's spec, in listing order.
    pub fn iter(&self) -> Iter {
        Iter {
            types: self.types.iter(),
            specs: [].iter(),
        }
    }

    /// The number of codes.
    pub fn len(&self) -> usize {
        self.types.iter().map(|specs| specs.len()).sum()
    }

    /// True when the catalog has no code.
    pub fn is_empty(&self) -> bool {
        self.types.iter().all(|specs| specs.is_empty())
    }

    /// The spec with this code, found in the table built at compile time.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "AUTH-401", status = 401, message = "Authentication failed")]
    /// pub struct AuthenticationFailed;
    ///
    /// let errors = catalog!(AuthenticationFailed);
    /// assert_eq!(errors.find("AUTH-401").unwrap().status_u16(), 401);
    /// assert!(errors.find("auth-401").is_none());
    /// ```
    pub fn find(&self, code: &str) -> Option<&'static ErrorSpec> {
        index::find(self.types, self.index, code)
    }

    /// One entry per listed type: its category and its specs, in listing order.
    ///
    /// A type without variants has no category to show and is left out. In a catalog
    /// read from an export ([`from_json`](Catalog::from_json)), each run of codes with
    /// the same category (and services) is one entry.
    pub fn categories(&self) -> impl Iterator<Item = (&'static Category, &'static [ErrorSpec])> {
        self.types.iter().flat_map(|&specs| {
            let mut rest = specs;
            core::iter::from_fn(move || {
                let category = rest.first()?.category();
                let end = rest
                    .iter()
                    .position(|spec| !core::ptr::eq(spec.category(), category))
                    .unwrap_or(rest.len());
                let (run, after) = rest.split_at(end);
                rest = after;
                Some((category, run))
            })
        })
    }

    /// The codes grouped by HTTP status, statuses ascending, codes in listing order.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// #[derive(Debug, ApiError)]
    /// pub enum AuthError {
    ///     #[error(code = "invalid_credentials", status = 401, message = "Bad credentials")]
    ///     InvalidCredentials,
    ///     #[error(code = "forbidden", status = 403, message = "Forbidden")]
    ///     Forbidden,
    ///     #[error(code = "token_expired", status = 401, message = "Token expired")]
    ///     TokenExpired,
    /// }
    ///
    /// let groups = catalog!(AuthError).by_status();
    /// let codes: Vec<(u16, Vec<&str>)> = groups
    ///     .iter()
    ///     .map(|(status, specs)| (status.as_u16(), specs.iter().map(|s| s.code()).collect()))
    ///     .collect();
    /// assert_eq!(codes, [(401, vec!["invalid_credentials", "token_expired"]), (403, vec!["forbidden"])]);
    /// ```
    pub fn by_status(&self) -> BTreeMap<StatusCode, Vec<&'static ErrorSpec>> {
        let mut groups: BTreeMap<StatusCode, Vec<&'static ErrorSpec>> = BTreeMap::new();
        for spec in self {
            groups.entry(spec.status()).or_default().push(spec);
        }
        groups
    }

    /// The codes with this HTTP status, in listing order.
    pub fn with_status(&self, status: StatusCode) -> impl Iterator<Item = &'static ErrorSpec> {
        self.iter().filter(move |spec| spec.status() == status)
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(ErrorSpec::code))
            .finish()
    }
}

impl IntoIterator for &Catalog {
    type Item = &'static ErrorSpec;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl IntoIterator for Catalog {
    type Item = &'static ErrorSpec;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

/// The iterator of [`Catalog::iter`]: every spec, in listing order.
#[derive(Clone, Debug)]
pub struct Iter {
    types: core::slice::Iter<'static, &'static [ErrorSpec]>,
    specs: core::slice::Iter<'static, ErrorSpec>,
}

impl Iterator for Iter {
    type Item = &'static ErrorSpec;

    fn next(&mut self) -> Option<&'static ErrorSpec> {
        loop {
            if let Some(spec) = self.specs.next() {
                return Some(spec);
            }
            self.specs = self.types.next()?.iter();
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let rest: usize = self.types.clone().map(|specs| specs.len()).sum();
        let len = self.specs.len() + rest;
        (len, Some(len))
    }
}

impl ExactSizeIterator for Iter {}

impl core::iter::FusedIterator for Iter {}
