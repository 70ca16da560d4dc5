//! The catalog's exports: JSON (a versioned schema), a Markdown "Error Codes" page and
//! OpenAPI 3.1 components. Each is a method of [`Catalog`](crate::Catalog).

pub(crate) mod fluent;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod openapi;
pub(crate) mod sample;
