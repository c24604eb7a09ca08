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

use std::ops::Range;

use crate::doc::{Casualties, Document, EventArg, EventPlace, EventTime, Label, Source, Span};
use lexicon::{EventLexicon, EventSense};

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

/// What the rules read of each token, gathered once: its parse, tag,
/// lemma and frame, and the actors' references by position.
struct Tree {
    kids: Lists,
    upos: Upos,
    /// Lemmas of verbs, nouns, adjectives and auxiliaries (empty for the rest).
    lemma: Texts,
    /// `(predicate token, frame index)`, sorted: see [`Tree::frame_of`].
    frames: Vec<(usize, usize)>,
    /// Whether each token is a conjunct ("and injured 11").
    conj: Vec<bool>,
    /// Every actor's references (pronouns, group phrases), by start.
    refs: Vec<(Span, usize)>,
}

/// A list of token indices for each token, kept in two flat arrays (a
/// vector each takes several times the memory): `lists[k]` is token k's.
struct Lists {
    starts: Vec<u32>,
    items: Vec<usize>,
}

impl std::ops::Index<usize> for Lists {
    type Output = [usize];
    fn index(&self, k: usize) -> &[usize] {
        &self.items[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

/// Each token's universal part of speech (`upos[k]` is a `&'static str`),
/// kept as the tagger's class numbers.
struct Upos {
    class: Vec<u16>,
    names: Vec<&'static str>,
}

impl std::ops::Index<usize> for Upos {
    type Output = &'static str;
    fn index(&self, k: usize) -> &&'static str {
        &self.names[self.class[k] as usize]
    }
}

/// A short text for each token, kept in one string: `texts[k]` is token k's.
struct Texts {
    text: String,
    ends: Vec<u32>,
}

impl std::ops::Index<usize> for Texts {
    type Output = str;
    fn index(&self, k: usize) -> &str {
        &self.text[self.ends[k] as usize..self.ends[k + 1] as usize]
    }
}

impl Tree {
    fn new(doc: &Document) -> Tree {
        let n = doc.tokens.len();
        let tagger = crate::tag::Tagger::embedded();
        let lemmatizer = crate::tag::lemma::Lemmatizer::embedded();
        // each token's dependents, in text order, in two flat arrays
        let mut starts = vec![0u32; n + 1];
        for h in doc.heads.iter().flatten() {
            starts[h + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut items = vec![0; starts[n] as usize];
        let mut next: Vec<u32> = starts[..n].to_vec();
        for (i, h) in doc.heads.iter().enumerate() {
            if let Some(h) = *h {
                items[next[h] as usize] = i;
                next[h] += 1;
            }
        }
        let kids = Lists { starts, items };
        let upos = Upos {
            class: (0..n)
                .map(|i| doc.pos.get(i).copied().unwrap_or(0))
                .collect(),
            names: (0..=doc.pos.iter().copied().max().unwrap_or(0))
                .map(|c| tagger.names(c as usize).0)
                .collect(),
        };
        let mut lemma = Texts {
            text: String::new(),
            ends: Vec::with_capacity(n + 1),
        };
        lemma.ends.push(0);
        for i in 0..n {
            let pos = upos[i];
            if let "VERB" | "NOUN" | "ADJ" | "AUX" = pos {
                lemma
                    .text
                    .push_str(&lemmatizer.lemma(doc.token_text(i), pos));
            }
            lemma.ends.push(lemma.text.len() as u32);
        }
        let mut frames: Vec<(usize, usize)> = doc
            .frames
            .iter()
            .enumerate()
            .map(|(f, frame)| (frame.predicate, f))
            .collect();
        frames.sort_unstable();
        // one frame a predicate: the last, as when each overwrote the one before
        frames.reverse();
        frames.dedup_by_key(|p| p.0);
        frames.reverse();
        let mut refs: Vec<(Span, usize)> = doc
            .actors
            .iter()
            .enumerate()
            .flat_map(|(a, x)| x.references.iter().map(move |&r| (r, a)))
            .collect();
        refs.sort_unstable();
        Tree {
            kids,
            upos,
            lemma,
            frames,
            conj: doc.deprels.iter().map(|r| r == "conj").collect(),
            refs,
        }
    }

    /// The frame of a predicate token.
    fn frame_of(&self, k: usize) -> Option<usize> {
        let i = self.frames.partition_point(|p| p.0 < k);
        self.frames.get(i).filter(|p| p.0 == k).map(|p| p.1)
    }

    /// The references that lie inside `span`, in text order.
    fn refs_in(&self, span: Span) -> impl Iterator<Item = &(Span, usize)> {
        let i = self.refs.partition_point(|r| r.0.start < span.start);
        self.refs[i..]
            .iter()
            .take_while(move |r| r.0.start < span.end)
            .filter(move |r| r.0.end <= span.end)
    }
}

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
            [] if pos != b'v' => frames.evoked(pos, &doc.token_text(k).to_lowercase()),
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
            .map(|(id, s)| match attempted(doc, &tree, k, s) {
                Some(attack) => (id, attack),
                None => (id, s),
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

/// The event sense of verb `k` when CAMEO codes it (statements, root 01,
/// excepted) and both its agent and a patient name someone; not the light
/// verb of an event ("launched an offensive").
fn verbal_sense(
    doc: &Document,
    tree: &Tree,
    taken: &[bool],
    k: usize,
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
    if STATES.contains(&&tree.lemma[k]) || !lexicon::CameoLexicon::embedded().knows(&tree.lemma[k])
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
        actor_in(doc, tree, agent_span, None).1.is_some() || core_names(doc, tree, agent);
    // (a proper noun of a time expression, "on Thursday", names no one)
    let named = |j: usize| names_actor(doc, tree, j) || tree.upos[j] == "PROPN" && !in_time(doc, j);
    if !agent_named || !patients.into_iter().any(|p| p.into_iter().any(named)) {
        return None;
    }
    let code = cameo::clause_code(doc, k, &[&tree.lemma[k]])?;
    EventLexicon::embedded().cameo_root(code.get(..2)?)
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

/// The gunshot sense (`shoot.02`) of "shot" where the labeller read a
/// photograph or gave no sense: "shot dead by police", "was shot in the
/// head"; the film sense (`shoot.03`, no event) for "the film was shot in
/// Morocco" whatever the labeller read. `None` keeps the labeller's sense.
fn gunshot(doc: &Document, tree: &Tree, k: usize, chosen: &str) -> Option<&'static str> {
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
fn attempted(
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

/// Whether word `k` may name an event in this use: not "according to",
/// not "tried to" (an
/// attempt, not a trial), not "calls for calm", "sign up", "committed suicide",
/// "a 48-hour strike" (a walkout), "the Constituent Assembly".
fn eventive(doc: &Document, tree: &Tree, k: usize) -> bool {
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
fn fits(doc: &Document, tree: &Tree, k: usize, kind: &str) -> bool {
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
                // "drove to Junction City"
                "ARGM-GOL" if sense.kind.starts_with("Movement.") => {
                    args.push(argument(
                        doc,
                        tree,
                        "Destination",
                        trim(tree, a.tokens.clone()),
                        a.head,
                    ));
                }
                r => {
                    if r == "ARG0" {
                        has_agent = true;
                    }
                    // a lone adjective ("shot dead") is a state, no participant
                    let state = tree.upos[a.head] == "ADJ" && a.tokens.len() == 1;
                    if let Some(role) = sense.role(r).filter(|_| !state) {
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
            let arg = match doc.deprels[c] {
                "nsubj" if !pass && !participle => "ARG0",
                "nsubj" | "nsubj:pass" | "obj" => "ARG1",
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
    while r.len() > 1 && matches!(tree.upos[r.start], "ADP" | "PUNCT" | "SCONJ") {
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
