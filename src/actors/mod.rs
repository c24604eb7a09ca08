//! Actors: one entry per real-world person, group or place. Each named
//! entity joins an actor; mentions of one referent are merged ("Recep
//! Tayyip Erdogan", "Erdogan"; "Syrian Arab Army (SAA)", "SAA"; "the
//! United Nations", "UN"), and each actor gets what the text and the
//! lexicons say about it: the title that names its role, its CAMEO actor
//! code on the article's date, its country, a place's coordinates, and
//! whether a capital stands for its government ("Ankara has deployed").
//! Subject pronouns and quote speakers are listed as references.
//!
//! Rules over the entities, tokens and quotes; no model. Linear in the
//! number of entities but for the person step, which compares a name with
//! the people named before it (at most [`MAX_PEOPLE`] of them).

#[cfg(feature = "train")]
pub mod eval;
mod groups;
mod names;

use std::collections::HashMap;
use std::ops::Range;

use crate::doc::{Actor, Document, Label, Span, TokenKind};
use crate::lexicon::{agents, places};
use crate::Date;

pub use names::{initials, name_words, Name, TITLES};

/// How many earlier people a person's name is compared with.
pub const MAX_PEOPLE: usize = 200;

/// What kind of referent a mention may name; only mentions of one class
/// (or of classes that share names: organizations and other names) merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Person,
    Org,
    Place,
    Norp,
}

fn class(label: Label) -> Option<Class> {
    match label {
        Label::Person => Some(Class::Person),
        Label::Org | Label::Event | Label::Misc | Label::Product => Some(Class::Org),
        Label::Gpe | Label::Loc | Label::Fac => Some(Class::Place),
        Label::Norp => Some(Class::Norp),
        _ => None,
    }
}

struct Mention {
    entity: usize,
    class: Class,
    name: Name,
    tokens: Range<usize>,
}

/// Union-find over mentions, with each set's size.
struct Sets(Vec<usize>, Vec<usize>);

impl Sets {
    fn new(n: usize) -> Sets {
        Sets((0..n).collect(), vec![1; n])
    }

    /// How many mentions the set of `a` has.
    fn size(&mut self, a: usize) -> usize {
        let r = self.find(a);
        self.1[r]
    }

    fn find(&mut self, mut a: usize) -> usize {
        while self.0[a] != a {
            self.0[a] = self.0[self.0[a]];
            a = self.0[a];
        }
        a
    }

    /// Joins two sets; the one mentioned first stays the root.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
            self.1[lo] += self.1[hi];
        }
    }
}

/// Link the document's named entities into actors (`doc.actors`,
/// `doc.entity_actors`). Runs after the entities, times and quotes.
pub fn link(doc: &mut Document, date: Option<Date>) {
    let mentions = mentions(doc);
    let mut sets = Sets::new(mentions.len());
    merge_exact(&mentions, &mut sets);
    merge_acronyms(doc, &mentions, &mut sets);
    merge_people(doc, &mentions, &mut sets);
    merge_suffixes(&mentions, &mut sets);

    // actors in the order of their first mention
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for m in 0..mentions.len() {
        let root = sets.find(m);
        let a = *index.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[a].push(m);
    }
    let date = date.map(|d| d.year as u32 * 10_000 + d.month * 100 + d.day);
    let mut entity_actors = vec![None; doc.entities.len()];
    let mut actors = Vec::with_capacity(groups.len());
    for (a, group) in groups.iter().enumerate() {
        for &m in group {
            entity_actors[mentions[m].entity] = Some(a);
        }
        actors.push(describe(doc, &mentions, group, date));
    }
    doc.actors = actors;
    doc.entity_actors = entity_actors;
    references(doc);
    groups::link(doc);
    for a in &mut doc.actors {
        a.references.sort();
        a.references.dedup();
    }
}

/// The named mentions, with their words and tokens.
fn mentions(doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        let Some(class) = class(e.label) else {
            continue;
        };
        let mut name = name_words(doc.slice(e.span), class == Class::Person);
        let partisan = name.key().starts_with("pro-") || name.key().starts_with("anti-");
        if matches!(
            (e.label, e.kind),
            (Label::Gpe, Some("country")) | (Label::Norp, Some("demonym"))
        ) && !partisan
        {
            name.country_code = e.country;
        }
        if name.words.is_empty() {
            continue;
        }
        out.push(Mention {
            entity: i,
            class,
            name,
            tokens: doc.tokens_in(e.span),
        });
    }
    out
}

/// Same words, same referent: "Idlib" and "Idlib", "the UN" and "UN",
/// "Microsoft Corp." and "Microsoft". Countries merge by their code ("US",
/// "United States"), and so do nationalities ("Turkish", "Turks"), but a
/// nationality never merges with its country.
fn merge_exact(mentions: &[Mention], sets: &mut Sets) {
    let mut seen: HashMap<(bool, String), usize> = HashMap::new();
    for (m, x) in mentions.iter().enumerate() {
        let norp = x.class == Class::Norp;
        // a lone common word ("University", "Court") names a different
        // one each time as often as not
        let generic =
            !norp && x.name.words.len() == 1 && GENERIC.contains(&x.name.words[0].as_str());
        // a person's lone surname or given name is placed by `merge_people`
        // (two "Bernoulli"s may be two people)
        let generic = generic || (x.class == Class::Person && x.name.words.len() == 1);
        let mut keys = if generic {
            vec![]
        } else {
            vec![(norp, x.name.key())]
        };
        if let Some(code) = x.name.country_code {
            keys.push((norp, format!("\u{1}{code}")));
        }
        for k in keys {
            match seen.get(&k) {
                Some(&first) => sets.union(first, m),
                None => {
                    seen.insert(k, m);
                }
            }
        }
    }
}

/// "Syrian Arab Army (SAA)", "SAA (Syrian Arab Army)", an acronym of a name
/// in the text ("HTS" for "Hayat Tahrir al-Sham"), and names of one entry
/// of the actor dictionary ("NATO", "North Atlantic Treaty Organization").
fn merge_acronyms(doc: &Document, mentions: &[Mention], sets: &mut Sets) {
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    let mut by_group: HashMap<u32, usize> = HashMap::new();
    for (m, x) in mentions.iter().enumerate() {
        if x.class == Class::Person || x.class == Class::Norp {
            continue;
        }
        // defined in brackets right after the name, or the name after it
        if m > 0 && bracketed_after(doc, &mentions[m - 1], x) {
            sets.union(m - 1, m);
        }
        if let Some(i) = initials(&x.name) {
            by_initials.entry(i).or_insert(m);
        }
        if let Some(group) = x.name.actor.map(|a| a.group).filter(|&g| g != 0) {
            match by_group.get(&group) {
                Some(&first) => sets.union(first, m),
                None => {
                    by_group.insert(group, m);
                }
            }
        }
    }
    for (m, x) in mentions.iter().enumerate() {
        if x.class == Class::Person || x.class == Class::Norp || !x.name.acronym {
            continue;
        }
        if let Some(&n) = by_initials.get(&x.name.key()) {
            if mentions[n].class == x.class || x.class != Class::Place {
                sets.union(n, m);
            }
        }
    }
}

/// `b` follows `a` as `a (b)`, one of them an acronym of the other, a
/// name of several words of the same class ("ANKARA (Reuters)" is a
/// dateline, not an acronym).
fn bracketed_after(doc: &Document, a: &Mention, b: &Mention) -> bool {
    let tok = |k: usize| doc.tokens.get(k).map(|t| doc.slice(t.span));
    let defines = |short: &Mention, long: &Mention| {
        short.name.acronym && long.name.words.len() >= 2 && short.class == long.class
    };
    b.tokens.start == a.tokens.end + 1
        && tok(a.tokens.end) == Some("(")
        && tok(b.tokens.end) == Some(")")
        && (defines(a, b) || defines(b, a))
}

/// People: "Recep Tayyip Erdogan", "Tayyip Erdogan" and "Erdogan" are one;
/// "Mark Esper" and "Tom Esper" are two (their given names clash); a bare
/// surname goes to the last person of that name before it (else the first
/// after it), a bare given name only to the one person who has it.
fn merge_people(doc: &Document, mentions: &[Mention], sets: &mut Sets) {
    // full names, in text order
    let mut people: Vec<usize> = Vec::new();
    // the mentions each title was given to, in text order
    let mut titled: HashMap<String, Vec<usize>> = HashMap::new();
    for (m, x) in mentions.iter().enumerate() {
        if x.class != Class::Person {
            continue;
        }
        if let Some(t) = title_word(doc, x) {
            titled.entry(t).or_default().push(m);
        }
        if x.name.words.len() < 2 {
            continue;
        }
        let start = people.len().saturating_sub(MAX_PEOPLE);
        let same = people[start..]
            .iter()
            .rev()
            .find(|&&p| mentions[p].name.same_person(&x.name));
        match same {
            Some(&p) => sets.union(p, m),
            None => people.push(m),
        }
    }
    // the full names by surname and by given name
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_given: HashMap<&str, Vec<usize>> = HashMap::new();
    for &p in &people {
        let n = &mentions[p].name;
        by_surname.entry(n.surname()).or_default().push(p);
        by_given.entry(n.words[0].as_str()).or_default().push(p);
    }
    let mut alone: HashMap<&str, usize> = HashMap::new();
    for (m, x) in mentions.iter().enumerate() {
        // one word: a person's, or a name the tagger took for an organization
        let maybe_person = x.class == Class::Person
            || (x.class == Class::Org
                && !x.name.acronym
                && x.name.actor.is_none()
                && !GENERIC.contains(&x.name.words[0].as_str()));
        if !maybe_person || x.name.words.len() != 1 {
            continue;
        }
        let word = &x.name.words[0];
        // a title alone ("the Emperor", "the Senator"): the last person it
        // titled, when the title comes with "the"
        if TITLES.contains(&word.as_str()) {
            let the = x.tokens.start > 0
                && doc
                    .token_text(x.tokens.start - 1)
                    .eq_ignore_ascii_case("the");
            let last = titled.get(word).and_then(|ps| {
                let k = ps.partition_point(|&p| p < m);
                k.checked_sub(1).map(|k| ps[k])
            });
            if let (true, Some(p)) = (the, last) {
                sets.union(p, m);
            }
            continue;
        }
        // the person of that surname (else given name) named most often,
        // then most recently before it, then first after it
        let mut best: Option<((usize, bool, usize), usize)> = None;
        for index in [&by_surname, &by_given] {
            for &p in index.get(word.as_str()).into_iter().flatten() {
                let before = p < m;
                let key = (
                    sets.size(p),
                    before,
                    if before { p } else { usize::MAX - p },
                );
                if best.is_none_or(|(k, _)| key > k) {
                    best = Some((key, p));
                }
            }
            if best.is_some() {
                break;
            }
        }
        match best {
            Some((_, p)) => sets.union(p, m),
            // no full name: the same word again is the same person
            None => match alone.get(word.as_str()) {
                Some(&first) => sets.union(first, m),
                None => {
                    alone.insert(word.as_str(), m);
                }
            },
        }
    }
}

/// The title a person's mention carries: its own first word ("Emperor
/// Norton") or the word before it ("President Fillmore").
fn title_word(doc: &Document, x: &Mention) -> Option<String> {
    let own = doc
        .slice(doc.entities[x.entity].span)
        .split_whitespace()
        .next()?;
    let own = own.trim_end_matches('.').to_lowercase();
    if TITLES.contains(&own.as_str()) {
        return Some(own);
    }
    let before = doc.token_text(x.tokens.start.checked_sub(1)?);
    let before = before.trim_end_matches('.').to_lowercase();
    TITLES.contains(&before.as_str()).then_some(before)
}

/// Heads of institutions and places that, capitalized alone ("the
/// University", "the Court"), name a different one as often as not.
const GENERIC: &[&str] = &[
    "university",
    "college",
    "school",
    "academy",
    "institute",
    "court",
    "party",
    "palace",
    "award",
    "awards",
    "festival",
    "church",
    "cathedral",
    "museum",
    "hospital",
    "council",
    "committee",
    "commission",
    "department",
    "ministry",
    "government",
    "state",
    "city",
    "island",
    "river",
    "lake",
    "mountain",
    "park",
    "street",
    "square",
    "bridge",
    "station",
    "airport",
    "center",
    "centre",
    "hall",
    "house",
    "club",
    "team",
    "league",
    "cup",
    "act",
    "bill",
    "law",
    "treaty",
    "agreement",
    "war",
    "company",
    "group",
    "office",
    "agency",
    "board",
    "union",
    "association",
    "foundation",
    "society",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "prince",
    "king",
    "queen",
    "emperor",
    "president",
    "governor",
    "senator",
    "minister",
    "judge",
];

/// A word that is mostly written in lowercase: "university", "court".
fn common_word(w: &str) -> bool {
    crate::lexicon::capitalization(w).is_some_and(|c| c != b'A' && c != b'M')
}

/// "Pirates" after "Pittsburgh Pirates", "Red Sox" after "Boston Red Sox":
/// an organization's name that ends a longer one named before it, when
/// the lexicons do not know it as something else.
fn merge_suffixes(mentions: &[Mention], sets: &mut Sets) {
    let mut longer: HashMap<String, usize> = HashMap::new();
    for (m, x) in mentions.iter().enumerate() {
        if x.class != Class::Org {
            continue;
        }
        let n = x.name.words.len();
        if n >= 2 {
            for k in 1..n {
                longer.entry(x.name.words[k..].join(" ")).or_insert(m);
            }
        } else if x.name.place.is_none()
            && x.name.actor.is_none()
            && !x.name.acronym
            && !common_word(&x.name.words[0])
            && !GENERIC.contains(&x.name.words[0].as_str())
        {
            if let Some(&l) = longer.get(&x.name.key()) {
                sets.union(l, m);
            }
        }
    }
}

/// Words that stand before a person's name to say what they are, found in
/// the agents dictionary: "President", "Defense Minister", "Secretary of
/// Defense"; with their CAMEO sector.
fn title_before(doc: &Document, start: usize) -> Option<(Range<usize>, &'static str)> {
    let lo = start.saturating_sub(5);
    let mut words: Vec<String> = (lo..start)
        .map(|k| doc.token_text(k).to_lowercase())
        .collect();
    // the title's last word may be plural-free already; "ministers" → "minister"
    if let Some(w) = words.last_mut() {
        if let Some(s) = w.strip_suffix('s') {
            if !s.ends_with('s') && agents().get(s).is_some() {
                *w = s.to_string();
            }
        }
    }
    let mut best = None;
    for a in (lo..start).rev() {
        let key = words[a - lo..].join(" ");
        if let Some(code) = agents().get(&key) {
            let first = doc.token_text(a);
            if first.chars().next().is_some_and(char::is_uppercase) {
                best = Some((a..start, *code));
            }
        }
    }
    best
}

/// The country named right before token `k` (a nationality or a country:
/// "Turkish", "US"), skipping "the".
fn country_before(doc: &Document, k: usize) -> Option<&'static str> {
    let mut k = k;
    if k > 0 && doc.token_text(k - 1).eq_ignore_ascii_case("the") {
        k -= 1;
    }
    let e = entity_ending_at(doc, k)?;
    let e = &doc.entities[e];
    match (e.label, e.kind) {
        (Label::Norp, Some("demonym")) | (Label::Gpe, _) => e.country,
        _ => None,
    }
}

/// The entity whose last token is `k - 1`.
fn entity_ending_at(doc: &Document, k: usize) -> Option<usize> {
    let end = doc.tokens.get(k.checked_sub(1)?)?.span.end;
    let i = doc.entities.partition_point(|e| e.span.end < end);
    doc.entities.get(i).filter(|e| e.span.end == end).map(|_| i)
}

/// A code of the agents dictionary applied to a country: `~GOVMIL` with
/// `TUR` gives `TURGOV` (the first sector), `IGO~` gives `IGO`.
fn sector_code(country: Option<&str>, agent: &str) -> Option<String> {
    if let Some(primary) = agent.strip_suffix('~') {
        return Some(primary.to_string());
    }
    let sector = agent.strip_prefix('~')?;
    let sector = &sector[..sector.len().min(3)];
    Some(format!("{}{sector}", country?))
}

/// A lexicon or agent code's kind: armed groups that are not a state's.
fn armed_group(code: &str) -> bool {
    let body = code.get(3..).unwrap_or("");
    ["REB", "UAF", "INS", "IMG"]
        .iter()
        .any(|s| code.starts_with(s) || body.starts_with(s))
}

/// Words after which a capital is a place, not its government ("in
/// Ankara", "visited Moscow").
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "toward",
    "towards", "through", "within", "via", "of", "between", "reached", "visited",
];

/// Whether a capital's mention acts for its government: not after a
/// locative preposition ("in Ankara") and not a dateline ("ANKARA (AP) -").
fn acts(doc: &Document, x: &Mention) -> bool {
    let k = x.tokens.start;
    if k > 0 {
        let prev = doc.token_text(k - 1).to_lowercase();
        if LOCATIVE.contains(&prev.as_str()) {
            return false;
        }
    }
    let dateline = doc.tokens.get(x.tokens.end).is_some_and(|t| {
        matches!(doc.slice(t.span), "(" | "-" | "–" | "—" | ",") && doc.tokens[k].newline_before
    });
    !dateline
}

/// An actor from its mentions.
fn describe(doc: &Document, mentions: &[Mention], group: &[usize], date: Option<u32>) -> Actor {
    let ms: Vec<&Mention> = group.iter().map(|&m| &mentions[m]).collect();
    let ent = |x: &Mention| &doc.entities[x.entity];
    // the fullest name: most words, then longest, then first
    let best = ms
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|(i, x)| {
            (
                !x.name.acronym,
                x.name.words.len(),
                ent(x).span.len(),
                usize::MAX - i,
            )
        })
        .map(|(_, x)| x)
        .expect("an actor has a mention");
    let mut counts: Vec<(Label, usize)> = Vec::new();
    for x in &ms {
        match counts.iter_mut().find(|(l, _)| *l == ent(x).label) {
            Some((_, n)) => *n += 1,
            None => counts.push((ent(x).label, 1)),
        }
    }
    let top = counts.iter().map(|c| c.1).max().unwrap_or(0);
    let label = if counts.iter().filter(|c| c.1 == top).count() > 1 {
        ent(best).label
    } else {
        counts
            .iter()
            .find(|c| c.1 == top)
            .map_or(ent(best).label, |c| c.0)
    };
    let country = ms.iter().find_map(|x| ent(x).country);

    let mut actor = Actor {
        name: ent(best).span,
        label,
        mentions: ms.iter().map(|x| x.entity).collect(),
        references: Vec::new(),
        role: None,
        code: None,
        country,
        kind: None,
        coords: None,
        government_of: None,
    };
    match best.class {
        Class::Person => person(doc, &ms, &mut actor, date),
        Class::Org => organization(doc, &ms, &mut actor, date),
        Class::Place => place(doc, &ms, &mut actor),
        Class::Norp => {
            let demonym = ms.iter().any(|x| ent(x).kind == Some("demonym"));
            actor.kind = Some(if demonym { "nationality" } else { "group" });
            actor.code = actor.country.map(str::to_string);
        }
    }
    actor
}

fn person(doc: &Document, ms: &[&Mention], actor: &mut Actor, date: Option<u32>) {
    actor.kind = Some("person");
    // the title before any of the mentions, and the country before the title
    for x in ms {
        if let Some((title, agent)) = title_before(doc, x.tokens.start) {
            let country = country_before(doc, title.start);
            let span = Span::new(
                doc.tokens[title.start].span.start,
                doc.tokens[title.end - 1].span.end,
            );
            actor.role = Some(doc.slice(span).to_string());
            if country.is_some() {
                actor.country = country;
            }
            actor.code = sector_code(actor.country, agent);
            break;
        }
    }
    if actor.country.is_none() {
        actor.country = ms.iter().find_map(|x| country_before(doc, x.tokens.start));
    }
    // the dictionary, on the article's date: full names first
    let mut by_length: Vec<&&Mention> = ms.iter().collect();
    by_length.sort_by_key(|x| std::cmp::Reverse(x.name.words.len()));
    let single = by_length.first().is_some_and(|x| x.name.words.len() == 1);
    let known = by_length
        .iter()
        .filter(|x| x.name.words.len() >= 2 || single)
        .find_map(|x| x.name.actor.filter(|a| a.label == Label::Person));
    if let Some(a) = known {
        let code = a.code_on(date);
        // the text's title wins over a code the dictionary gives for another time
        if actor.code.is_none() {
            actor.code = Some(code.clone());
        }
        if actor.country.is_none() && code.len() >= 3 {
            actor.country = country_code(&code[..3]);
        }
    }
}

fn organization(doc: &Document, ms: &[&Mention], actor: &mut Actor, date: Option<u32>) {
    actor.kind = Some("organization");
    let known = ms
        .iter()
        .find_map(|x| x.name.actor.filter(|a| a.label == Label::Org));
    if let Some(a) = known {
        actor.code = Some(a.code_on(date));
    }
    // a country word inside the name and an agent as its head ("Syrian Arab
    // Army" → SYR + army ~MIL), or an agent noun right after it ("HTS jihadists")
    for x in ms {
        if actor.code.is_some() {
            break;
        }
        let e = &doc.entities[x.entity];
        let toks = x.tokens.clone();
        let inner_country = toks.clone().find_map(|k| {
            places()
                .get(&doc.token_text(k).to_lowercase())
                .and_then(|p| p.country)
        });
        let head = agent_ending_at(doc, toks.clone());
        let after = agent_starting_at(doc, toks.end);
        let country = inner_country
            .or(e.country)
            .or_else(|| country_before(doc, toks.start));
        if let Some(agent) = head.or(after) {
            actor.code = sector_code(country, agent)
                .or_else(|| Some(agent.trim_start_matches('~').to_string()));
            if actor.country.is_none() {
                actor.country = country;
            }
        }
    }
    if actor.code.as_deref().is_some_and(armed_group) {
        actor.kind = Some("armed group");
    }
    if actor.country.is_none() {
        actor.country = actor
            .code
            .as_deref()
            .and_then(|c| c.get(..3))
            .and_then(country_code);
    }
}

fn place(doc: &Document, ms: &[&Mention], actor: &mut Actor) {
    let e = |x: &Mention| &doc.entities[x.entity];
    actor.kind = ms.iter().find_map(|x| e(x).kind).or(Some("place"));
    let entry = ms.iter().find_map(|x| x.name.place);
    actor.coords = entry.and_then(|p| p.coords);
    actor.code = actor.country.map(str::to_string);
    if entry.is_some_and(|p| p.capital) && ms.iter().any(|x| acts(doc, x)) {
        actor.government_of = actor.country;
        actor.code = actor.country.map(|c| format!("{c}GOV"));
    }
}

/// An agent phrase that ends the name ("Arab Army" → army).
fn agent_ending_at(doc: &Document, toks: Range<usize>) -> Option<&'static str> {
    let words: Vec<String> = toks.clone().map(|k| singular(doc.token_text(k))).collect();
    (0..words.len()).find_map(|a| agents().get(&words[a..].join(" ")).copied())
}

/// An agent noun right after a name ("HTS jihadists", "(HTS) jihadists").
fn agent_starting_at(doc: &Document, k: usize) -> Option<&'static str> {
    let k = if doc.tokens.get(k).is_some_and(|t| doc.slice(t.span) == ")") {
        k + 1
    } else {
        k
    };
    let t = doc.tokens.get(k)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    agents().get(&singular(doc.slice(t.span))).copied()
}

/// A lowercased word without a regular plural's ending.
fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    if agents().get(&w).is_some() {
        return w;
    }
    for (suffix, with) in [("ies", "y"), ("es", ""), ("s", "")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let s = format!("{stem}{with}");
            if agents().get(&s).is_some() {
                return s;
            }
        }
    }
    w
}

/// A CAMEO country code the gazetteer knows (`TUR`), as a static string.
pub(crate) fn country_code(code: &str) -> Option<&'static str> {
    use std::sync::OnceLock;
    static CODES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let mut v: Vec<&'static str> = crate::lexicon::country_codes().collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    codes.binary_search(&code).ok().map(|i| codes[i])
}

/// Pronoun references: "He"/"She" opening a sentence stands for the last
/// person named in the sentence before it (or the one before that), a
/// "he"/"she" inside a sentence for the last person named before it in that
/// sentence or the one before ("Akar said he will call Esper"), and a
/// quote's pronoun speaker for the person the quote stage resolved it to.
/// Pronouns inside quotations are left alone: they speak of others.
fn references(doc: &mut Document) {
    let person_at = |doc: &Document, span: Span| -> Option<usize> {
        let i = doc.entities.partition_point(|e| e.span.end <= span.start);
        let e = doc.entities.get(i).filter(|e| e.span.start <= span.start)?;
        doc.entity_actors[i].filter(|_| e.label == Label::Person)
    };
    let mut refs: Vec<(usize, Span)> = Vec::new();
    for q in &doc.quotes {
        let (Some(speaker), Some(target)) = (q.speaker, q.speaker_ref) else {
            continue;
        };
        let word = doc.slice(speaker).to_lowercase();
        if matches!(word.as_str(), "he" | "she" | "they") {
            if let Some(a) = person_at(doc, target) {
                refs.push((a, speaker));
            }
        }
    }
    let quoted: std::collections::HashSet<Span> = refs.iter().map(|r| r.1).collect();
    for (s, sent) in doc.sentences.iter().enumerate() {
        let Some(first) = sent
            .tokens
            .clone()
            .find(|&k| doc.tokens[k].kind != TokenKind::Quote)
        else {
            continue;
        };
        for k in first..sent.tokens.end {
            let span = doc.tokens[k].span;
            let w = doc.slice(span);
            let he = if k == first {
                matches!(w, "He" | "She")
            } else {
                matches!(w, "he" | "she")
            };
            if !he || quoted.contains(&span) || in_quote(doc, span) {
                continue;
            }
            // opening the sentence: the last person of the two sentences
            // before; inside it: of the words before it and the sentence before
            let (lo, before) = if k == first {
                (
                    doc.sentences[s.saturating_sub(2)].span.start,
                    sent.span.start,
                )
            } else {
                (doc.sentences[s.saturating_sub(1)].span.start, span.start)
            };
            let hi = doc.entities.partition_point(|e| e.span.start < before);
            let last = (0..hi)
                .rev()
                .take_while(|&i| doc.entities[i].span.start >= lo)
                .find(|&i| doc.entities[i].label == Label::Person);
            if let Some(a) = last.and_then(|i| doc.entity_actors[i]) {
                refs.push((a, span));
            }
        }
    }
    refs.sort_by_key(|r| r.1);
    refs.dedup_by_key(|r| r.1);
    for (a, span) in refs {
        doc.actors[a].references.push(span);
    }
}

/// Whether a span lies inside a quotation (quotes are in text order).
fn in_quote(doc: &Document, span: Span) -> bool {
    let i = doc.quotes.partition_point(|q| q.span.end <= span.start);
    doc.quotes
        .get(i)
        .is_some_and(|q| q.span.start <= span.start && span.end <= q.span.end)
}

#[cfg(test)]
mod tests;
