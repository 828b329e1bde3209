//! Metadata files (`<stem>.meta.toml`, `.meta.yaml`, `.meta.json`, or
//! `--meta FILE`) and Markdown front matter: parsed strictly, so that a typo
//! is an error naming the file, the line and the key rather than a field
//! silently ignored.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

use super::publication::{Checked, Scalar, keys};
use crate::error::{Error, Result};
use crate::model::{Abstract, Author, Date, inlines_from_text};

/// The syntaxes a metadata file can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Yaml,
    Json,
}

impl Syntax {
    pub fn from_path(path: &Path) -> Option<Syntax> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Syntax::Toml),
            "yaml" | "yml" => Some(Syntax::Yaml),
            "json" => Some(Syntax::Json),
            _ => None,
        }
    }
}

/// What a metadata file states. Every field is optional; unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    #[serde(default, alias = "author")]
    pub authors: Option<AuthorList>,
    pub date: Option<DateField>,
    #[serde(alias = "lang")]
    pub language: Option<Language>,
    #[serde(alias = "id", alias = "doi", alias = "isbn")]
    pub identifier: Option<String>,
    pub publisher: Option<String>,
    pub series: Option<String>,
    #[serde(rename = "abstract", alias = "summary")]
    pub abstract_: Option<String>,
    pub keywords: Option<Vec<String>>,
    #[serde(alias = "rights")]
    pub license: Option<String>,
    // Publication facts (see `meta::publication`), checked when read.
    #[serde(alias = "journal")]
    pub journal_title: Option<Scalar>,
    pub journal_id: Option<Scalar>,
    pub journal_id_type: Option<Checked<keys::JournalIdType>>,
    #[serde(alias = "issn", alias = "ppub_issn")]
    pub issn_print: Option<Checked<keys::IssnPrint>>,
    #[serde(alias = "eissn", alias = "epub_issn")]
    pub issn_electronic: Option<Checked<keys::IssnElectronic>>,
    pub volume: Option<Scalar>,
    pub issue: Option<Scalar>,
    #[serde(alias = "first_page")]
    pub fpage: Option<Scalar>,
    #[serde(alias = "last_page")]
    pub lpage: Option<Scalar>,
    #[serde(alias = "elocation", alias = "article_number")]
    pub elocation_id: Option<Scalar>,
    #[serde(alias = "subject", alias = "category", alias = "categories")]
    pub subjects: Option<StringOrList>,
    pub date_type: Option<Checked<keys::DateType>>,
    pub publication_format: Option<Checked<keys::PublicationFormat>>,
    pub copyright_year: Option<Checked<keys::CopyrightYear>>,
    pub copyright_holder: Option<Scalar>,
    pub copyright_statement: Option<Scalar>,
    /// Link text to URL: turns link text whose URL was lost into real links.
    pub links: Option<BTreeMap<String, String>>,
    /// Free-form fields, kept as given.
    pub extra: Option<BTreeMap<String, String>>,
    /// Ids of repairs an editor rejected on the review page (as
    /// `--reject FILE` gives them): the conversion leaves them undone.
    pub reject: Option<StringOrList>,
}

/// One author in a metadata file: a plain name, or a table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorEntry {
    pub name: Option<String>,
    #[serde(alias = "given-names", alias = "given")]
    pub given_names: Option<String>,
    #[serde(alias = "family", alias = "family-name")]
    pub surname: Option<String>,
    #[serde(default, alias = "affiliation")]
    pub affiliations: Option<StringOrList>,
    pub email: Option<String>,
    pub orcid: Option<Orcid>,
    pub bio: Option<String>,
}

impl AuthorEntry {
    fn named(name: &str) -> AuthorEntry {
        AuthorEntry {
            name: Some(name.to_string()),
            ..AuthorEntry::default()
        }
    }

    /// A table entry; its unknown keys are errors with their position.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> std::result::Result<AuthorEntry, A::Error> {
        AuthorEntry::deserialize(de::value::MapAccessDeserializer::new(map))
    }

    pub fn into_author(self) -> std::result::Result<Author, String> {
        let name = match (&self.name, &self.given_names, &self.surname) {
            (Some(n), _, _) => n.clone(),
            (None, Some(g), Some(s)) => format!("{g} {s}"),
            (None, None, Some(s)) => s.clone(),
            _ => return Err("an author needs a `name` (or `given_names` and `surname`)".into()),
        };
        let mut author = Author::from_name(&name);
        if self.given_names.is_some() || self.surname.is_some() {
            author.given_names = self.given_names;
            author.surname = self.surname;
        }
        author.affiliations = self.affiliations.map(|a| a.0).unwrap_or_default();
        author.email = self.email;
        author.orcid = self.orcid.map(|o| o.0);
        if let Some(bio) = self.bio {
            author.bio = Abstract::from_text(&bio).blocks;
        }
        Ok(author)
    }
}

/// A list of authors: `author = "A B"`, `authors = ["A B", {name = ...}]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuthorList(pub Vec<AuthorEntry>);

impl<'de> Deserialize<'de> for AuthorList {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AuthorList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an author name, an author table, or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<AuthorList, E> {
                Ok(AuthorList(vec![AuthorEntry::named(v)]))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<AuthorList, A::Error> {
                Ok(AuthorList(vec![AuthorEntry::from_map(map)?]))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<AuthorList, A::Error> {
                let mut out = Vec::new();
                while let Some(one) = seq.next_element::<OneAuthor>()? {
                    out.push(one.0);
                }
                Ok(AuthorList(out))
            }
        }
        d.deserialize_any(V)
    }
}

struct OneAuthor(AuthorEntry);

impl<'de> Deserialize<'de> for OneAuthor {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneAuthor;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an author name or an author table")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<OneAuthor, E> {
                Ok(OneAuthor(AuthorEntry::named(v)))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<OneAuthor, A::Error> {
                AuthorEntry::from_map(map).map(OneAuthor)
            }
        }
        d.deserialize_any(V)
    }
}

/// A string or a list of strings (`affiliation = "X"` or `affiliations = ["X", "Y"]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StringOrList(pub Vec<String>);

impl<'de> Deserialize<'de> for StringOrList {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StringOrList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<StringOrList, E> {
                Ok(StringOrList(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<StringOrList, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(StringOrList(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A date field, checked when read. TOML's own date type is accepted too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateField(pub Date);

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DateField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date as YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<DateField, E> {
                Date::parse(v).map(DateField).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<DateField, E> {
                Date::parse(&v.to_string())
                    .map(DateField)
                    .map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<DateField, E> {
                self.visit_i64(v as i64)
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<DateField, A::Error> {
                // TOML dates arrive as a one-entry map holding their text.
                let mut text = None;
                while let Some((_, v)) = map.next_entry::<String, String>()? {
                    text = Some(v);
                }
                let text = text.ok_or_else(|| de::Error::custom("empty date"))?;
                Date::parse(&text).map(DateField).map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A BCP 47 language tag, checked for shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Language(pub String);

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        check_language(&s).map(Language).map_err(de::Error::custom)
    }
}

/// Checks the shape of a BCP 47 tag: `en`, `en-GB`, `zh-Hant-TW`.
pub fn check_language(tag: &str) -> std::result::Result<String, String> {
    let tag = tag.trim();
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let ok = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(tag.to_string())
    } else {
        Err(format!(
            "`{tag}` is not a language tag: use a code such as en, fr or en-GB"
        ))
    }
}

/// An ORCID iD, checked with its ISO 7064 11,2 check digit. Accepts the bare
/// form or the `https://orcid.org/` URL; keeps the bare form.
#[derive(Debug, Clone, PartialEq)]
pub struct Orcid(pub String);

impl<'de> Deserialize<'de> for Orcid {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        check_orcid(&s).map(Orcid).map_err(de::Error::custom)
    }
}

pub fn check_orcid(s: &str) -> std::result::Result<String, String> {
    let bare = s
        .trim()
        .trim_start_matches("https://orcid.org/")
        .trim_start_matches("http://orcid.org/");
    let digits: Vec<char> = bare.chars().filter(|c| *c != '-').collect();
    let shaped = bare.len() == 19
        && bare.split('-').count() == 4
        && digits.len() == 16
        && digits[..15].iter().all(|c| c.is_ascii_digit())
        && (digits[15].is_ascii_digit() || digits[15] == 'X');
    if !shaped {
        return Err(format!(
            "`{s}` is not an ORCID iD: use the form 0000-0002-1825-0097"
        ));
    }
    let mut total = 0u32;
    for c in &digits[..15] {
        total = (total + c.to_digit(10).expect("checked")) * 2;
    }
    let check = (12 - total % 11) % 11;
    let expected = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).expect("< 10")
    };
    if digits[15] != expected {
        return Err(format!(
            "ORCID iD `{s}` has a wrong check digit (expected {expected})"
        ));
    }
    Ok(bare.to_string())
}

/// Parses a metadata file's text. `first_line` is the line of the text's
/// first line in `path` (for front matter inside a Markdown file).
pub fn parse(text: &str, syntax: Syntax, path: &Path, first_line: usize) -> Result<MetaFile> {
    let err = |line: usize, message: String| Error::Metadata {
        path: PathBuf::from(path),
        line: line + first_line - 1,
        message,
    };
    match syntax {
        Syntax::Toml => toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count())
                .unwrap_or(1);
            err(line, e.message().to_string())
        }),
        Syntax::Yaml => {
            if text.trim().is_empty() {
                return Ok(MetaFile::default());
            }
            serde_norway::from_str(text).map_err(|e| {
                let line = e.location().map(|l| l.line()).unwrap_or(1);
                let message = e.to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                err(line, message)
            })
        }
        Syntax::Json => serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            err(e.line().max(1), message)
        }),
    }
}

/// Reads and parses a metadata file.
pub fn read(path: &Path) -> Result<MetaFile> {
    let syntax = Syntax::from_path(path).ok_or_else(|| {
        Error::Usage(format!(
            "{}: a metadata file must end in .toml, .yaml, .yml or .json",
            path.display()
        ))
    })?;
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&text, syntax, path, 1)
}

/// The sidecar metadata file of an input, if there is one:
/// `<stem>.meta.toml`, `<stem>.meta.yaml`, `<stem>.meta.yml` or `<stem>.meta.json`.
pub fn sidecar_of(input: &Path) -> Option<PathBuf> {
    sidecars_of(input).into_iter().next()
}

/// Every sidecar metadata file of an input. More than one is an error for
/// the reader (see `meta::load_file`): which one wins would be a guess.
pub fn sidecars_of(input: &Path) -> Vec<PathBuf> {
    let Some(stem) = input.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    let dir = input.parent().unwrap_or(Path::new(""));
    ["toml", "yaml", "yml", "json"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.meta.{ext}")))
        .filter(|p| p.is_file())
        .collect()
}

/// Titles are inline content in the model; files hold plain text.
pub fn title_inlines(s: &str) -> Vec<crate::model::Inline> {
    inlines_from_text(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml(text: &str) -> Result<MetaFile> {
        parse(text, Syntax::Toml, Path::new("x.meta.toml"), 1)
    }

    #[test]
    fn reads_a_full_toml_file() {
        let m = toml(
            r#"
title = "T"
date = "2025-10-23"
keywords = ["a", "b"]
[[authors]]
name = "Ivan Lidarev"
affiliation = "ISAS"
orcid = "0000-0002-1825-0097"
[links]
"India-Pakistan conflict" = "https://example.org/x"
"#,
        )
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("T"));
        let a = m.authors.unwrap().0.remove(0).into_author().unwrap();
        assert_eq!(a.surname.as_deref(), Some("Lidarev"));
        assert_eq!(a.affiliations, vec!["ISAS".to_string()]);
        assert_eq!(m.links.unwrap().len(), 1);
    }

    #[test]
    fn author_shorthands() {
        let m = toml("author = \"A B\"").unwrap();
        assert_eq!(m.authors.unwrap().0.len(), 1);
        let m = toml("authors = [\"A B\", { name = \"C D\", email = \"c@d.org\" }]").unwrap();
        assert_eq!(m.authors.unwrap().0.len(), 2);
    }

    #[test]
    fn errors_name_line_and_key() {
        let e = toml("title = \"T\"\ncolour = \"red\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("x.meta.toml:2") && e.contains("colour"), "{e}");
        let e = toml("title = \"T\"\nkeywords = 3\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains(":2:"), "{e}");
        let e = toml("date = \"2025-02-30\"").unwrap_err().to_string();
        assert!(e.contains(":1:") && e.contains("not a date"), "{e}");
        let e = toml("[[authors]]\nname = \"A\"\norcid = \"0000-0002-1825-0098\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains(":3:") && e.contains("check digit"), "{e}");
        let e = toml("title = ").unwrap_err().to_string();
        assert!(e.contains("x.meta.toml:1"), "{e}");
    }

    #[test]
    fn yaml_and_json_errors_have_lines() {
        let p = Path::new("m.yaml");
        let e = parse("title: T\nbogus: 1\n", Syntax::Yaml, p, 1)
            .unwrap_err()
            .to_string();
        assert!(e.contains("m.yaml:2") && e.contains("bogus"), "{e}");
        let p = Path::new("m.json");
        let e = parse("{\n\"title\": \"T\",\n\"bogus\": 1}", Syntax::Json, p, 1)
            .unwrap_err()
            .to_string();
        assert!(e.contains("m.json:3") && e.contains("bogus"), "{e}");
        let e = parse(
            "title: T\ndate: 2025-13-01\n",
            Syntax::Yaml,
            Path::new("f.md"),
            2,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("f.md:3"), "{e}");
    }

    #[test]
    fn publication_keys_are_read_and_checked_at_their_line() {
        let m =
            toml("journal = \"J\"\nvolume = 12\nissn = \"2049-3630\"\nsubjects = [\"A\", \"B\"]\n")
                .unwrap();
        assert_eq!(m.volume.unwrap().0, "12");
        assert_eq!(m.issn_print.unwrap().0, "2049-3630");
        assert_eq!(m.subjects.unwrap().0.len(), 2);
        let e = toml("title = \"T\"\nissn_electronic = \"2049-3631\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains(":2:") && e.contains("check digit"), "{e}");
    }

    #[test]
    fn orcid_checksum() {
        assert!(check_orcid("0000-0002-1825-0097").is_ok());
        assert!(check_orcid("https://orcid.org/0000-0001-5109-3700").is_ok());
        assert!(check_orcid("0000-0002-1694-233X").is_ok());
        assert!(check_orcid("0000-0002-1825-0098").is_err());
        assert!(check_orcid("1234").is_err());
    }
}
