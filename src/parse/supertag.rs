//! Supertags for the parser: for each word, a greedy left-to-right tagger
//! predicts its relation, the side its head is on and the sides of its own
//! dependents (`nsubj>`, `obj<`, `root^LR`), from the words and POS tags
//! on both sides. The parser reads them as features: a cheap look at the
//! right context that a left-to-right parser cannot otherwise see
//! (Ouchi et al. 2014 report the same effect). Trained by `lede-train
//! parse` on UD EWT train with jackknifed POS tags; `models/stag.bin`.

use std::sync::OnceLock;

use super::State;
use crate::ner::features::Hash;
use crate::tag::Tagger;

const MODEL_BYTES: &[u8] = include_bytes!("../../models/stag.bin");
const MAGIC: &[u8; 8] = b"LEDESTG2";

/// The supertagger: a tagger's model format and decoding, its own features.
pub struct Supertagger(Tagger);

impl Supertagger {
    /// The embedded supertagger, loaded once.
    pub fn embedded() -> &'static Supertagger {
        static T: OnceLock<Supertagger> = OnceLock::new();
        T.get_or_init(|| {
            Supertagger::from_bytes(MODEL_BYTES).expect("models/stag.bin is a valid model")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Supertagger, String> {
        Tagger::with_magic(bytes, MAGIC).map(Supertagger)
    }

    pub fn to_bytes(classes: &[String], rows: &[(u32, Vec<(u8, i16)>)]) -> Vec<u8> {
        Tagger::to_bytes_with_magic(MAGIC, classes, rows, crate::weights::KEY_MARGIN)
    }

    /// The supertagger of `rows` with whole keys, for training (see
    /// [`Tagger::whole`]).
    pub fn whole(
        classes: &[String],
        rows: &[(u32, Vec<(u8, i16)>)],
    ) -> Result<Supertagger, String> {
        Supertagger::from_bytes(&Tagger::to_bytes_with_magic(MAGIC, classes, rows, 32))
    }

    /// Supertag names by class.
    pub fn classes(&self) -> &[String] {
        &self.0.classes
    }

    /// The supertag (class index) of each word of a parser state's sentence.
    pub fn tag(&self, st: &State) -> Vec<usize> {
        self.0
            .decode(st.n, |i, prev, out| features(st, i, prev, out))
            .into_iter()
            .map(|(c, _, _)| c)
            .collect()
    }
}

/// Features of word `i` of the state's sentence, given the supertags
/// chosen for the words before it.
pub fn features(st: &State, i: usize, prev: &[usize], out: &mut Vec<u64>) {
    // the slot of the word `k` places away: "none" before the sentence,
    // the root after it
    let at = |k: isize| -> usize {
        let j = i as isize + k;
        if j < 0 {
            st.n + 1
        } else {
            (j as usize).min(st.n)
        }
    };
    let w = |k: isize| st.word_h[at(k)];
    let t = |k: isize| st.tag_h[at(k)];
    let f = |t: u8| Hash::new(t);
    let p1 = if i > 0 { prev[i - 1] as u64 } else { 999 };
    let p2 = if i > 1 { prev[i - 2] as u64 } else { 999 };
    let cl = st.cluster[i];
    out.push(f(0).done());
    out.push(f(1).num(w(0)).done());
    out.push(f(2).num(t(0)).done());
    out.push(f(3).num(w(-1)).done());
    out.push(f(4).num(w(1)).done());
    for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        out.push(f(5).num(k as u64).num(t(d)).done());
    }
    out.push(f(9).num(t(-1)).num(t(0)).done());
    out.push(f(10).num(t(0)).num(t(1)).done());
    out.push(f(11).num(t(-1)).num(t(0)).num(t(1)).done());
    out.push(f(12).num(t(0)).num(t(1)).num(t(2)).done());
    out.push(f(13).num(t(-2)).num(t(-1)).num(t(0)).done());
    out.push(f(14).num(w(0)).num(t(1)).done());
    out.push(f(15).num(t(-1)).num(w(0)).done());
    out.push(f(16).num(w(0)).num(t(0)).done());
    out.push(f(17).num(st.suffix_h[i]).num(t(0)).done());
    out.push(f(18).num(cl).done());
    out.push(f(19).num(cl).num(t(1)).done());
    out.push(f(20).num(t(-1)).num(cl).done());
    out.push(f(21).num(p1).done());
    out.push(f(22).num(p2).num(p1).done());
    out.push(f(23).num(p1).num(t(0)).done());
    out.push(f(24).num(p1).num(t(0)).num(t(1)).done());
    // is there a verb on either side (where the head of a noun may be)
    let verb = |k: usize| st.verbs[k] as u64;
    let (left, right) = (verb(i), verb(st.n) - verb(i + 1));
    out.push(f(25).num(t(0)).num(left.min(2)).num(right.min(2)).done());
    out.push(f(26).num(w(1)).num(t(0)).done());
    out.push(f(27).num(w(-1)).num(t(0)).done());
    let place = (i == 0) as u64 + 2 * (i + 1 == st.n) as u64;
    out.push(f(28).num(t(0)).num(place).done());
    out.push(f(29).num(t(0)).num(w(-1)).num(w(1)).done());
    // a wider window of tags: where the head is depends on what comes
    // three to five words away (EWT dev relation and head side 82.2% →
    // 84.4% with these, 84.9% with all below, at a smaller model)
    out.push(f(32).num(t(-3)).done());
    out.push(f(33).num(t(3)).done());
    out.push(f(34).num(t(1)).num(t(2)).done());
    out.push(f(35).num(t(-2)).num(t(-1)).done());
    out.push(f(41).num(t(-4)).done());
    out.push(f(42).num(t(4)).done());
    out.push(f(43).num(t(2)).num(t(3)).done());
    out.push(f(44).num(t(-3)).num(t(-2)).done());
    out.push(f(45).num(t(1)).num(t(2)).num(t(3)).done());
    out.push(f(46).num(t(-3)).num(t(-2)).num(t(-1)).done());
    for (k, d) in [(47, 2), (48, -2), (49, 3), (50, -3)] {
        out.push(f(k).num(t(0)).num(t(d)).done());
    }
    out.push(f(51).num(t(5)).done());
    out.push(f(52).num(t(-5)).done());
    out.push(f(53).num(t(2)).num(t(3)).num(t(4)).done());
    out.push(f(54).num(t(-4)).num(t(-3)).num(t(-2)).done());
    out.push(f(55).num(w(2)).done());
    out.push(f(56).num(w(-2)).done());
    out.push(f(57).num(w(0)).num(t(1)).num(t(2)).done());
    // how far the nearest verb and the nearest comma are on each side
    let bucket = |d: Option<usize>| match d {
        None => 9,
        Some(1) => 1,
        Some(2) => 2,
        Some(3 | 4) => 3,
        Some(_) => 5,
    };
    let nearest = |marks: &[u32]| {
        let at = |j: usize| marks[j + 1] > marks[j];
        (
            bucket((0..i).rev().find(|&j| at(j)).map(|j| i - j)),
            bucket((i + 1..st.n).find(|&j| at(j)).map(|j| j - i)),
        )
    };
    let (vl, vr) = nearest(&st.verbs);
    out.push(f(36).num(t(0)).num(vl).num(vr).done());
    let (cl_, cr) = nearest(&st.commas);
    out.push(f(58).num(t(0)).num(cl_).num(cr).done());
    // the tagger's runner-up tags, where it was in doubt
    let alt = |k: isize| st.alt_h[at(k)];
    out.push(f(59).num(alt(0)).num(t(0)).done());
    out.push(f(60).num(alt(1)).num(t(1)).done());
    out.push(f(61).num(alt(-1)).num(t(-1)).done());
    out.push(f(62).num(alt(0)).num(t(-1)).num(t(1)).done());
    let c = |k: isize| st.cluster[at(k)];
    out.push(f(39).num(c(1)).num(t(0)).done());
    out.push(f(40).num(c(-1)).num(t(0)).done());
}
