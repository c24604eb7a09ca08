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

#[test]
fn gunshots_are_attacks_and_films_are_not() {
    let a = run("A man was shot dead by police in Strasbourg. The film was shot in Morocco.");
    let shot: Vec<&EventOut> = a.events.iter().filter(|e| e.text == "shot").collect();
    assert_eq!(shot.len(), 1, "{:#?}", a.events);
    assert_eq!(shot[0].kind, "Conflict.Attack.Unspecified");
    assert_eq!(event(&a, "dead").kind, "Life.Die.Unspecified");
}

#[test]
fn an_attempted_killing_is_an_attack() {
    let a = run("Police are investigating the assassination attempt against the mayor.");
    assert_eq!(
        event(&a, "assassination").kind,
        "Conflict.Attack.Unspecified"
    );
}

#[test]
fn one_disease_named_twice_is_one_outbreak() {
    let a = run("Cholera is spreading in Aden. Doctors counted 300 cases of cholera this week.");
    let e = event(&a, "Cholera");
    assert_eq!(e.kind, "Disaster.DiseaseOutbreak.Unspecified");
    assert_eq!(e.mentions.len(), 2, "{:#?}", a.events);
    assert!(!a.events.iter().any(|e| e.text == "cholera"));
}

#[test]
fn those_included_are_patients_one_argument_each() {
    let a = run("Police arrested ten activists on Sunday, including Maria Lopez and Juan Perez.");
    let e = event(&a, "arrested");
    let detainees: Vec<&str> = e
        .arguments
        .iter()
        .filter(|x| x.role == "Detainee")
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(detainees, ["ten activists", "Maria Lopez", "Juan Perez"]);
}

#[test]
fn a_place_noun_of_the_clause_is_the_place() {
    let a = run("A bomb exploded at the station on Friday.");
    let e = event(&a, "exploded");
    assert_eq!(arg(e, "Place"), Some("the station"));
    assert_eq!(arg(e, "ExplosiveDevice"), Some("A bomb"));
    assert_eq!(arg(e, "Attacker"), None);
}

#[test]
fn a_closing_attribution_is_the_source() {
    let a = run("Killings of tribal leaders rocked the east of Deir ez-Zor, Al-Monitor reported.");
    let s = event(&a, "Killings").source.as_ref().expect("a source");
    assert_eq!(s.cue.as_ref().unwrap().text, "reported");
}

#[test]
fn a_motion_verb_needs_a_mover_and_a_place() {
    let a = run("McVeigh drove to Junction City on April 14. He came to power in 2013.");
    let e = event(&a, "drove");
    assert_eq!(e.kind, "Movement.Transportation.Unspecified");
    assert_eq!(arg(e, "Destination"), Some("Junction City"));
    assert!(
        !a.events.iter().any(|e| e.text == "came"),
        "{:#?}",
        a.events
    );
}

#[test]
fn a_bomb_goes_off_an_alarm_does_not() {
    let a = run("A bomb went off in Kabul on Monday. The fire alarm went off at noon.");
    let bombs: Vec<_> = a.events.iter().filter(|e| e.text == "went").collect();
    assert_eq!(bombs.len(), 1, "{:#?}", a.events);
    assert_eq!(bombs[0].kind, "Conflict.Attack.DetonateExplode");
    assert_eq!(bombs[0].roleset.as_deref(), Some("go_off.16"));
    assert_eq!(arg(bombs[0], "ExplosiveDevice"), Some("A bomb"));
}

#[test]
fn seizing_people_is_a_detention_seizing_a_town_a_capture() {
    let a =
        run("Gunmen seized hundreds of hostages in Kizlyar. Rebels seized the town of Saraqib.");
    let types: Vec<_> = a
        .events
        .iter()
        .filter(|e| e.text == "seized")
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        types,
        [
            "Justice.ArrestJailDetain.Unspecified",
            "Conflict.Capture.Unspecified"
        ]
    );
}

#[test]
fn lives_claimed_are_deaths_with_a_count() {
    let a = run("The blast claimed the lives of 30 people. The group claimed responsibility.");
    let e = event(&a, "claimed");
    assert_eq!(e.kind, "Life.Die.Unspecified");
    assert_eq!(e.casualties.as_ref().unwrap().killed, Some(30.0));
    assert_eq!(a.events.iter().filter(|e| e.text == "claimed").count(), 1);
}

#[test]
fn phrasal_verbs_are_read_with_their_particle() {
    let a = run("Iran shot down a US drone on Thursday.");
    let e = event(&a, "shot");
    assert_eq!(e.roleset.as_deref(), Some("shoot_down.05"));
    assert_eq!(e.kind, "Conflict.Attack.Unspecified");
    assert_eq!(arg(e, "Target"), Some("a US drone"));
}

#[test]
fn a_death_toll_counts_the_dead() {
    for (text, killed) in [
        (
            "The death toll from the bombing rose to 30 on Friday.",
            30.0,
        ),
        ("Officials gave a death toll of 11.", 11.0),
        ("The death toll has risen to more than 100.", 100.0),
    ] {
        let a = run(text);
        let e = event(&a, "death");
        assert_eq!(
            e.casualties.as_ref().and_then(|c| c.killed),
            Some(killed),
            "{text}"
        );
    }
}

#[test]
fn injuring_at_least_forty_counts_forty() {
    let a = run("The bombing killed 12, injuring at least 40.");
    let e = event(&a, "injuring");
    assert_eq!(arg(e, "Victim"), Some("at least 40"));
    let c = e.casualties.as_ref().unwrap();
    assert_eq!((c.injured, c.comparator), (Some(40.0), Some("ge")));
}

#[test]
fn a_gerund_listed_only_as_a_verb_is_its_event() {
    let a = run("They deplored the maiming of villagers in the north.");
    assert_eq!(event(&a, "maiming").kind, "Life.Injure.Unspecified");
}

#[test]
fn the_hundred_and_thirty_injured_are_counted() {
    let a = run("Of the 130 injured, 77 were women.");
    let e = event(&a, "injured");
    assert_eq!(arg(e, "Victim"), Some("130"));
    assert_eq!(e.casualties.as_ref().unwrap().injured, Some(130.0));
}

#[test]
fn killed_and_injured_are_counted_apart() {
    for (text, killed, injured) in [
        (
            "The attack killed 13 Turkish soldiers and injured 71.",
            13.0,
            71.0,
        ),
        (
            "The attack, which killed three people and injured more than 260, shocked the city.",
            3.0,
            260.0,
        ),
    ] {
        let a = run(text);
        let k = event(&a, "killed")
            .casualties
            .as_ref()
            .and_then(|c| c.killed);
        let i = event(&a, "injured")
            .casualties
            .as_ref()
            .and_then(|c| c.injured);
        assert_eq!((k, i), (Some(killed), Some(injured)), "{text}");
    }
}

#[test]
fn appeals_and_threats_with_a_named_communicator() {
    let a = run("Police have urged people to avoid the area.");
    let e = event(&a, "urged");
    assert_eq!(e.kind, "Contact.RequestCommand.Unspecified");
    assert_eq!(arg(e, "Communicator"), Some("Police"));
    let a = run("The governor called on the prosecutor to investigate the deaths.");
    let e = event(&a, "called");
    assert_eq!(e.kind, "Contact.RequestCommand.Unspecified");
    assert_eq!(arg(e, "Recipient"), Some("the prosecutor"));
    assert_eq!(arg(e, "Place"), None);
    // naming is no request
    let a =
        run("On Friday, the French president, Emmanuel Macron, called the explosion an attack.");
    assert!(
        a.events.iter().all(|e| e.text != "called"),
        "{:#?}",
        a.events
    );
}

#[test]
fn the_noun_a_participle_describes_is_the_victim() {
    let a = run("There were eight women, a girl and four men injured.");
    let e = event(&a, "injured");
    assert!(
        arg(e, "Victim").is_some_and(|v| v.ends_with("four men")),
        "{e:#?}"
    );
    let a = run("The people killed in the attack were buried on Sunday.");
    let e = event(&a, "killed");
    assert_eq!(arg(e, "Victim"), Some("The people"));
    assert_eq!(arg(e, "Killer"), None);
}

#[test]
fn what_an_explosion_shattered_is_its_target() {
    let a = run("The federal building in Oklahoma City was shattered by an explosion.");
    let e = event(&a, "explosion");
    assert_eq!(arg(e, "Target"), Some("The federal building"));
}

#[test]
fn a_compound_agent_of_a_mutual_act_codes_each_side_against_the_other() {
    let a = run("Moscow and Ankara accuse one another of failing to adhere to the deal.");
    let e = event(&a, "accuse");
    let cameo = e.cameo.as_ref().unwrap();
    assert_eq!(cameo.source.as_deref(), Some("RUSGOV"));
    assert_eq!(cameo.target.as_deref(), Some("TURGOV"));
    // allies acting together are not each other's targets
    let a = run("Turkey and its allied Syrian groups launched attacks on Thursday.");
    let e = event(&a, "attacks");
    assert_eq!(e.cameo.as_ref().unwrap().target, None, "{e:#?}");
}

#[test]
fn wars_hospital_stays_and_repelled_incursions() {
    let a = run("Idlib is the last rebel enclave in the country's nearly decadelong civil war.");
    assert_eq!(event(&a, "war").kind, "Conflict.Attack.Unspecified");
    // words and prices fight no war
    for text in [
        "Turkey and Russia still enjoy good relations despite a recent war of words between their presidents.",
        "The trade war between the United States and China hit exports.",
    ] {
        let a = run(text);
        assert!(a.events.iter().all(|e| e.text != "war"), "{text}: {:#?}", a.events);
    }
    let a = run("Experts in drone warfare met in London.");
    assert!(
        a.events.iter().all(|e| e.text != "warfare"),
        "{:#?}",
        a.events
    );
    let a = run("None of the injuries were serious but 11 people were taken to hospital.");
    let e = event(&a, "taken");
    assert_eq!(e.kind, "Medical.Intervention.Unspecified");
    assert_eq!(arg(e, "Patient"), Some("11 people"));
    let a = run("Federal troops were deployed to repel incursions by Chechen militants.");
    assert_eq!(
        event(&a, "repel").kind,
        "Control.ImpedeInterfereWith.Unspecified"
    );
}

#[test]
fn a_time_in_a_clause_of_another_noun_is_not_the_events() {
    let a = run("Damascus has claimed to have recaptured all areas lost after 2011.");
    assert!(event(&a, "recaptured").time.is_none());
    let a = run("The attack, which happened on Wednesday, killed two soldiers.");
    assert_eq!(
        event(&a, "attack").time.as_ref().unwrap().value,
        "2020-02-26"
    );
}
