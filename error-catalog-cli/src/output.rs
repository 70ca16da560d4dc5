//! Writing a document to a file or to standard output, and GitHub's annotation lines.

use std::io::{BufWriter, Write};
use std::path::Path;

use crate::input::Failure;

/// Writes `text` to `path`, or to standard output without one.
pub fn write(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(path) => std::fs::write(path, text)
            .map_err(|error| Failure::new(path, format!("cannot write it: {error}"))),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|error| Failure::new(Path::new("<stdout>"), error))
        }
    }
}

/// Writes what `write` writes to `path`, or to standard output without one, through a
/// buffer: a large document (a merged catalog, its Markdown page) goes out as it is
/// made, never held whole in memory.
pub fn stream(
    path: Option<&Path>,
    write: impl FnOnce(&mut BufWriter<Box<dyn Write>>) -> std::io::Result<()>,
) -> Result<(), Failure> {
    const BUFFER: usize = 1 << 16;
    let (name, sink): (&Path, Box<dyn Write>) = match path {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => (path, Box::new(file)),
            Err(error) => return Err(Failure::new(path, format!("cannot write it: {error}"))),
        },
        None => (Path::new("<stdout>"), Box::new(std::io::stdout().lock())),
    };
    let mut out = BufWriter::with_capacity(BUFFER, sink);
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|error| match path {
            Some(_) => Failure::new(name, format!("cannot write it: {error}")),
            None => Failure::new(name, error),
        })
}

/// A GitHub Actions workflow command: `::<level> file=<file>,title=<title>::<message>`,
/// with the characters the format reserves escaped.
pub fn annotation(level: &str, file: &str, title: &str, message: &str) -> String {
    format!(
        "::{level} file={},title={}::{}",
        escape(file, true),
        escape(title, true),
        escape(message, false)
    )
}

fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}
