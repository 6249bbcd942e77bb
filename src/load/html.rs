//! A saved web page: the article's main text (not navigation, ads or related links), found by
//! `dom_smoothie` (a port of Mozilla's Readability, which keeps paragraph breaks), with title,
//! byline, publisher and published/modified times from meta tags and JSON-LD. A page in
//! another encoding declared in its `<meta charset>` is decoded; an encoding nobody can
//! read is a clear error. Line numbers point at the paragraph's place in the HTML source.

use dom_smoothie::{Config, Readability, TextMode};

use super::{LoadError, apply_meta};
use crate::model::{Anchor, Document, Metadata};

pub(super) fn load_html(name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    let html = decode(name, bytes)?;
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = Readability::new(html.as_str(), None, Some(config))
        .map_err(|e| LoadError::new(name, format!("cannot read the page: {e}")))?;
    let article = readability
        .parse()
        .map_err(|e| LoadError::new(name, format!("no article text found in the page ({e})")))?;

    let mut meta = Metadata::default();
    let mut set = |key: &str, value: Option<&str>| {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            // A date the page states in a form we cannot read is kept as metadata text.
            if apply_meta(&mut meta, key, v).is_err() {
                meta.extra.insert(key.to_string(), v.to_string());
            }
        }
    };
    set("source", article.site_name.as_deref());
    set("title", Some(article.title.as_str()));
    set("author", article.byline.as_deref());
    set("published", article.published_time.as_deref());
    set("modified", article.modified_time.as_deref());
    set("url", article.url.as_deref());

    let text = normalize_paragraphs(&article.text_content, article.byline.as_deref());
    if text.trim().is_empty() {
        return Err(LoadError::new(name, "no article text found in the page"));
    }
    let anchors = paragraph_anchors(&html, &text);
    Ok(Document {
        name: name.to_string(),
        text,
        meta,
        anchors,
    })
}

/// The page as text: UTF-8 unless the page declares another encoding.
fn decode(name: &str, bytes: &[u8]) -> Result<String, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match declared_charset(bytes) {
        None => String::from_utf8(bytes.to_vec()).map_err(|e| {
            LoadError::new(
                name,
                format!(
                    "not valid UTF-8 (byte {}) and the page declares no other encoding",
                    e.utf8_error().valid_up_to()
                ),
            )
        }),
        Some(label) => {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                LoadError::new(
                    name,
                    format!("the page declares the encoding {label:?}, which factdiff cannot read"),
                )
            })?;
            let (text, _, had_errors) = encoding.decode(bytes);
            if had_errors {
                return Err(LoadError::new(
                    name,
                    format!("bytes that are not valid {}", encoding.name()),
                ));
            }
            Ok(text.into_owned())
        }
    }
}

/// The charset a page declares in its first few kilobytes (`<meta charset>` or the
/// `http-equiv` form), unless it is UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes
        .iter()
        .take(4096)
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let at = head.find("charset=")?;
    let rest = head[at + "charset=".len()..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    match label.as_str() {
        "" | "utf-8" | "utf8" => None,
        _ => Some(label),
    }
}

/// Paragraphs separated by one blank line, each on one line, whitespace collapsed; the
/// byline line ("By Jane Reporter, Moscow correspondent") is metadata, not article text.
fn normalize_paragraphs(text: &str, byline: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let is_byline = |p: &str| {
        let short = p.split_whitespace().count() <= 12;
        short && (p.starts_with("By ") || byline.is_some_and(|b| !b.is_empty() && p.contains(b)))
    };
    for para in text
        .split("\n\n")
        .map(crate::segment::collapse_whitespace)
        .filter(|p| !p.is_empty())
        .filter(|p| !is_byline(p))
    {
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

/// An anchor per paragraph at the source line where its opening words appear in the HTML.
fn paragraph_anchors(html: &str, text: &str) -> Vec<Anchor> {
    let mut anchors = Vec::new();
    let mut offset = 0;
    let mut search_from = 0;
    for para in text.split_inclusive("\n\n") {
        let probe: String = para.chars().take(24).collect::<String>();
        let probe = probe
            .split(['&', '<', '"', '\'', '’', '“', '”'])
            .next()
            .unwrap_or("")
            .trim();
        if probe.len() >= 8
            && let Some(found) = html[search_from..].find(probe)
        {
            let at = search_from + found;
            let line = html[..at].matches('\n').count() as u32 + 1;
            let col = html[..at]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count()) as u32
                + 1;
            anchors.push(Anchor { offset, line, col });
            search_from = at;
        }
        offset += para.len();
    }
    if anchors.first().is_none_or(|a| a.offset != 0) {
        anchors.insert(
            0,
            Anchor {
                offset: 0,
                line: 1,
                col: 1,
            },
        );
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Storm kills 26 | Example News</title>
<meta property="article:published_time" content="2025-09-10T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm kills 26","datePublished":"2025-09-10T08:00:00Z","dateModified":"2025-09-11T10:00:00Z","author":{"@type":"Person","name":"Jane Reporter"},"publisher":{"@type":"Organization","name":"Example News"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">31 dead in another storm</a></nav>
<div class="ad">Buy 40 widgets now</div>
<article><h1>Storm kills 26</h1>
<p class="byline">By Jane Reporter</p>
<p>At least 26 people died when the storm hit the coast on Tuesday, officials said.</p>
<p>Rescue teams searched flooded villages through the night, and the governor declared an emergency across three provinces.</p>
<p>“We have never seen water rise so fast,” said Mayor Lucia Ferrante, who lost her own home.</p>
<p>Power was cut to about 85,000 homes, the utility said, and schools will stay closed until Monday.</p>
</article>
<aside><h2>Related</h2><a href="/x">12 hurt in earlier flood</a></aside>
<footer>Copyright 2025</footer>
</body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let doc = load_html("page.html", PAGE.as_bytes()).unwrap();
        assert!(doc.text.contains("At least 26 people died"), "{}", doc.text);
        assert!(doc.text.contains("85,000 homes"));
        assert!(
            !doc.text.contains("31 dead"),
            "navigation is not article text"
        );
        assert!(!doc.text.contains("widgets") && !doc.text.contains("12 hurt"));
        assert_eq!(
            doc.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2025-09-10")
        );
        assert_eq!(
            doc.meta.modified.map(|d| d.to_string()).as_deref(),
            Some("2025-09-11")
        );
        assert_eq!(doc.meta.source.as_deref(), Some("Example News"));
        let at = doc.text.find("Rescue teams").unwrap();
        assert_eq!(
            doc.position(at).0,
            11,
            "line of the paragraph in the HTML source"
        );
    }

    #[test]
    fn declared_encodings() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Caf\xe9 owners said 26 people were hurt in the blast on Tuesday night in the old town.</p><p>Police said the investigation into the cause of the explosion would take several weeks.</p></article></body></html>";
        let doc = load_html("old.html", latin1).unwrap();
        assert!(doc.text.contains("Café owners"), "{}", doc.text);
        let e = load_html("odd.html", b"<meta charset=\"x-unknown-9\"><p>text</p>").unwrap_err();
        assert!(e.message.contains("x-unknown-9"), "{e}");
        let e = load_html("bad.html", b"<p>caf\xe9</p>").unwrap_err();
        assert!(e.message.contains("not valid UTF-8"), "{e}");
    }
}
