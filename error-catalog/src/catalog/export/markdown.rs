//! The Markdown export: an "Error Codes" page in the form API docs sites publish.

use core::fmt;

use crate::catalog::Catalog;
use crate::catalog::export::sample::{example_text, example_text_in};
use crate::model::format::Format;
use crate::model::locale::Translation;
use crate::model::spec::{Category, ErrorSpec};

impl Catalog {
    /// The catalog as a Markdown "Error Codes" page, with the default title and intro;
    /// [`markdown`](Catalog::markdown) sets them.
    pub fn to_markdown(&self) -> String {
        // About 600 bytes a code: sized once rather than grown by doubling.
        let mut page = String::with_capacity(1024 + 640 * self.len());
        let _ = fmt::Write::write_fmt(&mut page, format_args!("{}", self.markdown()));
        page
    }

    /// A Markdown "Error Codes" page: a title, one section per category (each listed
    /// type, headed by its doc comment), and for each code its HTTP status, whether it is
    /// retryable, its `Retry-After` and the headers it sends from fields, its
    /// [deprecation](crate::ErrorSpec::deprecation) if any, its description,
    /// an example body in the category's format, the possible causes, the resolution and
    /// the docs link.
    ///
    /// Example bodies are rendered by the same code as real ones, from sample detail
    /// values: a field's `#[error(example = ..)]`, else a value of its JSON type.
    ///
    /// ````
    /// use error_catalog::{catalog, ApiError};
    ///
    /// /// Authentication errors.
    /// #[derive(Debug, ApiError)]
    /// #[api_error(format = "nested")]
    /// pub enum AuthError {
    ///     /// The access token has expired.
    ///     #[error(code = "token_expired", status = 401, message = "The access token has expired",
    ///             resolution = "Use refresh token to obtain new access token.")]
    ///     TokenExpired { #[error(example = "2026-01-09T10:00:00Z")] expired_at: String },
    /// }
    ///
    /// let page = catalog!(AuthError).markdown().title("Auth API errors").to_string();
    /// assert_eq!(page, r#"# Auth API errors
    ///
    /// Every error code the API returns, grouped by category.
    ///
    /// ### Authentication errors
    ///
    /// #### `token_expired`: Token expired
    ///
    /// **HTTP status:** 401 Unauthorized · **Retryable:** no
    ///
    /// The access token has expired.
    ///
    /// ```json
    /// {
    ///   "error": {
    ///     "code": "token_expired",
    ///     "message": "The access token has expired",
    ///     "details": {
    ///       "expired_at": "2026-01-09T10:00:00Z"
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// **Resolution:** Use refresh token to obtain new access token.
    /// "#);
    /// ````
    pub fn markdown(&self) -> Markdown<'_> {
        Markdown {
            catalog: self,
            title: "Error Codes",
            intro: "Every error code the API returns, grouped by category.",
            format: None,
            locale: None,
        }
    }
}

/// The Markdown page of a catalog, made by [`Catalog::markdown`]; its `Display` writes
/// the page.
#[derive(Debug, Clone, Copy)]
pub struct Markdown<'a> {
    catalog: &'a Catalog,
    title: &'a str,
    intro: &'a str,
    format: Option<Format>,
    locale: Option<&'a str>,
}

impl<'a> Markdown<'a> {
    /// The page title (default `Error Codes`).
    #[must_use]
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = title;
        self
    }

    /// The paragraph under the title (empty for none).
    #[must_use]
    pub fn intro(mut self, intro: &'a str) -> Self {
        self.intro = intro;
        self
    }

    /// Shows every example body in `format` instead of each category's own.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Writes each code's title, example message and resolution in the locale `tag`
    /// where its type has a translation there (`#[api_error(locales = "..")]`; the tag
    /// is compared as [`Envelope::locale`](crate::Envelope::locale) does), and in the
    /// default locale otherwise. The example bodies are the ones a client asking for
    /// that locale receives. The page's own words (the title and intro, which
    /// [`title`](Markdown::title) and [`intro`](Markdown::intro) set, the labels such as
    /// `HTTP status`, the category headings and descriptions from doc comments) are not
    /// translated.
    ///
    /// ````
    /// use error_catalog::{catalog, ApiError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(locales = "tests/locales/basic", format = "compact")]
    /// pub enum ProjectError {
    ///     #[error(code = "not_found", status = 404, message = "Project {id} not found")]
    ///     NotFound { #[error(example = "proj_1")] id: String },
    /// }
    ///
    /// let page = catalog!(ProjectError)
    ///     .markdown()
    ///     .title("Codes d'erreur")
    ///     .intro("")
    ///     .locale("fr")
    ///     .to_string();
    /// assert!(page.starts_with("# Codes d'erreur\n\n## ProjectError\n\n### `not_found`: Projet introuvable\n"));
    /// assert!(page.contains(r#""message": "Projet proj_1 introuvable""#));
    /// ````
    #[must_use]
    pub fn locale(mut self, tag: &'a str) -> Self {
        self.locale = Some(tag);
        self
    }
}

impl fmt::Display for Markdown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# {}", self.title)?;
        if !self.intro.is_empty() {
            write!(f, "\n{}\n", self.intro)?;
        }
        for (category, specs) in self.catalog.categories() {
            write_category(f, category)?;
            for spec in specs {
                write_code(
                    f,
                    spec,
                    self.format.unwrap_or(category.format()),
                    self.locale,
                )?;
            }
        }
        Ok(())
    }
}

/// `## Heading` from the first line of the type's doc (its name when undocumented),
/// then the rest of the doc.
fn write_category(f: &mut fmt::Formatter<'_>, category: &Category) -> fmt::Result {
    let doc = category.doc().trim();
    let (first, rest) = doc.split_once('\n').unwrap_or((doc, ""));
    let heading = first.trim().trim_end_matches('.');
    let heading = if heading.is_empty() {
        category.name()
    } else {
        heading
    };
    write!(f, "\n## {heading}")?;
    // A catalog merged from several services: whose codes these are.
    for (index, service) in category.services().iter().enumerate() {
        let lead = if index == 0 { " (" } else { ", " };
        write!(f, "{lead}{service}")?;
    }
    if !category.services().is_empty() {
        f.write_str(")")?;
    }
    f.write_str("\n")?;
    let rest = rest.trim();
    if !rest.is_empty() {
        write!(f, "\n{rest}\n")?;
    }
    Ok(())
}

fn write_code(
    f: &mut fmt::Formatter<'_>,
    spec: &'static ErrorSpec,
    format: Format,
    locale: Option<&str>,
) -> fmt::Result {
    let translation = locale.and_then(|tag| spec.translation(tag));
    let title = translation
        .and_then(Translation::title)
        .unwrap_or(spec.title());
    write!(f, "\n### `{}`: {title}\n\n", spec.code())?;
    let status = spec.status();
    write!(
        f,
        "**HTTP status:** {} {} · **Retryable:** {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error"),
        if spec.retryable() { "yes" } else { "no" },
    )?;
    match (
        spec.retry_after(),
        spec.fields().iter().find(|field| field.retry_after()),
    ) {
        (_, Some(field)) => write!(
            f,
            " · **Retry-After:** the `{}` detail, in seconds",
            field.name()
        )?,
        (Some(seconds), None) => write!(f, " · **Retry-After:** {seconds} seconds")?,
        (None, None) => {}
    }
    for (index, header) in spec.headers().iter().enumerate() {
        let lead = if index == 0 {
            " · **Headers:** "
        } else {
            ", "
        };
        write!(f, "{lead}`{header}`")?;
    }
    f.write_str("\n")?;
    if let Some(deprecation) = spec.deprecation() {
        f.write_str("\n**Deprecated**")?;
        deprecation.write_after_lead(f)?;
        f.write_str("\n")?;
    }
    if !spec.description().is_empty() {
        write!(f, "\n{}\n", spec.description())?;
    }
    let body = match locale {
        Some(tag) => example_text_in(spec, format, tag),
        None => example_text(spec, format),
    };
    write!(f, "\n```json\n{body}\n```\n")?;
    if !spec.causes().is_empty() {
        f.write_str("\n**Possible causes:**\n\n")?;
        for cause in spec.causes() {
            writeln!(f, "- {cause}")?;
        }
    }
    let resolution = translation
        .and_then(Translation::resolution)
        .or(spec.resolution());
    if let Some(resolution) = resolution {
        write!(f, "\n**Resolution:** {resolution}\n")?;
    }
    if let Some(url) = spec.docs_url() {
        write!(f, "\n**Docs:** <{url}>\n")?;
    }
    Ok(())
}
