//! Part-of-speech tags in the token output (`options.tokens`).

use lede::{analyze, Analysis, Options};

fn with_tokens(text: &str) -> Analysis {
    let opts = Options {
        tokens: true,
        ..Default::default()
    };
    analyze(text, &opts).unwrap()
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
