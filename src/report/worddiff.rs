//! Inline word diff of two sentences, for display only (facts are compared on claims).

use similar::{Algorithm, ChangeTag, TextDiff};

/// A run of text that is in both sentences, only the old one, or only the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Same(&'a str),
    Old(&'a str),
    New(&'a str),
}

/// Word-level changes from `old` to `new`, adjacent runs of one kind merged.
pub fn word_diff<'a>(old: &'a str, new: &'a str) -> Vec<Piece<'a>> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(old, new);
    let changes: Vec<(u8, usize)> = diff
        .iter_all_changes()
        .map(|change| {
            let kind = match change.tag() {
                ChangeTag::Equal => 0,
                ChangeTag::Delete => 1,
                ChangeTag::Insert => 2,
            };
            (kind, change.value().len())
        })
        .collect();
    merge(changes, old, new)
}

/// Joins neighbouring pieces of the same kind back into one slice of their sentence.
fn merge<'a>(changes: Vec<(u8, usize)>, old: &'a str, new: &'a str) -> Vec<Piece<'a>> {
    // Changes are (kind, byte length) runs of `old` and `new`, in order: re-slice them.
    let mut out: Vec<Piece<'a>> = Vec::new();
    let (mut po, mut pn) = (0usize, 0usize);
    for (kind, len) in changes {
        let merged = match (out.last_mut(), kind) {
            (Some(Piece::Same(prev)), 0) => {
                *prev = &old[po - prev.len()..po + len];
                true
            }
            (Some(Piece::Old(prev)), 1) => {
                *prev = &old[po - prev.len()..po + len];
                true
            }
            (Some(Piece::New(prev)), 2) => {
                *prev = &new[pn - prev.len()..pn + len];
                true
            }
            _ => false,
        };
        if !merged {
            out.push(match kind {
                0 => Piece::Same(&old[po..po + len]),
                1 => Piece::Old(&old[po..po + len]),
                _ => Piece::New(&new[pn..pn + len]),
            });
        }
        match kind {
            0 => {
                po += len;
                pn += len;
            }
            1 => po += len,
            _ => pn += len,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_changed_words() {
        let d = word_diff(
            "26 states agreed on Thursday",
            "24 states agreed on Wednesday",
        );
        assert_eq!(
            d,
            [
                Piece::Old("26"),
                Piece::New("24"),
                Piece::Same(" states agreed on "),
                Piece::Old("Thursday"),
                Piece::New("Wednesday")
            ]
        );
    }
}
