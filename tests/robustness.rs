//! Any input: spans stay on char boundaries, inside the text, in order; no panic.
//! Property tests over random mixes (proptest) and pathological inputs.
#![cfg(not(target_arch = "wasm32"))]

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

/// Every span of every kind is the text between its UTF-16 offsets and
/// every index points into its list ([`Analysis::problems`]).
fn check(text: &str, out: &Analysis) {
    assert_eq!(out.problems(text), Vec::<String>::new(), "{text:?}");
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
