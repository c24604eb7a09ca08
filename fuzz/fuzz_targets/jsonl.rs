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
    use lede::jsonl::{process, Line, Output};
    match process(line, 1, &defaults, Output::Json) {
        Line::Analysis(s) | Line::Error(s) => {
            assert!(!s.contains('\n'), "one output line");
            let v: serde_json::Value = serde_json::from_str(&s).expect("output is JSON");
            assert!(v.get("id").is_some());
        }
        Line::Document { .. } => panic!("a document only when asked for"),
    }
    // CSV rows, documents (and their HTML): no panic
    let _ = process(line, 1, &defaults, Output::EventsCsv);
    let _ = process(line, 1, &defaults, Output::EntitiesCsv);
    if let Line::Document {
        doc,
        text,
        analysis,
    } = process(line, 1, &defaults, Output::Document)
    {
        let _ = lede::html::page(&[lede::html::Article {
            doc: &doc,
            text: &text,
            analysis: &analysis,
        }]);
    }
});
