//! The `lede` binary: file mode, JSON-lines batch mode, errors.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn lede() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lede"))
}

fn run_with_stdin(args: &[&str], stdin: impl AsRef<[u8]>) -> (String, String, i32) {
    let mut child = lede()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn jsonl_ten_thousand_lines_with_malformed_ones_loses_nothing() {
    let texts = [
        "Turkish troops entered Idlib on Thursday.",
        "“We will stay,” said Hulusi Akar in Ankara.",
        "More than a hundred villages near Aleppo were hit.",
        "Emoji 😀 and Zürich and Moscow.",
    ];
    let mut input = String::new();
    let mut expected_bad = Vec::new();
    for i in 0..10_000 {
        let line = match i % 997 {
            13 => "{not json".to_string(),
            14 => "[1, 2, 3]".to_string(),
            15 => format!("{{\"id\": {i}, \"txt\": \"missing text\"}}"),
            16 => format!("{{\"id\": {i}, \"text\": 5}}"),
            17 => format!("{{\"id\": {i}, \"text\": \"x\", \"date\": \"2020-02-31\"}}"),
            18 => format!("{{\"id\": {i}, \"text\": \"x\", \"options\": {{\"bogus\": true}}}}"),
            _ => {
                let t = texts[i % texts.len()];
                let date = if i % 2 == 0 {
                    ", \"date\": \"2020-02-27\""
                } else {
                    ""
                };
                serde_json::json!({"id": format!("doc-{i}"), "text": t})
                    .to_string()
                    .trim_end_matches('}')
                    .to_string()
                    + date
                    + "}"
            }
        };
        if matches!(i % 997, 13..=18) {
            expected_bad.push(i + 1);
        }
        input.push_str(&line);
        input.push('\n');
    }
    let (stdout, stderr, code) = run_with_stdin(&["analyze", "--jsonl"], &input);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10_000, "one output line per input line");
    let mut bad = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        if let Some(err) = v.get("error") {
            assert!(err.as_str().is_some_and(|e| !e.is_empty()));
            assert_eq!(v["line"], i + 1);
            bad.push(i + 1);
            continue;
        }
        assert_eq!(
            v["id"],
            format!("doc-{i}"),
            "output order follows input order"
        );
        assert_eq!(v["schema"], "lede/1");
        let t = texts[i % texts.len()];
        assert_eq!(v["length"], t.encode_utf16().count());
        assert_eq!(
            v["date"],
            if i % 2 == 0 {
                Value::from("2020-02-27")
            } else {
                Value::Null
            }
        );
    }
    assert_eq!(bad, expected_bad);
    assert!(
        stderr.contains(&format!("{} lines with errors", expected_bad.len())),
        "{stderr}"
    );
}

#[test]
fn jsonl_error_lines_keep_the_id_and_say_why() {
    let input = "{\"id\": \"a\", \"text\": \"x\", \"date\": \"27 Feb\"}\n\n{\"id\": 7}\nnot json\n";
    let (stdout, _, code) = run_with_stdin(&["analyze", "--jsonl", "-"], input);
    assert_eq!(code, 0);
    let v: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v.len(), 4, "one output line per input line, blank ones too");
    assert_eq!(v[0]["id"], "a");
    assert!(v[0]["error"].as_str().unwrap().contains("YYYY-MM-DD"));
    assert_eq!(v[1]["line"], 2);
    assert_eq!(v[1]["error"], "blank line");
    assert_eq!(v[2]["id"], 7);
    assert!(v[2]["error"].as_str().unwrap().contains("missing \"text\""));
    assert_eq!(v[3]["id"], Value::Null);
    assert_eq!(v[3]["line"], 4);
    assert!(v[3]["error"].as_str().unwrap().contains("not valid JSON"));
}

#[test]
fn jsonl_hostile_lines_each_give_one_line_with_their_id() {
    let mut input: Vec<u8> = Vec::new();
    // an escaped lone surrogate, valid for JSON.parse: refused as in wasm
    input.extend(br#"{"id": 1, "text": "a \ud800 b"}"#);
    input.push(b'\n');
    // a pair, and an escaped backslash before a u: analyzed
    input.extend(br#"{"id": 2, "text": "ok \ud83d\ude00 \\ud800"}"#);
    input.push(b'\n');
    // bytes that are no UTF-8
    input.extend(b"{\"id\": 3, \"text\": \"bad \xff byte\"}\n");
    // over the cap the line sets
    input.extend(br#"{"id": 4, "text": "twelve bytes", "options": {"maxBytes": 5}}"#);
    input.push(b'\n');
    input.extend(br#"{"id": 5, "text": null}"#);
    input.push(b'\n');
    input.extend(br#"{"id": "six\udc00", "text": "Erdogan spoke."}"#);
    input.push(b'\n');
    let (stdout, stderr, code) = run_with_stdin(&["analyze", "--jsonl"], &input);
    assert_eq!(code, 0, "some lines failed, the run did not: {stderr}");
    let v: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v.len(), 6, "{stdout}");
    assert_eq!(v[0]["id"], 1);
    assert!(v[0]["error"]
        .as_str()
        .unwrap()
        .contains("lone UTF-16 surrogate at index 2"));
    assert_eq!(v[1]["id"], 2);
    assert_eq!(v[1]["length"], 12);
    assert_eq!(v[2]["id"], 3);
    assert!(v[2]["error"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(v[3]["id"], 4);
    assert!(v[3]["error"].as_str().unwrap().contains("at most 5 bytes"));
    assert_eq!(v[4]["id"], 5);
    assert!(v[4]["error"].as_str().unwrap().contains("must be a string"));
    assert_eq!(v[5]["id"], "six\u{FFFD}");
    assert_eq!(v[5]["schema"], "lede/1");
    assert!(
        stderr.contains("2 lines analyzed, 4 lines with errors"),
        "{stderr}"
    );
}

#[test]
fn jsonl_line_options_and_default_date() {
    let input = "{\"id\": 1, \"text\": \"Hi.\", \"options\": {\"tokens\": true}}\n{\"id\": 2, \"text\": \"Hi.\", \"date\": \"2021-01-02\"}\n";
    let (stdout, _, _) = run_with_stdin(&["analyze", "--jsonl", "--date", "2020-02-27"], input);
    let v: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v[0]["tokens"].as_array().unwrap().len(), 2);
    assert_eq!(v[0]["date"], "2020-02-27");
    assert_eq!(v[1]["date"], "2021-01-02");
    assert!(v[1].get("tokens").is_none());
}

#[test]
fn jsonl_reads_a_file_with_crlf_lines() {
    let path = temp_file(
        "in.jsonl",
        "{\"id\": 1, \"text\": \"Idlib.\"}\r\n{\"id\": 2, \"text\": \"Ankara.\"}\r\n",
    );
    let out = lede()
        .args(["analyze", "--jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    let v: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v[0]["entities"][0]["text"], "Idlib");
    assert_eq!(v[1]["entities"][0]["text"], "Ankara");
}

#[test]
fn files_give_one_document_each() {
    let a = temp_file("a.txt", "Turkish troops entered Idlib.");
    let b = temp_file("b.txt", "Moscow said no.");
    let out = lede()
        .args(["analyze", "--date", "2020-02-27"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["entities"][1]["text"], "Idlib");
    assert_eq!(docs[1]["entities"][0]["country"], "RUS");
}

#[test]
fn pretty_output_is_the_same_json() {
    let a = temp_file("p.txt", "Turkish troops entered Idlib.");
    let compact = lede().arg("analyze").arg(&a).output().unwrap().stdout;
    let pretty = lede()
        .arg("analyze")
        .arg(&a)
        .arg("--pretty")
        .output()
        .unwrap()
        .stdout;
    let c: Value = serde_json::from_slice(&compact).unwrap();
    let p: Value = serde_json::from_slice(&pretty).unwrap();
    assert_eq!(c, p);
    assert!(String::from_utf8(pretty)
        .unwrap()
        .contains("\n  \"schema\": \"lede/1\""));
}

#[test]
fn missing_file_and_bad_arguments_fail_clearly() {
    let out = lede()
        .args(["analyze", "/nonexistent/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));

    let out = lede()
        .args(["analyze", "x.txt", "--date", "yesterday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));

    let out = lede()
        .args(["analyze", "--jsonl", "--pretty"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    let out = lede().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

#[test]
fn non_utf8_file_is_reported() {
    let dir = std::env::temp_dir().join(format!("lede-cli-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"caf\xe9").unwrap();
    let out = lede().arg("analyze").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}

#[test]
fn version_and_help() {
    let out = lede().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("lede {}", env!("CARGO_PKG_VERSION"))
    );
    let out = lede().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    // every option the CLI takes is explained
    for option in [
        "--jsonl",
        "--date",
        "--format",
        "--tokens",
        "--frames",
        "--pretty",
        "--max-bytes",
        "--threads",
        "--progress",
        "--no-progress",
        "--help",
        "--version",
        "jsonl",
        "entities-csv",
        "geojson",
        "html",
    ] {
        assert!(help.contains(option), "{option} not in --help");
    }
}

/// Split CSV text (RFC 4180) into rows of fields.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends mid-row"
    );
    rows
}

#[test]
fn csv_of_the_seed_article_has_one_row_per_event() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/idlib-2020.txt"
    );
    let json = lede()
        .args(["analyze", seed, "--date", "2020-02-27"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    let events = json["events"].as_array().unwrap();
    let out = lede()
        .args(["analyze", seed, "--date", "2020-02-27", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = parse_csv(std::str::from_utf8(&out.stdout).unwrap());
    let header = &rows[0];
    assert_eq!(header, &lede::csv::EVENT_COLUMNS.map(String::from).to_vec());
    assert_eq!(rows.len() - 1, events.len());
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, e) in rows[1..].iter().zip(events) {
        assert_eq!(row[col("type")], e["type"].as_str().unwrap());
        assert_eq!(row[col("trigger")], e["text"].as_str().unwrap());
    }
    let killing = &rows[1];
    assert_eq!(killing[col("date")], "2020-02-27");
    assert_eq!(killing[col("type")], "Life.Die.Unspecified");
    assert_eq!(killing[col("cameo_code")], "190");
    assert_eq!(killing[col("actor1_code")], "SYRMIL");
    assert_eq!(killing[col("actor2_code")], "TURMIL");
    assert_eq!(killing[col("place")], "Idlib");
    assert_eq!(killing[col("fatalities")], "3");
    assert_eq!(killing[col("source")], "Recep Tayyip Erdogan");
    let retaking = rows
        .iter()
        .find(|r| r[col("trigger")] == "retook")
        .expect("the retaking of Saraqib");
    assert_eq!(retaking[col("place")], "Saraqib");
    assert_eq!(retaking[col("actor1_code")], "TURMIL");
    let call = rows.iter().find(|r| r[col("trigger")] == "call").unwrap();
    assert_eq!(call[col("status")], "planned");
    assert_eq!(call[col("actor1_name")], "Hulusi Akar");
}

#[test]
fn jsonl_csv_rows_carry_the_line_id_and_errors_go_to_stderr() {
    let input = "{\"id\": \"a\", \"text\": \"Rebels attacked an army post near Aleppo on Monday, killing two soldiers.\", \"date\": \"2020-03-04\"}\n\
                 {\"id\": \"b\", \"text\": 7}\n";
    let (out, err, code) = run_with_stdin(&["analyze", "--jsonl", "--format", "csv"], input);
    assert_eq!(code, 0);
    let rows = parse_csv(&out);
    assert!(rows.len() >= 2, "{out}");
    assert!(rows[1..].iter().all(|r| r[0] == "a"), "{out}");
    assert!(err.contains("\"b\"") && err.contains("text"), "{err}");
    // refused before any input is read
    let out = lede()
        .args(["analyze", "-", "--format", "xml"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("json, jsonl, csv, entities-csv, geojson or html"),
        "{err}"
    );
}

#[test]
fn geojson_of_two_files_is_one_feature_collection() {
    let a = temp_file(
        "a.txt",
        "Three Turkish soldiers were killed in Idlib on Wednesday.",
    );
    let b = temp_file("b.txt", "A Russian delegation arrived in Ankara.");
    let out = lede()
        .args(["analyze", "--date", "2020-02-27", "--format", "geojson"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let fs = g["features"].as_array().unwrap();
    let names: Vec<&str> = fs
        .iter()
        .filter_map(|f| f["properties"]["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Idlib") && names.contains(&"Ankara"),
        "{names:?}"
    );
    assert!(fs
        .iter()
        .any(|f| f["properties"]["feature"] == "event"
            && f["properties"]["doc"] == a.to_str().unwrap()));
    // the same from JSON lines: one collection, each feature named by its line's id
    let input = "{\"id\": \"a\", \"text\": \"Three Turkish soldiers were killed in Idlib on Wednesday.\"}\n\
                 {\"id\": \"b\", \"text\": 7}\n\
                 {\"id\": \"c\", \"text\": \"A Russian delegation arrived in Ankara.\"}\n";
    let (out, err, code) = run_with_stdin(&["analyze", "--jsonl", "--format", "geojson"], input);
    assert_eq!(code, 0, "{err}");
    let g: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs: Vec<&str> = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["properties"]["doc"].as_str())
        .collect();
    assert!(docs.contains(&"a") && docs.contains(&"c"), "{docs:?}");
    assert!(err.contains("\"b\""), "the bad line is reported: {err}");
}

#[test]
fn jsonl_format_for_files_gives_one_line_each_with_its_name() {
    let a = temp_file("ja.txt", "Turkish troops entered Idlib.");
    let b = temp_file("jb.txt", "Rebels attacked Aleppo.");
    let out = lede()
        .args(["analyze", "--format", "jsonl"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], a.to_str().unwrap());
    assert_eq!(lines[1]["id"], b.to_str().unwrap());
    assert_eq!(lines[0]["schema"], "lede/1");
}

#[test]
fn entities_csv_has_one_row_per_actor() {
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/examples/idlib-2020.txt");
    let out = lede()
        .args([
            "analyze",
            "--date",
            "2020-02-27",
            "--format",
            "entities-csv",
        ])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows[0][..4], ["doc", "actor", "name", "label"]);
    let erdogan = rows
        .iter()
        .find(|r| r[2] == "Recep Tayyip Erdogan")
        .expect("a row for Erdogan");
    assert_eq!(erdogan[3], "PERSON");
    assert_eq!(erdogan[6], "TURGOV");
    assert!(
        erdogan[13].split('|').any(|n| n == "Erdogan"),
        "{erdogan:?}"
    );
    let names: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| **n == "Recep Tayyip Erdogan")
            .count(),
        1,
        "one row per actor"
    );
}

#[test]
fn html_is_one_self_contained_page_per_run() {
    let a = temp_file(
        "ha.txt",
        "Turkish troops entered Idlib on Thursday.\n\n\"We will stay,\" Hulusi Akar said.",
    );
    let b = temp_file("hb.txt", "<b>Rebels</b> attacked Aleppo & Homs.");
    let out = lede()
        .args(["analyze", "--date", "2020-02-27", "--format", "html"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<article>").count(), 2);
    assert!(
        html.contains(">Idlib</mark>") && html.contains("<span class=\"quoted\">"),
        "{html}"
    );
    assert!(
        html.contains("&lt;b&gt;Rebels&lt;/b&gt;") || html.contains("&lt;b&gt;<mark"),
        "{html}"
    );
    // nothing to fetch: no script, no link, no src
    for outside in ["<script", "<link", "src=", "http://", "https://"] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    // not with --tokens
    let out = lede()
        .args(["analyze", "--format", "html", "--tokens"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn progress_on_stderr_when_asked_and_never_in_the_output() {
    let files: Vec<_> = (0..3)
        .map(|i| temp_file(&format!("p{i}.txt"), "Turkish troops entered Idlib."))
        .collect();
    let out = lede()
        .args(["analyze", "--progress", "--format", "csv"])
        .args(&files)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("lede [") && err.contains("0/3 documents"),
        "{err:?}"
    );
    assert!(
        err.ends_with("\r\x1b[2K"),
        "the bar is cleared at the end: {err:?}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("doc,event,") && !stdout.contains('\r'),
        "{stdout}"
    );
    // not a terminal, not asked: no bar
    let out = lede()
        .args(["analyze", "--format", "csv"])
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
