//! An API documented as a catalog of codes in the `AUTH-401` style, each with a title,
//! a description, possible causes and a resolution (a published "Developer
//! Documentation: Error Codes" page): no JSON bodies, but a catalog. Each code is
//! declared as that team would and read back from `CATALOG`.

mod common;

use common::body;
use error_catalog::{ApiError, Format};
use serde_json::json;

/// Errors of the public API.
#[derive(Debug, ApiError)]
pub enum ApiFailure {
    /// The provided authentication credentials are invalid or missing. This could be due to an expired token, incorrect username/password, or missing required headers.
    #[error(
        code = "AUTH-401",
        status = 401,
        title = "Authentication Failed",
        causes = [
            "Invalid or expired API key/token.",
            "Incorrect user credentials (username/password).",
            "Missing authentication headers in the request.",
            "Session has timed out.",
        ],
        resolution = "Verify your authentication token or credentials. Ensure they are correctly included in the request headers. If using session-based authentication, ensure the session is still active."
    )]
    AuthenticationFailed,

    /// The authenticated user does not have permission to access the requested resource or perform the requested action.
    #[error(
        code = "AUTH-403",
        status = 403,
        title = "Permission Denied",
        causes = [
            "User role lacks necessary permissions.",
            "Resource is restricted to specific user groups or roles.",
            "Attempting to modify data you don't own.",
        ],
        resolution = "Ensure the user account has the appropriate roles and permissions assigned. Consult your system administrator if you believe you should have access."
    )]
    PermissionDenied,

    /// The requested resource (e.g., API endpoint, page, file) could not be found on the server.
    #[error(
        code = "NOTFOUND-404",
        status = 404,
        title = "Resource Not Found",
        causes = [
            "Incorrect URL path in the request.",
            "Resource has been moved or deleted.",
            "Typo in the endpoint name.",
        ],
        resolution = "Double-check the URL for any typos. Ensure the resource you are trying to access actually exists and is accessible at the specified path."
    )]
    ResourceNotFound,

    /// An unexpected condition occurred on the server, preventing it from fulfilling the request. This is a generic server-side error.
    #[error(
        code = "SERVER-500",
        status = 500,
        title = "Internal Server Error",
        causes = [
            "Bug in the server-side code.",
            "Database connection issues.",
            "Server resource limitations (e.g., memory, CPU).",
            "Uncaught exceptions.",
        ],
        resolution = "This error usually indicates a problem on our end. Please try again later. If the problem persists, contact support and provide the request details."
    )]
    InternalServerError,

    /// The server cannot process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing).
    #[error(
        code = "BADREQUEST-400",
        status = 400,
        title = "Bad Request",
        causes = [
            "Missing required parameters in the request body or query string.",
            "Incorrect data types for parameters.",
            "Malformed JSON or XML payload.",
            "Validation rules violated (e.g., invalid email format, password too short).",
        ],
        resolution = "Review the request payload and parameters. Ensure all required fields are present, data types are correct, and the data conforms to the API's specifications. Check the specific error message returned for details on which validation failed."
    )]
    BadRequest,

    /// The request could not be completed because of a conflict with the current state of the resource. This typically occurs when trying to create a resource that already exists.
    #[error(
        code = "CONFLICT-409",
        status = 409,
        title = "Conflict",
        causes = [
            "Attempting to create a resource with a unique identifier that already exists.",
            "Concurrency issues where a resource was modified between retrieval and update.",
        ],
        resolution = "Check if the resource already exists before attempting to create it. If updating, ensure you are working with the latest version of the resource. Consider using idempotency keys if applicable."
    )]
    Conflict,

    /// The user has sent too many requests in a given amount of time (rate limiting).
    #[error(
        code = "TOOLIMITED-429",
        status = 429,
        title = "Too Many Requests",
        causes = [
            "Exceeding the allowed number of API calls within a specific timeframe.",
            "Aggressive polling or brute-force attempts.",
        ],
        resolution = "Wait for the specified retry-after period before making further requests. Implement backoff strategies in your application. Check your API usage plan for rate limit details."
    )]
    TooManyRequests,
}

/// (code, status, title, description, causes, resolution), in page order.
type Row = (
    &'static str,
    u16,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
);

const PAGE: [Row; 7] = [
    (
        "AUTH-401",
        401,
        "Authentication Failed",
        "The provided authentication credentials are invalid or missing. This could be due to an expired token, incorrect username/password, or missing required headers.",
        &[
            "Invalid or expired API key/token.",
            "Incorrect user credentials (username/password).",
            "Missing authentication headers in the request.",
            "Session has timed out.",
        ],
        "Verify your authentication token or credentials. Ensure they are correctly included in the request headers. If using session-based authentication, ensure the session is still active.",
    ),
    (
        "AUTH-403",
        403,
        "Permission Denied",
        "The authenticated user does not have permission to access the requested resource or perform the requested action.",
        &[
            "User role lacks necessary permissions.",
            "Resource is restricted to specific user groups or roles.",
            "Attempting to modify data you don't own.",
        ],
        "Ensure the user account has the appropriate roles and permissions assigned. Consult your system administrator if you believe you should have access.",
    ),
    (
        "NOTFOUND-404",
        404,
        "Resource Not Found",
        "The requested resource (e.g., API endpoint, page, file) could not be found on the server.",
        &[
            "Incorrect URL path in the request.",
            "Resource has been moved or deleted.",
            "Typo in the endpoint name.",
        ],
        "Double-check the URL for any typos. Ensure the resource you are trying to access actually exists and is accessible at the specified path.",
    ),
    (
        "SERVER-500",
        500,
        "Internal Server Error",
        "An unexpected condition occurred on the server, preventing it from fulfilling the request. This is a generic server-side error.",
        &[
            "Bug in the server-side code.",
            "Database connection issues.",
            "Server resource limitations (e.g., memory, CPU).",
            "Uncaught exceptions.",
        ],
        "This error usually indicates a problem on our end. Please try again later. If the problem persists, contact support and provide the request details.",
    ),
    (
        "BADREQUEST-400",
        400,
        "Bad Request",
        "The server cannot process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing).",
        &[
            "Missing required parameters in the request body or query string.",
            "Incorrect data types for parameters.",
            "Malformed JSON or XML payload.",
            "Validation rules violated (e.g., invalid email format, password too short).",
        ],
        "Review the request payload and parameters. Ensure all required fields are present, data types are correct, and the data conforms to the API's specifications. Check the specific error message returned for details on which validation failed.",
    ),
    (
        "CONFLICT-409",
        409,
        "Conflict",
        "The request could not be completed because of a conflict with the current state of the resource. This typically occurs when trying to create a resource that already exists.",
        &[
            "Attempting to create a resource with a unique identifier that already exists.",
            "Concurrency issues where a resource was modified between retrieval and update.",
        ],
        "Check if the resource already exists before attempting to create it. If updating, ensure you are working with the latest version of the resource. Consider using idempotency keys if applicable.",
    ),
    (
        "TOOLIMITED-429",
        429,
        "Too Many Requests",
        "The user has sent too many requests in a given amount of time (rate limiting).",
        &[
            "Exceeding the allowed number of API calls within a specific timeframe.",
            "Aggressive polling or brute-force attempts.",
        ],
        "Wait for the specified retry-after period before making further requests. Implement backoff strategies in your application. Check your API usage plan for rate limit details.",
    ),
];

#[test]
fn catalog_holds_every_field_of_the_page() {
    let rows: Vec<Row> = ApiFailure::CATALOG
        .iter()
        .map(|spec| {
            (
                spec.code(),
                spec.status_u16(),
                spec.title(),
                spec.description(),
                spec.causes(),
                spec.resolution().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(rows, PAGE);
}

/// Without `message`, the public message is the description's first sentence; the
/// page's title is RFC 9457's `title`.
#[test]
fn title_and_message_reach_the_problem_body() {
    assert_eq!(
        body(&ApiFailure::AuthenticationFailed, Format::Problem),
        json!({
            "type": "about:blank",
            "title": "Authentication Failed",
            "status": 401,
            "detail": "The provided authentication credentials are invalid or missing.",
            "code": "AUTH-401"
        })
    );
    assert_eq!(
        ApiFailure::BadRequest.to_string(),
        "The server cannot process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing)."
    );
}
