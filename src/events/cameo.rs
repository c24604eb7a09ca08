//! The CAMEO coding of an event.

use std::ops::Range;

use super::lexicon::{CameoLexicon, EventLexicon};
use super::{light_verb, Tree};
use crate::doc::{Cameo, Document, Event};

/// The CAMEO coding: the verb's code (its block's pattern for the words
/// around it, else its own), else the type's; source and target from the
/// agent and patient actors.
pub(super) fn cameo(
    doc: &Document,
    tree: &Tree,
    e: &Event,
    lex: &'static CameoLexicon,
) -> Option<Cameo> {
    let k = e.trigger;
    let verb = light_verb(doc, tree, k).unwrap_or(k);
    // the verb's code where it agrees with the type's root ("arrive ... for
    // talks" 046 for a movement; not "deployed ... vehicles" 070, aid)
    let default = default_code(e.kind);
    let code = clause_code(doc, verb, &[&tree.lemma[verb], &tree.lemma[k]], lex)
        .filter(|c| {
            // the type's root, or a root whose verbal events have this type
            // ("assaulted" 18x for an attack, "demanded" 10x for a request)
            default.is_none_or(|d| d.get(..2) == c.get(..2))
                || c.get(..2)
                    .and_then(|r| EventLexicon::embedded().cameo_root(r))
                    .is_some_and(|s| s.kind == e.kind)
        })
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
    // the first argument in `roles` naming an actor with a code, else the
    // first naming any actor: (actor, its code)
    let pick = |wanted: &dyn Fn(&str) -> bool, not: Option<usize>| {
        let named = || {
            e.args
                .iter()
                .filter(|a| wanted(a.role))
                .filter_map(|a| a.actor)
                .filter(|&x| Some(x) != not)
        };
        named()
            .find_map(|x| doc.actors[x].code.clone().map(|c| (x, Some(c))))
            .or_else(|| named().next().map(|x| (x, None)))
    };
    let source = pick(&|r| Some(r) == agent, None)
        .filter(|(_, c)| c.is_some())
        .or_else(|| pick(&|r| AGENT_ROLES.contains(&r), None));
    let source_actor = source.as_ref().map(|s| s.0);
    let source_code = source.and_then(|s| s.1);
    let target = pick(&|r| Some(r) == patient, source_actor)
        .filter(|(_, c)| c.is_some() && *c != source_code)
        .or_else(|| {
            pick(
                &|r| r == "Participant" || !AGENT_ROLES.contains(&r),
                source_actor,
            )
        })
        .filter(|(_, c)| c.is_none() || *c != source_code)
        .or_else(|| counterpart(doc, tree, verb, source_actor, source_code.as_deref()))
        // "Moscow and Ankara accuse one another", "Gondor and Osgiliath
        // have postponed their meeting": in a contact, agreement or "one
        // another", the second of the agent's conjuncts is the first's
        // target (allies acting together are not: "Turkey and its allied
        // groups attacked")
        .or_else(|| {
            let symmetric = e.kind.starts_with("Contact.")
                || e.kind.starts_with("Transaction.Agreement")
                || mutual(doc, e.sentence);
            e.args
                .iter()
                .filter(|a| symmetric && (Some(a.role) == agent || AGENT_ROLES.contains(&a.role)))
                .flat_map(|a| {
                    let r = a.tokens.clone();
                    r.clone().filter(move |&j| {
                        doc.deprels[j] == "conj" && doc.heads[j].is_some_and(|h| r.contains(&h))
                    })
                })
                .filter_map(|j| super::linked_entity_at(doc, doc.tokens[j].span).map(|x| x.1))
                .find(|&x| {
                    let code = doc.actors[x].code.as_deref();
                    Some(x) != source_actor && (code.is_none() || code != source_code.as_deref())
                })
                .map(|x| (x, doc.actors[x].code.clone()))
        });
    Some(Cameo {
        code,
        quad_class,
        goldstein,
        source: source_code,
        target: target.as_ref().and_then(|t| t.1.clone()),
        source_actor,
        target_actor: target.map(|t| t.0),
    })
}

/// Whether sentence `s` says "each other" or "one another".
fn mutual(doc: &Document, s: usize) -> bool {
    let t = doc.sentences[s].tokens.clone();
    let word = |j: usize| doc.token_text(j).to_lowercase();
    t.clone().skip(1).any(|j| {
        matches!(
            (word(j - 1).as_str(), word(j).as_str()),
            ("each", "other") | ("one", "another")
        )
    })
}

/// The other side of a dyadic verb that no argument names: the first
/// actor in a "with", "against", "to" or "toward" phrase of the verb or of
/// its object ("broke down a treaty with Libya", "acted oddly with respect
/// to Libya"), not inside a clause of its own, and not the source.
fn counterpart(
    doc: &Document,
    tree: &Tree,
    verb: usize,
    source: Option<usize>,
    source_code: Option<&str>,
) -> Option<(usize, Option<String>)> {
    let clause = |c: usize| {
        matches!(
            doc.deprels[c],
            "advcl" | "ccomp" | "acl" | "acl:relcl" | "parataxis" | "conj" | "xcomp" | "csubj"
        )
    };
    let mut todo: Vec<usize> = tree.kids[verb]
        .iter()
        .copied()
        .filter(|&c| !clause(c))
        .collect();
    let mut found = Vec::new();
    while let Some(j) = todo.pop() {
        // the words from the preposition to the phrase's head ("with
        // Libya's ... years")
        let case = tree.kids[j]
            .iter()
            .copied()
            .find(|&g| doc.deprels[g] == "case");
        if let Some(g) = case.filter(|&g| {
            matches!(
                doc.token_text(g).to_lowercase().as_str(),
                "with" | "against" | "toward" | "towards" | "to"
            )
        }) {
            found.extend(g + 1..=j);
        }
        if matches!(doc.deprels[j], "obj" | "obl" | "nmod" | "advmod" | "fixed") {
            todo.extend(tree.kids[j].iter().copied().filter(|&c| !clause(c)));
        }
    }
    found.sort_unstable();
    found.dedup();
    found.into_iter().find_map(|j| {
        let (_, actor) = super::linked_entity_at(doc, doc.tokens[j].span)?;
        let code = doc.actors[actor].code.clone();
        let other = Some(actor) != source && (code.is_none() || code.as_deref() != source_code);
        other.then_some((actor, code))
    })
}

/// The CAMEO code the first of `lemmas` that has one gets from the words
/// around token `at` in its sentence (its block's patterns, else its own).
pub(super) fn clause_code(
    doc: &Document,
    at: usize,
    lemmas: &[&str],
    lex: &'static CameoLexicon,
) -> Option<&'static str> {
    if !lemmas.iter().any(|l| lex.knows(l)) {
        return None;
    }
    let sent = &doc.sentences[super::sentence_of(doc, at)];
    let words =
        |r: Range<usize>| -> Vec<String> { r.map(|j| doc.token_text(j).to_lowercase()).collect() };
    let (before, after) = (words(sent.tokens.start..at), words(at + 1..sent.tokens.end));
    lemmas.iter().find_map(|l| lex.code(l, &before, &after))
}

/// KAIROS roles of the side that acts (CAMEO's source, GDELT's Actor1);
/// `Participant` last: in a meeting either side may be the source.
pub const AGENT_ROLES: [&str; 21] = [
    "Attacker",
    "Killer",
    "Injurer",
    "Captor",
    "Jailer",
    "Deployer",
    "Transporter",
    "Perpetrator",
    "Communicator",
    "Giver",
    "Impeder",
    "JudgeCourt",
    "Prosecutor",
    "Investigator",
    "Destroyer",
    "Damager",
    "Demonstrator",
    "Treater",
    "Yielder",
    "PlaceOfEmployment",
    "Participant",
];

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
