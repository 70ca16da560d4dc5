//! The `rename_all` rules: one table, the names serde uses, conversions from `heck`.

use heck::{ToKebabCase, ToLowerCamelCase, ToShoutyKebabCase, ToShoutySnakeCase, ToSnakeCase};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

/// Every rule by the name written in `rename_all = ".."`, in the order errors list them.
pub const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    pub fn from_name(name: &str) -> Option<Self> {
        RULES
            .iter()
            .find(|(rule_name, _)| *rule_name == name)
            .map(|(_, rule)| *rule)
    }

    /// The error for a name that is not a rule, listing the names that are.
    pub fn unknown(name: &str) -> String {
        let names: Vec<&str> = RULES.iter().map(|(name, _)| *name).collect();
        format!(
            "unknown rename_all rule `{name}`; expected one of: {}",
            names.join(", ")
        )
    }

    /// Applies the rule to a variant name written in `PascalCase`.
    pub fn apply(self, variant: &str) -> String {
        match self {
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Camel => variant.to_lower_camel_case(),
            RenameRule::Snake => variant.to_snake_case(),
            RenameRule::ScreamingSnake => variant.to_shouty_snake_case(),
            RenameRule::Kebab => variant.to_kebab_case(),
            RenameRule::ScreamingKebab => variant.to_shouty_kebab_case(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_renames_a_variant() {
        let expected = [
            ("lowercase", "tokenexpired"),
            ("UPPERCASE", "TOKENEXPIRED"),
            ("PascalCase", "TokenExpired"),
            ("camelCase", "tokenExpired"),
            ("snake_case", "token_expired"),
            ("SCREAMING_SNAKE_CASE", "TOKEN_EXPIRED"),
            ("kebab-case", "token-expired"),
            ("SCREAMING-KEBAB-CASE", "TOKEN-EXPIRED"),
        ];
        assert_eq!(expected.len(), RULES.len());
        for (name, renamed) in expected {
            let rule = RenameRule::from_name(name).unwrap();
            assert_eq!(rule.apply("TokenExpired"), renamed, "{name}");
        }
    }

    #[test]
    fn unknown_rule_is_rejected() {
        assert_eq!(RenameRule::from_name("snake"), None);
        assert_eq!(RenameRule::from_name("Snake_Case"), None);
        assert_eq!(
            RenameRule::unknown("snake"),
            "unknown rename_all rule `snake`; expected one of: lowercase, UPPERCASE, \
             PascalCase, camelCase, snake_case, SCREAMING_SNAKE_CASE, kebab-case, \
             SCREAMING-KEBAB-CASE"
        );
    }

    #[test]
    fn acronyms_and_digits() {
        assert_eq!(RenameRule::Snake.apply("Http2Error"), "http2_error");
        assert_eq!(
            RenameRule::ScreamingSnake.apply("InvalidHardwareId"),
            "INVALID_HARDWARE_ID"
        );
    }
}
