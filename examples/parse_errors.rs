//! Where the parser goes wrong on UD EWT dev: head and label errors by gold
//! relation, with the tagger's tags or (`GOLD_TAGS=1`) the treebank's.
//!
//! cargo run --release --features train --example parse_errors [-- MODEL [DATA]]
//! (`DATA` defaults to ../shared/data; `SPLIT=test` for EWT test;
//! `CONLLU=FILE` for another treebank file)
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let owned = match args.next() {
        Some(m) => Some(lede::parse::Parser::from_bytes(
            &std::fs::read(&m).map_err(|e| format!("{m}: {e}"))?,
        )?),
        None => None,
    };
    let parser = owned
        .as_ref()
        .unwrap_or_else(|| lede::parse::Parser::embedded());
    let data = PathBuf::from(args.next().unwrap_or("../shared/data".into()));
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".into());
    // `CONLLU=FILE` scores any treebank file (GUM's news documents, say)
    let path = std::env::var("CONLLU")
        .map(PathBuf::from)
        .unwrap_or_else(|_| data.join(format!("ud-ewt/en_ewt-ud-{split}.conllu")));
    let trees = lede::parse::train::read_trees(&path)?;
    let rows = lede::tag::train::conllu_rows(&path)?;
    let tagger = lede::tag::Tagger::embedded();
    let gold_tags = std::env::var("GOLD_TAGS").is_ok();
    // gold relation → (words, wrong heads, right head but wrong label)
    let mut by: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut n = 0;
    for (t, gold) in trees.iter().zip(&rows) {
        let tags: Vec<String> = if gold_tags {
            gold.iter().map(|c| format!("{}|{}", c[3], c[4])).collect()
        } else {
            tagger.tag_doubt(&t.words)
        };
        let (heads, rels) = parser.parse(&t.words, &tags);
        for k in 0..t.words.len() {
            let h = heads[k].unwrap_or(t.words.len());
            let rel = t.rels[k].split(':').next().unwrap_or("");
            let e = by.entry(rel.to_string()).or_default();
            e.0 += 1;
            if h != t.heads[k] {
                e.1 += 1;
            } else if rels[k] != t.rels[k] {
                e.2 += 1;
            }
            n += 1;
        }
    }
    let mut v: Vec<_> = by.into_iter().collect();
    v.sort_by_key(|(_, (_, e, l))| std::cmp::Reverse(*e + *l));
    let heads: usize = v.iter().map(|(_, (_, e, _))| e).sum();
    let labels: usize = v.iter().map(|(_, (_, _, l))| l).sum();
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    println!(
        "{n} words: UAS {:.2} LAS {:.2}",
        100.0 - pct(heads),
        100.0 - pct(heads + labels)
    );
    if let Some((_, (c, e, l))) = v.iter().find(|(r, _)| r == "punct") {
        let rest = (n - c).max(1) as f64;
        println!(
            "without punctuation: UAS {:.2} LAS {:.2}",
            100.0 * (n - c - (heads - e)) as f64 / rest,
            100.0 * (n - c - (heads - e) - (labels - l)) as f64 / rest
        );
    }
    println!("| relation | words | wrong head | % | right head, wrong label | % of all words lost |\n|---|---|---|---|---|---|");
    for (r, (c, e, l)) in v.iter().take(25) {
        println!(
            "| {r} | {c} | {e} | {:.1} | {l} | {:.2} |",
            100.0 * *e as f64 / *c as f64,
            pct(*e + *l)
        );
    }
    Ok(())
}
