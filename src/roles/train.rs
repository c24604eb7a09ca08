//! Training and evaluation of the role labeller (cargo feature `train`):
//! PropBank 3.1 over the English Web Treebank, aligned with UD EWT.
//!
//! The PropBank files carry no words: sentence N (0-based) of
//! `GENRE/00/NAME.xml.gold_skel` is UD EWT sentence `GENRE-NAME-000(N+1)`;
//! sentences whose token counts differ are skipped.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use super::frames::Frames;
use super::{
    argument_features, frame_pos, predicate_features, sense_context, sense_features, Candidates,
    Labeller, Sentence, NONE,
};
use crate::perceptron;

/// A predicate of the gold annotation.
#[derive(Debug, Clone)]
pub struct GoldPredicate {
    pub word: usize,
    pub roleset: String,
    /// Label and words `start..end` of each argument (`V` and `C-V` left out).
    pub args: Vec<(String, usize, usize)>,
}

/// A sentence of UD EWT with its PropBank predicates.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub id: String,
    /// The sentence's text as UD gives it (`# text`).
    pub text: String,
    pub words: Vec<String>,
    /// Gold `UPOS|XPOS`, lemmas, heads (`None`: root) and relations.
    pub tags: Vec<String>,
    pub lemmas: Vec<String>,
    pub heads: Vec<Option<usize>>,
    pub rels: Vec<String>,
    pub predicates: Vec<GoldPredicate>,
}

/// A sentence's syntax as some tagger and parser saw it.
#[derive(Debug, Clone)]
pub struct Syntax {
    pub tags: Vec<String>,
    pub heads: Vec<Option<usize>>,
    pub rels: Vec<String>,
}

impl Annotated {
    /// The gold syntax.
    pub fn gold(&self) -> Syntax {
        Syntax {
            tags: self.tags.clone(),
            heads: self.heads.clone(),
            rels: self.rels.clone(),
        }
    }

    /// The sentence as the labeller reads it, over `syntax`.
    pub fn sentence<'a>(&self, syntax: &'a Syntax, frames: &Frames) -> Sentence<'a> {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        Sentence::new(
            &words,
            syntax.tags.iter().map(String::as_str).collect(),
            &syntax.heads,
            syntax.rels.iter().map(String::as_str).collect(),
            frames,
        )
    }
}

/// The syntax lede's embedded tagger and parser give the sentence.
pub fn predicted(words: &[String]) -> Syntax {
    let tags = crate::tag::Tagger::embedded().tag_doubt(words);
    let (heads, rels) = crate::parse::Parser::embedded().parse(words, &tags);
    Syntax {
        tags: tags
            .iter()
            .map(|t| t.split('+').next().unwrap_or(t).to_string())
            .collect(),
        heads,
        rels: rels.into_iter().map(str::to_string).collect(),
    }
}

/// UD sentences by id: text and token rows.
type UdSentences = HashMap<String, (String, Vec<Vec<String>>)>;

fn read_ud(path: &Path, into: &mut UdSentences) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut id, mut sent, mut rows) = (String::new(), String::new(), Vec::new());
    for line in text.lines().chain(std::iter::once("")) {
        if let Some(v) = line.strip_prefix("# sent_id = ") {
            id = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("# text = ") {
            sent = v.to_string();
        } else if line.trim().is_empty() {
            if !rows.is_empty() {
                into.insert(
                    std::mem::take(&mut id),
                    (std::mem::take(&mut sent), std::mem::take(&mut rows)),
                );
            }
        } else if !line.starts_with('#') {
            let c: Vec<String> = line.split('\t').map(str::to_string).collect();
            if c.len() == 10 && !c[0].contains(['-', '.']) {
                rows.push(c);
            }
        }
    }
    Ok(())
}

/// Bracketed argument columns (`(ARG0*`, `*`, `*)`) → labelled word ranges.
fn brackets(column: &[&str]) -> Vec<(String, usize, usize)> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut out = Vec::new();
    for (i, cell) in column.iter().enumerate() {
        let mut rest = *cell;
        while let Some(at) = rest.find('(') {
            let label: String = rest[at + 1..]
                .chars()
                .take_while(|&c| c != '*' && c != '(' && c != ')')
                .collect();
            rest = &rest[at + 1 + label.len()..];
            open.push((label, i));
        }
        for _ in 0..cell.matches(')').count() {
            if let Some((label, start)) = open.pop() {
                out.push((label, start, i + 1));
            }
        }
    }
    out.sort_by_key(|a| (a.1, a.2));
    out
}

/// The annotated sentences of one split (`train` or `dev`) of
/// `DATA/propbank-ewt`, aligned with `DATA/ud-ewt`.
pub fn read_split(data: &Path, split: &str) -> Result<Vec<Annotated>, String> {
    let mut ud = UdSentences::new();
    // sentence ids are unique across the treebank's files
    for part in ["train", "dev"] {
        read_ud(
            &data.join(format!("ud-ewt/en_ewt-ud-{part}.conllu")),
            &mut ud,
        )?;
    }
    let pb = data.join("propbank-ewt");
    let list_path = pb.join(format!("split-{split}.txt"));
    let list =
        std::fs::read_to_string(&list_path).map_err(|e| format!("{}: {e}", list_path.display()))?;
    let mut out = Vec::new();
    for name in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let path = pb.join(format!("{name}.gold_skel"));
        let Ok(skel) = std::fs::read_to_string(&path) else {
            continue; // listed but not distributed
        };
        let genre = name.split('/').next().unwrap_or("");
        let base = name.rsplit('/').next().unwrap_or(name);
        let base = base.strip_suffix(".xml").unwrap_or(base);
        for (n, block) in skel
            .split("\n\n")
            .filter(|b| !b.trim().is_empty())
            .enumerate()
        {
            let rows: Vec<Vec<&str>> = block
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split_whitespace().collect())
                .collect();
            let id = format!("{genre}-{base}-{:04}", n + 1);
            let Some((text, ud_rows)) = ud.get(&id) else {
                continue;
            };
            if ud_rows.len() != rows.len() || rows.iter().any(|r| r.len() < 8) {
                continue;
            }
            let preds: Vec<usize> = (0..rows.len()).filter(|&i| rows[i][7] != "-").collect();
            let mut predicates = Vec::new();
            for (k, &word) in preds.iter().enumerate() {
                let column: Vec<&str> =
                    rows.iter().map(|r| *r.get(8 + k).unwrap_or(&"*")).collect();
                let args = brackets(&column)
                    .into_iter()
                    .filter(|(l, _, _)| l != "V" && l != "C-V")
                    .collect();
                predicates.push(GoldPredicate {
                    word,
                    roleset: rows[word][7].to_string(),
                    args,
                });
            }
            let n_words = ud_rows.len();
            out.push(Annotated {
                id,
                text: text.clone(),
                words: ud_rows.iter().map(|c| c[1].clone()).collect(),
                tags: ud_rows
                    .iter()
                    .map(|c| format!("{}|{}", c[3], c[4]))
                    .collect(),
                lemmas: ud_rows.iter().map(|c| c[2].to_lowercase()).collect(),
                heads: ud_rows
                    .iter()
                    .map(|c| {
                        c[6].parse::<usize>()
                            .ok()
                            .filter(|&h| h > 0 && h <= n_words)
                            .map(|h| h - 1)
                    })
                    .collect(),
                rels: ud_rows.iter().map(|c| c[7].clone()).collect(),
                predicates,
            });
        }
    }
    Ok(out)
}

/// The head of words `start..end` in a tree: the word whose head lies
/// outside, the highest if several (then the first).
pub fn span_head(heads: &[Option<usize>], start: usize, end: usize) -> usize {
    let depth = |mut i: usize| {
        let mut d = 0;
        while let Some(h) = heads[i] {
            d += 1;
            i = h;
            if d > heads.len() {
                break;
            }
        }
        d
    };
    (start..end)
        .filter(|&i| heads[i].is_none_or(|h| h < start || h >= end))
        .min_by_key(|&i| (depth(i), i))
        .unwrap_or(start)
}

/// What training reads: the sentences and the syntax to learn over.
pub struct TrainSet<'a> {
    pub sentences: &'a [Annotated],
    pub syntax: &'a [Syntax],
}

/// Trained models, ready for [`Labeller::to_bytes`].
pub struct Trained {
    pub labels: Vec<String>,
    pub extra: Vec<((u8, String), Vec<String>)>,
    pub rows: [crate::weights::Rows; 3],
}

/// Settings of [`train`].
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Weights below this (of 32767) are dropped, per model.
    pub prune: [i16; 3],
    /// Labels seen fewer times are not learned.
    pub min_label: usize,
    /// Argument features seen fewer times in training are left out.
    pub min_count: u32,
    /// Roleset features seen fewer times in training are left out.
    pub min_sense_count: u32,
}

/// Train the three models; `report` sees the labeller after each epoch of
/// the argument model.
pub fn train(
    set: &TrainSet,
    frames: &Frames,
    settings: &Settings,
    mut report: impl FnMut(usize, &Labeller),
) -> Trained {
    let sents: Vec<Sentence> = set
        .sentences
        .iter()
        .zip(set.syntax)
        .map(|(a, s)| a.sentence(s, frames))
        .collect();
    // the rolesets seen for a lemma beyond the frame files' aliases
    let mut extra: BTreeMap<(u8, String), BTreeMap<String, usize>> = BTreeMap::new();
    for (a, s) in set.sentences.iter().zip(&sents) {
        for p in &a.predicates {
            let Some(pos) = frame_pos(s.upos(p.word)) else {
                continue;
            };
            let lemma = &s.lemmas[p.word];
            let known = frames
                .find(&p.roleset)
                .is_some_and(|id| frames.evoked(pos, lemma).contains(&id));
            if !known && frames.find(&p.roleset).is_some() {
                *extra
                    .entry((pos, lemma.clone()))
                    .or_default()
                    .entry(p.roleset.clone())
                    .or_default() += 1;
            }
        }
    }
    // most frequent first
    let extra: Vec<((u8, String), Vec<String>)> = extra
        .into_iter()
        .map(|(k, ids)| {
            let mut ids: Vec<(String, usize)> = ids.into_iter().collect();
            ids.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            (k, ids.into_iter().map(|(id, _)| id).collect())
        })
        .collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in set.sentences {
        for p in &a.predicates {
            for (l, _, _) in &p.args {
                *counts.entry(l.clone()).or_default() += 1;
            }
        }
    }
    let mut labels = vec![NONE.to_string()];
    labels.extend(
        counts
            .into_iter()
            .filter(|&(_, c)| c >= settings.min_label)
            .map(|(l, _)| l),
    );
    labels.truncate(255);
    let index: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    // the candidates the runtime will see: a labeller without weights
    let probe = Labeller::from_bytes(
        &Labeller::to_bytes(&labels, &extra, [&Vec::new(), &Vec::new(), &Vec::new()]),
        frames,
    )
    .expect("a model just written reads back");

    let mut rng = settings.seed;
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::with_capacity(64);

    // 1. predicates: one weight a feature, a predicate above zero
    let mut model = perceptron::Sparse::default();
    let mut scores = vec![0f32; 1];
    for _ in 0..settings.epochs {
        perceptron::shuffle(&mut order, &mut rng);
        for &t in &order {
            let (a, s) = (&set.sentences[t], &sents[t]);
            for i in 0..s.len() {
                let Some(pos) = frame_pos(s.upos(i)) else {
                    continue;
                };
                let cands = probe.candidates(s, i, frames);
                if pos != b'v' && cands.is_empty() {
                    continue;
                }
                feats.clear();
                predicate_features(s, i, !cands.is_empty(), &mut feats);
                model.scores(&feats, &mut scores);
                let gold = a.predicates.iter().any(|p| p.word == i);
                if (scores[0] > 0.0) != gold {
                    model.nudge(&feats, 0, if gold { 1.0 } else { -1.0 });
                }
                model.step += 1;
            }
        }
    }
    let pred_rows = model.quantize(settings.prune[0]);

    // 2. rolesets: a ranking perceptron over each predicate's candidates
    // (the features of each candidate computed once; those seen fewer
    // than `min_sense_count` times are left out)
    let mut choices: Vec<Vec<(Vec<Vec<u64>>, usize)>> = Vec::with_capacity(sents.len());
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (a, s) in set.sentences.iter().zip(&sents) {
        let mut own = Vec::new();
        for p in &a.predicates {
            let cands = probe.candidates(s, p.word, frames);
            let Some(gold) = frames.find(&p.roleset).filter(|g| cands.contains(g)) else {
                continue;
            };
            if cands.len() < 2 {
                continue;
            }
            let context = sense_context(s, p.word, frames);
            let mut options = Vec::new();
            let mut right = 0;
            for (rank, &c) in cands.iter().enumerate() {
                let Some(rs) = frames.roleset(c) else {
                    continue;
                };
                let mut f = Vec::new();
                sense_features(&context, rs, rank, &s.lemmas[p.word], &mut f);
                for &x in &f {
                    *counts.entry(crate::ner::key(x)).or_default() += 1;
                }
                if c == gold {
                    right = options.len();
                }
                options.push(f);
            }
            own.push((options, right));
        }
        choices.push(own);
    }
    for own in &mut choices {
        for (options, _) in own.iter_mut() {
            for f in options.iter_mut() {
                f.retain(|&x| counts[&crate::ner::key(x)] >= settings.min_sense_count);
            }
        }
    }
    drop(counts);
    let mut model = perceptron::Sparse::default();
    let mut one = vec![0f32; 1];
    for _ in 0..settings.epochs {
        perceptron::shuffle(&mut order, &mut rng);
        for &t in &order {
            for (options, right) in &choices[t] {
                let mut best: Option<(f32, usize)> = None;
                for (k, f) in options.iter().enumerate() {
                    model.scores(f, &mut one);
                    if best.is_none_or(|b| one[0] > b.0) {
                        best = Some((one[0], k));
                    }
                }
                if let Some((_, guess)) = best.filter(|&(_, g)| g != *right) {
                    model.nudge(&options[*right], 0, 1.0);
                    model.nudge(&options[guess], 0, -1.0);
                }
                model.step += 1;
            }
        }
    }
    let sense_rows = model.quantize(settings.prune[1]);

    // 3. arguments: every candidate of every gold predicate, with the
    // gold roleset; the features are computed once, and those seen fewer
    // than `min_count` times are left out
    let mut cands = Candidates::default();
    let mut instances: Vec<Vec<(Vec<u64>, usize)>> = Vec::with_capacity(sents.len());
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (t, s) in sents.iter().enumerate() {
        let (a, syntax) = (&set.sentences[t], &set.syntax[t]);
        let mut own = Vec::new();
        for p in &a.predicates {
            let rs_h = frames
                .find(&p.roleset)
                .and_then(|r| frames.roleset(r))
                .map_or(0, |r| super::h(&r.id));
            let gold: HashMap<usize, usize> = p
                .args
                .iter()
                .filter_map(|(l, st, en)| {
                    Some((span_head(&syntax.heads, *st, *en), *index.get(l.as_str())?))
                })
                .collect();
            cands.find(s, p.word);
            for c in &cands.list {
                let mut f = Vec::with_capacity(48);
                argument_features(s, p.word, c, rs_h, &mut f);
                for &x in &f {
                    *counts.entry(crate::ner::key(x)).or_default() += 1;
                }
                own.push((f, gold.get(&c.word).copied().unwrap_or(0)));
            }
        }
        instances.push(own);
    }
    for own in &mut instances {
        for (f, _) in own.iter_mut() {
            f.retain(|&x| counts[&crate::ner::key(x)] >= settings.min_count);
        }
    }
    drop(counts);
    let mut model = perceptron::Sparse::default();
    let mut scores = vec![0f32; labels.len()];
    let mut arg_rows = Vec::new();
    for epoch in 1..=settings.epochs {
        perceptron::shuffle(&mut order, &mut rng);
        for &t in &order {
            for (feats, g) in &instances[t] {
                model.scores(feats, &mut scores);
                let guess = (0..scores.len())
                    .max_by(|&x, &y| scores[x].total_cmp(&scores[y]).then(y.cmp(&x)))
                    .unwrap_or(0);
                if guess != *g {
                    model.update(feats, *g, guess);
                }
                model.step += 1;
            }
        }
        arg_rows = model.quantize(settings.prune[2]);
        // through the model file, whose one-byte weights the runtime reads
        let bytes = Labeller::to_bytes(&labels, &extra, [&pred_rows, &sense_rows, &arg_rows]);
        report(
            epoch,
            &Labeller::from_bytes(&bytes, frames).expect("a model just written reads back"),
        );
    }
    Trained {
        labels,
        extra,
        rows: [pred_rows, sense_rows, arg_rows],
    }
}

/// Counts of an evaluation.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub gold_predicates: usize,
    pub found_predicates: usize,
    pub right_predicates: usize,
    pub right_rolesets: usize,
    /// Arguments: gold, found, right by exact span, right by head.
    pub gold_args: usize,
    pub found_args: usize,
    pub span_right: usize,
    pub head_right: usize,
    /// Per label: gold, found, right by head.
    pub by_label: BTreeMap<String, (usize, usize, usize)>,
    pub words: usize,
}

/// Precision, recall and F1 of `right` among `found` and `gold`.
pub fn prf(right: usize, found: usize, gold: usize) -> (f64, f64, f64) {
    let p = right as f64 / found.max(1) as f64;
    let r = right as f64 / gold.max(1) as f64;
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Scores {
    /// Add the comparison of one sentence's frames with its gold.
    /// `found`: predicate word, roleset id, and (label, head, start, end)
    /// per argument, in gold word indices; gold heads come from the gold tree.
    pub fn add(&mut self, gold: &Annotated, found: &[FoundFrame]) {
        self.words += gold.words.len();
        self.gold_predicates += gold.predicates.len();
        self.found_predicates += found.len();
        let mut gold_spans = std::collections::HashSet::new();
        let mut gold_heads = std::collections::HashSet::new();
        for p in &gold.predicates {
            for (l, st, en) in &p.args {
                gold_spans.insert((p.word, l.clone(), *st, *en));
                let hd = span_head(&gold.heads, *st, *en);
                gold_heads.insert((p.word, l.clone(), hd));
                self.by_label.entry(l.clone()).or_default().0 += 1;
            }
            self.gold_args += p.args.len();
        }
        for (word, roleset, args) in found {
            if let Some(g) = gold.predicates.iter().find(|p| p.word == *word) {
                self.right_predicates += 1;
                self.right_rolesets += usize::from(roleset.as_deref() == Some(g.roleset.as_str()));
            }
            for a in args {
                self.found_args += 1;
                let e = self.by_label.entry(a.label.clone()).or_default();
                e.1 += 1;
                if let Some((st, en)) = a.span {
                    self.span_right +=
                        usize::from(gold_spans.contains(&(*word, a.label.clone(), st, en)));
                }
                if let Some(hd) = a.head {
                    let right = gold_heads.contains(&(*word, a.label.clone(), hd));
                    self.head_right += usize::from(right);
                    e.2 += usize::from(right);
                }
            }
        }
    }

    /// The report: predicate identification, rolesets, arguments, per label.
    pub fn table(&self, name: &str, secs: f64, frequent: usize) -> String {
        let (pp, pr, pf) = prf(
            self.right_predicates,
            self.found_predicates,
            self.gold_predicates,
        );
        let (sp, sr, sf) = prf(self.span_right, self.found_args, self.gold_args);
        let (hp, hr, hf) = prf(self.head_right, self.found_args, self.gold_args);
        let mut out = format!(
            "| {name} | predicates P / R / F1 | roleset acc. | arguments by span P / R / F1 | by head P / R / F1 | words | words/s |\n|---|---|---|---|---|---|---|\n\
             | | {:.3} / {:.3} / **{:.3}** | **{:.3}** | {:.3} / {:.3} / **{:.3}** | {:.3} / {:.3} / **{:.3}** | {} | {:.0} |\n",
            pp,
            pr,
            pf,
            self.right_rolesets as f64 / self.right_predicates.max(1) as f64,
            sp,
            sr,
            sf,
            hp,
            hr,
            hf,
            self.words,
            self.words as f64 / secs.max(1e-9),
        );
        let mut labels: Vec<(&String, &(usize, usize, usize))> = self.by_label.iter().collect();
        labels.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        out.push_str(
            "\n| role | gold | found | P | R | F1 (by head) |\n|---|---|---|---|---|---|\n",
        );
        for (l, &(g, f, r)) in labels.into_iter().take(frequent) {
            let (p, rc, f1) = prf(r, f, g);
            out.push_str(&format!(
                "| {l} | {g} | {f} | {p:.3} | {rc:.3} | {f1:.3} |\n"
            ));
        }
        out
    }
}

/// A frame found, in gold word indices: its predicate word, roleset id and arguments.
pub type FoundFrame = (usize, Option<String>, Vec<FoundArg>);

/// An argument found, in gold word indices (`None` where the system's
/// words do not line up with the gold words).
#[derive(Debug, Clone)]
pub struct FoundArg {
    pub label: String,
    pub head: Option<usize>,
    pub span: Option<(usize, usize)>,
}

/// Label each sentence over `syntax` and score it against the gold;
/// returns the scores and the seconds spent labelling.
pub fn evaluate(
    labeller: &Labeller,
    frames: &Frames,
    sents: &[Annotated],
    syntax: &[Syntax],
) -> (Scores, f64) {
    let mut scores = Scores::default();
    let mut secs = 0.0;
    for (a, syn) in sents.iter().zip(syntax) {
        let t = Instant::now();
        let s = a.sentence(syn, frames);
        let found = labeller.label(&s, frames);
        secs += t.elapsed().as_secs_f64();
        let found: Vec<FoundFrame> = found
            .into_iter()
            .map(|f| {
                let roleset = f
                    .roleset
                    .and_then(|r| frames.roleset(r))
                    .map(|r| r.id.clone());
                let args = f
                    .args
                    .iter()
                    .map(|x| FoundArg {
                        label: labeller.labels[x.role].clone(),
                        head: Some(x.head),
                        span: Some((x.start, x.end)),
                    })
                    .collect();
                (f.predicate, roleset, args)
            })
            .collect();
        scores.add(a, &found);
    }
    (scores, secs)
}

/// Analyze the sentences as raw text (each its own paragraph: sentences
/// separated by blank lines) with the whole pipeline and `options.frames`,
/// and score the frames on the words that line up with gold words (a
/// word lines up when its characters are exactly a gold word's).
pub fn evaluate_raw(sents: &[Annotated], per_doc: usize) -> Result<(Scores, f64), String> {
    let mut scores = Scores::default();
    let mut secs = 0.0;
    let opts = crate::Options {
        frames: true,
        ..crate::Options::default()
    };
    for chunk in sents.chunks(per_doc.max(1)) {
        // the text, and each gold word's character span in it
        let mut text = String::new();
        let mut spans: Vec<Vec<Option<(usize, usize)>>> = Vec::new();
        for a in chunk {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let base = text.chars().count();
            let chars: Vec<char> = a.text.chars().collect();
            let mut at = 0;
            let mut own = Vec::new();
            for w in &a.words {
                let f: Vec<char> = w.chars().collect();
                let found = (at..=chars.len().saturating_sub(f.len()))
                    .find(|&i| chars[i..i + f.len()] == f[..]);
                own.push(found.map(|i| {
                    at = i + f.len();
                    (base + i, base + i + f.len())
                }));
            }
            spans.push(own);
            text.push_str(&a.text);
        }
        let t = Instant::now();
        let out = crate::analyze(&text, &opts).map_err(|e| e.to_string())?;
        secs += t.elapsed().as_secs_f64();
        // UTF-16 offsets → characters
        let mut char_at = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.chars().enumerate() {
            char_at.extend(std::iter::repeat_n(i, c.len_utf16()));
        }
        char_at.push(text.chars().count());
        let chars = |u: usize| char_at.get(u).copied().unwrap_or(usize::MAX);
        // gold words by their first and last characters
        let mut starts: HashMap<usize, (usize, usize)> = HashMap::new();
        let mut ends: HashMap<usize, (usize, usize)> = HashMap::new();
        for (k, own) in spans.iter().enumerate() {
            for (w, sp) in own.iter().enumerate() {
                if let Some((s, e)) = sp {
                    starts.insert(*s, (k, w));
                    ends.insert(*e, (k, w));
                }
            }
        }
        let word_at = |s: usize, e: usize| -> Option<(usize, usize)> {
            let a = starts.get(&s)?;
            (ends.get(&e)? == a).then_some(*a)
        };
        let mut found: Vec<Vec<FoundFrame>> = vec![Vec::new(); chunk.len()];
        for f in out.frames.iter().flatten() {
            let Some((k, w)) = word_at(chars(f.start), chars(f.end)) else {
                continue;
            };
            let args = f
                .arguments
                .iter()
                .map(|x| {
                    let head = word_at(chars(x.head.start), chars(x.head.end))
                        .filter(|h| h.0 == k)
                        .map(|h| h.1);
                    let first = starts.get(&chars(x.start)).filter(|h| h.0 == k);
                    let last = ends.get(&chars(x.end)).filter(|h| h.0 == k);
                    FoundArg {
                        label: x.role.to_string(),
                        head,
                        span: first.zip(last).map(|(a, b)| (a.1, b.1 + 1)),
                    }
                })
                .collect();
            found[k].push((w, f.roleset.clone(), args));
        }
        for (a, f) in chunk.iter().zip(&found) {
            scores.add(a, f);
        }
        // a frame over words that line up with no gold word is still found
        let unmatched =
            out.frames.iter().flatten().count() - found.iter().map(Vec::len).sum::<usize>();
        scores.found_predicates += unmatched;
    }
    Ok((scores, secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_columns_become_ranges() {
        let col = ["(ARG0*", "*)", "(V*)", "(ARG1*", "(ARGM-LOC*)", "*)", "*"];
        assert_eq!(
            brackets(&col),
            vec![
                ("ARG0".to_string(), 0, 2),
                ("V".to_string(), 2, 3),
                ("ARG1".to_string(), 3, 6),
                ("ARGM-LOC".to_string(), 4, 5),
            ]
        );
        assert_eq!(brackets(&["(R-ARG1*)"]), vec![("R-ARG1".to_string(), 0, 1)]);
    }

    #[test]
    fn the_head_of_a_span_is_its_highest_word() {
        // in the province of Idlib: "province" heads it
        let heads = vec![Some(2), Some(2), None, Some(4), Some(2)];
        assert_eq!(span_head(&heads, 0, 5), 2);
        assert_eq!(span_head(&heads, 3, 5), 4);
        assert_eq!(span_head(&heads, 0, 1), 0);
    }

    #[test]
    fn scores_count_spans_and_heads() {
        let gold = Annotated {
            id: "x".into(),
            text: "Rebels shelled the town".into(),
            words: ["Rebels", "shelled", "the", "town"]
                .map(String::from)
                .to_vec(),
            tags: vec![String::new(); 4],
            lemmas: vec![String::new(); 4],
            heads: vec![Some(1), None, Some(3), Some(1)],
            rels: vec![String::new(); 4],
            predicates: vec![GoldPredicate {
                word: 1,
                roleset: "shell.01".into(),
                args: vec![("ARG0".into(), 0, 1), ("ARG1".into(), 2, 4)],
            }],
        };
        let arg = |l: &str, h, s| FoundArg {
            label: l.into(),
            head: Some(h),
            span: Some(s),
        };
        let mut s = Scores::default();
        s.add(
            &gold,
            &[(
                1,
                Some("shell.02".into()),
                vec![arg("ARG0", 0, (0, 1)), arg("ARG1", 3, (3, 4))],
            )],
        );
        assert_eq!((s.right_predicates, s.right_rolesets), (1, 0));
        assert_eq!((s.gold_args, s.found_args), (2, 2));
        assert_eq!((s.span_right, s.head_right), (1, 2));
    }
}
