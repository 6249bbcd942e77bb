//! Stage 6, **diff**: an [`Alignment`] of two analysed versions → [`Finding`]s.
//!
//! Each linked pair of sentences is classified: unchanged (no finding), moved, reworded (same
//! facts, other words) or one conflict per fact that changed (quantity, date, quote,
//! attribution, polarity). Unlinked sentences are removed or added. Compatible values are not
//! conflicts: `26` and `dozens` overlap, `26 states` and `twenty-six countries` are one fact.
//! No I/O; the order of findings follows the new version, then the old.

use crate::align::{Alignment, Link, LinkKind, similarity, words};
use crate::model::{
    Analysis, Claim, ClaimKind, Facet, Finding, FindingKind, History, Severity, Side, Value,
};

/// The findings between an old and a new version.
pub fn diff(old: &Analysis, new: &Analysis, alignment: &Alignment) -> Vec<Finding> {
    let mut findings = Vec::new();
    for link in &alignment.links {
        match link.kind {
            // The words are the same, but a quote inside may now be someone else's (a block
            // quote whose introducing line changed speaker).
            LinkKind::Same => findings.extend(speaker_changes(old, new, link)),
            LinkKind::Moved => {
                // A moved sentence is news only if the paragraph order really changed.
                findings.push(Finding {
                    kind: FindingKind::Moved,
                    facet: None,
                    severity: Severity::Low,
                    sides: vec![group_side(old, &link.olds()), group_side(new, &link.news())],
                    subject: None,
                    reason: Some(link.reason()),
                    missing: Vec::new(),
                    cluster: None,
                });
            }
            LinkKind::Edited | LinkKind::MovedEdited | LinkKind::Split | LinkKind::Merged => {
                let conflicts = compare_sentences(old, new, link);
                if conflicts.is_empty() {
                    findings.push(Finding {
                        kind: FindingKind::Reworded,
                        facet: None,
                        severity: Severity::Low,
                        sides: vec![group_side(old, &link.olds()), group_side(new, &link.news())],
                        subject: None,
                        reason: Some(link.reason()),
                        missing: Vec::new(),
                        cluster: None,
                    });
                } else {
                    findings.extend(conflicts);
                }
            }
        }
    }
    findings.extend(restated_figures(old, new, alignment));
    // A line that only dates the page (`27 May 2022` over a change-history entry) is the
    // page's bookkeeping, not a fact of the story, whether it comes or goes.
    let stamp = |a: &Analysis, i: usize| crate::align::is_date_stamp(&a.sentences[i].text);
    for &i in alignment.removed.iter().filter(|&&i| !stamp(old, i)) {
        findings.push(one_sided(FindingKind::Removed, old, i));
    }
    for &j in alignment.added.iter().filter(|&&j| !stamp(new, j)) {
        findings.push(one_sided(FindingKind::Added, new, j));
    }
    sort_findings(&mut findings, &old.doc.name);
    dedupe_attributions(&mut findings);
    findings
}

/// A figure whose sentence was rewritten beyond pairing: a removed and an added sentence that
/// count the same thing (same slot, same words around it) with incompatible values (`a
/// handful of properties have sadly flooded` → `around 400 properties have flooded`).
fn restated_figures(old: &Analysis, new: &Analysis, alignment: &Alignment) -> Vec<Finding> {
    const SAME_CONTEXT: f64 = 0.3;
    let quantities = |a: &'_ Analysis, sentences: &[usize]| -> Vec<Claim> {
        sentences
            .iter()
            .flat_map(|&s| a.claims_of(s))
            .filter(|c| c.kind == ClaimKind::Quantity && c.noun.is_some())
            .cloned()
            .collect()
    };
    let gone = quantities(old, &alignment.removed);
    let came = quantities(new, &alignment.added);
    // Nothing to gain but time when a whole article was rewritten.
    if gone.len() * came.len() > 10_000 {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for (i, x) in gone.iter().enumerate() {
        let cx = crate::align::context_words(old, x);
        for (j, y) in came.iter().enumerate() {
            if x.noun != y.noun {
                continue;
            }
            let score = similarity(&cx, &crate::align::context_words(new, y));
            if score >= SAME_CONTEXT {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_old, mut used_new) = (vec![false; gone.len()], vec![false; came.len()]);
    let mut out = Vec::new();
    for (score, i, j) in candidates {
        if used_old[i] || used_new[j] {
            continue;
        }
        used_old[i] = true;
        used_new[j] = true;
        let (x, y) = (&gone[i], &came[j]);
        if !values_compatible(&x.value, &y.value) {
            let link = Link {
                old: x.sentence,
                new: y.sentence,
                kind: LinkKind::MovedEdited,
                score,
                old_extra: None,
                new_extra: None,
            };
            let mut f = conflict(
                Facet::Quantity,
                (old, x, x.value.to_string()),
                (new, y, y.value.to_string()),
                y.noun.clone(),
                &link,
            );
            f.reason = Some(format!(
                "the same figure restated in a rewritten sentence ({:.0}% of the words around it shared)",
                score * 100.0
            ));
            out.push(f);
        }
    }
    out
}

/// One re-attribution is one finding: the line that names the new speaker and the quoted
/// sentences under it all say the same thing, so keep the first.
fn dedupe_attributions(findings: &mut Vec<Finding>) {
    let mut seen: Vec<(String, String)> = Vec::new();
    findings.retain(|f| {
        if f.facet != Some(Facet::Attribution) || f.sides.len() != 2 {
            return true;
        }
        let key = (
            f.sides[0].value.to_lowercase(),
            f.sides[1].value.to_lowercase(),
        );
        if seen.contains(&key) {
            return false;
        }
        seen.push(key);
        true
    });
}

/// Attribution conflicts of quotes in sentences whose words did not change.
fn speaker_changes(old: &Analysis, new: &Analysis, link: &Link) -> Vec<Finding> {
    let quotes = |a: &Analysis, s: usize| -> Vec<Claim> {
        a.claims_of(s)
            .filter(|c| c.kind == ClaimKind::Quote)
            .cloned()
            .collect()
    };
    quotes(old, link.old)
        .iter()
        .zip(quotes(new, link.new).iter())
        .filter(|(x, y)| x.speaker.is_some() && y.speaker.is_some() && x.speaker != y.speaker)
        .map(|(x, y)| {
            conflict(
                Facet::Attribution,
                (old, x, speaker_name(old, x)),
                (new, y, speaker_name(new, y)),
                None,
                link,
            )
        })
        .collect()
}

/// Chains the conflicts of consecutive steps into histories: a conflict whose new side is
/// the old side of a conflict in the next step (same document, same place, same facet) is
/// the same fact changing again. Only chains over two or more steps are returned.
pub fn histories(steps: &[Vec<Finding>]) -> Vec<History> {
    let place = |s: &Side| (s.doc.clone(), s.line, s.col);
    let mut open: Vec<History> = Vec::new();
    let mut done: Vec<History> = Vec::new();
    for findings in steps {
        let mut next: Vec<History> = Vec::new();
        for f in findings
            .iter()
            .filter(|f| f.kind == FindingKind::Conflict && f.sides.len() == 2)
        {
            let facet = f.facet.expect("conflicts have a facet");
            let continued = open.iter().position(|h| {
                h.facet == facet && h.values.last().map(place) == Some(place(&f.sides[0]))
            });
            let mut history = match continued {
                Some(i) => open.remove(i),
                None => History {
                    facet,
                    subject: f.subject.clone(),
                    values: vec![f.sides[0].clone()],
                },
            };
            history.values.push(f.sides[1].clone());
            next.push(history);
        }
        done.extend(open.into_iter().filter(|h| h.values.len() > 2));
        open = next;
    }
    done.extend(open.into_iter().filter(|h| h.values.len() > 2));
    done.sort_by_key(|h| h.values.first().map(|s| (s.line, s.col)));
    done
}

/// Orders findings by their place in the new version (old-only findings by the old one).
pub fn sort_findings(findings: &mut [Finding], old_name: &str) {
    findings.sort_by_key(|f| position_key(f, old_name));
}

fn position_key(f: &Finding, old_name: &str) -> (u32, u32, u32, FindingKind, Option<Facet>) {
    let new_side = f
        .sides
        .iter()
        .rev()
        .find(|s| s.doc != old_name || f.sides.len() == 1);
    let old_side = f.sides.first();
    (
        new_side.map_or(0, |s| s.line),
        new_side.map_or(0, |s| s.col),
        old_side.map_or(0, |s| s.line),
        f.kind,
        f.facet,
    )
}

fn one_sided(kind: FindingKind, a: &Analysis, sentence: usize) -> Finding {
    let has_claims = a.claims_of(sentence).any(|c| c.kind != ClaimKind::Polarity);
    Finding {
        kind,
        facet: None,
        severity: if has_claims {
            Severity::Medium
        } else {
            Severity::Low
        },
        sides: vec![sentence_side(a, sentence)],
        subject: None,
        reason: None,
        missing: Vec::new(),
        cluster: None,
    }
}

fn sentence_side(a: &Analysis, sentence: usize) -> Side {
    let s = &a.sentences[sentence];
    Side {
        doc: a.doc.name.clone(),
        line: s.line,
        col: s.col,
        text: s.text.clone(),
        value: String::new(),
        surface: String::new(),
    }
}

/// The side of a sentence group (a split or merge shows its sentences joined).
fn group_side(a: &Analysis, sentences: &[usize]) -> Side {
    let mut side = sentence_side(a, sentences[0]);
    for &s in &sentences[1..] {
        side.text.push(' ');
        side.text.push_str(&a.sentences[s].text);
    }
    side
}

fn claim_side(a: &Analysis, claim: &Claim, value: String) -> Side {
    let (line, col) = a.doc.position(claim.span.start);
    Side {
        doc: a.doc.name.clone(),
        line,
        col,
        text: a.sentences[claim.sentence].text.clone(),
        value,
        surface: claim.surface.clone(),
    }
}

fn conflict(
    facet: Facet,
    old: (&Analysis, &Claim, String),
    new: (&Analysis, &Claim, String),
    subject: Option<String>,
    link: &Link,
) -> Finding {
    Finding {
        kind: FindingKind::Conflict,
        facet: Some(facet),
        severity: Severity::High,
        sides: vec![
            claim_side(old.0, old.1, old.2),
            claim_side(new.0, new.1, new.2),
        ],
        subject,
        reason: Some(link.reason()),
        missing: Vec::new(),
        cluster: None,
    }
}

/// The conflicts between two linked sentences; empty when their facts agree.
fn compare_sentences(old: &Analysis, new: &Analysis, link: &Link) -> Vec<Finding> {
    let (olds, news) = (link.olds(), link.news());
    let of = |a: &'_ Analysis, group: &[usize], k: ClaimKind| -> Vec<Claim> {
        group
            .iter()
            .flat_map(|&s| a.claims_of(s))
            .filter(|c| c.kind == k)
            .cloned()
            .collect()
    };
    let mut out = Vec::new();

    // Quantities and dates: pair by slot, then compare values.
    for (kind, facet) in [
        (ClaimKind::Quantity, Facet::Quantity),
        (ClaimKind::Date, Facet::Date),
    ] {
        let a = of(old, &olds, kind);
        let b = of(new, &news, kind);
        let pairing = pair_claims(&a, &b);
        for claim in &pairing.added {
            out.push(one_claim(FindingKind::Added, new, claim, link));
        }
        for claim in &pairing.dropped {
            out.push(one_claim(FindingKind::Removed, old, claim, link));
        }
        for (x, y) in pairing.pairs {
            // A reading the text left open counts: `on Friday` with no tense may be either.
            let alternative = x.alternatives.contains(&y.value.to_string())
                || y.alternatives.contains(&x.value.to_string());
            if !values_compatible(&x.value, &y.value) && !alternative {
                let subject = y.noun.clone().or(x.noun.clone());
                out.push(conflict(
                    facet,
                    (old, &x, x.value.to_string()),
                    (new, &y, y.value.to_string()),
                    subject,
                    link,
                ));
            }
        }
    }

    // Attributions: the same sentence now names another speaker.
    let a = of(old, &olds, ClaimKind::Attribution);
    let b = of(new, &news, ClaimKind::Attribution);
    let mut speaker_changed = false;
    for (x, y) in a.iter().zip(b.iter()) {
        if x.speaker.is_some() && y.speaker.is_some() && x.speaker != y.speaker {
            speaker_changed = true;
            out.push(conflict(
                Facet::Attribution,
                (old, x, x.value.to_string()),
                (new, y, y.value.to_string()),
                None,
                link,
            ));
        }
    }

    // Quotes: pair by words; changed words are a quote conflict, a changed speaker an
    // attribution conflict (unless the attribution above already said so).
    let a = of(old, &olds, ClaimKind::Quote);
    let b = of(new, &news, ClaimKind::Quote);
    for (x, y) in pair_quotes(&a, &b) {
        let punctuation_only = quote_key(&x.value) == quote_key(&y.value)
            && folded_quote(&x.surface) != folded_quote(&y.surface);
        if punctuation_only {
            let mut minor = conflict(
                Facet::Quote,
                (old, &x, x.surface.clone()),
                (new, &y, y.surface.clone()),
                y.subject.clone(),
                link,
            );
            minor.severity = Severity::Low;
            minor.reason = Some(format!(
                "punctuation inside the quote changed ({})",
                link.reason()
            ));
            out.push(minor);
        }
        if quote_key(&x.value) != quote_key(&y.value) {
            out.push(conflict(
                Facet::Quote,
                (old, &x, x.value.to_string()),
                (new, &y, y.value.to_string()),
                y.subject.clone(),
                link,
            ));
        }
        if !speaker_changed && x.speaker.is_some() && y.speaker.is_some() && x.speaker != y.speaker
        {
            speaker_changed = true;
            let name = |a: &Analysis, c: &Claim| speaker_name(a, c);
            out.push(conflict(
                Facet::Attribution,
                (old, &x, name(old, &x)),
                (new, &y, name(new, &y)),
                None,
                link,
            ));
        }
    }

    // Polarity: a negation added or taken away.
    let pa = of(old, &olds, ClaimKind::Polarity);
    let pb = of(new, &news, ClaimKind::Polarity);
    // Over a split or merge, the negations of both sentences count together.
    let polarity = |v: &[Claim]| {
        let negative = v
            .iter()
            .filter(|c| c.value.to_string() == "negative")
            .count();
        if negative % 2 == 1 {
            "negative"
        } else {
            "positive"
        }
        .to_string()
    };
    if polarity(&pa) != polarity(&pb) {
        let sentence_claim = |a: &Analysis, s: usize, v: &[Claim]| {
            v.first().cloned().unwrap_or_else(|| {
                Claim::new(
                    ClaimKind::Polarity,
                    s,
                    a.sentences[s].span.clone(),
                    String::new(),
                    Value::Text("positive".into()),
                )
            })
        };
        let x = sentence_claim(old, link.old, &pa);
        let y = sentence_claim(new, link.new, &pb);
        out.push(conflict(
            Facet::Polarity,
            (old, &x, polarity(&pa)),
            (new, &y, polarity(&pb)),
            None,
            link,
        ));
    }
    out
}

fn speaker_name(a: &Analysis, quote: &Claim) -> String {
    let key = quote.speaker.as_deref().unwrap_or_default();
    a.claims
        .iter()
        .find(|c| c.kind == ClaimKind::Attribution && c.speaker.as_deref() == Some(key))
        .map_or_else(|| key.to_string(), |c| c.value.to_string())
}

/// A fact added to (or dropped from) a sentence that is otherwise the same one.
fn one_claim(kind: FindingKind, a: &Analysis, claim: &Claim, link: &Link) -> Finding {
    let what = if kind == FindingKind::Added {
        "added to"
    } else {
        "dropped from"
    };
    Finding {
        kind,
        facet: None,
        severity: Severity::Medium,
        sides: vec![claim_side(a, claim, claim.value.to_string())],
        subject: claim.noun.clone(),
        reason: Some(format!(
            "a fact {what} an edited sentence ({})",
            link.reason()
        )),
        missing: Vec::new(),
        cluster: None,
    }
}

/// How the claims of one kind in two linked sentences correspond.
struct Pairing {
    /// Claims about the same slot whose values may differ.
    pairs: Vec<(Claim, Claim)>,
    /// Old claims with no counterpart: facts the new sentence dropped.
    dropped: Vec<Claim>,
    /// New claims with no counterpart: facts the new sentence adds.
    added: Vec<Claim>,
}

/// Pairs claims of one kind across two linked sentences: the same value and slot first, then
/// the same slot (counted noun), then what is left in order when both sides have as many.
/// Unpaired claims are not conflicts: a fact on one side only was added or dropped.
fn pair_claims(a: &[Claim], b: &[Claim]) -> Pairing {
    let mut pairs = Vec::new();
    let mut used_b = vec![false; b.len()];
    let mut left_a = Vec::new();
    // Identical values pair first, wherever they are, so a number that stayed put is never
    // read as having changed into its neighbour.
    let mut used_a = vec![false; a.len()];
    for (i, x) in a.iter().enumerate() {
        if let Some(j) =
            (0..b.len()).find(|&j| !used_b[j] && b[j].value == x.value && b[j].noun == x.noun)
        {
            used_b[j] = true;
            used_a[i] = true;
        }
    }
    for (i, x) in a.iter().enumerate() {
        if used_a[i] {
            continue;
        }
        let same_slot = x
            .noun
            .as_ref()
            .and_then(|n| (0..b.len()).find(|&j| !used_b[j] && b[j].noun.as_ref() == Some(n)));
        match same_slot {
            Some(j) => {
                used_b[j] = true;
                pairs.push((x.clone(), b[j].clone()));
            }
            None => left_a.push(x.clone()),
        }
    }
    let mut left_b: Vec<Claim> = b
        .iter()
        .enumerate()
        .filter(|(j, _)| !used_b[*j])
        .map(|(_, c)| c.clone())
        .collect();
    let mut dropped = Vec::new();
    // Leftovers pair by order only when both sides have the same number of them: otherwise
    // which one changed is a guess.
    if left_a.len() == left_b.len() {
        let mut unpaired_b = Vec::new();
        for (x, y) in left_a.into_iter().zip(std::mem::take(&mut left_b)) {
            let nouns_clash =
                matches!((&x.noun, &y.noun), (Some(p), Some(q)) if head(p) != head(q));
            if nouns_clash {
                dropped.push(x);
                unpaired_b.push(y);
            } else {
                pairs.push((x, y));
            }
        }
        left_b = unpaired_b;
    } else {
        dropped = left_a;
    }
    // The same value under another noun is the same fact reworded (`12 districts` → `twelve
    // areas`), not one dropped and one added.
    let mut added = Vec::new();
    for y in left_b {
        match dropped.iter().position(|x| x.value == y.value) {
            Some(k) => {
                dropped.remove(k);
            }
            None => added.push(y),
        }
    }
    Pairing {
        pairs,
        dropped,
        added,
    }
}

fn head(noun: &str) -> &str {
    noun.split_whitespace().last().unwrap_or(noun)
}

/// Quotes pair by their words: the most similar first, then in order.
fn pair_quotes(a: &[Claim], b: &[Claim]) -> Vec<(Claim, Claim)> {
    if a.len() == 1 && b.len() == 1 {
        return vec![(a[0].clone(), b[0].clone())];
    }
    let wa: Vec<Vec<String>> = a
        .iter()
        .map(|c| words(&c.value.to_string()).collect())
        .collect();
    let wb: Vec<Vec<String>> = b
        .iter()
        .map(|c| words(&c.value.to_string()).collect())
        .collect();
    let mut candidates = Vec::new();
    for (i, x) in wa.iter().enumerate() {
        for (j, y) in wb.iter().enumerate() {
            let s = similarity(x, y);
            if s >= 0.3 {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut ua, mut ub) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !ua[i] && !ub[j] {
            ua[i] = true;
            ub[j] = true;
            pairs.push((a[i].clone(), b[j].clone()));
        }
    }
    pairs.sort_by_key(|(x, _)| x.span.start);
    pairs
}

/// A quote as written, with quote styles and spacing folded, for spotting punctuation changes.
fn folded_quote(surface: &str) -> String {
    let unified: String = surface
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect();
    crate::segment::collapse_whitespace(&unified)
}

/// Quote words folded for comparison: case, quote style and punctuation do not count here.
fn quote_key(v: &Value) -> String {
    crate::align::sentence_key(&v.to_string())
}

/// Whether two values can both be true of one fact.
pub fn values_compatible(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Quantity(x), Value::Quantity(y)) => x.compatible(y),
        (Value::Date(x), Value::Date(y)) => {
            use crate::model::DateValue::*;
            match (x, y) {
                (Day(p), Day(q)) | (Week(p), Week(q)) => p == q,
                (Day(d), Week(w)) | (Week(w), Day(d)) => *d >= *w && (*d - *w).num_days() < 7,
                (Week(w), other) | (other, Week(w)) => {
                    values_compatible(&Value::Date(Day(*w)), &Value::Date(*other))
                }
                (Month(y1, m1), Month(y2, m2)) => (y1, m1) == (y2, m2),
                (Year(p), Year(q)) => p == q,
                // Different granularity: compatible when one contains the other.
                (Day(d), Month(y, m)) | (Month(y, m), Day(d)) => {
                    d.to_string().starts_with(&format!("{y:04}-{m:02}"))
                }
                (Day(d), Year(y)) | (Year(y), Day(d)) => crate::calendar::year_of(*d) == *y,
                (Month(y1, _), Year(y2)) | (Year(y2), Month(y1, _)) => y1 == y2,
            }
        }
        (Value::Text(x), Value::Text(y)) => x == y,
        // A resolved date against an unresolved weekday: no basis to call it a conflict.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;
    use crate::load::load_bytes;

    fn run(old: &str, new: &str) -> Vec<Finding> {
        let header = "source: T\npublished: 5 Sep 2025\n\n";
        let a = analyze(load_bytes("old.txt", format!("{header}{old}").as_bytes()).unwrap());
        let b = analyze(load_bytes("new.txt", format!("{header}{new}").as_bytes()).unwrap());
        let alignment = crate::align::align(&a.sentences, &b.sentences);
        diff(&a, &b, &alignment)
    }

    fn summary(f: &[Finding]) -> Vec<String> {
        f.iter()
            .map(|f| match f.facet {
                Some(facet) => format!(
                    "{}:{} {} -> {}",
                    f.kind.as_str(),
                    facet.as_str(),
                    f.sides[0].value,
                    f.sides[1].value
                ),
                None => f.kind.as_str().to_string(),
            })
            .collect()
    }

    #[test]
    fn number_change_is_a_quantity_conflict() {
        let f = run(
            "On Thursday 26 states agreed to send troops.\n",
            "On Thursday 24 states agreed to send troops.\n",
        );
        assert_eq!(summary(&f), ["conflict:quantity 26 -> 24"]);
    }

    #[test]
    fn synonym_noun_and_number_words_are_not_a_conflict() {
        let f = run(
            "Delegations from 26 states attended the talks.\n",
            "Delegations from twenty-six countries attended the talks.\n",
        );
        assert_eq!(summary(&f), ["reworded"]);
    }

    #[test]
    fn vague_and_exact_are_compatible() {
        let f = run(
            "A day earlier dozens of nations pledged troops to the plan.\n",
            "A day earlier 26 nations pledged troops to the plan.\n",
        );
        assert_eq!(summary(&f), ["reworded"]);
    }

    #[test]
    fn weekday_change_is_a_date_conflict() {
        let f = run(
            "The summit on Thursday ended late.\n",
            "The summit on Wednesday ended late.\n",
        );
        assert_eq!(summary(&f), ["conflict:date 2025-09-04 -> 2025-09-03"]);
    }

    #[test]
    fn quote_words_and_speaker() {
        let f = run(
            "“They will be legitimate targets,” Putin said.\n",
            "“They would be legitimate targets,” Putin said.\n",
        );
        assert_eq!(
            summary(&f),
            ["conflict:quote They will be legitimate targets -> They would be legitimate targets"]
        );
        let f = run(
            "“They will be legitimate targets,” Putin said.\n",
            "“They will be legitimate targets,” Peskov said.\n",
        );
        assert_eq!(summary(&f), ["conflict:attribution Putin -> Peskov"]);
    }

    #[test]
    fn negation_flip_is_a_polarity_conflict() {
        let f = run(
            "The driver was not injured in the crash.\n",
            "The driver was injured in the crash.\n",
        );
        assert_eq!(summary(&f), ["conflict:polarity negative -> positive"]);
    }

    #[test]
    fn punctuation_only_change_outside_quotes_is_nothing() {
        assert!(
            run(
                "The storm, officials said, was severe.\n",
                "The storm officials said was severe.\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn added_removed_and_moved() {
        let f = run(
            "First point here.\n\nSecond point there.\n\nThird idea now.\n",
            "Second point there.\n\nFirst point here.\n\nA new fourth line.\n",
        );
        let kinds = summary(&f);
        assert!(kinds.contains(&"moved".to_string()), "{kinds:?}");
        assert!(kinds.contains(&"added".to_string()));
        assert!(kinds.contains(&"removed".to_string()));
    }

    #[test]
    fn split_sentence_keeps_its_facts_and_finds_a_changed_one() {
        let old = "Intro stays here.\n\nThe council approved 40 new homes on Monday, and the mayor said work would start in May.\n";
        let same = "Intro stays here.\n\nThe council approved 40 new homes on Monday. The mayor said work would start in May.\n";
        assert_eq!(summary(&run(old, same)), ["reworded"]);
        let changed = "Intro stays here.\n\nThe council approved 45 new homes on Monday. The mayor said work would start in May.\n";
        assert_eq!(summary(&run(old, changed)), ["conflict:quantity 40 -> 45"]);
    }

    #[test]
    fn punctuation_inside_a_quote_is_a_low_severity_quote_change() {
        let f = run(
            "“We will act, now,” the mayor said.\n",
            "“We will act now!” the mayor said.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].facet, f[0].severity),
            (Some(Facet::Quote), Severity::Low)
        );
    }

    #[test]
    fn a_figure_restated_in_a_rewritten_sentence_is_still_compared() {
        let old = "Intro line stays the same here.\n\nWhile a handful of properties have sadly flooded over the past few days, defences held.\n";
        let new = "Intro line stays the same here.\n\nSadly around 400 properties have flooded over the past few days across the region.\n";
        let f = run(old, new);
        assert!(
            summary(&f)
                .iter()
                .any(|s| s.starts_with("conflict:quantity 2..9 -> 360..440")),
            "{:?}",
            summary(&f)
        );
    }

    #[test]
    fn a_figure_added_to_an_edited_sentence_is_an_added_fact() {
        let f = run(
            "Defences have protected more than 40,000 properties from the floods.\n",
            "Defences have protected more than 40,000 properties from the floods, including 583 in Leominster.\n",
        );
        assert_eq!(summary(&f), ["added"]);
        assert_eq!(f[0].sides[0].value, "583");
    }
}
