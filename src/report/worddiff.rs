//! Inline word diff of two sentences, for display only (facts are compared on claims).
//!
//! `similar` diffs word by word, which alternates deletions and insertions on a rewritten
//! phrase (`[-ruled-]{+Washington+} [-out-]{+will not+}`). Changed words separated only by
//! spaces are gathered into one deleted run and one inserted run, which reads as the edit it
//! was: `[-ruled out sending-]{+Washington will not send+}`.

use similar::{Algorithm, ChangeTag, TextDiff};

/// A run of text that is in both sentences, only the old one, or only the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Old(String),
    New(String),
}

/// Word-level changes from `old` to `new`, with changed phrases gathered.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(old, new);
    let mut out: Vec<Piece> = Vec::new();
    // The open changed phrase: its old and new words, and spaces held back until we know
    // whether the phrase goes on after them.
    let (mut del, mut ins, mut gap) = (String::new(), String::new(), String::new());
    let flush = |out: &mut Vec<Piece>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push(Piece::Old(std::mem::take(del)));
        }
        if !ins.is_empty() {
            out.push(Piece::New(std::mem::take(ins)));
        }
    };
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal if text.trim().is_empty() && !(del.is_empty() && ins.is_empty()) => {
                gap.push_str(text);
            }
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins);
                push_same(&mut out, &std::mem::take(&mut gap));
                push_same(&mut out, text);
            }
            // Spaces inside a phrase belong to both readings of it, so each side keeps them.
            ChangeTag::Delete => {
                del.push_str(&gap);
                ins.push_str(&gap);
                gap.clear();
                del.push_str(text);
            }
            ChangeTag::Insert => {
                del.push_str(&gap);
                ins.push_str(&gap);
                gap.clear();
                ins.push_str(text);
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    push_same(&mut out, &gap);
    out
}

fn push_same(out: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Same(prev)) => prev.push_str(text),
        _ => out.push(Piece::Same(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Same(t) => t.clone(),
                Piece::Old(t) => format!("[-{t}-]"),
                Piece::New(t) => format!("{{+{t}+}}"),
            })
            .collect()
    }

    #[test]
    fn marks_the_changed_words() {
        let d = word_diff(
            "26 states agreed on Thursday",
            "24 states agreed on Wednesday",
        );
        assert_eq!(
            show(&d),
            "[-26-]{+24+} states agreed on [-Thursday-]{+Wednesday+}"
        );
    }

    #[test]
    fn gathers_a_rewritten_phrase() {
        let d = word_diff(
            "Trump has ruled out sending troops",
            "Trump has said Washington will not send troops",
        );
        assert_eq!(
            show(&d),
            "Trump has [-ruled out sending-]{+said Washington will not send+} troops"
        );
    }

    #[test]
    fn both_readings_keep_their_spaces() {
        let d = word_diff(
            "the meeting either in person",
            "the meeting, some in person",
        );
        assert_eq!(show(&d), "the meeting[- either-]{+, some+} in person");
    }

    #[test]
    fn identical_text_is_one_piece() {
        assert_eq!(
            word_diff("Same words here.", "Same words here."),
            [Piece::Same("Same words here.".into())]
        );
    }
}
