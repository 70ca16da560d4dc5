//! What axum's [`ErrorLayer`](crate::axum::ErrorLayer) and actix-web's
//! [`ErrorMiddleware`](crate::actix::ErrorMiddleware) share: their settings, the request
//! id and format of each request, and the event of each error response.

use http::{HeaderName, HeaderValue};

use crate::integrations::context::{RequestContext, X_REQUEST_ID, incoming_id};
use crate::model::format::Format;
use crate::observe::{ErrorEvent, Observer, RenderedError};

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

    /// The context of a request whose request id header and `Accept` header hold these
    /// bytes, and the id it is answered with.
    pub(crate) fn context(
        &self,
        id: Option<&HeaderValue>,
        accept: Option<&[u8]>,
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

/// Marks an error response that a layer has logged, counted and hooked, so that a layer
/// around it (two `ErrorLayer`s, one per router, nested) does not do it again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Observed;

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
