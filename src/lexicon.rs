//! The embedded lexicons, parsed once: the place gazetteer
//! (`models/gazetteer.tsv`), the actor list (`models/actors.tsv`), the
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
pub struct Place {
    pub label: Label,
    pub kind: &'static str,
    pub country: Option<&'static str>,
    /// Written in capitals in the gazetteer: must match in capitals.
    pub acronym: bool,
}

/// A person or organization of the actor list.
pub struct Actor {
    pub label: Label,
    /// CAMEO actor code (`TURGOV`, `IGOUNO`).
    pub code: &'static str,
}

/// The place gazetteer.
pub fn places() -> &'static PhraseTable<Place> {
    static T: OnceLock<PhraseTable<Place>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = PhraseTable::new();
        for cols in tsv(GAZETTEER_TSV) {
            let [name, label, kind, cc] = cols;
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
            t.insert_with(name, |_| Place {
                label,
                kind,
                country: (!cc.is_empty()).then_some(cc),
                acronym,
            });
        }
        t
    })
}

/// The actor list: people and organizations with CAMEO codes.
pub fn actors() -> &'static PhraseTable<Actor> {
    static T: OnceLock<PhraseTable<Actor>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = PhraseTable::new();
        for [name, label, code, _] in tsv(ACTORS_TSV) {
            let label = match label {
                "PER" => Label::Person,
                "ORG" => Label::Org,
                _ => continue,
            };
            t.insert_with(name, |_| Actor { label, code });
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
        tsv(CAPITALIZATION_TSV)
            .filter_map(|[w, b, _, _]| Some((w, *b.as_bytes().first()?)))
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
        tsv(CLUSTERS_TSV)
            .filter_map(|[w, c, f, _]| Some((w, (c.parse().ok()?, f.parse().ok()?))))
            .collect()
    })
    .get(lower)
    .copied()
}

/// Rows of a TSV file with up to four columns (missing ones are empty).
fn tsv(text: &'static str) -> impl Iterator<Item = [&'static str; 4]> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let mut row = [""; 4];
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
    fn lower_key_folds_case_and_apostrophes() {
        assert_eq!(lower_key("Russia’S"), "russia's");
        assert_eq!(lower_key("idlib"), "idlib");
    }
}
