//! The JSON-lines reader on any bytes: exactly one output line, itself one
//! JSON object with an `id` (`cargo +nightly fuzz run jsonl`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // one line, as the CLI hands it over (split at '\n')
    let line = data.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let defaults = lede::Options {
        max_bytes: Some(4096),
        ..Default::default()
    };
    match lede::jsonl::process(line, 1, &defaults, false) {
        lede::jsonl::Line::Analysis(s) | lede::jsonl::Line::Error(s) => {
            assert!(!s.contains('\n'), "one output line");
            let v: serde_json::Value = serde_json::from_str(&s).expect("output is JSON");
            assert!(v.get("id").is_some());
        }
    }
    // CSV rows: no panic
    let _ = lede::jsonl::process(line, 1, &defaults, true);
});
