//! Counted nouns: singular forms and one word per synonym group, so that `26 states` and
//! `twenty-six countries` fill the same slot.

/// Synonym groups: every word maps to the group's first word.
const SYNONYMS: &[&[&str]] = &[
    &["country", "state", "nation", "government"],
    &[
        "death", "dead", "killed", "fatality", "died", "life", "lives",
    ],
    &["person", "people", "individual", "resident"],
    &["injured", "injury", "wounded", "hurt"],
    &["soldier", "troop", "servicemember"],
    &["child", "children", "kid"],
    &["home", "house", "property", "dwelling"],
    &["job", "position", "role", "post"],
    &["employee", "worker", "staff"],
    &["inflation", "price", "cpi"],
];

/// The slot key of a noun phrase: each word singular and mapped to its synonym group.
pub fn noun_key(words: &[String]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let key: Vec<String> = words.iter().map(|w| canonical_word(w)).collect();
    Some(key.join(" "))
}

fn canonical_word(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    let lookup = |w: &str| {
        SYNONYMS
            .iter()
            .find(|g| g.contains(&w))
            .map(|g| g[0].to_string())
    };
    if let Some(s) = lookup(&w) {
        return s;
    }
    let single = singular(&w);
    lookup(&single).unwrap_or(single)
}

fn singular(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.ends_with("sses")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("xes")
    {
        w[..w.len() - 2].to_string()
    } else if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(words: &[&str]) -> Option<String> {
        noun_key(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn synonyms_share_a_slot() {
        assert_eq!(key(&["states"]), key(&["countries"]));
        assert_eq!(key(&["nations"]), key(&["country"]));
        assert_eq!(
            key(&["flood", "warnings"]).as_deref(),
            Some("flood warning")
        );
        assert_eq!(key(&["properties"]), key(&["homes"]));
        assert_eq!(key(&[]), None);
    }

    #[test]
    fn singular_forms() {
        assert_eq!(singular("batteries"), "battery");
        assert_eq!(singular("witnesses"), "witness");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("bus"), "bus");
    }
}
