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
mod mention;
mod merge;
mod sense;
mod tree;

use std::ops::Range;

use crate::doc::{Casualties, Document, EventArg, EventPlace, EventTime, Label, Source, Span};
use lexicon::{EventLexicon, EventSense};
use mention::{injuries, mention};
use sense::{
    attempted, claimed_lives, detained, eventive, fits, gunshot, to_hospital, verbal_sense,
};
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
    find_with(doc, lexicon::CameoLexicon::embedded());
}

/// [`find`] with another CAMEO verb dictionary than lede's own (the
/// PETRARCH2 unit records are coded with their own, whose verbs then also
/// decide which verbs are events).
pub fn find_with(doc: &mut Document, verbs: &'static lexicon::CameoLexicon) {
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
        if let Some(s) = to_hospital(&tree, k, doc) {
            return Some(("hospitalize.01".to_string(), s));
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
        let evoked = match frames.evoked(pos, lemma) {
            [] if pos != b'v' => {
                let form = doc.token_text(k).to_lowercase();
                match frames.evoked(pos, &form) {
                    // a gerund the frame files list only as a verb ("the
                    // maiming of men"): the verb's rolesets
                    [] if pos == b'n' && form.ends_with("ing") => {
                        let verb = crate::tag::lemma::Lemmatizer::embedded().lemma(&form, "VERB");
                        frames.evoked(b'v', &verb)
                    }
                    found => found,
                }
            }
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
        // "taken to hospital": the labeller's numbering of "take" says
        // nothing of the hospital sense's roles, the parse does
        let chosen = frame.roleset.and_then(|i| frames.roleset(i));
        let renamed = id == "hospitalize.01" && chosen.is_none_or(|r| r.id != id);
        let f = (!renamed).then_some(f);
        mentions.push(mention(doc, &tree, sense, k, f, Some(id)));
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
        if let Some(sense) = verbal_sense(doc, &tree, &taken, k, verbs) {
            let f = tree.frame_of(k);
            let roleset = f
                .and_then(|f| doc.frames[f].roleset)
                .and_then(|i| frames.roleset(i))
                .map(|r| r.id.clone());
            mentions.push(mention(doc, &tree, sense, k, f, roleset));
        }
    }
    mentions.sort_by_key(|m| m.trigger);
    injuries(doc, &tree, &mut mentions, &mut taken);
    mentions.sort_by_key(|m| m.trigger);
    for m in &mut mentions {
        m.anaphoric = merge::anaphoric(doc, &tree, m);
    }
    // a movement or contact with nothing known of it ("bring about
    // stability") is seldom news
    // a motion verb is an event with a mover (an actor, a name, a pronoun
    // or an agent noun: "the army") and a place ("McVeigh drove to
    // Junction City"), not "came to power", "moved on"
    mentions.retain(|m| {
        !m.sense.needs_place
            || m.args
                .iter()
                .find(|a| matches!(a.role, "Transporter" | "PassengerArtifact"))
                .is_some_and(|a| {
                    let head = head_in(doc, &a.tokens);
                    a.actor.is_some()
                        || matches!(tree.upos[head], "PROPN" | "PRON") && !in_time(doc, head)
                        // "the army moved in to the Bogside area"
                        || tree.upos[head] == "NOUN"
                            && crate::lexicon::agents().get(&tree.lemma[head]).is_some()
                })
                && (m.place.is_some_and(|p| p.stated)
                    || m.args
                        .iter()
                        .any(|a| matches!(a.role, "Place" | "Destination" | "Origin")))
    });
    mentions.retain(|m| {
        let loose = m.sense.kind.starts_with("Movement.") || m.sense.kind.starts_with("Contact.");
        // an appeal, order or threat needs only a named communicator:
        // "police urged people to avoid the area", "officials threatened
        // to cut off supplies"
        let appeal = matches!(
            m.sense.kind,
            "Contact.RequestCommand.Unspecified" | "Contact.ThreatenCoerce.Unspecified"
        );
        !loose
            || m.anaphoric
            || m.args.iter().any(|a| a.actor.is_some())
            || m.place.is_some_and(|p| p.stated)
            || appeal
                && m.args.iter().any(|a| {
                    a.role == "Communicator" && names_word(doc, &tree, head_in(doc, &a.tokens))
                })
    });
    doc.events = merge::merge(doc, mentions);
    for e in 0..doc.events.len() {
        let cameo = cameo::cameo(doc, &tree, &doc.events[e], verbs);
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

/// A passive verb ("were killed", "the man killed"; not a participle with
/// an object, which no reduced relative has): its missing agent is no
/// one's subject.
fn passive(doc: &Document, tree: &Tree, k: usize) -> bool {
    tree.kids[k]
        .iter()
        .any(|&c| matches!(doc.deprels[c], "aux:pass" | "nsubj:pass"))
        || (doc.deprels[k] == "acl"
            && tree.upos[k] == "VERB"
            && !tree.kids[k].iter().any(|&c| doc.deprels[c] == "obj"))
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
