//! Unit cases of the actor stage: aliases, acronyms, titles, codes by
//! date, places, references and the pairs that must stay apart.

use super::*;
use crate::lexicon::actors;
use crate::output::{ActorOut, Analysis};
use crate::{analyze, Options};

fn run(text: &str, date: Option<&str>) -> Analysis {
    let options = Options {
        date: date.map(str::to_string),
        ..Options::default()
    };
    analyze(text, &options).unwrap()
}

/// The actor of the first entity whose text is `name`.
fn actor<'a>(a: &'a Analysis, name: &str) -> &'a ActorOut {
    let e = a
        .entities
        .iter()
        .find(|e| e.text == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:?}", a.entities));
    &a.actors[e.actor.unwrap_or_else(|| panic!("{name:?} has no actor"))]
}

fn same(a: &Analysis, x: &str, y: &str) -> bool {
    let idx = |n: &str| {
        a.entities
            .iter()
            .find(|e| e.text == n)
            .and_then(|e| e.actor)
    };
    let (i, j) = (idx(x), idx(y));
    assert!(
        i.is_some() && j.is_some(),
        "{x:?} or {y:?} missing: {:?}",
        a.entities
    );
    i == j
}

fn name(text: &str) -> Name {
    name_words(text, true)
}

fn code(full: &str, date: Option<u32>) -> String {
    let words = crate::lexicon::name_tokens(full);
    let (_, a) = actors().longest(&words, |_, _| true).unwrap();
    a.code_on(date)
}

// --- people -------------------------------------------------------------

#[test]
fn surname_joins_the_full_name() {
    let a = run(
        "Turkish President Recep Tayyip Erdogan spoke on Thursday. Erdogan said the talks continue.",
        None,
    );
    assert!(same(&a, "Recep Tayyip Erdogan", "Erdogan"));
}

#[test]
fn full_name_after_the_surname_joins_it() {
    let a = run(
        "President Erdogan spoke on Thursday. Turkish President Recep Tayyip Erdogan said the talks continue.",
        None,
    );
    assert!(same(&a, "Erdogan", "Recep Tayyip Erdogan"));
}

#[test]
fn given_names_agree() {
    assert!(name("Recep Tayyip Erdogan").same_person(&name("Tayyip Erdogan")));
    assert!(name("George W. Bush").same_person(&name("George Bush")));
    assert!(name("G. Bush").same_person(&name("George Bush")));
}

#[test]
fn given_names_clash() {
    assert!(!name("Mark Esper").same_person(&name("Tom Esper")));
    assert!(!name("Daniel Bernoulli").same_person(&name("Jacob Bernoulli")));
}

#[test]
fn people_who_share_a_surname_stay_apart() {
    let a = run(
        "Mark Esper met Tom Esper in Washington. Mark Esper left on Friday.",
        None,
    );
    assert!(!same(&a, "Mark Esper", "Tom Esper"));
}

#[test]
fn surname_particle_is_optional() {
    let a = run(
        "Syrian President Bashar al-Assad spoke on Monday. Assad said the army would advance.",
        None,
    );
    assert!(same(&a, "Bashar al-Assad", "Assad"));
}

#[test]
fn accents_are_folded() {
    assert_eq!(
        name("Recep Tayyip Erdoğan").words,
        ["recep", "tayyip", "erdogan"]
    );
    assert_eq!(name("José Pérez").surname(), "perez");
}

#[test]
fn titles_and_suffixes_are_not_the_name() {
    assert_eq!(name("Mr. Smith").words, ["smith"]);
    assert_eq!(name("Emperor Joshua Norton").words, ["joshua", "norton"]);
    assert_eq!(name("Daniel Bernoulli FRS").words, ["daniel", "bernoulli"]);
    assert_eq!(name("Martin Luther King Jr.").surname(), "king");
}

#[test]
fn possessive_and_the_are_not_the_name() {
    assert_eq!(name_words("Erdogan's", true).words, ["erdogan"]);
    assert_eq!(
        name_words("the United Nations", false).words,
        ["united", "nations"]
    );
    assert_eq!(name_words("the U.S.’s", false).words, ["us"]);
}

#[test]
fn a_bare_surname_goes_to_the_person_named_most() {
    let a = run(
        "Jeanne Moreau was born in Paris. Jeanne Moreau acted in many films. \
         Her father, Anatole Moreau, ran a restaurant. Moreau later directed films.",
        None,
    );
    assert!(same(&a, "Moreau", "Jeanne Moreau"));
    assert!(!same(&a, "Anatole Moreau", "Jeanne Moreau"));
}

#[test]
fn a_title_with_the_stands_for_the_person_it_titled() {
    let a = run(
        "Emperor Norton lived in San Francisco. The city loved the Emperor, and the Emperor loved it.",
        None,
    );
    let e = actor(&a, "Emperor Norton");
    assert!(e.mentions.len() >= 2, "{e:?}");
}

#[test]
fn company_endings_are_not_the_name() {
    let a = run(
        "Microsoft Corp. said on Monday that profits rose. Microsoft also hired staff.",
        None,
    );
    assert!(same(&a, "Microsoft Corp.", "Microsoft"));
}

// --- acronyms -------------------------------------------------------------

#[test]
fn initials_of_names() {
    assert_eq!(
        initials(&name_words("Syrian Arab Army", false)).as_deref(),
        Some("saa")
    );
    assert_eq!(
        initials(&name_words("Hayat Tahrir al-Sham", false)).as_deref(),
        Some("hts")
    );
    assert_eq!(
        initials(&name_words("United Nations", false)).as_deref(),
        Some("un")
    );
    assert_eq!(initials(&name_words("Idlib", false)), None);
}

#[test]
fn acronym_defined_in_brackets() {
    let a = run(
        "The Syrian Arab Army (SAA) launched an offensive. The SAA retook the town.",
        None,
    );
    assert!(same(&a, "Syrian Arab Army", "SAA"));
    assert_eq!(actor(&a, "SAA").mentions.len(), 3);
}

#[test]
fn acronym_in_brackets_of_a_party() {
    let a = run(
        "Erdogan told members of his ruling Justice and Development Party (AKP) on Monday.",
        None,
    );
    assert!(same(&a, "AKP", "Justice and Development Party"));
}

#[test]
fn acronym_of_a_name_in_the_text() {
    let a = run(
        "The Syrian Arab Army attacked the town on Monday. On Tuesday the SAA withdrew.",
        None,
    );
    assert!(same(&a, "Syrian Arab Army", "SAA"));
}

#[test]
fn names_of_one_dictionary_entry() {
    let a = run(
        "The North Atlantic Treaty Organization met in Brussels. NATO leaders agreed.",
        None,
    );
    assert!(same(&a, "North Atlantic Treaty Organization", "NATO"));
}

#[test]
fn the_united_nations_is_the_un() {
    let a = run(
        "The United Nations called for a ceasefire. The UN said aid was blocked.",
        None,
    );
    assert!(same(&a, "United Nations", "UN"));
    assert_eq!(actor(&a, "UN").code.as_deref(), Some("IGOUNO"));
}

#[test]
fn headline_case_joins_the_body() {
    let a = run("IDLIB UNDER FIRE\n\nShelling hit Idlib on Monday.", None);
    assert!(same(&a, "IDLIB", "Idlib"));
}

// --- must not merge -------------------------------------------------------

#[test]
fn a_nationality_is_not_its_country() {
    let a = run(
        "Turkish soldiers crossed into Syria from Turkey on Monday.",
        None,
    );
    assert!(!same(&a, "Turkish", "Turkey"));
    assert_eq!(actor(&a, "Turkish").kind, Some("nationality"));
    assert_eq!(actor(&a, "Turkish").code.as_deref(), Some("TUR"));
}

#[test]
fn nationality_mentions_join() {
    let a = run(
        "Turkish troops and Turkish officials met Russian diplomats.",
        None,
    );
    let t: Vec<_> = a.entities.iter().filter(|e| e.text == "Turkish").collect();
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].actor, t[1].actor);
}

#[test]
fn generic_heads_do_not_merge() {
    let x = Name {
        words: vec!["university".into()],
        ..Name::default()
    };
    assert!(GENERIC.contains(&x.words[0].as_str()));
    let a = run(
        "He studied at Harvard University and taught at the University of Chicago.",
        None,
    );
    let ids: Vec<_> = a.entities.iter().filter_map(|e| e.actor).collect();
    let distinct: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), distinct.len(), "{:?}", a.entities);
}

#[test]
fn a_newspaper_is_not_its_city() {
    let a = run(
        "The Washington Post reported the talks. Officials in Washington declined to comment.",
        None,
    );
    assert!(!same(&a, "Washington Post", "Washington"));
}

#[test]
fn partisans_are_not_the_nation() {
    let a = run("Turkish troops backed pro-Turkish rebels near Idlib.", None);
    assert!(!same(&a, "Turkish", "pro-Turkish"));
}

// --- titles, roles, codes -------------------------------------------------

#[test]
fn title_gives_role_country_and_code() {
    let a = run(
        "Turkish President Recep Tayyip Erdogan said on Thursday that talks continue.",
        Some("2020-02-27"),
    );
    let e = actor(&a, "Recep Tayyip Erdogan");
    assert_eq!(e.role.as_deref(), Some("President"));
    assert_eq!(e.country, Some("TUR"));
    assert_eq!(e.code.as_deref(), Some("TURGOV"));
}

#[test]
fn title_of_several_words() {
    let a = run(
        "US Secretary of Defense Mark Esper will hold a call on Friday.",
        None,
    );
    let e = actor(&a, "Mark Esper");
    assert_eq!(e.role.as_deref(), Some("Secretary of Defense"));
    assert_eq!(e.country, Some("USA"));
    assert_eq!(e.code.as_deref(), Some("USAGOV"));
}

#[test]
fn defense_minister_is_government() {
    let a = run(
        "Turkish Defense Minister Hulusi Akar told reporters the talks were ongoing.",
        None,
    );
    let e = actor(&a, "Hulusi Akar");
    assert_eq!(e.role.as_deref(), Some("Defense Minister"));
    assert_eq!(e.code.as_deref(), Some("TURGOV"));
}

#[test]
fn foreign_minister() {
    let a = run(
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday.",
        None,
    );
    let e = actor(&a, "Sergei Lavrov");
    assert_eq!(e.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(e.code.as_deref(), Some("RUSGOV"));
}

#[test]
fn phoenix_dates() {
    assert_eq!(crate::lexicon::phoenix_date("721231"), Some(19_721_231));
    assert_eq!(crate::lexicon::phoenix_date("021118"), Some(20_021_118));
    assert_eq!(crate::lexicon::phoenix_date("19991231"), Some(19_991_231));
    assert_eq!(crate::lexicon::phoenix_date(""), None);
}

#[test]
fn codes_by_date_erdogan() {
    assert_eq!(code("Recep Tayyip Erdogan", Some(19_990_101)), "TURELI");
    assert_eq!(code("Recep Tayyip Erdogan", Some(20_200_227)), "TURGOV");
    // without a date: the code that holds today
    assert_eq!(code("Recep Tayyip Erdogan", None), "TURGOV");
}

#[test]
fn codes_by_date_putin() {
    assert_eq!(code("Vladimir Putin", Some(19_950_101)), "RUSELI");
    assert_eq!(code("Vladimir Putin", Some(20_050_101)), "RUSGOV");
    assert_eq!(code("Vladimir Putin", Some(20_200_227)), "RUSGOV");
}

#[test]
fn codes_by_date_assad() {
    assert_eq!(code("Bashar al Assad", Some(19_900_101)), "SYRELI");
    assert_eq!(code("Bashar al Assad", Some(20_200_227)), "SYRGOV");
}

#[test]
fn the_articles_date_picks_the_code() {
    let old = run(
        "Vladimir Putin met reporters in Moscow.",
        Some("1995-06-01"),
    );
    let new = run(
        "Vladimir Putin met reporters in Moscow.",
        Some("2020-02-27"),
    );
    assert_eq!(
        actor(&old, "Vladimir Putin").code.as_deref(),
        Some("RUSELI")
    );
    assert_eq!(
        actor(&new, "Vladimir Putin").code.as_deref(),
        Some("RUSGOV")
    );
}

#[test]
fn army_of_a_country_is_its_military() {
    let a = run(
        "The Syrian Arab Army (SAA) launched an offensive in Idlib.",
        None,
    );
    let e = actor(&a, "Syrian Arab Army");
    assert_eq!(e.code.as_deref(), Some("SYRMIL"));
    assert_eq!(e.country, Some("SYR"));
}

#[test]
fn jihadists_are_an_armed_group() {
    let a = run(
        "Forces attacked Hayat Tahrir al-Sham (HTS) jihadists and rebels in Idlib.",
        None,
    );
    assert_eq!(actor(&a, "Hayat Tahrir al-Sham").kind, Some("armed group"));
}

#[test]
fn sector_codes() {
    assert_eq!(
        sector_code(Some("TUR"), "~GOVMIL").as_deref(),
        Some("TURGOV")
    );
    assert_eq!(sector_code(Some("SYR"), "~MIL").as_deref(), Some("SYRMIL"));
    assert_eq!(sector_code(None, "IGO~").as_deref(), Some("IGO"));
    assert_eq!(sector_code(None, "~MIL"), None);
    assert!(armed_group("UAFMUS") && armed_group("SYRREB") && !armed_group("SYRMIL"));
}

#[test]
fn plurals_of_agents() {
    assert_eq!(singular("Soldiers"), "soldier");
    assert_eq!(singular("rebels"), "rebel");
    assert_eq!(singular("forces"), "forces");
}

// --- places ---------------------------------------------------------------

#[test]
fn capital_acting_is_its_government() {
    let a = run(
        "Ankara has also deployed thousands of soldiers to the border.",
        None,
    );
    let e = actor(&a, "Ankara");
    assert_eq!(e.government_of, Some("TUR"));
    assert_eq!(e.code.as_deref(), Some("TURGOV"));
}

#[test]
fn capital_as_a_place_is_not() {
    let a = run("A Russian delegation arrived in Ankara on Wednesday.", None);
    let e = actor(&a, "Ankara");
    assert_eq!(e.government_of, None);
    assert_eq!(e.code.as_deref(), Some("TUR"));
}

#[test]
fn dateline_is_a_place_and_not_an_acronym() {
    let a = run("ANKARA (Reuters) - Talks continued on Thursday.", None);
    assert_eq!(actor(&a, "ANKARA").government_of, None);
    assert!(!same(&a, "ANKARA", "Reuters"));
}

#[test]
fn cities_have_coordinates() {
    let a = run("Fighting spread from Idlib to Saraqib and Aleppo.", None);
    for city in ["Idlib", "Saraqib", "Aleppo"] {
        let e = actor(&a, city);
        let (lat, lon) = (e.lat.unwrap(), e.lon.unwrap());
        assert!(
            (35.0..37.0).contains(&lat) && (36.0..38.0).contains(&lon),
            "{city}: {lat} {lon}"
        );
        assert_eq!(e.country, Some("SYR"));
    }
}

#[test]
fn countries_have_no_point() {
    let a = run("Turkey and Russia signed a deal.", None);
    assert_eq!(actor(&a, "Turkey").lat, None);
    assert_eq!(actor(&a, "Turkey").kind, Some("country"));
}

// --- references and indices -------------------------------------------------

#[test]
fn he_after_a_named_person() {
    let a = run(
        "Three soldiers were killed, Turkish President Recep Tayyip Erdogan said. He did not give details.",
        None,
    );
    let e = actor(&a, "Recep Tayyip Erdogan");
    assert_eq!(e.references.len(), 1);
    assert_eq!(e.references[0].text, "He");
}

#[test]
fn he_inside_a_sentence_is_the_person_before_it() {
    let a = run(
        "Defense Minister Hulusi Akar said he will soon call Mark Esper.",
        None,
    );
    let akar = actor(&a, "Hulusi Akar");
    let refs: Vec<&str> = akar.references.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(refs, ["he"]);
    // a "he" inside a quotation speaks of someone else
    let a = run(
        "Turkish President Recep Tayyip Erdogan said: \u{201c}He is a liar and he knows it.\u{201d}",
        None,
    );
    assert!(actor(&a, "Recep Tayyip Erdogan").references.is_empty());
}

#[test]
fn no_he_without_a_person() {
    let a = run("The town fell on Monday. He did not give details.", None);
    assert!(a.actors.iter().all(|x| x.references.is_empty()));
}

#[test]
fn numbers_and_times_have_no_actor() {
    let a = run(
        "Three Turkish soldiers were killed on Thursday in Idlib.",
        None,
    );
    for e in &a.entities {
        let named = !matches!(
            e.label,
            "CARDINAL" | "ORDINAL" | "DATE" | "TIME" | "MONEY" | "PERCENT" | "QUANTITY"
        );
        assert_eq!(e.actor.is_some(), named, "{e:?}");
    }
}

#[test]
fn mentions_point_back() {
    let a = run(
        "The Syrian Arab Army (SAA) and Turkish forces clashed near Idlib. Erdogan and Putin spoke.",
        None,
    );
    for (i, x) in a.actors.iter().enumerate() {
        // groups named by agent nouns alone have references, not mentions
        assert!(!x.mentions.is_empty() || !x.references.is_empty());
        for &m in &x.mentions {
            assert_eq!(a.entities[m].actor, Some(i));
        }
    }
}

// --- groups named by agent nouns ----------------------------------------

/// The group actor one of whose references reads `phrase`.
fn group<'a>(a: &'a Analysis, phrase: &str) -> Option<&'a ActorOut> {
    a.actors
        .iter()
        .find(|x| x.mentions.is_empty() && x.references.iter().any(|r| r.text == phrase))
}

#[test]
fn soldiers_of_a_country_are_its_military() {
    let a = run(
        "Three Turkish soldiers were killed by Syrian regime forces. Turkish forces retook the town after regime forces left.",
        None,
    );
    let tur = group(&a, "Turkish soldiers").expect("Turkish soldiers");
    assert_eq!(tur.code.as_deref(), Some("TURMIL"));
    assert_eq!(tur.country, Some("TUR"));
    let refs: Vec<&str> = tur.references.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(refs, ["Turkish soldiers", "Turkish forces"]);
    let syr = group(&a, "Syrian regime forces").expect("Syrian regime forces");
    assert_eq!(syr.code.as_deref(), Some("SYRMIL"));
    let refs: Vec<&str> = syr.references.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(refs, ["Syrian regime forces", "regime forces"]);
    // the nationality stays its own actor
    assert_eq!(actor(&a, "Turkish").code.as_deref(), Some("TUR"));
}

#[test]
fn a_ministry_without_a_name_is_its_government() {
    let a = run(
        "The Turkish defense ministry announced the death of two soldiers.",
        None,
    );
    let m = group(&a, "Turkish defense ministry").expect("the ministry");
    assert_eq!(m.code.as_deref(), Some("TURGOV"));
}

#[test]
fn rebels_stand_alone_but_soldiers_need_a_country() {
    let a = run(
        "Rebels and militants attacked the base. The soldiers fled.",
        None,
    );
    let m = group(&a, "militants").expect("militants");
    assert_eq!(m.code.as_deref(), Some("UAF"));
    assert_eq!(m.kind, Some("armed group"));
    assert!(group(&a, "soldiers").is_none(), "{:?}", a.actors);
}

#[test]
fn an_agent_noun_that_modifies_another_is_not_a_group() {
    let a = run(
        "Forces encircled Turkish military observation posts in Idlib.",
        None,
    );
    assert!(
        a.actors.iter().all(|x| x.code.as_deref() != Some("TURMIL")),
        "{:?}",
        a.actors
    );
}

#[test]
fn an_agent_noun_after_a_name_describes_it() {
    let a = run(
        "Hayat Tahrir al-Sham (HTS) jihadists attacked the town.",
        None,
    );
    let hts = actor(&a, "Hayat Tahrir al-Sham");
    assert!(
        hts.references.iter().any(|r| r.text == "jihadists"),
        "{hts:?}"
    );
    assert!(group(&a, "jihadists").is_none());
}

#[test]
fn the_ministry_refers_to_the_ministry_named_before() {
    let a = run(
        "The Russian Defence Ministry said the convoy was hit. Later the ministry denied it.",
        None,
    );
    let m = actor(&a, "Defence Ministry");
    assert!(
        m.references.iter().any(|r| r.text == "the ministry"),
        "{m:?}"
    );
}
