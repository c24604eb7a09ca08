//! Training and evaluation of the NER model (cargo feature `train`).
//!
//! Readers for the corpora in `../shared/data` (CoNLL-2003, UNER EWT, GUM),
//! an averaged perceptron trained on the decoder's own predictions (so the
//! tag-history features see at training what they see at tagging), weight
//! averaging, pruning and `i16` quantization, and conlleval-style scoring.

use std::collections::HashMap;
use std::path::Path;

use super::features::{DocContext, SentenceFeatures};
use super::{decode, key, spans, tag, token_features, Model, BEAM, N_TAGS, TYPES};

/// A sentence with gold BILOU tags.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
}

/// A document: the unit of the document-level features.
pub type Doc = Vec<Sentence>;

fn type_index(t: &str) -> Option<usize> {
    match t {
        "PER" | "PERSON" => Some(0),
        "ORG" => Some(1),
        "LOC" | "GPE" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// BIO (IOB1 or IOB2) tags to BILOU tag indices.
pub fn bio_to_bilou(bio: &[&str]) -> Vec<usize> {
    let parsed: Vec<Option<(char, usize)>> = bio
        .iter()
        .map(|t| {
            let (p, ty) = t.split_once('-')?;
            Some((p.chars().next()?, type_index(ty)?))
        })
        .collect();
    let n = parsed.len();
    let mut out = vec![0; n];
    for i in 0..n {
        let Some((p, ty)) = parsed[i] else { continue };
        let begins = p == 'B' || i == 0 || parsed[i - 1].map(|x| x.1) != Some(ty);
        let continues = i + 1 < n && matches!(parsed[i + 1], Some(('I', t)) if t == ty);
        out[i] = match (begins, continues) {
            (true, true) => tag('B', ty),
            (true, false) => tag('U', ty),
            (false, true) => tag('I', ty),
            (false, false) => tag('L', ty),
        };
    }
    out
}

/// CoNLL-2003: `word POS chunk tag`, blank lines between sentences,
/// `-DOCSTART-` between documents.
pub fn read_conll(path: &Path) -> Result<Vec<Doc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut bio: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<Doc>, words: &mut Vec<String>, bio: &mut Vec<String>| {
        if !words.is_empty() {
            let b: Vec<&str> = bio.iter().map(String::as_str).collect();
            let tags = bio_to_bilou(&b);
            docs.last_mut().unwrap().push(Sentence {
                words: std::mem::take(words),
                tags,
            });
            bio.clear();
        }
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            flush(&mut docs, &mut words, &mut bio);
        } else if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut bio);
            if !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
        } else {
            words.push(cols[0].to_string());
            bio.push(cols[cols.len() - 1].to_string());
        }
    }
    flush(&mut docs, &mut words, &mut bio);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// UNER: `idx token tag` (IOB2), `# newdoc` between documents.
pub fn read_uner(path: &Path) -> Result<Vec<Doc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut words: Vec<String> = Vec::new();
    let mut bio: Vec<String> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.starts_with("# newdoc") && !docs.last().unwrap().is_empty() {
            docs.push(Vec::new());
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if line.trim().is_empty() {
            if !words.is_empty() {
                let b: Vec<&str> = bio.iter().map(String::as_str).collect();
                let tags = bio_to_bilou(&b);
                docs.last_mut().unwrap().push(Sentence {
                    words: std::mem::take(&mut words),
                    tags,
                });
                bio.clear();
            }
        } else if cols.len() >= 3 && !cols[0].contains(['-', '.']) {
            words.push(cols[1].to_string());
            bio.push(cols[2].to_string());
        }
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// Title words stripped from the front of GUM names ("President Donald Trump").
/// Titles GUM keeps inside a name ("President Obama"): not part of it.
pub const GUM_TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Senator",
    "Governor",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "General",
    "Secretary",
    "Chancellor",
    "Pope",
    "Saint",
    "St.",
    "Sir",
    "Lord",
    "Lady",
    "Judge",
    "Justice",
    "Professor",
    "Prof.",
    "Ambassador",
    "Vice",
    "Representative",
    "Rep.",
    "Sen.",
    "Gov.",
    "Gen.",
    "Captain",
    "Chief",
    "Director",
];

/// GUM CoNLL-U with `Entity=` annotations: the named mentions (those with a
/// Wikipedia identity whose head is a proper noun), cut down to the proper
/// name around the head, as CoNLL would mark them. person → PER,
/// organization → ORG, place → LOC, anything else → MISC.
///
/// With `linked_only` false, proper-noun mentions without a Wikipedia link
/// count too (fuller training data: GUM links only entities that have a page).
pub fn read_gum(path: &Path, linked_only: bool) -> Result<Doc, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut doc = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut upos: Vec<String> = Vec::new();
    let mut heads: Vec<usize> = Vec::new();
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    let mut open: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !words.is_empty() {
                let tags = gum_tags(&words, &upos, &heads, &mentions, linked_only);
                doc.push(Sentence {
                    words: std::mem::take(&mut words),
                    tags,
                });
                upos.clear();
                heads.clear();
                mentions.clear();
            }
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 || c[0].contains(['-', '.']) {
            continue;
        }
        let i = words.len();
        words.push(c[1].to_string());
        upos.push(c[3].to_string());
        heads.push(c[6].parse::<usize>().unwrap_or(0));
        if let Some(ent) = c[9].split('|').find_map(|f| f.strip_prefix("Entity=")) {
            gum_entity_field(ent, i, &mut open, &mut mentions);
        }
    }
    Ok(doc)
}

/// One token's GUM `Entity=` field: mentions it opens are kept in `open`
/// (by entity id), mentions it closes (or opens and closes) are pushed to
/// `mentions` as (first token, end token, the mention's annotation).
/// Mentions spanning sentences are cut at the sentence start.
pub fn gum_entity_field(
    ent: &str,
    i: usize,
    open: &mut HashMap<String, Vec<(usize, String)>>,
    mentions: &mut Vec<(usize, usize, String)>,
) {
    let b = ent.as_bytes();
    let mut p = 0;
    while p < b.len() {
        if b[p] == b'(' {
            let q = ent[p + 1..]
                .find(['(', ')'])
                .map_or(ent.len(), |x| x + p + 1);
            let body = &ent[p + 1..q];
            if q < ent.len() && b[q] == b')' {
                mentions.push((i, i + 1, body.to_string()));
                p = q + 1;
            } else {
                let id = body.split('-').next().unwrap_or("").to_string();
                open.entry(id).or_default().push((i, body.to_string()));
                p = q;
            }
        } else {
            let q = ent[p..].find(')').map_or(ent.len(), |x| x + p);
            if let Some((s, body)) = open.get_mut(&ent[p..q]).and_then(Vec::pop) {
                mentions.push((if s > i { 0 } else { s }, i + 1, body));
            }
            p = q + 1;
        }
    }
}

fn gum_tags(
    words: &[String],
    upos: &[String],
    heads: &[usize],
    mentions: &[(usize, usize, String)],
    linked_only: bool,
) -> Vec<usize> {
    let n = words.len();
    let mut bio = vec!["O".to_string(); n];
    let mut taken = vec![false; n];
    // inner (shorter) mentions first, so "U.S." inside "U.S. President Donald Trump" keeps its own type
    let mut ms: Vec<&(usize, usize, String)> = mentions.iter().collect();
    ms.sort_by_key(|(s, e, _)| e - s);
    for (s, e, body) in ms {
        let f: Vec<&str> = body.split('-').collect();
        let linked = f.len() >= 8 && !f[7].is_empty();
        if f.len() < 2 || (linked_only && !linked) || *e > n {
            continue;
        }
        let ty = match f[1] {
            "person" => "PER",
            "organization" => "ORG",
            "place" => "LOC",
            _ => "MISC",
        };
        // the head: the token of the span whose head lies outside it
        let Some(h) = (*s..*e).find(|&k| heads[k] == 0 || heads[k] - 1 < *s || heads[k] > *e)
        else {
            continue;
        };
        if upos[h] != "PROPN" || taken[h] {
            continue;
        }
        let is_name = |k: usize| upos[k] == "PROPN" && !taken[k];
        let mut a = h;
        while a > *s && is_name(a - 1) {
            a -= 1;
        }
        let mut b = h + 1;
        while b < *e && is_name(b) {
            b += 1;
        }
        while a < h && GUM_TITLES.contains(&words[a].as_str()) {
            a += 1;
        }
        for k in a..b {
            bio[k] = format!("{}-{ty}", if k == a { "B" } else { "I" });
            taken[k] = true;
        }
    }
    let b: Vec<&str> = bio.iter().map(String::as_str).collect();
    bio_to_bilou(&b)
}

/// Per-type and overall exact-span counts.
#[derive(Default, Clone)]
pub struct Score {
    /// (true positives, predicted, gold) per type, then overall.
    pub counts: [(usize, usize, usize); 5],
}

impl Score {
    /// Compare predicted tags with gold ones; `types` limits the types counted.
    pub fn add(&mut self, gold: &[usize], pred: &[usize], types: &[usize]) {
        let g: Vec<_> = spans(gold)
            .into_iter()
            .filter(|s| types.contains(&s.2))
            .collect();
        let p: Vec<_> = spans(pred)
            .into_iter()
            .filter(|s| types.contains(&s.2))
            .collect();
        for s in &p {
            self.counts[s.2].1 += 1;
            self.counts[4].1 += 1;
            if g.contains(s) {
                self.counts[s.2].0 += 1;
                self.counts[4].0 += 1;
            }
        }
        for s in &g {
            self.counts[s.2].2 += 1;
            self.counts[4].2 += 1;
        }
    }

    /// Precision, recall, F1 of row `k` (0..4 types, 4 overall).
    pub fn prf(&self, k: usize) -> (f64, f64, f64) {
        let (tp, p, g) = self.counts[k];
        let pr = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
        let rc = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
        let f = if pr + rc == 0.0 {
            0.0
        } else {
            2.0 * pr * rc / (pr + rc)
        };
        (pr, rc, f)
    }

    pub fn table(&self, types: &[usize]) -> String {
        let mut out =
            String::from("| type | precision | recall | F1 | gold |\n|---|---|---|---|---|\n");
        for &t in types {
            let (p, r, f) = self.prf(t);
            out += &format!(
                "| {} | {:.4} | {:.4} | {:.4} | {} |\n",
                TYPES[t], p, r, f, self.counts[t].2
            );
        }
        let (p, r, f) = self.prf(4);
        out += &format!(
            "| **all** | {:.4} | {:.4} | **{:.4}** | {} |\n",
            p, r, f, self.counts[4].2
        );
        out
    }
}

/// Tag a document of the corpora with a model.
pub fn tag_doc(model: &Model, doc: &Doc) -> Vec<Vec<usize>> {
    let words: Vec<Vec<&str>> = doc
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    model.tag_document(&words)
}

/// Tag documents with a model and score them.
pub fn evaluate(model: &Model, docs: &[Doc], types: &[usize]) -> Score {
    let mut score = Score::default();
    for d in docs {
        let pred = tag_doc(model, d);
        for (s, p) in d.iter().zip(&pred) {
            score.add(&s.tags, p, types);
        }
    }
    score
}

struct Weights {
    w: [f32; N_TAGS],
    total: [f64; N_TAGS],
    stamp: [u32; N_TAGS],
}

/// An averaged perceptron (Collins 2002), averaged lazily.
struct Perceptron {
    weights: HashMap<u32, Weights>,
    step: u32,
}

impl Perceptron {
    fn scores(&self, feats: &[u64]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for &f in feats {
            if let Some(w) = self.weights.get(&key(f)) {
                for (a, b) in s.iter_mut().zip(w.w.iter()) {
                    *a += b;
                }
            }
        }
        s
    }

    /// One structured update on a sentence: decode with early update and move
    /// the weights toward the gold path and away from the predicted one.
    fn learn(&mut self, feats: &SentenceFeatures, ctx: &DocContext, gold: &[usize]) {
        let pred = decode(feats, ctx, BEAM, |f| self.scores(f), Some(gold));
        if pred[..] != gold[..pred.len()] {
            let tag_at = |tags: &[usize], k: usize| if k < tags.len() { tags[k] } else { 0 };
            let mut fg = Vec::new();
            let mut fp = Vec::new();
            for k in 0..pred.len() {
                let gp = (
                    tag_at(gold, k.wrapping_sub(1)),
                    tag_at(gold, k.wrapping_sub(2)),
                );
                let qp = (
                    tag_at(&pred, k.wrapping_sub(1)),
                    tag_at(&pred, k.wrapping_sub(2)),
                );
                if gold[k] == pred[k] && gp == qp {
                    continue;
                }
                fg.clear();
                fp.clear();
                token_features(feats, ctx, k, gp.0, gp.1, &mut fg);
                token_features(feats, ctx, k, qp.0, qp.1, &mut fp);
                self.update_one(&fg, gold[k], 1.0);
                self.update_one(&fp, pred[k], -1.0);
            }
        }
        self.step += 1;
    }

    fn update_one(&mut self, feats: &[u64], t: usize, delta: f32) {
        let step = self.step;
        for &f in feats {
            let e = self.weights.entry(key(f)).or_insert_with(|| Weights {
                w: [0.0; N_TAGS],
                total: [0.0; N_TAGS],
                stamp: [0; N_TAGS],
            });
            e.total[t] += (step - e.stamp[t]) as f64 * e.w[t] as f64;
            e.stamp[t] = step;
            e.w[t] += delta;
        }
    }

    /// Averaged weights.
    fn averaged(&self) -> Vec<(u32, [f32; N_TAGS])> {
        let step = self.step.max(1);
        let mut out: Vec<(u32, [f32; N_TAGS])> = self
            .weights
            .iter()
            .map(|(k, e)| {
                let a: [f32; N_TAGS] = std::array::from_fn(|t| {
                    let total = e.total[t] + (step - e.stamp[t]) as f64 * e.w[t] as f64;
                    (total / step as f64) as f32
                });
                (*k, a)
            })
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

/// A small deterministic generator for shuffling (fixed seed, same order every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Training settings.
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Features whose largest averaged weight is below this are dropped.
    pub prune: f32,
}

/// Train on `docs`; returns the quantized weights, ready for [`Model::to_bytes`].
/// `report` is called after each epoch with the model so far.
pub fn train(
    docs: &[Doc],
    settings: &Settings,
    mut report: impl FnMut(usize, &Model),
) -> Vec<(u32, [i16; N_TAGS])> {
    let mut p = Perceptron {
        weights: HashMap::new(),
        step: 0,
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Lcg(settings.seed);
    let mut quantized = Vec::new();
    for epoch in 1..=settings.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        for &d in &order {
            let doc = &docs[d];
            let mut ctx = DocContext::new(&doc.iter().map(|s| s.words.clone()).collect::<Vec<_>>());
            let feats: Vec<SentenceFeatures> = doc
                .iter()
                .map(|s| SentenceFeatures::new(&s.words))
                .collect();
            // pass 1 learns without the document-wide features, pass 2 with them
            for pass in 0..2 {
                if pass == 1 {
                    let first: Vec<Vec<usize>> = feats
                        .iter()
                        .map(|f| decode(f, &ctx, BEAM, |x| p.scores(x), None))
                        .collect();
                    ctx.second_pass(&feats, &first);
                }
                for (sent, f) in doc.iter().zip(&feats) {
                    p.learn(f, &ctx, &sent.tags);
                    let tags = decode(f, &ctx, BEAM, |x| p.scores(x), None);
                    ctx.record(f, &tags);
                }
            }
        }
        quantized = quantize(&p.averaged(), settings.prune);
        let model = Model::from_bytes(&Model::to_bytes(&quantized))
            .expect("a model just written reads back");
        report(epoch, &model);
    }
    quantized
}

/// Drop weak features and map weights to `i16` with one scale for the model.
fn quantize(weights: &[(u32, [f32; N_TAGS])], prune: f32) -> Vec<(u32, [i16; N_TAGS])> {
    let max = weights
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max == 0.0 { 1.0 } else { 32767.0 / max };
    weights
        .iter()
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune))
        .map(|(k, w)| {
            let mut q = [0i16; N_TAGS];
            for (a, b) in q.iter_mut().zip(w) {
                *a = (b * scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            (*k, q)
        })
        .filter(|(_, q)| q.iter().any(|&x| x != 0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_to_bilou_handles_iob1_and_iob2() {
        let t = bio_to_bilou(&["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-MISC"]);
        assert_eq!(
            t,
            vec![
                tag('B', 0),
                tag('L', 0),
                0,
                tag('B', 2),
                tag('L', 2),
                tag('U', 2),
                tag('U', 3)
            ]
        );
    }

    #[test]
    fn score_counts_exact_spans() {
        let gold = bio_to_bilou(&["B-PER", "I-PER", "O", "B-LOC"]);
        let pred = bio_to_bilou(&["B-PER", "O", "O", "B-LOC"]);
        let mut s = Score::default();
        s.add(&gold, &pred, &[0, 1, 2, 3]);
        assert_eq!(s.counts[4], (1, 2, 2));
    }
}
