//! The `lede` command line: analyze files or a JSON-lines stream.
//!
//! ```text
//! lede analyze FILE... [--date YYYY-MM-DD] [--tokens] [--frames] [--pretty]
//! lede analyze --jsonl [FILE] [--date YYYY-MM-DD] [--tokens] [--frames]
//! lede analyze FILE... --format csv     (also with --jsonl)
//! ```

use std::fs;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::Value;

const USAGE: &str = "\
lede — who did what to whom, where, when

Usage:
  lede analyze FILE... [--date YYYY-MM-DD] [--tokens] [--frames] [--pretty]
      Analyze each text file (\"-\" is standard input) and print one JSON
      document per file (schema lede/1, offsets in UTF-16 code units).
  lede analyze --jsonl [FILE] [--date YYYY-MM-DD] [--tokens] [--frames]
      Read JSON lines {\"id\", \"text\", \"date\"?, \"options\"?} from FILE or
      standard input; write one JSON line per input line, in order, with the
      same id. A bad line (not JSON, not UTF-8, blank, no string \"text\", a
      lone surrogate, over the size cap) gives {\"id\", \"line\", \"error\"} and
      the run goes on; the exit status is 0 unless the run itself fails.
  lede analyze FILE... --format csv   (or --jsonl [FILE] --format csv)
      Write the events as CSV: a header, then one row per event of every
      document (column `doc`: the file name or the line's id) with date,
      type, CAMEO code, actor 1 and 2 (name, code, country), place (name,
      country, lat, lon), fatalities, status, source and sentence.
  lede --version
  lede --help

Options:
  --date YYYY-MM-DD   publication date (anchors relative times); in --jsonl
                      mode the default for lines that give none
  --tokens            include the tokens in the output
  --frames            include the predicates and their semantic roles
  --pretty            indent the JSON (not with --jsonl)
  --format json|csv   json (default): the whole analysis; csv: events only
  --max-bytes N       the input cap in bytes (default 10000000, at most
                      40000000); larger texts and lines are refused
  --threads N         worker threads for --jsonl (default: all cores)
";

/// Lines analyzed together in --jsonl mode; output order is kept.
const BATCH: usize = 2048;

struct Args {
    files: Vec<String>,
    jsonl: bool,
    pretty: bool,
    csv: bool,
    options: lede::Options,
    threads: Option<usize>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        files: Vec::new(),
        jsonl: false,
        pretty: false,
        csv: false,
        options: lede::Options::default(),
        threads: None,
    };
    match argv.next().as_deref() {
        Some("analyze") => {}
        Some("--version" | "-V") => {
            println!("lede {}", lede::version());
            return Ok(None);
        }
        Some("--help" | "-h" | "help") | None => {
            print!("{USAGE}");
            return Ok(None);
        }
        Some(other) => return Err(format!("unknown command {other:?}")),
    }
    while let Some(a) = argv.next() {
        match a.as_str() {
            "--jsonl" => args.jsonl = true,
            "--pretty" => args.pretty = true,
            "--format" => match argv.next().as_deref() {
                Some("json") => args.csv = false,
                Some("csv") => args.csv = true,
                Some(f) => return Err(format!("unknown format {f:?}: use json or csv")),
                None => return Err("--format needs a value: json or csv".into()),
            },
            "--tokens" => args.options.tokens = true,
            "--frames" => args.options.frames = true,
            "--date" => {
                let d = argv
                    .next()
                    .ok_or("--date needs a value, e.g. --date 2020-02-27")?;
                if lede::Date::parse(&d).is_none() {
                    return Err(lede::Error::InvalidDate(d).to_string());
                }
                args.options.date = Some(d);
            }
            "--max-bytes" => {
                let n = argv.next().and_then(|n| n.parse().ok());
                args.options.max_bytes = Some(n.ok_or("--max-bytes needs a number of bytes")?);
                args.options.validate().map_err(|e| e.to_string())?;
            }
            "--threads" => {
                let n = argv.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0);
                args.threads = Some(n.ok_or("--threads needs a positive number")?);
            }
            "--help" | "-h" => {
                print!("{USAGE}");
                return Ok(None);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            _ => args.files.push(a),
        }
    }
    if args.jsonl && args.pretty {
        return Err("--pretty cannot be used with --jsonl (one JSON object per line)".into());
    }
    if args.csv && args.pretty {
        return Err("--pretty is for JSON, not with --format csv".into());
    }
    if args.csv && args.options.tokens {
        return Err("--tokens is for JSON, not with --format csv".into());
    }
    if args.jsonl && args.files.len() > 1 {
        return Err("--jsonl reads one FILE (or standard input)".into());
    }
    if !args.jsonl && args.files.is_empty() {
        return Err("give at least one FILE, or --jsonl".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(n) = args.threads {
        // only fails if a pool exists already, which cannot be the case here
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let result = if args.jsonl {
        run_jsonl(&args)
    } else {
        run_files(&args)
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lede: {e}");
            ExitCode::from(1)
        }
    }
}

/// Read a file (or standard input, `-`) as text; one over `limit` bytes is
/// refused without being read whole.
fn read_input(path: &str, limit: usize) -> io::Result<String> {
    let mut bytes = Vec::new();
    let too_large = |bytes: u64| {
        let e = lede::Error::InputTooLarge {
            bytes: bytes as usize,
            limit,
        };
        io::Error::new(io::ErrorKind::InvalidData, e.to_string())
    };
    if path == "-" {
        io::stdin().take(limit as u64 + 1).read_to_end(&mut bytes)?;
        if bytes.len() > limit {
            // not read further: standard input may not end
            let message = lede::Error::InputTooLarge { bytes: 0, limit }.to_string();
            let message = message.replacen("0 bytes", &format!("over {limit} bytes"), 1);
            return Err(io::Error::new(io::ErrorKind::InvalidData, message));
        }
    } else {
        let mut file = fs::File::open(path)?;
        let size = file.metadata()?.len();
        if size > limit as u64 {
            return Err(too_large(size));
        }
        file.read_to_end(&mut bytes)?;
    }
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "the file is not UTF-8 text"))
}

fn run_files(args: &Args) -> io::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    if args.csv {
        out.write_all(lede::csv::events_header().as_bytes())?;
    }
    for path in &args.files {
        let text = match read_input(path, args.options.limit()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("lede: {path}: {e}");
                failed = true;
                continue;
            }
        };
        match lede::analyze(&text, &args.options) {
            Ok(a) if args.csv => {
                let mut rows = String::new();
                lede::csv::write_event_rows(&mut rows, path, &a);
                out.write_all(rows.as_bytes())?;
            }
            Ok(a) => {
                if args.pretty {
                    serde_json::to_writer_pretty(&mut out, &a)?;
                } else {
                    serde_json::to_writer(&mut out, &a)?;
                }
                writeln!(out)?;
            }
            Err(e) => {
                eprintln!("lede: {path}: {e}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `{"id":…,"line":N,"error":"…"}`
fn error_line(id: &Value, number: usize, msg: String) -> Line {
    Line::Error(format!(
        "{{\"id\":{id},\"line\":{number},\"error\":{}}}",
        Value::String(msg)
    ))
}

/// One output line (without the newline).
enum Line {
    Analysis(String),
    Error(String),
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
fn process_line(line: &str, number: usize, defaults: &lede::Options, csv: bool) -> Option<Line> {
    let error = |id: &Value, msg: String| error_line(id, number, msg);
    if line.trim().is_empty() {
        return Some(error(&Value::Null, "blank line".into()));
    }
    let marked = mark_lone_surrogates(line);
    let value: Value = match serde_json::from_str(marked.as_deref().unwrap_or(line)) {
        Ok(v) => v,
        Err(e) => return Some(error(&Value::Null, format!("line is not valid JSON: {e}"))),
    };
    let Value::Object(obj) = value else {
        return Some(error(
            &Value::Null,
            "line must be a JSON object {\"id\", \"text\"}".into(),
        ));
    };
    let mut id = obj.get("id").cloned().unwrap_or(Value::Null);
    if let (Some(_), Value::String(s)) = (&marked, &mut id) {
        *s = s.replace(LONE, "\u{FFFD}"); // echoed as JavaScript's TextEncoder would
    }
    let text = match obj.get("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Some(error(&id, "\"text\" must be a string".into())),
        None => return Some(error(&id, "missing \"text\"".into())),
    };
    if marked.is_some() {
        if let Some(at) = text.find(LONE) {
            let index = text[..at].encode_utf16().count();
            return Some(error(&id, lede::Error::LoneSurrogate { index }.to_string()));
        }
    }
    let mut options = match obj.get("options") {
        None | Some(Value::Null) => lede::Options::default(),
        Some(o @ Value::Object(_)) => match serde_json::from_value::<lede::Options>(o.clone()) {
            Ok(o) => o,
            Err(e) => {
                return Some(error(
                    &id,
                    lede::Error::InvalidOptions(e.to_string()).to_string(),
                ))
            }
        },
        Some(_) => return Some(error(&id, "\"options\" must be an object".into())),
    };
    match obj.get("date") {
        None | Some(Value::Null) => {}
        Some(Value::String(d)) if options.date.is_none() => options.date = Some(d.clone()),
        Some(Value::String(_)) => {
            return Some(error(
                &id,
                "\"date\" given both on the line and in \"options\"".into(),
            ))
        }
        Some(_) => {
            return Some(error(
                &id,
                "\"date\" must be a string \"YYYY-MM-DD\"".into(),
            ))
        }
    }
    if options.date.is_none() {
        options.date = defaults.date.clone();
    }
    options.max_bytes = options.max_bytes.or(defaults.max_bytes);
    options.tokens |= defaults.tokens;
    options.frames |= defaults.frames;
    if csv {
        return Some(match lede::analyze(text, &options) {
            Ok(a) => {
                let mut rows = String::new();
                let doc = match &id {
                    Value::String(s) => s.clone(),
                    Value::Null => number.to_string(),
                    other => other.to_string(),
                };
                lede::csv::write_event_rows(&mut rows, &doc, &a);
                Line::Analysis(rows)
            }
            Err(e) => error(&id, e.to_string()),
        });
    }
    match lede::analyze_to_json(text, &options) {
        Ok(json) => {
            // {"id":…, then the analysis' own fields
            let mut s = String::with_capacity(json.len() + 32);
            s.push_str("{\"id\":");
            s.push_str(&id.to_string());
            s.push(',');
            s.push_str(&json[1..]);
            Some(Line::Analysis(s))
        }
        Err(e) => Some(error(&id, e.to_string())),
    }
}

/// A line that could not be read as text: its id (when it could be
/// found) and why.
type Unread = (Value, String);

fn run_jsonl(args: &Args) -> io::Result<ExitCode> {
    let reader: Box<dyn BufRead> = match args.files.first().map(String::as_str) {
        None | Some("-") => Box::new(io::BufReader::new(io::stdin())),
        Some(path) => Box::new(io::BufReader::new(
            fs::File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?,
        )),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut lines = reader.split(b'\n');
    let mut number = 0usize;
    let (mut good, mut bad) = (0usize, 0usize);
    if args.csv {
        out.write_all(lede::csv::events_header().as_bytes())?;
    }
    loop {
        let mut batch: Vec<(usize, Result<String, Unread>)> = Vec::with_capacity(BATCH);
        for line in lines.by_ref() {
            number += 1;
            let line = line?;
            let line = String::from_utf8(line).map_err(|e| {
                // the id, read from the line with the bad bytes replaced
                let lossy = String::from_utf8_lossy(e.as_bytes());
                let id = serde_json::from_str::<Value>(&lossy)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(Value::Null);
                let at = e.utf8_error().valid_up_to();
                (id, format!("line is not UTF-8 text (bad byte at {at})"))
            });
            batch.push((number, line.map(|l| l.trim_end_matches('\r').to_string())));
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Option<Line>> = batch
            .par_iter()
            .map(|(n, line)| match line {
                Ok(l) => process_line(l, *n, &args.options, args.csv),
                Err((id, e)) => Some(error_line(id, *n, e.clone())),
            })
            .collect();
        for r in results.into_iter().flatten() {
            let text = match r {
                Line::Analysis(s) => {
                    good += 1;
                    s
                }
                Line::Error(s) if args.csv => {
                    // CSV rows hold events only: errors go to stderr
                    bad += 1;
                    eprintln!("lede: {s}");
                    continue;
                }
                Line::Error(s) => {
                    bad += 1;
                    s
                }
            };
            out.write_all(text.as_bytes())?;
            if !args.csv {
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    if bad > 0 {
        let place = if args.csv { "above" } else { "in the output" };
        eprintln!("lede: {good} lines analyzed, {bad} lines with errors (reported {place})");
    }
    Ok(ExitCode::SUCCESS)
}
