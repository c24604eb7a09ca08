//! The shared document every pipeline stage reads and extends.
//!
//! All offsets here are **byte** offsets into [`Document::text`]; they are
//! converted to UTF-16 code units only at the output boundary
//! ([`crate::output`]). Each stage appends its own layer and never rewrites
//! the layers before it.

use std::ops::Range;

/// A half-open byte range `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What kind of token the tokenizer saw; later stages use it as a cheap feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens or apostrophes).
    Word,
    /// A number written with digits: `1,000.5`, `3.5`, `2020`, `1990s`, `21st`.
    Number,
    /// A word ending in a period that belongs to it: `U.S.`, `Mr.`, `Sept.`, `F.`.
    Abbreviation,
    /// A clitic split off a word: `'s`, `n't`, `'re`, `'ll`, `'` (plural possessive).
    Clitic,
    /// Sentence punctuation, brackets, dashes, slashes.
    Punct,
    /// An opening or closing quotation mark, straight or curly.
    Quote,
    /// A currency or other symbol: `$`, `€`, `%`, `&`.
    Symbol,
    Url,
    Email,
    /// `@handle` or `#hashtag`.
    Handle,
    /// An emoji or another pictographic character, with its modifiers.
    Emoji,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// True when whitespace follows the token.
    pub space_after: bool,
    /// True when a line break lies between this token and the previous one.
    pub newline_before: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
}

/// Entity labels, OntoNotes / spaCy names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Product,
    Event,
    Date,
    Time,
    Money,
    Percent,
    Quantity,
    Ordinal,
    Cardinal,
    Misc,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
            Label::Misc => "MISC",
        }
    }
}

/// A named or numeric entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Which stage found it: `"gazetteer"`, `"quantity"`, ...
    pub source: &'static str,
    /// Gazetteer kind: `country`, `city`, `state`, `region`, `demonym`, ...
    pub kind: Option<&'static str>,
    /// ISO 3166-1 alpha-3 code (also the CAMEO country code).
    pub country: Option<&'static str>,
}

/// How a quantity's value relates to the number written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    /// "about", "nearly", "some", "roughly".
    Approx,
    /// "more than", "over".
    Gt,
    /// "at least", "thousands" (= at least 2000).
    Ge,
    /// "less than", "fewer than", "under".
    Lt,
    /// "at most", "up to".
    Le,
}

impl Comparator {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Approx => "approx",
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Lt => "lt",
            Comparator::Le => "le",
        }
    }
}

/// A normalized number, amount of money, percentage or measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Span,
    /// CARDINAL, ORDINAL, MONEY, PERCENT or QUANTITY.
    pub label: Label,
    pub value: f64,
    pub comparator: Option<Comparator>,
    /// ISO 4217 currency code for MONEY, unit name for QUANTITY.
    pub unit: Option<&'static str>,
    /// What a CARDINAL counts, read off the parse when there is one:
    /// "three Turkish soldiers" → "Turkish soldiers".
    pub counted: Option<Span>,
}

/// A direct quotation with its cue verb and speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The cue: `said`, `told`, `added`, `according to`.
    pub cue: Option<Span>,
    /// The speaker as written next to the cue (a name, a title and name, or a pronoun).
    pub speaker: Option<Span>,
    /// When the speaker is a pronoun or a bare surname, the fuller name it
    /// refers to, found earlier in the text.
    pub speaker_ref: Option<Span>,
}

/// TimeML TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeType {
    /// A calendar date or period: `Thursday`, `September 2018`, `last year`.
    Date,
    /// A time of day: `3 p.m.`, `this morning`, `Friday night`.
    Time,
    /// A length of time: `two days`, `the past decade`.
    Duration,
    /// A recurring time: `every Friday`, `daily`.
    Set,
}

impl TimeType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A time expression normalized to a TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimeType,
    /// TIMEX3 value: `2020-02-27`, `2019-12`, `2020-W08`, `P2D`,
    /// `PAST_REF`, `XXXX-WXX-4`, `2020-02-27T15:00`.
    pub value: String,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `MORE_THAN`, ...
    pub modifier: Option<&'static str>,
    /// True when the value was computed from the publication date (or an
    /// earlier time in the text) rather than read off the words alone.
    pub anchored: bool,
}

/// A predicate with its PropBank roleset and arguments (see [`crate::roles`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// The predicate's token.
    pub predicate: usize,
    /// The predicate's lemma, lowercased (`kill`).
    pub lemma: String,
    /// Index of its roleset in the frame lexicon
    /// ([`crate::roles::frames::Frames`]); `None` for a word the lexicon
    /// does not know.
    pub roleset: Option<u32>,
    pub args: Vec<Argument>,
}

/// One argument of a [`Frame`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    /// PropBank label: `ARG0`, `ARGM-TMP`, `R-ARG1`.
    pub role: &'static str,
    /// The argument's syntactic head token.
    pub head: usize,
    /// Its tokens.
    pub tokens: Range<usize>,
}

/// One real-world person, group or place and its mentions (see
/// [`crate::actors`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The fullest name in the text.
    pub name: Span,
    pub label: Label,
    /// Indices into [`Document::entities`], in text order.
    pub mentions: Vec<usize>,
    /// Pronouns and descriptions that stand for it.
    pub references: Vec<Span>,
    /// The title the text gives it (`President`, `Defense Minister`).
    pub role: Option<String>,
    /// CAMEO actor code on the article's date (`TURGOV`, `SYRMIL`, `IGOUNO`).
    pub code: Option<String>,
    pub country: Option<&'static str>,
    /// `person`, `organization`, `armed group`, `country`, `city`, `nationality`, ...
    pub kind: Option<&'static str>,
    /// Latitude and longitude of a place.
    pub coords: Option<(f32, f32)>,
    /// A capital that stands for its country's government ("Ankara has deployed").
    pub government_of: Option<&'static str>,
}

/// Something that happened, with who did it to whom, where and when (see
/// [`crate::events`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// KAIROS type (`Life.Die.Unspecified`) or one of lede's additions.
    pub kind: &'static str,
    /// The trigger token of the first mention.
    pub trigger: usize,
    /// Index into [`Document::sentences`] of the first mention.
    pub sentence: usize,
    /// PropBank roleset of the first mention (`kill.01`); `None` for an
    /// event noun the frame files lack (`offensive`).
    pub roleset: Option<String>,
    pub args: Vec<EventArg>,
    pub time: Option<EventTime>,
    pub place: Option<EventPlace>,
    pub casualties: Option<Casualties>,
    /// `asserted`, `negated`, `planned` or `possible`.
    pub status: &'static str,
    pub source: Option<Source>,
    /// Trigger tokens of every mention, in text order.
    pub mentions: Vec<usize>,
    pub cameo: Option<Cameo>,
}

/// An event's argument: a KAIROS role and the words that fill it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventArg {
    pub role: &'static str,
    pub tokens: Range<usize>,
    /// Index into [`Document::entities`] of the name it holds.
    pub entity: Option<usize>,
    /// Index into [`Document::actors`].
    pub actor: Option<usize>,
}

/// When an event happened: a time expression (index into
/// [`Document::times`]), stated in its clause or inherited from its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventTime {
    pub index: usize,
    pub stated: bool,
}

/// Where an event happened: a place actor, stated in its clause or inherited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventPlace {
    pub actor: usize,
    pub stated: bool,
}

/// How many were killed, injured or went missing, and who they were.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Casualties {
    pub killed: Option<f64>,
    pub injured: Option<f64>,
    pub missing: Option<f64>,
    /// How the count relates to the truth: `ge` for "dozens", `gt` for
    /// "more than", `approx`; `None` for an exact count.
    pub comparator: Option<Comparator>,
    /// The victims' actor.
    pub actor: Option<usize>,
}

/// Who reports an event: the speaker of the quote it is in or of the
/// reporting verb whose complement it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub actor: Option<usize>,
    /// The reporting verb or the quote's cue.
    pub cue: Option<Span>,
    /// Index into [`Document::quotes`].
    pub quote: Option<usize>,
}

/// The event's CAMEO coding.
#[derive(Debug, Clone, PartialEq)]
pub struct Cameo {
    pub code: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub source: Option<String>,
    pub target: Option<String>,
    /// Index into `actors` of the source (agent) side, coded or not.
    pub source_actor: Option<usize>,
    /// Index into `actors` of the target side.
    pub target_actor: Option<usize>,
}

/// A label from a small set for each token: `labels[k]` is a `&'static
/// str`, kept as one byte (a reference each would take sixteen).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    ids: Vec<u8>,
    names: Vec<&'static str>,
}

impl Labels {
    /// The number of tokens labelled.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The label of token `k`, if it has one.
    pub fn get(&self, k: usize) -> Option<&'static str> {
        self.ids.get(k).map(|&i| self.names[i as usize])
    }

    /// The labels in token order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ids.iter().map(|&i| self.names[i as usize])
    }
}

impl From<Vec<&'static str>> for Labels {
    /// Labels past the 256th distinct one become `dep` (UD's unspecified
    /// relation; a parser has about fifty).
    fn from(labels: Vec<&'static str>) -> Labels {
        let mut names: Vec<&'static str> = Vec::new();
        let mut id = |l: &'static str| match names.iter().position(|&n| n == l) {
            Some(i) => i as u8,
            None if names.len() < 255 => {
                names.push(l);
                (names.len() - 1) as u8
            }
            None => {
                if !names.contains(&"dep") {
                    names.push("dep");
                }
                names.iter().position(|&n| n == "dep").unwrap_or(0) as u8
            }
        };
        let ids = labels.into_iter().map(&mut id).collect();
        Labels { ids, names }
    }
}

impl std::ops::Index<usize> for Labels {
    type Output = &'static str;
    fn index(&self, k: usize) -> &&'static str {
        &self.names[self.ids[k] as usize]
    }
}

/// The document: text plus every layer the stages have added.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub text: String,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Part-of-speech class of each token (see [`crate::tag::Tagger`]).
    pub pos: Vec<u16>,
    /// The tagger's runner-up class where it nearly won (`u16::MAX`: none).
    pub pos_alt: Vec<u16>,
    /// Head token of each token (`None` for a sentence's root; see [`crate::parse`]).
    pub heads: Vec<Option<usize>>,
    /// Dependency relation of each token to its head (`deprels[k]`).
    pub deprels: Labels,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
    /// Time expressions (see [`crate::time`]).
    pub times: Vec<Timex>,
    /// Predicates and their semantic roles (see [`crate::roles`]).
    pub frames: Vec<Frame>,
    pub actors: Vec<Actor>,
    /// The actor of each entity (none for numbers and times).
    pub entity_actors: Vec<Option<usize>>,
    /// Events, in the order of their first mention (see [`crate::events`]).
    pub events: Vec<Event>,
}

impl Document {
    pub fn new(text: &str) -> Document {
        Document {
            text: text.to_string(),
            ..Document::default()
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }

    /// Whether the tokens are all punctuation, quotation marks or symbols
    /// (a run of commas or brackets): nothing there for the parser or the
    /// entity tagger to find.
    pub fn wordless(&self, tokens: Range<usize>) -> bool {
        self.tokens[tokens].iter().all(|t| {
            matches!(
                t.kind,
                TokenKind::Punct | TokenKind::Quote | TokenKind::Symbol
            )
        })
    }

    /// The tokens a span covers (empty when it covers none).
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        first..end.max(first)
    }
}

/// Sort entities by position and drop any that overlaps a longer (or, at
/// equal length, earlier-found) one, so the output spans never overlap.
pub fn resolve_overlaps(entities: &mut Vec<Entity>) {
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(entities[i].span.len()), i));
    // kept spans never overlap, so only the one starting last before a
    // candidate's end can overlap it
    let mut kept: std::collections::BTreeMap<usize, (usize, usize)> =
        std::collections::BTreeMap::new();
    for i in order {
        let span = entities[i].span;
        let clash = kept.range(..span.end.max(span.start + 1)).next_back();
        if clash.is_none_or(|(_, &(end, _))| end <= span.start) {
            kept.insert(span.start, (span.end, i));
        }
    }
    let mut out: Vec<Entity> = kept
        .into_values()
        .map(|(_, i)| entities[i].clone())
        .collect();
    std::mem::swap(entities, &mut out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(start: usize, end: usize, label: Label) -> Entity {
        Entity {
            span: Span::new(start, end),
            label,
            source: "test",
            kind: None,
            country: None,
        }
    }

    #[test]
    fn overlaps_keep_longest_then_sort() {
        let mut e = vec![
            ent(10, 12, Label::Gpe),
            ent(0, 3, Label::Norp),
            ent(10, 17, Label::Money),
        ];
        resolve_overlaps(&mut e);
        let spans: Vec<(usize, usize)> = e.iter().map(|e| (e.span.start, e.span.end)).collect();
        assert_eq!(spans, vec![(0, 3), (10, 17)]);
    }
}
