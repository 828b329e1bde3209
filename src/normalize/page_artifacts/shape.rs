//! The shape of a line as page furniture sees it: what is left when the page
//! counter, dates and times, and a running head's changing title are taken
//! out, so that "Page 2 of 7" and "Page 3 of 7", or "1 JSON MESSAGES 2" and
//! "2 EXAMPLE COMMUNICATION 6", read as the same line printed on two pages.
//!
//! Only the counter is abstracted from the numbers of a line: "1.2" on one
//! page and "1.4" on the next stay different, so section numbers that happen
//! to open two pages never look like furniture.

/// A page number found on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counter {
    pub value: u32,
    /// Written in roman numerals ("xii").
    pub roman: bool,
    /// As printed ("12", "xii"): the page's label.
    pub printed: String,
}

impl Counter {
    /// A counter printed in arabic numerals.
    fn arabic(value: u32) -> Counter {
        Counter {
            value,
            roman: false,
            printed: value.to_string(),
        }
    }
}

/// How the counter stands on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The line is the number alone: "12", "xii", "(12)".
    Bare,
    /// A label that says it is a page number: "Page 3", "Page 3 of 9",
    /// "[Page 6]" at the end of a line, "— 3 —", "- 3 -", "1/3", "3 of 9".
    Label,
    /// A number at the start or end of a line of text: "Build cache 2",
    /// "1 JSON MESSAGES 2", "READING:6".
    InText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Lower case, whitespace collapsed, dates and times as `<date>` and
    /// `<time>`, a title in capitals (with its section number) as `caps`,
    /// and the counter, if any, as `#`.
    pub key: String,
    /// The same with the counter's digits left in: the key of a line whose
    /// number does not count the pages ("RFC 9005 Profiles March 2026").
    pub literal: String,
    /// The key as facing pages share it: a head that prints its number on
    /// the outer side of the page, left on even pages and right on odd ones
    /// ("38 gnuplot 5.4", "gnuplot 5.4 39"), or after the section number
    /// only on one side, is one running head. The counter goes last, a
    /// leading section mark goes.
    pub facing: String,
    pub counter: Option<(Counter, Form)>,
}

impl Shape {
    /// The line has a date or a time in it (a browser's printed header).
    pub fn has_date(&self) -> bool {
        self.literal.contains("<date>") || self.literal.contains("<time>")
    }

    /// The line is a web address alone, as a browser prints the page's
    /// at its foot.
    pub fn is_address(&self) -> bool {
        ["http://", "https://", "file://"]
            .iter()
            .any(|scheme| self.literal.starts_with(scheme))
            && !self.literal.contains(' ')
    }

    /// The line is a running head set in capitals.
    pub fn is_caps_head(&self) -> bool {
        self.key.contains("caps") || self.literal.contains("caps")
    }

    /// The line is a running head that names its chapter by label and
    /// title ("Chapter 5: R Add-On Packages 22").
    pub fn is_labelled_head(&self) -> bool {
        self.key == LABELLED_HEAD
    }

    /// The counter stands before the words of the line ("38 gnuplot 5.4").
    pub fn counter_first(&self) -> bool {
        matches!(self.counter, Some((_, Form::InText)))
            && self.key.split(' ').next().is_some_and(|w| w.contains('#'))
    }

    /// Letters in the literal key, the abstractions aside.
    pub fn letters(&self) -> usize {
        let alphabetic = |text: &str| text.chars().filter(|c| c.is_alphabetic()).count();
        // Asked for every line, often several times: most lines hold no
        // abstraction, and need no copy.
        if !self.literal.contains('<') {
            return alphabetic(&self.literal);
        }
        alphabetic(&self.literal.replace("<date>", "").replace("<time>", ""))
    }
}

/// Longest number (in digits) read as a page number.
const MAX_COUNTER_DIGITS: usize = 4;

/// Lines with more words than this are text, never furniture: a running
/// head or footer is a title, a name, a date and a number.
pub const MAX_FURNITURE_WORDS: usize = 14;

/// The shape of a trimmed, non-blank line; `None` for a line too long to be
/// furniture.
pub fn shape(text: &str) -> Option<Shape> {
    // Counted before each word is read for a date: most lines of a body are
    // longer than furniture, and need not be read to their end.
    let raw: Vec<&str> = text
        .split_whitespace()
        .take(MAX_FURNITURE_WORDS + 1)
        .collect();
    if raw.is_empty() || raw.len() > MAX_FURNITURE_WORDS {
        return None;
    }
    let words: Vec<String> = raw.into_iter().map(abstract_date).collect();
    let (counter, key_words) = match find_counter(&words) {
        // A number before or after a line with no words is not a running
        // head's: "19   }" is a numbered line of a code listing.
        Some((_, Form::InText, key_words)) if !has_words(&key_words) => (None, words.clone()),
        Some((counter, form, key_words)) => (Some((counter, form)), key_words),
        None => (None, words.clone()),
    };
    let key = match counter {
        Some((_, Form::InText)) => caps_head(&key_words).or_else(|| labelled_head(&key_words)),
        _ => caps_head(&key_words),
    }
    .unwrap_or_else(|| join_lower(&key_words));
    let facing = match counter {
        Some((_, Form::InText)) => facing_key(&key),
        _ => key.clone(),
    };
    let framed = with_frame_counter(&words);
    let literal_words = framed.as_deref().unwrap_or(&words);
    Some(Shape {
        key,
        literal: caps_head(literal_words).unwrap_or_else(|| join_lower(literal_words)),
        facing,
        counter,
    })
}

/// A slide's footline ends on its frame and the frame count ("... 2015/12/23
/// 3 17", beamer's "3 / 17" with the slash lost): the frame counts the
/// frames, not the pages (overlays repeat it), so the line recurs with the
/// frame as `#` and the count kept. `None` for any other line.
fn with_frame_counter(words: &[String]) -> Option<Vec<String>> {
    let n = words.len();
    let (Some(frame), Some(count)) = (arabic(words.get(n.checked_sub(2)?)?), arabic(&words[n - 1]))
    else {
        return None;
    };
    if !(n >= 3 && has_words(&words[..n - 2]) && (1..=count).contains(&frame)) {
        return None;
    }
    let mut out = words.to_vec();
    out[n - 2] = "#".to_string();
    Some(out)
}

/// "# gnuplot 5.4" -> "gnuplot 5.4 #", "§ caps #" -> "caps #", "smm:08-#
/// sendmail guide" -> "sendmail guide smm:08-#".
fn facing_key(key: &str) -> String {
    let mut words: Vec<&str> = key.split(' ').collect();
    if words.len() > 1 && words[0] == "§" {
        words.remove(0);
    }
    if words.len() > 1 && words[0].contains('#') {
        let counter = words.remove(0);
        words.push(counter);
    }
    words.join(" ")
}

/// Two letters at least outside the counter's place.
fn has_words(words: &[String]) -> bool {
    words
        .iter()
        .filter(|w| *w != "#")
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .count()
        >= 2
}

fn join_lower(words: &[String]) -> String {
    words.join(" ").to_lowercase()
}

/// "3/2/26," -> "<date>,", "10:15" -> "<time>", "2026-03-02" -> "<date>".
fn abstract_date(word: &str) -> String {
    let core = word.trim_end_matches([',', ';', '.']);
    // Both forms start with a digit; most words do not, and are not taken
    // apart.
    if !core.starts_with(|c: char| c.is_ascii_digit()) {
        return word.to_string();
    }
    let rest = &word[core.len()..];
    let parts: Vec<&str> = core.split(['/', '-', '.']).collect();
    // A day, a month and a year: no part is zero, and one part (the
    // year, or a day or month written with two digits) has two digits or
    // more ("12/7/26", "2026-12-07"); "10.00.0" numbers a release and
    // "2.9.2" a section.
    let date = parts.len() == 3
        && parts
            .iter()
            .all(|p| number_part(p) && p.bytes().any(|b| b != b'0'))
        && parts.iter().any(|p| p.len() >= 2);
    if date {
        return format!("<date>{rest}");
    }
    let clock: Vec<&str> = core.split(':').collect();
    if (2..=3).contains(&clock.len())
        && clock.iter().all(|p| number_part(p) && p.len() <= 2)
        && clock[1..].iter().all(|p| p.len() == 2)
    {
        return format!("<time>{rest}");
    }
    word.to_string()
}

/// A part of a date or of a release's number: one to four digits.
fn number_part(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A release's number of three parts or more ("10.00.0", "1.15.0"), as
/// a manual page's foot prints it. Only the same number on page after page
/// recurs: a section's number ("2.9.2") is printed once.
pub fn is_release_number(t: &str) -> bool {
    let mut parts = t.split('.');
    parts.clone().count() >= 3 && parts.all(number_part)
}

fn arabic(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= MAX_COUNTER_DIGITS && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|&n| n > 0)
}

/// A roman numeral as page numbers are printed: lower case ("xii"), or upper
/// case of two letters or more ("XII"; a lone "I" or "C" is a word or a
/// name). Only the letters of front-matter numbering, up to 399.
fn roman(s: &str) -> Option<u32> {
    let lower = s.chars().all(|c| "ivxlc".contains(c));
    let upper = s.chars().all(|c| "IVXLC".contains(c)) && s.len() >= 2;
    if s.is_empty() || s.len() > 12 || !(lower || upper) {
        return None;
    }
    let value = |c: char| match c.to_ascii_lowercase() {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        _ => 100,
    };
    let chars: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0;
    for (k, &v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    // Only the canonical spelling: "iiii" or "ic" are not numerals.
    (to_roman(total) == s.to_ascii_lowercase()).then_some(total)
}

/// `n` in lower-case roman numerals.
pub fn to_roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in DIGITS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn number(s: &str) -> Option<Counter> {
    if let Some(value) = arabic(s) {
        return Some(Counter::arabic(value));
    }
    roman(s).map(|value| Counter {
        value,
        roman: true,
        printed: s.to_string(),
    })
}

/// "3/9" -> 3, when the first number is not above the second.
fn slash_counter(s: &str) -> Option<Counter> {
    let (a, b) = s.split_once('/')?;
    let (n, total) = (arabic(a)?, arabic(b)?);
    (n <= total).then(|| Counter::arabic(n))
}

/// "59 / 233", "59/ 233", "59 /233" as the line's last words: the page's
/// counter, how many words it takes, and the count of pages.
fn spaced_slash_counter(words: &[String]) -> Option<(Counter, usize, u32)> {
    let n = words.len();
    let pair = |page: &str, total: &str| {
        let (c, total) = (number(page)?, arabic(total)?);
        (c.value <= total).then_some((c, total))
    };
    if n >= 3
        && words[n - 2] == "/"
        && let Some((c, total)) = pair(&words[n - 3], &words[n - 1])
    {
        return Some((c, 3, total));
    }
    if n >= 2 {
        let (a, b) = (&words[n - 2], &words[n - 1]);
        let split = a
            .strip_suffix('/')
            .map(|page| (page, b.as_str()))
            .or_else(|| b.strip_prefix('/').map(|total| (a.as_str(), total)));
        if let Some((page, total)) = split
            && let Some((c, total)) = pair(page, total)
        {
            return Some((c, 2, total));
        }
    }
    None
}

/// The line's page counter, its form, and the words with the counter as `#`.
fn find_counter(words: &[String]) -> Option<(Counter, Form, Vec<String>)> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let with = |at: usize, len: usize, hole: &str| -> Vec<String> {
        let mut out = words[..at].to_vec();
        out.push(hole.to_string());
        out.extend_from_slice(&words[at + len..]);
        out
    };
    let n = words.len();
    // The number alone, or in brackets of its own: "12", "xii", "(12)".
    if n == 1 {
        let w = &words[0];
        if let Some(c) = number(w) {
            return Some((c, Form::Bare, vec!["#".into()]));
        }
        if let Some(c) = slash_counter(w) {
            let total = &w[w.find('/').unwrap_or(0)..];
            return Some((c, Form::Label, vec![format!("#{total}")]));
        }
        for (open, close) in [('(', ')'), ('[', ']')] {
            if let Some(inner) = w.strip_prefix(open).and_then(|r| r.strip_suffix(close))
                && let Some(c) = number(inner)
            {
                return Some((c, Form::Bare, vec![format!("{open}#{close}")]));
            }
        }
        // "—3—", "-3-".
        let dash = |c: char| matches!(c, '-' | '–' | '—');
        if w.starts_with(dash) && w.ends_with(dash) {
            let inner = w.trim_matches(dash);
            if let Some(c) = number(inner) {
                let (open, close) = (w.chars().next()?, w.chars().next_back()?);
                return Some((c, Form::Label, vec![format!("{open}#{close}")]));
            }
        }
        return None;
    }
    // "— 3 —", "- 3 -".
    if n == 3 {
        let dash = |s: &str| matches!(s, "-" | "–" | "—");
        if dash(&words[0])
            && dash(&words[2])
            && let Some(c) = number(&words[1])
        {
            return Some((c, Form::Label, with(1, 1, "#")));
        }
    }
    // "Page 3", "Page 3 of 9", "3 of 9".
    if lower[0] == "page"
        && let Some(c) = number(&words[1])
        && (n == 2 || (n == 4 && lower[2] == "of" && arabic(&words[3]).is_some()))
    {
        return Some((c, Form::Label, with(1, 1, "#")));
    }
    if n == 3
        && lower[1] == "of"
        && let (Some(c), Some(total)) = (number(&words[0]), arabic(&words[2]))
        && c.value <= total
    {
        return Some((c, Form::Label, with(0, 1, "#")));
    }
    // "... [Page 6]".
    if n >= 2
        && lower[n - 2] == "[page"
        && let Some(inner) = words[n - 1].strip_suffix(']')
        && let Some(c) = number(inner)
    {
        return Some((c, Form::Label, with(n - 2, 2, "[page #]")));
    }
    // "59 / 233", "Debian Reference 59 / 233": the page and the count of
    // pages with a spaced slash, as dblatex prints them in its head
    // (ghostscript writes "59/ 233").
    if let Some((c, len, total)) = spaced_slash_counter(words) {
        return Some((c, Form::Label, with(n - len, len, &format!("# / {total}"))));
    }
    // "... 1/3" (a browser's footer).
    if let Some(c) = slash_counter(&words[n - 1]) {
        let w = &words[n - 1];
        let total = &w[w.find('/').unwrap_or(0)..];
        return Some((c, Form::Label, with(n - 1, 1, &format!("#{total}"))));
    }
    // A number at the end, or at the start, of a line of text.
    if let Some(c) = arabic(&words[n - 1]).map(Counter::arabic) {
        return Some((c, Form::InText, with(n - 1, 1, "#")));
    }
    // A number glued to the last word: "READING:6", "policy2", "SMM:08-9".
    if let Some((c, glued)) = glued_counter(&words[n - 1]) {
        let mut out = words[..n - 1].to_vec();
        out.push(glued);
        return Some((c, Form::InText, out));
    }
    if let Some(c) = arabic(&words[0]).map(Counter::arabic) {
        return Some((c, Form::InText, with(0, 1, "#")));
    }
    // A manual's page label on the inner side of a facing page ("SMM:08-8
    // Sendmail Installation and Operation Guide"), or a journal's article
    // number and page ("111:4 Trovato et al."): glued to a stem with a
    // letter or after a colon, so "1.2" or "2-3" is never one.
    if let Some((c, glued)) = glued_counter(&words[0]).filter(|(_, g)| g.contains([':', '-']))
        && (words[0].chars().any(char::is_alphabetic) || glued.ends_with(":#"))
    {
        let mut out = vec![glued];
        out.extend_from_slice(&words[1..]);
        return Some((c, Form::InText, out));
    }
    None
}

/// The number at the end of a word, after a letter, a colon, or a hyphen
/// that follows a stem with a letter in it; and the word with `#` for it.
fn glued_counter(word: &str) -> Option<(Counter, String)> {
    let stem = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &word[stem.len()..];
    let before = stem.chars().next_back()?;
    let glued = before.is_alphabetic()
        || before == ':'
        || (before == '-' && stem.chars().any(char::is_alphabetic));
    if digits.is_empty() || !glued {
        return None;
    }
    Some((Counter::arabic(arabic(digits)?), format!("{stem}#")))
}

/// A running head set in capitals, as LaTeX's `headings` style prints the
/// current section's title ("1 JSON MESSAGES", "REFERENCE-LEVEL EXPLANATION
/// #"): the title changes from section to section, so the key keeps only
/// that it is one (`caps`, after `§` for its section number, and `#` where
/// the counter stood).
fn caps_head(words: &[String]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    let mut title_letters = 0;
    let mut in_title = false;
    for (k, w) in words.iter().enumerate() {
        let section_number = !w.is_empty()
            && w.chars().all(|c| c.is_ascii_digit() || c == '.')
            && w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if w == "#" || (k == words.len() - 1 && w.ends_with('#') && w.len() > 1) {
            if in_title && w != "#" {
                // "READING:#": the glued counter ends the title.
                let stem = w.trim_end_matches('#');
                if !caps_word(stem) {
                    return None;
                }
                title_letters += stem.chars().filter(|c| c.is_alphabetic()).count();
            }
            out.push("#");
            in_title = false;
        } else if section_number && !in_title && k == 0 {
            out.push("§");
        } else if caps_word(w) {
            title_letters += w.chars().filter(|c| c.is_alphabetic()).count();
            if !in_title {
                out.push("caps");
                in_title = true;
            }
        } else {
            return None;
        }
    }
    (title_letters >= 3 && out.contains(&"caps")).then(|| out.join(" "))
}

/// The key of every [`labelled_head`].
const LABELLED_HEAD: &str = "label § title #";

/// Words that label a chapter in a running head.
const HEAD_LABELS: [&str; 2] = ["chapter", "appendix"];

/// A running head that names the chapter by its label, number and title,
/// with the page number after it, as texinfo prints on every page
/// ("Chapter 5: R Add-On Packages 22", "Appendix A: Essential programs
/// 42"): the number and title change from chapter to chapter, so the key
/// keeps only that it is one, and the heads of all chapters make one
/// chain of pages. The label's number needs its colon or full stop, as
/// heads print it and a sentence seldom does ("Chapter 5 explains 22").
fn labelled_head(words: &[String]) -> Option<String> {
    let [label, number, title @ .., counter] = words else {
        return None;
    };
    let number = number.strip_suffix([':', '.'])?;
    let numbered = arabic(number).is_some()
        || roman(number).is_some()
        || (number.len() == 1 && number.chars().all(|c| c.is_ascii_uppercase()));
    let titled = title
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    (counter == "#" && HEAD_LABELS.contains(&label.to_lowercase().as_str()) && numbered && titled)
        .then(|| LABELLED_HEAD.to_string())
}

/// A word of a title in capitals: upper-case letters and the punctuation of
/// titles, at least one letter, no lower case.
fn caps_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || "-–:,.'’&/()?!".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(t: &str) -> String {
        shape(t).unwrap().key
    }

    fn counter(t: &str) -> Option<(u32, Form)> {
        shape(t).unwrap().counter.map(|(c, form)| (c.value, form))
    }

    #[test]
    fn counters_and_their_forms() {
        assert_eq!(counter("12"), Some((12, Form::Bare)));
        assert_eq!(counter("xii"), Some((12, Form::Bare)));
        assert_eq!(counter("XIV"), Some((14, Form::Bare)));
        assert_eq!(counter("I"), None, "a lone capital I is a word");
        assert_eq!(counter("iiii"), None);
        assert_eq!(counter("Page 2 of 7"), Some((2, Form::Label)));
        assert_eq!(counter("page 3"), Some((3, Form::Label)));
        assert_eq!(counter("2 of 7"), Some((2, Form::Label)));
        assert_eq!(counter("1/3"), Some((1, Form::Label)));
        assert_eq!(counter("4/3"), None);
        // dblatex's head, as pdftotext and ghostscript write it.
        assert_eq!(counter("59 / 233"), Some((59, Form::Label)));
        assert_eq!(
            counter("Debian Reference   59 / 233"),
            Some((59, Form::Label))
        );
        assert_eq!(counter("Debian Reference 59/ 233"), Some((59, Form::Label)));
        assert_eq!(counter("Debian Reference 59 /233"), Some((59, Form::Label)));
        assert_eq!(
            key("Debian Reference 59 / 233"),
            key("Debian Reference 60/ 233")
        );
        assert_ne!(counter("a ratio of 5 / 3"), Some((5, Form::Label)));
        assert_eq!(counter("— 3 —"), Some((3, Form::Label)));
        assert_eq!(counter("—3—"), Some((3, Form::Label)));
        assert_eq!(counter("- 4 -"), Some((4, Form::Label)));
        assert_eq!(
            counter("Klensin   Standards Track   [Page 6]"),
            Some((6, Form::Label))
        );
        assert_eq!(
            counter("http://docs.example.org/a.html 2/3"),
            Some((2, Form::Label))
        );
        assert_eq!(counter("Build cache 2"), Some((2, Form::InText)));
        assert_eq!(counter("1 JSON MESSAGES 2"), Some((2, Form::InText)));
        assert_eq!(counter("FOR READING:6"), Some((6, Form::InText)));
        assert_eq!(counter("(3)"), Some((3, Form::Bare)));
        assert_eq!(
            counter("19                }"),
            None,
            "a listing's line number"
        );
        assert_eq!(counter("1.2"), None, "a section number is not a counter");
        assert_eq!(counter("0"), None);
        assert_eq!(
            counter("SMM:08-8   Sendmail Installation and Operation Guide"),
            Some((8, Form::InText))
        );
        assert_eq!(
            counter("Sendmail Installation and Operation Guide   SMM:08-9"),
            Some((9, Form::InText))
        );
        assert_eq!(counter("2-3 pages apart"), None, "a range is no label");
        assert_eq!(
            counter("111:4   Trovato et al."),
            Some((4, Form::InText)),
            "a journal's article number and page"
        );
    }

    #[test]
    fn facing_heads_share_their_key() {
        let facing = |t: &str| shape(t).unwrap().facing;
        assert_eq!(facing("38 gnuplot 5.4"), facing("gnuplot 5.4 39"));
        assert_eq!(
            facing("SMM:08-8 Sendmail Installation and Operation Guide"),
            facing("Sendmail Installation and Operation Guide SMM:08-9")
        );
        assert_eq!(
            facing("12 CHAPTER2. TUTORIAL: A SIMPLE ANALYSIS"),
            facing("2.2. THOROUGH VERSION 13")
        );
        assert_ne!(facing("38 gnuplot 5.4"), facing("38 gnuplot 5.5"));
        assert!(shape("38 gnuplot 5.4").unwrap().counter_first());
        assert!(!shape("gnuplot 5.4 39").unwrap().counter_first());
    }

    #[test]
    fn keys_abstract_counters_dates_and_capital_heads() {
        assert_eq!(key("Page 2 of 7"), key("Page 3 of 7"));
        assert_eq!(key("3/2/26, 10:15 AM"), "<date>, <time> am");
        assert_eq!(key("1/3"), key("2/3"));
        assert_eq!(key("1 JSON MESSAGES 2"), "§ caps #");
        assert_eq!(
            key("2 EXAMPLE COMMUNICATION TO REQUEST A TOKEN FOR READING:6"),
            "§ caps #"
        );
        assert_eq!(key("JSON MESSAGES"), "caps");
        assert_eq!(
            key("Cargo Team  Informational  [Page 4]"),
            "cargo team informational [page #]"
        );
        assert_eq!(
            shape("RFC 9005  Profiles  March 2026").unwrap().literal,
            "rfc 9005 profiles march 2026"
        );
        assert_ne!(key("1.2"), key("1.4"));
        assert_eq!(
            key("Chapter 5: R Add-On Packages 22"),
            key("Appendix A: Essential and useful other programs 42")
        );
        assert!(shape("Chapter 2: Objects 9").unwrap().is_labelled_head());
        assert!(!shape("Chapter 5 explains 22").unwrap().is_labelled_head());
        assert!(
            !shape("22 Chapter 5: R Add-On Packages")
                .unwrap()
                .is_labelled_head()
        );
        assert_eq!(key("MAX_SIZE = 10"), "max_size = #");
    }

    #[test]
    fn roman_numerals_round_trip() {
        for n in 1..=399 {
            assert_eq!(roman(&to_roman(n)), Some(n));
        }
    }
}
