//! The derive computes the Google `ErrorInfo.reason` of a code (to reject two codes of
//! one type with the same reason) exactly as the runtime's `grpc::reason` does.

use error_catalog::__private::grpc_reasons;
use error_catalog::grpc;

/// Codes where the word rule has a choice to make, and ones that are cut.
macro_rules! table {
    ($($code:literal),* $(,)?) => {
        (
            [$($code),*],
            grpc_reasons!($($code),*),
        )
    };
}

#[test]
fn the_derive_maps_codes_to_reasons_as_the_runtime_does() {
    let (codes, reasons) = table!(
        "auth-401",
        "auth.401",
        "AUTH_401",
        "auth401",
        "Auth401",
        "a",
        "A",
        "_",
        "-",
        "-a-",
        "a__b",
        "a..b",
        "a-_.b",
        "HTTPServerError",
        "httpServer",
        "XMLHttpRequest",
        "ABc",
        "aB",
        "Ab",
        "A1Bc",
        "a1B",
        "a1b",
        "1aB",
        "v2Api",
        "V2API",
        "already.exists-Here",
        "oneTwo3Four",
        "UPPERlower",
        "lowerUPPER",
        "lower_UPPER_Mixed",
        "9lives",
        "ends_with_",
        "_starts_with",
        "quota_exceeded_for_the_project_in_the_current_billing_period_v1a",
        "quota_exceeded_for_the_project_in_the_current_billing_period_v1b",
        "quotaExceededForTheProjectInTheCurrentBillingPeriodV1aAndMoreX",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-b",
        "aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJk",
        "é-non-ascii",
        "ÉcoleNormale",
    );
    assert_eq!(codes.len(), reasons.len());
    for (code, reason) in codes.iter().zip(reasons) {
        assert_eq!(reason, grpc::reason(code), "{code}");
        assert!(reason.len() <= 63, "{code}");
    }
    assert_eq!(reasons[0], reasons[1]);
    assert_eq!(reasons[33], reasons[34]);
}

/// Codes of every length class the hash reads in (words of 8 and 4 bytes, single bytes),
/// one cut to 63 bytes.
#[derive(Debug, error_catalog::ApiError)]
#[allow(dead_code)]
enum Hashed {
    #[error(code = "a", status = 400, message = "m")]
    V0,
    #[error(code = "ab", status = 400, message = "m")]
    V1,
    #[error(code = "abc", status = 400, message = "m")]
    V2,
    #[error(code = "abcd", status = 400, message = "m")]
    V3,
    #[error(code = "abcde", status = 400, message = "m")]
    V4,
    #[error(code = "abcdef", status = 400, message = "m")]
    V5,
    #[error(code = "abcdefg", status = 400, message = "m")]
    V6,
    #[error(code = "abcdefgh", status = 400, message = "m")]
    V7,
    #[error(code = "abcdefghi", status = 400, message = "m")]
    V8,
    #[error(code = "abcdefghijk", status = 400, message = "m")]
    V9,
    #[error(code = "abcdefghijkl", status = 400, message = "m")]
    V10,
    #[error(code = "abcdefghijklm", status = 400, message = "m")]
    V11,
    #[error(code = "abcdefghijklmno", status = 400, message = "m")]
    V12,
    #[error(code = "abcdefghijklmnop", status = 400, message = "m")]
    V13,
    #[error(code = "abcdefghijklmnopq", status = 400, message = "m")]
    V14,
    #[error(code = "auth.401", status = 400, message = "m")]
    V15,
    #[error(code = "Auth-Token-Expired", status = 400, message = "m")]
    V16,
    #[error(code = "quotaExceededForTheProject", status = 400, message = "m")]
    V17,
    #[error(
        code = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        status = 400,
        message = "m"
    )]
    V18,
    #[error(
        code = "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
        status = 400,
        message = "m"
    )]
    V19,
}

#[test]
fn the_derive_hashes_reasons_as_the_runtime_does() {
    use error_catalog::{ErrorCatalog, catalog};
    let catalog = catalog!(Hashed);
    assert_eq!(<Hashed as ErrorCatalog>::CATALOG.len(), 20);
    for spec in <Hashed as ErrorCatalog>::CATALOG {
        let hash = error_catalog::__private::index_hash(spec.reason.as_bytes());
        assert_eq!(u64::from(spec.reason_hash), hash, "{}", spec.code);
        // `find` hashes the code it is given at run time: it finds the code only when
        // the derive's hash agrees.
        assert_eq!(
            catalog.find(spec.code).map(|found| found.code),
            Some(spec.code)
        );
    }
}
