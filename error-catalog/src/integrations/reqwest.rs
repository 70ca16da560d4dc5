//! The client side on [reqwest](::reqwest): one call from a response to the typed error
//! its server sent.
//!
//! [`check`] passes a successful response through and turns an error response (a 4xx or
//! 5xx status) into a [`ClientError`]: the error value of a type with
//! `#[api_error(decode)]`, or, when the body is no envelope of that type (a proxy's HTML
//! page, a code the SDK does not know yet), the status, the reason and a bounded
//! excerpt of the body. The body is read up to [`ErrorBody::MAX_SIZE`] bytes, never
//! more.
//!
//! ```no_run
//! use error_catalog::ApiError;
//! use error_catalog::reqwest::{ClientError, check};
//!
//! /// The errors of an invoicing API, shared by its server and this SDK.
//! #[derive(Debug, ApiError)]
//! #[api_error(decode)]
//! pub enum InvoiceError {
//!     #[error(code = "invoice_not_found", status = 404, message = "Invoice {id} not found")]
//!     NotFound { id: String },
//! }
//!
//! async fn invoice(client: &reqwest::Client, id: &str) -> Result<String, ClientError<InvoiceError>> {
//!     let url = format!("http://127.0.0.1:3000/invoices/{id}");
//!     let response = client.get(url).send().await.map_err(ClientError::Transport)?;
//!     let response = check::<InvoiceError>(response).await?;
//!     response.text().await.map_err(ClientError::Transport)
//! }
//!
//! # async fn sdk(client: reqwest::Client) {
//! match invoice(&client, "inv_1").await {
//!     Ok(text) => println!("{text}"),
//!     Err(ClientError::Api { error: InvoiceError::NotFound { id }, .. }) => println!("no invoice {id}"),
//!     Err(other) => println!("{other}"),
//! }
//! # }
//! ```
//!
//! An endpoint that answers errors of several types decodes into an enum of them, whose
//! [`FromErrorBody`] impl tries each type in turn: an
//! [`UnknownCode`](crate::DecodeErrorKind::UnknownCode) error means the next one.

use core::fmt;

use ::reqwest::Response;
use http::StatusCode;

use crate::client::decode::{DecodeError, ErrorBody};
use crate::client::typed::FromErrorBody;

/// Why [`check`] did not pass a response through.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError<E> {
    /// The server answered with an error of `E`.
    Api {
        /// The error, rebuilt.
        error: E,
        /// The body it came in: its message, request id, retry hint and status.
        body: Box<ErrorBody>,
    },
    /// The server answered with an error status and a body that is no error of `E`.
    Undecodable {
        /// The response's status.
        status: StatusCode,
        /// Why the body did not decode.
        reason: DecodeError,
        /// The body, when it is an error body of another type (an unknown code, a
        /// detail that does not deserialize).
        body: Option<Box<ErrorBody>>,
        /// The start of the body, at most [`ClientError::EXCERPT_LEN`] bytes, as text
        /// (invalid UTF-8 replaced by `�`).
        excerpt: String,
    },
    /// The request or the reading of the response failed.
    Transport(::reqwest::Error),
}

impl<E> ClientError<E> {
    /// The most bytes of a body kept in [`Undecodable`](ClientError::Undecodable)'s
    /// `excerpt`.
    pub const EXCERPT_LEN: usize = 512;

    /// The response's status, when there was a response.
    ///
    /// ```
    /// use error_catalog::{DecodeErrorKind, ErrorBody};
    /// use error_catalog::reqwest::ClientError;
    /// use http::StatusCode;
    ///
    /// let reason = ErrorBody::from_json(b"<html>").unwrap_err();
    /// let err = ClientError::<error_catalog::Rejection>::Undecodable {
    ///     status: StatusCode::BAD_GATEWAY,
    ///     reason,
    ///     body: None,
    ///     excerpt: "<html>".into(),
    /// };
    /// assert_eq!(err.status(), Some(StatusCode::BAD_GATEWAY));
    /// assert!(err.api_error().is_none());
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            ClientError::Api { body, .. } => body.status(),
            ClientError::Undecodable { status, .. } => Some(*status),
            ClientError::Transport(error) => error.status(),
        }
    }

    /// The typed error, when the server sent one of `E`.
    pub fn api_error(&self) -> Option<&E> {
        match self {
            ClientError::Api { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl<E> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api { body, .. } => match body.status() {
                Some(status) => write!(f, "the server answered {status}: {body}"),
                None => write!(f, "the server answered: {body}"),
            },
            ClientError::Undecodable { status, reason, .. } => write!(
                f,
                "the server answered {status} with a body that does not decode: {reason}"
            ),
            ClientError::Transport(error) => write!(f, "the request failed: {error}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Api { error, .. } => Some(error),
            ClientError::Undecodable { reason, .. } => Some(reason),
            ClientError::Transport(error) => Some(error),
        }
    }
}

/// Passes a response with a status below 400 through; turns any other into a
/// [`ClientError`]: [`Api`](ClientError::Api) with the error of `E` the body holds,
/// [`Undecodable`](ClientError::Undecodable) when it holds none, or
/// [`Transport`](ClientError::Transport) when the body cannot be read. The body is
/// decoded with [`ErrorBody::from_parts`] (the status and headers of the response) and
/// [`ErrorBody::to_error`].
///
/// See the [module documentation](self) for an example.
///
/// # Errors
///
/// For every response with a status of 400 or more.
pub async fn check<E: FromErrorBody>(mut response: Response) -> Result<Response, ClientError<E>> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    // One byte past the limit is enough for the decoder to refuse the body.
    let mut bytes = Vec::new();
    while bytes.len() <= ErrorBody::MAX_SIZE {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = ErrorBody::MAX_SIZE + 1 - bytes.len();
                bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            Ok(None) => break,
            Err(error) => return Err(ClientError::Transport(error)),
        }
    }
    let undecodable = |reason: DecodeError, body: Option<ErrorBody>| ClientError::Undecodable {
        status,
        reason,
        body: body.map(Box::new),
        excerpt: excerpt(&bytes, ClientError::<E>::EXCERPT_LEN),
    };
    let body = match ErrorBody::from_parts(status, response.headers(), &bytes) {
        Ok(body) => body,
        Err(reason) => return Err(undecodable(reason, None)),
    };
    match body.to_error::<E>() {
        Ok(error) => Err(ClientError::Api {
            error,
            body: Box::new(body),
        }),
        Err(reason) => Err(undecodable(reason, Some(body))),
    }
}

/// At most `limit` bytes of `bytes` as text, cut on a character boundary.
fn excerpt(bytes: &[u8], limit: usize) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(limit)]);
    // A character cut by the limit reads as one `�` at the end; drop it.
    match text.strip_suffix(char::REPLACEMENT_CHARACTER) {
        Some(cut) if bytes.len() > limit => cut.to_owned(),
        _ => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_are_bounded_and_cut_on_characters() {
        assert_eq!(excerpt(b"<html>502</html>", 6), "<html>");
        assert_eq!(excerpt("é".repeat(10).as_bytes(), 5), "éé");
        assert_eq!(excerpt(b"ab\xffcd", 10), "ab\u{fffd}cd");
        assert_eq!(excerpt(b"", 10), "");
    }
}
