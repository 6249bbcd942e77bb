//! JSON: one object with `text` (or `body`) and optional `source`, `url`, `title`,
//! `published`, `modified`. Line numbers count lines of the text value itself.

use serde_json::Value;

use super::{LoadError, apply_meta};
use crate::model::{Anchor, Document, Metadata};

pub(super) fn load_json(name: &str, content: &str) -> Result<Document, LoadError> {
    let value: Value = serde_json::from_str(content)
        .map_err(|e| LoadError::at_line(name, e.line() as u32, format!("invalid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(LoadError::new(
            name,
            "JSON input must be an object with a `text` or `body` field",
        ));
    };
    let mut meta = Metadata::default();
    let mut text = None;
    for (key, value) in &map {
        match (key.as_str(), value) {
            ("text" | "body", Value::String(s)) => {
                text.get_or_insert_with(|| s.clone());
            }
            ("text" | "body", _) => {
                return Err(LoadError::new(
                    name,
                    format!("JSON field `{key}` must be a string"),
                ));
            }
            (_, Value::String(s)) => {
                apply_meta(&mut meta, key, s).map_err(|m| LoadError::new(name, m))?;
            }
            (_, Value::Number(n)) => {
                meta.extra.insert(key.to_ascii_lowercase(), n.to_string());
            }
            _ => {}
        }
    }
    let text =
        text.ok_or_else(|| LoadError::new(name, "JSON object has no `text` or `body` string"))?;
    Ok(Document {
        name: name.to_string(),
        text,
        meta,
        anchors: vec![Anchor {
            offset: 0,
            line: 1,
            col: 1,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_metadata() {
        let doc = load_json(
            "a.json",
            r#"{"source":"Wire","published":"2025-09-05T08:00:00Z","body":"One.\nTwo."}"#,
        )
        .unwrap();
        assert_eq!(doc.text, "One.\nTwo.");
        assert_eq!(doc.meta.source.as_deref(), Some("Wire"));
        assert!(doc.meta.published.is_some());
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(
            load_json("a.json", "{\"text\": ")
                .unwrap_err()
                .message
                .starts_with("invalid JSON")
        );
        assert!(
            load_json("a.json", "[1]")
                .unwrap_err()
                .message
                .contains("object")
        );
        assert!(
            load_json("a.json", "{\"title\":\"x\"}")
                .unwrap_err()
                .message
                .contains("no `text`")
        );
    }
}
