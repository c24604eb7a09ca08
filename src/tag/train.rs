//! Training and evaluation of the POS tagger (cargo feature `train`).

use std::collections::HashMap;
use std::path::Path;

use super::{Sentence, Tagger};

/// A sentence of a treebank: words and their `UPOS|XPOS` labels.
#[derive(Clone)]
pub struct Tagged {
    pub words: Vec<String>,
    pub labels: Vec<String>,
    pub lemmas: Vec<String>,
}

/// The token rows (all ten columns) of each sentence of a CoNLL-U file;
/// multi-word token lines and empty nodes are skipped.
pub fn conllu_rows(path: &Path) -> Result<Vec<Vec<Vec<String>>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !rows.is_empty() {
                out.push(std::mem::take(&mut rows));
            }
        } else if !line.starts_with('#') {
            let c: Vec<String> = line.split('\t').map(str::to_string).collect();
            if c.len() == 10 && !c[0].contains(['-', '.']) {
                rows.push(c);
            }
        }
    }
    Ok(out)
}

/// The sentences of a CoNLL-U file with their `UPOS|XPOS` labels and lemmas.
pub fn read_conllu(path: &Path) -> Result<Vec<Tagged>, String> {
    Ok(conllu_rows(path)?
        .into_iter()
        .map(|rows| Tagged {
            words: rows.iter().map(|c| c[1].clone()).collect(),
            labels: rows.iter().map(|c| format!("{}|{}", c[3], c[4])).collect(),
            lemmas: rows.iter().map(|c| c[2].clone()).collect(),
        })
        .collect())
}

/// Class names and quantized sparse rows: what [`Tagger::to_bytes`] writes.
pub type Trained = (Vec<String>, Vec<(u32, Vec<(u8, i16)>)>);

/// Train; returns class names and quantized sparse rows (weights below
/// `prune` dropped). `report` sees the tagger after each epoch.
pub fn train(
    sents: &[Tagged],
    epochs: usize,
    seed: u64,
    prune: i16,
    mut report: impl FnMut(usize, &Tagger),
) -> Trained {
    let mut classes: Vec<String> = sents
        .iter()
        .flat_map(|s| s.labels.iter().cloned())
        .collect();
    classes.sort();
    classes.dedup();
    assert!(classes.len() < 256, "at most 255 classes");
    let index: HashMap<&str, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let gold: Vec<Vec<usize>> = sents
        .iter()
        .map(|s| s.labels.iter().map(|l| index[l.as_str()]).collect())
        .collect();
    let feats: Vec<Sentence> = sents.iter().map(|s| Sentence::new(&s.words)).collect();
    let finite = super::finite_classes(&classes);
    let rows = train_greedy(
        &gold,
        classes.len(),
        epochs,
        seed,
        prune,
        |s, i, prev, out| feats[s].features(i, prev, &finite, out),
        |epoch, rows| {
            let tagger = Tagger::from_bytes(&Tagger::to_bytes(&classes, rows))
                .expect("a model just written reads back");
            report(epoch, &tagger);
        },
    );
    (classes, rows)
}

/// Train a greedy left-to-right sequence labeller (an averaged perceptron
/// whose features may see the classes it chose before): `gold` class ids
/// per sentence, `features(sentence, i, previous classes, out)`; `report`
/// sees the pruned rows after each epoch. Returns the last epoch's rows.
pub fn train_greedy(
    gold: &[Vec<usize>],
    n_classes: usize,
    epochs: usize,
    seed: u64,
    prune: i16,
    features: impl Fn(usize, usize, &[usize], &mut Vec<u64>),
    mut report: impl FnMut(usize, &[(u32, Vec<(u8, i16)>)]),
) -> Vec<(u32, Vec<(u8, i16)>)> {
    let mut p = crate::perceptron::Sparse::default();
    let mut order: Vec<usize> = (0..gold.len()).collect();
    let mut rng = seed;
    let mut out = Vec::new();
    let mut buf = Vec::with_capacity(48);
    let mut scores = vec![0f32; n_classes];
    for epoch in 1..=epochs {
        crate::perceptron::shuffle(&mut order, &mut rng);
        for &s in &order {
            let mut tags = Vec::with_capacity(gold[s].len());
            for (i, &g) in gold[s].iter().enumerate() {
                buf.clear();
                features(s, i, &tags, &mut buf);
                p.scores(&buf, &mut scores);
                let pred = (0..scores.len())
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                    .unwrap_or(0);
                if pred != g {
                    p.update(&buf, g, pred);
                }
                // the labeller's own choice feeds the next token's features
                tags.push(pred);
                p.step += 1;
            }
        }
        out = p.quantize(prune);
        report(epoch, &out);
    }
    out
}

/// UPOS and XPOS accuracy of a tagger on gold-tokenized sentences.
pub fn accuracy(tagger: &Tagger, sents: &[Tagged]) -> (f64, f64, usize) {
    let (mut upos, mut xpos, mut n) = (0usize, 0usize, 0usize);
    for s in sents {
        for (c, label) in tagger.tag(&s.words).into_iter().zip(&s.labels) {
            let (u, x) = tagger.names(c);
            let (gu, gx) = label.split_once('|').unwrap_or((label, label));
            upos += (u == gu) as usize;
            xpos += (x == gx) as usize;
            n += 1;
        }
    }
    (
        upos as f64 / n.max(1) as f64,
        xpos as f64 / n.max(1) as f64,
        n,
    )
}

/// Quantized weights below this are dropped (`LEDE_POS_PRUNE`, default 960 of
/// 32767: 0.53 MB gzipped; at 768 the tagger was twice the size for the same
/// EWT dev accuracy).
pub fn prune_min() -> i16 {
    std::env::var("LEDE_POS_PRUNE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(960)
}

/// Learn the lemmatizer's suffix rules and exceptions (`models/lemma.tsv`).
pub fn learn_lemmas(sents: &[Tagged]) -> String {
    use super::lemma::{edit, Lemmatizer};
    // (lower form, upos) → lemma counts
    let mut types: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    for s in sents {
        for ((w, label), lemma) in s.words.iter().zip(&s.labels).zip(&s.lemmas) {
            let upos = label.split('|').next().unwrap_or("X").to_string();
            if lemma == "_" || w.contains('\t') {
                continue;
            }
            *types
                .entry((w.to_lowercase(), upos))
                .or_default()
                .entry(lemma.clone())
                .or_insert(0) += 1;
        }
    }
    let best = |m: &HashMap<String, usize>| -> String {
        m.iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(l, _)| l.clone())
            .unwrap_or_default()
    };
    // suffix rules from word types (not tokens), so frequent irregulars do not dominate
    let mut rules: HashMap<(String, String), HashMap<(usize, String), usize>> = HashMap::new();
    for ((form, upos), lemmas) in &types {
        let script = edit(form, &best(lemmas).to_lowercase());
        let chars: Vec<char> = form.chars().collect();
        for k in 1..=5.min(chars.len()) {
            let suffix: String = chars[chars.len() - k..].iter().collect();
            *rules
                .entry((upos.clone(), suffix))
                .or_default()
                .entry(script.clone())
                .or_insert(0) += 1;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for ((upos, suffix), scripts) in &rules {
        let total: usize = scripts.values().sum();
        let ((strip, append), n) = scripts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, n)| (s.clone(), *n))
            .unwrap_or(((0, String::new()), 0));
        if total >= 3 && n * 10 >= total * 7 {
            lines.push(format!("R\t{upos}\t{suffix}\t{strip}\t{append}"));
        }
    }
    lines.sort();
    let with_rules = Lemmatizer::parse(&lines.join("\n"));
    let mut exceptions = Vec::new();
    let written = surfaces(sents);
    for ((form, upos), lemmas) in &types {
        let want = best(lemmas);
        // as the word is most often written in the training text
        let surface = written.get(&(form.clone(), upos.clone())).unwrap_or(form);
        let got = with_rules.lemma(surface, upos);
        if got != want {
            exceptions.push(format!("E\t{form}\t{upos}\t{want}"));
        }
    }
    // irregular verbs the corpora do not show as verbs ("risen", "slain",
    // "upheld"): English grammar, not corpus text
    for line in IRREGULAR_VERBS.lines() {
        let mut words = line.split_whitespace();
        let Some(base) = words.next() else { continue };
        for form in words {
            if types.contains_key(&(form.to_string(), "VERB".to_string())) {
                continue;
            }
            if with_rules.lemma(form, "VERB") != base {
                exceptions.push(format!("E\t{form}\tVERB\t{base}"));
            }
        }
    }
    exceptions.sort();
    exceptions.dedup();
    let mut out = String::from("# lede lemmatizer: E form upos lemma (exceptions), R upos suffix strip append (rules).\n# Generated by `lede-train lemma` from UD EWT train and GUM (not news), and a table of English irregular verbs.\n");
    for l in exceptions.iter().chain(lines.iter()) {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// English irregular verbs: the base form, then its irregular past and
/// past participle forms (one when both are the same). Forms that are as often another verb's or a noun's are left
/// out ("wound", "lay", "ground", "saw", "bore", "fell", "left", "found",
/// "lit").
const IRREGULAR_VERBS: &str = "\
arise arose arisen
awake awoke awoken
bear borne
beat beaten
become became
begin began begun
bend bent
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
buy bought
catch caught
choose chose chosen
cling clung
creep crept
deal dealt
dig dug
do did done
draw drew drawn
drink drank drunk
drive drove driven
eat ate eaten
fall fallen
feed fed
feel felt
fight fought
flee fled
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung
hear heard
hide hid hidden
hold held
keep kept
kneel knelt
know knew known
lead led
lend lent
lose lost
make made
mean meant
meet met
overcome overcame
overtake overtook overtaken
overthrow overthrew overthrown
pay paid
prove proven
ride rode ridden
ring rang rung
rise rose risen
run ran
say said
see seen
seek sought
sell sold
send sent
shake shook shaken
shine shone
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
slay slew slain
sleep slept
slide slid
speak spoke spoken
spend spent
spin spun
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
strike struck stricken
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
tread trod trodden
undergo underwent undergone
understand understood
undertake undertook undertaken
uphold upheld
wake woke woken
wear wore worn
weave wove woven
weep wept
win won
withdraw withdrew withdrawn
withhold withheld
withstand withstood
write wrote written
";

/// For each (lowercased form, UPOS): the way the word is most often written.
fn surfaces(sents: &[Tagged]) -> HashMap<(String, String), String> {
    let mut counts: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    for s in sents {
        for (w, label) in s.words.iter().zip(&s.labels) {
            let u = label.split('|').next().unwrap_or("X").to_string();
            *counts
                .entry((w.to_lowercase(), u))
                .or_default()
                .entry(w.clone())
                .or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .map(|(k, m)| {
            let best = m
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|x| x.0)
                .unwrap_or_default();
            (k, best)
        })
        .collect()
}

/// Lemma accuracy with gold UPOS and with the tagger's UPOS.
pub fn lemma_accuracy(tagger: &Tagger, sents: &[Tagged]) -> (f64, f64, usize) {
    let lem = super::lemma::Lemmatizer::embedded();
    let (mut gold_ok, mut pred_ok, mut n) = (0usize, 0usize, 0usize);
    for s in sents {
        let pred = tagger.tag(&s.words);
        for ((w, label), (lemma, c)) in s.words.iter().zip(&s.labels).zip(s.lemmas.iter().zip(pred))
        {
            let upos = label.split('|').next().unwrap_or("X");
            gold_ok += (lem.lemma(w, upos) == *lemma) as usize;
            pred_ok += (lem.lemma(w, tagger.names(c).0) == *lemma) as usize;
            n += 1;
        }
    }
    (
        gold_ok as f64 / n.max(1) as f64,
        pred_ok as f64 / n.max(1) as f64,
        n,
    )
}
