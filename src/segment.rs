//! Stage 2, **segment**: [`Document`] → paragraphs and [`Sentence`]s with byte spans and lines.
//!
//! Blocks come first, cut by a news layer that sentencex does not do: a blank line ends a
//! paragraph, a line that ends a sentence ends one too (one paragraph per line, as most saved
//! articles are), and a short line without end punctuation (headline, dateline, caption,
//! "Published On …") stands alone. Inside a block, `sentencex` splits sentences (abbreviations
//! such as U.S., Sept., Dr.; initials), and two fix-ups follow: a split after `a.m.`/`p.m.`
//! before a time zone is undone, and a quotation that spans sentences stays one segment.
//! No I/O, no interpretation of what the sentences say.

use crate::model::{Document, Sentence};

/// Splits a document into sentences. Paragraph indices count blocks from 0.
pub fn segment(doc: &Document) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph, block) in blocks(&doc.text).into_iter().enumerate() {
        for span in sentence_spans(&doc.text, block) {
            let (line, col) = doc.position(span.start);
            let text = collapse_whitespace(&doc.text[span.clone()]);
            sentences.push(Sentence {
                index: sentences.len(),
                paragraph,
                span,
                line,
                col,
                text,
            });
        }
    }
    sentences
}

/// Byte ranges of the paragraphs/blocks of `text`, trimmed, never empty.
fn blocks(text: &str) -> Vec<std::ops::Range<usize>> {
    let lines: Vec<(usize, &str)> = {
        let mut out = Vec::new();
        let mut start = 0;
        for piece in text.split_inclusive('\n') {
            out.push((start, piece.trim_end_matches('\n')));
            start += piece.len();
        }
        out
    };
    let mut blocks = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (i, &(start, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_boilerplate(trimmed) {
            if let Some(b) = current.take() {
                blocks.push(b.0..b.1);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let end = start + line.trim_end().len();
        let begin = start + lead;
        current = Some(match current {
            Some((s, _)) => (s, end),
            None => (begin, end),
        });
        let next = lines.get(i + 1).map(|(_, l)| l.trim()).unwrap_or("");
        if ends_block(trimmed, next)
            && let Some(b) = current.take()
        {
            blocks.push(b.0..b.1);
        }
    }
    if let Some(b) = current {
        blocks.push(b.0..b.1);
    }
    blocks
}

/// Page furniture that saved articles carry inside the text ("Recommended Stories", "list of
/// 3 items", "end of list", "Advertisement"): not part of the article, so not segmented.
fn is_boilerplate(line: &str) -> bool {
    static BOILERPLATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^(?:recommended stories|related stories|read more|advertisement|skip to (?:main )?content|share this article|list of \d+ items?(?:\s*end of list)?|end of list)$",
        )
        .expect("valid regex")
    });
    BOILERPLATE.is_match(line)
}

/// Whether a line break after `line` (followed by `next`) ends a block rather than wrapping.
fn ends_block(line: &str, next: &str) -> bool {
    if next.is_empty() {
        return true;
    }
    if ends_sentence(line) {
        return true;
    }
    // A short line without end punctuation before a capitalised line: a headline or caption.
    let starts_upper = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c));
    starts_upper && line.split_whitespace().count() <= 12
}

fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    core.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Sentence spans inside one block, with the news fix-ups applied.
fn sentence_spans(text: &str, block: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let block_text = &text[block.clone()];
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", block_text) {
        let piece = &block_text[b.start_byte..b.end_byte];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = block.start + b.start_byte + lead;
        spans.push(start..start + trimmed.len());
    }
    if spans.is_empty() {
        return spans;
    }
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(prev) = merged.last_mut()
            && (quote_open(&text[prev.clone()])
                || splits_time_zone(&text[prev.clone()], &text[span.clone()]))
        {
            prev.end = span.end;
            continue;
        }
        merged.push(span);
    }
    merged
}

/// Whether a quotation opened in `s` is still open at its end.
fn quote_open(s: &str) -> bool {
    let curly_open = s.matches('“').count();
    let curly_close = s.matches('”').count();
    if curly_open > curly_close {
        return true;
    }
    s.matches('"').count() % 2 == 1
}

fn splits_time_zone(prev: &str, next: &str) -> bool {
    let p = prev.trim_end().to_ascii_lowercase();
    if !(p.ends_with("a.m.") || p.ends_with("p.m.")) {
        return false;
    }
    let first = next
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',']);
    matches!(
        first,
        "ET" | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "BST"
            | "UTC"
            | "CET"
            | "CEST"
            | "Eastern"
            | "Pacific"
            | "Central"
            | "Mountain"
            | "local"
    )
}

/// Runs of whitespace (including wrapped newlines) become one space.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;

    fn texts(src: &str) -> Vec<String> {
        let doc = load_bytes("t.txt", src.as_bytes()).unwrap();
        segment(&doc).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = texts("The U.S. envoy met Dr. Ames on Sept. 5 in Washington. Gov. Lee left.\n");
        assert_eq!(
            s,
            [
                "The U.S. envoy met Dr. Ames on Sept. 5 in Washington.",
                "Gov. Lee left."
            ]
        );
    }

    #[test]
    fn headline_lines_stand_alone() {
        let s = texts(
            "Storm hits coast\nAt least 12 people died on Friday. Officials said so.\nUncertain\nThe talks went on.\n",
        );
        assert_eq!(
            s,
            [
                "Storm hits coast",
                "At least 12 people died on Friday.",
                "Officials said so.",
                "Uncertain",
                "The talks went on."
            ]
        );
    }

    #[test]
    fn page_furniture_is_dropped() {
        let s = texts(
            "Lead sentence here.\nRecommended Stories\nlist of 3 itemsend of list\nA summit met on Thursday.\n",
        );
        assert_eq!(s, ["Lead sentence here.", "A summit met on Thursday."]);
    }

    #[test]
    fn wrapped_lines_join() {
        let s =
            texts("The minister said the plan, which was agreed\nlast week, would cost more.\n");
        assert_eq!(
            s,
            ["The minister said the plan, which was agreed last week, would cost more."]
        );
    }

    #[test]
    fn quote_spanning_sentences_stays_whole() {
        let s = texts("“I repeat once again. Russia will act,” he said. Then he left.\n");
        assert_eq!(
            s,
            [
                "“I repeat once again. Russia will act,” he said.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn time_zone_after_pm_is_joined() {
        let s = texts("The vote closes at 4 p.m. Eastern time. Counting starts later.\n");
        assert_eq!(s[0], "The vote closes at 4 p.m. Eastern time.");
    }

    #[test]
    fn paragraphs_and_lines_are_tracked() {
        let doc = load_bytes(
            "t.txt",
            b"source: W\n\nFirst one. Second one.\n\nThird one.\n",
        )
        .unwrap();
        let s = segment(&doc);
        assert_eq!(
            s.iter()
                .map(|s| (s.paragraph, s.line, s.col))
                .collect::<Vec<_>>(),
            [(0, 3, 1), (0, 3, 12), (1, 5, 1)]
        );
    }
}
