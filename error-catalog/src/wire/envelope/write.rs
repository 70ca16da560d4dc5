//! The JSON writer behind [`Envelope::write_json`].
//!
//! It writes exactly the bytes that `serde_json::to_writer(buffer, &envelope)` writes (the
//! tests compare the two for every format), but copies what the derive already knows:
//! the keys and punctuation are string constants (joined from the member names of
//! [`members`](crate::wire::members) at compile time), and a code, title, docs URL or
//! literal message that [`JsonHints`](crate::model::spec::JsonHints) marks as plain is
//! copied without escaping or formatting. Run-time texts (an interpolated message, formatted piece by
//! piece with no intermediate `String`; the request id; the instance) are copied when
//! they hold nothing to escape, else escaped by `serde_json`; detail values are serialized
//! by `serde_json`. Nothing is allocated when `buffer` has room.

use core::cell::Cell;
use core::fmt::{self, Write as _};

use serde::{Serialize, Serializer as _};

use super::Envelope;
use crate::model::api_error::{ApiError, DetailValue, Message};
use crate::model::fields::{Fields, Piece, fill};
use crate::model::format::Format;
use crate::model::locale::Chosen;
use crate::model::spec::ErrorSpec;
use crate::wire::details::InFormat;
use crate::wire::members::{
    CODE, DETAILS, ERROR, MESSAGE, META, REQUEST_ID, STATUS, join, key, problem,
};

// The JSON text around the values, put together from the member names at compile time.
const NESTED_OPEN: &str = join!("{", key!(ERROR), "{", key!(CODE));
const FLAT_OPEN: &str = join!("{", key!(CODE));
const COMPACT_OPEN: &str = join!("{", key!(ERROR));
const THEN_MESSAGE: &str = join!(",", key!(MESSAGE));
const THEN_DETAILS: &str = join!(",", key!(DETAILS), "{");
const THEN_META: &str = join!(",", key!(META), "{", key!(REQUEST_ID));
const THEN_REQUEST_ID: &str = join!(",", key!(REQUEST_ID));
const THEN_STATUS: &str = join!(",", key!(STATUS));
const PROBLEM_OPEN: &str = join!("{", key!(problem::TYPE));
const THEN_TITLE: &str = join!(",", key!(problem::TITLE));
const THEN_DETAIL: &str = join!(",", key!(problem::DETAIL));
const THEN_INSTANCE: &str = join!(",", key!(problem::INSTANCE));
const THEN_CODE: &str = join!(",", key!(CODE));

type Result = core::result::Result<(), serde_json::Error>;

/// Appends the body of `envelope` to `out`; on error `out` may hold part of a body.
pub(super) fn write_json(envelope: &Envelope<'_>, out: &mut Vec<u8>) -> Result {
    let error = envelope.error;
    let spec = error.spec();
    let mut w = Writer {
        out,
        message: envelope.message,
        translated: envelope
            .translated()
            .map(|chosen| (envelope.message(), chosen)),
    };
    match envelope.format {
        Format::Nested => {
            w.raw(NESTED_OPEN);
            w.code_and_message(error, spec, THEN_MESSAGE)?;
            w.details_object(error, envelope.format)?;
            w.raw("}");
            if let Some(id) = &envelope.request_id {
                w.raw(THEN_META);
                w.string(id)?;
                w.raw("}");
            }
            w.raw("}");
        }
        Format::Flat => {
            w.raw(FLAT_OPEN);
            w.code_and_message(error, spec, THEN_MESSAGE)?;
            w.details_object(error, envelope.format)?;
            w.request_id(envelope.request_id.as_deref())?;
            w.raw("}");
        }
        Format::Compact => {
            w.raw(COMPACT_OPEN);
            w.code_and_message(error, spec, THEN_MESSAGE)?;
            w.raw(THEN_STATUS);
            w.status(error.status().as_u16())?;
            w.request_id(envelope.request_id.as_deref())?;
            w.raw("}");
        }
        Format::Problem => {
            let plain = spec.json.plain_text;
            w.raw(PROBLEM_OPEN);
            match (spec.docs_url(), &envelope.docs_base) {
                (None, Some(_)) => w.string(&envelope.type_uri())?,
                (url, _) => w.text(url.unwrap_or("about:blank"), plain)?,
            }
            w.raw(THEN_TITLE);
            if w.translated.is_some() {
                w.string(envelope.title())?;
            } else {
                w.text(spec.title(), plain)?;
            }
            w.raw(THEN_STATUS);
            w.status(spec.status_u16())?;
            w.raw(THEN_DETAIL);
            w.message(error, spec)?;
            if let Some(instance) = &envelope.instance {
                w.raw(THEN_INSTANCE);
                w.string(instance)?;
            }
            w.raw(THEN_CODE);
            w.text(spec.code(), plain)?;
            w.members(error, Format::Problem, &problem::MEMBERS)?;
            w.request_id(envelope.request_id.as_deref())?;
            w.raw("}");
        }
        // Metadata as strings, reasons and retry delays are formatted at run time anyway:
        // serde's path is as good.
        Format::Google => serde_json::to_writer(&mut *w.out, envelope)?,
    }
    Ok(())
}

struct Writer<'b> {
    out: &'b mut Vec<u8>,
    /// The message rendered already, if the envelope holds it.
    message: Option<&'b str>,
    /// The message, when it is written in a translated locale, and its translation.
    translated: Option<(Message<'b>, Chosen)>,
}

impl Writer<'_> {
    /// Copies JSON text as it is.
    fn raw(&mut self, json: &str) {
        self.out.extend_from_slice(json.as_bytes());
    }

    /// A `serde_json` serializer appending to the buffer (free to make).
    fn serializer(&mut self) -> serde_json::Serializer<&mut Vec<u8>> {
        serde_json::Serializer::new(&mut *self.out)
    }

    /// A run-time string: copied between quotes when it is plain, else quoted and escaped
    /// by `serde_json`.
    fn string(&mut self, text: &str) -> Result {
        self.text(text, plain(text))
    }

    /// A text, copied between quotes when it is `plain`, else escaped by `serde_json`.
    fn text(&mut self, text: &str, plain: bool) -> Result {
        if plain {
            self.out.reserve(text.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(text.as_bytes());
            self.out.push(b'"');
            Ok(())
        } else {
            self.serializer().serialize_str(text)
        }
    }

    /// The public message: copied when it is a plain literal, else filled in straight
    /// into the buffer, each piece escaped as it comes (literal pieces of a plain template
    /// need no escaping). A field value that fails to format ends the message there, as
    /// [`Message`](crate::model::api_error::Message)'s `Display` does: only an error of the
    /// writer itself fails the body.
    fn message(&mut self, error: &dyn ApiError, spec: &ErrorSpec) -> Result {
        if let Some((message, chosen)) = self.translated {
            if !chosen.translation.plain {
                return self.display(message);
            }
            return self.fill(
                error,
                chosen.translation.parsed,
                chosen.translation.json_plain,
            );
        }
        if spec.json.literal_message {
            return self.text(spec.message(), spec.json.plain_text);
        }
        if let Some(text) = self.message {
            return self.string(text);
        }
        self.out.push(b'"');
        let mut escaping = Escaping {
            out: &mut *self.out,
            error: None,
        };
        let plain = spec.json.plain_text;
        let start = escaping.out.len();
        // Whether the error lists its fields: a hand-written impl that hands out a
        // derived spec does not, and its `fmt_message` writes the message instead.
        let listed = Cell::new(false);
        let mut filled = Ok(());
        if !spec.parsed.is_empty() {
            let fields: &Fields<'_, '_> = &|visit| listed.set(error.__fields(visit));
            filled = fill(spec.parsed, fields, |piece| match piece {
                Piece::Text(text) if plain => {
                    escaping.out.extend_from_slice(text.as_bytes());
                    Ok(())
                }
                Piece::Text(text) => escaping.write_str(text),
                Piece::Value(value) => fmt::write(&mut escaping, format_args!("{value}")),
            });
        }
        if !listed.get() {
            escaping.out.truncate(start);
            filled = fmt::write(&mut escaping, format_args!("{}", error.message()));
        }
        if filled.is_err()
            && let Some(error) = escaping.error
        {
            return Err(error);
        }
        self.out.push(b'"');
        Ok(())
    }

    /// A translated message without selectors, filled in from its parsed text as
    /// [`message`](Writer::message) fills in a default one (`plain`: its literal text
    /// needs no escaping).
    fn fill(&mut self, error: &dyn ApiError, parsed: &'static str, plain: bool) -> Result {
        self.out.push(b'"');
        let mut escaping = Escaping {
            out: &mut *self.out,
            error: None,
        };
        let fields: &Fields<'_, '_> = &|visit| {
            error.__fields(visit);
        };
        let filled = fill(parsed, fields, |piece| match piece {
            Piece::Text(text) if plain => {
                escaping.out.extend_from_slice(text.as_bytes());
                Ok(())
            }
            Piece::Text(text) => escaping.write_str(text),
            Piece::Value(value) => fmt::write(&mut escaping, format_args!("{value}")),
        });
        if filled.is_err()
            && let Some(error) = escaping.error
        {
            return Err(error);
        }
        self.out.push(b'"');
        Ok(())
    }

    /// A message as its `Display` writes it, escaped as it comes.
    fn display(&mut self, message: Message<'_>) -> Result {
        self.out.push(b'"');
        let mut escaping = Escaping {
            out: &mut *self.out,
            error: None,
        };
        if fmt::write(&mut escaping, format_args!("{message}")).is_err()
            && let Some(error) = escaping.error
        {
            return Err(error);
        }
        self.out.push(b'"');
        Ok(())
    }

    /// `"<code>"<between><message>`.
    fn code_and_message(
        &mut self,
        error: &dyn ApiError,
        spec: &ErrorSpec,
        between: &str,
    ) -> Result {
        self.text(spec.code(), spec.json.plain_text)?;
        self.raw(between);
        self.message(error, spec)
    }

    /// An HTTP status; three digits (always, for a derived spec) are written directly.
    #[allow(clippy::cast_possible_truncation)] // each cast value is a digit
    fn status(&mut self, status: u16) -> Result {
        if (100..=999).contains(&status) {
            let digits = [
                b'0' + (status / 100) as u8,
                b'0' + (status / 10 % 10) as u8,
                b'0' + (status % 10) as u8,
            ];
            self.out.extend_from_slice(&digits);
            Ok(())
        } else {
            self.serializer().serialize_u16(status)
        }
    }

    /// `,"request_id":"<id>"` when there is one.
    fn request_id(&mut self, id: Option<&str>) -> Result {
        match id {
            Some(id) => {
                self.raw(THEN_REQUEST_ID);
                self.string(id)
            }
            None => Ok(()),
        }
    }

    /// `"key":<value>`.
    fn member(&mut self, key: &str, value: DetailValue<'_>) -> Result {
        if plain(key) {
            self.out.reserve(key.len() + 3);
            self.out.push(b'"');
            self.out.extend_from_slice(key.as_bytes());
            self.out.extend_from_slice(b"\":");
        } else {
            self.string(key)?;
            self.raw(":");
        }
        value.serialize(&mut self.serializer())
    }

    /// `,"details":{...}` when the variant declares detail fields (even if none has a
    /// value now: one shape per code).
    fn details_object(&mut self, error: &dyn ApiError, format: Format) -> Result {
        if error.spec().fields().is_empty() {
            return Ok(());
        }
        self.raw(THEN_DETAILS);
        let mut result = Ok(());
        let mut first = true;
        error.visit_details(&mut InFormat {
            format: Some(format),
            visit: |name: &str, value: DetailValue<'_>| {
                if result.is_ok() {
                    if !first {
                        self.raw(",");
                    }
                    first = false;
                    result = self.member(name, value);
                }
            },
        });
        result?;
        self.raw("}");
        Ok(())
    }

    /// Every detail as a top-level member, except those named in `reserved`.
    fn members(&mut self, error: &dyn ApiError, format: Format, reserved: &[&str]) -> Result {
        let mut result = Ok(());
        error.visit_details(&mut InFormat {
            format: Some(format),
            visit: |name: &str, value: DetailValue<'_>| {
                if result.is_ok() && !reserved.contains(&name) {
                    self.raw(",");
                    result = self.member(name, value);
                }
            },
        });
        result
    }
}

/// Whether JSON writes `text` as it is: no `"`, `\\` or control character below U+0020
/// (the characters JSON strings must escape, and the only ones `serde_json` escapes).
///
/// Eight bytes at a time: a byte below `n` (`n <= 0x80`) sets its high bit in
/// `(word - n * ONES) & !word & HIGHS`, and no other byte can; a byte equal to `b` is a
/// zero byte of `word ^ b * ONES`, that is, a byte below 1.
pub(crate) fn plain(text: &str) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS
    }
    let (words, rest) = text.as_bytes().as_chunks::<8>();
    for word in words {
        let word = u64::from_ne_bytes(*word);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        if below(word, 0x20) | below(quote, 1) | below(backslash, 1) != 0 {
            return false;
        }
    }
    rest.iter().all(|&byte| plain_byte(byte))
}

fn plain_byte(byte: u8) -> bool {
    byte >= 0x20 && byte != b'"' && byte != b'\\'
}

/// Formats into the inside of a JSON string: plain pieces are copied, the others are
/// escaped by `serde_json` (written as a string, then stripped of its quotes).
struct Escaping<'b> {
    out: &'b mut Vec<u8>,
    error: Option<serde_json::Error>,
}

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        if plain(piece) {
            self.out.extend_from_slice(piece.as_bytes());
            return Ok(());
        }
        let start = self.out.len();
        match serde_json::Serializer::new(&mut *self.out).serialize_str(piece) {
            Ok(()) => {
                self.out.pop();
                self.out.remove(start);
                Ok(())
            }
            Err(error) => {
                self.error = Some(error);
                Err(fmt::Error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{plain, plain_byte};

    #[test]
    fn plain_agrees_with_the_bytewise_rule() {
        // Every ASCII byte at every position of strings of 1 to 20 bytes, among plain
        // filler of both low and high values.
        for len in 1..=20 {
            for at in 0..len {
                for byte in 0..=0x7f_u8 {
                    for filler in [b'a', b'~', b' ', b'#', b']'] {
                        let mut bytes = vec![filler; len];
                        bytes[at] = byte;
                        let text = std::str::from_utf8(&bytes).unwrap();
                        assert_eq!(plain(text), plain_byte(byte), "{bytes:?}");
                    }
                }
            }
        }
        // Multi-byte characters (bytes >= 0x80) never need escaping.
        assert!(plain("é😀\u{2028}\u{7f}ünïcødé text, long enough"));
        assert!(!plain("é😀\u{2028}ünïcødé text\n, long enough"));
        assert!(plain(""));
    }
}
