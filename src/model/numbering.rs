//! How an ordered list writes its numbers: "1.", "1)", "(a)". Every writer
//! prints item markers through [`Numbering::marker`], so a list keeps the
//! marker the document wrote instead of becoming "1.", "2.".

use serde::{Deserialize, Serialize};

/// The counter and the punctuation around it. The default, decimal with a
/// period ("1."), is left out of the serialized model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Numbering {
    #[serde(default, skip_serializing_if = "Counter::is_default")]
    pub counter: Counter,
    #[serde(default, skip_serializing_if = "Delimiter::is_default")]
    pub delimiter: Delimiter,
}

/// How an ordinal is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Counter {
    /// 1, 2, 3
    #[default]
    Decimal,
    /// a, b, ..., z, aa, ab (the spreadsheet column sequence)
    LowerAlpha,
}

/// The punctuation around the counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delimiter {
    /// "1."
    #[default]
    Period,
    /// "1)"
    Paren,
    /// "(1)"
    Parens,
}

impl Counter {
    fn is_default(&self) -> bool {
        *self == Counter::default()
    }

    /// The ordinal `n` (counting from 1) in this counter.
    pub fn format(self, n: u64) -> String {
        match self {
            Counter::Decimal => n.to_string(),
            // There is no letter for 0: it stays a digit.
            Counter::LowerAlpha if n == 0 => n.to_string(),
            Counter::LowerAlpha => {
                // Bijective base 26: 26 is "z", 27 is "aa".
                let mut letters = Vec::new();
                let mut rest = n;
                while rest > 0 {
                    rest -= 1;
                    letters.push(b'a' + (rest % 26) as u8);
                    rest /= 26;
                }
                letters.iter().rev().map(|&b| b as char).collect()
            }
        }
    }
}

impl Delimiter {
    fn is_default(&self) -> bool {
        *self == Delimiter::default()
    }
}

impl Numbering {
    pub fn new(counter: Counter, delimiter: Delimiter) -> Numbering {
        Numbering { counter, delimiter }
    }

    pub fn is_default(&self) -> bool {
        *self == Numbering::default()
    }

    /// The marker of item `n` (counting from 1): "2.", "b)", "(b)".
    pub fn marker(self, n: u64) -> String {
        let counter = self.counter.format(n);
        match self.delimiter {
            Delimiter::Period => format!("{counter}."),
            Delimiter::Paren => format!("{counter})"),
            Delimiter::Parens => format!("({counter})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_keep_counter_and_punctuation() {
        let decimal = Numbering::default();
        assert_eq!(decimal.marker(12), "12.");
        let paren = Numbering::new(Counter::Decimal, Delimiter::Paren);
        assert_eq!(paren.marker(3), "3)");
        let letters = Numbering::new(Counter::LowerAlpha, Delimiter::Parens);
        assert_eq!(letters.marker(1), "(a)");
        assert_eq!(letters.marker(2), "(b)");
        let letter_paren = Numbering::new(Counter::LowerAlpha, Delimiter::Paren);
        assert_eq!(letter_paren.marker(26), "z)");
    }

    #[test]
    fn letters_run_past_z_and_never_overflow() {
        let letters = Counter::LowerAlpha;
        assert_eq!(letters.format(27), "aa");
        assert_eq!(letters.format(52), "az");
        assert_eq!(letters.format(53), "ba");
        assert_eq!(letters.format(702), "zz");
        assert_eq!(letters.format(703), "aaa");
        assert_eq!(letters.format(0), "0");
        assert!(
            letters
                .format(u64::MAX)
                .chars()
                .all(|c| c.is_ascii_lowercase())
        );
    }

    #[test]
    fn the_default_is_left_out_of_json() {
        assert_eq!(serde_json::to_string(&Numbering::default()).unwrap(), "{}");
        let letters = Numbering::new(Counter::LowerAlpha, Delimiter::Parens);
        let json = serde_json::to_string(&letters).unwrap();
        assert_eq!(json, r#"{"counter":"lower-alpha","delimiter":"parens"}"#);
        assert_eq!(serde_json::from_str::<Numbering>(&json).unwrap(), letters);
        assert_eq!(
            serde_json::from_str::<Numbering>("{}").unwrap(),
            Numbering::default()
        );
    }
}
