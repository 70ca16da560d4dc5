//! The compile-time index behind `catalog!`: an open-addressing hash table of every
//! code, keyed by the code's Google reason ([`grpc::reason`](crate::grpc::reason), which
//! the derive computed into each spec), built by `const` evaluation. Building it is the
//! uniqueness check (a repeated code, or two codes with one reason, panics with a
//! message naming both variants), and the finished table serves
//! [`Catalog::find`](crate::Catalog::find) at run time without hashing into a map.
//!
//! Everything here runs in rustc's const evaluator, where each loop step costs about a
//! microsecond and each function call several: the loops index slices directly, hash
//! with plain arithmetic that cannot overflow, and call a function once per code at
//! most (the compile-time figures in `benches/README.md` measure the result).
//!
//! A slot is a `u64`: the reason's 32-bit hash in the high half and, in the low half,
//! one more than the code's position (`type << 21 | variant`), so `0` is an empty slot.

use crate::model::spec::ErrorSpec;
use crate::wire::grpc::{REASON_LEN, reason_ascii};

/// Bits of a slot's low half that hold the variant's position in its type.
const VARIANT_BITS: u32 = 21;
/// Most variants one listed type may have.
const MAX_VARIANTS: usize = (1 << VARIANT_BITS) - 1;
/// Most types one `catalog!` may list.
const MAX_TYPES: usize = 1 << (32 - VARIANT_BITS);

/// The number of slots of the table for these types: a power of two at least twice the
/// number of codes, so probe sequences stay short.
pub const fn slots(types: &[&[ErrorSpec]]) -> usize {
    let mut codes = 0;
    let mut t = 0;
    while t < types.len() {
        codes += types[t].len();
        t += 1;
    }
    (codes * 2).next_power_of_two()
}

/// A 32-bit hash of a code (in a `u64`), shaped for the const evaluator.
///
/// FNV-1a's multiply-xor step over 4-byte words, each followed by a shift-xor that feeds
/// high bits down, and a final mix (from murmur3's finalizer) so the low bits used as
/// the slot depend on every byte. The words are read through slice patterns, so the
/// loop does no bounds checks and no function calls (the evaluator runs both slowly),
/// and every product stays below 2^57: no step can overflow.
pub const fn hash(code: &[u8]) -> u64 {
    const PRIME: u64 = 0x0100_0193;
    const MASK: u64 = 0xffff_ffff;
    let mut hash: u64 = 0x811c_9dc5;
    let mut rest = code;
    while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
        let low = *a as u64 | (*b as u64) << 8 | (*c as u64) << 16 | (*d as u64) << 24;
        let high = *e as u64 | (*f as u64) << 8 | (*g as u64) << 16 | (*h as u64) << 24;
        hash = ((hash ^ low) * PRIME) & MASK;
        hash = ((hash ^ (hash >> 15) ^ high) * PRIME) & MASK;
        hash ^= hash >> 15;
        rest = tail;
    }
    if let [a, b, c, d, tail @ ..] = rest {
        let word = *a as u64 | (*b as u64) << 8 | (*c as u64) << 16 | (*d as u64) << 24;
        hash = ((hash ^ word) * PRIME) & MASK;
        hash ^= hash >> 15;
        rest = tail;
    }
    while let [byte, tail @ ..] = rest {
        hash = ((hash ^ *byte as u64) * PRIME) & MASK;
        rest = tail;
    }
    hash ^= hash >> 16;
    hash = (hash * 0x85eb_ca6b) & MASK;
    hash ^ (hash >> 13)
}

/// Builds the table.
///
/// # Panics
///
/// On the first code that two variants share, or the first two codes with the same
/// Google reason ([`grpc::reason`](crate::grpc::reason)) (a compile error, when
/// evaluated in a `const`), and on more than 2,048 types or 2,097,151 codes in one type.
#[allow(clippy::cast_possible_truncation)] // positions are bounded by MAX_TYPES/MAX_VARIANTS
pub const fn build<const S: usize>(types: &[&[ErrorSpec]]) -> [u64; S] {
    assert!(
        S.is_power_of_two(),
        "error-catalog: the index size must be a power of two"
    );
    assert!(
        types.len() <= MAX_TYPES,
        "error-catalog: catalog! takes at most 2048 types"
    );
    let mut table = [0u64; S];
    let mask = S - 1;
    let mut t: usize = 0;
    let mut rest_types = types;
    // Slice patterns walk the slices without bounds checks or `len()` calls.
    while let [specs, more_types @ ..] = rest_types {
        assert!(
            specs.len() <= MAX_VARIANTS,
            "error-catalog: a type in catalog! has more than 2,097,151 codes"
        );
        let mut v: usize = 0;
        let mut rest = *specs;
        while let [spec, more @ ..] = rest {
            // Keyed by the reason (which the derive computed): one code twice has one
            // reason twice, and so do two codes that only a client reading reasons
            // confuses (`auth-401`, `auth.401`).
            let reason = spec.reason.as_bytes();
            // The derive hashed the reason (`hash`, written into the row).
            let hash = spec.reason_hash as u64;
            let mut slot = hash as usize & mask;
            loop {
                let entry = table[slot];
                if entry == 0 {
                    table[slot] = (hash << 32) | (((t << VARIANT_BITS) | v) as u64 + 1);
                    break;
                }
                if entry >> 32 == hash {
                    let (other_t, other_v) = position(entry);
                    let other = &types[other_t][other_v];
                    if bytes_eq(spec.code.as_bytes(), other.code.as_bytes()) {
                        duplicate(other, spec);
                    }
                    if bytes_eq(reason, other.reason.as_bytes()) {
                        duplicate_reason(other, spec);
                    }
                }
                slot = (slot + 1) & mask;
            }
            v += 1;
            rest = more;
        }
        t += 1;
        rest_types = more_types;
    }
    check_replacements(types, &table);
    table
}

/// Panics on the first deprecated code whose `replaced_by` names no code of the
/// catalog, or its own code.
const fn check_replacements(types: &[&[ErrorSpec]], table: &[u64]) {
    let mut rest_types = types;
    while let [specs, more_types @ ..] = rest_types {
        let mut rest = *specs;
        while let [spec, more @ ..] = rest {
            if let Some(deprecation) = spec.deprecation
                && let Some(code) = deprecation.replaced_by
                && (bytes_eq(code.as_bytes(), spec.code.as_bytes())
                    || !contains(types, table, code))
            {
                unknown_replacement(spec, code);
            }
            rest = more;
        }
        rest_types = more_types;
    }
}

/// Whether the table built from `types` holds `code` ([`find`], in a `const`).
const fn contains(types: &[&[ErrorSpec]], table: &[u64], code: &str) -> bool {
    let mut reason = [0; REASON_LEN];
    let Some(len) = reason_ascii(code.as_bytes(), &mut reason) else {
        return false;
    };
    let hash = hash(reason.split_at(len).0);
    let mask = table.len() - 1;
    #[allow(clippy::cast_possible_truncation)] // the hash has 32 bits
    let mut slot = hash as usize & mask;
    loop {
        let entry = table[slot];
        if entry == 0 {
            return false;
        }
        if entry >> 32 == hash {
            let (t, v) = position(entry);
            if bytes_eq(types[t][v].code.as_bytes(), code.as_bytes()) {
                return true;
            }
        }
        slot = (slot + 1) & mask;
    }
}

/// Checks that `catalog`, the table of the type named `ty`, has the code `code`; for
/// [`error_responses!`](crate::error_responses!).
///
/// # Panics
///
/// When it has not (in a `const`: a compile error naming the code and the type).
pub const fn require_code(catalog: &[ErrorSpec], ty: &str, code: &str) {
    let mut rest = catalog;
    while let [spec, more @ ..] = rest {
        if bytes_eq(spec.code.as_bytes(), code.as_bytes()) {
            return;
        }
        rest = more;
    }
    let (buf, len) = assemble(&["`", code, "` is no code of `", ty, "`"]);
    let message = text(&buf, len);
    panic!("{}", message)
}

/// The specs of `catalog` with the `codes` given, in that order (all of them when
/// `codes` is empty); for [`error_responses!`](crate::error_responses!).
pub fn select(catalog: &'static [ErrorSpec], codes: &[&str]) -> Vec<&'static ErrorSpec> {
    if codes.is_empty() {
        return catalog.iter().collect();
    }
    codes
        .iter()
        .filter_map(|code| catalog.iter().find(|spec| spec.code == *code))
        .collect()
}

/// Panics with `` `replaced_by` of Type::Variant (`old`) names `new`, which is no other
/// code of this catalog ``.
const fn unknown_replacement(spec: &ErrorSpec, code: &str) -> ! {
    let (buf, len) = assemble(&[
        "`replaced_by` of ",
        spec.category.name,
        "::",
        spec.variant,
        " (`",
        spec.code,
        "`) names `",
        code,
        "`, which is no other code of this catalog",
    ]);
    let message = text(&buf, len);
    panic!("{}", message)
}

/// The (type, variant) position stored in a non-empty slot.
#[allow(clippy::cast_possible_truncation)] // the low half holds at most 32 bits
const fn position(entry: u64) -> (usize, usize) {
    let packed = (entry & 0xffff_ffff) as usize - 1;
    (packed >> VARIANT_BITS, packed & MAX_VARIANTS)
}

/// Builds the table of [`build`] at run time, for a catalog read from an export
/// ([`Catalog::from_json`](crate::Catalog::from_json)); the two specs that share a
/// code or a reason instead of panicking.
#[allow(clippy::cast_possible_truncation)] // positions are checked against the limits
pub(crate) fn build_at_run_time<'s>(
    types: &'s [&'s [ErrorSpec]],
) -> Result<Vec<u64>, (&'s ErrorSpec, &'s ErrorSpec)> {
    let mut table = vec![0u64; slots(types)];
    let mask = table.len() - 1;
    for (t, specs) in types.iter().enumerate() {
        for (v, spec) in specs.iter().enumerate() {
            let reason = spec.reason.as_bytes();
            let hash = hash(reason);
            let mut slot = hash as usize & mask;
            loop {
                let entry = table[slot];
                if entry == 0 {
                    table[slot] = (hash << 32) | (((t << VARIANT_BITS) | v) as u64 + 1);
                    break;
                }
                let (other_t, other_v) = position(entry);
                let other = &types[other_t][other_v];
                if entry >> 32 == hash && (other.code == spec.code || other.reason == spec.reason) {
                    return Err((other, spec));
                }
                slot = (slot + 1) & mask;
            }
        }
    }
    Ok(table)
}

/// Looks `code` up in a table built by [`build`].
pub fn find(
    types: &'static [&'static [ErrorSpec]],
    table: &[u64],
    code: &str,
) -> Option<&'static ErrorSpec> {
    if table.is_empty() {
        return None;
    }
    let mask = table.len() - 1;
    let mut reason = [0; REASON_LEN];
    // Every code of a catalog is ASCII.
    let len = reason_ascii(code.as_bytes(), &mut reason)?;
    let hash = hash(&reason[..len]);
    #[allow(clippy::cast_possible_truncation)] // the hash has 32 bits
    let mut slot = hash as usize & mask;
    // A table is at most half full, so an empty slot ends every probe sequence.
    loop {
        let entry = table[slot];
        if entry == 0 {
            return None;
        }
        if entry >> 32 == hash {
            let (t, v) = position(entry);
            let spec = types.get(t)?.get(v)?;
            if spec.code == code {
                return Some(spec);
            }
        }
        slot = (slot + 1) & mask;
    }
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The longest message [`duplicate`] writes; longer names are cut at a character
/// boundary.
pub(crate) const MESSAGE_CAP: usize = 512;

/// Panics with `duplicate error code `x`: First::Variant and Second::Variant`.
const fn duplicate(first: &ErrorSpec, second: &ErrorSpec) -> ! {
    let (buf, len) = assemble(&[
        "duplicate error code `",
        first.code,
        "`: ",
        first.category.name,
        "::",
        first.variant,
        " and ",
        second.category.name,
        "::",
        second.variant,
    ]);
    let message = text(&buf, len);
    panic!("{}", message)
}

/// Panics with `duplicate error reason `X`: First::Variant (`x`) and Second::Variant
/// (`y`) map to it (...)`.
const fn duplicate_reason(first: &ErrorSpec, second: &ErrorSpec) -> ! {
    let (buf, len) = assemble(&[
        "duplicate error reason `",
        second.reason,
        "`: ",
        first.category.name,
        "::",
        first.variant,
        " (`",
        first.code,
        "`) and ",
        second.category.name,
        "::",
        second.variant,
        " (`",
        second.code,
        "`) map to it (the Google `ErrorInfo.reason` is the code in UPPER_SNAKE_CASE, cut \
         to 63 characters)",
    ]);
    let message = text(&buf, len);
    panic!("{}", message)
}

/// `parts` one after the other in a fixed buffer, as much as fits, and the length.
///
/// Const code can only panic with a `&str` argument, so the message is assembled in a
/// fixed buffer first.
pub(crate) const fn assemble(parts: &[&str]) -> ([u8; MESSAGE_CAP], usize) {
    let mut buf = [0u8; MESSAGE_CAP];
    let mut len = 0;
    let mut p = 0;
    while p < parts.len() {
        len = push(&mut buf, len, parts[p]);
        p += 1;
    }
    (buf, len)
}

/// The first `len` bytes of `buf` as text.
pub(crate) const fn text(buf: &[u8; MESSAGE_CAP], len: usize) -> &str {
    match core::str::from_utf8(buf.split_at(len).0) {
        Ok(text) => text,
        // Cut inside a multi-byte character: drop the partial character.
        Err(error) => match core::str::from_utf8(buf.split_at(error.valid_up_to()).0) {
            Ok(text) => text,
            Err(_) => "duplicate error code",
        },
    }
}

/// Appends as much of `text` as fits.
const fn push(buf: &mut [u8; MESSAGE_CAP], mut len: usize, text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && len < MESSAGE_CAP {
        buf[len] = bytes[i];
        len += 1;
        i += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::{build, find, hash, position, slots};
    use crate::grpc;
    use crate::model::format::Format;
    use crate::model::spec::{Category, ErrorSpec};

    static CATEGORY: Category = Category {
        name: "TestError",
        doc: "",
        format: Format::Problem,
        docs: None,
        domain: None,
        locales: None,
        services: &[],
    };

    /// A spec whose reason is the code as it is: right for codes in `UPPER_SNAKE_CASE`.
    #[allow(clippy::cast_possible_truncation)] // the hash has 32 bits
    const fn spec(code: &'static str, variant: &'static str) -> ErrorSpec {
        ErrorSpec {
            code,
            reason: code,
            reason_hash: hash(code.as_bytes()) as u32,
            status: http::StatusCode::BAD_REQUEST,
            retryable: false,
            title: "",
            message: "",
            description: "",
            resolution: None,
            causes: &[],
            retry_after: None,
            fields: &[],
            variant,
            docs_url: None,
            category: &CATEGORY,
            json: crate::model::spec::JsonHints {
                literal_message: false,
                plain_text: false,
            },
            parsed: "",
            headers: &[],
            deprecation: None,
        }
    }

    /// A spec with the reason the derive would give it.
    #[allow(clippy::cast_possible_truncation)] // the hash has 32 bits
    fn derived(code: &'static str, variant: &'static str) -> ErrorSpec {
        let reason: &'static str = Box::leak(grpc::reason(code).into_boxed_str());
        ErrorSpec {
            reason,
            reason_hash: hash(reason.as_bytes()) as u32,
            ..spec(code, variant)
        }
    }

    static A: [ErrorSpec; 3] = [spec("A", "A"), spec("B", "B"), spec("C", "C")];
    static B: [ErrorSpec; 2] = [spec("D", "D"), spec("AUTH_401", "Auth")];
    static TYPES: [&[ErrorSpec]; 2] = [&A, &B];

    #[test]
    fn finds_every_code_and_nothing_else() {
        const S: usize = slots(&[&[spec("a", "A")] as &[ErrorSpec]; 5]);
        assert_eq!(S, 16);
        let table: [u64; 16] = build(&TYPES);
        for spec in A.iter().chain(&B) {
            assert_eq!(find(&TYPES, &table, spec.code), Some(spec));
        }
        assert_eq!(find(&TYPES, &table, "auth_401"), None);
        assert_eq!(find(&TYPES, &table, "auth-401"), None);
        assert_eq!(find(&TYPES, &table, "é"), None);
        assert_eq!(find(&TYPES, &table, ""), None);
        assert_eq!(table.iter().filter(|&&slot| slot != 0).count(), 5);
        let positions: Vec<_> = table
            .iter()
            .filter(|&&slot| slot != 0)
            .map(|&slot| position(slot))
            .collect();
        assert!(positions.contains(&(1, 1)));
    }

    #[test]
    fn finds_codes_of_every_shape_by_their_reason() {
        let codes: Vec<&'static str> = (0..600)
            .map(|i| {
                let code = match i % 4 {
                    0 => format!("area_{i}_conflict"),
                    1 => format!("area-{i}.Missing"),
                    2 => format!("area{i}TooLarge"),
                    _ => format!("AREA_{i}_HTTPError"),
                };
                &*Box::leak(code.into_boxed_str())
            })
            .collect();
        let specs: &'static [ErrorSpec] =
            Box::leak(codes.iter().map(|code| derived(code, "V")).collect());
        let types: &'static [&'static [ErrorSpec]] = Box::leak(Box::new([specs]));
        let table: [u64; 2048] = build(types);
        for (i, code) in codes.iter().enumerate() {
            assert_eq!(find(types, &table, code), Some(&specs[i]), "{code}");
            // Same reason, other code: not this entry.
            let other = code.replace(['_', '-', '.'], "__");
            if other != *code {
                assert_eq!(find(types, &table, &other), None, "{other}");
            }
        }
    }

    #[test]
    fn empty_catalog() {
        let table: [u64; 1] = build(&[]);
        assert_eq!(table, [0]);
        assert_eq!(slots(&[]), 1);
        assert_eq!(find(&[], &table, "a"), None);
    }

    #[test]
    fn hash_spreads_similar_codes() {
        // Codes that differ in one character, at every position, in every length class
        // of the word loop, land on distinct hashes and mostly distinct slots.
        let mut hashes = std::collections::HashSet::new();
        let mut slots = std::collections::HashSet::new();
        for i in 0..4096 {
            let code = format!("area{}_resource_{i:04}_conflict", i % 7);
            let h = hash(code.as_bytes());
            assert!(h <= 0xffff_ffff);
            hashes.insert(h);
            slots.insert(h & 8191);
        }
        assert_eq!(hashes.len(), 4096);
        // A uniform hash fills about 1 - e^(-1/2) = 39% of 8192 slots with 4096 keys.
        assert!(slots.len() > 3000, "{} slots", slots.len());
        for len in 0..20 {
            let a = "x".repeat(len);
            let b = format!("{a}y");
            assert_ne!(hash(a.as_bytes()), hash(b.as_bytes()));
        }
    }

    #[test]
    fn duplicate_names_both_variants() {
        static DUP: [ErrorSpec; 2] = [spec("CONFLICT", "Conflict"), spec("X", "X")];
        static OTHER: [ErrorSpec; 1] = [spec("CONFLICT", "AlreadyExists")];
        let panic = std::panic::catch_unwind(|| build::<8>(&[&DUP, &OTHER])).unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        assert_eq!(
            message,
            "duplicate error code `CONFLICT`: TestError::Conflict and TestError::AlreadyExists"
        );
    }

    #[test]
    fn two_codes_with_one_reason_name_both_variants() {
        let auth = [derived("a", "A"), derived("auth-401", "Unauthorized")];
        let other = [derived("b", "B"), derived("auth.401", "Denied")];
        let panic = std::panic::catch_unwind(|| build::<8>(&[&auth, &other])).unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        assert_eq!(
            message,
            "duplicate error reason `AUTH_401`: TestError::Unauthorized (`auth-401`) and \
             TestError::Denied (`auth.401`) map to it (the Google `ErrorInfo.reason` is the \
             code in UPPER_SNAKE_CASE, cut to 63 characters)"
        );
        // Codes equal in their first 63 characters.
        let first: &'static str = Box::leak(format!("{}a", "x".repeat(63)).into_boxed_str());
        let second: &'static str = Box::leak(format!("{}b", "x".repeat(63)).into_boxed_str());
        let table = [
            Box::leak(Box::new([derived(first, "First")])) as &[ErrorSpec],
            Box::leak(Box::new([derived(second, "Second")])),
        ];
        let panic = std::panic::catch_unwind(|| build::<4>(&table)).unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        assert!(
            message.starts_with(&format!("duplicate error reason `{}`", "X".repeat(63))),
            "{message}"
        );
        // Distinct reasons, however alike the codes: no panic.
        let alike = [
            derived("auth_401", "A"),
            derived("auth_4010", "B"),
            derived("auth_40_1", "C"),
            derived("authX401", "D"),
        ];
        let _: [u64; 8] = build(&[&alike]);
    }

    #[test]
    fn long_names_are_cut_on_a_char_boundary() {
        static LONG: Category = Category {
            name: "É",
            ..CATEGORY
        };
        let name: &'static str = Box::leak("é".repeat(300).into_boxed_str());
        let first = ErrorSpec {
            category: &LONG,
            variant: name,
            ..spec("x", "")
        };
        let second = ErrorSpec {
            variant: "Y",
            ..spec("x", "")
        };
        let table = [Box::leak(Box::new([first])) as &[ErrorSpec], &[second]];
        let panic = std::panic::catch_unwind(|| build::<4>(&table)).unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        assert!(message.starts_with("duplicate error code `x`: É::éé"));
        assert!(message.len() <= super::MESSAGE_CAP && message.len() >= 510);
    }
}
