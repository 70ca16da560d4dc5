//! Doc comments: the text of `///` and `/** */`, and the first sentence a variant's
//! message defaults to.

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
            let text = text.value();
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

/// The first sentence of the first paragraph of a doc comment, on one line.
pub fn first_sentence(doc: &str) -> String {
    let paragraph = doc.split("\n\n").next().unwrap_or("");
    let flat = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    let bytes = flat.as_bytes();
    for (i, c) in flat.char_indices() {
        if matches!(c, '.' | '!' | '?') && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            return flat[..=i].to_owned();
        }
    }
    flat
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
    }
}
