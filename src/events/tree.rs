//! What the event rules read of each token, gathered once per document.

use crate::doc::{Document, Span};

/// What the rules read of each token, gathered once: its parse, tag,
/// lemma and frame, and the actors' references by position.
pub(super) struct Tree {
    pub(super) kids: Lists,
    pub(super) upos: Upos,
    /// Lemmas of verbs, nouns, adjectives and auxiliaries (empty for the rest).
    pub(super) lemma: Texts,
    /// `(predicate token, frame index)`, sorted: see [`Tree::frame_of`].
    pub(super) frames: Vec<(usize, usize)>,
    /// Whether each token is a conjunct ("and injured 11").
    pub(super) conj: Vec<bool>,
    /// Every actor's references (pronouns, group phrases), by start.
    pub(super) refs: Vec<(Span, usize)>,
}

/// A list of token indices for each token, kept in two flat arrays (a
/// vector each takes several times the memory): `lists[k]` is token k's.
pub(super) struct Lists {
    pub(super) starts: Vec<u32>,
    pub(super) items: Vec<usize>,
}

impl std::ops::Index<usize> for Lists {
    type Output = [usize];
    fn index(&self, k: usize) -> &[usize] {
        &self.items[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

/// Each token's universal part of speech (`upos[k]` is a `&'static str`),
/// kept as the tagger's class numbers.
pub(super) struct Upos {
    pub(super) class: Vec<u16>,
    pub(super) names: Vec<&'static str>,
}

impl std::ops::Index<usize> for Upos {
    type Output = &'static str;
    fn index(&self, k: usize) -> &&'static str {
        &self.names[self.class[k] as usize]
    }
}

/// A short text for each token, kept in one string: `texts[k]` is token k's.
pub(super) struct Texts {
    pub(super) text: String,
    pub(super) ends: Vec<u32>,
}

impl std::ops::Index<usize> for Texts {
    type Output = str;
    fn index(&self, k: usize) -> &str {
        &self.text[self.ends[k] as usize..self.ends[k + 1] as usize]
    }
}

impl Tree {
    pub(super) fn new(doc: &Document) -> Tree {
        let n = doc.tokens.len();
        let tagger = crate::tag::Tagger::embedded();
        let lemmatizer = crate::tag::lemma::Lemmatizer::embedded();
        // each token's dependents, in text order, in two flat arrays
        let mut starts = vec![0u32; n + 1];
        for h in doc.heads.iter().flatten() {
            starts[h + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut items = vec![0; starts[n] as usize];
        let mut next: Vec<u32> = starts[..n].to_vec();
        for (i, h) in doc.heads.iter().enumerate() {
            if let Some(h) = *h {
                items[next[h] as usize] = i;
                next[h] += 1;
            }
        }
        let kids = Lists { starts, items };
        let upos = Upos {
            class: (0..n)
                .map(|i| doc.pos.get(i).copied().unwrap_or(0))
                .collect(),
            names: (0..=doc.pos.iter().copied().max().unwrap_or(0))
                .map(|c| tagger.names(c as usize).0)
                .collect(),
        };
        let mut lemma = Texts {
            text: String::new(),
            ends: Vec::with_capacity(n + 1),
        };
        lemma.ends.push(0);
        for i in 0..n {
            let pos = upos[i];
            if let "VERB" | "NOUN" | "ADJ" | "AUX" = pos {
                lemma
                    .text
                    .push_str(&lemmatizer.lemma(doc.token_text(i), pos));
            }
            lemma.ends.push(lemma.text.len() as u32);
        }
        let mut frames: Vec<(usize, usize)> = doc
            .frames
            .iter()
            .enumerate()
            .map(|(f, frame)| (frame.predicate, f))
            .collect();
        frames.sort_unstable();
        // one frame a predicate: the last, as when each overwrote the one before
        frames.reverse();
        frames.dedup_by_key(|p| p.0);
        frames.reverse();
        let mut refs: Vec<(Span, usize)> = doc
            .actors
            .iter()
            .enumerate()
            .flat_map(|(a, x)| x.references.iter().map(move |&r| (r, a)))
            .collect();
        refs.sort_unstable();
        Tree {
            kids,
            upos,
            lemma,
            frames,
            conj: doc.deprels.iter().map(|r| r == "conj").collect(),
            refs,
        }
    }

    /// The number of tokens.
    pub(super) fn len(&self) -> usize {
        self.conj.len()
    }

    /// The frame of a predicate token.
    pub(super) fn frame_of(&self, k: usize) -> Option<usize> {
        let i = self.frames.partition_point(|p| p.0 < k);
        self.frames.get(i).filter(|p| p.0 == k).map(|p| p.1)
    }

    /// The preposition of word `c` (its first `case` dependent), lowercase.
    pub(super) fn case(&self, doc: &Document, c: usize) -> Option<String> {
        self.kids[c]
            .iter()
            .find(|&&g| doc.deprels[g] == "case")
            .map(|&g| doc.token_text(g).to_lowercase())
    }

    /// The references that lie inside `span`, in text order.
    pub(super) fn refs_in(&self, span: Span) -> impl Iterator<Item = &(Span, usize)> {
        let i = self.refs.partition_point(|r| r.0.start < span.start);
        self.refs[i..]
            .iter()
            .take_while(move |r| r.0.start < span.end)
            .filter(move |r| r.0.end <= span.end)
    }
}
