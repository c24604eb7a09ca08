//! Training and evaluation of the dependency parser (cargo feature `train`):
//! an averaged perceptron trained with the arc-eager dynamic oracle of
//! Goldberg & Nivre (2012), following its own predictions after the first
//! epoch so it learns to recover from its mistakes.

use std::collections::HashMap;
use std::path::Path;

use super::{Move, Parser, State};
use crate::lexicon::lower_key;

/// A treebank sentence: words, gold heads (`n` = root) and relations.
#[derive(Clone)]
pub struct Tree {
    pub words: Vec<String>,
    pub heads: Vec<usize>,
    pub rels: Vec<String>,
}

/// The trees of a CoNLL-U file.
pub fn read_trees(path: &Path) -> Result<Vec<Tree>, String> {
    Ok(crate::tag::train::conllu_rows(path)?
        .into_iter()
        .map(|rows| {
            let n = rows.len();
            Tree {
                words: rows.iter().map(|c| c[1].clone()).collect(),
                heads: rows
                    .iter()
                    .map(|c| match c[6].parse::<usize>().unwrap_or(0) {
                        0 => n,
                        h => h - 1,
                    })
                    .collect(),
                rels: rows.iter().map(|c| c[7].clone()).collect(),
            }
        })
        .collect())
}

/// Supertag names and each training word's supertag: its relation and the
/// side of its head (`<` left, `>` right, `^` the root), then the sides of
/// its own dependents (`L`, `R`) where that combination is seen at least
/// `keep` times (rarer ones keep only relation and side).
pub fn supertag_labels(trees: &[Tree], keep: usize) -> (Vec<String>, Vec<Vec<usize>>) {
    let full: Vec<Vec<(String, String)>> = trees
        .iter()
        .map(|t| {
            let n = t.words.len();
            let mut kids = vec![(false, false); n + 1];
            for (d, &h) in t.heads.iter().enumerate() {
                if d < h {
                    kids[h].0 = true;
                } else {
                    kids[h].1 = true;
                }
            }
            (0..n)
                .map(|d| {
                    let h = t.heads[d];
                    let side = if h >= n {
                        '^'
                    } else if h < d {
                        '<'
                    } else {
                        '>'
                    };
                    let base = format!("{}{side}", t.rels[d]);
                    let l = if kids[d].0 { "L" } else { "" };
                    let r = if kids[d].1 { "R" } else { "" };
                    (format!("{base}{l}{r}"), base)
                })
                .collect()
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (f, _) in full.iter().flatten() {
        *counts.entry(f).or_default() += 1;
    }
    let label = |(f, base): &(String, String)| {
        if counts[f.as_str()] >= keep {
            f.clone()
        } else {
            base.clone()
        }
    };
    let mut names: Vec<String> = full.iter().flatten().map(label).collect();
    names.sort();
    names.dedup();
    assert!(names.len() <= 256, "too many supertags");
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let gold = full
        .iter()
        .map(|s| s.iter().map(|x| index[label(x).as_str()]).collect())
        .collect();
    (names, gold)
}

/// A supertagger trained for the parser, and the training trees'
/// supertags as a jackknife gives them (each tenth tagged by a supertagger
/// trained on the other nine), so the parser learns from supertags as
/// wrong as they will be at run time.
pub struct Supertags {
    pub names: Vec<String>,
    pub rows: Vec<(u32, Vec<(u8, i16)>)>,
    pub jackknifed: Vec<Vec<usize>>,
}

/// Supertags whose dependents' sides are kept: seen at least this often.
const SUPERTAG_KEEP: usize = 5;
const SUPERTAG_EPOCHS: usize = 5;
const FOLDS: usize = 10;

/// Train the supertagger on trees with (jackknifed) POS tags, weights
/// below `prune` dropped, and jackknife it over the same trees.
pub fn train_supertags(
    trees: &[Tree],
    tags: &[Vec<String>],
    prune: i16,
    seed: u64,
    jackknife: bool,
    mut progress: impl FnMut(usize),
) -> Result<Supertags, String> {
    use super::supertag::Supertagger;
    let (names, gold) = supertag_labels(trees, SUPERTAG_KEEP);
    let lower: Vec<Vec<String>> = trees
        .iter()
        .map(|t| t.words.iter().map(|w| lower_key(w)).collect())
        .collect();
    let states: Vec<State> = lower
        .iter()
        .zip(tags)
        .map(|(w, t)| State::new(w, t))
        .collect();
    // train on the sentences `idx`
    let train_on = |idx: &[usize], seed: u64| {
        let gold: Vec<Vec<usize>> = idx.iter().map(|&i| gold[i].clone()).collect();
        crate::tag::train::train_greedy(
            &gold,
            names.len(),
            SUPERTAG_EPOCHS,
            seed,
            prune,
            |s, i, prev, out| super::supertag::features(&states[idx[s]], i, prev, out),
            |_, _| {},
        )
    };
    let mut jackknifed = vec![Vec::new(); trees.len()];
    for fold in (0..FOLDS).filter(|_| jackknife) {
        let rest: Vec<usize> = (0..trees.len()).filter(|i| i % FOLDS != fold).collect();
        let rows = train_on(&rest, seed + fold as u64);
        let tagger = Supertagger::whole(&names, &rows)?;
        for i in (fold..trees.len()).step_by(FOLDS) {
            jackknifed[i] = tagger.tag(&states[i]);
        }
        progress(fold + 1);
    }
    let all: Vec<usize> = (0..trees.len()).collect();
    let rows = train_on(&all, seed);
    Ok(Supertags {
        names,
        rows,
        jackknifed,
    })
}

/// The cost of a move under the arc-eager dynamic oracle of Goldberg &
/// Nivre (2012): the gold arcs it makes unreachable (+1 for a wrong label
/// on a gold arc).
fn cost(st: &State, m: Move, gold_heads: &[usize], gold_rels: &[usize]) -> usize {
    let n = gold_heads.len();
    let in_buffer = |k: usize| k >= st.b0 && k <= n;
    let s0 = st.stack.last().copied();
    // gold dependents of `h` still in the buffer
    let deps_in_buffer = |h: usize| (st.b0..n).filter(|&k| gold_heads[k] == h).count();
    // gold dependents of `h` on the stack still without a head
    let open_deps_on_stack = |h: usize| {
        st.stack
            .iter()
            .filter(|&&k| gold_heads[k] == h && st.heads[k] == usize::MAX)
            .count()
    };
    match m {
        // SHIFT: b0 loses a head on the stack and its dependents there
        0 => usize::from(st.stack.contains(&gold_heads[st.b0])) + open_deps_on_stack(st.b0),
        // REDUCE: s0 loses its dependents in the buffer
        1 => deps_in_buffer(s0.expect("a valid move")),
        m => {
            let (s, b) = (s0.expect("a valid move"), st.b0);
            let left = m % 2 == 0;
            let (h, d) = if left { (b, s) } else { (s, b) };
            let g = gold_heads[d];
            let lost = if left {
                // LEFT: s0 leaves with b0 as its head; its dependents in
                // the buffer and a head further on are lost
                deps_in_buffer(s) + usize::from(g != b && in_buffer(g))
            } else {
                // RIGHT: b0 loses a head elsewhere on the stack or further
                // on, and its dependents still open on the stack
                usize::from(g != s && (in_buffer(g) || st.stack.contains(&g)))
                    + open_deps_on_stack(b)
            };
            lost + usize::from(g == h && gold_rels[d] != (m - 2) / 2)
        }
    }
}

/// Train on trees whose UPOS tags come from `tag`; returns labels and rows.
pub fn train(
    trees: &[Tree],
    tags: &[Vec<String>],
    stags: &[Vec<usize>],
    epochs: usize,
    seed: u64,
    mut report: impl FnMut(usize, &Parser),
) -> crate::tag::train::Trained {
    let mut labels: Vec<String> = trees.iter().flat_map(|t| t.rels.iter().cloned()).collect();
    labels.sort();
    labels.dedup();
    assert!(super::moves(labels.len()) < 256, "too many relations");
    let index: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let n_moves = super::moves(labels.len());
    let lower: Vec<Vec<String>> = trees
        .iter()
        .map(|t| t.words.iter().map(|w| lower_key(w)).collect())
        .collect();
    let gold_rels: Vec<Vec<usize>> = trees
        .iter()
        .map(|t| t.rels.iter().map(|r| index[r.as_str()]).collect())
        .collect();
    let mut p = crate::perceptron::Sparse::default();
    let mut order: Vec<usize> = (0..trees.len()).collect();
    let mut rng = seed;
    let mut result = (labels.clone(), Vec::new());
    let mut feats = Vec::with_capacity(80);
    let mut scores = vec![0f32; n_moves];
    // with `LEDE_PARSE_MARGIN=M`, a right move that wins by less than M is
    // an update too (the best wrong move is pushed down); off by default:
    // with the arc-hybrid parser, seed 1 went from EWT dev UAS 84.68 to
    // 85.19 with M = 5 (84.83 with 20, 84.73 with 50) but seed 2 from 85.15
    // to 84.88 (docs/accuracy.md)
    let margin: f32 = std::env::var("LEDE_PARSE_MARGIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    for epoch in 1..=epochs {
        crate::perceptron::shuffle(&mut order, &mut rng);
        for &t in &order {
            let tree = &trees[t];
            // non-projective trees have no zero-cost path everywhere; the oracle copes
            let mut st = State::new(&lower[t], &tags[t]);
            st.set_supertags(&stags[t]);
            while !st.done() {
                feats.clear();
                st.features(&mut feats);
                p.scores(&feats, &mut scores);
                let valid: Vec<Move> = (0..n_moves).filter(|&m| st.valid(m)).collect();
                let by_score =
                    |a: &&Move, b: &&Move| scores[**a].total_cmp(&scores[**b]).then(b.cmp(a));
                let pred = *valid.iter().max_by(by_score).expect("some move is valid");
                let costs: Vec<usize> = valid
                    .iter()
                    .map(|&m| cost(&st, m, &tree.heads, &gold_rels[t]))
                    .collect();
                let min = *costs.iter().min().unwrap_or(&0);
                let best_gold = *valid
                    .iter()
                    .zip(&costs)
                    .filter(|(_, &c)| c == min)
                    .map(|(m, _)| m)
                    .max_by(by_score)
                    .expect("a cheapest move");
                if cost(&st, pred, &tree.heads, &gold_rels[t]) > min {
                    p.update(&feats, best_gold, pred);
                } else if margin > 0.0 {
                    // right, but by too little: push the best wrong move down
                    let wrong = valid
                        .iter()
                        .zip(&costs)
                        .filter(|(_, &c)| c > min)
                        .map(|(m, _)| m)
                        .max_by(by_score);
                    if let Some(&w) = wrong {
                        if scores[pred] - scores[w] < margin {
                            p.update(&feats, pred, w);
                        }
                    }
                }
                p.step += 1;
                // explore: after the first epoch, follow the model's own choice
                let follow = if epoch > 1 && cost(&st, pred, &tree.heads, &gold_rels[t]) <= min + 1
                {
                    pred
                } else {
                    best_gold
                };
                st.apply(follow);
            }
        }
        // weights below 1050/32767 are dropped (`LEDE_PARSE_PRUNE`): the
        // arc-eager parser of seed 3 takes 0.93 MB gzipped; seed 1 scored
        // EWT dev UAS 85.72, 85.75 and 85.72 at 900, 1000 and 1150 (1.34,
        // 1.14 and 0.80 MB), so the size buys little
        let prune = std::env::var("LEDE_PARSE_PRUNE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1050);
        let rows = p.quantize(prune);
        let parser = Parser::from_bytes(&Parser::to_bytes(&labels, &rows))
            .expect("a model just written reads back");
        report(epoch, &parser);
        result.1 = rows;
    }
    result
}

/// UAS and LAS (punctuation included, as CoNLL 2018 scores them).
pub fn attachment(
    parser: &Parser,
    trees: &[Tree],
    tags: &[Vec<String>],
    supertagger: &super::supertag::Supertagger,
) -> (f64, f64, usize) {
    let (mut uas, mut las, mut n) = (0usize, 0usize, 0usize);
    for (t, tg) in trees.iter().zip(tags) {
        let (heads, rels) = parser.parse_with(&t.words, tg, supertagger);
        for (k, (h, r)) in heads.iter().zip(rels).enumerate() {
            let h = h.unwrap_or(t.words.len());
            if h == t.heads[k] {
                uas += 1;
                las += (r == t.rels[k]) as usize;
            }
            n += 1;
        }
    }
    (
        uas as f64 / n.max(1) as f64,
        las as f64 / n.max(1) as f64,
        n,
    )
}

/// A UD document as raw text, with the character span of each gold word.
pub struct RawDoc {
    pub text: String,
    words: Vec<RawWord>,
}

struct RawWord {
    /// Character offsets in the text; `None` for the parts of a multiword
    /// token ("gonna" → "gon" "na"), which have no span of their own.
    span: Option<(usize, usize)>,
    upos: String,
    /// Index of the head word in the document; `None` for a root.
    head: Option<usize>,
    rel: String,
}

/// Read a CoNLL-U file as documents of raw text (`# newdoc`, `# text`):
/// sentences joined by a space, as running text would be.
pub fn read_raw_docs(path: &Path) -> Result<Vec<RawDoc>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<RawDoc> = Vec::new();
    let mut chars = 0; // characters of the current document's text
    let mut sent_start = 0; // its first word's index
    let mut at = 0; // where the next form is looked for, in characters
    let mut text_chars: Vec<char> = Vec::new(); // the current sentence's text
    let mut mwt_end = 0; // last word id inside a multiword token
    for line in src.lines() {
        if line.starts_with("# newdoc") || docs.is_empty() && line.starts_with("# text") {
            docs.push(RawDoc {
                text: String::new(),
                words: Vec::new(),
            });
            chars = 0;
        }
        let Some(doc) = docs.last_mut() else { continue };
        if let Some(t) = line.strip_prefix("# text = ") {
            if !doc.text.is_empty() {
                doc.text.push(' ');
                chars += 1;
            }
            doc.text.push_str(t);
            text_chars = t.chars().collect();
            at = chars;
            chars += text_chars.len();
            sent_start = doc.words.len();
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || cols[0].contains('.') {
            continue;
        }
        let base = chars - text_chars.len();
        // find a form at or after `at` in the sentence text
        let mut find = |form: &str| -> Option<(usize, usize)> {
            let f: Vec<char> = form.chars().collect();
            let from = at - base;
            (from..=text_chars.len().saturating_sub(f.len()))
                .find(|&i| text_chars[i..i + f.len()] == f[..])
                .map(|i| {
                    at = base + i + f.len();
                    (base + i, base + i + f.len())
                })
        };
        if let Some((_, last)) = cols[0].split_once('-') {
            find(cols[1]);
            mwt_end = last.parse().unwrap_or(0);
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| format!("bad word id {}", cols[0]))?;
        let span = if id <= mwt_end { None } else { find(cols[1]) };
        if id > mwt_end {
            mwt_end = 0;
        }
        let head = match cols[6].parse::<usize>().unwrap_or(0) {
            0 => None,
            h => Some(sent_start + h - 1),
        };
        doc.words.push(RawWord {
            span,
            upos: cols[3].to_string(),
            head,
            rel: cols[7].to_string(),
        });
    }
    Ok(docs)
}

/// Counts of a raw-text evaluation (CoNLL 2018 style: a system token counts
/// when its characters are exactly a gold word's).
#[derive(Debug, Default, Clone, Copy)]
pub struct RawScores {
    pub gold: usize,
    pub system: usize,
    pub words: usize,
    pub upos: usize,
    pub uas: usize,
    pub las: usize,
}

impl RawScores {
    /// F1 of a count of correct words.
    pub fn f1(&self, correct: usize) -> f64 {
        if self.gold + self.system == 0 {
            0.0
        } else {
            2.0 * correct as f64 / (self.gold + self.system) as f64
        }
    }
}

/// Analyze each document's text with the whole pipeline (lede's own
/// tokens, sentences, tags and parse) and score against the gold words.
pub fn raw_attachment(docs: &[RawDoc]) -> RawScores {
    let mut s = RawScores::default();
    let opts = crate::Options {
        date: None,
        tokens: true,
        ..Default::default()
    };
    for doc in docs {
        let Ok(a) = crate::analyze(&doc.text, &opts) else {
            continue;
        };
        let tokens = a.tokens.unwrap_or_default();
        // UTF-16 offsets → character offsets
        let mut char_at = Vec::with_capacity(doc.text.len() + 1);
        for (i, c) in doc.text.chars().enumerate() {
            char_at.extend(std::iter::repeat_n(i, c.len_utf16()));
        }
        char_at.push(doc.text.chars().count());
        let by_span: HashMap<(usize, usize), usize> = doc
            .words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.span.map(|sp| (sp, i)))
            .collect();
        let gold_of: Vec<Option<usize>> = tokens
            .iter()
            .map(|t| {
                let span = (char_at.get(t.start)?, char_at.get(t.end)?);
                by_span.get(&(*span.0, *span.1)).copied()
            })
            .collect();
        s.gold += doc.words.len();
        s.system += tokens.len();
        for (t, g) in tokens.iter().zip(&gold_of) {
            let Some(g) = *g else { continue };
            let w = &doc.words[g];
            s.words += 1;
            s.upos += usize::from(t.upos == w.upos);
            let head = usize::try_from(t.head)
                .ok()
                .map(|h| gold_of.get(h).copied().flatten());
            let head_ok = match (head, w.head) {
                (None, None) => true,
                (Some(Some(h)), Some(gh)) => h == gh,
                _ => false,
            };
            s.uas += usize::from(head_ok);
            s.las += usize::from(head_ok && t.deprel == w.rel);
        }
    }
    s
}

#[cfg(test)]
mod raw_tests {
    use super::*;

    #[test]
    fn raw_documents_keep_the_gold_spans_and_score_a_perfect_match() {
        let dir = std::env::temp_dir().join(format!("lede-raw-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.conllu");
        let conllu = "# newdoc id = d1\n# text = Rebels fled.\n\
            1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
            2\tfled\tflee\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
            3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
            # text = Gonna go.\n\
            1-2\tGonna\t_\t_\t_\t_\t_\t_\t_\t_\n\
            1\tGon\tgo\tVERB\tVBG\t_\t0\troot\t_\t_\n\
            2\tna\tto\tPART\tTO\t_\t3\tmark\t_\t_\n\
            3\tgo\tgo\tVERB\tVB\t_\t1\txcomp\t_\tSpaceAfter=No\n\
            4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
        std::fs::write(&path, conllu).unwrap();
        let docs = read_raw_docs(&path).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Rebels fled. Gonna go.");
        let spans: Vec<Option<(usize, usize)>> = d.words.iter().map(|w| w.span).collect();
        assert_eq!(
            spans,
            vec![
                Some((0, 6)),
                Some((7, 11)),
                Some((11, 12)),
                None,
                None,
                Some((19, 21)),
                Some((21, 22))
            ]
        );
        assert_eq!(d.words[0].head, Some(1));
        assert_eq!(d.words[5].head, Some(3), "heads are document word indices");
        let s = raw_attachment(&docs);
        assert_eq!(s.gold, 7);
        assert!(s.words >= 3 && s.uas <= s.words && s.las <= s.uas && s.upos <= s.words);
    }
}

#[cfg(test)]
mod oracle_tests {
    use super::*;

    /// Follow a cheapest move (preferring the lowest move number, or the
    /// highest) through the sentence; the tree built and its cost.
    fn follow(
        heads: &[usize],
        rels: &[usize],
        labels: usize,
        highest: bool,
    ) -> (Vec<usize>, usize) {
        let words: Vec<String> = (0..heads.len()).map(|i| format!("w{i}")).collect();
        let tags: Vec<String> = vec!["X|X".to_string(); heads.len()];
        let mut st = State::new(&words, &tags);
        let mut total = 0;
        while !st.done() {
            let valid: Vec<Move> = (0..super::super::moves(labels))
                .filter(|&m| st.valid(m))
                .collect();
            let costs: Vec<usize> = valid.iter().map(|&m| cost(&st, m, heads, rels)).collect();
            let min = *costs.iter().min().unwrap();
            let pick = valid
                .iter()
                .zip(&costs)
                .filter(|(_, &c)| c == min)
                .map(|(m, _)| *m);
            let m = if highest { pick.max() } else { pick.min() }.unwrap();
            total += min;
            st.apply(m);
        }
        (st.heads.clone(), total)
    }

    #[test]
    fn the_oracle_rebuilds_a_projective_tree_at_no_cost() {
        // "Three soldiers were killed by forces in Idlib ." (root: killed)
        let heads = vec![1, 3, 3, 9, 5, 3, 7, 5, 3];
        let rels = vec![0, 1, 2, 3, 0, 1, 0, 1, 2];
        for highest in [false, true] {
            let (built, total) = follow(&heads, &rels, 4, highest);
            assert_eq!(total, 0);
            assert_eq!(built, heads);
        }
    }

    #[test]
    fn a_wrong_move_costs_the_arcs_it_loses() {
        let words: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let tags = vec!["X|X".to_string(); 3];
        // gold: a <- b, c <- b, b root
        let heads = vec![1, 3, 1];
        let rels = vec![0, 1, 0];
        let mut st = State::new(&words, &tags);
        st.apply(0); // shift a
                     // RIGHT(0) a -> b loses a's head (b) and b's head (the root)
        assert_eq!(cost(&st, 3, &heads, &rels), 2);
        // LEFT(0) a <- b is right
        assert_eq!(cost(&st, 2, &heads, &rels), 0);
        // LEFT(1): right head, wrong relation
        assert_eq!(cost(&st, 4, &heads, &rels), 1);
        st.apply(2);
        // shift b; REDUCE is not valid (b has no head), and shifting c
        // would lose its head b
        st.apply(0);
        assert!(!st.valid(1));
        assert_eq!(cost(&st, 0, &heads, &rels), 1);
        // RIGHT b -> c is right
        assert_eq!(cost(&st, 3, &heads, &rels), 0);
    }

    /// A random projective tree over `lo..hi` under `head` (LCG `rng`).
    fn projective(lo: usize, hi: usize, head: usize, heads: &mut [usize], rng: &mut u64) {
        if lo >= hi {
            return;
        }
        *rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = lo + (*rng >> 33) as usize % (hi - lo);
        heads[r] = head;
        projective(lo, r, r, heads, rng);
        projective(r + 1, hi, r, heads, rng);
    }

    #[test]
    fn costs_add_up_to_the_errors_from_any_state() {
        // wander off the gold path at random: the tree built then has
        // exactly as many wrong heads as the moves taken cost together
        let mut rng = 11u64;
        for n in (1..40).cycle().take(400) {
            let mut heads = vec![0; n];
            projective(0, n, n, &mut heads, &mut rng);
            let rels = vec![0; n];
            let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            let tags = vec!["X|X".to_string(); n];
            let mut st = State::new(&words, &tags);
            let mut total = 0;
            while !st.done() {
                let valid: Vec<Move> = (0..super::super::moves(1))
                    .filter(|&m| st.valid(m))
                    .collect();
                let costs: Vec<usize> =
                    valid.iter().map(|&m| cost(&st, m, &heads, &rels)).collect();
                rng = rng
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let k = if (rng >> 20) % 5 == 0 {
                    (rng >> 33) as usize % valid.len()
                } else {
                    (0..valid.len()).min_by_key(|&k| costs[k]).unwrap()
                };
                total += costs[k];
                st.apply(valid[k]);
            }
            let errors = (0..n).filter(|&d| st.heads[d] != heads[d]).count();
            assert_eq!(errors, total, "heads {heads:?}");
        }
    }
}
