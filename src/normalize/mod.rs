//! Stage 4, **normalize**: [`RawClaim`]s → [`Claim`]s with canonical values.
//!
//! `twenty-six` and `26` become the same number; `dozens` and `more than 20` become intervals;
//! `$2.4bn` becomes `2400000000 USD`; a weekday becomes a date when the publication date is
//! known; `states`, `countries` and `nations` become one noun; `Putin`, `Vladimir Putin` and
//! `President Vladimir Putin` become one speaker, and `he` the last speaker named before it.
//! No I/O; nothing here decides what changed.

mod noun;
pub(crate) mod number;
mod speaker;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar;
use crate::extract::{Detail, RawClaim, RawDate};
use crate::model::{Claim, ClaimKind, DateValue, Metadata, Value};

pub use noun::noun_key;
pub use number::quantity_value;
pub use speaker::{Speakers, strip_titles};

/// What a sentence says about all of its claims: negation, modality, its first entity.
#[derive(Debug, Default, Clone)]
struct SentenceCues {
    negated: bool,
    modality: Option<String>,
    subject: Option<String>,
}

/// Turns the raw claims of one document (in sentence order) into claims with values.
/// Claims whose text cannot be given a value (a number word text2num rejects) are dropped.
pub fn normalize(meta: &Metadata, raw: Vec<RawClaim>) -> Vec<Claim> {
    let mut speakers = Speakers::default();
    let mut cues: BTreeMap<usize, SentenceCues> = BTreeMap::new();
    // First pass: who is who (names, roles) and what each sentence says about its claims.
    for r in &raw {
        let entry = cues.entry(r.sentence).or_default();
        match &r.detail {
            Detail::Attribution { speaker, .. }
            | Detail::Quote {
                speaker: Some(speaker),
                ..
            } => {
                speakers.learn(speaker);
            }
            Detail::Entity(e) => {
                speakers.learn_entity(e);
                if entry.subject.is_none() {
                    entry.subject = Some(strip_titles(&e.name));
                }
            }
            Detail::Polarity { cues: words } => entry.negated = words.len() % 2 == 1,
            Detail::Modality { cue } => entry.modality = Some(cue.clone()),
            _ => {}
        }
    }
    // Without a publication date in the metadata, a dateline gives one.
    let published = meta.published.or_else(|| dateline_date(&raw));
    let mut claims = Vec::with_capacity(raw.len());
    let mut last_speaker: Option<(usize, String)> = None;
    // The person named last (two or more capitalised words), for roles the text never ties
    // to a name.
    let mut last_person: Option<String> = None;
    // The last day a sentence named: what "a day after" counts from.
    let mut last_day: Option<(usize, NaiveDate)> = None;
    // The speaker of a quote left open at the end of its paragraph, which the next
    // paragraph's quote continues.
    let mut open_quote: Option<String> = None;
    for r in &raw {
        let base =
            |kind, value| Claim::new(kind, r.sentence, r.span.clone(), r.surface.clone(), value);
        let claim = match &r.detail {
            Detail::Quantity(q) => quantity_value(q).map(|value| Claim {
                noun: noun_key(&q.noun),
                ..base(ClaimKind::Quantity, Value::Quantity(value))
            }),
            Detail::Date(d) => {
                let anchor = last_day
                    .filter(|(s, _)| r.sentence <= s + 1)
                    .map(|(_, day)| day);
                let value = match d.from_previous {
                    Some(days) => match anchor
                        .or(published)
                        .and_then(|a| calendar::shift_days(a, days))
                    {
                        Some(day) => Value::Date(DateValue::Day(day)),
                        None => Value::Text(r.surface.to_lowercase()),
                    },
                    None => resolve_date(d, published),
                };
                if let Value::Date(DateValue::Day(day)) = value {
                    last_day = Some((r.sentence, day));
                }
                let alternatives = match (d.unsure, d.weekday, published) {
                    (true, Some(wd), Some(p)) => {
                        vec![DateValue::Day(calendar::next_weekday(p, wd, false)).to_string()]
                    }
                    _ => Vec::new(),
                };
                Some(Claim {
                    alternatives,
                    ..base(ClaimKind::Date, value)
                })
            }
            Detail::Attribution { speaker, .. } => {
                let key = speakers.resolve(
                    speaker,
                    last_speaker.as_ref().map(|(_, k)| k.as_str()),
                    last_person.as_deref(),
                );
                if let Some(k) = &key {
                    last_speaker = Some((r.sentence, k.clone()));
                }
                key.map(|k| Claim {
                    speaker: Some(k.clone()),
                    subject: Some(speakers.display(&k)),
                    ..base(ClaimKind::Attribution, Value::Text(speakers.display(&k)))
                })
            }
            Detail::Quote { words, speaker } => {
                let last = last_speaker.as_ref().map(|(_, k)| k.as_str());
                let key = match speaker {
                    Some(s) => speakers.resolve(s, last, last_person.as_deref()),
                    // A quote continuing one left open keeps its speaker; an unattributed
                    // quote right after an attribution continues it.
                    None => open_quote.clone().or_else(|| {
                        last_speaker
                            .as_ref()
                            .filter(|(sentence, _)| r.sentence <= sentence + 1)
                            .map(|(_, k)| k.clone())
                    }),
                };
                let closed = r.surface.ends_with(['”', '"']) && r.surface.chars().count() > 1;
                open_quote = if closed { None } else { key.clone() };
                if let Some(k) = &key {
                    last_speaker = Some((r.sentence, k.clone()));
                }
                Some(Claim {
                    subject: key.as_ref().map(|k| speakers.display(k)),
                    speaker: key,
                    ..base(ClaimKind::Quote, Value::Text(words.clone()))
                })
            }
            Detail::Polarity { cues: words } => Some(Claim {
                surface: words.join(" … "),
                ..base(
                    ClaimKind::Polarity,
                    Value::Text(
                        if words.len() % 2 == 1 {
                            "negative"
                        } else {
                            "positive"
                        }
                        .to_string(),
                    ),
                )
            }),
            Detail::Entity(e) => {
                if e.name.split_whitespace().count() >= 2 && e.role.is_some()
                    || looks_like_person(&e.name)
                {
                    last_person = Some(speaker::key_of(&strip_titles(&e.name)));
                }
                None
            }
            Detail::Modality { .. } => None,
        };
        claims.extend(claim.map(|mut c| {
            let sentence = cues.get(&c.sentence).cloned().unwrap_or_default();
            c.negated = sentence.negated;
            c.modality = sentence.modality;
            if c.subject.is_none() {
                c.subject = sentence.subject;
            }
            c
        }));
    }
    // A quote whose speaker is only named in the next sentence ("…" ⏎ Putin said so.)
    fill_speakers_from_next_sentence(&mut claims, &speakers);
    claims
}

fn fill_speakers_from_next_sentence(claims: &mut [Claim], speakers: &Speakers) {
    for i in 0..claims.len() {
        if claims[i].kind != ClaimKind::Quote || claims[i].speaker.is_some() {
            continue;
        }
        let sentence = claims[i].sentence;
        let next = claims[i + 1..]
            .iter()
            .skip_while(|c| c.sentence == sentence)
            .take_while(|c| c.sentence == sentence + 1)
            .find(|c| c.kind == ClaimKind::Attribution)
            .and_then(|c| c.speaker.clone());
        if let Some(key) = next {
            claims[i].subject = Some(speakers.display(&key));
            claims[i].speaker = Some(key);
        }
    }
}

/// Two or three capitalised words with no organisation word: probably a person's name.
fn looks_like_person(name: &str) -> bool {
    const ORGANISATION: &[&str] = &[
        "Agency",
        "Ministry",
        "Bank",
        "Council",
        "Office",
        "Department",
        "Police",
        "Service",
        "Court",
        "Union",
        "Party",
        "Company",
        "Group",
        "Forum",
        "Summit",
        "River",
        "Street",
        "University",
        "Times",
        "News",
        "Post",
        "Press",
        "Association",
        "Authority",
        "Commission",
        "Board",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len()) && !words.iter().any(|w| ORGANISATION.contains(w))
}

/// The date of a dateline opening the text; its year, when the dateline gives none, is the
/// latest year the text names.
fn dateline_date(raw: &[RawClaim]) -> Option<NaiveDate> {
    let d = raw.iter().find_map(|r| match &r.detail {
        Detail::Date(d) if d.dateline => Some(d),
        _ => None,
    })?;
    let latest_year = raw
        .iter()
        .filter_map(|r| match &r.detail {
            Detail::Date(d) => d.year,
            _ => None,
        })
        .max();
    calendar::ymd(d.year.or(latest_year)?, d.month?, d.day?)
}

/// A raw date as a value: resolved against the publication date when it needs one; left as
/// words (`friday`, `09-05`) when there is none to resolve against.
pub fn resolve_date(d: &RawDate, published: Option<NaiveDate>) -> Value {
    if let Some(days) = d.relative_days {
        return match published.and_then(|p| calendar::shift_days(p, days)) {
            Some(date) => Value::Date(DateValue::Day(date)),
            None => Value::Text(
                match days {
                    -1 => "yesterday",
                    1 => "tomorrow",
                    _ => "today",
                }
                .to_string(),
            ),
        };
    }
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => {
            if let Some(date) = calendar::ymd(y, m, day) {
                return Value::Date(DateValue::Day(date));
            }
        }
        (None, Some(m), Some(day)) => {
            return match published.and_then(|p| calendar::ymd(calendar::year_of(p), m, day)) {
                Some(date) => Value::Date(DateValue::Day(date)),
                None => Value::Text(format!("{m:02}-{day:02}")),
            };
        }
        (Some(y), Some(m), None) => return Value::Date(DateValue::Month(y, m)),
        (Some(y), None, None) => return Value::Date(DateValue::Year(y)),
        _ => {}
    }
    if let Some(weeks) = d.week {
        return match published {
            Some(p) => {
                let monday = calendar::previous_weekday(p, chrono::Weekday::Mon, true);
                match calendar::shift_days(monday, 7 * weeks) {
                    Some(m) => Value::Date(DateValue::Week(m)),
                    None => Value::Text(String::new()),
                }
            }
            None => Value::Text(format!("week {weeks:+}")),
        };
    }
    if let Some(wd) = d.weekday {
        return match published {
            Some(p) if d.future => {
                Value::Date(DateValue::Day(calendar::next_weekday(p, wd, false)))
            }
            // A past-tense "on Friday" in an article of that Friday is that day.
            Some(p) => Value::Date(DateValue::Day(calendar::previous_weekday(p, wd, true))),
            None => Value::Text(calendar::weekday_name(wd).to_string()),
        };
    }
    Value::Text(String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn raw(weekday: Weekday, future: bool) -> RawDate {
        RawDate {
            day: None,
            month: None,
            year: None,
            weekday: Some(weekday),
            relative_days: None,
            future,
            ..Default::default()
        }
    }

    #[test]
    fn weekday_resolves_against_publication() {
        let fri = NaiveDate::from_ymd_opt(2025, 9, 5);
        assert_eq!(
            resolve_date(&raw(Weekday::Fri, false), fri).to_string(),
            "2025-09-05"
        );
        assert_eq!(
            resolve_date(&raw(Weekday::Thu, false), fri).to_string(),
            "2025-09-04"
        );
        assert_eq!(
            resolve_date(&raw(Weekday::Tue, true), fri).to_string(),
            "2025-09-09"
        );
        assert_eq!(
            resolve_date(&raw(Weekday::Thu, false), None).to_string(),
            "thursday"
        );
    }

    #[test]
    fn month_day_takes_the_publication_year() {
        let d = RawDate {
            day: Some(3),
            month: Some(3),
            year: None,
            weekday: None,
            relative_days: None,
            future: false,
            ..Default::default()
        };
        assert_eq!(
            resolve_date(&d, NaiveDate::from_ymd_opt(2024, 3, 5)).to_string(),
            "2024-03-03"
        );
        assert_eq!(resolve_date(&d, None).to_string(), "03-03");
    }

    fn values(text: &str) -> Vec<(ClaimKind, String, Option<String>)> {
        let a = crate::analyze(crate::load::load_bytes("t.txt", text.as_bytes()).unwrap());
        a.claims
            .iter()
            .filter(|c| c.kind != ClaimKind::Polarity)
            .map(|c| (c.kind, c.value.to_string(), c.speaker.clone()))
            .collect()
    }

    #[test]
    fn a_day_after_counts_from_the_date_before_it() {
        let v = values(
            "published: 5 Sep 2025\n\nPutin's warning on Friday came a day after dozens of nations pledged troops.\n",
        );
        let dates: Vec<&str> = v
            .iter()
            .filter(|x| x.0 == ClaimKind::Date)
            .map(|x| x.1.as_str())
            .collect();
        assert_eq!(dates, ["2025-09-05", "2025-09-04"]);
    }

    #[test]
    fn last_week_is_a_week() {
        let v = values("published: 2025-09-10\n\nThe plan was agreed last week.\n");
        assert_eq!(v[0].1, "2025-W36");
    }

    #[test]
    fn dateline_gives_the_publication_date() {
        let v = values("VLADIVOSTOK, Russia, September 5, 2025 – The forum opened on Thursday.\n");
        let dates: Vec<&str> = v
            .iter()
            .filter(|x| x.0 == ClaimKind::Date)
            .map(|x| x.1.as_str())
            .collect();
        assert_eq!(dates, ["2025-09-05", "2025-09-04"]);
    }

    #[test]
    fn quote_over_two_paragraphs_keeps_its_speaker() {
        let v = values(
            "“We will not retreat,” Mayor Ana Ruiz said. “The river is high.\n\n“And it will rise again.”\n",
        );
        let speakers: Vec<Option<&str>> = v
            .iter()
            .filter(|x| x.0 == ClaimKind::Quote)
            .map(|x| x.2.as_deref())
            .collect();
        assert_eq!(speakers, [Some("ruiz"), Some("ruiz"), Some("ruiz")]);
    }

    #[test]
    fn role_and_pronoun_speakers() {
        let v = values(
            "Kremlin spokesperson Dmitry Peskov spoke first.\n\n“Definitely not,” the Kremlin spokesperson said.\n\n“It is a threat,” he told reporters.\n",
        );
        let speakers: Vec<Option<&str>> = v
            .iter()
            .filter(|x| x.0 == ClaimKind::Quote)
            .map(|x| x.2.as_deref())
            .collect();
        assert_eq!(speakers, [Some("peskov"), Some("peskov")]);
    }
}
