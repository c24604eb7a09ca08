//! The article the project was first asked to analyze (read from
//! ../shared/examples, never copied): what the foundation must get right.

mod common;

use lede::Analysis;

fn seed() -> Analysis {
    common::seed(false).1
}

fn has(a: &Analysis, text: &str, label: &str) -> bool {
    a.entities
        .iter()
        .any(|e| e.text == text && e.label == label)
}

#[test]
fn seed_places_have_labels_and_country_codes() {
    let a = seed();
    for (name, cc) in [
        ("Idlib", "SYR"),
        ("Aleppo", "SYR"),
        ("Saraqib", "SYR"),
        ("Damascus", "SYR"),
        ("Ankara", "TUR"),
        ("Turkey", "TUR"),
        ("Moscow", "RUS"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("US", "USA"),
    ] {
        let e = a
            .entities
            .iter()
            .find(|e| e.text == name)
            .unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!((e.label, e.country), ("GPE", Some(cc)), "{name}");
    }
}

#[test]
fn seed_nationalities() {
    let a = seed();
    for n in ["Turkish", "Syrian", "Russian"] {
        assert!(has(&a, n, "NORP"), "{n}");
    }
}

#[test]
fn seed_people_and_organizations() {
    let a = seed();
    for name in [
        "Recep Tayyip Erdogan",
        "Erdogan",
        "Bashar al-Assad",
        "Vladimir Putin",
        "Hulusi Akar",
        "Akar",
        "Mark Esper",
    ] {
        assert!(has(&a, name, "PERSON"), "{name} is not a PERSON");
    }
    for name in [
        "Syrian Arab Army",
        "SAA",
        "Hayat Tahrir al-Sham",
        "HTS",
        "AKP",
    ] {
        assert!(has(&a, name, "ORG"), "{name} is not an ORG");
    }
    // no person's name is a place or nationality
    for e in &a.entities {
        if matches!(e.label, "GPE" | "LOC" | "NORP") {
            assert!(
                !["Vladimir", "Putin", "Erdogan", "Akar", "Esper", "Mark", "Hulusi", "Bashar"]
                    .contains(&e.text.as_str()),
                "{} labeled {}",
                e.text,
                e.label
            );
        }
    }
    // "Syrian" inside "Syrian Arab Army" is part of the organization's name
    let saa = a
        .entities
        .iter()
        .find(|e| e.text == "Syrian Arab Army")
        .unwrap();
    assert!(!a
        .entities
        .iter()
        .any(|e| e.text == "Syrian" && e.start >= saa.start && e.end <= saa.end));
}

#[test]
fn seed_headline_and_lines_are_sentences() {
    let a = seed();
    assert_eq!(
        a.sentences[0].text,
        "Three Turkish soldiers killed by Syrian regime forces in northwest province of Idlib"
    );
    assert!(a.sentences.iter().any(|s| s.text == "Ankara-Moscow talks"));
    assert!(a
        .sentences
        .iter()
        .any(|s| s.text == "We have three martyrs."));
    assert_eq!(a.paragraphs.len(), 19);
}

#[test]
fn seed_quantities() {
    let a = seed();
    let q = |t: &str| {
        a.quantities
            .iter()
            .find(|q| q.text == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    assert_eq!(q("Three").value, 3.0);
    assert_eq!(
        (
            q("more than a hundred").value,
            q("more than a hundred").comparator
        ),
        (100.0, Some("gt"))
    );
    assert_eq!(
        (q("thousands").value, q("thousands").comparator),
        (2000.0, Some("ge"))
    );
    assert_eq!(q("five").value, 5.0);
    assert_eq!(q("second").label, "ORDINAL");
    // years are not quantities; "one another" is not a number
    assert!(!a
        .quantities
        .iter()
        .any(|q| q.text == "2011" || q.text == "2015" || q.text == "one"));
}

#[test]
fn seed_quotes_and_speakers() {
    let a = seed();
    assert_eq!(a.quotes.len(), 4);
    let who: Vec<(&str, &str, Option<&str>)> = a
        .quotes
        .iter()
        .map(|q| {
            (
                q.cue.as_ref().unwrap().text.as_str(),
                q.speaker.as_ref().unwrap().text.as_str(),
                q.speaker_ref.as_ref().map(|s| s.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        who,
        vec![
            ("told", "he", Some("Recep Tayyip Erdogan")),
            ("told", "Erdogan", Some("Recep Tayyip Erdogan")),
            ("added", "he", Some("Recep Tayyip Erdogan")),
            ("said", "he", Some("Hulusi Akar")),
        ]
    );
    assert!(a.quotes[0].text.starts_with("The developments in Idlib"));
    assert!(a.quotes[0]
        .text
        .ends_with("the regime’s losses are very big"));
    assert_eq!(
        a.quotes[2].text,
        "cannot stand without the backing from Iran and Russia"
    );
}

/// Every time expression of the README checklist, normalized for an article
/// published on Thursday 2020-02-27.
#[test]
fn seed_times() {
    let a = seed();
    let times: Vec<(&str, &str, &str)> = a
        .times
        .iter()
        .map(|t| (t.text.as_str(), t.kind, t.value.as_str()))
        .collect();
    for want in [
        ("Thursday", "DATE", "2020-02-27"),
        ("Wednesday", "DATE", "2020-02-26"),
        ("December", "DATE", "2019-12"),
        ("the beginning of February", "DATE", "2020-02"),
        ("2011", "DATE", "2011"),
        ("2015", "DATE", "2015"),
        ("September 2018", "DATE", "2018-09"),
        ("late December last year", "DATE", "2019-12"),
        ("recent weeks", "DURATION", "PXW"),
    ] {
        assert!(times.contains(&want), "{want:?} not in {times:?}");
    }
    // every "Thursday" and "Wednesday" in the article is the same day
    for t in &a.times {
        match t.text.as_str() {
            "Thursday" => assert_eq!(t.value, "2020-02-27"),
            "Wednesday" => assert_eq!(t.value, "2020-02-26"),
            _ => {}
        }
    }
    let late = a
        .times
        .iter()
        .find(|t| t.text.starts_with("late December"))
        .unwrap();
    assert_eq!(late.modifier, Some("END"));
    // they are DATE entities too, and "2011" is no longer a bare number
    assert!(has(&a, "September 2018", "DATE"));
    assert!(a.quantities.iter().all(|q| q.text != "2011"));
}
