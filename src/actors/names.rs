//! Names as the actor stage compares them: lowercased, accents folded,
//! without "the", a possessive, a person's courtesy title or dots
//! ("the U.S.'s" → `us`, "Erdoğan" → `erdogan`), with what the lexicons
//! know about them.

use crate::lexicon::{actors, fold, places, Actor, Place};

/// A mention's name, normalized.
#[derive(Debug, Clone, Default)]
pub struct Name {
    pub words: Vec<String>,
    /// One word written in capitals, two to six letters: `SAA`, `NATO`.
    pub acronym: bool,
    /// The country a country's or nationality's name stands for (set by
    /// the caller from the entity).
    pub country_code: Option<&'static str>,
    pub actor: Option<&'static Actor>,
    pub place: Option<&'static Place>,
}

/// Titles dropped from the front of a person's name ("Emperor Norton",
/// "Mr. Smith"); alone, such a word stands for the last person it titled.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "madam",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "premier",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "secretary",
    "ambassador",
    "judge",
    "justice",
    "general",
    "admiral",
    "colonel",
    "major",
    "captain",
    "lieutenant",
    "sergeant",
    "commander",
    "gen",
    "sen",
    "rep",
    "gov",
    "sgt",
    "capt",
    "col",
    "lt",
    "st",
    "saint",
    "king",
    "queen",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "prince",
    "princess",
    "duke",
    "duchess",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "sheikh",
    "shah",
    "sultan",
    "emir",
    "chief",
    "coach",
    "doctor",
    "father",
    "brother",
    "sister",
    "rector",
    "officer",
    "detective",
    "agent",
    "inspector",
];

/// Endings after a person's surname ("Daniel Bernoulli FRS", "Martin
/// Luther King Jr.").
const SUFFIXES: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "frs", "phd", "md", "obe", "mbe", "cbe", "kbe", "esq", "qc",
    "kc",
];

/// Company endings dropped from an organization's name.
const COMPANY: &[&str] = &["inc", "corp", "ltd", "llc", "plc", "co"];

/// Words that do not give an acronym its letters.
const SMALL: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "el", "in", "on", "&",
];

/// Surname particles: "al-Assad" is also "Assad".
const PARTICLES: &[&str] = &["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-"];

impl Name {
    /// The words joined by spaces.
    pub fn key(&self) -> String {
        self.words.join(" ")
    }

    /// A person's last word without its particle (`al-assad` → `assad`).
    pub fn surname(&self) -> &str {
        let w = self.words.last().map_or("", String::as_str);
        strip_particle(w)
    }

    /// Two full names of one person: the same surname, and given names
    /// that agree (one list a subsequence of the other, an initial
    /// matching its name): "Recep Tayyip Erdogan" and "Tayyip Erdogan",
    /// "George W. Bush" and "G. Bush"; not "Mark Esper" and "Tom Esper".
    pub fn same_person(&self, other: &Name) -> bool {
        if self.words.len() < 2 || other.words.len() < 2 || self.surname() != other.surname() {
            return false;
        }
        let a = &self.words[..self.words.len() - 1];
        let b = &other.words[..other.words.len() - 1];
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let mut it = long.iter();
        short.iter().all(|s| {
            it.by_ref()
                .any(|l| l == s || initial_of(s, l) || initial_of(l, s))
        })
    }
}

/// `g` is the initial of `george`.
fn initial_of(initial: &str, name: &str) -> bool {
    initial.chars().count() == 1 && name.starts_with(initial) && name.len() > 1
}

fn strip_particle(w: &str) -> &str {
    PARTICLES
        .iter()
        .find_map(|p| w.strip_prefix(p).filter(|r| !r.is_empty()))
        .unwrap_or(w)
}

/// The letters of a name's acronym: "Syrian Arab Army" → `saa`, "Hayat
/// Tahrir al-Sham" → `hts`; none for a name of one word.
pub fn initials(name: &Name) -> Option<String> {
    if name.words.len() < 2 {
        return None;
    }
    let s: String = name
        .words
        .iter()
        .filter(|w| !SMALL.contains(&w.as_str()))
        .filter_map(|w| strip_particle(w).chars().next())
        .collect();
    (s.chars().count() >= 2).then_some(s)
}

/// A name's words; `person` drops courtesy titles.
pub fn name_words(text: &str, person: bool) -> Name {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = !text.contains(char::is_whitespace)
        && (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase());
    let mut words: Vec<String> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.replace('’', "'");
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix('\''))
                .unwrap_or(&w)
                .to_string();
            fold(&w).replace('.', "")
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    if person {
        while words.len() > 1 && TITLES.contains(&words[0].as_str()) {
            words.remove(0);
        }
        while words.len() > 2 && SUFFIXES.contains(&words[words.len() - 1].as_str()) {
            words.pop();
        }
    } else {
        while words.len() > 1 && COMPANY.contains(&words[words.len() - 1].as_str()) {
            words.pop();
        }
    }
    let key = words.join(" ");
    let spaced = key.replace('-', " ");
    let actor = actors()
        .get(&key)
        .or_else(|| actors().get(&spaced))
        .or_else(|| actors().get(&text.to_lowercase()));
    let place = places()
        .get(&key)
        .or_else(|| places().get(&spaced))
        .or_else(|| places().get(&text.to_lowercase()));
    Name {
        words,
        acronym,
        country_code: None,
        actor,
        place,
    }
}
