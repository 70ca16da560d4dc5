//! The strings of a decoded body in one allocation: its code, message, request id and,
//! when the decoder kept them so, the text of its details' JSON object.

/// `code`, `message`, the request id and the details' text, one after the other in
/// `buffer`; each ends where the next begins.
#[derive(Clone)]
pub(crate) struct Texts {
    buffer: Box<str>,
    code: usize,
    message: usize,
    request_id: Option<usize>,
    details: bool,
}

impl Texts {
    pub(crate) fn new(
        code: &str,
        message: &str,
        request_id: Option<&str>,
        details: Option<&str>,
    ) -> Self {
        let parts = [
            code,
            message,
            request_id.unwrap_or(""),
            details.unwrap_or(""),
        ];
        let mut buffer = String::with_capacity(parts.iter().map(|part| part.len()).sum());
        let mut ends = [0; 4];
        for (part, end) in parts.iter().zip(&mut ends) {
            buffer.push_str(part);
            *end = buffer.len();
        }
        Texts {
            buffer: buffer.into_boxed_str(),
            code: ends[0],
            message: ends[1],
            request_id: request_id.map(|_| ends[2]),
            details: details.is_some(),
        }
    }

    pub(crate) fn code(&self) -> &str {
        self.buffer.get(..self.code).unwrap_or_default()
    }

    pub(crate) fn message(&self) -> &str {
        self.buffer.get(self.code..self.message).unwrap_or_default()
    }

    pub(crate) fn request_id(&self) -> Option<&str> {
        self.buffer.get(self.message..self.request_id?)
    }

    /// The text of the details' JSON object, when it was kept.
    pub(crate) fn details(&self) -> Option<&str> {
        let start = self.request_id.unwrap_or(self.message);
        self.details.then(|| self.buffer.get(start..)).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::Texts;

    #[test]
    fn each_string_comes_back_whole() {
        let texts = Texts::new("c", "", Some("r\u{e9}"), Some("{}"));
        assert_eq!(
            (
                texts.code(),
                texts.message(),
                texts.request_id(),
                texts.details()
            ),
            ("c", "", Some("r\u{e9}"), Some("{}"))
        );
        let texts = Texts::new("code", "message", None, None);
        assert_eq!(
            (
                texts.code(),
                texts.message(),
                texts.request_id(),
                texts.details()
            ),
            ("code", "message", None, None)
        );
        let texts = Texts::new("code", "m", Some(""), None);
        assert_eq!((texts.request_id(), texts.details()), (Some(""), None));
    }
}
