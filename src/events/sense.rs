//! Which event, if any, a word names in its use: the verbal events CAMEO
//! codes, and the rules that keep, drop or retype a sense ("shot" as a
//! photograph, "a bomb went off", "seized hostages", "claimed nine lives").

use super::lexicon::{EventLexicon, EventSense};
use super::tree::Tree;
use super::*;
use crate::doc::{Document, Label};

/// The event sense of verb `k` when CAMEO codes it (statements, root 01,
/// excepted) and both its agent and a patient name someone; not the light
/// verb of an event ("launched an offensive").
pub(super) fn verbal_sense(
    doc: &Document,
    tree: &Tree,
    taken: &[bool],
    k: usize,
    verbs: &'static lexicon::CameoLexicon,
) -> Option<&'static EventSense> {
    if tree.upos[k] != "VERB" || attrs::reporting(tree, k) || !eventive(doc, tree, k) {
        return None;
    }
    // verbs CAMEO lists whose uses in news are mostly states or asides,
    // not one side acting on another ("the area controlled by", "attend
    // to an incident", "seek", "want", "face charges", "host matches")
    const STATES: &[&str] = &[
        "control", "attend", "affect", "seek", "want", "face", "serve", "consult", "host", "keep",
        "take", "leave", "allow", "concede", "ratify", "release", "hold", "include", "follow",
        "lead", "remain", "continue", "use", "see", "help", "need", "expect",
    ];
    // (a run with another dictionary, PETRARCH's validation verbs, knows
    // lede's verbs too)
    let own = lexicon::CameoLexicon::embedded();
    if STATES.contains(&&tree.lemma[k])
        || !verbs.knows(&tree.lemma[k]) && !own.knows(&tree.lemma[k])
    {
        return None;
    }
    // a participle that describes a noun tells a state more often than an
    // event: "towns controlled by rebels", "forces backed by Russia"
    if doc.deprels[k] == "acl" {
        return None;
    }
    // nor the aim of an event: "launched attacks to push regime forces
    // away" (but "hosting Osgiliath to celebrate Tabaski" is coded)
    let mark_to = tree.kids[k]
        .iter()
        .any(|&c| doc.deprels[c] == "mark" && doc.token_text(c).eq_ignore_ascii_case("to"));
    let aim_of_event = doc.heads[k].is_some_and(|h| {
        taken[h]
            || tree.kids[h]
                .iter()
                .any(|&c| taken[c] && light_verb(doc, tree, c) == Some(h))
    });
    if doc.deprels[k] == "advcl" && mark_to && aim_of_event {
        return None;
    }
    if tree.kids[k]
        .iter()
        .any(|&c| taken[c] && light_verb(doc, tree, c) == Some(k))
    {
        return None;
    }
    // the spans of the agent and of the patients: from the frame, else (a
    // verb the labeller passed over) from the parse
    let (agent, patients): (Range<usize>, Vec<Range<usize>>) = match tree.frame_of(k) {
        Some(f) => {
            let args = &doc.frames[f].args;
            // "condemned the attack and promised aid": the second verb's
            // agent is the first's
            let a0 = args
                .iter()
                .find(|a| a.role == "ARG0")
                .map(|a| a.tokens.clone())
                .or_else(|| {
                    let c = controlling_verb(doc, tree, k)?;
                    let f = tree.frame_of(c)?;
                    let a = doc.frames[f].args.iter().find(|a| a.role == "ARG0")?;
                    (!a.tokens.contains(&k)).then(|| a.tokens.clone())
                })?;
            // and the verb's own "to" / "with" / "against" phrases the
            // labeller gave to a noun ("promised aid to the villages")
            let patients = args
                .iter()
                .filter(|a| matches!(a.role, "ARG1" | "ARG2" | "ARGM-COM"))
                .map(|a| a.tokens.clone())
                .chain(tree.kids[k].iter().filter_map(|&c| {
                    let case = tree.kids[c].iter().find(|&&g| doc.deprels[g] == "case")?;
                    let case = doc.token_text(*case).to_lowercase();
                    (doc.deprels[c] == "obl"
                        && matches!(
                            case.as_str(),
                            "to" | "with" | "against" | "toward" | "towards"
                        ))
                    .then(|| subtree(tree, c))
                }))
                .collect();
            (a0, patients)
        }
        None => {
            let pass = passive(doc, tree, k);
            let rel = |c: &&usize| match doc.deprels[**c] {
                "nsubj" => !pass,
                "obl:agent" => pass,
                _ => false,
            };
            let h = *tree.kids[k].iter().find(rel)?;
            let patients = tree.kids[k]
                .iter()
                .filter(|&&c| matches!(doc.deprels[c], "obj" | "nsubj:pass" | "obl" | "iobj"))
                .map(|&c| subtree(tree, c))
                .collect();
            (subtree(tree, h), patients)
        }
    };
    // who did what to whom: both sides name someone in their noun phrase
    // (a name, a group, a pronoun that stands for one, or a proper noun
    // the NER missed: "The Calenardhon government", "with Gondor");
    // "took similar action", "host matches", "facing questions" are not
    // coded
    let agent_span = Span::new(
        doc.tokens[agent.start].span.start,
        doc.tokens[agent.end - 1].span.end,
    );
    let agent_named =
        actor_in(doc, tree, agent_span, None).1.is_some() || core_names(doc, tree, agent.clone());
    // (a proper noun of a time expression, "on Thursday", names no one)
    let named = |j: usize| names_actor(doc, tree, j) || tree.upos[j] == "PROPN" && !in_time(doc, j);
    // (a compound agent names both sides: "Gondor and Osgiliath have
    // postponed their meeting", "France and the Philippines agree")
    let compound = agent.clone().any(|j| {
        doc.deprels[j] == "conj" && doc.heads[j].is_some_and(|h| agent.contains(&h)) && named(j)
    });
    if !agent_named || !compound && !patients.into_iter().any(|p| p.into_iter().any(named)) {
        return None;
    }
    // the type of the code's root, else (a root of another dictionary that
    // no type has) of lede's own code
    let sense = |lex| {
        let code = cameo::clause_code(doc, k, &[&tree.lemma[k]], lex)?;
        EventLexicon::embedded().cameo_root(code.get(..2)?)
    };
    sense(verbs).or_else(|| {
        if std::ptr::eq(verbs, own) {
            None
        } else {
            sense(own)
        }
    })
}

/// The gunshot sense (`shoot.02`) of "shot" where the labeller read a
/// photograph or gave no sense: "shot dead by police", "was shot in the
/// head"; the film sense (`shoot.03`, no event) for "the film was shot in
/// Morocco" whatever the labeller read. `None` keeps the labeller's sense.
pub(super) fn gunshot(doc: &Document, tree: &Tree, k: usize, chosen: &str) -> Option<&'static str> {
    const FILMED: &[&str] = &[
        "film",
        "movie",
        "video",
        "footage",
        "scene",
        "photo",
        "picture",
        "photograph",
        "documentary",
        "episode",
        "commercial",
        "series",
        "image",
        "shot",
        "advert",
        "clip",
    ];
    let lemma = &tree.lemma[k];
    if !matches!(lemma, "shoot" | "shot") {
        return None;
    }
    let filmed = tree.kids[k]
        .iter()
        .chain(doc.heads[k].iter())
        .any(|&j| FILMED.contains(&&tree.lemma[j]));
    if filmed {
        return Some("shoot.03");
    }
    let word = |j: usize| doc.token_text(j).to_lowercase();
    // "shot dead", "shot and killed", "shot in the head", "was shot"
    let dead = tree.kids[k].iter().any(|&j| word(j) == "dead")
        || doc.tokens.get(k + 1).is_some() && word(k + 1) == "dead";
    let passive = tree.upos[k] == "VERB" && passive(doc, tree, k);
    match chosen {
        "" if dead || passive => Some("shoot.02"),
        "shoot.03" => Some("shoot.02"),
        _ => None,
    }
}

/// The attack sense for a killing that was only attempted: "the
/// assassination attempt", "an attempted murder", "a failed assassination
/// bid" name an attack, not a death.
pub(super) fn attempted(
    doc: &Document,
    tree: &Tree,
    k: usize,
    sense: &EventSense,
) -> Option<&'static EventSense> {
    if sense.kind != "Life.Die.Unspecified" || tree.upos[k] != "NOUN" {
        return None;
    }
    let head = doc.heads[k]
        .filter(|_| doc.deprels[k] == "compound")
        .map(|h| &tree.lemma[h]);
    let tried = matches!(head, Some("attempt" | "bid" | "plot"))
        || tree.kids[k].iter().any(|&j| {
            matches!(
                doc.token_text(j).to_lowercase().as_str(),
                "attempted" | "failed" | "foiled" | "botched" | "thwarted"
            )
        });
    if !tried {
        return None;
    }
    EventLexicon::embedded().roleset("attack.01")
}

/// What goes off when a bomb does.
/// What a broken bone is part of: "broke his leg" is an injury.
const BODY_PARTS: &[&str] = &[
    "arm",
    "leg",
    "bone",
    "neck",
    "nose",
    "jaw",
    "rib",
    "skull",
    "back",
    "hip",
    "wrist",
    "ankle",
    "finger",
    "hand",
    "foot",
    "collarbone",
    "shoulder",
    "spine",
    "pelvis",
    "elbow",
    "knee",
    "toe",
    "tooth",
    "teeth",
    "femur",
];

/// Who searches for a suspect: "police are hunting a man".
const INVESTIGATORS: &[&str] = &[
    "police",
    "policeman",
    "officer",
    "detective",
    "investigator",
    "authority",
    "fbi",
    "prosecutor",
    "gendarme",
    "gendarmerie",
    "agent",
    "interpol",
    "investigation",
];

const EXPLOSIVES: &[&str] = &[
    "bomb",
    "device",
    "explosive",
    "ied",
    "grenade",
    "mine",
    "landmine",
    "shell",
    "mortar",
    "rocket",
    "charge",
    "car-bomb",
];

/// Words for people, besides the agent nouns ("soldier", "rebel") and
/// names, that make a seizure an arrest or a hostage-taking.
const PEOPLE: &[&str] = &[
    "hostage",
    "people",
    "person",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "civilian",
    "tourist",
    "passenger",
    "worker",
    "resident",
    "villager",
    "student",
    "suspect",
    "member",
    "crew",
    "foreigner",
    "family",
];

/// The detention sense for a capture of people: "seized hundreds of
/// hostages", "captured two soldiers" are arrests or hostage-takings
/// (KAIROS `Justice.ArrestJailDetain`); "seized the town" stays a capture.
pub(super) fn detained(
    doc: &Document,
    tree: &Tree,
    k: usize,
    sense: &EventSense,
) -> Option<&'static EventSense> {
    if sense.kind != "Conflict.Capture.Unspecified" || tree.upos[k] != "VERB" {
        return None;
    }
    let person = |j: usize| {
        let lemma = &tree.lemma[j];
        let word = doc.token_text(j).to_lowercase();
        PEOPLE.contains(&lemma)
            || PEOPLE.contains(&word.as_str())
            || matches!(word.as_str(), "him" | "her" | "them")
            || crate::lexicon::agents()
                .get(lemma)
                .is_some_and(|code| code.starts_with('~'))
            || {
                let at = doc.tokens[j].span;
                let i = doc.entities.partition_point(|e| e.span.end <= at.start);
                doc.entities
                    .get(i)
                    .is_some_and(|e| e.span.start <= at.start && e.label == Label::Person)
            }
    };
    // the object, or the subject of a passive; through "hundreds of"
    let object = tree.kids[k]
        .iter()
        .copied()
        .find(|&c| matches!(doc.deprels[c], "obj" | "nsubj:pass"))?;
    let through = tree.kids[object].iter().copied().find(|&c| {
        doc.deprels[c] == "nmod"
            && (tree.upos[object] == "NUM"
                || matches!(
                    doc.token_text(object).to_lowercase().as_str(),
                    "hundreds"
                        | "dozens"
                        | "thousands"
                        | "scores"
                        | "millions"
                        | "group"
                        | "number"
                        | "couple"
                        | "handful"
                ))
    });
    if !(person(object) || through.is_some_and(person)) {
        return None;
    }
    EventLexicon::embedded().roleset("detain.01")
}

/// The killing sense for "claimed nine lives", "the blast claimed the
/// lives of 30 people": a death toll, not a claim.
pub(super) fn claimed_lives(tree: &Tree, k: usize, doc: &Document) -> Option<&'static EventSense> {
    if &tree.lemma[k] != "claim" || tree.upos[k] != "VERB" {
        return None;
    }
    let lives = tree.kids[k]
        .iter()
        .any(|&c| matches!(doc.deprels[c], "obj" | "nsubj:pass") && &tree.lemma[c] == "life");
    lives.then(|| EventLexicon::embedded().roleset("kill.01"))?
}

/// The hospital sense of a verb of carrying someone "to hospital" ("11
/// people were taken to hospital", "rushed to a hospital"): the one taken
/// is the patient (`ARG1`, as of `hospitalize.01`).
pub(super) fn to_hospital(tree: &Tree, k: usize, doc: &Document) -> Option<&'static EventSense> {
    let carrying = matches!(
        &tree.lemma[k],
        "take" | "rush" | "bring" | "carry" | "fly" | "airlift" | "transport" | "send" | "admit"
    );
    if !carrying || tree.upos[k] != "VERB" {
        return None;
    }
    let hospital = tree.kids[k].iter().any(|&c| {
        doc.deprels[c] == "obl"
            && &tree.lemma[c] == "hospital"
            && matches!(tree.case(doc, c).as_deref(), Some("to" | "into"))
    });
    hospital.then(|| EventLexicon::embedded().roleset("hospitalize.01"))?
}

/// Whether word `k` may name an event in this use: not "according to",
/// not "tried to" (an
/// attempt, not a trial), not "calls for calm", "sign up", "committed suicide",
/// "a 48-hour strike" (a walkout), "the Constituent Assembly".
pub(super) fn eventive(doc: &Document, tree: &Tree, k: usize) -> bool {
    let word = |j: usize| doc.token_text(j).to_lowercase();
    // the next word of the sentence, looked at only for the lemmas below
    let next = || {
        doc.sentences
            .get(sentence_of(doc, k))
            .filter(|s| k + 1 < s.tokens.end)
            .map(|_| word(k + 1))
    };
    let lemma = &tree.lemma[k];
    let child = |rels: &[&str], words: &[&str]| {
        tree.kids[k]
            .iter()
            .any(|&c| rels.contains(&doc.deprels[c]) && words.contains(&word(c).as_str()))
    };
    let noun = tree.upos[k] == "NOUN";
    match lemma {
        "try" if next().as_deref() == Some("to") => return false,
        // "according to the ministry"
        "accord" if word(k) == "according" => return false,
        "call" if noun && next().as_deref() == Some("for") => return false,
        "sign" if child(&["compound:prt"], &["up"]) || next().as_deref() == Some("up") => {
            return false
        }
        "commit" if child(&["obj"], &["suicide"]) => return false,
        // "carried out the bombing": the bombing is the event
        "carry" if child(&["compound:prt"], &["out"]) || next().as_deref() == Some("out") => {
            return false
        }
        // "pleaded not guilty" is no request
        "plead"
            if matches!(
                next().as_deref(),
                Some("guilty" | "not" | "innocent" | "no")
            ) =>
        {
            return false
        }
        "strike"
            if child(
                &["compound", "amod", "nummod"],
                &[
                    "hour",
                    "48-hour",
                    "24-hour",
                    "general",
                    "hunger",
                    "national",
                    "nationwide",
                    "labor",
                    "labour",
                    "workers",
                ],
            ) || k > 0 && word(k - 1).ends_with("-hour") =>
        {
            return false
        }
        "assembly" => return false,
        // "came under fire", "came into force"
        "come" if matches!(next().as_deref(), Some("under" | "into" | "up")) => return false,
        _ => {}
    }
    true
}

/// A noun modifying another is an event when it is an attack ("the
/// explosion area", "a bombing suspect") or the head is "toll" ("death
/// toll"), not in "death spiral" or "crime barons".
/// Also: "charges" and "charged" are legal, not assaults, in news; "pass"
/// is a death only as "pass away"; "released photos" frees no one.
pub(super) fn fits(doc: &Document, tree: &Tree, k: usize, kind: &str) -> bool {
    let lemma = &tree.lemma[k];
    let kid_word = |words: &[&str]| {
        tree.kids[k]
            .iter()
            .any(|&c| words.contains(&doc.token_text(c).to_lowercase().as_str()))
    };
    match (lemma, kind.split('.').next().unwrap_or("")) {
        ("charge", "Conflict") => return false,
        // "hits 13 officials with sanctions", "targeted by sanctions"
        (_, "Conflict")
            if tree.kids[k].iter().any(|&c| {
                matches!(
                    &tree.lemma[c],
                    "sanction" | "sanctions" | "tariff" | "tariffs"
                )
            }) =>
        {
            return false
        }
        // "to combat the symptoms", "a disease to battle", "fight poverty"
        ("combat" | "battle" | "fight" | "tackle" | "war", "Conflict")
            if tree.kids[k].iter().chain(doc.heads[k].iter()).any(|&c| {
                matches!(
                    &tree.lemma[c],
                    "symptom"
                        | "disease"
                        | "virus"
                        | "infection"
                        | "illness"
                        | "cancer"
                        | "poverty"
                        | "corruption"
                        | "inflation"
                        | "crime"
                        | "fire"
                        | "wildfire"
                        | "hunger"
                        | "addiction"
                        | "obesity"
                        | "climate"
                        | "unemployment"
                        | "misinformation"
                        | "disinformation"
                        | "drug"
                        | "pandemic"
                        | "epidemic"
                )
            }) =>
        {
            return false
        }
        // "a computer virus", "election fever", "heart disease"
        (_, "Disaster")
            if tree.kids[k].iter().any(|&c| {
                matches!(
                    &tree.lemma[c],
                    "computer"
                        | "election"
                        | "heart"
                        | "kidney"
                        | "liver"
                        | "lung"
                        | "gum"
                        | "mental"
                        | "chronic"
                        | "cabin"
                        | "spring"
                        | "gold"
                        | "hay"
                )
            }) =>
        {
            return false
        }
        ("pass", "Life") if !kid_word(&["away"]) => return false,
        // a war is an event, warfare a way of fighting ("drone warfare"),
        // and "war games" no war
        ("warfare", "Conflict") => return false,
        ("war", "Conflict") if doc.deprels[k] == "compound" => return false,
        // "a war of words", "a trade war", "a price war": no fighting
        ("war", "Conflict")
            if kid_word(&[
                "trade", "price", "tariff", "currency", "culture", "bidding", "words",
            ]) =>
        {
            return false
        }
        // "broke his leg", not "broke relations" or "broke the law"
        ("break", "Life") => {
            return tree.kids[k].iter().any(|&c| {
                matches!(doc.deprels[c], "obj" | "nsubj:pass")
                    && BODY_PARTS.contains(&&tree.lemma[c])
            })
        }
        // "police are hunting a suspect", not "hunting for a job"
        ("hunt" | "search", "Justice") => {
            return tree.kids[k]
                .iter()
                .any(|&c| doc.deprels[c] == "nsubj" && INVESTIGATORS.contains(&&tree.lemma[c]))
        }
        // "called on the government to act", "called for a ban"; not
        // "what Macron called an attack"
        ("call", "Contact") if kind.starts_with("Contact.RequestCommand") => {
            return tree.kids[k].iter().any(|&c| {
                let prt = doc.deprels[c] == "compound:prt";
                (prt || doc.deprels[c] == "obl" && !in_time(doc, c))
                    && matches!(
                        (if prt {
                            Some(doc.token_text(c).to_lowercase())
                        } else {
                            tree.case(doc, c)
                        })
                        .as_deref(),
                        Some("for" | "on")
                    )
            })
        }
        // "brought down a drone", not "brought down the government"
        ("bring", "Conflict") => {
            return tree.kids[k].iter().any(|&c| {
                matches!(doc.deprels[c], "obj" | "nsubj:pass")
                    && matches!(
                        &tree.lemma[c],
                        "drone"
                            | "plane"
                            | "aircraft"
                            | "jet"
                            | "helicopter"
                            | "airplane"
                            | "airliner"
                            | "missile"
                            | "rocket"
                            | "fighter"
                            | "bomber"
                            | "warplane"
                            | "uav"
                    )
            })
        }
        // "a bomb went off", not "the alarm went off"
        ("go", "Conflict") => {
            return tree.kids[k].iter().any(|&c| {
                doc.deprels[c].starts_with("nsubj") && EXPLOSIVES.contains(&&tree.lemma[c])
            })
        }
        ("release", "Justice") => {
            let things = [
                "photo",
                "photos",
                "image",
                "images",
                "video",
                "videos",
                "footage",
                "statement",
                "report",
                "details",
                "information",
                "figures",
                "data",
                "list",
                "names",
                "document",
                "documents",
                "records",
                "album",
                "film",
            ];
            let object = tree.kids[k].iter().any(|&c| {
                matches!(doc.deprels[c], "obj" | "nsubj:pass") && things.contains(&&tree.lemma[c])
            });
            let modified = doc.heads[k].is_some_and(|h| things.contains(&&tree.lemma[h]));
            if object || modified {
                return false;
            }
        }
        _ => {}
    }
    if tree.upos[k] != "NOUN" || doc.deprels[k] != "compound" {
        return true;
    }
    // "terror watch lists", "a terrorism investigation": no attack
    let head = doc.heads[k].map_or("", |h| &tree.lemma[h]);
    let attack = matches!(head, "attack" | "bombing" | "plot" | "strike" | "assault");
    if matches!(lemma, "terror" | "terrorism") {
        return attack;
    }
    // "dengue fever", "398 cases of chikungunya"
    let disease = kind.starts_with("Disaster.") && matches!(head, "fever" | "case");
    kind.starts_with("Conflict.") || head == "toll" || disease
}
