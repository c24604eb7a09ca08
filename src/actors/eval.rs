//! Evaluation of the actor stage on GUM's coreference (`lede-train
//! eval-actors`): over the named mentions of each document (a mention with
//! a Wikipedia link whose head is a proper noun), two mentions are linked
//! in gold when they share GUM's entity id, and by lede when the entities
//! lede finds over their heads share an actor.

use std::path::Path;

use crate::output::Analysis;

/// A named mention: the byte span of the name's proper nouns, the byte
/// span of its head word, and GUM's entity id.
pub type GumMention = ((usize, usize), (usize, usize), String);

/// One GUM document: its text as lede reads it and its named mentions.
pub struct GumDoc {
    pub name: String,
    pub text: String,
    pub mentions: Vec<GumMention>,
}

/// Pair counts.
#[derive(Default, Clone, Copy, Debug)]
pub struct Score {
    pub named: usize,
    pub found: usize,
    pub gold_pairs: usize,
    pub pred_pairs: usize,
    pub both: usize,
    /// The same with merging by exact lowercase string.
    pub exact_pred: usize,
    pub exact_both: usize,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.named += o.named;
        self.found += o.found;
        self.gold_pairs += o.gold_pairs;
        self.pred_pairs += o.pred_pairs;
        self.both += o.both;
        self.exact_pred += o.exact_pred;
        self.exact_both += o.exact_both;
    }

    /// Precision, recall, F1 of lede's links.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.both, self.pred_pairs, self.gold_pairs)
    }

    /// Precision, recall, F1 of merging by exact lowercase string.
    pub fn exact_prf(&self) -> (f64, f64, f64) {
        prf(self.exact_both, self.exact_pred, self.gold_pairs)
    }
}

/// Precision, recall and F1 of `both` right among `pred` found and `gold`
/// expected.
pub(crate) fn prf(both: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = both as f64 / pred.max(1) as f64;
    let r = both as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Read a GUM CoNLL-U file.
pub fn read_gum(path: &Path) -> Result<GumDoc, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    let mut mentions = Vec::new();
    // per sentence
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut upos: Vec<String> = Vec::new();
    let mut forms: Vec<String> = Vec::new();
    let mut heads: Vec<usize> = Vec::new();
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut open: std::collections::HashMap<String, Vec<(usize, String)>> = Default::default();
    let mut space = false;
    let mut newpar = false;
    for line in src.lines().chain(std::iter::once("")) {
        if line.starts_with("# newpar") {
            newpar = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            for (s, e, body) in spans.drain(..) {
                let f: Vec<&str> = body.split('-').collect();
                if f.len() < 8 || f[7].is_empty() || e > words.len() {
                    continue;
                }
                let Some(h) = (s..e).find(|&k| heads[k] == 0 || heads[k] - 1 < s || heads[k] > e)
                else {
                    continue;
                };
                if upos[h] != "PROPN" {
                    continue;
                }
                let mut a = h;
                while a > s && upos[a - 1] == "PROPN" {
                    a -= 1;
                }
                let mut b = h + 1;
                while b < e && upos[b] == "PROPN" {
                    b += 1;
                }
                while a < h && crate::ner::train::GUM_TITLES.contains(&forms[a].as_str()) {
                    a += 1;
                }
                mentions.push(((words[a].0, words[b - 1].1), words[h], f[0].to_string()));
            }
            words.clear();
            upos.clear();
            forms.clear();
            heads.clear();
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 || c[0].contains(['-', '.']) {
            continue;
        }
        if !text.is_empty() {
            if newpar {
                text.push_str("\n\n");
            } else if space || words.is_empty() {
                text.push(' ');
            }
        }
        newpar = false;
        let i = words.len();
        let start = text.len();
        text.push_str(c[1]);
        words.push((start, text.len()));
        forms.push(c[1].to_string());
        upos.push(c[3].to_string());
        heads.push(c[6].parse().unwrap_or(0));
        space = !c[9].split('|').any(|f| f == "SpaceAfter=No");
        if let Some(ent) = c[9].split('|').find_map(|f| f.strip_prefix("Entity=")) {
            crate::ner::train::gum_entity_field(ent, i, &mut open, &mut spans);
        }
    }
    let name = path
        .file_stem()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
    Ok(GumDoc {
        name,
        text,
        mentions,
    })
}

/// Score lede's analysis of one document.
pub fn score(doc: &GumDoc, analysis: &Analysis) -> Score {
    // byte offsets of the analysis' UTF-16 offsets
    let mut utf16_to_byte = Vec::with_capacity(doc.text.len() + 1);
    for (b, ch) in doc.text.char_indices() {
        for _ in 0..ch.len_utf16() {
            utf16_to_byte.push(b);
        }
    }
    utf16_to_byte.push(doc.text.len());
    let ents: Vec<(usize, usize, Option<usize>, String)> = analysis
        .entities
        .iter()
        .filter(|e| e.actor.is_some())
        .map(|e| {
            (
                utf16_to_byte[e.start],
                utf16_to_byte[e.end],
                e.actor,
                e.text.to_lowercase(),
            )
        })
        .collect();
    // each named mention: the entity over its head word
    let mut found: Vec<(&str, usize, &str)> = Vec::new();
    for (name, head, id) in &doc.mentions {
        // the entity over the head word, inside the name ("Pittsburgh" of
        // "Pittsburgh Pirates" is not found as the team)
        let hit = ents
            .iter()
            .find(|e| e.0 < head.1 && head.0 < e.1 && name.0 <= e.0 && e.1 <= name.1)
            .and_then(|e| Some((e.2?, e.3.as_str())));
        if let Some((actor, text)) = hit {
            found.push((id.as_str(), actor, text));
        }
    }
    if std::env::var("ERRORS").is_ok() {
        let mut fp: std::collections::BTreeMap<(String, String), usize> = Default::default();
        let mut fnn: std::collections::BTreeMap<(String, String), usize> = Default::default();
        for i in 0..found.len() {
            for j in i + 1..found.len() {
                let gold = found[i].0 == found[j].0;
                let pred = found[i].1 == found[j].1;
                let (a, b) = (found[i].2.to_string(), found[j].2.to_string());
                let k = if a <= b { (a, b) } else { (b, a) };
                if pred && !gold {
                    *fp.entry(k).or_default() += 1;
                } else if gold && !pred {
                    *fnn.entry(k).or_default() += 1;
                }
            }
        }
        for ((a, b), n) in fp {
            println!("FP\t{}\t{n}\t{a} | {b}", doc.name);
        }
        for ((a, b), n) in fnn {
            println!("FN\t{}\t{n}\t{a} | {b}", doc.name);
        }
    }
    let mut s = Score {
        named: doc.mentions.len(),
        found: found.len(),
        ..Score::default()
    };
    for i in 0..found.len() {
        for j in i + 1..found.len() {
            let gold = found[i].0 == found[j].0;
            let pred = found[i].1 == found[j].1;
            let exact = found[i].2 == found[j].2;
            s.gold_pairs += gold as usize;
            s.pred_pairs += pred as usize;
            s.both += (gold && pred) as usize;
            s.exact_pred += exact as usize;
            s.exact_both += (gold && exact) as usize;
        }
    }
    s
}
