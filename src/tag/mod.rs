//! Part-of-speech tags (UPOS and Penn XPOS together): a greedy left-to-right
//! averaged perceptron trained by `lede-train pos` (see [`train`], feature
//! `train`) on UD English EWT train and embedded as `models/pos.bin`.
//!
//! Each class is a `UPOS|XPOS` pair seen in training (`PROPN|NNP`,
//! `ADP|IN`, `SCONJ|IN`), so the two tag sets stay consistent.

pub mod lemma;
#[cfg(feature = "train")]
pub mod train;

use std::sync::OnceLock;

use crate::doc::Document;
use crate::lexicon::{capitalization, clusters, lower_key};
use crate::ner::features::{beginning, ending, normalize, shape, short_shape, window, Hash};
use crate::weights::{self, varint, Reader, Sparse};

const MODEL_BYTES: &[u8] = include_bytes!("../../models/pos.bin");
const MAGIC: &[u8; 8] = b"LEDEPOS3";

/// The tagger: class names and sparse quantized weights.
pub struct Tagger {
    /// `UPOS|XPOS` per class.
    pub classes: Vec<String>,
    weights: Sparse,
    /// Which classes are finite verbs (see [`finite_classes`]).
    finite: Vec<bool>,
}

impl Tagger {
    /// The embedded tagger, loaded once.
    pub fn embedded() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| Tagger::from_bytes(MODEL_BYTES).expect("models/pos.bin is a valid model"))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        Tagger::with_magic(bytes, MAGIC)
    }

    /// Serialize class names and sparse rows (see [`weights::write`]).
    pub fn to_bytes(classes: &[String], rows: &[(u32, Vec<(u8, i16)>)]) -> Vec<u8> {
        Tagger::to_bytes_with_magic(MAGIC, classes, rows, weights::KEY_MARGIN)
    }

    /// The tagger `rows` give with their weights as a model file holds
    /// them but their keys whole: for the taggers a trainer uses on the
    /// way (jackknifing), which stay what they were before the model
    /// files cut keys, so that training gives the same rows.
    pub fn whole(classes: &[String], rows: &[(u32, Vec<(u8, i16)>)]) -> Result<Tagger, String> {
        Tagger::with_magic(
            &Tagger::to_bytes_with_magic(MAGIC, classes, rows, 32),
            MAGIC,
        )
    }

    /// Read a sparse multi-class model (shared with the parser, whose
    /// `scored(names)` classes are its moves: SHIFT, then LEFT and RIGHT per relation).
    pub(crate) fn from_bytes_with_magic(
        bytes: &[u8],
        magic: &[u8; 8],
        scored: fn(usize) -> usize,
    ) -> Result<(Vec<String>, Sparse), String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != magic {
            return Err("not a lede model of this kind".into());
        }
        let n_classes = r.varint()? as usize;
        let mut classes = Vec::with_capacity(n_classes.min(256));
        for _ in 0..n_classes {
            let len = r.varint()? as usize;
            classes.push(String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "bad class name")?);
        }
        let (rows, drop) = weights::read(&mut r, scored(classes.len()))?;
        if !r.at_end() {
            return Err("model file has trailing bytes".into());
        }
        Ok((classes, Sparse::new(rows, drop)?))
    }

    /// Write a sparse multi-class model (shared with the parser): class names, then the rows.
    pub(crate) fn to_bytes_with_magic(
        magic: &[u8; 8],
        classes: &[String],
        rows: &[(u32, Vec<(u8, i16)>)],
        margin: u32,
    ) -> Vec<u8> {
        let mut out = magic.to_vec();
        varint(&mut out, classes.len() as u64);
        for c in classes {
            varint(&mut out, c.len() as u64);
            out.extend(c.as_bytes());
        }
        weights::write(&mut out, rows, margin);
        out
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Tag one sentence; returns class indices and each word's runner-up
    /// class with the margin it lost by.
    pub fn tag_scored<S: AsRef<str>>(&self, words: &[S]) -> Vec<(usize, usize, i32)> {
        let sent = Sentence::new(words);
        self.decode(sent.len(), |i, prev, out| {
            sent.features(i, prev, &self.finite, out)
        })
    }

    /// A model of this format under another name (the parser's supertagger).
    pub(crate) fn with_magic(bytes: &[u8], magic: &[u8; 8]) -> Result<Tagger, String> {
        let (classes, weights) = Tagger::from_bytes_with_magic(bytes, magic, |n| n)?;
        let finite = finite_classes(&classes);
        Ok(Tagger {
            classes,
            weights,
            finite,
        })
    }

    /// Greedy left-to-right decoding of `n` positions whose features may
    /// see the classes chosen before: each position's best class, its
    /// runner-up (ties to the lower class) and the margin between them.
    pub(crate) fn decode(
        &self,
        n: usize,
        features: impl Fn(usize, &[usize], &mut Vec<u64>),
    ) -> Vec<(usize, usize, i32)> {
        let mut tags = Vec::with_capacity(n);
        let mut out = Vec::with_capacity(n);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0i32; self.classes.len()];
        for i in 0..n {
            feats.clear();
            features(i, &tags, &mut feats);
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.add_scores(&feats, &mut scores);
            let (mut a, mut b) = (0, usize::MAX);
            for c in 1..scores.len() {
                if scores[c] > scores[a] {
                    b = a;
                    a = c;
                } else if b == usize::MAX || scores[c] > scores[b] {
                    b = c;
                }
            }
            let margin = scores.get(b).map_or(i32::MAX, |&s| scores[a] - s);
            tags.push(a);
            out.push((a, b, margin));
        }
        out
    }

    /// Tag one sentence as the parser reads it: each word's class name,
    /// then `+` and the runner-up's where it lost by less than [`DOUBT`]
    /// ("VERB|VBD+VERB|VBN").
    pub fn tag_doubt<S: AsRef<str>>(&self, words: &[S]) -> Vec<String> {
        self.tag_scored(words)
            .into_iter()
            .map(|(a, b, m)| self.doubt_name(a, (m < DOUBT).then_some(b)))
            .collect()
    }

    /// A class name with its runner-up (see [`Tagger::tag_doubt`]).
    pub fn doubt_name(&self, class: usize, alt: Option<usize>) -> String {
        let name = |c: usize| self.classes.get(c).map_or("X|XX", String::as_str);
        match alt {
            Some(b) => format!("{}+{}", name(class), name(b)),
            None => name(class).to_string(),
        }
    }

    /// Tag one sentence; returns class indices.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<usize> {
        self.tag_scored(words)
            .into_iter()
            .map(|(c, _, _)| c)
            .collect()
    }

    /// `(UPOS, XPOS)` of a class.
    pub fn names(&self, class: usize) -> (&str, &str) {
        let c = self
            .classes
            .get(class)
            .map(String::as_str)
            .unwrap_or("X|XX");
        c.split_once('|').unwrap_or((c, c))
    }
}

/// The margin (in quantized weight units) under which the runner-up class
/// is passed on to the parser: about a third of a typical winning margin.
pub const DOUBT: i32 = 15000;

/// How far back (in words) the finite-verb feature looks.
const FINITE_BACK: usize = 4;

/// Which classes are finite verbs or modals (`VBD`, `VBZ`, `VBP`, `MD`).
pub fn finite_classes(classes: &[String]) -> Vec<bool> {
    classes
        .iter()
        .map(|c| matches!(c.rsplit('|').next(), Some("VBD" | "VBZ" | "VBP" | "MD")))
        .collect()
}

/// The word-level facts of a sentence for tagging.
pub struct Sentence {
    words: Vec<String>,
    lower: Vec<String>,
    shapes: Vec<String>,
    /// Each word's clusters, looked up once (the features of three
    /// positions ask for them).
    clusters: Vec<Option<(u16, u16)>>,
}

impl Sentence {
    pub fn new<S: AsRef<str>>(words: &[S]) -> Sentence {
        let words: Vec<String> = words.iter().map(|w| normalize(w.as_ref())).collect();
        let lower: Vec<String> = words.iter().map(|w| lower_key(w)).collect();
        let shapes = words.iter().map(|w| short_shape(&shape(w))).collect();
        let clusters = lower.iter().map(|w| clusters(w)).collect();
        Sentence {
            words,
            lower,
            shapes,
            clusters,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Features of token `i` given the classes of the tokens before it.
    pub fn features(&self, i: usize, prev: &[usize], finite: &[bool], out: &mut Vec<u64>) {
        let n = self.len();
        let w = |k: isize| window(&self.lower, i, k);
        let f = |t: u8| Hash::new(100 + t);
        let lw = &self.lower[i];
        let n_chars = lw.chars().count();
        let p1 = if i > 0 { prev[i - 1] as u64 } else { 999 };
        let p2 = if i > 1 { prev[i - 2] as u64 } else { 999 };
        out.push(f(0).done());
        out.push(f(1).str(lw).done());
        out.push(f(2).str(&self.words[i]).done());
        out.push(f(3).str(&self.shapes[i]).done());
        for k in 1..=4.min(n_chars) {
            out.push(f(4).num(k as u64).str(ending(lw, k)).done());
        }
        for k in 1..=3.min(n_chars) {
            out.push(f(5).num(k as u64).str(beginning(lw, k)).done());
        }
        out.push(f(6).str(w(-1)).done());
        out.push(f(7).str(w(1)).done());
        out.push(f(8).str(w(-2)).done());
        out.push(f(9).str(w(2)).done());
        out.push(f(10).num(p1).done());
        out.push(f(11).num(p2).num(p1).done());
        out.push(f(12).num(p1).str(lw).done());
        out.push(f(13).str(lw).str(w(1)).done());
        out.push(f(14).str(w(-1)).str(lw).done());
        out.push(f(15).str(ending(lw, 3)).str(w(1)).done());
        if let Some((c, fine)) = self.clusters[i] {
            out.push(f(16).num(c as u64).done());
            out.push(f(17).num(fine as u64).done());
        }
        out.push(
            f(18)
                .num(capitalization(lw).unwrap_or(b'?') as u64)
                .num((i == 0) as u64)
                .done(),
        );
        if i + 1 < n {
            if let Some((_, fine)) = self.clusters[i + 1] {
                out.push(f(19).num(fine as u64).done());
            }
        }
        if i == 0 {
            out.push(f(20).str(&self.shapes[i]).done());
        }
        // the next word's ending and shape, the previous word's cluster, the
        // tag before with the word after (the two words around together
        // lowered EWT dev UPOS from 95.03 to 95.01)
        let next = w(1);
        out.push(f(21).str(ending(next, 3)).done());
        if i > 0 {
            if let Some((_, fine)) = self.clusters[i - 1] {
                out.push(f(22).num(fine as u64).done());
            }
        }
        out.push(f(23).num(p1).str(next).done());
        let next_shape = self.shapes.get(i + 1).map_or("</s>", String::as_str);
        out.push(f(24).str(next_shape).str(&self.shapes[i]).done());
        // a finite verb shortly before the previous word, in the same
        // clause: "includes two deaths reported" is a participle, not a
        // second finite verb
        let clause = |j: usize| {
            !matches!(
                self.lower[j].as_str(),
                "," | ";" | "that" | "which" | "who" | "and" | "but"
            )
        };
        let before = (i.saturating_sub(FINITE_BACK)..i.saturating_sub(1))
            .rev()
            .take_while(|&j| clause(j))
            .any(|j| finite.get(prev[j]).copied().unwrap_or(false));
        if i > 1 && clause(i - 1) {
            out.push(f(25).num(before as u64).num(p1).str(ending(lw, 2)).done());
        }
    }
}

/// A sentence tagged without a verb whose "-ed" adjective stands between
/// a noun and what could be its object ("The explosion injured 11
/// people", where EWT's "injured" is mostly an adjective): that word is
/// the past-tense verb, with the adjective as its runner-up.
fn verbless(tagger: &Tagger, words: &[&str], scored: &mut [(usize, usize, i32)], past: usize) {
    let upos = |c: usize| tagger.names(c).0;
    if scored
        .iter()
        .any(|&(c, _, _)| matches!(upos(c), "VERB" | "AUX"))
    {
        return;
    }
    let found = (1..scored.len().saturating_sub(1)).find(|&k| {
        upos(scored[k].0) == "ADJ"
            && words[k].len() > 4
            && words[k].ends_with("ed")
            && matches!(upos(scored[k - 1].0), "NOUN" | "PROPN" | "PRON")
            && matches!(
                upos(scored[k + 1].0),
                "NUM" | "DET" | "NOUN" | "PROPN" | "PRON"
            )
    });
    if let Some(k) = found {
        scored[k] = (past, scored[k].0, 0);
    }
}

/// Tag every sentence of the document (`doc.pos`, one class a token, and
/// `doc.pos_alt`, the runner-up where the tagger was in doubt).
pub fn tag(doc: &mut Document) {
    let tagger = Tagger::embedded();
    let mut pos = vec![0u16; doc.tokens.len()];
    let mut alt = vec![u16::MAX; doc.tokens.len()];
    let past = tagger.classes.iter().position(|c| c == "VERB|VBD");
    for s in &doc.sentences {
        let words: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
        let mut scored = tagger.tag_scored(&words);
        if let Some(past) = past {
            verbless(tagger, &words, &mut scored, past);
        }
        for (k, (c, b, m)) in scored.into_iter().enumerate() {
            pos[s.tokens.start + k] = c as u16;
            if m < DOUBT {
                alt[s.tokens.start + k] = b as u16;
            }
        }
    }
    doc.pos = pos;
    doc.pos_alt = alt;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_bytes_round_trip() {
        let classes = vec!["NOUN|NN".to_string(), "VERB|VBD".to_string()];
        let rows = vec![
            (0x9000_0000u32, vec![(0u8, -3i16), (1, 700)]),
            (0x2000_0000, vec![(1, 5)]),
        ];
        let t = Tagger::from_bytes(&Tagger::to_bytes(&classes, &rows)).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.names(1), ("VERB", "VBD"));
        assert!(Tagger::from_bytes(b"LEDEPOS1").is_err());
        let mut old = Tagger::to_bytes(&classes, &rows);
        old[..8].copy_from_slice(b"LEDEPOS2");
        assert!(
            Tagger::from_bytes(&old).is_err(),
            "32-bit keys, varint gaps"
        );
    }

    #[test]
    fn a_runner_up_follows_the_winner_after_a_plus() {
        let classes = vec!["VERB|VBD".to_string(), "VERB|VBN".to_string()];
        let t = Tagger::from_bytes(&Tagger::to_bytes(&classes, &[])).unwrap();
        assert_eq!(t.doubt_name(0, Some(1)), "VERB|VBD+VERB|VBN");
        assert_eq!(t.doubt_name(1, None), "VERB|VBN");
        let scored = Tagger::embedded().tag_scored(&["She", "said", "it", "rained", "."]);
        assert!(scored.iter().all(|&(a, b, m)| a != b && m >= 0));
    }

    #[test]
    fn embedded_tagger_tags_a_sentence() {
        let t = Tagger::embedded();
        let tags = t.tag(&["She", "said", "it", "rained", "."]);
        let names: Vec<&str> = tags.iter().map(|&c| t.names(c).0).collect();
        assert_eq!(names, ["PRON", "VERB", "PRON", "VERB", "PUNCT"]);
    }
}
