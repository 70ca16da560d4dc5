//! Collects every mistake found while parsing and checking, so one compile reports them
//! all.

use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

#[derive(Default)]
pub struct Errors {
    errors: Vec<syn::Error>,
}

impl Errors {
    /// Reports `message` on the tokens of `node`.
    pub fn spanned<T: ToTokens, M: Display>(&mut self, node: T, message: M) {
        self.errors.push(syn::Error::new_spanned(node, message));
    }

    /// Reports `message` at `span`.
    pub fn at<M: Display>(&mut self, span: Span, message: M) {
        self.errors.push(syn::Error::new(span, message));
    }

    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// How many errors were reported so far.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Forgets the errors reported after the first `len`.
    pub fn truncate(&mut self, len: usize) {
        self.errors.truncate(len);
    }

    /// All errors as one `syn::Error`, or `None` if there were none.
    pub fn finish(self) -> Option<syn::Error> {
        self.errors.into_iter().reduce(|mut all, next| {
            all.combine(next);
            all
        })
    }
}
