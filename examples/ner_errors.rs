//! Print NER errors on a data set: `cargo run --release --features train --example ner_errors -- FILE [MODEL]`
use lede::ner::train::{read_conll, read_uner, tag_doc};
use lede::ner::{spans, Model, TYPES};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::Path::new(&args[1]);
    let docs = if args[1].ends_with(".iob2") {
        read_uner(path).unwrap()
    } else {
        read_conll(path).unwrap()
    };
    let owned;
    let model = match args.get(2) {
        Some(m) => {
            owned = Model::from_bytes(&std::fs::read(m).unwrap()).unwrap();
            &owned
        }
        None => Model::embedded(),
    };
    let limit: usize = std::env::var("N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut shown = 0;
    for d in &docs {
        let pred = tag_doc(model, d);
        for (s, p) in d.iter().zip(&pred) {
            let g = spans(&s.tags);
            let q = spans(p);
            if g != q && shown < limit {
                shown += 1;
                let show = |v: &[(usize, usize, usize)]| {
                    v.iter()
                        .map(|(a, b, t)| format!("[{} {}]", s.words[*a..*b].join(" "), TYPES[*t]))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                println!(
                    "{}\n  gold: {}\n  pred: {}",
                    s.words.join(" "),
                    show(&g),
                    show(&q)
                );
            }
        }
    }
}
