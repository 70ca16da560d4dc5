//! The catalog table a derive writes: `CATALOG` in declaration order, every `ErrorSpec`
//! field and its category, `find`, and an enum without variants.

mod common;

use common::codes;
use error_catalog::{ApiError, ErrorCatalog, ErrorSpec, Format};
use http::StatusCode;

/// Authentication errors.
///
/// Every code a login or token check can return.
#[derive(Debug, ApiError)]
#[api_error(
    format = "nested",
    docs = "https://docs.example.com/errors/{code}.html",
    domain = "auth.example.com"
)]
pub enum CatalogAuth {
    /// The email/password combination is incorrect.
    #[error(
        code = "cat_invalid_credentials",
        status = 401,
        message = "The email or password is incorrect",
        title = "Invalid credentials",
        resolution = "Verify credentials or reset password.",
        causes = ["Wrong password.", "Unknown email."]
    )]
    InvalidCredentials,

    #[error(
        code = "cat_rate_limited",
        status = 429,
        message = "Too many requests",
        retry_after = 60,
        causes = "A client retried in a loop."
    )]
    RateLimited { limit: u32 },
}

#[test]
fn catalog_order_and_every_spec_field() {
    assert_eq!(
        codes(CatalogAuth::CATALOG),
        ["cat_invalid_credentials", "cat_rate_limited"]
    );
    assert_eq!(<CatalogAuth as ErrorCatalog>::CATALOG, CatalogAuth::CATALOG);

    let first = &CatalogAuth::CATALOG[0];
    assert_eq!(first.code(), "cat_invalid_credentials");
    assert_eq!(first.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(first.status_u16(), 401);
    assert!(!first.retryable());
    assert_eq!(first.title(), "Invalid credentials");
    assert_eq!(first.message(), "The email or password is incorrect");
    assert_eq!(
        first.description(),
        "The email/password combination is incorrect."
    );
    assert_eq!(
        first.resolution(),
        Some("Verify credentials or reset password.")
    );
    assert_eq!(first.causes(), ["Wrong password.", "Unknown email."]);
    assert_eq!(first.retry_after(), None);
    assert_eq!(first.fields(), []);
    assert_eq!(first.variant(), "InvalidCredentials");
    assert_eq!(
        first.docs_url(),
        Some("https://docs.example.com/errors/cat_invalid_credentials.html")
    );
    assert_eq!(
        first.to_string(),
        "CatalogAuth::InvalidCredentials (cat_invalid_credentials, 401)"
    );

    let category = first.category();
    assert_eq!(category.name(), "CatalogAuth");
    // The first paragraph of the type's doc comment.
    assert_eq!(category.doc(), "Authentication errors.");
    assert_eq!(category.format(), Format::Nested);
    assert_eq!(
        category.docs(),
        Some("https://docs.example.com/errors/{code}.html")
    );
    assert_eq!(category.domain(), Some("auth.example.com"));

    let second = &CatalogAuth::CATALOG[1];
    // The default title: the code as words.
    assert_eq!(second.title(), "Cat rate limited");
    assert!(second.retryable());
    assert_eq!(second.description(), "");
    assert_eq!(second.resolution(), None);
    assert_eq!(second.causes(), ["A client retried in a loop."]);
    assert_eq!(second.retry_after(), Some(60));
    assert_eq!(second.fields().len(), 1);
    assert_eq!(second.fields()[0].name(), "limit");
    assert!(std::ptr::eq(second.category(), first.category()));

    assert_eq!(
        CatalogAuth::find("cat_rate_limited").map(ErrorSpec::variant),
        Some("RateLimited")
    );
    assert_eq!(CatalogAuth::find("nope"), None);
    assert_eq!(
        CatalogAuth::RateLimited { limit: 1 }.spec(),
        &CatalogAuth::CATALOG[1]
    );
}

#[derive(Debug, ApiError)]
pub enum NoErrors {}

#[test]
fn an_enum_without_variants_has_an_empty_catalog() {
    assert_eq!(NoErrors::CATALOG, []);
    assert_eq!(<NoErrors as ErrorCatalog>::find("anything"), None);
}
