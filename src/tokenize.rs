//! Tokenizer for English news text.
//!
//! Produces byte-span tokens in the style of the Penn / UD English treebanks:
//! clitics split (`Russia’s` → `Russia` `’s`, `don't` → `do` `n't`), quotes and
//! punctuation separate, currency symbols and `%` separate from their number,
//! while abbreviations (`U.S.`, `Mr.`, `Sept.`), initials (`F.`), numbers
//! (`1,000.5`, `2020-02-27`, `1990s`, `21st`), hyphenated words
//! (`pro-Turkish`, `de-confliction`), URLs, e-mail addresses, `@handles` and
//! emoji (with their modifiers) each stay one token. Any Unicode input is
//! accepted; nothing here can panic on it.

use crate::doc::{Document, Span, Token, TokenKind};

/// Abbreviations that take a period in news text. Those marked `true` are
/// titles or name parts that are virtually never the last word of a
/// sentence (`Mr.`, `Gen.`); the sentence splitter uses that.
const ABBREVIATIONS: &[(&str, bool)] = &[
    ("Mr", true),
    ("Mrs", true),
    ("Ms", true),
    ("Mx", true),
    ("Dr", true),
    ("Prof", true),
    ("Gen", true),
    ("Lt", true),
    ("Col", true),
    ("Maj", true),
    ("Capt", true),
    ("Cpt", true),
    ("Sgt", true),
    ("Cpl", true),
    ("Pvt", true),
    ("Adm", true),
    ("Cmdr", true),
    ("Brig", true),
    ("Rep", true),
    ("Reps", true),
    ("Sen", true),
    ("Sens", true),
    ("Gov", true),
    ("Govs", true),
    ("Pres", true),
    ("Rev", true),
    ("Fr", true),
    ("Hon", true),
    ("Sr", false),
    ("Jr", false),
    ("St", true),
    ("Mt", true),
    ("Ft", true),
    ("Inc", false),
    ("Corp", false),
    ("Ltd", false),
    ("Co", false),
    ("Bros", false),
    ("Plc", false),
    ("vs", true),
    ("v", true),
    ("etc", false),
    ("approx", true),
    ("est", false),
    ("Jan", true),
    ("Feb", true),
    ("Mar", true),
    ("Apr", true),
    ("Jun", true),
    ("Jul", true),
    ("Aug", true),
    ("Sep", true),
    ("Sept", true),
    ("Oct", true),
    ("Nov", true),
    ("Dec", true),
    ("Mon", true),
    ("Tue", true),
    ("Tues", true),
    ("Wed", true),
    ("Thu", true),
    ("Thur", true),
    ("Thurs", true),
    ("Fri", true),
    ("Sat", true),
    ("No", true),
    ("Nos", true),
    ("Fig", true),
    ("Figs", true),
    ("Ave", false),
    ("Blvd", false),
    ("Rd", false),
    ("Dept", false),
    ("Univ", false),
    ("Assn", false),
    ("Gov't", false),
    ("Ph", true),
    ("al", false),
];

/// Whether `word` (without its period) is a known abbreviation, and whether
/// it is one that never ends a sentence.
pub fn abbreviation(word: &str) -> Option<bool> {
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == word)
        .map(|(_, never_final)| *never_final)
}

const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Tokenize `doc.text` into `doc.tokens`.
pub fn tokenize(doc: &mut Document) {
    doc.tokens = Tokenizer::new(&doc.text).run();
}

struct Tokenizer<'a> {
    text: &'a str,
    /// `(byte offset, char)` for every char, plus a sentinel at the end.
    chars: Vec<(usize, char)>,
    tokens: Vec<Token>,
    newline_pending: bool,
}

fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x0900..=0x0903
        | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20DC | 0xFE20..=0xFE2F
        | 0x00AD)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`' | '\'' | '‚'
    )
}

fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Characters skipped like spaces: whitespace, controls, zero-width marks.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE
        | 0x2122 | 0x2139 | 0x2194..=0x21AA)
}

/// Characters that continue an emoji: variation selectors, skin tones, tags, keycap.
fn is_emoji_extender(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x20E3)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

fn is_sentence_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₽'
            | '₺'
            | '₩'
            | '¢'
            | '%'
            | '‰'
            | '&'
            | '+'
            | '='
            | '<'
            | '>'
            | '^'
            | '|'
            | '~'
            | '°'
            | '§'
            | '¶'
            | '•'
            | '*'
            | '#'
            | '@'
            | '\\'
    ) || (!c.is_ascii() && !is_word_char(c) && !is_general_punct(c))
}

fn is_general_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32, 0x2010..=0x205E | 0x3000..=0x303F | 0x00A1 | 0x00BF)
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str) -> Tokenizer<'a> {
        let mut chars: Vec<(usize, char)> = text.char_indices().collect();
        chars.push((text.len(), '\0'));
        Tokenizer {
            text,
            chars,
            tokens: Vec::new(),
            newline_pending: false,
        }
    }

    fn n(&self) -> usize {
        self.chars.len() - 1
    }

    /// The char at char index `i`, or `'\0'` past the end.
    fn c(&self, i: usize) -> char {
        if i < self.n() {
            self.chars[i].1
        } else {
            '\0'
        }
    }

    fn byte(&self, i: usize) -> usize {
        self.chars[i.min(self.n())].0
    }

    fn push(&mut self, from: usize, to: usize, kind: TokenKind) {
        let span = Span::new(self.byte(from), self.byte(to));
        if span.is_empty() {
            return;
        }
        let newline_before = std::mem::take(&mut self.newline_pending) || self.tokens.is_empty();
        if let Some(prev) = self.tokens.last_mut() {
            prev.space_after = prev.span.end < span.start;
        }
        self.tokens.push(Token {
            span,
            kind,
            space_after: false,
            newline_before,
        });
    }

    fn run(mut self) -> Vec<Token> {
        let n = self.n();
        let mut i = 0;
        while i < n {
            let c = self.c(i);
            if is_space(c) {
                if is_newline(c) {
                    self.newline_pending = true;
                }
                i += 1;
                continue;
            }
            let (end, kind) = self.next_token(i);
            debug_assert!(end > i);
            let end = end.max(i + 1);
            self.push(i, end, kind);
            i = end;
        }
        if let Some(last) = self.tokens.last_mut() {
            last.space_after = last.span.end < self.text.len();
        }
        self.tokens
    }

    /// The token starting at char `i`: its end (char index) and kind.
    fn next_token(&self, i: usize) -> (usize, TokenKind) {
        let c = self.c(i);
        if let Some(end) = self.url(i) {
            return (end, TokenKind::Url);
        }
        if let Some(end) = self.email(i) {
            return (end, TokenKind::Email);
        }
        if (c == '@' || c == '#') && self.prev_is_boundary(i) {
            let mut j = i + 1;
            while self.c(j).is_alphanumeric() || self.c(j) == '_' {
                j += 1;
            }
            let has_letter = (i + 1..j).any(|k| self.c(k).is_alphabetic() || self.c(k) == '_');
            if j > i + 1 && (c == '@' || has_letter) {
                return (j, TokenKind::Handle);
            }
        }
        if c.is_ascii_digit() {
            return self.number(i);
        }
        if is_word_char(c) {
            if let Some(end) = self.clitic(i) {
                return (end, TokenKind::Clitic);
            }
            return self.word(i);
        }
        if is_apostrophe(c) {
            if let Some(end) = self.clitic(i) {
                return (end, TokenKind::Clitic);
            }
        }
        if c == '`' && self.c(i + 1) == '`' {
            return (i + 2, TokenKind::Quote);
        }
        if c == '\'' && self.c(i + 1) == '\'' {
            return (i + 2, TokenKind::Quote);
        }
        if is_quote_char(c) {
            return (i + 1, TokenKind::Quote);
        }
        if c == '-' && self.c(i + 1) == '-' {
            let mut j = i;
            while self.c(j) == '-' {
                j += 1;
            }
            return (j, TokenKind::Punct);
        }
        if is_sentence_final(c) {
            let mut j = i + 1;
            while is_sentence_final(self.c(j)) {
                j += 1;
            }
            return (j, TokenKind::Punct);
        }
        if is_emoji(c) {
            return (self.emoji(i), TokenKind::Emoji);
        }
        if is_symbol(c) {
            return (i + 1, TokenKind::Symbol);
        }
        (i + 1, TokenKind::Punct)
    }

    fn prev_is_boundary(&self, i: usize) -> bool {
        i == 0 || !is_word_char(self.c(i - 1))
    }

    /// Char index after the last char of the whitespace-delimited chunk at `i`.
    fn chunk_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.n() && !is_space(self.c(j)) {
            j += 1;
        }
        j
    }

    /// Strip trailing punctuation that belongs to the sentence, not the chunk.
    fn trim_trailing(&self, from: usize, mut to: usize) -> usize {
        while to > from {
            let c = self.c(to - 1);
            let count = |x: char| (from..to).filter(|&k| self.c(k) == x).count();
            let strip = match c {
                ')' => count(')') > count('('),
                ']' => count(']') > count('['),
                '.' | ',' | ';' | ':' | '!' | '?' | '}' | '>' | '…' => true,
                c => is_quote_char(c),
            };
            if !strip {
                break;
            }
            to -= 1;
        }
        to
    }

    fn starts_with_ci(&self, i: usize, prefix: &str) -> bool {
        let b = self.byte(i);
        self.text
            .get(b..b + prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
    }

    fn url(&self, i: usize) -> Option<usize> {
        if !self.prev_is_boundary(i) {
            return None;
        }
        let scheme = ["https://", "http://", "www."]
            .iter()
            .find(|p| self.starts_with_ci(i, p))?;
        let end = self.trim_trailing(i, self.chunk_end(i));
        (end > i + scheme.chars().count()).then_some(end)
    }

    fn email(&self, i: usize) -> Option<usize> {
        let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
        if !self.c(i).is_ascii_alphanumeric() || !self.prev_is_boundary(i) {
            return None;
        }
        let mut j = i;
        while local(self.c(j)) {
            j += 1;
        }
        if self.c(j) != '@' || j == i {
            return None;
        }
        let at = j;
        j += 1;
        while self.c(j).is_ascii_alphanumeric() || matches!(self.c(j), '.' | '-') {
            j += 1;
        }
        // trailing dots belong to the sentence
        while j > at + 1 && self.c(j - 1) == '.' {
            j -= 1;
        }
        let domain: String = (at + 1..j).map(|k| self.c(k)).collect();
        let tld = domain.rsplit('.').next().unwrap_or("");
        let ok =
            domain.contains('.') && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
        ok.then_some(j)
    }

    /// A clitic at `i`: `'s`, `’re`, `n't`, ... followed by a non-letter; or a
    /// plural possessive apostrophe (`soldiers'`).
    fn clitic(&self, i: usize) -> Option<usize> {
        if i == 0 || !is_word_char(self.c(i - 1)) {
            return None;
        }
        let c = self.c(i);
        if (c == 'n' || c == 'N')
            && is_apostrophe(self.c(i + 1))
            && matches!(self.c(i + 2), 't' | 'T')
        {
            return (!is_word_char(self.c(i + 3))).then_some(i + 3);
        }
        if !is_apostrophe(c) {
            return None;
        }
        for cl in CLITICS {
            let len = cl.len();
            let matches = cl
                .chars()
                .enumerate()
                .all(|(k, x)| self.c(i + 1 + k).to_ascii_lowercase() == x);
            if matches && !is_word_char(self.c(i + 1 + len)) {
                return Some(i + 1 + len);
            }
        }
        // plural possessive: "soldiers' families"
        if matches!(self.c(i - 1), 's' | 'S') && !is_word_char(self.c(i + 1)) && c == '\'' {
            return Some(i + 1);
        }
        if matches!(self.c(i - 1), 's' | 'S')
            && c == '’'
            && self.c(i + 1) == ' '
            && is_word_char(self.c(i + 2))
        {
            return Some(i + 1);
        }
        None
    }

    fn number(&self, i: usize) -> (usize, TokenKind) {
        let mut j = i;
        while self.c(j).is_ascii_digit() {
            j += 1;
        }
        let first_group = j - i;
        loop {
            let sep = self.c(j);
            let digits_after = (j + 1..)
                .take_while(|&k| self.c(k).is_ascii_digit())
                .count();
            if digits_after == 0 {
                break;
            }
            let ok = match sep {
                ',' => digits_after == 3,
                '.' | ':' | '/' => true,
                // 2020-02-27, but not 2011-2015
                '-' => first_group == 4 && digits_after == 2,
                _ => false,
            };
            if !ok {
                break;
            }
            j += 1 + digits_after;
        }
        let digits_only = (i..j).all(|k| self.c(k).is_ascii_digit());
        // 21st, 2nd, 3rd, 4th
        let suffix: String = (j..j + 2).map(|k| self.c(k).to_ascii_lowercase()).collect();
        if digits_only
            && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
            && !is_word_char(self.c(j + 2))
        {
            return (j + 2, TokenKind::Number);
        }
        // 1990s
        if digits_only && j - i == 4 && self.c(j) == 's' && !is_word_char(self.c(j + 1)) {
            return (j + 1, TokenKind::Number);
        }
        // 10-year-old, 3-D: a hyphenated word
        if is_hyphen(self.c(j)) && self.c(j + 1).is_alphabetic() {
            return self.word(i);
        }
        // F-16-style codes keep digits and letters together: "G7", "4G"
        if self.c(j).is_alphabetic() && j - i <= 2 && digits_only {
            let letters = (j..).take_while(|&k| self.c(k).is_alphabetic()).count();
            if letters == 1 && self.c(j).is_uppercase() && !is_word_char(self.c(j + 1)) {
                return (j + 1, TokenKind::Word);
            }
        }
        (j, TokenKind::Number)
    }

    fn word(&self, i: usize) -> (usize, TokenKind) {
        // dotted abbreviations: U.S., U.K., e.g., a.m., Ph.D.
        if let Some(end) = self.dotted(i) {
            if is_hyphen(self.c(end)) && is_word_char(self.c(end + 1)) {
                return self.word_from(end);
            }
            return (end, TokenKind::Abbreviation);
        }
        self.word_from(i)
    }

    fn word_from(&self, i: usize) -> (usize, TokenKind) {
        let mut j = i;
        loop {
            while is_word_char(self.c(j)) {
                if self.clitic(j).is_some() && j > i {
                    return (j, TokenKind::Word);
                }
                j += 1;
            }
            let c = self.c(j);
            if is_hyphen(c) && is_word_char(self.c(j + 1)) {
                j += 1;
                continue;
            }
            if is_apostrophe(c) && self.c(j + 1).is_alphabetic() && self.clitic(j).is_none() {
                j += 1;
                continue;
            }
            break;
        }
        // Mr. Sept. Gen. and single initials F.
        if self.c(j) == '.' {
            let b0 = self.byte(i);
            let b1 = self.byte(j);
            let w = &self.text[b0..b1];
            let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            let known = abbreviation(w).is_some();
            let no_digit_follows = w == "No" || w == "Nos";
            let next_digit = (j + 1..)
                .find(|&k| !is_space(self.c(k)) || k >= self.n())
                .is_some_and(|k| self.c(k).is_ascii_digit());
            if initial || (known && (!no_digit_follows || next_digit)) {
                return (j + 1, TokenKind::Abbreviation);
            }
        }
        (j, TokenKind::Word)
    }

    /// `X.Y.` patterns of single letters (with at least two periods).
    fn dotted(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut groups = 0;
        while self.c(j).is_alphabetic() && self.c(j + 1) == '.' {
            // "Ph.D." has a two-letter group first
            groups += 1;
            j += 2;
        }
        if groups == 1 && self.c(j).is_alphabetic() && self.c(j + 1).is_alphabetic() {
            return None;
        }
        if groups == 1 && self.c(j).is_alphabetic() && self.c(j + 1) != '.' {
            // "U.S" without final period
            if !is_word_char(self.c(j + 1)) && self.c(j).is_uppercase() && self.c(i).is_uppercase()
            {
                return Some(j + 1);
            }
            return None;
        }
        (groups >= 2).then_some(j)
    }

    fn emoji(&self, i: usize) -> usize {
        let mut j = i + 1;
        if is_regional_indicator(self.c(i)) && is_regional_indicator(self.c(j)) {
            return j + 1;
        }
        loop {
            let c = self.c(j);
            if is_emoji_extender(c) {
                j += 1;
            } else if c == '\u{200D}' && is_emoji(self.c(j + 1)) {
                j += 2;
            } else {
                return j;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        tokenize(&mut doc);
        doc.tokens
            .iter()
            .map(|t| doc.slice(t.span).to_string())
            .collect()
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        let mut doc = Document::new(text);
        tokenize(&mut doc);
        doc.tokens.iter().map(|t| t.kind).collect()
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(toks(text), expected, "tokenizing {text:?}");
    }

    #[test]
    fn splits_plain_sentence() {
        check(
            "Three soldiers were killed.",
            &["Three", "soldiers", "were", "killed", "."],
        );
    }

    #[test]
    fn keeps_dotted_abbreviation_u_s() {
        check(
            "the U.S. and U.K. agreed",
            &["the", "U.S.", "and", "U.K.", "agreed"],
        );
    }

    #[test]
    fn keeps_title_abbreviations() {
        check(
            "Mr. Smith met Gen. Akar and Dr. Li",
            &["Mr.", "Smith", "met", "Gen.", "Akar", "and", "Dr.", "Li"],
        );
    }

    #[test]
    fn keeps_month_abbreviations() {
        check(
            "on Sept. 11 and Jan. 6",
            &["on", "Sept.", "11", "and", "Jan.", "6"],
        );
    }

    #[test]
    fn keeps_initials() {
        check("F. Scott Fitzgerald", &["F.", "Scott", "Fitzgerald"]);
        check("John F. Kennedy", &["John", "F.", "Kennedy"]);
    }

    #[test]
    fn keeps_lowercase_latin_abbreviations() {
        check(
            "e.g. tanks, i.e. armor",
            &["e.g.", "tanks", ",", "i.e.", "armor"],
        );
        check("at 5 p.m. today", &["at", "5", "p.m.", "today"]);
    }

    #[test]
    fn sentence_final_period_is_separate() {
        check("He left Ankara.", &["He", "left", "Ankara", "."]);
    }

    #[test]
    fn number_with_thousands_and_decimals() {
        check("1,000.5 people", &["1,000.5", "people"]);
        check("2,000 troops", &["2,000", "troops"]);
    }

    #[test]
    fn percent_is_split_from_number() {
        check("rose 3.5% today", &["rose", "3.5", "%", "today"]);
    }

    #[test]
    fn money_with_suffix_splits_symbol_number_unit() {
        check("$2bn in aid", &["$", "2", "bn", "in", "aid"]);
        check("€1.5 million", &["€", "1.5", "million"]);
    }

    #[test]
    fn ordinal_and_decade_numbers() {
        check("the 21st century", &["the", "21st", "century"]);
        check("in the 1990s", &["in", "the", "1990s"]);
    }

    #[test]
    fn iso_date_and_clock_time_are_one_token() {
        check(
            "on 2020-02-27 at 10:30",
            &["on", "2020-02-27", "at", "10:30"],
        );
    }

    #[test]
    fn comma_list_of_numbers_is_not_one_number() {
        check("3,4 and 5", &["3", ",", "4", "and", "5"]);
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        check("de-confliction deal", &["de-confliction", "deal"]);
        check("pro-Turkish rebels", &["pro-Turkish", "rebels"]);
        check("a 10-year-old boy", &["a", "10-year-old", "boy"]);
        check("Bashar al-Assad", &["Bashar", "al-Assad"]);
    }

    #[test]
    fn abbreviation_with_hyphen_compound() {
        check("U.S.-backed forces", &["U.S.-backed", "forces"]);
    }

    #[test]
    fn possessive_clitic_straight_and_curly() {
        check("Russia's role", &["Russia", "'s", "role"]);
        check("Russia’s role", &["Russia", "’s", "role"]);
    }

    #[test]
    fn negation_clitic() {
        check(
            "did not, didn't, can't",
            &["did", "not", ",", "did", "n't", ",", "ca", "n't"],
        );
        check(
            "They’re here and we’ll go",
            &["They", "’re", "here", "and", "we", "’ll", "go"],
        );
    }

    #[test]
    fn plural_possessive_apostrophe() {
        check(
            "the soldiers' families",
            &["the", "soldiers", "'", "families"],
        );
    }

    #[test]
    fn names_with_apostrophe_stay_whole() {
        check("O'Brien and D’Alema", &["O'Brien", "and", "D’Alema"]);
    }

    #[test]
    fn curly_quotes_are_separate_tokens() {
        check(
            "“We won,” he said.",
            &["“", "We", "won", ",", "”", "he", "said", "."],
        );
    }

    #[test]
    fn straight_quotes_are_separate_tokens() {
        check("\"No,\" she said", &["\"", "No", ",", "\"", "she", "said"]);
    }

    #[test]
    fn single_curly_quotes() {
        check("‘Go home’", &["‘", "Go", "home", "’"]);
    }

    #[test]
    fn dashes() {
        check("Idlib — a province", &["Idlib", "—", "a", "province"]);
        check("2011–2015", &["2011", "–", "2015"]);
        check("wait -- now", &["wait", "--", "now"]);
    }

    #[test]
    fn urls_and_emails() {
        check(
            "See https://example.com/a?b=1. Or www.bbc.co.uk, or mail news@example.org.",
            &[
                "See",
                "https://example.com/a?b=1",
                ".",
                "Or",
                "www.bbc.co.uk",
                ",",
                "or",
                "mail",
                "news@example.org",
                ".",
            ],
        );
        assert_eq!(
            kinds("https://a.org/x news@example.org"),
            vec![TokenKind::Url, TokenKind::Email]
        );
    }

    #[test]
    fn url_keeps_balanced_parenthesis() {
        check(
            "(https://en.wikipedia.org/wiki/Idlib_(city))",
            &["(", "https://en.wikipedia.org/wiki/Idlib_(city)", ")"],
        );
    }

    #[test]
    fn handles_and_hashtags() {
        check("@AFP reports #Idlib", &["@AFP", "reports", "#Idlib"]);
        assert_eq!(
            kinds("@AFP #Idlib"),
            vec![TokenKind::Handle, TokenKind::Handle]
        );
    }

    #[test]
    fn emoji_with_modifiers_is_one_token() {
        check("ok 👍🏽 now", &["ok", "👍🏽", "now"]);
        check("family 👨‍👩‍👧 here", &["family", "👨‍👩‍👧", "here"]);
        check("flag 🇹🇷!", &["flag", "🇹🇷", "!"]);
        assert_eq!(kinds("🔥"), vec![TokenKind::Emoji]);
    }

    #[test]
    fn accented_and_non_latin_words() {
        check(
            "Erdoğan met Müller in Zürich",
            &["Erdoğan", "met", "Müller", "in", "Zürich"],
        );
        check("الأسد في دمشق", &["الأسد", "في", "دمشق"]);
    }

    #[test]
    fn combining_marks_stay_in_word() {
        check("Cafe\u{301} noir", &["Cafe\u{301}", "noir"]);
    }

    #[test]
    fn ellipsis_and_repeated_punctuation() {
        check("Wait... What?!", &["Wait", "...", "What", "?!"]);
        check("so…", &["so", "…"]);
    }

    #[test]
    fn brackets_and_symbols() {
        check("(SAA) & HTS", &["(", "SAA", ")", "&", "HTS"]);
    }

    #[test]
    fn no_period_not_abbreviation_without_number() {
        check("He said No.", &["He", "said", "No", "."]);
        check("No. 10 Downing", &["No.", "10", "Downing"]);
    }

    #[test]
    fn unknown_word_period_is_split() {
        check("the Gov.", &["the", "Gov."]);
        check("the end.", &["the", "end", "."]);
    }

    #[test]
    fn newline_flags_tokens() {
        let mut doc = Document::new("Headline here\nBody text.");
        tokenize(&mut doc);
        let nl: Vec<bool> = doc.tokens.iter().map(|t| t.newline_before).collect();
        assert_eq!(nl, vec![true, false, true, false, false]);
    }

    #[test]
    fn space_after_flags() {
        let mut doc = Document::new("Hi, you.");
        tokenize(&mut doc);
        let sp: Vec<bool> = doc.tokens.iter().map(|t| t.space_after).collect();
        assert_eq!(sp, vec![false, true, false, false]);
    }

    #[test]
    fn zero_width_and_control_chars_are_skipped() {
        check("a\u{200B}b\u{0007}c", &["a", "b", "c"]);
        check("\u{FEFF}Hello", &["Hello"]);
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert!(toks("").is_empty());
        assert!(toks(" \n\t ").is_empty());
    }

    #[test]
    fn spans_cover_exact_text_for_arbitrary_unicode() {
        let text = "x\u{0}y 👩🏾‍🚀 \u{10FFFF} é\u{301}\u{301} 'tis ’’ '' `` -- … @ # $ 1,2 1.";
        let mut doc = Document::new(text);
        tokenize(&mut doc);
        let mut last = 0;
        for t in &doc.tokens {
            assert!(t.span.start >= last && t.span.end > t.span.start);
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last = t.span.end;
        }
    }
}
