//! Events on the seed article (`../shared/examples/idlib-2020.txt`, dated
//! 2020-02-27): the happenings a reader lists, with their types, main
//! arguments, casualties, times, places, status, sources and CAMEO codes.

mod common;

use lede::output::{Analysis, EventOut};

fn seed() -> Analysis {
    common::seed(false).1
}

/// The event of `kind` one of whose mentions is `trigger` in sentence `s`.
fn event<'a>(a: &'a Analysis, kind: &str, trigger: &str, s: usize) -> &'a EventOut {
    a.events
        .iter()
        .find(|e| {
            e.kind == kind
                && e.mentions.iter().any(|m| {
                    m.text == trigger
                        && a.sentences[s].start <= m.start
                        && m.end <= a.sentences[s].end
                })
        })
        .unwrap_or_else(|| panic!("no {kind} {trigger:?} in sentence {s}: {:#?}", a.events))
}

/// The actor code of an event's argument of `role`.
fn code<'a>(a: &'a Analysis, e: &EventOut, role: &str) -> Option<&'a str> {
    e.arguments
        .iter()
        .filter(|x| x.role == role)
        .find_map(|x| x.actor)
        .and_then(|i| a.actors[i].code.as_deref())
}

fn time(e: &EventOut) -> Option<&str> {
    e.time.as_ref().map(|t| t.value.as_str())
}

fn place(e: &EventOut) -> Option<&str> {
    e.place.as_ref().map(|p| p.name.as_str())
}

#[test]
fn three_soldiers_killed_reported_by_erdogan() {
    let a = seed();
    let e = event(&a, "Life.Die.Unspecified", "killed", 1);
    assert_eq!(code(&a, e, "Victim"), Some("TURMIL"));
    assert_eq!(code(&a, e, "Killer"), Some("SYRMIL"));
    let c = e.casualties.as_ref().unwrap();
    assert_eq!((c.killed, c.code.as_deref()), (Some(3.0), Some("TURMIL")));
    assert_eq!(place(e), Some("Idlib"));
    assert_eq!(time(e), Some("2020-02-27"));
    let s = e.source.as_ref().unwrap();
    assert_eq!(s.name.as_deref(), Some("Recep Tayyip Erdogan"));
    assert_eq!(s.cue.as_ref().unwrap().text, "said");
    assert_eq!(e.status, "asserted");
    let cameo = e.cameo.as_ref().unwrap();
    assert_eq!(cameo.root, "19");
    assert_eq!(
        (cameo.source.as_deref(), cameo.target.as_deref()),
        (Some("SYRMIL"), Some("TURMIL"))
    );
    // the headline is a mention of the same killing
    assert!(std::ptr::eq(
        e,
        event(&a, "Life.Die.Unspecified", "killed", 0)
    ));
}

#[test]
fn two_killed_on_wednesday_announced_by_the_ministry() {
    let a = seed();
    let e = event(&a, "Life.Die.Unspecified", "death", 7);
    assert!(std::ptr::eq(
        e,
        event(&a, "Life.Die.Unspecified", "deaths", 2)
    ));
    assert_eq!(e.casualties.as_ref().unwrap().killed, Some(2.0));
    assert_eq!(time(e), Some("2020-02-26"));
    let s = e.source.as_ref().unwrap();
    assert_eq!(s.cue.as_ref().unwrap().text, "announced");
    assert_eq!(
        s.actor.and_then(|i| a.actors[i].code.as_deref()),
        Some("TURGOV")
    );
    // the clashes they died in
    let clash = event(&a, "Conflict.Attack.Unspecified", "clashes", 7);
    assert_eq!(code(&a, clash, "Target"), Some("SYRMIL"));
}

#[test]
fn the_offensive_and_the_recaptured_towns() {
    let a = seed();
    let off = event(&a, "Conflict.Attack.Unspecified", "offensive", 8);
    assert_eq!(code(&a, off, "Attacker"), Some("SYRMIL"));
    assert!(off
        .arguments
        .iter()
        .any(|x| x.role == "Target" && x.text.starts_with("Hayat Tahrir al-Sham")));
    assert_eq!(time(off), Some("2019-12"));
    assert_eq!(place(off), Some("Idlib"));
    let re = event(&a, "Conflict.Capture.Unspecified", "recapturing", 8);
    assert_eq!(code(&a, re, "Captor"), Some("SYRMIL"));
    // recapturing towns is not retaking Saraqib
    let saraqib = event(&a, "Conflict.Capture.Unspecified", "retook", 13);
    assert!(!std::ptr::eq(re, saraqib));
    assert_eq!(code(&a, saraqib, "Captor"), Some("TURMIL"));
    assert_eq!(place(saraqib), Some("Saraqib"));
    assert_eq!(time(saraqib), Some("2020-02-27"));
}

#[test]
fn deployment_and_the_six_killed_in_february() {
    let a = seed();
    let d = event(&a, "Movement.Deploy.Unspecified", "deployed", 10);
    assert_eq!(code(&a, d, "Deployer"), Some("TURGOV"));
    assert_eq!(time(d), Some("2020-02"));
    let k = event(&a, "Life.Die.Unspecified", "killed", 10);
    assert_eq!(k.casualties.as_ref().unwrap().killed, Some(6.0));
    assert_eq!(time(k), Some("2020-02"));
    let counter = event(&a, "Conflict.Attack.Unspecified", "attacks", 9);
    assert_eq!(code(&a, counter, "Attacker"), Some("TUR"));
}

#[test]
fn the_deal_the_arrival_the_talks_and_the_planned_call() {
    let a = seed();
    let deal = event(&a, "Transaction.Agreement.Unspecified", "signed", 18);
    assert_eq!(time(deal), Some("2018-09"));
    assert_eq!(deal.cameo.as_ref().unwrap().code, "057");
    // "the deal" later is the same deal
    assert!(std::ptr::eq(
        deal,
        event(&a, "Transaction.Agreement.Unspecified", "deal", 19)
    ));
    let arrival = event(&a, "Movement.Transportation.Unspecified", "arrived", 21);
    assert_eq!(place(arrival), Some("Ankara"));
    assert_eq!(time(arrival), Some("2020-02-26"));
    assert_eq!(code(&a, arrival, "Transporter"), Some("RUS"));
    // the talks, "Ankara-Moscow meetings" and "the meetings" are one meeting
    let talks = event(&a, "Contact.Contact.Meet", "talks", 23);
    assert!(std::ptr::eq(
        talks,
        event(&a, "Contact.Contact.Meet", "meetings", 26)
    ));
    assert!(std::ptr::eq(
        talks,
        event(&a, "Contact.Contact.Meet", "meetings", 27)
    ));
    let call = event(&a, "Contact.Contact.Correspondence", "call", 28);
    assert_eq!(call.status, "planned");
    let who: Vec<Option<&str>> = call
        .arguments
        .iter()
        .filter(|x| x.role == "Participant")
        .map(|x| x.actor.and_then(|i| a.actors[i].code.as_deref()))
        .collect();
    // Akar ("he") holds the call, with Esper (the person, not "US")
    assert_eq!(who, [Some("TURGOV"), Some("USAGOV")]);
    let sides = call.cameo.as_ref().unwrap();
    assert_eq!(
        (sides.source.as_deref(), sides.target.as_deref()),
        (Some("TURGOV"), Some("USAGOV"))
    );
    let esper = sides.target_actor.map(|i| a.actors[i].name.as_str());
    assert_eq!(esper, Some("Mark Esper"));
}

#[test]
fn few_events_a_reader_would_reject() {
    let a = seed();
    // what a reader lists (issue 18), and what else lede may fairly report
    let listed = [
        ("Life.Die.Unspecified", "killed", 1),
        ("Life.Die.Unspecified", "deaths", 2),
        ("Conflict.Attack.Unspecified", "clashes", 7),
        ("Conflict.Attack.Unspecified", "offensive", 8),
        ("Conflict.Capture.Unspecified", "recapturing", 8),
        ("Conflict.Attack.Unspecified", "attacks", 9),
        ("Movement.Deploy.Unspecified", "deployed", 10),
        ("Life.Die.Unspecified", "killed", 10),
        ("Conflict.Capture.Unspecified", "retook", 13),
        ("Transaction.Agreement.Unspecified", "signed", 18),
        ("Movement.Transportation.Unspecified", "arrived", 21),
        ("Contact.Contact.Meet", "talks", 23),
        ("Contact.Contact.Correspondence", "call", 28),
    ];
    // real happenings the reader's list leaves out: Saraqib's earlier
    // capture, Damascus's claimed recapture, the new offensive of late December
    let fair = [
        ("Conflict.Capture.Unspecified", "capture", 13),
        ("Conflict.Capture.Unspecified", "recaptured", 14),
        ("Conflict.Attack.Unspecified", "offensive", 19),
    ];
    let known: Vec<*const EventOut> = listed
        .iter()
        .chain(fair.iter())
        .map(|&(k, t, s)| event(&a, k, t, s) as *const EventOut)
        .collect();
    let rejected: Vec<&str> = a
        .events
        .iter()
        .filter(|e| !known.contains(&(*e as *const EventOut)))
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        rejected.len() <= 2,
        "events a reader would reject: {rejected:?}"
    );
}
