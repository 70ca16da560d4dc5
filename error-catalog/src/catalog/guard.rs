//! The compatibility guard: compares a catalog with a baseline (a JSON export committed
//! earlier) and sorts the differences into breaking and compatible changes.
//!
//! Breaking, for a client written against the baseline: a code removed, its status or
//! retryable flag changed, a detail field removed, given another JSON type or made
//! optional, a header (from an `#[error(header = "..")]` field) no longer sent.
//! Compatible: a new code, a new detail field, a new header, a code newly deprecated,
//! changed text (message, title, description, ...).
//!
//! Codes retire in two steps: first deprecated (Rust's `#[deprecated]` on the variant,
//! which the export records), then removed. Removing a code that the baseline marks
//! deprecated is a change of its own kind, [`Change::DeprecatedCodeRemoved`]: breaking
//! like any removal, unless the report [accepts](Report::accept_deprecated_removals)
//! it; removing a code the baseline did not mark deprecated is always breaking.

use core::fmt;
use std::path::Path;

use serde_json::Value;

use crate::catalog::Catalog;
use crate::model::spec::ErrorSpec;

/// The environment variable that makes [`assert_compatible`] write the baseline instead
/// of comparing with it.
pub const BLESS_VAR: &str = "ERROR_CATALOG_BLESS";

/// One difference between a baseline and the current catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// Breaking: a code of the baseline is gone.
    CodeRemoved {
        /// The code.
        code: String,
    },
    /// Breaking: a code's HTTP status changed.
    StatusChanged {
        /// The code.
        code: String,
        /// The status in the baseline.
        from: u16,
        /// The status now.
        to: u16,
    },
    /// Breaking: a code's retryable flag changed.
    RetryableChanged {
        /// The code.
        code: String,
        /// The flag in the baseline.
        from: bool,
        /// The flag now.
        to: bool,
    },
    /// Breaking: a detail field of a code is gone.
    FieldRemoved {
        /// The code.
        code: String,
        /// The field's key in `details`.
        field: String,
    },
    /// Breaking: a detail field has another JSON type.
    FieldRetyped {
        /// The code.
        code: String,
        /// The field's key in `details`.
        field: String,
        /// The JSON type in the baseline.
        from: String,
        /// The JSON type now.
        to: String,
    },
    /// Breaking: a detail field that was always sent may now be left out (it became an
    /// `Option`).
    FieldMadeOptional {
        /// The code.
        code: String,
        /// The field's key in `details`.
        field: String,
    },
    /// Breaking: the code no longer sends a header from its fields
    /// (`#[error(header = "..")]`).
    HeaderRemoved {
        /// The code.
        code: String,
        /// The header's name as the baseline wrote it.
        header: String,
    },
    /// Breaking: a translated locale no longer has the code (its clients now get the
    /// default locale's text): the baseline's `translations` had it.
    TranslationRemoved {
        /// The code.
        code: String,
        /// The locale's language tag.
        locale: String,
    },
    /// Breaking unless [accepted](Report::accept_deprecated_removals): a code that the
    /// baseline marks deprecated is gone.
    DeprecatedCodeRemoved {
        /// The code.
        code: String,
        /// The code the baseline names as its replacement, if any.
        replaced_by: Option<String>,
    },
    /// Compatible: a code is deprecated now, and was not in the baseline.
    CodeDeprecated {
        /// The code.
        code: String,
    },
    /// Compatible: a new code.
    CodeAdded {
        /// The code.
        code: String,
    },
    /// Compatible: a new detail field.
    FieldAdded {
        /// The code.
        code: String,
        /// The field's key in `details`.
        field: String,
    },
    /// Compatible: the code sends a new header from a field.
    HeaderAdded {
        /// The code.
        code: String,
        /// The header's name.
        header: String,
    },
    /// Compatible: a text of the code changed (`message_template`, `title`,
    /// `description`, `resolution`, `causes`, `docs_url`).
    TextChanged {
        /// The code.
        code: String,
        /// The member of the JSON export that changed.
        member: &'static str,
    },
}

impl Change {
    /// The code the change is about.
    ///
    /// ```
    /// use error_catalog::guard::Change;
    /// # let change = Change::CodeAdded { code: "offer_expired".into() };
    /// assert_eq!(change.code(), "offer_expired");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Change::CodeRemoved { code }
            | Change::StatusChanged { code, .. }
            | Change::RetryableChanged { code, .. }
            | Change::FieldRemoved { code, .. }
            | Change::FieldRetyped { code, .. }
            | Change::FieldMadeOptional { code, .. }
            | Change::HeaderRemoved { code, .. }
            | Change::TranslationRemoved { code, .. }
            | Change::DeprecatedCodeRemoved { code, .. }
            | Change::CodeDeprecated { code }
            | Change::CodeAdded { code }
            | Change::FieldAdded { code, .. }
            | Change::HeaderAdded { code, .. }
            | Change::TextChanged { code, .. } => code,
        }
    }

    /// True for the changes that can break a client written against the baseline (a
    /// [`DeprecatedCodeRemoved`](Change::DeprecatedCodeRemoved) included: a report may
    /// accept it).
    pub fn is_breaking(&self) -> bool {
        matches!(
            self,
            Change::CodeRemoved { .. }
                | Change::DeprecatedCodeRemoved { .. }
                | Change::StatusChanged { .. }
                | Change::RetryableChanged { .. }
                | Change::FieldRemoved { .. }
                | Change::FieldRetyped { .. }
                | Change::FieldMadeOptional { .. }
                | Change::HeaderRemoved { .. }
                | Change::TranslationRemoved { .. }
        )
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::CodeRemoved { code } => write!(f, "code `{code}` was removed"),
            Change::StatusChanged { code, from, to } => {
                write!(f, "code `{code}`: status changed from {from} to {to}")
            }
            Change::RetryableChanged { code, from, to } => {
                write!(f, "code `{code}`: retryable changed from {from} to {to}")
            }
            Change::FieldRemoved { code, field } => {
                write!(f, "code `{code}`: detail field `{field}` was removed")
            }
            Change::FieldRetyped {
                code,
                field,
                from,
                to,
            } => write!(
                f,
                "code `{code}`: detail field `{field}` changed type from {from} to {to}"
            ),
            Change::FieldMadeOptional { code, field } => {
                write!(
                    f,
                    "code `{code}`: detail field `{field}` may now be left out"
                )
            }
            Change::HeaderRemoved { code, header } => {
                write!(f, "code `{code}`: header `{header}` is no longer sent")
            }
            Change::TranslationRemoved { code, locale } => {
                write!(
                    f,
                    "code `{code}`: locale `{locale}` no longer translates it"
                )
            }
            Change::DeprecatedCodeRemoved { code, replaced_by } => {
                write!(f, "deprecated code `{code}` was removed")?;
                match replaced_by {
                    Some(new) => write!(f, " (replaced by `{new}`)"),
                    None => Ok(()),
                }
            }
            Change::CodeDeprecated { code } => write!(f, "code `{code}` was deprecated"),
            Change::CodeAdded { code } => write!(f, "code `{code}` was added"),
            Change::FieldAdded { code, field } => {
                write!(f, "code `{code}`: detail field `{field}` was added")
            }
            Change::HeaderAdded { code, header } => {
                write!(f, "code `{code}`: header `{header}` is now sent")
            }
            Change::TextChanged { code, member } => {
                write!(f, "code `{code}`: {member} changed")
            }
        }
    }
}

/// The differences between a baseline and a catalog: breaking ones first, in baseline
/// order, then compatible ones.
///
/// ```
/// use error_catalog::{catalog, ApiError};
///
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     #[error(code = "token_expired", status = 401, message = "The access token has expired")]
///     TokenExpired { expired_at: String },
/// }
///
/// let baseline = r#"{"version": 1, "errors": [
///     {"code": "token_expired", "status": 403, "retryable": false,
///      "details": [{"name": "expired_at", "type": "integer"}]},
///     {"code": "token_invalid", "status": 401, "retryable": false, "details": []}
/// ]}"#;
/// let report = catalog!(AuthError).compare(baseline).unwrap();
/// assert!(report.is_breaking());
/// assert_eq!(report.to_string(), "\
/// 3 breaking changes:
///   - code `token_expired`: status changed from 403 to 401
///   - code `token_expired`: detail field `expired_at` changed type from integer to string
///   - code `token_invalid` was removed
/// ");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    changes: Vec<Change>,
    /// Removals of deprecated codes are accepted (not breaking).
    accept_deprecated_removals: bool,
}

impl Report {
    /// Every change: breaking ones first, then compatible ones.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The same report, with the removal of a code that the baseline marks deprecated
    /// ([`Change::DeprecatedCodeRemoved`]) accepted: listed, but not breaking. The
    /// removal of a code the baseline did not deprecate stays breaking.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "offer_expired", status = 410, message = "Offer expired")]
    /// pub struct OfferExpired;
    ///
    /// let baseline = r#"{"version": 1, "errors": [
    ///     {"code": "offer_expired", "status": 410, "retryable": false, "details": []},
    ///     {"code": "coupon_expired", "status": 410, "retryable": false, "details": [],
    ///      "deprecated": {"note": null, "since": "2.3.0", "replaced_by": "offer_expired"}}
    /// ]}"#;
    /// let report = catalog!(OfferExpired).compare(baseline).unwrap();
    /// assert!(report.is_breaking());
    /// let report = report.accept_deprecated_removals();
    /// assert!(!report.is_breaking());
    /// assert_eq!(report.to_string(), "\
    /// 1 accepted change:
    ///   - deprecated code `coupon_expired` was removed (replaced by `offer_expired`)
    /// ");
    /// ```
    #[must_use]
    pub fn accept_deprecated_removals(mut self) -> Self {
        self.accept_deprecated_removals = true;
        self
    }

    /// Whether the report accepts this change although it [is
    /// breaking](Change::is_breaking).
    fn accepted(&self, change: &Change) -> bool {
        self.accept_deprecated_removals && matches!(change, Change::DeprecatedCodeRemoved { .. })
    }

    /// The breaking changes (less those the report accepts).
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|change| change.is_breaking() && !self.accepted(change))
    }

    /// The breaking changes that the report accepts
    /// ([`accept_deprecated_removals`](Report::accept_deprecated_removals)).
    pub fn accepted_changes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|change| self.accepted(change))
    }

    /// The compatible changes.
    pub fn compatible(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|change| !change.is_breaking())
    }

    /// True when some change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.breaking().next().is_some()
    }

    /// True when the catalog equals the baseline in every compared member.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups = [
            ("breaking", self.breaking().collect::<Vec<_>>()),
            ("accepted", self.accepted_changes().collect::<Vec<_>>()),
            ("compatible", self.compatible().collect::<Vec<_>>()),
        ];
        for (kind, changes) in groups {
            if changes.is_empty() {
                continue;
            }
            let plural = if changes.len() == 1 { "" } else { "s" };
            writeln!(f, "{} {kind} change{plural}:", changes.len())?;
            for change in changes {
                writeln!(f, "  - {change}")?;
            }
        }
        Ok(())
    }
}

/// A baseline that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError(String);

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid error catalog baseline: {}", self.0)
    }
}

impl std::error::Error for BaselineError {}

impl Catalog {
    /// Compares the catalog with a baseline, the text of an earlier
    /// [`to_json`](Catalog::to_json) export.
    ///
    /// Only `code`, `status`, `retryable`, the `details` names and types, and the text
    /// members are read, so a baseline trimmed to those still works.
    ///
    /// # Errors
    ///
    /// A baseline that is not JSON, has another schema version, or lacks one of the
    /// members compared.
    pub fn compare(&self, baseline: &str) -> Result<Report, BaselineError> {
        let baseline = parse_baseline(baseline)?;
        let mut breaking = Vec::new();
        let mut compatible = Vec::new();
        for old in &baseline {
            let Some(new) = self.find(&old.code) else {
                breaking.push(match &old.deprecated {
                    Retired::Deprecated(replaced_by) => Change::DeprecatedCodeRemoved {
                        code: old.code.clone(),
                        replaced_by: replaced_by.clone(),
                    },
                    Retired::No => Change::CodeRemoved {
                        code: old.code.clone(),
                    },
                });
                continue;
            };
            diff_code(old, new, &mut breaking, &mut compatible);
        }
        for spec in self {
            if !baseline.iter().any(|old| old.code == spec.code()) {
                compatible.push(Change::CodeAdded {
                    code: spec.code().to_owned(),
                });
            }
        }
        breaking.append(&mut compatible);
        Ok(Report {
            changes: breaking,
            accept_deprecated_removals: false,
        })
    }
}

/// What the guard reads of one baseline entry.
struct OldCode {
    code: String,
    status: u16,
    retryable: bool,
    fields: Vec<OldField>,
    /// The headers sent from fields (none when the entry has no `headers` member).
    headers: Vec<String>,
    /// The locales that translated the code (none without a `translations` member).
    translations: Vec<String>,
    /// Whether the entry is marked deprecated, and the replacement it names.
    deprecated: Retired,
    /// The entry as a whole, for the text members.
    entry: Value,
}

/// Whether a baseline entry is deprecated.
enum Retired {
    No,
    /// Deprecated, with the code that replaces it, if any.
    Deprecated(Option<String>),
}

/// What the guard reads of one detail field of a baseline entry.
struct OldField {
    name: String,
    /// The JSON type.
    kind: String,
    /// Whether the field could be left out (`optional: true`; absent means false).
    optional: bool,
}

fn parse_baseline(text: &str) -> Result<Vec<OldCode>, BaselineError> {
    let doc: Value =
        serde_json::from_str(text).map_err(|error| BaselineError(format!("not JSON: {error}")))?;
    match doc.get("version").and_then(Value::as_u64) {
        Some(1) => {}
        Some(other) => {
            return Err(BaselineError(format!(
                "schema version {other}, this crate reads version 1"
            )));
        }
        None => return Err(BaselineError("no `version` member".to_owned())),
    }
    let errors = doc
        .get("errors")
        .and_then(Value::as_array)
        .ok_or_else(|| BaselineError("no `errors` array".to_owned()))?;
    errors.iter().enumerate().map(old_code).collect()
}

fn old_code((index, entry): (usize, &Value)) -> Result<OldCode, BaselineError> {
    let missing = |member: &str| BaselineError(format!("errors[{index}] has no valid `{member}`"));
    let code = entry
        .get("code")
        .and_then(Value::as_str)
        .ok_or_else(|| missing("code"))?;
    let status = entry
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|status| u16::try_from(status).ok())
        .ok_or_else(|| missing("status"))?;
    let retryable = entry
        .get("retryable")
        .and_then(Value::as_bool)
        .ok_or_else(|| missing("retryable"))?;
    let details = entry
        .get("details")
        .and_then(Value::as_array)
        .ok_or_else(|| missing("details"))?;
    let fields = details
        .iter()
        .map(|field| {
            let name = field.get("name").and_then(Value::as_str);
            let kind = field.get("type").and_then(Value::as_str);
            let optional = match field.get("optional") {
                None => Some(false),
                Some(optional) => optional.as_bool(),
            };
            match (name, kind, optional) {
                (Some(name), Some(kind), Some(optional)) => Ok(OldField {
                    name: name.to_owned(),
                    kind: kind.to_owned(),
                    optional,
                }),
                _ => Err(missing("details[].name/type/optional")),
            }
        })
        .collect::<Result<_, _>>()?;
    let headers = match entry.get("headers") {
        None => Vec::new(),
        Some(headers) => headers
            .as_array()
            .and_then(|headers| {
                headers
                    .iter()
                    .map(|name| name.as_str().map(str::to_owned))
                    .collect()
            })
            .ok_or_else(|| missing("headers"))?,
    };
    let translations = match entry.get("translations") {
        None => Vec::new(),
        Some(translations) => translations
            .as_object()
            .map(|locales| locales.keys().cloned().collect())
            .ok_or_else(|| missing("translations"))?,
    };
    let deprecated = match entry.get("deprecated") {
        None | Some(Value::Null) => Retired::No,
        Some(Value::Object(deprecation)) => match deprecation.get("replaced_by") {
            None | Some(Value::Null) => Retired::Deprecated(None),
            Some(Value::String(code)) => Retired::Deprecated(Some(code.clone())),
            Some(_) => return Err(missing("deprecated.replaced_by")),
        },
        Some(_) => return Err(missing("deprecated")),
    };
    Ok(OldCode {
        code: code.to_owned(),
        status,
        retryable,
        fields,
        headers,
        translations,
        deprecated,
        entry: entry.clone(),
    })
}

/// The members whose change is compatible text, in the order they are reported.
const TEXT_MEMBERS: [&str; 6] = [
    "title",
    "message_template",
    "description",
    "resolution",
    "causes",
    "docs_url",
];

fn diff_code(
    old: &OldCode,
    new: &ErrorSpec,
    breaking: &mut Vec<Change>,
    compatible: &mut Vec<Change>,
) {
    let code = || old.code.clone();
    if old.status != new.status_u16() {
        breaking.push(Change::StatusChanged {
            code: code(),
            from: old.status,
            to: new.status_u16(),
        });
    }
    if old.retryable != new.retryable() {
        breaking.push(Change::RetryableChanged {
            code: code(),
            from: old.retryable,
            to: new.retryable(),
        });
    }
    for old_field in &old.fields {
        let name = &old_field.name;
        match new.fields().iter().find(|field| field.name() == name) {
            None => breaking.push(Change::FieldRemoved {
                code: code(),
                field: name.clone(),
            }),
            Some(field) if field.json_type().as_str() != old_field.kind => {
                breaking.push(Change::FieldRetyped {
                    code: code(),
                    field: name.clone(),
                    from: old_field.kind.clone(),
                    to: field.json_type().as_str().to_owned(),
                });
            }
            Some(field) if field.optional() && !old_field.optional => {
                breaking.push(Change::FieldMadeOptional {
                    code: code(),
                    field: name.clone(),
                });
            }
            Some(_) => {}
        }
    }
    for field in new.fields() {
        if !old
            .fields
            .iter()
            .any(|old_field| old_field.name == field.name())
        {
            compatible.push(Change::FieldAdded {
                code: code(),
                field: field.name().to_owned(),
            });
        }
    }
    for header in &old.headers {
        if !has_header(new.headers().iter().copied(), header) {
            breaking.push(Change::HeaderRemoved {
                code: code(),
                header: header.clone(),
            });
        }
    }
    for header in new.headers() {
        if !has_header(old.headers.iter().map(String::as_str), header) {
            compatible.push(Change::HeaderAdded {
                code: code(),
                header: (*header).to_owned(),
            });
        }
    }
    for locale in &old.translations {
        if new.translation(locale).is_none() {
            breaking.push(Change::TranslationRemoved {
                code: code(),
                locale: locale.clone(),
            });
        }
    }
    if matches!(old.deprecated, Retired::No) && new.deprecation().is_some() {
        compatible.push(Change::CodeDeprecated { code: code() });
    }
    let current = serde_json::to_value(new).unwrap_or_default();
    for member in TEXT_MEMBERS {
        // A baseline trimmed of a text member has nothing to compare it with.
        if let Some(before) = old.entry.get(member)
            && current.get(member) != Some(before)
        {
            compatible.push(Change::TextChanged {
                code: code(),
                member,
            });
        }
    }
}

/// Whether `names` holds the header `name` (header names are case-insensitive).
fn has_header<'h>(mut names: impl Iterator<Item = &'h str>, name: &str) -> bool {
    names.any(|known| known.eq_ignore_ascii_case(name))
}

/// Fails (panics) when `catalog` has breaking changes against the baseline file at
/// `path`, with a readable list of them; with `ERROR_CATALOG_BLESS=1` in the environment,
/// writes the catalog's JSON export (pretty-printed) to `path` instead.
///
/// A missing baseline fails too, saying how to create it. Compatible changes pass and
/// are printed, as a reminder to bless them into the baseline. The
/// [`assert_compatible!`](crate::assert_compatible!) macro calls this with a path
/// relative to the calling crate's directory.
///
/// ```no_run
/// # use error_catalog::{catalog, ApiError};
/// # #[derive(Debug, ApiError)]
/// # #[error(code = "not_found", status = 404, message = "Not found")]
/// # pub struct NotFound;
/// #[test]
/// fn error_codes_stay_compatible() {
///     error_catalog::guard::assert_compatible(&catalog!(NotFound), "errors.baseline.json");
/// }
/// ```
///
/// # Panics
///
/// On a breaking change, a missing or unreadable baseline, or a failed write when
/// blessing.
#[track_caller]
pub fn assert_compatible(catalog: &Catalog, path: impl AsRef<Path>) {
    let path = path.as_ref();
    let bless = std::env::var_os(BLESS_VAR).is_some_and(|value| !value.is_empty() && value != "0");
    if bless {
        if let Err(error) = std::fs::write(path, catalog.to_json_pretty()) {
            panic!(
                "cannot write the error catalog baseline {}: {error}",
                path.display()
            );
        }
        eprintln!("error catalog baseline written to {}", path.display());
        return;
    }
    let baseline = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => panic!(
            "cannot read the error catalog baseline {}: {error}\n\
             create it with {BLESS_VAR}=1 cargo test",
            path.display()
        ),
    };
    let report = match catalog.compare(&baseline) {
        Ok(report) => report,
        Err(error) => panic!("{}: {error}", path.display()),
    };
    assert!(
        !report.is_breaking(),
        "the error catalog breaks clients written against {}\n{report}\
         If the break is intended, accept it with {BLESS_VAR}=1 cargo test",
        path.display()
    );
    if !report.is_empty() {
        eprintln!(
            "the error catalog has changes that {} does not record yet:\n{report}\
             record them with {BLESS_VAR}=1 cargo test",
            path.display()
        );
    }
}
