//! The `google.rpc` details a client reads besides `ErrorInfo`, `RetryInfo` and
//! `RequestInfo`: a `BadRequest` (the field violations, read back as [`FieldErrors`])
//! and a `Help` (its links), from a [`Format::Google`] body or a tonic `Status`.

use serde_json::{Map, Value};

use super::{DecodeError, ErrorBody, Members};
use crate::model::format::Format;
use crate::wire::grpc::HelpLink;
use crate::wire::members::{DETAILS, ERROR, google, join};
use crate::wire::validation::{FieldError, FieldErrors, FieldPath};

/// The field violations and help links of a decoded body; boxed in [`ErrorBody`], which
/// has none most of the time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Rich {
    pub violations: Option<FieldErrors>,
    pub links: Vec<HelpLink>,
}

const FIELD_VIOLATIONS: &str = join!(
    ERROR,
    ".",
    DETAILS,
    "[BadRequest].",
    google::FIELD_VIOLATIONS
);
const FIELD_VIOLATION: &str = join!(FIELD_VIOLATIONS, "[]");
const LINKS: &str = join!(ERROR, ".", DETAILS, "[Help].", google::LINKS);
const LINK: &str = join!(LINKS, "[]");

/// The field error of one violation: the path in its dotted form, the description as
/// the message, a non-empty reason as the code.
fn field_error(field: &str, description: &str, reason: &str) -> FieldError {
    let path: FieldPath = field.parse().unwrap_or_else(|never| match never {});
    let error = FieldError::new(path, description.to_owned());
    if reason.is_empty() {
        error
    } else {
        error.with_code(reason.to_owned())
    }
}

/// Reads a `BadRequest` or `Help` entry of a Google body's `error.details` into `rich`;
/// other entries are left alone. A member of the wrong JSON type is an error; a missing
/// string is empty, as protobuf's JSON leaves out empty strings.
pub(super) fn read(
    type_url: &str,
    entry: &Map<String, Value>,
    rich: &mut Option<Box<Rich>>,
) -> Result<(), DecodeError> {
    let format = Format::Google;
    let (member, path, item) = match type_url {
        google::BAD_REQUEST => (google::FIELD_VIOLATIONS, FIELD_VIOLATIONS, FIELD_VIOLATION),
        google::HELP => (google::LINKS, LINKS, LINK),
        _ => return Ok(()),
    };
    let items: &[Value] = match entry.get(member) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DecodeError::invalid(format, path, "an array")),
    };
    let rich = rich.get_or_insert_with(Box::default);
    for value in items {
        let Value::Object(map) = value else {
            return Err(DecodeError::invalid(format, item, "an object"));
        };
        let members = Members { format, map };
        let text = |key: &str| members.string(key, item).map(Option::unwrap_or_default);
        if type_url == google::BAD_REQUEST {
            let error = field_error(
                &text(google::FIELD)?,
                &text(google::DESCRIPTION)?,
                &text(google::REASON)?,
            );
            rich.violations
                .get_or_insert_with(FieldErrors::new)
                .push(error);
        } else {
            rich.links.push(HelpLink::new(
                text(google::DESCRIPTION)?,
                text(google::URL)?,
            ));
        }
    }
    if type_url == google::BAD_REQUEST {
        rich.violations.get_or_insert_with(FieldErrors::new);
    }
    Ok(())
}

impl ErrorBody {
    /// The field violations of a `google.rpc.BadRequest` (a [`Format::Google`] body's
    /// detail, or a tonic `Status`'s), as [`FieldErrors`]: each violation's `field` read
    /// as the dotted form of a [`FieldPath`], its `description` as the message and its
    /// `reason` (when not empty) as the code. `None` without a `BadRequest`, and for the
    /// other formats, whose field errors are in [`details`](ErrorBody::details).
    ///
    /// ```
    /// use error_catalog::{ApiError, ErrorBody, FieldError, FieldErrors, Format};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "google")]
    /// pub enum SignupError {
    ///     #[error(code = "validation_error", status = 400, message = "Request validation failed")]
    ///     Validation { #[error(flatten)] errors: FieldErrors },
    /// }
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.push(FieldError::new("email", "Must be a valid email address").with_code("invalid_format"));
    /// let json = SignupError::Validation { errors }.envelope().to_json();
    /// let body: ErrorBody = json.parse().unwrap();
    /// let violation = body.field_violations().unwrap().iter().next().unwrap();
    /// assert_eq!(violation.path().to_string(), "email");
    /// assert_eq!(violation.message(), "Must be a valid email address");
    /// assert_eq!(violation.code(), Some("INVALID_FORMAT"));
    /// ```
    pub fn field_violations(&self) -> Option<&FieldErrors> {
        self.rich.as_ref()?.violations.as_ref()
    }

    /// The links of a `google.rpc.Help` (a [`Format::Google`] body's detail, or a tonic
    /// `Status`'s), in order; empty without one. An error whose type has `docs` sends
    /// its code's docs URL (see [`HelpLink`]).
    pub fn help_links(&self) -> &[HelpLink] {
        self.rich.as_ref().map_or(&[], |rich| &rich.links)
    }

    /// The field violations and help links read from a gRPC `Status`.
    #[cfg(feature = "tonic")]
    pub(crate) fn with_rich(
        mut self,
        violations: Option<Vec<(&str, &str, &str)>>,
        links: Vec<HelpLink>,
    ) -> Self {
        if violations.is_none() && links.is_empty() {
            return self;
        }
        let violations = violations.map(|violations| {
            violations
                .into_iter()
                .map(|(field, description, reason)| field_error(field, description, reason))
                .collect()
        });
        self.rich = Some(Box::new(Rich { violations, links }));
        self
    }
}
