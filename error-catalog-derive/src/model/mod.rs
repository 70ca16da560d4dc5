//! The resolved model: every value the expansion needs, decided and checked. `check`
//! applies the rules to the input and [`resolve`] builds the model from what passes them;
//! code generation reads nothing else (no attribute, no default, no rule is looked up
//! again there).

pub mod resolve;
pub mod template;
pub mod title;
pub mod types;

use proc_macro2::Span;
use syn::{Generics, Ident, LitStr, Member, Type};

pub use crate::input::ast::Shape;
pub use crate::input::attr::Example;
pub use crate::input::deprecation::Deprecation;
pub use crate::input::format::Format;
use crate::model::template::Template;

/// The whole derive, when it has no mistakes.
pub struct Model<'a> {
    pub item: Item<'a>,
    pub category: Category,
    /// Whether the type joins the crate-wide uniqueness check of codes.
    pub unique_in_crate: bool,
    pub variants: Vec<Variant<'a>>,
    /// The translations of `#[api_error(locales = "..")]`.
    pub locales: Option<crate::locales::Locales>,
}

/// What every expansion needs, the fallback's included: the type, where the runtime
/// crate is, and what implements `Display`.
pub struct Item<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub shape: Shape,
    /// The path of the runtime crate from `crate = ".."`; `::error_catalog` without it.
    pub krate: Option<syn::Path>,
    /// Some `#[error("..")]` belongs to thiserror, which then writes `Display`, `Error`
    /// and `From`.
    pub thiserror: bool,
    /// Whether the framework trait impls are generated (`impls = false` opts out).
    pub impls: bool,
    /// The input is a union: nothing can be generated for it.
    pub union: bool,
    /// The types of the `#[from]` fields, each once (as written).
    pub from_types: Vec<&'a Type>,
}

/// The type's `Category` row.
pub struct Category {
    /// The type's name, without `r#`.
    pub name: String,
    /// The first paragraph of the type's doc comment, as text.
    pub doc: String,
    pub format: Format,
    pub docs: Option<String>,
    pub domain: Option<String>,
    /// The type has translations (`locales = ".."`).
    pub locales: bool,
}

/// One variant (or the struct) with every value of its catalog row resolved.
pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// The variant's name, without `r#`.
    pub name: String,
    pub code: String,
    /// The Google `ErrorInfo.reason` of the code ([`crate::check::grpc_reason`]),
    /// computed once for the uniqueness rule and the row.
    pub reason: String,
    /// The token the code came from: the `code` literal, or the variant name when
    /// `rename_all` derived it.
    pub code_span: Span,
    pub status: u16,
    pub retryable: bool,
    pub title: String,
    pub message: Message,
    /// The variant's doc comment.
    pub description: String,
    pub resolution: Option<String>,
    pub causes: Vec<LitStr>,
    /// The static `retry_after = N`.
    pub retry_after: Option<u64>,
    pub docs_url: Option<String>,
    pub fields: Vec<Field<'a>>,
    /// Rust's `#[deprecated]` and `replaced_by`.
    pub deprecation: Option<Deprecation>,
}

/// A variant's public message.
pub struct Message {
    /// The template as stored in the catalog (a doc comment's sentence with its braces
    /// escaped).
    pub text: String,
    pub template: Template,
    /// The `message` literal, or the variant's name for a message from the doc comment.
    pub span: Span,
}

/// One field, with the role that decides where its value goes.
// Each flag is a separate fact about the field, read on its own.
#[allow(clippy::struct_excessive_bools)]
pub struct Field<'a> {
    pub member: Member,
    /// The name in messages: `id`, or `0` for a tuple field.
    pub name: String,
    pub ty: &'a Type,
    /// `T` for an `Option<T>` field.
    pub option_inner: Option<&'a Type>,
    /// The type mentions a type parameter of the item (so its impls need a bound).
    pub generic: bool,
    pub role: Role,
    /// The message shows the field.
    pub shown: bool,
    /// Some translation of the message shows the field (`{ $name }`).
    pub localized: bool,
    /// `#[error(retry_after)]`: the field's value is the `Retry-After` hint.
    pub retry_after: bool,
    /// `#[error(header = "..")]`: the field is also sent as this header.
    pub header: Option<LitStr>,
}

/// Where a field's value goes, besides the message and headers.
pub enum Role {
    /// A named field serialized into the details.
    Detail(Detail),
    /// `#[error(message_only)]`: a named field that only the message shows.
    MessageOnly,
    /// A tuple field: never a detail, as it has no name.
    Positional,
    /// `#[error(skip)]`: internal data, sent nowhere.
    Skip,
    /// `#[source]`, `#[from]` or a field named `source`: only `Error::source` sees it.
    Source {
        /// `#[from]`: the variant is built from the field's type with `From`.
        from: bool,
    },
}

/// A detail field's catalog entry.
pub struct Detail {
    /// The key in the details (the field's name, or its `rename`).
    pub key: String,
    /// The type as written, for the catalog.
    pub rust_type: String,
    /// The runtime's `JsonType` variant.
    pub json_type: &'static str,
    pub example: Option<Example>,
    /// Where `example` was written, for the check that only `FieldErrors` reads the
    /// example of a flattened field.
    pub example_span: Option<Span>,
    /// `#[error(flatten)]`: the field's entries are details of their own.
    pub flatten: bool,
}

impl Item<'_> {
    /// Whether the type has type parameters (lifetimes do not count).
    pub fn has_type_params(&self) -> bool {
        self.generics.type_params().next().is_some()
    }
}

impl Variant<'_> {
    /// Whether some field of the variant is a detail.
    pub fn has_details(&self) -> bool {
        self.fields.iter().any(Field::is_detail)
    }
}

impl Field<'_> {
    pub fn detail(&self) -> Option<&Detail> {
        match &self.role {
            Role::Detail(detail) => Some(detail),
            _ => None,
        }
    }

    pub fn is_detail(&self) -> bool {
        self.detail().is_some()
    }

    pub fn is_source(&self) -> bool {
        matches!(self.role, Role::Source { .. })
    }

    pub fn is_from(&self) -> bool {
        matches!(self.role, Role::Source { from: true })
    }

    /// The type without its `Option`: what a detail serializes and a header displays.
    pub fn value_type(&self) -> &Type {
        self.option_inner.unwrap_or(self.ty)
    }
}
