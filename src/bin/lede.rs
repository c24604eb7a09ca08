//! The `lede` command line: analyze files or a JSON-lines stream.
//!
//! ```text
//! lede analyze FILE... [--date YYYY-MM-DD] [--format F] [--tokens] [--frames] [--pretty]
//! lede analyze --jsonl [FILE] [--date YYYY-MM-DD] [--format F] [--tokens] [--frames]
//! ```
//! F: json, jsonl, csv, entities-csv, geojson or html.

use std::fs;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use lede::jsonl::{self, Line, Output};
use rayon::prelude::*;

const USAGE: &str = "\
lede — who did what to whom, where, when

Usage:
  lede analyze FILE... [options]
      Analyze each text file (\"-\" is standard input).
  lede analyze --jsonl [FILE] [options]
      Analyze the JSON lines of FILE or standard input: each line is
      {\"id\", \"text\", \"date\"?, \"options\"?} (options as in the npm package:
      date, tokens, frames, events, maxBytes). Output keeps the input order
      and has exactly one line per input line with its id; a bad line (not
      JSON, not UTF-8, blank, no string \"text\", a lone surrogate, over the
      size cap) gives {\"id\", \"line\", \"error\"} and the run goes on (with
      csv, geojson and html formats, the errors go to standard error). The
      exit status is 0 unless the run itself fails.
  lede --version
  lede --help

Options:
  --date YYYY-MM-DD   the publication date: anchors relative times
                      (\"Thursday\" -> 2020-02-27) and dates the CAMEO codes; in
                      --jsonl mode, the date of lines that give none
  --format F          what to write (default json):
                        json          one JSON document per file (schema lede/1,
                                      offsets in UTF-16 code units; docs/schema.md);
                                      with --jsonl the same as jsonl
                        jsonl         one JSON line per file or input line, its
                                      \"id\" (the file name, or the line's id) first
                        csv           the events: a header, then one row per event
                                      (GDELT/ACLED-like columns: date, type, CAMEO
                                      code, actor 1 and 2 with code and country,
                                      place with coordinates, fatalities, status,
                                      source, sentence); column doc names the file
                                      or line
                        entities-csv  the entities: a header, then one row per actor
                                      (name, label, kind, role, CAMEO code, country,
                                      coordinates, mentions, the names it goes by)
                        geojson       one FeatureCollection of every document's
                                      places with coordinates and events placed at
                                      them ([lon, lat] Points)
                        html          one self-contained HTML file: each article
                                      with its names highlighted, event triggers
                                      underlined and quotes marked, its events and
                                      actors in tables (no script; opens offline)
  --tokens            include the tokens (tags, lemmas, parse) in the JSON
  --frames            include the predicates and their semantic roles in the JSON
  --pretty            indent the JSON (json and geojson, not with --jsonl)
  --max-bytes N       the input cap in bytes (default 10000000, at most
                      40000000); larger files and lines are refused
  --threads N         worker threads for --jsonl (default: all cores)
  --progress          show progress on standard error (the default when it is
                      a terminal and there is more than one document);
  --no-progress       never show it
  -h, --help          this text
  -V, --version       lede's version

Examples:
  lede analyze article.txt --date 2020-02-27 --pretty
  lede analyze *.txt --date 2020-02-27 --format csv > events.csv
  lede analyze --jsonl articles.jsonl --format jsonl > analyses.jsonl
  lede analyze article.txt --format html > article.html
";

/// Lines analyzed together in --jsonl mode; output order is kept.
const BATCH: usize = 2048;

/// What the CLI writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Csv,
    EntitiesCsv,
    GeoJson,
    Html,
}

impl Format {
    const NAMES: &'static str = "json, jsonl, csv, entities-csv, geojson or html";

    fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "entities-csv" => Format::EntitiesCsv,
            "geojson" => Format::GeoJson,
            "html" => Format::Html,
            _ => return None,
        })
    }

    /// What each document's analysis is turned into before it is written.
    fn output(self) -> Output {
        match self {
            Format::Json | Format::Jsonl => Output::Json,
            Format::Csv => Output::EventsCsv,
            Format::EntitiesCsv => Output::EntitiesCsv,
            Format::GeoJson | Format::Html => Output::Document,
        }
    }

    /// The header line of the CSV formats.
    fn header(self) -> Option<String> {
        match self {
            Format::Csv => Some(lede::csv::events_header()),
            Format::EntitiesCsv => Some(lede::csv::entities_header()),
            _ => None,
        }
    }

    fn is_json(self) -> bool {
        matches!(self, Format::Json | Format::Jsonl)
    }
}

struct Args {
    files: Vec<String>,
    jsonl: bool,
    pretty: bool,
    format: Format,
    options: lede::Options,
    threads: Option<usize>,
    /// Show progress: `None` when stderr is a terminal and there is more than one document.
    progress: Option<bool>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        files: Vec::new(),
        jsonl: false,
        pretty: false,
        format: Format::Json,
        options: lede::Options::default(),
        threads: None,
        progress: None,
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
            "--format" => {
                let f = argv
                    .next()
                    .ok_or(format!("--format needs a value: {}", Format::NAMES))?;
                args.format = Format::parse(&f)
                    .ok_or(format!("unknown format {f:?}: use {}", Format::NAMES))?;
            }
            "--tokens" => args.options.tokens = true,
            "--frames" => args.options.frames = true,
            "--progress" => args.progress = Some(true),
            "--no-progress" => args.progress = Some(false),
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
    if args.pretty && args.jsonl {
        return Err("--pretty cannot be used with --jsonl (one JSON object per line)".into());
    }
    if args.pretty && !matches!(args.format, Format::Json | Format::GeoJson) {
        return Err("--pretty is for --format json and geojson".into());
    }
    if (args.options.tokens || args.options.frames) && !args.format.is_json() {
        return Err("--tokens and --frames are for JSON (--format json or jsonl)".into());
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

/// A progress bar on standard error, redrawn at most ten times a second
/// and cleared at the end.
struct Progress {
    on: bool,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    fn new(wanted: Option<bool>, several: bool) -> Progress {
        let on = wanted.unwrap_or(several && io::stderr().is_terminal());
        Progress {
            on,
            started: Instant::now(),
            drawn: None,
        }
    }

    /// `done` of `total` documents (`total` unknown for a stream), or `fraction` of its bytes read.
    fn show(&mut self, done: usize, total: Option<usize>, fraction: Option<f64>) {
        if !self.on
            || self
                .drawn
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.drawn = Some(Instant::now());
        let line = bar(done, total, fraction, self.started.elapsed());
        eprint!("\r\x1b[2K{line}");
    }

    fn finish(&mut self) {
        if self.on && self.drawn.is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}

/// `lede [#######.............] 35%  120/340 documents  8.2 docs/s`
fn bar(done: usize, total: Option<usize>, fraction: Option<f64>, elapsed: Duration) -> String {
    const WIDTH: usize = 24;
    let fraction = fraction.or(total.map(|t| done as f64 / t.max(1) as f64));
    let rate = done as f64 / elapsed.as_secs_f64().max(1e-3);
    let count = match total {
        Some(t) => format!("{done}/{t} documents"),
        None => format!("{done} documents"),
    };
    match fraction {
        Some(f) => {
            let f = f.clamp(0.0, 1.0);
            let filled = (f * WIDTH as f64).round() as usize;
            format!(
                "lede [{}{}] {:>3.0}%  {count}  {rate:.1}/s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                f * 100.0
            )
        }
        None => format!("lede {count}  {rate:.1}/s"),
    }
}

/// A JSON value, indented or not, then a line end.
fn write_json(out: &mut impl Write, value: &impl serde::Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)
}

/// The documents of the formats written at the end (GeoJSON, HTML).
#[derive(Default)]
struct Documents {
    features: Vec<serde_json::Value>,
    articles: Vec<(String, String, lede::output::Analysis)>,
}

impl Documents {
    fn add(&mut self, format: Format, doc: String, text: String, analysis: lede::output::Analysis) {
        if format == Format::GeoJson {
            if let serde_json::Value::Array(fs) =
                lede::geojson::features(&doc, &analysis)["features"].take()
            {
                self.features.extend(fs);
            }
        } else {
            self.articles.push((doc, text, analysis));
        }
    }

    fn write(self, format: Format, out: &mut impl Write, pretty: bool) -> io::Result<()> {
        match format {
            Format::GeoJson => {
                let all =
                    serde_json::json!({ "type": "FeatureCollection", "features": self.features });
                write_json(out, &all, pretty)
            }
            Format::Html => {
                let articles: Vec<lede::html::Article> = self
                    .articles
                    .iter()
                    .map(|(doc, text, analysis)| lede::html::Article {
                        doc,
                        text,
                        analysis,
                    })
                    .collect();
                out.write_all(lede::html::page(&articles).as_bytes())
            }
            _ => Ok(()),
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
    if let Some(header) = args.format.header() {
        out.write_all(header.as_bytes())?;
    }
    let mut progress = Progress::new(args.progress, args.files.len() > 1);
    let mut documents = Documents::default();
    for (n, path) in args.files.iter().enumerate() {
        progress.show(n, Some(args.files.len()), None);
        let mut text = match read_input(path, args.options.limit()) {
            Ok(t) => t,
            Err(e) => {
                progress.finish();
                eprintln!("lede: {path}: {e}");
                failed = true;
                continue;
            }
        };
        // the formats written at the end keep the text; the others give it up
        let analysis = match args.format {
            Format::GeoJson | Format::Html => lede::analyze(&text, &args.options),
            _ => lede::analyze_owned(std::mem::take(&mut text), &args.options),
        };
        let a = match analysis {
            Ok(a) => a,
            Err(e) => {
                progress.finish();
                eprintln!("lede: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let mut rows = String::new();
        match args.format {
            Format::Json => write_json(&mut out, &a, args.pretty)?,
            Format::Jsonl => {
                let id = serde_json::Value::String(path.clone());
                writeln!(out, "{}", jsonl::with_id(&id, &lede::to_json(&a)))?;
            }
            Format::Csv => lede::csv::write_event_rows(&mut rows, path, &a),
            Format::EntitiesCsv => lede::csv::write_entity_rows(&mut rows, path, &a),
            Format::GeoJson | Format::Html => documents.add(args.format, path.clone(), text, a),
        }
        out.write_all(rows.as_bytes())?;
    }
    progress.finish();
    documents.write(args.format, &mut out, args.pretty)?;
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_jsonl(args: &Args) -> io::Result<ExitCode> {
    let (reader, size): (Box<dyn BufRead>, Option<u64>) =
        match args.files.first().map(String::as_str) {
            None | Some("-") => (Box::new(io::BufReader::new(io::stdin())), None),
            Some(path) => {
                let file = fs::File::open(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
                let size = file.metadata().ok().map(|m| m.len());
                (Box::new(io::BufReader::new(file)), size)
            }
        };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut lines = reader.split(b'\n');
    let mut number = 0usize;
    let mut read = 0u64;
    let (mut good, mut bad) = (0usize, 0usize);
    if let Some(header) = args.format.header() {
        out.write_all(header.as_bytes())?;
    }
    let mut progress = Progress::new(args.progress, true);
    let mut documents = Documents::default();
    let output = args.format.output();
    loop {
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        for line in lines.by_ref() {
            number += 1;
            let line = line?;
            read += line.len() as u64 + 1;
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
            .map(|(n, line)| jsonl::process(line, *n, &args.options, output))
            .collect();
        for r in results {
            match r {
                Line::Analysis(s) => {
                    good += 1;
                    out.write_all(s.as_bytes())?;
                    if args.format.is_json() {
                        out.write_all(b"\n")?;
                    }
                }
                Line::Document {
                    doc,
                    text,
                    analysis,
                } => {
                    good += 1;
                    documents.add(args.format, doc, text, *analysis);
                }
                Line::Error(s) if args.format.is_json() => {
                    bad += 1;
                    out.write_all(s.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Line::Error(s) => {
                    // CSV rows, GeoJSON and HTML hold analyses only: errors go to stderr
                    bad += 1;
                    progress.finish();
                    eprintln!("lede: {s}");
                }
            }
        }
        progress.show(
            good + bad,
            None,
            size.map(|s| read as f64 / s.max(1) as f64),
        );
    }
    progress.finish();
    documents.write(args.format, &mut out, false)?;
    out.flush()?;
    if bad > 0 {
        let place = if args.format.is_json() {
            "in the output"
        } else {
            "above"
        };
        eprintln!("lede: {good} lines analyzed, {bad} lines with errors (reported {place})");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_share_done() {
        let b = bar(30, Some(120), None, Duration::from_secs(3));
        assert!(
            b.starts_with("lede [######..................]  25%  30/120 documents  10.0/s"),
            "{b}"
        );
        let b = bar(7, None, Some(1.0), Duration::from_secs(7));
        assert!(
            b.contains(&"#".repeat(24)) && b.contains("100%  7 documents"),
            "{b}"
        );
        assert_eq!(
            bar(5, None, None, Duration::from_secs(1)),
            "lede 5 documents  5.0/s"
        );
    }

    #[test]
    fn every_format_parses_and_a_bad_one_names_them_all() {
        for f in ["json", "jsonl", "csv", "entities-csv", "geojson", "html"] {
            assert!(Format::parse(f).is_some(), "{f}");
        }
        let argv = ["analyze", "a.txt", "--format", "xml"].map(String::from);
        let e = parse_args(argv.into_iter()).err().unwrap();
        assert!(
            e.contains("json, jsonl, csv, entities-csv, geojson or html"),
            "{e}"
        );
    }
}
