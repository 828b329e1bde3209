//! Markdown front matter as authors write it for Jekyll, Hugo, Quarto,
//! Pandoc and R Markdown: the keys that mean the same as Recto's fields are
//! mapped onto them, everything else is kept in `extra`, and nothing in it
//! stops a conversion (a value that cannot be used is kept in `extra` with a
//! warning). With `--strict-meta` front matter is read like a metadata file
//! written for Recto: an unknown key is an error naming the file and line.
//!
//! | Recto field | keys read | values |
//! |---|---|---|
//! | title, subtitle | `title`, `subtitle` | text |
//! | authors | `author`, `authors` | a name, "A B, C D" or "A B and C D", a list of names, or objects with `name` (text, or `given`/`family`/`literal`), `given`, `family`, `email`, `orcid`, `affiliation(s)` |
//! | date | `date` | `2024-01-05`, with a time and zone (`2024-01-05 10:30:00 +0100`, `2024-01-05T10:30:00+01:00`; the date as written is kept), `January 5, 2024`, `5 January 2024` |
//! | language | `lang`, `language` | a BCP 47 tag |
//! | abstract | `abstract`, else `description`, else `summary`, else `excerpt` | text |
//! | keywords | `keywords`, `tags`, `categories`, `category` | a list, or text: keywords split at commas, Jekyll's tags and categories at spaces |
//! | identifier | `identifier`, `doi`, `isbn` | text |
//! | publisher, series | `publisher`, `series` | text (a one-item list too) |
//! | license | `license`, `rights`, `copyright` | text |
//! | links, extra | `links`, `extra` | tables, as in a metadata file |
//!
//! Keys are matched without regard to case (Hugo's are case-insensitive).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::file::{self, AuthorEntry, AuthorList, DateField, Language, MetaFile, Syntax};
use crate::error::{Error, Result};
use crate::model::Date;

/// Front matter read into a `MetaFile`, with a warning for each value kept
/// in `extra` because it could not be used for the field its key names.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub meta: MetaFile,
    pub warnings: Vec<String>,
}

/// Reads front matter. `first_line` is the line of the text's first line in
/// `path`; `strict` reads it as a metadata file (see the module docs).
pub fn parse(
    text: &str,
    syntax: Syntax,
    path: &Path,
    first_line: usize,
    strict: bool,
) -> Result<FrontMatter> {
    if strict {
        return file::parse(text, syntax, path, first_line).map(|meta| FrontMatter {
            meta,
            warnings: Vec::new(),
        });
    }
    let value = match syntax {
        Syntax::Yaml if text.trim().is_empty() => return Ok(FrontMatter::default()),
        Syntax::Yaml => serde_norway::from_str::<serde_norway::Value>(text)
            .map(yaml_to_json)
            .map_err(|e| {
                let line = e.location().map_or(1, |l| l.line());
                syntax_error(path, line + first_line - 1, &e.to_string())
            })?,
        Syntax::Toml => toml::from_str::<toml::Table>(text)
            .map(|t| toml_to_json(toml::Value::Table(t)))
            .map_err(|e| {
                let line = e.span().map_or(1, |s| {
                    1 + text[..s.start.min(text.len())].matches('\n').count()
                });
                syntax_error(path, line + first_line - 1, e.message())
            })?,
        Syntax::Json => serde_json::from_str(text)
            .map_err(|e| syntax_error(path, e.line() + first_line - 1, &e.to_string()))?,
    };
    let mut mapper = Mapper {
        text,
        syntax,
        path,
        first_line,
        meta: MetaFile::default(),
        extra: BTreeMap::new(),
        warnings: Vec::new(),
    };
    match value {
        Value::Object(map) => mapper.map(map),
        Value::Null => {}
        other => mapper.warnings.push(format!(
            "{}:{first_line}: the front matter is {}, not a table of keys; ignored",
            path.display(),
            kind(&other)
        )),
    }
    let Mapper {
        mut meta,
        extra,
        warnings,
        ..
    } = mapper;
    if !extra.is_empty() {
        meta.extra.get_or_insert_default().extend(extra);
    }
    Ok(FrontMatter { meta, warnings })
}

fn syntax_error(path: &Path, line: usize, message: &str) -> Error {
    let message = message.split(" at line ").next().unwrap_or(message);
    Error::Metadata {
        path: path.to_path_buf(),
        line,
        message: format!("front matter: {message}"),
    }
}

/// What is known while the keys of one front matter are mapped.
struct Mapper<'a> {
    text: &'a str,
    syntax: Syntax,
    path: &'a Path,
    first_line: usize,
    meta: MetaFile,
    extra: BTreeMap<String, String>,
    warnings: Vec<String>,
}

/// Keys that give an abstract when `abstract` does not, best first.
const ABSTRACT_KEYS: &[&str] = &["abstract", "description", "summary", "excerpt"];

impl Mapper<'_> {
    fn map(&mut self, map: Map<String, Value>) {
        // The abstract comes from the best key present; the others are extra.
        let abstract_key = ABSTRACT_KEYS
            .iter()
            .find(|k| {
                map.keys()
                    .any(|key| normal(key) == **k && map[key].is_string())
            })
            .copied();
        for (key, value) in map {
            if is_empty(&value) {
                continue;
            }
            match normal(&key).as_str() {
                "title" => self.text_field(&key, value, |m, s| m.title = Some(s)),
                "subtitle" => self.text_field(&key, value, |m, s| m.subtitle = Some(s)),
                "author" | "authors" => self.authors(&key, value),
                "date" => self.date(&key, value),
                "lang" | "language" => self.language(&key, value),
                k if Some(k) == abstract_key => {
                    self.text_field(&key, value, |m, s| m.abstract_ = Some(s))
                }
                "keywords" => self.keywords(&key, value, ','),
                "tags" | "categories" | "category" => self.keywords(&key, value, ' '),
                "identifier" | "doi" | "isbn" => {
                    self.text_field(&key, value, |m, s| m.identifier = Some(s))
                }
                "publisher" => self.text_field(&key, value, |m, s| m.publisher = Some(s)),
                "series" => self.text_field(&key, value, |m, s| m.series = Some(s)),
                "license" | "rights" | "copyright" => {
                    self.text_field(&key, value, |m, s| m.license = Some(s))
                }
                "links" => match string_map(&value) {
                    Some(links) => self.meta.links.get_or_insert_default().extend(links),
                    None => self.unusable(&key, value, "a table of link text to URL"),
                },
                "extra" => match value {
                    Value::Object(map) => {
                        for (k, v) in map {
                            self.extra.insert(k, flatten(&v));
                        }
                    }
                    other => self.unusable(&key, other, "a table"),
                },
                _ => {
                    self.extra.insert(key, flatten(&value));
                }
            }
        }
    }

    /// The line of a top-level key in the front matter, for messages.
    fn line_of(&self, key: &str) -> usize {
        let sep = if self.syntax == Syntax::Toml {
            '='
        } else {
            ':'
        };
        self.text
            .lines()
            .position(|l| {
                let l = l.trim_start_matches('"');
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start_matches('"').trim_start().starts_with(sep))
            })
            .map_or(self.first_line, |i| i + self.first_line)
    }

    /// Keeps a value that cannot be used for its field in `extra`, and says so.
    fn unusable(&mut self, key: &str, value: Value, expected: &str) {
        let shown = flatten(&value);
        self.warnings.push(format!(
            "{}:{}: front matter `{key}: {shown}` is not {expected}; kept as extra.{key}",
            self.path.display(),
            self.line_of(key)
        ));
        self.extra.insert(key.to_string(), shown);
    }

    fn text_field(&mut self, key: &str, value: Value, set: impl FnOnce(&mut MetaFile, String)) {
        match text_of(&value) {
            Some(s) => set(&mut self.meta, s),
            None => self.unusable(key, value, "text"),
        }
    }

    fn date(&mut self, key: &str, value: Value) {
        let parsed = match &value {
            Value::String(s) => loose_date(s),
            Value::Number(n) => Date::parse(&n.to_string()).ok(),
            _ => None,
        };
        match parsed {
            Some(d) => self.meta.date = Some(DateField(d)),
            None => self.unusable(
                key,
                value,
                "a date (YYYY-MM-DD, with or without a time, or \"January 5, 2024\")",
            ),
        }
    }

    fn language(&mut self, key: &str, value: Value) {
        match text_of(&value).map(|s| file::check_language(&s)) {
            Some(Ok(tag)) => self.meta.language = Some(Language(tag)),
            _ => self.unusable(key, value, "a language tag such as en or en-GB"),
        }
    }

    fn keywords(&mut self, key: &str, value: Value, text_separator: char) {
        let words: Vec<String> = match &value {
            Value::Array(items) => items.iter().filter_map(text_of).collect(),
            Value::String(s) if s.contains(',') => s.split(',').map(str::to_string).collect(),
            Value::String(s) if text_separator == ' ' => {
                s.split_whitespace().map(str::to_string).collect()
            }
            Value::String(s) => vec![s.clone()],
            _ => return self.unusable(key, value, "a list of keywords"),
        };
        let list = self.meta.keywords.get_or_insert_default();
        for w in words {
            let w = w.trim().to_string();
            if !w.is_empty() && !list.contains(&w) {
                list.push(w);
            }
        }
    }

    fn authors(&mut self, key: &str, value: Value) {
        let entries = match value {
            Value::String(s) => split_names(&s).iter().map(|n| named(n)).collect::<Vec<_>>(),
            Value::Array(items) => {
                let mut out = Vec::new();
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(named(&s)),
                        Value::Object(map) => out.push(self.author_object(key, i + 1, map)),
                        other => self.unusable(&format!("{key}[{}]", i + 1), other, "an author"),
                    }
                }
                out
            }
            Value::Object(map) => vec![self.author_object(key, 1, map)],
            other => return self.unusable(key, other, "an author or a list of authors"),
        };
        let entries: Vec<AuthorEntry> = entries
            .into_iter()
            .filter(|e| e.name.is_some() || e.surname.is_some())
            .collect();
        self.meta
            .authors
            .get_or_insert_with(|| AuthorList(Vec::new()))
            .0
            .extend(entries);
    }

    /// One author given as an object (Quarto, Pandoc, R Markdown, Jekyll).
    /// Keys Recto has no field for are kept in `extra` as `authors[N].key`.
    fn author_object(&mut self, key: &str, n: usize, map: Map<String, Value>) -> AuthorEntry {
        let mut entry = AuthorEntry::default();
        for (k, v) in map {
            match normal(&k).as_str() {
                "name" => match &v {
                    Value::Object(parts) => {
                        for (pk, pv) in parts {
                            let text = text_of(pv);
                            match normal(pk).as_str() {
                                "literal" => entry.name = text,
                                "given" | "given_names" | "first" => entry.given_names = text,
                                "family" | "surname" | "last" => entry.surname = text,
                                _ => {
                                    self.extra
                                        .insert(format!("{key}[{n}].name.{pk}"), flatten(pv));
                                }
                            }
                        }
                    }
                    other => entry.name = text_of(other),
                },
                "given" | "given_names" | "first_name" => entry.given_names = text_of(&v),
                "family" | "surname" | "last_name" => entry.surname = text_of(&v),
                "email" => entry.email = text_of(&v),
                "orcid" => match text_of(&v).map(|s| file::check_orcid(&s)) {
                    Some(Ok(id)) => entry.orcid = Some(file::Orcid(id)),
                    _ => {
                        self.unusable(&format!("{key}[{n}].orcid"), v, "an ORCID iD");
                    }
                },
                "affiliation" | "affiliations" => {
                    let names = affiliation_names(&v);
                    if names.is_empty() {
                        self.extra.insert(format!("{key}[{n}].{k}"), flatten(&v));
                    } else {
                        entry.affiliations = Some(file::StringOrList(names));
                    }
                }
                "bio" => entry.bio = text_of(&v),
                _ => {
                    if !is_empty(&v) {
                        self.extra.insert(format!("{key}[{n}].{k}"), flatten(&v));
                    }
                }
            }
        }
        entry
    }
}

fn named(name: &str) -> AuthorEntry {
    AuthorEntry {
        name: Some(name.trim().to_string()),
        ..AuthorEntry::default()
    }
}

/// The names in one author string: "Ann Lee, Bo Chan", "Ann Lee and Bo
/// Chan", "Ann Lee; Bo Chan", "Ann Lee & Bo Chan". A comma between two parts
/// that could be "Surname, Given" ("Lee, Ann", "Lee, A. B.") is kept as one
/// inverted name.
pub fn split_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in text.split([';', '&']) {
        for piece in part.split(" and ") {
            let commas: Vec<&str> = piece.split(',').map(str::trim).collect();
            let inverted = commas.len() == 2
                && commas
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().next().is_some_and(char::is_uppercase))
                && commas[0].split_whitespace().count() == 1;
            if inverted {
                names.push(piece.trim().to_string());
            } else {
                names.extend(commas.iter().map(|s| s.to_string()));
            }
        }
    }
    names.retain(|n| !n.trim().is_empty());
    names
}

/// Affiliation names from a string, a list of strings, or objects with a
/// `name` (Quarto).
fn affiliation_names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(affiliation_names).collect(),
        Value::Object(map) => map
            .iter()
            .find(|(k, _)| normal(k) == "name")
            .and_then(|(_, v)| text_of(v))
            .into_iter()
            .collect(),
        other => text_of(other).into_iter().collect(),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date as front matter writes it: ISO with or without a time and zone
/// (the calendar date as written is kept), or "January 5, 2024", "Jan 5
/// 2024", "5 January 2024", "January 2024".
pub fn loose_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(d) = Date::parse(text) {
        return Some(d);
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let month = |w: &str| {
        (w.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(w)))
            .flatten()
            .map(|i| i as u8 + 1)
    };
    let number = |w: &str| w.parse::<u32>().ok();
    let (year, m, day) = match words.as_slice() {
        [m, d, y] if month(m).is_some() => (number(y)?, month(m)?, Some(number(d)?)),
        [d, m, y] if month(m).is_some() => (number(y)?, month(m)?, Some(number(d)?)),
        [m, y] if month(m).is_some() => (number(y)?, month(m)?, None),
        _ => return None,
    };
    let iso = match day {
        Some(d) => format!("{year:04}-{m:02}-{d:02}"),
        None => format!("{year:04}-{m:02}"),
    };
    Date::parse(&iso).ok()
}

/// A key compared without case, with `-` as `_` (`given-names`, `given_names`).
fn normal(key: &str) -> String {
    key.trim().to_lowercase().replace('-', "_")
}

/// Nothing to keep: null, an empty string, list or table.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

/// Text from a string, a number, or a one-item list of either.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) if items.len() == 1 => text_of(&items[0]),
        _ => None,
    }
}

fn string_map(value: &Value) -> Option<BTreeMap<String, String>> {
    let Value::Object(map) = value else {
        return None;
    };
    map.iter()
        .map(|(k, v)| text_of(v).map(|v| (k.clone(), v)))
        .collect()
}

/// A value as the text kept in `extra`: strings as they are, anything
/// else as compact JSON.
fn flatten(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

fn yaml_to_json(value: serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => serde_json::to_value(&n).unwrap_or(Value::Null),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s,
                        other => flatten(&yaml_to_json(other)),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn toml_to_json(value: toml::Value) -> Value {
    use toml::Value as T;
    match value {
        T::String(s) => Value::String(s),
        T::Integer(i) => Value::from(i),
        T::Float(f) => Value::from(f),
        T::Boolean(b) => Value::Bool(b),
        T::Datetime(d) => Value::String(d.to_string()),
        T::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        T::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> FrontMatter {
        parse(text, Syntax::Yaml, Path::new("post.md"), 2, false).unwrap()
    }

    fn names(fm: &FrontMatter) -> Vec<String> {
        fm.meta
            .authors
            .clone()
            .unwrap_or_default()
            .0
            .into_iter()
            .map(|a| a.into_author().unwrap().name)
            .collect()
    }

    #[test]
    fn jekyll_keys_map_and_the_rest_is_kept() {
        let fm = yaml(
            "layout: post\ntitle: A Post\ndate: 2024-01-05 10:30:00 +0100\n\
             author: Ann Lee, Bo Chan\ntags: rust cli\ncategories: [blog, Notes]\n\
             description: What it says.\npermalink: /x/\npublished: true\n",
        );
        assert!(fm.warnings.is_empty(), "{:?}", fm.warnings);
        let m = &fm.meta;
        assert_eq!(m.title.as_deref(), Some("A Post"));
        assert_eq!(m.date.unwrap().0.to_string(), "2024-01-05");
        assert_eq!(names(&fm), ["Ann Lee", "Bo Chan"]);
        // Keys are read in sorted order: categories before tags.
        assert_eq!(
            m.keywords.as_deref().unwrap(),
            ["blog", "Notes", "rust", "cli"]
        );
        assert_eq!(m.abstract_.as_deref(), Some("What it says."));
        let extra = m.extra.as_ref().unwrap();
        assert_eq!(extra["layout"], "post");
        assert_eq!(extra["permalink"], "/x/");
        assert_eq!(extra["published"], "true");
    }

    #[test]
    fn hugo_toml_front_matter() {
        let fm = parse(
            "title = \"T\"\ndate = 2017-07-24T18:36:00+02:00\nauthors = [\"bep\"]\n\
             Description = \"D\"\ndraft = false\n[params]\nx = 1\n",
            Syntax::Toml,
            Path::new("p.md"),
            2,
            false,
        )
        .unwrap();
        assert_eq!(fm.meta.date.unwrap().0.to_string(), "2017-07-24");
        assert_eq!(names(&fm), ["bep"]);
        assert_eq!(fm.meta.abstract_.as_deref(), Some("D"));
        let extra = fm.meta.extra.unwrap();
        assert_eq!(extra["draft"], "false");
        assert_eq!(extra["params"], "{\"x\":1}");
    }

    #[test]
    fn quarto_and_pandoc_author_objects() {
        let fm = yaml(
            "title: Paper\nsubtitle: Sub\nlang: fr\nabstract: |\n  One.\n\n  Two.\nauthor:\n  \
             - name:\n      given: Ann\n      family: Lee\n    orcid: 0000-0002-1825-0097\n    \
             affiliations:\n      - name: Uni A\n      - Uni B\n    url: https://a.example\n  \
             - name: Bo Chan\n    affiliation: Lab\n    email: bo@example.org\n\
             keywords: [x, y]\n",
        );
        assert!(fm.warnings.is_empty(), "{:?}", fm.warnings);
        let authors: Vec<_> = fm
            .meta
            .authors
            .clone()
            .unwrap()
            .0
            .into_iter()
            .map(|a| a.into_author().unwrap())
            .collect();
        assert_eq!(authors[0].name, "Ann Lee");
        assert_eq!(authors[0].surname.as_deref(), Some("Lee"));
        assert_eq!(authors[0].affiliations, ["Uni A", "Uni B"]);
        assert_eq!(authors[0].orcid.as_deref(), Some("0000-0002-1825-0097"));
        assert_eq!(authors[1].email.as_deref(), Some("bo@example.org"));
        assert_eq!(authors[1].affiliations, ["Lab"]);
        assert_eq!(fm.meta.language.as_ref().unwrap().0, "fr");
        assert_eq!(fm.meta.subtitle.as_deref(), Some("Sub"));
        assert!(fm.meta.abstract_.as_deref().unwrap().contains("\n\nTwo."));
        assert_eq!(fm.meta.extra.unwrap()["author[1].url"], "https://a.example");
    }

    #[test]
    fn unusable_values_warn_and_are_kept() {
        let fm = yaml("title: T\ndate: \"`r Sys.Date()`\"\nlang: not a tag\n");
        assert_eq!(fm.warnings.len(), 2, "{:?}", fm.warnings);
        assert!(fm.warnings[0].contains("post.md:3"), "{}", fm.warnings[0]);
        let extra = fm.meta.extra.unwrap();
        assert_eq!(extra["date"], "`r Sys.Date()`");
        assert_eq!(extra["lang"], "not a tag");
    }

    #[test]
    fn strict_front_matter_refuses_unknown_keys() {
        let e = parse(
            "title: T\nlayout: post\n",
            Syntax::Yaml,
            Path::new("b.md"),
            2,
            true,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("b.md:3") && e.contains("layout"), "{e}");
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let e = parse("title: [\n", Syntax::Yaml, Path::new("b.md"), 2, false)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("b.md:"), "{e}");
    }

    #[test]
    fn author_strings_split_into_names() {
        assert_eq!(split_names("Ann Lee, Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(split_names("Ann Lee and Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(split_names("Lee, Ann"), ["Lee, Ann"]);
        assert_eq!(split_names("parkr, bep"), ["parkr", "bep"]);
        assert_eq!(
            split_names("A. Smith; B. Jones & C. Wu"),
            ["A. Smith", "B. Jones", "C. Wu"]
        );
    }

    #[test]
    fn loose_dates() {
        for (text, want) in [
            ("2024-01-05 10:30:00 +0100", "2024-01-05"),
            ("2024-01-05T23:30:00-05:00", "2024-01-05"),
            ("January 5, 2024", "2024-01-05"),
            ("5 Jan 2024", "2024-01-05"),
            ("March 2005", "2005-03"),
        ] {
            assert_eq!(loose_date(text).unwrap().to_string(), want, "{text}");
        }
        assert!(loose_date("today").is_none());
        assert!(loose_date("February 30, 2024").is_none());
    }
}
