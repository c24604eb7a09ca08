//! The CAMEO coding of an event.

use std::ops::Range;

use super::lexicon::{CameoLexicon, EventLexicon};
use super::{light_verb, Tree};
use crate::doc::{Cameo, Document, Event};

/// The CAMEO coding: the verb's code (its block's pattern for the words
/// around it, else its own), else the type's; source and target from the
/// agent and patient actors.
pub(super) fn cameo(doc: &Document, tree: &Tree, e: &Event) -> Option<Cameo> {
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
