//! The JSON export: a versioned document that docs pipelines, client generators and the
//! compatibility guard read. Its JSON Schema ships with the crate as [`CATALOG_SCHEMA`].

use std::io;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::catalog::Catalog;
use crate::model::locale::Translation;
use crate::model::spec::{Category, Deprecation, ErrorSpec, FieldSpec};

/// The version of the JSON export's schema, written as its `version` member.
///
/// It changes only when a member is removed, renamed or retyped; new members may appear
/// within a version.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema (draft 2020-12) of the JSON export, version [`SCHEMA_VERSION`]: the
/// text of `schema/catalog-v1.schema.json` in this crate's package.
///
/// Every document [`Catalog::to_json`] writes follows it. Give it to a JSON Schema
/// validator to check an export (one committed as a baseline, or one a client received)
/// without this crate's sources at hand.
///
/// ```
/// use error_catalog::{CATALOG_SCHEMA, SCHEMA_VERSION};
///
/// let schema: serde_json::Value = serde_json::from_str(CATALOG_SCHEMA).unwrap();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["$id"].as_str().unwrap().ends_with("/catalog-v1.schema.json"));
/// assert_eq!(schema["properties"]["version"]["const"], SCHEMA_VERSION);
/// ```
pub const CATALOG_SCHEMA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/schema/catalog-v1.schema.json"
));

impl Catalog {
    /// The catalog as a compact JSON document: the `version`, then every code in
    /// listing order. [`to_json_pretty`](Catalog::to_json_pretty) writes the same
    /// document for people and diffs (the committed docs and baselines).
    ///
    /// The document follows the JSON Schema [`CATALOG_SCHEMA`]. Each entry is
    /// the [`Serialize`] form of [`ErrorSpec`], and the catalog itself is [`Serialize`]
    /// as this document.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// /// Authentication errors.
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "nested", docs = "https://docs.example.com/errors")]
    /// pub enum AuthError {
    ///     /// The access token has expired.
    ///     #[error(code = "token_expired", status = 401, message = "The access token has expired",
    ///             resolution = "Use refresh token to obtain new access token.")]
    ///     TokenExpired { #[error(example = "2026-01-09T10:00:00Z")] expired_at: String },
    /// }
    ///
    /// let json: serde_json::Value = serde_json::from_str(&catalog!(AuthError).to_json()).unwrap();
    /// assert_eq!(json, serde_json::json!({
    ///     "version": 1,
    ///     "errors": [{
    ///         "code": "token_expired",
    ///         "status": 401,
    ///         "retryable": false,
    ///         "title": "Token expired",
    ///         "message_template": "The access token has expired",
    ///         "description": "The access token has expired.",
    ///         "resolution": "Use refresh token to obtain new access token.",
    ///         "causes": [],
    ///         "retry_after": null,
    ///         "details": [{
    ///             "name": "expired_at",
    ///             "type": "string",
    ///             "rust_type": "String",
    ///             "example": "2026-01-09T10:00:00Z",
    ///         }],
    ///         "category": {
    ///             "name": "AuthError",
    ///             "doc": "Authentication errors.",
    ///             "format": "nested",
    ///             "domain": null,
    ///         },
    ///         "variant": "TokenExpired",
    ///         "docs_url": "https://docs.example.com/errors/token_expired",
    ///     }],
    /// }));
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(768 * self.len());
        // Writing into a Vec cannot fail, and every string in a spec is valid JSON text.
        let _ = self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// The JSON document of [`to_json`](Catalog::to_json), pretty-printed and ending in
    /// a newline: the form to commit (the compatibility guard writes its baselines so).
    pub fn to_json_pretty(&self) -> String {
        let mut out = Vec::with_capacity(1024 * self.len());
        let _ = self.write_json_pretty(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes [`to_json`](Catalog::to_json)'s document to `writer`.
    ///
    /// # Errors
    ///
    /// The writer's I/O errors.
    pub fn write_json<W: io::Write>(&self, writer: W) -> io::Result<()> {
        serde_json::to_writer(writer, self).map_err(io::Error::from)
    }

    /// Writes [`to_json_pretty`](Catalog::to_json_pretty)'s document to `writer`.
    ///
    /// # Errors
    ///
    /// The writer's I/O errors.
    pub fn write_json_pretty<W: io::Write>(&self, mut writer: W) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut writer, self)?;
        writer.write_all(b"\n")
    }
}

/// The JSON export's document: `{"version": 1, "errors": [..]}`.
impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_struct("Catalog", 2)?;
        doc.serialize_field("version", &SCHEMA_VERSION)?;
        doc.serialize_field("errors", &Errors(self))?;
        doc.end()
    }
}

struct Errors<'a>(&'a Catalog);

impl Serialize for Errors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

/// One entry of the JSON export (schema `catalog-v1`): every member of the spec;
/// `headers` only when the code sends headers from its fields, `deprecated` (its
/// `note`, `since` and `replaced_by`, each a string or `null`) only for a deprecated
/// code, `services` (the names of the services that declare the code) only in a
/// catalog merged from several services' exports.
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "AUTH-401", status = 401, message = "Authentication failed",
///         causes = ["Invalid or expired API key/token."])]
/// pub struct AuthenticationFailed;
///
/// let entry = serde_json::to_value(&AuthenticationFailed::CATALOG[0]).unwrap();
/// assert_eq!(entry["code"], "AUTH-401");
/// assert_eq!(entry["causes"], serde_json::json!(["Invalid or expired API key/token."]));
/// assert_eq!(entry["category"]["format"], "problem");
/// ```
impl Serialize for ErrorSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entry = serializer.serialize_struct("ErrorSpec", 17)?;
        entry.serialize_field("code", self.code())?;
        entry.serialize_field("status", &self.status_u16())?;
        entry.serialize_field("retryable", &self.retryable())?;
        entry.serialize_field("title", self.title())?;
        entry.serialize_field("message_template", self.message())?;
        entry.serialize_field("description", self.description())?;
        entry.serialize_field("resolution", &self.resolution())?;
        entry.serialize_field("causes", self.causes())?;
        entry.serialize_field("retry_after", &self.retry_after())?;
        // Present only when the code sends such headers (most send none).
        if self.headers().is_empty() {
            entry.skip_field("headers")?;
        } else {
            entry.serialize_field("headers", self.headers())?;
        }
        entry.serialize_field("details", self.fields())?;
        entry.serialize_field("category", self.category())?;
        entry.serialize_field("variant", self.variant())?;
        entry.serialize_field("docs_url", &self.docs_url())?;
        // Present only when the type has translations (`locales = ".."`).
        if self.category().locales().is_some() {
            entry.serialize_field("translations", &Translations(self))?;
        } else {
            entry.skip_field("translations")?;
        }
        // Present only for a deprecated code.
        match self.deprecation() {
            Some(deprecation) => entry.serialize_field("deprecated", deprecation)?,
            None => entry.skip_field("deprecated")?,
        }
        // Present only in a catalog merged from several services' exports.
        match self.category().services() {
            [] => entry.skip_field("services")?,
            services => entry.serialize_field("services", services)?,
        }
        entry.end()
    }
}

/// `translations`: the code's texts in each translated locale that has it, by tag:
/// `{"fr": {"message": <Fluent source>, "title": .., "resolution": ..}}`.
struct Translations<'a>(&'a ErrorSpec);

impl Serialize for Translations<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.0;
        let locales = spec.category().locales().map_or(&[][..], |l| l.locales());
        serializer.collect_map(
            locales
                .iter()
                .filter_map(|locale| Some((locale.tag(), Texts(spec, locale.translation(spec)?)))),
        )
    }
}

/// One locale's texts of a code; a title or resolution the locale does not translate is
/// the default one.
struct Texts<'a>(&'a ErrorSpec, &'a Translation);

impl Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Texts(spec, translation) = *self;
        let mut texts = serializer.serialize_struct("Translation", 3)?;
        texts.serialize_field("message", translation.source())?;
        texts.serialize_field("title", translation.title().unwrap_or(spec.title()))?;
        texts.serialize_field(
            "resolution",
            &translation.resolution().or(spec.resolution()),
        )?;
        texts.end()
    }
}

/// A detail field in the JSON export: name, JSON type and Rust type, then the flags that
/// are true and the example, if any (a catalog lists many fields, most without either:
/// leaving defaults out keeps the export about a third smaller and faster to write).
impl Serialize for FieldSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut field = serializer.serialize_map(None)?;
        field.serialize_entry("name", self.name())?;
        field.serialize_entry("type", self.json_type().as_str())?;
        field.serialize_entry("rust_type", self.rust_type())?;
        for (flag, set) in [
            ("optional", self.optional()),
            ("retry_after", self.retry_after()),
            ("flattened", self.flattened()),
            ("field_errors", self.field_errors()),
        ] {
            if set {
                field.serialize_entry(flag, &true)?;
            }
        }
        if let Some(example) = self.example() {
            field.serialize_entry("example", &example)?;
        }
        field.end()
    }
}

/// A deprecation in the JSON export: `{"note", "since", "replaced_by"}`.
impl Serialize for Deprecation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut deprecation = serializer.serialize_struct("Deprecation", 3)?;
        deprecation.serialize_field("note", &self.note())?;
        deprecation.serialize_field("since", &self.since())?;
        deprecation.serialize_field("replaced_by", &self.replaced_by())?;
        deprecation.end()
    }
}

/// A category in the JSON export: the type's name, doc, wire format and domain.
impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut category = serializer.serialize_struct("Category", 4)?;
        category.serialize_field("name", self.name())?;
        category.serialize_field("doc", self.doc())?;
        category.serialize_field("format", self.format().name())?;
        category.serialize_field("domain", &self.domain())?;
        category.end()
    }
}
