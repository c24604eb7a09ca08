//! Training and evaluation of the dependency parser (cargo feature `train`):
//! an averaged perceptron trained with the arc-hybrid dynamic oracle of
//! Goldberg & Nivre (2013), following its own predictions after the first
//! epoch so it learns to recover from its mistakes.

use std::collections::HashMap;
use std::path::Path;

use super::{Move, Parser, State};
use crate::lexicon::lower_key;

/// A treebank sentence: words, gold heads (`n` = root) and relations.
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

/// The cost of a move: gold arcs it makes unreachable (+1 for a wrong label
/// on a gold arc).
fn cost(st: &State, m: Move, gold_heads: &[usize], gold_rels: &[usize]) -> usize {
    let n = gold_heads.len();
    let in_buffer = |k: usize| k >= st.b0 && k <= n;
    let s0 = st.stack.last().copied();
    match m {
        0 => {
            let b = st.b0;
            let below = &st.stack[..st.stack.len().saturating_sub(1)];
            let lost_head = below.contains(&gold_heads[b]) as usize;
            let lost_deps = st.stack.iter().filter(|&&k| gold_heads[k] == b).count();
            lost_head + lost_deps
        }
        m => {
            let d = s0.expect("a valid move");
            let left = m % 2 == 1;
            let h = if left {
                st.b0
            } else {
                st.stack[st.stack.len() - 2]
            };
            let g = gold_heads[d];
            let mut c = st
                .heads
                .iter()
                .enumerate()
                .filter(|&(k, &x)| gold_heads[k] == d && x == usize::MAX && in_buffer(k))
                .count();
            if left {
                let s1 = if st.stack.len() >= 2 {
                    Some(st.stack[st.stack.len() - 2])
                } else {
                    None
                };
                c += (g != h && (Some(g) == s1 || (in_buffer(g) && g != st.b0))) as usize;
            } else {
                c += (g != h && in_buffer(g)) as usize;
            }
            if g == h && gold_rels[d] != (m - 1) / 2 {
                c += 1;
            }
            c
        }
    }
}

/// Train on trees whose UPOS tags come from `tag`; returns labels and rows.
pub fn train(
    trees: &[Tree],
    tags: &[Vec<String>],
    epochs: usize,
    seed: u64,
    mut report: impl FnMut(usize, &Parser),
) -> crate::tag::train::Trained {
    let mut labels: Vec<String> = trees.iter().flat_map(|t| t.rels.iter().cloned()).collect();
    labels.sort();
    labels.dedup();
    assert!(1 + 2 * labels.len() < 256, "too many relations");
    let index: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let n_moves = 1 + 2 * labels.len();
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
    for epoch in 1..=epochs {
        crate::perceptron::shuffle(&mut order, &mut rng);
        for &t in &order {
            let tree = &trees[t];
            // non-projective trees have no zero-cost path everywhere; the oracle copes
            let mut st = State::new(&lower[t], &tags[t]);
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
        // weights below 800/32767 are dropped (`LEDE_PARSE_PRUNE`): 1.26 MB
        // gzipped, EWT dev UAS / LAS 84.41 / 81.12; 900 gave 1.05 MB and
        // 84.03 / 80.71, 1200 (without the attachment features) 0.55 MB and
        // about 83.8 / 80.4
        let prune = std::env::var("LEDE_PARSE_PRUNE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(800);
        let rows = p.quantize(prune);
        let parser = Parser::from_bytes(&Parser::to_bytes(&labels, &rows))
            .expect("a model just written reads back");
        report(epoch, &parser);
        result.1 = rows;
    }
    result
}

/// UAS and LAS (punctuation included, as CoNLL 2018 scores them).
pub fn attachment(parser: &Parser, trees: &[Tree], tags: &[Vec<String>]) -> (f64, f64, usize) {
    let (mut uas, mut las, mut n) = (0usize, 0usize, 0usize);
    for (t, tg) in trees.iter().zip(tags) {
        let (heads, rels) = parser.parse(&t.words, tg);
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
