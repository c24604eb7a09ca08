//! Semantic roles: who did what to whom, where and when, for every
//! predicate (PropBank). A labeller over the tagger and the parser, in
//! three averaged perceptrons trained by `lede-train roles` (see [`train`],
//! feature `train`) on PropBank 3.1 over UD EWT train and embedded as
//! `models/roles.bin`, with the frame lexicon of [`frames`]:
//!
//! 1. **predicates**: each verb, auxiliary (`be`, `have`, `do`), and noun or
//!    adjective that evokes a roleset is kept or not;
//! 2. **rolesets**: among the rolesets its lemma evokes (`kill.01`,
//!    `make.LV`, `take_off.02`), the best for the context;
//! 3. **arguments**: each candidate head — the predicate's dependents, its
//!    ancestors and their dependents (where 99.5% of EWT train's argument
//!    heads are) — gets a role or none from its dependency path to the
//!    predicate, voice, position, words, tags, clusters and governing
//!    preposition; a global step keeps each numbered role once per
//!    predicate and only those the roleset defines.
//!
//! An argument is reported with its head token and its span: the head's
//! subtree, trimmed as PropBank brackets it (see [`span`]).

pub mod frames;
#[cfg(feature = "train")]
pub mod train;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::doc::Document;
use crate::lexicon::{clusters, lower_key};
use crate::ner::features::Hash;
use crate::weights::{self, varint, Reader, Sparse};
use frames::Frames;

const MODEL_BYTES: &[u8] = include_bytes!("../../models/roles.bin");
const MAGIC: &[u8; 8] = b"LEDESRL2";

/// The role models keep more bits of key than the others
/// ([`weights::KEY_MARGIN`]): most of the sense model's lookups are of
/// features it does not hold, and with the others' margin EWT dev roleset
/// accuracy fell from 0.908 to 0.900; with this one it is 0.906
/// (docs/performance.md).
const KEY_MARGIN: u32 = 8;

/// The label of a candidate that is no argument.
pub const NONE: &str = "-";

/// A sentence as the labeller reads it: words, tags, lemmas and a
/// dependency tree, with what the features need computed once.
pub struct Sentence<'a> {
    n: usize,
    pub lower: Vec<String>,
    /// `UPOS|XPOS` of each word.
    pub tags: Vec<&'a str>,
    /// Lemmas of the words that may be predicates (empty for the others).
    pub lemmas: Vec<String>,
    /// Head of each word; `n` for the root.
    pub heads: Vec<usize>,
    pub rels: Vec<&'a str>,
    /// Dependents of each word, in order: `kids[kid_at[i]..kid_at[i + 1]]`.
    kids: Vec<usize>,
    kid_at: Vec<usize>,
    /// First and last word of each word's subtree.
    lo: Vec<usize>,
    hi: Vec<usize>,
    word_h: Vec<u64>,
    tag_h: Vec<u64>,
    rel_h: Vec<u64>,
    lemma_h: Vec<u64>,
    cluster: Vec<u64>,
    /// The word of each word's first `case` or `mark` dependent ("by",
    /// "in", "that"), hashed; 0 for none.
    marker_h: Vec<u64>,
    /// Whether each word is (the last word of) a place name of the gazetteer.
    place: Vec<bool>,
    /// Whether each word names a time ([`crate::time::is_time_word`]).
    time: Vec<bool>,
    /// Whether each word has a subject of its own.
    has_subject: Vec<bool>,
    /// Voice of each word: 0 active, 1 passive (a passive auxiliary or
    /// subject, or an agent), 2 a participle without auxiliary.
    voice: Vec<u8>,
}

/// The lemma of a word the lemmatizer's rules got wrong where the frame
/// lexicon knows better: when no roleset has the lemma, the form stripped
/// of its ending (`shelled` → `shel` by the rule of `travelled`, `shell`
/// here; `-s`, `-es`, `-ed`, `-d`, `-ied`, `-ing` with and without an `e`
/// or a doubled consonant) is tried, and the first one a roleset has wins.
pub fn lexical_lemma(frames: &Frames, pos: u8, word: &str, lemma: String) -> String {
    if !frames.evoked(pos, &lemma).is_empty() {
        return lemma;
    }
    let w = word.to_lowercase();
    let cut = |suffix: &str, add: &str| w.strip_suffix(suffix).map(|stem| format!("{stem}{add}"));
    let undouble = |suffix: &str| {
        let stem = w.strip_suffix(suffix)?;
        let b = stem.as_bytes();
        (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2])
            .then(|| stem[..stem.len() - 1].to_string())
    };
    let tries = [
        cut("ed", ""),
        cut("d", ""),
        undouble("ed"),
        cut("ied", "y"),
        cut("ing", ""),
        cut("ing", "e"),
        undouble("ing"),
        cut("es", ""),
        cut("s", ""),
        cut("ies", "y"),
    ];
    tries
        .into_iter()
        .flatten()
        .find(|t| t.len() > 1 && !frames.evoked(pos, t).is_empty())
        .unwrap_or(lemma)
}

/// The coarse part of speech of a `UPOS|XPOS` tag.
fn upos(tag: &str) -> &str {
    tag.split('|').next().unwrap_or(tag)
}

/// The frame-file part of speech of a predicate: verb, noun or adjective.
fn frame_pos(upos: &str) -> Option<u8> {
    match upos {
        "VERB" | "AUX" => Some(b'v'),
        "NOUN" => Some(b'n'),
        "ADJ" => Some(b'j'),
        _ => None,
    }
}

fn h(s: &str) -> u64 {
    Hash::new(0).str(s).done()
}

impl<'a> Sentence<'a> {
    /// A sentence from its words, tags (`UPOS|XPOS`), heads (`None` for the
    /// root) and relations; lemmas are found for the words that may be
    /// predicates (checked against the frame lexicon, see [`lexical_lemma`]).
    pub fn new(
        words: &[&str],
        tags: Vec<&'a str>,
        heads: &[Option<usize>],
        rels: Vec<&'a str>,
        frames: &Frames,
    ) -> Sentence<'a> {
        let lemmatizer = crate::tag::lemma::Lemmatizer::embedded();
        let lemmas = words
            .iter()
            .zip(&tags)
            .map(|(w, t)| {
                let u = upos(t);
                match frame_pos(u) {
                    Some(pos) => {
                        lexical_lemma(frames, pos, w, lemmatizer.lemma(w, u).to_lowercase())
                    }
                    None => String::new(),
                }
            })
            .collect();
        Sentence::with_lemmas(words, tags, lemmas, heads, rels)
    }

    /// A sentence whose lemmas are given.
    pub fn with_lemmas(
        words: &[&str],
        tags: Vec<&'a str>,
        lemmas: Vec<String>,
        heads: &[Option<usize>],
        rels: Vec<&'a str>,
    ) -> Sentence<'a> {
        let n = words.len();
        let heads: Vec<usize> = heads
            .iter()
            .map(|h| h.filter(|&h| h < n).unwrap_or(n))
            .collect();
        let lower: Vec<String> = words.iter().map(|w| lower_key(w)).collect();
        // dependents, grouped by head (counting sort keeps them in order)
        let mut kid_at = vec![0usize; n + 2];
        for &hd in &heads {
            kid_at[hd.min(n) + 1] += 1;
        }
        for i in 1..kid_at.len() {
            kid_at[i] += kid_at[i - 1];
        }
        let mut fill = kid_at.clone();
        let mut kids = vec![0usize; n];
        for (d, &hd) in heads.iter().enumerate() {
            kids[fill[hd]] = d;
            fill[hd] += 1;
        }
        let mut s = Sentence {
            n,
            word_h: lower.iter().map(|w| h(w)).collect(),
            tag_h: tags.iter().map(|t| h(t)).collect(),
            rel_h: rels.iter().map(|r| h(r)).collect(),
            lemma_h: lemmas.iter().map(|l: &String| h(l)).collect(),
            cluster: lower
                .iter()
                .map(|w| clusters(w).map_or(9998, |(_, f)| f as u64))
                .collect(),
            marker_h: vec![0; n],
            has_subject: vec![false; n],
            place: vec![false; n],
            time: vec![false; n],
            voice: vec![0; n],
            lo: (0..n).collect(),
            hi: (0..n).collect(),
            lower,
            tags,
            lemmas,
            heads,
            rels,
            kids,
            kid_at,
        };
        s.subtree_bounds();
        for i in 0..n {
            let marker = s
                .kids(i)
                .iter()
                .find(|&&k| matches!(s.rels[k], "case" | "mark"))
                .map_or(0, |&k| s.word_h[k]);
            s.marker_h[i] = marker;
            s.voice[i] = s.find_voice(i);
            s.place[i] =
                upos(s.tags[i]) == "PROPN" && crate::lexicon::places().get(&s.lower[i]).is_some();
            s.time[i] = crate::time::is_time_word(&s.lower[i]);
            s.has_subject[i] = s.kids(i).iter().any(|&k| {
                matches!(
                    s.rels[k].split(':').next(),
                    Some("nsubj" | "csubj" | "expl")
                )
            });
        }
        s
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The dependents of word `i` (of the root for `i == n`).
    pub fn kids(&self, i: usize) -> &[usize] {
        &self.kids[self.kid_at[i]..self.kid_at[i + 1]]
    }

    /// The head of `i`, or `None` for the root.
    fn head(&self, i: usize) -> Option<usize> {
        Some(self.heads[i]).filter(|&hd| hd < self.n)
    }

    /// First and last word of every subtree, from the leaves up (a
    /// malformed tree with a cycle leaves the words of the cycle alone).
    fn subtree_bounds(&mut self) {
        let n = self.n;
        // words ordered deepest first: a breadth-first walk from the root, reversed
        let mut order = Vec::with_capacity(n);
        order.extend_from_slice(self.kids(n));
        let mut k = 0;
        while k < order.len() {
            let x = order[k];
            order.extend_from_slice(&self.kids[self.kid_at[x]..self.kid_at[x + 1]]);
            k += 1;
        }
        for &x in order.iter().rev() {
            if let Some(hd) = self.head(x) {
                self.lo[hd] = self.lo[hd].min(self.lo[x]);
                self.hi[hd] = self.hi[hd].max(self.hi[x]);
            }
        }
    }

    fn find_voice(&self, i: usize) -> u8 {
        let passive = self.kids(i).iter().any(|&k| {
            matches!(
                self.rels[k],
                "aux:pass" | "nsubj:pass" | "csubj:pass" | "obl:agent"
            )
        });
        if passive {
            return 1;
        }
        let participle = self.tags[i].ends_with("|VBN");
        let auxiliary = self
            .kids(i)
            .iter()
            .any(|&k| matches!(self.rels[k], "aux" | "cop"));
        u8::from(participle && !auxiliary) * 2
    }

    fn upos(&self, i: usize) -> &str {
        upos(self.tags[i])
    }

    /// The particle of a phrasal verb ("up" in "set up"), if any.
    fn particle(&self, i: usize) -> Option<&str> {
        self.kids(i)
            .iter()
            .find(|&&k| self.rels[k] == "compound:prt")
            .map(|&k| self.lower[k].as_str())
    }
}

/// An argument found: its role (an index into [`Labeller::labels`]), its
/// head word and its words `start..end` (sentence word indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arg {
    pub role: usize,
    pub head: usize,
    pub start: usize,
    pub end: usize,
}

/// A predicate found, with its roleset (an index into the frame lexicon)
/// and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub predicate: usize,
    pub roleset: Option<u32>,
    pub args: Vec<Arg>,
}

/// The labeller: argument labels, three sparse models and the rolesets
/// seen in training for words the frame files do not list them under.
pub struct Labeller {
    /// Argument labels; 0 is [`NONE`].
    pub labels: Vec<String>,
    predicates: Sparse,
    senses: Sparse,
    args: Sparse,
    /// lemma → (pos, rolesets), beyond the frame files' aliases.
    extra: HashMap<String, Vec<(u8, Vec<u32>)>>,
    /// Per label: the numbered role it is (`ARG0` → 0; `R-`, `C-` forms
    /// and modifiers: none) and whether it needs that role present (`C-`).
    core: Vec<Option<u8>>,
    continuation: Vec<Option<u8>>,
    /// The labels whose span is the head word alone.
    single: Vec<bool>,
}

/// The highest number of a numbered role (`ARG5`; `ARGA` counts as 6).
const CORE_ARGS: u8 = 7;

/// Which numbered role a label is, if it is one: `ARG0` → 0, `ARGA` → 6.
fn core_number(label: &str) -> Option<u8> {
    let rest = label.strip_prefix("ARG")?;
    let n = rest.split('-').next()?;
    match n {
        "A" => Some(6),
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => Some(d.as_bytes()[0] - b'0'),
        _ => None,
    }
}

impl Labeller {
    /// The embedded labeller, loaded once.
    pub fn embedded() -> &'static Labeller {
        static L: OnceLock<Labeller> = OnceLock::new();
        L.get_or_init(|| {
            Labeller::from_bytes(MODEL_BYTES, Frames::embedded())
                .expect("models/roles.bin is a valid model")
        })
    }

    /// Read a model written by [`Labeller::to_bytes`]; rolesets are named
    /// in it and looked up in `frames`.
    pub fn from_bytes(bytes: &[u8], frames: &Frames) -> Result<Labeller, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err("not a lede role model".into());
        }
        let string = |r: &mut Reader| -> Result<String, String> {
            let len = r.varint()? as usize;
            String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "bad string in model".into())
        };
        let n_labels = r.varint()? as usize;
        let mut labels = Vec::with_capacity(n_labels.min(256));
        for _ in 0..n_labels {
            labels.push(string(&mut r)?);
        }
        let n_extra = r.varint()? as usize;
        let mut extra: HashMap<String, Vec<(u8, Vec<u32>)>> = HashMap::new();
        for _ in 0..n_extra {
            let pos = r.take(1)?[0];
            let lemma = string(&mut r)?;
            let k = r.varint()? as usize;
            let mut ids = Vec::new();
            for _ in 0..k {
                if let Some(id) = frames.find(&string(&mut r)?) {
                    ids.push(id);
                }
            }
            extra.entry(lemma).or_default().push((pos, ids));
        }
        let mut model = |classes| {
            let (rows, drop) = weights::read(&mut r, classes)?;
            Sparse::new(rows, drop)
        };
        let predicates = model(1)?;
        let senses = model(1)?;
        let args = model(labels.len())?;
        if !r.at_end() {
            return Err("role model has trailing bytes".into());
        }
        Ok(Labeller::assemble(labels, predicates, senses, args, extra))
    }

    fn assemble(
        labels: Vec<String>,
        predicates: Sparse,
        senses: Sparse,
        args: Sparse,
        extra: HashMap<String, Vec<(u8, Vec<u32>)>>,
    ) -> Labeller {
        let core = labels.iter().map(|l| core_number(l)).collect();
        let continuation = labels
            .iter()
            .map(|l| l.strip_prefix("C-").and_then(core_number))
            .collect();
        let single = labels
            .iter()
            .map(|l| {
                matches!(
                    l.as_str(),
                    "ARGM-LVB" | "ARGM-PRR" | "ARGM-MOD" | "ARGM-NEG"
                )
            })
            .collect();
        Labeller {
            labels,
            predicates,
            senses,
            args,
            extra,
            core,
            continuation,
            single,
        }
    }

    /// Serialize: labels, the extra rolesets (by id), then the three models' rows.
    pub fn to_bytes(
        labels: &[String],
        extra: &[((u8, String), Vec<String>)],
        models: [&weights::Rows; 3],
    ) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let string = |out: &mut Vec<u8>, s: &str| {
            varint(out, s.len() as u64);
            out.extend(s.as_bytes());
        };
        varint(&mut out, labels.len() as u64);
        for l in labels {
            string(&mut out, l);
        }
        varint(&mut out, extra.len() as u64);
        for ((pos, lemma), ids) in extra {
            out.push(*pos);
            string(&mut out, lemma);
            varint(&mut out, ids.len() as u64);
            for id in ids {
                string(&mut out, id);
            }
        }
        for rows in models {
            weights::write(&mut out, rows, KEY_MARGIN);
        }
        out
    }

    /// The rolesets word `i` may evoke: the frame files' for the phrasal
    /// verb when it has a particle they list with it; else those seen for
    /// its lemma in training beyond the frame files, then the frame files'
    /// for the lemma.
    pub fn candidates(&self, s: &Sentence, i: usize, frames: &Frames) -> Vec<u32> {
        let Some(pos) = frame_pos(s.upos(i)) else {
            return Vec::new();
        };
        let lemma = s.lemmas[i].as_str();
        // a verb with its particle is the phrasal verb ("went off": go_off,
        // not go), as PropBank's annotators read it
        if let Some(prt) = s.particle(i) {
            let phrasal = frames.evoked(pos, &format!("{lemma}_{prt}"));
            if !phrasal.is_empty() {
                return phrasal.to_vec();
            }
        }
        let mut out: Vec<u32> = Vec::new();
        let mut add = |ids: &[u32]| {
            for &id in ids {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        };
        if let Some((_, ids)) = self
            .extra
            .get(lemma)
            .and_then(|by_pos| by_pos.iter().find(|(p, _)| *p == pos))
        {
            add(ids);
        }
        add(frames.evoked(pos, lemma));
        out
    }

    /// Whether word `i` (with `candidates` rolesets) is a predicate.
    pub fn is_predicate(&self, s: &Sentence, i: usize, candidates: &[u32]) -> bool {
        let Some(pos) = frame_pos(s.upos(i)) else {
            return false;
        };
        if pos != b'v' && candidates.is_empty() {
            return false;
        }
        let mut feats = Vec::with_capacity(16);
        predicate_features(s, i, !candidates.is_empty(), &mut feats);
        let mut score = [0i32; 1];
        self.predicates.add_scores(&feats, &mut score);
        score[0] > 0
    }

    /// The best of `candidates` for predicate `i` (the first on a tie).
    pub fn sense(
        &self,
        s: &Sentence,
        i: usize,
        candidates: &[u32],
        frames: &Frames,
    ) -> Option<u32> {
        if candidates.len() < 2 {
            return candidates.first().copied();
        }
        let context = sense_context(s, i, frames);
        let mut feats = Vec::with_capacity(context.len() * 2);
        let mut best: Option<(i32, u32)> = None;
        for (rank, &c) in candidates.iter().enumerate() {
            let Some(rs) = frames.roleset(c) else {
                continue;
            };
            feats.clear();
            sense_features(&context, rs, rank, &s.lemmas[i], &mut feats);
            let mut score = [0i32; 1];
            self.senses.add_scores(&feats, &mut score);
            if best.is_none_or(|(b, _)| score[0] > b) {
                best = Some((score[0], c));
            }
        }
        best.map(|(_, c)| c)
    }

    /// Label one sentence: its predicates, their rolesets and arguments.
    pub fn label(&self, s: &Sentence, frames: &Frames) -> Vec<Found> {
        let mut out = Vec::new();
        let mut cands = Candidates::default();
        for i in 0..s.n {
            if frame_pos(s.upos(i)).is_none() {
                continue;
            }
            let candidates = self.candidates(s, i, frames);
            if !self.is_predicate(s, i, &candidates) {
                continue;
            }
            let roleset = self.sense(s, i, &candidates, frames);
            let args = self.arguments(s, i, roleset.and_then(|r| frames.roleset(r)), &mut cands);
            out.push(Found {
                predicate: i,
                roleset,
                args,
            });
        }
        out
    }

    /// The arguments of predicate `p` with roleset `rs`.
    pub fn arguments(
        &self,
        s: &Sentence,
        p: usize,
        rs: Option<&frames::Roleset>,
        cands: &mut Candidates,
    ) -> Vec<Arg> {
        cands.find(s, p);
        let n_labels = self.labels.len();
        let rs_h = rs.map_or(0, |r| h(&r.id));
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0i32; n_labels];
        // (margin over none, candidate, label)
        let mut options: Vec<(i32, usize, usize)> = Vec::new();
        for (k, c) in cands.list.iter().enumerate() {
            feats.clear();
            argument_features(s, p, c, rs_h, &mut feats);
            scores.iter_mut().for_each(|x| *x = 0);
            self.args.add_scores(&feats, &mut scores);
            for (label, &score) in scores.iter().enumerate().skip(1) {
                if score > scores[0] {
                    options.push((score - scores[0], k, label));
                }
            }
        }
        options.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let defined = |n: u8| {
            rs.is_none_or(|r| r.roles.is_empty() || n == 6 || r.has_arg(n) || n >= CORE_ARGS)
        };
        let mut used = [false; CORE_ARGS as usize];
        let mut taken = vec![false; cands.list.len()];
        let mut chosen: Vec<(usize, usize)> = Vec::new();
        for &(_, k, label) in &options {
            if taken[k] {
                continue;
            }
            if let Some(n) = self.core[label] {
                let numbered = !self.labels[label].starts_with(['R', 'C']);
                if !defined(n) || (numbered && used[n as usize]) {
                    continue;
                }
                if numbered {
                    used[n as usize] = true;
                }
            }
            taken[k] = true;
            chosen.push((k, label));
        }
        // a continuation needs the role it continues
        chosen.retain(|&(_, label)| self.continuation[label].is_none_or(|n| used[n as usize]));
        chosen.sort_by_key(|&(k, _)| cands.list[k].word);
        let heads: Vec<usize> = chosen.iter().map(|&(k, _)| cands.list[k].word).collect();
        chosen
            .iter()
            .map(|&(k, label)| {
                let c = &cands.list[k];
                let (start, end) = if self.single[label] {
                    (c.word, c.word + 1)
                } else {
                    span(s, c, &heads)
                };
                Arg {
                    role: label,
                    head: c.word,
                    start,
                    end,
                }
            })
            .collect()
    }
}

/// Write one model's rows as the model file stores them (for measuring).
#[cfg(feature = "train")]
pub fn write_rows(out: &mut Vec<u8>, rows: &weights::Rows) {
    weights::write(out, rows, KEY_MARGIN);
}

/// How far up from the predicate candidates are looked for.
const MAX_UP: usize = 8;

/// A candidate argument head and how it stands to the predicate.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub word: usize,
    /// Steps up from the predicate to the ancestor it hangs from (0: a
    /// dependent of the predicate) — or is, when `ancestor`.
    pub up: usize,
    pub ancestor: bool,
    /// The dependency path from the predicate, hashed: its relations,
    /// and the tags of the words it goes through.
    path: u64,
    tag_path: u64,
    /// The relation under which the predicate's branch hangs from this
    /// candidate, when it is an ancestor (`cop`, `acl:relcl`, `xcomp`).
    via: usize,
}

/// The candidates of one predicate (kept between predicates to reuse memory).
#[derive(Default)]
pub struct Candidates {
    pub list: Vec<Candidate>,
}

impl Candidates {
    /// A fresh list with the same candidates (for diagnostics).
    pub fn clone_list(&self) -> Candidates {
        Candidates {
            list: self.list.clone(),
        }
    }

    /// The predicate's dependents, then each ancestor and its other
    /// dependents, up to [`MAX_UP`] steps; punctuation, markers,
    /// prepositions, determiners, copulas, passive auxiliaries and
    /// conjuncts never are (see [`never_argument`]).
    pub fn find(&mut self, s: &Sentence, p: usize) {
        self.list.clear();
        let push =
            |list: &mut Vec<Candidate>, word: usize, up: usize, path: Hash, tags: Hash, below| {
                if !never_argument(s.rels[word]) {
                    list.push(Candidate {
                        word,
                        up,
                        ancestor: false,
                        path: path.num(1).num(s.rel_h[word]).done(),
                        tag_path: tags.num(1).num(s.tag_h[word]).done(),
                        via: below,
                    });
                }
            };
        let (mut path, mut tags) = (Hash::new(60), Hash::new(61).num(s.tag_h[p]));
        for &k in near(s.kids(p), p) {
            push(&mut self.list, k, 0, path, tags, p);
        }
        let mut below = p;
        for up in 1..=MAX_UP {
            let Some(a) = s.head(below) else { break };
            path = path.num(2).num(s.rel_h[below]);
            tags = tags.num(2).num(s.tag_h[a]);
            self.list.push(Candidate {
                word: a,
                up,
                ancestor: true,
                path: path.done(),
                tag_path: tags.done(),
                via: below,
            });
            for &k in near(s.kids(a), p) {
                if k != below {
                    push(&mut self.list, k, up, path, tags, below);
                }
            }
            below = a;
        }
    }
}

/// The [`WINDOW`] dependents nearest `p` on each side of it, of a list in
/// word order.
fn near(kids: &[usize], p: usize) -> &[usize] {
    let at = kids.partition_point(|&k| k < p);
    &kids[at.saturating_sub(WINDOW)..(at + WINDOW).min(kids.len())]
}

/// Dependents that are (almost) never an argument's head: on EWT train,
/// of 87,000 such candidates 142 are (a determiner "this", a conjunct of
/// the predicate's own), against 81,000 arguments in all.
fn never_argument(rel: &str) -> bool {
    matches!(
        rel,
        "punct" | "mark" | "cop" | "case" | "aux:pass" | "conj" | "det"
    )
}

/// The relations of dependents that stay out of an ancestor's span: the
/// clause around the predicate, not the argument's phrase.
fn clausal(rel: &str) -> bool {
    matches!(
        rel.split(':').next().unwrap_or(rel),
        "conj"
            | "cc"
            | "parataxis"
            | "nsubj"
            | "csubj"
            | "aux"
            | "cop"
            | "mark"
            | "advcl"
            | "discourse"
            | "vocative"
            | "dislocated"
            | "expl"
    )
}

/// The words `start..end` of an argument headed by candidate `c`:
/// the head's subtree without the branch holding the predicate and the
/// other arguments' heads (`heads`), cut to the run of words around the
/// head; an ancestor of the predicate also leaves out its clause's
/// subject, auxiliaries, conjuncts and markers, and — unless the predicate
/// is its copula or auxiliary — its preposition ("[the officers] who were
/// working", but "is [in Iraq]"). Punctuation at either end goes, but for
/// a bracket or quotation mark whose partner is inside.
pub fn span(s: &Sentence, c: &Candidate, heads: &[usize]) -> (usize, usize) {
    let a = c.word;
    let keep_case = c.ancestor && matches!(s.rels[c.via], "cop" | "aux" | "aux:pass");
    let out = |k: usize| {
        (c.ancestor && k == c.via)
            || heads.contains(&k)
            || (c.ancestor && clausal(s.rels[k]))
            || (c.ancestor && !keep_case && s.rels[k] == "case")
    };
    // the nearest dependent left out on each side of the head ends the
    // span there (subtrees of a projective tree do not interleave); past
    // `WINDOW` dependents the span ends anyway
    let kids = s.kids(a);
    let at = kids.partition_point(|&k| k < a);
    let left = &kids[..at];
    let start = match left.iter().rev().take(WINDOW).position(|&k| out(k)) {
        Some(j) => s.hi[left[at - 1 - j]] + 1,
        None if at > WINDOW => s.lo[left[at - WINDOW]],
        None => s.lo[a],
    };
    let right = &kids[at..];
    let end = match right.iter().take(WINDOW).position(|&k| out(k)) {
        Some(j) => s.lo[right[j]],
        None if right.len() > WINDOW => s.hi[right[WINDOW - 1]] + 1,
        None => s.hi[a] + 1,
    };
    trim_punctuation(s, a, start.min(a), end.max(a + 1))
}

/// How many dependents of a word on each side a span or a candidate
/// search looks at (a run-on "sentence" of a thousand commas has words
/// with a thousand dependents; each predicate looks at a few of them).
const WINDOW: usize = 48;

const PAIRS: [(&str, &str); 8] = [
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("\"", "\""),
    ("“", "”"),
    ("``", "''"),
    ("'", "'"),
    ("‘", "’"),
];

fn trim_punctuation(s: &Sentence, head: usize, mut start: usize, mut end: usize) -> (usize, usize) {
    let punct = |i: usize| s.upos(i) == "PUNCT";
    let paired = |a: usize, b: usize| {
        PAIRS
            .iter()
            .any(|&(o, c)| s.lower[a] == o && s.lower[b] == c)
    };
    while end - start > 1 {
        let whole = paired(start, end - 1);
        if start < head && punct(start) && !whole {
            start += 1;
        } else if end - 1 > head && punct(end - 1) && !whole {
            end -= 1;
        } else {
            break;
        }
    }
    (start, end)
}

/// Features of word `i` as a possible predicate.
fn predicate_features(s: &Sentence, i: usize, evokes: bool, out: &mut Vec<u64>) {
    let f = |t: u8| Hash::new(t);
    let (w, t, r, l) = (s.word_h[i], s.tag_h[i], s.rel_h[i], s.lemma_h[i]);
    let hd = s.head(i);
    let head_lemma = hd.map_or(1, |x| s.word_h[x]);
    let head_tag = hd.map_or(1, |x| s.tag_h[x]);
    out.push(f(1).num(t).done());
    out.push(f(2).num(l).num(t).done());
    out.push(f(3).num(r).num(t).done());
    out.push(f(4).num(l).num(r).done());
    out.push(f(5).num(u64::from(evokes)).num(t).done());
    out.push(f(6).num(head_lemma).num(r).done());
    out.push(f(7).num(head_tag).num(r).num(t).done());
    out.push(f(8).num(w).done());
    out.push(f(9).num(s.cluster[i]).num(t).done());
    let mut kids = Hash::new(10);
    for &k in s.kids(i) {
        let rel = s.rels[k];
        if !matches!(rel, "punct" | "det" | "amod" | "compound") {
            kids = kids.num(s.rel_h[k]);
        }
        out.push(f(11).num(s.rel_h[k]).num(t).done());
        if matches!(rel, "case" | "det" | "cop" | "nmod:poss") {
            out.push(f(12).num(s.word_h[k]).num(l).done());
        }
    }
    out.push(kids.num(t).done());
    let prev = if i > 0 { s.word_h[i - 1] } else { 2 };
    let next = if i + 1 < s.n { s.word_h[i + 1] } else { 3 };
    out.push(f(13).num(prev).num(t).done());
    out.push(f(14).num(next).num(t).done());
    out.push(f(15).num(l).num(next).done());
}

/// The context of a predicate for choosing its roleset: hashes that are
/// combined with each candidate roleset.
fn sense_context(s: &Sentence, i: usize, frames: &Frames) -> Vec<u64> {
    let f = |t: u8| Hash::new(t);
    let mut out = vec![
        f(1).done(),
        f(2).num(s.rel_h[i]).done(),
        f(3).num(s.tag_h[i]).done(),
        f(4).num(s.voice[i] as u64).done(),
    ];
    let hd = s.head(i);
    out.push(f(5).num(hd.map_or(1, |x| s.word_h[x])).done());
    out.push(
        f(6).num(hd.map_or(1, |x| s.lemma_h[x]))
            .num(s.rel_h[i])
            .done(),
    );
    let mut kids = Hash::new(7);
    for &k in s.kids(i) {
        let rel = s.rels[k];
        if rel == "punct" {
            continue;
        }
        kids = kids.num(s.rel_h[k]);
        out.push(f(8).num(s.rel_h[k]).done());
        out.push(f(9).num(s.rel_h[k]).num(s.word_h[k]).done());
        out.push(f(10).num(s.rel_h[k]).num(s.cluster[k]).done());
        if s.marker_h[k] != 0 {
            out.push(f(11).num(s.rel_h[k]).num(s.marker_h[k]).done());
        }
        if matches!(rel, "obj" | "xcomp" | "ccomp" | "obl") {
            out.push(f(12).num(s.rel_h[k]).num(s.lemma_h[k]).done());
            out.push(f(13).num(s.rel_h[k]).num(s.tag_h[k]).done());
        }
        if rel == "obj" && s.upos(k) == "NOUN" {
            // "make a decision": an object that is itself a predicate
            let evokes = !frames.evoked(b'n', &s.lemmas[k]).is_empty();
            out.push(f(17).num(u64::from(evokes)).done());
        }
    }
    out.push(kids.done());
    let next = if i + 1 < s.n { s.word_h[i + 1] } else { 3 };
    let prev = if i > 0 { s.word_h[i - 1] } else { 2 };
    out.push(f(14).num(next).done());
    out.push(f(15).num(prev).done());
    out.push(f(16).num(s.word_h[i]).done());
    // "was killed" against "was big": what the word stands next to and under
    let next_tag = if i + 1 < s.n { s.tag_h[i + 1] } else { 3 };
    out.push(f(18).num(next_tag).done());
    out.push(
        f(19)
            .num(hd.map_or(1, |x| s.tag_h[x]))
            .num(s.rel_h[i])
            .done(),
    );
    out
}

/// The features of roleset `rs` (the `rank`-th candidate) for a predicate
/// of lemma `lemma` in `context`: each context hash with the roleset's id,
/// and a few with what any roleset has (its rank, whether its stem is the
/// lemma, whether it is a light verb), which carry over to unseen lemmas.
fn sense_features(
    context: &[u64],
    rs: &frames::Roleset,
    rank: usize,
    lemma: &str,
    out: &mut Vec<u64>,
) {
    let id = h(&rs.id);
    for &c in context {
        out.push(Hash::new(30).num(id).num(c).done());
    }
    let kind = (rank.min(3) as u64)
        | u64::from(rs.stem() == lemma) << 2
        | u64::from(rs.id.ends_with(".LV")) << 3
        | u64::from(rs.stem().contains('_')) << 4;
    for &c in &context[..context.len().min(6)] {
        out.push(Hash::new(31).num(kind).num(c).done());
    }
}

/// Features of candidate `c` as an argument of predicate `p` (roleset id
/// hashed in `rs`).
fn argument_features(s: &Sentence, p: usize, c: &Candidate, rs: u64, out: &mut Vec<u64>) {
    let a = c.word;
    let f = |t: u8| Hash::new(t);
    let dir = u64::from(a > p);
    let voice = s.voice[p] as u64;
    let lem = s.lemma_h[p];
    let (ra, ma, wa, ta, ca) = (
        s.rel_h[a],
        s.marker_h[a],
        s.word_h[a],
        s.tag_h[a],
        s.cluster[a],
    );
    // the predicate's tag with the finite tenses as one: the roles do not
    // depend on them, and an unknown verb's tense is often mistagged
    // ("retook" as VBP)
    let tp = match s.tags[p] {
        "VERB|VBD" | "VERB|VBP" | "VERB|VBZ" => h("VERB|finite"),
        _ => s.tag_h[p],
    };
    let path = c.path;
    let shape = (c.up.min(4) as u64) << 1 | u64::from(c.ancestor);
    let dist = match a.abs_diff(p) {
        0..=1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=9 => 5,
        _ => 6,
    };
    out.push(f(0).done());
    out.push(f(1).num(path).done());
    out.push(f(2).num(path).num(voice).done());
    out.push(f(3).num(lem).num(path).done());
    out.push(f(4).num(ra).num(dir).num(voice).num(shape).done());
    out.push(f(5).num(ra).num(ma).num(voice).num(dir).done());
    out.push(f(6).num(lem).num(ra).num(ma).num(dir).done());
    out.push(f(7).num(wa).done());
    out.push(f(8).num(wa).num(lem).done());
    out.push(f(9).num(ta).num(path).done());
    out.push(f(10).num(ca).num(ra).done());
    out.push(f(11).num(ma).num(wa).done());
    out.push(f(12).num(shape).num(ra).num(tp).done());
    out.push(f(13).num(rs).num(ra).num(ma).num(dir).num(voice).done());
    out.push(f(14).num(rs).num(path).done());
    out.push(f(15).num(tp).num(ra).num(ma).num(dir).done());
    out.push(f(16).num(ta).num(ma).num(dir).num(voice).done());
    out.push(f(17).num(dist).num(dir).num(shape).done());
    out.push(f(18).num(tp).num(path).num(dir).done());
    out.push(f(19).num(ca).num(lem).done());
    out.push(f(20).num(ma).num(lem).done());
    out.push(f(21).num(s.rel_h[p]).num(path).num(dir).done());
    out.push(f(22).num(wa).num(ra).num(dir).done());
    out.push(f(23).num(ca).num(ma).num(tp).done());
    out.push(f(24).num(ta).num(ra).num(tp).num(dir).num(voice).done());
    out.push(f(25).num(rs).num(shape).num(dir).done());
    // the word the candidate's phrase starts with ("when", "because", "if")
    out.push(f(26).num(s.word_h[s.lo[a]]).num(ra).done());
    out.push(f(27).num(s.rel_h[c.via]).num(ra).num(shape).done());
    out.push(f(29).num(c.tag_path).done());
    out.push(f(30).num(c.tag_path).num(ra).num(voice).done());
    let (first, last) = (s.kids(a).first(), s.kids(a).last());
    out.push(f(31).num(first.map_or(4, |&k| s.word_h[k])).num(ta).done());
    out.push(f(32).num(last.map_or(4, |&k| s.word_h[k])).num(ta).done());
    let ph = s.head(p).map_or(5, |x| s.word_h[x]);
    out.push(f(33).num(ph).num(ra).num(shape).done());
    out.push(
        f(34)
            .num(lem)
            .num(voice)
            .num(ra)
            .num(dir)
            .num(ma)
            .num(shape)
            .done(),
    );
    out.push(f(35).num(s.word_h[s.hi[a]]).num(ra).done());
    out.push(f(36).num(ca).num(path).done());
    out.push(f(37).num(rs).num(wa).done());
    out.push(f(38).num(rs).num(ca).num(ra).done());
    // a place name ("arrived in Ankara") is not a time, whatever its
    // preposition, and "on Thursday" is one
    let kind = u64::from(s.place[a]) | u64::from(s.time[a]) << 1;
    out.push(f(43).num(kind).num(ma).num(tp).done());
    out.push(f(44).num(kind).num(ra).num(dir).done());
    out.push(f(45).num(kind).num(ma).done());
    let own_subject = u64::from(s.has_subject[p]);
    out.push(f(39).num(path).num(own_subject).num(voice).done());
    out.push(f(40).num(path).num(own_subject).num(tp).done());
}

/// Label the semantic roles of every sentence of the document (needs its
/// tags and parse): `doc.frames`.
pub fn label(doc: &mut Document) {
    let labeller = Labeller::embedded();
    let tagger = crate::tag::Tagger::embedded();
    let frames = Frames::embedded();
    let mut found = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let range = sent.tokens.clone();
        let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
        let tags: Vec<&str> = range
            .clone()
            .map(|i| {
                let class = doc.pos.get(i).copied().unwrap_or(0) as usize;
                tagger.classes.get(class).map_or("X|XX", String::as_str)
            })
            .collect();
        let heads: Vec<Option<usize>> = range
            .clone()
            .map(|i| {
                doc.heads
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|hd| hd - range.start)
            })
            .collect();
        let rels: Vec<&str> = range
            .clone()
            .map(|i| doc.deprels.get(i).unwrap_or("dep"))
            .collect();
        let s = Sentence::new(&words, tags, &heads, rels, frames);
        let base = range.start;
        for f in labeller.label(&s, frames) {
            found.push(crate::doc::Frame {
                sentence: si,
                predicate: base + f.predicate,
                lemma: s.lemmas[f.predicate].clone(),
                roleset: f.roleset,
                args: f
                    .args
                    .iter()
                    .map(|a| crate::doc::Argument {
                        role: labeller.labels[a.role].as_str(),
                        head: base + a.head,
                        tokens: base + a.start..base + a.end,
                    })
                    .collect(),
            });
        }
    }
    doc.frames = found;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence from words, UPOS|XPOS tags, heads (-1 for the root) and relations.
    fn sentence<'a>(
        words: &[&str],
        tags: &[&'a str],
        heads: &[i32],
        rels: &[&'a str],
    ) -> Sentence<'a> {
        let heads: Vec<Option<usize>> = heads.iter().map(|&x| usize::try_from(x).ok()).collect();
        Sentence::new(
            words,
            tags.to_vec(),
            &heads,
            rels.to_vec(),
            Frames::embedded(),
        )
    }

    fn soldiers() -> Sentence<'static> {
        // Three soldiers were killed by regime forces in Idlib .
        sentence(
            &[
                "Three", "soldiers", "were", "killed", "by", "regime", "forces", "in", "Idlib", ".",
            ],
            &[
                "NUM|CD",
                "NOUN|NNS",
                "AUX|VBD",
                "VERB|VBN",
                "ADP|IN",
                "NOUN|NN",
                "NOUN|NNS",
                "ADP|IN",
                "PROPN|NNP",
                "PUNCT|.",
            ],
            &[1, 3, 3, -1, 6, 6, 3, 8, 3, 3],
            &[
                "nummod",
                "nsubj:pass",
                "aux:pass",
                "root",
                "case",
                "compound",
                "obl:agent",
                "case",
                "obl",
                "punct",
            ],
        )
    }

    #[test]
    fn a_sentence_knows_subtrees_voice_and_markers() {
        let s = soldiers();
        assert_eq!((s.lo[3], s.hi[3]), (0, 9));
        assert_eq!((s.lo[6], s.hi[6]), (4, 6));
        assert_eq!(s.voice[3], 1, "a passive auxiliary");
        assert_eq!(s.marker_h[6], h("by"));
        assert_eq!(s.kids(3), &[1, 2, 6, 8, 9]);
        assert_eq!(s.lemmas[3], "kill");
    }

    #[test]
    fn candidates_are_dependents_ancestors_and_their_dependents() {
        let s = soldiers();
        let mut c = Candidates::default();
        c.find(&s, 3);
        let words: Vec<usize> = c.list.iter().map(|c| c.word).collect();
        assert_eq!(words, vec![1, 6, 8], "no punctuation, no passive auxiliary");
        c.find(&s, 6); // the noun "forces": its dependents, then "killed" and its other dependents
        let words: Vec<usize> = c.list.iter().map(|c| c.word).collect();
        assert_eq!(words, vec![5, 3, 1, 8], "no preposition");
        assert!(c.list[1].ancestor && c.list[1].up == 1);
    }

    #[test]
    fn spans_follow_propbank_brackets() {
        let s = soldiers();
        let mut c = Candidates::default();
        c.find(&s, 3);
        let get = |w: usize| *c.list.iter().find(|c| c.word == w).unwrap();
        assert_eq!(span(&s, &get(1), &[1, 6, 8]), (0, 2), "Three soldiers");
        assert_eq!(span(&s, &get(6), &[1, 6, 8]), (4, 7), "by regime forces");
        assert_eq!(span(&s, &get(8), &[1, 6, 8]), (7, 9), "in Idlib");
    }

    #[test]
    fn an_ancestor_leaves_out_the_clause_around_the_predicate() {
        // the officers who were working , and more
        let s = sentence(
            &[
                "of", "the", "officers", "who", "were", "working", ",", "and", "more",
            ],
            &[
                "ADP|IN", "DET|DT", "NOUN|NNS", "PRON|WP", "AUX|VBD", "VERB|VBG", "PUNCT|,",
                "CCONJ|CC", "ADJ|JJR",
            ],
            &[2, 2, -1, 5, 5, 2, 8, 8, 2],
            &[
                "case",
                "det",
                "root",
                "nsubj",
                "aux",
                "acl:relcl",
                "punct",
                "cc",
                "conj",
            ],
        );
        let mut c = Candidates::default();
        c.find(&s, 5);
        let officers = *c.list.iter().find(|c| c.word == 2).unwrap();
        assert!(officers.ancestor);
        assert_eq!(span(&s, &officers, &[2, 3]), (1, 3), "the officers");
    }

    #[test]
    fn a_lemma_no_roleset_has_is_mended_from_the_form() {
        let f = Frames::embedded();
        assert_eq!(lexical_lemma(f, b'v', "shelled", "shel".into()), "shell");
        assert_eq!(lexical_lemma(f, b'v', "killed", "kill".into()), "kill");
        assert_eq!(
            lexical_lemma(f, b'v', "bombarding", "bombarde".into()),
            "bombard"
        );
        assert_eq!(
            lexical_lemma(f, b'v', "xyzzied", "xyzzied".into()),
            "xyzzied"
        );
    }

    #[test]
    fn labels_know_their_numbered_roles() {
        assert_eq!(core_number("ARG0"), Some(0));
        assert_eq!(core_number("ARG1-DSP"), Some(1));
        assert_eq!(core_number("ARGA"), Some(6));
        assert_eq!(core_number("ARGM-TMP"), None);
        assert_eq!(core_number("R-ARG0"), None);
        assert_eq!("C-ARG1".strip_prefix("C-").and_then(core_number), Some(1));
    }
}
