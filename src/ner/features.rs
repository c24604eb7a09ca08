//! Features of the NER tagger, shared by training and tagging.
//!
//! Every feature is a 64-bit hash of a template id and strings, so no string
//! is allocated per feature. Token-level facts that do not depend on the
//! tags (word, shape, affixes, gazetteer matches) are computed once per
//! sentence ([`SentenceFeatures`]); the tag-history features are added while
//! decoding left to right.

use crate::lexicon::{actors, capitalization, clusters, is_given_name, lower_key, places};

/// FNV-1a over a template id and strings (0xFF-separated).
#[derive(Clone, Copy)]
pub struct Hash(u64);

impl Hash {
    pub fn new(template: u8) -> Hash {
        Hash((0xcbf29ce484222325u64 ^ template as u64).wrapping_mul(0x100000001b3))
    }

    pub fn str(self, s: &str) -> Hash {
        let mut h = self.0;
        for b in s.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        Hash((h ^ 0xff).wrapping_mul(0x100000001b3))
    }

    pub fn num(self, n: u64) -> Hash {
        Hash((self.0 ^ n).wrapping_mul(0x100000001b3).rotate_left(29))
    }

    pub fn done(self) -> u64 {
        // final avalanche so nearby inputs spread over the table
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51afd7ed558ccd);
        x ^= x >> 33;
        x
    }
}

/// Word shape: `Erdogan` → `Xxxx`, `U.S.` → `X.X.`, `1,000` → `d,ddd`
/// (runs longer than four cut to four).
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(w.len().min(16));
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if m == last {
            run += 1;
        } else {
            run = 1;
            last = m;
        }
        if run <= 4 {
            out.push(m);
        }
    }
    out
}

/// Shape with every run collapsed to one: `Xxxx` → `Xx`.
pub fn short_shape(shape: &str) -> String {
    let mut out = String::with_capacity(shape.len());
    let mut last = '\0';
    for c in shape.chars() {
        if c != last {
            out.push(c);
            last = c;
        }
    }
    out
}

/// The last `n` characters of a word (all of it when shorter).
pub fn ending(word: &str, n: usize) -> &str {
    let cut = word
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(k, _)| k);
    &word[cut..]
}

/// The first `n` characters of a word (all of it when shorter).
pub fn beginning(word: &str, n: usize) -> &str {
    let cut = word.char_indices().nth(n).map_or(word.len(), |(k, _)| k);
    &word[..cut]
}

/// The word `k` places from token `i`, or a sentence-boundary marker.
pub fn window(words: &[String], i: usize, k: isize) -> &str {
    let j = i as isize + k;
    if j < 0 {
        "<S>"
    } else if j as usize >= words.len() {
        "</S>"
    } else {
        &words[j as usize]
    }
}

/// Lexicon classes a token can be part of.
pub const CLASSES: [&str; 5] = ["GPE", "LOC", "NORP", "PER", "ORG"];

/// The word-level facts of one sentence.
pub struct SentenceFeatures {
    pub words: Vec<String>,
    pub lower: Vec<String>,
    pub shapes: Vec<String>,
    pub short: Vec<String>,
    /// Per token, per lexicon class: position code in the longest match
    /// (0 none, 1 B, 2 I, 3 L, 4 U).
    pub lex: Vec<[u8; 5]>,
    pub all_caps: bool,
}

/// Quotation marks and apostrophes as the training corpora write them
/// (`"` and `'`), so curly ones in real text get the same features.
pub fn normalize(w: &str) -> String {
    match w {
        "“" | "”" | "«" | "»" | "„" | "``" | "''" => "\"".to_string(),
        "‘" | "’" | "‚" => "'".to_string(),
        _ if w.contains('’') => w.replace('’', "'"),
        _ => w.to_string(),
    }
}

/// The likely case of the words of a sentence written all in capitals
/// (headlines) or all in lowercase (chat): names found in the lexicons or
/// nearly always capitalized in the training text get a capital, other
/// known words go lowercase, and unknown words keep their case in lowercase
/// text and become capitalized in capitals (a name is likelier there).
/// Acronyms the lexicons list in capitals stay in capitals.
pub fn truecase(words: &[String], lower: &[String], caps: bool) -> Vec<String> {
    let title = |w: &str| {
        let mut out = String::with_capacity(w.len());
        let mut start = true;
        for c in w.chars() {
            if start && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                start = false;
            } else {
                out.extend(c.to_lowercase());
                start = start || c == '-';
            }
        }
        out
    };
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let (w, lw) = (&words[i], &lower[i]);
        if !w.chars().any(char::is_alphabetic) {
            out.push(w.clone());
            i += 1;
            continue;
        }
        // a multi-word name of the lexicons: capitalize all its words
        let named = places()
            .longest(&lower[i..], |n, _| n >= 2)
            .map(|(n, _)| n)
            .or_else(|| actors().longest(&lower[i..], |n, _| n >= 2).map(|(n, _)| n));
        if let Some(n) = named {
            for k in i..i + n {
                let small = matches!(lower[k].as_str(), "of" | "the" | "and" | "al" | "de");
                out.push(if small {
                    lower[k].clone()
                } else {
                    title(&words[k])
                });
            }
            i += n;
            continue;
        }
        let acronym = places().get(lw).is_some_and(|p| p.acronym) && w.len() <= 4;
        let cased = match capitalization(lw) {
            _ if acronym && caps => w.clone(),
            Some(b'A' | b'M') => title(w),
            _ if places().get(lw).is_some() || actors().get(lw).is_some() || is_given_name(lw) => {
                title(w)
            }
            Some(_) if i == 0 => title(w),
            Some(_) => lw.clone(),
            None if caps && looks_common(lw) => lw.clone(),
            None if caps => title(w),
            None => w.clone(),
        };
        out.push(cased);
        i += 1;
    }
    out
}

/// An unknown word that is an inflection of a common word (`warns`,
/// `retook`s aside) or has a common-word ending (`-tion`, `-ly`).
fn looks_common(lw: &str) -> bool {
    let common = |stem: &str| matches!(capitalization(stem), Some(b'L' | b'S'));
    let endings = ["s", "es", "ed", "d", "ing"];
    endings.iter().any(|e| {
        lw.strip_suffix(e)
            .is_some_and(|stem| stem.len() >= 3 && common(stem))
    }) || [
        "tion", "ment", "ness", "ly", "ity", "ous", "ive", "ful", "less", "able", "ings",
    ]
    .iter()
    .any(|e| lw.len() > e.len() + 2 && lw.ends_with(e))
}

/// Whether a (normalized) word is a quotation mark, which is never part of a name.
pub fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "'" | "`")
}

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl SentenceFeatures {
    pub fn new<S: AsRef<str>>(words: &[S]) -> SentenceFeatures {
        let words: Vec<String> = words.iter().map(|w| normalize(w.as_ref())).collect();
        let lower: Vec<String> = words.iter().map(|w| lower_key(w)).collect();
        let letters: Vec<&String> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let all_caps =
            letters.len() >= 2 && letters.iter().all(|w| !w.chars().any(char::is_lowercase));
        let all_lower =
            letters.len() >= 3 && letters.iter().all(|w| !w.chars().any(char::is_uppercase));
        let words = if all_caps || all_lower {
            truecase(&words, &lower, all_caps)
        } else {
            words
        };
        let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
        let short = shapes.iter().map(|s| short_shape(s)).collect();
        let n = words.len();
        let mut lex = vec![[0u8; 5]; n];
        let mark = |lex: &mut Vec<[u8; 5]>, class: usize, i: usize, len: usize| {
            for (k, slot) in lex[i..i + len].iter_mut().enumerate() {
                let code = match (len, k) {
                    (1, _) => 4,
                    (_, 0) => 1,
                    (_, k) if k + 1 == len => 3,
                    _ => 2,
                };
                if slot[class] == 0 {
                    slot[class] = code;
                }
            }
        };
        for i in 0..n {
            if !cap(&words[i]) && !words[i].chars().next().is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Some((len, p)) = places().longest(&lower[i..], |_, _| true) {
                let class = match p.label {
                    crate::doc::Label::Gpe => 0,
                    crate::doc::Label::Loc => 1,
                    _ => 2,
                };
                mark(&mut lex, class, i, len);
            }
            if let Some((len, a)) = actors().longest(&lower[i..], |_, _| true) {
                let class = if a.label == crate::doc::Label::Person {
                    3
                } else {
                    4
                };
                mark(&mut lex, class, i, len);
            }
        }
        SentenceFeatures {
            words,
            lower,
            shapes,
            short,
            lex,
            all_caps,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The tag-independent features of token `i`, appended to `out`.
    pub fn static_features(&self, i: usize, doc: &DocContext, out: &mut Vec<u64>) {
        let n = self.len();
        let w = |k: isize| window(&self.lower, i, k);
        let sh = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                "_"
            } else {
                &self.short[j as usize]
            }
        };
        let lw = &self.lower[i];
        let word = &self.words[i];
        let n_chars = lw.chars().count();
        let f = |t: u8| Hash::new(t);
        out.push(f(0).done());
        out.push(f(1).str(word).done());
        out.push(f(2).str(lw).done());
        out.push(f(3).str(&self.shapes[i]).done());
        out.push(f(4).str(&self.short[i]).done());
        for k in 1..=3.min(n_chars) {
            out.push(f(5).num(k as u64).str(beginning(lw, k)).done());
        }
        for k in 1..=4.min(n_chars) {
            out.push(f(6).num(k as u64).str(ending(lw, k)).done());
        }
        out.push(f(7).str(w(-1)).done());
        out.push(f(8).str(w(1)).done());
        out.push(f(9).str(w(-2)).done());
        out.push(f(10).str(w(2)).done());
        out.push(f(11).str(sh(-1)).done());
        out.push(f(12).str(sh(1)).done());
        out.push(f(13).str(w(-1)).str(lw).done());
        out.push(f(14).str(lw).str(w(1)).done());
        out.push(f(15).str(sh(-1)).str(sh(0)).str(sh(1)).done());
        out.push(f(16).str(sh(0)).str(w(1)).done());
        out.push(f(17).str(w(-1)).str(sh(0)).done());
        for (k, t) in [(0isize, 18u8), (-1, 19), (1, 20)] {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                continue;
            }
            for (c, &code) in self.lex[j as usize].iter().enumerate() {
                if code != 0 {
                    out.push(f(t).num(c as u64).num(code as u64).done());
                }
            }
        }
        if i == 0 {
            out.push(f(21).str(&self.short[i]).done());
        }
        if self.all_caps {
            out.push(f(22).done());
            out.push(f(23).str(lw).done());
        }
        // document-level facts
        if cap(word) && doc.seen_lower(lw) {
            out.push(f(24).done());
        }
        let cl = |k: isize| -> (u64, u64) {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                return (9999, 9999);
            }
            clusters(&self.lower[j as usize]).map_or((9998, 9998), |(c, f)| (c as u64, f as u64))
        };
        let (c0, f0) = cl(0);
        out.push(f(50).num(c0).done());
        out.push(f(51).num(f0).done());
        out.push(f(52).num(cl(-1).1).done());
        out.push(f(53).num(cl(1).1).done());
        out.push(f(54).num(f0).str(&self.short[i]).done());
        let capz = capitalization(lw).unwrap_or(b'?') as u64;
        out.push(f(35).num(capz).done());
        out.push(
            f(36)
                .num(capz)
                .num((i == 0) as u64)
                .str(&self.short[i])
                .done(),
        );
        if is_given_name(lw) {
            out.push(f(27).done());
            out.push(f(28).str(&self.short[i]).str(sh(1)).done());
        }
        if i > 0 && is_given_name(&self.lower[i - 1]) {
            out.push(f(29).str(&self.short[i]).done());
        }
    }

    /// Features of token `i` that change from one pass to the next: what the
    /// document's first pass found (second pass only) and the given names
    /// seen so far.
    pub fn pass_features(&self, i: usize, doc: &DocContext, out: &mut Vec<u64>) {
        let f = |t: u8| Hash::new(t);
        let lw = &self.lower[i];
        let word = &self.words[i];
        if doc.first_names.contains_key(lw) {
            out.push(f(25).done());
        }
        out.push(f(26).num(i.min(3) as u64).str(&self.short[i]).done());
        if let Some(global) = &doc.global {
            if cap(word) {
                match global.get(lw) {
                    Some(c) => {
                        let (best, _) = c
                            .iter()
                            .enumerate()
                            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(*k)))
                            .unwrap_or((0, &0));
                        let entity = c[1..].iter().any(|&n| n > 0);
                        out.push(f(30).num(best as u64).done());
                        out.push(f(31).num(best as u64).str(&self.short[i]).done());
                        out.push(f(32).num(entity as u64).num((i == 0) as u64).done());
                    }
                    None => out.push(f(33).done()),
                }
            }
        }
    }
}

/// Tag-history features of token `i`: previous tags and what the same word
/// was tagged earlier in the document.
pub fn history_features(
    sent: &SentenceFeatures,
    i: usize,
    prev: usize,
    prev2: usize,
    hist: Option<usize>,
    out: &mut Vec<u64>,
) {
    let f = |t: u8| Hash::new(t);
    out.push(f(40).num(prev as u64).done());
    out.push(f(41).num(prev2 as u64).num(prev as u64).done());
    out.push(f(42).num(prev as u64).str(&sent.lower[i]).done());
    out.push(f(43).num(prev as u64).str(&sent.short[i]).done());
    if let Some(h) = hist {
        out.push(f(44).num(h as u64).done());
        out.push(f(45).num(h as u64).str(&sent.short[i]).done());
    }
}

/// What the document tells about its words, across sentences.
#[derive(Default)]
pub struct DocContext {
    /// Lowercased words seen written in lowercase somewhere in the document.
    lower_seen: std::collections::HashSet<String>,
    /// Capitalized words seen as the first word of a PER name, with counts.
    pub first_names: std::collections::HashMap<String, u32>,
    /// Entity type counts (0 = O, 1..=4 types) of each capitalized word so far.
    history: std::collections::HashMap<String, [u16; 5]>,
    /// Second pass: the type counts of each lowercased word over the whole
    /// document, from the first pass.
    global: Option<std::collections::HashMap<String, [u16; 5]>>,
    /// First pass: the counts `global` will hold, gathered so far.
    counted: std::collections::HashMap<String, [u16; 5]>,
}

impl DocContext {
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> DocContext {
        let mut c = DocContext::default();
        for s in sentences {
            for (k, w) in s.iter().enumerate() {
                let w = w.as_ref();
                if k > 0 && w.chars().next().is_some_and(char::is_lowercase) {
                    c.lower_seen.insert(w.to_string());
                }
            }
        }
        c
    }

    fn seen_lower(&self, lw: &str) -> bool {
        self.lower_seen.contains(lw)
    }

    /// The type most often given to `word` earlier in the document.
    pub fn majority(&self, word: &str) -> Option<usize> {
        let counts = self.history.get(word)?;
        let (best, n) = counts
            .iter()
            .enumerate()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(*k)))?;
        (*n > 0).then_some(best)
    }

    /// Start the second pass: type counts over the whole document from the
    /// first pass's tags, and a fresh history.
    pub fn second_pass(&mut self, sentences: &[SentenceFeatures], tags: &[Vec<usize>]) {
        for (sent, tags) in sentences.iter().zip(tags) {
            self.count(sent, tags);
        }
        self.start_second_pass();
    }

    /// Count a sentence's first-pass tags for the second pass (what
    /// [`DocContext::second_pass`] does for all sentences at once, one
    /// sentence at a time, so their features need not be kept).
    pub fn count(&mut self, sent: &SentenceFeatures, tags: &[usize]) {
        for (i, &t) in tags.iter().enumerate() {
            if !cap(&sent.words[i]) {
                continue;
            }
            let ty = if t == 0 { 0 } else { (t - 1) / 4 + 1 };
            self.counted.entry(sent.lower[i].clone()).or_insert([0; 5])[ty] += 1;
        }
    }

    /// Begin the second pass with the counts of [`DocContext::count`].
    pub fn start_second_pass(&mut self) {
        self.global = Some(std::mem::take(&mut self.counted));
        self.history.clear();
        self.first_names.clear();
    }

    /// Record the tags given to a sentence.
    pub fn record(&mut self, sent: &SentenceFeatures, tags: &[usize]) {
        for (i, &t) in tags.iter().enumerate() {
            let w = &sent.words[i];
            if !cap(w) {
                continue;
            }
            let ty = if t == 0 { 0 } else { (t - 1) / 4 + 1 };
            self.history.entry(w.clone()).or_insert([0; 5])[ty] += 1;
            if ty == 1 && (t - 1) % 4 == 0 {
                *self.first_names.entry(sent.lower[i].clone()).or_insert(0) += 1;
            }
        }
    }
}

/// Whether tag `cur` may follow tag `prev` (BILOU); `last` when `cur` ends the sentence.
pub fn allowed(prev: usize, cur: usize, last: bool) -> bool {
    let part = |t: usize| if t == 0 { 4 } else { (t - 1) % 4 }; // 0 B, 1 I, 2 L, 3 U, 4 O
    let ty = |t: usize| if t == 0 { usize::MAX } else { (t - 1) / 4 };
    let open = matches!(part(prev), 0 | 1);
    let ok = if open {
        matches!(part(cur), 1 | 2) && ty(cur) == ty(prev)
    } else {
        matches!(part(cur), 0 | 3 | 4)
    };
    ok && !(last && matches!(part(cur), 0 | 1))
}

#[cfg(test)]
mod tests {
    use super::{beginning, ending};

    #[test]
    fn endings_count_characters_not_bytes() {
        assert_eq!(ending("killed", 3), "led");
        assert_eq!(ending("to", 3), "to");
        assert_eq!(ending("Erdoğan", 3), "ğan");
        assert_eq!(ending("", 3), "");
        assert_eq!(beginning("Öcalan", 2), "Öc");
        assert_eq!(beginning("to", 3), "to");
        assert_eq!(beginning("", 1), "");
    }
}
