//! When, where, how many and who says: an event mention's time, place,
//! casualties and source.

use std::ops::Range;

use super::lexicon::EventSense;
use super::{actor_in, subtree, Tree};
use crate::doc::{
    Casualties, Comparator, Document, EventArg, EventPlace, EventTime, Label, Source, Span,
    TimeType,
};

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

/// The time expression of the clause (in a temporal argument, or hanging
/// on the trigger), else the sentence's nearest; never one of a clause
/// that describes another noun ("recaptured all areas lost after 2011":
/// 2011 dates the losing, not the recapture).
pub(super) fn time(
    doc: &Document,
    k: usize,
    tmp: &[Range<usize>],
    sentence: usize,
) -> Option<EventTime> {
    let sent = doc.sentences[sentence].span;
    // times are in text order and never overlap
    let first = doc.times.partition_point(|t| t.span.start < sent.start);
    let candidates: Vec<(usize, Range<usize>)> = (first..doc.times.len())
        .take_while(|&i| doc.times[i].span.end <= sent.end)
        .filter(|&i| matches!(doc.times[i].kind, TimeType::Date | TimeType::Time))
        .map(|i| (i, doc.tokens_in(doc.times[i].span)))
        .filter(|(_, r)| !r.is_empty() && !in_noun_clause(doc, r.end - 1, k))
        .collect();
    for (i, r) in &candidates {
        let in_tmp = tmp.iter().any(|a| a.contains(&r.start));
        if in_tmp || hangs_on(doc, r.end - 1, k, 3) {
            return Some(EventTime {
                index: *i,
                stated: true,
            });
        }
    }
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

/// Whether token `t` hangs on `k` through a clause that modifies a noun
/// other than `k` (`acl`, `acl:relcl`): "areas [lost after 2011]".
fn in_noun_clause(doc: &Document, mut t: usize, k: usize) -> bool {
    // deep enough for "on the morning of the day after", and never a cycle
    for _ in 0..8 {
        let Some(h) = doc.heads.get(t).copied().flatten() else {
            return false;
        };
        if h == k {
            return false;
        }
        if matches!(doc.deprels[h], "acl" | "acl:relcl") && doc.heads[h] != Some(k) {
            // (a clause under the trigger's branch, not one the trigger is in)
            return hangs_on(doc, h, k, doc.tokens.len());
        }
        t = h;
    }
    false
}

/// Whether an actor is a place.
pub(super) fn is_place(doc: &Document, a: usize) -> bool {
    let x = &doc.actors[a];
    let named_place =
        matches!(x.label, Label::Gpe | Label::Loc | Label::Fac) && x.government_of.is_none();
    named_place || x.coords.is_some()
}

/// The place of the clause (a locative argument, a place argument, a
/// place hanging on the trigger after "in", "near", "at" or "province
/// of"), else the sentence's nearest place after such a word.
pub(super) fn place(
    doc: &Document,
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
    let sent = doc.sentences[sentence].span;
    let first = doc.entities.partition_point(|e| e.span.start < sent.start);
    let mut best: Option<(bool, usize, usize)> = None;
    for j in (first..doc.entities.len()).take_while(|&j| doc.entities[j].span.end <= sent.end) {
        let Some(a) = doc.entity_actors.get(j).copied().flatten() else {
            continue;
        };
        if !is_place(doc, a) {
            continue;
        }
        let r = doc.tokens_in(doc.entities[j].span);
        if r.is_empty() {
            continue;
        }
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
    best.map(|(stated, _, a)| EventPlace { actor: a, stated })
}

/// Casualty counts of a death or injury: the numbers in the victims ("five
/// Turkish soldiers and a civilian contractor" → 6), or on the trigger
/// ("two deaths").
pub(super) fn casualties(
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

/// The cardinal number that covers token `k`.
fn quantity_at(doc: &Document, k: usize) -> Option<(f64, Option<Comparator>)> {
    let span = doc.tokens[k].span;
    // quantities are in text order and never overlap
    let i = doc.quantities.partition_point(|q| q.span.end <= span.start);
    doc.quantities
        .get(i)
        .filter(|q| {
            q.span.start <= span.start && span.end <= q.span.end && q.label == Label::Cardinal
        })
        .map(|q| (q.value, q.comparator))
}

/// How many people a noun phrase counts: the sum of its conjuncts' numbers,
/// "a"/"an"/"one" counting one; unknown when no conjunct has a number, at
/// least the sum when one conjunct has none ("three soldiers and civilians").
fn count(doc: &Document, tree: &Tree, r: Range<usize>) -> (Option<f64>, Option<Comparator>) {
    let mut total = 0.0;
    let mut known = false;
    let mut comparator = None;
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
        match part.clone().find_map(|t| quantity_at(doc, t)) {
            Some((v, c)) => {
                total += v;
                known = true;
                comparator = c.or(comparator);
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

/// Whether reporting verb `c` is a closing attribution: only its own
/// words and punctuation follow it in the sentence, a comma comes before
/// its clause, and no "and" or "but" joins it to what comes before.
fn closing(doc: &Document, tree: &Tree, c: usize) -> bool {
    let sent = &doc.sentences[super::sentence_of(doc, c)];
    let after_ok =
        (c + 1..sent.tokens.end).all(|j| tree.upos[j] == "PUNCT" || doc.heads[j] == Some(c));
    let first = tree.kids[c]
        .iter()
        .copied()
        .filter(|&j| j < c)
        .min()
        .unwrap_or(c);
    let comma = doc.token_text(first) == "," || first > 0 && doc.token_text(first - 1) == ",";
    let joined = tree.kids[c].iter().any(|&j| {
        matches!(
            doc.token_text(j).to_lowercase().as_str(),
            "and" | "but" | "or" | "then"
        )
    });
    after_ok && comma && !joined
}

/// Who reports the event: the speaker of the quote it is in, or the
/// subject of the reporting verb it is the complement of ("Three soldiers
/// were killed ..., Erdogan said"; "the ministry announced the death").
pub(super) fn source(doc: &Document, tree: &Tree, k: usize) -> Option<Source> {
    let at = doc.tokens[k].span;
    // quotes are in text order and never overlap
    let qi = doc.quotes.partition_point(|q| q.span.end <= at.start);
    if let Some(q) = doc
        .quotes
        .get(qi)
        .filter(|q| q.span.start <= at.start && at.end <= q.span.end)
    {
        let actor = q
            .speaker_ref
            .or(q.speaker)
            .and_then(|s| actor_in(doc, tree, s, None).1);
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
            // ("..., Al-Monitor reported." parsed as a conjunct: the
            // attribution closes the sentence and no "and" joins it)
            if doc.deprels[c] == "conj" && c > k && reporting(tree, c) && closing(doc, tree, c) {
                return Some(reporter(doc, tree, c));
            }
        }
        let Some(h) = doc.heads[t] else { break };
        if !matches!(
            doc.deprels[t],
            "ccomp" | "obj" | "nsubj" | "nsubj:pass" | "conj" | "xcomp" | "advcl" | "nmod" | "acl"
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

pub(super) fn reporting(tree: &Tree, k: usize) -> bool {
    tree.upos[k] == "VERB" && REPORTING.contains(&&tree.lemma[k])
}

/// The source of reporting verb `v`: its ARG0 (or subject).
fn reporter(doc: &Document, tree: &Tree, v: usize) -> Source {
    let span = tree
        .frame_of(v)
        .and_then(|f| doc.frames[f].args.iter().find(|a| a.role == "ARG0"))
        .map(|a| (a.tokens.clone(), a.head))
        .or_else(|| {
            tree.kids[v]
                .iter()
                .find(|&&c| doc.deprels[c] == "nsubj")
                .map(|&c| (subtree(tree, c), c))
        });
    let actor = span.and_then(|(r, head)| {
        let s = Span::new(
            doc.tokens[r.start].span.start,
            doc.tokens[r.end - 1].span.end,
        );
        actor_in(doc, tree, s, Some(head)).1
    });
    Source {
        actor,
        cue: Some(doc.tokens[v].span),
        quote: None,
    }
}
