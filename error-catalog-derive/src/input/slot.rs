//! Attribute values held in slots, one slot per key: a slot knows its key, where the key
//! was written and the value it parsed to, and is the one place that reports a key given
//! twice (at the repeat, whose value is then skipped).

use proc_macro2::{Ident, Span};
use syn::Token;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned as _;

use crate::ctxt::Errors;

/// The value of one key.
pub struct Attr<T> {
    key: &'static str,
    /// Where the key was first written, whether or not its value was usable: a key with a
    /// bad value was reported already, and is not reported again as missing.
    written: Option<Span>,
    value: Option<T>,
}

/// A key that takes no value (`#[error(skip)]`, `#[source]`).
pub type Flag = Attr<()>;

impl<T> Attr<T> {
    pub const fn new(key: &'static str) -> Self {
        Attr {
            key,
            written: None,
            value: None,
        }
    }

    /// Parses one occurrence of the key, written at `meta.path`: a repeat is reported there
    /// and its value skipped; otherwise `parse` reads the value (returning `None` for a
    /// value it reported as unusable).
    pub fn parse(
        &mut self,
        meta: &ParseNestedMeta,
        errors: &mut Errors,
        parse: impl FnOnce(&ParseNestedMeta, &mut Errors) -> syn::Result<Option<T>>,
    ) -> syn::Result<()> {
        if !self.claim(&meta.path, errors) {
            return skip_value(meta);
        }
        if let Some(value) = parse(meta, errors)? {
            self.value = Some(value);
        }
        Ok(())
    }

    /// Records that the key is written at `path`; `false`, with an error there, when it
    /// was written before.
    pub fn claim(&mut self, path: &syn::Path, errors: &mut Errors) -> bool {
        if self.written.is_some() {
            errors.spanned(path, format!("`{}` is given twice", self.key));
            return false;
        }
        // A key is one identifier: its span, without building the path's tokens.
        self.written = Some(path.get_ident().map_or_else(|| path.span(), Ident::span));
        true
    }

    /// Sets the value of a key just claimed.
    pub fn set(&mut self, value: T) {
        self.value = Some(value);
    }

    /// The parsed value, if the key was written with a usable one.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// Whether the key was written with a usable value.
    pub fn is_set(&self) -> bool {
        self.value.is_some()
    }

    /// Whether the key was written, with any value.
    pub fn is_written(&self) -> bool {
        self.written.is_some()
    }

    /// Where the key was written.
    pub fn span(&self) -> Option<Span> {
        self.written
    }
}

impl Flag {
    /// Parses a flag: `#[error(skip)]`. A value (`skip = true`) is reported and skipped;
    /// the flag still counts as set, so no second error follows from it.
    pub fn parse_flag(&mut self, meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<()> {
        let key = self.key;
        self.parse(meta, errors, |meta, errors| {
            if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                errors.spanned(
                    &meta.path,
                    format!("`{key}` is a flag and takes no value: write `#[error({key})]`"),
                );
                skip_value(meta)?;
            }
            Ok(Some(()))
        })
    }
}

/// Consumes whatever follows an unusable key (`= value` or `(..)`), so parsing can go on.
pub fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        skip_until_comma(meta.input)
    } else if meta.input.peek(syn::token::Paren) {
        let _group: proc_macro2::Group = meta.input.parse()?;
        Ok(())
    } else {
        Ok(())
    }
}

/// Consumes the rest of a value, up to the next `,`.
pub fn skip_until_comma(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}
