//! Message templates: `"Project {id} not found"`, `"Seat {0} of {max:>3}"`. The one
//! scanner of templates in the derive: every other part reads the parsed [`Template`].
//!
//! A placeholder names a field (`{id}`) or a tuple position (`{0}`), optionally with a
//! format spec after `:` as in `format!`; `{{` and `}}` are literal braces.

#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, braces already unescaped.
    Lit(String),
    /// A placeholder.
    Arg(Placeholder),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Placeholder {
    /// The field name or tuple index as written.
    pub name: String,
    /// The format spec after `:`, without the colon (empty for none).
    pub spec: String,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

impl Template {
    /// Parses a template; the error is a sentence for the user.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        // Byte positions, not an iterator of characters: braces are ASCII, and the macro
        // is built without optimizations, where a run of text copied at once costs a
        // fraction of one character at a time.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            match bytes[i] {
                b'{' if bytes.get(i + 1) == Some(&b'{') => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if bytes.get(i + 1) == Some(&b'}') => {
                    lit.push('}');
                    i += 2;
                }
                b'}' => {
                    return Err(
                        "unmatched `}` in message; write `}}` for a literal brace".to_owned()
                    );
                }
                b'{' => {
                    let mut end = None;
                    let mut j = i + 1;
                    while j < bytes.len() {
                        if bytes[j] == b'}' {
                            end = Some(j);
                            break;
                        }
                        if bytes[j] == b'{' {
                            break;
                        }
                        j += 1;
                    }
                    let Some(end) = end else {
                        return Err(
                            "unmatched `{` in message; write `{{` for a literal brace".to_owned()
                        );
                    };
                    i = end + 1;
                    let inner = &text[start + 1..end];
                    let (name, spec) = match inner.split_once(':') {
                        Some((name, spec)) => (name.trim(), spec),
                        None => (inner.trim(), ""),
                    };
                    if name.is_empty() {
                        return Err(format!(
                            "`{{{inner}}}` needs a field name or index, e.g. `{{id}}` or `{{0}}`"
                        ));
                    }
                    let valid = name.bytes().all(|b| b.is_ascii_digit())
                        || (name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                            && !name.as_bytes()[0].is_ascii_digit());
                    if !valid {
                        return Err(format!(
                            "`{{{inner}}}` must name a field (`{{id}}`) or a tuple position (`{{0}}`)"
                        ));
                    }
                    // Placeholders become positional arguments, so a spec may not point
                    // at another argument (`width$`, `1$`, `.*`).
                    if spec.contains('$') || spec.contains('*') {
                        return Err(format!(
                            "`{{{inner}}}` takes its width or precision from another argument; \
                             write a number, as in `{{{name}:>8}}`"
                        ));
                    }
                    if !lit.is_empty() {
                        pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                    }
                    pieces.push(Piece::Arg(Placeholder {
                        name: name.to_owned(),
                        spec: spec.to_owned(),
                    }));
                }
                _ => {
                    while i < bytes.len() && bytes[i] != b'{' && bytes[i] != b'}' {
                        i += 1;
                    }
                    lit.push_str(&text[start..i]);
                }
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        Ok(Template { pieces })
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg(arg) => Some(arg),
            Piece::Lit(_) => None,
        })
    }

    /// The text when there are no placeholders.
    pub fn literal(&self) -> Option<String> {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Lit(lit) => text.push_str(lit),
                Piece::Arg(_) => return None,
            }
        }
        Some(text)
    }

    /// Whether the literal text holds a NUL, the marker of the runtime's parsed form.
    pub fn has_nul(&self) -> bool {
        self.pieces
            .iter()
            .any(|piece| matches!(piece, Piece::Lit(lit) if lit.contains('\0')))
    }

    /// The `format_args!` string with every placeholder turned positional, in order.
    pub fn positional_format(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Lit(lit) => {
                    for c in lit.chars() {
                        match c {
                            '{' => out.push_str("{{"),
                            '}' => out.push_str("}}"),
                            c => out.push(c),
                        }
                    }
                }
                Piece::Arg(arg) if arg.spec.is_empty() => out.push_str("{}"),
                Piece::Arg(arg) => {
                    out.push_str("{:");
                    out.push_str(&arg.spec);
                    out.push('}');
                }
            }
        }
        out
    }
}

/// Escapes braces so that literal text (a doc comment) can be stored as a template.
pub fn escape(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(name: &str, spec: &str) -> Piece {
        Piece::Arg(Placeholder {
            name: name.into(),
            spec: spec.into(),
        })
    }

    #[test]
    fn parses_names_indexes_and_specs() {
        let t = Template::parse("Seat {0} of {max:>3} for {user:?}").unwrap();
        assert_eq!(
            t.pieces,
            [
                Piece::Lit("Seat ".into()),
                arg("0", ""),
                Piece::Lit(" of ".into()),
                arg("max", ">3"),
                Piece::Lit(" for ".into()),
                arg("user", "?"),
            ]
        );
        assert_eq!(t.positional_format(), "Seat {} of {:>3} for {:?}");
    }

    #[test]
    fn escaped_braces_are_literal() {
        let t = Template::parse("use {{json}} here").unwrap();
        assert_eq!(t.literal().as_deref(), Some("use {json} here"));
        assert_eq!(t.positional_format(), "use {{json}} here");
        assert_eq!(escape("a {b}"), "a {{b}}");
    }

    #[test]
    fn rejects_malformed_templates() {
        for bad in [
            "a { b", "a } b", "{}", "{:?}", "{a.b}", "{1a}", "{a{b}", "{a:w$}", "{a:1$}", "{a:.*}",
        ] {
            assert!(Template::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn nul_is_found_in_the_text() {
        assert!(Template::parse("a\0b {x}").unwrap().has_nul());
        assert!(!Template::parse("ab {x}").unwrap().has_nul());
    }

    #[test]
    fn unicode_is_kept() {
        let t = Template::parse("Projet « {id} » introuvable ✓").unwrap();
        assert_eq!(t.positional_format(), "Projet « {} » introuvable ✓");
    }
}
