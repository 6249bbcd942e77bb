//! A light pass for names, titles and organisations — enough to key subjects and speakers,
//! no model: runs of capitalised words (`Dmitry Peskov`, `Environment Agency`), and a role
//! written before a name (`Kremlin spokesperson Dmitry Peskov`, `Russian President Vladimir
//! Putin`), so that a later `the Russian president` or `the Kremlin spokesperson` can be
//! resolved to the person.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A name found in a sentence, with the role written before it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    /// The role words, lowercased (`russian president`, `kremlin spokesperson`).
    pub role: Option<String>,
}

/// Role nouns that can stand before a name or after `the`.
pub const ROLE_NOUNS: &str = r"president|prime\s+minister|minister|spokesperson|spokesman|spokeswoman|chancellor|mayor|governor|prosecutor|judge|commissioner|secretary|ambassador|envoy|chief|leader|officer|manager|director|chairman|chairwoman|chair|general|premier|king|queen|senator|lawyer|attorney";

const NAME_WORD: &str = r"[A-Z][\p{L}’'\-]+";

static ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r"(?P<role>(?:(?:[A-Z][\p{{L}}\-]+|[a-z]+)\s+){{0,2}}(?i:{ROLE_NOUNS}))\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
    ))
});
static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    super::compile(&format!(
        r"{NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|for\s+)?{NAME_WORD})*"
    ))
});

/// Capitalised words that start sentences or name times, not entities.
const NOT_ENTITIES: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "However",
    "Separately",
    "Meanwhile",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Under",
    "Following",
    "Therefore",
    "Earlier",
    "Later",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "If",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    // Plural nouns that open sentences: sources, not names.
    "Officials",
    "Police",
    "Residents",
    "Prosecutors",
    "Witnesses",
    "Analysts",
    "Experts",
    "Critics",
    "Supporters",
    "Voters",
    "Workers",
    "Doctors",
    "Scientists",
    "Researchers",
    "Leaders",
    "Ministers",
    "Lawmakers",
    "Investigators",
    "Authorities",
    "Rescuers",
    "Troops",
    "Forces",
    "Shares",
    "Prices",
    "There",
    "Here",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "My",
    "Your",
    "All",
    "No",
    "Not",
    "Even",
    "Still",
    "Yet",
    "So",
    "Then",
    "Now",
    "Also",
    "Only",
    "Just",
    "Last",
    "Next",
    "First",
    "According",
];

/// `Putin’s` → `Putin`.
fn strip_possessive(name: &str) -> String {
    name.trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

/// The entities of one sentence: role-and-name appositions first, then other name runs.
pub fn find(text: &str) -> Vec<(Range<usize>, Entity)> {
    let mut out: Vec<(Range<usize>, Entity)> = Vec::new();
    for c in ROLE_NAME.captures_iter(text) {
        let role = c.name("role").expect("role");
        let name = c.name("name").expect("name");
        let role_words: Vec<String> = role
            .as_str()
            .split_whitespace()
            .map(str::to_lowercase)
            .skip_while(|w| {
                matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "said" | "and" | "by" | "with" | "to" | "of"
                )
            })
            .collect();
        if role_words.is_empty() {
            continue;
        }
        out.push((
            role.start()..name.end(),
            Entity {
                name: strip_possessive(name.as_str()),
                role: Some(role_words.join(" ")),
            },
        ));
    }
    for m in NAME_RUN.find_iter(text) {
        if out
            .iter()
            .any(|(r, _)| r.start < m.end() && m.start() < r.end)
        {
            continue;
        }
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        let skip = words
            .iter()
            .take_while(|w| NOT_ENTITIES.contains(w))
            .count();
        if skip == words.len() {
            continue;
        }
        // A lone capitalised word opening a sentence is usually just capitalised ("Rescue
        // teams…"); a possessive there is a name ("Putin’s warning").
        let lone_opener = m.start() == 0 && words.len() == 1;
        let possessive = words[skip].ends_with("’s") || words[skip].ends_with("'s");
        if lone_opener && !possessive {
            continue;
        }
        let name = strip_possessive(&words[skip..].join(" "));
        let start = m.start() + m.as_str().find(words[skip]).unwrap_or(0);
        out.push((start..m.end(), Entity { name, role: None }));
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<Entity> {
        find(text).into_iter().map(|(_, e)| e).collect()
    }

    #[test]
    fn role_before_name() {
        let e = entities("Separately, Kremlin spokesperson Dmitry Peskov stated that it was over.");
        assert_eq!(
            e[0],
            Entity {
                name: "Dmitry Peskov".into(),
                role: Some("kremlin spokesperson".into())
            }
        );
        let e = entities("It was hosted by French President Emmanuel Macron in Paris.");
        assert_eq!(e[0].role.as_deref(), Some("french president"));
        assert_eq!(e[0].name, "Emmanuel Macron");
    }

    #[test]
    fn possessive_at_sentence_start_is_a_name() {
        let e = entities("Putin’s warning on Friday came a day later.");
        assert_eq!(e[0].name, "Putin");
        assert!(entities("Officials said the road was closed.").is_empty());
    }

    #[test]
    fn name_runs() {
        let e = entities("The Environment Agency said the River Severn would rise.");
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Environment Agency", "River Severn"]);
    }
}
