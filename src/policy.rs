//! The policy of `factdiff check` (`factdiff.toml` at the repository root, or `--config`):
//! which paths are articles, which findings fail the check, which only warn, which are
//! informational; and the verdicts it gives the findings of a report.
//!
//! ```toml
//! articles = ["**/*.md", "**/*.markdown", "**/*.txt", "**/*.html"]  # globs from the root
//! ignore = ["drafts/**"]                                          # paths never checked
//! fail = ["conflict.quote", "conflict.attribution", "removed.quote"]
//! warn = ["conflict.quantity", "conflict.date"]
//! info = []                                                       # overrides, see below
//! ```
//!
//! A rule is a kind (`added`, `removed`, `moved`, `reworded`, `conflict`) or a kind and a facet
//! (`conflict.quote`). For `conflict` the facet is what changed; for `removed` and `added` it
//! is a kind of claim the sentence carries (`removed.quote`: a removed sentence that held a
//! quote). A finding's level is the highest among the rules with a facet that match it; when
//! none does, the highest among the bare kinds that match; else informational (`note`). So
//! `fail = ["conflict"]` with `info = ["conflict.polarity"]` fails every conflict but polarity.
//! `fail`, `warn` and `info` go together: a file that sets any of them replaces the default
//! levels whole, and the lists it leaves out are empty (`--dump-config` shows the result).
//!
//! Errors name the file and line: `factdiff.toml:3: unknown key "fial"`. No I/O but reading
//! the policy file; no printing.

use std::fmt;
use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::align::{Alignment, align};
use crate::model::{Analysis, ClaimKind, Facet, Finding, FindingKind};
use crate::report::Step;

/// The policy file looked for at the repository root.
pub const FILE_NAME: &str = "factdiff.toml";

/// The article globs without a policy file.
pub const DEFAULT_ARTICLES: [&str; 4] = ["**/*.md", "**/*.markdown", "**/*.txt", "**/*.html"];

/// The keys a policy file may hold, in the order `--dump-config` writes them.
const KEYS: [&str; 5] = ["articles", "ignore", "fail", "warn", "info"];

/// The facets of a sentence's claims, most important first: a removed sentence holding a
/// quote and a figure is a removed quote first.
const PRIORITY: [Facet; 5] = [
    Facet::Quote,
    Facet::Attribution,
    Facet::Quantity,
    Facet::Date,
    Facet::Polarity,
];

/// How a finding counts: fails the check, warns, or informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    /// The SARIF name: `note`, `warning`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A kind of finding, with a facet for conflicts and for added or removed sentences: both
/// what a policy lists (`conflict.quote`) and what a finding is reported as
/// (`factdiff/conflict/quote`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rule {
    pub kind: FindingKind,
    pub facet: Option<Facet>,
}

impl Rule {
    /// Whether rules of this kind can name a facet.
    fn takes_facet(kind: FindingKind) -> bool {
        matches!(
            kind,
            FindingKind::Conflict | FindingKind::Removed | FindingKind::Added
        )
    }

    /// Every rule a finding of `diff` or `check` can be reported under, in a fixed order.
    pub fn all() -> Vec<Rule> {
        let mut rules = Vec::new();
        for kind in FindingKind::ALL {
            rules.push(Rule { kind, facet: None });
            if Rule::takes_facet(kind) {
                rules.extend(Facet::ALL.iter().map(|&f| Rule {
                    kind,
                    facet: Some(f),
                }));
            }
        }
        rules
    }

    /// `factdiff/conflict/quote`, `factdiff/removed`.
    pub fn id(self) -> String {
        format!("factdiff/{}", self.selector().replace('.', "/"))
    }

    /// `conflict.quote`, `removed`: how a policy names the rule.
    pub fn selector(self) -> String {
        match self.facet {
            Some(f) => format!("{}.{}", self.kind.as_str(), f.as_str()),
            None => self.kind.as_str().to_string(),
        }
    }

    /// Reads `kind` or `kind.facet`.
    pub fn parse(text: &str) -> Result<Rule, String> {
        let (kind_word, facet_word) = match text.split_once('.') {
            Some((k, f)) => (k, Some(f)),
            None => (text, None),
        };
        let kind = FindingKind::ALL
            .into_iter()
            .filter(|k| *k != FindingKind::Omitted)
            .find(|k| k.as_str() == kind_word)
            .ok_or_else(|| {
                format!("unknown rule \"{text}\" (expected a kind: added, removed, moved, reworded, conflict; or kind.facet such as conflict.quote)")
            })?;
        let facet = match facet_word {
            None => None,
            Some(word) => {
                if !Rule::takes_facet(kind) {
                    return Err(format!(
                        "rule \"{text}\": {kind_word} takes no facet (only conflict, removed and added do)",
                        kind_word = kind.as_str()
                    ));
                }
                Some(Facet::ALL.into_iter().find(|f| f.as_str() == word).ok_or_else(|| {
                    format!("rule \"{text}\": unknown facet \"{word}\" (expected quantity, date, quote, attribution or polarity)")
                })?)
            }
        };
        Ok(Rule { kind, facet })
    }

    /// Whether a finding of `kind` touching `facets` falls under this rule.
    pub fn matches(self, kind: FindingKind, facets: &[Facet]) -> bool {
        self.kind == kind && self.facet.is_none_or(|f| facets.contains(&f))
    }

    /// A short title: `quote changed`, `sentence with a quote removed`.
    pub fn title(self) -> String {
        let noun = |f: Facet| match f {
            Facet::Quantity => "a figure",
            Facet::Date => "a date",
            Facet::Quote => "a quote",
            Facet::Attribution => "an attribution",
            Facet::Polarity => "a negation",
        };
        match (self.kind, self.facet) {
            (FindingKind::Conflict, Some(Facet::Quantity)) => "figure changed".into(),
            (FindingKind::Conflict, Some(Facet::Date)) => "date changed".into(),
            (FindingKind::Conflict, Some(Facet::Quote)) => "quote changed".into(),
            (FindingKind::Conflict, Some(Facet::Attribution)) => "speaker changed".into(),
            (FindingKind::Conflict, Some(Facet::Polarity)) => "polarity changed".into(),
            (FindingKind::Conflict, None) => "fact changed".into(),
            (kind, Some(f)) => format!("sentence with {} {}", noun(f), kind.as_str()),
            (kind, None) => format!("sentence {}", kind.as_str()),
        }
    }
}

/// A policy file that cannot be used. `Display` is one line: `factdiff.toml:3: unknown key "fial"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PolicyError {}

/// The effective policy of `factdiff check`.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The file it was read from, or `None` for the built-in default.
    pub source: Option<String>,
    /// Globs of article paths, from the repository root.
    pub articles: Vec<String>,
    /// Globs of paths never checked.
    pub ignore: Vec<String>,
    pub fail: Vec<Rule>,
    pub warn: Vec<Rule>,
    pub info: Vec<Rule>,
    articles_set: GlobSet,
    ignore_set: GlobSet,
}

impl Default for Policy {
    /// Quote and attribution conflicts and removed quotes fail; figure and date conflicts
    /// warn; everything else informs. Every `.md`, `.markdown`, `.txt`, `.html` is an article.
    fn default() -> Self {
        let rule = |text: &str| Rule::parse(text).expect("a valid built-in rule");
        let articles: Vec<String> = DEFAULT_ARTICLES.iter().map(|s| s.to_string()).collect();
        Policy {
            source: None,
            articles_set: glob_set(&articles).expect("valid built-in globs"),
            ignore_set: GlobSet::empty(),
            articles,
            ignore: Vec::new(),
            fail: vec![
                rule("conflict.quote"),
                rule("conflict.attribution"),
                rule("removed.quote"),
            ],
            warn: vec![rule("conflict.quantity"), rule("conflict.date")],
            info: Vec::new(),
        }
    }
}

fn glob_builder(pattern: &str) -> Result<globset::Glob, String> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
        .map_err(|e| format!("bad glob \"{pattern}\": {}", e.kind()))
}

fn glob_set(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(glob_builder(p)?);
    }
    builder.build().map_err(|e| e.to_string())
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn line_of(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// The closest known key, when the unknown one looks like a typo of it.
fn did_you_mean(key: &str) -> Option<&'static str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    KEYS.iter()
        .copied()
        .filter(|k| distance(key, k) <= 2)
        .min_by_key(|k| (distance(key, k), *k))
}

impl Policy {
    /// Reads a policy file; errors name it as `shown`.
    pub fn load(path: &Path, shown: &str) -> Result<Policy, PolicyError> {
        let bytes = std::fs::read(path).map_err(|e| PolicyError {
            file: shown.to_string(),
            line: None,
            message: if e.kind() == std::io::ErrorKind::NotFound {
                "no such file".to_string()
            } else {
                format!("cannot read: {e}")
            },
        })?;
        let text = String::from_utf8(bytes).map_err(|_| PolicyError {
            file: shown.to_string(),
            line: None,
            message: "not valid UTF-8".to_string(),
        })?;
        Policy::parse(shown, &text)
    }

    /// Reads a policy from TOML text; keys left out keep their defaults. `file` names errors.
    pub fn parse(file: &str, text: &str) -> Result<Policy, PolicyError> {
        let err = |offset: Option<usize>, message: String| PolicyError {
            file: file.to_string(),
            line: offset.map(|o| line_of(text, o)),
            message,
        };
        let table = DeTable::parse(text).map_err(|e| {
            let message = e
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .trim()
                .to_string();
            err(
                e.span().map(|s| s.start),
                format!("invalid TOML: {message}"),
            )
        })?;
        let mut policy = Policy {
            source: Some(file.to_string()),
            ..Policy::default()
        };
        // fail, warn and info are one table of levels: a file that sets any of them sets it
        // whole, and the lists it leaves out are empty.
        if ["fail", "warn", "info"]
            .iter()
            .any(|k| table.get_ref().get(*k).is_some())
        {
            policy.fail.clear();
            policy.warn.clear();
            policy.info.clear();
        }
        // The table iterates by key; report problems in the order of the file.
        let mut entries: Vec<(&Spanned<_>, &Spanned<DeValue>)> = table.get_ref().iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        // Where each rule was listed, to catch one rule in two lists.
        let mut listed: Vec<(Rule, &str)> = Vec::new();
        for (key, value) in entries {
            let name: &str = key.get_ref();
            let strings = || -> Result<Vec<(String, usize)>, PolicyError> {
                let example = if matches!(name, "articles" | "ignore") {
                    "\"articles/**/*.md\""
                } else {
                    "\"conflict.quote\""
                };
                let not_list = || {
                    err(
                        Some(value.span().start),
                        format!("{name} must be a list of strings, e.g. {name} = [{example}]"),
                    )
                };
                let array = value.get_ref().as_array().ok_or_else(not_list)?;
                array
                    .iter()
                    .map(|item| match item.get_ref().as_str() {
                        Some(s) => Ok((s.to_string(), item.span().start)),
                        None => Err(err(Some(item.span().start), {
                            let t = item.get_ref().type_str();
                            let a = if t.starts_with(['a', 'i']) { "an" } else { "a" };
                            format!("{name} must be a list of strings, found {a} {t} in it")
                        })),
                    })
                    .collect()
            };
            match name {
                "articles" | "ignore" => {
                    let globs = strings()?;
                    for (g, at) in &globs {
                        glob_builder(g).map_err(|m| err(Some(*at), m))?;
                    }
                    let globs: Vec<String> = globs.into_iter().map(|(g, _)| g).collect();
                    let set = glob_set(&globs).map_err(|m| err(Some(value.span().start), m))?;
                    if name == "articles" {
                        policy.articles = globs;
                        policy.articles_set = set;
                    } else {
                        policy.ignore = globs;
                        policy.ignore_set = set;
                    }
                }
                "fail" | "warn" | "info" => {
                    let mut rules = Vec::new();
                    for (text, at) in strings()? {
                        let rule = Rule::parse(&text).map_err(|m| err(Some(at), m))?;
                        if let Some((_, other)) =
                            listed.iter().find(|(r, list)| *r == rule && *list != name)
                        {
                            return Err(err(
                                Some(at),
                                format!("rule \"{text}\" is in both {other} and {name}"),
                            ));
                        }
                        if !rules.contains(&rule) {
                            rules.push(rule);
                            listed.push((
                                rule,
                                KEYS.iter().find(|k| **k == name).copied().unwrap_or(""),
                            ));
                        }
                    }
                    match name {
                        "fail" => policy.fail = rules,
                        "warn" => policy.warn = rules,
                        _ => policy.info = rules,
                    }
                }
                _ => {
                    let hint = match did_you_mean(name) {
                        Some(k) => format!(" (did you mean \"{k}\"?)"),
                        None => format!(" (known keys: {})", KEYS.join(", ")),
                    };
                    return Err(err(
                        Some(key.span().start),
                        format!("unknown key \"{name}\"{hint}"),
                    ));
                }
            }
        }
        Ok(policy)
    }

    /// Whether a path (from the repository root, `/`-separated) is an article to check.
    pub fn is_article(&self, path: &str) -> bool {
        self.articles_set.is_match(path) && !self.ignore_set.is_match(path)
    }

    /// The level of a finding of `kind` touching `facets` (see the module notes).
    pub fn level(&self, kind: FindingKind, facets: &[Facet]) -> Level {
        let lists = [
            (&self.fail, Level::Error),
            (&self.warn, Level::Warning),
            (&self.info, Level::Note),
        ];
        let best = |specific: bool| {
            lists
                .iter()
                .filter(|(rules, _)| {
                    rules
                        .iter()
                        .any(|r| r.facet.is_some() == specific && r.matches(kind, facets))
                })
                .map(|(_, level)| *level)
                .max()
        };
        best(true).or_else(|| best(false)).unwrap_or(Level::Note)
    }

    /// The policy as a `factdiff.toml` that reads back to the same policy (`--dump-config`).
    pub fn to_toml(&self) -> String {
        let strings = |items: &[String]| -> String {
            let quoted: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
            format!("[{}]", quoted.join(", "))
        };
        let rules = |rules: &[Rule]| -> String {
            strings(&rules.iter().map(|r| r.selector()).collect::<Vec<_>>())
        };
        let from = match &self.source {
            Some(file) => format!("from {file}"),
            None => format!("built-in default (no {FILE_NAME})"),
        };
        format!(
            "# The policy of factdiff check: {from}.\n\
             # Rules are a kind (added, removed, moved, reworded, conflict) or kind.facet, facets being\n\
             # quantity, date, quote, attribution, polarity (removed.quote: a removed sentence that held a quote).\n\
             \n\
             # Article paths, as globs from the repository root (`*` stays inside a folder, `**` crosses folders).\n\
             articles = {}\n\
             # Paths never checked, even when they are articles.\n\
             ignore = {}\n\
             # Findings that fail the check (exit status 1).\n\
             fail = {}\n\
             # Findings reported as warnings (exit status 0).\n\
             warn = {}\n\
             # Findings kept informational even where a broader rule above matches.\n\
             info = {}\n",
            strings(&self.articles),
            strings(&self.ignore),
            rules(&self.fail),
            rules(&self.warn),
            rules(&self.info),
        )
    }
}

/// How one finding is judged, and where in the newer file a CI tool should point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub rule: Rule,
    pub level: Level,
    /// Line and column in the newer version: the finding's place there, or for a removed
    /// sentence the place it was removed from.
    pub line: u32,
    pub col: u32,
}

/// The verdicts of one step of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepVerdicts {
    /// The file CI tools annotate (the newer version's path).
    pub path: String,
    /// One per finding of the step, in the same order.
    pub verdicts: Vec<Verdict>,
}

/// The verdicts of a whole report, step by step, and what it covers (`2 changed articles`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdicts {
    pub steps: Vec<StepVerdicts>,
    pub scope: String,
}

impl Verdicts {
    pub fn count(&self, level: Level) -> usize {
        self.steps
            .iter()
            .flat_map(|s| &s.verdicts)
            .filter(|v| v.level == level)
            .count()
    }

    /// Whether any finding fails the policy.
    pub fn fails(&self) -> bool {
        self.count(Level::Error) > 0
    }
}

/// The facets a finding touches: a conflict's facet; for an added or removed sentence, the
/// kinds of claims it carries, most important first (quote, attribution, quantity, date,
/// polarity); nothing for moved and reworded sentences.
pub fn facets_of(f: &Finding, old: Option<&Analysis>, new: Option<&Analysis>) -> Vec<Facet> {
    match f.kind {
        FindingKind::Conflict => f.facet.into_iter().collect(),
        FindingKind::Added | FindingKind::Removed => {
            let Some(side) = f.sides.first() else {
                return Vec::new();
            };
            let analysis = [old, new]
                .into_iter()
                .flatten()
                .find(|a| a.doc.name == side.doc);
            let Some(a) = analysis else { return Vec::new() };
            let Some(sentence) = a
                .sentences
                .iter()
                .find(|s| s.line == side.line && s.col == side.col)
            else {
                return Vec::new();
            };
            let kinds: Vec<ClaimKind> = a.claims_of(sentence.index).map(|c| c.kind).collect();
            PRIORITY
                .into_iter()
                .filter(|f| kinds.iter().any(|k| k.as_str() == f.as_str()))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The rule a finding is reported under: its kind, and its first facet where the kind takes one.
pub fn rule_of(f: &Finding, facets: &[Facet]) -> Rule {
    Rule {
        kind: f.kind,
        facet: if Rule::takes_facet(f.kind) {
            facets.first().copied()
        } else {
            None
        },
    }
}

/// Judges the findings of one step: `old` and `new` are the step's analysed versions (either
/// may be missing, for an added or an emptied file), `path` the file to annotate, and `level`
/// the policy (`Policy::level`, or `--fail-on` for `diff`).
pub fn judge(
    step: &Step,
    old: Option<&Analysis>,
    new: Option<&Analysis>,
    path: &str,
    level: impl Fn(&Finding, &[Facet]) -> Level,
) -> StepVerdicts {
    let mut alignment: Option<Alignment> = None;
    let verdicts = step
        .findings
        .iter()
        .map(|f| {
            let facets = facets_of(f, old, new);
            let (line, col) = place_in_new(f, old, new, &mut alignment);
            Verdict {
                rule: rule_of(f, &facets),
                level: level(f, &facets),
                line,
                col,
            }
        })
        .collect();
    StepVerdicts {
        path: path.to_string(),
        verdicts,
    }
}

/// Where a finding sits in the newer version. A removed sentence has no place there: it is
/// pointed at the next sentence that survived (or the last one, when none follows).
fn place_in_new(
    f: &Finding,
    old: Option<&Analysis>,
    new: Option<&Analysis>,
    alignment: &mut Option<Alignment>,
) -> (u32, u32) {
    match (f.kind, f.sides.as_slice()) {
        (_, [.., last]) if f.kind != FindingKind::Removed => (last.line, last.col),
        (FindingKind::Removed, [side]) => {
            let (Some(old), Some(new)) = (old, new) else {
                return (1, 1);
            };
            let Some(gone) = old
                .sentences
                .iter()
                .find(|s| s.line == side.line && s.col == side.col)
            else {
                return (1, 1);
            };
            let alignment = alignment.get_or_insert_with(|| align(&old.sentences, &new.sentences));
            let next = alignment
                .links
                .iter()
                .filter(|l| l.old > gone.index)
                .min_by_key(|l| l.old);
            let prev = alignment
                .links
                .iter()
                .filter(|l| l.old < gone.index)
                .max_by_key(|l| l.old);
            match next.or(prev) {
                Some(link) => {
                    let s = &new.sentences[link.new];
                    (s.line, s.col)
                }
                None => (1, 1),
            }
        }
        _ => (1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, load::load_bytes};

    fn rule(text: &str) -> Rule {
        Rule::parse(text).unwrap()
    }

    #[test]
    fn default_policy_fails_quotes_and_warns_figures() {
        let p = Policy::default();
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Quote]),
            Level::Error
        );
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Attribution]),
            Level::Error
        );
        assert_eq!(
            p.level(FindingKind::Removed, &[Facet::Quote, Facet::Quantity]),
            Level::Error
        );
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Quantity]),
            Level::Warning
        );
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Date]),
            Level::Warning
        );
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Polarity]),
            Level::Note
        );
        assert_eq!(
            p.level(FindingKind::Removed, &[Facet::Quantity]),
            Level::Note
        );
        assert_eq!(p.level(FindingKind::Added, &[Facet::Quote]), Level::Note);
        assert_eq!(p.level(FindingKind::Reworded, &[]), Level::Note);
    }

    #[test]
    fn default_articles_by_extension_and_ignore_globs() {
        let p = Policy::default();
        for path in [
            "a.md",
            "articles/2025/summit.markdown",
            "notes.txt",
            "page.html",
        ] {
            assert!(p.is_article(path), "{path}");
        }
        for path in ["src/main.rs", "a.json", "README"] {
            assert!(!p.is_article(path), "{path}");
        }
        let p = Policy::parse(
            "f.toml",
            "articles = [\"articles/*.md\"]\nignore = [\"articles/draft-*\"]\n",
        )
        .unwrap();
        assert!(p.is_article("articles/summit.md"));
        assert!(
            !p.is_article("articles/2025/summit.md"),
            "`*` does not cross folders"
        );
        assert!(!p.is_article("articles/draft-summit.md"));
        assert!(!p.is_article("summit.md"));
    }

    #[test]
    fn rules_parse_and_name_themselves() {
        assert_eq!(
            rule("conflict.quote"),
            Rule {
                kind: FindingKind::Conflict,
                facet: Some(Facet::Quote)
            }
        );
        assert_eq!(rule("removed").id(), "factdiff/removed");
        assert_eq!(rule("conflict.quote").id(), "factdiff/conflict/quote");
        assert_eq!(
            rule("removed.quote").title(),
            "sentence with a quote removed"
        );
        assert_eq!(rule("conflict.attribution").title(), "speaker changed");
        assert!(
            Rule::parse("moved.quote")
                .unwrap_err()
                .contains("takes no facet")
        );
        assert!(
            Rule::parse("conflict.qoute")
                .unwrap_err()
                .contains("unknown facet \"qoute\"")
        );
        assert!(
            Rule::parse("omitted").is_err(),
            "compare's kind is not a check rule"
        );
        assert!(
            Rule::parse("bogus")
                .unwrap_err()
                .contains("unknown rule \"bogus\"")
        );
        let all = Rule::all();
        assert!(all.contains(&rule("added.date")) && all.contains(&rule("reworded")));
        let mut ids: Vec<String> = all.iter().map(|r| r.id()).collect();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }

    #[test]
    fn specific_rules_win_over_bare_kinds() {
        let p = Policy::parse(
            "f.toml",
            "fail = [\"conflict\"]\ninfo = [\"conflict.polarity\"]\n",
        )
        .unwrap();
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Quantity]),
            Level::Error
        );
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Polarity]),
            Level::Note
        );
        assert_eq!(p.level(FindingKind::Conflict, &[Facet::Date]), Level::Error);
        let p = Policy::parse(
            "f.toml",
            "fail = [\"removed.quote\"]\ninfo = [\"removed.quantity\"]\n",
        )
        .unwrap();
        assert_eq!(
            p.level(FindingKind::Removed, &[Facet::Quote, Facet::Quantity]),
            Level::Error
        );
    }

    #[test]
    fn a_file_setting_one_level_list_replaces_all_three() {
        let p = Policy::parse("f.toml", "fail = [\"conflict.quantity\"]\n").unwrap();
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Quantity]),
            Level::Error
        );
        assert!(p.warn.is_empty() && p.info.is_empty());
        assert_eq!(
            p.level(FindingKind::Conflict, &[Facet::Quote]),
            Level::Note,
            "fail was replaced"
        );
        let p = Policy::parse("f.toml", "ignore = [\"old/**\"]\n").unwrap();
        assert_eq!((p.fail.len(), p.warn.len()), (3, 2), "levels untouched");
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Policy::parse(
            "factdiff.toml",
            "# policy\narticles = [\"*.md\"]\nfial = [\"conflict\"]\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "factdiff.toml:3: unknown key \"fial\" (did you mean \"fail\"?)"
        );
        let e = Policy::parse("p.toml", "[check]\nfail = []\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.toml:1: unknown key \"check\" (known keys: articles, ignore, fail, warn, info)"
        );
        let e = Policy::parse(
            "p.toml",
            "fail = [\n  \"conflict.quote\",\n  \"conflict.qoute\",\n]\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.toml:3: rule \"conflict.qoute\": unknown facet"),
            "{e}"
        );
        let e = Policy::parse("p.toml", "\nwarn = \"conflict.date\"\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.toml:2: warn must be a list of strings, e.g. warn = [\"conflict.quote\"]"
        );
        let e = Policy::parse("p.toml", "ignore = [1]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.toml:1: ignore must be a list of strings, found an integer in it"
        );
        let e = Policy::parse("p.toml", "articles = [\"a/[b\"]\n").unwrap_err();
        assert!(
            e.to_string().starts_with("p.toml:1: bad glob \"a/[b\""),
            "{e}"
        );
        let e = Policy::parse("p.toml", "fail = [\"added\"]\n\nwarn = [\"added\"]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.toml:3: rule \"added\" is in both fail and warn"
        );
        let e = Policy::parse("p.toml", "fail = [\n").unwrap_err();
        assert!(
            e.to_string().starts_with("p.toml:") && e.to_string().contains("invalid TOML"),
            "{e}"
        );
        assert!(!e.to_string().contains('\n'));
    }

    #[test]
    fn dump_reads_back_to_the_same_policy() {
        for text in [
            "",
            "articles = [\"news/**/*.md\"]\nignore = [\"news/old/**\"]\nfail = [\"conflict\", \"removed.quote\"]\ninfo = [\"conflict.polarity\"]\n",
        ] {
            let p = Policy::parse("a.toml", text).unwrap();
            let dumped = p.to_toml();
            let q = Policy::parse("b.toml", &dumped).unwrap();
            assert_eq!(
                (&p.articles, &p.ignore, &p.fail, &p.warn, &p.info),
                (&q.articles, &q.ignore, &q.fail, &q.warn, &q.info)
            );
            assert_eq!(q.to_toml().replace("b.toml", "a.toml"), dumped);
        }
        assert!(
            Policy::default().to_toml().contains(
                "fail = [\"conflict.quote\", \"conflict.attribution\", \"removed.quote\"]"
            )
        );
    }

    #[test]
    fn removed_sentences_carry_their_claims_and_point_at_where_they_were() {
        let old = analyze(load_bytes("old.txt", "The mayor spoke on Monday.\n\n\"We will rebuild,\" she said.\n\nThe council met 12 times.\n".as_bytes()).unwrap());
        let new = analyze(
            load_bytes(
                "new.txt",
                "The mayor spoke on Monday.\n\nThe council met 12 times.\n".as_bytes(),
            )
            .unwrap(),
        );
        let findings = crate::diff_versions(&old, &new);
        let step = Step {
            old: "old.txt".into(),
            new: "new.txt".into(),
            findings,
        };
        assert_eq!(step.findings.len(), 1, "{:?}", step.findings);
        let v = judge(&step, Some(&old), Some(&new), "new.txt", |f, facets| {
            Policy::default().level(f.kind, facets)
        });
        assert_eq!(v.verdicts[0].rule, rule("removed.quote"));
        assert_eq!(v.verdicts[0].level, Level::Error);
        assert_eq!(
            (v.verdicts[0].line, v.verdicts[0].col),
            (3, 1),
            "the next surviving sentence"
        );
    }
}
