//! Doc comments: the text of `///` and `/** */`, the first sentence a variant's message
//! defaults to, and the first paragraph a type's category text is.

use syn::Attribute;

/// The doc comment: lines joined with `\n`, one leading space of each `///` line (and
/// the common indentation of a block comment's lines) removed, surrounding blank lines
/// trimmed.
pub fn doc_comment(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let Ok(name_value) = attr.meta.require_name_value() else {
            continue;
        };
        if let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = &name_value.value
        {
            // `split`, not `lines`: an empty `///` line is `#[doc = ""]`, a paragraph break.
            let text = crate::input::attr::string_value(text);
            let mut fragment = text.split('\n');
            let first = fragment.next().unwrap_or_default();
            lines.push(
                first
                    .strip_prefix(' ')
                    .unwrap_or(first)
                    .trim_end()
                    .to_owned(),
            );
            // The further lines of a `/** .. */` block lose their common indentation.
            let rest: Vec<&str> = fragment.collect();
            let indent = rest
                .iter()
                .filter(|line| !line.trim().is_empty())
                .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
                .min()
                .unwrap_or(0);
            for line in rest {
                lines.push(line.get(indent..).unwrap_or("").trim_end().to_owned());
            }
        }
    }
    lines.join("\n").trim().to_owned()
}

/// The first sentence of the first paragraph of a doc comment, on one line, with link
/// syntax reduced to its text (the sentence becomes a message that clients read).
pub fn first_sentence(doc: &str) -> String {
    let paragraph = doc.split("\n\n").next().unwrap_or("");
    let flat = strip_links(paragraph)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let bytes = flat.as_bytes();
    for (i, c) in flat.char_indices() {
        if matches!(c, '.' | '!' | '?') && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            return flat[..=i].to_owned();
        }
    }
    flat
}

/// The category text of a type: the first paragraph of prose of its doc comment, on one
/// line, with intra-doc link syntax reduced to the text it shows. Code blocks, later
/// paragraphs (examples, doctests, sections) and link reference definitions are left out.
pub fn category_text(doc: &str) -> String {
    let mut fence: Option<&str> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    for line in doc.lines() {
        let trimmed = line.trim();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            if !paragraph.is_empty() {
                break;
            }
            fence = Some(marker);
            continue;
        }
        if trimmed.is_empty() {
            if paragraph.is_empty() {
                continue;
            }
            break;
        }
        if is_link_definition(trimmed) {
            continue;
        }
        paragraph.push(trimmed);
    }
    let flat = paragraph.join(" ");
    strip_links(&flat)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `[Foo]: crate::Foo`, a Markdown link reference definition.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|end| end > 1 && !line[1..end].contains(['[', ']']))
}

/// Reduces link syntax to the text a reader sees: ``[`Foo`]`` to `` `Foo` ``,
/// `[text](url)` and `[text][ref]` to `text`, and `[Foo]` / `[crate::Foo]` (a path that
/// rustdoc links) to `Foo` / `crate::Foo`. Other brackets, and everything inside a code
/// span, are kept.
fn strip_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['`', '[']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            // A code span: copied as it is, up to the closing run of as many backticks.
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let run = &rest[..ticks];
            let end = rest[ticks..]
                .find(run)
                .map_or(rest.len(), |end| ticks + end + ticks);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some(close) = closing_bracket(rest) else {
            out.push('[');
            rest = &rest[1..];
            continue;
        };
        let inner = &rest[1..close];
        let after = &rest[close + 1..];
        // `(url)` or `[ref]` right after: the link's target, left out.
        let target = [('(', ')'), ('[', ']')]
            .into_iter()
            .filter(|(open, _)| after.starts_with(*open))
            .find_map(|(open, shut)| matching(after, open, shut).map(|end| &after[end + 1..]));
        if let Some(tail) = target {
            out.push_str(&strip_links(inner));
            rest = tail;
        } else if is_linked_name(inner) {
            out.push_str(inner);
            rest = after;
        } else {
            out.push('[');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The index of the `shut` that closes the `open` at the start of `text`, counting nested
/// pairs (a URL may hold parentheses).
fn matching(text: &str, open: char, shut: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if c == open {
            depth += 1;
        } else if c == shut {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The index of the `]` that closes the `[` at the start of `text`, skipping code spans
/// and nested brackets.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_code = false;
    for (i, c) in text.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '[' if !in_code => depth += 1,
            ']' if !in_code => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// What rustdoc would link in `[..]`: a code span, or a path that names an item
/// (`Format`, `crate::Format::Problem`, `Self::new()`, `vec!`).
fn is_linked_name(inner: &str) -> bool {
    if inner.len() > 2 && inner.starts_with('`') && inner.ends_with('`') {
        return true;
    }
    let callable = inner.strip_suffix("()").or_else(|| inner.strip_suffix('!'));
    let path = callable.unwrap_or(inner);
    let segments: Vec<&str> = path.split("::").collect();
    let identifiers = segments.iter().all(|segment| {
        segment
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && segment.chars().all(|c| c.is_alphanumeric() || c == '_')
    });
    // A lone lower-case word (`[optional]`) is text; a type name, a path, a function
    // or a macro is a link.
    identifiers
        && (segments.len() > 1
            || callable.is_some()
            || path.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_comment_keeps_paragraph_breaks() {
        let item: syn::DeriveInput = syn::parse_quote! {
            ///  First line.
            ///
            /// Second paragraph.
            /** Block
            line. */
            struct S;
        };
        assert_eq!(
            doc_comment(&item.attrs),
            "First line.\n\nSecond paragraph.\nBlock\nline."
        );
        assert_eq!(first_sentence(&doc_comment(&item.attrs)), "First line.");
        let no_stop: syn::DeriveInput = syn::parse_quote! {
            /// Not found
            ///
            /// Details.
            struct T;
        };
        assert_eq!(first_sentence(&doc_comment(&no_stop.attrs)), "Not found");
    }

    #[test]
    fn first_sentence_of_doc() {
        assert_eq!(
            first_sentence("The license has passed. Renew it."),
            "The license has passed."
        );
        assert_eq!(
            first_sentence("Wrapped\nline without stop\n\nSecond paragraph."),
            "Wrapped line without stop"
        );
        assert_eq!(
            first_sentence("Version 1.2 is gone."),
            "Version 1.2 is gone."
        );
        assert_eq!(first_sentence(""), "");
        // The sentence is a message clients read: link syntax shows its text only.
        assert_eq!(
            first_sentence("The [`Project`] was [archived](https://docs.example.com/a). Later."),
            "The `Project` was archived."
        );
    }

    #[test]
    fn category_text_is_the_first_paragraph_on_one_line() {
        let doc = "Authentication errors, raised\nby the login handlers.\n\nMore details.\n\n\
                   ```\nlet x = 1;\n```";
        assert_eq!(
            category_text(doc),
            "Authentication errors, raised by the login handlers."
        );
        assert_eq!(category_text(""), "");
        assert_eq!(category_text("One line"), "One line");
        // A doc that opens with a code block: the prose after it.
        assert_eq!(
            category_text("```\nfn f() {}\n\nfn g() {}\n```\nThe errors."),
            "The errors."
        );
        // Link reference definitions are not text.
        assert_eq!(
            category_text("Errors of [`Store`].\n[`Store`]: crate::Store"),
            "Errors of `Store`."
        );
    }

    #[test]
    fn links_show_their_text() {
        let cases = [
            ("Errors of [`Store`].", "Errors of `Store`."),
            (
                "See [`Format::Problem`](crate::Format::Problem).",
                "See `Format::Problem`.",
            ),
            (
                "Read [the guide](https://example.com/a_(b)) first.",
                "Read the guide first.",
            ),
            ("As [Rejection] does.", "As Rejection does."),
            (
                "As [crate::Rejection] and [`f()`][f] do.",
                "As crate::Rejection and `f()` do.",
            ),
            (
                "Calls [Self::new()] or [vec!].",
                "Calls Self::new() or vec!.",
            ),
            ("A [nested [`link`](x)](y).", "A nested `link`."),
            // Not links: kept as written.
            (
                "An [optional] value, a list [1, 2].",
                "An [optional] value, a list [1, 2].",
            ),
            (
                "Code `a[0]` and `[x](y)` stays.",
                "Code `a[0]` and `[x](y)` stays.",
            ),
            ("Unclosed [bracket and `tick", "Unclosed [bracket and `tick"),
            ("[] and [[", "[] and [["),
        ];
        for (text, expected) in cases {
            assert_eq!(strip_links(text), expected, "{text}");
        }
    }
}
