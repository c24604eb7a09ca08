//! Mentions of one happening become one event.

use std::ops::Range;

use super::{sentence_of, Mention, Tree};
use crate::doc::{Casualties, Document, Event};

/// How many of the latest events a mention may join.
const MAX_BACK: usize = 64;

/// Modifiers that make a noun mention a new happening ("a new offensive").
const NEW: &[&str] = &[
    "new", "another", "fresh", "second", "third", "renewed", "further",
];

/// Whether a mention names an event named before: a noun with "the" or
/// "this" ("the deal", "the fighting"), a meeting's plural ("talks",
/// "Ankara-Moscow meetings"), or "again"; not with "new" or "another".
pub(super) fn anaphoric(doc: &Document, tree: &Tree, m: &Mention) -> bool {
    // "the assassination attempt": the head's determiners are the word's
    let k = match doc.heads[m.trigger] {
        Some(h) if doc.deprels[m.trigger] == "compound" => h,
        _ => m.trigger,
    };
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
pub(super) fn merge(doc: &Document, mentions: Vec<Mention>) -> Vec<Event> {
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
        // only the last events are candidates: text far back is seldom
        // about the same happening, and the work stays linear
        let lo = events.len().saturating_sub(MAX_BACK);
        let inside = (lo..events.len()).rev().find(|&i| {
            let e = &events[i];
            // mentions come in text order: an event's last mention is its nearest
            family(e)
                && e.mentions
                    .last()
                    .is_some_and(|&t| sentence_of(doc, t).abs_diff(m.sentence) <= 1)
                && (spans[i].iter().any(|r| {
                    r.contains(&m.trigger)
                        || head.is_some_and(|h| r.contains(&h))
                        || after_comma.is_some_and(|p| r.contains(&p))
                }) || m.spans.iter().any(|r| {
                    e.mentions[e.mentions.partition_point(|&t| t < r.start)..]
                        .first()
                        .is_some_and(|t| r.contains(t))
                }))
                && compatible(doc, e, &m)
        });
        // one disease named again is one outbreak ("chikungunya ... 398
        // cases of chikungunya")
        let word = |t: usize| doc.token_text(t).to_lowercase();
        let disease = kind == "Disaster.DiseaseOutbreak.Unspecified" && m.roleset.is_none();
        let target = inside.or_else(|| {
            let back = events[lo..].iter().rposition(|e| {
                e.kind == kind
                    && compatible(doc, e, &m)
                    && (m.anaphoric
                        || e.roleset == m.roleset && shares_actor(e, &m)
                        || disease
                            && e.mentions
                                .iter()
                                .rev()
                                .take(MAX_BACK)
                                .any(|&t| word(t) == word(m.trigger)))
            });
            back.map(|i| lo + i)
        });
        match target {
            Some(i) => {
                let e = &mut events[i];
                // mentions come in text order; spans before the sentence
                // before this one can hold no later mention
                e.mentions.push(m.trigger);
                let from = doc.sentences[m.sentence.saturating_sub(1)].tokens.start;
                spans[i].retain(|r| r.end > from);
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
