//! Numbers: digits, words (through `text2num`), scale words, currencies, and bounded or vague
//! amounts as intervals. The interval table is the one place that says what `dozens` means.

use text2num::{Language, text2digits};

use crate::extract::RawQuantity;
use crate::model::Quantity;

/// The interval a raw quantity states, or `None` when its number cannot be read.
pub fn quantity_value(q: &RawQuantity) -> Option<Quantity> {
    let unit = unit_of(q);
    let scale = q.scale.as_deref().map_or(1.0, scale_factor);
    let modifier = q.modifier.clone().unwrap_or_default();
    if let Some((low, high)) = vague(&q.number) {
        let mut out = Quantity {
            low: low * scale,
            high: high * scale,
            low_open: false,
            high_open: false,
            unit,
            hedge: format!("{modifier} {}", q.number.to_ascii_lowercase())
                .trim()
                .to_string(),
            stated: None,
        };
        apply_modifier(&mut out, q.modifier.as_deref());
        return Some(out);
    }
    let value = read_number(&q.number)? * scale;
    if let Some(upper) = &q.upper {
        let high = read_number(upper)? * scale;
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
    }
    let mut out = Quantity::exact(value, &unit);
    out.hedge = modifier;
    apply_modifier(&mut out, q.modifier.as_deref());
    Some(out)
}

/// Digits (`3,000`, `1.5`) or number words (`twenty-six`, `one hundred and five`).
pub fn read_number(s: &str) -> Option<f64> {
    let digits: String = s.chars().filter(|c| *c != ',').collect();
    if let Ok(v) = digits.parse::<f64>() {
        return Some(v);
    }
    let words = s.to_ascii_lowercase().replace('-', " ");
    let words = words
        .split_whitespace()
        .filter(|w| *w != "and")
        .collect::<Vec<_>>()
        .join(" ");
    let lang = Language::english();
    text2digits(&words, &lang).ok()?.parse::<f64>().ok()
}

fn scale_factor(s: &str) -> f64 {
    match s.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

fn unit_of(q: &RawQuantity) -> String {
    if q.percent {
        return "%".to_string();
    }
    match q
        .currency
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("$" | "us$" | "dollars" | "usd") => "USD",
        Some("£" | "pounds" | "gbp") => "GBP",
        Some("€" | "euros" | "eur") => "EUR",
        Some("yuan") => "CNY",
        Some("rupees") => "INR",
        Some("roubles" | "rubles") => "RUB",
        _ => "",
    }
    .to_string()
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
        "scores" => (40.0, 999.0),
        "hundreds" => (200.0, 1999.0),
        "thousands" => (2000.0, 999_999.0),
        "millions" => (2e6, 999e6),
        "billions" => (2e9, inf),
        _ => return None,
    })
}

/// Bounds and hedges widen an exact number: `more than 20` is (20, ∞), `about 400` is ±10 %,
/// `nearly 7,000` is [6,300, 7,000].
fn apply_modifier(q: &mut Quantity, modifier: Option<&str>) {
    let inf = f64::INFINITY;
    let Some(m) = modifier else { return };
    match m {
        "more than" | "greater than" | "over" | "just over" => {
            q.low_open = true;
            q.high = inf;
        }
        "at least" | "as many as" => q.high = if m == "at least" { inf } else { q.high },
        "fewer than" | "less than" | "under" | "just under" => {
            q.high = q.low;
            q.high_open = true;
            q.low = 0.0;
        }
        "at most" | "up to" | "as few as" => q.low = 0.0,
        "about" | "around" | "approximately" | "roughly" | "some" | "an estimated" | "close to" => {
            let (low, high) = (q.low * 0.9, q.high * 1.1);
            q.low = low;
            q.high = high;
        }
        "nearly" | "almost" => q.low *= 0.9,
        _ => {}
    }
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

    #[test]
    fn words_and_digits_agree() {
        assert_eq!(value(raw("twenty-six")), "26");
        assert_eq!(value(raw("Twenty six")), "26");
        assert_eq!(value(raw("one hundred and five")), "105");
        assert_eq!(value(raw("3,000")), "3000");
        assert_eq!(value(raw("1.5")), "1.5");
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
    fn bounds_and_vague_words() {
        let q = RawQuantity {
            modifier: Some("more than".into()),
            ..raw("30")
        };
        assert_eq!(value(q), ">30");
        let q = RawQuantity {
            modifier: Some("at least".into()),
            ..raw("24")
        };
        assert_eq!(value(q), "24..");
        assert_eq!(value(raw("dozens")), "24..199");
        let q = RawQuantity {
            upper: Some("2022".into()),
            ..raw("2014")
        };
        assert_eq!(value(q), "2014..2022");
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
    }
}
