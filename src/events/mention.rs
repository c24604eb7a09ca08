//! One mention of an event: its arguments, time, place, casualties,
//! status and source, read off the frame and the parse around its trigger.

use std::ops::Range;

use super::lexicon::{EventLexicon, EventSense};
use super::tree::Tree;
use super::*;
use crate::doc::{Document, EventArg, Label, Span};

/// One mention: its arguments, time, place, casualties, status and source.
pub(super) fn mention(
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
                    // "IS attacks in Badia al-Sukhnah": a numbered "in",
                    // "at" or "near" phrase of an attack that names a place
                    // is where, not what, it struck
                    let located = || {
                        sense.kind.starts_with("Conflict.Attack")
                            && matches!(
                                doc.token_text(a.tokens.start).to_lowercase().as_str(),
                                "in" | "at" | "near" | "across"
                            )
                            && names_place(doc, tree, a.head)
                    };
                    let role = match sense.role(r).filter(|_| !state) {
                        _ if r == "ARGM-GOL" && movement => Some("Destination"),
                        Some(_) if r.starts_with("ARG") && located() => {
                            loc.push(a.tokens.clone());
                            None
                        }
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
            let case = tree.case(doc, c);
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
    // "the explosion targeted a bakery", "bombings targeted at the Russian
    // military": what an attack named by a noun struck
    if noun && sense.kind.starts_with("Conflict.Attack") && !args.iter().any(|a| a.role == "Target")
    {
        if let Some(t) = struck(doc, tree, k) {
            // up to a comma after it ("a bakery on Rue Victor Hugo, in what
            // Macron called an attack")
            let r = subtree(tree, t);
            let end = (t + 1..r.end)
                .find(|&j| doc.token_text(j) == ",")
                .unwrap_or(r.end);
            args.push(argument(doc, tree, "Target", trim(tree, r.start..end), t));
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
        // subject is the agent of the clause it hangs on; of the main
        // clause when the word it hangs on has no subject of its own (a
        // parse that hangs it on a modifier), and none when that subject
        // is no agent ("a device that exploded ..., wounding 13 people")
        let ing = doc.token_text(k).ends_with("ing") && doc.deprels[k] == "advcl";
        if ing && !args.iter().any(|a| a.role == agent) {
            let a0_of = |v: usize| {
                tree.frame_of(v)
                    .and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"))
            };
            let subject = |v: usize| {
                tree.kids[v]
                    .iter()
                    .any(|&c| doc.deprels[c].starts_with("nsubj"))
            };
            let root = doc.sentences[sentence]
                .tokens
                .clone()
                .find(|&j| doc.heads[j].is_none());
            let a0 = doc.heads[k]
                .and_then(|h| a0_of(h).or_else(|| root.filter(|_| !subject(h)).and_then(a0_of)));
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
    // a verb with an object that the parse hung on the noun before it as
    // a reduced relative ("Taliban gunmen and suicide bombers attacked
    // Camp Shorabak" after a date that misled it): a participle of a
    // reduced relative takes no object, so the noun is the subject
    if !args.iter().any(|a| a.role == agent)
        && sense.role("ARG0").is_some()
        && doc.deprels[k] == "acl"
        && tree.upos[k] == "VERB"
        && tree.kids[k].iter().any(|&c| doc.deprels[c] == "obj")
        && !tree.kids[k]
            .iter()
            .any(|&c| doc.token_text(c).eq_ignore_ascii_case("to"))
        && !doc.token_text(k).ends_with("ing")
        && !passive(doc, tree, k)
    {
        if let Some(h) = doc.heads[k].filter(|&h| h < k && matches!(tree.upos[h], "NOUN" | "PROPN"))
        {
            // from the last comma before the noun ("1 March 2019, Taliban
            // gunmen")
            let from = noun_phrase(doc, tree, h).start;
            let from = (from..h)
                .rev()
                .find(|&j| doc.token_text(j) == ",")
                .map_or(from, |j| j + 1);
            let r = trim(tree, from..k);
            if !r.is_empty() {
                args.insert(0, argument(doc, tree, agent, r, h));
            }
        }
    }
    // a past participle that describes a noun, with no object, tells what
    // befell the noun ("the people killed in the attack" are its victims),
    // and so does a passive its subject ("11 people were taken to
    // hospital"), whatever agent the labeller made of them
    let undergoer = described(doc, tree, k).or_else(|| {
        tree.kids[k]
            .iter()
            .copied()
            .find(|&c| doc.deprels[c] == "nsubj:pass")
    });
    if let Some(h) = undergoer {
        for a in &mut args {
            if a.role == agent && a.tokens.contains(&h) && !a.tokens.contains(&k) {
                a.role = patient;
            }
        }
    }
    // the victims of a death or injury the labeller left without them:
    // the subject of a passive or adjective ("five more were wounded",
    // "nine people were dead"), of the passive it is coordinated with or
    // completes ("some 130 more were mutilated, injured ...", "a man was
    // shot dead"), of "suffered injuries"
    if sense.kind.starts_with("Life.") && !args.iter().any(|a| a.role == patient) {
        if let Some(s) = victims(doc, tree, k, sense) {
            // (up to the participle that describes them)
            let mut r = trim(tree, subtree(tree, s));
            if r.contains(&k) {
                r.end = k;
            }
            args.push(argument(doc, tree, patient, trim(tree, r), s));
        }
    }
    // "shot dead by police": the agent of the verb a death completes
    // (the killer even where the roleset has no agent: "dead")
    let doer = match sense.kind {
        _ if sense.role("ARG0").is_some() => Some(agent),
        "Life.Die.Unspecified" => Some("Killer"),
        "Life.Injure.Unspecified" => Some("Injurer"),
        _ => None,
    };
    if let Some(doer) =
        doer.filter(|&d| doc.deprels[k] == "xcomp" && !args.iter().any(|a| a.role == d))
    {
        let by = doc.heads[k].and_then(|h| {
            tree.kids[h].iter().copied().find(|&c| {
                doc.deprels[c].starts_with("obl") && tree.case(doc, c).as_deref() == Some("by")
            })
        });
        if let Some(c) = by {
            args.push(argument(doc, tree, doer, trim(tree, subtree(tree, c)), c));
        }
    }
    // "called on the prosecutor to investigate": the one called on
    if sense.kind == "Contact.RequestCommand.Unspecified"
        && &tree.lemma[k] == "call"
        && !args.iter().any(|a| a.role == "Recipient")
    {
        let on = tree.kids[k].iter().copied().find(|&c| {
            doc.deprels[c] == "obl"
                && tree.case(doc, c).as_deref() == Some("on")
                && !in_time(doc, c)
        });
        if let Some(c) = on {
            args.retain(|a| !a.tokens.contains(&c));
            args.push(argument(
                doc,
                tree,
                "Recipient",
                trim(tree, subtree(tree, c)),
                c,
            ));
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
        let locative = |c: usize| {
            tree.case(doc, c).is_some_and(|c| {
                matches!(
                    c.as_str(),
                    "in" | "at" | "near" | "outside" | "inside" | "on" | "across" | "around"
                )
            })
        };
        let from_loc = loc.iter().filter_map(|r| {
            let head = head_in(doc, &trim(tree, r.clone()));
            (tree.case(doc, head).is_none() || locative(head)).then_some(head)
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
        // "the bus station, where six people were killed"
        let relative = doc.heads[k].filter(|_| {
            doc.deprels[k] == "acl:relcl"
                && tree.kids[k].iter().any(|&c| {
                    doc.deprels[c] == "advmod" && doc.token_text(c).eq_ignore_ascii_case("where")
                })
        });
        // "the worst explosion was at the bus station"
        let copular = doc.heads[k].filter(|&h| {
            doc.deprels[k] == "nsubj"
                && locative(h)
                && tree.kids[h].iter().any(|&c| doc.deprels[c] == "cop")
        });
        // a proper noun that is no time ("on Friday"), or a noun of place
        let nominal = from_loc
            .chain(obl)
            .chain(cut)
            .chain(relative)
            .chain(copular)
            // (not a word another argument holds: "called on Muslims")
            .find(|&h| names_place(doc, tree, h) && !args.iter().any(|a| a.tokens.contains(&h)));
        if let Some(head) = nominal {
            // the noun phrase alone where its clause holds the event
            let whole = subtree(tree, head);
            let r = if whole.contains(&k) {
                noun_phrase(doc, tree, head)
            } else {
                trim(tree, whole)
            };
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
pub(super) fn toll_count(doc: &Document, tree: &Tree, k: usize) -> Option<usize> {
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

/// The injuries of "killed three people and injured more than 260",
/// "killed 13 soldiers and injured 71": the parse often takes "and injured
/// ..." into the killing's victims (and the tagger "injured" for an
/// adverb): the killing's victims end before it, and the injury gets the
/// number after it as its own (read off the words: the parse hangs it
/// anywhere). `mentions` come sorted by trigger; new ones are pushed at
/// the end.
pub(super) fn injuries(
    doc: &Document,
    tree: &Tree,
    mentions: &mut Vec<Mention>,
    taken: &mut [bool],
) {
    let Some(injure) = EventLexicon::embedded().roleset("injure.01") else {
        return;
    };
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
        let own = mentions.binary_search_by_key(&j, |x| x.trigger).ok();
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
                let r = trim(tree, a.tokens.start..j - 1);
                *a = argument(doc, tree, a.role, r.clone(), head_in(doc, &r));
            }
        }
        killing.casualties =
            attrs::casualties(doc, tree, killing.sense, killing.trigger, &killing.args);
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
                    tree,
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
            .push(argument(doc, tree, "Victim", j + 1..c + 1, c));
        injury.spans.push(j + 1..c + 1);
        injury.casualties = attrs::casualties(doc, tree, injury.sense, j, &injury.args);
    }
}

/// The word whose phrase holds the victims of death or injury word `k`
/// when the labeller gave none (see [`mention`]).
fn victims(doc: &Document, tree: &Tree, k: usize, sense: &EventSense) -> Option<usize> {
    let subject = |v: usize| {
        tree.kids[v]
            .iter()
            .copied()
            .find(|&c| matches!(doc.deprels[c], "nsubj" | "nsubj:pass"))
    };
    // a subject that undergoes: of a passive, an adjective, or a verb with
    // no agent role ("died")
    let undergoes =
        |v: usize| passive(doc, tree, v) || tree.upos[v] == "ADJ" || sense.role("ARG0").is_none();
    if let Some(s) = subject(k).filter(|_| undergoes(k)) {
        return Some(s);
    }
    let h = doc.heads[k]?;
    // conjuncts hang on the first: the nearest one before with a subject
    // ("nine were dead and 130 were mutilated, injured": 130)
    let conjunct = (doc.deprels[k] == "conj")
        .then(|| {
            tree.kids[h]
                .iter()
                .copied()
                .filter(|&c| c < k && doc.deprels[c] == "conj" && subject(c).is_some())
                .max()
        })
        .flatten()
        .unwrap_or(h);
    let undergone = |v: usize| passive(doc, tree, v) || tree.upos[v] == "ADJ";
    match doc.deprels[k] {
        // "four men injured", "people killed in the attack": the noun a
        // passive participle describes, from its first conjunct ("eight
        // women, a girl and four men injured")
        "acl"
            if described(doc, tree, k)
                .is_some_and(|h| matches!(tree.upos[h], "NOUN" | "PROPN" | "PRON" | "NUM")) =>
        {
            let mut first = h;
            while doc.deprels[first] == "conj" {
                first = doc.heads[first]?;
            }
            Some(first)
        }
        "conj" | "xcomp" if subject(k).is_none() && undergone(conjunct) => subject(conjunct),
        "obj" if matches!(&tree.lemma[h], "suffer" | "sustain") => subject(h),
        _ => None,
    }
}

/// The noun that past participle `k` describes ("the people killed in
/// the attack": "people"); none for a participle with an object, which is
/// no passive ("gunmen attacked Camp Shorabak" misparsed).
fn described(doc: &Document, tree: &Tree, k: usize) -> Option<usize> {
    let participle = doc.deprels[k] == "acl"
        && tree.upos[k] == "VERB"
        && doc.token_text(k).ends_with("ed")
        && !tree.kids[k].iter().any(|&c| doc.deprels[c] == "obj");
    doc.heads[k].filter(|_| participle)
}

/// Whether word `h` heads a place: a proper noun that is no time ("on
/// Friday") and no name of a person, group or organization ("called on
/// Muslims"), or a noun of place ("station").
fn names_place(doc: &Document, tree: &Tree, h: usize) -> bool {
    match tree.upos[h] {
        "PROPN" => {
            let at = doc.tokens[h].span;
            let i = doc.entities.partition_point(|e| e.span.end <= at.start);
            let someone = doc.entities.get(i).is_some_and(|e| {
                e.span.start <= at.start
                    && matches!(e.label, Label::Person | Label::Norp | Label::Org)
            });
            !in_time(doc, h) && !someone
        }
        "NOUN" => PLACE_NOUNS.contains(&&tree.lemma[h]),
        _ => false,
    }
}

/// The words of the noun phrase headed by `h` without its clauses,
/// subject, copula and preposition: "the busy Oxford Street bus station"
/// of "The explosion was at the busy Oxford Street bus station, where ...".
fn noun_phrase(doc: &Document, tree: &Tree, h: usize) -> Range<usize> {
    let mut r = h..h + 1;
    for &c in &tree.kids[h] {
        if matches!(
            doc.deprels[c],
            "det" | "amod" | "compound" | "nmod:poss" | "nummod" | "flat" | "fixed"
        ) {
            let s = subtree(tree, c);
            r = r.start.min(s.start)..r.end.max(s.end);
        }
    }
    r
}

/// What attack noun `k` struck, read off a verb of striking it is the
/// subject of ("the explosion targeted a bakery": "bakery") or the agent
/// of ("the building was shattered by an explosion": "building"), or a
/// participle that modifies it ("bombings targeted at the military").
fn struck(doc: &Document, tree: &Tree, k: usize) -> Option<usize> {
    let striking = |v: usize| {
        matches!(
            &tree.lemma[v],
            "target"
                | "hit"
                | "strike"
                | "rock"
                | "destroy"
                | "damage"
                | "aim"
                | "direct"
                | "shatter"
                | "devastate"
                | "wreck"
                | "flatten"
        )
    };
    let by = doc.deprels[k] == "obl:agent"
        || doc.deprels[k] == "obl" && tree.case(doc, k).as_deref() == Some("by");
    let (rel, object) = if by {
        ("obl", "nsubj:pass")
    } else {
        ("nsubj", "obj")
    };
    if doc.deprels[k].starts_with(rel) {
        if let Some(v) = doc.heads[k].filter(|&v| striking(v)) {
            return tree.kids[v]
                .iter()
                .copied()
                .find(|&c| doc.deprels[c] == object);
        }
    }
    tree.kids[k]
        .iter()
        .copied()
        .filter(|&c| doc.deprels[c] == "acl" && striking(c))
        .find_map(|c| {
            tree.kids[c].iter().copied().find(|&o| {
                doc.deprels[o] == "obl"
                    && matches!(tree.case(doc, o).as_deref(), Some("at" | "against"))
            })
        })
}
