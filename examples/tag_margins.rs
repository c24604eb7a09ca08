//! The tagger's best class, runner-up and margin for each word of a sentence,
//! with any `pos.bin`: `cargo run --release --example tag_margins -- models/pos.bin
//! He did not specify whether the figure includes two deaths reported on Wednesday .`
fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let model = args.next().ok_or("usage: tag_margins MODEL WORD...")?;
    let words: Vec<String> = args.collect();
    let bytes = std::fs::read(&model).map_err(|e| format!("{model}: {e}"))?;
    let tagger = lede::tag::Tagger::from_bytes(&bytes)?;
    for ((best, second, margin), w) in tagger.tag_scored(&words).into_iter().zip(&words) {
        let (u, x) = tagger.names(best);
        let (u2, x2) = tagger.names(second);
        println!("{w}\t{u}|{x}\t{u2}|{x2}\t{margin}");
    }
    Ok(())
}
