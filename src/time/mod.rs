//! Time expressions: find every date, time, duration and set and normalize
//! it to a TimeML TIMEX3 value, anchored to the publication date.
//!
//! `Thursday` → `2020-02-27` (for a Thursday 27 February 2020 article);
//! `in December` → `2019-12`; `late December last year` → `2019-12` (mod
//! `END`); `September 2018` → `2018-09`; `two days ago` → `2020-02-25`;
//! `in recent weeks` → `PAST_REF`; `the past decade` → `P1DE`; `every
//! Friday` → `XXXX-WXX-5`; `3 p.m.` → `2020-02-27T15:00`.
//!
//! The grammar is hand-written Rust over the lowercased words of each
//! sentence; numbers come from the quantity layer. A bare weekday, month,
//! season or holiday is placed before or after the publication date by the
//! tense of the verb group next to it in its clause (the part-of-speech
//! tagger, run only on such sentences: the dependency parser found the
//! governing verb a little better, value F1 0.770 against 0.768 on
//! TimeBank + AQUAINT, at a fifth of the speed). Without a publication date, relative expressions stay
//! underspecified (`XXXX-WXX-4`, `XXXX-12`) rather than guessed.

#[cfg(feature = "train")]
pub mod eval;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::doc::{Comparator, Document, Entity, Label, Span, TimeType, Timex, TokenKind};
use crate::quantity::{lookup, unit_or_compound};
use crate::Date;

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> Date {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

fn days_of(d: Date) -> i64 {
    days_from_civil(d.year, d.month, d.day)
}

/// ISO weekday, Monday = 1 … Sunday = 7.
fn weekday_of(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// ISO 8601 week: (week-numbering year, week 1–53).
fn iso_week(days: i64) -> (i32, u32) {
    let thursday = days - weekday_of(days) as i64 + 4;
    let year = civil_from_days(thursday).year;
    let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    (year, week as u32)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    };
    (next - days_from_civil(y, m, 1)) as u32
}

fn add_months(y: i32, m: u32, delta: i64) -> (i32, u32) {
    let i = y as i64 * 12 + (m as i64 - 1) + delta;
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

fn fmt_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn fmt_week(days: i64) -> String {
    let (y, w) = iso_week(days);
    format!("{y:04}-W{w:02}")
}

// ---------------------------------------------------------------------------
// Word lists

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan.", 1),
    ("jan", 1),
    ("february", 2),
    ("feb.", 2),
    ("feb", 2),
    ("march", 3),
    ("mar.", 3),
    ("april", 4),
    ("apr.", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun.", 6),
    ("july", 7),
    ("jul.", 7),
    ("august", 8),
    ("aug.", 8),
    ("aug", 8),
    ("september", 9),
    ("sept.", 9),
    ("sep.", 9),
    ("sept", 9),
    ("october", 10),
    ("oct.", 10),
    ("oct", 10),
    ("november", 11),
    ("nov.", 11),
    ("nov", 11),
    ("december", 12),
    ("dec.", 12),
    ("dec", 12),
];

/// The month a lowercased word names (`sept.` → 9); also used by the
/// quantity stage to tell days of the month from counts.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    lookup(MONTHS, word)
}

const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("mon.", 1),
    ("tuesday", 2),
    ("tue.", 2),
    ("tues.", 2),
    ("wednesday", 3),
    ("wed.", 3),
    ("thursday", 4),
    ("thu.", 4),
    ("thur.", 4),
    ("thurs.", 4),
    ("friday", 5),
    ("fri.", 5),
    ("saturday", 6),
    ("sat.", 6),
    ("sunday", 7),
    ("sun.", 7),
];

const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("overnight", "NI"),
];

/// Decades of the 1900s in words (`the nineties`).
const DECADE_WORDS: &[(&str, u32)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("sec", Unit::Second),
    ("minute", Unit::Minute),
    ("min", Unit::Minute),
    ("hour", Unit::Hour),
    ("hr", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("weekend", Unit::Weekend),
    ("fortnight", Unit::Fortnight),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("yr", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
];

/// Whether a lowercased word names a time: a month, a weekday, a part of
/// the day, a season, a unit of time (`week`, `years`), a year written in
/// digits, or `today`, `yesterday`, `tomorrow`, `tonight`. For other stages'
/// features (the role labeller's "on Thursday").
pub fn is_time_word(w: &str) -> bool {
    let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w < "2100" && w > "1000");
    year || matches!(
        w,
        "today" | "yesterday" | "tomorrow" | "tonight" | "weekend"
    ) || lookup(MONTHS, w).is_some()
        || lookup(WEEKDAYS, w).is_some()
        || lookup(PARTS_OF_DAY, w).is_some()
        || lookup(SEASONS, w).is_some()
        || unit(w).is_some()
}

/// A unit of time, singular or plural: `week`, `years`, `centuries`.
fn unit(t: &str) -> Option<(Unit, bool)> {
    if let Some(u) = lookup(UNITS, t) {
        return Some((u, false));
    }
    if t == "centuries" {
        return Some((Unit::Century, true));
    }
    let singular = t.strip_suffix('s')?;
    lookup(UNITS, singular).map(|u| (u, true))
}

/// `P2D`, `PT3H`, `P1DE`, `PXY` (count `None` = unspecified).
fn duration_value(n: Option<f64>, u: Unit) -> String {
    let (n, u) = match (n, u) {
        (Some(n), Unit::Fortnight) => (Some(n * 2.0), Unit::Week),
        (None, Unit::Fortnight) => (None, Unit::Week),
        other => other,
    };
    // "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M, when the fraction is whole in the next unit
    if let Some((whole, part, small)) = n.and_then(|n| split_fraction(n, u)) {
        let small = duration_value(Some(part), small);
        if whole == 0.0 {
            return small; // "half an hour" = PT30M
        }
        let big = duration_value(Some(whole), u);
        return match (big.contains('T'), small.split_once('T')) {
            (false, Some((_, time))) => format!("{big}T{time}"),
            (true, Some((_, time))) => format!("{big}{time}"),
            (_, None) => format!("{big}{}", &small[1..]),
        };
    }
    let count = n;
    let n = match n {
        None => "X".to_string(),
        Some(n) if n.fract() == 0.0 => format!("{}", n as i64),
        Some(n) => format!("{}", (n * 100.0).round() / 100.0),
    };
    match u {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week | Unit::Fortnight => format!("P{n}W"),
        Unit::Weekend => format!("P{n}WE"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Year => format!("P{n}Y"),
        // counted decades and centuries in years, as TimeBank writes them
        // ("two decades" P20Y, "a hundred years" P100Y); unspecified ones keep their unit
        Unit::Decade | Unit::Century if n != "X" => {
            let years = if u == Unit::Decade { 10.0 } else { 100.0 };
            duration_value(count.map(|c| c * years), Unit::Year)
        }
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
    }
}

/// A count with a fraction as whole units and a whole number of the next
/// smaller unit: 2.5 years → (2, 6 months); `None` when it does not come out whole.
fn split_fraction(n: f64, u: Unit) -> Option<(f64, f64, Unit)> {
    let (whole, fract) = (n.trunc(), n.fract());
    if fract == 0.0 {
        return None;
    }
    let (per, small) = match u {
        Unit::Year => (12.0, Unit::Month),
        Unit::Week => (7.0, Unit::Day),
        Unit::Day => (24.0, Unit::Hour),
        Unit::Hour => (60.0, Unit::Minute),
        Unit::Minute => (60.0, Unit::Second),
        _ => return None,
    };
    let part = fract * per;
    ((part - part.round()).abs() < 1e-9).then_some((whole, part.round(), small))
}

/// The day of the month of the `nth` weekday `wd` (1 = Monday) of a month;
/// `nth` 0 is the last one.
fn nth_weekday(y: i32, month: u32, wd: u32, nth: u32) -> u32 {
    let first = days_from_civil(y, month, 1);
    let offset = match nth {
        0 => {
            let last = days_from_civil(y, month, days_in_month(y, month));
            last - (weekday_of(last) as i64 - wd as i64).rem_euclid(7) - first
        }
        n => (wd as i64 - weekday_of(first) as i64).rem_euclid(7) + 7 * (n as i64 - 1),
    };
    offset as u32 + 1
}

/// Easter Sunday of a Gregorian year, in days since 1970-01-01 (the
/// anonymous Gregorian computus).
fn easter(y: i32) -> i64 {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    days_from_civil(y, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// The date `n` units after (negative: before) the publication date, at
/// the unit's granularity: days → `2020-02-25`, weeks → `2020-W07`,
/// months → `2019-11`, years → `2017`. Without a date: `XXXX-XX-XX` etc.
fn shift(dct: Option<Date>, n: i64, u: Unit) -> String {
    let Some(d) = dct else {
        return match u {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
            Unit::Week | Unit::Fortnight => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
        }
        .to_string();
    };
    let days = days_of(d);
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => fmt_day(d),
        Unit::Day => fmt_day(civil_from_days(days + n)),
        Unit::Week => fmt_week(days + 7 * n),
        Unit::Fortnight => fmt_week(days + 14 * n),
        Unit::Weekend => format!("{}-WE", fmt_week(days + 7 * n)),
        Unit::Month => {
            let (y, m) = add_months(d.year, d.month, n);
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let q = d.year as i64 * 4 + (d.month as i64 - 1) / 3 + n;
            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        Unit::Year => format!("{:04}", d.year as i64 + n),
        Unit::Decade => format!("{:03}", (d.year as i64 + 10 * n).div_euclid(10)),
        Unit::Century => format!("{:02}", (d.year as i64 + 100 * n).div_euclid(100)),
    }
}

// ---------------------------------------------------------------------------
// Tense of the governing verb

/// Where the clause around a time expression places it relative to the
/// publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// Verbs whose infinitival complement is still to happen: "plans to meet Friday".
const FUTURE_HEADS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "expect",
    "expects",
    "expected",
    "schedule",
    "scheduled",
    "due",
    "set",
    "intend",
    "intends",
    "hope",
    "hopes",
    "want",
    "wants",
    "aim",
    "aims",
    "prepare",
    "prepares",
    "preparing",
    "agree",
    "agreed",
    "promise",
    "promised",
    "vow",
    "vowed",
    "pledge",
    "pledged",
    "going",
    "likely",
    "threaten",
    "threatened",
    "ready",
    "seeks",
    "seek",
    "supposed",
    // decisions and requests: "voted to strike Monday", "asked them to leave Friday"
    "decide",
    "decided",
    "decides",
    "vote",
    "voted",
    "votes",
    "asked",
    "urged",
    "called",
    "ordered",
    "invited",
    "chose",
    "refused",
    "declined",
    "offered",
    "sought",
    "wanted",
    "hoped",
    "moved",
];

/// Verbs that put their object's date ahead: "has scheduled a news conference Thursday".
const PLANNED: &[&str] = &["scheduled", "slated", "rescheduled"];

/// Verbs that put their object's date ahead when the object follows them:
/// "protesters plan a rally on Saturday" ("planned a rally": the nearer
/// Saturday; "planned to", "the service planned for Saturday was canceled"
/// tell of their own time).
const PLANNING: &[&str] = &["planned", "plans", "plan", "planning"];

/// Nouns after "today's" that make it "nowadays": "today's youth".
const GENERIC_NOW: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "children",
    "kids",
    "teenagers",
    "economy",
    "technology",
    "culture",
    "computers",
    "standards",
    "politics",
    "media",
];

/// Verbs that push a date ahead with "until": "postponed until Tuesday morning".
const PUT_OFF: &[&str] = &[
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "suspended",
    "extended",
    "put",
    "pushed",
    // a deadline: "has given the relatives until 9 a.m. Tuesday"
    "given",
    "gave",
];

/// Penn tags (`VBD`, `MD`, ...) of a sentence's words.
fn penn_tags(words: &[String]) -> Vec<&'static str> {
    let tagger = crate::tag::Tagger::embedded();
    tagger
        .tag(words)
        .into_iter()
        .map(|c| tagger.names(c).1)
        .collect()
}

// ---------------------------------------------------------------------------
// The grammar

/// A number from the quantity layer: value, end word, TIMEX3 mod.
type Number = (f64, usize, Option<&'static str>);

/// One sentence, ready for matching.
struct Sent<'a> {
    doc: &'a Document,
    /// Token index of word 0.
    base: usize,
    /// Lowercased words, `’` folded to `'`.
    lower: Vec<String>,
    /// Cardinal numbers from the quantity layer: first word → (value, end
    /// word, TIMEX3 mod of its comparator: "about 18" → APPROX).
    numbers: HashMap<usize, Number>,
    /// Words inside a name the entity stage found (a person called June).
    in_name: &'a [bool],
    dct: Option<Date>,
    /// Penn tags, only for sentences whose times need a tense.
    tags: OnceCell<Vec<&'static str>>,
}

/// A match: words `start..end`.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: TimeType,
    value: String,
    modifier: Option<&'static str>,
    anchored: bool,
    /// Computed from another time in the text (not a new reference point).
    relative: bool,
}

impl Found {
    fn new(start: usize, end: usize, kind: TimeType, value: String) -> Found {
        Found {
            start,
            end,
            kind,
            value,
            modifier: None,
            anchored: false,
            relative: false,
        }
    }

    fn anchored(mut self, yes: bool) -> Found {
        self.anchored = yes;
        self
    }

    fn with_mod(mut self, m: Option<&'static str>) -> Found {
        if m.is_some() {
            self.modifier = m;
        }
        self
    }
}

fn date(kind: TimeType, start: usize, end: usize, value: String) -> Option<Found> {
    Some(Found::new(start, end, kind, value))
}

impl Sent<'_> {
    fn w(&self, k: usize) -> &str {
        self.lower.get(k).map(String::as_str).unwrap_or("")
    }

    fn raw(&self, k: usize) -> &str {
        if k < self.lower.len() {
            self.doc.token_text(self.base + k)
        } else {
            ""
        }
    }

    fn kind(&self, k: usize) -> Option<TokenKind> {
        (k < self.lower.len()).then(|| self.doc.tokens[self.base + k].kind)
    }

    fn prev(&self, k: usize) -> &str {
        if k == 0 {
            ""
        } else {
            self.w(k - 1)
        }
    }

    fn capitalized(&self, k: usize) -> bool {
        self.raw(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// A year starting at token `k` and the token after it: four digits the
    /// quantity stage left alone (it takes counts), or a year in words.
    fn year(&self, k: usize) -> Option<(i32, usize)> {
        let t = self.w(k);
        if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return self.spelled_year(k);
        }
        let y: u32 = t.parse().ok()?;
        // "1400 GMT" is a time of day
        let clock = is_zone(self.w(k + 1)) || matches!(self.w(k + 1), "hours" | "hrs");
        ((1000..=2100).contains(&y) && !self.numbers.contains_key(&k) && !clock)
            .then_some((y as i32, k + 1))
    }

    /// A year in words, as broadcast transcripts write them: `nineteen
    /// ninety-six`, `nineteen oh five`, `nineteen hundred`, `twenty twenty`,
    /// and after "year" `two thousand [and] one`.
    fn spelled_year(&self, k: usize) -> Option<(i32, usize)> {
        let two_digits = |t: &str| unit_or_compound(t).filter(|n| (10.0..=99.0).contains(n));
        let century = match self.w(k) {
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            // "twenty twenty" is a year after a preposition ("twenty twenty vision" is not)
            "twenty"
                if two_digits(self.w(k + 1)).is_some()
                    && k > 0
                    && matches!(
                        self.w(k - 1),
                        "in" | "since" | "by" | "until" | "of" | "year"
                    ) =>
            {
                20
            }
            "two" if self.w(k + 1) == "thousand" && k > 0 && self.w(k - 1) == "year" => {
                let and = usize::from(self.w(k + 2) == "and");
                let unit =
                    unit_or_compound(self.w(k + 2 + and)).filter(|n| (1.0..=99.0).contains(n));
                return Some(match unit {
                    Some(n) => (2000 + n as i32, k + 3 + and),
                    None => (2000, k + 2),
                });
            }
            _ => return None,
        };
        let next = self.w(k + 1);
        if next == "hundred" {
            return Some((century * 100, k + 2));
        }
        if next == "oh" {
            let n = unit_or_compound(self.w(k + 2)).filter(|n| (1.0..=9.0).contains(n))?;
            return Some((century * 100 + n as i32, k + 3));
        }
        two_digits(next).map(|n| (century * 100 + n as i32, k + 2))
    }

    /// A day of the month: `27`, `27th`, `1st`.
    fn day_number(&self, k: usize) -> Option<u32> {
        let t = self.w(k);
        let digits = t
            .strip_suffix("st")
            .or(t.strip_suffix("nd"))
            .or(t.strip_suffix("rd"))
            .or(t.strip_suffix("th"))
            .unwrap_or(t);
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn month(&self, k: usize) -> Option<u32> {
        if k >= self.lower.len() || self.in_name[k] {
            return None;
        }
        let m = lookup(MONTHS, self.w(k))?;
        // lowercase "may", "march", "dec" are other words
        (self.capitalized(k) || self.w(k).len() > 5).then_some(m)
    }

    /// A month name that is certainly a month here: "May" and "March" need
    /// a date-like neighbour or a preposition; abbreviations without a
    /// period need a day or a year.
    fn month_sure(&self, k: usize, has_number: bool) -> Option<u32> {
        let m = self.month(k)?;
        let t = self.w(k);
        let short = t.len() <= 4 && !t.ends_with('.') && !matches!(t, "june" | "july" | "may");
        let weak = matches!(t, "may" | "march") || short;
        if !has_number {
            let cue = matches!(
                self.prev(k),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "before"
                    | "after"
                    | "through"
                    | "throughout"
                    | "to"
                    | "end"
                    | "beginning"
                    | "between"
                    | "and"
            ) && !matches!(
                self.w(k + 1),
                "i" | "we" | "you" | "he" | "she" | "they" | "it" | "god"
            );
            if weak && (!cue || short) {
                return None;
            }
            // "June Carter", "April Ryan": a given name before a surname
            let next = self.raw(k + 1);
            if !cue
                && next.chars().next().is_some_and(char::is_uppercase)
                && self.year(k + 1).is_none()
            {
                return None;
            }
        }
        Some(m)
    }

    fn weekday(&self, k: usize) -> Option<u32> {
        if k >= self.lower.len() || self.in_name[k] {
            return None;
        }
        let d = lookup(WEEKDAYS, self.w(k))?;
        (self.capitalized(k) || self.w(k).len() > 4).then_some(d)
    }

    /// A count before a unit: a number from the quantity layer, `a`/`an`/`one`,
    /// or a vague `several` / `a few` / `many` (`None` = unspecified).
    fn count(&self, k: usize) -> Option<(Option<f64>, usize)> {
        if let Some(&(v, end, _)) = self.numbers.get(&k) {
            return Some((Some(v), end));
        }
        let of = |i: usize| if self.w(i) == "of" { i + 1 } else { i };
        match self.w(k) {
            "a" | "an" | "one" => match self.w(k + 1) {
                "few" => Some((None, of(k + 2))),
                // "a couple of years": two, as TimeML counts it
                "couple" => Some((Some(2.0), of(k + 2))),
                // "a half hour"
                "half" => Some((Some(0.5), k + 2)),
                _ => Some((Some(1.0), k + 1)),
            },
            // "half an hour"
            "half" if matches!(self.w(k + 1), "a" | "an") => Some((Some(0.5), k + 2)),
            "couple" => Some((Some(2.0), of(k + 1))),
            "several" | "few" | "many" | "some" => Some((None, k + 1)),
            _ => None,
        }
    }

    /// The sentence's Penn tags, computed the first time a tense is needed
    /// (the tagging stage's when it ran: the same tagger over the same words).
    fn tags(&self) -> &[&'static str] {
        self.tags.get_or_init(|| {
            let n = self.lower.len();
            if self.doc.pos.len() == self.doc.tokens.len() && self.base + n <= self.doc.pos.len() {
                let tagger = crate::tag::Tagger::embedded();
                return self.doc.pos[self.base..self.base + n]
                    .iter()
                    .map(|&c| tagger.names(c as usize).1)
                    .collect();
            }
            let words: Vec<String> = (0..self.lower.len())
                .map(|k| self.raw(k).to_string())
                .collect();
            penn_tags(&words)
        })
    }

    /// The tense of the verb group nearest word `k` in its clause, from
    /// the part-of-speech tags alone: the closest verb before it ("said
    /// Thursday", "will resume on Monday"), else the first after it ("On
    /// Monday, the army will attack").
    fn tense(&self, k: usize) -> Tense {
        // "since (the) Oct. 23" looks back whatever the verb
        if (k.saturating_sub(2)..k).any(|i| self.w(i) == "since") {
            return Tense::Past;
        }
        let is_verb = |i: usize| self.is_verb(i);
        let boundary = |i: usize| self.boundary(i);
        let verb_before = |k: usize| {
            (0..k)
                .rev()
                .take_while(|&i| !boundary(i))
                .find(|&i| is_verb(i))
        };
        // inside parentheses without a verb of their own, the clause around
        // them: "will leave at 4 in the morning (4 a.m. EDT Thursday)"
        let left = verb_before(k).or_else(|| {
            let open = (0..k).rev().find(|&i| boundary(i))?;
            let close = (k..self.lower.len()).find(|&i| boundary(i));
            let bare = close.is_some_and(|c| self.w(c) == ")" && !(k..c).any(is_verb));
            (self.w(open) == "(" && bare)
                .then(|| verb_before(open))
                .flatten()
        });
        let right = || {
            (k..self.lower.len())
                .take_while(|&i| !boundary(i))
                .find(|&i| is_verb(i))
        };
        let Some(v) = left.or_else(right) else {
            return Tense::Unknown;
        };
        // "effective Feb. 1": a change announced ahead of its date
        if k > 0 && self.w(k - 1) == "effective" {
            return Tense::Future;
        }
        // "postponed until Tuesday", "extended through January"
        // (a few words back, over a clock time: "until 9 a.m. Tuesday")
        let until = (k.saturating_sub(4)..k)
            .rev()
            .take_while(|&i| !self.boundary(i) && !self.is_verb(i))
            .any(|i| matches!(self.w(i), "until" | "till" | "through"));
        if until && v < k && PUT_OFF.contains(&self.w(v)) {
            return Tense::Future;
        }
        self.group_tense(v, 0)
    }

    /// The nearest finite verb (not an infinitive or participle) in the
    /// clause around word `i`: before it, else after it.
    fn finite_verb_around(&self, i: usize) -> Option<usize> {
        self.finite_verb_before(i).or_else(|| {
            (i + 1..self.lower.len())
                .take_while(|&j| !self.boundary(j))
                .find(|&j| self.is_finite(j))
        })
    }

    /// The nearest finite verb before word `i` in its clause.
    fn finite_verb_before(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .take_while(|&j| !self.boundary(j))
            .find(|&j| self.is_finite(j))
    }

    /// A verb that is neither an infinitive nor a participle in -ing.
    fn is_finite(&self, j: usize) -> bool {
        self.is_verb(j) && !matches!(self.tags()[j], "VB" | "VBG")
    }

    /// Punctuation that ends a clause for the verb search.
    fn boundary(&self, i: usize) -> bool {
        matches!(self.w(i), ";" | ":" | "(" | ")" | "--" | "\"" | "“" | "”")
    }

    /// A verb or modal by its tag; a number the tagger took for one ("to 452.76") is not.
    fn is_verb(&self, i: usize) -> bool {
        let t = self.tags()[i];
        (t.starts_with("VB") || t == "MD") && !self.w(i).starts_with(|c: char| c.is_ascii_digit())
    }

    /// A plan (`plans to`, `scheduled to`, word `h`) lies ahead unless the
    /// past perfect puts it behind us: "had been scheduled to expire at
    /// midnight Friday".
    fn plan(&self, h: usize) -> Tense {
        if (h.saturating_sub(3)..h).any(|i| self.w(i) == "had") {
            Tense::Past
        } else {
            Tense::Future
        }
    }

    /// The tense of the verb group whose last verb is near `v`.
    fn group_tense(&self, v: usize, depth: usize) -> Tense {
        let s = self.tags();
        let is_verb = |i: usize| self.is_verb(i);
        // "to" before a verb is the infinitive's, whatever the tagger says
        let is_to = |i: usize| s[i] == "TO" || self.w(i) == "to";
        // the group: verbs, adverbs and "not" / "to" before v
        let mut first = v;
        while first > 0 && (is_verb(first - 1) || s[first - 1] == "RB" || is_to(first - 1)) {
            first -= 1;
        }
        let group = first..=v;
        for i in group.clone() {
            match self.w(i) {
                // "could not be reached for comment Wednesday": a past attempt
                "could" if matches!(self.w(i + 1), "not" | "n't") => return Tense::Past,
                // "neither he nor she could be located Wednesday", "no one
                // could be reached Friday": the same, with a negative subject
                "could"
                    if (i.saturating_sub(8)..i)
                        .rev()
                        .take_while(|&j| !self.boundary(j))
                        .any(|j| {
                            matches!(self.w(j), "neither" | "nor" | "nobody" | "none")
                                || self.w(j) == "no" && self.w(j + 1) == "one"
                        }) =>
                {
                    return Tense::Past
                }
                // "may have been responsible for a drop on Wednesday": a
                // modal with the perfect looks back ("will have left by
                // Friday" does not)
                "would" | "could" | "might" | "may" | "should" | "must"
                    if self.w(i + 1) == "have"
                        || matches!(self.w(i + 1), "not" | "n't") && self.w(i + 2) == "have" =>
                {
                    return Tense::Past
                }
                "will" | "'ll" | "shall" | "wo" | "would" | "could" | "might" | "may"
                | "should" | "must" | "can" => return Tense::Future,
                "going" if self.w(i + 1) == "to" => return Tense::Future,
                _ => {}
            }
        }
        // "plans to meet Friday", "is expected to vote Friday"
        if let Some(to) = group.clone().find(|&i| is_to(i)) {
            if let Some(h) = group
                .clone()
                .find(|&i| i < to && FUTURE_HEADS.contains(&self.w(i)))
            {
                return self.plan(h);
            }
            let head = (0..to)
                .rev()
                .take(3)
                .find(|&i| is_verb(i) || FUTURE_HEADS.contains(&self.w(i)));
            // "is to resume trading Tuesday": the present of "be" before "to" plans ahead
            if to > 0 && matches!(self.w(to - 1), "is" | "are" | "am") {
                return Tense::Future;
            }
            if let Some(h) = head {
                if FUTURE_HEADS.contains(&self.w(h)) {
                    return self.plan(h);
                }
                if depth == 0 {
                    // a purpose clause shares its verb's time: "staged
                    // celebrations to mark the entry on Friday"
                    return self.group_tense(h, 1);
                }
            } else if depth == 0 {
                // an infinitive hanging on a noun shares the clause's time:
                // "the first countries to accede to NATO on Friday were ..."
                if let Some(o) = self.finite_verb_around(to) {
                    return self.group_tense(o, 1);
                }
            }
            return Tense::Future;
        }
        let had = (first.saturating_sub(2)..=v).any(|i| self.w(i) == "had");
        let object = matches!(self.w(v + 1), "a" | "an" | "the" | "another");
        if (PLANNED.contains(&self.w(v)) || PLANNING.contains(&self.w(v)) && object) && !had {
            // "planned a rally on Saturday" may be a plan carried out or
            // one still ahead: the nearer Saturday
            if self.w(v) == "planned" {
                return Tense::Present;
            }
            return Tense::Future;
        }
        if group.clone().any(|i| s[i] == "VBD") {
            return Tense::Past;
        }
        // the present perfect tells of the past: "have been searching since the Oct. 23 slaying"
        let have = group
            .clone()
            .position(|i| matches!(self.w(i), "have" | "has" | "'ve"));
        if have.is_some_and(|h| group.clone().skip(h + 1).any(|i| s[i] == "VBN")) {
            return Tense::Past;
        }
        // a bare participle clause takes the tense of the clause it hangs on:
        // "has fluctuated sharply, rising to a high in June"
        if s[v] == "VBG" && first == v && depth == 0 {
            // its finite verb: infinitives and other participles are skipped
            if let Some(o) = self.finite_verb_before(v) {
                return self.group_tense(o, 1);
            }
        }
        match s[v] {
            "VBN" => Tense::Past, // "has killed", "killed on Wednesday"
            // a bare base form outside an infinitive is a present the tagger missed ("they meet")
            "VBZ" | "VBP" | "VBG" | "VB" => Tense::Present,
            _ => Tense::Unknown,
        }
    }

    // -- explicit calendar dates --------------------------------------------

    /// `Feb. 27, 2020`, `Thursday, February 27`, `27 February 2020`,
    /// `the 27th of February`, `September 2018`, `2020-02-27`, `2/27/2020`.
    fn calendar(&self, k: usize) -> Option<Found> {
        if let Some(f) = self.numeric_date(k) {
            return Some(f);
        }
        let mut j = k;
        if self.weekday(j).is_some() {
            j += 1;
            if self.w(j) == "," {
                j += 1;
            }
        }
        // month day [, year]
        if self.month(j).is_some() {
            if let Some(d) = self.day_number(j + 1) {
                let m = self.month_sure(j, true)?;
                let mut end = j + 2;
                let mut year = None;
                let comma = usize::from(self.w(end) == ",");
                if let Some((y, e)) = self.year(end + comma) {
                    year = Some(y);
                    end = e;
                }
                return self.month_day(k, end, year, m, d, None);
            }
            // month [of] year
            let of = usize::from(self.w(j + 1) == "of" || self.w(j + 1) == ",");
            if let Some((y, e)) = self.year(j + 1 + of) {
                let m = self.month_sure(j, true)?;
                if j > k {
                    return None; // "Thursday, May 2020" is odd; leave it
                }
                return date(TimeType::Date, k, e, format!("{y:04}-{m:02}"));
            }
            return None;
        }
        // [the] day [of] month [year]
        let the = usize::from(self.w(j) == "the");
        let d = self.day_number(j + the)?;
        let of = usize::from(self.w(j + the + 1) == "of");
        if the == 1 && of == 0 {
            return None;
        }
        let m = self.month_sure(j + the + 1 + of, true)?;
        let mut end = j + the + 2 + of;
        let comma = usize::from(self.w(end) == ",");
        let year = self.year(end + comma).map(|(y, e)| {
            end = e;
            y
        });
        self.month_day(k, end, year, m, d, None)
    }

    /// A day of a month: in `year`, or the one `rel` names (`last Oct. 23`:
    /// the latest before the publication date), or the one the tense picks.
    fn month_day(
        &self,
        start: usize,
        end: usize,
        year: Option<i32>,
        m: u32,
        d: u32,
        rel: Option<i32>,
    ) -> Option<Found> {
        if let Some(y) = year {
            if d > days_in_month(y, m) {
                return None;
            }
            return date(TimeType::Date, start, end, format!("{y:04}-{m:02}-{d:02}"));
        }
        if d > 29 && m == 2 || d > days_in_month(2001, m).max(if m == 2 { 29 } else { 0 }) {
            return None;
        }
        let Some(dct) = self.dct else {
            return date(TimeType::Date, start, end, format!("XXXX-{m:02}-{d:02}"));
        };
        let candidates = [dct.year - 1, dct.year, dct.year + 1].map(|y| {
            let dd = d.min(days_in_month(y, m));
            (y, days_from_civil(y, m, dd) - days_of(dct))
        });
        // "the fiscal year ended Jan. 31": a period over, however long ago
        let ended = start > 0 && self.w(start - 1) == "ended";
        let rel = rel.or(ended.then_some(-1));
        let y = match rel {
            Some(-1) => candidates.iter().filter(|c| c.1 < 0).map(|c| c.0).max()?,
            Some(1) => candidates.iter().filter(|c| c.1 > 0).map(|c| c.0).min()?,
            _ => pick(&candidates, self.tense(start), TENSE_REACH_DAYS),
        };
        Some(Found::new(start, end, TimeType::Date, format!("{y:04}-{m:02}-{d:02}")).anchored(true))
    }

    /// `2020-02-27`, `02/27/2020`, `2/27/20` (US order) as one token.
    fn numeric_date(&self, k: usize) -> Option<Found> {
        if self.kind(k) != Some(TokenKind::Number) {
            return None;
        }
        let t = self.w(k);
        let parts: Vec<&str> = t.split(['-', '/']).collect();
        if parts.len() != 3 || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let n: Vec<i32> = parts.iter().map(|p| p.parse().unwrap_or(-1)).collect();
        let (y, m, d) = if t.contains('-') && parts[0].len() == 4 {
            (n[0], n[1], n[2])
        } else if t.contains('/') && parts[2].len() == 4 {
            (n[2], n[0], n[1])
        } else if t.contains('/') && parts[2].len() == 2 {
            (
                if n[2] < 50 { 2000 + n[2] } else { 1900 + n[2] },
                n[0],
                n[1],
            )
        } else {
            return None;
        };
        // 27/02/2020: day first when the "month" cannot be one
        let (m, d) = if t.contains('/') && m > 12 && d <= 12 {
            (d, m)
        } else {
            (m, d)
        };
        let s = format!("{y:04}-{m:02}-{d:02}");
        Date::parse(&s)?;
        date(TimeType::Date, k, k + 1, s)
    }

    // -- months, years, decades, seasons, quarters ---------------------------

    /// `December`, `last December`, `December last year`, `May of 2018`.
    fn month_expr(&self, k: usize) -> Option<Found> {
        let rel = direction(self.w(k));
        let j = k + usize::from(rel.is_some());
        // "mid-December", "early-March"
        let (m, modifier) = match self.w(j).split_once('-') {
            Some((pre, rest)) if rel.is_none() => (lookup(MONTHS, rest)?, Some(part_mod(pre)?)),
            _ => (self.month_sure(j, false)?, None),
        };
        // "last Oct. 23", "next May 1"
        if let (Some(r @ (-1 | 1)), Some(d)) = (rel, self.day_number(j + 1)) {
            return self.month_day(k, j + 2, None, m, d, Some(r));
        }
        self.month_at(k, rel, j, m).map(|f| f.with_mod(modifier))
    }

    fn month_at(&self, k: usize, rel: Option<i32>, j: usize, m: u32) -> Option<Found> {
        // "December last year", "December of last year"
        let of = usize::from(self.w(j + 1) == "of");
        if rel.is_none() {
            if let Some((y, end)) = self.relative_year(j + 1 + of) {
                return Some(self.month_in_year(k, end, y, m));
            }
        }
        let Some(dct) = self.dct else {
            return date(TimeType::Date, k, j + 1, format!("XXXX-{m:02}"));
        };
        let diff = |y: i32| (y as i64 * 12 + m as i64) - (dct.year as i64 * 12 + dct.month as i64);
        // "last April": the latest April before this month; "next March":
        // the first one after it
        let y = match rel {
            Some(-1) => dct.year - i32::from(diff(dct.year) >= 0),
            Some(1) => dct.year + i32::from(diff(dct.year) <= 0),
            Some(_) => dct.year,
            None => {
                let c = [dct.year - 1, dct.year, dct.year + 1].map(|y| (y, diff(y)));
                pick(&c, self.tense(j), TENSE_REACH_MONTHS)
            }
        };
        Some(Found::new(k, j + 1, TimeType::Date, format!("{y:04}-{m:02}")).anchored(true))
    }

    fn month_in_year(&self, start: usize, end: usize, y: Option<i32>, m: u32) -> Found {
        match y {
            Some(y) => {
                Found::new(start, end, TimeType::Date, format!("{y:04}-{m:02}")).anchored(true)
            }
            None => Found::new(start, end, TimeType::Date, format!("XXXX-{m:02}")),
        }
    }

    /// `last year`, `this year`, `next year` after a month or season.
    fn relative_year(&self, k: usize) -> Option<(Option<i32>, usize)> {
        let n = direction(self.w(k)).filter(|_| self.w(k + 1) == "year")?;
        Some((self.dct.map(|d| d.year + n), k + 2))
    }

    /// `2011`, `the 1990s`, `fiscal 1990`, `mid-1990s`, `the 21st century`.
    fn year_expr(&self, k: usize) -> Option<Found> {
        let the = usize::from(self.w(k) == "the");
        let j = k + the;
        if let Some((y, e)) = self.year(j) {
            // "the 2020 election": the year alone, without "the"
            return date(TimeType::Date, j, e, format!("{y:04}"));
        }
        // "the year two thousand"
        if the == 1 && self.w(j) == "year" {
            if let Some((y, e)) = self.year(j + 1).filter(|_| self.w(j + 1) == "two") {
                return date(TimeType::Date, k, e, format!("{y:04}"));
            }
        }
        if self.w(j) == "fiscal" {
            let year_word = usize::from(self.w(j + 1) == "year");
            let y = j + 1 + year_word;
            // after "fiscal" four digits are a year even where the quantity
            // stage took them for a count ("fiscal 1989 sales")
            let digits = self.w(y).len() == 4 && self.w(y).bytes().all(|b| b.is_ascii_digit());
            if let Some((y, e)) = self.year(y).or_else(|| {
                let n: i32 = self.w(y).parse().ok().filter(|_| digits)?;
                (1900..=2100).contains(&n).then_some((n, y + 1))
            }) {
                return date(TimeType::Date, k, e, format!("{y:04}"));
            }
        }
        // decades in words: the nineties, the late sixties
        if the == 1 || (k > 0 && part_mod(self.w(k - 1)).is_some()) {
            if let Some(d) = lookup(DECADE_WORDS, self.w(j)) {
                return date(TimeType::Date, k, j + 1, format!("19{d}"));
            }
        }
        // decades: 1990s, mid-1990s, the '90s; "post-1959", "pre-1990s"
        let t = self.w(j);
        let (modifier, body) = match t.split_once('-') {
            Some(("pre", b)) => (Some("BEFORE"), b),
            Some(("post", b)) => (Some("AFTER"), b),
            Some((pre, b)) if part_mod(pre).is_some() => (part_mod(pre), b),
            _ => (None, t),
        };
        // "the" before "post-1959 politics" is the noun's
        let k = if matches!(modifier, Some("BEFORE" | "AFTER")) {
            j
        } else {
            k
        };
        if let Some(dec) = body.strip_suffix('s') {
            if dec.len() == 4 && dec.ends_with('0') && dec.bytes().all(|b| b.is_ascii_digit()) {
                let value = dec[..3].to_string();
                return Some(Found::new(k, j + 1, TimeType::Date, value).with_mod(modifier));
            }
        }
        if let Some(y) = body
            .parse::<i32>()
            .ok()
            .filter(|y| modifier.is_some() && (1000..=2100).contains(y) && body.len() == 4)
        {
            return Some(
                Found::new(k, j + 1, TimeType::Date, format!("{y:04}")).with_mod(modifier),
            );
        }
        // the 21st century, the nineteenth century, an 11th century temple
        if matches!(self.w(j + 1), "century" | "centuries") {
            let n = ordinal(self.w(j))?;
            if (1..=30).contains(&n) {
                return date(TimeType::Date, k, j + 2, format!("{:02}", n - 1));
            }
        }
        None
    }

    /// `this summer`, `last winter`, `the spring of 2019`, `summer 2018`.
    fn season(&self, k: usize) -> Option<Found> {
        let the = usize::from(self.w(k) == "the");
        let rel = direction(self.w(k)).filter(|_| the == 0);
        // "the early summer"
        let part = part_mod(self.w(k + 1)).filter(|_| the == 1);
        let j = k + the + usize::from(rel.is_some()) + usize::from(part.is_some());
        let s = lookup(SEASONS, self.w(j))?;
        let of = usize::from(self.w(j + 1) == "of");
        if let Some((y, e)) = self.year(j + 1 + of) {
            return date(TimeType::Date, k, e, format!("{y:04}-{s}"));
        }
        if rel.is_none() {
            if let Some((y, end)) = self.relative_year(j + 1 + of) {
                let y = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
                return Some(Found::new(k, end, TimeType::Date, format!("{y}-{s}")).anchored(true));
            }
            // bare "summer" needs "in the", "during the", "over the"
            let cue = the == 1
                && matches!(
                    self.prev(k),
                    "in" | "during" | "over" | "through" | "until" | "by" | "into" | "since"
                );
            if (!cue && part.is_none()) || self.w(j) == "fall" {
                return None;
            }
        }
        let Some(dct) = self.dct else {
            return date(TimeType::Date, k, j + 1, format!("XXXX-{s}"));
        };
        // seasons by their months: SP 3–5, SU 6–8, FA 9–11, WI 12–2 (named by the year it starts)
        let start_month = match s {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let cur = dct.year as i64 * 12 + dct.month as i64;
        let diff = |y: i32| {
            let st = y as i64 * 12 + start_month as i64;
            if cur < st {
                st - cur
            } else if cur <= st + 2 {
                0
            } else {
                -(cur - st - 2)
            }
        };
        let y = match rel {
            Some(-1) => [dct.year, dct.year - 1]
                .into_iter()
                .find(|&y| diff(y) < 0)
                .unwrap_or(dct.year - 1),
            Some(1) => [dct.year, dct.year + 1]
                .into_iter()
                .find(|&y| diff(y) > 0)
                .unwrap_or(dct.year + 1),
            Some(_) => dct.year,
            None => {
                let c = [dct.year - 1, dct.year, dct.year + 1].map(|y| (y, diff(y)));
                pick(&c, self.tense(j), i64::MAX)
            }
        };
        Some(
            Found::new(k, j + 1, TimeType::Date, format!("{y:04}-{s}"))
                .anchored(true)
                .with_mod(part),
        )
    }

    /// `the third quarter`, `third-quarter`, `the fiscal first quarter of 1990`,
    /// `the first half`, `first-half`.
    fn quarter(&self, k: usize) -> Option<Found> {
        let the = usize::from(self.w(k) == "the");
        let mut j = k + the;
        // a year before it: "the 1988 second quarter", "this year's third quarter"
        let mut qualifier = None;
        if let Some((y, e)) = self.year(j).filter(|_| the == 1) {
            qualifier = Some(Some(y));
            j = e;
        } else if let Some((y, e)) = self.relative_year(j).filter(|_| the == 0) {
            if self.w(e) == "'s" {
                qualifier = Some(y);
                j = e + 1;
            }
        }
        let fiscal = usize::from(self.w(j) == "fiscal");
        j += fiscal;
        let hyphenated = self.w(j).contains('-');
        let k = if hyphenated && qualifier.is_none() {
            j - fiscal
        } else {
            k
        };
        // "Q4 2019", "in Q3", "H1": business news's short forms (not
        // "Audi Q3": a year after it, or a word that introduces a time before)
        let short = short_period(self.w(j)).filter(|_| {
            self.year(j + 1).is_some()
                || j > 0
                    && matches!(
                        self.w(j - 1),
                        "in" | "for" | "during" | "the" | "its" | "of"
                    )
        });
        let (n, half, end) = if let Some((n, half)) = short {
            (n, half, j + 1)
        } else if let Some((a, b)) = self.w(j).split_once('-') {
            match b {
                "quarter" => (ordinal(a)?, false, j + 1),
                "half" => (ordinal(a)?, true, j + 1),
                _ => return None,
            }
        } else {
            let n = if self.w(j) == "final" || self.w(j) == "last" && the == 1 {
                0
            } else {
                ordinal(self.w(j))?
            };
            j += 1;
            j += usize::from(self.w(j) == "fiscal");
            match self.w(j) {
                "quarter" => (if n == 0 { 4 } else { n }, false, j + 1),
                "half" => (if n == 0 { 2 } else { n }, true, j + 1),
                _ => return None,
            }
        };
        if n == 0 || (half && n > 2) || n > 4 {
            return None;
        }
        let label = if half {
            format!("H{n}")
        } else {
            format!("Q{n}")
        };
        // "of 1990", "1990"
        let mut stop = end;
        let mut year = None;
        if self.w(stop) == "of" {
            if let Some((y, e)) = self.year(stop + 1) {
                year = Some(y);
                stop = e;
            } else if let Some((y, e)) = self.relative_year(stop + 1) {
                year = y;
                stop = e;
            }
        } else if let Some((y, e)) = self.year(stop) {
            year = Some(y);
            stop = e;
        }
        if let Some(q) = qualifier.filter(|_| year.is_none()) {
            let y = q.map_or("XXXX".to_string(), |y| format!("{y:04}"));
            return Some(
                Found::new(k, stop, TimeType::Date, format!("{y}-{label}")).anchored(q.is_some()),
            );
        }
        if let Some(y) = year {
            return date(TimeType::Date, k, stop, format!("{y:04}-{label}"));
        }
        let Some(dct) = self.dct else {
            return date(TimeType::Date, k, stop, format!("XXXX-{label}"));
        };
        // a quarter not yet begun is last year's when the verb is past
        let current = if half {
            (dct.month - 1) / 6 + 1
        } else {
            (dct.month - 1) / 3 + 1
        };
        let y = if n > current && self.tense(k) != Tense::Future {
            dct.year - 1
        } else {
            dct.year
        };
        Some(Found::new(k, stop, TimeType::Date, format!("{y:04}-{label}")).anchored(true))
    }

    // -- weekdays, relative days, parts of day -------------------------------

    /// `Thursday`, `last Friday`, `next Monday`, `Sunday night`.
    fn weekday_expr(&self, k: usize) -> Option<Found> {
        let rel = direction(self.w(k));
        let j = k + usize::from(rel.is_some());
        let wd = self.weekday(j)?;
        let part = lookup(PARTS_OF_DAY, self.w(j + 1));
        let end = j + 1 + usize::from(part.is_some());
        let kind = if part.is_some() {
            TimeType::Time
        } else {
            TimeType::Date
        };
        let suffix = part.map(|p| format!("T{p}")).unwrap_or_default();
        let Some(dct) = self.dct else {
            return date(kind, k, end, format!("XXXX-WXX-{wd}{suffix}"));
        };
        let today = days_of(dct);
        let back = (weekday_of(today) as i64 - wd as i64).rem_euclid(7);
        let past = today - back; // latest such day on or before today
        let future = today + (wd as i64 - weekday_of(today) as i64).rem_euclid(7);
        // "Wednesday's ruling": a day that has a named event
        let possessive = part.is_none() && self.w(end) == "'s";
        let day = match rel {
            Some(-1) => {
                if back == 0 {
                    today - 7
                } else {
                    past
                }
            }
            Some(1) => {
                if future == today {
                    today + 7
                } else {
                    future
                }
            }
            Some(_) => {
                // this week's
                today - weekday_of(today) as i64 + wd as i64
            }
            None => match self.tense(j) {
                // "Wednesday's ruling", "Thursday's closing price": an
                // event already named, the latest such day (all 17 in
                // TimeBank + AQUAINT), or the nearer one under a future verb
                // ("Sunday's vote will decide")
                Tense::Future if possessive => {
                    if future - today < today - past {
                        future
                    } else {
                        past
                    }
                }
                _ if possessive => past,
                Tense::Future => future,
                Tense::Present => {
                    if future - today <= today - past {
                        future
                    } else {
                        past
                    }
                }
                _ => past,
            },
        };
        Some(
            Found::new(
                k,
                end,
                kind,
                format!("{}{suffix}", fmt_day(civil_from_days(day))),
            )
            .anchored(true),
        )
    }

    /// `today`, `yesterday morning`, `tonight`, `this morning`, `last night`,
    /// `last week`, `this year`, `next month`, `the day before yesterday`.
    fn relative_day(&self, k: usize) -> Option<Found> {
        let dct = self.dct;
        let day = |n: i64| dct.map(|d| civil_from_days(days_of(d) + n));
        let fmt = |d: Option<Date>| d.map_or("XXXX-XX-XX".to_string(), fmt_day);
        let with_part = |start: usize, j: usize, n: i64| -> Option<Found> {
            // j = word after the day word
            match lookup(PARTS_OF_DAY, self.w(j)) {
                Some(p) if p != "NI" || self.w(j) == "night" => Some(
                    Found::new(start, j + 1, TimeType::Time, format!("{}T{p}", fmt(day(n))))
                        .anchored(dct.is_some()),
                ),
                _ => {
                    Some(Found::new(start, j, TimeType::Date, fmt(day(n))).anchored(dct.is_some()))
                }
            }
        };
        match (self.w(k), self.w(k + 1), self.w(k + 2), self.w(k + 3)) {
            ("the", "day", "before", "yesterday") => return with_part(k, k + 4, -2),
            ("the", "day", "after", "tomorrow") => return with_part(k, k + 4, 2),
            // "today's youth", "in today's world": the present, not the day
            ("today", "'s", ..) if (k + 2..k + 4).any(|i| GENERIC_NOW.contains(&self.w(i))) => {
                return date(TimeType::Date, k, k + 1, "PRESENT_REF".into())
            }
            ("today", ..) => return with_part(k, k + 1, 0),
            ("yesterday", ..) => return with_part(k, k + 1, -1),
            ("tomorrow", ..) => return with_part(k, k + 1, 1),
            ("tonight", ..) => {
                return Some(
                    Found::new(k, k + 1, TimeType::Time, format!("{}TNI", fmt(day(0))))
                        .anchored(dct.is_some()),
                )
            }
            // "clashes erupted overnight": the night before the publication
            // date (the coming one for a future verb); "an overnight
            // success" is not a time
            ("overnight", ..) if !matches!(self.prev(k), "a" | "an") => {
                let n = if self.tense(k) == Tense::Future {
                    0
                } else {
                    -1
                };
                return Some(
                    Found::new(k, k + 1, TimeType::Time, format!("{}TNI", fmt(day(n))))
                        .anchored(dct.is_some()),
                );
            }
            ("last", "night", ..) => {
                return Some(
                    Found::new(k, k + 2, TimeType::Time, format!("{}TNI", fmt(day(-1))))
                        .anchored(dct.is_some()),
                )
            }
            ("this", p, ..) => {
                if let Some(p) = lookup(PARTS_OF_DAY, p) {
                    return Some(
                        Found::new(k, k + 2, TimeType::Time, format!("{}T{p}", fmt(day(0))))
                            .anchored(dct.is_some()),
                    );
                }
            }
            _ => {}
        }
        // [the] this / last / next / current + calendar unit ("this past
        // weekend": the word after "this" says which)
        let the = usize::from(
            self.w(k) == "the" || self.w(k) == "this" && matches!(self.w(k + 1), "past" | "coming"),
        );
        let d = k + the;
        let n = if self.w(d) == "current" {
            0
        } else {
            direction(self.w(d))?
        };
        // "the current fiscal year", "next fiscal year"
        let fiscal = usize::from(self.w(d + 1) == "fiscal" && self.w(d + 2) == "year");
        let end = d + 2 + fiscal;
        let (u, plural) = unit(self.w(end - 1))?;
        if plural || matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
            return None;
        }
        // (a weekend is one weekend: "the past weekend" is the last one, "the
        // coming weekend" the next, this week's until it begins)
        let n = match (u, self.w(d), dct) {
            (Unit::Weekend, "coming", Some(t)) if weekday_of(days_of(t)) < 6 => 0,
            _ => n,
        };
        if (matches!(self.w(d), "past" | "coming") || the == 1) && n != 0 && u != Unit::Weekend {
            // "the past year", "the coming week": a stretch of time
            let value = duration_value(Some(1.0), u);
            return Some(Found::new(k, end, TimeType::Duration, value));
        }
        // "this year", "the current year"
        Some(Found::new(k, end, TimeType::Date, shift(dct, n.into(), u)).anchored(dct.is_some()))
    }

    /// `two days ago`, `a year earlier`, `three weeks later`.
    fn ago(&self, k: usize, reference: &Option<Reference>) -> Option<Found> {
        let (n, j) = self.count(k)?;
        let (u, _) = unit(self.w(j))?;
        // "a week or so ago": the word after "or so" decides, as if it came
        // right after the unit
        let or_so = self.w(j + 1) == "or" && self.w(j + 2) == "so";
        let j = j + 2 * usize::from(or_so);
        // "two weeks from now": as "two weeks later", from the publication date
        let from_now = self.w(j + 1) == "from" && matches!(self.w(j + 2), "now" | "today");
        let sign = match self.w(j + 1) {
            _ if from_now => 1,
            "ago" => -1,
            "earlier" | "before" | "previously" => -1,
            "later" | "after" | "hence" | "on" => 1,
            _ => return None,
        };
        // "two days before the vote", "a year on from": relative to an event
        if matches!(self.w(j + 1), "before" | "after" | "on")
            && !matches!(self.w(j + 2), "," | "." | "")
        {
            return None;
        }
        let Some(n) = n else {
            let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return date(TimeType::Date, k, j + 2, v.to_string());
        };
        if n.fract() != 0.0 {
            return None;
        }
        let n = sign * n as i64;
        let end = j + 2 + usize::from(from_now);
        let quarter = reference.as_ref().and_then(Reference::quarter);
        let value = if from_now {
            shift(self.dct, n, u)
        } else if let (Some((_, q)), Unit::Year, Some(d)) = (quarter, u, self.dct) {
            // "a year ago" among quarterly results: the same quarter a year before
            let base = if self.w(j + 1) == "ago" {
                d.year
            } else {
                quarter.map_or(d.year, |(y, _)| y)
            };
            format!("{:04}-{q}", base as i64 + n)
        } else if self.w(j + 1) == "ago" {
            shift(self.dct, n, u)
        } else {
            match reference {
                Some(r) => r.shift(n, u).unwrap_or_else(|| shift(self.dct, n, u)),
                None => shift(self.dct, n, u),
            }
        };
        let anchored = self.dct.is_some() || reference.is_some();
        let mut f = Found::new(k, end, TimeType::Date, value)
            .anchored(anchored)
            .with_mod(or_so.then_some("APPROX"));
        f.relative = true;
        Some(f)
    }

    /// `the next day`, `the following week`, `the previous year`, `that
    /// year`, `that same day`, `the next morning`: from the last time named.
    fn following(&self, k: usize, reference: &Option<Reference>) -> Option<Found> {
        let (n, j) = match (self.w(k), self.w(k + 1)) {
            ("the", "next" | "following") => (1, k + 2),
            ("the", "previous" | "preceding") => (-1, k + 2),
            ("the" | "that", "same") => (0, k + 2),
            ("that", _) => (0, k + 1),
            _ => return None,
        };
        // "the next morning", "that night": a part of the day referred to
        if let Some(part) = lookup(PARTS_OF_DAY, self.w(j)).filter(|_| self.w(j) != "overnight") {
            let day = match reference {
                Some(r) => r.shift(n, Unit::Day)?,
                None => shift(self.dct, n, Unit::Day),
            };
            let mut f = Found::new(k, j + 1, TimeType::Time, format!("{day}T{part}"));
            f = f.anchored(self.dct.is_some() || reference.is_some());
            f.relative = true;
            return Some(f);
        }
        let (u, plural) = unit(self.w(j))?;
        if plural || matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Weekend) {
            return None;
        }
        let value = match reference {
            Some(r) => r.shift(n, u)?,
            None => shift(self.dct, n, u),
        };
        let mut f = Found::new(k, j + 1, TimeType::Date, value).anchored(true);
        f.relative = true;
        Some(f)
    }

    /// Quarterly-results anaphora: `the quarter`, `the latest quarter`, `the
    /// year-earlier period`, `year-ago`, `the 1988 quarter`: the quarter
    /// under discussion (the first one the document named, else the last
    /// complete one), or that quarter a year before, or in the year given.
    fn fiscal_period(&self, k: usize, reference: &Option<Reference>) -> Option<Found> {
        let named = reference.as_ref().and_then(Reference::quarter);
        // "for the nine months, ... year-earlier": the year before, not a quarter
        let months = reference.as_ref().is_some_and(|r| r.months);
        // "earned $376,000 in the 1988 quarter": the quarter under discussion, that year
        if let Some((y, j)) = (self.w(k) == "the").then(|| self.year(k + 1)).flatten() {
            let value = match (named, self.w(j)) {
                (Some((_, q)), "quarter" | "period") if q.starts_with('Q') => format!("{y:04}-{q}"),
                (None, "quarter") => format!("{y:04}-{}", last_complete_quarter(self.dct?).1),
                // "in the nine months, ... against ... in the 1988 period"
                (None, "period") if months => format!("{y:04}"),
                _ => return None,
            };
            return Some(Found::new(k, j + 1, TimeType::Date, value).anchored(true));
        }
        let the = usize::from(self.w(k) == "the");
        let mut j = k + the;
        j += usize::from(matches!(self.w(j), "comparable" | "same"));
        let year_before = matches!(self.w(j), "year-earlier" | "year-ago");
        let current = self.w(j) == "current";
        if year_before || current || matches!(self.w(j), "latest" | "recent" | "just-ended") {
            j += 1;
        }
        if current && self.w(j) == "quarter" {
            // the quarter the publication date falls in
            let d = self.dct?;
            let value = format!("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1);
            return Some(Found::new(k, j + 1, TimeType::Date, value).anchored(true));
        }
        // "the latest period" of a quarterly report: the last quarter, named or not
        let latest = j > k && matches!(self.w(j - 1), "latest" | "just-ended");
        let head = match self.w(j) {
            "quarter" => true,
            "period" => named.is_some() || year_before || latest,
            _ => false,
        };
        if !(head || year_before && j > k) {
            return None;
        }
        if !year_before && the == 0 {
            return None;
        }
        let end = if head { j + 1 } else { j };
        let (y, q) = match named {
            Some((y, q)) => (y, q.to_string()),
            None => last_complete_quarter(self.dct?),
        };
        let y = if year_before { y - 1 } else { y };
        let value = if months && year_before {
            format!("{y:04}")
        } else {
            format!("{y:04}-{q}")
        };
        let mut f = Found::new(k, end, TimeType::Date, value).anchored(true);
        f.relative = true;
        Some(f)
    }

    /// `the weekend`, `this weekend`, `last weekend`: placed by the tense.
    fn weekend(&self, k: usize) -> Option<Found> {
        let rel = direction(self.w(k));
        if rel.is_none() && self.w(k) != "the" || self.w(k + 1) != "weekend" {
            return None;
        }
        let Some(dct) = self.dct else {
            return date(TimeType::Date, k, k + 2, "XXXX-WXX-WE".into());
        };
        let today = days_of(dct);
        let in_weekend = weekday_of(today) >= 6;
        // the weekend of this ISO week, the one before, the one after
        let n = match rel {
            Some(n) => n,
            None => match self.tense(k + 1) {
                Tense::Future => 0,
                _ if in_weekend => 0,
                _ => -1,
            },
        };
        let value = format!("{}-WE", fmt_week(today + 7 * i64::from(n)));
        Some(Found::new(k, k + 2, TimeType::Date, value).anchored(true))
    }

    // -- references to the present, past and future --------------------------

    fn reference_word(&self, k: usize) -> Option<Found> {
        let one = |v: &str| date(TimeType::Date, k, k + 1, v.to_string());
        let two = |v: &str| date(TimeType::Date, k, k + 2, v.to_string());
        let three = |v: &str| date(TimeType::Date, k, k + 3, v.to_string());
        match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("now", ..) => one("PRESENT_REF"),
            ("currently" | "nowadays", ..) => one("PRESENT_REF"),
            ("these", "days", _) => two("PRESENT_REF"),
            ("the", "present", _) => two("PRESENT_REF"),
            // "at present": the preposition stays out, as everywhere
            ("at", "present", _) => date(TimeType::Date, k + 1, k + 2, "PRESENT_REF".into()),
            ("recently" | "lately", ..) => one("PAST_REF"),
            // "live without it for a while": a stretch of unstated length
            ("a", "while", _)
                if matches!(self.prev(k), "for" | "in" | "after")
                    && !(k >= 2 && self.w(k - 2) == "once") =>
            {
                date(TimeType::Duration, k, k + 2, "PXX".into())
            }
            // "in recent weeks": a stretch of unstated length up to now, as
            // TimeBank writes it half the time (6 of 12; PAST_REF the rest)
            ("recent", u, _) => match unit(u) {
                Some((u, true)) => date(TimeType::Duration, k, k + 2, duration_value(None, u)),
                _ => None,
            },
            ("the", "past", next) if !self.starts_count_or_unit(k + 2) || next == "," => {
                two("PAST_REF")
            }
            ("the", "future", _) => two("FUTURE_REF"),
            ("the", "near" | "foreseeable" | "distant", "future") => three("FUTURE_REF"),
            ("the", "near" | "long" | "short", "term") => three("FUTURE_REF"),
            ("the", "coming", u) if unit(u).is_some_and(|(_, p)| p) => three("FUTURE_REF"),
            ("coming", u, _) if unit(u).is_some_and(|(_, p)| p) && self.prev(k) == "in" => {
                two("FUTURE_REF")
            }
            ("as", "soon", "as") if self.w(k + 3) == "possible" => {
                date(TimeType::Date, k, k + 4, "FUTURE_REF".into())
            }
            _ => None,
        }
    }

    fn starts_count_or_unit(&self, k: usize) -> bool {
        self.count(k).is_some() || unit(self.w(k)).is_some() || self.w(k) == "few"
    }

    // -- durations and sets ---------------------------------------------------

    /// `two weeks`, `nearly two years`, `the past 20 years`, `a decade`,
    /// `the first nine months`, `two and a half years`, `10-hour`, `for years`.
    fn duration(&self, k: usize) -> Option<Found> {
        // "the fiscal year ended Jan. 31": a year-long period named by its end
        // (TimeBank: a duration; "the quarter ended" stays a date there)
        let fiscal = usize::from(self.w(k + 1) == "fiscal");
        if self.w(k) == "the"
            && self.w(k + 1 + fiscal) == "year"
            && matches!(self.w(k + 2 + fiscal), "ended" | "ending")
        {
            return Some(Found::new(
                k,
                k + 2 + fiscal,
                TimeType::Duration,
                "P1Y".into(),
            ));
        }
        let mut j = k;
        let mut modifier = None;
        // [the] [past|last|next|first|coming|previous|final]
        if self.w(j) == "the" {
            // "the 30-day period": the article is the noun phrase's, the
            // duration is the adjective ("the nine months" keeps it)
            if self.w(k + 1).contains('-') {
                return None;
            }
            j += 1;
        }
        if matches!(
            self.w(j),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "final"
                | "following"
                | "remaining"
                | "latest"
        ) {
            j += 1;
        }
        for (phrase, m) in [
            (&["more", "than"][..], "MORE_THAN"),
            (&["less", "than"], "LESS_THAN"),
            (&["at", "least"], "EQUAL_OR_MORE"),
            (&["up", "to"], "EQUAL_OR_LESS"),
            (&["nearly"], "LESS_THAN"),
            (&["almost"], "LESS_THAN"),
            (&["about"], "APPROX"),
            (&["around"], "APPROX"),
            (&["roughly"], "APPROX"),
            (&["some"], "APPROX"),
            (&["over"], "MORE_THAN"),
            (&["under"], "LESS_THAN"),
        ] {
            // the quantity stage may have read the comparator with the number
            // ("almost a hundred"): it is then the count's
            if self.numbers.contains_key(&j) {
                break;
            }
            if phrase.iter().enumerate().all(|(n, p)| self.w(j + n) == *p)
                && self.count(j + phrase.len()).is_some()
            {
                modifier = Some(m);
                j += phrase.len();
                break;
            }
        }
        // hyphenated: two-year, 10-hour, year-long
        if let Some((a, b)) = self.w(j).split_once('-') {
            // "a two-year-long war" (ages, "6-year-old", are not times)
            let b = b.strip_suffix("-long").unwrap_or(b);
            let n = unit_or_compound(a)
                .or_else(|| a.parse::<f64>().ok())
                .or((a == "a" || a == "one").then_some(1.0));
            if let (Some(n), Some((u, false))) = (n, unit(b)) {
                let value = duration_value(Some(n), u);
                return Some(Found::new(k, j + 1, TimeType::Duration, value).with_mod(modifier));
            }
            // "several-year", "multi-year": an unspecified count
            if let ("several" | "multi" | "many", Some((u, false))) = (a, unit(b)) {
                let value = duration_value(None, u);
                return Some(Found::new(k, j + 1, TimeType::Duration, value));
            }
            if let (Some((u, false)), "long" | "old") = (unit(a), b) {
                return Some(Found::new(
                    k,
                    j + 1,
                    TimeType::Duration,
                    duration_value(Some(1.0), u),
                ));
            }
        }
        // "about 18 hours": the quantity stage read the comparator
        let modifier = modifier.or_else(|| self.numbers.get(&j).and_then(|n| n.2));
        let (mut n, mut e) = match self.count(j) {
            Some(c) => c,
            None => {
                // "for years", "over the past months"
                let (u, plural) = unit(self.w(j))?;
                let cue = j > k || matches!(self.prev(k), "for" | "over" | "within" | "in");
                // "in years" is a duration, "in days" mostly a deadline
                let deadline =
                    j == k && self.prev(k) == "in" && !matches!(u, Unit::Year | Unit::Decade);
                if !plural || !cue || u == Unit::Weekend || deadline {
                    return None;
                }
                return Some(Found::new(
                    k,
                    j + 1,
                    TimeType::Duration,
                    duration_value(None, u),
                ));
            }
        };
        // "two and a half years", "a year and a half"
        let and_a_half =
            |i: usize| self.w(i) == "and" && self.w(i + 1) == "a" && self.w(i + 2) == "half";
        if and_a_half(e) {
            n = n.map(|n| n + 0.5);
            e += 3;
        }
        // "two more years", "an additional year", "eight trading days"
        if matches!(
            self.w(e),
            "more"
                | "full"
                | "straight"
                | "consecutive"
                | "additional"
                | "extra"
                | "further"
                | "trading"
                | "business"
                | "working"
        ) {
            e += 1;
        }
        let (u, plural) = unit(self.w(e))?;
        if u == Unit::Quarter && !plural && n == Some(1.0) {
            return None; // "a quarter" is a fraction as often as a period
        }
        let mut end = e + 1;
        if and_a_half(end) {
            n = n.map(|n| n + 0.5);
            end += 3;
        }
        // a date: see `ago` (which takes whole counts; "a minute and a half
        // later" stays a duration)
        if matches!(self.w(end), "ago" | "earlier" | "later" | "hence")
            && n.is_none_or(|n| n.fract() == 0.0)
        {
            return None;
        }
        // an ordinal, "a second term", is not a time
        if u == Unit::Second
            && !plural
            && self.w(j) == "a"
            && self
                .tags()
                .get(end)
                .is_some_and(|t| t.starts_with(['N', 'J']))
        {
            return None;
        }
        Some(Found::new(k, end, TimeType::Duration, duration_value(n, u)).with_mod(modifier))
    }

    /// `every Friday`, `each July`, `every two weeks`, `daily`, `Mondays`.
    fn set(&self, k: usize) -> Option<Found> {
        let single = |v: &str| date(TimeType::Set, k, k + 1, v.to_string());
        // a newspaper: "the Communist Party daily Granma", "the weekly Der Spiegel"
        let paper = matches!(self.w(k), "daily" | "weekly" | "monthly")
            && k > 0
            && self.capitalized(k + 1)
            && self
                .tags()
                .get(k - 1)
                .is_some_and(|t| t.starts_with(['N', 'J', 'D']));
        if paper {
            return None;
        }
        match self.w(k) {
            "daily" | "nightly" => return single("P1D"),
            "weekly" => return single("P1W"),
            "monthly" => return single("P1M"),
            "annually" | "yearly" => return single("P1Y"),
            "hourly" => return single("PT1H"),
            "biweekly" => return single("P2W"),
            _ => {}
        }
        // plural weekday: "on Mondays", "Tuesday nights"
        if let Some(base) = self.w(k).strip_suffix('s') {
            if let Some(wd) = lookup(WEEKDAYS, base).filter(|_| self.capitalized(k)) {
                return single(&format!("XXXX-WXX-{wd}"));
            }
        }
        if let Some(wd) = self.weekday(k) {
            if let Some(p) = self
                .w(k + 1)
                .strip_suffix('s')
                .and_then(|p| lookup(PARTS_OF_DAY, p))
            {
                return date(TimeType::Set, k, k + 2, format!("XXXX-WXX-{wd}T{p}"));
            }
        }
        if !matches!(self.w(k), "every" | "each") {
            return None;
        }
        let mut j = k + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let every_other = j > k + 1;
        if let Some(wd) = self.weekday(j) {
            return date(TimeType::Set, k, j + 1, format!("XXXX-WXX-{wd}"));
        }
        if let Some(m) = self.month(j) {
            return date(TimeType::Set, k, j + 1, format!("XXXX-{m:02}"));
        }
        if let Some(p) = lookup(PARTS_OF_DAY, self.w(j)) {
            return date(TimeType::Set, k, j + 1, format!("XXXX-XX-XXT{p}"));
        }
        if let Some((u, false)) = unit(self.w(j)) {
            let n = if every_other { 2.0 } else { 1.0 };
            return date(TimeType::Set, k, j + 1, duration_value(Some(n), u));
        }
        let (n, e) = self.count(j)?;
        let (u, true) = unit(self.w(e))? else {
            return None;
        };
        date(TimeType::Set, k, e + 1, duration_value(n, u))
    }

    // -- clock times ------------------------------------------------------------

    /// `3 p.m.`, `10:30 a.m. EST`, `15:00 GMT`, `noon`, `midnight`, `9 o'clock`,
    /// followed or not by the day: `3 p.m. Friday`, `10 a.m. today`.
    fn clock(&self, k: usize, reference: &Option<Reference>) -> Option<Found> {
        let t = self.w(k);
        let (mut h, mi, mut j) = if self.prev(k) == "high" && t == "noon" {
            // "High Noon", "high noon comes today": a showdown, not a time
            return None;
        } else if t == "noon" || t == "midday" {
            (12, 0, k + 1)
        } else if t == "midnight" {
            (24, 0, k + 1)
        } else if t.len() == 4
            && t.bytes().all(|b| b.is_ascii_digit())
            && (is_zone(self.w(k + 1)) || matches!(self.w(k + 1), "hours" | "hrs"))
        {
            // "1400 GMT", "0930 hours"
            let j = k + 1 + usize::from(!is_zone(self.w(k + 1)));
            (t[..2].parse().ok()?, t[2..].parse().ok()?, j)
        } else if self.kind(k) == Some(TokenKind::Number) {
            let (hh, mm) = match t.split_once(':') {
                Some((a, b)) if b.len() == 2 => (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?),
                Some(_) => return None,
                None => (t.parse::<u32>().ok()?, 0),
            };
            (hh, mm, k + 1)
        } else {
            return None;
        };
        if h > 24 || mi > 59 {
            return None;
        }
        let military = t.len() == 4 && !t.contains(':');
        let numeric = self.kind(k) == Some(TokenKind::Number) && !military;
        // a.m. or p.m. and the words that say it: "4 p.m.", "9 o'clock",
        // "4 in the morning", "8 in the evening", "11 at night"
        let meridiem = match (self.w(j), self.w(j + 1), self.w(j + 2)) {
            ("a.m." | "am" | "a.m", ..) => Some((false, 1)),
            ("p.m." | "pm" | "p.m", ..) => Some((true, 1)),
            // "9 o'clock": morning unless 1–6
            ("o'clock", ..) => Some((h <= 6 || h == 12, 1)),
            ("in", "the", "morning") => Some((false, 3)),
            ("in", "the", "afternoon" | "evening") => Some((true, 3)),
            ("at", "night", _) => Some((h > 5 && h != 12, 2)),
            _ => None,
        };
        if numeric {
            match meridiem {
                Some((pm, len)) => {
                    if h == 0 || h > 12 {
                        return None;
                    }
                    if pm && h != 12 {
                        h += 12;
                    } else if !pm && h == 12 {
                        h = 0;
                    }
                    j += len;
                }
                None if t.contains(':') => {}
                None => return None,
            }
        }
        // time zone
        if is_zone(self.w(j)) && self.raw(j).chars().all(|c| c.is_uppercase()) {
            j += 1;
        } else if self.w(j) == "local" && self.w(j + 1) == "time" {
            j += 2;
        }
        // midnight is the end of its day: T24:00
        let time = format!("T{h:02}:{mi:02}");
        // the day, right after: "3 p.m. Friday", "10 a.m. on Thursday", "5 p.m. EST, Nov. 6"
        let on = usize::from(matches!(self.w(j), "on" | ","));
        let day = self
            .weekday_expr(j + on)
            .or_else(|| {
                self.relative_day(j + on)
                    .filter(|f| f.kind == TimeType::Date)
            })
            .or_else(|| self.calendar(j + on))
            .filter(|f| f.value.len() == 10);
        match day {
            Some(f) => Some(
                Found::new(k, f.end, TimeType::Time, format!("{}{time}", f.value))
                    .anchored(f.anchored),
            ),
            None => Some(self.on_day_named(k, j, time, reference)),
        }
    }

    /// A time of day without its day (`at 10:35 a.m.`, `by mid-afternoon`),
    /// tokens `k..end`: on the day the text last named, else the
    /// publication day.
    fn on_day_named(
        &self,
        k: usize,
        end: usize,
        time: String,
        reference: &Option<Reference>,
    ) -> Found {
        let (day, anchored) = match (reference.as_ref().filter(|r| r.value.len() == 10), self.dct) {
            (Some(r), _) => (r.value.clone(), true),
            (None, Some(d)) => (fmt_day(d), true),
            (None, None) => ("XXXX-XX-XX".to_string(), false),
        };
        Found::new(k, end, TimeType::Time, format!("{day}{time}")).anchored(anchored)
    }

    /// Holidays: `Christmas`, `New Year's Day`, `Thanksgiving`.
    fn holiday(&self, k: usize) -> Option<Found> {
        if !self.capitalized(k) {
            return None;
        }
        // Easter and the days named after it: (days after Easter Sunday,
        // end of the name, the week rather than the day)
        let moveable = match (self.w(k), self.w(k + 1)) {
            ("easter", "island" | "islands" | "rising" | "egg" | "eggs" | "bunny") => None,
            ("easter", "sunday") => Some((0, k + 2, false)),
            ("easter", "monday") => Some((1, k + 2, false)),
            ("easter", "week") => Some((0, k + 2, true)),
            ("easter", _) => Some((0, k + 1, false)),
            ("good", "friday") if self.capitalized(k + 1) => Some((-2, k + 2, false)),
            _ => None,
        };
        if let Some((after, end, week)) = moveable {
            let Some(dct) = self.dct else {
                let v = if week { "XXXX-WXX" } else { "XXXX-XX-XX" };
                return date(TimeType::Date, k, end, v.to_string());
            };
            let day = easter(self.holiday_year(k, dct, |y| easter(y) + after)) + after;
            let value = if week {
                fmt_week(day)
            } else {
                fmt_day(civil_from_days(day))
            };
            return Some(Found::new(k, end, TimeType::Date, value).anchored(true));
        }
        // US holidays on a weekday of a month: (month, weekday, which one
        // (0 = the last), days after it, end of the name)
        let floating = match (self.w(k), self.w(k + 1)) {
            ("thanksgiving", _) => Some((11, 4, 4, 0, k + 1 + usize::from(self.w(k + 1) == "day"))),
            // the Tuesday after the first Monday of November
            ("election", "day") => Some((11, 1, 1, 1, k + 2)),
            ("labor" | "labour", "day") if self.capitalized(k + 1) => Some((9, 1, 1, 0, k + 2)),
            ("memorial", "day") if self.capitalized(k + 1) => Some((5, 1, 0, 0, k + 2)),
            _ => None,
        };
        if let Some((month, wd, nth, after, end)) = floating {
            let day_of = |y: i32| nth_weekday(y, month, wd, nth) + after;
            let Some(dct) = self.dct else {
                return date(TimeType::Date, k, end, format!("XXXX-{month:02}-XX"));
            };
            let y = self.holiday_year(k, dct, |y| days_from_civil(y, month, day_of(y)));
            let value = format!("{y:04}-{month:02}-{:02}", day_of(y));
            return Some(Found::new(k, end, TimeType::Date, value).anchored(true));
        }
        let (month, day, end): (u32, u32, usize) = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("christmas", "eve", _) => (12, 24, k + 2),
            ("christmas", "day", _) => (12, 25, k + 2),
            ("christmas", ..) => (12, 25, k + 1),
            ("new", "year's" | "year" | "years", "eve") => (12, 31, k + 3),
            ("new", "year", "'s") if self.w(k + 3) == "eve" => (12, 31, k + 4),
            ("new", "year", "'s") if self.w(k + 3) == "day" => (1, 1, k + 4),
            ("new", "year's", "day") => (1, 1, k + 3),
            ("halloween", ..) => (10, 31, k + 1),
            ("valentine", "'s", "day") => (2, 14, k + 3),
            ("independence", "day", _) if self.capitalized(k + 1) => (7, 4, k + 2),
            _ => return None,
        };
        let Some(dct) = self.dct else {
            return date(TimeType::Date, k, end, format!("XXXX-{month:02}-{day:02}"));
        };
        let y = self.holiday_year(k, dct, |y| days_from_civil(y, month, day));
        Some(
            Found::new(
                k,
                end,
                TimeType::Date,
                format!("{y:04}-{month:02}-{day:02}"),
            )
            .anchored(true),
        )
    }

    /// The year of a holiday at word `k` (`day_in(y)`: its date that year,
    /// in days since 1970-01-01): last year's, this year's or next year's,
    /// as the tense there places it.
    fn holiday_year(&self, k: usize, dct: Date, day_in: impl Fn(i32) -> i64) -> i32 {
        let c = [dct.year - 1, dct.year, dct.year + 1].map(|y| (y, day_in(y) - days_of(dct)));
        pick(&c, self.tense(k), TENSE_REACH_DAYS)
    }

    // -- modifiers around a date ------------------------------------------------

    /// `early`, `late`, `mid`, `the end of`, `the beginning of`, `earlier this`
    /// before a date: returns the modifier and the word the date starts at.
    fn date_prefix(&self, k: usize) -> Option<(Option<&'static str>, usize)> {
        match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("early" | "mid" | "late", ..) => Some((part_mod(self.w(k)), k + 1)),
            // "earlier in the year", "later in the month"
            ("earlier" | "later", "in", "the") => Some((None, k + 2)),
            ("the", "end" | "close", "of") => Some((Some("END"), k + 3)),
            ("the", "beginning" | "start" | "dawn", "of") => Some((Some("START"), k + 3)),
            ("the", "middle", "of") => Some((Some("MID"), k + 3)),
            ("end" | "beginning" | "start", "of", _) => Some((
                if self.w(k) == "end" {
                    Some("END")
                } else {
                    Some("START")
                },
                k + 2,
            )),
            _ => None,
        }
    }

    /// `year-end`, `year's end`: the publication year, the one before after a
    /// past verb ("profit rose at year-end"); `the full year` of a report:
    /// the publication year.
    fn whole_year(&self, k: usize) -> Option<Found> {
        let (end, modifier) = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("year-end", ..) => (k + 1, Some("END")),
            ("year", "end", _) => (k + 2, Some("END")),
            ("year", "'s", "end") => (k + 3, Some("END")),
            ("the", "full", "year") => (k + 3, None),
            _ => return None,
        };
        let Some(dct) = self.dct else {
            return Some(Found::new(k, end, TimeType::Date, "XXXX".into()).with_mod(modifier));
        };
        let y = dct.year - i32::from(modifier.is_some() && self.tense(k) == Tense::Past);
        Some(
            Found::new(k, end, TimeType::Date, format!("{y:04}"))
                .anchored(true)
                .with_mod(modifier),
        )
    }

    /// `the end of the year`, `the end of the month`: relative to the publication date.
    fn the_unit(&self, k: usize) -> Option<Found> {
        if self.w(k) != "the" {
            return None;
        }
        let (u, false) = unit(self.w(k + 1))? else {
            return None;
        };
        if !matches!(
            u,
            Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century | Unit::Quarter
        ) {
            return None;
        }
        Some(
            Found::new(k, k + 2, TimeType::Date, shift(self.dct, 0, u))
                .anchored(self.dct.is_some()),
        )
    }

    /// Expressions built on a date that follows them: `the week of March
    /// 6` (its ISO week), `the day before last Tuesday`, `the day after
    /// Christmas`, `mid-afternoon yesterday` (a part of that day), `the
    /// first two quarters of 1990` (a half).
    fn composed(&self, k: usize, reference: &Option<Reference>) -> Option<Found> {
        let day_at = |j: usize| {
            self.at(j, reference, false)
                .filter(|f| f.start == j && f.kind == TimeType::Date)
                .and_then(|f| Some((days_of(Date::parse(f.value.get(..10)?)?), f)))
                .filter(|(_, f)| f.value.len() == 10)
        };
        let anchored = |f: &Found| self.dct.is_some() || !f.value.contains('X');
        match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("the", "week", "of") => {
                let (d, f) = day_at(k + 3)?;
                let (y, w) = iso_week(d);
                let v = format!("{y:04}-W{w:02}");
                return Some(Found::new(k, f.end, TimeType::Date, v).anchored(anchored(&f)));
            }
            ("the", "day", "before" | "after") => {
                let (d, f) = day_at(k + 3)?;
                let d = d + if self.w(k + 2) == "before" { -1 } else { 1 };
                let v = fmt_day(civil_from_days(d));
                return Some(Found::new(k, f.end, TimeType::Date, v).anchored(anchored(&f)));
            }
            ("the", "first" | "last", "two")
                if self.w(k + 3) == "quarters" && self.w(k + 4) == "of" =>
            {
                let (y, end) = self.year(k + 5)?;
                let half = if self.w(k + 1) == "first" { 1 } else { 2 };
                return date(TimeType::Date, k, end, format!("{y:04}-H{half}"));
            }
            _ => {}
        }
        // "FY2020", "FY 2020", "FY20": a fiscal year, by its number
        if let Some(rest) = self.w(k).strip_prefix("fy") {
            let digits = rest.bytes().all(|b| b.is_ascii_digit());
            let (y, end) = match rest.len() {
                0 => self.year(k + 1)?,
                4 if digits => (rest.parse().ok()?, k + 1),
                2 if digits => {
                    let n: i32 = rest.parse().ok()?;
                    (if n < 50 { 2000 + n } else { 1900 + n }, k + 1)
                }
                _ => return None,
            };
            return date(TimeType::Date, k, end, format!("{y:04}"));
        }
        if let Some(f) = self.quarter_a_year_before(k, reference) {
            return Some(f);
        }
        // "dealers placed orders in the morning": of the day the text last
        // named (a habit, "she runs in the morning", is left alone)
        if let ("in", "the", Some(part)) =
            (self.prev(k), self.w(k), lookup(PARTS_OF_DAY, self.w(k + 1)))
        {
            let ends = matches!(
                self.w(k + 2),
                "" | "," | "." | ";" | "to" | "and" | "but" | "when"
            );
            if part != "NI" && ends && self.tense(k) == Tense::Past {
                return Some(self.on_day_named(k, k + 2, format!("T{part}"), reference));
            }
        }
        // "mid-afternoon yesterday", "late morning Tuesday"
        let (part, j) = match self.w(k) {
            "early" | "late" => (lookup(PARTS_OF_DAY, self.w(k + 1))?, k + 2),
            "midmorning" => ("MO", k + 1),
            "midafternoon" => ("AF", k + 1),
            "mid" => (lookup(PARTS_OF_DAY, self.w(k + 1))?, k + 2),
            w => (lookup(PARTS_OF_DAY, w.strip_prefix("mid-")?)?, k + 1),
        };
        if let Some((d, f)) = day_at(j) {
            let v = format!("{}T{part}", fmt_day(civil_from_days(d)));
            return Some(Found::new(k, f.end, TimeType::Time, v).anchored(anchored(&f)));
        }
        // "by mid-afternoon": of the day the text last named, as a clock time
        if self.w(k).starts_with("mid") && part != "NI" {
            return Some(self.on_day_named(k, j, format!("T{part}"), reference));
        }
        None
    }

    /// `the corresponding period last year`, `last year's quarter`, `the
    /// quarter a year ago`: the quarter under discussion (see
    /// [`Sent::fiscal_period`]), a year before.
    fn quarter_a_year_before(&self, k: usize, reference: &Option<Reference>) -> Option<Found> {
        let same = |j: usize| {
            j + usize::from(matches!(self.w(j), "corresponding" | "comparable" | "same"))
        };
        let period = |j: usize| matches!(self.w(j), "quarter" | "period");
        let end = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("last", "year", "'s") if period(same(k + 3)) => same(k + 3) + 1,
            ("the", ..) if period(same(k + 1)) => {
                let j = same(k + 1) + 1;
                match (self.w(j), self.w(j + 1), self.w(j + 2)) {
                    ("last", "year", _) => j + 2,
                    ("a", "year", "ago" | "earlier") => j + 3,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let (y, q) = match reference.as_ref().and_then(Reference::quarter) {
            Some((y, q)) if q.starts_with('Q') => (y, q.to_string()),
            Some(_) => return None,
            // "the same period last year" of an unknown period is left alone
            None if !(k..end).any(|i| self.w(i) == "quarter") => return None,
            None => last_complete_quarter(self.dct?),
        };
        let mut f = Found::new(k, end, TimeType::Date, format!("{:04}-{q}", y - 1)).anchored(true);
        f.relative = true;
        Some(f)
    }

    /// A unit capitalized inside the sentence is a title's: ABC's "This
    /// Week", CBS's "60 Minutes".
    fn titled(&self, f: &Found) -> bool {
        (f.start.max(1)..f.end).any(|i| unit(self.w(i)).is_some() && self.capitalized(i))
    }

    /// Every expression starting at word `k`, longest first.
    fn at(&self, k: usize, reference: &Option<Reference>, with_prefix: bool) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f {
                if f.end > k && best.as_ref().is_none_or(|b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        consider(self.clock(k, reference));
        consider(self.calendar(k));
        consider(self.month_expr(k));
        consider(self.year_expr(k));
        consider(self.season(k));
        consider(self.quarter(k));
        consider(self.weekday_expr(k));
        consider(self.relative_day(k).filter(|f| !self.titled(f)));
        consider(self.ago(k, reference));
        consider(self.following(k, reference));
        consider(self.reference_word(k));
        consider(self.duration(k).filter(|f| !self.titled(f)));
        consider(self.set(k));
        consider(self.holiday(k));
        consider(self.fiscal_period(k, reference));
        consider(self.weekend(k));
        consider(self.whole_year(k));
        // "for the year" of a report: the year it covers (TimeBank marks
        // all eight; "the year ended Sept. 30" is a duration, see `duration`)
        if self.prev(k) == "for" && self.w(k + 1) == "year" {
            consider(self.the_unit(k));
        }
        if with_prefix {
            consider(self.composed(k, reference));
            if let Some((modifier, j)) = self.date_prefix(k) {
                let inner = self
                    .at(j, reference, false)
                    .or_else(|| (j > k + 1).then(|| self.the_unit(j)).flatten());
                if let Some(f) = inner.filter(|f| f.kind == TimeType::Date && f.start == j) {
                    if !f.value.ends_with("_REF") {
                        consider(Some(Found { start: k, ..f }.with_mod(modifier)));
                    }
                }
            }
        }
        best
    }
}

/// A time zone written after a clock time: `GMT`, `EST`, `UTC`.
fn is_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "pt"
            | "bst"
            | "cet"
            | "cest"
    )
}

/// `last` / `this` / `next` (and `past`, `previous`, `coming`): a step
/// back, none or forward from the publication date.
fn direction(word: &str) -> Option<i32> {
    match word {
        "last" | "past" | "previous" => Some(-1),
        "this" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

/// The last quarter complete before `d`, with its year: (2019, "Q4") for
/// 2020-02-27.
fn last_complete_quarter(d: Date) -> (i32, String) {
    let (y, m) = add_months(d.year, d.month, -3);
    (y, format!("Q{}", (m - 1) / 3 + 1))
}

/// `q3` → (3, false), `h1` → (1, true): a quarter or a half written short.
fn short_period(word: &str) -> Option<(u32, bool)> {
    let b = word.as_bytes();
    if b.len() != 2 || !b[1].is_ascii_digit() {
        return None;
    }
    let n = u32::from(b[1] - b'0');
    match b[0] {
        b'q' if (1..=4).contains(&n) => Some((n, false)),
        b'h' if (1..=2).contains(&n) => Some((n, true)),
        _ => None,
    }
}

/// `early` / `mid` / `late` as a TIMEX3 `mod`.
fn part_mod(word: &str) -> Option<&'static str> {
    match word {
        "early" => Some("START"),
        "mid" => Some("MID"),
        "late" => Some("END"),
        _ => None,
    }
}

/// `first` → 1, `3rd` → 3, `twenty-first` → 21.
fn ordinal(t: &str) -> Option<u32> {
    crate::quantity::ordinal_value(t)
        .filter(|v| v.fract() == 0.0 && *v < 1e4)
        .map(|v| v as u32)
}

/// How far a verb's tense may move a date without a year away from the
/// publication date (about three quarters of a year): "Nov. 16" in a 1
/// November article is this year's, whatever the verb.
const TENSE_REACH_DAYS: i64 = 270;
/// The same reach for a month without a year.
const TENSE_REACH_MONTHS: i64 = 9;

/// Of candidate years with their signed distance from the publication date
/// (negative: before it), the one the tense points to within `limit`: past
/// → the latest not after it, future → the earliest not before it;
/// present or unknown → the nearest (a present is as often a description,
/// "worth a fortune in October, worth half that now", as a schedule, "the
/// summit opens March 12").
fn pick(candidates: &[(i32, i64)], tense: Tense, limit: i64) -> i32 {
    let past = candidates
        .iter()
        .filter(|c| c.1 <= 0 && -c.1 <= limit)
        .max_by_key(|c| c.1);
    let future = candidates
        .iter()
        .filter(|c| c.1 >= 0 && c.1 <= limit)
        .min_by_key(|c| c.1);
    let nearest = candidates.iter().min_by_key(|c| (c.1.abs(), c.1 > 0));
    let chosen = match tense {
        Tense::Past => past,
        Tense::Future => future,
        Tense::Present | Tense::Unknown => nearest,
    };
    chosen.or(nearest).map_or(0, |c| c.0)
}

/// The last fully specified time in the text, for `a year earlier`,
/// `the next day`.
#[derive(Debug, Clone)]
struct Reference {
    value: String,
    /// The first quarter or half the document named: the period a
    /// quarterly report is about, which "the quarter", "a year ago" and
    /// "the year-earlier period" refer to after a passing mention of
    /// another ("after a flat second quarter").
    topic: Option<String>,
    /// The sentence has named a stretch of months ("for the nine months"),
    /// so "a year earlier" in it is the year before, not a quarter.
    months: bool,
}

impl Reference {
    fn from_value(v: &str) -> Option<Reference> {
        let b = v.as_bytes();
        let ok = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
        ok.then(|| Reference {
            value: v.split('T').next().unwrap_or(v).to_string(),
            topic: None,
            months: false,
        })
    }

    /// The quarter or half (`Q3`, `H1`) under discussion, with its year:
    /// the document's topic once it has named one (see `topic`), else the
    /// reference itself if it is one.
    fn quarter(&self) -> Option<(i32, &str)> {
        if self.months {
            return None;
        }
        let (y, rest) = self
            .topic
            .as_deref()
            .unwrap_or(&self.value)
            .split_once('-')?;
        let period = rest.starts_with('Q') || rest.starts_with('H');
        (period && rest.len() == 2).then(|| Some((y.parse().ok()?, rest)))?
    }

    fn shift(&self, n: i64, u: Unit) -> Option<String> {
        let v = &self.value;
        let year: i32 = v[..4].parse().ok()?;
        if u == Unit::Year {
            // "a year earlier": the year, or the same quarter (1989-Q3 → 1988-Q3)
            let rest = self.quarter().map_or("", |(_, q)| q);
            let dash = if rest.is_empty() { "" } else { "-" };
            return Some(format!("{:04}{dash}{rest}", year as i64 + n));
        }
        if u == Unit::Month && v.len() == 7 {
            // "March 1998 ... that month"
            let (y, m) = add_months(year, v.get(5..7)?.parse().ok()?, n);
            return Some(format!("{y:04}-{m:02}"));
        }
        let d = Date::parse(v.get(..10)?)?;
        Some(shift(Some(d), n, u))
    }
}

// ---------------------------------------------------------------------------
// The stage

/// Find and normalize the time expressions of the document, anchored to
/// `dct` (the publication date); DATE and TIME ones are also entities.
pub fn find(doc: &mut Document, dct: Option<Date>) {
    let tokens_of = |span: Span| doc.tokens_in(span);
    // cardinal numbers by their first token, from the quantity layer
    let mut number_at: HashMap<usize, Number> = HashMap::new();
    for q in doc.quantities.iter().filter(|q| q.label == Label::Cardinal) {
        let r = tokens_of(q.span);
        if !r.is_empty() {
            let modifier = q.comparator.map(|c| match c {
                Comparator::Approx => "APPROX",
                Comparator::Gt => "MORE_THAN",
                Comparator::Ge => "EQUAL_OR_MORE",
                Comparator::Lt => "LESS_THAN",
                Comparator::Le => "EQUAL_OR_LESS",
            });
            number_at.insert(r.start, (q.value, r.end, modifier));
        }
    }
    // tokens inside a name ("June" in "June Carter")
    let mut in_name = vec![false; doc.tokens.len()];
    for e in &doc.entities {
        if matches!(
            e.label,
            Label::Person | Label::Org | Label::Fac | Label::Gpe | Label::Loc | Label::Norp
        ) {
            in_name[tokens_of(e.span)].fill(true);
        }
    }
    let mut found = Vec::new();
    let mut reference: Option<Reference> = dct.map(|d| Reference {
        value: fmt_day(d),
        topic: None,
        months: false,
    });
    for sent in &doc.sentences {
        let base = sent.tokens.start;
        let lower: Vec<String> = sent
            .tokens
            .clone()
            .map(|i| doc.token_text(i).to_lowercase().replace('’', "'"))
            .collect();
        let numbers = sent
            .tokens
            .clone()
            .filter_map(|i| {
                number_at
                    .get(&i)
                    .filter(|(_, end, _)| *end <= sent.tokens.end)
                    .map(|&(v, end, m)| (i - base, (v, end - base, m)))
            })
            .collect();
        let s = Sent {
            doc,
            base,
            lower,
            numbers,
            in_name: &in_name[sent.tokens.clone()],
            dct,
            tags: OnceCell::new(),
        };
        if let Some(r) = reference.as_mut() {
            r.months = false;
        }
        let mut k = 0;
        while k < s.lower.len() {
            match s.at(k, &reference, true) {
                Some(f) => {
                    debug_assert!(f.start >= k, "matches never reach back");
                    if f.kind == TimeType::Duration && matches!(f.value.as_str(), "P6M" | "P9M") {
                        // "for the nine months ... a year earlier": the year before
                        if let Some(r) = reference.as_mut() {
                            r.months = true;
                        }
                    }
                    if f.kind == TimeType::Date && f.value.len() >= 4 && !f.relative {
                        if let Some(mut r) = Reference::from_value(&f.value) {
                            r.months = reference.as_ref().is_some_and(|old| old.months);
                            r.topic = reference.as_ref().and_then(|old| old.topic.clone());
                            if r.topic.is_none() && r.quarter().is_some() {
                                r.topic = Some(r.value.clone());
                            }
                            reference = Some(r);
                        }
                    }
                    let span = Span::new(
                        doc.tokens[base + f.start].span.start,
                        doc.tokens[base + f.end - 1].span.end,
                    );
                    found.push(Timex {
                        span,
                        kind: f.kind,
                        value: f.value,
                        modifier: f.modifier,
                        anchored: f.anchored,
                    });
                    k = f.end;
                }
                None => k += 1,
            }
        }
    }
    // as in OntoNotes / spaCy, durations and sets are DATE entities too
    for t in &found {
        doc.entities.push(Entity {
            span: t.span,
            label: if t.kind == TimeType::Time {
                Label::Time
            } else {
                Label::Date
            },
            source: "time",
            kind: None,
            country: None,
        });
    }
    doc.times = found;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, expression, type, value) for an article dated Thursday 2020-02-27.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, &str)] = &[
        // the issue's examples
        ("Erdogan said Thursday.", "Thursday", "DATE", "2020-02-27"),
        ("They attacked in December.", "December", "DATE", "2019-12"),
        ("The deal crumbled as of late December last year.", "late December last year", "DATE", "2019-12"),
        ("They signed a deal in September 2018.", "September 2018", "DATE", "2018-09"),
        ("Aid has flowed since 2015.", "2015", "DATE", "2015"),
        ("It was encircled in recent weeks.", "recent weeks", "DURATION", "PXW"),
        ("He arrived two days ago.", "two days ago", "DATE", "2020-02-25"),
        ("Violence grew over the past decade.", "the past decade", "DURATION", "P10Y"),
        ("They protest every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
        // weekdays and tense
        ("Two soldiers were killed on Wednesday.", "Wednesday", "DATE", "2020-02-26"),
        ("The talks resumed Monday.", "Monday", "DATE", "2020-02-24"),
        ("The talks will resume on Monday.", "Monday", "DATE", "2020-03-02"),
        ("The minister will visit Ankara on Saturday.", "Saturday", "DATE", "2020-02-29"),
        ("Protesters gathered on Sunday.", "Sunday", "DATE", "2020-02-23"),
        ("He plans to travel on Friday.", "Friday", "DATE", "2020-02-28"),
        ("The vote was held last Tuesday.", "last Tuesday", "DATE", "2020-02-25"),
        ("The vote is next Tuesday.", "next Tuesday", "DATE", "2020-03-03"),
        ("They met last Thursday.", "last Thursday", "DATE", "2020-02-20"),
        ("Shelling began Wednesday night.", "Wednesday night", "TIME", "2020-02-26TNI"),
        ("Rockets fell on Tuesday morning.", "Tuesday morning", "TIME", "2020-02-25TMO"),
        ("Police said Thursday, Feb. 27, 2020 was calm.", "Thursday, Feb. 27, 2020", "DATE", "2020-02-27"),
        // calendar dates
        ("It happened on Feb. 27, 2020.", "Feb. 27, 2020", "DATE", "2020-02-27"),
        ("It happened on February 3, 2019.", "February 3, 2019", "DATE", "2019-02-03"),
        ("It happened on 3 February 2019.", "3 February 2019", "DATE", "2019-02-03"),
        ("It happened on the 3rd of February.", "the 3rd of February", "DATE", "2020-02-03"),
        ("It happened on Jan. 5.", "Jan. 5", "DATE", "2020-01-05"),
        ("The election will be held on Nov. 3.", "Nov. 3", "DATE", "2020-11-03"),
        ("The summit opens March 12.", "March 12", "DATE", "2020-03-12"),
        ("The truce began on Dec. 20.", "Dec. 20", "DATE", "2019-12-20"),
        ("The file is dated 2020-02-27.", "2020-02-27", "DATE", "2020-02-27"),
        ("The file is dated 02/27/2020.", "02/27/2020", "DATE", "2020-02-27"),
        ("The file is dated 27/02/2020.", "27/02/2020", "DATE", "2020-02-27"),
        ("The strike came at 1400 GMT.", "1400 GMT", "TIME", "2020-02-27T14:00"),
        ("He was born on July 4th, 1976.", "July 4th, 1976", "DATE", "1976-07-04"),
        ("It ended in May 2018.", "May 2018", "DATE", "2018-05"),
        ("It ended in March of 2017.", "March of 2017", "DATE", "2017-03"),
        ("The war began in 2011.", "2011", "DATE", "2011"),
        ("The 1990s were calm.", "The 1990s", "DATE", "199"),
        ("Prices rose in the mid-1990s.", "the mid-1990s", "DATE", "199"),
        ("In the early 2000s it grew.", "early 2000s", "DATE", "200"),
        ("Revenue fell in fiscal 2019.", "fiscal 2019", "DATE", "2019"),
        ("This is the 21st century.", "the 21st century", "DATE", "20"),
        // months
        ("Fighting resumed in January.", "January", "DATE", "2020-01"),
        ("The offensive started in early February.", "early February", "DATE", "2020-02"),
        ("Talks will open in April.", "April", "DATE", "2020-04"),
        ("They met last November.", "last November", "DATE", "2019-11"),
        ("They will meet next March.", "next March", "DATE", "2020-03"),
        ("They will meet next January.", "next January", "DATE", "2021-01"),
        ("They meet this June.", "this June", "DATE", "2020-06"),
        ("It collapsed in mid-December.", "mid-December", "DATE", "2019-12"),
        ("It collapsed in December last year.", "December last year", "DATE", "2019-12"),
        ("Troops arrived since the beginning of February.", "the beginning of February", "DATE", "2020-02"),
        ("The plan ends at the end of 2020.", "the end of 2020", "DATE", "2020"),
        ("Talks are set for the end of March.", "the end of March", "DATE", "2020-03"),
        // relative days
        ("The ministry said today.", "today", "DATE", "2020-02-27"),
        ("The ministry said yesterday.", "yesterday", "DATE", "2020-02-26"),
        ("The ministry will respond tomorrow.", "tomorrow", "DATE", "2020-02-28"),
        ("He speaks tonight.", "tonight", "TIME", "2020-02-27TNI"),
        ("It rained this morning.", "this morning", "TIME", "2020-02-27TMO"),
        ("It rained last night.", "last night", "TIME", "2020-02-26TNI"),
        ("It rained yesterday afternoon.", "yesterday afternoon", "TIME", "2020-02-26TAF"),
        ("It began the day before yesterday.", "the day before yesterday", "DATE", "2020-02-25"),
        ("Crowds came this week.", "this week", "DATE", "2020-W09"),
        ("Crowds came last week.", "last week", "DATE", "2020-W08"),
        ("Crowds will come next week.", "next week", "DATE", "2020-W10"),
        ("Prices fell last month.", "last month", "DATE", "2020-01"),
        ("Prices fell this month.", "this month", "DATE", "2020-02"),
        ("Prices will fall next month.", "next month", "DATE", "2020-03"),
        ("Exports grew last year.", "last year", "DATE", "2019"),
        ("Exports grew this year.", "this year", "DATE", "2020"),
        ("Exports will grow next year.", "next year", "DATE", "2021"),
        ("Exports grew earlier this year.", "this year", "DATE", "2020"),
        ("They came this weekend.", "this weekend", "DATE", "2020-W09-WE"),
        ("They rallied over the weekend.", "the weekend", "DATE", "2020-W08-WE"),
        ("Sales fell last quarter.", "last quarter", "DATE", "2019-Q4"),
        ("Growth slowed this summer.", "this summer", "DATE", "2020-SU"),
        ("Growth slowed last winter.", "last winter", "DATE", "2019-WI"),
        ("Growth slowed in the summer of 2018.", "the summer of 2018", "DATE", "2018-SU"),
        ("Earnings rose in the third quarter.", "the third quarter", "DATE", "2019-Q3"),
        ("Earnings rose in the first quarter of 2019.", "the first quarter of 2019", "DATE", "2019-Q1"),
        ("Third-quarter earnings rose.", "Third-quarter", "DATE", "2019-Q3"),
        ("Earnings rose in the first half.", "the first half", "DATE", "2020-H1"),
        ("Earnings fell in the 2019 second quarter.", "the 2019 second quarter", "DATE", "2019-Q2"),
        ("Sales rose in this year's first quarter.", "this year's first quarter", "DATE", "2020-Q1"),
        ("Sales should rise in the current quarter.", "the current quarter", "DATE", "2020-Q1"),
        ("Sales rose in the current year.", "the current year", "DATE", "2020"),
        ("Profit rose in the fourth quarter from the year-ago period.", "the year-ago period", "DATE", "2018-Q4"),
        ("Net rose in the third quarter. After a flat second quarter, sales beat the year-earlier period.", "the year-earlier period", "DATE", "2018-Q3"),
        ("Net fell in the third quarter. It earned $1 million in the 2018 quarter.", "the 2018 quarter", "DATE", "2018-Q3"),
        ("Net fell in the third quarter from the corresponding period last year.", "the corresponding period last year", "DATE", "2018-Q3"),
        ("Net fell in the third quarter; last year's quarter was better.", "last year's quarter", "DATE", "2018-Q3"),
        ("Net fell in the third quarter from the quarter a year ago.", "the quarter a year ago", "DATE", "2018-Q3"),
        // a stretch of months in the sentence: the comparison is with the year before
        ("Net rose in the third quarter. For the nine months, net rose 5% from a year earlier.", "a year earlier", "DATE", "2018"),
        ("Net rose in the third quarter. In the nine months, net was $5 million against $4 million in the 2018 period.", "the 2018 period", "DATE", "2018"),
        ("Net rose in the third quarter. For the first nine months, it compared with year-earlier net of $3 million.", "year-earlier", "DATE", "2018"),
        ("Net rose in the third quarter. For the nine months, net rose 5%. Sales rose from a year earlier.", "a year earlier", "DATE", "2018-Q3"),
        ("Bids are due by 5 p.m. EST, March 6.", "5 p.m. EST, March 6", "TIME", "2020-03-06T17:00"),
        ("He stepped down in October.", "October", "DATE", "2019-10"),
        // ago, earlier, later
        ("Shares are convertible at a premium over Monday's closing price.", "Monday", "DATE", "2020-02-24"),
        ("They will try to get around Wednesday's ruling.", "Wednesday", "DATE", "2020-02-26"),
        ("Saturday's vote will decide it.", "Saturday", "DATE", "2020-02-29"),
        ("Worry may have been behind a drop in its stock on Wednesday.", "Wednesday", "DATE", "2020-02-26"),
        ("It matters for today's youth.", "today", "DATE", "PRESENT_REF"),
        ("Chips of choice in today's personal computers.", "today", "DATE", "PRESENT_REF"),
        ("He left three weeks ago.", "three weeks ago", "DATE", "2020-W06"),
        ("He left a week or so ago.", "a week or so ago", "DATE", "2020-W08"),
        ("He left a year ago.", "a year ago", "DATE", "2019"),
        ("He left six months ago.", "six months ago", "DATE", "2019-08"),
        ("He left a decade ago.", "a decade ago", "DATE", "201"),
        ("He left a few years ago.", "a few years ago", "DATE", "PAST_REF"),
        ("On March 3, 2019 it began; two days later it ended.", "two days later", "DATE", "2019-03-05"),
        ("In 2015 it began; a year later it ended.", "a year later", "DATE", "2016"),
        ("On March 3, 2019 it began; the next day it ended.", "the next day", "DATE", "2019-03-04"),
        // present, past, future references
        ("The rebels now hold the town.", "now", "DATE", "PRESENT_REF"),
        ("The town is currently held by rebels.", "currently", "DATE", "PRESENT_REF"),
        ("The town was recently retaken.", "recently", "DATE", "PAST_REF"),
        ("Such raids were common in the past.", "the past", "DATE", "PAST_REF"),
        ("No talks are planned in the near future.", "the near future", "DATE", "FUTURE_REF"),
        ("Talks are planned in the coming weeks.", "the coming weeks", "DATE", "FUTURE_REF"),
        ("They met this past weekend.", "this past weekend", "DATE", "2020-W08-WE"),
        ("Clashes erupted overnight.", "overnight", "TIME", "2020-02-26TNI"),
        ("They will meet this coming weekend.", "this coming weekend", "DATE", "2020-W09-WE"),
        ("Prices rose in recent years.", "recent years", "DURATION", "PXY"),
        // durations
        ("The siege lasted two weeks.", "two weeks", "DURATION", "P2W"),
        ("The siege lasted 90 days.", "90 days", "DURATION", "P90D"),
        ("The siege lasted three months.", "three months", "DURATION", "P3M"),
        ("The siege lasted nearly two years.", "nearly two years", "DURATION", "P2Y"),
        ("The siege lasted more than a year.", "more than a year", "DURATION", "P1Y"),
        ("The siege lasted several days.", "several days", "DURATION", "PXD"),
        ("The siege lasted a few hours.", "a few hours", "DURATION", "PTXH"),
        ("The siege lasted 48 hours.", "48 hours", "DURATION", "PT48H"),
        ("The siege lasted 30 minutes.", "30 minutes", "DURATION", "PT30M"),
        ("The siege lasted two and a half years.", "two and a half years", "DURATION", "P2Y6M"),
        ("The siege lasted a decade.", "a decade", "DURATION", "P10Y"),
        ("The war lasted two decades.", "two decades", "DURATION", "P20Y"),
        ("He signed a five-year contract.", "five-year", "DURATION", "P5Y"),
        ("They held a 10-hour meeting.", "10-hour", "DURATION", "PT10H"),
        ("Prices doubled over the past 20 years.", "the past 20 years", "DURATION", "P20Y"),
        ("Rates will rise in the next five years.", "the next five years", "DURATION", "P5Y"),
        ("Profits rose in the first nine months.", "the first nine months", "DURATION", "P9M"),
        ("It has been in decline for years.", "years", "DURATION", "PXY"),
        ("Prices rose over the past year.", "the past year", "DURATION", "P1Y"),
        ("The fighting went on for a fortnight.", "a fortnight", "DURATION", "P2W"),
        ("The boy is 12 years old.", "12 years", "DURATION", "P12Y"),
        ("The trial lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
        ("They waited half an hour.", "half an hour", "DURATION", "PT30M"),
        ("The blast lasted a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"),
        ("Sales rose 5% in the fiscal year ended Jan. 31.", "the fiscal year", "DURATION", "P1Y"),
        // years and seasons
        ("It is an 11th century temple.", "11th century", "DATE", "10"),
        ("Sales exceeded fiscal 2019 sales.", "fiscal 2019", "DATE", "2019"),
        ("The deal should close by year-end.", "year-end", "DATE", "2020"),
        ("Profit rose earlier in the year.", "earlier in the year", "DATE", "2020"),
        ("For the year, volume was flat.", "the year", "DATE", "2020"),
        ("Orders were low in the early summer.", "the early summer", "DATE", "2019-SU"),
        ("Output fell well into the summer.", "the summer", "DATE", "2019-SU"),
        // tense: a date ahead, a date behind
        ("The board named him chairman, effective April 1.", "April 1", "DATE", "2020-04-01"),
        ("Trading is to resume Tuesday.", "Tuesday", "DATE", "2020-03-03"),
        ("The first countries to join on Monday were Poland and Hungary.", "Monday", "DATE", "2020-02-24"),
        ("She says the flats, worth $9 million in October, are worth half that now.", "October", "DATE", "2019-10"),
        ("Lenders extended loans through October.", "October", "DATE", "2020-10"),
        ("The agency gave them until Tuesday to sign.", "Tuesday", "DATE", "2020-03-03"),
        ("It has given them until 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME", "2020-03-03T09:00"),
        // a bare clock time is on the day the text last named
        ("The blast was on Friday. It went off at about 10:35 a.m.", "10:35 a.m.", "TIME", "2020-02-21T10:35"),
        ("The bomb went off at 10:35 a.m.", "10:35 a.m.", "TIME", "2020-02-27T10:35"),
        ("The blast came at 4 in the morning.", "4 in the morning", "TIME", "2020-02-27T04:00"),
        ("He will leave at dawn (4 a.m. EDT Monday).", "4 a.m. EDT Monday", "TIME", "2020-03-02T04:00"),
        ("The offer had been scheduled to expire Tuesday.", "Tuesday", "DATE", "2020-02-25"),
        ("He could not be reached for comment on Monday.", "Monday", "DATE", "2020-02-24"),
        ("A minute and a half later, it fell.", "A minute and a half", "DURATION", "PT1M30S"),
        ("It has been so for almost a hundred years.", "almost a hundred years", "DURATION", "P100Y"),
        ("It rained in the last twenty four hours.", "the last twenty four hours", "DURATION", "PT24H"),
        ("The blast came at 8 in the evening.", "8 in the evening", "TIME", "2020-02-27T20:00"),
        ("The blast came at 11 at night.", "11 at night", "TIME", "2020-02-27T23:00"),
        // sets
        ("They meet every week.", "every week", "SET", "P1W"),
        ("They meet every two weeks.", "every two weeks", "SET", "P2W"),
        ("They meet each July.", "each July", "SET", "XXXX-07"),
        ("They meet every other month.", "every other month", "SET", "P2M"),
        ("They meet daily.", "daily", "SET", "P1D"),
        ("The paper appears weekly.", "weekly", "SET", "P1W"),
        ("The index is updated monthly.", "monthly", "SET", "P1M"),
        ("They meet on Mondays.", "Mondays", "SET", "XXXX-WXX-1"),
        ("They meet every morning.", "every morning", "SET", "XXXX-XX-XXTMO"),
        // clock times
        ("The blast came at 3 p.m.", "3 p.m.", "TIME", "2020-02-27T15:00"),
        ("The blast came at 10:30 a.m. local time.", "10:30 a.m. local time", "TIME", "2020-02-27T10:30"),
        ("The blast came at 9 a.m. GMT.", "9 a.m. GMT", "TIME", "2020-02-27T09:00"),
        ("The blast came at 11 pm.", "11 pm", "TIME", "2020-02-27T23:00"),
        ("The curfew starts at 21:00.", "21:00", "TIME", "2020-02-27T21:00"),
        ("The blast came at noon.", "noon", "TIME", "2020-02-27T12:00"),
        ("Polls will close at 8 p.m. Friday.", "8 p.m. Friday", "TIME", "2020-02-28T20:00"),
        ("The blast came at 6 a.m. on Tuesday.", "6 a.m. on Tuesday", "TIME", "2020-02-25T06:00"),
        // holidays
        ("Shops closed on Christmas Day.", "Christmas Day", "DATE", "2019-12-25"),
        ("They celebrated New Year's Eve.", "New Year's Eve", "DATE", "2019-12-31"),
        // years in words
        ("Prices rose in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
        ("It was January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"),
        ("The winter of nineteen ninety-four was cold.", "The winter of nineteen ninety-four", "DATE", "1994-WI"),
        ("He left in nineteen oh five.", "nineteen oh five", "DATE", "1905"),
        ("It will be done by the year two thousand.", "the year two thousand", "DATE", "2000"),
        ("It will be done by the year two thousand and one.", "the year two thousand and one", "DATE", "2001"),
        ("The law passed in twenty nineteen.", "twenty nineteen", "DATE", "2019"),
        ("He was shot last Oct. 23 at his home.", "last Oct. 23", "DATE", "2019-10-23"),
        ("The law takes effect next March 1.", "next March 1", "DATE", "2020-03-01"),
        ("Police will keep searching since the Oct. 23 shooting.", "Oct. 23", "DATE", "2019-10-23"),
        ("Loans have been extended since June.", "June", "DATE", "2019-06"),
        // anaphora: the last time named
        ("He moved in March 1998. Later that year he left.", "that year", "DATE", "1998"),
        ("He moved in March 1998. He left that month.", "that month", "DATE", "1998-03"),
        ("He arrived on Feb. 22. The next morning he left.", "The next morning", "TIME", "2020-02-23TMO"),
        ("He arrived on Feb. 22. That same day he left.", "That same day", "DATE", "2020-02-22"),
        ("He arrived on Feb. 22. That night he left.", "That night", "TIME", "2020-02-22TNI"),
        // counts
        ("Sales fell in the past two quarters.", "the past two quarters", "DURATION", "P2Q"),
        ("It took a couple of years.", "a couple of years", "DURATION", "P2Y"),
        ("Prices will rise over the next couple of years.", "the next couple of years", "DURATION", "P2Y"),
        ("Voters went to the polls on Election Day.", "Election Day", "DATE", "2019-11-05"),
        ("Shops closed on Labor Day.", "Labor Day", "DATE", "2019-09-02"),
        ("They will meet on Memorial Day.", "Memorial Day", "DATE", "2020-05-25"),
        ("They ate turkey on Thanksgiving.", "Thanksgiving", "DATE", "2019-11-28"),
        ("Prices rose in the nineties.", "the nineties", "DATE", "199"),
        ("Sales rose in the current fiscal year.", "the current fiscal year", "DATE", "2020"),
        ("The two-year-long war ended.", "two-year-long", "DURATION", "P2Y"),
        ("It was a multi-year deal.", "multi-year", "DURATION", "PXY"),
        ("He served an additional year.", "an additional year", "DURATION", "P1Y"),
        ("Shares fell for eight trading days.", "eight trading days", "DURATION", "P8D"),
        ("The attorney has scheduled a news conference Friday.", "Friday", "DATE", "2020-02-28"),
        ("The vote is slated for Saturday.", "Saturday", "DATE", "2020-02-29"),
        ("Officials postponed until Tuesday morning any action.", "Tuesday morning", "TIME", "2020-03-03TMO"),
        ("They staged celebrations to mark the entry on Wednesday.", "Wednesday", "DATE", "2020-02-26"),
        ("The union voted to strike on Monday.", "Monday", "DATE", "2020-03-02"),
        ("Protesters planned a large rally on Saturday.", "Saturday", "DATE", "2020-02-29"),
        ("A memorial service planned for Saturday was canceled.", "Saturday", "DATE", "2020-02-22"),
        ("Police said the gunman planned the attack on Monday.", "Monday", "DATE", "2020-02-24"),
        ("Workers are planning a strike on Monday.", "Monday", "DATE", "2020-03-02"),
        ("In the fiscal year ended May 31, the company lost money.", "May 31", "DATE", "2019-05-31"),
        // built on a date
        ("A ruling is due two weeks from now.", "two weeks from now", "DATE", "2020-W11"),
        // business news's short forms
        ("Revenue rose in Q4 2019.", "Q4 2019", "DATE", "2019-Q4"),
        ("Sales in FY2019 fell.", "FY2019", "DATE", "2019"),
        ("The talks resume the week of March 9.", "the week of March 9", "DATE", "2020-W11"),
        ("He left the day before last Tuesday.", "the day before last Tuesday", "DATE", "2020-02-24"),
        ("They met the day after Christmas.", "the day after Christmas", "DATE", "2019-12-26"),
        ("Trading halted mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2020-02-26TAF"),
        ("By mid afternoon, the sources said the town had fallen.", "mid afternoon", "TIME", "2020-02-27TAF"),
        ("Neither he nor his wife could be located Wednesday.", "Wednesday", "DATE", "2020-02-26"),
        ("Churches will fill at Easter.", "Easter", "DATE", "2020-04-12"),
        ("The post-1959 politics split families.", "post-1959", "DATE", "1959"),
        ("They hope for a president by the opening of the 2000 Olympics.", "2000", "DATE", "2000"),
        ("Prices returned to pre-1990s levels.", "pre-1990s", "DATE", "199"),
        ("Crowds will gather on Good Friday.", "Good Friday", "DATE", "2020-04-10"),
        ("Pilgrims will arrive for Easter week.", "Easter week", "DATE", "2020-W15"),
        ("They will have to live without power for a while.", "a while", "DURATION", "PXX"),
        ("No one could be reached for comment Monday.", "Monday", "DATE", "2020-02-24"),
        ("The talks could resume Monday.", "Monday", "DATE", "2020-03-02"),
        ("Prices fell on Friday. Dealers placed orders in the morning to start the day.", "the morning", "TIME", "2020-02-21TMO"),
        ("The attack began on Friday. By midmorning the town had fallen.", "midmorning", "TIME", "2020-02-21TMO"),
        ("Sales rose in the first two quarters of 2019.", "the first two quarters of 2019", "DATE", "2019-H1"),
        // "May" the month
        ("The two presidents signed the treaty last May.", "last May", "DATE", "2019-05"),
        ("The talks are supposed to conclude by May.", "May", "DATE", "2020-05"),
    ];

    fn times_of(sentence: &str, date: Option<&str>) -> Vec<(String, String, String)> {
        let opts = crate::Options {
            date: date.map(str::to_string),
            tokens: false,
            ..Default::default()
        };
        let a = crate::analyze(sentence, &opts).unwrap();
        a.times
            .iter()
            .map(|t| (t.text.clone(), t.kind.to_string(), t.value.clone()))
            .collect()
    }

    #[test]
    fn expressions_normalize_against_the_publication_date() {
        let mut wrong = Vec::new();
        for &(sentence, text, kind, value) in CASES {
            let got = times_of(sentence, Some("2020-02-27"));
            let want = (text.to_string(), kind.to_string(), value.to_string());
            if !got.contains(&want) {
                wrong.push(format!("{sentence:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} of {} wrong:\n{}",
            wrong.len(),
            CASES.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn modifiers() {
        let opts = crate::Options {
            date: Some("2020-02-27".into()),
            tokens: false,
            ..Default::default()
        };
        let text = "It lasted about 18 hours, more than a year after late December, nearly a decade on and at least two weeks before mid-2019.";
        let a = crate::analyze(text, &opts).unwrap();
        let mods: Vec<(&str, Option<&str>)> = a
            .times
            .iter()
            .map(|t| (t.text.as_str(), t.modifier))
            .collect();
        for want in [
            ("about 18 hours", Some("APPROX")),
            ("more than a year", Some("MORE_THAN")),
            ("late December", Some("END")),
            ("nearly a decade", Some("LESS_THAN")),
            ("at least two weeks", Some("EQUAL_OR_MORE")),
            ("mid-2019", Some("MID")),
        ] {
            assert!(mods.contains(&want), "{want:?} not in {mods:?}");
        }
    }

    #[test]
    fn at_least_a_hundred_distinct_expressions() {
        let distinct: std::collections::BTreeSet<&str> = CASES.iter().map(|c| c.1).collect();
        assert!(distinct.len() >= 100, "{}", distinct.len());
    }

    #[test]
    fn without_a_date_relative_expressions_stay_underspecified() {
        for (sentence, want) in [
            ("Erdogan said Thursday.", "XXXX-WXX-4"),
            ("They attacked in December.", "XXXX-12"),
            ("He arrived two days ago.", "XXXX-XX-XX"),
            ("Exports grew last year.", "XXXX"),
            ("It happened on Jan. 5.", "XXXX-01-05"),
            ("The blast came at 3 p.m.", "XXXX-XX-XXT15:00"),
        ] {
            let got = times_of(sentence, None);
            assert_eq!(got.len(), 1, "{sentence}: {got:?}");
            assert_eq!(got[0].2, want, "{sentence}");
        }
        // absolute ones do not need the date
        assert_eq!(times_of("In September 2018.", None)[0].2, "2018-09");
    }

    #[test]
    fn words_that_only_look_like_times_are_left_alone() {
        for sentence in [
            "May they rest in peace.",
            "You may go, and they may stay.",
            "Theresa May spoke.",
            "Nineteen soldiers died.",
            "The 6-year-old boy smiled.",
            "He has twenty twenty vision.",
            "Thousands march on the capital.",
            "June Carter sang.",
            "He will sun himself.",
            "2000 soldiers were deployed.",
            "The Latin Quarter is busy.",
            "Second, the army retreated.",
            "He told ABC's This Week that he would stay.",
            "He spoke to CBS's 60 Minutes.",
            "A second group of directors joined.",
            "The Communist Party daily Granma printed the letter.",
            "He drives an Audi Q3.",
            "The song was an overnight success.",
            "The poster showed Gary Cooper in High Noon.",
            "For Poland, high noon has come.",
            "She runs in the morning and swims.",
            "Once in a while he calls.",
            "The ship reached Easter Island.",
        ] {
            let got = times_of(sentence, Some("2020-02-27"));
            assert!(got.is_empty(), "{sentence}: {got:?}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        let d = |s| days_of(Date::parse(s).unwrap());
        assert_eq!(weekday_of(d("2020-02-27")), 4);
        assert_eq!(iso_week(d("2020-02-27")), (2020, 9));
        assert_eq!(iso_week(d("2021-01-01")), (2020, 53));
        assert_eq!(iso_week(d("2019-12-30")), (2020, 1));
        assert_eq!(civil_from_days(d("2020-02-28") + 1).day, 29);
        // Thanksgiving 2020, Memorial Day 2020 (the last Monday of May)
        assert_eq!(nth_weekday(2020, 11, 4, 4), 26);
        assert_eq!(nth_weekday(2020, 5, 1, 0), 25);
        // Easter Sunday: 2000-04-23, 2019-04-21, 2020-04-12, 2038-04-25
        for e in [
            "2000-04-23",
            "2019-04-21",
            "2020-04-12",
            "2038-04-25",
            "1998-04-12",
        ] {
            assert_eq!(easter(e[..4].parse().unwrap()), d(e), "{e}");
        }
        // 1 November 2016 was a Tuesday: the first Monday is the 7th, Election Day the 8th
        assert_eq!(nth_weekday(2016, 11, 1, 1) + 1, 8);
        assert_eq!(add_months(2020, 1, -2), (2019, 11));
        assert_eq!(duration_value(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Some(1.5), Unit::Week), "P1.5W");
        assert_eq!(duration_value(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Some(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration_value(Some(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration_value(None, Unit::Decade), "PXDE");
        assert_eq!(duration_value(None, Unit::Hour), "PTXH");
    }

    #[test]
    fn time_expressions_are_date_and_time_entities() {
        let opts = crate::Options {
            date: Some("2020-02-27".into()),
            tokens: false,
            ..Default::default()
        };
        let a = crate::analyze(
            "Two soldiers died on Wednesday at 3 p.m. after two days of fighting.",
            &opts,
        )
        .unwrap();
        let labels: Vec<(&str, &str)> = a
            .entities
            .iter()
            .map(|e| (e.text.as_str(), e.label))
            .collect();
        assert!(labels.contains(&("Wednesday", "DATE")), "{labels:?}");
        assert!(labels.contains(&("3 p.m.", "TIME")), "{labels:?}");
        assert!(labels.contains(&("two days", "DATE")), "{labels:?}");
        // "two" is part of the duration, not a separate quantity
        assert!(
            a.quantities.iter().all(|q| q.text != "two" || q.start < 10),
            "{:?}",
            a.quantities
        );
    }
}
