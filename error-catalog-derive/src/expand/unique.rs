//! The crate-wide uniqueness of codes: one hidden `#[macro_export]` macro per code, named
//! after the code, so that two derives of one crate that use the same code define the
//! same macro name at the crate root, and rustc's E0428 ("the name
//! `error_code_not_found_is_used_twice_in_this_crate` is defined multiple times") points
//! at both code literals.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{quote, quote_spanned};

use crate::expand::spec_table;
use crate::model::{Model, Variant};

/// How many uniqueness macros share one block (see [`crate_uniqueness`]).
const MACROS_PER_BLOCK: usize = 32;

/// The uniqueness macros of the type's codes, unless `unique_in_crate = false`.
///
/// The macros go in blocks of [`MACROS_PER_BLOCK`], each block one `const _` item: a
/// `macro_rules!` item is in scope for the rest of its block, and every later macro or
/// attribute name looks through those in scope, so thousands of them side by side cost
/// time quadratic in their number (the user's own code after the derive too). The block
/// also carries the one `allow(non_local_definitions)` its macros need.
pub fn crate_uniqueness(model: &Model) -> TokenStream {
    if !model.unique_in_crate {
        return TokenStream::new();
    }
    let blocks = model.variants.chunks(MACROS_PER_BLOCK).map(|chunk| {
        let macros = macros_as_text(chunk).unwrap_or_else(|| {
            let macros = chunk.iter().map(|variant| {
                let name = Ident::new(&macro_name(&variant.code), variant.code_span);
                quote_spanned! {variant.code_span=>
                    #[doc(hidden)]
                    #[macro_export]
                    macro_rules! #name { () => {}; }
                }
            });
            quote!(#(#macros)*)
        });
        quote! {
            #[allow(non_local_definitions)]
            const _: () = {
                #macros
            };
        }
    });
    quote!(#(#blocks)*)
}

/// The macros of one block, written as text that the compiler parses in one call (see
/// `spec_table::parse`); each macro's outer tokens then get the span of its code, where
/// rustc's E0428 points. `None` should the text not read as the macros it holds.
fn macros_as_text(chunk: &[Variant]) -> Option<TokenStream> {
    /// The tokens of one macro: `#`, `[doc(hidden)]`, `#`, `[macro_export]`,
    /// `macro_rules`, `!`, the name, the body.
    const TREES: usize = 8;
    const NAME: usize = 6;
    let mut text = String::new();
    for variant in chunk {
        text.push_str("#[doc(hidden)]#[macro_export]macro_rules!");
        write_macro_name(&mut text, &variant.code);
        text.push_str("{()=>{};}");
    }
    let mut trees: Vec<TokenTree> = spec_table::parse(&text)?.into_iter().collect();
    if trees.len() != TREES * chunk.len() {
        return None;
    }
    for (variant, tokens) in chunk.iter().zip(trees.chunks_mut(TREES)) {
        if !matches!(tokens[NAME], TokenTree::Ident(_)) {
            return None;
        }
        for token in tokens {
            token.set_span(variant.code_span);
        }
    }
    Some(trees.into_iter().collect())
}

/// The macro name of a code, which rustc shows when the code is used twice: a sentence
/// that states the problem, `error_code_<code>_is_used_twice_in_this_crate`.
///
/// Distinct codes get distinct names. A code of letters, digits and `_` is written as it
/// is; a code with `-` or `.` (which identifiers cannot hold) is escaped, `_` as `__`,
/// `-` as `_h` and `.` as `_d`, under a name that starts with `escaped_` so that it never
/// equals the name of a code written as it is.
fn macro_name(code: &str) -> String {
    let mut name = String::with_capacity(code.len() + 48);
    write_macro_name(&mut name, code);
    name
}

/// Writes [`macro_name`] of the code into `out`.
fn write_macro_name(out: &mut String, code: &str) {
    const RULE: &str = "_is_used_twice_in_this_crate";
    // Plain loops: the macro is built without optimizations.
    let bytes = code.as_bytes();
    let mut plain = true;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'-' || bytes[i] == b'.' {
            plain = false;
            break;
        }
        i += 1;
    }
    if plain {
        out.push_str("error_code_");
        out.push_str(code);
    } else {
        out.push_str("escaped_error_code_");
        for c in code.chars() {
            match c {
                '_' => out.push_str("__"),
                '-' => out.push_str("_h"),
                '.' => out.push_str("_d"),
                c => out.push(c),
            }
        }
    }
    out.push_str(RULE);
}

#[cfg(test)]
mod tests {
    use super::macro_name;

    #[test]
    fn names_read_as_the_rule() {
        assert_eq!(
            macro_name("order_not_found"),
            "error_code_order_not_found_is_used_twice_in_this_crate"
        );
        assert_eq!(
            macro_name("NOT_FOUND"),
            "error_code_NOT_FOUND_is_used_twice_in_this_crate"
        );
        assert_eq!(
            macro_name("AUTH-401"),
            "escaped_error_code_AUTH_h401_is_used_twice_in_this_crate"
        );
    }

    #[test]
    fn names_are_distinct_on_tricky_pairs() {
        let codes = [
            "a_h",
            "a-",
            "a.b",
            "a_db",
            "a__b",
            "a_b",
            "A_B",
            "a-b",
            "a_hb",
            "a_h_b",
            "a-_b",
            "a_-b",
            "escaped_error_code_a",
            "a_is_used_twice_in_this_crate_x",
            "_a",
            "a_",
            "error_code_a",
            "a_d",
            "a.",
        ];
        let names: std::collections::HashSet<String> =
            codes.iter().map(|code| macro_name(code)).collect();
        assert_eq!(names.len(), codes.len());
        for name in &names {
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{name}"
            );
        }
    }
}
