//! # lede — who did what to whom, where, when
//!
//! A news-article analyzer: one pipeline over a shared [`doc::Document`] of
//! byte spans, rendered to the `lede/1` JSON schema (offsets in UTF-16 code
//! units). The same pipeline runs natively (library, CLI) and in WebAssembly.
//!
//! ```
//! let out = lede::analyze("Three Turkish soldiers were killed in Idlib.", &lede::Options::default()).unwrap();
//! assert_eq!(out.schema, "lede/1");
//! assert!(out.entities.iter().any(|e| e.text == "Idlib" && e.label == "GPE"));
//! assert_eq!(out.quantities[0].value, 3.0);
//! ```

pub mod actors;
pub mod csv;
pub mod doc;
pub mod events;
pub mod geojson;
pub mod html;
pub mod jsonl;
pub mod lexicon;
pub mod ner;
pub mod output;
pub mod parse;
#[cfg(feature = "train")]
pub mod perceptron;
pub mod places;
pub mod quantity;
pub mod quote;
pub mod roles;
pub mod sentences;
pub mod tag;
pub mod time;
pub mod tokenize;
mod weights;

/// The WebAssembly exports (`analyze`, `analyzeJson`, `version`).
#[cfg(target_arch = "wasm32")]
#[path = "wasm.rs"]
pub mod wasm_exports;

use serde::Deserialize;

pub use output::Analysis;

/// The largest input accepted by default, in bytes of UTF-8 (about 2,000
/// news articles); `options.maxBytes` raises it up to [`MAX_INPUT_CEILING`].
pub const MAX_INPUT_BYTES: usize = 10_000_000;

/// The most `options.maxBytes` may allow: analysis takes tens of bytes of
/// memory per byte of text, and a wasm module has 4 GB at most.
pub const MAX_INPUT_CEILING: usize = 40_000_000;

/// What went wrong, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The options were not an object of known fields.
    InvalidOptions(String),
    /// `date` is not a real calendar date written `YYYY-MM-DD`.
    InvalidDate(String),
    /// The text is longer than the input cap (`limit` bytes).
    InputTooLarge { bytes: usize, limit: usize },
    /// A JavaScript string holds a lone UTF-16 surrogate at this code unit
    /// (no character: its span could not be given back as text).
    LoneSurrogate { index: usize },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InvalidOptions(m) => write!(f, "invalid options: {m}"),
            Error::InvalidDate(d) => write!(
                f,
                "invalid options.date {d:?}: expected the publication date as YYYY-MM-DD, e.g. \"2020-02-27\""
            ),
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "text is {bytes} bytes; lede analyzes at most {limit} bytes at a time: split it into articles (or raise options.maxBytes, up to {MAX_INPUT_CEILING})"
            ),
            Error::LoneSurrogate { index } => write!(
                f,
                "text has a lone UTF-16 surrogate at index {index}, half of a character that cannot be analyzed or given back in a span: replace it first (text.toWellFormed() makes it U+FFFD)"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Options of [`analyze`]: the JSON object `{"date": "YYYY-MM-DD", "tokens": true, "frames": true, "events": true}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The article's publication date, `YYYY-MM-DD`; anchors relative times.
    #[serde(default)]
    pub date: Option<String>,
    /// Include the tokens in the output.
    #[serde(default)]
    pub tokens: bool,
    /// Include the predicates and their semantic roles in the output.
    #[serde(default)]
    pub frames: bool,
    /// Find the events (the default); `false` skips them and the parse
    /// and roles they need, for speed.
    #[serde(default = "yes")]
    pub events: bool,
    /// The input cap in bytes of UTF-8 (default [`MAX_INPUT_BYTES`], at
    /// most [`MAX_INPUT_CEILING`]); JSON `maxBytes`.
    #[serde(default, rename = "maxBytes")]
    pub max_bytes: Option<u64>,
}

fn yes() -> bool {
    true
}

impl Default for Options {
    fn default() -> Options {
        Options {
            date: None,
            tokens: false,
            frames: false,
            events: true,
            max_bytes: None,
        }
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parse `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1 && (1..=days).contains(&day)).then_some(Date {
            year: year as i32,
            month,
            day,
        })
    }
}

impl Options {
    /// Options from a JSON object (the wasm exports' and `--jsonl` lines'
    /// `options`); a field given as `null` (JavaScript's `undefined` too)
    /// is absent and takes its default.
    pub fn from_object(
        mut map: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Options, Error> {
        // (an unknown field stays, to be reported, even when null)
        const FIELDS: [&str; 5] = ["date", "tokens", "frames", "events", "maxBytes"];
        map.retain(|k, v| !(v.is_null() && FIELDS.contains(&k.as_str())));
        serde_json::from_value(serde_json::Value::Object(map))
            .map_err(|e| Error::InvalidOptions(e.to_string()))
    }

    /// Parse options from JSON (`null` or `{}` give the defaults; a field
    /// given as `null` takes its default).
    pub fn from_json(json: &str) -> Result<Options, Error> {
        if json.trim().is_empty() || json.trim() == "null" {
            return Ok(Options::default());
        }
        let map = serde_json::from_str(json).map_err(|e| Error::InvalidOptions(e.to_string()))?;
        Options::from_object(map)
    }

    /// The input cap these options set, in bytes.
    pub fn limit(&self) -> usize {
        self.max_bytes.map_or(MAX_INPUT_BYTES, |m| {
            m.min(MAX_INPUT_CEILING as u64) as usize
        })
    }

    /// Check the options; returns the parsed date.
    pub fn validate(&self) -> Result<Option<Date>, Error> {
        if self.max_bytes.is_some_and(|m| m > MAX_INPUT_CEILING as u64) {
            return Err(Error::InvalidOptions(format!(
                "maxBytes is at most {MAX_INPUT_CEILING}"
            )));
        }
        match &self.date {
            None => Ok(None),
            Some(d) => Date::parse(d)
                .map(Some)
                .ok_or_else(|| Error::InvalidDate(d.clone())),
        }
    }
}

/// Analyze one article.
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    check(text, options)?;
    analyze_owned(text.to_string(), options)
}

/// [`analyze`] of a text the caller gives away: the document keeps it
/// instead of a copy (the wasm exports, which copy it out of JavaScript).
pub fn analyze_owned(text: String, options: &Options) -> Result<Analysis, Error> {
    run(text, options, events::lexicon::CameoLexicon::embedded())
}

/// [`analyze`] with another CAMEO verb dictionary for the events (in
/// `models/cameo.tsv`'s format): `lede-train eval-petrarch` codes
/// PETRARCH2's unit records with the records' own verbs.
pub fn analyze_with_verbs(
    text: &str,
    options: &Options,
    verbs: &'static events::lexicon::CameoLexicon,
) -> Result<Analysis, Error> {
    run(text.to_string(), options, verbs)
}

/// The pipeline, its events coded with `verbs`.
fn run(
    text: String,
    options: &Options,
    verbs: &'static events::lexicon::CameoLexicon,
) -> Result<Analysis, Error> {
    let date = check(&text, options)?;
    let mut doc = doc::Document {
        text,
        ..doc::Document::default()
    };
    tokenize::tokenize(&mut doc);
    sentences::split(&mut doc);
    if options.tokens || options.frames || options.events {
        tag::tag(&mut doc);
        parse::parse(&mut doc);
    }
    if options.frames || options.events {
        roles::label(&mut doc);
    }
    ner::find(&mut doc);
    places::find(&mut doc);
    quantity::find(&mut doc);
    time::find(&mut doc, date);
    doc::resolve_overlaps(&mut doc.entities);
    quote::find(&mut doc);
    actors::link(&mut doc, date);
    if options.events {
        events::find_with(&mut doc, verbs);
    }
    Ok(output::render(&doc, options))
}

/// The models and lexicons `analyze` decodes from the embedded bytes on
/// first use, by name ([`load`] decodes one).
pub const PARTS: [&str; 17] = [
    "tagger",
    "lemmatizer",
    "supertagger",
    "parser",
    "frames",
    "roles",
    "ner",
    "gazetteer",
    "actors",
    "agents",
    "given names",
    "capitalization",
    "clusters",
    "countries",
    "events",
    "cameo",
    "pipeline",
];

/// Decode one of the [`PARTS`] now rather than on first use; false for a
/// name that is none of them. The wasm's `init` decodes them all, so the
/// first `analyze` costs no more than the next.
pub fn load(part: &str) -> bool {
    match part {
        "tagger" => _ = tag::Tagger::embedded(),
        "lemmatizer" => _ = tag::lemma::Lemmatizer::embedded(),
        "supertagger" => _ = parse::supertag::Supertagger::embedded(),
        "parser" => _ = parse::Parser::embedded(),
        "frames" => _ = roles::frames::Frames::embedded(),
        "roles" => _ = roles::Labeller::embedded(),
        "ner" => _ = ner::Model::embedded(),
        "gazetteer" => _ = lexicon::places(),
        "actors" => _ = lexicon::actors(),
        "agents" => _ = lexicon::agents(),
        "given names" => _ = lexicon::is_given_name("ann"),
        "capitalization" => _ = lexicon::capitalization("the"),
        "clusters" => _ = lexicon::clusters("the"),
        "countries" => _ = actors::country_code("TUR"),
        "events" => _ = events::lexicon::EventLexicon::embedded(),
        "cameo" => _ = events::lexicon::CameoLexicon::embedded(),
        // one short article through every stage: what is left to set up on
        // first use (in wasm, the engine compiles each function on its
        // first call)
        "pipeline" => {
            let options = Options {
                date: Some("2020-02-27".into()),
                frames: true,
                ..Options::default()
            };
            let warm = "Turkish troops killed three rebels near Idlib on Thursday, \
                        President Erdogan said: \u{201c}We will respond.\u{201d} \
                        Russia and Turkey agreed on a ceasefire in March 2020.";
            _ = analyze(warm, &options);
        }
        _ => return false,
    }
    true
}

/// Check the options and the text's size; returns the parsed date.
fn check(text: &str, options: &Options) -> Result<Option<Date>, Error> {
    let date = options.validate()?;
    if text.len() > options.limit() {
        return Err(Error::InputTooLarge {
            bytes: text.len(),
            limit: options.limit(),
        });
    }
    Ok(date)
}

/// A stage of the pipeline: its name and what it does to the document.
pub type Stage = (&'static str, Box<dyn Fn(&mut doc::Document)>);

/// Every stage of [`analyze`] in order, the optional ones included (as
/// with the events on), for the benchmarks that time each one.
pub fn stages(date: Option<Date>) -> Vec<Stage> {
    vec![
        ("tokenize", Box::new(tokenize::tokenize)),
        ("sentences", Box::new(sentences::split)),
        ("tag", Box::new(tag::tag)),
        ("parse", Box::new(parse::parse)),
        ("roles", Box::new(roles::label)),
        ("ner", Box::new(ner::find)),
        ("places", Box::new(places::find)),
        ("quantity", Box::new(quantity::find)),
        ("time", Box::new(move |d| time::find(d, date))),
        (
            "overlaps",
            Box::new(|d| doc::resolve_overlaps(&mut d.entities)),
        ),
        ("quote", Box::new(quote::find)),
        ("actors", Box::new(move |d| actors::link(d, date))),
        ("events", Box::new(events::find)),
    ]
}

/// Analyze one article and return the JSON text of the result, exactly the
/// bytes `JSON.stringify(analyze(text, options))` gives in JavaScript.
pub fn analyze_to_json(text: &str, options: &Options) -> Result<String, Error> {
    Ok(to_json(&analyze(text, options)?))
}

/// The JSON text of an analysis (what [`analyze_to_json`] returns).
pub fn to_json(analysis: &Analysis) -> String {
    // written twice, first only to count its bytes: the text then takes
    // exactly its size (a growing buffer can take twice that, and the
    // JSON is about nine times the article); one writer type for both, so
    // the serializer is compiled once
    let mut sink = Sink {
        json: Vec::new(),
        count: Some(0),
    };
    serde_json::to_writer(&mut sink, analysis).expect("the output schema always serializes");
    sink.json = Vec::with_capacity(sink.count.take().unwrap_or(0));
    serde_json::to_writer(&mut sink, analysis).expect("the output schema always serializes");
    String::from_utf8(sink.json).expect("JSON is UTF-8")
}

/// Where [`analyze_to_json`] writes: only counting while `count` is some.
struct Sink {
    json: Vec<u8>,
    count: Option<usize>,
}

impl std::io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match &mut self.count {
            Some(n) => *n += bytes.len(),
            None => self.json.extend_from_slice(bytes),
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// lede's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_loads_by_name() {
        for p in PARTS {
            assert!(load(p), "{p}");
        }
        assert!(!load("everything"));
    }

    #[test]
    fn options_given_as_null_take_their_defaults() {
        let o = Options::from_json(r#"{"date": null, "tokens": null, "events": null}"#).unwrap();
        assert_eq!(o, Options::default());
        assert!(Options::from_json(r#"{"tokens": 1}"#).is_err());
        assert!(Options::from_json(r#"{"colour": null}"#).is_err());
    }

    #[test]
    fn date_parse_accepts_real_dates_only() {
        assert_eq!(Date::parse("2020-02-29").map(|d| d.day), Some(29));
        assert!(Date::parse("2019-02-29").is_none());
        assert!(Date::parse("2020-13-01").is_none());
        assert!(Date::parse("2020-2-1").is_none());
        assert!(Date::parse("20-02-2020").is_none());
        assert!(Date::parse("2020-02-27T10:00").is_none());
        assert!(Date::parse("２020-02-27").is_none());
    }

    #[test]
    fn invalid_date_is_a_clear_error() {
        let opts = Options {
            date: Some("27/02/2020".into()),
            tokens: false,
            ..Default::default()
        };
        let err = analyze("x", &opts).unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn unknown_option_is_a_clear_error() {
        let err = Options::from_json(r#"{"dat": "2020-02-27"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `dat`"), "{err}");
    }

    #[test]
    fn huge_input_is_refused_with_a_message() {
        let text = "a ".repeat(MAX_INPUT_BYTES / 2 + 1);
        let err = analyze(&text, &Options::default()).unwrap_err();
        assert!(matches!(err, Error::InputTooLarge { .. }));
        assert!(err.to_string().contains("split it into articles"));
        // the caller may raise the cap, up to the ceiling
        let raised = Options::from_json(r#"{"maxBytes": 20000000}"#).unwrap();
        assert_eq!(raised.limit(), 20_000_000);
        assert!(raised.validate().is_ok());
        let small = Options::from_json(r#"{"maxBytes": 10}"#).unwrap();
        let err = analyze("eleven bytes", &small).unwrap_err();
        assert!(err.to_string().contains("at most 10 bytes"), "{err}");
        let over = Options::from_json(r#"{"maxBytes": 40000001}"#).unwrap();
        let err = analyze("x", &over).unwrap_err();
        assert!(err.to_string().contains("maxBytes is at most"), "{err}");
    }

    #[test]
    fn empty_text_gives_empty_analysis() {
        let a = analyze("", &Options::default()).unwrap();
        assert!(a.sentences.is_empty() && a.entities.is_empty());
        assert_eq!(a.length, 0);
    }
}
