//! Plain text: an optional block of `Key: value` lines at the top, ended by a blank line, or a
//! first line such as `Published On 5 Sep 2025`; the rest is the body, byte for byte.

use std::sync::LazyLock;

use regex::Regex;

use super::{LoadError, apply_meta, document_from_slice};
use crate::model::{Document, Metadata};

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Za-z][A-Za-z0-9_-]{0,30}):[ \t]*(.*)$").expect("valid regex")
});
static PUBLISHED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:first\s+)?published(?:\s+on)?\s*:?\s+(.+?)\s*$").expect("valid regex")
});

pub(super) fn load_text(name: &str, content: &str) -> Result<Document, LoadError> {
    let mut meta = Metadata::default();
    let start = parse_header_block(name, content, &mut meta)?;
    let mut start = start;
    // A first body line that only states the publication date is metadata too.
    let rest = &content[start..];
    let first_end = rest.find('\n').unwrap_or(rest.len());
    if let Some(c) = PUBLISHED_LINE.captures(&rest[..first_end])
        && let Some(date) = crate::calendar::parse_date(&c[1])
    {
        meta.published.get_or_insert(date);
        start += (first_end + 1).min(rest.len());
    }
    Ok(document_from_slice(name, content, start, meta))
}

/// Parses the header block if the file opens with one and returns where the body starts.
/// A block counts only when every line up to the first blank line is `Key: value`.
fn parse_header_block(name: &str, content: &str, meta: &mut Metadata) -> Result<usize, LoadError> {
    let Some(block_end) = content.find("\n\n") else {
        return Ok(0);
    };
    let block = &content[..block_end];
    let mut pairs = Vec::new();
    for line in block.lines() {
        match HEADER_LINE.captures(line) {
            Some(c) => pairs.push((
                c.get(1).map_or("", |m| m.as_str()),
                c.get(2).map_or("", |m| m.as_str()),
            )),
            None => return Ok(0),
        }
    }
    // A single short "Update: …" line is more likely prose than a header: ask for a known key.
    const KNOWN: [&str; 8] = [
        "source",
        "url",
        "title",
        "published",
        "modified",
        "date",
        "outlet",
        "author",
    ];
    if !pairs
        .iter()
        .any(|(k, _)| KNOWN.contains(&k.to_ascii_lowercase().as_str()))
    {
        return Ok(0);
    }
    for (i, (key, value)) in pairs.iter().enumerate() {
        apply_meta(meta, key, value).map_err(|m| LoadError::at_line(name, i as u32 + 1, m))?;
    }
    // Skip the blank line(s) after the block.
    let mut start = block_end;
    while content[start..].starts_with('\n') {
        start += 1;
    }
    Ok(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn header_block_becomes_metadata() {
        let src = "source: Wire\nurl: https://x\npublished: 5 Sep 2025\nversion: v2, note\n\nBody line.\n";
        let doc = load_text("a.txt", src).unwrap();
        assert_eq!(doc.text, "Body line.\n");
        assert_eq!(doc.meta.source.as_deref(), Some("Wire"));
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2025, 9, 5));
        assert_eq!(
            doc.meta.extra.get("version").map(String::as_str),
            Some("v2, note")
        );
        assert_eq!(doc.position(0), (6, 1));
    }

    #[test]
    fn published_on_first_line() {
        let doc = load_text("a.txt", "Published On 5 Sep 2025\nPutin spoke.\n").unwrap();
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2025, 9, 5));
        assert_eq!(doc.text, "Putin spoke.\n");
        assert_eq!(doc.position(0), (2, 1));
    }

    #[test]
    fn prose_with_colon_is_not_a_header() {
        let src = "Update: the bridge reopened.\n\nMore text.\n";
        let doc = load_text("a.txt", src).unwrap();
        assert_eq!(doc.text, src);
    }

    #[test]
    fn bad_date_in_header_names_the_line() {
        let e = load_text("a.txt", "source: W\npublished: someday\n\nBody.\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string()
                .starts_with("a.txt:2: `published` is not a date")
        );
    }
}
