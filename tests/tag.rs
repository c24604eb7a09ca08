//! Part-of-speech tags in the token output (`options.tokens`).

use lede::{analyze, Options};

#[test]
fn tokens_carry_upos_and_xpos() {
    let opts = Options {
        tokens: true,
        ..Default::default()
    };
    let a = analyze(
        "Three Turkish soldiers were killed by Syrian regime forces in Idlib.",
        &opts,
    )
    .unwrap();
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
    let opts = Options {
        tokens: true,
        ..Default::default()
    };
    let a = analyze(
        "Syrian forces were recapturing towns; Turkish soldiers killed two fighters.",
        &opts,
    )
    .unwrap();
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
