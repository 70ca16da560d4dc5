//! The macro never panics: every single-token mutation of a set of inputs that use every
//! attribute (a token deleted, a literal or identifier swapped for another) either fails
//! to parse as an item or expands without panicking.

use std::panic;

use proc_macro2::{Group, TokenStream, TokenTree};
use syn::DeriveInput;

use crate::expand;

/// Inputs that together use every key, field attribute and shape.
pub const SEEDS: &[&str] = &[
    r#"
    /// Authentication errors.
    #[api_error(format = "nested", docs = "https://docs.example.com/errors", domain = "api.example.com", unique_in_crate = false)]
    pub enum AuthError<'a, T: Clone> where T: Send {
        /// The token has expired.
        #[error(code = "token_expired", status = 401, retryable = false, message = "Expired at {expired_at}",
                title = "Token expired", resolution = "Refresh it.", causes = ["Clock skew.", "Old token."], retry_after = 30)]
        TokenExpired { #[error(rename = "at", example = "2026-01-09T10:00:00Z")] expired_at: &'a str, #[error(skip)] raw: T },
        #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests ({0} per {1:>3})")]
        RateLimited(u32, String, #[error(retry_after)] Option<u64>),
        #[api_error(code = "internal", status = 500, message = "An internal error occurred")]
        Internal(#[from] std::io::Error),
        #[error(code = "bad", status = 400)]
        Bad { #[source] source: Box<dyn std::error::Error + Send + Sync>, #[error(example = [1, -2, 3.5, true])] n: Vec<i64> },
    }
    "#,
    r#"
    #[api_error(rename_all = "SCREAMING_SNAKE_CASE", crate = "::error_catalog")]
    enum E { /// Doc. Second sentence.
        #[error(status = 404)] NotFound, #[error(status = 503, message = "{{literal}}")] r#Unavailable }
    "#,
    r#"
    /// Not found.
    #[error(code = "not_found", status = 404, rename_all = "kebab-case", message = "Project {id} not found")]
    pub struct NotFound { id: String }
    "#,
    r#"
    #[derive(thiserror::Error)]
    enum T { #[error("shown {0}")] #[api_error(code = "x", status = 418, message = "public")] A(u8), #[error(transparent)] #[api_error(code = "y", status = 500, message = "m")] B(#[from] std::fmt::Error) }
    "#,
    r#"
    enum F {
        #[error(code = "invalid", status = 422, message = "Invalid {n}")]
        Invalid { n: u8, #[error(flatten)] errors: Option<Errors>, #[error(header = "X-RateLimit-Reset")] reset: u64 },
        #[error(code = "limited", status = 429, message = "Limited")]
        Limited(#[error(header = "x-reset")] Option<u64>),
    }
    "#,
    r#"
    /// Flat errors, a [`Link`] and [text](https://example.com).
    ///
    /// ```
    /// let x = 1;
    /// ```
    #[api_error(format = "flat")]
    enum M {
        #[error(code = "workspace_not_found", status = 404, message = "Workspace {id} not found in {region}")]
        NotFound { #[error(message_only)] id: String, #[error(message_only)] region: String, owner: u8 },
        #[error(code = "AUTH-401", status = 401, message = "Denied {who:?}")]
        Denied { #[error(message_only)] who: String },
    }
    "#,
    r#"
    #[api_error(decode, format = "google")]
    enum D<T> {
        #[error(code = "d", status = 409, message = "D {n}")]
        A { n: u8, m: Option<T>, #[error(flatten)] errors: Errors, #[error(retry_after)] wait: u64, #[error(skip)] s: Option<u8> },
        #[error(code = "e", status = 400)]
        B(Option<u8>),
        #[error(code = "f", status = 500)]
        C { #[source] source: Option<std::io::Error>, #[error(message_only)] hint: Option<String> },
    }
    "#,
    r#"
    #[api_error(locales = "tests/locales/seed", default_locale = "en", partial_locales = ["de"])]
    enum L {
        #[error(code = "a.b", status = 404, message = "A {id}", resolution = "R.")]
        A { id: String, #[error(skip)] s: u8, #[source] source: std::io::Error },
        #[error(code = "c", status = 409, message = "C")]
        C(u8),
    }
    "#,
    "union U { #[error(code = \"u\")] a: u8 }",
];

/// Literal replacements: every kind, empty, spaced, braces, out of range, non-ASCII.
const LITERALS: &[&str] = &[
    "\"\"",
    "\"a b\"",
    "\"{\"",
    "\"{}\"",
    "\"{0}\"",
    "\"{x:?}\"",
    "\"é\"",
    "\"snake_case\"",
    "0",
    "-1",
    "99999999999999999999999999999999999999999",
    "404u8",
    "1.5",
    "true",
    "'c'",
    "b\"x\"",
    "[]",
    "[\"a\", 1]",
];

/// Identifier replacements: keys from every level, raw names, `source`, `Option`.
const IDENTS: &[&str] = &[
    "code",
    "status",
    "message",
    "skip",
    "message_only",
    "retry_after",
    "flatten",
    "header",
    "rename_all",
    "locales",
    "from",
    "source",
    "transparent",
    "r#type",
    "Option",
    "_",
];

fn splice(trees: &[TokenTree], at: usize, with: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = trees[..at].to_vec();
    out.extend(with);
    out.extend(trees[at + 1..].iter().cloned());
    out.into_iter().collect()
}

/// Every single-token mutation of `stream`, at any depth.
fn mutations(stream: &TokenStream, out: &mut Vec<TokenStream>) {
    let trees: Vec<TokenTree> = stream.clone().into_iter().collect();
    for (at, tree) in trees.iter().enumerate() {
        out.push(splice(&trees, at, TokenStream::new()));
        match tree {
            TokenTree::Literal(_) => {
                for literal in LITERALS {
                    out.push(splice(&trees, at, literal.parse().unwrap()));
                }
            }
            TokenTree::Group(group) => {
                let mut inner = Vec::new();
                mutations(&group.stream(), &mut inner);
                for stream in inner {
                    let mut changed = Group::new(group.delimiter(), stream);
                    changed.set_span(group.span());
                    out.push(splice(&trees, at, TokenTree::Group(changed).into()));
                }
            }
            TokenTree::Ident(_) => {
                for ident in IDENTS {
                    out.push(splice(&trees, at, ident.parse().unwrap()));
                }
            }
            TokenTree::Punct(_) => {}
        }
    }
}

#[test]
fn no_input_makes_the_derive_panic() {
    let mut expanded = 0;
    for seed in SEEDS {
        let seed: TokenStream = seed.parse().unwrap();
        let mut inputs = vec![seed.clone()];
        mutations(&seed, &mut inputs);
        for tokens in inputs {
            let Ok(input) = syn::parse2::<DeriveInput>(tokens.clone()) else {
                continue;
            };
            let result = panic::catch_unwind(|| expand::derive(&input));
            assert!(result.is_ok(), "the derive panicked on: {tokens}");
            assert!(!result.unwrap().is_empty(), "no output for: {tokens}");
            expanded += 1;
        }
    }
    // The mutations really reach the derive (a guard against a seed that stops parsing).
    assert!(expanded > 2_000, "only {expanded} inputs were expanded");
}
