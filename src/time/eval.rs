//! Evaluation on TimeML (TimeBank, AQUAINT): strip the tags, analyze each
//! document with its creation time as the publication date, and score the
//! time expressions TempEval-3 style.

use std::path::Path;

/// A gold TIMEX3 in a document's text (offsets in UTF-16 code units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// A TimeML document: the `<TEXT>` with its tags stripped.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    pub name: String,
    /// Document creation time, `YYYY-MM-DD`.
    pub dct: String,
    pub text: String,
    pub times: Vec<Gold>,
    /// Each `<EVENT>` that a TLINK ties to a time of the text by a relation
    /// of overlap (`IS_INCLUDED`, `DURING`, `SIMULTANEOUS`, `BEGUN_BY`, …;
    /// not `BEFORE` or `AFTER`): its span and those times (indexes into
    /// `times`).
    pub anchors: Vec<Anchor>,
}

/// An event of the gold text and the times it happens in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub times: Vec<usize>,
}

/// TLINK relations under which an event and a time overlap.
const OVERLAP: &[&str] = &[
    "IS_INCLUDED",
    "INCLUDES",
    "DURING",
    "DURING_INV",
    "SIMULTANEOUS",
    "IDENTITY",
    "BEGINS",
    "BEGUN_BY",
    "ENDS",
    "ENDED_BY",
];

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parse one `.tml` file.
pub fn parse_tml(name: &str, xml: &str) -> Result<TmlDoc, String> {
    let dct_tag = xml
        .split("<TIMEX3")
        .skip(1)
        .find(|t| t.contains("CREATION_TIME"))
        .ok_or_else(|| format!("{name}: no creation time"))?;
    let dct = attr(dct_tag, "value")
        .and_then(|v| v.get(..10).map(str::to_string))
        .ok_or_else(|| format!("{name}: creation time without a value"))?;
    let body_start = xml
        .find("<TEXT>")
        .ok_or_else(|| format!("{name}: no <TEXT>"))?
        + "<TEXT>".len();
    let body_end = xml[body_start..]
        .find("</TEXT>")
        .ok_or_else(|| format!("{name}: no </TEXT>"))?
        + body_start;
    let body = &xml[body_start..body_end];
    let mut text = String::new();
    let mut units = 0usize;
    let mut times = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    // TIMEX3 tid → index in `times`; EVENT eid → span
    let mut tids = std::collections::HashMap::new();
    let mut events = std::collections::HashMap::new();
    let mut open_event: Option<(usize, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        let (chunk, after) = match rest.find('<') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let chunk = unescape(chunk);
        units += chunk.encode_utf16().count();
        text.push_str(&chunk);
        if after.is_empty() {
            break;
        }
        let close = after
            .find('>')
            .ok_or_else(|| format!("{name}: unclosed tag"))?;
        let tag = &after[..=close];
        if tag.starts_with("<TIMEX3") {
            let kind = attr(tag, "type").unwrap_or_default();
            let value = iso_week(attr(tag, "value").unwrap_or_default());
            if let Some(tid) = attr(tag, "tid") {
                tids.insert(tid, times.len());
            }
            open = Some((units, kind, value));
        } else if tag.starts_with("<EVENT") {
            open_event = attr(tag, "eid").map(|e| (units, e));
        } else if tag.starts_with("</EVENT") {
            if let Some((start, eid)) = open_event.take() {
                events.insert(eid, (start, units));
            }
        } else if tag.starts_with("</TIMEX3") {
            if let Some((start, kind, value)) = open.take() {
                times.push(Gold {
                    start,
                    end: units,
                    kind,
                    value,
                });
            }
        }
        rest = &after[close + 1..];
    }
    // the links, after the text: event instances, then TLINKs
    let tags = || xml.split('<').skip(1);
    let instances: std::collections::HashMap<String, String> = tags()
        .filter(|t| t.starts_with("MAKEINSTANCE"))
        .filter_map(|t| Some((attr(t, "eiid")?, attr(t, "eventID")?)))
        .collect();
    let mut anchors: Vec<Anchor> = Vec::new();
    for t in tags().filter(|t| t.starts_with("TLINK")) {
        let overlap = attr(t, "relType").is_some_and(|r| OVERLAP.contains(&r.as_str()));
        let time = attr(t, "relatedToTime").and_then(|x| tids.get(&x).copied());
        let event = attr(t, "eventInstanceID")
            .and_then(|i| instances.get(&i))
            .and_then(|e| events.get(e));
        let (Some(time), Some(&(start, end)), true) = (time, event, overlap) else {
            continue;
        };
        match anchors.iter_mut().find(|a| a.start == start) {
            Some(a) if !a.times.contains(&time) => a.times.push(time),
            Some(_) => {}
            None => anchors.push(Anchor {
                start,
                end,
                times: vec![time],
            }),
        }
    }
    anchors.sort_by_key(|a| a.start);
    Ok(TmlDoc {
        name: name.to_string(),
        dct,
        text,
        times,
        anchors,
    })
}

/// Every `.tml` file under `dir`, sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<TmlDoc>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            parse_tml(&name, &xml)
        })
        .collect()
}

/// A system time expression (offsets in UTF-16 code units).
pub type Predicted = Gold;

/// Counts for TempEval-3 style scores.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub kind: usize,
    pub value: usize,
}

fn f1(hit: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 {
        0.0
    } else {
        hit as f64 / system as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.kind += o.kind;
        self.value += o.value;
    }

    /// (precision, recall, F1) of exact-span matches.
    pub fn strict(&self) -> (f64, f64, f64) {
        f1(self.strict, self.system, self.gold)
    }

    /// (precision, recall, F1) of overlapping matches.
    pub fn relaxed(&self) -> (f64, f64, f64) {
        f1(self.relaxed, self.system, self.gold)
    }

    /// Share of relaxed matches with the right type.
    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed == 0 {
            0.0
        } else {
            self.kind as f64 / self.relaxed as f64
        }
    }

    /// (precision, recall, F1) of relaxed matches with the right value.
    pub fn value(&self) -> (f64, f64, f64) {
        f1(self.value, self.system, self.gold)
    }
}

/// A gold and a system expression paired by overlap (one to one, in text
/// order); unpaired ones are `None` on the other side.
pub type Pair<'a> = (Option<&'a Gold>, Option<&'a Predicted>);

/// Pair gold and system expressions by overlap and count.
pub fn score<'a>(gold: &'a [Gold], system: &'a [Predicted]) -> (Score, Vec<Pair<'a>>) {
    let mut s = Score {
        gold: gold.len(),
        system: system.len(),
        ..Score::default()
    };
    let mut used = vec![false; system.len()];
    let mut pairs = Vec::new();
    for g in gold {
        let m = system
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.start < g.end && g.start < p.end);
        match m {
            Some((i, p)) => {
                used[i] = true;
                s.relaxed += 1;
                s.strict += usize::from(p.start == g.start && p.end == g.end);
                s.kind += usize::from(p.kind == g.kind);
                s.value += usize::from(p.value == g.value);
                pairs.push((Some(g), Some(p)));
            }
            None => pairs.push((Some(g), None)),
        }
    }
    for (i, p) in system.iter().enumerate() {
        if !used[i] {
            pairs.push((None, Some(p)));
        }
    }
    (s, pairs)
}

/// Six gold values of AQUAINT spell an ISO week with one digit
/// ("2000-W7"); ISO 8601 and TIMEX3 write two ("2000-W07"), as lede does.
/// The same week either way, so the reader pads them before comparing.
fn iso_week(value: String) -> String {
    let b = value.as_bytes();
    let one_digit = b.len() >= 7
        && b[4] == b'-'
        && b[5] == b'W'
        && b[6].is_ascii_digit()
        && !b.get(7).is_some_and(u8::is_ascii_digit);
    if one_digit {
        format!("{}0{}", &value[..6], &value[6..])
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_digit_iso_weeks_are_padded() {
        assert_eq!(iso_week("2000-W7".into()), "2000-W07");
        assert_eq!(iso_week("2000-W7-WE".into()), "2000-W07-WE");
        assert_eq!(iso_week("2000-W07".into()), "2000-W07");
        assert_eq!(iso_week("2000-WXX".into()), "2000-WXX");
        assert_eq!(iso_week("1998-02-13".into()), "1998-02-13");
    }

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>"#;
        let d = parse_tml("x", xml).unwrap();
        assert_eq!(d.dct, "1998-01-08");
        assert_eq!(d.text, "A & B met yesterday.");
        assert_eq!(d.times.len(), 1);
        let t = &d.times[0];
        assert_eq!(&d.text[t.start..t.end], "yesterday");
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "1998-01-07"));
    }

    #[test]
    fn events_are_tied_to_the_times_they_overlap() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>They <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> and <EVENT eid="e2">left</EVENT> before <TIMEX3 tid="t2" type="TIME" value="1998-01-07T12:00">noon</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/><MAKEINSTANCE eiid="ei2" eventID="e2"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t2"/></TimeML>"#;
        let d = parse_tml("x", xml).unwrap();
        assert_eq!(d.anchors.len(), 1, "{:?}", d.anchors);
        let a = &d.anchors[0];
        assert_eq!(&d.text[a.start..a.end], "met");
        assert_eq!(a.times, vec![0]);
    }

    #[test]
    fn scores_strict_relaxed_and_value() {
        let g = |s, e, v: &str| Gold {
            start: s,
            end: e,
            kind: "DATE".into(),
            value: v.into(),
        };
        let gold = [g(0, 5, "1998"), g(10, 15, "1999"), g(20, 25, "2000")];
        let sys = [g(0, 5, "1998"), g(9, 15, "1990"), g(30, 35, "2001")];
        let (s, pairs) = score(&gold, &sys);
        assert_eq!((s.strict, s.relaxed, s.value, s.kind), (1, 2, 1, 2));
        assert_eq!(pairs.len(), 4);
        assert!((s.relaxed().2 - 2.0 / 3.0).abs() < 1e-9);
    }
}
