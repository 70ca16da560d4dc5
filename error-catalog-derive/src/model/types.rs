//! What the derive can learn from a field's type as written: its JSON type, whether it
//! is an `Option`, whether it mentions a generic parameter, and a tidy display form.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned as _;
use syn::{GenericArgument, Ident, PathArguments, Type};

/// The identifier a type is, when it is one alone (`String`, `u64`): most fields'
/// types, which then need none of the work a type's tokens take.
fn single_ident(ty: &Type) -> Option<&Ident> {
    let Type::Path(path) = ty else {
        return None;
    };
    let segments = &path.path.segments;
    let plain = path.qself.is_none()
        && path.path.leading_colon.is_none()
        && segments.len() == 1
        && segments[0].arguments.is_none();
    plain.then(|| &segments[0].ident)
}

/// Where an error about the type points: the type's span (that of its one token, for a
/// type that is one identifier).
pub fn span(ty: &Type) -> Span {
    single_ident(ty).map_or_else(|| ty.span(), Ident::span)
}

/// Mirrors the runtime's `JsonType` variant names.
pub fn json_type(ty: &Type) -> &'static str {
    match ty {
        Type::Reference(reference) => json_type(&reference.elem),
        Type::Paren(paren) => json_type(&paren.elem),
        Type::Group(group) => json_type(&group.elem),
        Type::Array(_) | Type::Slice(_) => "Array",
        Type::Tuple(tuple) if !tuple.elems.is_empty() => "Array",
        Type::Path(path) => {
            let Some(last) = path.path.segments.last() else {
                return "Any";
            };
            match last.ident.to_string().as_str() {
                "Option" | "Box" | "Rc" | "Arc" | "Cow" | "Reverse" | "Wrapping" => {
                    first_type_arg(&last.arguments).map_or("Any", json_type)
                }
                "String" | "str" | "char" | "PathBuf" | "Path" | "DateTime" | "NaiveDate"
                | "NaiveDateTime" | "NaiveTime" | "OffsetDateTime" | "PrimitiveDateTime"
                | "Date" | "Time" | "Timestamp" | "Zoned" | "Uuid" | "Ulid" | "Url" | "Uri"
                | "IpAddr" | "Ipv4Addr" | "Ipv6Addr" | "SocketAddr" | "Decimal" | "HeaderValue"
                | "Method" | "Mime" => "String",
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64"
                | "i128" | "isize" | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64"
                | "NonZeroU128" | "NonZeroUsize" | "NonZeroI8" | "NonZeroI16" | "NonZeroI32"
                | "NonZeroI64" | "NonZeroI128" | "NonZeroIsize" | "StatusCode" => "Integer",
                "f32" | "f64" => "Number",
                "bool" => "Boolean",
                "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap"
                | "IndexSet" | "SmallVec" | "ArrayVec" => "Array",
                "HashMap" | "BTreeMap" | "IndexMap" | "Map" => "Object",
                _ => "Any",
            }
        }
        _ => "Any",
    }
}

/// `Some(T)` for `Option<T>` (by its last path segment).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    first_type_arg(&last.arguments)
}

fn first_type_arg(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// True when the type's tokens mention one of the type parameters.
pub fn mentions_any(ty: &Type, params: &[&Ident]) -> bool {
    !params.is_empty() && tokens_mention(ty.to_token_stream(), params)
}

fn tokens_mention(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.iter().any(|param| **param == ident),
        TokenTree::Group(group) => tokens_mention(group.stream(), params),
        _ => false,
    })
}

/// The type as a user would write it: `Option<Vec<String>>`, `&'a str`.
pub fn display(ty: &Type) -> String {
    if let Some(ident) = single_ident(ty) {
        return ident.to_string();
    }
    let raw = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(raw.len());
    let chars: Vec<char> = raw.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = out.chars().last().unwrap_or(' ');
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let word = |c: char| c.is_alphanumeric() || c == '_';
            // Keep the space between two words (`dyn Error`, `'a str`, `mut T`) and after
            // a comma or `;`; drop it around punctuation (`Vec < T >`, `a :: b`).
            let keep = (word(prev) && (word(next) || next == '\''))
                || prev == ','
                || prev == ';'
                || (next == '+' || prev == '+');
            if keep {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).unwrap()
    }

    #[test]
    fn json_types_from_names() {
        assert_eq!(json_type(&ty("String")), "String");
        assert_eq!(json_type(&ty("&'a str")), "String");
        assert_eq!(json_type(&ty("u32")), "Integer");
        assert_eq!(json_type(&ty("Option<f64>")), "Number");
        assert_eq!(json_type(&ty("Vec<String>")), "Array");
        assert_eq!(
            json_type(&ty("std::collections::HashMap<String, u8>")),
            "Object"
        );
        assert_eq!(json_type(&ty("chrono::DateTime<chrono::Utc>")), "String");
        assert_eq!(json_type(&ty("Box<bool>")), "Boolean");
        assert_eq!(json_type(&ty("[u8; 4]")), "Array");
        assert_eq!(json_type(&ty("MyStruct")), "Any");
        assert_eq!(json_type(&ty("()")), "Any");
    }

    #[test]
    fn options_are_seen_through() {
        assert!(option_inner(&ty("Option<String>")).is_some());
        assert!(option_inner(&ty("std::option::Option<u8>")).is_some());
        assert!(option_inner(&ty("Vec<u8>")).is_none());
    }

    #[test]
    fn generic_parameters_are_found() {
        let t: Ident = syn::parse_str("T").unwrap();
        assert!(mentions_any(&ty("Vec<T>"), &[&t]));
        assert!(mentions_any(&ty("(u8, Option<T>)"), &[&t]));
        assert!(!mentions_any(&ty("Vec<Type>"), &[&t]));
        assert!(!mentions_any(&ty("Vec<T>"), &[]));
    }

    #[test]
    fn types_display_as_written() {
        assert_eq!(
            display(&ty("Option < Vec < String > >")),
            "Option<Vec<String>>"
        );
        assert_eq!(display(&ty("&'a str")), "&'a str");
        assert_eq!(display(&ty("HashMap<String, u8>")), "HashMap<String, u8>");
        assert_eq!(display(&ty("std::io::Error")), "std::io::Error");
        assert_eq!(
            display(&ty("Box<dyn Error + Send>")),
            "Box<dyn Error + Send>"
        );
        assert_eq!(display(&ty("[u8; 4]")), "[u8; 4]");
        assert_eq!(display(&ty("u64")), "u64");
        assert_eq!(display(&ty("r#type")), "r#type");
    }
}
