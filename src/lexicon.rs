//! The embedded lexicons, parsed once: the place gazetteer
//! (`models/gazetteer.tsv`), the actor list (`models/actors.tsv`), the
//! agent nouns (`models/agents.tsv`), the
//! given names (`models/given_names.txt`) and how often words are
//! capitalized (`models/capitalization.tsv`), all built by
//! `tools/build_gazetteer.py`.
//!
//! A [`PhraseTable`] maps a name, tokenized the way text is and lowercased,
//! to a value; it finds the longest name starting at a token.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::doc::{Document, Label};

const GAZETTEER_TSV: &str = include_str!("../models/gazetteer.tsv");
const ACTORS_TSV: &str = include_str!("../models/actors.tsv");
const AGENTS_TSV: &str = include_str!("../models/agents.tsv");
const GIVEN_NAMES: &str = include_str!("../models/given_names.txt");
const CAPITALIZATION_TSV: &str = include_str!("../models/capitalization.tsv");
const CLUSTERS_TSV: &str = include_str!("../models/clusters.tsv");

/// FNV-1a over the bytes, mixed at the end: the tables here are fixed
/// and built from the project's own files, so a keyed hash buys nothing,
/// and words are hashed at every token of every stage.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51afd7ed558ccd);
        x ^= x >> 33;
        x
    }
}

/// A map keyed by words.
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A set of words.
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// Names of several tokens, looked up longest first.
pub struct PhraseTable<V> {
    names: WordMap<String, V>,
    first_words: WordSet<String>,
    max_tokens: usize,
}

impl<V> PhraseTable<V> {
    fn new() -> PhraseTable<V> {
        PhraseTable {
            names: WordMap::default(),
            first_words: WordSet::default(),
            max_tokens: 1,
        }
    }

    /// Insert a name (raw text); returns false when it has no tokens.
    fn insert_with(&mut self, name: &str, f: impl FnOnce(Option<V>) -> V) -> bool {
        let words = name_tokens(name);
        if words.is_empty() {
            return false;
        }
        self.max_tokens = self.max_tokens.max(words.len());
        self.first_words.insert(words[0].clone());
        let key = words.join(" ");
        let old = self.names.remove(&key);
        self.names.insert(key, f(old));
        true
    }

    /// Insert a name (raw text) that no name of the table has yet.
    fn insert_absent(&mut self, name: &str, v: V) {
        let words = name_tokens(name);
        let key = words.join(" ");
        if words.is_empty() || self.names.contains_key(&key) {
            return;
        }
        self.max_tokens = self.max_tokens.max(words.len());
        self.first_words.insert(words[0].clone());
        self.names.insert(key, v);
    }

    /// Whether some name starts with this lowercased word.
    pub fn starts_with_word(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The value of a lowercased, space-joined key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.names.get(key)
    }

    /// The longest name starting at `words[0]` (words already lowercased by
    /// [`lower_key`]), with its length in words; `accept` may reject a match.
    pub fn longest<'a, S: AsRef<str>>(
        &'a self,
        words: &[S],
        mut accept: impl FnMut(usize, &'a V) -> bool,
    ) -> Option<(usize, &'a V)> {
        let first = words.first()?.as_ref();
        if !self.first_words.contains(first) {
            return None;
        }
        let mut key = String::with_capacity(32);
        let mut best = None;
        for (n, w) in words.iter().take(self.max_tokens).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(w.as_ref());
            if let Some(v) = self.names.get(&key) {
                if accept(n + 1, v) {
                    best = Some((n + 1, v));
                }
            }
        }
        best
    }
}

/// A name tokenized the way text is, lowercased.
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut doc = Document::new(name);
    crate::tokenize::tokenize(&mut doc);
    doc.tokens
        .iter()
        .map(|t| lower_key(doc.slice(t.span)))
        .collect()
}

/// The lookup form of a token: lowercased, curly apostrophe made straight.
pub fn lower_key(s: &str) -> String {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return s.to_string();
    }
    s.to_lowercase().replace('’', "'")
}

/// A place, region, nationality or group of the gazetteer.
#[derive(Debug)]
pub struct Place {
    pub label: Label,
    pub kind: &'static str,
    pub country: Option<&'static str>,
    /// Written in capitals in the gazetteer: must match in capitals.
    pub acronym: bool,
    /// Latitude and longitude (GeoNames, one decimal) of a city.
    pub coords: Option<(f32, f32)>,
    /// A country's capital (it may stand for the country's government).
    pub capital: bool,
}

/// A person or organization of the actor list.
#[derive(Debug)]
pub struct Actor {
    pub label: Label,
    /// CAMEO actor code (`TURGOV`, `IGOUNO`); for a person, the code
    /// outside the dates of `dated`.
    pub code: &'static str,
    /// A person's codes by date, as `tools/build_gazetteer.py` writes them:
    /// `~ELI:720101-021118 ~GOV:030314-` (`~` adds the sector to the
    /// country of `code`; dates YYMMDD or YYYYMMDD, the end exclusive).
    pub dated: &'static str,
    /// Names of one dictionary entry share a group number (NATO and North
    /// Atlantic Treaty Organization); 0 for none.
    pub group: u32,
}

impl Actor {
    /// The code that holds on `date` (`YYYYMMDD` as a number); without a
    /// date, the latest open-ended code (the one that holds today), else
    /// `code`.
    pub fn code_on(&self, date: Option<u32>) -> String {
        let mut chosen: Option<&str> = None;
        for part in self.dated.split(' ').filter(|p| !p.is_empty()) {
            let (code, when) = part.split_once(':').unwrap_or((part, ""));
            let (from, to) = when.split_once('-').unwrap_or(("", ""));
            let holds = match date {
                Some(d) => {
                    !when.is_empty()
                        && phoenix_date(from).is_none_or(|f| f <= d)
                        && phoenix_date(to).is_none_or(|t| d < t)
                }
                None => !from.is_empty() && to.is_empty(),
            };
            if holds {
                chosen = Some(code);
                if date.is_some() {
                    break;
                }
            }
        }
        match chosen {
            Some(c) if c.starts_with('~') => {
                format!("{}{}", &self.code[..3.min(self.code.len())], &c[1..])
            }
            Some(c) => c.to_string(),
            None => self.code.to_string(),
        }
    }
}

/// A Phoenix dictionary date as YYYYMMDD: six digits are YYMMDD, 19YY after
/// 30 and 20YY up to it (the dictionaries date from 2014).
pub fn phoenix_date(s: &str) -> Option<u32> {
    let n: u32 = s.parse().ok()?;
    match s.len() {
        6 if n / 10_000 <= 30 => Some(20_000_000 + n),
        6 => Some(19_000_000 + n),
        8 => Some(n),
        _ => None,
    }
}

/// The place gazetteer. A name marked `fold` also stands under its
/// unaccented form ("Alī Ābād" as "Ali Abad"), a row the gazetteer leaves
/// out (tools/build_gazetteer.py).
pub fn places() -> &'static PhraseTable<Place> {
    static T: OnceLock<PhraseTable<Place>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = PhraseTable::new();
        let mut accented = Vec::new();
        for cols in tsv::<7>(GAZETTEER_TSV) {
            let [name, label, kind, cc, lat, lon, flags] = cols;
            let label = match label {
                "GPE" => Label::Gpe,
                "LOC" => Label::Loc,
                "NORP" => Label::Norp,
                _ => continue,
            };
            let acronym = name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let coords = lat.parse().ok().zip(lon.parse().ok());
            let place = || Place {
                label,
                kind,
                country: (!cc.is_empty()).then_some(cc),
                acronym,
                coords,
                capital: flags.split(' ').any(|f| f == "capital"),
            };
            t.insert_with(name, |_| place());
            if flags.split(' ').any(|f| f == "fold") {
                accented.push((fold_accents(name), place()));
            }
        }
        for (folded, place) in accented {
            t.insert_absent(&folded, place);
        }
        t
    })
}

/// Lowercase, with the accents of Latin letters folded (`Erdoğan` →
/// `erdogan`, `Pérez` → `perez`).
pub fn fold(w: &str) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// The accents of Latin letters folded, the case kept (`Alī Ābād` → `Ali
/// Abad`). tools/build_gazetteer.py folds as this does (`lede_fold`): keep
/// the two alike.
pub fn fold_accents(w: &str) -> String {
    w.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if fold_char(l) != l => {
                    let plain = fold_char(l);
                    if l == c {
                        plain
                    } else {
                        plain.to_ascii_uppercase()
                    }
                }
                _ => c,
            }
        })
        .collect()
}

/// A lowercase letter without its accent.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '‘' | '`' => '\'',
        '–' | '—' => '-',
        c => c,
    }
}

/// The actor list: people and organizations with CAMEO codes.
pub fn actors() -> &'static PhraseTable<Actor> {
    static T: OnceLock<PhraseTable<Actor>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = PhraseTable::new();
        for [name, label, code, dated, group] in tsv::<5>(ACTORS_TSV) {
            let label = match label {
                "PER" => Label::Person,
                "ORG" => Label::Org,
                _ => continue,
            };
            let group = group.parse().unwrap_or(0);
            t.insert_with(name, |_| Actor {
                label,
                code,
                dated,
                group,
            });
        }
        t
    })
}

/// The country codes of the gazetteer's countries.
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    tsv::<4>(GAZETTEER_TSV)
        .filter(|[_, _, kind, cc]| *kind == "country" && !cc.is_empty())
        .map(|[_, _, _, cc]| cc)
}

/// Agent nouns of the Phoenix agents dictionary with their CAMEO sector:
/// `soldier` → `~MIL`, `defense minister` → `~GOVMIL`, `peacekeeping troops`
/// → `IGO~` (`~` marks where a country's code goes). Keys are lowercase
/// singular words joined by spaces.
pub fn agents() -> &'static PhraseTable<&'static str> {
    static T: OnceLock<PhraseTable<&'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = PhraseTable::new();
        for [phrase, code] in tsv::<2>(AGENTS_TSV) {
            t.insert_with(phrase, |_| code);
        }
        t
    })
}

/// Whether a lowercased word is a known given name (`phillip`, `renee`).
pub fn is_given_name(lower: &str) -> bool {
    static S: OnceLock<WordSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
    .contains(lower)
}

/// How often a lowercased word is capitalized mid-sentence in the training
/// text: `b'A'` always, `b'M'` mostly, `b'S'` sometimes, `b'L'` rarely; none
/// when it was seen less than twice.
pub fn capitalization(lower: &str) -> Option<u8> {
    static M: OnceLock<WordMap<&'static str, u8>> = OnceLock::new();
    M.get_or_init(|| {
        tsv::<2>(CAPITALIZATION_TSV)
            .filter_map(|[w, b]| Some((w, *b.as_bytes().first()?)))
            .collect()
    })
    .get(lower)
    .copied()
}

/// The distributional clusters of a lowercased word (coarse, fine), from
/// `tools/build_clusters.py`; none for words seen less than three times.
pub fn clusters(lower: &str) -> Option<(u16, u16)> {
    static M: OnceLock<WordMap<&'static str, (u16, u16)>> = OnceLock::new();
    M.get_or_init(|| {
        tsv::<3>(CLUSTERS_TSV)
            .filter_map(|[w, c, f]| Some((w, (c.parse().ok()?, f.parse().ok()?))))
            .collect()
    })
    .get(lower)
    .copied()
}

/// Rows of a TSV file, their first `N` columns (missing ones are empty).
fn tsv<const N: usize>(text: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let mut row = [""; N];
            for slot in row.iter_mut() {
                *slot = cols.next().unwrap_or("");
            }
            row
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_prefers_the_longer_name() {
        let words = ["united", "states", "army"];
        let (n, p) = places().longest(&words, |_, _| true).unwrap();
        assert_eq!(n, 2);
        assert_eq!(p.country, Some("USA"));
    }

    #[test]
    fn actors_have_codes() {
        let words = ["vladimir", "putin"];
        let (n, a) = actors().longest(&words, |_, _| true).unwrap();
        assert_eq!((n, a.label), (2, Label::Person));
        assert!(a.code.starts_with("RUS"));
    }

    #[test]
    fn given_names() {
        assert!(is_given_name("vladimir"));
        assert!(!is_given_name("the"));
    }

    #[test]
    fn an_accented_place_stands_under_its_unaccented_name_too() {
        assert_eq!(fold_accents("José C. Paz"), "Jose C. Paz");
        assert_eq!(fold_accents("Alī Ābād"), "Ali Abad");
        assert_eq!(fold("Erdoğan"), "erdogan");
        let a = places().get("josé c. paz").expect("the accented name");
        let b = places().get("jose c. paz").expect("its folded twin");
        assert_eq!((a.kind, a.country, a.coords), (b.kind, b.country, b.coords));
    }

    #[test]
    fn lower_key_folds_case_and_apostrophes() {
        assert_eq!(lower_key("Russia’S"), "russia's");
        assert_eq!(lower_key("idlib"), "idlib");
    }
}
