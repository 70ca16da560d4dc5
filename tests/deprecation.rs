//! Deprecated codes: Rust's `#[deprecated]` read by the derive (the expansion itself
//! raises no deprecation warning: this file denies them), `replaced_by`, the exports
//! that show it and the guard's lifecycle (deprecate, then remove).
#![deny(deprecated)]

use error_catalog::guard::Change;
use error_catalog::{ApiError, Catalog, catalog};
use serde_json::{Value, json};

/// Offer errors.
#[derive(Debug, ApiError)]
#[api_error(format = "flat")]
pub enum OfferError {
    /// The coupon has expired.
    #[deprecated(since = "2.3.0", note = "coupons became offers.")]
    #[error(
        code = "coupon_expired",
        status = 410,
        message = "Coupon {coupon} expired",
        replaced_by = "offer_expired"
    )]
    CouponExpired { coupon: String },
    /// The offer has expired.
    #[error(code = "offer_expired", status = 410, message = "Offer expired")]
    OfferExpired,
    /// A code retired without a replacement.
    #[deprecated = "nobody sends referrals any more"]
    #[error(code = "referral_invalid", status = 400, message = "Invalid referral")]
    ReferralInvalid,
    /// A code deprecated with nothing more to say.
    #[deprecated]
    #[error(code = "gift_invalid", status = 400, message = "Invalid gift")]
    GiftInvalid,
}

/// A whole type retired, replaced by a code of another type.
#[derive(Debug, ApiError)]
#[deprecated(note = "use offer_expired")]
#[error(
    code = "voucher_expired",
    status = 410,
    message = "Voucher expired",
    replaced_by = "offer_expired"
)]
pub struct VoucherExpired;

#[allow(deprecated)] // the catalog lists the deprecated struct
static ERRORS: Catalog = catalog!(OfferError, VoucherExpired);

#[test]
fn specs_carry_rust_s_deprecation_and_the_replacement() {
    let spec = |code| ERRORS.find(code).unwrap().deprecation();
    let coupon = spec("coupon_expired").unwrap();
    assert_eq!(
        (coupon.note(), coupon.since(), coupon.replaced_by()),
        (
            Some("coupons became offers."),
            Some("2.3.0"),
            Some("offer_expired")
        )
    );
    assert!(spec("offer_expired").is_none());
    let referral = spec("referral_invalid").unwrap();
    assert_eq!(referral.note(), Some("nobody sends referrals any more"));
    assert_eq!(referral.replaced_by(), None);
    assert_eq!(spec("gift_invalid").unwrap().to_string(), "Deprecated.");
    let voucher = spec("voucher_expired").unwrap();
    assert_eq!(
        voucher.to_string(),
        "Deprecated: use offer_expired. Replaced by `offer_expired`."
    );
}

#[test]
#[allow(deprecated)] // the service may still send a deprecated code
fn a_deprecated_code_is_still_sent_as_before() {
    let err = OfferError::CouponExpired {
        coupon: "SPRING".into(),
    };
    let body: Value = serde_json::from_str(&err.envelope().to_json()).unwrap();
    assert_eq!(
        body,
        json!({"code": "coupon_expired", "message": "Coupon SPRING expired", "details": {"coupon": "SPRING"}})
    );
}

#[test]
fn the_json_export_adds_a_member_for_deprecated_codes_only() {
    let doc: Value = serde_json::from_str(&ERRORS.to_json()).unwrap();
    let entry = |code: &str| {
        doc["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        entry("coupon_expired")["deprecated"],
        json!({"note": "coupons became offers.", "since": "2.3.0", "replaced_by": "offer_expired"})
    );
    assert_eq!(
        entry("gift_invalid")["deprecated"],
        json!({"note": null, "since": null, "replaced_by": null})
    );
    assert!(entry("offer_expired").get("deprecated").is_none());
}

#[test]
fn markdown_openapi_and_typescript_mark_deprecated_codes() {
    let page = ERRORS.to_markdown();
    assert!(page.contains(
        "**HTTP status:** 410 Gone · **Retryable:** no\n\n**Deprecated** since 2.3.0: coupons \
         became offers. Replaced by `offer_expired`.\n\nThe coupon has expired.\n"
    ));
    assert_eq!(page.matches("**Deprecated**").count(), 4, "{page}");

    let doc = ERRORS.openapi().value();
    let body = &doc["components"]["schemas"]["CouponExpiredBody"];
    assert_eq!(body["deprecated"], true);
    assert_eq!(
        body["description"],
        "The coupon has expired.\n\nDeprecated since 2.3.0: coupons became offers. Replaced by \
         `offer_expired`."
    );
    assert!(
        doc["components"]["schemas"]["OfferExpiredBody"]
            .get("deprecated")
            .is_none()
    );
    let example = &doc["components"]["responses"]["Error410"]["content"]["application/json"]["examples"]
        ["coupon_expired"];
    assert_eq!(
        example["x-deprecated"],
        json!({"note": "coupons became offers.", "since": "2.3.0", "replaced_by": "offer_expired"})
    );
    assert!(
        doc["components"]["responses"]["Error410"]["content"]["application/json"]["examples"]
            ["offer_expired"]
            .get("x-deprecated")
            .is_none()
    );

    let module = ERRORS.typescript();
    assert!(module.contains(
        " * `coupon_expired`: HTTP 410, not retryable.\n *\n * @deprecated since 2.3.0: coupons \
         became offers. Replaced by `offer_expired`.\n */\nexport interface CouponExpiredBody {"
    ));
    assert!(module.contains(" * @deprecated\n */\nexport interface GiftInvalidBody {"));
    assert_eq!(module.matches("@deprecated").count(), 5, "{module}");
}

/// The current catalog's export, with these codes' entries replaced by `entries`
/// (codes since removed, or as they were).
fn baseline(entries: &[Value]) -> String {
    let mut doc: Value = serde_json::from_str(&ERRORS.to_json()).unwrap();
    let errors = doc["errors"].as_array_mut().unwrap();
    for entry in entries {
        errors.retain(|old| old["code"] != entry["code"]);
        errors.push(entry.clone());
    }
    doc.to_string()
}

#[test]
fn removing_a_deprecated_code_is_its_own_change_which_a_report_may_accept() {
    let removed = json!({"code": "bonus_expired", "status": 410, "retryable": false, "details": [],
        "deprecated": {"note": null, "since": null, "replaced_by": "offer_expired"}});
    let report = ERRORS.compare(&baseline(&[removed])).unwrap();
    assert_eq!(
        report.changes(),
        [Change::DeprecatedCodeRemoved {
            code: "bonus_expired".into(),
            replaced_by: Some("offer_expired".into()),
        }]
    );
    assert!(report.is_breaking());
    assert_eq!(
        report.to_string(),
        "1 breaking change:\n  - deprecated code `bonus_expired` was removed (replaced by `offer_expired`)\n"
    );
    let accepted = report.accept_deprecated_removals();
    assert!(!accepted.is_breaking());
    assert_eq!(accepted.breaking().count(), 0);
    assert_eq!(accepted.accepted_changes().count(), 1);
}

#[test]
fn removing_a_code_the_baseline_did_not_deprecate_stays_breaking() {
    let removed =
        json!({"code": "bonus_expired", "status": 410, "retryable": false, "details": []});
    let report = ERRORS
        .compare(&baseline(&[removed]))
        .unwrap()
        .accept_deprecated_removals();
    assert_eq!(
        report.changes(),
        [Change::CodeRemoved {
            code: "bonus_expired".into()
        }]
    );
    assert!(report.is_breaking());
}

#[test]
fn deprecating_a_code_is_a_compatible_change() {
    let mut before = serde_json::to_value(ERRORS.find("coupon_expired").unwrap()).unwrap();
    before.as_object_mut().unwrap().remove("deprecated");
    let report = ERRORS.compare(&baseline(&[before])).unwrap();
    assert_eq!(
        report.changes(),
        [Change::CodeDeprecated {
            code: "coupon_expired".into()
        }]
    );
    assert!(!report.is_breaking());
}

#[test]
fn a_malformed_deprecation_in_the_baseline_is_reported() {
    let entry = json!({"code": "coupon_expired", "status": 410, "retryable": false, "details": [],
        "deprecated": "yes"});
    let error = ERRORS.compare(&baseline(&[entry])).unwrap_err();
    assert!(
        error.to_string().contains("has no valid `deprecated`"),
        "{error}"
    );
}
