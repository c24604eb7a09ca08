//! Part-of-speech tags in the token output (`options.tokens`).

use lede::{analyze, Analysis, Options};

fn with_tokens(text: &str) -> Analysis {
    let opts = Options {
        tokens: true,
        ..Default::default()
    };
    analyze(text, &opts).unwrap()
}

/// The seed article's text and its analysis with tokens.
fn seed_article() -> (String, Analysis) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/idlib-2020.txt"
    ))
    .expect("../shared/examples/idlib-2020.txt");
    let a = with_tokens(&text);
    (text, a)
}

#[test]
fn tokens_carry_upos_and_xpos() {
    let a = with_tokens("Three Turkish soldiers were killed by Syrian regime forces in Idlib.");
    let tags: Vec<(&str, &str, &str)> = a
        .tokens
        .as_ref()
        .unwrap()
        .iter()
        .map(|t| (t.text.as_str(), t.upos.as_str(), t.xpos.as_str()))
        .collect();
    for want in [
        ("Three", "NUM", "CD"),
        ("soldiers", "NOUN", "NNS"),
        ("were", "AUX", "VBD"),
        ("killed", "VERB", "VBN"),
        ("by", "ADP", "IN"),
        ("Idlib", "PROPN", "NNP"),
        (".", "PUNCT", "."),
    ] {
        assert!(tags.contains(&want), "{want:?} not in {tags:?}");
    }
}

#[test]
fn tokens_carry_lemmas() {
    let a =
        with_tokens("Syrian forces were recapturing towns; Turkish soldiers killed two fighters.");
    let lemmas: Vec<(&str, &str)> = a
        .tokens
        .as_ref()
        .unwrap()
        .iter()
        .map(|t| (t.text.as_str(), t.lemma.as_str()))
        .collect();
    for want in [
        ("forces", "force"),
        ("were", "be"),
        ("recapturing", "recapture"),
        ("towns", "town"),
        ("soldiers", "soldier"),
        ("killed", "kill"),
        ("Syrian", "Syrian"),
    ] {
        assert!(lemmas.contains(&want), "{want:?} not in {lemmas:?}");
    }
}

#[test]
fn tokens_carry_the_passive_structure() {
    let a = with_tokens("Three Turkish soldiers were killed by Syrian regime forces in Idlib.");
    let t = a.tokens.as_ref().unwrap();
    let arc = |dep: &str| {
        let d = t.iter().find(|x| x.text == dep).unwrap();
        let head = if d.head < 0 {
            "ROOT"
        } else {
            t[d.head as usize].text.as_str()
        };
        (head, d.deprel)
    };
    assert_eq!(arc("killed"), ("ROOT", "root"));
    assert_eq!(arc("soldiers"), ("killed", "nsubj:pass"));
    assert_eq!(arc("were"), ("killed", "aux:pass"));
    assert_eq!(arc("forces"), ("killed", "obl:agent"));
    assert_eq!(arc("by"), ("forces", "case"));
    assert_eq!(arc("Turkish"), ("soldiers", "amod"));
    // heads stay inside their sentence
    let b = with_tokens("He left. She stayed.");
    let toks = b.tokens.unwrap();
    assert_eq!(toks[0].head, 1);
    assert_eq!(toks[3].head, 4);
}

/// Every sentence of the seed article is one projective tree: one root,
/// labelled `root`, heads inside the sentence, no cycles, no crossing
/// arcs, no word under a punctuation mark.
#[test]
fn seed_article_sentences_are_projective_trees() {
    let (_, a) = seed_article();
    let t = a.tokens.as_ref().unwrap();
    let mut checked = 0;
    for s in &a.sentences {
        let ids: Vec<usize> = (0..t.len())
            .filter(|&i| t[i].start >= s.start && t[i].end <= s.end)
            .collect();
        let inside = |h: i64| ids.contains(&(h as usize));
        let roots: Vec<usize> = ids.iter().copied().filter(|&i| t[i].head < 0).collect();
        assert_eq!(roots.len(), 1, "one root in the sentence at {}", s.start);
        for &i in &ids {
            assert_eq!(t[i].head < 0, t[i].deprel == "root", "{}", t[i].text);
            if t[i].head >= 0 {
                assert!(inside(t[i].head), "{} has its head outside", t[i].text);
                let head = &t[t[i].head as usize];
                assert_ne!(head.deprel, "punct", "{} is under a mark", t[i].text);
                // no cycle: the root is reached within the sentence's length
                let mut x = i;
                for _ in 0..ids.len() {
                    if t[x].head < 0 {
                        break;
                    }
                    x = t[x].head as usize;
                }
                assert!(t[x].head < 0, "{} is on a cycle", t[i].text);
                // projective: every word between a word and its head is
                // under that head
                let (h, lo, hi) = (
                    t[i].head as usize,
                    i.min(t[i].head as usize),
                    i.max(t[i].head as usize),
                );
                for k in lo + 1..hi {
                    let mut y = k;
                    while y != h && t[y].head >= 0 {
                        y = t[y].head as usize;
                    }
                    assert_eq!(y, h, "{} -> {} crosses {}", t[i].text, t[h].text, t[k].text);
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 10);
}

/// The seed article: who-did-what arcs a linguist would draw, each located
/// by the sentence fragment it occurs in (dependent, relation, head).
#[test]
fn seed_article_arcs() {
    let (text, a) = seed_article();
    let t = a.tokens.as_ref().unwrap();
    // (fragment, dependent, relation, head): both words are looked up inside
    // the first occurrence of the fragment in the text.
    let arcs = [
        (
            "Three Turkish soldiers were killed by Syrian regime forces in the northwest province",
            "soldiers",
            "nsubj:pass",
            "killed",
        ),
        (
            "Three Turkish soldiers were killed by Syrian regime forces in the northwest province",
            "were",
            "aux:pass",
            "killed",
        ),
        (
            "Three Turkish soldiers were killed by Syrian regime forces in the northwest province",
            "forces",
            "obl:agent",
            "killed",
        ),
        (
            "Three Turkish soldiers were killed by Syrian regime forces in the northwest province",
            "province",
            "obl",
            "killed",
        ),
        (
            "whether the figure includes two deaths",
            "deaths",
            "obj",
            "includes",
        ),
        (
            "The Syrian Arab Army (SAA) and its allied groups launched",
            "Army",
            "nsubj",
            "launched",
        ),
        (
            "The Syrian Arab Army (SAA) and its allied groups launched",
            "SAA",
            "appos",
            "Army",
        ),
        (
            "The Syrian Arab Army (SAA) and its allied groups launched",
            "groups",
            "conj",
            "Army",
        ),
        (
            "villages controlled by rebels",
            "rebels",
            "obl:agent",
            "controlled",
        ),
        (
            "Turkey and its allied Syrian groups have launched counter attacks",
            "Turkey",
            "nsubj",
            "launched",
        ),
        (
            "Turkey and its allied Syrian groups have launched counter attacks",
            "attacks",
            "obj",
            "launched",
        ),
        (
            "posts encircled by the SAA",
            "SAA",
            "obl:agent",
            "encircled",
        ),
        (
            "Ankara has also deployed thousands",
            "Ankara",
            "nsubj",
            "deployed",
        ),
        (
            "Ankara has also deployed thousands",
            "thousands",
            "obj",
            "deployed",
        ),
        (
            "five Turkish soldiers and a civilian contractor were killed",
            "soldiers",
            "nsubj:pass",
            "killed",
        ),
        (
            "Turkish forces and their Syrian proxies retook the key town of Saraqib on Thursday",
            "forces",
            "nsubj",
            "retook",
        ),
        (
            "Turkish forces and their Syrian proxies retook the key town of Saraqib on Thursday",
            "town",
            "obj",
            "retook",
        ),
        (
            "Turkish forces and their Syrian proxies retook the key town of Saraqib on Thursday",
            "Thursday",
            "obl",
            "retook",
        ),
        (
            "The two powers signed a de-confliction deal on Idlib in September 2018",
            "powers",
            "nsubj",
            "signed",
        ),
        (
            "The two powers signed a de-confliction deal on Idlib in September 2018",
            "deal",
            "obj",
            "signed",
        ),
        (
            "A senior Russian delegation arrived in Ankara on Wednesday",
            "delegation",
            "nsubj",
            "arrived",
        ),
        (
            "A senior Russian delegation arrived in Ankara on Wednesday",
            "Ankara",
            "obl",
            "arrived",
        ),
        (
            "A senior Russian delegation arrived in Ankara on Wednesday",
            "Wednesday",
            "obl",
            "arrived",
        ),
    ];
    let mut wrong = Vec::new();
    for (fragment, dep, rel, head) in arcs {
        let from = text.find(fragment).expect(fragment);
        let span = from..from + fragment.len();
        let find = |word: &str| {
            t.iter()
                .position(|x| x.text == word && span.contains(&byte_of(&text, x.start)))
                .unwrap_or_else(|| panic!("{word} in {fragment:?}"))
        };
        let (d, h) = (find(dep), find(head));
        if t[d].head != h as i64 || t[d].deprel != rel {
            let got = if t[d].head < 0 {
                "ROOT"
            } else {
                t[t[d].head as usize].text.as_str()
            };
            wrong.push(format!(
                "{dep} -{rel}-> {head}: got {} -> {got}",
                t[d].deprel
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} arcs wrong: {wrong:#?}",
        wrong.len(),
        arcs.len()
    );
}

/// Byte offset of a UTF-16 offset in `text`.
fn byte_of(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}
