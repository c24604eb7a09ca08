//! PETRARCH2's unit-test records (`../shared/data/petrarch/`): sentences
//! about fictional countries with the (source, target, CAMEO code) triples
//! PETRARCH2 must give, coded against small validation dictionaries.
//!
//! lede codes each sentence with its own events and CAMEO verb lexicon. Its
//! actor codes come from real-world dictionaries, so for this run the
//! source and target sides of each event (the text of its agent and
//! patient arguments) are coded with the records' own actor and agent
//! dictionaries instead: "Osgiliath soldiers" → `OSG` + `~MIL` = `OSGMIL`.

use std::path::Path;

use crate::output::{Analysis, EventOut};

/// One unit-test record.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub text: String,
    /// (source, target, event code)
    pub codings: Vec<(String, String, String)>,
}

/// Read the records that expect events (not `noevents`, not marked
/// `sentence="false"` as unparsable).
pub fn read_records(path: &Path) -> Result<Vec<Record>, String> {
    let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for block in xml.split("<Sentence ").skip(1) {
        let Some(end) = block.find("</Sentence>") else {
            continue;
        };
        let block = &block[..end];
        let head = &block[..block.find('>').unwrap_or(0)];
        if attr(head, "sentence").as_deref() == Some("false") {
            continue;
        }
        let text = between(block, "<Text>", "</Text>")
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let codings: Vec<(String, String, String)> = block
            .split("<EventCoding ")
            .skip(1)
            .filter_map(|c| {
                let c = &c[..c.find('>')?];
                Some((
                    attr(c, "sourcecode")?,
                    attr(c, "targetcode")?,
                    attr(c, "eventcode")?,
                ))
            })
            .collect();
        let date = attr(head, "date").unwrap_or_default();
        if codings.is_empty() || text.is_empty() || date.len() != 8 {
            continue;
        }
        out.push(Record {
            id: attr(head, "id").unwrap_or_default(),
            date: format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]),
            text,
            codings,
        });
    }
    Ok(out)
}

fn attr(s: &str, name: &str) -> Option<String> {
    let at = s.find(&format!("{name}=\""))? + name.len() + 2;
    let len = s[at..].find('"')?;
    Some(s[at..at + len].to_string())
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// A dictionary phrase: its words (upper case) and whether the last must
/// match whole (`ARNOR_`) or may be a stem (`ARGENTIN` → "Argentina").
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    whole: bool,
    code: String,
}

/// The records' actor and agent dictionaries.
#[derive(Debug, Default)]
pub struct Dictionaries {
    actors: Vec<Phrase>,
    /// Agents: the code and whether it goes before the actor's (`NGO~`).
    agents: Vec<(Phrase, bool)>,
}

impl Dictionaries {
    pub fn read(dir: &Path) -> Result<Dictionaries, String> {
        let read = |f: &str| {
            std::fs::read_to_string(dir.join(f))
                .map_err(|e| format!("{}: {e}", dir.join(f).display()))
        };
        let mut d = Dictionaries::default();
        // actors: "NAME [CODE]", "+SYNONYM" lines, a code on a later line
        let mut names: Vec<String> = Vec::new();
        let mut code: Option<String> = None;
        let flush = |names: &mut Vec<String>, code: &mut Option<String>, d: &mut Dictionaries| {
            if let Some(c) = code.take().filter(|c| c != "---") {
                d.actors.extend(names.iter().filter_map(|n| phrase(n, &c)));
            }
            names.clear();
        };
        for line in read("PETR.Validate.actors.txt")?.lines() {
            let line = line.split('#').next().unwrap_or("");
            if line.trim_start().starts_with("<!--") || line.trim().is_empty() {
                continue;
            }
            let bracket = between(line, "[", "]")
                .map(|c| c.split_whitespace().next().unwrap_or("").to_string());
            let name = line[..line.find('[').unwrap_or(line.len())].trim();
            if let Some(syn) = name.strip_prefix('+') {
                names.push(syn.to_string());
            } else if !name.is_empty() && !line.starts_with(char::is_whitespace) {
                flush(&mut names, &mut code, &mut d);
                names.push(name.to_string());
            }
            // the first code of an entry (dated codes follow: take the first)
            if code.is_none() {
                code = bracket;
            }
        }
        flush(&mut names, &mut code, &mut d);
        // agents: "!MACRO! = A, B" substitutions, "WORD {PLURAL} [~CODE]"
        let mut macros: Vec<(String, Vec<String>)> = Vec::new();
        for line in read("PETR.Validate.agents.txt")?.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.starts_with("<!--") || line.is_empty() {
                continue;
            }
            if let Some((m, list)) = line
                .split_once('=')
                .filter(|(m, _)| m.trim().starts_with('!'))
            {
                let words = list.split(',').map(|w| w.trim().to_string()).collect();
                macros.push((m.trim().to_string(), words));
                continue;
            }
            let Some(c) = between(line, "[", "]") else {
                continue;
            };
            let c = c.trim();
            let before = c.ends_with('~');
            let c = c.trim_matches('~').to_string();
            let name = line[..line.find(['{', '[']).unwrap_or(line.len())].trim();
            let mut forms = vec![name.to_string()];
            for (m, words) in &macros {
                if name.contains(m.as_str()) {
                    forms = words.iter().map(|w| name.replace(m.as_str(), w)).collect();
                }
            }
            if let Some(plural) = between(line, "{", "}").filter(|p| !p.trim().is_empty()) {
                forms.push(plural.trim().to_string());
            }
            for f in forms {
                if let Some(mut p) = phrase(&f, &c) {
                    p.whole = false; // "SOLDIER" also "SOLDIERS"
                    d.agents.push((p, before));
                }
            }
        }
        Ok(d)
    }

    /// The CAMEO code of a phrase: its longest actor's, with an agent's
    /// (`OSG` + `MIL`), or the agent's alone.
    pub fn code(&self, text: &str) -> Option<String> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || ",.;:()\"“”".contains(c))
            .map(|w| {
                w.trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_uppercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let actor = best(self.actors.iter(), &words);
        let agent = best(self.agents.iter().map(|(p, _)| p), &words)
            .and_then(|p| self.agents.iter().find(|(q, _)| std::ptr::eq(q, p)));
        match (actor, agent) {
            (Some(a), Some((g, true))) => Some(format!("{}{}", g.code, a.code)),
            (Some(a), Some((g, false))) if !a.code.ends_with(&g.code) => {
                Some(format!("{}{}", a.code, g.code))
            }
            (Some(a), _) => Some(a.code.clone()),
            (None, Some((g, _))) => Some(g.code.clone()),
            (None, None) => None,
        }
    }
}

fn phrase(name: &str, code: &str) -> Option<Phrase> {
    let name = name.trim();
    let whole = name.ends_with('_');
    let words: Vec<String> = name
        .trim_end_matches('_')
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    (!words.is_empty() && !code.is_empty()).then(|| Phrase {
        words,
        whole,
        code: code.to_string(),
    })
}

/// The phrase that matches the most words, leftmost first.
fn best<'a>(phrases: impl Iterator<Item = &'a Phrase>, words: &[String]) -> Option<&'a Phrase> {
    let mut found: Option<(usize, usize, &Phrase)> = None;
    for p in phrases {
        let n = p.words.len();
        for at in 0..words.len().saturating_sub(n - 1) {
            let hit = p.words.iter().enumerate().all(|(i, w)| {
                let t = &words[at + i];
                t == w || (i + 1 == n && !p.whole && t.starts_with(w.as_str()))
            });
            if hit {
                let better = found.is_none_or(|(fa, fn_, _)| n > fn_ || n == fn_ && at < fa);
                if better {
                    found = Some((at, n, p));
                }
                break;
            }
        }
    }
    found.map(|f| f.2)
}

/// lede's codings of one record: (source, target, code) per event with a
/// CAMEO code, the sides coded with the records' dictionaries.
pub fn codings(a: &Analysis, dict: &Dictionaries) -> Vec<(String, String, String)> {
    a.events
        .iter()
        .filter_map(|e| {
            let cameo = e.cameo.as_ref()?;
            let (source, target) = sides(e);
            let code = |x: Option<&str>| x.and_then(|t| dict.code(t)).unwrap_or_default();
            Some((code(source), code(target), cameo.code.clone()))
        })
        .collect()
}

/// The texts of an event's agent and patient arguments.
fn sides(e: &EventOut) -> (Option<&str>, Option<&str>) {
    let agent = e
        .arguments
        .iter()
        .position(|a| super::AGENT_ROLES.contains(&a.role));
    let target = e
        .arguments
        .iter()
        .enumerate()
        .find(|&(i, a)| {
            Some(i) != agent && (a.role == "Participant" || !super::AGENT_ROLES.contains(&a.role))
        })
        .map(|(_, a)| a.text.as_str());
    (agent.map(|i| e.arguments[i].text.as_str()), target)
}

/// Root-code and full-triple accuracy over the records' codings.
#[derive(Debug, Default)]
pub struct Score {
    pub codings: usize,
    pub root: usize,
    pub code: usize,
    pub triple: usize,
    pub lede: usize,
}

pub fn score(gold: &[(String, String, String)], lede: &[(String, String, String)]) -> Score {
    let root = |c: &str| c.get(..2).unwrap_or("").to_string();
    Score {
        codings: gold.len(),
        root: gold
            .iter()
            .filter(|g| lede.iter().any(|l| root(&l.2) == root(&g.2)))
            .count(),
        code: gold
            .iter()
            .filter(|g| lede.iter().any(|l| l.2 == g.2))
            .count(),
        triple: gold.iter().filter(|g| lede.contains(g)).count(),
        lede: lede.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_and_agent_phrases_combine() {
        let d = Dictionaries {
            actors: vec![
                phrase("OSGILIATH", "OSG").unwrap(),
                phrase("ARNOR_", "ARN").unwrap(),
                phrase("CARAS GALADHON", "ELF").unwrap(),
            ],
            agents: vec![
                (
                    phrase("SOLDIER", "MIL")
                        .map(|mut p| {
                            p.whole = false;
                            p
                        })
                        .unwrap(),
                    false,
                ),
                (phrase("MSF", "NGO").unwrap(), true),
            ],
        };
        assert_eq!(d.code("Osgiliath soldiers").as_deref(), Some("OSGMIL"));
        assert_eq!(d.code("Arnor").as_deref(), Some("ARN"));
        assert_eq!(d.code("Arnorian").as_deref(), None);
        assert_eq!(d.code("Caras Galadhon's new mayor").as_deref(), Some("ELF"));
        assert_eq!(d.code("Arnor's MSF").as_deref(), Some("NGOARN"));
    }

    #[test]
    fn a_coding_is_right_by_root_code_or_triple() {
        let t = |s: &str, g: &str, c: &str| (s.to_string(), g.to_string(), c.to_string());
        let s = score(
            &[t("ARN", "GON", "064"), t("OSG", "ERI", "190")],
            &[t("ARN", "GON", "064"), t("", "ERI", "193")],
        );
        assert_eq!((s.codings, s.root, s.code, s.triple), (2, 2, 1, 1));
    }
}
