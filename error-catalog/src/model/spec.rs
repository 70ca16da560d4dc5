//! The static description of every error code: [`ErrorSpec`], [`FieldSpec`], [`Category`].
//!
//! The derive writes one `ErrorSpec` per variant into a `const` table, so the catalog
//! exists at compile time, costs nothing at run time and can be checked by `const`
//! evaluation (see `catalog!`). The fields are public for the derive's struct literals
//! but hidden from the docs: read them through the accessor methods, which are the
//! stable API.

use core::fmt;

use http::StatusCode;

use crate::model::format::Format;
use crate::model::locale::Locales;

/// Everything the catalog knows about one error code.
///
/// One `ErrorSpec` exists per variant (or per struct) that derives [`ApiError`], in the
/// type's `CATALOG` table, in declaration order.
///
/// ```
/// use error_catalog::ApiError;
///
/// /// Resource errors.
/// #[derive(Debug, ApiError)]
/// pub enum ProjectError {
///     /// The requested project does not exist.
///     #[error(code = "not_found", status = 404, message = "Project {id} not found",
///             resolution = "Verify the project ID.")]
///     NotFound { id: String },
/// }
///
/// let spec = &ProjectError::CATALOG[0];
/// assert_eq!(spec.code(), "not_found");
/// assert_eq!(spec.status(), http::StatusCode::NOT_FOUND);
/// assert!(!spec.retryable());
/// assert_eq!(spec.message(), "Project {id} not found");
/// assert_eq!(spec.description(), "The requested project does not exist.");
/// assert_eq!(spec.resolution(), Some("Verify the project ID."));
/// assert_eq!(spec.fields()[0].name(), "id");
/// assert_eq!(spec.category().name(), "ProjectError");
/// ```
///
/// [`ApiError`]: crate::ApiError
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ErrorSpec {
    #[doc(hidden)]
    pub code: &'static str,
    /// The code's Google `ErrorInfo.reason`, as [`grpc::reason`](crate::grpc::reason)
    /// writes it (computed by the derive, for `catalog!`'s check).
    #[doc(hidden)]
    pub reason: &'static str,
    /// The hash of `reason` that `catalog!`'s index files the code under (the derive
    /// computes it, so the const evaluation of the index does not hash every code).
    #[doc(hidden)]
    pub reason_hash: u32,
    #[doc(hidden)]
    pub status: StatusCode,
    #[doc(hidden)]
    pub retryable: bool,
    #[doc(hidden)]
    pub title: &'static str,
    #[doc(hidden)]
    pub message: &'static str,
    #[doc(hidden)]
    pub description: &'static str,
    #[doc(hidden)]
    pub resolution: Option<&'static str>,
    #[doc(hidden)]
    pub causes: &'static [&'static str],
    #[doc(hidden)]
    pub retry_after: Option<u64>,
    #[doc(hidden)]
    pub fields: &'static [FieldSpec],
    #[doc(hidden)]
    pub variant: &'static str,
    #[doc(hidden)]
    pub docs_url: Option<&'static str>,
    #[doc(hidden)]
    pub category: &'static Category,
    #[doc(hidden)]
    pub json: JsonHints,
    /// The message template as the derive parsed it, for the runtime to fill in: its
    /// literal text (braces unescaped), with each placeholder written as NUL followed by
    /// the character whose code point is the field's position among the fields the
    /// message shows (in declaration order: the order in which the derive's fields
    /// function lists them). Empty for a literal message and for a message that its own
    /// `write!` writes (a format spec, a generic type).
    #[doc(hidden)]
    pub parsed: &'static str,
    #[doc(hidden)]
    pub headers: &'static [&'static str],
    #[doc(hidden)]
    pub deprecation: Option<&'static Deprecation>,
}

impl ErrorSpec {
    /// The stable, machine-readable code clients branch on, e.g. `not_found`.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status, always in `400..=599`.
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The HTTP status as a number.
    pub const fn status_u16(&self) -> u16 {
        self.status.as_u16()
    }

    /// Whether a client may retry the same request unchanged.
    ///
    /// Set with `retryable = ..`; by default true for 408, 425, 429, 502, 503 and 504.
    pub const fn retryable(&self) -> bool {
        self.retryable
    }

    /// A short, human-readable summary of the problem type, e.g. `Token expired`: the
    /// `title` of RFC 9457 problem bodies, and the heading of the code in the exports.
    ///
    /// Set with `title = ".."`. By default it is the code read as words, in sentence case,
    /// with acronyms in capitals: `order_not_found` → "Order not found", `invalid_json` →
    /// "Invalid JSON", `user_id_missing` → "User ID missing". A code that is not words
    /// (`AUTH-401`, `E1001`) leaves the title to the variant's name, by the same rule. The
    /// [attribute reference](crate#default-titles) has the whole rule.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// pub enum OrderError {
    ///     #[error(code = "order_not_found", status = 404, message = "Order not found")]
    ///     NotFound,
    ///     #[error(code = "AUTH-401", status = 401, message = "Authentication failed")]
    ///     AuthenticationFailed,
    ///     #[error(code = "order_conflict", status = 409, message = "Conflict", title = "Order changed")]
    ///     Conflict,
    /// }
    ///
    /// assert_eq!(OrderError::CATALOG[0].title(), "Order not found");
    /// assert_eq!(OrderError::CATALOG[1].title(), "Authentication failed");
    /// assert_eq!(OrderError::CATALOG[2].title(), "Order changed");
    /// ```
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The public message template, with `{field}` placeholders as written.
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The doc comment of the variant (empty when there is none).
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// What a client should do about the error, from `resolution = ".."`.
    pub const fn resolution(&self) -> Option<&'static str> {
        self.resolution
    }

    /// Possible causes, from `causes = ["..", ".."]`.
    pub const fn causes(&self) -> &'static [&'static str] {
        self.causes
    }

    /// The static `Retry-After` hint in seconds, from `retry_after = N`.
    ///
    /// A value carried by a `#[error(retry_after)]` field is read from the error value
    /// instead, by [`ApiError::retry_after`](crate::ApiError::retry_after).
    pub const fn retry_after(&self) -> Option<u64> {
        self.retry_after
    }

    /// The fields serialized as details, in declaration order.
    pub const fn fields(&self) -> &'static [FieldSpec] {
        self.fields
    }

    /// The Rust name of the variant (or struct), e.g. `NotFound`.
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// The documentation URL of this code, from the type's `docs = ".."` base.
    pub const fn docs_url(&self) -> Option<&'static str> {
        self.docs_url
    }

    /// The type (category) the code belongs to.
    pub const fn category(&self) -> &'static Category {
        self.category
    }

    /// The names of the headers the code sends from its `#[error(header = "..")]` fields,
    /// in declaration order, as written (`Content-Type` and `Retry-After` are not listed:
    /// every body has the first, and [`retry_after`](ErrorSpec::retry_after) and the
    /// fields' [`FieldSpec::retry_after`] tell about the second).
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "rate_limited", status = 429, message = "You hit a rate limit")]
    /// pub struct RateLimited {
    ///     #[error(retry_after)]
    ///     retry_after: u64,
    ///     #[error(header = "X-RateLimit-Reset")]
    ///     reset_at: u64,
    /// }
    ///
    /// assert_eq!(RateLimited::CATALOG[0].headers(), ["X-RateLimit-Reset"]);
    /// ```
    pub const fn headers(&self) -> &'static [&'static str] {
        self.headers
    }

    /// The code's deprecation, from Rust's own `#[deprecated]` on the variant (or struct)
    /// and `#[error(replaced_by = "..")]`; `None` for a code in service.
    ///
    /// Rust warns wherever the service still constructs a deprecated variant; the
    /// exports (JSON, Markdown, OpenAPI, TypeScript) mark the code, and the
    /// [guard](crate::guard) treats its removal as a change of its own kind.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// pub enum OrderError {
    ///     /// The coupon has expired.
    ///     #[deprecated(since = "2.3.0", note = "coupons expire into `offer_expired`")]
    ///     #[error(code = "coupon_expired", status = 410, message = "Coupon expired",
    ///             replaced_by = "offer_expired")]
    ///     CouponExpired,
    ///     /// The offer has expired.
    ///     #[error(code = "offer_expired", status = 410, message = "Offer expired")]
    ///     OfferExpired,
    /// }
    ///
    /// let deprecation = OrderError::CATALOG[0].deprecation().unwrap();
    /// assert_eq!(deprecation.note(), Some("coupons expire into `offer_expired`"));
    /// assert_eq!(deprecation.since(), Some("2.3.0"));
    /// assert_eq!(deprecation.replaced_by(), Some("offer_expired"));
    /// assert!(OrderError::CATALOG[1].deprecation().is_none());
    /// ```
    pub const fn deprecation(&self) -> Option<&'static Deprecation> {
        self.deprecation
    }

    /// Whether a body of this code can come with a `Retry-After` header: it has a fixed
    /// `retry_after = N` or a `#[error(retry_after)]` field.
    pub(crate) fn may_send_retry_after(&self) -> bool {
        self.retry_after.is_some() || self.fields.iter().any(FieldSpec::retry_after)
    }
}

impl fmt::Display for ErrorSpec {
    /// Formats as `TypeName::Variant (code, status)`, the form used in diagnostics.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}::{} ({}, {})",
            self.category.name,
            self.variant,
            self.code,
            self.status.as_u16()
        )
    }
}

/// How a deprecated code is retired: Rust's `#[deprecated]` note and version, and the
/// code that replaces it (see [`ErrorSpec::deprecation`]).
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[deprecated]
/// #[error(code = "legacy_failure", status = 500, message = "Failed")]
/// pub struct LegacyFailure;
///
/// # #[allow(deprecated)]
/// let deprecation = LegacyFailure::CATALOG[0].deprecation().unwrap();
/// assert_eq!((deprecation.note(), deprecation.replaced_by()), (None, None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Deprecation {
    #[doc(hidden)]
    pub note: Option<&'static str>,
    #[doc(hidden)]
    pub since: Option<&'static str>,
    #[doc(hidden)]
    pub replaced_by: Option<&'static str>,
}

impl Deprecation {
    /// The `note` of `#[deprecated(note = "..")]` (or `#[deprecated = ".."]`).
    pub const fn note(&self) -> Option<&'static str> {
        self.note
    }

    /// The `since` of `#[deprecated(since = "..")]`.
    pub const fn since(&self) -> Option<&'static str> {
        self.since
    }

    /// The code clients should handle instead, from `#[error(replaced_by = "..")]`;
    /// [`catalog!`](crate::catalog!) checks that it is a code of the catalog.
    pub const fn replaced_by(&self) -> Option<&'static str> {
        self.replaced_by
    }

    /// What follows the word "Deprecated" in the exports: ` since <version>`,
    /// `: <note>`, a period, and ` Replaced by `<code>`.` when there is a replacement.
    pub(crate) fn write_after_lead(&self, f: &mut dyn fmt::Write) -> fmt::Result {
        if let Some(since) = self.since {
            write!(f, " since {since}")?;
        }
        if let Some(note) = self.note.map(str::trim).filter(|note| !note.is_empty()) {
            write!(f, ": {}", note.trim_end_matches('.'))?;
        }
        f.write_str(".")?;
        if let Some(code) = self.replaced_by {
            write!(f, " Replaced by `{code}`.")?;
        }
        Ok(())
    }
}

/// The sentence the exports show: "Deprecated", then ` since <version>` and
/// `: <note>`, a period, and the replacement code (each part only when given).
///
/// ```
/// use error_catalog::ApiError;
///
/// #[derive(Debug, ApiError)]
/// pub enum OrderError {
///     #[deprecated(since = "2.3.0", note = "coupons became offers.")]
///     #[error(code = "coupon_expired", status = 410, message = "Coupon expired",
///             replaced_by = "offer_expired")]
///     CouponExpired,
///     #[error(code = "offer_expired", status = 410, message = "Offer expired")]
///     OfferExpired,
/// }
///
/// assert_eq!(
///     OrderError::CATALOG[0].deprecation().unwrap().to_string(),
///     "Deprecated since 2.3.0: coupons became offers. Replaced by `offer_expired`.",
/// );
/// ```
impl fmt::Display for Deprecation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Deprecated")?;
        self.write_after_lead(f)
    }
}

/// What the derive learned at compile time about a spec's texts, so that the JSON writer
/// can copy them as they are instead of formatting and escaping them on every call.
///
/// Not a public API: the derive fills it in. A `false` is always correct (it only costs
/// speed); a `true` must be true.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct JsonHints {
    /// The public message is always the `message` text as it is: the template has no
    /// placeholders and no `{{`/`}}` escapes, so `fmt_message` writes exactly that text.
    pub literal_message: bool,
    /// The code, the `message` template, `title` and docs URL contain no character that
    /// JSON escapes (`"`, `\` or a control character below U+0020).
    pub plain_text: bool,
}

/// An example value of a detail field, written as `#[error(example = ..)]`: a string,
/// number, bool or a list of them. It serializes as the JSON value it stands for.
///
/// ```
/// use error_catalog::{ApiError, ExampleValue};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "insufficient_scope", status = 403, message = "Missing scope")]
/// pub struct InsufficientScope {
///     #[error(example = ["read:projects"])]
///     current_scopes: Vec<String>,
/// }
///
/// let example = InsufficientScope::CATALOG[0].fields()[0].example().unwrap();
/// assert_eq!(example, ExampleValue::Array(&[ExampleValue::String("read:projects")]));
/// assert_eq!(serde_json::to_string(&example).unwrap(), r#"["read:projects"]"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ExampleValue {
    /// A JSON string.
    String(&'static str),
    /// A JSON integer.
    Integer(i128),
    /// A JSON number with a fraction or exponent.
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// A JSON array.
    Array(&'static [ExampleValue]),
}

impl serde::Serialize for ExampleValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            ExampleValue::String(text) => serializer.serialize_str(text),
            ExampleValue::Integer(value) => match i64::try_from(value) {
                Ok(small) => serializer.serialize_i64(small),
                Err(_) => serializer.serialize_i128(value),
            },
            ExampleValue::Number(value) => serializer.serialize_f64(value),
            ExampleValue::Bool(value) => serializer.serialize_bool(value),
            ExampleValue::Array(items) => serializer.collect_seq(items),
        }
    }
}

/// One detail field of an error: its key in the envelope and its JSON type.
///
/// ```
/// use error_catalog::{ApiError, JsonType};
///
/// #[derive(Debug, ApiError)]
/// #[error(code = "no_seats_available", status = 409, message = "All seats are in use")]
/// pub struct NoSeats {
///     max_seats: u32,
///     next_available_hint: Option<String>,
/// }
///
/// let fields = NoSeats::CATALOG[0].fields();
/// assert_eq!(fields[0].name(), "max_seats");
/// assert_eq!(fields[0].json_type(), JsonType::Integer);
/// assert_eq!(fields[1].json_type(), JsonType::String);
/// assert!(fields[1].optional());
/// assert_eq!(fields[1].rust_type(), "Option<String>");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(clippy::struct_excessive_bools)] // the export's flags, one each, written by the derive
pub struct FieldSpec {
    #[doc(hidden)]
    pub name: &'static str,
    #[doc(hidden)]
    pub rust_type: &'static str,
    #[doc(hidden)]
    pub json_type: JsonType,
    #[doc(hidden)]
    pub optional: bool,
    #[doc(hidden)]
    pub retry_after: bool,
    #[doc(hidden)]
    pub example: Option<ExampleValue>,
    #[doc(hidden)]
    pub flatten: bool,
    #[doc(hidden)]
    pub field_errors: bool,
}

impl FieldSpec {
    /// The key of the field in `details` (the field name, or its `rename`).
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The Rust type as written in the declaration, e.g. `Vec<String>`.
    pub const fn rust_type(&self) -> &'static str {
        self.rust_type
    }

    /// The JSON type the field serializes to, read from the Rust type's name.
    pub const fn json_type(&self) -> JsonType {
        self.json_type
    }

    /// True for `Option<..>` fields, which are left out of `details` when `None`.
    pub const fn optional(&self) -> bool {
        self.optional
    }

    /// True for the field marked `#[error(retry_after)]`: its value is also sent as the
    /// `Retry-After` hint.
    ///
    /// ```
    /// use error_catalog::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "rate_limit_exceeded", status = 429, message = "Too many requests")]
    /// pub struct RateLimited {
    ///     limit: u32,
    ///     #[error(retry_after)]
    ///     retry_after: u64,
    /// }
    ///
    /// let fields = RateLimited::CATALOG[0].fields();
    /// assert!(!fields[0].retry_after());
    /// assert!(fields[1].retry_after());
    /// ```
    pub const fn retry_after(&self) -> bool {
        self.retry_after
    }

    /// The example value from `#[error(example = ..)]`, for generated docs.
    pub const fn example(&self) -> Option<ExampleValue> {
        self.example
    }

    /// True for an `#[error(flatten)]` field: its entries are details of their own, under
    /// keys known only at run time, and [`name`](FieldSpec::name) is the Rust field name.
    ///
    /// ```
    /// use error_catalog::{ApiError, FieldErrors};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "validation_error", status = 422, message = "Request validation failed")]
    /// pub struct Invalid { #[error(flatten)] errors: FieldErrors }
    ///
    /// assert!(Invalid::CATALOG[0].fields()[0].flattened());
    /// ```
    pub const fn flattened(&self) -> bool {
        self.flatten
    }

    /// True for an `#[error(flatten)]` field of type [`FieldErrors`]: its entries are
    /// field-level validation errors, laid out by wire format, and its
    /// [`example`](FieldSpec::example), if any, lists sample errors as
    /// `"path: message"` strings.
    ///
    /// The derive recognizes the type itself, not its name: an alias of `FieldErrors`
    /// counts, a type of another crate that happens to be called `FieldErrors` does not,
    /// and neither does a field whose type mentions a type parameter.
    ///
    /// ```
    /// use error_catalog::{ApiError, FieldErrors};
    ///
    /// type Problems = FieldErrors;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[error(code = "validation_error", status = 422, message = "Request validation failed")]
    /// pub struct Invalid {
    ///     #[error(flatten, example = "password: Must be at least 12 characters")]
    ///     errors: Problems,
    /// }
    ///
    /// assert!(Invalid::CATALOG[0].fields()[0].field_errors());
    /// ```
    ///
    /// [`FieldErrors`]: crate::FieldErrors
    pub const fn field_errors(&self) -> bool {
        self.field_errors
    }
}

/// The JSON type of a detail field, as far as the derive can tell from the type's name.
///
/// Standard types map to their JSON type (`String` to `String`, integers to `Integer`,
/// `Vec<T>` to `Array`, maps to `Object`, and well-known string-like types such as
/// `DateTime`, `Uuid` or `Url` to `String`); `Option<T>`, `Box<T>` and references are
/// looked through. Any other type is `Any`: its JSON shape is whatever its `Serialize`
/// produces.
///
/// ```
/// use error_catalog::JsonType;
/// assert_eq!(JsonType::Integer.as_str(), "integer");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// A JSON string.
    String,
    /// A JSON number without a fraction.
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A JSON array.
    Array,
    /// A JSON object.
    Object,
    /// Not known from the type's name.
    Any,
}

impl JsonType {
    /// The JSON Schema name of the type (`"string"`, `"integer"`, ...; `"any"` for
    /// [`JsonType::Any`]).
    pub const fn as_str(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::Boolean => "boolean",
            JsonType::Array => "array",
            JsonType::Object => "object",
            JsonType::Any => "any",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type an error code belongs to: its name, its doc comment and its defaults.
///
/// ```
/// use error_catalog::{ApiError, Format};
///
/// /// Authentication errors.
/// #[derive(Debug, ApiError)]
/// #[api_error(format = "nested", docs = "https://docs.example.com/errors")]
/// pub enum AuthError {
///     /// The email/password combination is incorrect.
///     #[error(code = "invalid_credentials", status = 401)]
///     InvalidCredentials,
/// }
///
/// let category = AuthError::CATALOG[0].category();
/// assert_eq!(category.name(), "AuthError");
/// assert_eq!(category.doc(), "Authentication errors.");
/// assert_eq!(category.format(), Format::Nested);
/// assert_eq!(
///     AuthError::CATALOG[0].docs_url(),
///     Some("https://docs.example.com/errors/invalid_credentials"),
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category {
    #[doc(hidden)]
    pub name: &'static str,
    #[doc(hidden)]
    pub doc: &'static str,
    #[doc(hidden)]
    pub format: Format,
    #[doc(hidden)]
    pub docs: Option<&'static str>,
    #[doc(hidden)]
    pub domain: Option<&'static str>,
    #[doc(hidden)]
    pub locales: Option<&'static Locales>,
    #[doc(hidden)]
    pub services: &'static [&'static str],
}

impl Category {
    /// The Rust name of the error type, e.g. `AuthError`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The category text: the first paragraph of the error type's doc comment, on one
    /// line, with link syntax reduced to its text (empty when there is none). The rest of
    /// the type's rustdoc (sections, examples) is not part of the catalog.
    pub const fn doc(&self) -> &'static str {
        self.doc
    }

    /// The default wire format of the type, from `#[api_error(format = "..")]`.
    pub const fn format(&self) -> Format {
        self.format
    }

    /// The documentation base URL, from `#[api_error(docs = "..")]`.
    pub const fn docs(&self) -> Option<&'static str> {
        self.docs
    }

    /// The error domain (AIP-193 `ErrorInfo.domain`), from `#[api_error(domain = "..")]`.
    pub const fn domain(&self) -> Option<&'static str> {
        self.domain
    }

    /// The translations of the type's messages, from `#[api_error(locales = "..")]`
    /// (see [`Locales`]).
    pub const fn locales(&self) -> Option<&'static Locales> {
        self.locales
    }

    /// The services whose codes these are, in a catalog merged from the exports of
    /// several (the `services` of its entries, see [`Catalog::from_json`]); empty for
    /// the types of the service's own crates.
    ///
    /// [`Catalog::from_json`]: crate::Catalog::from_json
    pub const fn services(&self) -> &'static [&'static str] {
        self.services
    }
}
