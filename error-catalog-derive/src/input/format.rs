//! The values of `format = ".."`: one table, the names of the runtime's `Format::name`.

/// A built-in wire format, as the runtime's `Format` enum names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Nested,
    Flat,
    Compact,
    Problem,
    Google,
}

/// Every format by the name written in `format = ".."`, in the order errors list them.
pub const FORMATS: &[(&str, Format)] = &[
    ("nested", Format::Nested),
    ("flat", Format::Flat),
    ("compact", Format::Compact),
    ("problem", Format::Problem),
    ("google", Format::Google),
];

impl Format {
    /// The format of a type without `format = ".."`.
    pub const DEFAULT: Format = Format::Problem;

    pub fn from_name(name: &str) -> Option<Self> {
        FORMATS
            .iter()
            .find(|(format_name, _)| *format_name == name)
            .map(|(_, format)| *format)
    }

    /// The error for a name that is not a format, listing the names that are.
    pub fn unknown(name: &str) -> String {
        let names: Vec<&str> = FORMATS.iter().map(|(name, _)| *name).collect();
        format!(
            "unknown format `{name}`; expected one of: {}",
            names.join(", ")
        )
    }

    /// The name of the runtime's `Format` variant.
    pub fn variant(self) -> &'static str {
        match self {
            Format::Nested => "Nested",
            Format::Flat => "Flat",
            Format::Compact => "Compact",
            Format::Problem => "Problem",
            Format::Google => "Google",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_by_name() {
        let expected = [
            ("nested", "Nested"),
            ("flat", "Flat"),
            ("compact", "Compact"),
            ("problem", "Problem"),
            ("google", "Google"),
        ];
        assert_eq!(expected.len(), FORMATS.len());
        for (name, variant) in expected {
            assert_eq!(Format::from_name(name).unwrap().variant(), variant);
        }
        assert_eq!(Format::DEFAULT, Format::Problem);
    }

    #[test]
    fn unknown_format_lists_the_names() {
        assert_eq!(Format::from_name("xml"), None);
        assert_eq!(Format::from_name("Problem"), None);
        assert_eq!(
            Format::unknown("xml"),
            "unknown format `xml`; expected one of: nested, flat, compact, problem, google"
        );
    }
}
