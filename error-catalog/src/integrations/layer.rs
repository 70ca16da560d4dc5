//! What axum's [`ErrorLayer`](crate::axum::ErrorLayer) and actix-web's
//! [`ErrorMiddleware`](crate::actix::ErrorMiddleware) share: their settings, the request
//! id and format of each request, and the event of each error response.

use http::{HeaderName, HeaderValue};

use crate::integrations::context::{RequestContext, X_REQUEST_ID, incoming_id};
use crate::model::format::Format;
use crate::observe::{ErrorEvent, Observer, RenderedError};

/// The settings methods of a layer type holding a `settings: Settings` field (axum's
/// `ErrorLayer`, actix-web's `ErrorMiddleware`): written once, so both read alike.
/// `$path` is the type's public path, for the examples.
macro_rules! settings_methods {
    ($layer:ident, $path:literal) => {
        impl $layer {
            /// Reads and sends `x-request-id`; keeps each error type's own format; 4xx
            /// events at `INFO`.
            pub fn new() -> Self {
                $layer {
                    settings: $crate::integrations::layer::Settings::new(),
                }
            }

            /// Renders every error (and every rejection) in `format`.
            #[must_use]
            pub fn format(mut self, format: $crate::Format) -> Self {
                self.settings.format = Some(format);
                self
            }

            /// Reads and sends the request id in `header` instead of `x-request-id`.
            #[must_use]
            pub fn request_id_header(mut self, header: http::HeaderName) -> Self {
                self.settings.header = header;
                self
            }

            /// Makes the ids of requests that have none (or none acceptable) with
            /// `generate` instead of a UUID v7; an id it makes that is not 1 to 128
            /// visible ASCII characters is replaced by a UUID v7.
            ///
            /// ```
            #[doc = concat!("let layer = ", $path, "::new().request_id_generator(|| \"req_fixed\".into());")]
            /// ```
            #[must_use]
            pub fn request_id_generator(mut self, generate: fn() -> String) -> Self {
                self.settings.generator = Some(generate);
                self
            }

            /// The level of the events of 4xx responses (5xx are always `ERROR`);
            /// `INFO` unless set.
            #[must_use]
            pub fn client_error_level(mut self, level: tracing::Level) -> Self {
                self.settings.observer.client_level(level);
                self
            }

            /// Calls `hook` once per error response, with what was rendered and the
            /// request id.
            ///
            /// ```
            /// use std::sync::atomic::{AtomicU64, Ordering};
            ///
            /// static SERVER_ERRORS: AtomicU64 = AtomicU64::new(0);
            #[doc = concat!("let layer = ", $path, "::new().on_error(|event| {")]
            ///     if event.error().status().is_server_error() {
            ///         SERVER_ERRORS.fetch_add(1, Ordering::Relaxed);
            ///     }
            /// });
            /// ```
            #[must_use]
            pub fn on_error(
                mut self,
                hook: impl Fn(&$crate::observe::ErrorEvent<'_>) + Send + Sync + 'static,
            ) -> Self {
                self.settings.observer.on_error(std::sync::Arc::new(hook));
                self
            }

            /// With `true`, a request whose `Accept` header lists
            /// `application/problem+json` gets its errors (handler errors, rejections,
            /// the framework's own 404 and 405) in the [`Problem`]($crate::Format::Problem)
            /// format; other requests get the configured one.
            #[must_use]
            pub fn negotiate(mut self, negotiate: bool) -> Self {
                self.settings.negotiate = negotiate;
                self
            }

            /// Links the Problem bodies of errors whose type has no docs base (the
            /// [`Rejection`]($crate::Rejection)s, for one) to `{base}/{code}` instead
            /// of `about:blank`.
            ///
            /// ```
            #[doc = concat!("let layer = ", $path, "::new().docs(\"https://docs.example.com/errors/\");")]
            /// ```
            #[must_use]
            pub fn docs(mut self, base: &str) -> Self {
                self.settings.docs = Some(base.into());
                self
            }
        }

        impl Default for $layer {
            fn default() -> Self {
                $layer::new()
            }
        }
    };
}

pub(crate) use settings_methods;

/// A layer's settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// The request id header, read and sent back.
    pub(crate) header: HeaderName,
    /// The service's format, if it has one.
    pub(crate) format: Option<Format>,
    /// The user's request id generator (a UUID v7 without one).
    pub(crate) generator: Option<fn() -> String>,
    /// The level of 4xx events and the user's hook.
    pub(crate) observer: Observer,
    /// Whether `Accept: application/problem+json` picks the Problem format.
    pub(crate) negotiate: bool,
    /// The service's docs base, for errors whose type has none.
    pub(crate) docs: Option<std::sync::Arc<str>>,
}

impl Settings {
    pub(crate) fn new() -> Self {
        Settings {
            header: X_REQUEST_ID,
            format: None,
            generator: None,
            observer: Observer::default(),
            negotiate: false,
            docs: None,
        }
    }

    /// The context of a request with these request id, `Accept` and `Accept-Language`
    /// headers, and the id it is answered with.
    pub(crate) fn context(
        &self,
        id: Option<&HeaderValue>,
        accept: Option<&[u8]>,
        accept_language: Option<&HeaderValue>,
    ) -> (RequestContext, HeaderValue) {
        let (id, replaced) = incoming_id(id, self.generator);
        let mut format = self.format;
        if self.negotiate && accept.is_some_and(accepts_problem) {
            format = Some(Format::Problem);
        }
        let mut context = RequestContext::new()
            .request_id_value(id.clone())
            .with_format(format)
            .with_docs(self.docs.clone());
        context = context.accept_language(accept_language);
        context.replaced_id = replaced;
        (context, id)
    }

    /// Logs, counts and hooks one error response.
    pub(crate) fn observe(&self, rendered: &RenderedError, context: &RequestContext) {
        let event =
            ErrorEvent::new(rendered, context.get_request_id()).replaced_id(context.replaced_id);
        self.observer.observe(&event);
    }
}

/// Whether an `Accept` header lists `application/problem+json` (with a weight above 0).
pub(crate) fn accepts_problem(accept: &[u8]) -> bool {
    let Ok(accept) = std::str::from_utf8(accept) else {
        return false;
    };
    accept.split(',').any(|range| {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim();
        let refused = parts.any(|parameter| {
            let parameter = parameter.trim();
            parameter
                .strip_prefix("q=")
                .is_some_and(|weight| weight.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        media.eq_ignore_ascii_case("application/problem+json") && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::accepts_problem;

    #[test]
    fn problem_is_picked_when_accepted() {
        assert!(accepts_problem(b"application/problem+json"));
        assert!(accepts_problem(
            b"application/json;q=0.5, Application/Problem+JSON"
        ));
        assert!(accepts_problem(b"application/problem+json; q=0.8"));
        assert!(!accepts_problem(b"application/problem+json;q=0"));
        assert!(!accepts_problem(b"application/json"));
        assert!(!accepts_problem(b"*/*"));
        assert!(!accepts_problem(b"\xff"));
    }
}
