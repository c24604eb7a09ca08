//! Quantities: cardinal and ordinal numbers, money, percentages and measures,
//! normalized to a value and a comparator.
//!
//! `three` → 3; `2,000` → 2000; `1.5 million` → 1 500 000; `a dozen` → 12;
//! `thousands` → at least 2000; `more than a hundred` → more than 100;
//! `two-thirds` → 0.667; `$2bn` → 2 000 000 000 USD; `3.5%` → 3.5 percent;
//! `21st` / `second` → ordinal. Years, days of the month and clock times are
//! left to the time stage.

use crate::doc::{Comparator, Document, Entity, Label, Quantity, Span, TokenKind};

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Scale abbreviations allowed only right after digits: `2bn`, `$5m`, `10k`.
const SHORT_SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
    ("thousandth", 1000.0),
    ("millionth", 1e6),
];

/// Denominators of fractions: `two-thirds`, `a quarter`, `three fifths`.
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Vague plurals: the least value they can mean.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2e6),
    ("billions", 2e9),
];

/// Comparator phrases before a number, longest first.
const COMPARATORS: &[(&[&str], Comparator)] = &[
    (&["more", "than"], Comparator::Gt),
    (&["greater", "than"], Comparator::Gt),
    (&["well", "over"], Comparator::Gt),
    (&["just", "over"], Comparator::Gt),
    (&["upwards", "of"], Comparator::Gt),
    (&["over"], Comparator::Gt),
    (&["at", "least"], Comparator::Ge),
    (&["no", "fewer", "than"], Comparator::Ge),
    (&["no", "less", "than"], Comparator::Ge),
    (&["fewer", "than"], Comparator::Lt),
    (&["less", "than"], Comparator::Lt),
    (&["under"], Comparator::Lt),
    (&["nearly"], Comparator::Lt),
    (&["almost"], Comparator::Lt),
    (&["just", "under"], Comparator::Lt),
    (&["at", "most"], Comparator::Le),
    (&["up", "to"], Comparator::Le),
    (&["as", "many", "as"], Comparator::Le),
    (&["no", "more", "than"], Comparator::Le),
    (&["about"], Comparator::Approx),
    (&["around"], Comparator::Approx),
    (&["roughly"], Comparator::Approx),
    (&["approximately"], Comparator::Approx),
    (&["approx."], Comparator::Approx),
    (&["some"], Comparator::Approx),
    (&["an", "estimated"], Comparator::Approx),
    (&["estimated"], Comparator::Approx),
    (&["close", "to"], Comparator::Approx),
];

const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₩", "KRW"),
];

/// Currency words: ISO 4217 code, or the currency's name where several
/// countries use it (dinar, peso, shilling).
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("usd", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("eur", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("gbp", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("lire", "TRY"),
    ("riyal", "riyal"),
    ("riyals", "riyal"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("francs", "franc"),
    ("won", "KRW"),
    ("shilling", "shilling"),
    ("shillings", "shilling"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
    ("dinar", "dinar"),
    ("dinars", "dinar"),
    ("dirham", "dirham"),
    ("dirhams", "dirham"),
    ("peso", "peso"),
    ("pesos", "peso"),
    ("reais", "BRL"),
    ("baht", "THB"),
    ("ringgit", "MYR"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
    ("rial", "rial"),
    ("rials", "rial"),
    ("afghani", "AFN"),
    ("afghanis", "AFN"),
    ("taka", "BDT"),
    ("bitcoin", "BTC"),
];

const MEASURE_UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kms", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("m", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("metres", "m"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("ft", "ft"),
    ("foot", "ft"),
    ("feet", "ft"),
    ("kg", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilo", "kg"),
    ("kilos", "kg"),
    ("g", "g"),
    ("grams", "g"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("ton", "t"),
    ("tons", "t"),
    ("tonne", "t"),
    ("tonnes", "t"),
    ("hectare", "ha"),
    ("hectares", "ha"),
    ("acre", "acre"),
    ("acres", "acre"),
    ("barrel", "bbl"),
    ("barrels", "bbl"),
    ("litre", "l"),
    ("litres", "l"),
    ("liter", "l"),
    ("liters", "l"),
    ("gallon", "gal"),
    ("gallons", "gal"),
    ("mw", "MW"),
    ("megawatts", "MW"),
    ("gw", "GW"),
    ("kph", "km/h"),
    ("mph", "mph"),
    ("km/h", "km/h"),
];

/// The value of `word` in a word table.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// Lowercased token texts of one sentence, with `’` folded to `'`.
struct Words<'a> {
    doc: &'a Document,
    lower: Vec<String>,
    /// Token index of `lower[0]`.
    base: usize,
}

impl Words<'_> {
    fn get(&self, k: usize) -> &str {
        self.lower.get(k).map(String::as_str).unwrap_or("")
    }

    fn kind(&self, k: usize) -> Option<TokenKind> {
        (k < self.lower.len()).then(|| self.doc.tokens[self.base + k].kind)
    }

    /// Whether word `k` starts with a capital letter in the text.
    fn capitalized(&self, k: usize) -> bool {
        k < self.lower.len()
            && self
                .doc
                .token_text(self.base + k)
                .starts_with(|c: char| c.is_uppercase())
    }
}

/// Value of a number written with digits: `2,000`, `1.5`; none for dates and times.
fn digits_value(s: &str) -> Option<f64> {
    if s.contains([':', '/']) || s.matches('-').count() > 0 || s.matches('.').count() > 1 {
        return None;
    }
    s.replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A number in words starting at `k`: `twenty-five`, `a hundred`,
/// `three hundred and twelve`, `two million`. Returns value and end.
fn words_value(w: &Words, k: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = k;
    let mut any = false;
    let mut last = 0.0;
    loop {
        let t = w.get(j);
        if let Some(v) = unit_or_compound(t) {
            // "twenty four" written without its hyphen
            let tens_then_unit = (20.0..=90.0).contains(&last) && last % 10.0 == 0.0 && v <= 9.0;
            if any && current % 100.0 != 0.0 && !tens_then_unit {
                break; // "two three" is two numbers
            }
            current += v;
            last = v;
            any = true;
            j += 1;
        } else if (t == "a" || t == "an") && !any && lookup(SCALES, w.get(j + 1)).is_some() {
            current = 1.0;
            any = true;
            j += 1;
        } else if let Some(s) = lookup(SCALES, t).filter(|_| any) {
            if s == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            j += 1;
        } else if t == "and" && any && unit_or_compound(w.get(j + 1)).is_some() && current >= 100.0
        {
            j += 1;
        } else {
            break;
        }
    }
    any.then_some((total + current, j))
}

/// `seven`, `twenty`, or `twenty-five`.
pub(crate) fn unit_or_compound(t: &str) -> Option<f64> {
    if let Some(v) = lookup(UNITS, t) {
        return Some(v);
    }
    let (tens, unit) = t.split_once('-')?;
    let tens = lookup(UNITS, tens).filter(|v| *v >= 20.0 && *v % 10.0 == 0.0)?;
    let unit = lookup(UNITS, unit).filter(|v| *v >= 1.0 && *v <= 9.0)?;
    Some(tens + unit)
}

/// An ordinal word: `first`, `twenty-first`, `21st`.
pub(crate) fn ordinal_value(t: &str) -> Option<f64> {
    if let Some(v) = lookup(ORDINALS, t) {
        return Some(v);
    }
    if let Some((tens, unit)) = t.split_once('-') {
        let tens = lookup(UNITS, tens).filter(|v| *v >= 20.0 && *v % 10.0 == 0.0)?;
        let unit = lookup(ORDINALS, unit).filter(|v| *v <= 9.0)?;
        return Some(tens + unit);
    }
    let digits = t
        .strip_suffix("st")
        .or(t.strip_suffix("nd"))
        .or(t.strip_suffix("rd"))
        .or(t.strip_suffix("th"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<f64>().ok()
}

/// `1/2`, `3/4`: a fraction below one written with a slash.
fn proper_fraction(t: &str) -> Option<f64> {
    let (a, b) = t.split_once('/')?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (a >= 1 && a < b && b <= 16).then(|| f64::from(a) / f64::from(b))
}

/// `two-thirds`, `three-quarters`, `one-half`.
fn hyphenated_fraction(t: &str) -> Option<f64> {
    let (num, den) = t.split_once('-')?;
    let num = lookup(UNITS, num).filter(|v| *v >= 1.0)?;
    let den = lookup(FRACTIONS, den)?;
    Some(num / den)
}

struct Core {
    value: f64,
    end: usize,
    vague: Option<Comparator>,
    ordinal: bool,
}

/// The number itself at `k`, without comparator, currency or unit.
fn core(w: &Words, k: usize) -> Option<Core> {
    let t = w.get(k);
    let plain = |value, end| {
        Some(Core {
            value,
            end,
            vague: None,
            ordinal: false,
        })
    };
    if w.kind(k) == Some(TokenKind::Number) {
        if let Some(v) = ordinal_value(t) {
            return Some(Core {
                value: v,
                end: k + 1,
                vague: None,
                ordinal: true,
            });
        }
        let v = digits_value(t)?;
        let mut end = k + 1;
        let mut value = v;
        // a mixed number: "2 1/2 years"
        if let Some(f) = proper_fraction(w.get(end)).filter(|_| !t.contains(['.', '/'])) {
            value += f;
            end += 1;
        }
        if let Some(s) = lookup(SCALES, w.get(end)).filter(|s| *s > 100.0) {
            value *= s;
            end += 1;
        } else if let Some(s) =
            lookup(SHORT_SCALES, w.get(end)).filter(|_| !w.doc.tokens[w.base + k].space_after)
        {
            value *= s;
            end += 1;
        }
        return plain(value, end);
    }
    if let Some(v) = ordinal_value(t) {
        let prev = if k > 0 { w.get(k - 1) } else { "" };
        let fraction =
            matches!(prev, "a" | "one" | "per" | "every") || (t == "second" && prev == "split");
        return (!fraction).then_some(Core {
            value: v,
            end: k + 1,
            vague: None,
            ordinal: true,
        });
    }
    // tens of thousands, hundreds of thousands
    if let Some(least) = lookup(VAGUE, t) {
        if w.get(k + 1) == "of" {
            if let Some(big) = lookup(VAGUE, w.get(k + 2)) {
                if big > least {
                    return Some(Core {
                        value: least / 2.0 * big,
                        end: k + 3,
                        vague: Some(Comparator::Ge),
                        ordinal: false,
                    });
                }
            }
        }
        if t == "scores" && w.get(k + 1) != "of" {
            return None;
        }
        return Some(Core {
            value: least,
            end: k + 1,
            vague: Some(Comparator::Ge),
            ordinal: false,
        });
    }
    if t == "tens" && w.get(k + 1) == "of" {
        let big = lookup(VAGUE, w.get(k + 2)).filter(|b| *b >= 2000.0)?;
        return Some(Core {
            value: 10.0 * big,
            end: k + 3,
            vague: Some(Comparator::Ge),
            ordinal: false,
        });
    }
    if let Some(v) = hyphenated_fraction(t) {
        return plain(v, k + 1);
    }
    // a dozen, half a dozen, three dozen
    if t == "dozen" {
        return None;
    }
    let (mult, after) = match t {
        "half" if w.get(k + 1) == "a" => (0.5, k + 2),
        "a" | "an" => (1.0, k + 1),
        _ => (0.0, k),
    };
    if mult > 0.0 {
        if w.get(after) == "dozen" {
            return plain(mult * 12.0, after + 1);
        }
        if t == "half" {
            if let Some(s) = lookup(SCALES, w.get(after)).filter(|s| *s >= 1e3) {
                return plain(0.5 * s, after + 1);
            }
        }
    }
    let (v, end) = words_value(w, k)?;
    if w.get(end) == "dozen" {
        return plain(v * 12.0, end + 1);
    }
    // "two thirds", "three quarters of"; without "of", "two quarters" are
    // periods of a year ("the past two quarters")
    if let Some(den) = lookup(FRACTIONS, w.get(end)) {
        let periods = w.get(end).starts_with("quarter") && w.get(end + 1) != "of";
        if v >= 1.0 && v < den && !(t == "a" || t == "an") && !periods {
            return plain(v / den, end + 1);
        }
    }
    plain(v, end)
}

fn is_year_like(w: &Words, k: usize, value: f64) -> bool {
    let t = w.get(k);
    let four_digits = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    if !four_digits || !(1000.0..=2100.0).contains(&value) {
        return false;
    }
    // "2000 soldiers" is a count; "in 2011" and "2011 was" are years, and
    // so is "the 2000 Olympics" (a name after the article and the number)
    let next = w.get(k + 1);
    let plural_noun = next.len() > 3 && next.ends_with('s') && next.chars().all(char::is_lowercase);
    let named = k > 0 && w.get(k - 1) == "the" && w.capitalized(k + 1);
    !plural_noun || named
}

fn is_day_of_month(w: &Words, k: usize, value: f64) -> bool {
    if !(1.0..=31.0).contains(&value) || value.fract() != 0.0 {
        return false;
    }
    let prev = if k > 0 { w.get(k - 1) } else { "" };
    let month = |t: &str| crate::time::month_number(t).is_some();
    month(prev) || month(w.get(k + 1)) || (w.get(k + 1) == "of" && month(w.get(k + 2)))
}

/// `one` used as a pronoun: `one another`, `no one`, `the one`, `this one`.
fn is_pronoun_one(w: &Words, k: usize, end: usize) -> bool {
    if w.get(k) != "one" || end != k + 1 {
        return false;
    }
    let prev = if k > 0 { w.get(k - 1) } else { "" };
    matches!(w.get(k + 1), "another" | "'s")
        || matches!(
            prev,
            "no" | "the"
                | "this"
                | "that"
                | "each"
                | "every"
                | "any"
                | "which"
                | "last"
                | "only"
                | "little"
        )
}

/// Try to read a quantity starting at word `k`; returns it and the word after it.
fn parse_at(w: &Words, k: usize) -> Option<(Quantity, usize)> {
    let mut j = k;
    let mut comparator = None;
    for (phrase, c) in COMPARATORS {
        if phrase.iter().enumerate().all(|(n, p)| w.get(j + n) == *p) {
            comparator = Some(*c);
            j += phrase.len();
            break;
        }
    }
    let mut currency = None;
    if w.get(j) == "us" && w.get(j + 1) == "$" {
        currency = Some("USD");
        j += 2;
    } else if let Some(c) = lookup(CURRENCY_SYMBOLS, w.get(j)) {
        currency = Some(c);
        j += 1;
    }
    let core = core(w, j)?;
    let start_core = j;
    if is_pronoun_one(w, start_core, core.end) {
        return None;
    }
    if core.ordinal {
        if comparator.is_some() || currency.is_some() {
            return None;
        }
        return Some((
            quantity(w, k, core.end, Label::Ordinal, core.value, None, None),
            core.end,
        ));
    }
    if currency.is_none()
        && core.end == start_core + 1
        && w.kind(start_core) == Some(TokenKind::Number)
        && (is_year_like(w, start_core, core.value) || is_day_of_month(w, start_core, core.value))
    {
        return None;
    }
    let comparator = comparator.or(core.vague);
    let mut end = core.end;
    let next = w.get(end);
    let (label, unit) = if let Some(c) = currency {
        // "$2 million dollars" is rare; take a trailing currency word if present
        if lookup(CURRENCY_WORDS, next).is_some() {
            end += 1;
        }
        (Label::Money, Some(c))
    } else if next == "%" || next == "percent" || next == "pct" {
        end += 1;
        (Label::Percent, None)
    } else if next == "per" && w.get(end + 1) == "cent" {
        end += 2;
        (Label::Percent, None)
    } else if let Some(c) = lookup(CURRENCY_WORDS, next)
        .filter(|_| next != "won" || w.kind(start_core) == Some(TokenKind::Number))
    {
        end += 1;
        (Label::Money, Some(c))
    } else if let Some(u) = lookup(MEASURE_UNITS, next) {
        end += 1;
        (Label::Quantity, Some(u))
    } else {
        (Label::Cardinal, None)
    };
    Some((
        quantity(w, k, end, label, core.value, comparator, unit),
        end,
    ))
}

fn quantity(
    w: &Words,
    k: usize,
    end: usize,
    label: Label,
    value: f64,
    comparator: Option<Comparator>,
    unit: Option<&'static str>,
) -> Quantity {
    let tokens = &w.doc.tokens;
    Quantity {
        span: Span::new(
            tokens[w.base + k].span.start,
            tokens[w.base + end - 1].span.end,
        ),
        label,
        value,
        comparator,
        unit,
        counted: None,
    }
}

/// A word that can start a quantity (a cheap filter before parsing).
fn may_start(w: &Words, k: usize) -> bool {
    let t = w.get(k);
    w.kind(k) == Some(TokenKind::Number)
        || lookup(CURRENCY_SYMBOLS, t).is_some()
        || COMPARATORS.iter().any(|(p, _)| p[0] == t)
        || lookup(UNITS, t).is_some()
        || unit_or_compound(t).is_some()
        || lookup(ORDINALS, t).is_some()
        || ordinal_value(t).is_some()
        || lookup(VAGUE, t).is_some()
        || hyphenated_fraction(t).is_some()
        || matches!(t, "a" | "an" | "half" | "tens" | "us")
}

/// Find and normalize the quantities of every sentence; numeric entities
/// (CARDINAL, ORDINAL, MONEY, PERCENT, QUANTITY) are added to the entities.
pub fn find(doc: &mut Document) {
    let mut found = Vec::new();
    for sent in &doc.sentences {
        let lower: Vec<String> = sent
            .tokens
            .clone()
            .map(|i| doc.token_text(i).to_lowercase().replace('’', "'"))
            .collect();
        let w = Words {
            doc,
            lower,
            base: sent.tokens.start,
        };
        let mut k = 0;
        while k < w.lower.len() {
            if may_start(&w, k) {
                if let Some((q, end)) = parse_at(&w, k) {
                    found.push(q);
                    k = end.max(k + 1);
                    continue;
                }
            }
            k += 1;
        }
    }
    for q in &mut found {
        q.counted = counted(doc, q);
    }
    for q in &found {
        doc.entities.push(Entity {
            span: q.span,
            label: q.label,
            source: "quantity",
            kind: None,
            country: None,
        });
    }
    doc.quantities = found;
}

/// What a cardinal number counts, read off the parse: the noun it
/// modifies with the words between ("three Turkish soldiers" → "Turkish
/// soldiers", "more than a hundred towns" → "towns"), or the noun after its
/// "of" ("thousands of soldiers" → "soldiers"). `None` for other labels, a
/// number that counts nothing named, or a document without a parse.
fn counted(doc: &Document, q: &Quantity) -> Option<Span> {
    if q.label != Label::Cardinal || doc.heads.len() != doc.tokens.len() {
        return None;
    }
    let r = doc.tokens_in(q.span);
    let last = r.end.checked_sub(1).filter(|&l| l >= r.start)?;
    let tagger = crate::tag::Tagger::embedded();
    let noun = |k: usize| {
        let class = doc.pos.get(k).copied().unwrap_or(0) as usize;
        matches!(tagger.names(class).0, "NOUN" | "PROPN")
    };
    // "three [Turkish] soldiers": a number token of the quantity modifies a noun after it
    let head = r.clone().find_map(|k| {
        let h = doc.heads[k]?;
        (doc.deprels[k] == "nummod" && h > last && h - last <= 4 && noun(h)).then_some(h)
    });
    let (from, to) = match head {
        Some(h) => (last + 1, h),
        None => {
            // "thousands of soldiers": the number's nmod with "of"
            let of = (last + 1 < doc.tokens.len()
                && doc.token_text(last + 1).eq_ignore_ascii_case("of"))
            .then_some(last + 1)?;
            let n = (of + 1..doc.tokens.len().min(of + 5)).find(|&c| {
                doc.heads[c] == Some(last) && doc.deprels[c].starts_with("nmod") && noun(c)
            })?;
            (of + 1, n)
        }
    };
    Some(Span::new(
        doc.tokens[from].span.start,
        doc.tokens[to].span.end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, label, value, comparator, unit)
    type Found = (
        String,
        &'static str,
        f64,
        Option<&'static str>,
        Option<&'static str>,
    );

    fn quantities(text: &str) -> Vec<Found> {
        let mut doc = Document::new(text);
        crate::tokenize::tokenize(&mut doc);
        crate::sentences::split(&mut doc);
        find(&mut doc);
        doc.quantities
            .iter()
            .map(|q| {
                (
                    doc.slice(q.span).to_string(),
                    q.label.as_str(),
                    q.value,
                    q.comparator.map(Comparator::as_str),
                    q.unit,
                )
            })
            .collect()
    }

    #[test]
    fn a_number_says_what_it_counts() {
        let counted_in = |text: &str| -> Vec<(String, Option<String>)> {
            let a = crate::analyze(text, &crate::Options::default()).unwrap();
            a.quantities
                .into_iter()
                .map(|q| (q.text, q.counted.map(|c| c.text)))
                .collect()
        };
        let got = counted_in("Three Turkish soldiers were killed and thousands of civilians fled.");
        assert_eq!(
            got,
            [
                ("Three".to_string(), Some("Turkish soldiers".to_string())),
                ("thousands".to_string(), Some("civilians".to_string())),
            ]
        );
        let got = counted_in("Rebels took more than a hundred towns. The vote was 52 percent.");
        assert_eq!(got[0].1.as_deref(), Some("towns"), "{got:?}");
        assert_eq!(got[1].1, None, "{got:?}");
    }

    #[track_caller]
    fn one(text: &str, span: &str, label: &str, value: f64, cmp: Option<&str>) {
        let got = quantities(text);
        assert_eq!(got.len(), 1, "{text:?} gave {got:?}");
        let (s, l, v, c, _) = &got[0];
        assert_eq!((s.as_str(), *l, *c), (span, label, cmp), "{text:?}");
        assert!(
            (v - value).abs() < 1e-9 * value.abs().max(1.0),
            "{text:?}: {v} != {value}"
        );
    }

    #[test]
    fn number_words() {
        one("Three soldiers died", "Three", "CARDINAL", 3.0, None);
        one("twenty-five people", "twenty-five", "CARDINAL", 25.0, None);
        one(
            "three hundred and twelve cars",
            "three hundred and twelve",
            "CARDINAL",
            312.0,
            None,
        );
        one("two million people", "two million", "CARDINAL", 2e6, None);
        one("a hundred towns", "a hundred", "CARDINAL", 100.0, None);
    }

    #[test]
    fn digits_with_separators_and_scales() {
        one("2,000 troops", "2,000", "CARDINAL", 2000.0, None);
        one(
            "1,000.5 liters of fuel",
            "1,000.5 liters",
            "QUANTITY",
            1000.5,
            None,
        );
        one(
            "1.5 million refugees",
            "1.5 million",
            "CARDINAL",
            1.5e6,
            None,
        );
    }

    #[test]
    fn dozens_and_vague_plurals() {
        one("a dozen villages", "a dozen", "CARDINAL", 12.0, None);
        one("half a dozen", "half a dozen", "CARDINAL", 6.0, None);
        one("dozens of people", "dozens", "CARDINAL", 24.0, Some("ge"));
        one(
            "thousands of soldiers",
            "thousands",
            "CARDINAL",
            2000.0,
            Some("ge"),
        );
        one(
            "tens of thousands of people",
            "tens of thousands",
            "CARDINAL",
            20000.0,
            Some("ge"),
        );
        one(
            "hundreds of thousands fled",
            "hundreds of thousands",
            "CARDINAL",
            200000.0,
            Some("ge"),
        );
    }

    #[test]
    fn comparators() {
        one(
            "more than a hundred towns",
            "more than a hundred",
            "CARDINAL",
            100.0,
            Some("gt"),
        );
        one(
            "at least 15 people",
            "at least 15",
            "CARDINAL",
            15.0,
            Some("ge"),
        );
        one(
            "nearly 300 homes",
            "nearly 300",
            "CARDINAL",
            300.0,
            Some("lt"),
        );
        one(
            "some 3,000 fighters",
            "some 3,000",
            "CARDINAL",
            3000.0,
            Some("approx"),
        );
        one("up to 40 trucks", "up to 40", "CARDINAL", 40.0, Some("le"));
        one(
            "fewer than ten",
            "fewer than ten",
            "CARDINAL",
            10.0,
            Some("lt"),
        );
    }

    #[test]
    fn comparator_without_number_is_nothing() {
        assert!(quantities("some areas and more than words").is_empty());
    }

    #[test]
    fn fractions() {
        one(
            "two-thirds of voters",
            "two-thirds",
            "CARDINAL",
            2.0 / 3.0,
            None,
        );
        one(
            "three quarters of them",
            "three quarters",
            "CARDINAL",
            0.75,
            None,
        );
        one(
            "half a million people",
            "half a million",
            "CARDINAL",
            5e5,
            None,
        );
        one("2 1/2 miles away", "2 1/2 miles", "QUANTITY", 2.5, None);
        one("3 3/4 percent", "3 3/4 percent", "PERCENT", 3.75, None);
        one("twenty four people", "twenty four", "CARDINAL", 24.0, None);
    }

    #[test]
    fn money() {
        let got = quantities("$2bn in aid");
        assert_eq!(got, vec![("$2bn".into(), "MONEY", 2e9, None, Some("USD"))]);
        one("€1.5 million", "€1.5 million", "MONEY", 1.5e6, None);
        one(
            "about 20 dollars",
            "about 20 dollars",
            "MONEY",
            20.0,
            Some("approx"),
        );
        one("US$ 300", "US$ 300", "MONEY", 300.0, None);
        one("5 billion euros", "5 billion euros", "MONEY", 5e9, None);
    }

    #[test]
    fn percent() {
        one("rose 3.5% today", "3.5%", "PERCENT", 3.5, None);
        one("fell 12 percent", "12 percent", "PERCENT", 12.0, None);
        one("up 4 per cent", "4 per cent", "PERCENT", 4.0, None);
    }

    #[test]
    fn measures() {
        let got = quantities("a convoy 30 km long");
        assert_eq!(
            got,
            vec![("30 km".into(), "QUANTITY", 30.0, None, Some("km"))]
        );
    }

    #[test]
    fn ordinals() {
        one("their second day", "second", "ORDINAL", 2.0, None);
        one("the 21st century", "21st", "ORDINAL", 21.0, None);
        one(
            "the twenty-first time",
            "twenty-first",
            "ORDINAL",
            21.0,
            None,
        );
    }

    #[test]
    fn years_and_days_are_not_cardinals() {
        assert!(quantities("since the uprising began in 2011").is_empty());
        assert!(quantities("in September 2018").is_empty());
        assert!(quantities("on February 27 and 3 March").is_empty());
        assert!(quantities("at 10:30 on 2020-02-27").is_empty());
        one("2000 soldiers", "2000", "CARDINAL", 2000.0, None);
        one("2000 Marines landed", "2000", "CARDINAL", 2000.0, None);
        assert!(quantities("the opening of the 2000 Olympics").is_empty());
    }

    #[test]
    fn pronoun_one_is_not_a_number() {
        assert!(quantities("they accuse one another").is_empty());
        assert!(quantities("no one came").is_empty());
        one("one of the soldiers", "one", "CARDINAL", 1.0, None);
    }

    #[test]
    fn article_alone_is_not_a_number() {
        assert!(quantities("a civilian contractor").is_empty());
        assert!(quantities("a lot of people").is_empty());
    }

    #[test]
    fn several_in_one_sentence() {
        let got = quantities("five Turkish soldiers and two civilians");
        let vals: Vec<f64> = got.iter().map(|q| q.2).collect();
        assert_eq!(vals, vec![5.0, 2.0]);
    }
}
