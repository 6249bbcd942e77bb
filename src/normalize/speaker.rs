//! Speakers: one key per person within a document. Titles are dropped (`President Vladimir
//! Putin` → `Vladimir Putin`), the key is the surname (`putin`), so the short and long forms
//! meet; the display form is the longest name seen. A pronoun is the last speaker named.

use std::collections::BTreeMap;

use crate::extract::{Entity, SpeakerRef};

/// Words that are titles or roles in front of a name, not part of it.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "judge",
    "officer",
    "chancellor",
    "king",
    "queen",
    "pope",
    "general",
    "gen",
    "col",
    "chief",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "mayor",
    "director",
    "manager",
    "commissioner",
    "professor",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "the",
    "captain",
    "capt",
    "lt",
    "sgt",
    "inspector",
    "superintendent",
    "justice",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "ambassador",
    "envoy",
    "foreign",
    "defence",
    "defense",
    "deputy",
];

/// What a document knows about its speakers.
#[derive(Debug, Default)]
pub struct Speakers {
    display: BTreeMap<String, String>,
    /// Roles written before names (`russian president` → `putin`).
    roles: BTreeMap<String, String>,
}

impl Speakers {
    /// Records a named speaker so that shorter and longer forms share a display name.
    pub fn learn(&mut self, speaker: &SpeakerRef) {
        let SpeakerRef::Name(name) = speaker else {
            return;
        };
        let clean = strip_titles(name);
        let key = key_of(&clean);
        let entry = self.display.entry(key).or_default();
        if clean.len() > entry.len() {
            *entry = clean;
        }
    }

    /// Records a name and the role written before it (`Kremlin spokesperson Dmitry Peskov`).
    pub fn learn_entity(&mut self, entity: &Entity) {
        let name = SpeakerRef::Name(entity.name.clone());
        // Every name teaches its longest form ("Vladimir Putin went further" names Putin).
        self.learn(&name);
        let Some(role) = &entity.role else { return };
        let key = key_of(&strip_titles(&entity.name));
        // The first person a document gives a role to keeps it.
        self.roles.entry(role.clone()).or_insert(key);
    }

    /// The key of a speaker; a pronoun takes the last speaker named, a role the person the
    /// document gave that role to (`the president` matches `Russian President …` when only
    /// one role ends that way).
    pub fn resolve(
        &self,
        speaker: &SpeakerRef,
        last: Option<&str>,
        last_person: Option<&str>,
    ) -> Option<String> {
        match speaker {
            SpeakerRef::Name(name) => Some(key_of(&strip_titles(name))),
            SpeakerRef::Pronoun(_) => last.map(str::to_string),
            SpeakerRef::Role(role) => {
                if let Some(key) = self.roles.get(role) {
                    return Some(key.clone());
                }
                let matching: Vec<&String> = self
                    .roles
                    .iter()
                    .filter(|(r, _)| r.ends_with(role.as_str()) || role.ends_with(r.as_str()))
                    .map(|(_, k)| k)
                    .collect();
                match matching.as_slice() {
                    [one] => Some((*one).clone()),
                    // A role the document never tied to a name: the person named last
                    // ("Vladimir Putin went further. … the Russian president said"), or
                    // nobody — an unknown speaker is never anyone's conflict.
                    _ => last_person.map(str::to_string),
                }
            }
            // `Putin's spokesperson`: the person the text calls a spokesperson, if only one;
            // otherwise the role itself (never the owner, who is named right there).
            SpeakerRef::OwnedRole { owner, role } => {
                let matching: Vec<&String> = self
                    .roles
                    .iter()
                    .filter(|(r, _)| r.ends_with(role.as_str()))
                    .map(|(_, k)| k)
                    .collect();
                match matching.as_slice() {
                    [one] => Some((*one).clone()),
                    _ => Some(format!("{}'s {role}", owner.to_lowercase())),
                }
            }
        }
    }

    /// The name to show for a key.
    pub fn display(&self, key: &str) -> String {
        self.display.get(key).cloned().unwrap_or_else(|| {
            // An owned role (`putin's spokesperson`) shows with its owner capitalised.
            match key.split_once("'s ") {
                Some((owner, role)) => {
                    let mut chars = owner.chars();
                    let owner: String = chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default();
                    format!("{owner}'s {role}")
                }
                None => key.to_string(),
            }
        })
    }
}

/// `President Vladimir Putin` → `Vladimir Putin`; `Environment Officer Jamie Holloway` →
/// `Jamie Holloway`; `the ministry` → `ministry`.
pub fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_title =
        |w: &str| TITLES.contains(&w.trim_end_matches('.').to_ascii_lowercase().as_str());
    // The name starts after the last title word; a run of capitalised words with no title
    // (`Environment Agency`) is kept whole.
    let start = words.iter().rposition(|w| is_title(w)).map_or(0, |i| i + 1);
    let rest = if start < words.len() {
        &words[start..]
    } else {
        &words[words.len().saturating_sub(1)..]
    };
    let name = rest.join(" ");
    name.trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

/// The surname, lowercased, without a possessive: the key shared by all forms of a name.
pub(crate) fn key_of(clean: &str) -> String {
    let last = clean.split_whitespace().last().unwrap_or(clean);
    last.trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_dropped_and_forms_meet() {
        assert_eq!(strip_titles("President Vladimir Putin"), "Vladimir Putin");
        assert_eq!(
            strip_titles("Environment Officer Jamie Holloway"),
            "Jamie Holloway"
        );
        assert_eq!(strip_titles("Environment Agency"), "Environment Agency");
        assert_eq!(
            key_of(&strip_titles("Putin")),
            key_of(&strip_titles("President Vladimir Putin"))
        );
    }

    #[test]
    fn role_resolves_to_the_person_given_it() {
        let mut s = Speakers::default();
        s.learn_entity(&Entity {
            name: "Vladimir Putin".into(),
            role: Some("russian president".into()),
        });
        s.learn_entity(&Entity {
            name: "Dmitry Peskov".into(),
            role: Some("kremlin spokesperson".into()),
        });
        let role = |r: &str| s.resolve(&SpeakerRef::Role(r.into()), None, None);
        assert_eq!(role("russian president").as_deref(), Some("putin"));
        assert_eq!(role("kremlin spokesperson").as_deref(), Some("peskov"));
        assert_eq!(role("spokesperson").as_deref(), Some("peskov"));
        assert_eq!(role("finance minister"), None, "a role tied to nobody");
        assert_eq!(
            s.resolve(
                &SpeakerRef::Role("finance minister".into()),
                None,
                Some("lopez")
            )
            .as_deref(),
            Some("lopez")
        );
    }

    #[test]
    fn pronoun_takes_the_last_speaker() {
        let mut s = Speakers::default();
        s.learn(&SpeakerRef::Name(
            "Kremlin spokesperson Dmitry Peskov".into(),
        ));
        assert_eq!(
            s.resolve(&SpeakerRef::Pronoun("he".into()), Some("peskov"), None)
                .as_deref(),
            Some("peskov")
        );
        assert_eq!(s.display("peskov"), "Dmitry Peskov");
    }
}
