//! Unit cases of the event stage.

use crate::output::{Analysis, EventOut};
use crate::{analyze, Options};

fn run(text: &str) -> Analysis {
    let options = Options {
        date: Some("2020-02-27".into()),
        ..Options::default()
    };
    analyze(text, &options).unwrap()
}

fn event<'a>(a: &'a Analysis, trigger: &str) -> &'a EventOut {
    a.events
        .iter()
        .find(|e| e.text == trigger)
        .unwrap_or_else(|| panic!("no event {trigger:?} in {:#?}", a.events))
}

fn arg<'a>(e: &'a EventOut, role: &str) -> Option<&'a str> {
    e.arguments
        .iter()
        .find(|a| a.role == role)
        .map(|a| a.text.as_str())
}

#[test]
fn a_killing_with_killer_victim_count_place_and_time() {
    let a =
        run("Three Turkish soldiers were killed by Syrian regime forces in Idlib on Wednesday.");
    let e = event(&a, "killed");
    assert_eq!(e.kind, "Life.Die.Unspecified");
    assert_eq!(arg(e, "Victim"), Some("Three Turkish soldiers"));
    assert_eq!(arg(e, "Killer"), Some("Syrian regime forces"));
    let c = e.casualties.as_ref().unwrap();
    assert_eq!(c.killed, Some(3.0));
    assert_eq!(c.code.as_deref(), Some("TURMIL"));
    assert_eq!(e.place.as_ref().unwrap().name, "Idlib");
    assert_eq!(e.time.as_ref().unwrap().value, "2020-02-26");
    assert_eq!(e.status, "asserted");
    let cameo = e.cameo.as_ref().unwrap();
    assert_eq!(cameo.source.as_deref(), Some("SYRMIL"));
    assert_eq!(cameo.target.as_deref(), Some("TURMIL"));
}

#[test]
fn reported_deaths_have_their_source() {
    let a = run("Two soldiers were killed in the attack, Erdogan said.");
    let e = event(&a, "killed");
    let s = e.source.as_ref().expect("a source");
    assert_eq!(s.cue.as_ref().unwrap().text, "said");
    assert_eq!(s.name.as_deref(), Some("Erdogan"));
}

#[test]
fn a_planned_call_and_a_negated_one() {
    let a = run("Akar will hold a phone call with Mark Esper. Putin did not attack the town.");
    assert_eq!(event(&a, "call").status, "planned");
    assert_eq!(event(&a, "attack").status, "negated");
}

#[test]
fn a_conjoined_victim_counts_each_part() {
    let a = run("Five Turkish soldiers and a civilian contractor were killed.");
    let e = event(&a, "killed");
    assert_eq!(e.casualties.as_ref().unwrap().killed, Some(6.0));
}

#[test]
fn reporting_verbs_are_no_events() {
    let a = run("The ministry said the talks were useful.");
    assert!(a.events.iter().all(|e| e.text != "said"), "{:#?}", a.events);
}

#[test]
fn the_deal_is_the_deal_signed() {
    let a = run("The two powers signed a deal on Idlib in September 2018. However, the deal appears to have crumbled.");
    let deals: Vec<_> = a
        .events
        .iter()
        .filter(|e| e.kind == "Transaction.Agreement.Unspecified")
        .collect();
    assert_eq!(deals.len(), 1, "{deals:#?}");
    assert!(deals[0].mentions.len() >= 2);
    assert_eq!(deals[0].time.as_ref().unwrap().value, "2018-09");
}

#[test]
fn verbs_cameo_codes_are_events_between_two_named_sides() {
    let a = run("The Turkish government condemned the attack on Syrian forces in Idlib.");
    let e = event(&a, "condemned");
    assert_eq!(e.kind, "Contact.Disapprove.Unspecified");
    assert_eq!(arg(e, "Communicator"), Some("The Turkish government"));
    let c = e.cameo.as_ref().unwrap();
    assert_eq!(c.root, "11");
    assert_eq!(
        (c.source.as_deref(), c.target.as_deref()),
        (Some("TURGOV"), Some("SYRMIL"))
    );
    let a = run("Russia accused Turkey of violating the deal.");
    let c = event(&a, "accused").cameo.as_ref().unwrap();
    assert_eq!(
        (c.source.as_deref(), c.target.as_deref()),
        (Some("RUS"), Some("TUR"))
    );
    // no one acted on: not coded
    let a = run("Police attend to an incident on London Bridge.");
    assert!(a.events.is_empty(), "{:#?}", a.events);
    let a = run("The minister wants to take a tougher line with internet providers.");
    assert!(a.events.is_empty(), "{:#?}", a.events);
}
