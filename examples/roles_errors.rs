//! Where the role labeller goes wrong on PropBank EWT dev, given the gold
//! predicates and rolesets, over lede's tags and parse (or with `GOLD=1`
//! the treebank's): how many gold argument heads are candidates, how many
//! get the right label and span, what the missed heads hang from, which
//! labels are confused, which rolesets are chosen wrongly, and recall by
//! the gold head's relation (`BYPOS=1`: by the predicate's part of speech
//! and lemma). `CONF="ARG0 -> NONE"` prints each such confusion;
//! `SPANS=1` prints each argument with the right head and label but not
//! the right words; `UAS=1 [SPLIT=train]` prints only the parser's UAS.
//!
//! cargo run --release --features train --example roles_errors [-- MODEL [DATA]]
use std::collections::BTreeMap;
use std::path::PathBuf;

use lede::roles::train::{predicted, read_split, span_head, Annotated, Syntax};
use lede::roles::{frames::Frames, Candidates, Labeller};

type Counts = BTreeMap<String, usize>;

fn top(title: &str, counts: Counts, n: usize) {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    println!(
        "\n{title} ({} in all):",
        v.iter().map(|x| x.1).sum::<usize>()
    );
    for (k, c) in v.iter().take(n) {
        println!("  {k:<45} {c:>6}");
    }
}

/// How a missed gold head stands to the candidates in this tree.
fn why_missed(syntax: &Syntax, cands: &Candidates, predicate: usize, head: usize) -> String {
    let below = |h: usize| cands.list.iter().any(|x| x.word == h && !x.ancestor);
    match syntax.heads[head] {
        None => "the root".to_string(),
        Some(h) if below(h) => format!("under a candidate via {}", syntax.rels[head]),
        Some(h) if h == predicate => format!("under the predicate via {}", syntax.rels[head]),
        Some(h) if syntax.heads[h].is_some_and(below) => {
            format!("two below a candidate via {}", syntax.rels[head])
        }
        Some(_) => format!("elsewhere ({})", syntax.rels[head]),
    }
}

/// The sentence with the predicate in [[ ]] and the argument head in << >>.
fn marked(a: &Annotated, predicate: usize, head: usize) -> String {
    let word = |(i, w): (usize, &String)| match i {
        i if i == head => format!("<<{w}>>"),
        i if i == predicate => format!("[[{w}]]"),
        _ => w.clone(),
    };
    a.words
        .iter()
        .enumerate()
        .map(word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let frames = Frames::embedded();
    let owned = match args.next() {
        Some(m) => Some(Labeller::from_bytes(
            &std::fs::read(&m).map_err(|e| format!("{m}: {e}"))?,
            frames,
        )?),
        None => None,
    };
    let labeller = owned.as_ref().unwrap_or_else(|| Labeller::embedded());
    let data = PathBuf::from(args.next().unwrap_or("../shared/data".into()));
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".into());
    let sents = read_split(&data, &split)?;
    let gold_syntax = std::env::var("GOLD").is_ok();
    let syntax = |a: &Annotated| {
        if gold_syntax {
            a.gold()
        } else {
            predicted(&a.words)
        }
    };
    if std::env::var("UAS").is_ok() {
        let (mut n, mut ok) = (0, 0);
        for a in &sents {
            let syn = syntax(a);
            n += a.words.len();
            ok += syn
                .heads
                .iter()
                .zip(&a.heads)
                .filter(|(x, y)| x == y)
                .count();
        }
        println!("UAS {:.4} over {n} words", ok as f64 / n as f64);
        return Ok(());
    }
    let by_pos = std::env::var("BYPOS").is_ok();
    let show = std::env::var("CONF").ok();
    let spans = std::env::var("SPANS").is_ok();
    let (mut counts, mut missed, mut confused, mut senses) =
        (Counts::new(), Counts::new(), Counts::new(), Counts::new());
    let mut by_rel: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut cands = Candidates::default();
    let mut count =
        |k: &str, yes: bool| *counts.entry(k.to_string()).or_default() += usize::from(yes);
    for a in &sents {
        let syn = syntax(a);
        let s = a.sentence(&syn, frames);
        for p in &a.predicates {
            let options = labeller.candidates(&s, p.word, frames);
            let chosen = labeller
                .sense(&s, p.word, &options, frames)
                .and_then(|r| frames.roleset(r))
                .map_or("-".to_string(), |r| r.id.clone());
            if chosen != p.roleset {
                *senses
                    .entry(format!("{} -> {chosen}", p.roleset))
                    .or_default() += 1;
            }
            let rs = frames.find(&p.roleset).and_then(|r| frames.roleset(r));
            cands.find(&s, p.word);
            let found = labeller.arguments(&s, p.word, rs, &mut cands.clone_list());
            let gold_heads: Vec<usize> = p
                .args
                .iter()
                .map(|(_, st, en)| span_head(&a.heads, *st, *en))
                .collect();
            for x in found.iter().filter(|x| !gold_heads.contains(&x.head)) {
                let key = format!("NONE -> {}", labeller.labels[x.role]);
                *confused.entry(key).or_default() += 1;
            }
            for ((l, st, en), &gh) in p.args.iter().zip(&gold_heads) {
                count("gold arguments", true);
                let in_cands = cands.list.iter().any(|x| x.word == gh);
                count("gold head is a candidate", in_cands);
                let ph = span_head(&syn.heads, *st, *en);
                count(
                    "the span's head in this tree is a candidate",
                    cands.list.iter().any(|x| x.word == ph),
                );
                let hit = found
                    .iter()
                    .find(|x| x.head == gh && labeller.labels[x.role] == *l);
                count("right head and label", hit.is_some());
                count(
                    "right head, label and span",
                    hit.is_some_and(|x| (x.start, x.end) == (*st, *en)),
                );
                if let Some(x) = hit.filter(|x| spans && (x.start, x.end) != (*st, *en)) {
                    println!(
                        "SPAN {l} of {}: gold [{}] found [{}]",
                        a.words[p.word],
                        a.words[*st..*en].join(" "),
                        a.words[x.start..x.end].join(" ")
                    );
                }
                if !in_cands {
                    *missed
                        .entry(why_missed(&syn, &cands, p.word, gh))
                        .or_default() += 1;
                } else if hit.is_none() {
                    let got = found
                        .iter()
                        .find(|x| x.head == gh)
                        .map_or("NONE", |x| labeller.labels[x.role].as_str());
                    let key = format!("{l} -> {got}");
                    if show.as_deref() == Some(key.as_str()) {
                        println!("{key}: {}", marked(a, p.word, gh));
                    }
                    *confused.entry(key).or_default() += 1;
                }
                let key = if by_pos {
                    format!(
                        "{}:{}",
                        a.tags[p.word].split('|').next().unwrap_or(""),
                        a.lemmas[p.word]
                    )
                } else {
                    a.rels[gh].clone()
                };
                let e = by_rel.entry(key).or_default();
                e.0 += 1;
                e.1 += usize::from(hit.is_some());
            }
        }
    }
    let all = counts.get("gold arguments").copied().unwrap_or(0).max(1);
    for (k, v) in &counts {
        println!("{k:<45} {v:>6} ({:.1}%)", 100.0 * *v as f64 / all as f64);
    }
    top(
        "missed gold heads, where they hang in this tree",
        missed,
        20,
    );
    top("confusions among candidates (gold -> found)", confused, 30);
    top("rolesets chosen wrongly (gold -> chosen)", senses, 25);
    let mut rels: Vec<_> = by_rel.into_iter().collect();
    rels.sort_by_key(|x| std::cmp::Reverse(x.1 .0));
    println!("\nrecall (head and label) by the gold head's relation:");
    for (r, (n, k)) in rels.iter().take(25) {
        println!("  {r:<15} {n:>6} {:.1}%", 100.0 * *k as f64 / *n as f64);
    }
    Ok(())
}
