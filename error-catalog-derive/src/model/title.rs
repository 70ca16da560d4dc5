//! Default titles: a code made of words reads as a title in sentence case
//! (`order_not_found` → "Order not found", `invalid_json` → "Invalid JSON"); a code that
//! is not words (`AUTH-401`, `E1001`) leaves the title to the variant's name.

use heck::ToSnakeCase;

/// Words a title writes in capitals (or in their own mixed case), by their lower-case
/// form. A plural adds a lower-case `s`: `ids` → "IDs".
const ACRONYMS: &[&str] = &[
    "API", "CORS", "CSRF", "CSV", "DNS", "GRPC", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON",
    "JWT", "MFA", "OAuth", "OTP", "PDF", "SAML", "SMS", "SQL", "SSL", "SSO", "TLS", "TOTP", "UI",
    "URI", "URL", "UTF", "UUID", "XML",
];

/// The title of a variant without `title = ".."`: its code as words when the code is
/// made of words, else its name (`variant`) as words.
pub fn default_title(code: &str, variant: &str) -> String {
    let mut words = Vec::new();
    split_words(code, &mut words);
    if words.is_empty() || !words.iter().all(|word| is_word(word)) {
        words.clear();
        split_words(variant, &mut words);
    }
    sentence(&words)
}

/// The words of a code or name, lower case: split on `_`, `-`, `.` (any character that
/// is not a letter or digit) and on changes of case.
///
/// Most codes are in one case (`order_not_found`, `NOT_FOUND`, `auth.token-expired`):
/// their separators are the only boundaries, found without `heck` (the derive runs
/// unoptimized in debug builds, where this is several times cheaper). A text in mixed
/// case (`orderNotFound`, a variant's name) goes through `heck`, which finds the case
/// changes.
fn split_words(text: &str, words: &mut Vec<String>) {
    // Plain loops over the bytes: the macro is built without optimizations.
    let bytes = text.as_bytes();
    let (mut lower, mut upper, mut ascii) = (false, false, true);
    let mut i = 0;
    while i < bytes.len() {
        lower |= bytes[i].is_ascii_lowercase();
        upper |= bytes[i].is_ascii_uppercase();
        ascii &= bytes[i].is_ascii();
        i += 1;
    }
    if ascii && !(lower && upper) {
        let mut start = 0;
        let mut i = 0;
        while i <= bytes.len() {
            if i == bytes.len() || !bytes[i].is_ascii_alphanumeric() {
                if i > start {
                    let mut word = text[start..i].to_owned();
                    word.make_ascii_lowercase();
                    words.push(word);
                }
                start = i + 1;
            }
            i += 1;
        }
    } else {
        for word in text.to_snake_case().split('_') {
            if !word.is_empty() {
                words.push(word.to_owned());
            }
        }
    }
}

/// A word a reader reads as one: it starts with a letter and has no more digits than
/// letters (`oauth2` and `v2` are words; `401` and `e1001` are not).
fn is_word(word: &str) -> bool {
    let mut letters = 0;
    let mut digits = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        }
    }
    word.chars().next().is_some_and(char::is_alphabetic) && digits <= letters
}

/// The words in sentence case: the first capitalized, acronyms as [`ACRONYMS`] writes
/// them, the rest lower case.
fn sentence(words: &[String]) -> String {
    let mut out = String::with_capacity(words.iter().map(|word| word.len() + 1).sum());
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        if let Some(acronym) = acronym(word) {
            out.push_str(&acronym);
        } else if index == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The longest acronym, plus a plural `s`.
const LONGEST: usize = 6;

/// `word` (lower case) as an acronym, with its digits or as a plural: `json` → "JSON",
/// `http2` → "HTTP2", `urls` → "URLs".
fn acronym(word: &str) -> Option<String> {
    let stem_end = word
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(word.len());
    let (stem, digits) = word.split_at(stem_end);
    if stem.len() > LONGEST || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let find = |stem: &str| {
        let mut i = 0;
        while i < ACRONYMS.len() {
            let acronym = ACRONYMS[i];
            if acronym.len() == stem.len() && acronym.eq_ignore_ascii_case(stem) {
                return Some(acronym);
            }
            i += 1;
        }
        None
    };
    if let Some(acronym) = find(stem) {
        return Some(format!("{acronym}{digits}"));
    }
    let singular = stem.strip_suffix('s').filter(|_| digits.is_empty())?;
    find(singular).map(|acronym| format!("{acronym}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_made_of_words_give_the_title() {
        let cases = [
            ("order_not_found", "NotFound", "Order not found"),
            ("internal_error", "Internal", "Internal error"),
            ("validation_error", "Validation", "Validation error"),
            ("invalid_json", "InvalidJson", "Invalid JSON"),
            ("NOT_FOUND", "NotFound", "Not found"),
            ("rate-limit-exceeded", "RateLimited", "Rate limit exceeded"),
            ("auth.token.expired", "Expired", "Auth token expired"),
            ("orderNotFound", "Missing", "Order not found"),
            ("internal", "Internal", "Internal"),
            ("oauth2_failed", "OAuth", "OAuth2 failed"),
            ("v2_deprecated", "Deprecated", "V2 deprecated"),
        ];
        for (code, variant, title) in cases {
            assert_eq!(default_title(code, variant), title, "{code}");
        }
    }

    #[test]
    fn words_split_alike_with_or_without_heck() {
        for text in [
            "order_not_found",
            "NOT_FOUND",
            "auth.token-expired",
            "http2_error",
            "a__b",
            "_x_",
            "AUTH-401",
            "e1001",
        ] {
            let mut words = Vec::new();
            split_words(text, &mut words);
            let heck: Vec<String> = text
                .to_snake_case()
                .split('_')
                .filter(|word| !word.is_empty())
                .map(str::to_owned)
                .collect();
            assert_eq!(words, heck, "{text}");
        }
    }

    #[test]
    fn codes_that_are_not_words_leave_it_to_the_variant() {
        let cases = [
            ("AUTH-401", "AuthFailed", "Auth failed"),
            ("E1001", "InvalidJsonBody", "Invalid JSON body"),
            ("x509_invalid", "BadCertificate", "Bad certificate"),
            ("err_42", "Internal", "Internal"),
            ("42", "TooManyIds", "Too many IDs"),
        ];
        for (code, variant, title) in cases {
            assert_eq!(default_title(code, variant), title, "{code}");
        }
    }

    #[test]
    fn acronyms_keep_their_case() {
        let cases = [
            ("user_id_missing", "User ID missing"),
            ("id_missing", "ID missing"),
            ("invalid_urls", "Invalid URLs"),
            ("api_key_invalid", "API key invalid"),
            ("https_required", "HTTPS required"),
            ("ip_blocked", "IP blocked"),
            ("bad_uri", "Bad URI"),
            ("http_error", "HTTP error"),
            ("oauth_failed", "OAuth failed"),
            ("http2_error", "HTTP2 error"),
            // Whole words only: no acronym inside a longer word.
            ("paid_invoice", "Paid invoice"),
            ("ship_it", "Ship it"),
        ];
        for (code, title) in cases {
            assert_eq!(default_title(code, "Variant"), title, "{code}");
        }
    }

    #[test]
    fn every_acronym_is_found_by_its_lower_case_form() {
        for written in ACRONYMS {
            assert!(written.len() < LONGEST, "{written}");
            let lower = written.to_ascii_lowercase();
            assert_eq!(acronym(&lower).as_deref(), Some(*written), "{written}");
            assert!(is_word(&lower), "{written}");
        }
    }
}
