//! One Fluent message as the derive keeps it: its pattern, either plain (text and
//! `{ $field }` placeholders, which the runtime fills in like a default message) or with
//! selectors, functions or references (which the runtime hands to Fluent's own
//! formatter), and every variable it names.

use fluent_syntax::ast::{CallArguments, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::unicode::unescape_unicode_to_string;

/// A piece of a plain pattern.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A `{ $name }` placeholder.
    Field(String),
}

/// A pattern read from a file.
#[derive(Debug, PartialEq, Eq)]
pub struct Read {
    /// `Some` for a plain pattern; `None` for one that needs Fluent's formatter.
    pub plain: Option<Vec<Piece>>,
    /// Every variable the pattern names, in order, each once.
    pub variables: Vec<String>,
}

/// Reads a pattern.
pub fn read(pattern: &Pattern<&str>) -> Read {
    let mut pieces = Some(Vec::new());
    let mut variables = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(&mut pieces, value),
            PatternElement::Placeable { expression } => {
                expression_pieces(expression, &mut pieces, &mut variables);
            }
        }
    }
    // A NUL is the marker of the runtime's parsed form: such a text goes to Fluent.
    if let Some(list) = &pieces
        && list
            .iter()
            .any(|piece| matches!(piece, Piece::Text(text) if text.contains('\0')))
    {
        pieces = None;
    }
    Read {
        plain: pieces,
        variables,
    }
}

fn push_text(pieces: &mut Option<Vec<Piece>>, text: &str) {
    if let Some(list) = pieces {
        if let Some(Piece::Text(last)) = list.last_mut() {
            last.push_str(text);
        } else if !text.is_empty() {
            list.push(Piece::Text(text.to_owned()));
        }
    }
}

fn expression_pieces(
    expression: &Expression<&str>,
    pieces: &mut Option<Vec<Piece>>,
    variables: &mut Vec<String>,
) {
    match expression {
        Expression::Inline(inline) => inline_pieces(inline, pieces, variables),
        Expression::Select { selector, variants } => {
            *pieces = None;
            inline_pieces(selector, &mut None, variables);
            for variant in variants {
                let read = read(&variant.value);
                for name in read.variables {
                    add(variables, name);
                }
            }
        }
    }
}

fn inline_pieces(
    inline: &InlineExpression<&str>,
    pieces: &mut Option<Vec<Piece>>,
    variables: &mut Vec<String>,
) {
    match inline {
        InlineExpression::StringLiteral { value } => {
            push_text(pieces, &unescape_unicode_to_string(value));
        }
        InlineExpression::NumberLiteral { value } => push_text(pieces, value),
        InlineExpression::VariableReference { id } => {
            add(variables, id.name.to_owned());
            if let Some(list) = pieces {
                list.push(Piece::Field(id.name.to_owned()));
            }
        }
        InlineExpression::Placeable { expression } => {
            expression_pieces(expression, pieces, variables);
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            *pieces = None;
            argument_variables(arguments, variables);
        }
        InlineExpression::TermReference { arguments, .. } => {
            *pieces = None;
            if let Some(arguments) = arguments {
                argument_variables(arguments, variables);
            }
        }
        InlineExpression::MessageReference { .. } => *pieces = None,
    }
}

fn argument_variables(arguments: &CallArguments<&str>, variables: &mut Vec<String>) {
    let values = arguments
        .positional
        .iter()
        .chain(arguments.named.iter().map(|named| &named.value));
    for value in values {
        inline_pieces(value, &mut None, variables);
    }
}

fn add(variables: &mut Vec<String>, name: String) {
    if !variables.contains(&name) {
        variables.push(name);
    }
}

/// The Fluent message id of an error code: the code with each `.` written as `-`
/// (Fluent identifiers are ASCII letters, digits, `_` and `-`, starting with a letter),
/// after `e` when the code does not start with a letter: `not_found` → `not_found`,
/// `AUTH-401` → `AUTH-401`, `auth.401` → `auth-401`, `404` → `e404`.
pub fn message_id(code: &str) -> String {
    let id = code.replace('.', "-");
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id
    } else {
        format!("e{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(ftl: &str) -> Read {
        let resource = fluent_syntax::parser::parse(ftl).unwrap();
        let message = resource
            .body
            .iter()
            .find_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message),
                _ => None,
            })
            .unwrap();
        read(message.value.as_ref().unwrap())
    }

    #[test]
    fn plain_patterns_keep_text_and_fields() {
        let read = message("m = Projet « { $id } » introuvable { \"{\" }{ 3 }\n");
        assert_eq!(
            read.plain.unwrap(),
            [
                Piece::Text("Projet « ".into()),
                Piece::Field("id".into()),
                Piece::Text(" » introuvable {3".into()),
            ]
        );
        assert_eq!(read.variables, ["id"]);
    }

    #[test]
    fn selectors_functions_and_references_go_to_fluent() {
        let select = message(
            "m = { $count ->\n    [one] un { $what }\n   *[other] { $count } { $what }\n}\n",
        );
        assert_eq!(select.plain, None);
        assert_eq!(select.variables, ["count", "what"]);
        let function = message("m = { NUMBER($n, minimumFractionDigits: 2) }\n");
        assert_eq!(function.plain, None);
        assert_eq!(function.variables, ["n"]);
        assert_eq!(message("-brand = X\nm = { -brand }\n").plain, None);
    }

    #[test]
    fn ids_from_codes() {
        assert_eq!(message_id("not_found"), "not_found");
        assert_eq!(message_id("AUTH-401"), "AUTH-401");
        assert_eq!(message_id("auth.401"), "auth-401");
        assert_eq!(message_id("404"), "e404");
        assert_eq!(message_id("_x"), "e_x");
    }
}
