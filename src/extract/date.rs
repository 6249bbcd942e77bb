//! Dates and times in running text: absolute forms (`5 Sep 2025`, `September 5`, `Sept. 5,
//! 2025`, `Feb. 24, 2022`, `2025-09-05`), partial ones (`February 2022`, `in 2022`), weekdays
//! (`on Friday`, `Thursday's meeting`, `last Tuesday`) and `yesterday`/`today`/`tomorrow`.
//! Clock times (`4 p.m.`, `1.50pm`, `10:30`) are masked so no one reads them as counts.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use crate::calendar::{self, MONTHS, WEEKDAYS};

/// A date as the text gives it; `normalize` resolves it against the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawDate {
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
    pub weekday: Option<Weekday>,
    /// Days from the publication date (`yesterday` = -1).
    pub relative_days: Option<i64>,
    /// Whether the sentence speaks of the future (`will`, `next`), which decides whether a
    /// bare weekday is the coming one or the last one.
    pub future: bool,
    /// Days from the date last mentioned before it (`a day after` = -1: the event it
    /// introduces came a day before that date; `two days later` = +2).
    pub from_previous: Option<i64>,
    /// Weeks from the publication week (`last week` = -1).
    pub week: Option<i64>,
    /// Whether the date opens the text as a dateline (`VLADIVOSTOK, September 5 –`).
    pub dateline: bool,
    /// A weekday whose sentence gives no tense (no future cue, no past-tense verb): the last
    /// such day is read, and the coming one kept as the alternative.
    pub unsure: bool,
}

impl RawDate {
    fn empty(future: bool) -> Self {
        RawDate {
            day: None,
            month: None,
            year: None,
            weekday: None,
            relative_days: None,
            future,
            from_previous: None,
            week: None,
            dateline: false,
            unsure: false,
        }
    }
}

fn re(pattern: &str) -> Regex {
    super::compile(pattern)
}

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?P<wd>{WEEKDAYS}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTHS})(?:,?\s+(?P<y>\d{{4}}))?\b"
    ))
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?P<wd>{WEEKDAYS}),?\s+)?(?P<m>{MONTHS})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y>\d{{4}}))?\b"
    ))
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?i:early|mid|late)-?\s*)?(?P<m>{MONTHS})\s+(?:of\s+)?(?P<y>\d{{4}})\b"
    ))
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?i:in|since|by|until|from|of|during|before|after|early|late|mid)\s+(?P<y>(?:19|20)\d{2})\b(?P<range>\s*[-–]\s*\d)?",
    )
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<wd>{WEEKDAYS})(?:['’]s)?\b"
    ))
});
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?P<m1>{MONTHS})\s+(?P<a1>\d{{1,2}})\s*(?:-|–|to|until|through)\s*(?P<b1>\d{{1,2}})|(?P<a2>\d{{1,2}})\s*(?:-|–|to|until)\s*(?P<b2>\d{{1,2}})\s+(?P<m2>{MONTHS}))\b(?:,?\s+(?P<y>\d{{4}}))?"
    ))
});
static RELATIVE_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})|the)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before|earlier|later)\b",
    )
});
static WEEK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?P<rel>last|this|next|past)\s+week\b"));
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Za-z .]+)?,\s*$"));
/// Every date pattern without digits needs one of these words.
static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{MONTHS}|{WEEKDAYS}|(?i:yesterday|today|tomorrow|week|days? (?:after|before|earlier|later)|noon|midnight)"
    ))
    .expect("valid regex")
});
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?i:(?P<w>yesterday|today|tomorrow))\b"));
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b",
    )
});
/// Past-tense cues: auxiliaries and reporting verbs, and regular past forms.
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|had|did|said|told|met|began|held|went|came|took|gave|made|saw|left|rose|fell|won|lost|struck|hit|ago|[a-z]{3,}ed)\b",
    )
});
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:will|shall|is due to|are due to|is expected to|are expected to|plans? to|is set to|are set to|scheduled|going to|next|upcoming|coming)\b|['’]ll\b",
    )
});

/// A date with its byte span in the sentence.
pub type Dated = (Range<usize>, RawDate);

/// Finds the dates of one sentence. Returns them with their local byte spans, and the spans to
/// mask from quantity extraction (dates and clock times).
pub fn find(text: &str) -> (Vec<Dated>, Vec<Range<usize>>) {
    // Most sentences name no date: one literal scan rules them out before the patterns run.
    if !text.bytes().any(|b| b.is_ascii_digit()) && !DATE_WORD.is_match(text) {
        return (Vec::new(), Vec::new());
    }
    let future = FUTURE.is_match(text);
    let mut found: Vec<Dated> = Vec::new();
    let taken = |found: &Vec<Dated>, r: &Range<usize>| {
        found
            .iter()
            .any(|(s, _)| s.start < r.end && r.start < s.end)
    };
    // Spans first: "September 3 to 6" is two days, and its "6" is no count.
    for c in SPAN.captures_iter(text) {
        let m = c.get(0).expect("match");
        let month_group = c.name("m1").or(c.name("m2")).expect("month");
        if !month_is_capitalised(month_group.as_str()) {
            continue;
        }
        let (a, b) = (
            c.name("a1").or(c.name("a2")).expect("start"),
            c.name("b1").or(c.name("b2")).expect("end"),
        );
        let year = c.name("y").and_then(|y| y.as_str().parse().ok());
        let mut ends = Vec::new();
        for day in [a, b] {
            let mut d = RawDate::empty(future);
            d.day = day.as_str().parse().ok();
            d.month = calendar::month_number(month_group.as_str());
            d.year = year;
            ends.push(d);
        }
        if ends.iter().all(valid) {
            let split = if c.name("m1").is_some() {
                b.start()
            } else {
                a.end()
            };
            let mut ends = ends.into_iter();
            let (first, second) = (ends.next().expect("start"), ends.next().expect("end"));
            if c.name("m1").is_some() {
                found.push((m.start()..a.end(), first));
                found.push((split..m.end(), second));
            } else {
                found.push((m.start()..split, first));
                found.push((b.start()..m.end(), second));
            }
        }
    }
    for c in ISO_DATE.captures_iter(text) {
        let m = c.get(0).expect("match");
        let mut d = RawDate::empty(future);
        d.year = c["y"].parse().ok();
        d.month = c["m"].parse().ok();
        d.day = c["d"].parse().ok();
        if valid(&d) {
            found.push((m.range(), d));
        }
    }
    for regex in [&*DAY_MONTH, &*MONTH_DAY] {
        for c in regex.captures_iter(text) {
            let m = c.get(0).expect("match");
            if taken(&found, &m.range()) || !month_is_capitalised(&c["m"]) {
                continue;
            }
            let mut d = RawDate::empty(future);
            d.day = c["d"].parse().ok();
            d.month = calendar::month_number(&c["m"]);
            d.year = c.name("y").and_then(|y| y.as_str().parse().ok());
            d.weekday = c.name("wd").and_then(|w| calendar::weekday(w.as_str()));
            if valid(&d) {
                found.push((m.range(), d));
            }
        }
    }
    for c in MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).expect("match");
        if taken(&found, &m.range()) || !month_is_capitalised(&c["m"]) {
            continue;
        }
        let mut d = RawDate::empty(future);
        d.month = calendar::month_number(&c["m"]);
        d.year = c["y"].parse().ok();
        found.push((m.range(), d));
    }
    for c in YEAR.captures_iter(text) {
        let y = c.name("y").expect("year group");
        // "2014-2022" is a range of years: quantity extraction reads it as one.
        if c.name("range").is_some() {
            continue;
        }
        if taken(&found, &y.range()) {
            continue;
        }
        let mut d = RawDate::empty(future);
        d.year = y.as_str().parse().ok();
        found.push((y.range(), d));
    }
    for c in WEEKDAY.captures_iter(text) {
        let m = c.get(0).expect("match");
        if taken(&found, &m.range()) {
            continue;
        }
        // The tense that decides a bare weekday is the one of its own clause: a future cue
        // shortly before it. A possessive (`Tuesday's closing price`) names a day already
        // known, so it is the last one.
        let possessive = m.as_str().ends_with("'s") || m.as_str().ends_with("’s");
        let near_future = FUTURE
            .find_iter(text)
            .any(|f| f.end() <= m.start() && m.start() - f.end() <= 50);
        let mut d = RawDate::empty(near_future && !possessive);
        d.weekday = calendar::weekday(&c["wd"]);
        d.unsure = !near_future && !possessive && !PAST.is_match(text);
        match c
            .name("rel")
            .map(|r| r.as_str().to_ascii_lowercase())
            .as_deref()
        {
            Some("last") => {
                d.future = false;
                d.unsure = false;
            }
            Some("next" | "coming") => {
                d.future = true;
                d.unsure = false;
            }
            _ => {}
        }
        found.push((m.range(), d));
    }
    for c in RELATIVE_EVENT.captures_iter(text) {
        let m = c.get(0).expect("match");
        // `deliberated for two days before returning`: a duration, not a date.
        let before = text[..m.start()].trim_end().to_ascii_lowercase();
        if [
            "for", "within", "over", "lasted", "took", "spent", "nearly", "about",
        ]
        .iter()
        .any(|w| before.ends_with(w))
        {
            continue;
        }
        let n: i64 = match c.name("n").map(|n| n.as_str().to_ascii_lowercase()) {
            None => 1,
            Some(n) => match n.as_str() {
                "a" | "an" | "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "seven" => 7,
                digits => digits.parse().unwrap_or(1),
            },
        };
        let unit = if c["unit"].to_ascii_lowercase().starts_with("week") {
            7
        } else {
            1
        };
        // "X came a day after Y": Y is a day before X. "Y a day earlier": before the anchor.
        let sign = match c["dir"].to_ascii_lowercase().as_str() {
            "after" | "earlier" => -1,
            _ => 1,
        };
        let mut d = RawDate::empty(future);
        d.from_previous = Some(sign * n * unit);
        found.push((m.range(), d));
    }
    for c in WEEK.captures_iter(text) {
        let m = c.get(0).expect("match");
        let mut d = RawDate::empty(future);
        d.week = Some(match c["rel"].to_ascii_lowercase().as_str() {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        });
        found.push((m.range(), d));
    }
    for c in RELATIVE.captures_iter(text) {
        let m = c.get(0).expect("match");
        let mut d = RawDate::empty(future);
        d.relative_days = Some(match c["w"].to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        });
        found.push((m.range(), d));
    }
    found.sort_by_key(|(r, _)| r.start);
    // A date right after an upper-case place name opening the text is a dateline.
    if let Some((range, d)) = found.first_mut()
        && range.start > 0
        && range.start < 60
        && DATELINE.is_match(&text[..range.start])
    {
        d.dateline = true;
    }
    let mut masked: Vec<Range<usize>> = found.iter().map(|(r, _)| r.clone()).collect();
    masked.extend(TIME.find_iter(text).map(|m| m.range()));
    (found, masked)
}

fn valid(d: &RawDate) -> bool {
    let month_ok = d.month.is_none_or(|m| (1..=12).contains(&m));
    let day_ok = d.day.is_none_or(|x| (1..=31).contains(&x));
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(x)) => calendar::ymd(y, m, x).is_some(),
        _ => month_ok && day_ok,
    }
}

/// `May` the month, not `may` the verb; abbreviations must be capitalised too.
fn month_is_capitalised(m: &str) -> bool {
    m.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, RawDate)> {
        find(text)
            .0
            .into_iter()
            .map(|(r, d)| (text[r].to_string(), d))
            .collect()
    }

    #[test]
    fn absolute_forms() {
        let d =
            dates("It began on Feb. 24, 2022 and ended 5 Sep 2025, not on Sept. 5 or 2025-09-06.");
        let surfaces: Vec<&str> = d.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            surfaces,
            ["Feb. 24, 2022", "5 Sep 2025", "Sept. 5", "2025-09-06"]
        );
        assert_eq!(
            (d[0].1.year, d[0].1.month, d[0].1.day),
            (Some(2022), Some(2), Some(24))
        );
        assert_eq!(d[2].1.year, None);
    }

    #[test]
    fn partial_dates() {
        let d = dates("The war began in February 2022, and talks failed in 2022.");
        assert_eq!(d[0].0, "February 2022");
        assert_eq!((d[0].1.month, d[0].1.day), (Some(2), None));
        assert_eq!(d[1].0, "2022");
        assert_eq!(d[1].1.month, None);
    }

    #[test]
    fn weekdays_and_tense() {
        let d = dates("The summit on Thursday's agenda met on Friday.");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].1.weekday, Some(Weekday::Thu));
        assert!(!d[1].1.future);
        let d = dates("Leaders will meet again next Tuesday.");
        assert!(d[0].1.future);
        let d = dates(
            "Holders will receive a premium of 30% to the stock's price at the close on Tuesday's session.",
        );
        assert!(
            !d[0].1.future,
            "a possessive weekday is a day already known"
        );
        let d = dates("The vote will take place on Tuesday.");
        assert!(d[0].1.future);
    }

    #[test]
    fn spans_give_both_ends() {
        let d = dates("Talks ran from September 3 to 6 in Geneva.");
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].1.month, d[0].1.day), (Some(9), Some(3)));
        assert_eq!((d[1].1.month, d[1].1.day), (Some(9), Some(6)));
        let text = "Talks ran from September 3 to 6 in Geneva.";
        let six = text.find('6').unwrap();
        let (_, masked) = find(text);
        assert!(
            masked.iter().any(|r| r.contains(&six)),
            "the 6 is masked from quantities"
        );
    }

    #[test]
    fn relative_events_and_weeks() {
        let d =
            dates("His warning on Friday came a day after the pledge, and talks resume next week.");
        assert_eq!(d[1].1.from_previous, Some(-1));
        assert_eq!(d[2].1.week, Some(1));
        let d = dates("Two days later the border closed.");
        assert_eq!(d[0].1.from_previous, Some(2));
        assert!(
            dates("The jury deliberated for two days before returning its verdict.").is_empty()
        );
    }

    #[test]
    fn dateline() {
        let d = dates("VLADIVOSTOK, Russia, September 5, 2025 – Putin spoke.");
        assert!(d[0].1.dateline);
        assert!(!dates("Putin spoke on September 5, 2025.")[0].1.dateline);
    }

    #[test]
    fn weekday_without_tense_is_unsure() {
        assert!(dates("Talks in Geneva on Friday.")[0].1.unsure);
        assert!(!dates("Talks began in Geneva on Friday.")[0].1.unsure);
        assert!(!dates("Talks will begin in Geneva on Friday.")[0].1.unsure);
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(dates("Prices may 5 times rise.").is_empty());
    }

    #[test]
    fn times_are_masked_not_dated() {
        let (found, masked) = find("As of 1.50pm there were 147 warnings, and at 4 p.m. more.");
        assert!(found.is_empty());
        assert_eq!(masked.len(), 2);
    }

    #[test]
    fn year_ranges_are_left_to_quantities() {
        assert!(dates("fighting between 2014-2022 in the east").is_empty());
    }
}
