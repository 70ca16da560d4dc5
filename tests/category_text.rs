//! A type's category text in the catalog is the first paragraph of its doc comment, as
//! a reader of the rendered docs sees it: on one line, links reduced to their text, and
//! never the rest of the rustdoc (sections, examples, doctests).

use error_catalog::{ApiError, Catalog, catalog};
use serde_json::Value;

/// Billing errors, raised by the [`Invoice`] endpoints and by
/// [the payment provider](https://payments.example.com/docs).
///
/// Every code here may be returned by `POST /invoices`.
///
/// ```
/// assert_eq!(1 + 1, 2);
/// ```
///
/// [`Invoice`]: https://docs.example.com/invoices
#[derive(Debug, ApiError)]
pub enum BillingError {
    /// The invoice does not exist.
    ///
    /// Its description keeps every paragraph.
    #[error(code = "invoice_not_found", status = 404)]
    InvoiceNotFound,
}

/// A struct's category text is its first paragraph too; its description, the whole doc.
///
/// Second paragraph.
#[derive(Debug, ApiError)]
#[error(code = "quota_exceeded", status = 429)]
pub struct QuotaExceeded;

#[derive(Debug, ApiError)]
pub enum Undocumented {
    #[error(code = "undocumented", status = 400, message = "Undocumented")]
    Undocumented,
}

#[test]
fn first_paragraph_on_one_line_without_link_syntax() {
    assert_eq!(
        BillingError::CATALOG[0].category().doc(),
        "Billing errors, raised by the `Invoice` endpoints and by the payment provider."
    );
    // A variant's description is its whole doc comment, as before.
    assert_eq!(
        BillingError::CATALOG[0].description(),
        "The invoice does not exist.\n\nIts description keeps every paragraph."
    );
    assert_eq!(
        QuotaExceeded::CATALOG[0].category().doc(),
        "A struct's category text is its first paragraph too; its description, the whole doc."
    );
    assert_eq!(
        QuotaExceeded::CATALOG[0].description(),
        "A struct's category text is its first paragraph too; its description, the whole \
         doc.\n\nSecond paragraph."
    );
    assert_eq!(Undocumented::CATALOG[0].category().doc(), "");
}

#[test]
fn exports_show_the_category_text() {
    static ERRORS: Catalog = catalog!(BillingError);
    let export: Value = serde_json::from_str(&ERRORS.to_json()).unwrap();
    assert_eq!(
        export["errors"][0]["category"]["doc"],
        "Billing errors, raised by the `Invoice` endpoints and by the payment provider."
    );
    let markdown = ERRORS.to_markdown();
    assert!(
        markdown.contains(
            "\n## Billing errors, raised by the `Invoice` endpoints and by the payment provider\n"
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("assert_eq!"), "{markdown}");
}

/// The crate's own `Rejection`, whose rustdoc has an example: its category text is the
/// first paragraph, and so is the Markdown heading of its section.
#[test]
fn rejection_category_text() {
    use error_catalog::Rejection;

    const FIRST_PARAGRAPH: &str = "A request the framework rejected before any handler ran, \
        or an error response of the service that was no envelope.";
    for spec in Rejection::CATALOG {
        assert_eq!(spec.category().doc(), FIRST_PARAGRAPH, "{}", spec.code());
    }
    static REJECTIONS: Catalog = catalog!(Rejection);
    let export: Value = serde_json::from_str(&REJECTIONS.to_json()).unwrap();
    for entry in export["errors"].as_array().unwrap() {
        assert_eq!(entry["category"]["doc"], FIRST_PARAGRAPH);
    }
    let heading = format!("\n## {}\n", FIRST_PARAGRAPH.trim_end_matches('.'));
    assert!(REJECTIONS.to_markdown().contains(&heading));
}
