//! Paragraph and sentence segmentation over the tokens.
//!
//! Paragraphs: blank lines separate paragraphs; in a text without blank lines
//! every line is a paragraph. A single line break also ends a sentence
//! (headlines, datelines and subheads stand on their own line) unless the
//! text is hard-wrapped there: the line does not end in sentence punctuation
//! and the next one starts in lowercase.
//!
//! Sentences end at `.`, `!`, `?`, `…` followed by closing quotes or brackets,
//! when the next token can start a sentence. Abbreviations keep their period
//! and end a sentence only when a common sentence-opening word follows
//! (`... in the U.S. The next day` splits; `Gen. Akar` never does).

use crate::doc::{Document, Paragraph, Sentence, Span, TokenKind};
use crate::tokenize::abbreviation;

/// Capitalized words that, after an ambiguous abbreviation like `U.S.` or
/// `Inc.`, show that a new sentence has begun.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Meanwhile",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Some",
    "Many",
    "Most",
    "No",
    "Yet",
    "So",
    "Still",
    "Also",
    "Earlier",
    "Later",
    "Last",
    "On",
    "For",
];

/// Segment `doc.tokens` into `doc.paragraphs` and `doc.sentences`.
pub fn split(doc: &mut Document) {
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    let blank_lines = has_blank_line(text);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut start = 0; // first token of the current sentence
    let mut para_start = 0; // first token of the current paragraph

    let close = |sentences: &mut Vec<Sentence>, from: usize, to: usize, para: usize| {
        if from < to {
            sentences.push(Sentence {
                span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                tokens: from..to,
                paragraph: para,
            });
        }
    };

    for i in 1..=tokens.len() {
        let at_end = i == tokens.len();
        let new_para = !at_end && tokens[i].newline_before && {
            let gap = &text[tokens[i - 1].span.end..tokens[i].span.start];
            !blank_lines || count_newlines(gap) >= 2
        };
        let para_break = at_end || (new_para && !hard_wrapped(doc, i));
        let line_break = !at_end && tokens[i].newline_before && !hard_wrapped(doc, i);
        if para_break || line_break || ends_sentence(doc, start, i) {
            let para = paragraphs.len();
            close(&mut sentences, start, i, para);
            start = i;
        }
        if para_break {
            paragraphs.push(Paragraph {
                span: Span::new(tokens[para_start].span.start, tokens[i - 1].span.end),
            });
            para_start = i;
        }
    }
    doc.paragraphs = paragraphs;
    doc.sentences = cap_length(doc, sentences);
}

/// The most tokens a sentence has. Real sentences of news stay far below
/// (the longest of CoNLL-2003, UD EWT and GUM have 113, 159 and 134
/// tokens); longer runs are lists, tables or text without punctuation. The
/// tagger, parser, role labeller and the stages after them work sentence by
/// sentence, so this bound keeps their work linear in the text.
pub const MAX_SENTENCE_TOKENS: usize = 200;

/// Split every sentence longer than [`MAX_SENTENCE_TOKENS`] into windows:
/// each ends after the last `;`, `:` or `,` (in that order of preference)
/// of the second half of its longest allowed stretch, else at the bound.
fn cap_length(doc: &Document, sentences: Vec<Sentence>) -> Vec<Sentence> {
    if sentences
        .iter()
        .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS)
    {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut from = s.tokens.start;
        while s.tokens.end - from > MAX_SENTENCE_TOKENS {
            let window = from + MAX_SENTENCE_TOKENS / 2..from + MAX_SENTENCE_TOKENS;
            let after = |marks: &[&str]| {
                window
                    .clone()
                    .rev()
                    .find(|&k| marks.contains(&doc.token_text(k)))
                    .map(|k| k + 1)
            };
            let to = after(&[";"])
                .or_else(|| after(&[":"]))
                .or_else(|| after(&[","]))
                .unwrap_or(from + MAX_SENTENCE_TOKENS);
            out.push(Sentence {
                span: Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end),
                tokens: from..to,
                paragraph: s.paragraph,
            });
            from = to;
        }
        out.push(Sentence {
            span: Span::new(doc.tokens[from].span.start, s.span.end),
            tokens: from..s.tokens.end,
            paragraph: s.paragraph,
        });
    }
    out
}

fn count_newlines(s: &str) -> usize {
    let mut n = 0;
    let mut prev_cr = false;
    for c in s.chars() {
        match c {
            '\r' => n += 1,
            '\n' if !prev_cr => n += 1,
            '\u{2028}' | '\u{2029}' | '\u{85}' => n += 1,
            _ => {}
        }
        prev_cr = c == '\r';
    }
    n
}

fn has_blank_line(text: &str) -> bool {
    let mut newlines = 0;
    for c in text.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            '\r' => {}
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    false
}

/// A line break before token `i` that only wraps a running sentence.
fn hard_wrapped(doc: &Document, i: usize) -> bool {
    let prev = doc.token_text(i - 1);
    let next = doc.token_text(i);
    let prev_ends = prev.ends_with(['.', '!', '?', ':', '…', '"', '”', '’']);
    let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    !prev_ends && next_lower
}

/// Whether a sentence that began at token `start` ends before token `i`.
fn ends_sentence(doc: &Document, start: usize, i: usize) -> bool {
    let tokens = &doc.tokens;
    if i >= tokens.len() || i <= start {
        return false;
    }
    // skip closing quotes and brackets after the final punctuation
    let mut j = i - 1;
    while j > start && i - j <= MAX_CLOSERS && is_closer(doc, j) {
        j -= 1;
    }
    let last = doc.token_text(j);
    let next = doc.token_text(i);
    if is_closer(doc, i) && j == i - 1 {
        return false; // the closer belongs to this sentence
    }
    match tokens[j].kind {
        TokenKind::Punct if last.ends_with(['.', '!', '?', '…', '。', '！', '？']) => {
            can_open(doc, i)
        }
        TokenKind::Abbreviation => {
            let word = last.trim_end_matches('.');
            let never_final = abbreviation(word).unwrap_or(false)
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
            !never_final && SENTENCE_OPENERS.contains(&next)
        }
        _ => false,
    }
}

/// The most closing quotes and brackets looked through after a sentence's
/// final punctuation (`."')` has three).
const MAX_CLOSERS: usize = 4;

/// Whether token `i` can be the first of a sentence.
fn can_open(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let s = doc.token_text(i);
    match t.kind {
        TokenKind::Quote
        | TokenKind::Number
        | TokenKind::Symbol
        | TokenKind::Emoji
        | TokenKind::Handle => true,
        TokenKind::Punct => matches!(s, "(" | "[" | "-" | "—" | "–" | "¿" | "¡"),
        _ => s.chars().next().is_some_and(|c| !c.is_lowercase()),
    }
}

/// A closing quotation mark or bracket that ends the sentence before it.
fn is_closer(doc: &Document, j: usize) -> bool {
    let s = doc.token_text(j);
    match s {
        ")" | "]" | "}" | "”" | "’" | "»" | "›" | "''" => true,
        "\"" | "'" => {
            // a straight quote closes when it hugs the previous token
            j > 0 && !doc.tokens[j - 1].space_after
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        tokenize(&mut doc);
        split(&mut doc);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    fn paras(text: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        tokenize(&mut doc);
        split(&mut doc);
        doc.paragraphs
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(sents(text), expected, "splitting {text:?}");
    }

    #[test]
    fn splits_two_plain_sentences() {
        check("He came. She left.", &["He came.", "She left."]);
    }

    #[test]
    fn keeps_abbreviation_u_s_mid_sentence() {
        check(
            "The U.S. military said so.",
            &["The U.S. military said so."],
        );
    }

    #[test]
    fn splits_after_u_s_when_sentence_opener_follows() {
        check(
            "Troops returned to the U.S. The next day they left.",
            &["Troops returned to the U.S.", "The next day they left."],
        );
    }

    #[test]
    fn never_splits_after_titles() {
        check(
            "Gen. Akar and Mr. Esper spoke.",
            &["Gen. Akar and Mr. Esper spoke."],
        );
        check(
            "Talks began on Sept. 11 in Ankara.",
            &["Talks began on Sept. 11 in Ankara."],
        );
    }

    #[test]
    fn never_splits_after_initials() {
        check(
            "F. Scott Fitzgerald wrote it.",
            &["F. Scott Fitzgerald wrote it."],
        );
    }

    #[test]
    fn quote_closing_after_period_stays_in_sentence() {
        check(
            "He said, “It is over.” Then he left.",
            &["He said, “It is over.”", "Then he left."],
        );
        check("\"Go.\" She went.", &["\"Go.\"", "She went."]);
    }

    #[test]
    fn sentences_inside_a_quote_split() {
        check(
            "“We have three martyrs. May they rest in peace,” he said.",
            &[
                "“We have three martyrs.",
                "May they rest in peace,” he said.",
            ],
        );
    }

    #[test]
    fn lowercase_after_quote_continues() {
        check("“Stop!” he shouted.", &["“Stop!” he shouted."]);
    }

    #[test]
    fn question_and_exclamation() {
        check("Why? Because! Fine.", &["Why?", "Because!", "Fine."]);
    }

    #[test]
    fn numbers_do_not_end_sentences() {
        check(
            "It costs 3.5 million. It rose 2%.",
            &["It costs 3.5 million.", "It rose 2%."],
        );
    }

    #[test]
    fn sentence_may_start_with_number_or_quote() {
        check("He left. 2020 was bad.", &["He left.", "2020 was bad."]);
        check(
            "He left. “Why?” she asked.",
            &["He left.", "“Why?” she asked."],
        );
    }

    #[test]
    fn headline_on_its_own_line() {
        check(
            "Three soldiers killed in Idlib\nThree Turkish soldiers were killed.",
            &[
                "Three soldiers killed in Idlib",
                "Three Turkish soldiers were killed.",
            ],
        );
    }

    #[test]
    fn dateline_on_its_own_line() {
        check(
            "ANKARA, Feb. 27 (Reuters)\nTurkey said on Thursday it would respond.",
            &[
                "ANKARA, Feb. 27 (Reuters)",
                "Turkey said on Thursday it would respond.",
            ],
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        check(
            "Turkish forces retook the\ntown of Saraqib on Thursday.",
            &["Turkish forces retook the\ntown of Saraqib on Thursday."],
        );
    }

    #[test]
    fn paragraphs_by_line_without_blank_lines() {
        assert_eq!(
            paras("One.\nTwo. Three.\nFour"),
            vec!["One.", "Two. Three.", "Four"]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines() {
        assert_eq!(
            paras("Title\n\nFirst line\nsecond line.\n\nNext para."),
            vec!["Title", "First line\nsecond line.", "Next para."]
        );
    }

    #[test]
    fn crlf_blank_lines() {
        assert_eq!(paras("A b.\r\n\r\nC d."), vec!["A b.", "C d."]);
    }

    #[test]
    fn ellipsis_before_capital_splits() {
        check(
            "He waited... Nothing came.",
            &["He waited...", "Nothing came."],
        );
        check("He waited... and waited.", &["He waited... and waited."]);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        check(
            "See fig. below for details.",
            &["See fig. below for details."],
        );
    }

    #[test]
    fn paren_after_period() {
        check(
            "It ended. (He left.) Then rain.",
            &["It ended.", "(He left.)", "Then rain."],
        );
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(sents("").is_empty());
        assert!(paras("  \n ").is_empty());
    }

    #[test]
    fn a_run_on_sentence_is_cut_into_windows_after_a_comma() {
        // 300 words with a comma after every 70th: windows end after the
        // last comma of their second half, else at the bound
        let words: Vec<String> = (0..300)
            .map(|i| {
                if i % 70 == 69 {
                    "w,".to_string()
                } else {
                    "w".to_string()
                }
            })
            .collect();
        let text = words.join(" ");
        let mut doc = Document::new(&text);
        tokenize(&mut doc);
        split(&mut doc);
        let lens: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(doc.tokens.len(), 304);
        assert!(lens.iter().all(|&n| n <= MAX_SENTENCE_TOKENS), "{lens:?}");
        assert_eq!(lens.iter().sum::<usize>(), 304);
        // the first window ends after the second comma (token 141)
        assert_eq!(doc.token_text(doc.sentences[0].tokens.end - 1), ",");
        assert_eq!(lens[0], 142);
        // no comma: cut at the bound
        let text = "a ".repeat(450);
        let mut doc = Document::new(&text);
        tokenize(&mut doc);
        split(&mut doc);
        let lens: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [200, 200, 50]);
        assert_eq!(doc.sentences[1].span.start, doc.tokens[200].span.start);
    }

    #[test]
    fn closers_are_looked_through_a_few_at_a_time() {
        check("He left.\") Then rain.", &["He left.\")", "Then rain."]);
        // a long run of closing brackets is no sentence end to look behind
        let text = format!("It ended.{} Then", ")".repeat(100));
        assert_eq!(sents(&text).len(), 1);
    }
}
