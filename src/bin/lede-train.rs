//! Train and evaluate lede's models (cargo feature `train`).
//!
//! ```text
//! cargo run --release --features train --bin lede-train -- ner [--data ../shared/data] [--out models/ner.bin]
//! cargo run --release --features train --bin lede-train -- eval-ner [--data ../shared/data] [--model models/ner.bin]
//! ```
//!
//! `pos`, `lemma` and `parse` train the tagger, lemmatizer and parser
//! (`models/pos.bin`, `models/lemma.tsv`, `models/parse.bin` unless `--out`
//! says otherwise); `eval-pos`, `eval-parse` and `eval-time` print accuracy
//! tables; `export-ner` writes the NER evaluation sets as JSON lines.
//! `parse` also trains the parser's supertagger (`models/stag.bin`, beside
//! `--out`). For trying parser features: `LEDE_JACKKNIFE_CACHE=FILE` keeps
//! the jackknifed POS tags in FILE between runs (delete it when the tagger
//! changes), `LEDE_STAG_ONLY=1` trains and scores only the supertagger,
//! `LEDE_PARSE_PRUNE` / `LEDE_STAG_PRUNE` set the pruning thresholds.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lede::ner::train::{evaluate, read_conll, read_gum, read_uner, train, Doc, Settings};
use lede::ner::Model;

const USAGE: &str =
    "usage: lede-train ner|pos|lemma|parse|roles [--data DIR] [--out FILE] [--epochs N] [--seed N] [--prune W]
       lede-train frames [--data DIR] [--out FILE]
       lede-train eval-ner|eval-pos|eval-parse|eval-roles|eval-actors|eval-events|eval-petrarch [--data DIR] [--model FILE]
       lede-train export-ner [--data DIR]
       lede-train eval-time [--data DIR] [--errors]";

struct Args {
    command: String,
    data: PathBuf,
    out: PathBuf,
    model: Option<PathBuf>,
    epochs: usize,
    seed: u64,
    prune: f32,
    /// Print each mismatch (eval-time).
    errors: bool,
}

impl Args {
    /// `--out`, or the model file of the command when it was not given.
    fn out_or(&self, default: &str) -> PathBuf {
        if self.out == Path::new(NER_MODEL) {
            PathBuf::from(default)
        } else {
            self.out.clone()
        }
    }
}

/// The default `--out` (the NER model's file).
const NER_MODEL: &str = "models/ner.bin";

fn parse() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or(USAGE)?;
    let mut a = Args {
        command,
        data: PathBuf::from("../shared/data"),
        out: PathBuf::from(NER_MODEL),
        model: None,
        epochs: 8,
        seed: 20200227,
        prune: 0.2,
        errors: false,
    };
    while let Some(flag) = it.next() {
        if flag == "--errors" {
            a.errors = true;
            continue;
        }
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--data" => a.data = PathBuf::from(value()?),
            "--out" => a.out = PathBuf::from(value()?),
            "--model" => a.model = Some(PathBuf::from(value()?)),
            "--epochs" => a.epochs = value()?.parse().map_err(|_| "--epochs needs a number")?,
            "--seed" => a.seed = value()?.parse().map_err(|_| "--seed needs a number")?,
            "--prune" => a.prune = value()?.parse().map_err(|_| "--prune needs a number")?,
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(a)
}

/// GUM documents: news ones are kept for evaluation, the rest may train.
fn gum(data: &Path, news: bool) -> Result<Vec<Doc>, String> {
    let paths = gum_paths(data, news)?;
    // the named mentions GUM links (all proper-noun mentions trained worse on CoNLL and UNER dev)
    paths.iter().map(|p| read_gum(p, true)).collect()
}

/// The GUM files, news or not news, sorted.
fn gum_paths(data: &Path, news: bool) -> Result<Vec<PathBuf>, String> {
    let dir = data.join("gum");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("GUM_news_") == news)
        })
        .collect();
    paths.sort();
    Ok(paths)
}

fn train_pos(args: &Args) -> Result<(), String> {
    use lede::tag::train::{accuracy, read_conllu, train};
    // GUM's non-news documents too (news is kept for evaluating NER)
    let train_set = pos_training_set(&args.data)?;
    let dev = read_conllu(&args.data.join("ud-ewt/en_ewt-ud-dev.conllu"))?;
    eprintln!(
        "training the POS tagger on UD EWT train and GUM (not news): {} sentences",
        train_set.len()
    );
    let out = args.out_or("models/pos.bin");
    let prune = lede::tag::train::prune_min();
    let (classes, rows) = train(
        &train_set,
        args.epochs,
        args.seed,
        prune,
        |epoch, tagger| {
            let (u, x, _) = accuracy(tagger, &dev);
            eprintln!(
                "epoch {epoch:>2}: {} features, EWT dev UPOS {:.4} XPOS {:.4}",
                tagger.len(),
                u,
                x
            );
        },
    );
    let bytes = lede::tag::Tagger::to_bytes(&classes, &rows);
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features)",
        out.display(),
        bytes.len(),
        rows.len()
    );
    Ok(())
}

/// The POS/lemma training sentences: UD EWT train and GUM's non-news documents.
fn pos_training_set(data: &Path) -> Result<Vec<lede::tag::train::Tagged>, String> {
    use lede::tag::train::read_conllu;
    let mut set = read_conllu(&data.join("ud-ewt/en_ewt-ud-train.conllu"))?;
    for p in gum_paths(data, false)? {
        set.extend(read_conllu(&p)?);
    }
    Ok(set)
}

fn train_lemma(args: &Args) -> Result<(), String> {
    let tsv = lede::tag::train::learn_lemmas(&pos_training_set(&args.data)?);
    let out = args.out_or("models/lemma.tsv");
    std::fs::write(&out, &tsv).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} lines)", out.display(), tsv.lines().count());
    Ok(())
}

fn eval_pos(args: &Args) -> Result<(), String> {
    use lede::tag::train::{accuracy, read_conllu};
    let owned = read_model(&args.model, lede::tag::Tagger::from_bytes)?;
    let tagger = owned
        .as_ref()
        .unwrap_or_else(|| lede::tag::Tagger::embedded());
    println!("| set | UPOS | XPOS | lemma (gold UPOS) | lemma (tagged) | tokens | tokens/s |\n|---|---|---|---|---|---|---|");
    for name in ["dev", "test"] {
        let sents = read_conllu(&args.data.join(format!("ud-ewt/en_ewt-ud-{name}.conllu")))?;
        let t = Instant::now();
        let (u, x, n) = accuracy(tagger, &sents);
        let secs = t.elapsed().as_secs_f64();
        let (lg, lp, _) = lede::tag::train::lemma_accuracy(tagger, &sents);
        println!(
            "| UD EWT {name} (gold tokens) | {:.2}% | {:.2}% | {:.2}% | {:.2}% | {n} | {:.0} |",
            u * 100.0,
            x * 100.0,
            lg * 100.0,
            lp * 100.0,
            n as f64 / secs
        );
    }
    Ok(())
}

/// `UPOS|XPOS` tags from lede's tagger for each tree (what the parser sees at run time).
fn tagged(trees: &[lede::parse::train::Tree]) -> Vec<Vec<String>> {
    let tagger = lede::tag::Tagger::embedded();
    trees.iter().map(|t| tagger.tag_doubt(&t.words)).collect()
}

/// Tags for the parser's training trees as the tagger would give them on
/// unseen text: ten folds, each tagged by a tagger trained without it.
fn jackknifed_tags(
    data: &Path,
    trees: &[lede::parse::train::Tree],
) -> Result<Vec<Vec<String>>, String> {
    use lede::tag::train::{read_conllu, train};
    let ewt = read_conllu(&data.join("ud-ewt/en_ewt-ud-train.conllu"))?;
    let mut gum = Vec::new();
    for p in gum_paths(data, false)? {
        gum.extend(read_conllu(&p)?);
    }
    const FOLDS: usize = 10;
    // The fold taggers keep weights of 1024/32767 and more (a little noisier
    // than the shipped tagger at 960, as tags at run time can be).
    const JACKKNIFE_PRUNE: i16 = 1024;
    let mut tags = vec![Vec::new(); trees.len()];
    for fold in 0..FOLDS {
        let rest: Vec<lede::tag::train::Tagged> = ewt
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, s)| s.clone())
            .chain(gum.iter().cloned())
            .collect();
        let (classes, rows) = train(&rest, 5, 20200227 + fold as u64, JACKKNIFE_PRUNE, |_, _| {});
        let tagger = lede::tag::Tagger::whole(&classes, &rows)?;
        for (i, t) in trees.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            tags[i] = tagger.tag_doubt(&t.words);
        }
        eprintln!("jackknife fold {}/{FOLDS} tagged", fold + 1);
    }
    Ok(tags)
}

/// The jackknifed tags, read from `LEDE_JACKKNIFE_CACHE` when that file
/// exists and written to it otherwise (for trying parser features without
/// retraining ten taggers each time; delete the file when the tagger changes).
fn cached_jackknife(
    data: &Path,
    trees: &[lede::parse::train::Tree],
) -> Result<Vec<Vec<String>>, String> {
    let Ok(cache) = std::env::var("LEDE_JACKKNIFE_CACHE") else {
        return jackknifed_tags(data, trees);
    };
    if let Ok(text) = std::fs::read_to_string(&cache) {
        let tags: Vec<Vec<String>> = text
            .lines()
            .map(|l| l.split(' ').map(str::to_string).collect())
            .collect();
        let fits = tags.len() == trees.len()
            && tags
                .iter()
                .zip(trees)
                .all(|(t, tr)| t.len() == tr.words.len());
        if fits {
            eprintln!("jackknifed tags read from {cache}");
            return Ok(tags);
        }
        return Err(format!("{cache} does not fit the treebank; delete it"));
    }
    let tags = jackknifed_tags(data, trees)?;
    let text: String = tags.iter().map(|t| t.join(" ") + "\n").collect();
    std::fs::write(&cache, text).map_err(|e| format!("{cache}: {e}"))?;
    Ok(tags)
}

fn train_parse(args: &Args) -> Result<(), String> {
    use lede::parse::train::{attachment, read_trees, train};
    let trees = read_trees(&args.data.join("ud-ewt/en_ewt-ud-train.conllu"))?;
    let dev = read_trees(&args.data.join("ud-ewt/en_ewt-ud-dev.conllu"))?;
    let tags = cached_jackknife(&args.data, &trees)?;
    let dev_tags = tagged(&dev);
    // supertagger weights below 2600/32767 are dropped (`LEDE_STAG_PRUNE`):
    // 0.36 MB gzipped; at 2000 (0.74 MB, over the size budget) the parser
    // scored 0.3 UAS higher on dev
    let prune: i16 = std::env::var("LEDE_STAG_PRUNE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2600);
    let only = std::env::var("LEDE_STAG_ONLY").is_ok();
    let sup =
        lede::parse::train::train_supertags(&trees, &tags, prune, args.seed, !only, |fold| {
            eprintln!("supertagger jackknife fold {fold}/10 tagged")
        })?;
    let (stags, names, rows) = (sup.jackknifed, sup.names, sup.rows);
    let stag_out = args.out_or("models/parse.bin").with_file_name("stag.bin");
    let stag_bytes = lede::parse::supertag::Supertagger::to_bytes(&names, &rows);
    std::fs::write(&stag_out, &stag_bytes).map_err(|e| format!("{}: {e}", stag_out.display()))?;
    let supertagger = lede::parse::supertag::Supertagger::from_bytes(&stag_bytes)?;
    let (dev_names, dev_gold) = lede::parse::train::supertag_labels(&dev, 1);
    let side = |s: &str| s.trim_end_matches(['L', 'R']).to_string();
    let (mut ok, mut all, mut full) = (0, 0, 0);
    for ((t, g), tg) in dev.iter().zip(&dev_gold).zip(&dev_tags) {
        let lower: Vec<String> = t
            .words
            .iter()
            .map(|w| lede::lexicon::lower_key(w))
            .collect();
        let p = supertagger.tag(&lede::parse::State::new(&lower, tg));
        for (g, p) in g.iter().zip(p) {
            ok += usize::from(side(&dev_names[*g]) == side(&names[p]));
            full += usize::from(dev_names[*g] == names[p]);
            all += 1;
        }
    }
    eprintln!(
        "wrote {} ({} bytes, {} supertags); EWT dev relation and head side {:.4}, whole supertag {:.4}",
        stag_out.display(),
        stag_bytes.len(),
        names.len(),
        ok as f64 / all.max(1) as f64,
        full as f64 / all.max(1) as f64
    );
    if only {
        return Ok(());
    }
    eprintln!(
        "training the parser on UD EWT train: {} sentences",
        trees.len()
    );
    let epochs = if args.epochs == 8 { 10 } else { args.epochs };
    let (labels, rows) = train(&trees, &tags, &stags, epochs, args.seed, |epoch, parser| {
        let (u, l, _) = attachment(parser, &dev, &dev_tags, &supertagger);
        eprintln!(
            "epoch {epoch:>2}: {} features, EWT dev UAS {:.4} LAS {:.4}",
            parser.len(),
            u,
            l
        );
    });
    let out = args.out_or("models/parse.bin");
    let bytes = lede::parse::Parser::to_bytes(&labels, &rows);
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features)",
        out.display(),
        bytes.len(),
        rows.len()
    );
    Ok(())
}

fn eval_parse(args: &Args) -> Result<(), String> {
    use lede::parse::train::{attachment, read_trees};
    let owned = read_model(&args.model, lede::parse::Parser::from_bytes)?;
    let parser = owned
        .as_ref()
        .unwrap_or_else(|| lede::parse::Parser::embedded());
    // a parser from `lede-train parse --out DIR/parse.bin` comes with the
    // supertagger it was trained on, DIR/stag.bin
    let stag_path = args
        .model
        .as_ref()
        .map(|m| m.with_file_name("stag.bin"))
        .filter(|p| p.exists());
    let owned_stag = read_model(&stag_path, lede::parse::supertag::Supertagger::from_bytes)?;
    let supertagger = owned_stag
        .as_ref()
        .unwrap_or_else(|| lede::parse::supertag::Supertagger::embedded());
    // load the tagger before the clock starts
    lede::tag::Tagger::embedded();
    println!(
        "| set | UAS | LAS | tokens | tokens/s (tag + parse, best of 3) |\n|---|---|---|---|---|"
    );
    for name in ["dev", "test"] {
        let trees = read_trees(&args.data.join(format!("ud-ewt/en_ewt-ud-{name}.conllu")))?;
        // the fastest of three passes: this machine's speed varies from
        // minute to minute with its neighbours' load (docs/performance.md)
        let mut secs = f64::MAX;
        let mut scores = (0.0, 0.0, 0);
        for _ in 0..3 {
            let t = Instant::now();
            let tags = tagged(&trees);
            scores = attachment(parser, &trees, &tags, supertagger);
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        let (u, l, n) = scores;
        println!(
            "| UD EWT {name} (gold tokens, predicted tags) | {:.2} | {:.2} | {n} | {:.0} |",
            u * 100.0,
            l * 100.0,
            n as f64 / secs
        );
    }
    if args.model.is_none() {
        // from raw text: lede's own tokens and sentences (the embedded models)
        println!("\n| set | words F1 | UPOS F1 | UAS F1 | LAS F1 | gold words | tokens/s (whole analyze) |\n|---|---|---|---|---|---|---|");
        for name in ["dev", "test"] {
            let path = args.data.join(format!("ud-ewt/en_ewt-ud-{name}.conllu"));
            let docs = lede::parse::train::read_raw_docs(&path)?;
            let t = Instant::now();
            let s = lede::parse::train::raw_attachment(&docs);
            let secs = t.elapsed().as_secs_f64();
            println!(
                "| UD EWT {name} (raw text) | {:.2} | {:.2} | {:.2} | {:.2} | {} | {:.0} |",
                s.f1(s.words) * 100.0,
                s.f1(s.upos) * 100.0,
                s.f1(s.uas) * 100.0,
                s.f1(s.las) * 100.0,
                s.gold,
                s.gold as f64 / secs
            );
        }
    }
    Ok(())
}

/// Time expressions on TimeBank and AQUAINT, TempEval-3 style.
fn eval_time(args: &Args) -> Result<(), String> {
    use lede::time::eval::{read_dir, score, Gold, Score};
    println!("| set | docs | gold | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type acc. | value F1 | tokens/s |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut all = Score::default();
    let mut by_type: std::collections::BTreeMap<String, Score> = Default::default();
    let (mut all_tokens, mut all_secs, mut all_docs) = (0usize, 0f64, 0usize);
    for corpus in ["TimeBank", "AQUAINT"] {
        let docs = read_dir(&args.data.join("timebank").join(corpus))?;
        let mut total = Score::default();
        let (mut tokens, mut secs) = (0usize, 0f64);
        for d in &docs {
            let opts = lede::Options {
                date: Some(d.dct.clone()),
                tokens: false,
                ..Default::default()
            };
            let t = Instant::now();
            let a = lede::analyze(&d.text, &opts).map_err(|e| e.to_string())?;
            secs += t.elapsed().as_secs_f64();
            tokens += d.text.split_whitespace().count();
            let system: Vec<Gold> = a
                .times
                .iter()
                .map(|t| Gold {
                    start: t.start,
                    end: t.end,
                    kind: t.kind.to_string(),
                    value: t.value.clone(),
                })
                .collect();
            let (s, pairs) = score(&d.times, &system);
            total.add(&s);
            // the same pairs, counted by gold type
            for (g, p) in &pairs {
                let Some(g) = g else { continue };
                let t = by_type.entry(g.kind.clone()).or_default();
                t.gold += 1;
                if let Some(p) = p {
                    t.relaxed += 1;
                    t.kind += usize::from(p.kind == g.kind);
                    t.value += usize::from(p.value == g.value);
                }
            }
            if args.errors {
                let units: Vec<u16> = d.text.encode_utf16().collect();
                let span = |x: &Gold| String::from_utf16_lossy(&units[x.start..x.end]);
                for (g, p) in pairs {
                    let ok = matches!((g, p), (Some(g), Some(p)) if g.start == p.start && g.end == p.end && g.value == p.value && g.kind == p.kind);
                    if !ok {
                        let show = |x: Option<&Gold>| {
                            x.map_or("-".to_string(), |x| {
                                format!("{:?} {} {}", span(x), x.kind, x.value)
                            })
                        };
                        println!("{}\t{}\t{}\t{}", d.name, d.dct, show(g), show(p));
                    }
                }
            }
        }
        print_time_row(corpus, docs.len(), &total, tokens as f64 / secs);
        all.add(&total);
        all_tokens += tokens;
        all_secs += secs;
        all_docs += docs.len();
    }
    print_time_row(
        "TimeBank + AQUAINT",
        all_docs,
        &all,
        all_tokens as f64 / all_secs,
    );
    println!(
        "\nright values: {} of {} found and {} gold (value F1 {:.4})",
        all.value,
        all.system,
        all.gold,
        all.value().2
    );
    println!("\n| gold type | gold | found (relaxed) | right type | right value |\n|---|---|---|---|---|");
    for (kind, s) in by_type {
        println!(
            "| {kind} | {} | {:.1}% | {:.1}% | {:.1}% |",
            s.gold,
            100.0 * s.relaxed as f64 / s.gold as f64,
            100.0 * s.kind as f64 / s.gold as f64,
            100.0 * s.value as f64 / s.gold as f64
        );
    }
    Ok(())
}

fn print_time_row(name: &str, docs: usize, s: &lede::time::eval::Score, speed: f64) {
    let (sp, sr, sf) = s.strict();
    let (rp, rr, rf) = s.relaxed();
    println!(
        "| {name} | {docs} | {} | {sp:.3} | {sr:.3} | {sf:.3} | {rp:.3} | {rr:.3} | {rf:.3} | {:.3} | {:.3} | {speed:.0} |",
        s.gold,
        s.type_accuracy(),
        s.value().2
    );
}

/// The model at `--model`, if given (the embedded one is used otherwise).
fn read_model<M>(
    path: &Option<PathBuf>,
    parse: fn(&[u8]) -> Result<M, String>,
) -> Result<Option<M>, String> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            parse(&bytes).map(Some)
        }
        None => Ok(None),
    }
}

fn tokens(docs: &[Doc]) -> usize {
    docs.iter().flatten().map(|s| s.words.len()).sum()
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let result = match args.command.as_str() {
        "ner" => train_ner(&args),
        "eval-ner" => eval_ner(&args),
        "export-ner" => export_ner(&args),
        "pos" => train_pos(&args),
        "lemma" => train_lemma(&args),
        "parse" => train_parse(&args),
        "eval-parse" => eval_parse(&args),
        "eval-pos" => eval_pos(&args),
        "eval-time" => eval_time(&args),
        "frames" => build_frames(&args),
        "roles" => train_roles(&args),
        "eval-roles" => eval_roles(&args),
        "eval-actors" => eval_actors(&args),
        "eval-events" => eval_events(&args),
        "eval-petrarch" => eval_petrarch(&args),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede-train: {e}");
            ExitCode::from(1)
        }
    }
}

fn train_ner(args: &Args) -> Result<(), String> {
    let mut train_docs = read_conll(&args.data.join("conll2003/train.txt"))?;
    if std::env::var("LEDE_NO_GUM").is_err() {
        train_docs.extend(gum(&args.data, false)?);
    }
    let valid = read_conll(&args.data.join("conll2003/valid.txt"))?;
    eprintln!(
        "training on CoNLL-2003 train and GUM (not news): {} documents, {} tokens",
        train_docs.len(),
        tokens(&train_docs)
    );
    let settings = Settings {
        epochs: args.epochs,
        seed: args.seed,
        prune: args.prune,
    };
    let uner = read_uner(&args.data.join("uner-ewt/en_ewt-ud-dev.iob2"))?;
    let weights = train(&train_docs, &settings, |epoch, model| {
        let s = evaluate(model, &valid, &[0, 1, 2, 3]);
        let u = evaluate(model, &uner, &[0, 1, 2]);
        eprintln!(
            "epoch {epoch:>2}: {} features, CoNLL valid F1 {:.4}, UNER dev F1 {:.4}",
            model.len(),
            s.prf(4).2,
            u.prf(4).2
        );
    });
    let bytes = Model::to_bytes(&weights);
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features)",
        args.out.display(),
        bytes.len(),
        weights.len()
    );
    Ok(())
}

/// The evaluation sets, with the types each is scored on.
/// A named evaluation set and the types it is scored on.
type EvalSet = (&'static str, Vec<Doc>, Vec<usize>);

fn eval_sets(data: &Path) -> Result<Vec<EvalSet>, String> {
    let valid = read_conll(&data.join("conll2003/valid.txt"))?;
    // robustness: the same documents written all in lowercase / all in capitals
    let recase = |f: fn(&str) -> String| -> Vec<Doc> {
        valid
            .iter()
            .map(|d| {
                d.iter()
                    .map(|s| lede::ner::train::Sentence {
                        words: s.words.iter().map(|w| f(w)).collect(),
                        tags: s.tags.clone(),
                    })
                    .collect()
            })
            .collect()
    };
    let lower = recase(|w| w.to_lowercase());
    let upper = recase(|w| w.to_uppercase());
    Ok(vec![
        (
            "CoNLL-2003 valid (PER ORG LOC MISC)",
            read_conll(&data.join("conll2003/valid.txt"))?,
            vec![0, 1, 2, 3],
        ),
        (
            "UNER EWT dev (PER ORG LOC)",
            read_uner(&data.join("uner-ewt/en_ewt-ud-dev.iob2"))?,
            vec![0, 1, 2],
        ),
        (
            "UNER EWT test (PER ORG LOC)",
            read_uner(&data.join("uner-ewt/en_ewt-ud-test.iob2"))?,
            vec![0, 1, 2],
        ),
        (
            "GUM news (PER ORG LOC MISC)",
            gum(data, true)?,
            vec![0, 1, 2, 3],
        ),
        ("CoNLL-2003 valid, lowercased", lower, vec![0, 1, 2, 3]),
        ("CoNLL-2003 valid, in capitals", upper, vec![0, 1, 2, 3]),
    ])
}

/// One JSON line per document: `{"set", "types", "sentences": [{"words", "gold": [[start, end, type]]}]}`.
fn export_ner(args: &Args) -> Result<(), String> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (name, docs, types) in eval_sets(&args.data)? {
        for d in &docs {
            let sentences: Vec<serde_json::Value> = d
                .iter()
                .map(|s| {
                    let gold: Vec<(usize, usize, &str)> = lede::ner::spans(&s.tags)
                        .into_iter()
                        .filter(|x| types.contains(&x.2))
                        .map(|(a, b, t)| (a, b, lede::ner::TYPES[t]))
                        .collect();
                    serde_json::json!({"words": s.words, "gold": gold})
                })
                .collect();
            let types: Vec<&str> = types.iter().map(|&t| lede::ner::TYPES[t]).collect();
            let line = serde_json::json!({"set": name, "types": types, "sentences": sentences});
            writeln!(out, "{line}").map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn eval_ner(args: &Args) -> Result<(), String> {
    let owned = read_model(&args.model, Model::from_bytes)?;
    let model = owned.as_ref().unwrap_or_else(|| Model::embedded());
    let sets = eval_sets(&args.data)?;
    // load the lexicons the features read before the clock starts
    lede::analyze("Warm up in Idlib.", &lede::Options::default()).map_err(|e| e.to_string())?;
    for (name, docs, types) in &sets {
        let t = Instant::now();
        let score = evaluate(model, docs, types);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "## {name}\n\n{} tokens, {:.0} tokens/s (features + tagging, one core)\n",
            tokens(docs),
            tokens(docs) as f64 / secs
        );
        println!("{}", score.table(types));
    }
    Ok(())
}

/// The PropBank frame lexicon (`models/frames.tsv`) from the frame files.
fn build_frames(args: &Args) -> Result<(), String> {
    let tsv = lede::roles::frames::build(&args.data.join("propbank-frames/frames"))?;
    let out = args.out_or("models/frames.tsv");
    std::fs::write(&out, &tsv).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} rolesets)", out.display(), tsv.lines().count());
    Ok(())
}

/// The syntax the role labeller trains over (`LEDE_ROLES_SYNTAX`):
/// `jackknife` (the default: each fifth of EWT train tagged and parsed by
/// a tagger, supertagger and parser trained without it, as wrong as the
/// syntax of unseen text), `predicted` (the shipped tagger and parser,
/// which saw these sentences in training) or `gold`.
fn role_syntax(
    data: &Path,
    sents: &[lede::roles::train::Annotated],
    seed: u64,
) -> Result<Vec<lede::roles::train::Syntax>, String> {
    use lede::roles::train::predicted;
    Ok(match std::env::var("LEDE_ROLES_SYNTAX").as_deref() {
        Ok("gold") => sents.iter().map(|a| a.gold()).collect(),
        Ok("predicted") => sents.iter().map(|a| predicted(&a.words)).collect(),
        _ => {
            let parses = cached_jackknifed_parses(data, seed)?;
            sents
                .iter()
                .map(|a| {
                    parses
                        .get(&a.id)
                        .cloned()
                        .unwrap_or_else(|| predicted(&a.words))
                })
                .collect()
        }
    })
}

/// Folds of the role labeller's jackknifed syntax.
const PARSE_FOLDS: usize = 5;

/// EWT train's sentences tagged and parsed by models trained without them
/// (`PARSE_FOLDS` folds; the tags from ten folds as the parser's own
/// training gets them), by sentence id.
fn jackknifed_parses(
    data: &Path,
    seed: u64,
) -> Result<HashMap<String, lede::roles::train::Syntax>, String> {
    use lede::parse::train::{read_trees, train, train_supertags};
    let path = data.join("ud-ewt/en_ewt-ud-train.conllu");
    let trees = read_trees(&path)?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let ids: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# sent_id = "))
        .map(|s| s.trim().to_string())
        .collect();
    if ids.len() != trees.len() {
        return Err(format!(
            "{}: {} sentence ids for {} trees",
            path.display(),
            ids.len(),
            trees.len()
        ));
    }
    let tags = cached_jackknife(data, &trees)?;
    let mut out = HashMap::new();
    for fold in 0..PARSE_FOLDS {
        let rest: Vec<usize> = (0..trees.len())
            .filter(|i| i % PARSE_FOLDS != fold)
            .collect();
        let rest_trees: Vec<_> = rest.iter().map(|&i| trees[i].clone()).collect();
        let rest_tags: Vec<_> = rest.iter().map(|&i| tags[i].clone()).collect();
        let sup = train_supertags(
            &rest_trees,
            &rest_tags,
            2600,
            seed + fold as u64,
            true,
            |_| {},
        )?;
        let supertagger = lede::parse::supertag::Supertagger::whole(&sup.names, &sup.rows)?;
        let (labels, rows) = train(
            &rest_trees,
            &rest_tags,
            &sup.jackknifed,
            10,
            seed + fold as u64,
            |_, _| {},
        );
        let parser = lede::parse::Parser::whole(&labels, &rows)?;
        for i in (fold..trees.len()).step_by(PARSE_FOLDS) {
            let (heads, rels) = parser.parse_with(&trees[i].words, &tags[i], &supertagger);
            out.insert(
                ids[i].clone(),
                lede::roles::train::Syntax {
                    tags: tags[i]
                        .iter()
                        .map(|t| t.split('+').next().unwrap_or(t).to_string())
                        .collect(),
                    heads,
                    rels: rels.into_iter().map(str::to_string).collect(),
                },
            );
        }
        eprintln!(
            "role syntax: jackknife fold {}/{PARSE_FOLDS} parsed",
            fold + 1
        );
    }
    Ok(out)
}

/// The jackknifed parses, read from `LEDE_ROLES_JACKKNIFE_CACHE` when that
/// file exists and written to it otherwise (delete it when the tagger or
/// parser changes).
fn cached_jackknifed_parses(
    data: &Path,
    seed: u64,
) -> Result<HashMap<String, lede::roles::train::Syntax>, String> {
    let Ok(cache) = std::env::var("LEDE_ROLES_JACKKNIFE_CACHE") else {
        return jackknifed_parses(data, seed);
    };
    if let Ok(text) = std::fs::read_to_string(&cache) {
        let mut out = HashMap::new();
        for line in text.lines() {
            let c: Vec<&str> = line.split('\t').collect();
            let [id, tags, heads, rels] = c[..] else {
                return Err(format!("{cache}: bad line; delete the file"));
            };
            out.insert(
                id.to_string(),
                lede::roles::train::Syntax {
                    tags: tags.split(' ').map(str::to_string).collect(),
                    heads: heads.split(' ').map(|h| h.parse().ok()).collect(),
                    rels: rels.split(' ').map(str::to_string).collect(),
                },
            );
        }
        eprintln!("jackknifed parses read from {cache}");
        return Ok(out);
    }
    let parses = jackknifed_parses(data, seed)?;
    let mut ids: Vec<&String> = parses.keys().collect();
    ids.sort();
    let mut text = String::new();
    for id in ids {
        let s = &parses[id];
        let heads: Vec<String> = s
            .heads
            .iter()
            .map(|h| h.map_or("-".to_string(), |h| h.to_string()))
            .collect();
        text.push_str(&format!(
            "{id}\t{}\t{}\t{}\n",
            s.tags.join(" "),
            heads.join(" "),
            s.rels.join(" ")
        ));
    }
    std::fs::write(&cache, text).map_err(|e| format!("{cache}: {e}"))?;
    Ok(parses)
}

fn train_roles(args: &Args) -> Result<(), String> {
    use lede::roles::train::{evaluate, predicted, read_split, train, Settings, TrainSet};
    let frames = lede::roles::frames::Frames::parse(&lede::roles::frames::build(
        &args.data.join("propbank-frames/frames"),
    )?);
    let train_set = read_split(&args.data, "train")?;
    let dev = read_split(&args.data, "dev")?;
    eprintln!(
        "training the role labeller on PropBank EWT train: {} sentences, {} predicates",
        train_set.len(),
        train_set.iter().map(|a| a.predicates.len()).sum::<usize>()
    );
    let mut syntax = role_syntax(&args.data, &train_set, 3)?;
    let mut train_set = train_set;
    if std::env::var("LEDE_ROLES_BOTH").is_ok() {
        let gold: Vec<_> = train_set.iter().map(|a| a.gold()).collect();
        syntax.extend(gold);
        train_set.extend(train_set.clone());
    }
    let dev_syntax: Vec<_> = dev.iter().map(|a| predicted(&a.words)).collect();
    let prune = |var: &str, default: i16| {
        std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let settings = Settings {
        epochs: args.epochs,
        seed: args.seed,
        // weights below these (of 32767) are dropped, and argument
        // features seen fewer than 15 times: 0.59 MB gzipped for the three
        // models (docs/accuracy.md has the size against accuracy)
        prune: [
            prune("LEDE_ROLES_PRUNE_PRED", 3000),
            prune("LEDE_ROLES_PRUNE_SENSE", 3000),
            prune("LEDE_ROLES_PRUNE", 1000),
        ],
        min_label: 2,
        min_count: std::env::var("LEDE_ROLES_MIN_COUNT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(15),
        min_sense_count: std::env::var("LEDE_ROLES_MIN_SENSE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
    };
    let set = TrainSet {
        sentences: &train_set,
        syntax: &syntax,
    };
    let trained = train(&set, &frames, &settings, |epoch, labeller| {
        let (s, _) = evaluate(labeller, &frames, &dev, &dev_syntax);
        let (_, _, pf) =
            lede::roles::train::prf(s.right_predicates, s.found_predicates, s.gold_predicates);
        let (_, _, sf) = lede::roles::train::prf(s.span_right, s.found_args, s.gold_args);
        let (_, _, hf) = lede::roles::train::prf(s.head_right, s.found_args, s.gold_args);
        eprintln!(
            "epoch {epoch:>2}: EWT dev predicates F1 {pf:.4}, rolesets {:.4}, arguments F1 by span {sf:.4}, by head {hf:.4}",
            s.right_rolesets as f64 / s.right_predicates.max(1) as f64
        );
    });
    if std::env::var("LEDE_ROLES_STATS").is_ok() {
        for (name, rows) in ["predicates", "senses", "arguments"]
            .iter()
            .zip(&trained.rows)
        {
            let mut maxes: Vec<i32> = rows
                .iter()
                .map(|(_, r)| {
                    r.iter()
                        .map(|&(_, w)| i32::from(w).abs())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            maxes.sort_unstable();
            let q = |f: f64| {
                maxes
                    .get(((maxes.len() as f64 - 1.0) * f) as usize)
                    .copied()
                    .unwrap_or(0)
            };
            let cells: usize = rows.iter().map(|(_, r)| r.len()).sum();
            let mut section = Vec::new();
            lede::roles::write_rows(&mut section, rows);
            let path = format!("/tmp/lede-roles-{name}.bin");
            std::fs::write(&path, &section).map_err(|e| e.to_string())?;
            eprintln!(
                "{name}: {} bytes in {path}; {} rows, {cells} cells; row max |w| quantiles 10% {} 50% {} 90% {} 99% {} 99.9% {} max {}",
                section.len(), rows.len(), q(0.1), q(0.5), q(0.9), q(0.99), q(0.999), q(1.0)
            );
        }
    }
    let out = args.out_or("models/roles.bin");
    let bytes = lede::roles::Labeller::to_bytes(
        &trained.labels,
        &trained.extra,
        [&trained.rows[0], &trained.rows[1], &trained.rows[2]],
    );
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes; {} / {} / {} features)",
        out.display(),
        bytes.len(),
        trained.rows[0].len(),
        trained.rows[1].len(),
        trained.rows[2].len()
    );
    Ok(())
}

fn eval_roles(args: &Args) -> Result<(), String> {
    use lede::roles::train::{evaluate, evaluate_raw, predicted, read_split};
    let frames = lede::roles::frames::Frames::embedded();
    let owned = match &args.model {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Some(lede::roles::Labeller::from_bytes(&bytes, frames)?)
        }
        None => None,
    };
    let labeller = owned
        .as_ref()
        .unwrap_or_else(|| lede::roles::Labeller::embedded());
    let dev = read_split(&args.data, "dev")?;
    // load the models before the clock starts
    lede::analyze(
        "Warm up in Idlib.",
        &lede::Options {
            frames: true,
            ..Default::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let t = Instant::now();
    let syntax: Vec<_> = dev.iter().map(|a| predicted(&a.words)).collect();
    let parse_secs = t.elapsed().as_secs_f64();
    let (scores, secs) = evaluate(labeller, frames, &dev, &syntax);
    println!(
        "{}\n(tag + parse: {:.0} words/s; tag + parse + roles: {:.0} words/s)\n",
        scores.table(
            "PropBank EWT dev, gold tokens, lede's tags and parse",
            secs,
            20
        ),
        scores.words as f64 / parse_secs,
        scores.words as f64 / (parse_secs + secs)
    );
    let gold_syntax: Vec<_> = dev.iter().map(|a| a.gold()).collect();
    let (scores, secs) = evaluate(labeller, frames, &dev, &gold_syntax);
    println!(
        "{}",
        scores.table("PropBank EWT dev, gold tokens, gold tags and tree", secs, 0)
    );
    if args.model.is_none() {
        let (scores, secs) = evaluate_raw(&dev, 20)?;
        println!(
            "{}",
            scores.table("PropBank EWT dev, raw text (whole analyze)", secs, 0)
        );
    }
    Ok(())
}

/// Events on WikiEvents dev: recall of annotated events with the right
/// type, and argument F1 within the matched ones.
fn eval_events(args: &Args) -> Result<(), String> {
    use lede::events::eval::{read, score, Score};
    let docs = read(&args.data.join("wikievents/dev.jsonl"))?;
    let verbose = std::env::var("VERBOSE").is_ok();
    // LIST=N: print every event lede gives in the first N documents
    let list: Option<usize> = std::env::var("LIST").ok().and_then(|n| n.parse().ok());
    let mut all = Score::default();
    let mut tokens = 0;
    let mut secs = 0.0;
    for d in &docs {
        let t = Instant::now();
        let a = lede::analyze(&d.text, &lede::Options::default()).map_err(|e| e.to_string())?;
        secs += t.elapsed().as_secs_f64();
        tokens += d.text.split_whitespace().count();
        let s = score(d, &a);
        if list.is_some_and(|n| docs.iter().position(|x| x.id == d.id).unwrap() < n) {
            // every lede event of the first N documents, for judging by hand
            for (i, e) in a.events.iter().enumerate() {
                let args: Vec<String> = e
                    .arguments
                    .iter()
                    .map(|x| format!("{}={}", x.role, x.text))
                    .collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    d.id,
                    i,
                    e.start,
                    e.text,
                    e.kind,
                    args.join("; "),
                    e.status,
                    a.sentences[e.sentence].text.replace('\n', " ")
                );
            }
        }
        if verbose {
            println!(
                "{:28} gold {:3} found {:3} lede events {:3}",
                d.id, s.gold, s.found, s.predicted
            );
        }
        all.add(&s);
    }
    if std::env::var("ERRORS").is_ok() {
        for m in &all.missed {
            println!("missed {m}");
        }
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for e in &all.arg_errors {
            *counts.entry(e.as_str()).or_default() += 1;
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        for (e, n) in counts {
            println!("argument {n:4} {e}");
        }
    }
    let (p, r, f) = all.arg_prf();
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "WikiEvents dev: {} documents, {} annotated events, {} lede events",
        docs.len(),
        all.gold,
        all.predicted
    );
    println!(
        "events found with the right type (two levels): {:.1}% ({} of {})",
        pct(all.found, all.gold),
        all.found,
        all.gold
    );
    println!(
        "  reports among them (said, reported: lede's sources, not events): {} ({} given as a source or quote cue)",
        all.reports, all.reports_found
    );
    println!(
        "  found, counting a report as found when lede gives it as a source or quote cue: {:.1}%",
        pct(all.found + all.reports_found, all.gold)
    );
    println!(
        "  found among the events that are not reports: {:.1}%",
        pct(all.found - all.reports_as_events, all.gold - all.reports)
    );
    println!(
        "arguments within matched events (lede's on the gold trigger's sentence): P {p:.3} R {r:.3} F1 {f:.3} ({} gold, {} lede)",
        all.arg_gold, all.arg_pred
    );
    let (p, r, f) = all.arg_prf_all();
    println!(
        "  counting all the matched event's arguments, from every sentence it was merged from: P {p:.3} R {r:.3} F1 {f:.3} ({} lede)",
        all.arg_pred_all
    );
    println!("{tokens} words in {secs:.2} s");
    eval_event_times(args, verbose)
}

/// Event times against the TLINKs of TimeBank and AQUAINT (each document
/// analyzed with its creation time as the date).
fn eval_event_times(args: &Args, verbose: bool) -> Result<(), String> {
    use lede::events::eval::{score_times, TimeScore};
    let mut all = TimeScore::default();
    let mut docs = lede::time::eval::read_dir(&args.data.join("timebank/TimeBank"))?;
    docs.extend(lede::time::eval::read_dir(
        &args.data.join("timebank/AQUAINT"),
    )?);
    for d in &docs {
        let options = lede::Options {
            date: Some(d.dct.clone()),
            ..lede::Options::default()
        };
        let a = lede::analyze(&d.text, &options).map_err(|e| e.to_string())?;
        all.add(score_times(d, &a));
    }
    if verbose {
        for e in &all.errors {
            println!("time {e}");
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "\nevent times on TimeBank + AQUAINT ({} documents): {} lede events on a gold event that a TLINK ties to a time of the text",
        docs.len(),
        all.anchored
    );
    println!(
        "  dated by lede: {} ({:.1}%); with a gold time: {} (precision {:.1}%, recall {:.1}%)",
        all.dated,
        pct(all.dated, all.anchored),
        all.right,
        pct(all.right, all.dated),
        pct(all.right, all.anchored)
    );
    println!(
        "  stated in the event's clause: {}, with a gold time: {} ({:.1}%); taken from the sentence: {}, with a gold time: {} ({:.1}%)",
        all.stated,
        all.stated_right,
        pct(all.stated_right, all.stated),
        all.dated - all.stated,
        all.right - all.stated_right,
        pct(all.right - all.stated_right, all.dated - all.stated)
    );
    Ok(())
}

/// Named-mention linking on GUM: pairwise precision / recall / F1 of lede's
/// actors against GUM's coreference, all documents and the news ones.
fn eval_actors(args: &Args) -> Result<(), String> {
    use lede::actors::eval::{read_gum, score, Score};
    let mut paths = gum_paths(&args.data, true)?;
    paths.extend(gum_paths(&args.data, false)?);
    paths.sort();
    let verbose = std::env::var("VERBOSE").is_ok();
    let (mut all, mut news) = (Score::default(), Score::default());
    let mut genres: Vec<(String, Score)> = Vec::new();
    let mut words = 0;
    let mut secs = 0.0;
    for p in &paths {
        let doc = read_gum(p)?;
        let t = std::time::Instant::now();
        let a = lede::analyze(&doc.text, &lede::Options::default()).map_err(|e| e.to_string())?;
        secs += t.elapsed().as_secs_f64();
        words += doc.text.split_whitespace().count();
        let s = score(&doc, &a);
        if verbose {
            let (p, r, f) = s.prf();
            println!(
                "{:40} named {:4} found {:4} P {p:.3} R {r:.3} F1 {f:.3}",
                doc.name, s.named, s.found
            );
        }
        all.add(&s);
        let genre = doc.name.split('_').nth(1).unwrap_or("").to_string();
        if genre == "news" {
            news.add(&s);
        }
        match genres.iter_mut().find(|g| g.0 == genre) {
            Some(g) => g.1.add(&s),
            None => genres.push((genre, s)),
        }
    }
    println!("GUM named-mention links: pairwise precision / recall / F1 (two mentions linked when they share an actor)");
    println!(
        "{:12} {:>5} {:>6} {:>6}  {:>20}  {:>20}",
        "documents", "docs", "named", "found", "lede P / R / F1", "exact string P / R / F1"
    );
    let row = |name: &str, n: usize, s: &Score| {
        let (p, r, f) = s.prf();
        let (ep, er, ef) = s.exact_prf();
        println!(
            "{name:12} {n:>5} {:>6} {:>5.1}%  {p:.3} / {r:.3} / {f:.3}   {ep:.3} / {er:.3} / {ef:.3}",
            s.named,
            100.0 * s.found as f64 / s.named.max(1) as f64
        );
    };
    row("all", paths.len(), &all);
    for (g, s) in &genres {
        let n = paths
            .iter()
            .filter(|p| p.to_string_lossy().contains(&format!("GUM_{g}_")))
            .count();
        row(g, n, s);
    }
    let _ = news;
    println!("analyze: {:.0} words/s", words as f64 / secs.max(1e-9));
    Ok(())
}

/// PETRARCH2's unit records: CAMEO root-code and triple accuracy, the
/// sides coded with the records' own (fictional) actor and agent
/// dictionaries.
fn eval_petrarch(args: &Args) -> Result<(), String> {
    use lede::events::petrarch::{codings, read_records, score, Dictionaries, Score};
    let dir = args.data.join("petrarch");
    let records = read_records(&dir.join("PETR.UnitTest.records.xml"))?;
    let dict = Dictionaries::read(&dir)?;
    // the records' own verb dictionary, compiled as models/cameo.tsv is
    let tmp = std::env::temp_dir().join(format!("lede-petrarch-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let status = std::process::Command::new("python3")
        .args(["tools/build_events.py", "--only-cameo", "--cameo"])
        .arg(dir.join("PETR.Validate.verbs.txt"))
        .arg("--out")
        .arg(&tmp)
        .status()
        .map_err(|e| format!("python3 tools/build_events.py: {e}"))?;
    if !status.success() {
        return Err("tools/build_events.py --only-cameo failed".into());
    }
    let tsv = std::fs::read_to_string(tmp.join("cameo.tsv")).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&tmp);
    let verbs: &'static _ = Box::leak(Box::new(lede::events::lexicon::CameoLexicon::parse(
        Box::leak(tsv.into_boxed_str()),
    )));
    let verbose = std::env::var("VERBOSE").is_ok();
    let mut all = Score::default();
    for r in &records {
        let options = lede::Options {
            date: Some(r.date.clone()),
            tokens: true,
            ..Default::default()
        };
        let a = lede::analyze_with_verbs(&r.text, &options, verbs)
            .map_err(|e| format!("{}: {e}", r.id))?;
        let lede = codings(&a, &dict, verbs);
        let s = score(&r.codings, &lede);
        if verbose {
            println!(
                "{}\tgold {:?}\tlede {:?}\t{}",
                r.id, r.codings, lede, r.text
            );
        }
        all.codings += s.codings;
        all.root += s.root;
        all.code += s.code;
        all.triple += s.triple;
        all.lede += s.lede;
    }
    let pct = |a: usize| 100.0 * a as f64 / all.codings.max(1) as f64;
    println!(
        "PETRARCH2 unit records: {} sentences, {} codings, {} lede codings",
        records.len(),
        all.codings,
        all.lede
    );
    println!(
        "CAMEO root code right: {:.1}% ({})",
        pct(all.root),
        all.root
    );
    println!(
        "full event code right: {:.1}% ({})",
        pct(all.code),
        all.code
    );
    println!(
        "(source, target, code) right: {:.1}% ({})",
        pct(all.triple),
        all.triple
    );
    Ok(())
}
