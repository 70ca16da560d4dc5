//! The catalog's exports: JSON (a versioned schema), a Markdown "Error Codes" page,
//! OpenAPI 3.1 components and a TypeScript module. Each is a method of
//! [`Catalog`](crate::Catalog).

pub(crate) mod fluent;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod openapi;
pub(crate) mod sample;
pub(crate) mod typescript;
