//! Events: who did what to whom, where, when and how many.
//!
//! Triggers are the predicates of the semantic-role stage whose roleset is
//! an event of the lexicon (`kill.01` → `Life.Die.Unspecified`, ARG0 →
//! Killer, ARG1 → Victim), and event nouns the frame files lack
//! ("offensive"). Reporting verbs ("said", "announced") are no events but
//! the source of the events in their complement. Each event gets its
//! arguments (with their entities and actors, pronouns and group nouns
//! resolved by the actors stage), its time and place (stated in its
//! clause, or inherited from its sentence), its casualties, its status
//! (asserted, negated, planned, possible), its source, the other mentions
//! of the same happening, and its CAMEO coding.
//!
//! Rules over the frames, the parse, the actors, the times and the
//! quantities; no model of its own.

mod attrs;
mod cameo;
#[cfg(feature = "train")]
pub mod eval;
#[cfg(feature = "train")]
pub mod petrarch;

pub use cameo::AGENT_ROLES;
pub mod lexicon;
mod merge;
mod sense;
mod tree;

use std::ops::Range;

use crate::doc::{Casualties, Document, EventArg, EventPlace, EventTime, Label, Source, Span};
use lexicon::{EventLexicon, EventSense};
use sense::{attempted, claimed_lives, detained, eventive, fits, gunshot, verbal_sense};
use tree::Tree;

/// Verbs that take an event noun as their object without adding an event
/// of their own: "launched an offensive", "held talks", "signed a deal".
const LIGHT: &[&str] = &[
    "launch", "hold", "carry", "conduct", "stage", "mount", "begin", "start", "have", "make",
    "take", "wage", "sign", "reach", "continue", "resume", "open", "lead",
];

/// Weapons: as an event's agent, its instrument ("the bomb exploded").
const WEAPONS: &[&str] = &[
    "bomb",
    "device",
    "explosive",
    "explosives",
    "grenade",
    "mine",
    "landmine",
    "missile",
    "rocket",
    "shell",
    "mortar",
    "ied",
    "drone",
    "blast",
    "explosion",
    "car",
    "truck",
    "vehicle",
    "gun",
    "rifle",
    "bullet",
    "projectile",
    "artillery",
    "airstrike",
    "strike",
    "shelling",
];

/// Nouns of places and buildings: an event's place when the clause says
/// "at the station", "in a street" (not "in an election", "on Friday").
const PLACE_NOUNS: &[&str] = &[
    "street",
    "road",
    "avenue",
    "highway",
    "motorway",
    "bridge",
    "square",
    "station",
    "airport",
    "airfield",
    "port",
    "harbour",
    "harbor",
    "house",
    "home",
    "apartment",
    "flat",
    "building",
    "tower",
    "block",
    "hotel",
    "restaurant",
    "cafe",
    "café",
    "bar",
    "pub",
    "club",
    "shop",
    "store",
    "market",
    "marketplace",
    "mall",
    "bank",
    "office",
    "headquarters",
    "embassy",
    "consulate",
    "school",
    "university",
    "campus",
    "college",
    "hospital",
    "clinic",
    "church",
    "mosque",
    "synagogue",
    "temple",
    "shrine",
    "cemetery",
    "prison",
    "jail",
    "camp",
    "base",
    "barracks",
    "post",
    "checkpoint",
    "border",
    "crossing",
    "compound",
    "village",
    "town",
    "city",
    "capital",
    "district",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "province",
    "region",
    "state",
    "county",
    "area",
    "zone",
    "territory",
    "frontier",
    "coast",
    "island",
    "valley",
    "mountain",
    "desert",
    "field",
    "farm",
    "forest",
    "park",
    "stadium",
    "arena",
    "venue",
    "court",
    "courthouse",
    "parliament",
    "palace",
    "ministry",
    "plant",
    "factory",
    "refinery",
    "mine",
    "warehouse",
    "depot",
    "garage",
    "bus",
    "train",
    "car",
    "vehicle",
    "ship",
    "boat",
    "plane",
    "aircraft",
    "line",
    "corner",
    "junction",
    "intersection",
    "entrance",
    "gate",
    "checkpoints",
    "quarter",
    "scene",
    "site",
    "locality",
    "hamlet",
    "settlement",
];

/// Modals and what they make of an event.
const MODALS: &[(&str, &str)] = &[
    ("will", "planned"),
    ("'ll", "planned"),
    ("shall", "planned"),
    ("would", "planned"),
    ("may", "possible"),
    ("might", "possible"),
    ("could", "possible"),
    ("can", "possible"),
];

/// Verbs whose infinitive complement is planned ("plans to meet") or did
/// not happen ("failed to adhere").
const PLANNING: &[&str] = &[
    "plan", "intend", "prepare", "aim", "expect", "schedule", "want", "hope", "seek", "threaten",
    "vow", "promise", "agree", "decide",
];
const FAILING: &[&str] = &["fail", "refuse", "decline", "deny", "avoid"];

/// One mention before mentions of one happening are merged.
struct Mention {
    sense: &'static EventSense,
    trigger: usize,
    sentence: usize,
    roleset: Option<String>,
    args: Vec<EventArg>,
    time: Option<EventTime>,
    place: Option<EventPlace>,
    casualties: Option<Casualties>,
    status: &'static str,
    source: Option<Source>,
    noun: bool,
    /// The spans of all its semantic-role arguments.
    spans: Vec<Range<usize>>,
    /// Whether "again" or "the" makes it a mention of an event named before.
    anaphoric: bool,
}

/// Find the document's events (`doc.events`). Needs the frames, the
/// parse, the actors, times, quantities and quotes.
pub fn find(doc: &mut Document) {
    if doc.heads.is_empty() {
        return;
    }
    let tree = Tree::new(doc);
    let lexicon = EventLexicon::embedded();
    let frames = crate::roles::frames::Frames::embedded();
    let mut mentions: Vec<Mention> = Vec::new();
    // the event sense of a word: its own roleset's, else that of another
    // roleset of its lemma the labeller passed over ("blast" as a noise,
    // "explosion" as growth: in news, nearly always the attack)
    let sense_of = |k: usize, chosen: Option<u32>| -> Option<(String, &'static EventSense)> {
        if !eventive(doc, &tree, k) {
            return None;
        }
        if let Some(s) = claimed_lives(&tree, k, doc) {
            return Some(("kill.01".to_string(), s));
        }
        let noun = tree.upos[k] != "VERB";
        let usable = |s: &EventSense| s.nouns_only.is_none_or(|n| n == noun);
        if let Some(r) = chosen.and_then(|i| frames.roleset(i)) {
            let id = gunshot(doc, &tree, k, &r.id).unwrap_or(&r.id);
            if let Some(s) = lexicon.roleset(id).filter(|s| usable(s)) {
                return Some((id.to_string(), s));
            }
        }
        let pos = match tree.upos[k] {
            "VERB" => b'v',
            "NOUN" => b'n',
            "ADJ" => b'j',
            _ => return None,
        };
        let lemma = &tree.lemma[k];
        // "shot" is a photograph as often as a gunshot
        if lemma == "shoot" || lemma == "shot" {
            let id = gunshot(doc, &tree, k, "")?;
            return lexicon.roleset(id).map(|s| (id.to_string(), s));
        }
        // a noun's frame files name it by its form ("injured", "deaths")
        // as often as by its lemma
        let form = doc.token_text(k).to_lowercase();
        let evoked = match frames.evoked(pos, lemma) {
            [] if pos != b'v' => match frames.evoked(pos, &form) {
                // a gerund the frame files list only as a verb ("the
                // maiming of men"): the verb's rolesets
                [] if pos == b'n' && form.ends_with("ing") => {
                    let verb = crate::tag::lemma::Lemmatizer::embedded().lemma(&form, "VERB");
                    frames.evoked(b'v', &verb)
                }
                found => found,
            },
            found => found,
        };
        evoked.iter().find_map(|&i| {
            let r = frames.roleset(i)?;
            lexicon
                .roleset(&r.id)
                .filter(|s| usable(s))
                .map(|s| (r.id.clone(), s))
        })
    };
    let sense_of = |k: usize, chosen: Option<u32>| {
        sense_of(k, chosen)
            .map(|(id, s)| {
                match attempted(doc, &tree, k, s).or_else(|| detained(doc, &tree, k, s)) {
                    Some(other) => (id, other),
                    None => (id, s),
                }
            })
            .filter(|(_, s)| fits(doc, &tree, k, s.kind))
    };
    let mut taken = vec![false; doc.tokens.len()];
    for (f, frame) in doc.frames.iter().enumerate() {
        let k = frame.predicate;
        let Some((id, sense)) = sense_of(k, frame.roleset) else {
            continue;
        };
        taken[k] = true;
        mentions.push(mention(doc, &tree, sense, k, Some(f), Some(id)));
    }
    // words the labeller did not take for predicates
    let free: Vec<usize> = (0..doc.tokens.len())
        .filter(|&k| !taken[k] && matches!(tree.upos[k], "NOUN" | "VERB" | "ADJ"))
        .collect();
    for k in free {
        if let Some((id, sense)) = sense_of(k, None) {
            taken[k] = true;
            mentions.push(mention(doc, &tree, sense, k, None, Some(id)));
        }
    }
    // event nouns the frame files lack
    let nouns_from = mentions.len();
    for s in 0..doc.sentences.len() {
        for k in doc.sentences[s].tokens.clone() {
            // "launched an offensive" is often tagged an adjective
            let nominal = tree.upos[k] == "NOUN"
                || tree.upos[k] == "ADJ"
                    && k > 0
                    && matches!(tree.upos[k - 1], "DET" | "ADJ")
                    && doc
                        .tokens
                        .get(k + 1)
                        .is_none_or(|_| !matches!(tree.upos[k + 1], "NOUN" | "PROPN"));
            if !nominal || taken[k] {
                continue;
            }
            if !eventive(doc, &tree, k) {
                continue;
            }
            if let Some(sense) = lexicon
                .noun(&tree.lemma[k])
                .filter(|s| fits(doc, &tree, k, s.kind))
            {
                mentions.push(mention(doc, &tree, sense, k, None, None));
            }
        }
    }
    for m in &mentions[nouns_from..] {
        taken[m.trigger] = true;
    }
    // verbs CAMEO codes that no event roleset covers: "condemned",
    // "urged", "promised aid" (GDELT's verbal events)
    for k in 0..doc.tokens.len() {
        if taken[k] {
            continue;
        }
        if let Some(sense) = verbal_sense(doc, &tree, &taken, k) {
            let f = tree.frame_of(k);
            let roleset = f
                .and_then(|f| doc.frames[f].roleset)
                .and_then(|i| frames.roleset(i))
                .map(|r| r.id.clone());
            mentions.push(mention(doc, &tree, sense, k, f, roleset));
        }
    }
    // "killed three people and injured more than 260", "killed 13 soldiers
    // and injured 71": the parse often takes "and injured ..." into the
    // killing's victims (and the tagger "injured" for an adverb): the
    // killing's victims end before it, and the injury gets the number after
    // it as its own (read off the words: the parse hangs it anywhere)
    if let Some(injure) = lexicon.roleset("injure.01") {
        let mut found = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            if m.sense.kind != "Life.Die.Unspecified" || m.noun {
                continue;
            }
            let end = doc.sentences[m.sentence].tokens.end.min(m.trigger + 12);
            let word = (m.trigger + 2..end).find(|&j| {
                matches!(doc.token_text(j - 1), "and" | ",")
                    && matches!(
                        doc.token_text(j).to_lowercase().as_str(),
                        "injured" | "wounded" | "injuring" | "wounding"
                    )
            });
            let Some(j) = word else { continue };
            // the injury's own mention, if it has one; else only where the
            // tagger read the word as an adverb or adjective
            let own = mentions.iter().position(|x| x.trigger == j);
            if own.is_none() && (taken[j] || !matches!(tree.upos[j], "ADV" | "ADJ")) {
                continue;
            }
            if let Some(c) = (j + 1..(j + 4).min(end)).find(|&c| tree.upos[c] == "NUM") {
                found.push((i, j, c, own));
            }
        }
        for (i, j, c, own) in found {
            let killing = &mut mentions[i];
            for a in killing.args.iter_mut() {
                if a.tokens.contains(&j) && a.tokens.start < j - 1 {
                    let r = trim(&tree, a.tokens.start..j - 1);
                    *a = argument(doc, &tree, a.role, r.clone(), head_in(doc, &r));
                }
            }
            killing.casualties =
                attrs::casualties(doc, &tree, killing.sense, killing.trigger, &killing.args);
            // who killed injured too
            let injurer = killing
                .args
                .iter()
                .find(|a| a.role == "Killer")
                .map(|a| EventArg {
                    role: "Injurer",
                    ..a.clone()
                });
            let injury = match own {
                Some(x) => &mut mentions[x],
                None => {
                    taken[j] = true;
                    mentions.push(mention(
                        doc,
                        &tree,
                        injure,
                        j,
                        None,
                        Some("injure.01".into()),
                    ));
                    mentions.last_mut().expect("just pushed")
                }
            };
            if injury.args.iter().any(|a| a.role == "Victim") {
                continue;
            }
            if !injury.args.iter().any(|a| a.role == "Injurer") {
                injury.args.extend(injurer);
            }
            injury
                .args
                .push(argument(doc, &tree, "Victim", j + 1..c + 1, c));
            injury.spans.push(j + 1..c + 1);
            injury.casualties = attrs::casualties(doc, &tree, injury.sense, j, &injury.args);
        }
    }
    mentions.sort_by_key(|m| m.trigger);
    for m in &mut mentions {
        m.anaphoric = merge::anaphoric(doc, &tree, m);
    }
    // a movement or contact with nothing known of it ("bring about
    // stability") is seldom news
    // a motion verb is an event with a mover and a place ("McVeigh drove
    // to Junction City"), not "came to power", "moved on"
    mentions.retain(|m| {
        !m.sense.needs_place
            || m.args
                .iter()
                .find(|a| matches!(a.role, "Transporter" | "PassengerArtifact"))
                .is_some_and(|a| {
                    let head = head_in(doc, &a.tokens);
                    a.actor.is_some()
                        || matches!(tree.upos[head], "PROPN" | "PRON") && !in_time(doc, head)
                })
                && (m.place.is_some_and(|p| p.stated)
                    || m.args
                        .iter()
                        .any(|a| matches!(a.role, "Place" | "Destination" | "Origin")))
    });
    mentions.retain(|m| {
        let loose = m.sense.kind.starts_with("Movement.") || m.sense.kind.starts_with("Contact.");
        !loose
            || m.anaphoric
            || m.args.iter().any(|a| a.actor.is_some())
            || m.place.is_some_and(|p| p.stated)
    });
    doc.events = merge::merge(doc, mentions);
    for e in 0..doc.events.len() {
        let cameo = cameo::cameo(doc, &tree, &doc.events[e]);
        doc.events[e].cameo = cameo;
    }
}

/// Whether the noun phrase that opens `span` (after a preposition, up to
/// the next preposition, verb or punctuation) names someone: "Iraqi
/// authorities", "with Gondor", "Eriadori and Calenardhon leaders"; not
/// "the departure of ... staff in Caracas".
fn core_names(doc: &Document, tree: &Tree, span: Range<usize>) -> bool {
    let mut seen_noun = false;
    for j in span {
        let upos = tree.upos[j];
        match upos {
            "ADP" if !seen_noun => continue,
            "ADP" | "VERB" | "AUX" | "SCONJ" | "PUNCT" if seen_noun || upos != "ADP" => {
                if upos == "PUNCT" && matches!(doc.token_text(j), "-" | "'" | "’") {
                    continue;
                }
                break;
            }
            _ => {}
        }
        if names_word(doc, tree, j) {
            return true;
        }
        seen_noun |= matches!(upos, "NOUN" | "PROPN" | "PRON");
    }
    false
}

/// Whether word `j` names someone: a linked name, a group or pronoun that
/// stands for one, a proper noun, an agent noun ("government").
fn names_word(doc: &Document, tree: &Tree, j: usize) -> bool {
    names_actor(doc, tree, j)
        || tree.upos[j] == "PROPN"
        || tree.upos[j] == "NOUN" && crate::lexicon::agents().get(&tree.lemma[j]).is_some()
}

/// Whether token `h` is (in) a name linked to an actor, or a group phrase
/// or pronoun that stands for one.
fn names_actor(doc: &Document, tree: &Tree, h: usize) -> bool {
    let at = doc.tokens[h].span;
    linked_entity_at(doc, at).is_some() || {
        let j = tree.refs.partition_point(|r| r.0.end <= at.start);
        tree.refs
            .get(j)
            .is_some_and(|r| r.0.start <= at.start && at.end <= r.0.end)
    }
}

/// The head of the words `r`: the first whose own head lies outside them.
fn head_in(doc: &Document, r: &Range<usize>) -> usize {
    r.clone()
        .find(|&j| doc.heads[j].is_none_or(|h| !r.contains(&h)))
        .unwrap_or(r.start)
}

/// Whether token `j` lies in a time expression ("on Thursday").
fn in_time(doc: &Document, j: usize) -> bool {
    let at = doc.tokens[j].span;
    let i = doc.times.partition_point(|t| t.span.end <= at.start);
    doc.times.get(i).is_some_and(|t| t.span.start <= at.start)
}

/// The entity that covers `at` and its actor, when it has one.
fn linked_entity_at(doc: &Document, at: Span) -> Option<(usize, usize)> {
    let i = doc.entities.partition_point(|e| e.span.end <= at.start);
    doc.entities.get(i).filter(|e| e.span.start <= at.start)?;
    Some((i, doc.entity_actors.get(i).copied().flatten()?))
}

fn sentence_of(doc: &Document, k: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.tokens.end <= k)
        .min(doc.sentences.len().saturating_sub(1))
}

/// One mention: its arguments, time, place, casualties, status and source.
fn mention(
    doc: &Document,
    tree: &Tree,
    sense: &'static EventSense,
    k: usize,
    frame: Option<usize>,
    roleset: Option<String>,
) -> Mention {
    let sentence = sentence_of(doc, k);
    let noun = tree.upos[k] != "VERB";
    let light = if noun { light_verb(doc, tree, k) } else { None };
    let (agent, patient) = (
        sense.role("ARG0").unwrap_or("Agent"),
        sense.role("ARG1").unwrap_or("Patient"),
    );
    let mut args: Vec<EventArg> = Vec::new();
    let mut tmp: Vec<Range<usize>> = Vec::new();
    let mut loc: Vec<Range<usize>> = Vec::new();
    let mut modal: Option<&str> = None;
    let mut negated = false;
    let mut has_agent = false;
    let mut spans: Vec<Range<usize>> = Vec::new();
    if let Some(f) = frame {
        for a in &doc.frames[f].args {
            spans.push(a.tokens.clone());
            match a.role {
                "ARGM-TMP" => tmp.push(a.tokens.clone()),
                "ARGM-LOC" => loc.push(a.tokens.clone()),
                "ARGM-NEG" => negated = true,
                "ARGM-MOD" => modal = Some(doc.token_text(a.head)),
                r => {
                    if r == "ARG0" {
                        has_agent = true;
                    }
                    // a lone adjective ("shot dead") is a state, no participant
                    let state = tree.upos[a.head] == "ADJ" && a.tokens.len() == 1;
                    let movement = sense.kind.starts_with("Movement.");
                    // "drove to Junction City": the goal, or a "to" phrase
                    // the labeller numbered for another roleset, whose role
                    // the movement's roleset does not have
                    let towards = || {
                        matches!(
                            doc.token_text(a.tokens.start).to_lowercase().as_str(),
                            "to" | "into" | "toward" | "towards"
                        )
                    };
                    let role = match sense.role(r).filter(|_| !state) {
                        _ if r == "ARGM-GOL" && movement => Some("Destination"),
                        Some(role) => Some(role),
                        None if movement && !state && r.starts_with("ARG") && towards() => {
                            Some("Destination")
                        }
                        None => None,
                    };
                    if let Some(role) = role {
                        args.push(argument(
                            doc,
                            tree,
                            role,
                            trim(tree, a.tokens.clone()),
                            a.head,
                        ));
                    }
                }
            }
        }
    }
    // a verb the labeller passed over, or the subject and object it left
    // out ("suicide bombers attacked Camp Shorabak" after a long opening
    // phrase): read off the parse, for the roles no frame argument fills
    let has = |r: &str| frame.is_some_and(|f| doc.frames[f].args.iter().any(|a| a.role == r));
    let missing = !has("ARG0") || !has("ARG1");
    if !noun && missing {
        let pass = passive(doc, tree, k);
        // a bare participle's subject is what it happened to ("Two of the
        // 12 initially killed")
        let participle = crate::tag::Tagger::embedded()
            .names(doc.pos.get(k).copied().unwrap_or(0) as usize)
            .1
            == "VBN"
            && !tree.kids[k].iter().any(|&c| doc.deprels[c] == "aux");
        for &c in &tree.kids[k] {
            let by = || {
                tree.kids[c].iter().any(|&g| {
                    doc.deprels[g] == "case" && doc.token_text(g).eq_ignore_ascii_case("by")
                })
            };
            // "injuring at least 40": the parse makes a number with "at
            // least" an oblique; for a killing or an injury it is the count
            // of victims
            let count = doc.deprels[c] == "obl"
                && tree.upos[c] == "NUM"
                && sense.kind.starts_with("Life.")
                && !tree.kids[c].iter().any(|&g| doc.deprels[g] == "case");
            let arg = match doc.deprels[c] {
                "nsubj" if !pass && !participle => "ARG0",
                "nsubj" | "nsubj:pass" | "obj" => "ARG1",
                "obl" if count => "ARG1",
                "obl" | "obl:agent" if frame.is_none() && by() => "ARG0",
                _ => continue,
            };
            if has(arg) || spans.iter().any(|r| r.contains(&c)) {
                continue;
            }
            if let Some(role) = sense.role(arg) {
                if arg == "ARG0" {
                    has_agent = true;
                }
                let span = subtree(tree, c);
                spans.push(span.clone());
                args.push(argument(doc, tree, role, trim(tree, span), c));
            }
        }
    }
    if noun {
        // "an offensive against HTS", "talks with Turkish officials", "the
        // SAA's offensive", "Ankara-Moscow talks"
        for &c in &tree.kids[k] {
            let case = tree.kids[c]
                .iter()
                .find(|&&g| doc.deprels[g] == "case")
                .map(|&g| doc.token_text(g).to_lowercase());
            let role = match (doc.deprels[c], case.as_deref()) {
                // not "Saturday's attack"
                ("nmod:poss", _) if in_time(doc, c) => None,
                ("nmod:poss", _) => Some(agent),
                ("nmod", Some("against" | "on")) => Some(patient),
                ("nmod", Some("with" | "between")) => Some(
                    sense
                        .roles
                        .iter()
                        .find(|r| r.1 == "Participant" || r.1 == "Target")
                        .map_or(patient, |r| r.1),
                ),
                ("nmod", Some("of")) if sense.kind.starts_with("Life.") => Some(patient),
                // "the 130 injured", "the 11 dead"
                ("nummod" | "compound", _)
                    if tree.upos[c] == "NUM" && sense.kind.starts_with("Life.") =>
                {
                    Some(patient)
                }
                ("nmod", Some("by")) => Some(agent),
                ("compound" | "amod", _) if is_actor_word(doc, c) => Some(agent),
                _ => None,
            };
            if let Some(role) = role {
                if matches!(doc.deprels[c], "nmod:poss") || case.as_deref() == Some("by") {
                    has_agent = true;
                }
                // a pronoun the labeller gave the role ("its capture by
                // regime forces") yields to a name
                args.retain(|a| {
                    !(a.role == role && a.actor.is_none() && tree.upos[a.tokens.start] == "PRON")
                });
                if !args
                    .iter()
                    .any(|a| a.tokens.contains(&c) || a.role == role && role != "Participant")
                {
                    let span = subtree(tree, c);
                    args.push(argument(doc, tree, role, trim(tree, span), c));
                }
            }
        }
    }
    // "a death toll of 11", "the death toll rose to 30": the toll's number
    // counts the victims
    if noun && sense.kind.starts_with("Life.") && !args.iter().any(|a| a.role == patient) {
        if let Some(n) = toll_count(doc, tree, k) {
            // the number and its modifiers ("more than 100"), not the
            // clause a number heads ("the death toll is 40")
            let from = tree.kids[n]
                .iter()
                .copied()
                .filter(|&c| c < n && matches!(doc.deprels[c], "advmod" | "case" | "fixed"))
                .min()
                .unwrap_or(n);
            let span = if doc.heads[k].and_then(|t| doc.heads[t]) == Some(n) {
                from..n + 1
            } else {
                subtree(tree, n)
            };
            spans.push(span.clone());
            args.push(argument(doc, tree, patient, trim(tree, span), n));
        }
    }
    // "an offensive against HTS" where the parse lost the preposition
    if noun && !args.iter().any(|a| a.role == patient) {
        if let Some(next) = doc.tokens.get(k + 1).map(|_| k + 1) {
            if matches!(
                doc.token_text(next).to_lowercase().as_str(),
                "against" | "on"
            ) {
                let end = (next + 1..doc.sentences[sentence].tokens.end)
                    .find(|&j| {
                        matches!(tree.upos[j], "ADP" | "VERB" | "SCONJ")
                            || matches!(doc.token_text(j), "," | "." | ";" | ":")
                    })
                    .unwrap_or(doc.sentences[sentence].tokens.end);
                if end > next + 1 {
                    let head = (next + 1..end)
                        .rev()
                        .find(|&j| matches!(tree.upos[j], "NOUN" | "PROPN"))
                        .unwrap_or(end - 1);
                    args.push(argument(doc, tree, patient, next + 1..end, head));
                }
            }
        }
    }
    // "arrested ten people, including two women": those included are
    // patients too (the parse hangs such lists anywhere, so they are read
    // off the words: up to the end of the clause)
    if args.iter().any(|a| a.role == patient) {
        let sent = doc.sentences[sentence].tokens.clone();
        let including = (k + 1..sent.end).take_while(|&j| j <= k + 40).find(|&j| {
            doc.token_text(j).eq_ignore_ascii_case("including")
                && args.iter().any(|a| a.role == patient && a.tokens.end <= j)
                && !args.iter().any(|a| a.tokens.contains(&j))
        });
        if let Some(j) = including {
            let end = (j + 1..sent.end)
                .find(|&e| {
                    matches!(doc.token_text(e), "." | ";" | ":" | "!" | "?")
                        || tree.upos[e] == "VERB"
                })
                .unwrap_or(sent.end);
            if end > j + 1 {
                let r = trim(tree, j + 1..end);
                // a list of names: one argument each ("Eva Forest, wife of
                // ..., Mari Luz Fernandez and her relatives")
                let span = Span::new(
                    doc.tokens[r.start].span.start,
                    doc.tokens[r.end - 1].span.end,
                );
                let first = doc.entities.partition_point(|e| e.span.start < span.start);
                let names: Vec<Range<usize>> = doc.entities[first..]
                    .iter()
                    .take_while(|e| e.span.end <= span.end)
                    .map(|e| doc.tokens_in(e.span))
                    .filter(|t| !t.is_empty())
                    .collect();
                let pieces = if names.len() >= 2 { names } else { vec![r] };
                for r in pieces {
                    let head = head_in(doc, &r);
                    args.push(argument(doc, tree, patient, r, head));
                }
            }
        }
    }
    // junk the labeller gives: "counter" of "counter attacks"
    args.retain(|a| {
        a.actor.is_some()
            || a.tokens.len() > 1
            || tree.upos[a.tokens.start] == "NUM"
            || !(doc.heads[a.tokens.start] == Some(k)
                && matches!(doc.deprels[a.tokens.start], "compound" | "amod"))
    });
    // the agent of a light verb ("SAA launched an offensive"), or of the verb
    // a participle or infinitive hangs on ("..., recapturing towns")
    if !has_agent && !passive(doc, tree, k) && sense.role("ARG0").is_some() {
        let mut v = light.or_else(|| controlling_verb(doc, tree, k));
        for _ in 0..3 {
            let Some(c) = v else { break };
            let a0 = tree
                .frame_of(c)
                .and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"));
            match a0 {
                Some(a0) if !a0.tokens.contains(&k) => {
                    // first: with symmetric roles ("he will hold a call
                    // with Esper": two Participants) the agent leads
                    args.insert(
                        0,
                        argument(doc, tree, agent, trim(tree, a0.tokens.clone()), a0.head),
                    );
                    break;
                }
                Some(_) => break,
                None => v = controlling_verb(doc, tree, c),
            }
        }
        // "..., recapturing more than a hundred towns": a participle's
        // subject is the main clause's
        let ing = doc.token_text(k).ends_with("ing") && doc.deprels[k] == "advcl";
        if ing && !args.iter().any(|a| a.role == agent) {
            let root = doc.sentences[sentence]
                .tokens
                .clone()
                .find(|&j| doc.heads[j].is_none());
            let a0 = root
                .and_then(|r| tree.frame_of(r))
                .and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"));
            if let Some(a0) = a0.filter(|a| !a.tokens.contains(&k)) {
                args.push(argument(
                    doc,
                    tree,
                    agent,
                    trim(tree, a0.tokens.clone()),
                    a0.head,
                ));
            }
        }
    }
    // a place role must hold a place (a place actor, or a noun of place:
    // "walked to the bus depot")
    args.retain(|a| {
        !matches!(a.role, "Place" | "Destination" | "Origin")
            || a.actor.is_some_and(|x| attrs::is_place(doc, x))
            || a.role != "Place" && PLACE_NOUNS.contains(&&tree.lemma[head_in(doc, &a.tokens)])
    });
    // else the clause's locative phrase with a noun at its head: "at his
    // house", "in a street in Lyon", "at the station"
    // (or the verb's own locative phrase the labeller gave another role,
    // or one cut off an argument: "arrested by police at the house")
    if !args.iter().any(|a| a.role == "Place") {
        let case_of = |c: usize| {
            tree.kids[c]
                .iter()
                .find(|&&g| doc.deprels[g] == "case")
                .map(|&g| doc.token_text(g).to_lowercase())
        };
        let locative = |c: usize| {
            case_of(c).is_some_and(|c| {
                matches!(
                    c.as_str(),
                    "in" | "at" | "near" | "outside" | "inside" | "on" | "across" | "around"
                )
            })
        };
        let from_loc = loc.iter().filter_map(|r| {
            let head = head_in(doc, &trim(tree, r.clone()));
            (case_of(head).is_none() || locative(head)).then_some(head)
        });
        let obl = tree.kids[k]
            .iter()
            .copied()
            .filter(|&c| doc.deprels[c] == "obl" && locative(c));
        let cut = args.iter().flat_map(|a| {
            tree.kids[head_in(doc, &a.tokens)]
                .iter()
                .copied()
                .filter(|&c| doc.deprels[c] == "nmod" && c >= a.tokens.end && locative(c))
        });
        // a proper noun that is no time ("on Friday"), or a noun of place
        let nominal = from_loc
            .chain(obl)
            .chain(cut)
            .find(|&h| match tree.upos[h] {
                "PROPN" => !in_time(doc, h),
                "NOUN" => PLACE_NOUNS.contains(&&tree.lemma[h]),
                _ => false,
            });
        if let Some(head) = nominal {
            let r = trim(tree, subtree(tree, head));
            args.push(argument(doc, tree, "Place", r, head));
        }
    }
    // a weapon the labeller made the agent: "the bomb exploded", "the
    // missile hit the building"
    for a in &mut args {
        let head = head_in(doc, &a.tokens);
        if a.role == agent && a.actor.is_none() && WEAPONS.contains(&&tree.lemma[head]) {
            a.role = if sense.kind == "Conflict.Attack.DetonateExplode" {
                "ExplosiveDevice"
            } else if sense.role("ARG2") == Some("Instrument")
                || sense.kind.starts_with("Conflict.")
            {
                "Instrument"
            } else {
                a.role
            };
        }
    }
    // status: the trigger's, or its light verb's
    let carrier = light.unwrap_or(k);
    if let Some(f) = tree.frame_of(carrier).filter(|_| light.is_some()) {
        for a in &doc.frames[f].args {
            match a.role {
                "ARGM-NEG" => negated = true,
                "ARGM-MOD" => modal = Some(doc.token_text(a.head)),
                "ARGM-TMP" => tmp.push(a.tokens.clone()),
                "ARGM-LOC" => loc.push(a.tokens.clone()),
                _ => {}
            }
        }
    }
    for &c in &tree.kids[carrier] {
        let w = doc.token_text(c).to_lowercase();
        if doc.deprels[c] == "advmod" && matches!(w.as_str(), "not" | "never" | "n't") {
            negated = true;
        }
        if doc.deprels[c] == "aux" && MODALS.iter().any(|m| m.0 == w) {
            modal = Some(doc.token_text(c));
        }
    }
    let governor = doc.heads[carrier].filter(|_| {
        matches!(doc.deprels[carrier], "xcomp" | "ccomp" | "advcl") && tree.upos[carrier] == "VERB"
    });
    let gov_lemma = governor.map(|g| &tree.lemma[g]);
    let mut status = match modal.map(str::to_lowercase) {
        Some(m) => MODALS.iter().find(|x| x.0 == m).map_or("asserted", |x| x.1),
        None => "asserted",
    };
    if gov_lemma.is_some_and(|g| PLANNING.contains(&g)) {
        status = "planned";
    }
    if negated || gov_lemma.is_some_and(|g| FAILING.contains(&g)) {
        status = "negated";
    }
    let time = attrs::time(doc, k, &tmp, sentence);
    let place = attrs::place(doc, k, &loc, &args, sentence);
    let casualties = attrs::casualties(doc, tree, sense, k, &args);
    let source = attrs::source(doc, tree, k);
    Mention {
        sense,
        trigger: k,
        sentence,
        roleset,
        args,
        time,
        place,
        casualties,
        status,
        source,
        noun,
        spans,
        anaphoric: false,
    }
}

/// The number of a toll that event noun `k` (“death”, “injury”) modifies:
/// "a death toll of 11", "the death toll rose to 30", "the toll stood at
/// 12", "the death toll is 40".
fn toll_count(doc: &Document, tree: &Tree, k: usize) -> Option<usize> {
    let toll =
        doc.heads[k].filter(|&h| doc.deprels[k] == "compound" && &tree.lemma[h] == "toll")?;
    let number = |j: usize| tree.upos[j] == "NUM";
    // "a toll of 11"
    if let Some(&n) = tree.kids[toll]
        .iter()
        .find(|&&c| doc.deprels[c] == "nmod" && number(c))
    {
        return Some(n);
    }
    let verb = doc.heads[toll].filter(|_| doc.deprels[toll] == "nsubj")?;
    // "the death toll is 40": the number is the clause's head
    if number(verb) {
        return Some(verb);
    }
    let rising = matches!(
        &tree.lemma[verb],
        "rise"
            | "climb"
            | "reach"
            | "stand"
            | "hit"
            | "increase"
            | "jump"
            | "surpass"
            | "top"
            | "exceed"
            | "soar"
            | "grow"
            | "mount"
            | "be"
    );
    if !rising {
        return None;
    }
    tree.kids[verb]
        .iter()
        .copied()
        .find(|&c| matches!(doc.deprels[c], "obl" | "obj" | "nummod") && number(c))
}

/// A word that names an actor (a nationality, a country, "Ankara-Moscow").
fn is_actor_word(doc: &Document, k: usize) -> bool {
    let span = doc.tokens[k].span;
    let i = doc.entities.partition_point(|e| e.span.end <= span.start);
    doc.entities.get(i).is_some_and(|e| {
        e.span.start <= span.start
            && matches!(
                e.label,
                Label::Person | Label::Org | Label::Gpe | Label::Norp
            )
    }) || doc.token_text(k).contains('-')
        && doc.token_text(k).starts_with(|c: char| c.is_uppercase())
}

/// The verb an event noun is the object of, when that verb is light
/// ("launched an offensive", "hold a phone call"); or such a verb a word or
/// two before it when the parse missed it ("launch a new offensive").
fn light_verb(doc: &Document, tree: &Tree, k: usize) -> Option<usize> {
    let light = |h: usize| tree.upos[h] == "VERB" && LIGHT.contains(&&tree.lemma[h]);
    if let Some(h) = doc.heads[k] {
        if matches!(doc.deprels[k], "obj" | "nsubj:pass") && light(h) {
            return Some(h);
        }
        // "launched a series of attacks", "carried out a wave of strikes"
        let series = matches!(
            &tree.lemma[h],
            "series" | "wave" | "spate" | "string" | "round" | "campaign" | "number"
        );
        if series && doc.deprels[k] == "nmod" && matches!(doc.deprels[h], "obj" | "nsubj:pass") {
            if let Some(v) = doc.heads[h].filter(|&v| light(v)) {
                return Some(v);
            }
        }
    }
    (k.saturating_sub(3)..k)
        .rev()
        .take_while(|&j| matches!(tree.upos[j], "DET" | "ADJ" | "VERB" | "NUM"))
        .find(|&j| light(j))
}

/// The verb a participle, infinitive or conjunct without a subject of its
/// own hangs on, whose subject it shares ("The SAA launched an offensive
/// ..., recapturing towns").
fn controlling_verb(doc: &Document, tree: &Tree, k: usize) -> Option<usize> {
    let h = doc.heads[k]?;
    let own_subject = tree.kids[k].iter().any(|&c| {
        doc.deprels[c].starts_with("nsubj") || doc.deprels[c] == "mark" && doc.token_text(c) != "to"
    });
    (matches!(doc.deprels[k], "advcl" | "xcomp" | "conj") && !own_subject).then_some(h)
}

/// A passive verb ("were killed"): its missing agent is no one's subject.
fn passive(doc: &Document, tree: &Tree, k: usize) -> bool {
    tree.kids[k]
        .iter()
        .any(|&c| matches!(doc.deprels[c], "aux:pass" | "nsubj:pass"))
        || (doc.deprels[k] == "acl" && tree.upos[k] == "VERB")
}

/// The tokens of `k`'s subtree.
fn subtree(tree: &Tree, k: usize) -> Range<usize> {
    let (mut lo, mut hi) = (k, k);
    let mut stack = vec![k];
    while let Some(t) = stack.pop() {
        lo = lo.min(t);
        hi = hi.max(t);
        stack.extend(tree.kids[t].iter().copied());
    }
    lo..hi + 1
}

/// An argument span without its leading preposition ("by Syrian regime
/// forces" → "Syrian regime forces") or trailing punctuation.
fn trim(tree: &Tree, mut r: Range<usize>) -> Range<usize> {
    // not the "at" of "at least 40"
    let at_least = |j: usize| {
        tree.upos[j] == "ADP"
            && j + 1 < tree.len()
            && matches!(&tree.lemma[j + 1], "least" | "most")
    };
    while r.len() > 1
        && matches!(tree.upos[r.start], "ADP" | "PUNCT" | "SCONJ")
        && !at_least(r.start)
    {
        r.start += 1;
    }
    // "killed [12 people and injured 11]": a conjoined verb ends the span
    if let Some(v) = (r.start + 1..r.end).find(|&j| tree.upos[j] == "VERB" && tree.conj[j]) {
        let cut = (r.start + 1..v)
            .rev()
            .find(|&j| !matches!(tree.upos[j], "CCONJ" | "PUNCT"))
            .map_or(v, |j| j + 1);
        r.end = cut.max(r.start + 1);
    }
    while r.len() > 1 && tree.upos[r.end - 1] == "PUNCT" {
        r.end -= 1;
    }
    r
}

/// An argument with the entity and actor it names.
fn argument(
    doc: &Document,
    tree: &Tree,
    role: &'static str,
    mut tokens: Range<usize>,
    head: usize,
) -> EventArg {
    // "Syrian regime forces in Idlib": the place is the event's, not part
    // of who did it
    if let Some(c) =
        (head + 1..tokens.end).find(|&c| doc.heads[c] == Some(head) && doc.deprels[c] == "nmod")
    {
        let case = (head + 1..c).find(|&j| doc.heads[j] == Some(c) && doc.deprels[j] == "case");
        let locative = case.is_some_and(|j| {
            matches!(
                doc.token_text(j).to_lowercase().as_str(),
                "in" | "near" | "at" | "outside"
            )
        });
        if let (true, Some(j)) = (locative, case) {
            if j > tokens.start {
                tokens.end = j;
            }
        }
    }
    let span = Span::new(
        doc.tokens[tokens.start].span.start,
        doc.tokens[tokens.end - 1].span.end,
    );
    let (entity, actor) = actor_in(doc, tree, span, Some(head));
    EventArg {
        role,
        tokens,
        entity,
        actor,
    }
}

/// The actor a span names: the named entity or reference (a pronoun, a
/// group's phrase) that holds its head word ("Turkish President Recep
/// Tayyip Erdogan" is Erdogan, "three Turkish soldiers" is the Turkish
/// military), else its first name ("Turkey and its allied groups" is
/// Turkey) or reference.
fn actor_in(
    doc: &Document,
    tree: &Tree,
    span: Span,
    head: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    if let Some(h) = head {
        let at = doc.tokens[h].span;
        if let Some((i, a)) = linked_entity_at(doc, at) {
            let e = &doc.entities[i];
            if e.span.start >= span.start && e.span.end <= span.end {
                return (Some(i), Some(a));
            }
        }
        if let Some(&(_, a)) = tree
            .refs_in(span)
            .find(|(r, _)| r.start <= at.start && at.end <= r.end)
        {
            return (None, Some(a));
        }
    }
    let i = doc.entities.partition_point(|e| e.span.start < span.start);
    let linked = || {
        (i..doc.entities.len())
            .take_while(|&j| doc.entities[j].span.end <= span.end)
            .filter(|&j| doc.entity_actors.get(j).copied().flatten().is_some())
    };
    // "US Secretary of Defense Mark Esper": the person, not the country
    // that qualifies the title
    let named = linked().next().map(|j| {
        if matches!(doc.entities[j].label, Label::Gpe | Label::Norp) {
            linked()
                .find(|&p| doc.entities[p].label == Label::Person)
                .unwrap_or(j)
        } else {
            j
        }
    });
    // a group phrase or pronoun that starts the span before any name
    let reference = tree.refs_in(span).next().copied();
    match (named, reference) {
        (Some(j), Some((r, a))) if r.start <= doc.entities[j].span.start => (None, Some(a)),
        (Some(j), _) => (Some(j), doc.entity_actors[j]),
        (None, Some((_, a))) => (None, Some(a)),
        (None, None) => (None, None),
    }
}

#[cfg(test)]
mod tests;
