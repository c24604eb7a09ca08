//! Named entities on the inputs real articles bring: capitals, lowercase,
//! curly quotes, names never seen in training.

use lede::{analyze, Options};

fn ents(text: &str) -> Vec<(String, String)> {
    analyze(text, &Options::default())
        .unwrap()
        .entities
        .into_iter()
        .filter(|e| e.source != "quantity")
        .map(|e| (e.text, e.label.to_string()))
        .collect()
}

fn has(found: &[(String, String)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l)| t == text && l == label)
}

#[test]
fn ner_all_caps_headline() {
    let e = ents("TURKISH SOLDIERS KILLED IN IDLIB AS ERDOGAN WARNS DAMASCUS");
    assert!(has(&e, "IDLIB", "GPE"), "{e:?}");
    assert!(has(&e, "ERDOGAN", "PERSON"), "{e:?}");
    assert!(has(&e, "DAMASCUS", "GPE"), "{e:?}");
}

#[test]
fn ner_lowercase_text() {
    let e =
        ents("turkish president recep tayyip erdogan met vladimir putin in moscow on thursday.");
    assert!(has(&e, "recep tayyip erdogan", "PERSON"), "{e:?}");
    assert!(has(&e, "vladimir putin", "PERSON"), "{e:?}");
    assert!(has(&e, "moscow", "GPE"), "{e:?}");
}

#[test]
fn ner_unseen_names_and_curly_quotes() {
    let e = ents("“We will not sign,” said Zorblat Quixwell, the chief executive of Vantrexa Holdings, in Ouagadougou.");
    assert!(has(&e, "Zorblat Quixwell", "PERSON"), "{e:?}");
    assert!(has(&e, "Vantrexa Holdings", "ORG"), "{e:?}");
    assert!(has(&e, "Ouagadougou", "GPE"), "{e:?}");
    // a quotation mark is never part of a name
    assert!(e.iter().all(|(t, _)| !t.contains(['“', '”'])), "{e:?}");
}

#[test]
fn ner_places_get_country_codes_and_nationalities_are_norp() {
    let a = analyze(
        "German Chancellor Olaf Scholz flew from Berlin to Kyiv.",
        &Options::default(),
    )
    .unwrap();
    let berlin = a.entities.iter().find(|e| e.text == "Berlin").unwrap();
    assert_eq!((berlin.label, berlin.country), ("GPE", Some("DEU")));
    assert!(a
        .entities
        .iter()
        .any(|e| e.text == "German" && e.label == "NORP"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.text == "Olaf Scholz" && e.label == "PERSON"));
}

#[test]
fn ner_natural_features_are_loc_and_events_are_event() {
    let e = ents("Ships crossed the Black Sea during the Crimean War, officials said.");
    assert!(has(&e, "Black Sea", "LOC"), "{e:?}");
    assert!(has(&e, "Crimean War", "EVENT"), "{e:?}");
}
