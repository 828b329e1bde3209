//! What is known about a document: title, authors, dates and the rest.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::block::Block;
use super::inline::{Inline, inlines_from_text, plain_text};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<Inline>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Vec<Inline>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// BCP 47 language tag, such as `en` or `en-GB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// A DOI (`10.1234/abc` or `doi:10.1234/abc`), an ISBN (`isbn:...`), a
    /// `urn:uuid:...`, or any other identifier string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(rename = "abstract", default, skip_serializing_if = "Option::is_none")]
    pub abstract_: Option<Abstract>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// A license name or URL, such as `CC BY 4.0` or
    /// `https://creativecommons.org/licenses/by/4.0/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Where and how the document was published, for journal deposit.
    #[serde(default, skip_serializing_if = "Publication::is_empty")]
    pub publication: Publication,
    /// Anything else, kept as given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// Where and how a document was published: the facts journals and
/// repositories ask for (JATS `journal-meta` and `article-meta`, PMC
/// deposit). Every field is optional, written only when given, and never
/// guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_id: Option<String>,
    /// The kind of `journal_id` (JATS `journal-id-type`): `publisher-id`
    /// when not given, or `nlm-ta`, `pmc`, `issn`, `doi`, `coden`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_id_type: Option<String>,
    /// ISSN of the print edition, `1234-5679`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issn_print: Option<String>,
    /// ISSN of the electronic edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issn_electronic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// First and last page in the printed issue. Printed page numbers found
    /// in the text may fill them when the metadata gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fpage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lpage: Option<String>,
    /// The electronic location (article number) when there are no pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elocation_id: Option<String>,
    /// Article categories: the article's kind or section in the journal
    /// ("Research Article", "Policy Brief").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// What the date is the date of (JATS `date-type`): `pub` when not
    /// given, or `collection`, `issue-pub`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_type: Option<String>,
    /// The medium the date refers to (JATS `publication-format`):
    /// `electronic` when not given, or `print`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright_holder: Option<String>,
    /// The copyright statement as printed ("© 2025 The Authors").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright_statement: Option<String>,
}

impl Publication {
    pub fn is_empty(&self) -> bool {
        self == &Publication::default()
    }
}

impl Metadata {
    pub fn title_text(&self) -> Option<String> {
        self.title.as_deref().map(plain_text)
    }

    pub fn subtitle_text(&self) -> Option<String> {
        self.subtitle.as_deref().map(plain_text)
    }

    /// The abstract as plain text, paragraphs separated by a blank line.
    pub fn abstract_text(&self) -> Option<String> {
        self.abstract_.as_ref().map(|a| {
            a.blocks
                .iter()
                .map(Block::plain_text)
                .collect::<Vec<_>>()
                .join("\n\n")
        })
    }

    /// Every affiliation of the authors once, trimmed, in order of first
    /// mention: the list title blocks show under the names.
    pub fn distinct_affiliations(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for aff in self.authors.iter().flat_map(|a| &a.affiliations) {
            let aff = aff.trim();
            if !aff.is_empty() && !out.contains(&aff) {
                out.push(aff);
            }
        }
        out
    }

    /// The identifier with its kind, when one is set.
    pub fn identifier_kind(&self) -> Option<(IdentifierKind, &str)> {
        self.identifier
            .as_deref()
            .map(|id| (IdentifierKind::of(id), id))
    }
}

/// The abstract (summary) of a document, with the heading it had in the
/// source ("Summary", "Abstract") when it had one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abstract {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<Inline>>,
    pub blocks: Vec<Block>,
}

impl Abstract {
    /// An abstract from plain text: paragraphs are separated by blank lines.
    pub fn from_text(text: &str) -> Abstract {
        let blocks = text
            .split("\n\n")
            .map(inlines_from_text)
            .filter(|inlines| !inlines.is_empty())
            .map(|inlines| Block::paragraph(inlines, Default::default()))
            .collect();
        Abstract {
            title: None,
            blocks,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name as displayed, such as "Ivan Lidarev".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_names: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The bare ORCID iD, `0000-0002-1825-0097`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orcid: Option<String>,
    /// The author's biography (end matter such as "Dr X is a Fellow at ...").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bio: Vec<Block>,
}

/// Particles that belong to the surname ("Ludwig van Beethoven").
const SURNAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn",
    "al", "dos", "das", "ter", "ten",
];

/// Honorifics that are not part of a name.
const HONORIFICS: &[&str] = &[
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "mx",
    "sir",
    "dame",
];

impl Author {
    /// An author from a displayed name, split into given names and surname
    /// when the split is clear: "Ivan Lidarev" -> ("Ivan", "Lidarev");
    /// "Lidarev, Ivan" -> ("Ivan", "Lidarev"); "Ludwig van Beethoven" ->
    /// ("Ludwig", "van Beethoven"). A single word or a name with an
    /// organisation-like shape stays unsplit.
    pub fn from_name(name: &str) -> Author {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let (given, surname) = split_name(&name).unzip();
        Author {
            name,
            given_names: given,
            surname,
            ..Author::default()
        }
    }

    /// "Surname, Given Names" for sorting, or the name as given.
    pub fn file_as(&self) -> String {
        match (&self.surname, &self.given_names) {
            (Some(s), Some(g)) => format!("{s}, {g}"),
            _ => self.name.clone(),
        }
    }
}

fn split_name(name: &str) -> Option<(String, String)> {
    if let Some((surname, given)) = name.split_once(',') {
        let (surname, given) = (surname.trim(), given.trim());
        return (!surname.is_empty() && !given.is_empty() && !given.contains(','))
            .then(|| (given.to_string(), surname.to_string()));
    }
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 2
        && HONORIFICS.contains(&words[0].trim_end_matches('.').to_lowercase().as_str())
    {
        words.remove(0);
    }
    if words.len() < 2 || words.len() > 5 {
        return None;
    }
    let looks_personal = words
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()) && !w.contains('@'));
    if !looks_personal {
        return None;
    }
    let mut split = words.len() - 1;
    while split > 1 && SURNAME_PARTICLES.contains(&words[split - 1].to_lowercase().as_str()) {
        split -= 1;
    }
    Some((words[..split].join(" "), words[split..].join(" ")))
}

/// A calendar date as precise as the source states it: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A time after `T` or a space
    /// (`2024-01-05T10:30:00+01:00`, `2024-01-05 10:30:00 +0100`) is ignored:
    /// the date is the calendar date as written, whatever the zone.
    pub fn parse(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let s = match s.split_once(['T', ' ']) {
            Some((d, time)) if time.trim_start().starts_with(|c: char| c.is_ascii_digit()) => d,
            _ => s,
        };
        let bad = || format!("`{s}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let year_part = parts.next().ok_or_else(bad)?;
        if year_part.len() != 4 {
            return Err(bad());
        }
        let year: i32 = year_part.parse().map_err(|_| bad())?;
        let month = parts
            .next()
            .map(|m| m.parse::<u8>().ok().filter(|m| (1..=12).contains(m)))
            .map(|m| m.ok_or_else(bad))
            .transpose()?;
        let day = parts
            .next()
            .map(|d| d.parse::<u8>().ok().filter(|d| (1..=31).contains(d)))
            .map(|d| d.ok_or_else(bad))
            .transpose()?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (month, day)
            && d > days_in_month(year, m)
        {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// Seconds since 1970-01-01T00:00:00Z at the start of this date (missing
    /// month and day count as January and the 1st).
    pub fn unix_seconds(&self) -> i64 {
        let (y, m, d) = (
            self.year as i64,
            self.month.unwrap_or(1) as i64,
            self.day.unwrap_or(1) as i64,
        );
        // The proleptic Gregorian days-from-civil computation, in 400-year eras.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146097 + doe - 719468) * 86400
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Splits seconds since the Unix epoch into a UTC civil date and time:
/// (year, month, day, hour, minute, second).
pub fn civil_from_unix(secs: i64) -> (i32, u8, u8, u8, u8, u8) {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let z = days + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y as i32,
        m as u8,
        d as u8,
        (rem / 3600) as u8,
        (rem % 3600 / 60) as u8,
        (rem % 60) as u8,
    )
}

/// What kind of identifier a string is, so each writer can label it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifierKind {
    Doi,
    Isbn,
    Uuid,
    Other,
}

impl IdentifierKind {
    pub fn of(id: &str) -> IdentifierKind {
        let lower = id.trim().to_ascii_lowercase();
        if lower.starts_with("doi:")
            || lower.starts_with("10.")
            || lower.starts_with("https://doi.org/")
        {
            IdentifierKind::Doi
        } else if lower.starts_with("isbn") || lower.starts_with("urn:isbn:") {
            IdentifierKind::Isbn
        } else if lower.starts_with("urn:uuid:") {
            IdentifierKind::Uuid
        } else {
            IdentifierKind::Other
        }
    }

    /// The identifier without its scheme prefix: `doi:10.1/x` -> `10.1/x`.
    pub fn bare(id: &str) -> &str {
        let id = id.trim();
        for prefix in [
            "https://doi.org/",
            "doi:",
            "urn:isbn:",
            "isbn:",
            "ISBN:",
            "ISBN ",
            "urn:uuid:",
        ] {
            if let Some(head) = id.get(..prefix.len())
                && head.eq_ignore_ascii_case(prefix)
            {
                return id[prefix.len()..].trim();
            }
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_sensibly() {
        let a = Author::from_name("Ivan  Lidarev");
        assert_eq!(a.given_names.as_deref(), Some("Ivan"));
        assert_eq!(a.surname.as_deref(), Some("Lidarev"));
        let a = Author::from_name("Ludwig van Beethoven");
        assert_eq!(a.surname.as_deref(), Some("van Beethoven"));
        let a = Author::from_name("Lidarev, Ivan");
        assert_eq!(a.given_names.as_deref(), Some("Ivan"));
        let a = Author::from_name("Dr Ivan Lidarev");
        assert_eq!(a.given_names.as_deref(), Some("Ivan"));
        assert!(Author::from_name("UNESCO").surname.is_none());
    }

    #[test]
    fn dates_parse_and_print() {
        assert_eq!(Date::parse("2025-10-23").unwrap().to_string(), "2025-10-23");
        assert_eq!(Date::parse("2025").unwrap().to_string(), "2025");
        assert!(Date::parse("2025-02-30").is_err());
        assert!(Date::parse("25-01-01").is_err());
        assert!(Date::parse("2025-13").is_err());
        assert_eq!(
            Date::parse("2024-01-05 10:30:00 +0100")
                .unwrap()
                .to_string(),
            "2024-01-05"
        );
        assert!(Date::parse("2024-01-05 noon").is_err());
        assert_eq!(Date::parse("1970-01-02").unwrap().unix_seconds(), 86400);
        assert_eq!(civil_from_unix(86400 + 3661), (1970, 1, 2, 1, 1, 1));
        let d = Date::parse("2024-02-29").unwrap();
        let (y, m, day, ..) = civil_from_unix(d.unix_seconds());
        assert_eq!((y, m, day), (2024, 2, 29));
    }

    #[test]
    fn identifier_kinds() {
        assert_eq!(IdentifierKind::of("10.1000/xyz"), IdentifierKind::Doi);
        assert_eq!(IdentifierKind::bare("doi:10.1000/xyz"), "10.1000/xyz");
        assert_eq!(IdentifierKind::of("urn:uuid:abc"), IdentifierKind::Uuid);
        assert_eq!(IdentifierKind::of("isbn:978"), IdentifierKind::Isbn);
        assert_eq!(IdentifierKind::bare("10.\u{FFFF}"), "10.\u{FFFF}");
    }
}
