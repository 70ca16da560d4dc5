//! The gRPC / Google error model side of an error: canonical status codes, `ErrorInfo`
//! reasons and metadata.

use heck::ToShoutySnakeCase;
use http::StatusCode;

use crate::model::api_error::{ApiError, DetailValue};
use crate::model::format::Format;
use crate::wire::details::InFormat;

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

/// The AIP-193 `ErrorInfo.reason` of a code: `UPPER_SNAKE_CASE`, at most 63 characters.
///
/// ```
/// assert_eq!(error_catalog::grpc::reason("token_expired"), "TOKEN_EXPIRED");
/// assert_eq!(error_catalog::grpc::reason("AUTH-401"), "AUTH_401");
/// ```
pub fn reason(code: &str) -> String {
    let mut reason = code.to_shouty_snake_case();
    // Codes are ASCII, so this cuts on a character boundary.
    reason.truncate(63);
    reason
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
