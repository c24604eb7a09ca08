//! Events as CSV: one row per event, with the columns analysts know from
//! GDELT and ACLED (date, type, CAMEO code, Actor1 / Actor2 name, code and
//! country, place with coordinates, fatalities, status, source, sentence).
//! Entities as CSV: one row per actor (a person, organization, group or
//! place with its mentions merged), with its role, CAMEO code, country,
//! coordinates, how often it is named and the names it goes by.
//!
//! RFC 4180: comma-separated, `\n` line ends, a field in double quotes when
//! it holds a comma, a quote or a line break. A text field that starts with
//! `=`, `+`, `-` or `@` gets a leading `'` so that a spreadsheet does not run
//! it as a formula (the article is untrusted input).

use crate::output::{integral, one_decimal, ActorOut, Analysis, EventOut};

/// The header row's column names.
pub const EVENT_COLUMNS: [&str; 32] = [
    "doc",
    "event",
    "date",
    "date_from",
    "type",
    "trigger",
    "start",
    "end",
    "roleset",
    "cameo_code",
    "cameo_root",
    "quad_class",
    "goldstein",
    "actor1_name",
    "actor1_code",
    "actor1_country",
    "actor2_name",
    "actor2_code",
    "actor2_country",
    "place",
    "place_country",
    "lat",
    "lon",
    "place_stated",
    "fatalities",
    "injured",
    "missing",
    "casualties_comparator",
    "status",
    "source",
    "source_cue",
    "sentence",
];

/// The header line, with its line end.
pub fn events_header() -> String {
    let mut s = EVENT_COLUMNS.join(",");
    s.push('\n');
    s
}

/// The entities CSV's column names: one row per actor.
pub const ENTITY_COLUMNS: [&str; 16] = [
    "doc",
    "actor",
    "name",
    "label",
    "kind",
    "role",
    "code",
    "country",
    "government_of",
    "lat",
    "lon",
    "mentions",
    "references",
    "names",
    "first_start",
    "first_end",
];

/// The entities CSV's header line, with its line end.
pub fn entities_header() -> String {
    let mut s = ENTITY_COLUMNS.join(",");
    s.push('\n');
    s
}

/// One document's events as CSV: the header, then its rows.
pub fn events(doc: &str, analysis: &Analysis) -> String {
    let mut out = events_header();
    write_event_rows(&mut out, doc, analysis);
    out
}

/// One document's entities as CSV: the header, then a row per actor.
pub fn entities(doc: &str, analysis: &Analysis) -> String {
    let mut out = entities_header();
    write_entity_rows(&mut out, doc, analysis);
    out
}

/// Append one row per event of `analysis` to `out`; `doc` names the
/// document (a file name, a JSON-lines id). `start` / `end` are UTF-16
/// offsets of the trigger, as in the JSON.
pub fn write_event_rows(out: &mut String, doc: &str, analysis: &Analysis) {
    for (i, e) in analysis.events.iter().enumerate() {
        push_row(out, &event_fields(doc, i, analysis, e));
    }
}

/// Append one row per actor of `analysis` to `out`: its name mentions
/// counted in `mentions`, the pronouns that stand for it in `references`,
/// the distinct names it goes by in `names` (joined by `|`), and the UTF-16
/// offsets of its first mention.
pub fn write_entity_rows(out: &mut String, doc: &str, analysis: &Analysis) {
    for (i, a) in analysis.actors.iter().enumerate() {
        push_row(out, &actor_fields(doc, i, analysis, a));
    }
}

fn push_row(out: &mut String, fields: &[Field]) {
    for (j, f) in fields.iter().enumerate() {
        if j > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push('\n');
}

fn actor_fields(doc: &str, i: usize, a: &Analysis, x: &ActorOut) -> Vec<Field> {
    let mentions: Vec<_> = x
        .mentions
        .iter()
        .filter_map(|&m| a.entities.get(m))
        .collect();
    let mut names: Vec<&str> = Vec::new();
    for m in &mentions {
        if !names.contains(&m.text.as_str()) {
            names.push(&m.text);
        }
    }
    let first = mentions.iter().min_by_key(|m| m.start);
    vec![
        text(doc),
        Field::Number(i.to_string()),
        text(&x.name),
        text(x.label),
        opt_text(x.kind),
        opt_text(x.role.as_deref()),
        opt_text(x.code.as_deref()),
        opt_text(x.country),
        opt_text(x.government_of),
        num(x.lat.map(one_decimal)),
        num(x.lon.map(one_decimal)),
        Field::Number(x.mentions.len().to_string()),
        Field::Number(x.references.len().to_string()),
        text(&names.join("|")),
        num(first.map(|m| m.start as f64)),
        num(first.map(|m| m.end as f64)),
    ]
}

/// A cell: text (guarded against formulas) or a number (written as is).
enum Field {
    Text(String),
    Number(String),
}

/// A text cell.
fn text(s: &str) -> Field {
    Field::Text(s.to_string())
}

/// A text cell, empty for none.
fn opt_text(s: Option<&str>) -> Field {
    Field::Text(s.unwrap_or("").to_string())
}

/// A number cell, empty for none.
fn num(x: Option<f64>) -> Field {
    Field::Number(x.map(format_number).unwrap_or_default())
}

fn event_fields(doc: &str, i: usize, a: &Analysis, e: &EventOut) -> Vec<Field> {
    let actor = |x: Option<usize>| x.and_then(|x| a.actors.get(x));
    let (date, date_from) = match (&e.time, &a.date) {
        (Some(t), _) if t.stated => (t.value.as_str(), "clause"),
        (Some(t), _) => (t.value.as_str(), "sentence"),
        (None, Some(d)) => (d.as_str(), "publication"),
        (None, None) => ("", ""),
    };
    let cameo = e.cameo.as_ref();
    let (a1, a2) = (
        actor(cameo.and_then(|c| c.source_actor)),
        actor(cameo.and_then(|c| c.target_actor)),
    );
    let code1 = cameo
        .and_then(|c| c.source.as_deref())
        .or(a1.and_then(|x| x.code.as_deref()));
    let code2 = cameo
        .and_then(|c| c.target.as_deref())
        .or(a2.and_then(|x| x.code.as_deref()));
    let place = e.place.as_ref();
    let casualties = e.casualties.as_ref();
    let source = e.source.as_ref();
    let sentence = a
        .sentences
        .get(e.sentence)
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    vec![
        text(doc),
        Field::Number(i.to_string()),
        text(date),
        text(date_from),
        text(e.kind),
        text(&e.text),
        Field::Number(e.start.to_string()),
        Field::Number(e.end.to_string()),
        opt_text(e.roleset.as_deref()),
        opt_text(cameo.map(|c| c.code.as_str())),
        opt_text(cameo.map(|c| c.root.as_str())),
        num(cameo.map(|c| c.quad_class as f64)),
        num(cameo.map(|c| c.goldstein)),
        opt_text(a1.map(|x| x.name.as_str())),
        opt_text(code1),
        opt_text(a1.and_then(|x| x.country)),
        opt_text(a2.map(|x| x.name.as_str())),
        opt_text(code2),
        opt_text(a2.and_then(|x| x.country)),
        opt_text(place.map(|p| p.name.as_str())),
        opt_text(place.and_then(|p| p.country)),
        num(place.and_then(|p| p.lat).map(one_decimal)),
        num(place.and_then(|p| p.lon).map(one_decimal)),
        opt_text(place.map(|p| if p.stated { "true" } else { "false" })),
        num(casualties.and_then(|c| c.killed)),
        num(casualties.and_then(|c| c.injured)),
        num(casualties.and_then(|c| c.missing)),
        opt_text(casualties.and_then(|c| c.comparator)),
        text(e.status),
        opt_text(source.and_then(|s| s.name.as_deref())),
        opt_text(source.and_then(|s| s.cue.as_ref()).map(|c| c.text.as_str())),
        Field::Text(sentence),
    ]
}

/// A number as the JSON writes it: `2000`, not `2000.0`.
pub(crate) fn format_number(x: f64) -> String {
    integral(x).map_or_else(|| x.to_string(), |i| i.to_string())
}

fn push_field(out: &mut String, f: &Field) {
    let s = match f {
        Field::Number(s) => return out.push_str(s),
        Field::Text(s) => s,
    };
    let formula = s.starts_with(['=', '+', '-', '@']);
    let quote = formula || s.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(f: Field) -> String {
        let mut s = String::new();
        push_field(&mut s, &f);
        s
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(cell(Field::Text("Idlib".into())), "Idlib");
        assert_eq!(cell(Field::Text("a, b".into())), "\"a, b\"");
        assert_eq!(cell(Field::Text("say \"no\"".into())), "\"say \"\"no\"\"\"");
        assert_eq!(cell(Field::Text("two\nlines".into())), "\"two\nlines\"");
        assert_eq!(cell(Field::Number("-10".into())), "-10");
    }

    #[test]
    fn text_that_looks_like_a_formula_is_not_one() {
        assert_eq!(
            cell(Field::Text("=HYPERLINK(1)".into())),
            "\"'=HYPERLINK(1)\""
        );
        assert_eq!(cell(Field::Text("-5 dead".into())), "\"'-5 dead\"");
    }

    /// The analysis of `text` published on 2020-02-27.
    fn analyzed(text: &str) -> Analysis {
        let options = crate::Options {
            date: Some("2020-02-27".into()),
            ..Default::default()
        };
        crate::analyze(text, &options).unwrap()
    }

    #[test]
    fn every_row_has_every_column() {
        let a = analyzed(
            "Three Turkish soldiers were killed by Syrian forces in Idlib on Thursday, the ministry said.",
        );
        assert!(!a.events.is_empty());
        let out = events("t", &a);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1 + a.events.len());
        let row = lines[1];
        assert!(row.starts_with("t,0,2020-02-27,"), "{row}");
        assert!(row.contains(",Life.Die.Unspecified,killed,"), "{row}");
        assert!(row.contains(",TURMIL,TUR,"), "{row}");
        assert!(row.contains(",Idlib,SYR,35.9,36.6,true,3,"), "{row}");
        // no field here holds a comma inside quotes, so a plain split counts them
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.split(',').count() >= EVENT_COLUMNS.len()),
            "{out}"
        );
    }

    #[test]
    fn one_entity_row_per_actor_with_its_names() {
        let a = analyzed(
            "Turkish President Recep Tayyip Erdogan spoke in Ankara. Erdogan said he would visit Idlib.",
        );
        let out = entities("t", &a);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0].split(',').count(), ENTITY_COLUMNS.len());
        assert_eq!(lines.len(), 1 + a.actors.len());
        let erdogan = lines
            .iter()
            .find(|l| l.contains(",Recep Tayyip Erdogan,"))
            .unwrap_or_else(|| panic!("{out}"));
        assert!(
            erdogan.contains(
                ",PERSON,person,President,TURGOV,TUR,,,,2,1,Recep Tayyip Erdogan|Erdogan,18,38"
            ),
            "{erdogan}"
        );
        let ankara = lines.iter().find(|l| l.contains(",Ankara,")).unwrap();
        assert!(
            ankara.contains(",GPE,city,") && ankara.contains(",39.9,32.9,"),
            "{ankara}"
        );
    }
}
