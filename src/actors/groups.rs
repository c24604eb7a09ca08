//! Groups named by agent nouns rather than by a name: "three Turkish
//! soldiers" (TURMIL), "Syrian regime forces" (SYRMIL), "the Turkish
//! defense ministry" (TURGOV), "rebels" (REB). Each phrase is a reference
//! of a group actor; a phrase without a country ("regime forces", "the
//! regime") joins the last group with the same agent noun, else an actor of
//! its own when its sector stands alone (rebels, militants), else nothing.
//! Descriptions of named organizations ("the ministry" after "the Defense
//! Ministry", "the party" after "the AKP ... Party") are references too.

use std::collections::HashMap;

use super::{armed_group, country_code, entity_ending_at, singular};
use crate::doc::{Actor, Document, Label, Span, TokenKind};
use crate::lexicon::agents;

/// How many words an agent phrase may have ("senior defense ministry officials").
const MAX_WORDS: usize = 3;

/// Sectors that name a group with no country: rebels, insurgents,
/// militants, jihadists, criminals.
const STANDALONE: &[&str] = &["REB", "INS", "UAF", "IMG", "CRM", "SPY"];

/// Words that end a noun phrase when they follow a singular agent noun
/// (where the tagger has not run).
const CLOSERS: &[&str] = &[
    "of", "and", "or", "in", "on", "at", "by", "with", "from", "to", "for", "who", "that", "which",
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "said", "says", "also",
];

struct Phrase {
    /// The whole phrase, country word included.
    span: Span,
    /// The agent's words, lowercase and singular ("regime forces").
    agent: String,
    code: &'static str,
    country: Option<&'static str>,
    /// The named actor the phrase describes ("HTS jihadists").
    named: Option<usize>,
}

/// Add the group actors (after the named ones) and the description
/// references of named organizations.
pub fn link(doc: &mut Document) {
    describe_orgs(doc);
    let phrases = phrases(doc);
    // actor index by full code, and by agent words for bare phrases
    let mut by_code: HashMap<String, usize> = HashMap::new();
    let mut by_agent: HashMap<String, usize> = HashMap::new();
    for p in phrases {
        if let Some(a) = p.named {
            doc.actors[a].references.push(p.span);
            continue;
        }
        let code = match p.country {
            Some(c) => super::sector_code(Some(c), p.code),
            None => {
                if let Some(&a) = by_agent.get(&p.agent) {
                    doc.actors[a].references.push(p.span);
                    continue;
                }
                let sector = p.code.trim_matches('~');
                let sector = &sector[..sector.len().min(3)];
                (p.code.ends_with('~') || STANDALONE.contains(&sector)).then(|| sector.to_string())
            }
        };
        let Some(code) = code else { continue };
        let a = *by_code.entry(code.clone()).or_insert_with(|| {
            let kind = if armed_group(&code) {
                "armed group"
            } else {
                "group"
            };
            doc.actors.push(Actor {
                name: p.span,
                label: Label::Norp,
                mentions: Vec::new(),
                references: Vec::new(),
                role: None,
                code: Some(code.clone()),
                country: p.country.or_else(|| code.get(..3).and_then(country_code)),
                kind: Some(kind),
                coords: None,
                government_of: None,
            });
            doc.actors.len() - 1
        });
        // the fullest phrase names the group
        let actor = &mut doc.actors[a];
        if p.span.len() > actor.name.len() {
            actor.name = p.span;
        }
        actor.references.push(p.span);
        by_agent.insert(p.agent, a);
    }
}

/// The agent phrases of the text, in order.
fn phrases(doc: &Document) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut in_entity = vec![false; doc.tokens.len()];
    for e in &doc.entities {
        in_entity[doc.tokens_in(e.span)].fill(true);
    }
    let mut k = 0;
    while k < doc.tokens.len() {
        let Some((n, agent, code)) = agent_at(doc, k, &in_entity) else {
            k += 1;
            continue;
        };
        let end = k + n;
        if !ends_phrase(doc, end - 1, end) {
            k = end;
            continue;
        }
        let (start, country) = match country_entity_before(doc, k) {
            Some((s, c)) => (s, Some(c)),
            None => (k, None),
        };
        // right after an organization's name, or its bracketed acronym
        let before = match k.checked_sub(1) {
            Some(b) if doc.token_text(b) == ")" => b,
            _ => k,
        };
        let named = (start == k).then(|| org_ending_at(doc, before)).flatten();
        out.push(Phrase {
            span: Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end),
            agent,
            code,
            country,
            named,
        });
        k = end;
    }
    out
}

/// The longest agent phrase of lowercase words starting at token `k`, its
/// last word made singular.
fn agent_at(doc: &Document, k: usize, in_entity: &[bool]) -> Option<(usize, String, &'static str)> {
    let lower = |j: usize| {
        let t = &doc.tokens[j];
        t.kind == TokenKind::Word
            && !in_entity[j]
            && doc.slice(t.span).starts_with(|c: char| c.is_lowercase())
    };
    if !lower(k) {
        return None;
    }
    // most words start no agent phrase: a look at the first word, plural
    // endings off, before any key is built
    let first = doc.token_text(k).to_lowercase();
    let table = agents();
    let may_start = table.starts_with_word(&first)
        || ["s", "es"].iter().any(|e| {
            first
                .strip_suffix(e)
                .is_some_and(|w| table.starts_with_word(w))
        })
        || first.ends_with("ies");
    if !may_start {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut best = None;
    for j in k..(k + MAX_WORDS).min(doc.tokens.len()) {
        if !lower(j) {
            break;
        }
        let mut key = words.join(" ");
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&singular(doc.token_text(j)));
        // "uprising", "fighting": an act, not the group
        let act = doc.token_text(j).ends_with("ing");
        if let Some(&code) = agents().get(&key).filter(|_| !act) {
            best = Some((j + 1 - k, key, code));
        }
        words.push(doc.token_text(j).to_lowercase());
    }
    best
}

/// Whether the agent noun at token `last` heads its noun phrase: it is
/// plural, or what follows is not another noun ("military observation
/// posts" is about posts).
fn ends_phrase(doc: &Document, last: usize, next: usize) -> bool {
    let Some(t) = doc.tokens.get(next) else {
        return true;
    };
    if t.kind != TokenKind::Word {
        return true;
    }
    let word = doc.slice(t.span);
    if !doc.pos.is_empty() {
        let (upos, _) = crate::tag::Tagger::embedded().names(doc.pos[next] as usize);
        return !matches!(upos, "NOUN" | "PROPN" | "ADJ" | "NUM");
    }
    let w = doc.token_text(last).to_lowercase();
    let plural = w.ends_with('s') && !w.ends_with("ss");
    plural || CLOSERS.contains(&word.to_lowercase().as_str()) || word.ends_with("ed")
}

/// A country or nationality entity right before token `k` ("Turkish
/// soldiers"), with its first token; not a partisan one ("pro-Turkish
/// rebels" are not Turkey's).
fn country_entity_before(doc: &Document, k: usize) -> Option<(usize, &'static str)> {
    let e = &doc.entities[entity_ending_at(doc, k)?];
    let text = doc.slice(e.span).to_lowercase();
    if text.starts_with("pro-") || text.starts_with("anti-") {
        return None;
    }
    let country = match (e.label, e.kind) {
        (Label::Norp, Some("demonym")) | (Label::Gpe, Some("country")) => e.country?,
        _ => return None,
    };
    Some((doc.tokens_in(e.span).start, country))
}

/// The actor of the organization whose name ends right before token `k`.
fn org_ending_at(doc: &Document, k: usize) -> Option<usize> {
    let i = entity_ending_at(doc, k)?;
    if doc.entities[i].label != Label::Org {
        return None;
    }
    doc.entity_actors.get(i).copied().flatten()
}

/// "the ministry" after "the Turkish Defense Ministry", "the party" after
/// "Justice and Development Party": "the" and the last word of an
/// organization's name named before, lowercase, as a reference of the last
/// such organization.
fn describe_orgs(doc: &mut Document) {
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut refs: Vec<(usize, Span)> = Vec::new();
    let mut e = 0;
    for k in 1..doc.tokens.len() {
        // organizations that end before token k
        while e < doc.entities.len() && doc.entities[e].span.end <= doc.tokens[k].span.start {
            let ent = &doc.entities[e];
            if matches!(ent.label, Label::Org) {
                if let (Some(a), Some(head)) = (
                    doc.entity_actors.get(e).copied().flatten(),
                    doc.slice(ent.span).split_whitespace().last(),
                ) {
                    last.insert(head.to_lowercase(), a);
                }
            }
            e += 1;
        }
        let t = &doc.tokens[k];
        let word = doc.slice(t.span);
        if t.kind != TokenKind::Word || !word.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        if !doc.token_text(k - 1).eq_ignore_ascii_case("the") || !ends_phrase(doc, k, k + 1) {
            continue;
        }
        if let Some(&a) = last.get(word) {
            refs.push((a, Span::new(doc.tokens[k - 1].span.start, t.span.end)));
        }
    }
    for (a, span) in refs {
        doc.actors[a].references.push(span);
    }
}
