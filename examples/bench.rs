//! Speed benchmark: `cargo run --release --example bench [FILE]`.
//!
//! Analyzes FILE (default: the seed article in ../shared/examples) repeated
//! to about 2 MB (`BYTES=N` for another size), and prints tokens per second for each stage and for the
//! whole `analyze` (one core), with the publication date 2020-02-27: by
//! default (with the events, and so the tagger, parser and role labeller
//! they need), with `options.events` false (none of those), and with
//! `options.frames` (the frames written out too).

use std::time::Instant;

use lede::doc::Document;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/examples/idlib-2020.txt".to_string());
    let article = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let bytes = std::env::var("BYTES")
        .ok()
        .and_then(|b| b.parse::<usize>().ok())
        .unwrap_or(2_000_000);
    let copies = (bytes / (article.len() + 2).max(1)).max(1);
    let text = vec![article.as_str(); copies].join("\n\n");
    // news comes with its publication date: relative times are resolved
    let opts = lede::Options {
        date: Some("2020-02-27".to_string()),
        tokens: false,
        max_bytes: Some(40_000_000),
        ..Default::default()
    };
    let date = opts.validate().unwrap();
    lede::analyze(
        "warm up the gazetteer and the actors of NATO in Ankara.",
        &opts,
    )
    .unwrap();

    let mut doc = Document::new(&text);
    let mut times = Vec::new();
    lede::analyze(
        "warm up the role labeller.",
        &lede::Options {
            frames: true,
            ..Default::default()
        },
    )
    .unwrap();
    for (name, stage) in lede::stages(date) {
        let t = Instant::now();
        stage(&mut doc);
        times.push((name, t.elapsed().as_secs_f64()));
    }
    let tokens = doc.tokens.len() as f64;

    // three runs of each at 2 MB, one at 6 MB and more
    let runs = (6_000_000 / text.len().max(1)).clamp(1, 3);
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(lede::analyze_to_json(&text, &opts).unwrap());
    }
    let whole = t.elapsed().as_secs_f64() / runs as f64;
    let no_events = lede::Options {
        events: false,
        ..opts.clone()
    };
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(lede::analyze_to_json(&text, &no_events).unwrap());
    }
    let plain = t.elapsed().as_secs_f64() / runs as f64;
    let with_frames = lede::Options {
        frames: true,
        ..opts.clone()
    };
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(lede::analyze_to_json(&text, &with_frames).unwrap());
    }
    let framed = t.elapsed().as_secs_f64() / runs as f64;

    println!(
        "input: {path} x{copies} = {} bytes, {} tokens",
        text.len(),
        tokens
    );
    for (name, secs) in times {
        println!(
            "  {name:<10} {:>12.0} tokens/s  ({:.1} ms)",
            tokens / secs,
            secs * 1e3
        );
    }
    println!(
        "analyze + JSON {:>8.0} tokens/s  ({:.1} ms, {:.1} MB/s)",
        tokens / whole,
        whole * 1e3,
        text.len() as f64 / whole / 1e6
    );
    println!(
        "analyze + JSON, events false {:>8.0} tokens/s  ({:.1} ms, {:.1} MB/s)",
        tokens / plain,
        plain * 1e3,
        text.len() as f64 / plain / 1e6
    );
    println!(
        "analyze + JSON, with frames {:>8.0} tokens/s  ({:.1} ms, {:.1} MB/s)",
        tokens / framed,
        framed * 1e3,
        text.len() as f64 / framed / 1e6
    );
}
