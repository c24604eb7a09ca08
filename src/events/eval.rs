//! Event evaluation on WikiEvents (`../shared/data/wikievents/dev.jsonl`):
//! the recall of annotated events with the right type (its first two
//! levels, `Conflict.Attack`) and labelled-argument F1 within the matched
//! events. Run by `lede-train eval-events`.

use std::path::Path;

use serde::Deserialize;

use crate::actors::eval::prf;
use crate::output::Analysis;

#[derive(Deserialize)]
struct RawDoc {
    doc_id: String,
    /// Each sentence: its tokens `[text, start, end]` (character offsets in
    /// the document with one separator between sentences) and its text.
    sentences: Vec<(Vec<RawToken>, String)>,
    entity_mentions: Vec<RawEntity>,
    event_mentions: Vec<RawEvent>,
}

/// A token: its text and character offsets.
type RawToken = (String, usize, usize);

#[derive(Deserialize)]
struct RawEntity {
    id: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawEvent {
    event_type: String,
    trigger: RawTrigger,
    arguments: Vec<RawArg>,
}

#[derive(Deserialize)]
struct RawTrigger {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Deserialize)]
struct RawArg {
    entity_id: String,
    role: String,
}

/// A gold event: its type, trigger and arguments as character spans of
/// [`WikiDoc::text`] (characters, as Python counts them).
pub struct GoldEvent {
    pub kind: String,
    pub trigger: (usize, usize),
    pub trigger_text: String,
    pub args: Vec<(String, (usize, usize))>,
}

pub struct WikiDoc {
    pub id: String,
    /// The sentences joined by line breaks.
    pub text: String,
    pub events: Vec<GoldEvent>,
}

/// Read the WikiEvents JSON lines.
pub fn read(path: &Path) -> Result<Vec<WikiDoc>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let d: RawDoc = serde_json::from_str(line).map_err(|e| e.to_string())?;
        // rebuild the text: every token at its offset, spaces between, a
        // line break between sentences
        let tokens: Vec<&RawToken> = d.sentences.iter().flat_map(|s| s.0.iter()).collect();
        let len = tokens.iter().map(|t| t.2).max().unwrap_or(0);
        let mut chars = vec![' '; len];
        for t in &tokens {
            for (i, c) in t.0.chars().enumerate() {
                if t.1 + i < len {
                    chars[t.1 + i] = c;
                }
            }
        }
        for s in d.sentences.iter().skip(1) {
            if let Some(first) = s.0.first() {
                if first.1 > 0 && chars[first.1 - 1] == ' ' {
                    chars[first.1 - 1] = '\n';
                }
            }
        }
        let text: String = chars.into_iter().collect();
        let span = |a: usize, b: usize| -> (usize, usize) {
            (
                tokens.get(a).map_or(0, |t| t.1),
                tokens.get(b.saturating_sub(1)).map_or(0, |t| t.2),
            )
        };
        let events = d
            .event_mentions
            .iter()
            .map(|e| GoldEvent {
                kind: e.event_type.clone(),
                trigger: span(e.trigger.start, e.trigger.end),
                trigger_text: e.trigger.text.clone(),
                args: e
                    .arguments
                    .iter()
                    .filter_map(|a| {
                        let m = d.entity_mentions.iter().find(|m| m.id == a.entity_id)?;
                        Some((a.role.clone(), span(m.start, m.end)))
                    })
                    .collect(),
            })
            .collect();
        docs.push(WikiDoc {
            id: d.doc_id,
            text,
            events,
        });
    }
    Ok(docs)
}

/// Counts over documents.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub gold: usize,
    /// Gold events whose trigger a lede event mention covers with the
    /// right type (first two levels).
    pub found: usize,
    /// Gold events that are reports ("said", "reported"): lede makes them
    /// the source of what they report, not events.
    pub reports: usize,
    /// Of those, the ones lede gives as an event's source or a quote's cue.
    pub reports_found: usize,
    /// Reports that lede gives as events of the right type (counted in
    /// `found` too).
    pub reports_as_events: usize,
    pub predicted: usize,
    pub arg_gold: usize,
    /// lede's arguments of the matched events that lie on the gold
    /// trigger's line (its sentence: 426 of the 428 gold arguments lie
    /// there), and the right ones among them.
    pub arg_pred: usize,
    pub arg_right: usize,
    /// The same over all of the matched event's arguments, wherever they
    /// lie: an event lede merged from mentions in several sentences is then
    /// scored with all their arguments against each gold mention.
    pub arg_pred_all: usize,
    pub arg_right_all: usize,
    /// Gold events missed, with their trigger and type (for `ERRORS=1`).
    pub missed: Vec<String>,
    /// Gold arguments of found events that lede missed or gave another
    /// role: "Victim missed", "Target as Victim" (for `ERRORS=1`).
    pub arg_errors: Vec<String>,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.reports += o.reports;
        self.reports_found += o.reports_found;
        self.reports_as_events += o.reports_as_events;
        self.predicted += o.predicted;
        self.arg_gold += o.arg_gold;
        self.arg_pred += o.arg_pred;
        self.arg_right += o.arg_right;
        self.arg_pred_all += o.arg_pred_all;
        self.arg_right_all += o.arg_right_all;
        self.missed.extend(o.missed.iter().cloned());
        self.arg_errors.extend(o.arg_errors.iter().cloned());
    }

    /// Argument precision, recall and F1, counting lede's arguments on the
    /// gold trigger's line.
    pub fn arg_prf(&self) -> (f64, f64, f64) {
        prf(self.arg_right, self.arg_pred, self.arg_gold)
    }

    /// The same counting all of the matched event's arguments.
    pub fn arg_prf_all(&self) -> (f64, f64, f64) {
        prf(self.arg_right_all, self.arg_pred_all, self.arg_gold)
    }
}

fn two_levels(t: &str) -> &str {
    match t.match_indices('.').nth(1) {
        Some((i, _)) => &t[..i],
        None => t,
    }
}

/// A report: a communication event whose trigger is a reporting word.
fn is_report(e: &GoldEvent) -> bool {
    e.kind.starts_with("Contact.")
        && matches!(
            e.trigger_text.to_lowercase().as_str(),
            "said"
                | "say"
                | "says"
                | "saying"
                | "told"
                | "tell"
                | "reported"
                | "reports"
                | "report"
                | "announced"
                | "announce"
                | "stated"
                | "stating"
                | "statement"
                | "declared"
                | "declares"
                | "claimed"
                | "confirmed"
                | "issued"
                | "added"
                | "replied"
                | "called"
                | "asked"
                | "recalled"
                | "blames"
                | "interview"
                | "interviewed"
        )
}

/// The character span of the line that holds character `at`, from the
/// lines' starts.
fn line_span(starts: &[usize], at: usize) -> (usize, usize) {
    let i = starts.partition_point(|&s| s <= at).saturating_sub(1);
    (starts[i], starts.get(i + 1).map_or(usize::MAX, |&s| s - 1))
}

/// The line of `text` around character `at`.
fn line_of(text: &str, at: usize) -> String {
    text.char_indices()
        .map(|(i, _)| i)
        .nth(at)
        .map(|b| {
            let from = text[..b].rfind('\n').map_or(0, |i| i + 1);
            let to = text[b..].find('\n').map_or(text.len(), |i| b + i);
            text[from..to].to_string()
        })
        .unwrap_or_default()
}

/// Score lede's analysis of one document.
pub fn score(doc: &WikiDoc, a: &Analysis) -> Score {
    // UTF-16 offsets of lede → character offsets of the gold
    let units: Vec<usize> = {
        let mut v = Vec::with_capacity(doc.text.len() + 1);
        let mut u = 0;
        for c in doc.text.chars() {
            v.push(u);
            u += c.len_utf16();
        }
        v.push(u);
        v
    };
    let to_char = |u: usize| units.partition_point(|&x| x < u);
    // the character offset of each line's start
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            doc.text
                .chars()
                .enumerate()
                .filter(|&(_, c)| c == '\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let mut s = Score {
        gold: doc.events.len(),
        predicted: a.events.len(),
        ..Score::default()
    };
    // every mention of every event, with its event
    let mentions: Vec<((usize, usize), usize)> = a
        .events
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .map(move |m| ((m.start, m.end), i))
                .collect::<Vec<_>>()
        })
        .map(|((x, y), i)| ((to_char(x), to_char(y)), i))
        .collect();
    let cues: Vec<(usize, usize)> = a
        .events
        .iter()
        .filter_map(|e| e.source.as_ref().and_then(|s| s.cue.as_ref()))
        .chain(a.quotes.iter().filter_map(|q| q.cue.as_ref()))
        .map(|c| (to_char(c.start), to_char(c.end)))
        .collect();
    for g in &doc.events {
        if is_report(g) {
            s.reports += 1;
            if cues.iter().any(|&c| overlaps(c, g.trigger)) {
                s.reports_found += 1;
            } else if std::env::var("ERRORS").as_deref() == Ok("2") {
                s.arg_errors.push(format!(
                    "report without cue {:?}: {}",
                    g.trigger_text,
                    line_of(&doc.text, g.trigger.0)
                ));
            }
        }
        let hit = mentions.iter().find(|(m, i)| {
            overlaps(*m, g.trigger) && two_levels(a.events[*i].kind) == two_levels(&g.kind)
        });
        let Some(&(_, i)) = hit else {
            // with ERRORS=2, the line too, and what lede made of the trigger
            let context = if std::env::var("ERRORS").as_deref() == Ok("2") {
                let other = mentions
                    .iter()
                    .find(|(m, _)| overlaps(*m, g.trigger))
                    .map_or("no event".to_string(), |&(_, i)| {
                        format!("lede: {}", a.events[i].kind)
                    });
                format!(" ({other}): {}", line_of(&doc.text, g.trigger.0))
            } else {
                String::new()
            };
            s.missed.push(format!(
                "{}: {:?} {}{context}",
                doc.id, g.trigger_text, g.kind
            ));
            continue;
        };
        s.found += 1;
        s.reports_as_events += usize::from(is_report(g));
        let e = &a.events[i];
        // lede's arguments, and its stated place as a Place argument
        let mut pred: Vec<(&str, (usize, usize))> = e
            .arguments
            .iter()
            .map(|x| (x.role, (to_char(x.start), to_char(x.end))))
            .collect();
        // the place's first mention in the event's sentence, when it is
        // stated in the event's clause (a place taken from elsewhere in the
        // sentence is wrong more often than right: P 0.43 → 0.39)
        // (unless an argument already gives the place: "a street" of "in a
        // street in Lyon")
        let has_place = pred.iter().any(|(r, _)| *r == "Place");
        if let Some(p) = e.place.as_ref().filter(|p| p.stated && !has_place) {
            let sentence = &a.sentences[e.sentence];
            let mention = a.actors[p.actor]
                .mentions
                .iter()
                .map(|&m| &a.entities[m])
                .find(|en| en.start >= sentence.start && en.end <= sentence.end);
            if let Some(en) = mention {
                pred.push(("Place", (to_char(en.start), to_char(en.end))));
            }
        }
        // with ERRORS=2, each error with its trigger and argument
        let detail = |gs: &(usize, usize)| {
            if std::env::var("ERRORS").as_deref() != Ok("2") {
                return String::new();
            }
            let text: String = doc.text.chars().skip(gs.0).take(gs.1 - gs.0).collect();
            format!(
                ": {:?} of {:?} {}",
                text,
                g.trigger_text,
                e.roleset.as_deref().unwrap_or("-")
            )
        };
        for (r, gs) in &g.args {
            let hit = pred.iter().find(|(_, span)| overlaps(*span, *gs));
            match hit {
                Some((role, _)) if role == r => {}
                Some((role, _)) => s.arg_errors.push(format!("{r} as {role}{}", detail(gs))),
                None => s.arg_errors.push(format!("{r} missed{}", detail(gs))),
            }
        }
        if std::env::var("ERRORS").as_deref() == Ok("2") {
            for (role, span) in &pred {
                if !g
                    .args
                    .iter()
                    .any(|(r, gs)| r == role && overlaps(*span, *gs))
                {
                    s.arg_errors
                        .push(format!("lede {role} wrong{}", detail(span)));
                }
            }
        }
        let right = |(role, span): &(&str, (usize, usize))| {
            g.args
                .iter()
                .any(|(r, gs)| r == role && overlaps(*span, *gs))
        };
        s.arg_gold += g.args.len();
        s.arg_pred_all += pred.len();
        s.arg_right_all += pred.iter().filter(|x| right(x)).count();
        // lede's arguments on the gold trigger's line
        let (from, to) = line_span(&line_starts, g.trigger.0);
        let local: Vec<_> = pred
            .iter()
            .filter(|(_, (x, y))| *x >= from && *y <= to)
            .collect();
        s.arg_pred += local.len();
        s.arg_right += local.iter().filter(|x| right(x)).count();
    }
    s
}

/// Event times against the TLINKs of TimeBank and AQUAINT: lede's events
/// whose trigger (or a mention merged into them) is a gold event tied to a
/// time of the text, how many of them lede dates, and how many with one of
/// those times (by overlap, or by the same value). Links to the creation
/// time are not counted: a date lede takes from the publication date is no
/// time of the text.
#[derive(Debug, Clone, Default)]
pub struct TimeScore {
    /// lede events on a gold event tied to a time of the text
    pub anchored: usize,
    /// of them, the ones lede gives a time
    pub dated: usize,
    /// of those, the ones whose time is stated in their clause
    pub stated: usize,
    /// dated with a gold time
    pub right: usize,
    /// stated with a gold time
    pub stated_right: usize,
    /// "document: trigger → lede's time (gold times)" for each wrong or
    /// missing one
    pub errors: Vec<String>,
}

impl TimeScore {
    pub fn add(&mut self, o: TimeScore) {
        self.anchored += o.anchored;
        self.dated += o.dated;
        self.stated += o.stated;
        self.right += o.right;
        self.stated_right += o.stated_right;
        self.errors.extend(o.errors);
    }
}

/// Score one TimeML document's event times (`a` analyzed with its
/// creation time as the date).
pub fn score_times(doc: &crate::time::eval::TmlDoc, a: &Analysis) -> TimeScore {
    let mut s = TimeScore::default();
    let overlaps = |x: (usize, usize), y: (usize, usize)| x.0 < y.1 && y.0 < x.1;
    for e in &a.events {
        let spans =
            std::iter::once((e.start, e.end)).chain(e.mentions.iter().map(|m| (m.start, m.end)));
        let anchor = spans
            .flat_map(|m| {
                doc.anchors
                    .iter()
                    .filter(move |g| overlaps(m, (g.start, g.end)))
            })
            .next();
        let Some(g) = anchor else { continue };
        s.anchored += 1;
        let gold_texts = || -> String {
            let at = |u| super::petrarch::utf16_prefix(&doc.text, u);
            let texts: Vec<&str> = g
                .times
                .iter()
                .map(|&i| &doc.text[at(doc.times[i].start)..at(doc.times[i].end)])
                .collect();
            texts.join(", ")
        };
        let Some((t, time)) = e
            .time
            .as_ref()
            .and_then(|t| Some((t, a.times.get(t.index)?)))
        else {
            s.errors.push(format!(
                "{}: {} → no time (gold: {})",
                doc.name,
                e.text,
                gold_texts()
            ));
            continue;
        };
        s.dated += 1;
        s.stated += usize::from(t.stated);
        // the gold time itself, or the same date written elsewhere (a
        // merged event's time may come from another of its sentences)
        let right = g.times.iter().any(|&i| {
            let gold = &doc.times[i];
            overlaps((time.start, time.end), (gold.start, gold.end)) || gold.value == time.value
        });
        s.right += usize::from(right);
        s.stated_right += usize::from(right && t.stated);
        if !right {
            s.errors.push(format!(
                "{}: {} → {}{} (gold: {})",
                doc.name,
                e.text,
                time.text,
                if t.stated { "" } else { ", from the sentence" },
                gold_texts()
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::line_span;

    #[test]
    fn event_times_count_the_linked_time_right_and_another_wrong() {
        // the killing is tied to Wednesday, the attack to Monday (which
        // lede takes from the attack's own clause: wrong by the links)
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Two soldiers were <EVENT eid="e1">killed</EVENT> in Idlib on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>. Rebels <EVENT eid="e2">attacked</EVENT> the town on <TIMEX3 tid="t2" type="DATE" value="1998-01-05">Monday</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="AFTER" eventInstanceID="ei2" relatedToTime="t0"/>
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/></TimeML>"#;
        let doc = crate::time::eval::parse_tml("x", xml).unwrap();
        let options = crate::Options {
            date: Some(doc.dct.clone()),
            ..crate::Options::default()
        };
        let a = crate::analyze(&doc.text, &options).unwrap();
        let s = super::score_times(&doc, &a);
        assert_eq!((s.anchored, s.dated, s.right), (2, 2, 1), "{:?}", s.errors);
        assert_eq!(s.errors.len(), 1);
        assert!(s.errors[0].contains("attacked → Monday"), "{:?}", s.errors);
    }

    #[test]
    fn a_line_runs_from_its_start_to_the_next_break() {
        // "ab\ncd\nef": lines start at 0, 3 and 6
        let starts = [0, 3, 6];
        assert_eq!(line_span(&starts, 0), (0, 2));
        assert_eq!(line_span(&starts, 4), (3, 5));
        assert_eq!(line_span(&starts, 7), (6, usize::MAX));
    }
}
