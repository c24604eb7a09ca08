//! Lemmas from the word and its UPOS tag: an exception lexicon and suffix
//! rules, both learned from the treebank by `lede-train lemma`
//! (`models/lemma.tsv`): killed → kill, recapturing → recapture,
//! forces → force, better → good.
//!
//! File format, one entry a line: `E form upos lemma` for an exception,
//! `R upos suffix strip append` for a rule (the longest matching suffix
//! wins). Proper nouns keep their case; other lemmas are lowercase unless
//! the word is nearly always capitalized in the training text (`Palestinian`).

use std::collections::HashMap;
use std::sync::OnceLock;

const LEMMA_TSV: &str = include_str!("../../models/lemma.tsv");

/// The learned lemmatizer.
pub struct Lemmatizer {
    /// `"UPOS\tform"` → lemma.
    exceptions: HashMap<String, String>,
    /// `"UPOS\tsuffix"` → (chars to strip, text to append)
    rules: HashMap<String, (usize, String)>,
    max_suffix: usize,
}

impl Lemmatizer {
    /// The embedded lemmatizer, loaded once.
    pub fn embedded() -> &'static Lemmatizer {
        static L: OnceLock<Lemmatizer> = OnceLock::new();
        L.get_or_init(|| Lemmatizer::parse(LEMMA_TSV))
    }

    pub fn parse(text: &str) -> Lemmatizer {
        let mut exceptions = HashMap::new();
        let mut rules = HashMap::new();
        let mut max_suffix = 0;
        for line in text.lines() {
            let c: Vec<&str> = line.split('\t').collect();
            match c.as_slice() {
                ["E", form, upos, lemma] => {
                    exceptions.insert(format!("{upos}\t{form}"), lemma.to_string());
                }
                ["R", upos, suffix, strip, append] => {
                    if let Ok(strip) = strip.parse() {
                        max_suffix = max_suffix.max(suffix.chars().count());
                        rules.insert(format!("{upos}\t{suffix}"), (strip, append.to_string()));
                    }
                }
                _ => {}
            }
        }
        Lemmatizer {
            exceptions,
            rules,
            max_suffix,
        }
    }

    /// The lemma of `word` tagged `upos`.
    pub fn lemma(&self, word: &str, upos: &str) -> String {
        let lower = word.to_lowercase();
        // one key buffer: "UPOS\t" and then the form or a suffix of it
        let mut key = String::with_capacity(upos.len() + 1 + lower.len());
        key.push_str(upos);
        key.push('\t');
        let at = key.len();
        key.push_str(&lower);
        if let Some(l) = self.exceptions.get(&key) {
            return l.clone();
        }
        let lemma = self.by_rule(word, &lower, &mut key, at);
        // words nearly always written with a capital keep it: Palestinian, Sunni
        let keeps_capital = upos != "PROPN"
            && word.chars().next().is_some_and(char::is_uppercase)
            && matches!(crate::lexicon::capitalization(&lower), Some(b'A' | b'M'));
        if keeps_capital {
            let mut c = lemma.chars();
            return c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or(lemma);
        }
        lemma
    }

    /// The longest suffix rule of `key[..at]`'s part of speech that gives a
    /// lemma (`key` ends in the lowercased word).
    fn by_rule(&self, word: &str, lower: &str, key: &mut String, at: usize) -> String {
        let base = if key[..at].starts_with("PROPN\t") {
            word
        } else {
            lower
        };
        // byte offsets where each suffix of 1..=max_suffix chars starts
        let starts: Vec<usize> = lower.char_indices().map(|(b, _)| b).collect();
        let n_chars = starts.len();
        for k in (1..=self.max_suffix.min(n_chars)).rev() {
            key.truncate(at);
            key.push_str(&lower[starts[n_chars - k]..]);
            if let Some((strip, append)) = self.rules.get(key.as_str()) {
                let keep = base.chars().count().saturating_sub(*strip);
                let mut out: String = base.chars().take(keep).collect();
                out.push_str(append);
                if !out.is_empty() {
                    return out;
                }
            }
        }
        base.to_string()
    }
}

/// How `form` becomes `lemma`: characters to strip from the end, text to append.
pub fn edit(form: &str, lemma: &str) -> (usize, String) {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    (f.len() - common, l[common..].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_scripts() {
        assert_eq!(edit("killed", "kill"), (2, String::new()));
        assert_eq!(edit("recapturing", "recapture"), (3, "e".into()));
        assert_eq!(edit("better", "good"), (6, "good".into()));
    }

    #[test]
    fn embedded_lemmas() {
        let l = Lemmatizer::embedded();
        assert_eq!(l.lemma("killed", "VERB"), "kill");
        assert_eq!(l.lemma("recapturing", "VERB"), "recapture");
        assert_eq!(l.lemma("forces", "NOUN"), "force");
        assert_eq!(l.lemma("better", "ADJ"), "good");
        assert_eq!(l.lemma("was", "AUX"), "be");
        assert_eq!(l.lemma("Soldiers", "NOUN"), "soldier");
        assert_eq!(l.lemma("Idlib", "PROPN"), "Idlib");
    }

    #[test]
    fn irregular_verbs_the_corpora_lack() {
        let l = Lemmatizer::embedded();
        for (form, lemma) in [
            ("risen", "rise"),
            ("slain", "slay"),
            ("fled", "flee"),
            ("upheld", "uphold"),
            ("overthrew", "overthrow"),
        ] {
            assert_eq!(l.lemma(form, "VERB"), lemma);
        }
    }
}
