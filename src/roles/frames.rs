//! The PropBank frame lexicon (`models/frames.tsv`): every roleset the
//! labeller can emit, with its name, the description of each numbered
//! role, and the words (aliases) that evoke it, built from the PropBank
//! 3.4 frame files by `lede-train frames` ([`build`], feature `train`).
//!
//! One roleset a line, tab-separated: its id (`kill.01`), its name
//! (`cause to die, murder`), its aliases as `pos:lemma` joined by commas,
//! the lemma left out where it is the roleset's own (`v,n,n:killing` for
//! `kill`, `killing`; `v` verb, `n` noun, `j` adjective; aliases of other
//! parts of speech, which no predicate the labeller finds can have, and
//! rolesets with no other, are left out), then pairs of a role key and its
//! description: `0` `killer`, `1` `corpse`, `M-LOC` for a modifier the
//! roleset describes (`medium`).

use std::collections::HashMap;
use std::sync::OnceLock;

const FRAMES_TSV: &str = include_str!("../../models/frames.tsv");

/// One roleset of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roleset {
    /// `kill.01`, `make.LV`, `take_off.02`.
    pub id: String,
    /// What the roleset means: `cause to die, murder`.
    pub name: String,
    /// Role keys (`0`..`6`, `M-LOC`, ...) and their descriptions.
    pub roles: Vec<(String, String)>,
}

impl Roleset {
    /// True when the roleset defines numbered role `n` (ARG`n`).
    pub fn has_arg(&self, n: u8) -> bool {
        self.roles
            .iter()
            .any(|(k, _)| k.len() == 1 && k.as_bytes()[0] == b'0' + n)
    }

    /// The lemma part of the id: `take_off` for `take_off.02`.
    pub fn stem(&self) -> &str {
        self.id.rsplit_once('.').map_or(&self.id, |(s, _)| s)
    }
}

/// The lexicon: rolesets and the index from `(pos, lemma)` to them.
pub struct Frames {
    rolesets: Vec<Roleset>,
    by_id: HashMap<String, u32>,
    /// lemma → (part of speech, rolesets) pairs.
    aliases: HashMap<String, Vec<(u8, Vec<u32>)>>,
}

/// What a modifier role means where a roleset does not say: the PropBank
/// guidelines' name of each function tag.
pub fn modifier_description(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "TMP" => "time",
        "LOC" => "location",
        "MNR" => "manner",
        "CAU" => "cause",
        "PRP" => "purpose",
        "DIR" => "direction",
        "GOL" => "goal",
        "NEG" => "negation",
        "MOD" => "modal",
        "ADV" => "adverbial",
        "EXT" => "extent",
        "DIS" => "discourse",
        "PRD" => "secondary predication",
        "COM" => "comitative",
        "REC" => "reciprocal",
        "ADJ" => "adjectival",
        "LVB" => "light verb",
        "PRR" => "predicating relation",
        "CXN" => "construction",
        "PNC" => "purpose",
        "DSP" => "direct speech",
        _ => return None,
    })
}

impl Frames {
    /// The embedded lexicon, parsed once.
    pub fn embedded() -> &'static Frames {
        static F: OnceLock<Frames> = OnceLock::new();
        F.get_or_init(|| Frames::parse(FRAMES_TSV))
    }

    /// Read the lexicon's text (lines that do not fit are skipped).
    pub fn parse(tsv: &str) -> Frames {
        let mut frames = Frames {
            rolesets: Vec::new(),
            by_id: HashMap::new(),
            aliases: HashMap::new(),
        };
        for line in tsv.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(name), Some(aliases)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let rest: Vec<&str> = cols.collect();
            let roles = rest
                .chunks_exact(2)
                .map(|p| (p[0].to_string(), p[1].to_string()))
                .collect();
            let index = frames.rolesets.len() as u32;
            let stem = id.rsplit_once('.').map_or(id, |(s, _)| s);
            for alias in aliases.split(',').filter(|a| !a.is_empty()) {
                if let Some((pos, lemma)) = alias.split_once(':').or(Some((alias, stem))) {
                    let pos = pos.bytes().next().unwrap_or(b'?');
                    let entry = frames.aliases.entry(lemma.to_string()).or_default();
                    match entry.iter_mut().find(|(p, _)| *p == pos) {
                        Some((_, ids)) => ids.push(index),
                        None => entry.push((pos, vec![index])),
                    }
                }
            }
            frames.by_id.insert(id.to_string(), index);
            frames.rolesets.push(Roleset {
                id: id.to_string(),
                name: name.to_string(),
                roles,
            });
        }
        frames
    }

    pub fn len(&self) -> usize {
        self.rolesets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rolesets.is_empty()
    }

    /// The roleset at `index`.
    pub fn roleset(&self, index: u32) -> Option<&Roleset> {
        self.rolesets.get(index as usize)
    }

    /// The index of a roleset id (`kill.01`).
    pub fn find(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The rolesets a word evokes as part of speech `pos` (`b'v'`, `b'n'`,
    /// `b'j'`), in the frame files' order.
    pub fn evoked(&self, pos: u8, lemma: &str) -> &[u32] {
        self.aliases
            .get(lemma)
            .and_then(|by_pos| by_pos.iter().find(|(p, _)| *p == pos))
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// The description of `role` (`ARG0`, `R-ARG1`, `C-ARG2`, `ARGM-LOC`,
    /// `ARG1-DSP`) for a roleset: the frame file's (`killer`), or for a
    /// modifier the roleset does not describe, the guidelines' (`location`).
    pub fn describe(&self, roleset: Option<u32>, role: &str) -> Option<String> {
        let base = role
            .strip_prefix("R-")
            .or_else(|| role.strip_prefix("C-"))
            .unwrap_or(role);
        let rs = roleset.and_then(|r| self.roleset(r));
        if let Some(m) = base.strip_prefix("ARGM-") {
            let own = rs.and_then(|rs| {
                rs.roles
                    .iter()
                    .find(|(k, _)| k.strip_prefix("M-") == Some(m))
                    .map(|(_, d)| d.clone())
            });
            return own.or_else(|| modifier_description(m).map(str::to_string));
        }
        let rest = base.strip_prefix("ARG")?;
        let (n, tag) = rest.split_once('-').unwrap_or((rest, ""));
        let own = rs.and_then(|rs| {
            rs.roles
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, d)| d.clone())
        });
        own.or_else(|| modifier_description(tag).map(str::to_string))
    }
}

/// Build the lexicon's text from a folder of PropBank frame files (every
/// `*.xml`, in file-name order; rolesets in the order the files give them).
#[cfg(feature = "train")]
pub fn build(dir: &std::path::Path) -> Result<String, String> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    paths.sort();
    let mut out = String::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        let xml = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for block in xml.split("<roleset ").skip(1) {
            let block = block.split("</roleset>").next().unwrap_or(block);
            let head = block.split('>').next().unwrap_or("");
            let (Some(id), Some(name)) = (attribute(head, "id"), attribute(head, "name")) else {
                continue;
            };
            if !seen.insert(id.clone()) || id.contains(['\t', ',']) {
                continue;
            }
            let stem = id
                .rsplit_once('.')
                .map_or(id.as_str(), |(s, _)| s)
                .to_string();
            let mut aliases = Vec::new();
            for part in block.split("<alias ").skip(1) {
                let Some((attrs, rest)) = part.split_once('>') else {
                    continue;
                };
                let lemma = unescape(rest.split('<').next().unwrap_or("").trim()).to_lowercase();
                let pos = attribute(attrs, "pos").unwrap_or_default();
                if !matches!(pos.as_str(), "v" | "n" | "j") {
                    continue;
                }
                let alias = if lemma == stem {
                    pos
                } else {
                    format!("{pos}:{lemma}")
                };
                if !lemma.is_empty() && !alias.contains([',', '\t']) && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
            if aliases.is_empty() {
                continue;
            }
            let mut line = format!("{id}\t{}\t{}", clean(&name), aliases.join(","));
            for part in block.split("<role ").skip(1) {
                let attrs = part.split('>').next().unwrap_or("");
                let (Some(n), Some(descr)) = (attribute(attrs, "n"), attribute(attrs, "descr"))
                else {
                    continue;
                };
                let key = match n.as_str() {
                    "m" | "M" => match attribute(attrs, "f") {
                        Some(f) => format!("M-{}", f.to_uppercase()),
                        None => continue,
                    },
                    n if n.len() == 1 && n.as_bytes()[0].is_ascii_digit() => n.to_string(),
                    _ => continue,
                };
                line.push_str(&format!("\t{key}\t{}", clean(&descr)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// An attribute's value in the text of a start tag.
#[cfg(feature = "train")]
fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let padded = format!(" {tag}");
    let start = padded.find(&needle)? + needle.len();
    let end = padded[start..].find('"')? + start;
    Some(unescape(&padded[start..end]))
}

#[cfg(feature = "train")]
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// One line of text: whitespace runs (tabs, newlines) become one space.
#[cfg(feature = "train")]
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "kill.01\tcause to die, murder\tv,n:killing\t0\tkiller\t1\tcorpse\t2\tinstrument\n\
        make.LV\tlight verb\tv\n\
        wait.01\twait\tv:wait\t1\tthing waiting\tM-TMP\tperiod of time waited through\n";

    #[test]
    fn rolesets_roles_and_aliases_read_back() {
        let f = Frames::parse(SAMPLE);
        assert_eq!(f.len(), 3);
        let kill = f.find("kill.01").unwrap();
        assert_eq!(f.evoked(b'v', "kill"), &[kill]);
        assert_eq!(f.evoked(b'n', "killing"), &[kill]);
        assert_eq!(f.evoked(b'v', "make"), &[f.find("make.LV").unwrap()]);
        assert_eq!(f.evoked(b'v', "wait"), &[f.find("wait.01").unwrap()]);
        assert!(f.evoked(b'j', "kill").is_empty());
        let rs = f.roleset(kill).unwrap();
        assert_eq!(rs.name, "cause to die, murder");
        assert!(rs.has_arg(2) && !rs.has_arg(3));
        assert_eq!(rs.stem(), "kill");
    }

    #[test]
    fn roles_are_described_by_the_roleset_then_the_guidelines() {
        let f = Frames::parse(SAMPLE);
        let kill = f.find("kill.01");
        let d = |r, role| f.describe(r, role);
        assert_eq!(d(kill, "ARG0").as_deref(), Some("killer"));
        assert_eq!(d(kill, "R-ARG1").as_deref(), Some("corpse"));
        assert_eq!(d(kill, "C-ARG2").as_deref(), Some("instrument"));
        assert_eq!(d(kill, "ARGM-LOC").as_deref(), Some("location"));
        assert_eq!(d(kill, "ARG4"), None);
        let wait = f.find("wait.01");
        assert_eq!(
            d(wait, "ARGM-TMP").as_deref(),
            Some("period of time waited through")
        );
        assert_eq!(d(None, "ARGM-NEG").as_deref(), Some("negation"));
    }

    #[test]
    fn the_embedded_lexicon_knows_news_verbs() {
        let f = Frames::embedded();
        assert!(f.len() > 10_000, "{} rolesets", f.len());
        for (pos, lemma) in [
            (b'v', "kill"),
            (b'v', "retake"),
            (b'v', "sign"),
            (b'n', "attack"),
        ] {
            assert!(!f.evoked(pos, lemma).is_empty(), "{lemma}");
        }
    }
}
