//! Any input: spans stay on char boundaries, inside the text, in order; no panic.
//! Property tests over random mixes (proptest) and pathological inputs.
#![cfg(not(target_arch = "wasm32"))]

use lede::output::TextSpan;
use lede::{analyze, Analysis, Options};

/// Pieces of text that stress the tokenizer and the stages after it.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    "!",
    "?",
    "…",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "-",
    "—",
    "–",
    "(",
    ")",
    "$",
    "€",
    "%",
    "1",
    "2,000",
    "3.5",
    "1990s",
    "21st",
    "😀",
    "👍🏽",
    "🇹🇷",
    "\u{200d}",
    "\u{301}",
    "é",
    "ğ",
    "中",
    "ع",
    "\u{0}",
    "\u{feff}",
    "\u{2028}",
    "U.S.",
    "Mr.",
    "e.g.",
    "Ankara",
    "said",
    "he",
    "three",
    "hundred",
    "thousands",
    "more than",
    "a dozen",
    "@x",
    "#y",
    "http://a.b/c",
    "x@y.org",
    "n't",
    "'s",
    "Turkish",
    "told",
    "according to",
    ":",
    ";",
    "\u{10FFFF}",
    "\u{E000}",
    "ß",
    "İ",
    "ǅ",
];

/// Every span of every kind lies inside the text on character boundaries,
/// its `text` is exactly the text between its UTF-16 offsets, and every
/// index points into its list.
fn check(text: &str, out: &Analysis) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(out.length, utf16.len());
    let span = |t: &str, s: usize, e: usize| {
        assert!(s <= e && e <= utf16.len(), "{s}..{e} in {text:?}");
        assert_eq!(
            String::from_utf16(&utf16[s..e]).ok().as_deref(),
            Some(t),
            "{text:?}"
        );
    };
    let text_span = |t: &TextSpan| span(&t.text, t.start, t.end);
    for s in &out.sentences {
        span(&s.text, s.start, s.end);
        assert!(s.paragraph < out.paragraphs.len());
    }
    out.paragraphs.iter().for_each(text_span);
    let mut last = 0;
    for e in &out.entities {
        span(&e.text, e.start, e.end);
        assert!(e.start >= last, "entities overlap in {text:?}");
        last = e.end;
        assert!(e.actor.is_none_or(|a| a < out.actors.len()));
    }
    for a in &out.actors {
        assert!(!a.mentions.is_empty());
        for &m in &a.mentions {
            assert!(m < out.entities.len(), "{text:?}");
        }
        a.references.iter().for_each(text_span);
    }
    for q in &out.quantities {
        span(&q.text, q.start, q.end);
    }
    for t in &out.times {
        span(&t.text, t.start, t.end);
    }
    for q in &out.quotes {
        span(&q.text, q.start, q.end);
        [&q.cue, &q.speaker, &q.speaker_ref]
            .into_iter()
            .flatten()
            .for_each(text_span);
    }
    for t in out.tokens.iter().flatten() {
        span(&t.text, t.start, t.end);
        assert!(t.head < out.tokens.as_ref().unwrap().len() as i64);
    }
    for f in out.frames.iter().flatten() {
        span(&f.text, f.start, f.end);
        assert!(f.sentence < out.sentences.len());
        for a in &f.arguments {
            span(&a.text, a.start, a.end);
            text_span(&a.head);
            assert!(a.start <= a.head.start && a.head.end <= a.end, "{text:?}");
        }
    }
    for e in &out.events {
        span(&e.text, e.start, e.end);
        assert!(e.sentence < out.sentences.len());
        e.mentions.iter().for_each(text_span);
        for a in &e.arguments {
            span(&a.text, a.start, a.end);
            assert!(a.entity.is_none_or(|i| i < out.entities.len()));
            assert!(a.actor.is_none_or(|i| i < out.actors.len()));
        }
        assert!(e.time.as_ref().is_none_or(|t| t.index < out.times.len()));
        assert!(e.place.as_ref().is_none_or(|p| p.actor < out.actors.len()));
        if let Some(c) = &e.casualties {
            assert!(c.actor.is_none_or(|i| i < out.actors.len()));
        }
        if let Some(s) = &e.source {
            assert!(s.actor.is_none_or(|i| i < out.actors.len()));
            assert!(s.quote.is_none_or(|i| i < out.quotes.len()));
            s.cue.iter().for_each(text_span);
        }
        if let Some(c) = &e.cameo {
            assert!(c.source_actor.is_none_or(|i| i < out.actors.len()));
            assert!(c.target_actor.is_none_or(|i| i < out.actors.len()));
        }
    }
}

/// Random mixes of the pieces above and of any characters, with every
/// option on: no panic, and [`check`] holds. `PROPTEST_CASES` sets the
/// number of cases (256 by default; the test script runs 10,000).
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => "[A-Z][a-z]{1,8}",
        ]
    }

    proptest! {
        #[test]
        fn any_text_gives_valid_spans(pieces in proptest::collection::vec(piece(), 0..60), date in proptest::option::of(Just("2020-02-27".to_string()))) {
            let text: String = pieces.concat();
            let opts = Options { tokens: true, frames: true, date, ..Default::default() };
            let out = analyze(&text, &opts).unwrap();
            check(&text, &out);
        }
    }
}

#[test]
fn long_article_is_processed_quickly_enough_to_not_hang() {
    // 2 MB of text: linear stages, so this finishes in well under a second
    let para = "Turkish forces retook Saraqib on Thursday, officials said. “We will stay,” he told reporters in Ankara. ";
    let text = para.repeat(2_000_000 / para.len());
    let out = analyze(&text, &Options::default()).unwrap();
    assert!(out.sentences.len() > 30_000);
    assert!(out.quotes.len() > 10_000);
}

#[test]
fn pathological_inputs() {
    for text in [
        "“".repeat(10_000),
        ".".repeat(10_000),
        "a".repeat(100_000),
        "\n".repeat(10_000),
        "Mr. ".repeat(5_000),
        "one ".repeat(10_000),
        "1,000,000,000,000,000,000,000,000".to_string(),
        "9".repeat(400),
        "😀".repeat(10_000),
    ] {
        let out = analyze(&text, &Options::default()).unwrap();
        check(&text, &out);
        let frames = Options {
            frames: true,
            ..Default::default()
        };
        if text.len() <= 20_000 {
            assert!(analyze(&text, &frames).unwrap().frames.is_some());
        }
    }
}
