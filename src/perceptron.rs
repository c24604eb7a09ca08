//! A sparse multi-class averaged perceptron (Collins 2002), averaged
//! lazily, quantized to `i16` for the model files. Shared by the trainers of
//! the POS tagger and the parser (cargo feature `train`).

use std::collections::HashMap;

use crate::ner::key;

struct Cell {
    class: u8,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Weights by feature key, one cell per class the feature has been updated for.
#[derive(Default)]
pub struct Sparse {
    rows: HashMap<u32, Vec<Cell>>,
    /// Updates so far (the averaging clock); advance it once per decision.
    pub step: u32,
}

impl Sparse {
    /// Add the current weights of `feats` to `out` (one slot a class).
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        for f in feats {
            if let Some(row) = self.rows.get(&key(*f)) {
                for c in row {
                    out[c.class as usize] += c.w;
                }
            }
        }
    }

    /// Move the weights of `feats` toward `gold` and away from `pred`.
    pub fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        self.nudge(feats, gold, 1.0);
        self.nudge(feats, pred, -1.0);
    }

    /// Move the weights of `feats` for `class` by `delta` (a ranking
    /// update moves one candidate's features up and another's down).
    pub fn nudge(&mut self, feats: &[u64], class: usize, delta: f32) {
        let step = self.step;
        for f in feats {
            let row = self.rows.entry(key(*f)).or_default();
            let p = match row.iter().position(|c| c.class as usize == class) {
                Some(p) => p,
                None => {
                    row.push(Cell {
                        class: class as u8,
                        w: 0.0,
                        total: 0.0,
                        stamp: step,
                    });
                    row.len() - 1
                }
            };
            let cell = &mut row[p];
            cell.total += (step - cell.stamp) as f64 * cell.w as f64;
            cell.stamp = step;
            cell.w += delta;
        }
    }

    /// Averaged weights scaled to `i16` (one scale for the model), dropping
    /// those below `prune`; rows sorted by key.
    pub fn quantize(&self, prune: i16) -> Vec<(u32, Vec<(u8, i16)>)> {
        let step = self.step;
        let avg = |c: &Cell| {
            ((c.total + (step - c.stamp) as f64 * c.w as f64) / step.max(1) as f64) as f32
        };
        let max = self
            .rows
            .values()
            .flatten()
            .map(|c| avg(c).abs())
            .fold(0f32, f32::max);
        let scale = if max == 0.0 { 1.0 } else { 32767.0 / max };
        let mut rows: Vec<(u32, Vec<(u8, i16)>)> = self
            .rows
            .iter()
            .map(|(k, row)| {
                let mut r: Vec<(u8, i16)> = row
                    .iter()
                    .map(|c| (c.class, (avg(c) * scale).round() as i16))
                    .filter(|(_, w)| w.abs() >= prune)
                    .collect();
                r.sort();
                (*k, r)
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        rows
    }
}

/// Shuffle `order` in place with a 64-bit LCG (fixed seed → same order every run).
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        order.swap(i, ((*rng >> 33) as usize) % (i + 1));
    }
}
