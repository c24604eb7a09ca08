//! Output schema `lede/1`: the document rendered for JSON consumers.
//!
//! Every `start` / `end` is in UTF-16 code units, so that in JavaScript
//! `text.slice(start, end) === span.text`. The schema is documented in
//! `docs/schema.md`; a test checks that document's example against this code.

use serde::{Serialize, Serializer};

use crate::doc::{Document, Span};

/// Schema identifier; bumped on any incompatible change.
pub const SCHEMA: &str = "lede/1";

/// The result of [`crate::analyze`].
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Analysis {
    pub schema: &'static str,
    /// lede's version.
    pub version: &'static str,
    /// The publication date given in the options, if any.
    pub date: Option<String>,
    /// Length of the text in UTF-16 code units.
    pub length: usize,
    pub paragraphs: Vec<TextSpan>,
    pub sentences: Vec<SentenceOut>,
    pub entities: Vec<EntityOut>,
    /// One entry per person, group or place the entities name.
    pub actors: Vec<ActorOut>,
    /// Events, in the order of their first mention (empty with
    /// `options.events` false).
    pub events: Vec<EventOut>,
    /// Time expressions, normalized to TimeML TIMEX3 values.
    pub times: Vec<TimeOut>,
    pub quantities: Vec<QuantityOut>,
    pub quotes: Vec<QuoteOut>,
    /// Tokens, only when `options.tokens` is true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    /// Predicates with their semantic roles, only when `options.frames` is true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frames: Option<Vec<FrameOut>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SentenceOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntityOut {
    pub text: String,
    pub label: &'static str,
    pub start: usize,
    pub end: usize,
    pub source: &'static str,
    pub kind: Option<&'static str>,
    pub country: Option<&'static str>,
    /// Index into `actors`; null for numbers and times.
    pub actor: Option<usize>,
}

/// A person, organization, group or place with all its mentions.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorOut {
    /// The fullest name in the text.
    pub name: String,
    pub label: &'static str,
    /// Indices into `entities`.
    pub mentions: Vec<usize>,
    /// Pronouns that stand for it.
    pub references: Vec<TextSpan>,
    /// The title the text gives it: `President`, `Defense Minister`.
    pub role: Option<String>,
    /// CAMEO actor code on the article's date: `TURGOV`, `SYRMIL`, `IGOUNO`.
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3 (= CAMEO) code of its country.
    pub country: Option<&'static str>,
    /// `person`, `organization`, `armed group`, `country`, `city`, `nationality`, ...
    pub kind: Option<&'static str>,
    #[serde(serialize_with = "coordinate")]
    pub lat: Option<f32>,
    #[serde(serialize_with = "coordinate")]
    pub lon: Option<f32>,
    /// A capital that stands for its country's government: that country's code.
    pub government_of: Option<&'static str>,
}

/// Coordinates as written in the gazetteer (one decimal), the same in
/// JSON from the CLI and from JavaScript.
fn coordinate<S: Serializer>(v: &Option<f32>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => number(&one_decimal(*x), s),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuantityOut {
    pub text: String,
    pub label: &'static str,
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub comparator: Option<&'static str>,
    pub unit: Option<&'static str>,
    /// What a CARDINAL counts, read off the parse ("three Turkish soldiers"
    /// → "Turkish soldiers"); null for other labels, when it counts nothing
    /// named, and with `options.events` false (no parse).
    pub counted: Option<TextSpan>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimeOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// TIMEX3 value: `2020-02-27`, `2019-12`, `P2D`, `PAST_REF`, `XXXX-WXX-5`.
    pub value: String,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `MORE_THAN`, ...
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
    /// True when the value was computed from the publication date (or an
    /// earlier time in the text).
    pub anchored: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub cue: Option<TextSpan>,
    pub speaker: Option<TextSpan>,
    pub speaker_ref: Option<TextSpan>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TokenOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    /// Universal POS tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Dictionary form: killed → kill, forces → force.
    pub lemma: String,
    /// Index of the head token in this list; -1 for a sentence's root.
    pub head: i64,
    /// Universal Dependencies relation to the head (`nsubj`, `obl:agent`, `root`).
    pub deprel: &'static str,
}

/// A predicate (verb, or noun or adjective with a PropBank frame), its
/// roleset and its arguments.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FrameOut {
    /// The predicate word.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `sentences`.
    pub sentence: usize,
    /// The predicate's lemma (`kill`).
    pub lemma: String,
    /// PropBank roleset (`kill.01`); null for a word the frame files lack.
    pub roleset: Option<String>,
    /// What the roleset means (`cause to die, murder`).
    pub name: Option<String>,
    pub arguments: Vec<ArgumentOut>,
}

/// One argument of a predicate.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArgumentOut {
    /// PropBank label: `ARG0`, `ARG1`, `ARGM-TMP`, `R-ARG0`, `C-ARG1`.
    pub role: &'static str,
    /// The frame file's description of the role (`killer`), or the
    /// guidelines' name of a modifier (`time`).
    pub descr: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The argument's syntactic head word.
    pub head: TextSpan,
}

/// Something that happened: its type, trigger, arguments, time, place,
/// casualties, status, source, other mentions and CAMEO coding.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventOut {
    /// KAIROS type: `Life.Die.Unspecified`, `Conflict.Attack.Unspecified`, ...
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The trigger of the first mention.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `sentences` of the first mention.
    pub sentence: usize,
    /// PropBank roleset of the trigger (`kill.01`); null for an event noun
    /// the frame files lack (`offensive`).
    pub roleset: Option<String>,
    pub arguments: Vec<EventArgOut>,
    pub time: Option<EventTimeOut>,
    pub place: Option<EventPlaceOut>,
    pub casualties: Option<CasualtiesOut>,
    /// `asserted`, `negated`, `planned` or `possible`.
    pub status: &'static str,
    pub source: Option<SourceOut>,
    /// Every mention's trigger, the first included, in text order.
    pub mentions: Vec<TextSpan>,
    pub cameo: Option<CameoOut>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventArgOut {
    /// KAIROS role: `Killer`, `Victim`, `Attacker`, `Target`, `Participant`, ...
    pub role: &'static str,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `entities` of the name it holds.
    pub entity: Option<usize>,
    /// Index into `actors`.
    pub actor: Option<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventTimeOut {
    /// Index into `times`.
    pub index: usize,
    /// Its TIMEX3 value (`2020-02-27`).
    pub value: String,
    /// True when the time is said of this event's clause; false when taken
    /// from its sentence.
    pub stated: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventPlaceOut {
    /// Index into `actors`.
    pub actor: usize,
    pub name: String,
    pub country: Option<&'static str>,
    #[serde(serialize_with = "coordinate")]
    pub lat: Option<f32>,
    #[serde(serialize_with = "coordinate")]
    pub lon: Option<f32>,
    pub stated: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CasualtiesOut {
    #[serde(serialize_with = "opt_number")]
    pub killed: Option<f64>,
    #[serde(serialize_with = "opt_number")]
    pub injured: Option<f64>,
    #[serde(serialize_with = "opt_number")]
    pub missing: Option<f64>,
    /// `ge` (at least: "dozens"), `gt` ("more than"), `approx`; null: exact.
    pub comparator: Option<&'static str>,
    /// Index into `actors` of the victims.
    pub actor: Option<usize>,
    /// The victims' CAMEO actor code (`TURMIL`).
    pub code: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceOut {
    /// Index into `actors` of who reports it.
    pub actor: Option<usize>,
    /// That actor's name.
    pub name: Option<String>,
    /// The reporting verb or the quote's cue (`said`, `announced`).
    pub cue: Option<TextSpan>,
    /// Index into `quotes` when the event is told inside a quotation.
    pub quote: Option<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CameoOut {
    /// CAMEO event code (`190`, `046`, `057`).
    pub code: String,
    /// Its root (`19`).
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// Goldstein scale of the root, -10 to +10.
    #[serde(serialize_with = "number")]
    pub goldstein: f64,
    /// CAMEO actor code of the source (agent) actor.
    pub source: Option<String>,
    /// CAMEO actor code of the target.
    pub target: Option<String>,
    /// Index into `actors` of the source side (GDELT's Actor1), coded or not.
    pub source_actor: Option<usize>,
    /// Index into `actors` of the target side (GDELT's Actor2).
    pub target_actor: Option<usize>,
}

fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => number(x, s),
        None => s.serialize_none(),
    }
}

/// Integral values are written as integers (`2000`, not `2000.0`), so JSON
/// from the CLI and from `JSON.stringify` in JS are the same bytes.
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match integral(*v) {
        Some(i) => s.serialize_i64(i),
        None => s.serialize_f64(*v),
    }
}

/// The value as an integer when it is one that JavaScript holds exactly.
pub(crate) fn integral(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0).then_some(v as i64)
}

/// Coordinates and Goldstein values, to one decimal as the sources give them.
pub(crate) fn one_decimal(x: f32) -> f64 {
    (x as f64 * 10.0).round() / 10.0
}

/// Byte offset → UTF-16 offset, with a checkpoint every 256 bytes.
pub struct Utf16Map<'a> {
    text: &'a str,
    /// `(byte, utf16)` at the first char boundary at or after each multiple of 256.
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 256;

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Utf16Map<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut units = 0;
        let mut next = 0;
        for (b, c) in text.char_indices() {
            while b >= next {
                checkpoints.push((b, units));
                next += STRIDE;
            }
            units += c.len_utf16();
        }
        checkpoints.push((text.len(), units));
        Utf16Map { text, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary).
    pub fn at(&self, byte: usize) -> usize {
        let idx = self
            .checkpoints
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (b0, u0) = self.checkpoints[idx];
        u0 + self.text[b0..byte]
            .chars()
            .map(char::len_utf16)
            .sum::<usize>()
    }

    pub fn len(&self) -> usize {
        self.checkpoints.last().map(|c| c.1).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

struct Render<'a> {
    doc: &'a Document,
    map: Utf16Map<'a>,
}

impl Render<'_> {
    fn span(&self, s: Span) -> TextSpan {
        TextSpan {
            text: self.doc.slice(s).to_string(),
            start: self.map.at(s.start),
            end: self.map.at(s.end),
        }
    }
}

/// Render the document into the output schema.
pub fn render(doc: &Document, options: &crate::Options) -> Analysis {
    let (date, with_tokens) = (options.date.clone(), options.tokens);
    let r = Render {
        doc,
        map: Utf16Map::new(&doc.text),
    };
    let paragraphs = doc.paragraphs.iter().map(|p| r.span(p.span)).collect();
    let sentences = doc
        .sentences
        .iter()
        .map(|s| {
            let t = r.span(s.span);
            SentenceOut {
                text: t.text,
                start: t.start,
                end: t.end,
                paragraph: s.paragraph,
            }
        })
        .collect();
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let t = r.span(e.span);
            EntityOut {
                text: t.text,
                label: e.label.as_str(),
                start: t.start,
                end: t.end,
                source: e.source,
                kind: e.kind,
                country: e.country,
                actor: doc.entity_actors.get(i).copied().flatten(),
            }
        })
        .collect();
    let actors = doc
        .actors
        .iter()
        .map(|a| ActorOut {
            name: doc.slice(a.name).to_string(),
            label: a.label.as_str(),
            mentions: a.mentions.clone(),
            references: a.references.iter().map(|&s| r.span(s)).collect(),
            role: a.role.clone(),
            code: a.code.clone(),
            country: a.country,
            kind: a.kind,
            lat: a.coords.map(|c| c.0),
            lon: a.coords.map(|c| c.1),
            government_of: a.government_of,
        })
        .collect();
    // a number inside a time expression ("two" in "two days ago") is part of it
    let quantities = doc
        .quantities
        .iter()
        .filter(|q| {
            // times are in text order and never overlap
            let i = doc.times.partition_point(|t| t.span.end <= q.span.start);
            doc.times.get(i).is_none_or(|t| !t.span.overlaps(q.span))
        })
        .map(|q| {
            let t = r.span(q.span);
            QuantityOut {
                text: t.text,
                label: q.label.as_str(),
                start: t.start,
                end: t.end,
                value: q.value,
                comparator: q.comparator.map(|c| c.as_str()),
                unit: q.unit,
                counted: q.counted.map(|s| r.span(s)),
            }
        })
        .collect();
    let quotes = doc
        .quotes
        .iter()
        .map(|q| {
            let t = r.span(q.span);
            QuoteOut {
                text: t.text,
                start: t.start,
                end: t.end,
                cue: q.cue.map(|s| r.span(s)),
                speaker: q.speaker.map(|s| r.span(s)),
                speaker_ref: q.speaker_ref.map(|s| r.span(s)),
            }
        })
        .collect();
    let times = doc
        .times
        .iter()
        .map(|t| {
            let s = r.span(t.span);
            TimeOut {
                text: s.text,
                start: s.start,
                end: s.end,
                kind: t.kind.as_str(),
                value: t.value.clone(),
                modifier: t.modifier,
                anchored: t.anchored,
            }
        })
        .collect();
    let tokens = with_tokens.then(|| {
        let tagger = crate::tag::Tagger::embedded();
        let lemmatizer = crate::tag::lemma::Lemmatizer::embedded();
        doc.tokens
            .iter()
            .enumerate()
            .map(|(i, tok)| {
                let t = r.span(tok.span);
                let (upos, xpos) = tagger.names(doc.pos.get(i).copied().unwrap_or(0) as usize);
                TokenOut {
                    text: t.text,
                    start: t.start,
                    end: t.end,
                    kind: token_kind(tok.kind),
                    lemma: lemmatizer.lemma(doc.slice(tok.span), upos),
                    head: doc.heads.get(i).copied().flatten().map_or(-1, |h| h as i64),
                    deprel: doc.deprels.get(i).unwrap_or("dep"),
                    upos: upos.to_string(),
                    xpos: xpos.to_string(),
                }
            })
            .collect()
    });
    let frames = options.frames.then(|| {
        let lexicon = crate::roles::frames::Frames::embedded();
        doc.frames
            .iter()
            .map(|f| {
                let word = r.span(doc.tokens[f.predicate].span);
                let roleset = f.roleset.and_then(|i| lexicon.roleset(i));
                let arguments = f
                    .args
                    .iter()
                    .map(|a| {
                        let first = doc.tokens[a.tokens.start].span.start;
                        let last = doc.tokens[a.tokens.end - 1].span.end;
                        let t = r.span(Span::new(first, last));
                        ArgumentOut {
                            role: a.role,
                            descr: lexicon.describe(f.roleset, a.role),
                            text: t.text,
                            start: t.start,
                            end: t.end,
                            head: r.span(doc.tokens[a.head].span),
                        }
                    })
                    .collect();
                FrameOut {
                    text: word.text,
                    start: word.start,
                    end: word.end,
                    sentence: f.sentence,
                    lemma: f.lemma.clone(),
                    roleset: roleset.map(|r| r.id.clone()),
                    name: roleset.map(|r| r.name.clone()),
                    arguments,
                }
            })
            .collect()
    });
    let events = render_events(doc, &r);
    Analysis {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        date,
        length: r.map.len(),
        paragraphs,
        sentences,
        entities,
        actors,
        events,
        times,
        quantities,
        quotes,
        tokens,
        frames,
    }
}

fn render_events(doc: &Document, r: &Render) -> Vec<EventOut> {
    let tokens = |t: &std::ops::Range<usize>| {
        r.span(Span::new(
            doc.tokens[t.start].span.start,
            doc.tokens[t.end - 1].span.end,
        ))
    };
    doc.events
        .iter()
        .map(|e| {
            let trigger = r.span(doc.tokens[e.trigger].span);
            let arguments = e
                .args
                .iter()
                .map(|a| {
                    let t = tokens(&a.tokens);
                    EventArgOut {
                        role: a.role,
                        text: t.text,
                        start: t.start,
                        end: t.end,
                        entity: a.entity,
                        actor: a.actor,
                    }
                })
                .collect();
            let time = e.time.map(|t| EventTimeOut {
                index: t.index,
                value: doc.times[t.index].value.clone(),
                stated: t.stated,
            });
            let place = e.place.map(|p| {
                let a = &doc.actors[p.actor];
                EventPlaceOut {
                    actor: p.actor,
                    name: doc.slice(a.name).to_string(),
                    country: a.country,
                    lat: a.coords.map(|c| c.0),
                    lon: a.coords.map(|c| c.1),
                    stated: p.stated,
                }
            });
            let casualties = e.casualties.map(|c| CasualtiesOut {
                killed: c.killed,
                injured: c.injured,
                missing: c.missing,
                comparator: c.comparator.map(|c| c.as_str()),
                actor: c.actor,
                code: c.actor.and_then(|a| doc.actors[a].code.clone()),
            });
            let source = e.source.map(|s| SourceOut {
                actor: s.actor,
                name: s.actor.map(|a| doc.slice(doc.actors[a].name).to_string()),
                cue: s.cue.map(|c| r.span(c)),
                quote: s.quote,
            });
            let cameo = e.cameo.as_ref().map(|c| CameoOut {
                code: c.code.clone(),
                root: c.code.get(..2).unwrap_or("").to_string(),
                quad_class: c.quad_class,
                // one decimal, the same bytes from the CLI and from JS
                goldstein: one_decimal(c.goldstein),
                source: c.source.clone(),
                target: c.target.clone(),
                source_actor: c.source_actor,
                target_actor: c.target_actor,
            });
            EventOut {
                kind: e.kind,
                text: trigger.text,
                start: trigger.start,
                end: trigger.end,
                sentence: e.sentence,
                roleset: e.roleset.clone(),
                arguments,
                time,
                place,
                casualties,
                status: e.status,
                source,
                mentions: e
                    .mentions
                    .iter()
                    .map(|&k| r.span(doc.tokens[k].span))
                    .collect(),
                cameo,
            }
        })
        .collect()
}

fn token_kind(k: crate::doc::TokenKind) -> &'static str {
    use crate::doc::TokenKind::*;
    match k {
        Word => "word",
        Number => "number",
        Abbreviation => "abbreviation",
        Clitic => "clitic",
        Punct => "punct",
        Quote => "quote",
        Symbol => "symbol",
        Url => "url",
        Email => "email",
        Handle => "handle",
        Emoji => "emoji",
    }
}

impl Analysis {
    /// What breaks the output's promises for the `text` it was made of
    /// (empty when nothing does): every span of every kind lies inside the
    /// text and its `text` is exactly the text between its UTF-16 offsets;
    /// entities come in order without overlap; every index points into its
    /// list. The property tests and the fuzz targets hold lede to it.
    pub fn problems(&self, text: &str) -> Vec<String> {
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let mut out = Vec::new();
        // a span whose text is not the text between its offsets
        let span = |what: &str, t: &str, s: usize, e: usize| {
            let inside = s <= e && e <= utf16.len();
            (!inside || String::from_utf16(&utf16[s..e]).ok().as_deref() != Some(t))
                .then(|| format!("{what} {s}..{e} {t:?}"))
        };
        // an index past the end of its list
        let index = |what: &str, i: Option<usize>, len: usize| {
            i.filter(|&i| i >= len)
                .map(|i| format!("{what} {i} of {len}"))
        };
        if self.length != utf16.len() {
            out.push(format!("length {} for {}", self.length, utf16.len()));
        }
        for p in &self.paragraphs {
            out.extend(span("paragraph", &p.text, p.start, p.end));
        }
        for s in &self.sentences {
            out.extend(span("sentence", &s.text, s.start, s.end));
            out.extend(index(
                "sentence's paragraph",
                Some(s.paragraph),
                self.paragraphs.len(),
            ));
        }
        let mut last = 0;
        for e in &self.entities {
            out.extend(span("entity", &e.text, e.start, e.end));
            if e.start < last {
                out.push(format!("entity at {} overlaps the one before", e.start));
            }
            last = e.end;
            out.extend(index("entity's actor", e.actor, self.actors.len()));
        }
        for a in &self.actors {
            // a group ("Turkish troops") may have references alone
            if a.mentions.is_empty() && a.references.is_empty() {
                out.push(format!("actor {:?} never mentioned", a.name));
            }
            for &m in &a.mentions {
                out.extend(index("actor's mention", Some(m), self.entities.len()));
            }
            for r in &a.references {
                out.extend(span("actor's reference", &r.text, r.start, r.end));
            }
        }
        for q in &self.quantities {
            out.extend(span("quantity", &q.text, q.start, q.end));
        }
        for t in &self.times {
            out.extend(span("time", &t.text, t.start, t.end));
        }
        for q in &self.quotes {
            out.extend(span("quote", &q.text, q.start, q.end));
            for p in [&q.cue, &q.speaker, &q.speaker_ref].into_iter().flatten() {
                out.extend(span("quote's part", &p.text, p.start, p.end));
            }
        }
        let tokens = self.tokens.as_ref().map_or(0, Vec::len);
        for t in self.tokens.iter().flatten() {
            out.extend(span("token", &t.text, t.start, t.end));
            out.extend(index("token's head", usize::try_from(t.head).ok(), tokens));
        }
        for f in self.frames.iter().flatten() {
            out.extend(span("frame", &f.text, f.start, f.end));
            out.extend(index(
                "frame's sentence",
                Some(f.sentence),
                self.sentences.len(),
            ));
            for a in &f.arguments {
                out.extend(span("frame argument", &a.text, a.start, a.end));
                let h = &a.head;
                out.extend(span("argument's head", &h.text, h.start, h.end));
                if h.start < a.start || h.end > a.end {
                    out.push(format!("argument's head {}..{} outside it", h.start, h.end));
                }
            }
        }
        for e in &self.events {
            out.extend(span("event", &e.text, e.start, e.end));
            out.extend(index(
                "event's sentence",
                Some(e.sentence),
                self.sentences.len(),
            ));
            for m in &e.mentions {
                out.extend(span("event mention", &m.text, m.start, m.end));
            }
            for a in &e.arguments {
                out.extend(span("event argument", &a.text, a.start, a.end));
                out.extend(index("argument's entity", a.entity, self.entities.len()));
                out.extend(index("argument's actor", a.actor, self.actors.len()));
            }
            let actors = self.actors.len();
            out.extend(index(
                "event's time",
                e.time.as_ref().map(|t| t.index),
                self.times.len(),
            ));
            out.extend(index(
                "event's place",
                e.place.as_ref().map(|p| p.actor),
                actors,
            ));
            let victims = e.casualties.as_ref().and_then(|c| c.actor);
            out.extend(index("casualties' actor", victims, actors));
            if let Some(s) = &e.source {
                out.extend(index("source's actor", s.actor, actors));
                out.extend(index("source's quote", s.quote, self.quotes.len()));
                if let Some(c) = &s.cue {
                    out.extend(span("source's cue", &c.text, c.start, c.end));
                }
            }
            if let Some(c) = &e.cameo {
                out.extend(index("CAMEO source actor", c.source_actor, actors));
                out.extend(index("CAMEO target actor", c.target_actor, actors));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_finds_a_span_off_its_text_and_an_index_past_its_list() {
        let text = "Turkish troops entered Idlib 😀 on Thursday, Erdogan said.";
        let good = crate::analyze(text, &crate::Options::default()).unwrap();
        assert_eq!(good.problems(text), Vec::<String>::new());
        let mut shifted = good.clone();
        shifted.entities[0].start += 1;
        assert!(shifted.problems(text)[0].starts_with("entity 1..7"));
        let mut dangling = good.clone();
        dangling.entities[0].actor = Some(good.actors.len());
        assert!(dangling.problems(text)[0].starts_with("entity's actor"));
        // the same analysis is wrong for another text
        assert!(!good.problems("Turkish troops entered Idlib.").is_empty());
    }

    #[test]
    fn utf16_map_counts_surrogate_pairs_and_accents() {
        let text = "a😀é b";
        let m = Utf16Map::new(text);
        assert_eq!(m.at(0), 0);
        assert_eq!(m.at(1), 1); // after a
        assert_eq!(m.at(5), 3); // after the emoji (2 units)
        assert_eq!(m.at(7), 4); // after é (2 bytes, 1 unit)
        assert_eq!(m.len(), 6);
    }

    #[test]
    fn utf16_map_over_many_checkpoints() {
        let text = "é😀x".repeat(500);
        let m = Utf16Map::new(&text);
        let mut units = 0;
        for (b, c) in text.char_indices() {
            assert_eq!(m.at(b), units);
            units += c.len_utf16();
        }
        assert_eq!(m.at(text.len()), units);
    }

    #[test]
    fn integral_values_serialize_as_integers() {
        #[derive(Serialize)]
        struct V {
            #[serde(serialize_with = "number")]
            v: f64,
        }
        assert_eq!(
            serde_json::to_string(&V { v: 2000.0 }).unwrap(),
            r#"{"v":2000}"#
        );
        assert_eq!(
            serde_json::to_string(&V { v: 0.75 }).unwrap(),
            r#"{"v":0.75}"#
        );
    }
}
