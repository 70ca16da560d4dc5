//! The fields of an error value as the derive's expansion hands them to the runtime.
//!
//! The expansion writes one `match` over the variants that lists, per variant, the fields
//! that are details and the fields the message shows ([`FieldRef`]s). Everything else is
//! ordinary code here: [`visit_details`](FieldRef::visit_detail) feeds the details to a
//! [`DetailVisitor`], and [`write_message`] fills the message template from the catalog.
//! One match instead of one per purpose keeps the generated code, and so the compile
//! time of a large error enum, small.

use core::fmt;

use serde::Serialize;

use crate::{DetailValue, DetailVisitor, ErrorSpec};

/// One field of an error value: its key in the details and its value as a detail, and its
/// name in the message template and its value as text, each when the field has that role.
///
/// `'a` is the error value's borrow (a shown value can be kept while the message is
/// written); `'f` the call's (a flattened detail is visited through a closure).
pub struct FieldRef<'a, 'f> {
    /// The name in the message template (`id`, or `0` for a tuple field); empty when the
    /// message does not show the field.
    name: &'static str,
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
            name: "",
            key,
            detail: Detail::Value(DetailValue::new(value)),
            shown: None,
        }
    }

    /// An `Option` detail: visited only when it is `Some`.
    #[inline]
    pub fn optional<T: Serialize>(key: &'static str, value: &'a Option<T>) -> Self {
        FieldRef {
            name: "",
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
            name: "",
            key,
            detail: Detail::Flatten(visit),
            shown: None,
        }
    }

    /// A field the message shows and the details leave out.
    #[inline]
    pub fn shown<T: fmt::Display>(name: &'static str, value: &'a T) -> Self {
        FieldRef {
            name,
            key: "",
            detail: Detail::None,
            shown: Some(value),
        }
    }

    /// A detail the message shows too.
    #[inline]
    pub fn both<T: Serialize + fmt::Display>(
        name: &'static str,
        key: &'static str,
        value: &'a T,
    ) -> Self {
        FieldRef {
            name,
            key,
            detail: Detail::Value(DetailValue::new(value)),
            shown: Some(value),
        }
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

/// Lists the fields of one error value: calls the given function once per field.
pub type Fields<'s, 'a> = dyn Fn(&mut dyn FnMut(FieldRef<'a, '_>)) + 's;

/// How many shown fields [`write_message`] keeps at hand; a variant with more is still
/// written right, looking the rest up one placeholder at a time.
const SHOWN: usize = 8;

/// Writes the public message of `spec`: its template (`{name}` placeholders, `{{` and
/// `}}` for braces) with each placeholder replaced by the field of that name, as
/// `write!(f, "{}", field)` would: the formatter's own width or fill are not applied to
/// the fields. A template without placeholders is written as it is.
///
/// `fields` lists the error's fields. The derive checked every placeholder against the
/// fields at compile time; a placeholder with no field (impossible for derived errors)
/// is written as is.
///
/// # Errors
///
/// Only those of the formatter.
pub fn write_message(
    f: &mut fmt::Formatter<'_>,
    spec: &ErrorSpec,
    fields: &Fields<'_, '_>,
) -> fmt::Result {
    if spec.json.literal_message {
        return f.write_str(spec.message);
    }
    write_template(f, spec.message, fields)
}

/// [`write_message`] for any template.
fn write_template<'a>(
    f: &mut fmt::Formatter<'_>,
    template: &str,
    fields: &Fields<'_, 'a>,
) -> fmt::Result {
    let mut shown: [Option<(&str, &'a dyn fmt::Display)>; SHOWN] = [None; SHOWN];
    let mut count = 0;
    fields(&mut |field| {
        if let Some(value) = field.shown {
            if let Some(slot) = shown.get_mut(count) {
                *slot = Some((field.name, value));
            }
            count += 1;
        }
    });
    let plain = plain_options(f);
    let mut rest = template;
    while let Some(at) = rest.bytes().position(|b| b == b'{' || b == b'}') {
        f.write_str(&rest[..at])?;
        let after = &rest[at + 1..];
        if rest[at..].starts_with("{{") || rest[at..].starts_with("}}") {
            f.write_str(&rest[at..=at])?;
            rest = &after[1..];
            continue;
        }
        let (b'{', Some(end)) = (rest.as_bytes()[at], after.find('}')) else {
            // A lone brace: written as is.
            f.write_str(&rest[at..=at])?;
            rest = after;
            continue;
        };
        let name = after[..end].trim();
        let mut value = shown
            .iter()
            .flatten()
            .find(|(field, _)| *field == name)
            .map(|&(_, value)| value);
        if value.is_none() && count > SHOWN {
            fields(&mut |field| {
                if value.is_none() && field.name == name {
                    value = field.shown;
                }
            });
        }
        match value {
            Some(value) if plain => value.fmt(f)?,
            Some(value) => write!(f, "{value}")?,
            None => f.write_str(&rest[at..at + end + 2])?,
        }
        rest = &after[end + 1..];
    }
    f.write_str(rest)
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
    use super::{FieldRef, SHOWN, write_template};
    use crate::{DetailValue, DetailVisitor};
    use core::fmt;

    struct Example {
        id: String,
        count: u32,
        hint: Option<String>,
        inner: u8,
    }

    impl Example {
        fn fields<'a>(&'a self, v: &mut dyn FnMut(FieldRef<'a, '_>)) {
            v(FieldRef::both("id", "project_id", &self.id));
            v(FieldRef::detail("count", &self.count));
            v(FieldRef::optional("hint", &self.hint));
            v(FieldRef::shown("0", &self.inner));
        }
    }

    struct Render<'a>(&'a str, &'a Example);

    impl fmt::Display for Render<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_template(f, self.0, &|v| self.1.fields(v))
        }
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
    fn fills_placeholders_and_unescapes_braces() {
        let e = example();
        let cases = [
            ("Project {id} not found", "Project proj_1 not found"),
            ("{id}", "proj_1"),
            ("{ id }/{0}/{id}", "proj_1/7/proj_1"),
            ("use {{json}} here", "use {json} here"),
            ("{{{id}}}", "{proj_1}"),
            ("Projet « {id} » ✓", "Projet « proj_1 » ✓"),
            ("no placeholders", "no placeholders"),
            ("", ""),
        ];
        for (template, expected) in cases {
            assert_eq!(Render(template, &e).to_string(), expected, "{template}");
        }
    }

    #[test]
    fn leaves_what_names_no_shown_field_as_written() {
        // `count` is a detail the message does not show; derived errors never get here.
        let e = example();
        assert_eq!(Render("a {count} b", &e).to_string(), "a {count} b");
        assert_eq!(Render("a { b } c", &e).to_string(), "a { b } c");
        assert_eq!(Render("lone { and }", &e).to_string(), "lone { and }");
    }

    struct Many(Vec<String>);

    impl Many {
        fn fields<'a>(&'a self, v: &mut dyn FnMut(FieldRef<'a, '_>)) {
            const NAMES: [&str; 11] = [
                "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10",
            ];
            for (name, value) in NAMES.iter().zip(&self.0) {
                v(FieldRef::shown(name, value));
            }
        }
    }

    impl fmt::Display for Many {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_template(f, "{f10} {f0} {f8} {f7}", &|v| self.fields(v))
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
        assert_eq!(format!("{:>20}", Render("<{id}>", &e)), "<proj_1>");
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
