//! The event lexicons built by `tools/build_events.py`: which rolesets and
//! nouns are events of which type, with the KAIROS role of each argument
//! (`models/events.tsv`), and the CAMEO codes of verbs, their patterns and
//! the codes' Goldstein values (`models/cameo.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

const EVENTS_TSV: &str = include_str!("../../models/events.tsv");
const CAMEO_TSV: &str = include_str!("../../models/cameo.tsv");

/// An event roleset or noun.
#[derive(Debug)]
pub struct EventSense {
    pub kind: &'static str,
    /// `ARG0` → `Killer`, ...
    pub roles: Vec<(&'static str, &'static str)>,
    /// `Some(true)`: nouns only; `Some(false)`: verbs only.
    pub nouns_only: Option<bool>,
    /// An event only where its clause names a place and a mover ("drove
    /// to Junction City", not "came to power"): motion verbs.
    pub needs_place: bool,
}

impl EventSense {
    pub fn role(&self, arg: &str) -> Option<&'static str> {
        self.roles.iter().find(|(a, _)| *a == arg).map(|r| r.1)
    }
}

pub struct EventLexicon {
    rolesets: HashMap<&'static str, EventSense>,
    nouns: HashMap<&'static str, EventSense>,
    /// CAMEO root → the sense of verbs with a code of that root
    roots: HashMap<&'static str, EventSense>,
}

impl EventLexicon {
    pub fn embedded() -> &'static EventLexicon {
        static L: OnceLock<EventLexicon> = OnceLock::new();
        L.get_or_init(|| EventLexicon::parse(EVENTS_TSV))
    }

    fn parse(tsv: &'static str) -> EventLexicon {
        let mut rolesets = HashMap::new();
        let mut nouns = HashMap::new();
        let mut roots = HashMap::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let mut cols = line.split('\t');
            let (Some(key), Some(kind)) = (cols.next(), cols.next()) else {
                continue;
            };
            let roles = cols
                .next()
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|r| r.split_once('='))
                .collect();
            let flag = cols.next().unwrap_or("");
            let nouns_only = match flag {
                "n" => Some(true),
                "v" | "p" => Some(false),
                _ => None,
            };
            let sense = EventSense {
                kind,
                roles,
                nouns_only,
                needs_place: flag == "p",
            };
            if let Some(root) = key.strip_prefix('@') {
                roots.insert(root, sense);
                continue;
            }
            match key.strip_prefix('=') {
                Some(noun) => nouns.insert(noun, sense),
                None => rolesets.insert(key, sense),
            };
        }
        EventLexicon {
            rolesets,
            nouns,
            roots,
        }
    }

    /// The event a verb coded with this CAMEO root (`"12"`) makes when no
    /// event roleset covers it; none for root 01 (statements).
    pub fn cameo_root(&self, root: &str) -> Option<&EventSense> {
        self.roots.get(root)
    }

    pub fn roleset(&self, id: &str) -> Option<&EventSense> {
        self.rolesets.get(id)
    }

    pub fn noun(&self, lemma: &str) -> Option<&EventSense> {
        self.nouns.get(lemma)
    }
}

/// The word lists a pattern side stands for: each `&synset` word replaced
/// by each of its members (at most 64 lists; past that the synset's word
/// is dropped).
fn expand(
    side: &'static str,
    synsets: &HashMap<&'static str, Vec<Vec<&'static str>>>,
) -> Vec<Vec<&'static str>> {
    let mut out: Vec<Vec<&'static str>> = vec![Vec::new()];
    for w in side.split_whitespace() {
        match synsets.get(w) {
            Some(members) if out.len() * members.len() <= 64 => {
                out = out
                    .iter()
                    .flat_map(|o| {
                        members.iter().map(move |m| {
                            let mut o = o.clone();
                            o.extend(m);
                            o
                        })
                    })
                    .collect();
            }
            Some(_) => {}
            None => out.iter_mut().for_each(|o| o.push(w)),
        }
    }
    out
}

/// A CAMEO verb pattern reduced to its literal words.
#[derive(Debug)]
pub struct Pattern {
    pub code: &'static str,
    pub before: Vec<&'static str>,
    pub after: Vec<&'static str>,
}

pub struct CameoLexicon {
    /// lemma → (its code, or `None` for its block's patterns only; block)
    verbs: HashMap<&'static str, (Option<&'static str>, u32)>,
    patterns: HashMap<u32, Vec<Pattern>>,
    roots: HashMap<&'static str, (f32, u8)>,
}

impl CameoLexicon {
    pub fn embedded() -> &'static CameoLexicon {
        static L: OnceLock<CameoLexicon> = OnceLock::new();
        L.get_or_init(|| CameoLexicon::parse(CAMEO_TSV))
    }

    /// Read a lexicon in `models/cameo.tsv`'s format (the evaluation reads
    /// one compiled from PETRARCH's validation verbs).
    pub fn parse(tsv: &'static str) -> CameoLexicon {
        let mut verbs = HashMap::new();
        let mut patterns: HashMap<u32, Vec<Pattern>> = HashMap::new();
        let mut roots = HashMap::new();
        let mut synsets: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&'static str> = line.split('\t').collect();
            match c.as_slice() {
                ["synset", name, members] => {
                    let members = members.split('|').map(|m| m.split_whitespace().collect());
                    synsets.insert(*name, members.collect());
                }
                ["root", root, g, q] => {
                    roots.insert(*root, (g.parse().unwrap_or(0.0), q.parse().unwrap_or(0)));
                }
                ["verb", lemma, code, block] => {
                    let code = (*code != "---").then_some(*code);
                    verbs.insert(*lemma, (code, block.parse().unwrap_or(u32::MAX)));
                }
                ["pattern", block, code, before, after] => {
                    let list = patterns
                        .entry(block.parse().unwrap_or(u32::MAX))
                        .or_default();
                    // one pattern per member of each synset it names
                    for before in expand(before, &synsets) {
                        for after in expand(after, &synsets) {
                            list.push(Pattern {
                                code,
                                before: before.clone(),
                                after,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        CameoLexicon {
            verbs,
            patterns,
            roots,
        }
    }

    /// Whether the dictionary lists the verb.
    pub fn knows(&self, lemma: &str) -> bool {
        self.verbs.contains_key(lemma)
    }

    /// The code of a verb in its clause: the first of its block's patterns
    /// whose words occur in order before and after it (the most words
    /// first), else the verb's own code. A pattern's `%`, PETRARCH's
    /// compound actor ("Gondor and Osgiliath have postponed"), matches an
    /// "and".
    pub fn code(&self, lemma: &str, before: &[String], after: &[String]) -> Option<&'static str> {
        let &(own, block) = self.verbs.get(lemma)?;
        let occurs = |words: &[&str], text: &[String]| {
            let mut it = text.iter();
            words
                .iter()
                .all(|&w| it.any(|t| t == w || w == "%" && t == "and"))
        };
        let best = self.patterns.get(&block).and_then(|ps| {
            ps.iter()
                .filter(|p| occurs(&p.before, before) && occurs(&p.after, after))
                .max_by_key(|p| p.before.len() + p.after.len())
        });
        best.map(|p| p.code).or(own)
    }

    /// Goldstein value and QuadClass of a code's root.
    pub fn root(&self, code: &str) -> Option<(f32, u8)> {
        self.roots.get(code.get(..2)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kill_is_a_death_with_a_killer_and_a_victim() {
        let k = EventLexicon::embedded().roleset("kill.01").unwrap();
        assert_eq!(k.kind, "Life.Die.Unspecified");
        assert_eq!(k.role("ARG0"), Some("Killer"));
        assert_eq!(k.role("ARG1"), Some("Victim"));
        assert_eq!(
            EventLexicon::embedded().noun("offensive").unwrap().kind,
            "Conflict.Attack.Unspecified"
        );
        assert!(EventLexicon::embedded().roleset("say.01").is_none());
    }

    #[test]
    fn cameo_patterns_refine_a_verb() {
        let c = CameoLexicon::embedded();
        let w = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
        assert_eq!(c.code("arrive", &[], &w("in ankara")), Some("040"));
        assert_eq!(
            c.code("arrive", &[], &w("in ankara for talks")),
            Some("046")
        );
        assert_eq!(c.root("190"), Some((-10.0, 4)));
        // PETRARCH's compound actor, %, is an "and" ("% &aircraft" of mock)
        let mock =
            CameoLexicon::parse("verb\tmock\t---\t7\npattern\t7\t062\t%\tjets\nroot\t06\t6.0\t2\n");
        assert_eq!(
            mock.code("mock", &w("israel and egypt"), &w("jets")),
            Some("062")
        );
        assert_eq!(mock.code("mock", &w("israel"), &w("jets")), None);
        assert_eq!(c.root("046").map(|r| r.1), Some(1));
    }
}
