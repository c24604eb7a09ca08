//! Compact storage of the perceptron models' sparse weights (NER, tagger,
//! parser): what `models/*.bin` hold after their header.
//!
//! A model is a list of rows, one per feature key, each a short list of
//! `(class, weight)` pairs with `i16` weights. On disk the rows are stored
//! column by column, so that gzip (which the page is served with) finds the
//! regularities of each column: the sorted keys as Rice-coded gaps (see
//! [`rice`]), then every row's length, then every class byte, then every
//! weight as one byte on a logarithmic scale between the smallest and the
//! largest magnitude in the model (a sign bit and 127 steps: within ±4.3% of
//! the `i16` weight when the magnitudes span 1..32767, ±1.3% for a model
//! pruned below 1200). Weights are read back as `i16`, so scoring code does
//! not change.
//!
//! A model keeps only the high bits of its feature keys: as many as it
//! needs for its rows, plus [`KEY_MARGIN`] (see [`key_bits`]). A feature
//! the model does not hold then finds a row of one it holds with odds of
//! at most 1 in 2^`KEY_MARGIN`, a collision like any hashing trick's. The
//! keys, which are random, were the largest column of every model: at 32
//! bits they took 1.2 MB of the page's 4.8 MB gzipped.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Sparse rows: a feature key and its `(class, weight)` pairs.
pub type Rows = Vec<(u32, Vec<(u8, i16)>)>;

/// The odd constant (2^64 / golden ratio) that spreads a key over a table.
const SPREAD: u64 = 0x9E3779B97F4A7C15;

/// Keys are already hashes: spread them with one multiplication.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u32 keys are hashed")
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(SPREAD);
    }
}

/// A map from feature keys.
pub(crate) type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// Rows in memory for scoring: one array of `(class, weight)` pairs and an
/// open-addressing table of slots, each packing a key, the start of its row
/// and the row's length into one `u64` (a lookup reads one slot, usually one
/// cache line, then the row). A pair is two bytes, the class and the index
/// of its weight among the model's distinct weights (the model files keep
/// one byte a weight, so there are at most 256 of them): half the memory a
/// scoring pass reads of pairs holding the weight itself. The longest rows
/// are kept whole instead (see `dense`).
pub(crate) struct Sparse {
    slots: Vec<u64>,
    shift: u32,
    /// The low bits of a feature's key that the model does not keep.
    drop: u32,
    len: usize,
    entries: Vec<[u8; 2]>,
    levels: Box<[i32; 256]>,
    /// Rows of at least a quarter of the classes (the frequent features,
    /// which hold most of the pairs a scoring pass adds), written out
    /// whole: `width` weights each, added without looking up class and
    /// level pair by pair. Their slot holds the row's number here and the
    /// length [`DENSE`].
    dense: Vec<i32>,
    width: usize,
}

/// The length a slot gives a dense row (a sparse row is never this long:
/// a row of 255 pairs is dense).
const DENSE: u64 = 0xff;

impl Sparse {
    /// Build the table; a row of more than 255 pairs, or more than 2^24
    /// pairs in all, cannot be packed into a slot and is an error.
    pub(crate) fn new(rows: Rows, drop: u32) -> Result<Sparse, String> {
        let rows: Rows = rows.into_iter().filter(|(_, r)| !r.is_empty()).collect();
        // at most half full; at least 2 slots
        let bits = (rows.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let shift = 64 - bits;
        let mut slots = vec![0u64; 1 << bits];
        let total: usize = rows.iter().map(|(_, r)| r.len()).sum();
        if total >= 1 << 24 {
            return Err(format!(
                "model has {total} weights, more than a slot can address"
            ));
        }
        let mut distinct: Vec<i16> = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|e| e.1))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() > 256 {
            return Err(format!(
                "model has {} distinct weights, more than 256",
                distinct.len()
            ));
        }
        let mut levels = Box::new([0i32; 256]);
        for (l, &w) in levels.iter_mut().zip(&distinct) {
            *l = i32::from(w);
        }
        let level = |w: i16| distinct.binary_search(&w).map_or(0, |i| i as u8);
        let width = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|e| e.0 as usize + 1))
            .max()
            .unwrap_or(0);
        let mut entries = Vec::with_capacity(total);
        let mut dense = Vec::new();
        let mut len = 0;
        for (k, row) in rows {
            let n = row.len();
            if n > 255 {
                return Err(format!("model row {k} has {n} weights, more than 255"));
            }
            let packed = if 4 * n >= width || n == DENSE as usize {
                let start = dense.len();
                dense.resize(start + width, 0);
                for &(c, w) in &row {
                    // the same weight as the sparse form reads back
                    dense[start + c as usize] += levels[level(w) as usize];
                }
                (k as u64) << 32 | ((start / width.max(1)) as u64) << 8 | DENSE
            } else {
                let start = entries.len();
                entries.extend(row.iter().map(|&(c, w)| [c, level(w)]));
                (k as u64) << 32 | (start as u64) << 8 | n as u64
            };
            let mut i = home(k, shift);
            loop {
                let slot = slots[i];
                if slot & 0xff == 0 {
                    slots[i] = packed;
                    len += 1;
                    break;
                }
                if (slot >> 32) as u32 == k {
                    slots[i] = packed; // a repeated key: the last row wins
                    break;
                }
                i = (i + 1) & (slots.len() - 1);
            }
        }
        Ok(Sparse {
            slots,
            shift,
            drop,
            len,
            entries,
            levels,
            dense,
            width,
        })
    }

    /// The `(class, weight)` pairs of a feature key, if it has any.
    #[cfg(test)]
    fn get(&self, key: u32) -> Option<Vec<(u8, i16)>> {
        let slot = self.find(key)?;
        let start = (slot >> 8 & 0xff_ffff) as usize;
        if slot & 0xff == DENSE {
            let row = self
                .dense
                .get(start * self.width..(start + 1) * self.width)?;
            return Some(
                (0..self.width)
                    .filter(|&c| row[c] != 0)
                    .map(|c| (c as u8, row[c] as i16))
                    .collect(),
            );
        }
        let row = self.entries.get(start..start + (slot & 0xff) as usize)?;
        Some(
            row.iter()
                .map(|&[c, l]| (c, self.levels[l as usize] as i16))
                .collect(),
        )
    }

    /// Add the rows of `feats` (feature hashes) to `scores` (one slot a
    /// class; classes outside it are skipped). The slots of all the keys
    /// are asked for first, then the rows are found (each asked for as it
    /// is found) and summed last, so that the cache misses of a model of
    /// several megabytes overlap instead of coming one after another.
    #[inline]
    pub(crate) fn add_scores(&self, feats: &[u64], scores: &mut [i32]) {
        for chunk in feats.chunks(64) {
            for &f in chunk {
                prefetch(
                    self.slots
                        .as_ptr()
                        .wrapping_add(home(crate::ner::key(f) >> self.drop, self.shift)),
                );
            }
            let mut rows = [(0u32, 0u32); 64];
            let mut n = 0;
            for &f in chunk {
                if let Some(slot) = self.find(crate::ner::key(f)) {
                    let start = (slot >> 8 & 0xff_ffff) as u32;
                    let len = (slot & 0xff) as u32;
                    rows[n] = (start, len);
                    n += 1;
                    if u64::from(len) == DENSE {
                        prefetch(
                            self.dense
                                .as_ptr()
                                .wrapping_add(start as usize * self.width),
                        );
                    } else {
                        prefetch(self.entries.as_ptr().wrapping_add(start as usize));
                    }
                }
            }
            for &(start, len) in &rows[..n] {
                if u64::from(len) == DENSE {
                    let at = start as usize * self.width;
                    let row = self.dense.get(at..at + self.width).unwrap_or(&[]);
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                    continue;
                }
                let row = self
                    .entries
                    .get(start as usize..(start + len) as usize)
                    .unwrap_or(&[]);
                for &[c, l] in row {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += self.levels[l as usize];
                    }
                }
            }
        }
    }

    /// The slot of a feature's key (all 32 bits), if the table holds it.
    #[inline]
    fn find(&self, key: u32) -> Option<u64> {
        let key = key >> self.drop;
        let mask = self.slots.len() - 1;
        let mut i = home(key, self.shift);
        loop {
            let slot = self.slots[i];
            if slot & 0xff == 0 {
                return None;
            }
            if (slot >> 32) as u32 == key {
                return Some(slot);
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of feature keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Ask the CPU to bring a row into the cache while other rows are looked
/// up (the rows are read after all the lookups; a hint only, no effect
/// on the scores; nothing on other targets).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Where a key's probe starts: the high bits of a multiplicative hash.
#[inline]
fn home(key: u32, shift: u32) -> usize {
    ((key as u64).wrapping_mul(SPREAD) >> shift) as usize
}

/// Steps of the logarithmic scale (codes 1..=127; the high bit is the sign).
const STEPS: f64 = 126.0;

/// Append `v` as a LEB128 varint.
pub(crate) fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// A cursor over a model file's bytes.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or("model file is truncated")?;
        self.at += n;
        Ok(s)
    }

    pub(crate) fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad varint in model file".into())
    }

    /// Bytes not read yet.
    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    /// True when every byte has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.remaining() == 0
    }
}

/// The logarithmic scale between the smallest and largest magnitude.
struct Scale {
    lo: f64,
    span: f64,
}

impl Scale {
    fn new(lo: u16, hi: u16) -> Scale {
        let lo = (lo.max(1)) as f64;
        let hi = (hi as f64).max(lo);
        Scale {
            lo: lo.ln(),
            span: hi.ln() - lo.ln(),
        }
    }

    fn encode(&self, w: i16) -> u8 {
        let m = (w.unsigned_abs().max(1) as f64).ln();
        let step = if self.span == 0.0 {
            0.0
        } else {
            ((m - self.lo) / self.span * STEPS)
                .round()
                .clamp(0.0, STEPS)
        };
        (1 + step as u8) | if w < 0 { 0x80 } else { 0 }
    }

    fn decode(&self, code: u8) -> i16 {
        let step = ((code & 0x7f).max(1) - 1) as f64;
        let m = (self.lo + step / STEPS * self.span)
            .exp()
            .round()
            .min(32767.0) as i16;
        if code & 0x80 != 0 {
            -m
        } else {
            m
        }
    }
}

/// The margin of the tagger, supertagger, parser and NER models: a feature
/// they do not hold finds another's row about once in 16 to 32 lookups.
/// With it EWT dev UPOS lost 0.04 points, and EWT dev UAS and CoNLL dev
/// NER F1 nothing (docs/performance.md).
pub(crate) const KEY_MARGIN: u32 = 4;

/// The bits of key kept by a model of `rows` rows: `ceil(log2(rows))`
/// plus `margin`, at most 32.
pub(crate) fn key_bits(rows: usize, margin: u32) -> u32 {
    let need = usize::BITS - rows.saturating_sub(1).leading_zeros();
    (need + margin).min(32)
}

/// Append `rows` (any order; zero weights are dropped) in the column
/// layout, their keys cut to [`key_bits`] with `margin`. Where two keys
/// fall together, the row of larger total weight is kept (the lower
/// key's on a tie).
pub(crate) fn write(out: &mut Vec<u8>, rows: &[(u32, Vec<(u8, i16)>)], margin: u32) {
    let mut full: Rows = rows
        .iter()
        .map(|(k, r)| (*k, r.iter().copied().filter(|&(_, w)| w != 0).collect()))
        .filter(|(_, r): &(u32, Vec<(u8, i16)>)| !r.is_empty())
        .collect();
    full.sort_by_key(|(k, _)| *k);
    let (bits, sorted) = cut(full, margin);
    let mags = sorted
        .iter()
        .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.unsigned_abs()));
    let (lo, hi) = mags.fold((u16::MAX, 0u16), |(lo, hi), m| (lo.min(m), hi.max(m)));
    let (lo, hi) = if hi == 0 { (1, 1) } else { (lo, hi) };
    let scale = Scale::new(lo, hi);
    varint(out, sorted.len() as u64);
    varint(out, bits as u64);
    varint(out, lo as u64);
    varint(out, hi as u64);
    let gaps: Vec<u32> = (0..sorted.len())
        .map(|i| sorted[i].0 - if i == 0 { 0 } else { sorted[i - 1].0 })
        .collect();
    rice(out, &gaps);
    for (_, r) in &sorted {
        varint(out, r.len() as u64);
    }
    out.extend(sorted.iter().flat_map(|(_, r)| r.iter().map(|&(c, _)| c)));
    out.extend(
        sorted
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| scale.encode(w))),
    );
}

/// Append `gaps` Rice-coded: the best shift `s` (a varint), the stream's
/// length in bytes (a varint), then each gap as its high part `gap >> s`
/// in unary (that many 1 bits and a 0) and its low `s` bits, least
/// significant bit first. Gaps between random sorted keys are nearly
/// geometric, for which this code is within a few percent of the entropy;
/// gzip cannot do as well with varints (446 KB against 422 KB for all the
/// models' keys).
fn rice(out: &mut Vec<u8>, gaps: &[u32]) {
    let cost = |s: u32| {
        gaps.iter()
            .map(|&g| u64::from(g >> s) + 1 + u64::from(s))
            .sum::<u64>()
    };
    let shift = (0..32).min_by_key(|&s| cost(s)).unwrap_or(0);
    let mut bits = Bits::default();
    for &g in gaps {
        for _ in 0..g >> shift {
            bits.push(true);
        }
        bits.push(false);
        for b in 0..shift {
            bits.push(g >> b & 1 == 1);
        }
    }
    varint(out, u64::from(shift));
    varint(out, bits.bytes.len() as u64);
    out.extend(&bits.bytes);
}

/// Read `n` gaps written by [`rice`].
fn unrice(r: &mut Reader, n: usize) -> Result<Vec<u32>, String> {
    let shift = r.varint()?;
    if shift >= 32 {
        return Err("bad key code".into());
    }
    let len = r.varint()? as usize;
    let bytes = r.take(len)?;
    let mut at = 0usize;
    let mut bit = || {
        let b = bytes.get(at / 8).map(|&x| x >> (at % 8) & 1 == 1);
        at += 1;
        b.ok_or("model file is truncated")
    };
    let mut gaps = Vec::with_capacity(n.min(len * 8));
    for _ in 0..n {
        let mut high = 0u64;
        while bit()? {
            high += 1;
        }
        let mut g = high << shift;
        for b in 0..shift {
            g |= u64::from(bit()?) << b;
        }
        gaps.push(u32::try_from(g).map_err(|_| "bad key gap")?);
    }
    Ok(gaps)
}

/// A growing bit stream, least significant bit first.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, b: bool) {
        if self.len % 8 == 0 {
            self.bytes.push(0);
        }
        if b {
            *self.bytes.last_mut().expect("a byte was pushed") |= 1 << (self.len % 8);
        }
        self.len += 1;
    }
}

/// Rows sorted by key, their keys cut to [`key_bits`]; and those bits.
fn cut(full: Rows, margin: u32) -> (u32, Rows) {
    let bits = key_bits(full.len(), margin);
    let mass = |r: &[(u8, i16)]| r.iter().map(|&(_, w)| i64::from(w).abs()).sum::<i64>();
    let mut rows: Rows = Vec::with_capacity(full.len());
    for (k, r) in full {
        let k = k >> (32 - bits);
        match rows.last_mut() {
            Some(last) if last.0 == k => {
                if mass(&r) > mass(&last.1) {
                    last.1 = r;
                }
            }
            _ => rows.push((k, r)),
        }
    }
    (bits, rows)
}

/// Read rows written by [`write`], in key order, and the low bits of a
/// feature's key their keys leave out; `classes` bounds the class bytes.
pub(crate) fn read(r: &mut Reader, classes: usize) -> Result<(Rows, u32), String> {
    let n = r.varint()? as usize;
    let bits = r.varint()?;
    if !(1..=32).contains(&bits) {
        return Err(format!("model keeps {bits} bits of key"));
    }
    let lo = u16::try_from(r.varint()?).map_err(|_| "bad weight scale")?;
    let hi = u16::try_from(r.varint()?).map_err(|_| "bad weight scale")?;
    let scale = Scale::new(lo, hi);
    // every row takes at least two bytes, so a corrupt count fails here, not in an allocation
    if n > r.remaining() {
        return Err("model file is truncated".into());
    }
    let mut k = 0u32;
    let keys: Vec<u32> = unrice(r, n)?
        .into_iter()
        .map(|gap| {
            k = k.wrapping_add(gap);
            k
        })
        .collect();
    let mut lens = Vec::with_capacity(n);
    for _ in 0..n {
        lens.push(r.varint()? as usize);
    }
    let total: usize = lens.iter().sum();
    let class_bytes = r.take(total)?;
    let codes = r.take(total)?;
    if let Some(&c) = class_bytes.iter().find(|&&c| c as usize >= classes) {
        return Err(format!("model names class {c} of {classes}"));
    }
    let mut at = 0;
    let rows = keys
        .into_iter()
        .zip(lens)
        .map(|(k, len)| {
            let row = (at..at + len)
                .map(|i| (class_bytes[i], scale.decode(codes[i])))
                .collect();
            at += len;
            (k, row)
        })
        .collect();
    Ok((rows, 32 - bits as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Write and read back with whole keys (a margin of 32 keeps them all).
    fn round_trip(rows: &Rows, classes: usize) -> Result<Rows, String> {
        let mut out = Vec::new();
        write(&mut out, rows, 32);
        let mut r = Reader::new(&out);
        let (back, drop) = read(&mut r, classes)?;
        assert!(r.at_end());
        assert_eq!(drop, 0);
        Ok(back)
    }

    #[test]
    fn keys_are_cut_to_the_rows_need_and_the_heavier_row_kept() {
        assert_eq!(key_bits(0, 4), 4);
        assert_eq!(key_bits(1000, 4), 14);
        assert_eq!(key_bits(1024, 4), 14);
        assert_eq!(key_bits(1025, 4), 15);
        assert_eq!(key_bits(1 << 20, 20), 32);
        // three rows: 2 bits of need, 3 kept with a margin of 1
        let rows: Rows = vec![
            (0xE000_0001, vec![(0, 10)]),
            (0xE000_0002, vec![(1, -300)]),
            (0x2000_0000, vec![(0, 7)]),
        ];
        let mut out = Vec::new();
        write(&mut out, &rows, 1);
        let (back, drop) = read(&mut Reader::new(&out), 2).unwrap();
        assert_eq!(drop, 29);
        assert_eq!(back, vec![(1, vec![(0, 7)]), (7, vec![(1, -300)])]);
        // scoring cuts a feature's key the same way
        let t = Sparse::new(back, drop).unwrap();
        assert_eq!(t.get(0xE123_4567), Some(vec![(1, -300)]));
        assert_eq!(t.get(0x3FFF_FFFF), Some(vec![(0, 7)]));
        assert_eq!(t.get(0x4000_0000), None);
    }

    #[test]
    fn rice_codes_round_trip_any_gap() {
        let gaps = vec![0, 1, 5, 17, 16, 1000, u32::MAX, 3, 0, 2];
        let mut out = Vec::new();
        rice(&mut out, &gaps);
        let mut r = Reader::new(&out);
        assert_eq!(unrice(&mut r, gaps.len()).unwrap(), gaps);
        assert!(r.at_end());
        assert!(unrice(&mut Reader::new(&out), gaps.len() + 9).is_err());
        assert!(
            unrice(&mut Reader::new(&[40, 1, 0]), 1).is_err(),
            "shift 40"
        );
        let mut empty = Vec::new();
        rice(&mut empty, &[]);
        assert_eq!(
            unrice(&mut Reader::new(&empty), 0).unwrap(),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn weights_come_back_within_the_scale_step() {
        let rows: Rows = vec![
            (9, vec![(0, 32767), (3, -1200)]),
            (2, vec![(1, 5000), (2, 0)]),
            (5, vec![(2, 0)]),
            (u32::MAX, vec![(4, -17)]),
        ];
        let back = round_trip(&rows, 5).unwrap();
        let keys: Vec<u32> = back.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec![2, 9, u32::MAX], "sorted, empty rows dropped");
        assert_eq!(back[0].1.len(), 1, "zero weights dropped");
        let pairs = [
            (5000, back[0].1[0].1),
            (32767, back[1].1[0].1),
            (-1200, back[1].1[1].1),
        ];
        for (want, got) in pairs.into_iter().chain([(-17, back[2].1[0].1)]) {
            let err = (got as f64 - want as f64).abs() / (want as f64).abs();
            assert!(err <= 0.045, "{want} came back as {got}");
            assert_eq!(got.signum(), i16::signum(want));
        }
        // the extremes are exact
        assert_eq!(back[1].1[0].1, 32767);
        assert_eq!(back[2].1[0].1, -17);
    }

    #[test]
    fn empty_and_single_magnitude_models() {
        assert!(round_trip(&vec![], 1).unwrap().is_empty());
        let back = round_trip(&vec![(1, vec![(0, 300), (1, -300)])], 2).unwrap();
        assert_eq!(back, vec![(1, vec![(0, 300), (1, -300)])]);
    }

    #[test]
    fn the_slot_table_finds_every_row_and_nothing_else() {
        let rows: Rows = (1..=1000u32)
            .map(|k| {
                (
                    k.wrapping_mul(2654435761),
                    vec![((k % 7) as u8, (k % 200) as i16 + 1)],
                )
            })
            .chain([(5, vec![]), (0, vec![(1, 2), (3, -4)])])
            .collect();
        let t = Sparse::new(rows, 0).unwrap();
        assert_eq!(t.len(), 1001, "the empty row is not stored");
        for k in 1..=1000u32 {
            assert_eq!(
                t.get(k.wrapping_mul(2654435761)),
                Some(vec![((k % 7) as u8, (k % 200) as i16 + 1)])
            );
        }
        assert_eq!(t.get(0), Some(vec![(1, 2), (3, -4)]));
        assert_eq!(t.get(5), None);
        assert_eq!(t.get(12345), None);
        assert!(Sparse::new(vec![], 0).unwrap().is_empty());
        assert_eq!(Sparse::new(vec![], 0).unwrap().get(7), None);
        let wide = (0..=255u16).map(|c| (c as u8, 1i16)).collect();
        assert!(
            Sparse::new(vec![(1, wide)], 0).is_err(),
            "256 pairs do not fit a slot"
        );
        let many = (0..300u32).map(|k| (k, vec![(0, k as i16)])).collect();
        assert!(
            Sparse::new(many, 0).is_err(),
            "300 distinct weights do not fit a byte"
        );
    }

    #[test]
    fn scores_add_up_the_rows_of_the_features_found() {
        // feature hashes whose keys are 1 and 2 (`key` folds the halves)
        let (one, two) = (1u64, 2u64);
        let t = Sparse::new(
            vec![(1, vec![(0, 5), (2, -3)]), (2, vec![(2, 10), (9, 99)])],
            0,
        )
        .unwrap();
        let mut scores = [0i32; 3];
        let feats: Vec<u64> = [one, two, 77].iter().cycle().take(150).copied().collect();
        t.add_scores(&feats, &mut scores);
        // 50 of each; class 9 is outside the scores and skipped
        assert_eq!(scores, [250, 0, 350]);
    }

    #[test]
    fn dense_and_sparse_rows_score_alike() {
        // 40 classes: rows of 10 or more pairs are kept dense
        let rows: Rows = (1..=200u32)
            .map(|k| {
                let n = (k % 25) as usize + 1;
                let row = (0..n)
                    .map(|i| {
                        (
                            ((k as usize * 7 + i * 3) % 40) as u8,
                            (k as i16 % 13) - 6 + i as i16,
                        )
                    })
                    .collect::<Vec<_>>();
                let mut row: Vec<(u8, i16)> = row.into_iter().filter(|p| p.1 != 0).collect();
                row.sort_by_key(|p| p.0);
                row.dedup_by_key(|p| p.0);
                (k, row)
            })
            .collect();
        let t = Sparse::new(rows.clone(), 0).unwrap();
        assert!(
            !t.dense.is_empty() && !t.entries.is_empty(),
            "both kinds are used"
        );
        for (k, row) in &rows {
            assert_eq!(t.get(*k).unwrap_or_default(), *row, "row {k}");
        }
        // a score table narrower than the classes skips the classes past it
        let feats: Vec<u64> = (1..=200u64).collect();
        let mut scores = [0i32; 30];
        t.add_scores(&feats, &mut scores);
        let mut want = [0i32; 30];
        for (_, row) in &rows {
            for &(c, w) in row {
                if let Some(s) = want.get_mut(c as usize) {
                    *s += i32::from(w);
                }
            }
        }
        assert_eq!(scores, want);
    }

    #[test]
    fn corrupt_input_is_an_error() {
        let mut out = Vec::new();
        write(&mut out, &[(1, vec![(3, 100)]), (2, vec![(0, -50)])], 32);
        assert!(read(&mut Reader::new(&out), 3).is_err(), "class 3 of 3");
        for cut in 0..out.len() {
            assert!(read(&mut Reader::new(&out[..cut]), 4).is_err());
        }
        assert!(read(&mut Reader::new(&[0xff; 12]), 4).is_err());
    }
}
