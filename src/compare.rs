//! Stages 5 and 6 for outlets, **align + diff across N sources**: analysed articles on one
//! event → clusters of claims about the same fact → conflicts and omissions.
//!
//! Sentence order means nothing across outlets, so nothing here is a sequence diff: claims
//! pair by slot and by the similarity of their sentences (best pairs first, an assignment),
//! and pairs join into clusters across all sources. Per cluster: the value each source gives,
//! whether they agree (compatible values agree: `26` and `more than two dozen`), the
//! consensus and the outliers when there are three or more sources, and the sources that do
//! not carry the fact. A disagreement is reported pairwise (outlier against each source it
//! contradicts), so two sources that agree never appear as each other's conflict. A fact
//! only some sources carry is `omitted` by the others — omission is not denial. No I/O.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::align::{content_words, context_words, similarity, words};
use crate::diff::values_compatible;
use crate::model::{
    Analysis, Claim, ClaimKind, Facet, Finding, FindingKind, Severity, Side, Value,
};

/// A fact as the sources state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub id: usize,
    pub kind: ClaimKind,
    /// The slot: counted noun, speaker, or a short label of the sentence.
    pub subject: Option<String>,
    /// One entry per source that states the fact, in source order.
    pub members: Vec<Side>,
    /// The speaker each member names, for quotes (same order as `members`).
    pub speakers: Vec<Option<String>>,
    /// The value most sources give, when the sources disagree and one value leads.
    pub consensus: Option<String>,
    /// Sources whose value contradicts the consensus.
    pub outliers: Vec<String>,
    /// Sources that do not state the fact.
    pub missing: Vec<String>,
    pub agree: bool,
}

/// Everything a compare report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The sources, labelled by their `source` metadata or their file name.
    pub sources: Vec<Source>,
    pub clusters: Vec<Cluster>,
    pub findings: Vec<Finding>,
}

/// One input of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The document as named on the command line.
    pub doc: String,
    /// The outlet's name from metadata, or the file name.
    pub label: String,
}

/// How alike two sentences must be for their claims to be about the same fact, by kind.
const SAME_EVENT_SENTENCE: f64 = 0.3;
const SAME_QUOTE: f64 = 0.5;
const DRIFTED_QUOTE: f64 = 0.3;
const SAME_POLARITY_SENTENCE: f64 = 0.4;
/// Up to this many claims, every pair across sources is weighed.
const EXHAUSTIVE_ITEMS: usize = 400;

/// Below this similarity to every sentence of another source, a sentence is that source's own.
const EXCLUSIVE: f64 = 0.3;

/// A claim with the source it came from.
#[derive(Debug, Clone)]
struct Item<'a> {
    source: usize,
    analysis: &'a Analysis,
    claim: &'a Claim,
    /// Content words around the claim.
    context: Vec<String>,
}

/// Compares the analysed articles of several sources.
pub fn compare(analyses: &[Analysis]) -> Comparison {
    let sources: Vec<Source> = analyses
        .iter()
        .map(|a| Source {
            doc: a.doc.name.clone(),
            label: a
                .doc
                .meta
                .source
                .clone()
                .unwrap_or_else(|| file_name(&a.doc.name)),
        })
        .collect();
    let sentence_words: Vec<Vec<Vec<String>>> = analyses
        .iter()
        .map(|a| a.sentences.iter().map(|s| content_words(&s.text)).collect())
        .collect();
    let sentence_sim = |x: &Item, y: &Item| {
        similarity(
            &sentence_words[x.source][x.claim.sentence],
            &sentence_words[y.source][y.claim.sentence],
        )
    };

    let mut items: Vec<Item> = Vec::new();
    for (source, a) in analyses.iter().enumerate() {
        for claim in a.claims.iter().filter(|c| {
            matches!(
                c.kind,
                ClaimKind::Quantity | ClaimKind::Date | ClaimKind::Quote
            )
        }) {
            items.push(Item {
                source,
                analysis: a,
                claim,
                context: context_words(a, claim),
            });
        }
    }

    // Candidate pairs across sources, scored; the best pairs are taken first, each claim
    // pairing at most once with each other source.
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    // Long articles: only claims whose sentences share rare words, or whose slot or value is
    // the same, are weighed against each other (short ones: every pair).
    let indexes: Vec<SentenceIndex> = sentence_words
        .iter()
        .map(|w| SentenceIndex::new(w))
        .collect();
    let weigh = |i: usize, j: usize, candidates: &mut Vec<(f64, usize, usize)>| {
        let (x, y) = (&items[i], &items[j]);
        if x.source == y.source || x.claim.kind != y.claim.kind {
            return;
        }
        if let Some(score) = pair_score(x, y, sentence_sim(x, y)) {
            candidates.push((score, i, j));
        }
    };
    if items.len() <= EXHAUSTIVE_ITEMS {
        for i in 0..items.len() {
            for j in i + 1..items.len() {
                weigh(i, j, &mut candidates);
            }
        }
    } else {
        // Pairs from sentences that share rare words, and from the same slot or value.
        let mut at: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut slots: HashMap<(ClaimKind, String), Vec<usize>> = HashMap::new();
        for (k, x) in items.iter().enumerate() {
            at.entry((x.source, x.claim.sentence)).or_default().push(k);
            if let Some(noun) = &x.claim.noun {
                slots
                    .entry((x.claim.kind, noun.clone()))
                    .or_default()
                    .push(k);
            }
            slots
                .entry((x.claim.kind, format!("={}", x.claim.value)))
                .or_default()
                .push(k);
        }
        let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (i, x) in items.iter().enumerate() {
            for (j, index) in indexes.iter().enumerate().filter(|(j, _)| *j != x.source) {
                for s in index.candidates(&sentence_words[x.source][x.claim.sentence]) {
                    for &k in at.get(&(j, s)).into_iter().flatten() {
                        pairs.insert((i.min(k), i.max(k)));
                    }
                }
            }
        }
        for members in slots.values().filter(|m| m.len() <= 200) {
            for (a, &i) in members.iter().enumerate() {
                for &k in &members[a + 1..] {
                    pairs.insert((i.min(k), i.max(k)));
                }
            }
        }
        for (i, j) in pairs {
            weigh(i, j, &mut candidates);
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut paired_with: HashMap<(usize, usize), usize> = HashMap::new();
    let mut union = UnionFind::new(&items);
    for (_, i, j) in candidates {
        let (si, sj) = (items[i].source, items[j].source);
        if paired_with.contains_key(&(i, sj)) || paired_with.contains_key(&(j, si)) {
            continue;
        }
        // Two claims of one source must not end up in one cluster.
        if union.overlap(i, j) {
            continue;
        }
        paired_with.insert((i, sj), j);
        paired_with.insert((j, si), i);
        union.join(i, j);
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        groups.entry(union.root(i)).or_default().push(i);
    }
    let mut clusters = Vec::new();
    let mut findings = Vec::new();
    for members in groups.into_values() {
        let kind = items[members[0]].claim.kind;
        // Polarity clusters only matter where they disagree; lone negations are not facts.
        if kind == ClaimKind::Polarity && members.len() < 2 {
            continue;
        }
        let id = clusters.len() + 1;
        let cluster = build_cluster(id, &members, &items, &sources, &mut findings);
        clusters.push(cluster);
    }
    findings.extend(polarity_conflicts(analyses, &sentence_words, &mut clusters));
    findings.extend(omissions(
        analyses,
        &indexes,
        &sentence_words,
        &sources,
        &clusters,
    ));
    findings.sort_by_key(finding_order);
    Comparison {
        sources,
        clusters,
        findings,
    }
}

/// Findings sort by cluster, kind and facet, then by where their sides are.
type FindingOrder = (
    Option<usize>,
    FindingKind,
    Option<Facet>,
    Vec<(String, u32, u32)>,
);

fn finding_order(f: &Finding) -> FindingOrder {
    (
        f.cluster,
        f.kind,
        f.facet,
        f.sides
            .iter()
            .map(|s| (s.doc.clone(), s.line, s.col))
            .collect(),
    )
}

fn file_name(name: &str) -> String {
    std::path::Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(name)
        .to_string()
}

/// How well two claims of different sources fit one fact, or `None` when they do not. The
/// slot (counted noun) and the words around the claim decide; the same value is a hint too,
/// so that `146 injured` pairs with `146 people injured` before `31 killed` can take it.
fn pair_score(x: &Item, y: &Item, sentences: f64) -> Option<f64> {
    let context = similarity(&x.context, &y.context);
    let same_value = x.claim.value == y.claim.value;
    match x.claim.kind {
        ClaimKind::Quantity => {
            let same_unit = matches!((&x.claim.value, &y.claim.value), (Value::Quantity(a), Value::Quantity(b)) if a.unit == b.unit);
            let (nouns, bar) = match (&x.claim.noun, &y.claim.noun) {
                (Some(a), Some(b)) if a == b => (1.0, 0.08),
                (Some(a), Some(b)) if head(a) == head(b) => (0.6, 0.2),
                (None, None) => (0.0, 0.35),
                // One side says what it counts and the other does not: only the same
                // figure, or nearly the same sentence, makes them one fact.
                _ if same_value => (0.0, 0.35),
                _ => (0.0, 0.7),
            };
            let evidence = sentences.max(context);
            (same_unit && evidence >= bar)
                .then_some(nouns + sentences + context + if same_value { 0.5 } else { 0.0 })
        }
        ClaimKind::Date => {
            // A news lede says when the main event happened: the ledes' dates are about
            // the same thing even when the outlets word them apart.
            let lede = x.claim.sentence < 2 && y.claim.sentence < 2;
            let evidence = sentences
                .max(context)
                .max(if lede { SAME_EVENT_SENTENCE } else { 0.0 });
            (evidence >= SAME_EVENT_SENTENCE)
                .then_some(sentences + context + if same_value { 0.3 } else { 0.0 })
        }
        ClaimKind::Quote => {
            let a: Vec<String> = words(&x.claim.value.to_string()).collect();
            let b: Vec<String> = words(&y.claim.value.to_string()).collect();
            // Scare quotes of a word or two pair only when they are the same words; a quote
            // that drifted between outlets still pairs when the same person says it.
            let short = a.len() < 4 || b.len() < 4;
            let score = similarity(&a, &b);
            let same_speaker = x.claim.speaker.is_some() && x.claim.speaker == y.claim.speaker;
            let needed = if short {
                1.0
            } else if same_speaker {
                DRIFTED_QUOTE
            } else {
                SAME_QUOTE
            };
            (score >= needed).then_some(score + sentences * 0.1)
        }
        _ => None,
    }
}

fn head(noun: &str) -> &str {
    noun.split_whitespace().last().unwrap_or(noun)
}

fn side_of(item: &Item, value: String) -> Side {
    let (line, col) = item.analysis.doc.position(item.claim.span.start);
    Side {
        doc: item.analysis.doc.name.clone(),
        line,
        col,
        text: item.analysis.sentences[item.claim.sentence].text.clone(),
        value,
        surface: item.claim.surface.clone(),
    }
}

fn display_value(item: &Item) -> String {
    item.claim.value.to_string()
}

fn speaker_name(item: &Item) -> Option<String> {
    let key = item.claim.speaker.as_ref()?;
    Some(
        item.analysis
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Attribution && c.speaker.as_ref() == Some(key))
            .map_or_else(|| key.clone(), |c| c.value.to_string()),
    )
}

/// Builds a cluster and pushes the findings of its disagreements.
fn build_cluster(
    id: usize,
    members: &[usize],
    items: &[Item],
    sources: &[Source],
    findings: &mut Vec<Finding>,
) -> Cluster {
    let first = &items[members[0]];
    let kind = first.claim.kind;
    let present: BTreeSet<usize> = members.iter().map(|&m| items[m].source).collect();
    let missing: Vec<String> = (0..sources.len())
        .filter(|s| !present.contains(s))
        .map(|s| sources[s].doc.clone())
        .collect();
    let sides: Vec<Side> = members
        .iter()
        .map(|&m| side_of(&items[m], display_value(&items[m])))
        .collect();
    let subject = match kind {
        ClaimKind::Quantity => first.claim.noun.clone(),
        ClaimKind::Quote => members.iter().find_map(|&m| speaker_name(&items[m])),
        _ => None,
    };
    let mut cluster = Cluster {
        id,
        kind,
        subject: subject.clone(),
        speakers: members.iter().map(|&m| speaker_name(&items[m])).collect(),
        members: sides,
        consensus: None,
        outliers: Vec::new(),
        missing,
        agree: true,
    };
    let mut push = |facet: Facet, a: &Item, av: String, b: &Item, bv: String| {
        findings.push(Finding {
            kind: FindingKind::Conflict,
            facet: Some(facet),
            severity: Severity::High,
            sides: vec![side_of(a, av), side_of(b, bv)],
            subject: subject.clone(),
            reason: Some(format!(
                "same fact in {} sources (cluster {id})",
                members.len()
            )),
            missing: Vec::new(),
            cluster: Some(id),
        });
    };
    match kind {
        ClaimKind::Quantity | ClaimKind::Date => {
            // Each member's support: how many members its value is compatible with.
            let compatible = |i: usize, j: usize| {
                let (x, y) = (items[i].claim, items[j].claim);
                values_compatible(&x.value, &y.value)
                    || x.alternatives.contains(&y.value.to_string())
                    || y.alternatives.contains(&x.value.to_string())
            };
            let support: Vec<usize> = members
                .iter()
                .map(|&i| members.iter().filter(|&&j| compatible(i, j)).count())
                .collect();
            let best = support.iter().copied().max().unwrap_or(0);
            if best < members.len() {
                cluster.agree = false;
                let leader = members[support.iter().position(|&s| s == best).unwrap_or(0)];
                let unique_leader =
                    support.iter().filter(|&&s| s == best).count() > 1 || members.len() == 2;
                if members.len() >= 3 && !(unique_leader && best == 1) {
                    cluster.consensus = Some(display_value(&items[leader]));
                }
                let facet = if kind == ClaimKind::Quantity {
                    Facet::Quantity
                } else {
                    Facet::Date
                };
                for (x, &i) in members.iter().enumerate() {
                    for &j in &members[x + 1..] {
                        if !compatible(i, j) {
                            let (a, b) = (&items[i], &items[j]);
                            push(facet, a, display_value(a), b, display_value(b));
                        }
                    }
                }
                if cluster.consensus.is_some() {
                    cluster.outliers = members
                        .iter()
                        .filter(|&&i| !compatible(i, leader))
                        .map(|&i| items[i].analysis.doc.name.clone())
                        .collect();
                }
            }
        }
        ClaimKind::Quote => {
            // The speaker most sources name leads; the others are the outliers.
            // Speakers are compared by key (`putin`), shown by name.
            let keys: Vec<Option<&String>> = members
                .iter()
                .map(|&m| items[m].claim.speaker.as_ref())
                .collect();
            let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
            for key in keys.iter().flatten() {
                *counts.entry(key).or_default() += 1;
            }
            if counts.len() > 1 && members.len() >= 3 {
                let (leader, top) = counts
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .expect("speakers");
                if counts.values().filter(|&&n| n == *top).count() == 1 {
                    let at = keys.iter().position(|k| k == &Some(*leader)).unwrap_or(0);
                    cluster.consensus = cluster.speakers[at].clone();
                    cluster.outliers = keys
                        .iter()
                        .zip(&cluster.members)
                        .filter(|(k, _)| k.is_some_and(|k| k != *leader))
                        .map(|(_, m)| m.doc.clone())
                        .collect();
                }
            }
            let key = |i: usize| crate::align::sentence_key(&items[i].claim.value.to_string());
            // Otherwise the wording most sources give leads (`Should any troops appear…` in
            // three outlets against `If troops turn up…` in one).
            if cluster.consensus.is_none() && members.len() >= 3 {
                let mut wordings: BTreeMap<String, usize> = BTreeMap::new();
                for &m in members {
                    *wordings.entry(key(m)).or_default() += 1;
                }
                let top = wordings.values().copied().max().unwrap_or(0);
                if wordings.len() > 1 && wordings.values().filter(|&&n| n == top).count() == 1 {
                    let leader = members
                        .iter()
                        .copied()
                        .find(|&m| wordings[&key(m)] == top)
                        .expect("a leader");
                    cluster.consensus = Some(display_value(&items[leader]));
                    cluster.outliers = members
                        .iter()
                        .filter(|&&m| key(m) != key(leader))
                        .map(|&m| items[m].analysis.doc.name.clone())
                        .collect();
                }
            }
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    let (a, b) = (&items[i], &items[j]);
                    if key(i) != key(j) {
                        cluster.agree = false;
                        push(Facet::Quote, a, display_value(a), b, display_value(b));
                    }
                    if let (Some(sa), Some(sb)) = (&a.claim.speaker, &b.claim.speaker)
                        && sa != sb
                    {
                        cluster.agree = false;
                        push(
                            Facet::Attribution,
                            a,
                            speaker_name(a).unwrap_or_default(),
                            b,
                            speaker_name(b).unwrap_or_default(),
                        );
                    }
                }
            }
        }
        _ => {}
    }
    cluster
}

/// Verbs that deny and the verbs that affirm the same thing.
const DENY: &[&str] = &[
    "denied", "denies", "deny", "rejected", "rejects", "refused", "refuses",
];
const AFFIRM: &[&str] = &["confirmed", "confirms", "confirm"];
const NOT: &[&str] = &["not", "never", "no", "n't", "cannot"];

/// Whether two sentences that say the same thing state it with opposite polarity: one denies
/// what the other confirms, or one negates a verb the other states plainly (`did not rule
/// out` / `ruled out`). Counting negations alone would flag `flatly rejected … "definitely
/// not"` against `"definitely not"`, which agree.
fn polarity_flip(a: &str, b: &str) -> Option<(String, String)> {
    let wa: Vec<String> = words(a).collect();
    let wb: Vec<String> = words(b).collect();
    let has = |w: &[String], set: &[&str]| w.iter().find(|x| set.contains(&x.as_str())).cloned();
    if let (Some(d), Some(c)) = (has(&wa, DENY), has(&wb, AFFIRM))
        && has(&wb, DENY).is_none()
        && has(&wa, AFFIRM).is_none()
    {
        return Some((d, c));
    }
    if let (Some(c), Some(d)) = (has(&wa, AFFIRM), has(&wb, DENY))
        && has(&wa, DENY).is_none()
        && has(&wb, AFFIRM).is_none()
    {
        return Some((c, d));
    }
    // A "not" before a verb that the other sentence has without a "not" before it.
    let negated_verbs = |w: &[String]| -> Vec<String> {
        w.windows(3)
            .filter(|t| NOT.contains(&t[0].as_str()) || t[0] == "did" && t[1] == "not")
            .map(|t| {
                if t[0] == "did" {
                    stem(&t[2])
                } else {
                    stem(&t[1])
                }
            })
            .collect()
    };
    let plain = |w: &[String], verb: &str| {
        w.iter().enumerate().any(|(i, x)| {
            stem(x) == verb
                && (i == 0 || !(NOT.contains(&w[i - 1].as_str()) || i >= 2 && w[i - 2] == "not"))
        })
    };
    for v in negated_verbs(&wa) {
        if plain(&wb, &v)
            && !negated_verbs(&wb).contains(&v)
            && wa.iter().filter(|x| stem(x) == v).count() == 1
        {
            return Some((format!("not {v}…"), format!("{v}…")));
        }
    }
    for v in negated_verbs(&wb) {
        if plain(&wa, &v)
            && !negated_verbs(&wa).contains(&v)
            && wb.iter().filter(|x| stem(x) == v).count() == 1
        {
            return Some((format!("{v}…"), format!("not {v}…")));
        }
    }
    None
}

/// A crude stem for matching a verb's forms (`rule`, `ruled`, `rules`).
fn stem(w: &str) -> String {
    w.chars().take(4).collect()
}

/// Sentences that say the same thing in two sources with opposite polarity (`police
/// confirmed` against `police denied`).
fn polarity_conflicts(
    analyses: &[Analysis],
    sentence_words: &[Vec<Vec<String>>],
    clusters: &mut Vec<Cluster>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, a) in analyses.iter().enumerate() {
        for (j, b) in analyses.iter().enumerate().skip(i + 1) {
            let index = SentenceIndex::new(&sentence_words[j]);
            for (sa, wa) in sentence_words[i].iter().enumerate() {
                // The best partner of each sentence of `a` in `b`, among those sharing words.
                let best = index
                    .candidates(wa)
                    .into_iter()
                    .map(|sb| (similarity(wa, &sentence_words[j][sb]), sb))
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
                let Some((score, sb)) = best else { continue };
                if score < SAME_POLARITY_SENTENCE {
                    continue;
                }
                let Some((cue_a, cue_b)) =
                    polarity_flip(&a.sentences[sa].text, &b.sentences[sb].text)
                else {
                    continue;
                };
                let side = |x: &Analysis, s: usize, cue: String| {
                    let sentence = &x.sentences[s];
                    let negative =
                        DENY.iter().any(|d| cue.starts_with(d)) || cue.starts_with("not ");
                    Side {
                        doc: x.doc.name.clone(),
                        line: sentence.line,
                        col: sentence.col,
                        text: sentence.text.clone(),
                        value: if negative { "negative" } else { "positive" }.to_string(),
                        surface: cue,
                    }
                };
                let id = clusters.len() + 1;
                let sides = vec![side(a, sa, cue_a), side(b, sb, cue_b)];
                clusters.push(Cluster {
                    id,
                    kind: ClaimKind::Polarity,
                    subject: None,
                    speakers: vec![None, None],
                    members: sides.clone(),
                    consensus: None,
                    outliers: Vec::new(),
                    missing: Vec::new(),
                    agree: false,
                });
                findings.push(Finding {
                    kind: FindingKind::Conflict,
                    facet: Some(Facet::Polarity),
                    severity: Severity::High,
                    sides,
                    subject: None,
                    reason: Some(format!(
                        "same statement, opposite polarity ({:.0}% words shared)",
                        score * 100.0
                    )),
                    missing: Vec::new(),
                    cluster: Some(id),
                });
            }
        }
    }
    findings
}

/// Facts (figures, dates, quotes) that one source states in a sentence no other source
/// echoes. One finding per such sentence, listing who lacks it.
fn omissions(
    analyses: &[Analysis],
    indexes: &[SentenceIndex],
    sentence_words: &[Vec<Vec<String>>],
    sources: &[Source],
    clusters: &[Cluster],
) -> Vec<Finding> {
    // Sentences whose claims joined a cluster with other sources are shared, not omitted.
    // Keyed by sentence text: one source line can hold a whole paragraph (saved pages).
    let mut shared: BTreeSet<(String, String)> = BTreeSet::new();
    for c in clusters.iter().filter(|c| c.members.len() > 1) {
        for m in &c.members {
            shared.insert((m.doc.clone(), m.text.clone()));
        }
    }
    let mut findings = Vec::new();
    for (i, a) in analyses.iter().enumerate() {
        for (s, sentence) in a.sentences.iter().enumerate() {
            // A fact: a figure, a date, a quote, an attribution; or a named person or place
            // doing something (the sentence has an entity and enough content words).
            // Vague amounts (`several said…`) are colour, not facts a reader would miss.
            let vague = |c: &Claim| matches!(&c.value, Value::Quantity(q) if q.stated.is_none() && q.hedge != "range");
            let facts: Vec<&Claim> = a
                .claims_of(s)
                .filter(|c| {
                    matches!(
                        c.kind,
                        ClaimKind::Quantity | ClaimKind::Date | ClaimKind::Quote
                    )
                })
                .filter(|c| !vague(c))
                .collect();
            // Without a figure, date or quote, a sentence counts when it names someone no
            // other source names (`Keir Starmer joined remotely`): two capitalised words no
            // other source has — one alone (`Pacific`) is more often a detail than a fact.
            let names_own = || {
                sentence
                    .text
                    .split_whitespace()
                    .skip(1)
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .filter(|w| {
                        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                        let w = w.trim_end_matches("'s").trim_end_matches("’s");
                        // An outlet naming itself ("told Radio North") names nothing new.
                        w.len() > 2
                            && !sources[i].label.split_whitespace().any(|l| l == w)
                            && (0..analyses.len())
                                .filter(|&j| j != i)
                                .all(|j| !analyses[j].doc.text.contains(w))
                    })
                    .count()
                    >= 2
            };
            if (facts.is_empty() && !names_own())
                || shared.contains(&(a.doc.name.clone(), sentence.text.clone()))
            {
                continue;
            }
            let echoed = (0..analyses.len()).filter(|&j| j != i).any(|j| {
                indexes[j]
                    .candidates(&sentence_words[i][s])
                    .into_iter()
                    .any(|k| similarity(&sentence_words[i][s], &sentence_words[j][k]) >= EXCLUSIVE)
            });
            // An echoed sentence can still carry a figure of its own: a counted quantity that
            // no other source states at all (`The tank held 40 tonnes of ammonia, …, and the
            // leak was stopped by 11 p.m.` where the others only report the stop).
            let own_figure = facts.iter().copied().find(|c| {
                c.kind == ClaimKind::Quantity
                    && c.noun.is_some()
                    && !vague(c)
                    && !analyses.iter().enumerate().any(|(j, b)| {
                        j != i
                            && b.claims.iter().any(|o| {
                                o.kind == ClaimKind::Quantity
                                    && (o.noun == c.noun || o.value == c.value)
                            })
                    })
            });
            if echoed && own_figure.is_none() && !names_own() {
                continue;
            }
            let claim = own_figure.or(facts.first().copied());
            let claim = claim.as_ref();
            let (line, col) = claim.map_or((sentence.line, sentence.col), |c| {
                a.doc.position(c.span.start)
            });
            findings.push(Finding {
                kind: FindingKind::Omitted,
                facet: None,
                severity: Severity::Medium,
                sides: vec![Side {
                    doc: a.doc.name.clone(),
                    line,
                    col,
                    text: sentence.text.clone(),
                    value: claim.map(|c| c.value.to_string()).unwrap_or_default(),
                    surface: claim.map(|c| c.surface.clone()).unwrap_or_default(),
                }],
                subject: claim.and_then(|c| c.noun.clone()),
                reason: Some(format!(
                    "only {} reports this; the others do not mention it (not a denial)",
                    sources[i].label
                )),
                missing: sources
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, s)| s.doc.clone())
                    .collect(),
                cluster: None,
            });
        }
    }
    findings
}

/// Which sentences of one source hold which content words, to find the sentences worth
/// comparing with a given one without comparing every pair.
struct SentenceIndex {
    postings: HashMap<String, Vec<usize>>,
    sentences: usize,
}

/// How many candidates a sentence gets, best first.
const CANDIDATES: usize = 24;

impl SentenceIndex {
    fn new(sentence_words: &[Vec<String>]) -> Self {
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, words) in sentence_words.iter().enumerate() {
            for w in words {
                let list = postings.entry(w.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        SentenceIndex {
            postings,
            sentences: sentence_words.len(),
        }
    }

    /// The sentences sharing the most words with `words` (words in most sentences do not
    /// count), in order of sentence index for determinism among equals.
    fn candidates(&self, words: &[String]) -> Vec<usize> {
        let common = (self.sentences / 5).max(12);
        let mut hits: BTreeMap<usize, usize> = BTreeMap::new();
        for w in words {
            if let Some(list) = self.postings.get(w).filter(|l| l.len() <= common) {
                for &s in list {
                    *hits.entry(s).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = hits.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(CANDIDATES)
            .map(|(s, _)| s)
            .collect()
    }
}

/// Union-find over claim indices, keeping the set of sources in each cluster at its root.
struct UnionFind {
    parent: Vec<usize>,
    sources: Vec<BTreeSet<usize>>,
}

impl UnionFind {
    fn new(items: &[Item]) -> Self {
        UnionFind {
            parent: (0..items.len()).collect(),
            sources: items.iter().map(|it| BTreeSet::from([it.source])).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            self.parent[gone] = keep;
            let moved = std::mem::take(&mut self.sources[gone]);
            self.sources[keep].extend(moved);
        }
    }

    /// Whether the clusters of `a` and `b` share a source.
    fn overlap(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        ra == rb || !self.sources[ra].is_disjoint(&self.sources[rb])
    }
}
