//! `analyze` on any text with random options: no panic, every span is the
//! text between its UTF-16 offsets, every index points into its list.
//! `cargo +nightly fuzz run analyze` (see docs/robustness.md).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let date = match flags >> 4 {
        0 => None,
        1 => Some("2020-02-29".to_string()),
        2 => Some("1999-12-31".to_string()),
        3 => Some("2020-02-30".to_string()), // invalid: an error
        _ => Some("2020-02-27".to_string()),
    };
    let options = lede::Options {
        date,
        tokens: flags & 1 != 0,
        frames: flags & 2 != 0,
        events: flags & 4 == 0,
        max_bytes: (flags & 8 != 0).then_some(64),
    };
    let Ok(out) = lede::analyze(&text, &options) else {
        return;
    };
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(out.length, utf16.len());
    let span = |t: &str, s: usize, e: usize| {
        assert!(s <= e && e <= utf16.len());
        assert_eq!(String::from_utf16(&utf16[s..e]).ok().as_deref(), Some(t));
    };
    for s in &out.sentences {
        span(&s.text, s.start, s.end);
        assert!(s.paragraph < out.paragraphs.len());
    }
    for e in &out.entities {
        span(&e.text, e.start, e.end);
        assert!(e.actor.is_none_or(|a| a < out.actors.len()));
    }
    for a in &out.actors {
        assert!(a.mentions.iter().all(|&m| m < out.entities.len()));
    }
    for t in &out.times {
        span(&t.text, t.start, t.end);
    }
    for q in &out.quantities {
        span(&q.text, q.start, q.end);
    }
    for q in &out.quotes {
        span(&q.text, q.start, q.end);
    }
    for t in out.tokens.iter().flatten() {
        span(&t.text, t.start, t.end);
    }
    for f in out.frames.iter().flatten() {
        span(&f.text, f.start, f.end);
        for a in &f.arguments {
            span(&a.text, a.start, a.end);
        }
    }
    for e in &out.events {
        span(&e.text, e.start, e.end);
        for a in &e.arguments {
            span(&a.text, a.start, a.end);
            assert!(a.actor.is_none_or(|i| i < out.actors.len()));
        }
        assert!(e.time.as_ref().is_none_or(|t| t.index < out.times.len()));
    }
    // the JSON text serializes
    assert!(serde_json::to_string(&out).is_ok());
});
