//! Actors on the seed article (`../shared/examples/idlib-2020.txt`, dated
//! 2020-02-27): one actor per person, organization and place of
//! `../shared/examples/README.md`, with its mentions, role, code and
//! coordinates.

mod common;

use lede::output::{ActorOut, Analysis};

fn seed() -> (String, Analysis) {
    common::seed(false)
}

/// The one actor with mentions written `name`; every mention so written
/// belongs to it.
fn actor<'a>(a: &'a Analysis, name: &str) -> &'a ActorOut {
    let ids: Vec<usize> = a
        .entities
        .iter()
        .filter(|e| e.text == name)
        .map(|e| e.actor.unwrap_or_else(|| panic!("{name:?} has no actor")))
        .collect();
    assert!(!ids.is_empty(), "no entity {name:?}");
    assert!(
        ids.iter().all(|&i| i == ids[0]),
        "{name:?} split over actors {ids:?}"
    );
    &a.actors[ids[0]]
}

fn mention_texts(a: &Analysis, x: &ActorOut) -> Vec<String> {
    x.mentions
        .iter()
        .map(|&m| a.entities[m].text.clone())
        .collect()
}

#[test]
fn people() {
    let (text, a) = seed();
    let erdogan = actor(&a, "Recep Tayyip Erdogan");
    assert_eq!(
        mention_texts(&a, erdogan),
        ["Recep Tayyip Erdogan", "Erdogan", "Recep Tayyip Erdogan"]
    );
    assert_eq!(erdogan.name, "Recep Tayyip Erdogan");
    assert_eq!(erdogan.role.as_deref(), Some("President"));
    assert_eq!(erdogan.code.as_deref(), Some("TURGOV"));
    assert_eq!(erdogan.country, Some("TUR"));
    // "He" of the second sentence and the quotes' "he" (told, added)
    let refs: Vec<&str> = erdogan.references.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(refs, ["He", "he", "he"]);
    let he_second = text.find("He did not specify").unwrap();
    let utf16 = |byte: usize| text[..byte].encode_utf16().count();
    assert_eq!(erdogan.references[0].start, utf16(he_second));

    let akar = actor(&a, "Hulusi Akar");
    assert_eq!(mention_texts(&a, akar), ["Hulusi Akar", "Akar"]);
    assert_eq!(akar.role.as_deref(), Some("Defense Minister"));
    assert_eq!(akar.code.as_deref(), Some("TURGOV"));
    // the last quote's "he said" is Akar
    let last_he = text.rfind("he said").unwrap();
    assert!(akar.references.iter().any(|r| r.start == utf16(last_he)));

    assert_eq!(actor(&a, "Vladimir Putin").code.as_deref(), Some("RUSGOV"));
    let assad = actor(&a, "Bashar al-Assad");
    assert_eq!(
        (assad.code.as_deref(), assad.role.as_deref()),
        (Some("SYRGOV"), Some("President"))
    );
    let esper = actor(&a, "Mark Esper");
    assert_eq!(esper.role.as_deref(), Some("Secretary of Defense"));
    assert_eq!(esper.country, Some("USA"));
    for name in [
        "Recep Tayyip Erdogan",
        "Hulusi Akar",
        "Vladimir Putin",
        "Bashar al-Assad",
        "Mark Esper",
    ] {
        assert_eq!(actor(&a, name).kind, Some("person"), "{name}");
    }
}

#[test]
fn organizations() {
    let (_, a) = seed();
    let saa = actor(&a, "Syrian Arab Army");
    assert!(std::ptr::eq(saa, actor(&a, "SAA")));
    assert_eq!(mention_texts(&a, saa), ["Syrian Arab Army", "SAA", "SAA"]);
    assert_eq!(saa.code.as_deref(), Some("SYRMIL"));
    let hts = actor(&a, "Hayat Tahrir al-Sham");
    assert!(std::ptr::eq(hts, actor(&a, "HTS")));
    assert_eq!(hts.kind, Some("armed group"));
    let akp = actor(&a, "Justice and Development Party");
    assert!(std::ptr::eq(akp, actor(&a, "AKP")));
}

#[test]
fn places() {
    let (_, a) = seed();
    for (name, country) in [("Idlib", "SYR"), ("Saraqib", "SYR"), ("Aleppo", "SYR")] {
        let p = actor(&a, name);
        assert!(
            p.lat.is_some() && p.lon.is_some(),
            "{name} has no coordinates"
        );
        assert_eq!(p.country, Some(country));
        assert_eq!(p.government_of, None, "{name}");
    }
    assert_eq!(actor(&a, "Idlib").mentions.len(), 7);
    for (capital, country) in [("Ankara", "TUR"), ("Moscow", "RUS"), ("Damascus", "SYR")] {
        let c = actor(&a, capital);
        assert_eq!(c.government_of, Some(country), "{capital}");
        assert_eq!(c.code.as_deref(), Some(format!("{country}GOV").as_str()));
    }
    for (name, code) in [("Turkey", "TUR"), ("Russia", "RUS"), ("Iran", "IRN")] {
        assert_eq!(actor(&a, name).code.as_deref(), Some(code));
    }
    // a nationality is its own actor, apart from its country
    let turkish = actor(&a, "Turkish");
    assert_eq!(turkish.kind, Some("nationality"));
    assert!(!std::ptr::eq(turkish, actor(&a, "Turkey")));
}

#[test]
fn every_named_entity_has_one_actor() {
    let (_, a) = seed();
    let mut seen = vec![0; a.actors.len()];
    for (i, e) in a.entities.iter().enumerate() {
        if let Some(x) = e.actor {
            assert!(a.actors[x].mentions.contains(&i));
            seen[x] += 1;
        }
    }
    for (x, n) in a.actors.iter().zip(seen) {
        assert_eq!(x.mentions.len(), n, "{x:?}");
    }
}

/// The group actor (no named mention) one of whose references reads `phrase`.
fn group<'a>(a: &'a Analysis, phrase: &str) -> &'a ActorOut {
    a.actors
        .iter()
        .find(|x| x.mentions.is_empty() && x.references.iter().any(|r| r.text == phrase))
        .unwrap_or_else(|| panic!("no group {phrase:?}"))
}

#[test]
fn groups_named_by_agent_nouns() {
    let (_, a) = seed();
    let tur = group(&a, "Turkish soldiers");
    assert_eq!(tur.code.as_deref(), Some("TURMIL"));
    assert!(std::ptr::eq(tur, group(&a, "Turkish forces")));
    let syr = group(&a, "Syrian regime forces");
    assert_eq!(syr.code.as_deref(), Some("SYRMIL"));
    assert!(std::ptr::eq(syr, group(&a, "regime forces")));
    assert_eq!(
        group(&a, "Turkish defense ministry").code.as_deref(),
        Some("TURGOV")
    );
    assert_eq!(group(&a, "rebels").code.as_deref(), Some("REB"));
    // "military observation posts" are posts, not a group
    assert!(a
        .actors
        .iter()
        .all(|x| x.references.iter().all(|r| !r.text.contains("military"))));
    // HTS's jihadists are HTS
    let hts = actor(&a, "HTS");
    assert!(hts.references.iter().any(|r| r.text == "jihadists"));
}
