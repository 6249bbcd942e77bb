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
    /// One old sentence became two new ones (`new_extra` is the second).
    Split,
    /// Two old sentences became one new one (`old_extra` is the second).
    Merged,
}

/// An old sentence linked to a new one.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub old: usize,
    pub new: usize,
    pub kind: LinkKind,
    /// Word similarity in 0..=1 (1 for `Same` and `Moved`).
    pub score: f64,
    /// The second old sentence of a merge.
    pub old_extra: Option<usize>,
    /// The second new sentence of a split.
    pub new_extra: Option<usize>,
}

impl Link {
    fn new(old: usize, new: usize, kind: LinkKind, score: f64) -> Link {
        Link {
            old,
            new,
            kind,
            score,
            old_extra: None,
            new_extra: None,
        }
    }

    /// The old sentences of the link, in order.
    pub fn olds(&self) -> Vec<usize> {
        std::iter::once(self.old).chain(self.old_extra).collect()
    }

    /// The new sentences of the link, in order.
    pub fn news(&self) -> Vec<usize> {
        std::iter::once(self.new).chain(self.new_extra).collect()
    }

    /// A short reason a report can show.
    pub fn reason(&self) -> String {
        match self.kind {
            LinkKind::Same => "same sentence".to_string(),
            LinkKind::Moved => "same sentence, moved".to_string(),
            LinkKind::Edited => format!("edited in place, {:.0}% words shared", self.score * 100.0),
            LinkKind::MovedEdited => {
                format!("moved and edited, {:.0}% words shared", self.score * 100.0)
            }
            LinkKind::Split => format!("split in two, {:.0}% words shared", self.score * 100.0),
            LinkKind::Merged => format!("merged from two, {:.0}% words shared", self.score * 100.0),
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
    // Punctuation inside quotation marks is part of what someone said: a change there is a
    // (minor) change of the quote, so it stays in the key.
    let marks = quoted_punctuation(text);
    if !marks.is_empty() {
        key.push_str(" \u{1}");
        key.push_str(&marks);
    }
    key
}

/// The punctuation inside balanced quotation marks (“…” or "…"), in order.
fn quoted_punctuation(text: &str) -> String {
    let mut out = String::new();
    let mut open: Option<char> = None;
    for c in text.chars() {
        match (open, c) {
            (None, '“') => open = Some('”'),
            (None, '"') => open = Some('"'),
            (Some(close), c) if c == close => open = None,
            // Apostrophes belong to words (`don't`), not to the quote's punctuation.
            (Some(_), c)
                if c != '\'' && (c.is_ascii_punctuation() || matches!(c, '—' | '–' | '…')) =>
            {
                out.push(c)
            }
            _ => {}
        }
    }
    // An unbalanced mark (a stray `”`) quotes nothing.
    if open.is_some() { String::new() } else { out }
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

/// Words that carry no content when pairing paraphrases.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "but", "for", "by", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "this",
    "it", "its", "their", "his", "her", "they", "he", "she", "we", "i", "said", "says", "told",
    "would", "will", "which", "who", "s", "after", "before", "than", "more", "also", "not", "no",
    "any", "all",
];

/// The words that carry a sentence's content, singular and with synonyms folded (`states`,
/// `countries` → `country`), so that paraphrases of one sentence meet.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| crate::normalize::noun_key(std::slice::from_ref(&w)).unwrap_or(w))
        .collect()
}

/// The content words around a claim (four before, four after): what the figure is about
/// (`31 people had been killed` against `146 injured`).
pub fn context_words(a: &crate::model::Analysis, claim: &crate::model::Claim) -> Vec<String> {
    let sentence = &a.sentences[claim.sentence];
    let text = &a.doc.text;
    let start = claim.span.start.max(sentence.span.start);
    let end = claim.span.end.min(sentence.span.end).max(start);
    let before: Vec<String> = content_words(&text[sentence.span.start..start]);
    let after: Vec<String> = content_words(&text[end..sentence.span.end]);
    before
        .iter()
        .rev()
        .take(4)
        .chain(after.iter().take(4))
        .cloned()
        .collect()
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
                    links.push(Link::new(i, j, LinkKind::Same, 1.0));
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
                links.push(Link::new(i, j, LinkKind::Moved, 1.0));
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

    let joined_links = find_splits_and_merges(
        &old_words,
        &new_words,
        &mut old_used,
        &mut new_used,
        &mut links,
    );
    links.extend(joined_links);
    links.sort_by_key(|l| (l.new, l.old));
    Alignment {
        links,
        removed: (0..old.len()).filter(|&i| !old_used[i]).collect(),
        added: (0..new.len()).filter(|&j| !new_used[j]).collect(),
    }
}

/// How much better a sentence pair must match with a neighbour joined in before it is read
/// as a split or a merge, and the bar a split or merge of unpaired sentences must reach.
const JOIN_GAIN: f64 = 0.1;
const JOINED: f64 = 0.6;

fn joined(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().chain(b).cloned().collect()
}

/// Splits and merges: an edited link whose unpaired neighbour, joined in, matches much better
/// (`A, and B.` → `A.` + `B.`), and unpaired sentences whose unpaired neighbour pair on the
/// other side matches them. Only neighbours are tried, so this stays linear.
fn find_splits_and_merges(
    old_words: &[Vec<String>],
    new_words: &[Vec<String>],
    old_used: &mut [bool],
    new_used: &mut [bool],
    links: &mut [Link],
) -> Vec<Link> {
    let mut added = Vec::new();
    for link in links
        .iter_mut()
        .filter(|l| matches!(l.kind, LinkKind::Edited | LinkKind::MovedEdited))
    {
        let mut best: Option<(f64, bool, usize)> = None;
        for n in [link.new.wrapping_sub(1), link.new + 1] {
            if n < new_words.len() && !new_used[n] {
                let (x, y) = if n < link.new {
                    (n, link.new)
                } else {
                    (link.new, n)
                };
                let score = similarity(&old_words[link.old], &joined(&new_words[x], &new_words[y]));
                if score >= link.score + JOIN_GAIN && best.is_none_or(|b| score > b.0) {
                    best = Some((score, true, n));
                }
            }
        }
        for o in [link.old.wrapping_sub(1), link.old + 1] {
            if o < old_words.len() && !old_used[o] {
                let (x, y) = if o < link.old {
                    (o, link.old)
                } else {
                    (link.old, o)
                };
                let score = similarity(&joined(&old_words[x], &old_words[y]), &new_words[link.new]);
                if score >= link.score + JOIN_GAIN && best.is_none_or(|b| score > b.0) {
                    best = Some((score, false, o));
                }
            }
        }
        match best {
            Some((score, true, n)) => {
                new_used[n] = true;
                link.new_extra = Some(link.new.max(n));
                link.new = link.new.min(n);
                link.kind = LinkKind::Split;
                link.score = score;
            }
            Some((score, false, o)) => {
                old_used[o] = true;
                link.old_extra = Some(link.old.max(o));
                link.old = link.old.min(o);
                link.kind = LinkKind::Merged;
                link.score = score;
            }
            None => {}
        }
    }
    // Unpaired sentences against unpaired neighbour pairs on the other side. Candidates come
    // from the unpaired sentences only, which are few after the passes above.
    let left_old: Vec<usize> = (0..old_words.len()).filter(|&i| !old_used[i]).collect();
    let left_new: Vec<usize> = (0..new_words.len()).filter(|&j| !new_used[j]).collect();
    let mut candidates = Vec::new();
    // A document rewritten from top to bottom has nothing to gain from this pass but time.
    if left_old.len() * left_new.len() > 100_000 {
        return added;
    }
    for &i in &left_old {
        for &j in left_new
            .iter()
            .filter(|&&j| j + 1 < new_words.len() && !new_used[j + 1])
        {
            let score = similarity(&old_words[i], &joined(&new_words[j], &new_words[j + 1]));
            if score >= JOINED {
                candidates.push((score, i, j, true));
            }
        }
    }
    for &j in &left_new {
        for &i in left_old
            .iter()
            .filter(|&&i| i + 1 < old_words.len() && !old_used[i + 1])
        {
            let score = similarity(&joined(&old_words[i], &old_words[i + 1]), &new_words[j]);
            if score >= JOINED {
                candidates.push((score, i, j, false));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, i, j, split) in candidates {
        if split && !old_used[i] && !new_used[j] && !new_used[j + 1] {
            old_used[i] = true;
            new_used[j] = true;
            new_used[j + 1] = true;
            added.push(Link {
                new_extra: Some(j + 1),
                ..Link::new(i, j, LinkKind::Split, score)
            });
        } else if !split && !old_used[i] && !old_used[i + 1] && !new_used[j] {
            old_used[i] = true;
            old_used[i + 1] = true;
            new_used[j] = true;
            added.push(Link {
                old_extra: Some(i + 1),
                ..Link::new(i, j, LinkKind::Merged, score)
            });
        }
    }
    added
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
        links.push(Link::new(i, j, kind, score));
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
    fn punctuation_inside_quotes_stays_in_the_key() {
        assert_ne!(
            sentence_key("“We will act,” he said."),
            sentence_key("“We will act!” he said.")
        );
        assert_eq!(
            sentence_key("“We will act,” he said."),
            sentence_key("“We will act,” he said")
        );
        assert_eq!(
            sentence_key("Call Floodline.”"),
            sentence_key("Call Floodline."),
            "a stray mark quotes nothing"
        );
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
    fn split_and_merge() {
        let old = sentences(&[
            "Intro line stays.",
            "The council approved the budget on Monday, and the mayor said taxes would not rise.",
            "Outro stays.",
        ]);
        let new = sentences(&[
            "Intro line stays.",
            "The council approved the budget on Monday.",
            "The mayor said taxes would not rise.",
            "Outro stays.",
        ]);
        let a = align(&old, &new);
        let split = a
            .links
            .iter()
            .find(|l| l.kind == LinkKind::Split)
            .expect("a split");
        assert_eq!((split.olds(), split.news()), (vec![1], vec![1, 2]));
        assert!(a.added.is_empty() && a.removed.is_empty());
        let back = align(&new, &old);
        let merged = back
            .links
            .iter()
            .find(|l| l.kind == LinkKind::Merged)
            .expect("a merge");
        assert_eq!((merged.olds(), merged.news()), (vec![1, 2], vec![1]));
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
