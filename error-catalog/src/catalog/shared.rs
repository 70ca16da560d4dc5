//! The `catalog!` check of shared locale folders: every message that a type with
//! `#[api_error(locales = "..", shared_locales)]` read and could not place among its own
//! codes ([`Locale`]'s hidden `others`) must be the message of a code of some listed
//! type. Evaluated as a `const`, like the uniqueness check; a type without such messages
//! costs one step.

use crate::catalog::index::{assemble, text};
use crate::model::locale::{Locale, OtherMessage};
use crate::model::spec::ErrorSpec;

/// Checks the other types' messages of every shared locale folder of `types`.
///
/// # Panics
///
/// On the first such message whose id is the message id of no code of `types` (in a
/// `const`: a compile error naming the id, the locale, the file and line, and the type
/// that read it).
pub const fn check_shared_messages(types: &[&[ErrorSpec]]) {
    let mut rest_types = types;
    while let [specs, more_types @ ..] = rest_types {
        if let [first, ..] = specs
            && let Some(locales) = first.category.locales
        {
            let mut rest_locales = locales.locales;
            while let [locale, more_locales @ ..] = rest_locales {
                let mut others = locale.others;
                while let [other, more @ ..] = others {
                    if !has_message(types, other.id.as_bytes()) {
                        unknown_message(first, locale, other);
                    }
                    others = more;
                }
                rest_locales = more_locales;
            }
        }
        rest_types = more_types;
    }
}

/// Whether a code of `types` has the message id `id`.
const fn has_message(types: &[&[ErrorSpec]], id: &[u8]) -> bool {
    let mut rest_types = types;
    while let [specs, more_types @ ..] = rest_types {
        let mut rest = *specs;
        while let [spec, more @ ..] = rest {
            if is_message_id(spec.code.as_bytes(), id) {
                return true;
            }
            rest = more;
        }
        rest_types = more_types;
    }
    false
}

/// Whether `id` is the Fluent message id of `code` (the derive's rule): the code with
/// each `.` written `-`, after an `e` when it does not start with a letter.
const fn is_message_id(code: &[u8], id: &[u8]) -> bool {
    let id = match code {
        [first, ..] if first.is_ascii_alphabetic() => id,
        _ => match id {
            [b'e', rest @ ..] => rest,
            _ => return false,
        },
    };
    if code.len() != id.len() {
        return false;
    }
    let mut i = 0;
    while i < code.len() {
        let expected = if code[i] == b'.' { b'-' } else { code[i] };
        if id[i] != expected {
            return false;
        }
        i += 1;
    }
    true
}

/// Panics with ``message `x` of `locales/fr/errors.ftl:3` (locale `fr`, read by
/// `OrderError` with `shared_locales`) matches no code of this catalog``.
const fn unknown_message(first: &ErrorSpec, locale: &Locale, other: &OtherMessage) -> ! {
    let (buf, len) = assemble(&[
        "message `",
        other.id,
        "` of `",
        other.at,
        "` (locale `",
        locale.tag,
        "`, read by `",
        first.category.name,
        "` with `shared_locales`) matches no code of this catalog (a code's message id is \
         the code, with `.` written `-`); list the type it belongs to in this `catalog!`, or \
         remove the message",
    ]);
    let message = text(&buf, len);
    panic!("{}", message)
}

#[cfg(test)]
mod tests {
    use super::is_message_id;

    #[test]
    fn message_ids_of_codes() {
        let is = |code: &str, id: &str| is_message_id(code.as_bytes(), id.as_bytes());
        assert!(is("order_not_found", "order_not_found"));
        assert!(is("cart.too_many", "cart-too_many"));
        assert!(is("AUTH-401", "AUTH-401"));
        assert!(is("401", "e401"));
        assert!(is("4.01", "e4-01"));
        assert!(!is("cart.too_many", "cart.too_many"));
        assert!(!is("401", "401"));
        assert!(!is("ab", "abc"));
        assert!(!is("abc", "ab"));
        assert!(!is("401", "f401"));
    }
}
