//! The public message: `{field}` and `{0}` placeholders with `format!` specs, repeated
//! placeholders and literal braces; and what doc comments give: the catalog description
//! and, without `message`, the message (the first sentence).

use error_catalog::ApiError;

#[derive(Debug, ApiError)]
pub enum Formatted {
    #[error(
        code = "fmt_specs",
        status = 400,
        message = "[{n:>4}] [{n:<4}] {ratio:.2} {name:?} {n:x} {{literal}}"
    )]
    Specs { n: u32, ratio: f64, name: String },
    #[error(code = "fmt_repeat", status = 400, message = "{0}-{0}-{1}")]
    Repeat(u8, u8),
}

#[test]
fn message_placeholders_take_format_specs_and_repeat() {
    let err = Formatted::Specs {
        n: 26,
        ratio: 0.5,
        name: "a\"b".into(),
    };
    assert_eq!(err.to_string(), r#"[  26] [26  ] 0.50 "a\"b" 1a {literal}"#);
    assert_eq!(
        Formatted::CATALOG[0].message(),
        "[{n:>4}] [{n:<4}] {ratio:.2} {name:?} {n:x} {{literal}}"
    );
    assert_eq!(Formatted::Repeat(1, 2).to_string(), "1-1-2");
}

// ---------------------------------------------------------------------------------------
// Doc comments

#[derive(Debug, ApiError)]
pub enum Documented {
    /// The license has passed its expiration date. Renew it from the dashboard.
    ///
    /// Expired licenses keep their data for 30 days.
    #[error(code = "doc_license_expired", status = 403)]
    LicenseExpired,

    /// The hardware ID format is invalid
    /// or unrecognized.
    #[error(code = "doc_hardware_id", status = 400)]
    InvalidHardwareId { provided: String },

    /// Send {json} with version 1.2 only.
    #[error(code = "doc_braces", status = 400)]
    Braces,

    /// Documented, but the attribute's message wins.
    #[error(code = "doc_overridden", status = 400, message = "Explicit message")]
    Overridden,
}

#[test]
fn doc_comments_give_descriptions_and_default_messages() {
    let expired = &Documented::CATALOG[0];
    assert_eq!(
        expired.description(),
        "The license has passed its expiration date. Renew it from the dashboard.\n\n\
         Expired licenses keep their data for 30 days."
    );
    assert_eq!(
        expired.message(),
        "The license has passed its expiration date."
    );
    assert_eq!(
        Documented::LicenseExpired.to_string(),
        "The license has passed its expiration date."
    );

    // A wrapped first sentence without a full stop is joined into one line.
    let hardware = Documented::InvalidHardwareId {
        provided: "invalid-id".into(),
    };
    assert_eq!(
        hardware.to_string(),
        "The hardware ID format is invalid or unrecognized."
    );
    assert_eq!(
        Documented::CATALOG[1].description(),
        "The hardware ID format is invalid\nor unrecognized."
    );

    // Braces in a doc comment are text, not placeholders; the stored template escapes
    // them. A dot inside a word ends no sentence.
    assert_eq!(
        Documented::Braces.to_string(),
        "Send {json} with version 1.2 only."
    );
    assert_eq!(
        Documented::CATALOG[2].message(),
        "Send {{json}} with version 1.2 only."
    );

    assert_eq!(Documented::Overridden.to_string(), "Explicit message");
    assert_eq!(
        Documented::CATALOG[3].description(),
        "Documented, but the attribute's message wins."
    );
}
