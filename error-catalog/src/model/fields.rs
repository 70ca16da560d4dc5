//! The fields of an error value as the derive's expansion hands them to the runtime.
//!
//! The expansion writes one `match` over the variants that lists, per variant, the fields
//! that are details and the fields the message shows ([`FieldRef`]s). Everything else is
//! ordinary code here: [`visit_details`](FieldRef::visit_detail) feeds the details to a
//! [`DetailVisitor`], and [`write_message`] fills in the message template that the derive
//! parsed into the catalog (the hidden `parsed` text of [`ErrorSpec`]).
//! One match instead of one per purpose keeps the generated code, and so the compile
//! time of a large error enum, small.

use core::fmt;

use serde::Serialize;

use crate::model::api_error::{DetailValue, DetailVisitor};
use crate::model::spec::ErrorSpec;

/// One field of an error value: its key in the details and its value as a detail, and its
/// value as text when the message shows it (the message's parsed template names the shown
/// fields by their position in the list).
///
/// `'a` is the error value's borrow (a shown value can be kept while the message is
/// written); `'f` the call's (a flattened detail is visited through a closure).
pub struct FieldRef<'a, 'f> {
    /// The key in the details (the name or its `rename`).
    key: &'static str,
    detail: Detail<'f>,
    shown: Option<&'a dyn fmt::Display>,
}

enum Detail<'f> {
    None,
    Value(DetailValue<'f>),
    Flatten(&'f dyn Fn(&mut dyn DetailVisitor)),
}

impl<'a: 'f, 'f> FieldRef<'a, 'f> {
    /// A detail the message does not show.
    #[inline]
    pub fn detail<T: Serialize>(key: &'static str, value: &'a T) -> Self {
        FieldRef {
            key,
            detail: Detail::Value(DetailValue::new(value)),
            shown: None,
        }
    }

    /// An `Option` detail: visited only when it is `Some`.
    #[inline]
    pub fn optional<T: Serialize>(key: &'static str, value: &'a Option<T>) -> Self {
        FieldRef {
            key,
            detail: match value {
                Some(value) => Detail::Value(DetailValue::new(value)),
                None => Detail::None,
            },
            shown: None,
        }
    }

    /// An `#[error(flatten)]` detail: `visit` hands its members to a visitor.
    #[inline]
    pub fn flatten(key: &'static str, visit: &'f dyn Fn(&mut dyn DetailVisitor)) -> Self {
        FieldRef {
            key,
            detail: Detail::Flatten(visit),
            shown: None,
        }
    }

    /// A field the message shows and the details leave out.
    #[inline]
    pub fn shown<T: fmt::Display>(value: &'a T) -> Self {
        FieldRef {
            key: "",
            detail: Detail::None,
            shown: Some(value),
        }
    }

    /// A detail the message shows too.
    #[inline]
    pub fn both<T: Serialize + fmt::Display>(key: &'static str, value: &'a T) -> Self {
        FieldRef {
            key,
            detail: Detail::Value(DetailValue::new(value)),
            shown: Some(value),
        }
    }

    /// The value the message shows, if it shows the field.
    #[cfg(feature = "i18n")]
    pub(crate) fn shown_value(&self) -> Option<&'a dyn fmt::Display> {
        self.shown
    }

    /// Hands the field to `visitor` if it is a detail.
    #[inline]
    pub fn visit_detail(self, visitor: &mut dyn DetailVisitor) {
        match self.detail {
            Detail::None => {}
            Detail::Value(value) => visitor.visit(self.key, value),
            Detail::Flatten(visit) => visit(visitor),
        }
    }
}

/// What the derive's fields function hands each field to: the function a caller
/// passes, behind a named type. Each of the thousands of calls in a large enum's fields
/// function then passes this type to a plain function ([`field_detail`] and the
/// others), which costs the compiler less to check than calling the higher-ranked
/// `dyn FnMut` itself, or building a [`FieldRef`] and passing it along.
pub struct FieldSink<'a, 'v>(pub &'v mut dyn FnMut(FieldRef<'a, '_>));

/// Hands a detail the message does not show to `sink`.
#[inline]
pub fn field_detail<'a, T: Serialize>(
    sink: &mut FieldSink<'a, '_>,
    key: &'static str,
    value: &'a T,
) {
    (sink.0)(FieldRef::detail(key, value));
}

/// Hands an `Option` detail to `sink` (visited only when it is `Some`).
#[inline]
pub fn field_optional<'a, T: Serialize>(
    sink: &mut FieldSink<'a, '_>,
    key: &'static str,
    value: &'a Option<T>,
) {
    (sink.0)(FieldRef::optional(key, value));
}

/// Hands an `#[error(flatten)]` detail to `sink`: `visit` hands its members to a visitor.
#[inline]
pub fn field_flatten(
    sink: &mut FieldSink<'_, '_>,
    key: &'static str,
    visit: &dyn Fn(&mut dyn DetailVisitor),
) {
    (sink.0)(FieldRef::flatten(key, visit));
}

/// Hands a field the message shows and the details leave out to `sink`.
#[inline]
pub fn field_shown<'a, T: fmt::Display>(sink: &mut FieldSink<'a, '_>, value: &'a T) {
    (sink.0)(FieldRef::shown(value));
}

/// Hands a detail the message shows too to `sink`.
#[inline]
pub fn field_both<'a, T: Serialize + fmt::Display>(
    sink: &mut FieldSink<'a, '_>,
    key: &'static str,
    value: &'a T,
) {
    (sink.0)(FieldRef::both(key, value));
}

/// Lists the fields of one error value: calls the given function once per field.
pub type Fields<'s, 'a> = dyn Fn(&mut dyn FnMut(FieldRef<'a, '_>)) + 's;

/// How many shown fields [`fill`] keeps at hand; a variant with more is still written
/// right, looking each of the rest up when its placeholder comes.
const SHOWN: usize = 8;

/// Writes the public message of `spec`: its template with each placeholder replaced by
/// the field it names, as `write!(f, "{}", field)` would: the formatter's own width or
/// fill are not applied to the fields.
///
/// `fields` lists the error's fields. The derive parsed the template (`ErrorSpec`'s
/// hidden `parsed`) and checked every placeholder against the fields at compile time; a
/// message it did not parse (a literal one) is written as it is.
///
/// # Errors
///
/// Only those of the formatter.
pub fn write_message(
    f: &mut fmt::Formatter<'_>,
    spec: &ErrorSpec,
    fields: &Fields<'_, '_>,
) -> fmt::Result {
    if spec.json.literal_message || spec.parsed.is_empty() {
        return f.write_str(spec.message);
    }
    write_parsed(f, spec.parsed, fields)
}

/// [`write_message`] for a parsed message.
fn write_parsed(
    f: &mut fmt::Formatter<'_>,
    parsed: &'static str,
    fields: &Fields<'_, '_>,
) -> fmt::Result {
    let plain = plain_options(f);
    fill(parsed, fields, |piece| match piece {
        Piece::Text(text) => f.write_str(text),
        Piece::Value(value) if plain => value.fmt(f),
        Piece::Value(value) => write!(f, "{value}"),
    })
}

/// A piece of a filled-in message.
pub(crate) enum Piece<'a> {
    /// Literal text of the template (never empty).
    Text(&'static str),
    /// The value of a shown field.
    Value(&'a dyn fmt::Display),
}

/// Hands the pieces of the message `parsed` (see [`ErrorSpec`]'s hidden `parsed`),
/// filled in with the shown fields that `fields` lists, to `write` in order; stops at
/// its first error.
pub(crate) fn fill<'a, E>(
    parsed: &'static str,
    fields: &Fields<'_, 'a>,
    mut write: impl FnMut(Piece<'a>) -> Result<(), E>,
) -> Result<(), E> {
    let mut shown: [Option<&'a dyn fmt::Display>; SHOWN] = [None; SHOWN];
    let mut count = 0;
    fields(&mut |field| {
        if let Some(value) = field.shown {
            if let Some(slot) = shown.get_mut(count) {
                *slot = Some(value);
            }
            count += 1;
        }
    });
    let mut rest = parsed;
    // A plain loop: the texts are short, and `str::find` costs more to set up.
    while let Some(at) = rest.bytes().position(|byte| byte == 0) {
        if at > 0 {
            write(Piece::Text(&rest[..at]))?;
        }
        let mut after = rest[at + 1..].chars();
        let Some(position) = after.next() else {
            return Ok(());
        };
        let position = position as usize;
        let value = match shown.get(position) {
            Some(value) => *value,
            None => nth_shown(fields, position),
        };
        // The derive checked that the field exists.
        if let Some(value) = value {
            write(Piece::Value(value))?;
        }
        rest = after.as_str();
    }
    if !rest.is_empty() {
        write(Piece::Text(rest))?;
    }
    Ok(())
}

/// The shown field at position `n`.
fn nth_shown<'a>(fields: &Fields<'_, 'a>, n: usize) -> Option<&'a dyn fmt::Display> {
    let mut count = 0;
    let mut found = None;
    fields(&mut |field| {
        if let Some(value) = field.shown {
            if count == n {
                found = Some(value);
            }
            count += 1;
        }
    });
    found
}

/// Whether `f` has no width, precision, fill, alignment, sign or `#` flag: then a field
/// may write into it directly, exactly as into the fresh formatter of `write!`.
fn plain_options(f: &fmt::Formatter<'_>) -> bool {
    f.width().is_none()
        && f.precision().is_none()
        && f.align().is_none()
        && f.fill() == ' '
        && !f.alternate()
        && !f.sign_plus()
        && !f.sign_minus()
        && !f.sign_aware_zero_pad()
}

#[cfg(test)]
mod tests {
    use super::{FieldRef, SHOWN, write_parsed};
    use crate::model::api_error::{DetailValue, DetailVisitor};
    use core::fmt;

    struct Example {
        id: String,
        count: u32,
        hint: Option<String>,
        inner: u8,
    }

    impl Example {
        /// Shows `id` (position 0) and `0` (position 1).
        fn fields<'a>(&'a self, v: &mut dyn FnMut(FieldRef<'a, '_>)) {
            v(FieldRef::both("project_id", &self.id));
            v(FieldRef::detail("count", &self.count));
            v(FieldRef::optional("hint", &self.hint));
            v(FieldRef::shown(&self.inner));
        }
    }

    struct Render<'a>(&'static str, &'a Example);

    impl fmt::Display for Render<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_parsed(f, self.0, &|v| self.1.fields(v))
        }
    }

    #[test]
    fn fills_placeholders_by_position() {
        let e = example();
        let cases = [
            ("Project \0\0 not found", "Project proj_1 not found"),
            ("\0\0", "proj_1"),
            ("\0\0/\0\u{1}/\0\0", "proj_1/7/proj_1"),
            ("\0\u{1}\0\0", "7proj_1"),
            ("{\0\0}", "{proj_1}"),
            ("Projet « \0\0 » ✓", "Projet « proj_1 » ✓"),
            ("no placeholders", "no placeholders"),
            ("", ""),
            // A marker with no position ends the message.
            ("cut \0", "cut "),
        ];
        for (message, expected) in cases {
            assert_eq!(Render(message, &e).to_string(), expected, "{message:?}");
        }
    }

    #[test]
    fn a_position_with_no_field_writes_nothing() {
        // Derived errors never get here: the derive checked every placeholder.
        let e = example();
        assert_eq!(Render("a \0\u{2} b", &e).to_string(), "a  b");
    }

    struct Many(Vec<String>);

    impl Many {
        fn fields<'a>(&'a self, v: &mut dyn FnMut(FieldRef<'a, '_>)) {
            for value in &self.0 {
                v(FieldRef::shown(value));
            }
        }
    }

    impl fmt::Display for Many {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_parsed(f, "\0\u{a} \0\0 \0\u{8} \0\u{7}", &|v| self.fields(v))
        }
    }

    #[test]
    fn more_fields_than_kept_at_hand() {
        const { assert!(SHOWN < 11) };
        let many = Many((0..11).map(|i| format!("v{i}")).collect());
        assert_eq!(many.to_string(), "v10 v0 v8 v7");
    }

    #[test]
    fn outer_width_does_not_reach_the_fields() {
        let e = example();
        assert_eq!(format!("{:>20}", Render("<\0\0>", &e)), "<proj_1>");
    }

    fn example() -> Example {
        Example {
            id: "proj_1".into(),
            count: 3,
            hint: None,
            inner: 7,
        }
    }

    #[test]
    fn visits_details_only() {
        let mut e = example();
        let mut seen = Vec::new();
        let mut visitor = |name: &str, value: DetailValue<'_>| {
            seen.push(format!("{name}={}", serde_json::to_string(&value).unwrap()));
        };
        e.fields(&mut |field| field.visit_detail(&mut visitor));
        e.hint = Some("later".into());
        e.fields(&mut |field| field.visit_detail(&mut visitor));
        assert_eq!(
            seen,
            [
                r#"project_id="proj_1""#,
                "count=3",
                r#"project_id="proj_1""#,
                "count=3",
                r#"hint="later""#,
            ]
        );
    }

    #[test]
    fn flatten_hands_the_visitor_over() {
        let members = [("a", 1), ("b", 2)];
        let visit = |v: &mut dyn DetailVisitor| {
            for (name, value) in &members {
                v.visit(name, DetailValue::new(value));
            }
        };
        let mut seen = Vec::new();
        FieldRef::flatten("ignored", &visit).visit_detail(
            &mut |name: &str, value: DetailValue<'_>| {
                seen.push(format!("{name}={}", serde_json::to_string(&value).unwrap()));
            },
        );
        assert_eq!(seen, ["a=1", "b=2"]);
    }
}
