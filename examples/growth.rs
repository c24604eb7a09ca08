//! Growth benchmark: `cargo run --release --example growth [KIND ...]`
//! (or `bash bench/growth.sh`).
//!
//! Times every stage of `analyze` (with events, the default) on texts of
//! 100 KB, 1 MB and 4 MB of each pathological kind and of ordinary news,
//! and prints the ratio of times between sizes: a linear stage takes about
//! 10× the time for 10× the text (the target is at most 12×). A size whose
//! whole run passed `LIMIT` seconds (default 60) stops that kind: the next
//! size would take hours if something grew with the square of the text.
//! `SIZES=100000,1000000` chooses the sizes. Each kind ends with every
//! stage's own growth between the sizes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use lede::doc::Document;

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(held, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        if new > layout.size() {
            let held = HELD.fetch_add(new - layout.size(), Relaxed) + new - layout.size();
            PEAK.fetch_max(held, Relaxed);
        } else {
            HELD.fetch_sub(layout.size() - new, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A generator of about `n` bytes of text.
type Make = Box<dyn Fn(usize) -> String>;

/// The kinds of text: a name and its generator.
fn kinds() -> Vec<(&'static str, Make)> {
    let article = std::fs::read_to_string("../shared/examples/idlib-2020.txt")
        .unwrap_or_else(|e| panic!("../shared/examples/idlib-2020.txt: {e}"));
    let rep = |unit: &'static str| -> Make { Box::new(move |n| unit.repeat(n / unit.len())) };
    vec![
        (
            "news",
            Box::new(move |n| {
                let mut s = String::new();
                while s.len() + article.len() < n {
                    s.push_str(&article);
                    s.push_str("\n\n");
                }
                s
            }),
        ),
        ("commas", rep("word, ")),
        ("bare-commas", rep(",")),
        (
            "brackets",
            Box::new(|n| "(".repeat(n / 2) + &")".repeat(n / 2)),
        ),
        ("quotes", rep("\"")),
        ("quoted-words", rep("\"a\" ")),
        ("lowercase-lines", rep("a\n")),
        ("newlines", rep("\n")),
        ("short-sentences", rep("Go. ")),
        ("mr", rep("Mr. ")),
        ("us", rep("U.S. ")),
        ("digits", rep("7")),
        ("no-spaces", rep("abcdefghij")),
        ("same-name", rep("Erdogan met Erdogan in Ankara. ")),
        ("name-run", rep("Erdogan ")),
        ("capitals", rep("The Big Red Dog ")),
        ("cjk", rep("中文新闻报道。")),
        ("emoji", rep("👩\u{200d}👩\u{200d}👧 ")),
        ("control", rep("\0\u{1}\u{7}\t\r")),
        ("crlf", rep("He said it.\r\n")),
        ("numbers", rep("1,234 and 56 ")),
        ("dates", rep("31 February 2020, ")),
    ]
}

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = std::env::var("SIZES")
        .unwrap_or_else(|_| "100000,1000000,4000000".to_string())
        .split(',')
        .map(|s| s.parse().expect("SIZES: numbers of bytes"))
        .collect();
    let limit: f64 = std::env::var("LIMIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60.0);
    let opts = lede::Options {
        date: Some("2020-02-27".to_string()),
        ..Default::default()
    };
    let date = opts.validate().unwrap();
    lede::analyze("Warm up Erdogan in Ankara, who said he was killed.", &opts).unwrap();
    println!("seconds per stage; ratio = time / time at the size before (linear ≈ size ratio)");
    for (name, make) in kinds() {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        let mut before: Option<(usize, f64)> = None;
        // each stage's seconds at each size, for the per-stage ratios
        let mut per_stage: Vec<(usize, Vec<(&'static str, f64)>)> = Vec::new();
        for &size in &sizes {
            let text = make(size);
            let (stages, total) = run(&text, &opts, date);
            per_stage.push((text.len(), stages.clone()));
            let ratio = before.map_or(String::new(), |(b, t)| {
                format!(
                    "  ×{:.1} for ×{:.0} text",
                    total / t,
                    text.len() as f64 / b as f64
                )
            });
            let slowest: Vec<String> = {
                let mut s = stages.clone();
                s.sort_by(|a, b| b.1.total_cmp(&a.1));
                s.iter()
                    .take(3)
                    .map(|(n, t)| format!("{n} {t:.2}"))
                    .collect()
            };
            println!(
                "{name:<16} {:>9} B {total:>8.2} s{ratio}  [{}]",
                text.len(),
                slowest.join(", ")
            );
            before = Some((text.len(), total));
            if total > limit {
                println!("{name:<16} stopped: over {limit} s");
                break;
            }
        }
        print_stage_ratios(&per_stage);
    }
}

/// Each stage's growth between the sizes, for the stages that took at
/// least 20 ms at the largest size (below that the clock's noise rules):
/// `stage ×r for ×s text` (a stage growing faster than its text stands out).
fn print_stage_ratios(per_stage: &[(usize, Vec<(&'static str, f64)>)]) {
    let Some((_, last)) = per_stage.last() else {
        return;
    };
    let mut parts = Vec::new();
    for (k, &(stage, t)) in last.iter().enumerate() {
        if t < 0.02 || per_stage.len() < 2 {
            continue;
        }
        let ratios: Vec<String> = per_stage
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0].1[k].1, w[1].1[k].1);
                format!(
                    "×{:.1}/×{:.0}",
                    b / a.max(1e-9),
                    w[1].0 as f64 / w[0].0 as f64
                )
            })
            .collect();
        parts.push(format!("{stage} {}", ratios.join(" ")));
    }
    if !parts.is_empty() {
        println!("    stages (time ×, text ×): {}", parts.join(", "));
    }
}

/// Each stage's seconds and the whole (with the JSON output); with `MEM=1`,
/// each stage's peak of heap bytes per byte of text is printed.
fn run(
    text: &str,
    opts: &lede::Options,
    date: Option<lede::Date>,
) -> (Vec<(&'static str, f64)>, f64) {
    let mut doc = Document::new(text);
    let mut times = Vec::new();
    let all = Instant::now();
    let mem = std::env::var("MEM").is_ok();
    let base = HELD.load(Relaxed);
    let per_byte =
        move || (PEAK.swap(HELD.load(Relaxed), Relaxed) - base) as f64 / text.len().max(1) as f64;
    per_byte();
    for (name, stage) in lede::stages(date) {
        let t = Instant::now();
        stage(&mut doc);
        times.push((name, t.elapsed().as_secs_f64()));
        if mem {
            let held = (HELD.load(Relaxed) - base) as f64 / text.len().max(1) as f64;
            println!("  {name:<10} peak {:6.1} B/B, then {held:6.1}", per_byte());
        }
    }
    let t = Instant::now();
    let analysis = lede::output::render(&doc, opts);
    if mem {
        println!("  {:<10} peak {:6.1} B/B", "render", per_byte());
    }
    let json = serde_json::to_string(&analysis).unwrap();
    if mem {
        println!(
            "  {:<10} peak {:6.1} B/B (JSON {:.1} B/B)",
            "json",
            per_byte(),
            json.len() as f64 / text.len().max(1) as f64
        );
    }
    std::hint::black_box(json);
    times.push(("output", t.elapsed().as_secs_f64()));
    (times, all.elapsed().as_secs_f64())
}
