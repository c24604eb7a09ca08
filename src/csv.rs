//! Events as CSV: one row per event, with the columns analysts know from
//! GDELT and ACLED (date, type, CAMEO code, Actor1 / Actor2 name, code and
//! country, place with coordinates, fatalities, status, source, sentence).
//!
//! RFC 4180: comma-separated, `\n` line ends, a field in double quotes when
//! it holds a comma, a quote or a line break. A text field that starts with
//! `=`, `+`, `-` or `@` gets a leading `'` so that a spreadsheet does not run
//! it as a formula (the article is untrusted input).

use crate::output::{integral, one_decimal, Analysis, EventOut};

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

/// Append one row per event of `analysis` to `out`; `doc` names the
/// document (a file name, a JSON-lines id). `start` / `end` are UTF-16
/// offsets of the trigger, as in the JSON.
pub fn write_event_rows(out: &mut String, doc: &str, analysis: &Analysis) {
    for (i, e) in analysis.events.iter().enumerate() {
        let fields = event_fields(doc, i, analysis, e);
        for (j, f) in fields.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            push_field(out, f);
        }
        out.push('\n');
    }
}

/// A cell: text (guarded against formulas) or a number (written as is).
enum Field {
    Text(String),
    Number(String),
}

fn event_fields(doc: &str, i: usize, a: &Analysis, e: &EventOut) -> Vec<Field> {
    let text = |s: &str| Field::Text(s.to_string());
    let opt_text = |s: Option<&str>| Field::Text(s.unwrap_or("").to_string());
    let num = |x: Option<f64>| Field::Number(x.map(format_number).unwrap_or_default());
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
fn format_number(x: f64) -> String {
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

    #[test]
    fn every_row_has_every_column() {
        let options = crate::Options {
            date: Some("2020-02-27".into()),
            ..Default::default()
        };
        let a = crate::analyze(
            "Three Turkish soldiers were killed by Syrian forces in Idlib on Thursday, the ministry said.",
            &options,
        )
        .unwrap();
        assert!(!a.events.is_empty());
        let mut out = events_header();
        write_event_rows(&mut out, "t", &a);
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
}
