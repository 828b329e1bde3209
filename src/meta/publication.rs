//! The publication facts of a document ([`Publication`]): journal, ISSNs,
//! volume, issue, pages, categories, date type and copyright, as metadata
//! file keys and `--set` keys. Values are checked when read (an ISSN's
//! check digit, a four-digit year), so that a typo is an error rather than
//! a deposit a repository refuses.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Visitor};
use serde_json::{Value, json};

use crate::model::Publication;

/// The keys, in the order `recto meta` lists them.
pub const KEYS: &[&str] = &[
    "journal_title",
    "journal_id",
    "journal_id_type",
    "issn_print",
    "issn_electronic",
    "volume",
    "issue",
    "fpage",
    "lpage",
    "elocation_id",
    "subjects",
    "date_type",
    "publication_format",
    "copyright_year",
    "copyright_holder",
    "copyright_statement",
];

/// Other names a key is known by, as `--set` accepts them (metadata files
/// take the same aliases through serde).
pub fn canonical(key: &str) -> &str {
    match key {
        "journal" => "journal_title",
        "issn" | "ppub_issn" => "issn_print",
        "eissn" | "epub_issn" => "issn_electronic",
        "first_page" => "fpage",
        "last_page" => "lpage",
        "elocation" | "article_number" => "elocation_id",
        "subject" | "category" | "categories" => "subjects",
        other => other,
    }
}

/// Checks `value` for `key` and stores it. `subjects` takes a list
/// separated by `;` (a category may contain a comma).
pub fn set(p: &mut Publication, key: &str, value: &str) -> Result<(), String> {
    let value = value.trim();
    let text = || Some(value.split_whitespace().collect::<Vec<_>>().join(" "));
    match key {
        "journal_title" => p.journal_title = text(),
        "journal_id" => p.journal_id = text(),
        "journal_id_type" => p.journal_id_type = Some(check_journal_id_type(value)?),
        "issn_print" => p.issn_print = Some(check_issn(value)?),
        "issn_electronic" => p.issn_electronic = Some(check_issn(value)?),
        "volume" => p.volume = text(),
        "issue" => p.issue = text(),
        "fpage" => p.fpage = text(),
        "lpage" => p.lpage = text(),
        "elocation_id" => p.elocation_id = text(),
        "subjects" => {
            p.subjects = value
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        }
        "date_type" => p.date_type = Some(check_token("date_type", value)?),
        "publication_format" => p.publication_format = Some(check_format(value)?),
        "copyright_year" => p.copyright_year = Some(check_year(value)?),
        "copyright_holder" => p.copyright_holder = text(),
        "copyright_statement" => p.copyright_statement = text(),
        other => return Err(format!("`{other}` is not a publication field")),
    }
    Ok(())
}

/// Whether the field `key` has a value.
pub fn is_set(p: &Publication, key: &str) -> bool {
    value(p, key).is_some_and(|v| !v.is_null())
}

/// The value of `key` as JSON, for `recto meta`.
pub fn value(p: &Publication, key: &str) -> Option<Value> {
    Some(match key {
        "journal_title" => json!(p.journal_title),
        "journal_id" => json!(p.journal_id),
        "journal_id_type" => json!(p.journal_id_type),
        "issn_print" => json!(p.issn_print),
        "issn_electronic" => json!(p.issn_electronic),
        "volume" => json!(p.volume),
        "issue" => json!(p.issue),
        "fpage" => json!(p.fpage),
        "lpage" => json!(p.lpage),
        "elocation_id" => json!(p.elocation_id),
        "subjects" if p.subjects.is_empty() => Value::Null,
        "subjects" => json!(p.subjects),
        "date_type" => json!(p.date_type),
        "publication_format" => json!(p.publication_format),
        "copyright_year" => json!(p.copyright_year),
        "copyright_holder" => json!(p.copyright_holder),
        "copyright_statement" => json!(p.copyright_statement),
        _ => return None,
    })
}

/// An ISSN, `NNNN-NNNC`, with its ISO 3297 check digit verified.
pub fn check_issn(s: &str) -> Result<String, String> {
    let bare = s.trim().trim_start_matches("ISSN").trim();
    let chars: Vec<char> = bare.chars().filter(|c| *c != '-').collect();
    let shaped = chars.len() == 8
        && chars[..7].iter().all(char::is_ascii_digit)
        && (chars[7].is_ascii_digit() || chars[7] == 'X' || chars[7] == 'x');
    if !shaped {
        return Err(format!("`{s}` is not an ISSN: use the form 2049-3630"));
    }
    let sum: u32 = chars[..7]
        .iter()
        .zip((2..=8).rev())
        .map(|(c, w)| c.to_digit(10).expect("checked") * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    let expected = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).expect("< 10")
    };
    if chars[7].to_ascii_uppercase() != expected {
        return Err(format!(
            "ISSN `{s}` has a wrong check digit (expected {expected})"
        ));
    }
    let digits: String = chars.iter().map(|c| c.to_ascii_uppercase()).collect();
    Ok(format!("{}-{}", &digits[..4], &digits[4..]))
}

/// A four-digit year.
pub fn check_year(s: &str) -> Result<i32, String> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(|| format!("`{s}` is not a year: use four digits, e.g. 2025"))
}

/// An attribute value: letters, digits and hyphens.
fn check_token(key: &str, s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "{key} `{s}` must be one word (letters, digits, hyphens), e.g. pub or collection"
        ))
    }
}

/// The kinds of journal identifier PMC accepts (its `journal-id-type` list).
const JOURNAL_ID_TYPES: &[&str] = &[
    "archive",
    "aggregator",
    "coden",
    "doi",
    "hwp",
    "index",
    "iso-abbrev",
    "issn",
    "nlm-journal-id",
    "nlm-ta",
    "pmc",
    "pubmed-jr-id",
    "publisher-id",
    "sc",
];

fn check_journal_id_type(s: &str) -> Result<String, String> {
    if JOURNAL_ID_TYPES.contains(&s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "journal_id_type `{s}` is not one of {}",
            JOURNAL_ID_TYPES.join(", ")
        ))
    }
}

fn check_format(s: &str) -> Result<String, String> {
    match s {
        "electronic" | "print" => Ok(s.to_string()),
        _ => Err(format!(
            "publication_format `{s}` must be electronic or print"
        )),
    }
}

/// A publication field in a metadata file: text, or a number (`volume = 12`
/// in TOML), kept as text and checked when applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A metadata-file value for one key, checked when the file is read as
/// [`set`] checks it, so that a bad value is an error at its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<K: Key>(pub String, std::marker::PhantomData<K>);

/// The key a [`Checked`] value belongs to.
pub trait Key {
    const NAME: &'static str;
}

impl<'de, K: Key> Deserialize<'de> for Checked<K> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Scalar::deserialize(d)?;
        set(&mut Publication::default(), K::NAME, &raw.0).map_err(de::Error::custom)?;
        Ok(Checked(raw.0, std::marker::PhantomData))
    }
}

/// The keys whose values are checked.
pub mod keys {
    macro_rules! key {
        ($($ty:ident = $name:literal),* $(,)?) => {$(
            #[derive(Debug, Clone, PartialEq)]
            pub struct $ty;
            impl super::Key for $ty {
                const NAME: &'static str = $name;
            }
        )*};
    }
    key!(
        JournalIdType = "journal_id_type",
        IssnPrint = "issn_print",
        IssnElectronic = "issn_electronic",
        DateType = "date_type",
        PublicationFormat = "publication_format",
        CopyrightYear = "copyright_year",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issns_are_checked() {
        assert_eq!(check_issn("2049-3630").unwrap(), "2049-3630");
        assert_eq!(check_issn("2434-561x").unwrap(), "2434-561X");
        assert_eq!(check_issn("ISSN 20493630").unwrap(), "2049-3630");
        assert!(check_issn("2049-3631").unwrap_err().contains("check digit"));
        assert!(check_issn("12345").is_err());
    }

    #[test]
    fn fields_are_set_and_read_back() {
        let mut p = Publication::default();
        set(&mut p, "subjects", "Research Article; Policy, Asia").unwrap();
        assert_eq!(p.subjects, vec!["Research Article", "Policy, Asia"]);
        set(&mut p, "copyright_year", "2025").unwrap();
        assert!(set(&mut p, "copyright_year", "25").is_err());
        assert!(set(&mut p, "journal_id_type", "nlm-ta").is_ok());
        assert!(set(&mut p, "journal_id_type", "journal").is_err());
        assert!(set(&mut p, "publication_format", "paper").is_err());
        assert!(is_set(&p, "subjects") && !is_set(&p, "volume"));
        assert_eq!(value(&p, "copyright_year"), Some(json!(2025)));
        assert_eq!(canonical("eissn"), "issn_electronic");
    }
}
