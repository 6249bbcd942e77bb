//! Markdown: optional YAML (`---`) or TOML (`+++`) front matter with flat keys, then the body
//! rendered to plain text with pulldown-cmark. Sentences are read from the rendered text;
//! anchors taken at every text event keep line numbers pointing at the Markdown source.

use pulldown_cmark::{Event, Options, Parser, TagEnd};

use super::{LoadError, apply_meta};
use crate::model::{Anchor, Document, Metadata};

pub(super) fn load_markdown(name: &str, content: &str) -> Result<Document, LoadError> {
    let mut meta = Metadata::default();
    let body_start = parse_front_matter(name, content, &mut meta)?;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(content.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let position = |offset: usize| -> (u32, u32) {
        let line = line_starts.partition_point(|&s| s <= offset);
        let col = content[line_starts[line - 1]..offset].chars().count() as u32 + 1;
        (line as u32, col)
    };

    let body = &content[body_start..];
    let mut text = String::with_capacity(body.len());
    let mut anchors = Vec::new();
    // Smart punctuation stays off: it would rewrite the quotes we compare.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                let (line, col) = position(body_start + range.start);
                anchors.push(Anchor {
                    offset: text.len(),
                    line,
                    col,
                });
                text.push_str(&t);
            }
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::HtmlBlock,
            ) => end_block(&mut text),
            Event::End(TagEnd::TableCell) => text.push_str(" | "),
            _ => {}
        }
    }
    Ok(Document {
        name: name.to_string(),
        text,
        meta,
        anchors,
    })
}

fn end_block(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

/// Reads front matter at the very top and returns the byte offset where the body starts.
fn parse_front_matter(name: &str, content: &str, meta: &mut Metadata) -> Result<usize, LoadError> {
    let (fence, separator) = if content.starts_with("---\n") {
        ("---", ':')
    } else if content.starts_with("+++\n") {
        ("+++", '=')
    } else {
        return Ok(0);
    };
    let mut offset = fence.len() + 1;
    for (i, line) in content[offset..].split_inclusive('\n').enumerate() {
        let line_no = i as u32 + 2;
        offset += line.len();
        let line = line.trim_end_matches('\n');
        if line.trim_end() == fence {
            return Ok(offset);
        }
        let trimmed = line.trim();
        // Comments, blanks, nested or list values: not flat metadata, but not wrong either.
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || line.starts_with([' ', '\t'])
            || trimmed.starts_with("- ")
            || trimmed.starts_with('[')
        {
            continue;
        }
        let Some((key, value)) = line.split_once(separator) else {
            return Err(LoadError::at_line(
                name,
                line_no,
                format!(
                    "malformed front matter: expected `key{separator} value`, found {trimmed:?}"
                ),
            ));
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(LoadError::at_line(
                name,
                line_no,
                format!("malformed front matter key {key:?}"),
            ));
        }
        let value = unquote(value.trim());
        apply_meta(meta, key, &value).map_err(|m| LoadError::at_line(name, line_no, m))?;
    }
    Err(LoadError::at_line(
        name,
        1,
        format!("front matter opened with `{fence}` is never closed"),
    ))
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].to_string();
        }
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn yaml_front_matter_and_rendered_text() {
        let src = "---\ntitle: \"Summit\"\npublished: 2025-09-05\ntags:\n  - war\n---\n# Heading\n\nOne *big* sentence\nwraps here.\n\n- item one\n";
        let doc = load_markdown("a.md", src).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Summit"));
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2025, 9, 5));
        assert_eq!(
            doc.text,
            "Heading\n\nOne big sentence wraps here.\n\nitem one\n\n"
        );
        let wraps = doc.text.find("wraps").unwrap();
        assert_eq!(doc.position(wraps).0, 10);
        assert_eq!(doc.position(0), (7, 3));
    }

    #[test]
    fn toml_front_matter() {
        let doc =
            load_markdown("a.md", "+++\ntitle = 'T'\nsource = \"Wire\"\n+++\nBody.\n").unwrap();
        assert_eq!(doc.meta.source.as_deref(), Some("Wire"));
        assert_eq!(doc.text, "Body.\n\n");
    }

    #[test]
    fn unclosed_or_malformed_front_matter_is_an_error() {
        let e = load_markdown("a.md", "---\ntitle: x\nBody\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = load_markdown("a.md", "---\ntitle: x\n").unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
    }

    #[test]
    fn quotes_are_not_made_smart() {
        let doc = load_markdown("a.md", "He said \"no\".\n").unwrap();
        assert_eq!(doc.text, "He said \"no\".\n\n");
    }
}
