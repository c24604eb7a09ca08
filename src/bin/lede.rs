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

use lede::jsonl::{self, Line};
use rayon::prelude::*;

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
  lede analyze FILE... --format geojson
      Write one GeoJSON FeatureCollection: a Point for each place with
      coordinates and each event placed at one (docs/schema.md).
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
  --format json|csv|geojson
                      json (default): the whole analysis; csv: events only,
                      one row each; geojson: one FeatureCollection of every
                      file's places and events with coordinates (not with
                      --jsonl)
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
    /// `--format geojson`: one FeatureCollection of every file's placed
    /// places and events.
    geojson: bool,
    options: lede::Options,
    threads: Option<usize>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        files: Vec::new(),
        jsonl: false,
        pretty: false,
        csv: false,
        geojson: false,
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
                Some("json") => (args.csv, args.geojson) = (false, false),
                Some("csv") => (args.csv, args.geojson) = (true, false),
                Some("geojson") => (args.csv, args.geojson) = (false, true),
                Some(f) => return Err(format!("unknown format {f:?}: use json, csv or geojson")),
                None => return Err("--format needs a value: json, csv or geojson".into()),
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
    if args.geojson && (args.options.tokens || args.options.frames) {
        return Err("--tokens and --frames are for JSON, not with --format geojson".into());
    }
    if args.geojson && args.jsonl {
        return Err("--format geojson reads FILEs, not --jsonl (use json or csv there)".into());
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
            // not read further (standard input may not end): its size is unknown
            let message = format!(
                "standard input is over {limit} bytes; lede analyzes at most {limit} bytes at a time: split it into articles (or raise --max-bytes, up to {})",
                lede::MAX_INPUT_CEILING
            );
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
    let mut features: Vec<serde_json::Value> = Vec::new();
    for path in &args.files {
        let text = match read_input(path, args.options.limit()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("lede: {path}: {e}");
                failed = true;
                continue;
            }
        };
        match lede::analyze_owned(text, &args.options) {
            Ok(a) if args.csv => {
                let mut rows = String::new();
                lede::csv::write_event_rows(&mut rows, path, &a);
                out.write_all(rows.as_bytes())?;
            }
            Ok(a) if args.geojson => {
                if let serde_json::Value::Array(fs) =
                    lede::geojson::features(path, &a)["features"].take()
                {
                    features.extend(fs);
                }
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
    if args.geojson {
        let all = serde_json::json!({ "type": "FeatureCollection", "features": features });
        if args.pretty {
            serde_json::to_writer_pretty(&mut out, &all)?;
        } else {
            serde_json::to_writer(&mut out, &all)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

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
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        for line in lines.by_ref() {
            number += 1;
            let line = line?;
            batch.push((number, line));
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Line> = batch
            .par_iter()
            .map(|(n, line)| jsonl::process(line, *n, &args.options, args.csv))
            .collect();
        for r in results {
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
