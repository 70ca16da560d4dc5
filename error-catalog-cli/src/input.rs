//! Reading the inputs: every failure is one line naming the file.

use core::fmt;
use std::path::Path;

use error_catalog::Catalog;

/// Bad input: the file and what is wrong with it (exit status 2).
pub struct Failure {
    pub path: String,
    pub what: String,
}

impl Failure {
    pub fn new(path: &Path, what: impl fmt::Display) -> Self {
        Failure {
            path: path.display().to_string(),
            what: what.to_string(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.what)
    }
}

/// The text of the file at `path`.
pub fn text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|error| Failure::new(path, format!("cannot read it: {error}")))
}

/// The catalog exported into the file at `path` (whose text, like the catalog, lives
/// until the process ends).
pub fn catalog(path: &Path) -> Result<Catalog, Failure> {
    Catalog::from_static_json(String::leak(text(path)?)).map_err(|error| Failure::new(path, error))
}
