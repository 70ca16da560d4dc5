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
