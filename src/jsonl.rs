//! The JSON-lines batch format of the CLI (`lede analyze --jsonl`): one
//! input line `{"id", "text", "date"?, "options"?}` gives exactly one output
//! line, the analysis with the same id or `{"id", "line", "error"}` saying
//! why — for any bytes at all: lines that are not UTF-8, not JSON, blank,
//! without a string `text`, over the size cap, or with an escaped lone
//! surrogate (valid for JavaScript's `JSON.parse`) each keep their id when
//! it can be read.

use serde_json::Value;

/// What a line's analysis is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The analysis as one JSON line with the line's id first.
    Json,
    /// The events as CSV rows (no header).
    EventsCsv,
    /// The entities as CSV rows, one per actor (no header).
    EntitiesCsv,
    /// The text and analysis, for a format written over all lines at once
    /// (GeoJSON, HTML).
    Document,
}

/// The output for the bytes of one input line (without its `\n`).
pub fn process(line: &[u8], number: usize, defaults: &crate::Options, output: Output) -> Line {
    let line = match std::str::from_utf8(line) {
        Ok(l) => l.trim_end_matches('\r'),
        Err(e) => {
            // the id, read from the line with the bad bytes replaced
            let lossy = String::from_utf8_lossy(line);
            let id = serde_json::from_str::<Value>(&lossy)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            let at = e.valid_up_to();
            return error_line(
                &id,
                number,
                format!("line is not UTF-8 text (bad byte at {at})"),
            );
        }
    };
    process_text(line, number, defaults, output)
}

/// `{"id":…,"line":N,"error":"…"}`
fn error_line(id: &Value, number: usize, msg: String) -> Line {
    Line::Error(format!(
        "{{\"id\":{id},\"line\":{number},\"error\":{}}}",
        Value::String(msg)
    ))
}

/// One line's output (without the newline).
pub enum Line {
    /// The analysis (JSON) or the CSV rows of the line.
    Analysis(String),
    /// With [`Output::Document`]: the line's name (its id, or its number
    /// when it has none), text and analysis.
    Document {
        doc: String,
        text: String,
        analysis: Box<crate::output::Analysis>,
    },
    /// `{"id", "line", "error"}`.
    Error(String),
}

/// The analysis' JSON with `"id":…` as its first field.
pub fn with_id(id: &Value, json: &str) -> String {
    let mut s = String::with_capacity(json.len() + 32);
    s.push_str("{\"id\":");
    s.push_str(&id.to_string());
    s.push(',');
    s.push_str(&json[1..]);
    s
}

/// Stands for an escaped lone surrogate (`"\ud800"`, which JavaScript's
/// `JSON.parse` accepts and Rust strings cannot hold): a noncharacter that
/// news text does not contain.
const LONE: char = '\u{FFFF}';

/// The line with each escaped lone surrogate written `\uffff` ([`LONE`]),
/// or `None` when it has none.
fn mark_lone_surrogates(line: &str) -> Option<String> {
    if !line.contains("\\u") {
        return None;
    }
    let b = line.as_bytes();
    let escape = |i: usize| -> Option<u32> {
        let hex = line.get(i + 2..i + 6)?;
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(line.len());
    let (mut i, mut from, mut found) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape(i) {
            Some(0xD800..=0xDBFF)
                if escape(i + 6).is_some_and(|v| (0xDC00..0xE000).contains(&v)) =>
            {
                i += 12; // a pair
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&line[from..i]);
                out.push_str("\\uffff");
                found = true;
                i += 6;
                from = i;
            }
            Some(_) => i += 6,
            None => i += 2, // another escape: \\, \", \n ...
        }
    }
    out.push_str(&line[from..]);
    found.then_some(out)
}

/// The output for one input line (a blank one gives an error line too, so
/// that every input line has its output line).
fn process_text(line: &str, number: usize, defaults: &crate::Options, output: Output) -> Line {
    let error = |id: &Value, msg: String| error_line(id, number, msg);
    if line.trim().is_empty() {
        return error(&Value::Null, "blank line".into());
    }
    let marked = mark_lone_surrogates(line);
    let value: Value = match serde_json::from_str(marked.as_deref().unwrap_or(line)) {
        Ok(v) => v,
        Err(e) => return error(&Value::Null, format!("line is not valid JSON: {e}")),
    };
    let Value::Object(obj) = value else {
        return error(
            &Value::Null,
            "line must be a JSON object {\"id\", \"text\"}".into(),
        );
    };
    let mut id = obj.get("id").cloned().unwrap_or(Value::Null);
    if let (Some(_), Value::String(s)) = (&marked, &mut id) {
        *s = s.replace(LONE, "\u{FFFD}"); // echoed as JavaScript's TextEncoder would
    }
    let text = match obj.get("text") {
        Some(Value::String(t)) => t,
        Some(_) => return error(&id, "\"text\" must be a string".into()),
        None => return error(&id, "missing \"text\"".into()),
    };
    if marked.is_some() {
        if let Some(at) = text.find(LONE) {
            let index = text[..at].encode_utf16().count();
            return error(&id, crate::Error::LoneSurrogate { index }.to_string());
        }
    }
    let mut options = match obj.get("options") {
        None | Some(Value::Null) => crate::Options::default(),
        Some(Value::Object(o)) => match crate::Options::from_object(o.clone()) {
            Ok(o) => o,
            Err(e) => return error(&id, e.to_string()),
        },
        Some(_) => return error(&id, "\"options\" must be an object".into()),
    };
    match obj.get("date") {
        None | Some(Value::Null) => {}
        Some(Value::String(d)) if options.date.is_none() => options.date = Some(d.clone()),
        Some(Value::String(_)) => {
            return error(
                &id,
                "\"date\" given both on the line and in \"options\"".into(),
            )
        }
        Some(_) => return error(&id, "\"date\" must be a string \"YYYY-MM-DD\"".into()),
    }
    if options.date.is_none() {
        options.date = defaults.date.clone();
    }
    options.max_bytes = options.max_bytes.or(defaults.max_bytes);
    options.tokens |= defaults.tokens;
    options.frames |= defaults.frames;
    let doc = match &id {
        Value::String(s) => s.clone(),
        Value::Null => number.to_string(),
        other => other.to_string(),
    };
    let analysis = match output {
        Output::Json => {
            return match crate::analyze_to_json(text, &options) {
                Ok(json) => Line::Analysis(with_id(&id, &json)),
                Err(e) => error(&id, e.to_string()),
            }
        }
        _ => match crate::analyze(text, &options) {
            Ok(a) => a,
            Err(e) => return error(&id, e.to_string()),
        },
    };
    let mut rows = String::new();
    match output {
        Output::EventsCsv => crate::csv::write_event_rows(&mut rows, &doc, &analysis),
        Output::EntitiesCsv => crate::csv::write_entity_rows(&mut rows, &doc, &analysis),
        _ => {
            return Line::Document {
                doc,
                text: text.clone(),
                analysis: Box::new(analysis),
            }
        }
    }
    Line::Analysis(rows)
}
