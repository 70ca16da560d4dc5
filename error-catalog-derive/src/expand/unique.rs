//! The crate-wide uniqueness of codes: one hidden `#[macro_export]` macro per code, named
//! after the code, so that two derives of one crate that use the same code define the
//! same macro name at the crate root, and rustc's E0428 points at both code literals.

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};

use crate::model::Model;

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
        let macros = chunk.iter().map(|variant| {
            let name = Ident::new(
                &format!("__error_catalog_code_{}", mangle(&variant.code)),
                variant.code_span,
            );
            quote_spanned! {variant.code_span=>
                #[doc(hidden)]
                #[macro_export]
                macro_rules! #name { () => {}; }
            }
        });
        quote! {
            #[allow(non_local_definitions)]
            const _: () = {
                #(#macros)*
            };
        }
    });
    quote!(#(#blocks)*)
}

/// An injective map from codes (ASCII letters, digits, `_`, `-`, `.`) to identifier
/// characters: `_` becomes `__`, `-` becomes `_h`, `.` becomes `_d`.
fn mangle(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 4);
    for c in code.chars() {
        match c {
            '_' => out.push_str("__"),
            '-' => out.push_str("_h"),
            '.' => out.push_str("_d"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangling_is_injective_on_tricky_pairs() {
        let codes = ["a_h", "a-", "a.b", "a_db", "a__b", "a_b", "A_B", "a-b"];
        let mangled: std::collections::HashSet<String> = codes.iter().map(|c| mangle(c)).collect();
        assert_eq!(mangled.len(), codes.len());
        assert_eq!(mangle("AUTH-401"), "AUTH_h401");
    }
}
