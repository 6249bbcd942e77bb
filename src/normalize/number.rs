//! Numbers: digits, words, fractions, ordinals, scale words, currencies, and bounded or vague
//! amounts as intervals. This module is the one place that knows the number grammar
//! (`one hundred and three and two thirds`, `twenty-first`, `1,234.5`, `12,34,567`, `⅔`), the
//! currency table (`$`, `C$`, `pence`, `MUSD`) and what `dozens` means; the extractor asks
//! [`quantity_value`] whether a run of words reads as one number or a currency.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::RawQuantity;
use crate::model::Quantity;

/// The interval a raw quantity states, or `None` when its number, currency or scale cannot be
/// read (or a compound bound such as `more than 40 and less than 10` is empty).
pub fn quantity_value(q: &RawQuantity) -> Option<Quantity> {
    let (unit, unit_factor) = unit_of(q)?;
    let scale = match q.scale.as_deref() {
        Some(s) => scale_factor(s)?,
        None => 1.0,
    };
    let modifier = q.modifier.clone().unwrap_or_default();
    if let Some((low, high)) = vague(&q.number) {
        let mut out = Quantity {
            low: low * scale * unit_factor,
            high: high * scale * unit_factor,
            low_open: false,
            high_open: false,
            unit,
            hedge: format!("{modifier} {}", q.number.to_ascii_lowercase())
                .trim()
                .to_string(),
            stated: None,
        };
        apply_bound(&mut out, q.modifier.as_deref(), q.suffix.as_deref());
        return Some(out);
    }
    let reading = read(&q.number)?;
    let unit = if reading.ordinal {
        // `3rd %` or `21st dollars` is not a figure.
        if !unit.is_empty() || q.scale.is_some() {
            return None;
        }
        Quantity::ORDINAL.to_string()
    } else {
        unit
    };
    let mut value = reading.value * scale * unit_factor;
    if let Some(cents) = &q.cents {
        let minor = read(cents)?;
        if minor.ordinal || minor.value < 0.0 || minor.value >= 100.0 || minor.value.fract() != 0.0
        {
            return None;
        }
        value += minor.value / 100.0 * unit_factor;
    }
    if let Some(upper) = &q.upper {
        let second = read(upper)?;
        if second.ordinal != reading.ordinal {
            return None;
        }
        let upper_scale = match q.upper_scale.as_deref() {
            Some(s) => scale_factor(s)?,
            None => scale,
        };
        // `5 to 10 million` is five million; `200 to 3 million` is two hundred.
        let value = if q.scale.is_none() && q.upper_scale.is_some() && reading.value < second.value
        {
            reading.value * upper_scale * unit_factor
        } else {
            value
        };
        let high = second.value * upper_scale * unit_factor;
        if let Some(upper_modifier) = &q.upper_modifier {
            // `more than 10 and less than 40`: both bounds hold.
            let mut a = Quantity::exact(value, &unit);
            apply_bound(&mut a, q.modifier.as_deref(), q.suffix.as_deref());
            let mut b = Quantity::exact(high, &unit);
            apply_bound(&mut b, Some(upper_modifier), None);
            return intersect(&a, &b).map(|mut q| {
                q.hedge = format!("{modifier} … {upper_modifier}");
                q
            });
        }
        if high > value {
            return Some(Quantity {
                low: value,
                high,
                low_open: false,
                high_open: false,
                unit,
                hedge: "range".to_string(),
                stated: None,
            });
        }
    } else if q.upper_modifier.is_some() {
        return None;
    }
    let mut out = Quantity::exact(value, &unit);
    out.hedge = match q.suffix.as_deref() {
        Some(s) => format!("{modifier} {s}").trim().to_string(),
        None => modifier,
    };
    apply_bound(&mut out, q.modifier.as_deref(), q.suffix.as_deref());
    Some(out)
}

/// How a number phrase reads: digits (`3,000`, `1.5`, `.08`, `1e10`, `12,34,567`), words
/// (`twenty-six`, `one hundred and five`), fractions (`two thirds`, `3½`, `-4/5`, `one over
/// three`) or ordinals (`21st`, `twenty-first`: their rank).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    value: f64,
    /// `first`, `21st`: a rank, not an amount.
    ordinal: bool,
}

/// The word classes of the number grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    Unit,
    Teen,
    Tens,
    /// Written in digits; `int` when it has no decimals.
    Digits {
        int: bool,
    },
    Hundred,
    Scale,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// A cardinal below a hundred in words, or any number in digits.
    Num(f64, Class),
    Hundred,
    /// `thousand`, `million`, `lakh`, `bn`, `k`, … (`hundreds`, `thousands` after a number).
    Scale(f64),
    Dozen,
    /// `fifth`, `21st` (singular) or `fifths` (plural: a denominator).
    Ord(f64, Class, bool),
    /// `half`/`halves`, `quarter`/`quarters`: denominators 2 and 4 that also stand alone.
    Part(f64, bool),
    /// A fraction written as one: `½`, `3/4` (may follow a whole number: `3½`).
    Frac(f64),
    /// A numerator over its denominator, worked out (`two thirds`).
    Fraction(f64),
    A,
    And,
    Point,
    /// `over`, `in`, `out of`: a ratio.
    Ratio(bool),
    Of,
    Minus,
}

/// An atom and whether a hyphen joined it to the one before (`thirty-fifths`).
type Item = (Atom, bool);

/// Number words, shared with `extract::quantity`, which spots them before this grammar reads them.
pub(crate) const UNITS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
pub(crate) const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub(crate) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
pub(crate) const ORD_UNITS: [&str; 10] = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
pub(crate) const ORD_TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
pub(crate) const ORD_TENS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

fn word_atom(w: &str) -> Option<Atom> {
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(Atom::Num(i as f64, Class::Unit));
    }
    if let Some(i) = TEENS.iter().position(|u| *u == w) {
        return Some(Atom::Num(10.0 + i as f64, Class::Teen));
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return Some(Atom::Num(20.0 + 10.0 * i as f64, Class::Tens));
    }
    let (stem, plural) = match w.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (w, false),
    };
    if let Some(i) = ORD_UNITS.iter().position(|u| *u == stem).filter(|&i| i > 0) {
        return Some(Atom::Ord(i as f64, Class::Unit, plural));
    }
    if stem == "nineth" {
        return Some(Atom::Ord(9.0, Class::Unit, plural));
    }
    if let Some(i) = ORD_TEENS.iter().position(|u| *u == stem) {
        return Some(Atom::Ord(10.0 + i as f64, Class::Teen, plural));
    }
    if let Some(i) = ORD_TENS.iter().position(|u| *u == stem) {
        return Some(Atom::Ord(20.0 + 10.0 * i as f64, Class::Tens, plural));
    }
    if let Some(f) = scale_factor(w).filter(|_| !ABBREVIATIONS.contains(&w)) {
        return Some(Atom::Scale(f));
    }
    Some(match w {
        "nought" | "naught" => Atom::Num(0.0, Class::Unit),
        "hundred" => Atom::Hundred,
        "hundreds" => Atom::Scale(100.0),
        "hundredth" => Atom::Ord(100.0, Class::Hundred, false),
        "hundredths" => Atom::Ord(100.0, Class::Hundred, true),
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Atom::Dozen,
        "half" => Atom::Part(2.0, false),
        "halves" => Atom::Part(2.0, true),
        "quarter" => Atom::Part(4.0, false),
        "quarters" => Atom::Part(4.0, true),
        "a" | "an" => Atom::A,
        "and" => Atom::And,
        "point" => Atom::Point,
        "over" => Atom::Ratio(false),
        "in" => Atom::Ratio(true),
        "out" => Atom::Ratio(true),
        "of" => Atom::Of,
        "minus" | "negative" => Atom::Minus,
        _ => {
            let (stem, plural) = match w.strip_suffix("ths") {
                Some(stem) => (stem, true),
                None => (w.strip_suffix("th")?, false),
            };
            let v = scale_factor(stem).filter(|v| *v >= 1e3)?;
            if ABBREVIATIONS.contains(&stem) {
                return None;
            }
            Atom::Ord(v, Class::Scale, plural)
        }
    })
}

static PHRASE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?P<ord>[0-9]+)(?:st|nd|rd|th)(?-u:\b)
      | (?P<slash>[0-9]+)/(?P<den>[0-9]+)
      | (?P<num>(?:[0-9]+(?:[.,][0-9]+)*|\.[0-9]+)(?:e[+-]?[0-9]+)?)
      | (?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])
      | (?P<word>[A-Za-z]+)
      | (?P<sym>\S)",
    )
    .expect("valid regex")
});

/// Digit groups split by spaces (`1 234 567`, `40 000`), joined before reading.
static SPACED_GROUPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9.,])([0-9]{1,3}(?:[ \u{202f}\u{a0}][0-9]{3})+)(?:$|[^0-9])")
        .expect("valid regex")
});

fn digits_value(s: &str) -> Option<(f64, bool)> {
    static EUROPEAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+$").expect("valid regex"));
    static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
        // Thousands (`1,234,567.5`) or Indian lakh grouping (`12,34,567.89`).
        Regex::new(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3})(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$")
            .expect("valid regex")
    });
    static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$").expect("valid regex")
    });
    let plain: String = if EUROPEAN.is_match(s) {
        s.replace('.', "").replace(',', ".")
    } else if GROUPED.is_match(s) {
        s.replace(',', "")
    } else if PLAIN.is_match(s) {
        s.to_string()
    } else {
        return None;
    };
    let v = plain.parse::<f64>().ok()?;
    Some((v, v.fract() == 0.0 && !plain.contains('.')))
}

fn vulgar_value(c: &str) -> Option<f64> {
    Some(match c {
        "½" => 1.0 / 2.0,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 1.0 / 4.0,
        "¾" => 3.0 / 4.0,
        "⅕" => 1.0 / 5.0,
        "⅖" => 2.0 / 5.0,
        "⅗" => 3.0 / 5.0,
        "⅘" => 4.0 / 5.0,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 1.0 / 8.0,
        "⅜" => 3.0 / 8.0,
        "⅝" => 5.0 / 8.0,
        "⅞" => 7.0 / 8.0,
        "⅑" => 1.0 / 9.0,
        "⅒" => 1.0 / 10.0,
        _ => return None,
    })
}

/// The atoms of a phrase; `None` when a word is not part of the number grammar.
fn lex(s: &str) -> Option<Vec<Item>> {
    let mut joined = s.to_string();
    while let Some(c) = SPACED_GROUPS.captures(&joined) {
        let m = c.get(1).expect("group");
        let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
        joined.replace_range(m.range(), &digits);
    }
    let mut out: Vec<Item> = Vec::new();
    let mut hyphen = false;
    for c in PHRASE_TOKEN.captures_iter(&joined) {
        let atom = if let Some(m) = c.name("ord") {
            Atom::Ord(m.as_str().parse().ok()?, Class::Digits { int: true }, false)
        } else if let (Some(n), Some(d)) = (c.name("slash"), c.name("den")) {
            let (n, d): (f64, f64) = (n.as_str().parse().ok()?, d.as_str().parse().ok()?);
            // A proper fraction with a usual denominator: `24/7` and `9/11` are names.
            if n >= d
                || ![
                    2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 32.0, 64.0, 100.0,
                ]
                .contains(&d)
            {
                return None;
            }
            Atom::Frac(n / d)
        } else if let Some(m) = c.name("num") {
            let (v, int) = digits_value(m.as_str())?;
            Atom::Num(v, Class::Digits { int })
        } else if let Some(m) = c.name("vulgar") {
            Atom::Frac(vulgar_value(m.as_str())?)
        } else if let Some(m) = c.name("word") {
            let w = m.as_str().to_lowercase();
            let after_digits = matches!(out.last(), Some((Atom::Num(_, Class::Digits { .. }), _)));
            // `10k`, `1.2b`, `5 bn`: abbreviations count only after digits.
            match scale_factor(&w) {
                Some(f) if after_digits => Atom::Scale(f),
                _ => word_atom(&w)?,
            }
        } else {
            match c.name("sym").map(|m| m.as_str()) {
                Some("-" | "−") if out.is_empty() => Atom::Minus,
                Some("-" | "–") => {
                    hyphen = true;
                    continue;
                }
                _ => return None,
            }
        };
        out.push((atom, hyphen));
        hyphen = false;
    }
    // `out of` is one connector.
    let mut merged: Vec<Item> = Vec::with_capacity(out.len());
    for item in out {
        if item.0 == Atom::Of && merged.last().is_some_and(|(a, _)| *a == Atom::Ratio(true)) {
            continue;
        }
        merged.push(item);
    }
    Some(merged)
}

fn read(s: &str) -> Option<Reading> {
    let atoms = lex(s)?;
    let (negative, atoms) = match atoms.first() {
        Some((Atom::Minus, _)) => (true, &atoms[1..]),
        _ => (false, &atoms[..]),
    };
    if atoms.is_empty() || atoms.iter().any(|(a, _)| *a == Atom::Minus) {
        return None;
    }
    let r = read_unsigned(atoms)?;
    Some(Reading {
        value: if negative { -r.value } else { r.value },
        ..r
    })
}

fn read_unsigned(atoms: &[Item]) -> Option<Reading> {
    let cardinal = |v: f64| {
        Some(Reading {
            value: v,
            ordinal: false,
        })
    };
    // A ratio: `one over three`, `1 in 21`, `two out of five hundred`.
    if let Some(i) = atoms.iter().position(|(a, _)| matches!(a, Atom::Ratio(_))) {
        let n = accumulate(&atoms[..i], false)?;
        let d = accumulate(&atoms[i + 1..], false)?;
        let share = atoms[i].0 == Atom::Ratio(true);
        // `8 in 5` or `12 out of 10` are two numbers, not a share.
        if d == 0.0 || (share && (n >= d || n.fract() != 0.0 || d.fract() != 0.0)) {
            return None;
        }
        return cardinal(n / d);
    }
    if let Some(p) = atoms.iter().position(|(a, _)| *a == Atom::Point) {
        let whole = accumulate(&atoms[..p], false)?;
        let (decimals, rest) = decimal_digits(&atoms[p + 1..])?;
        let mut v = whole + format!("0.{decimals}").parse::<f64>().ok()?;
        match rest {
            [] => {}
            [(Atom::Scale(f), _)] => v *= f,
            _ => return None,
        }
        return cardinal(v);
    }
    if let Some(v) = ordinal(atoms) {
        return Some(Reading {
            value: v,
            ordinal: true,
        });
    }
    let folded = fold_fractions(atoms)?;
    cardinal(accumulate(&folded, false)?)
}

/// `zero three` → `03`, `seventy-one` → `71`: the digits after `point`, and a scale after them.
fn decimal_digits(atoms: &[Item]) -> Option<(String, &[Item])> {
    let end = atoms
        .iter()
        .position(|(a, _)| !matches!(a, Atom::Num(..)))
        .unwrap_or(atoms.len());
    let (digits, rest) = atoms.split_at(end);
    if digits.is_empty() {
        return None;
    }
    let all_units = digits
        .iter()
        .all(|(a, _)| matches!(a, Atom::Num(v, Class::Unit) if *v < 10.0));
    let s = if all_units {
        digits
            .iter()
            .map(|(a, _)| match a {
                Atom::Num(v, _) => format!("{}", *v as u8),
                _ => String::new(),
            })
            .collect()
    } else {
        if digits
            .iter()
            .any(|(a, _)| matches!(a, Atom::Num(_, Class::Digits { .. })))
        {
            return None;
        }
        let v = accumulate(digits, false)?;
        if v >= 100.0 {
            return None;
        }
        format!("{}", v as u8)
    };
    Some((s, rest))
}

/// The rank a phrase ending in a singular ordinal states: `one hundred twenty fifth` is 125,
/// `three trillionth` 3e12. `a fifth` and `one eighth` are fractions, not ranks.
fn ordinal(atoms: &[Item]) -> Option<f64> {
    let (last, rest) = atoms.split_last()?;
    let Atom::Ord(v, class, false) = last.0 else {
        return None;
    };
    if rest.last().is_some_and(|(a, _)| *a == Atom::A) {
        return None;
    }
    // `280 million first` is a figure and a rank; a digit ordinal (`21st`) stands alone.
    if rest
        .iter()
        .any(|(a, _)| matches!(a, Atom::Num(_, Class::Digits { .. })))
        || (matches!(class, Class::Digits { .. }) && !rest.is_empty())
    {
        return None;
    }
    let mut items = rest.to_vec();
    items.push((ord_as_cardinal(v, class), last.1));
    if items.iter().any(|(a, _)| {
        matches!(
            a,
            Atom::Ord(..)
                | Atom::Part(..)
                | Atom::Frac(_)
                | Atom::Fraction(_)
                | Atom::Of
                | Atom::Dozen
        )
    }) {
        return None;
    }
    accumulate(&items, true)
}

fn ord_as_cardinal(v: f64, class: Class) -> Atom {
    match class {
        Class::Hundred => Atom::Hundred,
        Class::Scale => Atom::Scale(v),
        class => Atom::Num(v, class),
    }
}

/// Replaces each denominator and its numerator by the fraction they state: `two thirds`,
/// `a fifth`, `one one hundred fifth` (1/105), `twenty twenty fifths` (20/25), `one hundred
/// thirty-fifths` (100/35). After `and`, a proper fraction is the fractional part of a mixed
/// number (`twenty and three fifths` is 20.6); otherwise the whole run is the numerator (`one
/// hundred and thirty fifths` is 26).
fn fold_fractions(atoms: &[Item]) -> Option<Vec<Item>> {
    let mut items = atoms.to_vec();
    while let Some(d) = items
        .iter()
        .position(|(a, _)| matches!(a, Atom::Ord(..) | Atom::Part(..)))
    {
        // The cardinal run before the denominator.
        let start = items[..d]
            .iter()
            .rposition(|(a, _)| {
                !matches!(
                    a,
                    Atom::Num(..) | Atom::Hundred | Atom::Scale(_) | Atom::A | Atom::And
                )
            })
            .map_or(0, |i| i + 1);
        let is_one = |i: usize| {
            matches!(
                items.get(i),
                Some((Atom::A, _)) | Some((Atom::Num(1.0, Class::Unit), _))
            )
        };
        let (n, value) = match items[d].0 {
            Atom::Part(den, false) => {
                if d > start && is_one(d - 1) {
                    (d - 1, 1.0 / den)
                } else {
                    (d, 1.0 / den)
                }
            }
            Atom::Ord(_, _, false) => {
                // The longest ordinal ending here whose numerator is `a` or `one`.
                let mut found = None;
                for s in (start + 1)..=d {
                    if !is_one(s - 1) {
                        continue;
                    }
                    if let Some(den) = ordinal(&items[s..=d])
                        && den > 2.0
                    {
                        found = Some((s - 1, 1.0 / den));
                        break;
                    }
                }
                found?
            }
            Atom::Ord(v, class, true) => plural_fraction(&items, start, d, v, class)?,
            // `halves` and `quarters` never join a tens word.
            Atom::Part(v, true) => plural_fraction(&items, start, d, v, Class::Hundred)?,
            _ => unreachable!("a denominator"),
        };
        items.splice(n..=d, [(Atom::Fraction(value), false)]);
    }
    Some(items)
}

/// The numerator and value of a plural denominator (`fifths`) at `d`, its cardinal run from
/// `start`. `seconds` is time, not halves: a unit denominator must be above two.
fn plural_fraction(
    items: &[Item],
    start: usize,
    d: usize,
    v: f64,
    class: Class,
) -> Option<(usize, f64)> {
    let run = &items[start..d];
    let hyphen = items[d].1;
    let usable = |den: f64| class != Class::Unit || den > 2.0;
    // A tens word before a unit ordinal can be part of the denominator (`thirty-fifths`).
    let tens = match run.last() {
        Some((Atom::Num(t, Class::Tens), _)) if class == Class::Unit => Some(*t),
        _ => None,
    };
    // After the last `and`, a proper fraction is the part of a mixed number.
    if let Some(a) = run.iter().rposition(|(x, _)| *x == Atom::And)
        && usable(v)
        && let Some(n) = accumulate(&run[a + 1..], false)
        && n / v < 1.0
    {
        return Some((start + a + 1, n / v));
    }
    if let Some(t) = tens
        && (hyphen || run.len() > 1)
    {
        if let Some(n) = accumulate(&run[..run.len() - 1], false) {
            return Some((start, n / (t + v)));
        }
        if hyphen {
            return None;
        }
    }
    if !usable(v) {
        return None;
    }
    Some((start, accumulate(run, false)? / v))
}

/// Where a cardinal phrase is in its reading, for what may come next.
#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    /// At the start, or after a scale word.
    Empty,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Digits,
    Hundreds,
    /// After `a`: only `hundred`, a scale or `dozen` may follow.
    A,
    /// After a fraction: a scale (`half million`), `of a` + scale, `a dozen`.
    Frac,
    /// After `dozen`.
    Done,
}

/// The value of a cardinal phrase (fractions already folded), or `None` when the words do
/// not make one number (`three hundred and two hundred`, `4000 3`). `bare` lets a scale or
/// `hundred` stand alone (`trillionth`, `hundredth`).
fn accumulate(atoms: &[Item], bare: bool) -> Option<f64> {
    if atoms.is_empty() {
        return None;
    }
    let mut total = 0.0;
    let mut group = 0.0;
    let mut below_hundred = 0.0;
    let mut state = State::Empty;
    let mut has_hundred = false;
    let mut last_scale = f64::INFINITY;
    let mut after_and = false;
    let mut frac_after_scale = false;
    let mut i = 0;
    while i < atoms.len() {
        let (atom, hyphen) = atoms[i];
        let next = atoms.get(i + 1).map(|(a, _)| *a);
        match atom {
            Atom::Num(v, class) => {
                let ok = match state {
                    // After `and`, a part of a larger number, never `and 0`.
                    State::Empty => !after_and || (v != 0.0 && total > 0.0),
                    State::Tens => class == Class::Unit && v > 0.0,
                    State::Hundreds => {
                        let digits = matches!(class, Class::Digits { .. });
                        let int = class == Class::Digits { int: true };
                        v > 0.0 && v < 100.0 && (!digits || (int && after_and))
                    }
                    _ => false,
                };
                if !ok || (hyphen && state != State::Tens && !after_and && state != State::Empty) {
                    return None;
                }
                group += v;
                below_hundred += v;
                state = match (state, class) {
                    (State::Tens, _) => State::TensUnit,
                    (_, Class::Unit) => State::Unit,
                    (_, Class::Teen) => State::Teen,
                    (_, Class::Tens) => State::Tens,
                    _ => State::Digits,
                };
                // `4 thousand 3 hundred`: a digit group inside words acts as a word.
                if state == State::Digits && v < 10.0 && v.fract() == 0.0 && total > 0.0 {
                    state = State::Unit;
                }
            }
            Atom::Hundred => {
                match state {
                    State::Unit | State::Teen | State::Tens | State::TensUnit | State::Digits
                        if !has_hundred =>
                    {
                        group *= 100.0
                    }
                    State::A => group = 100.0,
                    State::Empty if bare && group == 0.0 && !after_and => group = 100.0,
                    _ => return None,
                }
                has_hundred = true;
                below_hundred = 0.0;
                state = State::Hundreds;
            }
            Atom::Scale(f) => {
                if group == 0.0 && state == State::Empty {
                    if total > 0.0 && f > last_scale && !after_and {
                        // `three lakh crore`, `two thousand million`.
                        total *= f;
                        last_scale = f;
                    } else if bare && total == 0.0 {
                        total = f;
                        last_scale = f;
                    } else {
                        return None;
                    }
                } else {
                    if f >= last_scale || state == State::Done {
                        return None;
                    }
                    total += group * f;
                    group = 0.0;
                    below_hundred = 0.0;
                    last_scale = f;
                    has_hundred = false;
                    frac_after_scale = false;
                    state = State::Empty;
                }
            }
            Atom::Dozen => {
                match state {
                    State::Unit
                    | State::Teen
                    | State::Tens
                    | State::TensUnit
                    | State::Digits
                    | State::A => {
                        let bh = if state == State::A {
                            1.0
                        } else {
                            below_hundred
                        };
                        group += bh * 11.0;
                    }
                    State::Frac => group *= 12.0,
                    _ => return None,
                }
                state = State::Done;
            }
            Atom::A => match state {
                State::Empty
                    if matches!(next, Some(Atom::Hundred | Atom::Scale(_) | Atom::Dozen)) =>
                {
                    group = 1.0;
                    below_hundred = 1.0;
                    state = State::A;
                }
                // `half a dozen`, `two thirds of a million`.
                State::Frac if matches!(next, Some(Atom::Scale(_) | Atom::Dozen)) => {}
                _ => return None,
            },
            Atom::Of => {
                if state != State::Frac || !matches!(next, Some(Atom::A | Atom::Scale(_))) {
                    return None;
                }
            }
            Atom::And => {
                let ok = match next {
                    Some(Atom::Frac(_) | Atom::Fraction(_)) => matches!(
                        state,
                        State::Unit
                            | State::Teen
                            | State::Tens
                            | State::TensUnit
                            | State::Digits
                            | State::Hundreds
                            | State::Empty
                    ),
                    Some(Atom::Num(v, class)) => match state {
                        State::Hundreds => true,
                        State::Empty => total > 0.0,
                        State::Tens => class == Class::Unit && v > 0.0,
                        _ => false,
                    },
                    Some(Atom::A) => state == State::Empty && total > 0.0,
                    _ => false,
                };
                if !ok {
                    return None;
                }
                after_and = true;
                i += 1;
                continue;
            }
            Atom::Frac(v) | Atom::Fraction(v) => {
                let written = matches!(atom, Atom::Frac(_));
                match state {
                    State::Empty if total == 0.0 && group == 0.0 && !after_and => group = v,
                    _ if after_and => {
                        if v >= 1.0 {
                            return None;
                        }
                        if state == State::Empty && group == 0.0 {
                            frac_after_scale = true;
                        }
                        group += v;
                    }
                    // `3½`, `2 1/4`.
                    State::Unit | State::Teen | State::Tens | State::TensUnit | State::Digits
                        if written && v < 1.0 && group.fract() == 0.0 =>
                    {
                        group += v
                    }
                    _ => return None,
                }
                state = State::Frac;
            }
            _ => return None,
        }
        after_and = false;
        i += 1;
    }
    if matches!(state, State::A) {
        return None;
    }
    if frac_after_scale && last_scale.is_finite() && last_scale >= 1e5 {
        // `six million and two thirds` is 6,666,666.67.
        total += group * last_scale;
    } else {
        total += group;
    }
    Some(total)
}

/// Scale abbreviations, read only right after digits (`10k`, `5 bn`).
const ABBREVIATIONS: &[&str] = &["k", "m", "mn", "mln", "bn", "bln", "b", "tn", "tln", "trn"];

/// The factor of a scale word or abbreviation (`million`, `bn`, `k`, `lakh`), or `None`.
fn scale_factor(s: &str) -> Option<f64> {
    Some(match s.to_lowercase().as_str() {
        "thousand" | "thousands" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "million" | "millions" | "m" | "mn" | "mln" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "billions" | "bn" | "bln" | "b" => 1e9,
        "trillion" | "trillions" | "tn" | "tln" | "trn" => 1e12,
        _ => return None,
    })
}

/// The unit of a quantity (`%`, a currency code, or empty for a count) and the factor from
/// the written unit to it (`cents` are hundredths of a dollar, `MUSD` millions of them).
/// `None` when a currency is written that is not one.
fn unit_of(q: &RawQuantity) -> Option<(String, f64)> {
    if let Some(points) = &q.points {
        // A basis point is a hundredth of a percentage point.
        let factor = match points.split_whitespace().next()? {
            "percentage" => 1.0,
            "basis" | "bp" | "bps" => 0.01,
            _ => return None,
        };
        return Some((Quantity::POINTS.to_string(), factor));
    }
    if q.percent {
        return Some(("%".to_string(), 1.0));
    }
    match q.currency.as_deref() {
        None => Some((String::new(), 1.0)),
        Some(c) => currency(c).map(|(code, f)| (code.to_string(), f)),
    }
}

/// ISO 4217 codes written as codes. Lowercase only for the common ones (`20 usd`): `try`,
/// `all` and `cad` are words.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD",
    "MXN", "BRL", "RUB", "TRY", "KRW", "ZAR", "SEK", "NOK", "DKK", "PLN", "ILS", "AED", "SAR",
    "THB", "MYR", "IDR", "PHP", "NGN", "EGP", "PKR", "LKR", "BDT", "UAH", "CZK", "HUF", "ARS",
    "CLP", "COP", "TWD", "VND", "KES", "BTC", "ESP", "NLG", "FIM", "DEM", "FRF", "ITL",
];
const LOWERCASE_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "chf", "aud", "nzd", "hkd", "sgd", "mxn",
    "btc",
];

/// A currency as written (`$`, `C$`, `u . s . $`, `pence`, `australian dollars`, `MUSD`) →
/// its code and the factor to that code's major unit.
fn currency(written: &str) -> Option<(&'static str, f64)> {
    let squeezed: String = written.split_whitespace().collect::<Vec<_>>().join(" ");
    // Symbols with letters: `US$`, `C$`, `c $`, `hk $`, `u.s $`, `Mex$`, `nzd$`.
    if let Some(prefix) = squeezed.strip_suffix('$') {
        if !prefix
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == ' ')
        {
            return None;
        }
        let spaced = prefix.ends_with(' ');
        let letters: String = prefix.chars().filter(|c| c.is_alphabetic()).collect();
        let lower = letters.to_lowercase();
        // Single capitals stand for a country only when glued: `A $5 fee` is five dollars.
        let single_ok = !spaced && letters.chars().all(char::is_uppercase);
        return Some((
            match lower.as_str() {
                "" | "us" | "usd" => "USD",
                "c" if single_ok || letters == "c" => "CAD",
                "ca" | "cad" | "can" => "CAD",
                "a" if single_ok => "AUD",
                "au" | "aud" => "AUD",
                "nz" | "nzd" => "NZD",
                "hk" | "hkd" => "HKD",
                "s" if single_ok => "SGD",
                "sg" | "sgd" => "SGD",
                "r" if single_ok => "BRL",
                "mex" | "mx" | "mxn" => "MXN",
                _ => return None,
            },
            1.0,
        ));
    }
    let code_ok = |c: &str| CODES.contains(&c) || LOWERCASE_CODES.contains(&c);
    if code_ok(&squeezed) {
        let upper = squeezed.to_uppercase();
        return CODES
            .iter()
            .find(|c| **c == upper)
            .map(|c| (if *c == "RMB" { "CNY" } else { *c }, 1.0));
    }
    // `MUSD`, `MEUR`: millions, in Nordic and German business style.
    if let Some(code) = squeezed.strip_prefix('M')
        && code.len() == 3
        && CODES.contains(&code)
    {
        return currency(code).map(|(c, _)| (c, 1e6));
    }
    let lower = squeezed.to_lowercase();
    if matches!(lower.as_str(), "rs" | "rs.") {
        return Some(("INR", 1.0));
    }
    let lower = lower
        .strip_prefix("us ")
        .or(lower.strip_prefix("u.s. "))
        .unwrap_or(&lower);
    let singular = lower
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or(lower.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| lower.to_string());
    let code = match singular.as_str() {
        "£" | "pound" | "pound sterling" | "pounds sterling" | "sterling" | "british pound" => {
            "GBP"
        }
        "penny" | "pence" | "penc" | "p" => return Some(("GBP", 0.01)),
        "cent" => return Some(("USD", 0.01)),
        "euro cent" => return Some(("EUR", 0.01)),
        "$" | "dollar" | "american dollar" => "USD",
        "canadian dollar" => "CAD",
        "australian dollar" => "AUD",
        "new zealand dollar" => "NZD",
        "hong kong dollar" => "HKD",
        "singapore dollar" => "SGD",
        "taiwan dollar" | "new taiwan dollar" => "TWD",
        "€" | "euro" => "EUR",
        "¥" | "yen" | "japanese yen" => "JPY",
        "yuan" | "chinese yuan" | "renminbi" | "元" => "CNY",
        "₹" | "rupee" | "indian rupee" => "INR",
        "sri lankan rupee" | "ரூ" => "LKR",
        "pakistani rupee" => "PKR",
        "₽" | "rouble" | "ruble" | "russian rouble" | "russian ruble" => "RUB",
        "₺" | "lira" | "turkish lira" => "TRY",
        "swiss franc" => "CHF",
        "₿" | "bitcoin" => "BTC",
        "₩" | "korean won" | "south korean won" => "KRW",
        "₦" | "naira" => "NGN",
        "₪" | "shekel" | "new shekel" | "israeli shekel" => "ILS",
        "₱" | "philippine peso" => "PHP",
        "mexican peso" => "MXN",
        "₡" | "colone" => "CRC",
        "₾" | "lari" => "GEL",
        "₭" | "kip" => "LAK",
        "rand" | "south african rand" => "ZAR",
        "baht" => "THB",
        "ringgit" => "MYR",
        "dirham" | "uae dirham" => "AED",
        "riyal" | "saudi riyal" => "SAR",
        "peseta" => "ESP",
        "guilder" | "dutch guilder" => "NLG",
        "markka" | "markkaa" | "finnish markka" => "FIM",
        "deutsche mark" | "deutschmark" | "deutschemark" => "DEM",
        "french franc" => "FRF",
        _ => return None,
    };
    Some((code, 1.0))
}

/// Vague amounts as closed intervals. `dozens` is at least two dozen; `a handful` two to nine.
fn vague(number: &str) -> Option<(f64, f64)> {
    let n = number
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let inf = f64::INFINITY;
    Some(match n.as_str() {
        "a handful" => (2.0, 9.0),
        "a few" => (2.0, 6.0),
        "several" => (3.0, 9.0),
        "a dozen" => (12.0, 12.0),
        "half a dozen" => (6.0, 6.0),
        "two dozen" => (24.0, 24.0),
        "three dozen" => (36.0, 36.0),
        "dozens" => (24.0, 199.0),
        "tens of thousands" => (20_000.0, 99_999.0),
        "hundreds of thousands" => (200_000.0, 999_999.0),
        "tens of millions" => (2e7, 99_999_999.0),
        "hundreds of millions" => (2e8, 999_999_999.0),
        "scores" => (40.0, 999.0),
        "hundreds" => (200.0, 1999.0),
        "thousands" => (2000.0, 999_999.0),
        "millions" => (2e6, 999e6),
        "billions" => (2e9, inf),
        _ => return None,
    })
}

/// What a bound word says about the figure after it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    /// `more than`, or `at least` (closed: the figure itself counts).
    Above(bool),
    /// `less than`, or `up to` (closed).
    Below(bool),
    /// `equal to`, `as many as`, `between`: the figure as stated.
    Exact,
    /// `about`: ±10 %.
    About,
    /// `nearly`: up to 10 % below.
    Nearly,
    /// `or equal`: closes the bound before it.
    OrEqual,
}

/// The bound a modifier or suffix states, from its words: `no more than` is `at most`, `bigger
/// or equal than` is `at least`, `<` is `less than`.
fn bound_of(written: &str) -> Option<Bound> {
    let m = written.to_lowercase();
    let words: Vec<&str> = m.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    let sym: String = m.chars().filter(|c| !c.is_whitespace()).collect();
    match m.as_str() {
        "about" | "around" | "approximately" | "roughly" | "some" | "an estimated" | "close to"
        | "approx" | "approx." => return Some(Bound::About),
        "nearly" | "almost" => return Some(Bound::Nearly),
        "as many as" | "between" | "from" => return Some(Bound::Exact),
        "as few as" => return Some(Bound::Below(true)),
        "or equal" | "or equal to" | "or equal to it" => return Some(Bound::OrEqual),
        _ => {}
    }
    match sym.as_str() {
        ">" => return Some(Bound::Above(false)),
        ">=" | "≥" | "=>" => return Some(Bound::Above(true)),
        "<" => return Some(Bound::Below(false)),
        "<=" | "≤" | "=<" => return Some(Bound::Below(true)),
        _ => {}
    }
    let up = [
        "more", "greater", "larger", "bigger", "higher", "over", "above", "least", "minimum",
        "excess",
    ]
    .iter()
    .any(|w| has(w))
        || words
            .iter()
            .any(|w| w.starts_with("exceed") || w.starts_with("surpass"))
        || has("plus");
    let down = [
        "less", "fewer", "smaller", "lower", "under", "below", "most", "maximum",
    ]
    .iter()
    .any(|w| has(w))
        || m.contains("up to");
    let negated = words.first().is_some_and(|w| *w == "no" || *w == "not");
    let closed = has("equal")
        || has("least")
        || has("most")
        || m.contains("up to")
        || has("minimum")
        || has("maximum")
        || negated
        || words.first() == Some(&"or")
        || words.first() == Some(&"and");
    match (up, down, negated) {
        (true, false, false) | (false, true, true) => Some(Bound::Above(closed)),
        (false, true, false) | (true, false, true) => Some(Bound::Below(closed)),
        (false, false, _) if has("equal") || words.iter().any(|w| w.starts_with("equal")) => {
            Some(Bound::Exact)
        }
        _ => None,
    }
}

/// Bounds and hedges widen an exact number: `more than 20` is (20, ∞), `about 400` is ±10 %,
/// `nearly 7,000` is [6,300, 7,000], `500 or more` is [500, ∞). A suffix (`or more`) wins over
/// the modifier; `or equal` closes the modifier's bound.
fn apply_bound(q: &mut Quantity, modifier: Option<&str>, suffix: Option<&str>) {
    let m = modifier.and_then(bound_of);
    let s = suffix.and_then(bound_of);
    let bound = match (m, s) {
        (Some(Bound::Above(_)), Some(Bound::OrEqual)) => Some(Bound::Above(true)),
        (Some(Bound::Below(_)), Some(Bound::OrEqual)) => Some(Bound::Below(true)),
        (_, Some(b @ (Bound::Above(_) | Bound::Below(_)))) => Some(b),
        (m, _) => m,
    };
    match bound {
        Some(Bound::Above(closed)) => {
            q.low_open = !closed;
            q.high = f64::INFINITY;
            q.high_open = false;
        }
        Some(Bound::Below(closed)) => {
            q.high = q.low;
            q.high_open = !closed;
            // Counts start at zero; `below -30` has no floor.
            q.low = if q.high > 0.0 { 0.0 } else { f64::NEG_INFINITY };
            q.low_open = false;
        }
        Some(Bound::About) => {
            let (a, b) = (q.low * 0.9, q.high * 1.1);
            q.low = a.min(b);
            q.high = a.max(b);
        }
        Some(Bound::Nearly) => {
            if q.low >= 0.0 {
                q.low *= 0.9;
            } else {
                q.low *= 1.1;
            }
        }
        Some(Bound::Exact | Bound::OrEqual) | None => {}
    }
}

/// Both intervals at once, or `None` when they do not overlap.
fn intersect(a: &Quantity, b: &Quantity) -> Option<Quantity> {
    let (low, low_open) = if a.low > b.low || (a.low == b.low && a.low_open) {
        (a.low, a.low_open)
    } else {
        (b.low, b.low_open)
    };
    let (high, high_open) = if a.high < b.high || (a.high == b.high && a.high_open) {
        (a.high, a.high_open)
    } else {
        (b.high, b.high_open)
    };
    if low > high || (low == high && (low_open || high_open)) {
        return None;
    }
    Some(Quantity {
        low,
        high,
        low_open,
        high_open,
        unit: a.unit.clone(),
        hedge: String::new(),
        stated: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(number: &str) -> RawQuantity {
        RawQuantity {
            number: number.to_string(),
            ..Default::default()
        }
    }

    fn value(q: RawQuantity) -> String {
        quantity_value(&q).unwrap().to_string()
    }

    fn read_number(s: &str) -> Option<f64> {
        read(s).map(|r| r.value)
    }

    fn close(s: &str, want: f64) {
        let got = read_number(s).unwrap_or_else(|| panic!("{s:?} does not read"));
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{s:?} reads {got}, not {want}"
        );
    }

    #[test]
    fn words_and_digits_agree() {
        assert_eq!(value(raw("twenty-six")), "26");
        assert_eq!(value(raw("Twenty six")), "26");
        assert_eq!(value(raw("one hundred and five")), "105");
        assert_eq!(value(raw("3,000")), "3000");
        assert_eq!(value(raw("1.5")), "1.5");
    }

    #[test]
    fn digit_formats() {
        close("1,234,567", 1234567.0);
        close(".08", 0.08);
        close("4.800", 4.8);
        close("1e10", 1e10);
        close("12.32e+14", 1.232e15);
        close("-12e-1", -1.2);
        // Indian grouping, European decimals, spaced thousands.
        close("12,34,567.89", 1234567.89);
        close("1.111,11", 1111.11);
        close("1 414 021 100", 1414021100.0);
        close("40\u{202f}000", 40000.0);
        assert_eq!(read_number("22,24,26"), None);
        assert_eq!(read_number("4000 3"), None);
    }

    #[test]
    fn compound_words_and_their_limits() {
        close(
            "twenty-one trillion and three hundred",
            21_000_000_000_300.0,
        );
        close("two hundred and two thousand", 202_000.0);
        close("ninety - five hundred", 9500.0);
        close("4 thousand 3 hundred and 21", 4321.0);
        close("322 hundred", 32200.0);
        close("three lakh crore", 3e12);
        close("6 crore and two hundred", 60_000_200.0);
        close("three hundred and two dozens", 324.0);
        assert_eq!(read_number("3 hundred and 2 hundred"), None);
        assert_eq!(read_number("4 thousand 3 hundred and 0"), None);
        assert_eq!(read_number("three nought four"), None);
    }

    #[test]
    fn fractions() {
        close("two thirds", 2.0 / 3.0);
        close("a half", 0.5);
        close("one-eighth", 0.125);
        close("one - fourth", 0.25);
        close("a twenty-first", 1.0 / 21.0);
        close("one one hundred fifth", 1.0 / 105.0);
        close("twenty fifths", 4.0);
        close("twenty twenty fifths", 0.8);
        close("one hundred thirty fifths", 100.0 / 35.0);
        close("one hundred and thirty fifths", 26.0);
        close("one hundred and three quarters", 100.75);
        close("twenty and three and three fifths", 23.6);
        close("one hundred and three and two thirds", 103.0 + 2.0 / 3.0);
        close("ninety - five hundred-fifths", 1900.0);
        close("3½", 3.5);
        close("2  1/4", 2.25);
        close("-4/5", -0.8);
        assert_eq!(read_number("24/7"), None);
        assert_eq!(read_number("9/11"), None);
        close("⅔", 2.0 / 3.0);
        close("a hundred thousand trillionths", 1e-7);
    }

    #[test]
    fn fractions_with_scales_and_ratios() {
        close("half million", 500_000.0);
        close("a quarter million", 250_000.0);
        close("two thirds of a million", 2e6 / 3.0);
        close("five and a half million", 5.5e6);
        close("one billion and three quarters million", 1_000_750_000.0);
        close("six million and two thirds", 6e6 + 2e6 / 3.0);
        close("half a dozen", 6.0);
        close("one over three", 1.0 / 3.0);
        close("1 in twenty-one", 1.0 / 21.0);
        close("two out of five hundred", 0.004);
        assert_eq!(read_number("8 in 5"), None, "8 in 5 is two numbers");
    }

    #[test]
    fn point_and_sign() {
        close("two hundred point zero three", 200.03);
        close("two hundred point seventy-one", 200.71);
        close("nine point nought four", 9.04);
        close("minus five point five", -5.5);
        close("negative one", -1.0);
        close("two point five million", 2.5e6);
    }

    #[test]
    fn ordinals_are_ranks() {
        let ord = |s: &str| quantity_value(&raw(s)).unwrap();
        assert_eq!(ord("21st").to_string(), "21st");
        assert_eq!(ord("twenty-first").to_string(), "21st");
        assert_eq!(ord("one hundred twenty fifth").to_string(), "125th");
        assert_eq!(ord("two hundredth").to_string(), "200th");
        assert_eq!(ord("first").unit, Quantity::ORDINAL);
        close("three trillionth", 3e12);
        close("a hundred trillionth", 1e14);
        // `a trillionth` is a fraction, `a first` nothing.
        close("a trillionth", 1e-12);
        assert_eq!(read_number("a first"), None);
    }

    #[test]
    fn money_and_percent() {
        let q = RawQuantity {
            currency: Some("$".into()),
            scale: Some("bn".into()),
            ..raw("2.4")
        };
        assert_eq!(value(q), "2400000000 USD");
        let q = RawQuantity {
            percent: true,
            ..raw("40")
        };
        assert_eq!(value(q), "40%");
    }

    #[test]
    fn currencies() {
        let money = |n: &str, c: &str| {
            value(RawQuantity {
                currency: Some(c.into()),
                ..raw(n)
            })
        };
        assert_eq!(money("50", "cents"), "0.5 USD");
        assert_eq!(money("470", "pence"), "4.7 GBP");
        assert_eq!(money("16.4", "c $"), "16.4 CAD");
        assert_eq!(money("10.05", "hk $"), "10.05 HKD");
        assert_eq!(money("150", "us $"), "150 USD");
        assert_eq!(money("100", "u.s $"), "100 USD");
        assert_eq!(money("30", "MUSD"), "30000000 USD");
        assert_eq!(money("10", "swiss francs"), "10 CHF");
        assert_eq!(money("5", "yen"), "5 JPY");
        assert_eq!(money("20", "usd"), "20 USD");
        assert_eq!(money("500", "Rs"), "500 INR");
        // `A $5 fee` is not Australian; `try` and `ALL` are words.
        assert_eq!(currency("A $"), None);
        assert_eq!(money("5", "A$"), "5 AUD");
        assert_eq!(currency("try"), None);
        assert_eq!(currency("ALL"), None);
        let q = RawQuantity {
            currency: Some("dollars".into()),
            cents: Some("forty-five".into()),
            ..raw("thirteen")
        };
        assert_eq!(value(q), "13.45 USD");
    }

    #[test]
    fn percentage_points() {
        let points = |n: &str, p: &str| {
            value(RawQuantity {
                points: Some(p.into()),
                ..raw(n)
            })
        };
        assert_eq!(points("25", "basis points"), "0.25 pp");
        assert_eq!(points("a quarter", "percentage point"), "0.25 pp");
        assert_eq!(points("50", "bps"), "0.5 pp");
    }

    #[test]
    fn bounds_and_vague_words() {
        let bounded = |m: &str, n: &str| {
            value(RawQuantity {
                modifier: Some(m.into()),
                ..raw(n)
            })
        };
        assert_eq!(bounded("more than", "30"), ">30");
        assert_eq!(bounded("at least", "24"), "24..");
        assert_eq!(bounded("no less than", "30"), "30..");
        assert_eq!(bounded("bigger or equal than", "3965"), "3965..");
        assert_eq!(bounded("up to", "700"), "..700");
        assert_eq!(bounded("less than or equal to", "100"), "..100");
        assert_eq!(bounded("< =", "100"), "..100");
        assert_eq!(bounded("exceeding", "150"), ">150");
        assert_eq!(bounded("<", "-30"), "<-30");
        assert_eq!(bounded("equal to", "20"), "20");
        assert_eq!(value(raw("dozens")), "24..199");
        assert_eq!(value(raw("tens of thousands")), "20000..99999");
        let q = RawQuantity {
            suffix: Some("or more".into()),
            ..raw("500")
        };
        assert_eq!(value(q), "500..");
        let q = RawQuantity {
            modifier: Some("less than".into()),
            suffix: Some("or equal".into()),
            ..raw("5000")
        };
        assert_eq!(value(q), "..5000");
        let q = RawQuantity {
            upper: Some("2022".into()),
            ..raw("2014")
        };
        assert_eq!(value(q), "2014..2022");
    }

    #[test]
    fn compound_bounds() {
        let both = |m: &str, n: &str, um: &str, u: &str| {
            quantity_value(&RawQuantity {
                modifier: Some(m.into()),
                upper: Some(u.into()),
                upper_modifier: Some(um.into()),
                ..raw(n)
            })
            .map(|q| q.to_string())
        };
        assert_eq!(
            both("more than", "10", "less than", "40").as_deref(),
            Some("10..40")
        );
        assert_eq!(
            both("at most", "100", "at least", "20").as_deref(),
            Some("20..100")
        );
        assert_eq!(both("more than", "40", "less than", "10"), None, "empty");
        let q = RawQuantity {
            upper: Some("3 million".into()),
            upper_scale: None,
            ..raw("200")
        };
        assert_eq!(value(q), "200..3000000");
        let q = RawQuantity {
            upper: Some("10".into()),
            upper_scale: Some("million".into()),
            ..raw("5")
        };
        assert_eq!(value(q), "5000000..10000000");
    }

    #[test]
    fn compatibility() {
        let exact = |n: &str| quantity_value(&raw(n)).unwrap();
        let more_than_20 = quantity_value(&RawQuantity {
            modifier: Some("more than".into()),
            ..raw("20")
        })
        .unwrap();
        assert!(exact("26").compatible(&quantity_value(&raw("dozens")).unwrap()));
        assert!(exact("26").compatible(&more_than_20));
        assert!(!exact("20").compatible(&more_than_20));
        assert!(!exact("26").compatible(&exact("24")));
        let nearly = quantity_value(&RawQuantity {
            modifier: Some("nearly".into()),
            currency: Some("£".into()),
            ..raw("7,000")
        })
        .unwrap();
        let exact_gbp = quantity_value(&RawQuantity {
            currency: Some("£".into()),
            ..raw("6,787")
        })
        .unwrap();
        assert!(nearly.compatible(&exact_gbp));
        let at_least = |n: &str| {
            quantity_value(&RawQuantity {
                modifier: Some("at least".into()),
                ..raw(n)
            })
            .unwrap()
        };
        assert!(
            !at_least("14").compatible(&at_least("17")),
            "same hedge, another figure"
        );
        assert!(at_least("14").compatible(&at_least("14")));
        // A rank never matches a count.
        assert!(!exact("3rd").compatible(&exact("3")));
    }
}
