//! Codes: derived from variant names by every `rename_all` rule, an explicit `code`
//! winning over the rule, and the opt-out of the crate-wide uniqueness check.
//!
//! Every derive in this file shares one crate, so every code here is unique (the
//! crate-wide check would reject a repeat), except in the opt-out test.

mod common;

use common::codes;
use error_catalog::{ApiError, ErrorSpec};

macro_rules! rename_all_enum {
    ($name:ident, $rule:literal, $explicit:literal) => {
        #[derive(Debug, ApiError)]
        #[api_error(rename_all = $rule)]
        pub enum $name {
            #[error(status = 409, message = "No seat")]
            SeatLimitReached,
            #[error(status = 502, message = "Upstream failed")]
            Http2Upstream,
            #[error(code = $explicit, status = 400, message = "Explicit")]
            Explicit,
        }
    };
}

rename_all_enum!(Lower, "lowercase", "explicit_lower");
rename_all_enum!(Upper, "UPPERCASE", "explicit_upper");
rename_all_enum!(Pascal, "PascalCase", "explicit_pascal");
rename_all_enum!(Camel, "camelCase", "explicit_camel");
rename_all_enum!(Snake, "snake_case", "explicit_snake");
rename_all_enum!(
    ScreamingSnake,
    "SCREAMING_SNAKE_CASE",
    "explicit_screaming_snake"
);
rename_all_enum!(Kebab, "kebab-case", "explicit_kebab");
rename_all_enum!(
    ScreamingKebab,
    "SCREAMING-KEBAB-CASE",
    "explicit_screaming_kebab"
);

#[test]
fn rename_all_every_rule() {
    let derived = |catalog: &[ErrorSpec]| codes(&catalog[..2]).join(" ");
    assert_eq!(derived(Lower::CATALOG), "seatlimitreached http2upstream");
    assert_eq!(derived(Upper::CATALOG), "SEATLIMITREACHED HTTP2UPSTREAM");
    assert_eq!(derived(Pascal::CATALOG), "SeatLimitReached Http2Upstream");
    assert_eq!(derived(Camel::CATALOG), "seatLimitReached http2Upstream");
    assert_eq!(derived(Snake::CATALOG), "seat_limit_reached http2_upstream");
    assert_eq!(
        derived(ScreamingSnake::CATALOG),
        "SEAT_LIMIT_REACHED HTTP2_UPSTREAM"
    );
    assert_eq!(derived(Kebab::CATALOG), "seat-limit-reached http2-upstream");
    assert_eq!(
        derived(ScreamingKebab::CATALOG),
        "SEAT-LIMIT-REACHED HTTP2-UPSTREAM"
    );
    assert_eq!(Snake::SeatLimitReached.code(), "seat_limit_reached");
    assert_eq!(Kebab::Http2Upstream.code(), "http2-upstream");
}

#[test]
fn an_explicit_code_wins_over_rename_all() {
    assert_eq!(Snake::Explicit.code(), "explicit_snake");
    assert_eq!(
        ScreamingKebab::CATALOG[2].code(),
        "explicit_screaming_kebab"
    );
}

// ---------------------------------------------------------------------------------------
// The crate-wide uniqueness check and its opt-out

#[derive(Debug, ApiError)]
pub enum Billing {
    #[error(code = "shared_not_found", status = 404, message = "Invoice not found")]
    NotFound,
}

/// Another team's enum reuses a code on purpose; it opts out of the crate-wide check.
#[derive(Debug, ApiError)]
#[api_error(unique_in_crate = false)]
pub enum Shipping {
    #[error(code = "shared_not_found", status = 404, message = "Parcel not found")]
    NotFound,
}

#[test]
fn unique_in_crate_false_allows_a_shared_code() {
    assert_eq!(Billing::NotFound.code(), Shipping::NotFound.code());
    assert_eq!(Billing::NotFound.to_string(), "Invoice not found");
    assert_eq!(Shipping::NotFound.to_string(), "Parcel not found");
}
