//! Stage 5, **align**: the sentences of two versions → an [`Alignment`]: which old sentence
//! became which new one, and which were removed or added.
//!
//! An exact pass first: `similar`'s Patience diff over normalized sentence keys (case, quote
//! style, whitespace and punctuation folded), so untouched and punctuation-only sentences
//! pair cheaply. Then a sentence deleted in one place and inserted elsewhere with the same key
//! is `moved`. Then, inside each replaced block, edited sentences pair greedily by word
//! similarity; last, leftovers anywhere pair at a stricter bar (moved and edited). Candidate
//! pairs come from an index of shared rare words, so no step compares every sentence with
//! every other. Every link carries its score and the reason it was made.

use std::collections::{BTreeMap, HashMap};

use similar::{Algorithm, DiffTag, capture_diff_slices_by_key};

use crate::model::Sentence;

/// Why two sentences were linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    /// Same key in the same order: nothing but whitespace, case or punctuation changed.
    Same,
    /// Same key, another position.
    Moved,
    /// Edited in place: paired inside a replaced block.
    Edited,
    /// Edited and moved: paired across the document.
    MovedEdited,
}

/// An old sentence linked to a new one.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub old: usize,
    pub new: usize,
    pub kind: LinkKind,
    /// Word similarity in 0..=1 (1 for `Same` and `Moved`).
    pub score: f64,
}

impl Link {
    /// A short reason a report can show.
    pub fn reason(&self) -> String {
        match self.kind {
            LinkKind::Same => "same sentence".to_string(),
            LinkKind::Moved => "same sentence, moved".to_string(),
            LinkKind::Edited => format!("edited in place, {:.0}% words shared", self.score * 100.0),
            LinkKind::MovedEdited => {
                format!("moved and edited, {:.0}% words shared", self.score * 100.0)
            }
        }
    }
}

/// How the sentences of two versions correspond.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Links sorted by new sentence index.
    pub links: Vec<Link>,
    /// Old sentences with no counterpart.
    pub removed: Vec<usize>,
    /// New sentences with no counterpart.
    pub added: Vec<usize>,
}

/// Minimum similarity for pairing inside a replaced block, and across the document.
const IN_PLACE: f64 = 0.45;
const ANYWHERE: f64 = 0.6;
/// A block that replaces exactly one sentence with one other, between unchanged neighbours,
/// is an edit of that sentence unless the two share almost nothing: position is evidence too
/// (`Officer Jamie Holloway said:` → `Yvonne Daly, Environment Manager, said:`).
const ONE_FOR_ONE: f64 = 0.25;

/// The matching key of a sentence: lowercase words and numbers, nothing else. A line that
/// only dates the page (`27 May 2022`, `Last updated 28 January 2021`) keys without its date:
/// a page's own update stamp changing is not a change of fact.
pub fn sentence_key(text: &str) -> String {
    if is_date_stamp(text) {
        let prefix: Vec<String> = words(text)
            .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        return format!("{} <date>", prefix.join(" "));
    }
    let mut key = String::with_capacity(text.len());
    for word in words(text) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word);
    }
    key
}

/// A short line that is only a date, maybe after `Published`, `Updated` or `Last updated`.
pub fn is_date_stamp(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    // The date must close the line: "5 Sep 2025 talks began" is a sentence, not a stamp.
    let ends_with_year = text.len() >= 4
        && text.is_char_boundary(text.len() - 4)
        && text[text.len() - 4..].chars().all(|c| c.is_ascii_digit());
    text.split_whitespace().count() <= 6
        && ends_with_year
        && crate::calendar::parse_date(text).is_some()
}

/// Lowercase alphanumeric tokens of a text (apostrophes inside words kept out).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Dice similarity of two word multisets.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(c) = counts.get_mut(w.as_str())
            && *c > 0
        {
            *c -= 1;
            shared += 1;
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Aligns the sentences of an old and a new version.
pub fn align(old: &[Sentence], new: &[Sentence]) -> Alignment {
    let old_keys: Vec<String> = old.iter().map(|s| sentence_key(&s.text)).collect();
    let new_keys: Vec<String> = new.iter().map(|s| sentence_key(&s.text)).collect();
    let ops = capture_diff_slices_by_key(Algorithm::Patience, &old_keys, &new_keys, |k| k.clone());

    let mut links = Vec::new();
    let mut blocks: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (i, j) in o.zip(n) {
                    old_used[i] = true;
                    new_used[j] = true;
                    links.push(Link {
                        old: i,
                        new: j,
                        kind: LinkKind::Same,
                        score: 1.0,
                    });
                }
            }
            _ => blocks.push((o.collect(), n.collect())),
        }
    }

    // Moves: the same key deleted in one block and inserted in another.
    let mut deleted_by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (o, _) in &blocks {
        for &i in o {
            deleted_by_key
                .entry(old_keys[i].as_str())
                .or_default()
                .push(i);
        }
    }
    for (_, n) in &blocks {
        for &j in n {
            if let Some(list) = deleted_by_key.get_mut(new_keys[j].as_str())
                && !list.is_empty()
            {
                let i = list.remove(0);
                old_used[i] = true;
                new_used[j] = true;
                links.push(Link {
                    old: i,
                    new: j,
                    kind: LinkKind::Moved,
                    score: 1.0,
                });
            }
        }
    }

    let old_words: Vec<Vec<String>> = old.iter().map(|s| words(&s.text).collect()).collect();
    let new_words: Vec<Vec<String>> = new.iter().map(|s| words(&s.text).collect()).collect();

    // Edited in place: greedy best-first inside each replaced block.
    for (o, n) in &blocks {
        let mut candidates = Vec::new();
        let left_o: Vec<usize> = o.iter().copied().filter(|&i| !old_used[i]).collect();
        let left_n: Vec<usize> = n.iter().copied().filter(|&j| !new_used[j]).collect();
        let bar = if left_o.len() == 1 && left_n.len() == 1 {
            ONE_FOR_ONE
        } else {
            IN_PLACE
        };
        for &i in &left_o {
            for &j in &left_n {
                let score = similarity(&old_words[i], &new_words[j]);
                if score >= bar {
                    candidates.push((score, i, j));
                }
            }
        }
        pair_greedily(
            candidates,
            LinkKind::Edited,
            &mut old_used,
            &mut new_used,
            &mut links,
        );
    }

    // Moved and edited: leftovers anywhere, candidates from shared rare words.
    let left_old: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();
    let left_new: Vec<usize> = (0..new.len()).filter(|&j| !new_used[j]).collect();
    if !left_old.is_empty() && !left_new.is_empty() {
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &left_old {
            let mut seen: Vec<&str> = old_words[i].iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                index.entry(w).or_default().push(i);
            }
        }
        let common = (left_old.len() / 4).max(8);
        let mut candidates = Vec::new();
        for &j in &left_new {
            let mut hits: BTreeMap<usize, usize> = BTreeMap::new();
            let mut seen: Vec<&str> = new_words[j].iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                if let Some(list) = index.get(w)
                    && list.len() <= common
                {
                    for &i in list {
                        *hits.entry(i).or_default() += 1;
                    }
                }
            }
            let mut best: Vec<(usize, usize)> = hits.into_iter().map(|(i, h)| (h, i)).collect();
            best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, i) in best.into_iter().take(8) {
                let score = similarity(&old_words[i], &new_words[j]);
                if score >= ANYWHERE {
                    candidates.push((score, i, j));
                }
            }
        }
        pair_greedily(
            candidates,
            LinkKind::MovedEdited,
            &mut old_used,
            &mut new_used,
            &mut links,
        );
    }

    links.sort_by_key(|l| (l.new, l.old));
    Alignment {
        links,
        removed: (0..old.len()).filter(|&i| !old_used[i]).collect(),
        added: (0..new.len()).filter(|&j| !new_used[j]).collect(),
    }
}

/// Takes candidate pairs best first (ties broken by position, for determinism).
fn pair_greedily(
    mut candidates: Vec<(f64, usize, usize)>,
    kind: LinkKind,
    old_used: &mut [bool],
    new_used: &mut [bool],
    links: &mut Vec<Link>,
) {
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, i, j) in candidates {
        if old_used[i] || new_used[j] {
            continue;
        }
        old_used[i] = true;
        new_used[j] = true;
        links.push(Link {
            old: i,
            new: j,
            kind,
            score,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(texts: &[&str]) -> Vec<Sentence> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Sentence {
                index: i,
                paragraph: i,
                span: 0..0,
                line: i as u32 + 1,
                col: 1,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn punctuation_and_case_only_is_same() {
        let a = align(
            &sentences(&["The storm hit, officials said."]),
            &sentences(&["The storm hit officials said"]),
        );
        assert_eq!(a.links[0].kind, LinkKind::Same);
    }

    #[test]
    fn edits_moves_adds_and_removes() {
        let old = sentences(&[
            "A storm hit the coast.",
            "At least 26 people died on Friday.",
            "The governor spoke.",
            "Schools closed.",
        ]);
        let new = sentences(&[
            "A storm hit the coast.",
            "At least 31 people died on Friday.",
            "Schools closed.",
            "Power was restored.",
            "The governor spoke.",
        ]);
        let a = align(&old, &new);
        let kinds: Vec<(usize, usize, LinkKind)> =
            a.links.iter().map(|l| (l.old, l.new, l.kind)).collect();
        assert_eq!(
            kinds,
            [
                (0, 0, LinkKind::Same),
                (1, 1, LinkKind::Edited),
                (3, 2, LinkKind::Same),
                (2, 4, LinkKind::Moved)
            ]
        );
        assert_eq!(a.added, [3]);
        assert!(a.removed.is_empty());
    }

    #[test]
    fn page_date_stamps_key_without_their_date() {
        assert_eq!(
            sentence_key("Last updated 21 February 2022"),
            sentence_key("Last updated 22 February 2022")
        );
        assert_eq!(sentence_key("27 May 2022"), " <date>");
        assert_ne!(
            sentence_key("5 Sep 2025 was the day talks began in 2025"),
            " <date>"
        );
    }

    #[test]
    fn unrelated_sentences_do_not_pair() {
        let a = align(
            &sentences(&["The bridge reopened to traffic."]),
            &sentences(&["Voters backed the measure."]),
        );
        assert!(a.links.is_empty());
        assert_eq!((a.removed.len(), a.added.len()), (1, 1));
    }
}
