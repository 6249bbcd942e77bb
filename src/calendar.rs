//! Calendar words and date parsing shared by `load` (publication dates) and `extract`
//! (dates in running text). The only module that names chrono's calendar types in parsing,
//! so a later move to another date crate touches one file.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;

/// Month number for an English month name or abbreviation (`Sep`, `Sept.`, `September`).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Weekday for an English weekday name or abbreviation.
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let d = match w.as_str() {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(d)
}

/// The lowercase English name of a weekday.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

/// The regex alternation of month names, longest forms first so `Sept.` wins over `Sep`.
pub const MONTHS: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";

/// The regex alternation of weekday names.
pub const WEEKDAYS: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{WEEKDAYS},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\s*,?\s+(\d{{4}})"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{WEEKDAYS},?\s+)?({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    ))
    .expect("valid regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").expect("valid regex"));

/// Parses a publication date in the common forms: `5 Sep 2025`, `September 5, 2025`,
/// `Sept. 5, 2025`, `Friday 5 September 2025`, `2025-09-05`, RFC 3339 (`2025-09-05T10:00:00Z`,
/// the date part is kept). Leading words such as `Published On` or `Updated:` are skipped.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    let s = strip_date_prefix(s);
    if let Some(c) = ISO.captures(s) {
        return NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        return NaiveDate::from_ymd_opt(
            c[3].parse().ok()?,
            month_number(&c[2])?,
            c[1].parse().ok()?,
        );
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        return NaiveDate::from_ymd_opt(
            c[3].parse().ok()?,
            month_number(&c[1])?,
            c[2].parse().ok()?,
        );
    }
    None
}

fn strip_date_prefix(s: &str) -> &str {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:first\s+)?published|updated|last\s+updated|posted|modified)(?:\s+on)?\s*:?\s*")
            .expect("valid regex")
    });
    match PREFIX.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    }
}

/// The nearest `day` strictly before `date` (or on `date` itself when `inclusive`).
pub fn previous_weekday(date: NaiveDate, day: Weekday, inclusive: bool) -> NaiveDate {
    let today = date.weekday().num_days_from_monday() as i64;
    let target = day.num_days_from_monday() as i64;
    let mut back = (today - target).rem_euclid(7);
    if back == 0 && !inclusive {
        back = 7;
    }
    date - Days::new(back as u64)
}

/// The nearest `day` strictly after `date` (or on `date` itself when `inclusive`).
pub fn next_weekday(date: NaiveDate, day: Weekday, inclusive: bool) -> NaiveDate {
    let today = date.weekday().num_days_from_monday() as i64;
    let target = day.num_days_from_monday() as i64;
    let mut ahead = (target - today).rem_euclid(7);
    if ahead == 0 && !inclusive {
        ahead = 7;
    }
    date + Days::new(ahead as u64)
}

/// `date` moved by a signed number of days, if it stays in range.
pub fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// A day of a month, checked.
pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Year of a date (keeps chrono's trait import inside this module).
pub fn year_of(date: NaiveDate) -> i32 {
    date.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_common_publication_forms() {
        for s in [
            "5 Sep 2025",
            "September 5, 2025",
            "Sept. 5, 2025",
            "2025-09-05",
            "2025-09-05T10:30:00Z",
            "2025-09-05T10:30:00+03:00",
            "Published On 5 Sep 2025",
            "Friday 5 September 2025",
            "Friday, September 5, 2025",
            "5th September 2025",
        ] {
            assert_eq!(parse_date(s), Some(d(2025, 9, 5)), "{s}");
        }
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("31 Feb 2025"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn weekday_arithmetic() {
        // 2025-09-10 is a Wednesday.
        let wed = d(2025, 9, 10);
        assert_eq!(previous_weekday(wed, Weekday::Fri, false), d(2025, 9, 5));
        assert_eq!(previous_weekday(wed, Weekday::Wed, false), d(2025, 9, 3));
        assert_eq!(previous_weekday(wed, Weekday::Wed, true), wed);
        assert_eq!(next_weekday(wed, Weekday::Tue, false), d(2025, 9, 16));
    }

    #[test]
    fn month_abbreviations() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("sep"), Some(9));
        assert_eq!(month_number("Maybe"), None);
    }
}
