//! Places and nationalities by gazetteer.
//!
//! The gazetteer (`models/gazetteer.tsv`, see [`crate::lexicon`], built by
//! `tools/build_gazetteer.py` from GeoNames and the PETRARCH2 Phoenix country dictionary) lists
//! countries, cities, US states, regions, demonyms and groups, each with an
//! OntoNotes label (GPE, LOC, NORP) and an ISO 3166-1 alpha-3 / CAMEO country
//! code. Names are matched longest-first over the tokens of each sentence;
//! matches must be capitalized as names are, and acronyms (`US`, `UK`) must
//! match in capitals. Parts of hyphenated words (`Ankara-Moscow`,
//! `pro-Turkish`) are looked up too.

use crate::doc::{Document, Entity, Span, TokenKind};
use crate::lexicon::{lower_key, places, Place};

/// Heads of organization names: a place word followed by capitalized words
/// ending in one of these is part of a name the NER stage should label as a
/// whole ("Syrian Arab Army", "Turkish Airlines", "Washington Post").
pub const ORG_HEADS: &[&str] = &[
    "Army",
    "Armies",
    "Party",
    "Airlines",
    "Airways",
    "Post",
    "Times",
    "Bank",
    "Ministry",
    "Council",
    "Front",
    "Corporation",
    "Corp",
    "Company",
    "Group",
    "University",
    "Institute",
    "Association",
    "Agency",
    "Committee",
    "Movement",
    "Brigade",
    "Brigades",
    "Union",
    "League",
    "Federation",
    "Organization",
    "Organisation",
    "News",
    "Press",
    "Journal",
    "Herald",
    "Tribune",
    "Telegraph",
    "Navy",
    "Guard",
    "Guards",
    "Command",
    "Office",
    "Commission",
    "Parliament",
    "Assembly",
    "Congress",
    "Senate",
    "Court",
    "Police",
    "Service",
    "Services",
    "Club",
    "Network",
    "Broadcasting",
    "Railways",
    "Telecom",
    "Petroleum",
    "Oil",
    "Airport",
    "Coalition",
    "Alliance",
    "Observatory",
    "Foundation",
    "Daily",
    "Inc.",
    "Ltd.",
];

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Words that may stand lowercase inside a name: "Gulf of Aden", "Bosnia and Herzegovina".
fn is_name_particle(s: &str) -> bool {
    matches!(
        s,
        "of" | "the"
            | "and"
            | "al"
            | "el"
            | "de"
            | "du"
            | "la"
            | "le"
            | "da"
            | "di"
            | "del"
            | "upon"
            | "on"
    )
}

/// Find gazetteer places and nationalities in every sentence.
///
/// With the NER model in front, only the places inside hyphenated words
/// that the model left alone are added (`Ankara-Moscow talks`): measured on
/// CoNLL valid and UNER dev, adding every other gazetteer match the model
/// did not mark cost precision more than it gained recall.
pub fn find(doc: &mut Document) {
    let mut found = Vec::new();
    let mut e = 0;
    for i in 0..doc.tokens.len() {
        let span = doc.tokens[i].span;
        while e < doc.entities.len() && doc.entities[e].span.end <= span.start {
            e += 1;
        }
        let covered = doc.entities.get(e).is_some_and(|x| x.span.overlaps(span));
        if !covered {
            split_hyphenated(doc, i, &mut found);
        }
    }
    doc.entities.extend(found);
}

/// Full gazetteer matches, longest first, for text without a model's entities.
pub fn find_all(doc: &mut Document) {
    let g = places();
    let mut found = Vec::new();
    for sent in &doc.sentences {
        let range = sent.tokens.clone();
        let keys: Vec<String> = range
            .clone()
            .map(|i| lower_key(doc.token_text(i)))
            .collect();
        let mut i = range.start;
        while i < range.end {
            let first = doc.token_text(i);
            let matched = if is_capitalized(first) {
                g.longest(&keys[i - range.start..], |n, e: &Place| {
                    let last = doc.token_text(i + n - 1);
                    let inner_ok = (i..i + n).all(|k| {
                        let t = doc.token_text(k);
                        is_capitalized(t)
                            || is_name_particle(t)
                            || doc.tokens[k].kind == TokenKind::Punct
                    });
                    let text = doc.slice(Span::new(
                        doc.tokens[i].span.start,
                        doc.tokens[i + n - 1].span.end,
                    ));
                    inner_ok && is_capitalized(last) && (!e.acronym || is_all_caps(text))
                })
            } else {
                None
            };
            match matched {
                Some((n, e)) if !inside_org_name(doc, i + n, range.end) => {
                    found.push(Entity {
                        span: Span::new(doc.tokens[i].span.start, doc.tokens[i + n - 1].span.end),
                        label: e.label,
                        source: "gazetteer",
                        kind: Some(e.kind),
                        country: e.country,
                    });
                    i += n;
                }
                Some((n, _)) => i += n,
                None => {
                    split_hyphenated(doc, i, &mut found);
                    i += 1;
                }
            }
        }
    }
    doc.entities.extend(found);
}

/// Whether the capitalized words from token `i` end in an organization head.
fn inside_org_name(doc: &Document, mut i: usize, end: usize) -> bool {
    let mut seen = 0;
    while i < end && seen < 4 {
        let t = doc.token_text(i);
        if ORG_HEADS.contains(&t) {
            return true;
        }
        if !is_capitalized(t) {
            return false;
        }
        seen += 1;
        i += 1;
    }
    false
}

/// Look up the capitalized parts of a hyphenated word: `Ankara-Moscow`, `pro-Turkish`.
fn split_hyphenated(doc: &Document, i: usize, found: &mut Vec<Entity>) {
    let tok = doc.tokens[i];
    if tok.kind != TokenKind::Word {
        return;
    }
    let text = doc.token_text(i);
    if !text.contains('-') {
        return;
    }
    let mut offset = 0;
    for part in text.split('-') {
        let start = tok.span.start + offset;
        offset += part.len() + 1;
        if part.chars().count() < 3 || !is_capitalized(part) {
            continue;
        }
        if let Some(e) = places().get(&lower_key(part)) {
            if e.acronym && !is_all_caps(part) {
                continue;
            }
            found.push(Entity {
                span: Span::new(start, start + part.len()),
                label: e.label,
                source: "gazetteer",
                kind: Some(e.kind),
                country: e.country,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<(String, &'static str, Option<&'static str>)> {
        let mut doc = Document::new(text);
        crate::tokenize::tokenize(&mut doc);
        crate::sentences::split(&mut doc);
        find_all(&mut doc);
        doc.entities
            .iter()
            .map(|e| (doc.slice(e.span).to_string(), e.label.as_str(), e.country))
            .collect()
    }

    #[test]
    fn finds_countries_cities_and_demonyms() {
        let got = places("Turkish troops entered Idlib, Syria, after talks in Ankara.");
        assert_eq!(
            got,
            vec![
                ("Turkish".into(), "NORP", Some("TUR")),
                ("Idlib".into(), "GPE", Some("SYR")),
                ("Syria".into(), "GPE", Some("SYR")),
                ("Ankara".into(), "GPE", Some("TUR")),
            ]
        );
    }

    #[test]
    fn multiword_names_match_longest() {
        let got = places("He flew from the United States to Saudi Arabia.");
        assert_eq!(
            got,
            vec![
                ("United States".into(), "GPE", Some("USA")),
                ("Saudi Arabia".into(), "GPE", Some("SAU"))
            ]
        );
    }

    #[test]
    fn acronym_us_needs_capitals() {
        assert_eq!(
            places("The US said"),
            vec![("US".into(), "GPE", Some("USA"))]
        );
        assert!(places("He told us.").is_empty());
        assert_eq!(places("the U.S. Army"), vec![]);
        assert_eq!(
            places("U.S. officials"),
            vec![("U.S.".into(), "GPE", Some("USA"))]
        );
    }

    #[test]
    fn lowercase_words_are_not_places() {
        assert!(places("they eat turkey and china plates").is_empty());
    }

    #[test]
    fn hyphenated_parts_are_found() {
        let got = places("Ankara-Moscow talks and pro-Turkish rebels");
        assert_eq!(
            got,
            vec![
                ("Ankara".into(), "GPE", Some("TUR")),
                ("Moscow".into(), "GPE", Some("RUS")),
                ("Turkish".into(), "NORP", Some("TUR")),
            ]
        );
    }

    #[test]
    fn place_word_inside_organization_name_is_left_to_ner() {
        assert!(places("The Syrian Arab Army advanced").is_empty());
        assert!(places("She flew Turkish Airlines").is_empty());
        assert_eq!(
            places("Turkish President Erdogan"),
            vec![("Turkish".into(), "NORP", Some("TUR"))]
        );
    }

    #[test]
    fn regions_are_loc() {
        assert_eq!(
            places("across the Middle East"),
            vec![("Middle East".into(), "LOC", None)]
        );
    }

    #[test]
    fn plural_demonyms() {
        assert_eq!(
            places("Syrians fled"),
            vec![("Syrians".into(), "NORP", Some("SYR"))]
        );
    }
}
