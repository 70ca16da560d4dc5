//! The translator's template: every code's default texts as a Fluent file, the start of
//! a new locale of `#[api_error(locales = "..")]`.

use core::fmt::Write as _;

use crate::catalog::Catalog;
use crate::model::locale::message_id;

impl Catalog {
    /// Every code's default message as a Fluent file: the message whose id is the code
    /// (`.` written `-`), its `.title`, its `.resolution` when it has one, and its doc
    /// comment as a Fluent comment; a `##` comment opens each type. Copied to
    /// `locales/<tag>/errors.ftl` and translated, it makes a complete locale.
    ///
    /// `{field}` placeholders become `{ $field }` (a format spec is dropped); literal
    /// braces become Fluent string literals.
    ///
    /// ```
    /// use error_catalog::{catalog, ApiError};
    ///
    /// /// Project errors.
    /// #[derive(Debug, ApiError)]
    /// pub enum ProjectError {
    ///     /// The project does not exist.
    ///     #[error(code = "project.not_found", status = 404, message = "Project {id} not found",
    ///             resolution = "Check the ID.")]
    ///     NotFound { id: String },
    /// }
    ///
    /// assert_eq!(
    ///     catalog!(ProjectError).fluent_template(),
    ///     "## ProjectError: Project errors.\n\n# The project does not exist.\n\
    ///      project-not_found = Project { $id } not found\n    .title = Project not found\n    .resolution = Check the ID.\n",
    /// );
    /// ```
    pub fn fluent_template(&self) -> String {
        let mut out = String::new();
        let mut category = None;
        for spec in self {
            let name = spec.category().name();
            if category != Some(name) {
                if category.is_some() {
                    out.push('\n');
                }
                let doc = spec.category().doc();
                let _ = if doc.is_empty() {
                    writeln!(out, "## {name}")
                } else {
                    writeln!(out, "## {name}: {doc}")
                };
                category = Some(name);
            }
            out.push('\n');
            for line in spec.description().lines() {
                let _ = writeln!(out, "# {line}");
            }
            let _ = writeln!(
                out,
                "{} = {}",
                message_id(spec.code()),
                pattern(spec.message())
            );
            let _ = writeln!(out, "    .title = {}", pattern(spec.title()));
            if let Some(resolution) = spec.resolution() {
                let _ = writeln!(out, "    .resolution = {}", pattern(resolution));
            }
        }
        out
    }
}

/// A message template as a Fluent pattern: `{id}` → `{ $id }`, `{{` → `{ "{" }`.
fn pattern(template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push_str("{ \"{\" }");
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push_str("{ \"}\" }");
            }
            '{' => {
                let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let name = inner.split(':').next().unwrap_or_default().trim();
                let _ = write!(out, "{{ ${name} }}");
            }
            '}' => out.push_str("{ \"}\" }"),
            // A line break would end the pattern.
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pattern;

    #[test]
    fn templates_become_fluent_patterns() {
        assert_eq!(pattern("Seat {0} of {max:>3}"), "Seat { $0 } of { $max }");
        assert_eq!(pattern("use {{json}}"), "use { \"{\" }json{ \"}\" }");
        assert_eq!(pattern("a\nb"), "a b");
    }
}
