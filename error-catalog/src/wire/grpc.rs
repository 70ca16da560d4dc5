//! The gRPC / Google error model side of an error: canonical status codes, `ErrorInfo`
//! reasons and metadata.

use heck::ToShoutySnakeCase;
use http::StatusCode;

use crate::model::api_error::{ApiError, DetailValue, DetailVisitor};
use crate::model::format::Format;
use crate::model::spec::{ErrorSpec, FieldSpec};
use crate::wire::details::InFormat;
use crate::wire::validation::FieldErrors;

/// A canonical gRPC status code (`google.rpc.Code`).
///
/// ```
/// use error_catalog::grpc::{self, Code};
/// use http::StatusCode;
///
/// assert_eq!(grpc::canonical(StatusCode::NOT_FOUND), Code::NotFound);
/// assert_eq!(Code::NotFound.name(), "NOT_FOUND");
/// assert_eq!(Code::NotFound as i32, 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Code {
    Cancelled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
}

impl Code {
    /// The canonical name, e.g. `NOT_FOUND`, as used in AIP-193's `status` member.
    pub const fn name(self) -> &'static str {
        match self {
            Code::Cancelled => "CANCELLED",
            Code::Unknown => "UNKNOWN",
            Code::InvalidArgument => "INVALID_ARGUMENT",
            Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
            Code::NotFound => "NOT_FOUND",
            Code::AlreadyExists => "ALREADY_EXISTS",
            Code::PermissionDenied => "PERMISSION_DENIED",
            Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
            Code::FailedPrecondition => "FAILED_PRECONDITION",
            Code::Aborted => "ABORTED",
            Code::OutOfRange => "OUT_OF_RANGE",
            Code::Unimplemented => "UNIMPLEMENTED",
            Code::Internal => "INTERNAL",
            Code::Unavailable => "UNAVAILABLE",
            Code::DataLoss => "DATA_LOSS",
            Code::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The code with this canonical name.
    pub fn from_name(name: &str) -> Option<Code> {
        ALL.into_iter().find(|code| code.name() == name)
    }

    /// The HTTP status Google's error model pairs with this code.
    pub const fn http_status(self) -> StatusCode {
        match self {
            Code::Cancelled => match StatusCode::from_u16(499) {
                Ok(status) => status,
                Err(_) => StatusCode::BAD_REQUEST,
            },
            Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
                StatusCode::BAD_REQUEST
            }
            Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
            Code::NotFound => StatusCode::NOT_FOUND,
            Code::AlreadyExists | Code::Aborted => StatusCode::CONFLICT,
            Code::PermissionDenied => StatusCode::FORBIDDEN,
            Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
            Code::Unimplemented => StatusCode::NOT_IMPLEMENTED,
            Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Code::Unauthenticated => StatusCode::UNAUTHORIZED,
            Code::Unknown | Code::Internal | Code::DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

const ALL: [Code; 16] = [
    Code::Cancelled,
    Code::Unknown,
    Code::InvalidArgument,
    Code::DeadlineExceeded,
    Code::NotFound,
    Code::AlreadyExists,
    Code::PermissionDenied,
    Code::ResourceExhausted,
    Code::FailedPrecondition,
    Code::Aborted,
    Code::OutOfRange,
    Code::Unimplemented,
    Code::Internal,
    Code::Unavailable,
    Code::DataLoss,
    Code::Unauthenticated,
];

/// The canonical code for an HTTP error status, after the HTTP mapping of Google's API
/// design guide (`google.rpc.Code`): 400 `INVALID_ARGUMENT`, 401 `UNAUTHENTICATED`, 403
/// `PERMISSION_DENIED`, 404 and 410 `NOT_FOUND`, 408 and 504 `DEADLINE_EXCEEDED`, 409
/// `ABORTED`, 412 `FAILED_PRECONDITION`, 416 `OUT_OF_RANGE`, 429 `RESOURCE_EXHAUSTED`, 499
/// `CANCELLED`, 501 `UNIMPLEMENTED`, 502 and 503 `UNAVAILABLE`; other 4xx
/// `FAILED_PRECONDITION` (422 and 413-415 `INVALID_ARGUMENT`), other 5xx `INTERNAL`.
///
/// ```
/// use error_catalog::grpc::{canonical, Code};
/// use http::StatusCode;
///
/// assert_eq!(canonical(StatusCode::UNAUTHORIZED), Code::Unauthenticated);
/// assert_eq!(canonical(StatusCode::TOO_MANY_REQUESTS), Code::ResourceExhausted);
/// assert_eq!(canonical(StatusCode::INTERNAL_SERVER_ERROR), Code::Internal);
/// ```
pub fn canonical(status: StatusCode) -> Code {
    match status.as_u16() {
        400 | 413..=415 | 422 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 | 410 => Code::NotFound,
        408 | 504 => Code::DeadlineExceeded,
        409 => Code::Aborted,
        416 => Code::OutOfRange,
        429 => Code::ResourceExhausted,
        499 => Code::Cancelled,
        501 => Code::Unimplemented,
        502 | 503 => Code::Unavailable,
        400..=499 => Code::FailedPrecondition,
        _ => Code::Internal,
    }
}

/// The AIP-193 `ErrorInfo.reason` of a code: `UPPER_SNAKE_CASE` (words split at any
/// character other than a letter or digit, and where a lowercase letter meets an
/// uppercase one), at most 63 characters.
///
/// Two codes of one type, or of one `catalog!`, that map to the same reason are a
/// compile error.
///
/// ```
/// assert_eq!(error_catalog::grpc::reason("token_expired"), "TOKEN_EXPIRED");
/// assert_eq!(error_catalog::grpc::reason("AUTH-401"), "AUTH_401");
/// assert_eq!(error_catalog::grpc::reason("auth.401"), "AUTH_401");
/// assert_eq!(error_catalog::grpc::reason("quotaExceeded"), "QUOTA_EXCEEDED");
/// ```
pub fn reason(code: &str) -> String {
    // Most codes: snake_case, kebab-case, dotted.
    if let Some(reason) = reason_lowercase(code.as_bytes()) {
        return reason;
    }
    // An ASCII code (every derived one) by the `const` rule, which is the same.
    let mut ascii = [0; REASON_LEN];
    if let Some(len) = reason_ascii(code.as_bytes(), &mut ascii) {
        return String::from_utf8_lossy(&ascii[..len]).into_owned();
    }
    let mut reason = code.to_shouty_snake_case();
    let mut end = reason.len().min(REASON_LEN);
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    reason.truncate(end);
    reason
}

/// [`reason`] of a code of lowercase ASCII letters, digits and other ASCII characters
/// (separators), in one pass; `None` for any other code. Without an uppercase letter no
/// word ends inside a run of letters and digits: the words are the runs.
fn reason_lowercase(code: &[u8]) -> Option<String> {
    // Never longer than the code: each separator run becomes at most one `_`.
    let mut out = Vec::with_capacity(code.len());
    let mut gap = false;
    for &byte in code {
        if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push(b'_');
            }
            gap = false;
            out.push(byte.to_ascii_uppercase());
        } else if byte.is_ascii_uppercase() || !byte.is_ascii() {
            return None;
        } else {
            gap = true;
        }
    }
    out.truncate(REASON_LEN);
    String::from_utf8(out).ok()
}

/// Most bytes of a reason.
pub(crate) const REASON_LEN: usize = 63;

/// What the word being read has seen last, digits aside: nothing yet, a lowercase
/// letter, an uppercase letter.
const BOUNDARY: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;

/// [`reason`] of an ASCII code, for `const` evaluation: writes the reason into `out`
/// and returns its length, or `None` when the code is not ASCII (codes of derived types
/// always are).
///
/// The same word rule as [`reason`]: a word ends at a character that is not a letter or
/// a digit, after a lowercase letter (or a digit after one) followed by an uppercase
/// letter, and before the last of several uppercase letters followed by a lowercase one.
pub(crate) const fn reason_ascii(code: &[u8], out: &mut [u8; REASON_LEN]) -> Option<usize> {
    let n = code.len();
    let mut i = 0;
    while i < n {
        if !code[i].is_ascii() {
            return None;
        }
        i += 1;
    }
    let mut len = 0;
    let mut first = true;
    let mut start = 0;
    i = 0;
    while i <= n && len < REASON_LEN {
        if i < n && code[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        // A run of letters and digits: code[start..i].
        let mut init = start;
        let mut mode = BOUNDARY;
        let mut j = start;
        while j < i {
            let c = code[j];
            if j + 1 < i {
                let next = code[j + 1];
                let next_mode = if c.is_ascii_lowercase() {
                    LOWER
                } else if c.is_ascii_uppercase() {
                    UPPER
                } else {
                    mode
                };
                if next_mode == LOWER && next.is_ascii_uppercase() {
                    len = push_word(code, init, j + 1, out, len, first);
                    first = false;
                    init = j + 1;
                    mode = BOUNDARY;
                } else if mode == UPPER && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                    len = push_word(code, init, j, out, len, first);
                    first = false;
                    init = j;
                    mode = BOUNDARY;
                } else {
                    mode = next_mode;
                }
            } else {
                len = push_word(code, init, i, out, len, first);
                first = false;
            }
            j += 1;
        }
        i += 1;
        start = i;
    }
    Some(len)
}

/// Appends `_` (unless `first`) and `code[from..to]` in uppercase to `out[..len]`, as
/// much as fits; returns the new length.
const fn push_word(
    code: &[u8],
    from: usize,
    to: usize,
    out: &mut [u8; REASON_LEN],
    mut len: usize,
    first: bool,
) -> usize {
    if !first && len < REASON_LEN {
        out[len] = b'_';
        len += 1;
    }
    let mut k = from;
    while k < to && len < REASON_LEN {
        out[len] = code[k].to_ascii_uppercase();
        len += 1;
        k += 1;
    }
    len
}

/// The details of an error as `ErrorInfo.metadata`: every value a string (strings as
/// they are, other values as their JSON text), in declaration order.
///
/// A detail whose `Serialize` impl fails (say, a map with non-string keys) is left out;
/// the others are kept, as in the [`Google`](Format::Google) JSON body.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "no_seats_available", status = 409, message = "All seats are in use")]
/// pub struct NoSeats { max_seats: u32, hint: String, scopes: Vec<&'static str> }
///
/// let err = NoSeats { max_seats: 10, hint: "soon".into(), scopes: vec!["a"] };
/// let metadata = error_catalog::grpc::metadata(&err);
/// let pairs: Vec<(&str, &str)> = metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
/// assert_eq!(pairs, [("max_seats", "10"), ("hint", "soon"), ("scopes", r#"["a"]"#)]);
/// ```
pub fn metadata(error: &dyn ApiError) -> Vec<(String, String)> {
    let mut out = Vec::new();
    error.visit_details(&mut InFormat {
        format: Some(Format::Google),
        visit: |name: &str, value: DetailValue<'_>| {
            // The JSON text keeps the value's own member order; a JSON string is
            // unquoted.
            let text = serde_json::to_string(&value).and_then(|json| {
                if json.starts_with('"') {
                    serde_json::from_str::<String>(&json)
                } else {
                    Ok(json)
                }
            });
            if let Ok(text) = text {
                out.push((name.to_owned(), text));
            }
        },
    });
    out
}

/// One `google.rpc.BadRequest.FieldViolation`: the field's path in its dotted form
/// ([`FieldPath`](crate::FieldPath)'s `Display`, as the list layout's `field`), the
/// error's message as the description, and its code as the `reason` in
/// `UPPER_SNAKE_CASE` ([`reason`]; empty without a code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Violation {
    pub field: String,
    pub description: String,
    pub reason: String,
}

/// The field violations of an error: every error of its flattened
/// [`FieldErrors`](crate::FieldErrors) fields, in order (none when it has no such field
/// or they are empty).
pub(crate) fn field_violations(error: &dyn ApiError) -> Vec<Violation> {
    struct Collect(Vec<Violation>);

    impl DetailVisitor for Collect {
        fn visit(&mut self, _: &str, _: DetailValue<'_>) {}

        fn format(&self) -> Option<Format> {
            Some(Format::Google)
        }

        fn field_errors(&mut self, errors: &FieldErrors) {
            self.0.extend(errors.iter().map(|error| Violation {
                field: error.path().to_string(),
                description: error.message().to_owned(),
                reason: error.code().map(reason).unwrap_or_default(),
            }));
        }
    }

    let mut collect = Collect(Vec::new());
    // Only a variant with a flattened `FieldErrors` field has any: the others are not
    // visited at all.
    if error.spec().fields().iter().any(FieldSpec::field_errors) {
        error.visit_details(&mut collect);
    }
    collect.0
}

/// One link of a `google.rpc.Help` detail: what it points to, and where.
///
/// An error whose type has `docs` sends one, the code's docs URL described by its
/// title, in the [`Google`](Format::Google) body and in a tonic `Status`; a client reads
/// them with [`ErrorBody::help_links`](crate::ErrorBody::help_links).
///
/// ```
/// use error_catalog::{ApiError, ErrorBody, Format};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(docs = "https://docs.example.com/errors")]
/// pub enum ProjectError {
///     #[error(code = "project_not_found", status = 404, message = "Project not found")]
///     NotFound,
/// }
///
/// let body: ErrorBody = ProjectError::NotFound.envelope().format(Format::Google).to_json().parse().unwrap();
/// let link = &body.help_links()[0];
/// assert_eq!(link.description(), "Project not found");
/// assert_eq!(link.url(), "https://docs.example.com/errors/project_not_found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HelpLink {
    description: String,
    url: String,
}

impl HelpLink {
    /// A link to `url`, described by `description`.
    ///
    /// ```
    /// let link = error_catalog::grpc::HelpLink::new("Quotas", "https://example.com/quotas");
    /// assert_eq!(link.url(), "https://example.com/quotas");
    /// ```
    pub fn new(description: impl Into<String>, url: impl Into<String>) -> Self {
        HelpLink {
            description: description.into(),
            url: url.into(),
        }
    }

    /// What the link points to.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.url
    }
}

/// The help link of a code: its title and docs URL, when its type has `docs`.
pub(crate) fn help_link(spec: &ErrorSpec) -> Option<(&'static str, &'static str)> {
    spec.docs_url().map(|url| (spec.title(), url))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use heck::ToShoutySnakeCase;

    use super::{REASON_LEN, reason, reason_ascii};

    /// The word rule by heck, for every code (`reason` takes the `const` rule's
    /// result for an ASCII code: the two must agree).
    fn heck_reason(code: &str) -> String {
        let mut reason = code.to_shouty_snake_case();
        let mut end = reason.len().min(REASON_LEN);
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        reason.truncate(end);
        reason
    }

    fn const_reason(code: &str) -> Option<String> {
        let mut out = [0; REASON_LEN];
        let len = reason_ascii(code.as_bytes(), &mut out)?;
        Some(String::from_utf8(out[..len].to_vec()).unwrap())
    }

    /// Codes where the word rule has a choice to make.
    const TRICKY: [&str; 24] = [
        "auth-401",
        "auth.401",
        "AUTH_401",
        "auth401",
        "a",
        "_",
        "-a-",
        "a__b",
        "HTTPServerError",
        "httpServer",
        "XMLHttpRequest",
        "ABc",
        "aB",
        "A1Bc",
        "a1B",
        "v2Api",
        "V2API",
        "already.exists-Here",
        "oneTwo3Four",
        "x.-_y",
        "UPPERlower",
        "lowerUPPER",
        "9lives",
        "ends_with_",
    ];

    #[test]
    fn the_const_rule_is_the_runtime_rule_on_tricky_codes() {
        for code in TRICKY {
            assert_eq!(
                const_reason(code).as_deref(),
                Some(&*heck_reason(code)),
                "{code}"
            );
            assert_eq!(reason(code), heck_reason(code), "{code}");
        }
        let long = format!("{}b", "a".repeat(63));
        assert_eq!(heck_reason(&long), "A".repeat(63));
        assert_eq!(reason(&long), "A".repeat(63));
        assert_eq!(const_reason(&long).unwrap(), "A".repeat(63));
        // Cut after 62 characters and a word boundary.
        let at_boundary = format!("{}-b", "a".repeat(62));
        assert_eq!(reason(&at_boundary), format!("{}_", "A".repeat(62)));
        assert_eq!(
            const_reason(&at_boundary).unwrap(),
            heck_reason(&at_boundary)
        );
        assert_eq!(reason(&at_boundary), heck_reason(&at_boundary));
    }

    #[test]
    fn a_non_ascii_code_is_cut_on_a_character_boundary() {
        let code = "é".repeat(40);
        assert_eq!(reason(&code), "É".repeat(31));
        assert_eq!(const_reason(&code), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_const_rule_is_the_runtime_rule(code in "[A-Za-z0-9_.-]{1,64}") {
            prop_assert_eq!(const_reason(&code).unwrap(), heck_reason(&code));
            prop_assert_eq!(reason(&code), heck_reason(&code));
        }

        #[test]
        fn the_lowercase_pass_is_the_runtime_rule(code in "[a-z0-9_.-]{1,80}") {
            prop_assert_eq!(super::reason_lowercase(code.as_bytes()).unwrap(), heck_reason(&code));
        }

        #[test]
        fn the_const_rule_is_the_runtime_rule_on_case_runs(code in "([A-Z]{1,3}|[a-z]{1,3}|[0-9]{1,2}|[._-]){1,30}") {
            prop_assert_eq!(const_reason(&code).unwrap(), heck_reason(&code));
        }
    }
}
