//! Direct quotes with their cue verb and speaker.
//!
//! Quotation marks are paired within a paragraph (curly, straight, guillemets;
//! a quote still open at the end of a paragraph runs to its end, as news
//! quotes spanning paragraphs do). The attribution is looked for after the
//! closing mark (`,” he told reporters`, `,” said Erdogan`, `,” according to
//! the ministry`) and then before the opening one (`Akar said: “…”`).
//!
//! The speaker is reported as the name when the attribution holds one
//! (`Turkish Defense Minister Hulusi Akar` → `Hulusi Akar`), else as written
//! (`he`, `the ministry`). Pronouns and bare surnames get `speaker_ref`: the
//! fullest earlier name of a speaker (`he` → `Recep Tayyip Erdogan`).

use std::collections::HashMap;

use crate::doc::{Document, Label, Quote, Span, TokenKind};

const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "declared",
    "announced",
    "explained",
    "noted",
    "notes",
    "wrote",
    "writes",
    "tweeted",
    "asked",
    "asks",
    "replied",
    "insisted",
    "warned",
    "warns",
    "claimed",
    "claims",
    "argued",
    "argues",
    "stressed",
    "continued",
    "concluded",
    "recalled",
    "remarked",
    "admitted",
    "acknowledged",
    "confirmed",
    "denied",
    "urged",
    "vowed",
    "promised",
    "complained",
    "shouted",
    "cried",
    "commented",
    "observed",
    "emphasized",
    "emphasised",
    "underlined",
    "maintained",
    "predicted",
    "boasted",
    "conceded",
    "suggested",
    "posted",
    "quipped",
    "responded",
    "answered",
    "according",
    // participles before a quote: `..., stating, “…”`, `saying: “…”`
    "saying",
    "stating",
    "adding",
    "telling",
    "writing",
    "declaring",
    "noting",
    "explaining",
    "insisting",
];

/// Words of a speaker phrase that are titles or roles, not the name.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Ministers",
    "Defense",
    "Defence",
    "Foreign",
    "Interior",
    "Finance",
    "Secretary",
    "General",
    "Gen.",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "Chief",
    "Commander",
    "Ambassador",
    "Envoy",
    "Leader",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Director",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Professor",
    "Deputy",
    "State",
    "Pope",
    "Sheikh",
    "Emir",
    "Colonel",
    "Col.",
    "Lt.",
    "Lieutenant",
    "Major",
    "Maj.",
    "Captain",
    "Capt.",
    "Sgt.",
    "Sergeant",
    "Admiral",
    "Adm.",
    "Justice",
    "Judge",
    "Attorney",
    "Speaker",
    "Premier",
    "Crown",
    "Supreme",
    "Army",
    "Military",
    "Health",
    "Trade",
    "Economy",
    "Energy",
    "Education",
    "Justice",
    "Labor",
    "Labour",
    "Home",
    "Office",
    "Former",
    "Acting",
    "Opposition",
    "Party",
    "Senior",
    "Top",
    "U.N.",
    "UN",
    "Special",
    "Representative",
    "High",
    "Commissioner",
    "Secretary-General",
    "Minister-President",
    "Director-General",
];

const SUBJECT_PRONOUNS: &[&str] = &[
    "he", "she", "i", "we", "they", "He", "She", "I", "We", "They",
];

/// Adverbs that may stand between a speaker and the cue: `he later said`.
const CUE_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "further",
    "previously",
    "earlier",
];

fn is_cue(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    if t == "according" {
        return i + 1 < doc.tokens.len() && doc.token_text(i + 1) == "to";
    }
    CUES.contains(&t)
}

fn is_opening(s: &str) -> bool {
    matches!(s, "“" | "«" | "„" | "``" | "‹")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "»" | "''" | "›")
}

/// Find the quotes of the document.
pub fn find(doc: &mut Document) {
    let names = named_speakers(doc);
    let mut quotes: Vec<Quote> = Vec::new();
    // paragraph of the previous quote's closing mark
    let mut prev_para: Option<usize> = None;
    for (open, close, closed) in quote_pairs(doc) {
        let para = paragraph_of(doc, open);
        let continues =
            prev_para.is_some_and(|p| p == para || (p + 1 == para && opens_paragraph(doc, open)));
        prev_para = Some(paragraph_of(doc, close.min(doc.tokens.len() - 1)));
        // content without the quotation marks and a trailing comma
        let mut end = close;
        while end > open + 1 && matches!(doc.token_text(end - 1), "," | ";") {
            end -= 1;
        }
        if end <= open + 1 {
            continue;
        }
        let content = Span::new(
            doc.tokens[open + 1].span.start,
            doc.tokens[end - 1].span.end,
        );
        let after = if closed {
            attribution_after(doc, close + 1)
        } else {
            None
        };
        let attribution = after.or_else(|| attribution_before(doc, open));
        let words = end - open - 1;
        if attribution.is_none() && words < 4 {
            continue; // scare quotes: "so-called “terrorists”"
        }
        let (cue, speaker, speaker_ref) = match attribution {
            Some((cue, speaker)) => {
                let r = speaker.and_then(|s| resolve(doc, s, doc.tokens[open].span.start, &names));
                (Some(cue), speaker, r)
            }
            // a quote that goes on after an attributed one keeps its speaker:
            // “…,” said Amina Hassan. “People are sleeping on the roofs.”
            None => match quotes.last().filter(|_| continues) {
                Some(prev) => (None, prev.speaker, prev.speaker_ref),
                None => (None, None, None),
            },
        };
        quotes.push(Quote {
            span: content,
            cue,
            speaker,
            speaker_ref,
        });
    }
    doc.quotes = quotes;
}

fn paragraph_of(doc: &Document, token: usize) -> usize {
    let k = doc.sentences.partition_point(|s| s.tokens.end <= token);
    doc.sentences.get(k).map_or(0, |s| s.paragraph)
}

/// Whether token `i` is the first of its paragraph.
fn opens_paragraph(doc: &Document, i: usize) -> bool {
    i == 0 || paragraph_of(doc, i - 1) != paragraph_of(doc, i)
}

/// Pairs of (opening token, closing token or paragraph end, closed?).
fn quote_pairs(doc: &Document) -> Vec<(usize, usize, bool)> {
    let mut pairs = Vec::new();
    let mut p = 0;
    while p < doc.sentences.len() {
        let para = doc.sentences[p].paragraph;
        let first = doc.sentences[p].tokens.start;
        let mut q = p;
        while q < doc.sentences.len() && doc.sentences[q].paragraph == para {
            q += 1;
        }
        let last = doc.sentences[q - 1].tokens.end;
        let mut open: Option<usize> = None;
        for i in first..last {
            if doc.tokens[i].kind != TokenKind::Quote {
                continue;
            }
            let s = doc.token_text(i);
            match (s, open) {
                (s, _) if is_opening(s) => open = Some(i),
                (s, Some(o)) if is_closing(s) => {
                    pairs.push((o, i, true));
                    open = None;
                }
                ("\"", Some(o)) => {
                    pairs.push((o, i, true));
                    open = None;
                }
                ("\"", None) => open = Some(i),
                _ => {}
            }
        }
        if let Some(o) = open {
            if last > o + 4 {
                pairs.push((o, last, false));
            }
        }
        p = q;
    }
    pairs
}

fn is_boundary_punct(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    matches!(t.kind, TokenKind::Punct | TokenKind::Quote) && !matches!(doc.token_text(i), "-")
}

/// `,” he told reporters` / `,” said Erdogan` / `,” according to X`.
fn attribution_after(doc: &Document, mut k: usize) -> Option<(Span, Option<Span>)> {
    let n = doc.tokens.len();
    while k < n && matches!(doc.token_text(k), "," | "—" | "–") {
        k += 1;
    }
    if k >= n || doc.tokens[k].newline_before {
        return None;
    }
    if is_cue(doc, k) {
        let (cue, np_start) = cue_span(doc, k);
        let speaker = np_after(doc, np_start);
        return Some((cue, speaker));
    }
    let limit = (k + 9).min(n);
    for j in k..limit {
        if is_boundary_punct(doc, j) || doc.tokens[j].newline_before && j > k {
            return None;
        }
        if is_cue(doc, j) && j > k {
            let mut np_end = j;
            while np_end > k && CUE_ADVERBS.contains(&doc.token_text(np_end - 1)) {
                np_end -= 1;
            }
            if np_end == k {
                return None;
            }
            let (cue, _) = cue_span(doc, j);
            return Some((cue, Some(speaker_name(doc, k, np_end))));
        }
    }
    None
}

/// `Akar said: “…”`, `he told members of his party: “…”`.
fn attribution_before(doc: &Document, open: usize) -> Option<(Span, Option<Span>)> {
    let idx = doc.sentences.partition_point(|s| s.tokens.end <= open);
    let sent = doc
        .sentences
        .get(idx)
        .filter(|s| s.tokens.contains(&open))?;
    let mut k = open;
    let lo = sent.tokens.start.max(open.saturating_sub(12));
    while k > lo {
        k -= 1;
        if doc.tokens[k].kind == TokenKind::Quote {
            return None;
        }
        if is_cue(doc, k) {
            let (cue, _) = cue_span(doc, k);
            let np_end = {
                let mut e = k;
                while e > sent.tokens.start && CUE_ADVERBS.contains(&doc.token_text(e - 1)) {
                    e -= 1;
                }
                e
            };
            let np_start = np_before(doc, np_end, sent.tokens.start);
            let speaker = (np_start < np_end).then(|| speaker_name(doc, np_start, np_end));
            return Some((cue, speaker));
        }
    }
    None
}

/// The cue's span (`according to` is two tokens) and the token after it.
fn cue_span(doc: &Document, k: usize) -> (Span, usize) {
    if doc.token_text(k) == "according" {
        (
            Span::new(doc.tokens[k].span.start, doc.tokens[k + 1].span.end),
            k + 2,
        )
    } else {
        (doc.tokens[k].span, k + 1)
    }
}

/// The noun phrase right after a cue: `said Erdogan`, `said the minister`,
/// `according to the Turkish defense ministry`.
fn np_after(doc: &Document, start: usize) -> Option<Span> {
    let n = doc.tokens.len();
    let mut j = start;
    while j < n && j < start + 8 && !is_boundary_punct(doc, j) && !doc.tokens[j].newline_before {
        let t = doc.token_text(j);
        if j > start
            && (CUES.contains(&t)
                || matches!(
                    t,
                    "on" | "in"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "who"
                        | "that"
                        | "when"
                        | "while"
                ))
        {
            break;
        }
        j += 1;
    }
    (j > start).then(|| speaker_name(doc, start, j))
}

/// Start of the noun phrase ending before token `end`: back over capitalized
/// words, determiners and titles, to the sentence start or punctuation.
fn np_before(doc: &Document, end: usize, sent_start: usize) -> usize {
    let mut j = end;
    while j > sent_start && end - j < 8 {
        let t = doc.token_text(j - 1);
        if is_boundary_punct(doc, j - 1) {
            break;
        }
        let cap = t.chars().next().is_some_and(char::is_uppercase);
        let ok = cap
            || matches!(t, "the" | "a" | "an" | "of" | "'s" | "’s" | "al" | "bin")
            || SUBJECT_PRONOUNS.contains(&t)
            || (j == end && t.chars().all(char::is_lowercase));
        if !ok {
            break;
        }
        j -= 1;
        if SUBJECT_PRONOUNS.contains(&t) {
            break;
        }
    }
    j
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `i` is a title or a place/nationality word (not part of a name).
fn is_title_or_place(doc: &Document, i: usize) -> bool {
    let t = doc.token_text(i);
    if TITLES.contains(&t) {
        return true;
    }
    // entities are sorted and non-overlapping by now (see `doc::resolve_overlaps`)
    let span = doc.tokens[i].span;
    let k = doc.entities.partition_point(|e| e.span.end <= span.start);
    doc.entities.get(k).is_some_and(|e| {
        matches!(e.label, Label::Norp | Label::Gpe | Label::Loc) && e.span.overlaps(span)
    })
}

/// The name inside a speaker phrase (tokens `start..end`): its last run of
/// capitalized tokens that are not titles; the whole phrase when it has none.
fn speaker_name(doc: &Document, start: usize, end: usize) -> Span {
    let mut j = end;
    // skip trailing lowercase words: "Erdogan told members" has no such tail here
    while j > start && !is_capitalized(doc.token_text(j - 1)) {
        j -= 1;
    }
    let name_end = j;
    while j > start {
        let t = doc.token_text(j - 1);
        let particle =
            matches!(t, "al" | "bin" | "de" | "van" | "von" | "da" | "di" | "ibn") && j < name_end;
        if !(is_capitalized(t) || particle) || is_title_or_place(doc, j - 1) {
            break;
        }
        j -= 1;
    }
    if j < name_end && !SUBJECT_PRONOUNS.contains(&doc.token_text(j)) {
        return Span::new(doc.tokens[j].span.start, doc.tokens[name_end - 1].span.end);
    }
    Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end)
}

/// A name a person is referred to by: capitalized, not a pronoun.
fn is_name(doc: &Document, span: Span) -> bool {
    let s = doc.slice(span);
    is_capitalized(s) && !SUBJECT_PRONOUNS.contains(&s) && !s.starts_with("The ")
}

/// Names that appear as the subject of a cue verb anywhere in the text
/// ("Turkish President Recep Tayyip Erdogan said Thursday"), in text order,
/// indexed for resolving pronouns and surnames in O(log n).
struct Names {
    spans: Vec<Span>,
    /// Last word → (start of a name with that last word, fullest such name so far).
    by_last: HashMap<String, Vec<(usize, Span)>>,
}

impl Names {
    fn fullest_before(&self, last: &str, limit: usize) -> Option<Span> {
        let list = self.by_last.get(last)?;
        let k = list.partition_point(|(start, _)| *start < limit);
        (k > 0).then(|| list[k - 1].1)
    }
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

fn named_speakers(doc: &Document) -> Names {
    let mut spans = Vec::new();
    for sent in &doc.sentences {
        for k in sent.tokens.clone() {
            if !is_cue(doc, k) || doc.token_text(k) == "according" {
                continue;
            }
            let mut end = k;
            while end > sent.tokens.start && CUE_ADVERBS.contains(&doc.token_text(end - 1)) {
                end -= 1;
            }
            let start = np_before(doc, end, sent.tokens.start);
            if start < end {
                let span = speaker_name(doc, start, end);
                if is_name(doc, span) {
                    spans.push(span);
                }
            }
        }
    }
    let mut by_last: HashMap<String, Vec<(usize, Span)>> = HashMap::new();
    for &span in &spans {
        let list = by_last
            .entry(last_word(doc.slice(span)).to_string())
            .or_default();
        let best = match list.last() {
            Some(&(_, b)) if b.len() >= span.len() => b,
            _ => span,
        };
        list.push((span.start, best));
    }
    Names { spans, by_last }
}

/// The fuller earlier name a pronoun or surname speaker refers to.
fn resolve(doc: &Document, speaker: Span, before: usize, names: &Names) -> Option<Span> {
    let text = doc.slice(speaker);
    let target = if matches!(text, "he" | "she" | "He" | "She") {
        let k = names.spans.partition_point(|n| n.end <= before);
        *names.spans.get(k.checked_sub(1)?)?
    } else if is_name(doc, speaker) {
        speaker
    } else {
        return None;
    };
    // the fullest earlier form with the same last word: Erdogan → Recep Tayyip Erdogan
    let limit = before.max(target.start);
    let best = match names.fullest_before(last_word(doc.slice(target)), limit) {
        Some(f) if f.len() > target.len() => f,
        _ => target,
    };
    (best != speaker).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Q {
        text: String,
        cue: Option<String>,
        speaker: Option<String>,
        speaker_ref: Option<String>,
    }

    fn quotes(text: &str) -> Vec<Q> {
        let mut doc = Document::new(text);
        crate::tokenize::tokenize(&mut doc);
        crate::sentences::split(&mut doc);
        crate::places::find_all(&mut doc);
        find(&mut doc);
        let s = |sp: Option<Span>| sp.map(|sp| doc.slice(sp).to_string());
        doc.quotes
            .iter()
            .map(|q| Q {
                text: doc.slice(q.span).to_string(),
                cue: s(q.cue),
                speaker: s(q.speaker),
                speaker_ref: s(q.speaker_ref),
            })
            .collect()
    }

    #[test]
    fn pronoun_after_quote_resolves_to_earlier_speaker() {
        let q = quotes(
            "Turkish President Recep Tayyip Erdogan said Thursday that talks failed.\n“We have three martyrs. May they rest in peace,” he told reporters.",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We have three martyrs. May they rest in peace");
        assert_eq!(q[0].cue.as_deref(), Some("told"));
        assert_eq!(q[0].speaker.as_deref(), Some("he"));
        assert_eq!(q[0].speaker_ref.as_deref(), Some("Recep Tayyip Erdogan"));
    }

    #[test]
    fn surname_speaker_links_to_full_name() {
        let q = quotes(
            "Turkish President Recep Tayyip Erdogan said the army would stay.\n“The fighting continues,” Erdogan told members of his party.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Erdogan"));
        assert_eq!(q[0].speaker_ref.as_deref(), Some("Recep Tayyip Erdogan"));
    }

    #[test]
    fn cue_before_name() {
        let q = quotes("“We will respond,” said Defense Minister Hulusi Akar.");
        assert_eq!(q[0].cue.as_deref(), Some("said"));
        assert_eq!(q[0].speaker.as_deref(), Some("Hulusi Akar"));
        assert_eq!(q[0].speaker_ref, None);
    }

    #[test]
    fn title_is_stripped_from_speaker() {
        let q =
            quotes("Turkish Defense Minister Hulusi Akar told reporters: “The talks are ongoing.”");
        assert_eq!(q[0].text, "The talks are ongoing.");
        assert_eq!(q[0].cue.as_deref(), Some("told"));
        assert_eq!(q[0].speaker.as_deref(), Some("Hulusi Akar"));
    }

    #[test]
    fn according_to() {
        let q = quotes("“The convoy was hit twice,” according to the Syrian Observatory.");
        assert_eq!(q[0].cue.as_deref(), Some("according to"));
        assert_eq!(q[0].speaker.as_deref(), Some("Syrian Observatory"));
    }

    #[test]
    fn common_noun_speaker_kept_as_written() {
        let q = quotes("“We are ready,” the minister said.");
        assert_eq!(q[0].speaker.as_deref(), Some("the minister"));
        assert_eq!(q[0].speaker_ref, None);
    }

    #[test]
    fn straight_quotes() {
        let q = quotes("\"This is a setback for Damascus,\" she added.");
        assert_eq!(q[0].text, "This is a setback for Damascus");
        assert_eq!(q[0].cue.as_deref(), Some("added"));
        assert_eq!(q[0].speaker.as_deref(), Some("she"));
    }

    #[test]
    fn partial_quote_after_subject() {
        let q = quotes(
            "Erdogan said so.\nSyrian President Bashar al-Assad “cannot stand without the backing from Iran and Russia,” he added.",
        );
        assert_eq!(
            q[0].text,
            "cannot stand without the backing from Iran and Russia"
        );
        assert_eq!(q[0].speaker.as_deref(), Some("he"));
        assert_eq!(q[0].speaker_ref.as_deref(), Some("Erdogan"));
    }

    #[test]
    fn adverb_between_speaker_and_cue() {
        let q = quotes("“It is over,” he later said.");
        assert_eq!(q[0].speaker.as_deref(), Some("he"));
        assert_eq!(q[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(quotes("They called them “terrorists” again.").is_empty());
    }

    #[test]
    fn long_quote_without_attribution_is_kept() {
        let q = quotes("“We will never give up our land to anyone.”");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].cue, None);
    }

    #[test]
    fn continued_quote_keeps_the_speaker() {
        let q = quotes("“The river is high,” said Amina Hassan, a teacher. “People are sleeping on the roofs.”\nNo quote here.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].speaker.as_deref(), Some("Amina Hassan"));
        assert_eq!(q[1].cue, None);
    }

    #[test]
    fn quote_opening_next_paragraph_continues_the_speaker() {
        let q = quotes("“We are ready,” Akar said.\n“The meetings will go on for a long time.”");
        assert_eq!(q[1].speaker.as_deref(), Some("Akar"));
    }

    #[test]
    fn quote_open_at_paragraph_end_runs_to_it() {
        let q = quotes("Akar said: “We are doing our best to bring about stability.\n“The meetings continue,” he said.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "We are doing our best to bring about stability.");
        assert_eq!(q[0].speaker.as_deref(), Some("Akar"));
    }
}
