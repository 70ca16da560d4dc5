//! The names the derive reads: its attributes and every key they take, by level. The
//! one place these names are written; the parser and the error messages use these.

/// `#[error(..)]`: ours, unless it is thiserror's `#[error("..")]`.
pub const ERROR: &str = "error";
/// `#[api_error(..)]`: ours under a name that thiserror does not use.
pub const API_ERROR: &str = "api_error";
/// `#[source]` on a field.
pub const SOURCE: &str = "source";
/// `#[from]` on a field.
pub const FROM: &str = "from";
/// Rust's `#[deprecated]` on a variant or struct, which the catalog reads.
pub const DEPRECATED: &str = "deprecated";

// Type-level keys.
pub const RENAME_ALL: &str = "rename_all";
pub const FORMAT: &str = "format";
pub const DOCS: &str = "docs";
pub const DOMAIN: &str = "domain";
pub const UNIQUE_IN_CRATE: &str = "unique_in_crate";
pub const IMPLS: &str = "impls";
pub const CRATE: &str = "crate";
/// `#[api_error(decode)]`: clients rebuild the type from a body (`FromErrorBody`).
pub const DECODE: &str = "decode";
pub const LOCALES: &str = "locales";
pub const DEFAULT_LOCALE: &str = "default_locale";
pub const PARTIAL_LOCALES: &str = "partial_locales";
/// `#[api_error(locales = "..", shared_locales)]`: the folder holds other types' messages.
pub const SHARED_LOCALES: &str = "shared_locales";

// Variant-level keys (`retry_after` is a field key too).
pub const CODE: &str = "code";
pub const STATUS: &str = "status";
pub const RETRYABLE: &str = "retryable";
pub const MESSAGE: &str = "message";
pub const TITLE: &str = "title";
pub const RESOLUTION: &str = "resolution";
pub const CAUSES: &str = "causes";
pub const RETRY_AFTER: &str = "retry_after";
pub const REPLACED_BY: &str = "replaced_by";

// Field-level keys.
pub const SKIP: &str = "skip";
pub const MESSAGE_ONLY: &str = "message_only";
pub const RENAME: &str = "rename";
pub const EXAMPLE: &str = "example";
pub const FLATTEN: &str = "flatten";
pub const HEADER: &str = "header";

/// Keys of the type-level attribute, in the order errors list them.
pub const CONTAINER_KEYS: &[&str] = &[
    RENAME_ALL,
    FORMAT,
    DOCS,
    DOMAIN,
    UNIQUE_IN_CRATE,
    IMPLS,
    CRATE,
    DECODE,
    LOCALES,
    DEFAULT_LOCALE,
    PARTIAL_LOCALES,
    SHARED_LOCALES,
];

/// Keys of a variant's attribute (and of a struct's, with the type-level keys).
pub const VARIANT_KEYS: &[&str] = &[
    CODE,
    STATUS,
    RETRYABLE,
    MESSAGE,
    TITLE,
    RESOLUTION,
    CAUSES,
    RETRY_AFTER,
    REPLACED_BY,
];

/// Keys of a field's attribute.
pub const FIELD_KEYS: &[&str] = &[
    SKIP,
    MESSAGE_ONLY,
    RETRY_AFTER,
    RENAME,
    EXAMPLE,
    FLATTEN,
    HEADER,
];
