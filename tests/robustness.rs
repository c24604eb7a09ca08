//! Any input: spans stay on char boundaries, inside the text, in order; no panic.

use lede::{analyze, Options};

/// A small deterministic generator (no dependency, same cases every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

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

#[test]
fn random_inputs_give_valid_spans() {
    let mut rng = Lcg(42);
    let opts = Options {
        tokens: true,
        frames: true,
        ..Default::default()
    };
    for _ in 0..3000 {
        let n = rng.next() % 60;
        let text: String = (0..n).map(|_| PIECES[rng.next() % PIECES.len()]).collect();
        let out = analyze(&text, &opts).unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(out.length, utf16.len());
        let check = |t: &str, s: usize, e: usize| {
            assert!(s <= e && e <= utf16.len(), "{text:?}");
            assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), t, "{text:?}");
        };
        for s in &out.sentences {
            check(&s.text, s.start, s.end);
        }
        for p in &out.paragraphs {
            check(&p.text, p.start, p.end);
        }
        let mut last = 0;
        for e in &out.entities {
            check(&e.text, e.start, e.end);
            assert!(e.start >= last, "entities overlap in {text:?}");
            last = e.end;
        }
        for q in &out.quantities {
            check(&q.text, q.start, q.end);
        }
        for q in &out.quotes {
            check(&q.text, q.start, q.end);
            for s in [&q.cue, &q.speaker, &q.speaker_ref].into_iter().flatten() {
                check(&s.text, s.start, s.end);
            }
        }
        for t in out.tokens.as_ref().unwrap() {
            check(&t.text, t.start, t.end);
        }
        for f in out.frames.as_ref().unwrap() {
            check(&f.text, f.start, f.end);
            assert!(f.sentence < out.sentences.len());
            for a in &f.arguments {
                check(&a.text, a.start, a.end);
                check(&a.head.text, a.head.start, a.head.end);
                assert!(a.start <= a.head.start && a.head.end <= a.end, "{text:?}");
            }
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
        assert_eq!(out.length, text.encode_utf16().count());
        let frames = Options {
            frames: true,
            ..Default::default()
        };
        if text.len() <= 20_000 {
            assert!(analyze(&text, &frames).unwrap().frames.is_some());
        }
    }
}
