//! Named entities: a greedy left-to-right averaged perceptron over BILOU
//! tags for PER, ORG, LOC and MISC, trained by `lede-train ner` (see
//! [`train`], feature `train`) and embedded as `models/ner.bin`.
//!
//! Features ([`features`]): the word, its lowercase form, shape, prefixes
//! and suffixes, two words either side, gazetteer and actor-list matches,
//! the previous tags, and document-level facts: what the same word was tagged
//! earlier in the article, and whether it also appears in lowercase.
//!
//! The four CoNLL types become output labels here: PER → PERSON, ORG → ORG,
//! LOC → GPE or LOC (the gazetteer decides; unknown places are GPE unless
//! they name a natural feature), MISC → NORP (nationalities and groups),
//! EVENT (wars, games, summits) or MISC.

pub mod features;
#[cfg(feature = "train")]
pub mod train;

use std::sync::OnceLock;

use crate::doc::{Document, Entity, Label, Span};
use crate::lexicon::{lower_key, places};
use crate::weights::{self, varint, IdMap, Reader};
use features::{allowed, history_features, DocContext, SentenceFeatures};

/// Entity types, in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// O, then B/I/L/U for each type.
pub const N_TAGS: usize = 17;

const MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");
const MAGIC: &[u8; 8] = b"LEDENER3";

/// Tag name: `O`, `B-PER`, `L-ORG`, ...
pub fn tag_name(t: usize) -> String {
    if t == 0 {
        "O".into()
    } else {
        format!(
            "{}-{}",
            ["B", "I", "L", "U"][(t - 1) % 4],
            TYPES[(t - 1) / 4]
        )
    }
}

/// Tag index of a BILOU part (`'B'`, `'I'`, `'L'`, `'U'`) and type index.
pub fn tag(part: char, ty: usize) -> usize {
    1 + ty * 4 + "BILU".find(part).expect("a BILOU part")
}

/// A feature's 32-bit key.
pub fn key(h: u64) -> u32 {
    (h >> 32) as u32 ^ h as u32
}

/// The trained weights, quantized to `i16` per feature and tag.
pub struct Model {
    weights: IdMap<[i16; N_TAGS]>,
    /// The low bits of a feature's key that the model does not keep.
    drop: u32,
}

impl Model {
    /// The embedded model, loaded once.
    pub fn embedded() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::from_bytes(MODEL_BYTES).expect("models/ner.bin is a valid model"))
    }

    /// Read a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != MAGIC {
            return Err("not a lede NER model".into());
        }
        let n_tags = r.varint()? as usize;
        if n_tags != N_TAGS {
            return Err(format!("model has {n_tags} tags, expected {N_TAGS}"));
        }
        let (rows, drop) = weights::read(&mut r, N_TAGS)?;
        if !r.at_end() {
            return Err("model file has trailing bytes".into());
        }
        let mut weights = IdMap::with_capacity_and_hasher(rows.len(), Default::default());
        for (k, row) in rows {
            let mut w = [0i16; N_TAGS];
            for (t, x) in row {
                w[t as usize] = x;
            }
            weights.insert(k, w);
        }
        Ok(Model { weights, drop })
    }

    /// Serialize: the tag count, then the non-zero weights as [`weights::write`] stores them.
    pub fn to_bytes(weights: &[(u32, [i16; N_TAGS])]) -> Vec<u8> {
        let rows: weights::Rows = weights
            .iter()
            .map(|(k, w)| (*k, (0u8..).zip(w.iter().copied()).collect()))
            .collect();
        let mut out = MAGIC.to_vec();
        varint(&mut out, N_TAGS as u64);
        weights::write(&mut out, &rows, weights::KEY_MARGIN);
        out
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    fn scores(&self, feats: &[u64]) -> [i32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        for &f in feats {
            if let Some(w) = self.weights.get(&(key(f) >> self.drop)) {
                for (a, &b) in s.iter_mut().zip(w.iter()) {
                    *a += b as i32;
                }
            }
        }
        s
    }

    /// Tag every sentence of a document (words as strings).
    /// Two passes: the second sees what the first found across the whole document.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<usize>> {
        let mut ctx = DocContext::new(sentences);
        let score = |f: &[u64]| self.scores(f).map(|x| x as f32);
        // a sentence's features are built again in the second pass rather
        // than kept (they take several times the memory of the text); the
        // scores of the features that do not change are kept
        let mut caches: Vec<Vec<[f32; N_TAGS]>> = Vec::with_capacity(sentences.len());
        for words in sentences {
            let sent = SentenceFeatures::new(words);
            let mut cache = Vec::with_capacity(sent.len());
            let tags = decode_cached(&sent, &ctx, BEAM, score, None, &mut cache);
            ctx.record(&sent, &tags);
            ctx.count(&sent, &tags);
            caches.push(cache);
        }
        ctx.start_second_pass();
        let mut out = Vec::with_capacity(sentences.len());
        for (words, cache) in sentences.iter().zip(caches.iter_mut()) {
            let sent = &SentenceFeatures::new(words);
            let mut tags = decode_cached(sent, &ctx, BEAM, score, None, cache);
            *cache = Vec::new();
            expand_acronyms(&sent.words, &mut tags);
            join_coordinated_names(&sent.words, &mut tags);
            ctx.record(sent, &tags);
            out.push(tags);
        }
        out
    }
}

/// Beam width of decoding (and of training, with early updates).
pub const BEAM: usize = 4;

/// The features of token `i` given the two tags before it.
pub fn token_features(
    sent: &SentenceFeatures,
    ctx: &DocContext,
    i: usize,
    prev: usize,
    prev2: usize,
    out: &mut Vec<u64>,
) {
    sent.static_features(i, ctx, out);
    sent.pass_features(i, ctx, out);
    let hist = if sent.words[i].chars().next().is_some_and(char::is_uppercase) {
        ctx.majority(&sent.words[i])
    } else {
        None
    };
    history_features(sent, i, prev, prev2, hist, out);
}

/// A hypothesis of the beam: its score, the hypothesis of the step
/// before it extends (an index into that step's beam), its last two tags,
/// and whether it is the gold prefix (training).
#[derive(Clone, Copy)]
struct Hyp {
    score: f32,
    parent: usize,
    tag: usize,
    prev: usize,
    gold: bool,
}

/// Beam-search decoding of one sentence under the BILOU constraints.
/// `score` gives the tag scores of a feature set. With `gold`, the search
/// stops as soon as the gold prefix falls off the beam (early update) and
/// returns the best prefix so far: the training signal.
pub fn decode(
    sent: &SentenceFeatures,
    ctx: &DocContext,
    width: usize,
    score: impl Fn(&[u64]) -> [f32; N_TAGS],
    gold: Option<&[usize]>,
) -> Vec<usize> {
    decode_cached(sent, ctx, width, score, gold, &mut Vec::new())
}

/// [`decode`], keeping the scores of the pass-independent features of each
/// token in `cache` (filled when empty), so a second pass over the same
/// sentence with the same weights only scores what changed.
pub fn decode_cached(
    sent: &SentenceFeatures,
    ctx: &DocContext,
    width: usize,
    score: impl Fn(&[u64]) -> [f32; N_TAGS],
    gold: Option<&[usize]>,
    cache: &mut Vec<[f32; N_TAGS]>,
) -> Vec<usize> {
    let n = sent.len();
    // each step's beam, kept to read the tags back through the parents
    let mut steps: Vec<Vec<Hyp>> = Vec::with_capacity(n);
    let start = Hyp {
        score: 0.0,
        parent: 0,
        tag: 0,
        prev: 0,
        gold: true,
    };
    let mut static_feats = Vec::with_capacity(48);
    let mut hist_feats = Vec::with_capacity(8);
    let mut cands: Vec<(f32, usize, usize)> = Vec::with_capacity(width * N_TAGS);
    // best first; (hypothesis, tag) breaks ties, so the order is total
    let order = |a: &(f32, usize, usize), b: &(f32, usize, usize)| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    };
    for i in 0..n {
        if cache.len() <= i {
            static_feats.clear();
            sent.static_features(i, ctx, &mut static_feats);
            cache.push(score(&static_feats));
        }
        static_feats.clear();
        sent.pass_features(i, ctx, &mut static_feats);
        let mut base = cache[i];
        if !static_feats.is_empty() {
            for (a, b) in base.iter_mut().zip(score(&static_feats)) {
                *a += b;
            }
        }
        let hist = if sent.words[i].chars().next().is_some_and(char::is_uppercase) {
            ctx.majority(&sent.words[i])
        } else {
            None
        };
        let last = i + 1 == n;
        let quote = features::is_quote(&sent.words[i]);
        cands.clear();
        let beam = steps
            .last()
            .map_or(std::slice::from_ref(&start), Vec::as_slice);
        for (h, hyp) in beam.iter().enumerate() {
            let prev = if i > 0 { hyp.tag } else { 0 };
            let prev2 = if i > 1 { hyp.prev } else { 0 };
            hist_feats.clear();
            history_features(sent, i, prev, prev2, hist, &mut hist_feats);
            let hs = score(&hist_feats);
            for t in 0..N_TAGS {
                // a quotation mark may stand inside a name (Roberto " Hands of Stone " Duran), never at its edge
                let edge = t != 0 && (t - 1) % 4 != 1;
                if allowed(prev, t, last) && !(quote && edge) {
                    cands.push((hyp.score + base[t] + hs[t], h, t));
                }
            }
        }
        if cands.len() > width && width > 0 {
            cands.select_nth_unstable_by(width - 1, order);
            cands.truncate(width);
        }
        cands.sort_by(order);
        let next: Vec<Hyp> = cands
            .iter()
            .map(|&(sc, h, t)| Hyp {
                score: sc,
                parent: h,
                tag: t,
                prev: beam[h].tag,
                gold: beam[h].gold && gold.is_some_and(|g| g.get(i) == Some(&t)),
            })
            .collect();
        if next.is_empty() {
            break; // cannot happen: O, I and L cover every state
        }
        let lost_gold = gold.is_some() && !next.iter().any(|hyp| hyp.gold);
        steps.push(next);
        if lost_gold {
            break;
        }
    }
    // the best hypothesis' tags, read back through the parents
    let mut tags = vec![0; steps.len()];
    let mut h = 0;
    for (i, step) in steps.iter().enumerate().rev() {
        let Some(hyp) = step.get(h) else { break };
        tags[i] = hyp.tag;
        h = hyp.parent;
    }
    tags
}

/// `Syrian Arab Army (SAA)`: when an acronym in brackets is an entity and
/// the capitalized words just before it have its letters as initials, those
/// words are one entity of the acronym's type.
pub fn expand_acronyms<S: AsRef<str>>(words: &[S], tags: &mut [usize]) {
    let w = |k: usize| words[k].as_ref();
    for i in 1..words.len().saturating_sub(2) {
        let acr = w(i + 1);
        let letters: Vec<char> = acr.chars().collect();
        if w(i) != "(" || w(i + 2) != ")" || !(2..=6).contains(&letters.len()) {
            continue;
        }
        if !letters.iter().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let t = tags[i + 1];
        if t == 0 || (t - 1) % 4 != 3 {
            continue; // the acronym itself must be a one-word entity
        }
        let ty = (t - 1) / 4;
        // initials of the words from j to the bracket, fillers skipped
        let mut initials: Vec<char> = Vec::new();
        let mut j = i;
        while j > 0 && i - j < letters.len() + 3 {
            let word = w(j - 1);
            let filler = matches!(
                word,
                "of" | "and" | "the" | "for" | "de" | "al" | "el" | "-"
            );
            let parts: Vec<char> = word
                .split('-')
                .filter_map(|p| p.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if parts.is_empty() && !filler {
                break;
            }
            for c in parts.iter().rev() {
                initials.insert(0, c.to_ascii_uppercase());
            }
            j -= 1;
            if initials == letters {
                let len = i - j;
                for (k, slot) in tags[j..i].iter_mut().enumerate() {
                    let part = match (len, k) {
                        (1, _) => 'U',
                        (_, 0) => 'B',
                        (_, k) if k + 1 == len => 'L',
                        _ => 'I',
                    };
                    *slot = tag(part, ty);
                }
                // a name cut in two by the new span loses its broken half
                if j > 0 && tags[j - 1] != 0 && matches!((tags[j - 1] - 1) % 4, 0 | 1) {
                    let mut k = j;
                    while k > 0 && tags[k - 1] != 0 && matches!((tags[k - 1] - 1) % 4, 0 | 1) {
                        tags[k - 1] = 0;
                        k -= 1;
                    }
                }
                break;
            }
            if initials.len() > letters.len() {
                break;
            }
        }
    }
}

/// `Justice and Development Party`: capitalized words and `and` just before
/// an organization whose last word is an organization head (Party, Front,
/// Council) belong to its name when nothing else claimed them.
pub fn join_coordinated_names<S: AsRef<str>>(words: &[S], tags: &mut [usize]) {
    let w = |k: usize| words[k].as_ref();
    let org = 1;
    for (a, b, ty) in spans(tags) {
        if ty != org || a < 2 || w(a - 1) != "and" || !crate::places::ORG_HEADS.contains(&w(b - 1))
        {
            continue;
        }
        let mut s = a - 1;
        while s > 0 && tags[s - 1] == 0 && w(s - 1).chars().next().is_some_and(char::is_uppercase) {
            s -= 1;
        }
        // at least one capitalized word, and not the sentence's first word alone
        if s + 1 >= a || (s == 0 && a - 1 - s == 1) {
            continue;
        }
        let len = b - s;
        for (k, slot) in tags[s..b].iter_mut().enumerate() {
            let part = match k {
                0 => 'B',
                k if k + 1 == len => 'L',
                _ => 'I',
            };
            *slot = tag(part, org);
        }
    }
}

/// Entity spans `(first token, end token, type)` of a BILOU tag sequence.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            start = None;
            continue;
        }
        let (part, ty) = ((t - 1) % 4, (t - 1) / 4);
        match part {
            0 => start = Some(i),
            3 => out.push((i, i + 1, ty)),
            2 => {
                if let Some(s) = start.take() {
                    out.push((s, i + 1, ty));
                }
            }
            _ => {}
        }
    }
    out
}

/// Words that make an unknown LOC a natural feature (LOC) rather than a GPE.
const NATURAL: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "mountains",
    "mountain",
    "mount",
    "mt.",
    "lake",
    "gulf",
    "bay",
    "valley",
    "desert",
    "island",
    "islands",
    "peninsula",
    "strait",
    "coast",
    "hills",
    "plain",
    "basin",
    "canal",
    "channel",
    "forest",
    "heights",
];

/// Words that make a MISC name an EVENT.
const EVENTS: &[&str] = &[
    "war",
    "cup",
    "games",
    "olympics",
    "championship",
    "championships",
    "summit",
    "revolution",
    "uprising",
    "crisis",
    "election",
    "elections",
    "conference",
    "festival",
    "open",
    "tour",
    "grand",
    "prix",
    "world",
    "series",
    "massacre",
    "attack",
    "attacks",
    "offensive",
    "treaty",
];

/// The output label of a CoNLL type for a given span of text.
fn output_label(ty: usize, words: &[&str]) -> (Label, Option<&'static str>, Option<&'static str>) {
    let keys: Vec<String> = words.iter().map(|w| lower_key(w)).collect();
    let mut gaz = places().get(&keys.join(" "));
    if gaz.is_none() && words.len() == 1 {
        // pro-Turkish, anti-American, ex-Soviet: the nationality after the prefix
        gaz = keys[0]
            .rsplit_once('-')
            .and_then(|(_, last)| places().get(last))
            .filter(|p| p.label == Label::Norp);
    }
    match TYPES[ty] {
        "PER" => (Label::Person, None, None),
        "ORG" => (Label::Org, None, None),
        "LOC" => match gaz {
            Some(p) if p.label != Label::Norp => (p.label, Some(p.kind), p.country),
            _ if keys.iter().any(|k| NATURAL.contains(&k.as_str())) => (Label::Loc, None, None),
            _ => (Label::Gpe, None, None),
        },
        _ => match gaz {
            Some(p) if p.label == Label::Norp => (Label::Norp, Some(p.kind), p.country),
            _ if keys.iter().any(|k| EVENTS.contains(&k.as_str())) => (Label::Event, None, None),
            _ => (Label::Misc, None, None),
        },
    }
}

fn all_parts_are_places(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() > 1
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && places().get(&lower_key(p)).is_some()
        })
}

/// Find named entities in the document with the embedded model.
pub fn find(doc: &mut Document) {
    let model = Model::embedded();
    // a sentence of marks only holds no name: the tagger sees it empty
    let sentences: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| {
            if doc.wordless(s.tokens.clone()) {
                Vec::new()
            } else {
                s.tokens.clone().map(|i| doc.token_text(i)).collect()
            }
        })
        .collect();
    let tags = model.tag_document(&sentences);
    let mut found = Vec::new();
    for (sent, (words, tags)) in doc.sentences.iter().zip(sentences.iter().zip(&tags)) {
        for (a, b, ty) in spans(tags) {
            if b == a + 1 && all_parts_are_places(words[a]) {
                continue; // "Ankara-Moscow": the gazetteer gives the two places
            }
            let (label, kind, country) = output_label(ty, &words[a..b]);
            let first = sent.tokens.start + a;
            let last = sent.tokens.start + b - 1;
            found.push(Entity {
                span: Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end),
                label,
                source: "ner",
                kind,
                country,
            });
        }
    }
    doc.entities.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_and_indices_agree() {
        assert_eq!(tag_name(0), "O");
        assert_eq!(tag_name(tag('B', 0)), "B-PER");
        assert_eq!(tag_name(tag('U', 3)), "U-MISC");
        assert_eq!(tag_name(N_TAGS - 1), "U-MISC");
    }

    #[test]
    fn spans_of_bilou_tags() {
        let t = [
            0,
            tag('B', 0),
            tag('L', 0),
            0,
            tag('U', 2),
            tag('B', 1),
            tag('I', 1),
            tag('L', 1),
        ];
        assert_eq!(spans(&t), vec![(1, 3, 0), (4, 5, 2), (5, 8, 1)]);
    }

    #[test]
    fn model_bytes_round_trip() {
        let mut w = [0i16; N_TAGS];
        w[3] = -5;
        w[16] = 100;
        let bytes = Model::to_bytes(&[(0x7000_0000, w), (0x3000_0000, [1; N_TAGS])]);
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m.weights[&(0x7000_0000 >> m.drop)], w);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn acronym_in_brackets_makes_its_expansion_one_entity() {
        let words = ["The", "Syrian", "Arab", "Army", "(", "SAA", ")", "won"];
        let mut tags = vec![
            0,
            tag('U', 3),
            tag('U', 3),
            tag('U', 1),
            0,
            tag('U', 1),
            0,
            0,
        ];
        expand_acronyms(&words, &mut tags);
        assert_eq!(spans(&tags), vec![(1, 4, 1), (5, 6, 1)]);
        let words = ["Hayat", "Tahrir", "al-Sham", "(", "HTS", ")"];
        let mut tags = vec![0, tag('B', 0), tag('L', 0), 0, tag('U', 1), 0];
        expand_acronyms(&words, &mut tags);
        assert_eq!(spans(&tags), vec![(0, 3, 1), (4, 5, 1)]);
        // initials that do not match change nothing
        let words = ["Justice", "and", "Development", "Party", "(", "AKP", ")"];
        let mut tags = vec![tag('U', 1), 0, tag('B', 1), tag('L', 1), 0, tag('U', 1), 0];
        let before = tags.clone();
        expand_acronyms(&words, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn coordinated_words_join_an_organization_name() {
        let words = [
            "members",
            "of",
            "his",
            "Justice",
            "and",
            "Development",
            "Party",
            "(",
            "AKP",
            ")",
        ];
        let mut tags = vec![0, 0, 0, 0, 0, tag('B', 1), tag('L', 1), 0, tag('U', 1), 0];
        join_coordinated_names(&words, &mut tags);
        assert_eq!(spans(&tags), vec![(3, 7, 1), (8, 9, 1)]);
        // "Smith and Co. Party"-like sentence starts and non-head names stay as they are
        let words = ["Russia", "and", "Development", "Bank", "officials"];
        let mut tags = vec![tag('U', 2), 0, tag('B', 1), tag('L', 1), 0];
        let before = tags.clone();
        join_coordinated_names(&words, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn bilou_constraints() {
        let b_per = tag('B', 0);
        assert!(allowed(0, b_per, false));
        assert!(!allowed(0, b_per, true));
        assert!(allowed(b_per, tag('L', 0), true));
        assert!(!allowed(b_per, tag('L', 1), false));
        assert!(!allowed(b_per, 0, false));
        assert!(allowed(tag('U', 2), tag('U', 2), false));
    }
}
