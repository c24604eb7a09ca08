//! Semantic roles on the seed article (`../shared/examples/idlib-2020.txt`,
//! dated 2020-02-27): the arguments a reader gives, pinned.

mod common;

use lede::output::FrameOut;
use lede::{analyze, Options};

fn seed_frames() -> Vec<FrameOut> {
    common::seed(true).1.frames.unwrap()
}

/// The frame of predicate word `word` in sentence `sentence`.
fn frame<'a>(frames: &'a [FrameOut], sentence: usize, word: &str) -> &'a FrameOut {
    frames
        .iter()
        .find(|f| f.sentence == sentence && f.text == word)
        .unwrap_or_else(|| panic!("no frame for {word:?} in sentence {sentence}"))
}

/// The text of the argument with `role`.
fn arg<'a>(f: &'a FrameOut, role: &str) -> &'a str {
    f.arguments
        .iter()
        .find(|a| a.role == role)
        .map(|a| a.text.as_str())
        .unwrap_or_else(|| {
            let have: Vec<String> = f
                .arguments
                .iter()
                .map(|a| format!("{}={:?}", a.role, a.text))
                .collect();
            panic!("{} has no {role}: {}", f.text, have.join(", "))
        })
}

#[test]
fn seed_article_who_did_what_to_whom() {
    let frames = seed_frames();
    let mut pinned = 0;
    let mut pin = |f: &FrameOut, role: &str, want: &str| {
        assert_eq!(arg(f, role), want, "{} {role}", f.text);
        pinned += 1;
    };

    // Three Turkish soldiers were killed by Syrian regime forces in the
    // northwest province of Idlib, Turkish President Recep Tayyip Erdogan said Thursday.
    let killed = frame(&frames, 1, "killed");
    assert_eq!(killed.roleset.as_deref(), Some("kill.01"));
    pin(killed, "ARG1", "Three Turkish soldiers");
    pin(killed, "ARG0", "by Syrian regime forces");
    pin(killed, "ARGM-LOC", "in the northwest province of Idlib");
    let agent = killed.arguments.iter().find(|a| a.role == "ARG0").unwrap();
    assert_eq!(agent.head.text, "forces");
    assert_eq!(agent.descr.as_deref(), Some("killer"));
    let said = frame(&frames, 1, "said");
    pin(said, "ARG0", "Turkish President Recep Tayyip Erdogan");

    // Turkish forces and their Syrian proxies retook the key town of
    // Saraqib on Thursday after its recent capture by Syrian regime forces.
    let retook = frame(&frames, 13, "retook");
    assert_eq!(retook.lemma, "retake");
    pin(retook, "ARG0", "Turkish forces and their Syrian proxies");
    pin(retook, "ARG1", "the key town of Saraqib");
    pin(retook, "ARGM-TMP", "on Thursday");

    // The two powers signed a de-confliction deal on Idlib in September 2018.
    let signed = frame(&frames, 18, "signed");
    pin(signed, "ARG0", "The two powers");
    pin(signed, "ARG1", "a de-confliction deal on Idlib");
    pin(signed, "ARGM-TMP", "in September 2018");

    // A senior Russian delegation arrived in Ankara on Wednesday for talks
    // with Turkish officials.
    let arrived = frame(&frames, 21, "arrived");
    pin(arrived, "ARG1", "A senior Russian delegation");
    pin(arrived, "ARGM-TMP", "on Wednesday");

    // Akar was he will soon hold a phone call with US Secretary of Defense
    // Mark Esper to discuss developments in Idlib.
    let hold = frame(&frames, 28, "hold");
    pin(hold, "ARG0", "he");
    pin(hold, "ARGM-MOD", "will");
    pin(hold, "ARGM-TMP", "soon");
    pin(
        hold,
        "ARG1",
        "a phone call with US Secretary of Defense Mark Esper",
    );

    // Ankara has also deployed thousands of soldiers and military vehicles
    // since the beginning of February, ...
    let deployed = frame(&frames, 10, "deployed");
    pin(deployed, "ARG0", "Ankara");
    pin(
        deployed,
        "ARG1",
        "thousands of soldiers and military vehicles",
    );
    pin(deployed, "ARGM-TMP", "since the beginning of February");

    // Turkish Defense Minister Hulusi Akar told reporters on Thursday that
    // the talks are ongoing.
    let told = frame(&frames, 23, "told");
    pin(told, "ARG0", "Turkish Defense Minister Hulusi Akar");
    pin(told, "ARG2", "reporters");
    pin(told, "ARG1", "that the talks are ongoing");

    assert!(pinned >= 15, "{pinned} arguments pinned");
}

#[test]
fn frames_are_in_text_order_and_arguments_inside_their_sentence() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/idlib-2020.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let opts = Options {
        frames: true,
        ..Default::default()
    };
    let out = analyze(&text, &opts).unwrap();
    let frames = out.frames.unwrap();
    assert!(frames.len() > 60, "{} frames", frames.len());
    assert!(frames.windows(2).all(|w| w[0].start < w[1].start));
    for f in &frames {
        let s = &out.sentences[f.sentence];
        assert!(s.start <= f.start && f.end <= s.end);
        assert!(
            f.arguments.windows(2).all(|w| w[0].end <= w[1].start),
            "{}: overlapping arguments",
            f.text
        );
        for a in &f.arguments {
            assert!(
                s.start <= a.start && a.end <= s.end,
                "{} {}",
                f.text,
                a.text
            );
            assert!(a.start <= a.head.start && a.head.end <= a.end);
            assert!(
                a.end <= f.start || a.start >= f.end,
                "{}: {} covers the predicate",
                f.text,
                a.text
            );
        }
        // a numbered role at most once per predicate
        let mut numbered: Vec<&str> = f
            .arguments
            .iter()
            .map(|a| a.role)
            .filter(|r| r.starts_with("ARG") && !r.starts_with("ARGM"))
            .collect();
        let n = numbered.len();
        numbered.sort_unstable();
        numbered.dedup();
        assert_eq!(n, numbered.len(), "{}: a numbered role twice", f.text);
    }
}

#[test]
fn frames_only_when_asked_for_and_empty_on_empty_text() {
    let plain = analyze("Rebels shelled the town.", &Options::default()).unwrap();
    assert!(plain.frames.is_none());
    let opts = Options {
        frames: true,
        ..Default::default()
    };
    assert_eq!(analyze("", &opts).unwrap().frames, Some(vec![]));
    assert_eq!(analyze("  \n\n ", &opts).unwrap().frames, Some(vec![]));
    let json = lede::analyze_to_json("", &opts).unwrap();
    assert!(json.contains("\"frames\":[]"), "{json}");
    // bad options are still errors
    assert!(Options::from_json(r#"{"frames": "yes"}"#).is_err());
}

#[test]
fn a_passive_is_undone_and_an_unknown_verb_still_gets_roles() {
    let opts = Options {
        frames: true,
        ..Default::default()
    };
    let out = analyze("The town was shelled by rebels on Monday.", &opts).unwrap();
    let frames = out.frames.unwrap();
    let shelled = frames.iter().find(|f| f.text == "shelled").unwrap();
    assert_eq!(arg(shelled, "ARG1"), "The town");
    assert_eq!(arg(shelled, "ARG0"), "by rebels");
    assert_eq!(arg(shelled, "ARGM-TMP"), "on Monday");
}
