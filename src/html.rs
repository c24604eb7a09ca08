//! The page's highlighted view as one self-contained HTML file (the CLI's
//! `--format html`): each article with its names highlighted by label, its
//! event triggers underlined and its quotes marked, followed by its events
//! (who did what to whom, where, when, how many, CAMEO) and its actors.
//! No script, no external resource: it opens offline, in any browser, and
//! the article's text is escaped everywhere.

use std::fmt::Write;

use crate::output::{Analysis, EventOut};

/// One article: its name (a file name, a JSON-lines id), text and analysis.
pub struct Article<'a> {
    pub doc: &'a str,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// The labels' colours, light and dark (the page's).
const LABELS: [(&str, &str, &str); 16] = [
    ("PERSON", "#f6c6c6", "#6e3838"),
    ("NORP", "#f9dd9c", "#6b5622"),
    ("FAC", "#d9cdb8", "#5a4e3c"),
    ("ORG", "#bcd7f5", "#2f4d6e"),
    ("GPE", "#b8e3c2", "#2d5b3a"),
    ("LOC", "#d3ecb0", "#4a6130"),
    ("PRODUCT", "#e7d2f4", "#5a3d6b"),
    ("EVENT", "#f7c9e4", "#6b3456"),
    ("DATE", "#c9e8ef", "#2c5560"),
    ("TIME", "#c0dde6", "#2a4d57"),
    ("MONEY", "#e3e8a6", "#5a5e26"),
    ("PERCENT", "#e9dfa8", "#5e5526"),
    ("QUANTITY", "#dedede", "#4a4a4a"),
    ("ORDINAL", "#e4dcef", "#4a4260"),
    ("CARDINAL", "#e6e1f5", "#46405e"),
    ("MISC", "#e0e0e0", "#4a4a4a"),
];

const STYLE: &str = "\
:root { color-scheme: light dark; --bg: #fbfaf7; --fg: #1d1d1f; --muted: #6b6b70; --line: #ddd9d0; --panel: #fff; --accent: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --bg: #141416; --fg: #e8e6e3; --muted: #a3a3ab; --line: #3a3a40; --panel: #1d1d21; --accent: #ff8a80; } }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
h1 { font-family: Georgia, serif; } h2 { font-size: 1.1rem; border-bottom: 1px solid var(--line); margin-top: 1.5rem; }
.doc { white-space: pre-wrap; font: 17px/1.9 Georgia, serif; background: var(--panel); padding: 1rem 1.2rem; border: 1px solid var(--line); border-radius: 6px; }
mark { color: inherit; }
mark.ent { padding: 0.05em 0.2em; border-radius: 3px; }
mark.ent::after { content: attr(data-label); font: 600 0.6em/1 system-ui, sans-serif; margin-left: 0.25em; vertical-align: 0.15em; opacity: 0.75; }
mark.trigger { background: none; border-bottom: 2px solid var(--accent); }
.quoted, mark.in-quote { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.4rem; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.meta { color: var(--muted); font-size: 0.85em; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; }
";

/// The HTML document of `articles`.
pub fn page(articles: &[Article]) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = match articles {
        [one] => headline(one.text),
        _ => format!("{} articles", articles.len()),
    };
    let _ = writeln!(out, "<title>{} — lede</title>", escape(&title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    for (label, light, dark) in LABELS {
        let _ = writeln!(
            out,
            "mark.ent[data-label=\"{label}\"] {{ background: {light}; }}"
        );
        let _ = writeln!(
            out,
            "@media (prefers-color-scheme: dark) {{ mark.ent[data-label=\"{label}\"] {{ background: {dark}; }} }}"
        );
    }
    out.push_str("</style>\n</head>\n<body>\n");
    for a in articles {
        article(&mut out, a);
    }
    let _ = writeln!(
        out,
        "<footer>lede {} · schema {} · names highlighted by label, event triggers underlined, quotes in italics; hover for details.</footer>\n</body>\n</html>",
        crate::version(),
        crate::output::SCHEMA
    );
    out
}

/// The first non-blank line of a text.
fn headline(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    line.unwrap_or("lede").chars().take(120).collect()
}

fn article(out: &mut String, a: &Article) {
    let analysis = a.analysis;
    let _ = writeln!(
        out,
        "<article>\n<h1>{}</h1>\n<p class=\"meta\">{}{}</p>",
        escape(&headline(a.text)),
        escape(a.doc),
        analysis
            .date
            .as_deref()
            .map(|d| format!(" · published {}", escape(d)))
            .unwrap_or_default()
    );
    out.push_str("<div class=\"doc\">");
    highlighted(out, a.text, analysis);
    out.push_str("</div>\n");
    events(out, analysis);
    actors(out, analysis);
    out.push_str("</article>\n");
}

/// A mark in the text: a name (by entity index) or an event's trigger.
enum Mark {
    Entity(usize),
    Trigger(usize),
}

/// The text with its names, triggers (a trigger inside a name is left to
/// the name) and quotes marked.
fn highlighted(out: &mut String, text: &str, analysis: &Analysis) {
    let bytes = Utf16ToBytes::new(text);
    let mut spans: Vec<(usize, usize, Mark)> = analysis
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.start, e.end, Mark::Entity(i)))
        .collect();
    for (i, e) in analysis.events.iter().enumerate() {
        spans.extend(
            e.mentions
                .iter()
                .map(|m| (m.start, m.end, Mark::Trigger(i))),
        );
    }
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let quotes: Vec<(usize, usize)> = analysis.quotes.iter().map(|q| (q.start, q.end)).collect();
    let in_quote = |s: usize, e: usize| quotes.iter().any(|&(a, b)| a <= s && e <= b);
    // plain text, its quoted parts in a span
    let plain = |out: &mut String, from: usize, to: usize| {
        let mut at = from;
        for &(a, b) in &quotes {
            if b <= at || a >= to {
                continue;
            }
            if a > at {
                out.push_str(&escape(bytes.slice(at, a)));
            }
            let end = b.min(to);
            let _ = write!(
                out,
                "<span class=\"quoted\">{}</span>",
                escape(bytes.slice(a.max(at), end))
            );
            at = end;
        }
        if at < to {
            out.push_str(&escape(bytes.slice(at, to)));
        }
    };
    let mut at = 0;
    for (start, end, mark) in spans {
        if start < at {
            continue;
        }
        plain(out, at, start);
        let quoted = if in_quote(start, end) {
            " in-quote"
        } else {
            ""
        };
        let words = escape(bytes.slice(start, end));
        match mark {
            Mark::Entity(i) => {
                let e = &analysis.entities[i];
                let actor = e.actor.and_then(|x| analysis.actors.get(x));
                let title: Vec<&str> = [
                    Some(e.label),
                    e.kind,
                    e.country,
                    actor.map(|x| x.name.as_str()),
                    actor.and_then(|x| x.role.as_deref()),
                    actor.and_then(|x| x.code.as_deref()),
                ]
                .into_iter()
                .flatten()
                .collect();
                let _ = write!(
                    out,
                    "<mark class=\"ent{quoted}\" data-label=\"{}\" title=\"{}\">{words}</mark>",
                    e.label,
                    escape(&title.join(" · "))
                );
            }
            Mark::Trigger(i) => {
                let e = &analysis.events[i];
                let _ = write!(
                    out,
                    "<mark class=\"trigger{quoted}\" title=\"{} ({})\">{words}</mark>",
                    escape(e.kind),
                    escape(e.status)
                );
            }
        }
        at = end;
    }
    plain(out, at, analysis.length);
}

/// A section's heading with its count and, when it has rows, the start of
/// its table with the header row; false when there are none.
fn table_head(out: &mut String, title: &str, rows: usize, columns: &[&str]) -> bool {
    let _ = writeln!(out, "<h2>{title} ({rows})</h2>");
    if rows == 0 {
        return false;
    }
    out.push_str("<table>\n<tr>");
    for c in columns {
        let _ = write!(out, "<th>{}</th>", escape(c));
    }
    out.push_str("</tr>\n");
    true
}

/// The events as a table: what, who to whom, where, when, how many, CAMEO.
fn events(out: &mut String, analysis: &Analysis) {
    let columns = [
        "Event",
        "Who, to whom",
        "Where",
        "When",
        "How many",
        "CAMEO",
    ];
    if !table_head(out, "Events", analysis.events.len(), &columns) {
        return;
    }
    for e in &analysis.events {
        let status = if e.status == "asserted" {
            String::new()
        } else {
            format!(" <span class=\"meta\">{}</span>", e.status)
        };
        let args: Vec<String> = e
            .arguments
            .iter()
            .map(|a| format!("<span class=\"meta\">{}</span> {}", a.role, escape(&a.text)))
            .collect();
        let place = e
            .place
            .as_ref()
            .map(|p| {
                let country = p.country.map(|c| format!(", {c}")).unwrap_or_default();
                escape(&format!("{}{country}", p.name))
            })
            .unwrap_or_default();
        let when = e
            .time
            .as_ref()
            .map(|t| t.value.clone())
            .or_else(|| analysis.date.clone())
            .unwrap_or_default();
        let cameo = e
            .cameo
            .as_ref()
            .map(|c| {
                let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
                format!(
                    "{} <span class=\"meta\">{} → {}</span>",
                    escape(&c.code),
                    escape(&side(&c.source)),
                    escape(&side(&c.target))
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td><strong>{}</strong> “{}”{status}</td><td>{}</td><td>{place}</td><td>{}</td><td>{}</td><td>{cameo}</td></tr>",
            escape(e.kind),
            escape(&e.text),
            args.join("<br>"),
            escape(&when),
            casualties(e)
        );
    }
    out.push_str("</table>\n");
}

fn casualties(e: &EventOut) -> String {
    let Some(c) = &e.casualties else {
        return String::new();
    };
    let sign = match c.comparator {
        Some("gt") => "> ",
        Some("ge") => "≥ ",
        Some("lt") => "< ",
        Some("le") => "≤ ",
        Some("approx") => "≈ ",
        _ => "",
    };
    [
        ("killed", c.killed),
        ("injured", c.injured),
        ("missing", c.missing),
    ]
    .into_iter()
    .filter_map(|(w, n)| n.map(|n| format!("{sign}{} {w}", crate::csv::format_number(n))))
    .collect::<Vec<_>>()
    .join(", ")
}

/// The actors as a table: name, label, role, code, country, mentions.
fn actors(out: &mut String, analysis: &Analysis) {
    let columns = ["Name", "Label", "Role", "CAMEO", "Country", "Mentions"];
    if !table_head(out, "Actors", analysis.actors.len(), &columns) {
        return;
    }
    for a in &analysis.actors {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.name),
            a.label,
            escape(a.role.as_deref().unwrap_or("")),
            escape(a.code.as_deref().unwrap_or("")),
            a.country.unwrap_or(""),
            a.mentions.len() + a.references.len()
        );
    }
    out.push_str("</table>\n");
}

/// Text for HTML: `&`, `<`, `>` and both quotes escaped (safe in elements
/// and in attributes).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The text sliced by UTF-16 offsets (those of the output).
struct Utf16ToBytes<'a> {
    text: &'a str,
    /// The byte offset of each UTF-16 offset that starts a character.
    bytes: Vec<usize>,
}

impl<'a> Utf16ToBytes<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            bytes.push(i);
            if c.len_utf16() == 2 {
                bytes.push(i); // the second unit of a pair: never a span's edge
            }
        }
        bytes.push(text.len());
        Utf16ToBytes { text, bytes }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let at = |u: usize| self.bytes.get(u).copied().unwrap_or(self.text.len());
        self.text.get(at(start)..at(end)).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_of(text: &str) -> String {
        let options = crate::Options {
            date: Some("2020-02-27".into()),
            ..Default::default()
        };
        let analysis = crate::analyze(text, &options).unwrap();
        page(&[Article {
            doc: "a.txt",
            text,
            analysis: &analysis,
        }])
    }

    #[test]
    fn names_events_and_quotes_are_marked_and_the_text_is_whole() {
        let text =
            "Turkish troops entered Idlib 🇹🇷 on Thursday.\n\n\"We will respond,\" Erdogan said.";
        let html = html_of(text);
        assert!(html.starts_with("<!doctype html>"), "{html}");
        assert!(html.contains("data-label=\"GPE\""), "{html}");
        assert!(html.contains(">Idlib</mark>"), "{html}");
        assert!(html.contains("<span class=\"quoted\">"), "{html}");
        assert!(html.contains("<h2>Events ("), "{html}");
        assert!(!html.contains("<script"), "{html}");
        // the text, tags removed and entities decoded, is the input
        let doc =
            &html[html.find("<div class=\"doc\">").unwrap() + 17..html.find("</div>").unwrap()];
        let mut plain = String::new();
        let mut in_tag = false;
        for c in doc.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        let plain = plain
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        assert_eq!(plain, text);
    }

    #[test]
    fn markup_in_the_text_stays_text() {
        let html =
            html_of("<script>alert(1)</script> Police in \"Paris\" & <b>Lyon</b> arrested a man.");
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<b>"), "{html}");
    }
}
