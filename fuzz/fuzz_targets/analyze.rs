//! `analyze` on any text with random options: no panic, and no problem
//! (`Analysis::problems`: every span is the text between its UTF-16
//! offsets, every index points into its list).
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
    assert_eq!(out.problems(&text), Vec::<String>::new());
    // the JSON text serializes
    assert!(serde_json::to_string(&out).is_ok());
});
