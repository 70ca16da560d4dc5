//! Deprecation: Rust's own `#[deprecated]` on a variant (or struct), which the catalog
//! reads (its `note` and `since`), and the `replaced_by = ".."` key, which says what
//! `#[deprecated]` cannot: the code that takes over.
//!
//! `#[deprecated]` stays Rust's: the compiler warns wherever the service still
//! constructs the variant (the expansion allows the lint inside itself), and reports
//! its own malformed forms; this module only reads the forms rustc accepts.

use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta};

use crate::ctxt::Errors;
use crate::input::keys;

/// A deprecated variant's entry in the catalog.
#[derive(Clone, Default)]
pub struct Deprecation {
    pub note: Option<String>,
    pub since: Option<String>,
    pub replaced_by: Option<String>,
}

/// The deprecation of an item with these attributes and this `replaced_by`; reports a
/// `replaced_by` on an item that is not `#[deprecated]`, at the key's value.
pub fn read(
    attrs: &[Attribute],
    replaced_by: Option<&LitStr>,
    errors: &mut Errors,
) -> Option<Deprecation> {
    let Some(attr) = attrs
        .iter()
        .find(|attr| attr.path().is_ident(keys::DEPRECATED))
    else {
        if let Some(code) = replaced_by {
            errors.spanned(
                code,
                "`replaced_by` names the code that replaces a deprecated one: mark the \
                 variant `#[deprecated(note = \"..\")]` too",
            );
        }
        return None;
    };
    let mut deprecation = Deprecation {
        replaced_by: replaced_by.map(LitStr::value),
        ..Deprecation::default()
    };
    match &attr.meta {
        Meta::Path(_) => {}
        Meta::NameValue(name_value) => deprecation.note = string(&name_value.value),
        Meta::List(_) => {
            // rustc reports a malformed `#[deprecated(..)]`; the keys it accepts are read.
            let _ = attr.parse_nested_meta(|meta| {
                let value: Expr = meta.value()?.parse()?;
                if meta.path.is_ident("note") {
                    deprecation.note = string(&value);
                } else if meta.path.is_ident("since") {
                    deprecation.since = string(&value);
                }
                Ok(())
            });
        }
    }
    Some(deprecation)
}

fn string(value: &Expr) -> Option<String> {
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}
