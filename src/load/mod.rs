//! Stage 1, **load**: bytes → [`Document`] (body text + metadata + a map back to source lines).
//!
//! Takes a name as given on the command line (a path, or `-` for stdin) and gives a document
//! whose `text` is the article body only: a plain-text header block, Markdown front matter and
//! markup, or a JSON envelope are removed, and the metadata they carry is parsed. The only stage
//! that touches files. Every failure is a [`LoadError`] naming the file and what is wrong; no
//! input makes it panic.

mod header;
mod html;
mod json;
mod markdown;

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::model::{Anchor, Document, Metadata};

/// Why a document could not be loaded. Its `Display` is the one line a user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The document as named by the user.
    pub name: String,
    /// The source line the problem is on, when there is one.
    pub line: Option<u32>,
    pub message: String,
}

impl LoadError {
    pub fn new(name: &str, message: impl Into<String>) -> Self {
        LoadError {
            name: name.to_string(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at_line(name: &str, line: u32, message: impl Into<String>) -> Self {
        LoadError {
            name: name.to_string(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.name, line, self.message),
            None => write!(f, "{}: {}", self.name, self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// The input formats the loader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text with an optional `Key: value` header block.
    Text,
    /// Markdown with optional YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// A JSON object with `text` or `body` and metadata keys.
    Json,
    /// A saved web page: the main article text and its meta tags / JSON-LD.
    Html,
}

impl Format {
    /// The format a file name implies, or a guess from the content for stdin and unknown names.
    pub fn detect(name: &str, content: &str) -> Format {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("json") => Format::Json,
            Some("txt" | "text") => Format::Text,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => {
                let head = content.trim_start_matches('\u{feff}');
                let lower = head
                    .trim_start()
                    .get(..15)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if head.trim_start().starts_with('{') {
                    Format::Json
                } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
                    Format::Html
                } else if head.starts_with("---\n") || head.starts_with("+++\n") {
                    Format::Markdown
                } else {
                    Format::Text
                }
            }
        }
    }
}

/// Loads a document by name: a file path, `-` for standard input, or `REV:PATH` for a file
/// at a git revision (when no file has that name; the document keeps the name as given).
pub fn load(name: &str) -> Result<Document, LoadError> {
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| LoadError::new(name, format!("cannot read standard input: {e}")))?;
        buf
    } else if let Some((rev, path)) = crate::git::split_rev_path(name)
        && !Path::new(name).exists()
    {
        crate::git::show(rev, path).map_err(|e| match e {
            crate::git::GitError::NoSuchFile { .. } => {
                LoadError::new(name, "no such file (at that revision)")
            }
            crate::git::GitError::NotRepository(dir) => LoadError::new(
                name,
                format!("no such file, and {dir} is not in a git repository to read REV:PATH from"),
            ),
            crate::git::GitError::UnknownRevision(rev) => LoadError::new(
                name,
                format!("no such file, and {rev:?} is not a revision of this repository"),
            ),
            crate::git::GitError::NotAFile { .. } => {
                LoadError::new(name, "is a directory at that revision, not a file")
            }
            crate::git::GitError::Failed(message) => LoadError::new(name, message),
        })?
    } else {
        read_file(name)?
    };
    load_bytes(name, &bytes)
}

fn read_file(name: &str) -> Result<Vec<u8>, LoadError> {
    let path = Path::new(name);
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::new(name, "no such file"));
        }
        Err(e) => return Err(LoadError::new(name, format!("cannot read: {e}"))),
        Ok(m) if m.is_dir() => return Err(LoadError::new(name, "is a directory, not a file")),
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|e| LoadError::new(name, format!("cannot read: {e}")))
}

/// Loads a document from bytes already read; `name` decides the format and names errors.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    // A page may declare an encoding other than UTF-8: the HTML loader decodes it.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    if Format::detect(name, &head) == Format::Html {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(LoadError::new(
                name,
                "empty file: there is no text to compare",
            ));
        }
        return html::load_html(name, bytes);
    }
    let content = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32
            + 1;
        LoadError::at_line(
            name,
            line,
            format!(
                "not valid UTF-8 (byte {} is not part of a character)",
                e.valid_up_to()
            ),
        )
    })?;
    // Windows line ends become `\n`; line numbers stay the same.
    let content = content.replace("\r\n", "\n");
    let content = content.strip_prefix('\u{feff}').unwrap_or(&content);
    if content.trim().is_empty() {
        return Err(LoadError::new(
            name,
            "empty file: there is no text to compare",
        ));
    }
    let doc = match Format::detect(name, content) {
        Format::Text => header::load_text(name, content)?,
        Format::Markdown => markdown::load_markdown(name, content)?,
        Format::Json => json::load_json(name, content)?,
        Format::Html => html::load_html(name, content.as_bytes())?,
    };
    if doc.text.trim().is_empty() {
        return Err(LoadError::new(name, "no article text after the metadata"));
    }
    Ok(doc)
}

/// Applies one `key: value` metadata pair; dates must parse. Unknown keys are kept verbatim.
pub(crate) fn apply_meta(meta: &mut Metadata, key: &str, value: &str) -> Result<(), String> {
    let value = value.trim();
    let key = key.trim().to_ascii_lowercase();
    match key.as_str() {
        "source" | "outlet" | "publisher" | "site" => meta.source = Some(value.to_string()),
        "url" | "link" => meta.url = Some(value.to_string()),
        "title" | "headline" => meta.title = Some(value.to_string()),
        "published" | "date" | "published_at" | "datepublished" => {
            meta.published = Some(
                crate::calendar::parse_date(value)
                    .ok_or_else(|| format!("`{key}` is not a date I can read: {value:?}"))?,
            );
        }
        "modified" | "updated" | "datemodified" | "last_updated" => {
            meta.modified = Some(
                crate::calendar::parse_date(value)
                    .ok_or_else(|| format!("`{key}` is not a date I can read: {value:?}"))?,
            );
        }
        _ => {
            meta.extra.insert(key, value.to_string());
        }
    }
    Ok(())
}

/// A document whose body is `source[start..]`, so positions follow the source exactly.
pub(crate) fn document_from_slice(
    name: &str,
    source: &str,
    start: usize,
    meta: Metadata,
) -> Document {
    let line = source[..start].matches('\n').count() as u32 + 1;
    Document {
        name: name.to_string(),
        text: source[start..].to_string(),
        meta,
        anchors: vec![Anchor {
            offset: 0,
            line,
            col: 1,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_and_binary() {
        assert!(
            load_bytes("a.txt", b"")
                .unwrap_err()
                .message
                .contains("empty")
        );
        assert!(
            load_bytes("a.txt", b"  \n\n")
                .unwrap_err()
                .message
                .contains("empty")
        );
        let e = load_bytes("a.txt", b"ok\n\xff\xfe").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt:2: not valid UTF-8 (byte 3 is not part of a character)"
        );
    }

    #[test]
    fn missing_file_and_directory() {
        assert_eq!(
            load("no/such/file.txt").unwrap_err().to_string(),
            "no/such/file.txt: no such file"
        );
        assert!(load("src").unwrap_err().message.contains("directory"));
    }

    #[test]
    fn detects_formats() {
        assert_eq!(Format::detect("a.md", ""), Format::Markdown);
        assert_eq!(Format::detect("-", "{\"text\": \"x\"}"), Format::Json);
        assert_eq!(
            Format::detect("-", "---\ntitle: x\n---\nBody"),
            Format::Markdown
        );
        assert_eq!(Format::detect("-", "Plain words."), Format::Text);
    }

    #[test]
    fn crlf_is_normalized() {
        let doc = load_bytes("a.txt", b"One.\r\nTwo.\r\n").unwrap();
        assert_eq!(doc.text, "One.\nTwo.\n");
        assert_eq!(doc.position(5), (2, 1));
    }
}
