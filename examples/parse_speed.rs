//! Tagger, supertagger and parser speed on UD EWT dev and test (gold
//! tokens): `cargo run --release --features train --example parse_speed
//! [PASSES]`. Prints the fastest of PASSES (default 7) passes, as tokens
//! per second for the three together and for each part; the fastest pass
//! is the one least slowed by other load on the machine.

use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), String> {
    let passes: usize = std::env::args()
        .nth(1)
        .map_or(Ok(7), |p| p.parse().map_err(|_| "PASSES is a number"))?;
    let data = Path::new("../shared/data/ud-ewt");
    let mut trees = lede::parse::train::read_trees(&data.join("en_ewt-ud-dev.conllu"))?;
    trees.extend(lede::parse::train::read_trees(
        &data.join("en_ewt-ud-test.conllu"),
    )?);
    // load the models before the clock starts
    let tagger = lede::tag::Tagger::embedded();
    let parser = lede::parse::Parser::embedded();
    lede::parse::supertag::Supertagger::embedded();
    let tokens: usize = trees.iter().map(|t| t.words.len()).sum();
    let (mut both, mut tag, mut parse) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..passes.max(1) {
        let t = Instant::now();
        let tags: Vec<Vec<String>> = trees.iter().map(|t| tagger.tag_doubt(&t.words)).collect();
        let tagged = t.elapsed().as_secs_f64();
        for (tree, tags) in trees.iter().zip(&tags) {
            std::hint::black_box(parser.parse(&tree.words, tags));
        }
        let all = t.elapsed().as_secs_f64();
        both = both.min(all);
        tag = tag.min(tagged);
        parse = parse.min(all - tagged);
    }
    let rate = |secs: f64| tokens as f64 / secs;
    println!(
        "UD EWT dev + test, {tokens} tokens, fastest of {passes} passes: tag + parse {:.0} tokens/s (tag {:.0}, supertag + parse {:.0})",
        rate(both),
        rate(tag),
        rate(parse)
    );
    Ok(())
}
