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

#[cfg(feature = "train")]
pub mod eval;
pub mod lexicon;

use std::ops::Range;

use crate::doc::{
    Cameo, Casualties, Comparator, Document, Event, EventArg, EventPlace, EventTime, Label, Source,
    Span, TimeType,
};
use lexicon::{CameoLexicon, EventLexicon, EventSense};

/// Lemmas of reporting verbs: the source of what they report, not events.
const REPORTING: &[&str] = &[
    "say",
    "tell",
    "report",
    "announce",
    "claim",
    "confirm",
    "add",
    "state",
    "declare",
    "allege",
    "accord",
    "insist",
    "acknowledge",
    "reveal",
    "disclose",
    "note",
    "write",
    "quote",
];

/// Verbs that take an event noun as their object without adding an event
/// of their own: "launched an offensive", "held talks", "signed a deal".
const LIGHT: &[&str] = &[
    "launch", "hold", "carry", "conduct", "stage", "mount", "begin", "start", "have", "make",
    "take", "wage", "sign", "reach", "continue", "resume", "open", "lead",
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

/// Modifiers that make a noun mention a new happening ("a new offensive").
const NEW: &[&str] = &[
    "new", "another", "fresh", "second", "third", "renewed", "further",
];

/// The words of a token's parse, gathered once.
struct Tree {
    kids: Vec<Vec<usize>>,
    upos: Vec<&'static str>,
    lemma: Vec<String>,
    /// frame index of each predicate token
    frame_of: Vec<Option<usize>>,
}

impl Tree {
    fn new(doc: &Document) -> Tree {
        let n = doc.tokens.len();
        let tagger = crate::tag::Tagger::embedded();
        let lemmatizer = crate::tag::lemma::Lemmatizer::embedded();
        let mut kids = vec![Vec::new(); n];
        for (i, h) in doc.heads.iter().enumerate() {
            if let Some(h) = *h {
                kids[h].push(i);
            }
        }
        let upos: Vec<&'static str> = (0..n)
            .map(|i| {
                let (u, _) = tagger.names(doc.pos.get(i).copied().unwrap_or(0) as usize);
                // the tagger's class names live as long as the tagger
                static_str(u)
            })
            .collect();
        let lemma = (0..n)
            .map(|i| lemmatizer.lemma(doc.token_text(i), upos[i]))
            .collect();
        let mut frame_of = vec![None; n];
        for (f, frame) in doc.frames.iter().enumerate() {
            frame_of[frame.predicate] = Some(f);
        }
        Tree {
            kids,
            upos,
            lemma,
            frame_of,
        }
    }
}

/// The UPOS names, as static strings.
fn static_str(u: &str) -> &'static str {
    const UPOS: &[&str] = &[
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X",
    ];
    UPOS.iter().find(|&&x| x == u).copied().unwrap_or("X")
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
    if doc.frames.is_empty() && doc.heads.is_empty() {
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
        let noun = tree.upos[k] != "VERB";
        let usable = |s: &EventSense| s.nouns_only.is_none_or(|n| n == noun);
        if let Some(r) = chosen.and_then(|i| frames.roleset(i)) {
            if let Some(s) = lexicon.roleset(&r.id).filter(|s| usable(s)) {
                return Some((r.id.clone(), s));
            }
        }
        let pos = match tree.upos[k] {
            "VERB" => b'v',
            "NOUN" => b'n',
            "ADJ" => b'j',
            _ => return None,
        };
        let lemma = if pos == b'v' {
            tree.lemma[k].clone()
        } else {
            doc.token_text(k).to_lowercase()
        };
        if lemma == "shoot" || lemma == "shot" {
            return None;
        }
        let evoked = frames.evoked(pos, &lemma);
        let evoked = if evoked.is_empty() {
            frames.evoked(pos, &tree.lemma[k])
        } else {
            evoked
        };
        evoked.iter().find_map(|&i| {
            let r = frames.roleset(i)?;
            lexicon
                .roleset(&r.id)
                .filter(|s| usable(s))
                .map(|s| (r.id.clone(), s))
        })
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
            let lower = doc.token_text(k).to_lowercase();
            let sense = lexicon
                .noun(&lower)
                .or_else(|| lexicon.noun(&tree.lemma[k]));
            if let Some(sense) = sense {
                mentions.push(mention(doc, &tree, sense, k, None, None));
            }
        }
    }
    mentions.sort_by_key(|m| m.trigger);
    for m in &mut mentions {
        m.anaphoric = anaphoric(doc, &tree, m);
    }
    // a movement or contact with nothing known of it ("bring about
    // stability") is seldom news
    mentions.retain(|m| {
        let loose = m.sense.kind.starts_with("Movement.") || m.sense.kind.starts_with("Contact.");
        !loose
            || m.anaphoric
            || m.args.iter().any(|a| a.actor.is_some())
            || m.place.is_some_and(|p| p.stated)
    });
    doc.events = merge(doc, mentions);
    for e in 0..doc.events.len() {
        let cameo = cameo(doc, &tree, &doc.events[e]);
        doc.events[e].cameo = cameo;
    }
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
                    if let Some(role) = sense.role(r) {
                        args.push(argument(
                            doc,
                            role,
                            trim(doc, tree, a.tokens.clone()),
                            a.head,
                        ));
                    }
                }
            }
        }
    }
    if frame.is_none() && !noun {
        let pass = passive(doc, tree, k);
        for &c in &tree.kids[k] {
            let case = tree.kids[c]
                .iter()
                .find(|&&g| doc.deprels[g] == "case")
                .map(|&g| doc.token_text(g).to_lowercase());
            let arg = match (doc.deprels[c], case.as_deref()) {
                ("nsubj", _) if !pass && tree.upos[k] == "VERB" => "ARG0",
                ("nsubj" | "nsubj:pass" | "obj", _) => "ARG1",
                ("obl" | "obl:agent", Some("by")) => "ARG0",
                _ => continue,
            };
            if let Some(role) = sense.role(arg) {
                if arg == "ARG0" {
                    has_agent = true;
                }
                let span = subtree(doc, tree, c);
                spans.push(span.clone());
                args.push(argument(doc, role, trim(doc, tree, span), c));
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
                    let span = subtree(doc, tree, c);
                    args.push(argument(doc, role, trim(doc, tree, span), c));
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
                    args.push(argument(doc, patient, next + 1..end, head));
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
            let a0 =
                tree.frame_of[c].and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"));
            match a0 {
                Some(a0) if !a0.tokens.contains(&k) => {
                    args.push(argument(
                        doc,
                        agent,
                        trim(doc, tree, a0.tokens.clone()),
                        a0.head,
                    ));
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
                .and_then(|r| tree.frame_of[r])
                .and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"));
            if let Some(a0) = a0.filter(|a| !a.tokens.contains(&k)) {
                args.push(argument(
                    doc,
                    agent,
                    trim(doc, tree, a0.tokens.clone()),
                    a0.head,
                ));
            }
        }
    }
    // a place role must hold a place
    args.retain(|a| {
        !matches!(a.role, "Place" | "Destination" | "Origin")
            || a.actor.is_some_and(|x| is_place(doc, x))
    });
    // status: the trigger's, or its light verb's
    let carrier = light.unwrap_or(k);
    if let Some(f) = tree.frame_of[carrier].filter(|_| light.is_some()) {
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
    let gov_lemma = governor.map(|g| tree.lemma[g].as_str());
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
    let time = time(doc, tree, k, &tmp, sentence);
    let place = place(doc, tree, k, &loc, &args, sentence);
    let casualties = casualties(doc, tree, sense, k, &args);
    let source = source(doc, tree, k);
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
    let light = |h: usize| tree.upos[h] == "VERB" && LIGHT.contains(&tree.lemma[h].as_str());
    if let Some(h) = doc.heads[k] {
        if matches!(doc.deprels[k], "obj" | "nsubj:pass") && light(h) {
            return Some(h);
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
fn subtree(doc: &Document, tree: &Tree, k: usize) -> Range<usize> {
    let (mut lo, mut hi) = (k, k);
    let mut stack = vec![k];
    while let Some(t) = stack.pop() {
        lo = lo.min(t);
        hi = hi.max(t);
        stack.extend(tree.kids[t].iter().copied());
    }
    let _ = doc;
    lo..hi + 1
}

/// An argument span without its leading preposition ("by Syrian regime
/// forces" → "Syrian regime forces") or trailing punctuation.
fn trim(doc: &Document, tree: &Tree, mut r: Range<usize>) -> Range<usize> {
    while r.len() > 1 && matches!(tree.upos[r.start], "ADP" | "PUNCT" | "SCONJ") {
        r.start += 1;
    }
    while r.len() > 1 && tree.upos[r.end - 1] == "PUNCT" {
        r.end -= 1;
    }
    let _ = doc;
    r
}

/// An argument with the entity and actor it names.
fn argument(doc: &Document, role: &'static str, mut tokens: Range<usize>, head: usize) -> EventArg {
    // "Syrian regime forces in Idlib": the place is the event's, not part
    // of who did it
    if let Some(&c) = doc
        .deprels
        .iter()
        .enumerate()
        .skip(head + 1)
        .take(tokens.end.saturating_sub(head + 1))
        .filter(|&(c, rel)| doc.heads[c] == Some(head) && *rel == "nmod")
        .map(|(c, _)| c)
        .collect::<Vec<_>>()
        .first()
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
    let (entity, mut actor) = actor_in(doc, span, Some(head));
    if actor.is_none() && tokens.len() == 1 {
        actor = pronoun_actor(doc, tokens.start);
    }
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
fn actor_in(doc: &Document, span: Span, head: Option<usize>) -> (Option<usize>, Option<usize>) {
    if let Some(h) = head {
        let at = doc.tokens[h].span;
        let i = doc.entities.partition_point(|e| e.span.end <= at.start);
        if let Some(e) = doc.entities.get(i).filter(|e| e.span.start <= at.start) {
            if let Some(a) = doc.entity_actors.get(i).copied().flatten() {
                if e.span.start >= span.start && e.span.end <= span.end {
                    return (Some(i), Some(a));
                }
            }
        }
        let reference = doc.actors.iter().position(|x| {
            x.references
                .iter()
                .any(|r| r.start <= at.start && at.end <= r.end && r.start >= span.start)
        });
        if reference.is_some() {
            return (None, reference);
        }
    }
    let i = doc.entities.partition_point(|e| e.span.start < span.start);
    let named = (i..doc.entities.len())
        .take_while(|&j| doc.entities[j].span.end <= span.end)
        .find(|&j| doc.entity_actors.get(j).copied().flatten().is_some());
    // a group phrase or pronoun that starts the span before any name
    let reference = doc
        .actors
        .iter()
        .enumerate()
        .flat_map(|(a, x)| x.references.iter().map(move |r| (*r, a)))
        .filter(|(r, _)| r.start >= span.start && r.end <= span.end)
        .min_by_key(|(r, _)| r.start);
    match (named, reference) {
        (Some(j), Some((r, a))) if r.start <= doc.entities[j].span.start => (None, Some(a)),
        (Some(j), _) => (Some(j), doc.entity_actors[j]),
        (None, Some((_, a))) => (None, Some(a)),
        (None, None) => (None, None),
    }
}

/// The time expression of the clause (in a temporal argument, or hanging
/// on the trigger), else the sentence's nearest.
fn time(
    doc: &Document,
    tree: &Tree,
    k: usize,
    tmp: &[Range<usize>],
    sentence: usize,
) -> Option<EventTime> {
    let sent = &doc.sentences[sentence];
    let candidates: Vec<(usize, Range<usize>)> = doc
        .times
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TimeType::Date | TimeType::Time))
        .filter(|(_, t)| t.span.start >= sent.span.start && t.span.end <= sent.span.end)
        .map(|(i, t)| (i, tokens_of(doc, t.span)))
        .collect();
    for (i, r) in &candidates {
        let in_tmp = tmp
            .iter()
            .any(|a| a.start <= r.start && r.end <= a.end.max(r.end) && a.contains(&r.start));
        if in_tmp || hangs_on(doc, r.end - 1, k, 3) {
            return Some(EventTime {
                index: *i,
                stated: true,
            });
        }
    }
    let _ = tree;
    candidates
        .iter()
        .min_by_key(|(_, r)| r.start.abs_diff(k))
        .map(|(i, _)| EventTime {
            index: *i,
            stated: false,
        })
}

/// Whether token `t` reaches `k` within `hops` steps up the tree.
fn hangs_on(doc: &Document, mut t: usize, k: usize, hops: usize) -> bool {
    for _ in 0..hops {
        match doc.heads.get(t).copied().flatten() {
            Some(h) if h == k => return true,
            Some(h) => t = h,
            None => return false,
        }
    }
    false
}

fn tokens_of(doc: &Document, span: Span) -> Range<usize> {
    let a = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let b = doc.tokens.partition_point(|t| t.span.start < span.end);
    a..b.max(a + 1).min(doc.tokens.len().max(a + 1))
}

/// Whether an actor is a place.
fn is_place(doc: &Document, a: usize) -> bool {
    let x = &doc.actors[a];
    matches!(x.label, Label::Gpe | Label::Loc | Label::Fac) && x.government_of.is_none()
        || x.coords.is_some()
}

/// The place of the clause (a locative argument, a place argument, a
/// place hanging on the trigger after "in", "near", "at"), else the
/// sentence's nearest place after such a preposition.
fn place(
    doc: &Document,
    tree: &Tree,
    k: usize,
    loc: &[Range<usize>],
    args: &[EventArg],
    sentence: usize,
) -> Option<EventPlace> {
    let places_in = |r: &Range<usize>| -> Option<usize> {
        let span = Span::new(
            doc.tokens[r.start].span.start,
            doc.tokens[r.end - 1].span.end,
        );
        let i = doc.entities.partition_point(|e| e.span.start < span.start);
        let found: Vec<usize> = (i..doc.entities.len())
            .take_while(|&j| doc.entities[j].span.end <= span.end)
            .filter_map(|j| doc.entity_actors.get(j).copied().flatten())
            .filter(|&a| is_place(doc, a))
            .collect();
        // the most precise: one with coordinates
        found
            .iter()
            .copied()
            .find(|&a| doc.actors[a].coords.is_some())
            .or(found.first().copied())
    };
    let place_args = args
        .iter()
        .filter(|a| matches!(a.role, "Place" | "Destination" | "Captured"))
        .map(|a| a.tokens.clone());
    for r in loc.iter().cloned().chain(place_args) {
        if let Some(a) = places_in(&r) {
            return Some(EventPlace {
                actor: a,
                stated: true,
            });
        }
    }
    // a place after a locative preposition in the sentence
    let sent = &doc.sentences[sentence];
    let mut best: Option<(bool, usize, usize)> = None;
    for j in doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.span.start >= sent.span.start && e.span.end <= sent.span.end)
        .map(|(j, _)| j)
    {
        let Some(a) = doc.entity_actors.get(j).copied().flatten() else {
            continue;
        };
        if !is_place(doc, a) {
            continue;
        }
        let r = tokens_of(doc, doc.entities[j].span);
        let prep = r.start > 0
            && matches!(
                doc.token_text(r.start - 1).to_lowercase().as_str(),
                "in" | "near" | "at" | "outside" | "across" | "around" | "inside"
            )
            || (r.start > 1 && doc.token_text(r.start - 1) == "of");
        if !prep {
            continue;
        }
        let stated = hangs_on(doc, r.end - 1, k, 4);
        let key = (stated, usize::MAX - r.start.abs_diff(k), a);
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    let _ = tree;
    best.map(|(stated, _, a)| EventPlace { actor: a, stated })
}

/// Casualty counts of a death or injury: the numbers in the victims ("five
/// Turkish soldiers and a civilian contractor" → 6), or on the trigger
/// ("two deaths").
fn casualties(
    doc: &Document,
    tree: &Tree,
    sense: &EventSense,
    k: usize,
    args: &[EventArg],
) -> Option<Casualties> {
    let injure = sense.kind.starts_with("Life.Injure");
    if !sense.kind.starts_with("Life.Die") && !injure {
        return None;
    }
    let victim = args.iter().find(|a| a.role == "Victim");
    let (count, comparator) = match victim {
        Some(v) => count(doc, tree, v.tokens.clone()),
        None => (None, None),
    };
    // "two deaths": the number on the trigger itself
    let (count, comparator) = match count {
        Some(c) => (Some(c), comparator),
        None => tree.kids[k]
            .iter()
            .find(|&&c| doc.deprels[c] == "nummod")
            .and_then(|&c| quantity_at(doc, c))
            .map_or((None, None), |q| (Some(q.0), q.1)),
    };
    let actor = victim.and_then(|v| v.actor);
    if count.is_none() && actor.is_none() {
        return None;
    }
    Some(Casualties {
        killed: if injure { None } else { count },
        injured: if injure { count } else { None },
        missing: None,
        comparator,
        actor,
    })
}

/// The quantity that covers token `k`.
fn quantity_at(doc: &Document, k: usize) -> Option<(f64, Option<Comparator>)> {
    let span = doc.tokens[k].span;
    doc.quantities
        .iter()
        .find(|q| {
            q.span.start <= span.start && span.end <= q.span.end && q.label == Label::Cardinal
        })
        .map(|q| (q.value, q.comparator))
}

/// How many people a noun phrase counts: the sum of its conjuncts' numbers,
/// "a"/"an" counting one; unknown when no conjunct has a number.
fn count(doc: &Document, tree: &Tree, r: Range<usize>) -> (Option<f64>, Option<Comparator>) {
    let mut total = 0.0;
    let mut known = false;
    let mut comparator = None;
    let mut counted = false;
    let mut start = r.start;
    for j in r.start..=r.end {
        let boundary =
            j == r.end || (matches!(doc.token_text(j), "and" | "," | "&") && tree.upos[j] != "NUM");
        if !boundary {
            continue;
        }
        let part = start..j;
        start = j + 1;
        if part.is_empty() {
            continue;
        }
        let q = part
            .clone()
            .find_map(|t| quantity_at(doc, t).map(|q| (t, q)));
        match q {
            Some((t, (v, c))) => {
                // skip the quantity already counted in a multi-token number
                if !counted || doc.tokens[t].span.start > 0 {
                    total += v;
                    known = true;
                    counted = true;
                    if c.is_some() {
                        comparator = c;
                    }
                }
            }
            None => {
                let first = doc.token_text(part.start).to_lowercase();
                if matches!(first.as_str(), "a" | "an" | "one") {
                    total += 1.0;
                } else if known && tree.upos[part.end - 1] == "NOUN" {
                    comparator = Some(Comparator::Ge);
                }
            }
        }
    }
    (known.then_some(total), comparator)
}

/// Who reports the event: the speaker of the quote it is in, or the
/// subject of the reporting verb it is the complement of ("Three soldiers
/// were killed ..., Erdogan said"; "the ministry announced the death").
fn source(doc: &Document, tree: &Tree, k: usize) -> Option<Source> {
    let at = doc.tokens[k].span;
    if let Some((qi, q)) = doc
        .quotes
        .iter()
        .enumerate()
        .find(|(_, q)| q.span.start <= at.start && at.end <= q.span.end)
    {
        let actor = q
            .speaker_ref
            .or(q.speaker)
            .and_then(|s| actor_in(doc, s, None).1)
            .or_else(|| q.speaker.and_then(|s| reference_actor(doc, s)));
        return Some(Source {
            actor,
            cue: q.cue,
            quote: Some(qi),
        });
    }
    // up the tree to a reporting verb
    let mut t = k;
    let mut path_ok = true;
    for _ in 0..5 {
        // a reporting verb beside the trigger ("..., Erdogan said")
        for &c in &tree.kids[t] {
            if matches!(doc.deprels[c], "parataxis" | "ccomp") && reporting(tree, c) && c != k {
                return Some(reporter(doc, tree, c));
            }
        }
        let Some(h) = doc.heads[t] else { break };
        if !matches!(
            doc.deprels[t],
            "ccomp" | "obj" | "nsubj:pass" | "conj" | "xcomp" | "advcl" | "nmod" | "acl"
        ) {
            path_ok = false;
        }
        if reporting(tree, h) && path_ok {
            return Some(reporter(doc, tree, h));
        }
        t = h;
    }
    None
}

fn reporting(tree: &Tree, k: usize) -> bool {
    tree.upos[k] == "VERB" && REPORTING.contains(&tree.lemma[k].as_str())
}

/// The source of reporting verb `v`: its ARG0 (or subject).
fn reporter(doc: &Document, tree: &Tree, v: usize) -> Source {
    let span = tree.frame_of[v]
        .and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"))
        .map(|a| (a.tokens.clone(), a.head))
        .or_else(|| {
            tree.kids[v]
                .iter()
                .find(|&&c| doc.deprels[c] == "nsubj")
                .map(|&c| (subtree(doc, tree, c), c))
        });
    let actor = span.and_then(|(r, head)| {
        let s = Span::new(
            doc.tokens[r.start].span.start,
            doc.tokens[r.end - 1].span.end,
        );
        actor_in(doc, s, Some(head)).1
    });
    Source {
        actor,
        cue: Some(doc.tokens[v].span),
        quote: None,
    }
}

/// A "he" or "she" the actors stage left alone: the last person named
/// before it in its sentence or the one before.
fn pronoun_actor(doc: &Document, k: usize) -> Option<usize> {
    let w = doc.token_text(k).to_lowercase();
    if !matches!(w.as_str(), "he" | "she" | "him" | "her") {
        return None;
    }
    let s = sentence_of(doc, k);
    let lo = doc.sentences[s.saturating_sub(1)].span.start;
    let at = doc.tokens[k].span.start;
    let hi = doc.entities.partition_point(|e| e.span.start < at);
    (0..hi)
        .rev()
        .take_while(|&i| doc.entities[i].span.start >= lo)
        .find(|&i| doc.entities[i].label == Label::Person)
        .and_then(|i| doc.entity_actors.get(i).copied().flatten())
}

/// The actor a pronoun reference at `span` stands for.
fn reference_actor(doc: &Document, span: Span) -> Option<usize> {
    doc.actors
        .iter()
        .position(|a| a.references.iter().any(|r| r.overlaps(span)))
}

/// Whether a mention names an event named before: a noun with "the" or
/// "this" ("the deal", "the fighting"), a meeting's plural ("talks",
/// "Ankara-Moscow meetings"), or "again"; not with "new" or "another".
fn anaphoric(doc: &Document, tree: &Tree, m: &Mention) -> bool {
    let k = m.trigger;
    let kids = &tree.kids[k];
    let word = |c: usize| doc.token_text(c).to_lowercase();
    if kids
        .iter()
        .any(|&c| matches!(doc.deprels[c], "amod" | "det") && NEW.contains(&word(c).as_str()))
    {
        return false;
    }
    if kids
        .iter()
        .any(|&c| doc.deprels[c] == "advmod" && word(c) == "again")
    {
        return true;
    }
    if !m.noun {
        return false;
    }
    let det = kids.iter().any(|&c| {
        doc.deprels[c] == "det"
            && matches!(
                word(c).as_str(),
                "the" | "this" | "these" | "that" | "those"
            )
    });
    let bare_plural =
        doc.token_text(k).ends_with('s') && !kids.iter().any(|&c| doc.deprels[c] == "det");
    det || (bare_plural && m.sense.kind.starts_with("Contact."))
}

/// Mentions of one happening become one event: an anaphoric mention joins
/// the last event of its type whose counts and actors agree; a mention
/// inside another's argument, or whose head is ("signed a deal", "the
/// death of two soldiers, killed on Wednesday"), joins it; and two
/// mentions of one roleset with the same victims or actors join.
fn merge(doc: &Document, mentions: Vec<Mention>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut spans: Vec<Vec<Range<usize>>> = Vec::new();
    for m in mentions {
        let kind = m.sense.kind;
        let family = |e: &Event| {
            e.kind == kind || (e.kind.starts_with("Contact.") && kind.starts_with("Contact."))
        };
        let head = doc.heads[m.trigger];
        // ", killed on Wednesday" after the victims: a reduced relative the
        // parse may hang elsewhere
        let after_comma = (m.trigger >= 2 && doc.token_text(m.trigger - 1) == ",")
            .then(|| m.trigger - 2)
            .filter(|_| !m.args.iter().any(|a| a.role == "Victim"));
        let inside = (0..events.len()).rev().find(|&i| {
            let e = &events[i];
            family(e)
                && e.mentions
                    .iter()
                    .any(|&t| sentence_of(doc, t).abs_diff(m.sentence) <= 1)
                && (spans[i].iter().any(|r| {
                    r.contains(&m.trigger)
                        || head.is_some_and(|h| r.contains(&h))
                        || after_comma.is_some_and(|p| r.contains(&p))
                }) || m
                    .spans
                    .iter()
                    .any(|r| e.mentions.iter().any(|t| r.contains(t))))
                && compatible(doc, e, &m)
        });
        let target = inside.or_else(|| {
            events.iter().rposition(|e| {
                e.kind == kind
                    && compatible(doc, e, &m)
                    && (m.anaphoric || e.roleset == m.roleset && shares_actor(e, &m))
            })
        });
        match target {
            Some(i) => {
                let e = &mut events[i];
                e.mentions.push(m.trigger);
                e.mentions.sort_unstable();
                spans[i].extend(m.spans.iter().cloned());
                for a in m.args.iter() {
                    if !e.args.iter().any(|b| b.role == a.role) {
                        e.args.push(a.clone());
                    }
                }
                if e.time.is_none_or(|t| !t.stated) && m.time.is_some_and(|t| t.stated) {
                    e.time = m.time;
                }
                e.time = e.time.or(m.time);
                if e.place.is_none_or(|p| !p.stated) && m.place.is_some_and(|p| p.stated) {
                    e.place = m.place;
                }
                e.place = e.place.or(m.place);
                if e.source.is_none_or(|s| s.actor.is_none())
                    && m.source.is_some_and(|s| s.actor.is_some())
                {
                    e.source = m.source;
                }
                e.source = e.source.or(m.source);
                match (&mut e.casualties, m.casualties) {
                    (None, c) => e.casualties = c,
                    (Some(c), Some(d)) => {
                        c.killed = c.killed.or(d.killed);
                        c.injured = c.injured.or(d.injured);
                        c.actor = c.actor.or(d.actor);
                    }
                    _ => {}
                }
            }
            None => {
                spans.push(m.spans.clone());
                events.push(Event {
                    kind,
                    trigger: m.trigger,
                    sentence: m.sentence,
                    roleset: m.roleset,
                    args: m.args,
                    time: m.time,
                    place: m.place,
                    casualties: m.casualties,
                    status: m.status,
                    source: m.source,
                    mentions: vec![m.trigger],
                    cameo: None,
                });
            }
        }
    }
    events
}

/// No clash between two mentions: the same casualty count where both
/// have one, the same actor in each role both fill, the same time value.
fn compatible(doc: &Document, e: &Event, m: &Mention) -> bool {
    let count = |c: &Option<Casualties>| c.and_then(|c| c.killed.or(c.injured));
    if let (Some(a), Some(b)) = (count(&e.casualties), count(&m.casualties)) {
        if a != b {
            return false;
        }
    }
    if let (Some(a), Some(b)) = (e.time, m.time) {
        if a.stated && b.stated && doc.times[a.index].value != doc.times[b.index].value {
            return false;
        }
    }
    m.args.iter().all(|a| {
        e.args.iter().filter(|b| b.role == a.role).all(|b| {
            a.actor.is_none() || b.actor.is_none() || a.actor == b.actor || a.role == "Participant"
        })
    })
}

/// The two mentions share an actor in one role.
fn shares_actor(e: &Event, m: &Mention) -> bool {
    m.args.iter().any(|a| {
        a.actor.is_some()
            && e.args
                .iter()
                .any(|b| b.role == a.role && b.actor == a.actor)
    })
}

/// The CAMEO coding: the verb's code (its block's pattern for the words
/// around it, else its own), else the type's; source and target from the
/// agent and patient actors.
fn cameo(doc: &Document, tree: &Tree, e: &Event) -> Option<Cameo> {
    let lex = CameoLexicon::embedded();
    let k = e.trigger;
    let sent = &doc.sentences[e.sentence];
    let words =
        |r: Range<usize>| -> Vec<String> { r.map(|j| doc.token_text(j).to_lowercase()).collect() };
    let verb = light_verb(doc, tree, k).unwrap_or(k);
    let before = words(sent.tokens.start..verb);
    let after = words(verb + 1..sent.tokens.end);
    // the verb's code where it agrees with the type's root ("arrive ... for
    // talks" 046 for a movement; not "deployed ... vehicles" 070, aid)
    let default = default_code(e.kind);
    let code = lex
        .code(&tree.lemma[verb], &before, &after)
        .or_else(|| lex.code(&tree.lemma[k], &before, &after))
        .filter(|c| default.is_none_or(|d| d.get(..2) == c.get(..2)))
        .or(default)?
        .to_string();
    let (goldstein, quad_class) = lex.root(&code).unwrap_or((0.0, 0));
    let sense = EventLexicon::embedded();
    let roles = e
        .roleset
        .as_deref()
        .and_then(|r| sense.roleset(r))
        .map(|s| (s.role("ARG0"), s.role("ARG1")));
    let (agent, patient) = roles.unwrap_or((None, None));
    let code_of = |role: Option<&str>| {
        let role = role?;
        e.args
            .iter()
            .filter(|a| a.role == role)
            .find_map(|a| a.actor.and_then(|x| doc.actors[x].code.clone()))
    };
    let agent_roles = [
        "Attacker",
        "Killer",
        "Injurer",
        "Captor",
        "Jailer",
        "Deployer",
        "Participant",
        "Transporter",
    ];
    let source = code_of(agent).or_else(|| {
        e.args
            .iter()
            .filter(|a| agent_roles.contains(&a.role))
            .find_map(|a| a.actor.and_then(|x| doc.actors[x].code.clone()))
    });
    let target = code_of(patient)
        .filter(|t| Some(t) != source.as_ref())
        .or_else(|| {
            e.args
                .iter()
                .filter(|a| !agent_roles[..6].contains(&a.role))
                .filter_map(|a| a.actor.and_then(|x| doc.actors[x].code.clone()))
                .find(|c| Some(c) != source.as_ref())
        });
    Some(Cameo {
        code,
        quad_class,
        goldstein,
        source,
        target,
    })
}

/// The CAMEO code of an event type when its verb has none.
fn default_code(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "Conflict.Attack.Unspecified" => "190",
        "Conflict.Attack.DetonateExplode" => "183",
        "Life.Die.Unspecified" => "190",
        "Life.Injure.Unspecified" => "180",
        "Conflict.Capture.Unspecified" => "192",
        "Conflict.Demonstrate.Unspecified" => "141",
        "Contact.Contact.Meet" => "040",
        "Contact.Contact.Unspecified" => "040",
        "Contact.Contact.Correspondence" => "041",
        "Contact.RequestCommand.Unspecified" => "020",
        "Contact.ThreatenCoerce.Unspecified" => "130",
        "Justice.ArrestJailDetain.Unspecified" => "173",
        "Justice.ChargeIndict.Unspecified" => "112",
        "Movement.Deploy.Unspecified" => "154",
        "Movement.Transportation.Unspecified" => "042",
        "Transaction.Agreement.Unspecified" => "057",
        "ArtifactExistence.DamageDestroyDisableDismantle.Destroy" => "180",
        "ArtifactExistence.DamageDestroyDisableDismantle.Damage" => "180",
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
