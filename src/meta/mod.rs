//! One resolved `Metadata` per document, merged from every source with a
//! fixed precedence, and where each field came from.
//!
//! Precedence, highest first:
//! 1. `--set key=value` on the command line;
//! 2. a metadata file: `--meta FILE`, or `<stem>.meta.toml|yaml|yml|json` next to the input;
//! 3. Markdown front matter;
//! 4. what normalization detected in the text (title, authors, abstract, bio, e-mail, affiliation);
//! 5. defaults: the language detected from the text (`en` as a last resort) and a
//!    `urn:uuid:` identifier derived from the content.

pub mod file;
pub mod front_matter;
mod language;
mod links;
pub mod profile;
pub mod publication;
pub mod title;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::{Abstract, Author, Date, Document, Metadata, plain_text};

pub use file::{MetaFile, sidecar_of};
pub use language::{detect_language, guess_language, is_other_language};
pub use links::apply_links;

/// Where a field's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    File(PathBuf),
    FrontMatter(PathBuf),
    /// Found in the text by normalization, at this input line when known.
    Detected(Option<u32>),
    /// Guessed from the words of the text (the language).
    Guessed,
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("flag --set"),
            Source::File(p) => write!(f, "file {}", p.display()),
            Source::FrontMatter(p) => write!(f, "front matter of {}", p.display()),
            Source::Detected(Some(line)) => write!(f, "detected at line {line}"),
            Source::Detected(None) => f.write_str("detected in the text"),
            Source::Guessed => f.write_str("guessed from the text"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// The field names `--set` accepts, also the keys of the provenance map.
pub const FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "authors",
    "date",
    "language",
    "identifier",
    "publisher",
    "series",
    "abstract",
    "keywords",
    "license",
];

/// Where each field of a resolved `Metadata` came from.
pub type Provenance = BTreeMap<String, Source>;

/// Everything given besides the text itself.
#[derive(Debug, Clone, Default)]
pub struct MetaSources {
    /// `--set key=value` pairs, in the order given.
    pub sets: Vec<(String, String)>,
    /// The metadata file and what it says.
    pub file: Option<(PathBuf, MetaFile)>,
    /// The Markdown front matter and the file it was in.
    pub front_matter: Option<(PathBuf, MetaFile)>,
}

impl MetaSources {
    /// Parses `key=value` strings from the command line.
    pub fn parse_sets(raw: &[String]) -> Result<Vec<(String, String)>> {
        raw.iter()
            .map(|s| {
                let (k, v) = s.split_once('=').ok_or_else(|| {
                    Error::Usage(format!(
                        "--set `{s}`: write it as key=value, e.g. --set title=\"A Title\""
                    ))
                })?;
                let key = k.trim().to_ascii_lowercase();
                let key = match key.as_str() {
                    "author" => "authors".to_string(),
                    "lang" => "language".to_string(),
                    "rights" => "license".to_string(),
                    "summary" => "abstract".to_string(),
                    _ => key,
                };
                let key = publication::canonical(&key).to_string();
                if !FIELDS.contains(&key.as_str())
                    && !publication::KEYS.contains(&key.as_str())
                    && !key.starts_with("extra.")
                {
                    return Err(Error::Usage(format!(
                        "--set `{k}`: unknown field; use one of {}, {} or extra.NAME",
                        FIELDS.join(", "),
                        publication::KEYS.join(", ")
                    )));
                }
                Ok((key, v.trim().to_string()))
            })
            .collect()
    }

    /// The links map of the metadata file, if any.
    pub fn links(&self) -> Option<&BTreeMap<String, String>> {
        self.file.as_ref().and_then(|(_, f)| f.links.as_ref())
    }
}

/// Resolves the metadata of a normalized document in place and applies the
/// links map. `source_text` is the input text, used to say at which line a
/// detected field was found. Returns where each field came from and warnings
/// (link texts that matched nothing).
pub fn resolve(
    doc: &mut Document,
    sources: &MetaSources,
    source_text: &str,
) -> Result<(Provenance, Vec<String>)> {
    let mut prov = Provenance::new();
    let detected = std::mem::take(&mut doc.meta);
    // Lowest first: each layer overwrites what it states.
    let mut meta = detected.clone();
    for field in FIELDS.iter().chain(publication::KEYS) {
        if is_set(&detected, field) {
            prov.insert(
                field.to_string(),
                Source::Detected(find_line(&detected, field, source_text)),
            );
        }
    }
    if let Some((path, fm)) = &sources.front_matter {
        apply_file(&mut meta, &mut prov, fm, Source::FrontMatter(path.clone()))?;
    }
    if let Some((path, f)) = &sources.file {
        apply_file(&mut meta, &mut prov, f, Source::File(path.clone()))?;
    }
    for (key, value) in &sources.sets {
        apply_set(&mut meta, key, value)?;
        if !key.starts_with("extra.") {
            prov.insert(key.clone(), Source::Flag);
        }
    }
    // Details found in the text (a bio, an e-mail) stay with an author that a
    // higher source re-stated by name: nothing found is lost.
    merge_author_details(&mut meta.authors, &detected.authors);
    doc.meta = meta;
    if doc.meta.language.is_none() {
        // A guess is said to be one; `en` without any clue is a default.
        let (language, source) = match guess_language(source_text) {
            Some(lang) => (lang, Source::Guessed),
            None => ("en", Source::Default),
        };
        doc.meta.language = Some(language.to_string());
        prov.insert("language".into(), source);
    }
    let warnings = match sources.links() {
        Some(map) => apply_links(doc, map),
        None => Vec::new(),
    };
    if doc.meta.identifier.is_none() {
        doc.meta.identifier = Some(doc.content_uuid());
        prov.insert("identifier".into(), Source::Default);
    }
    Ok((prov, warnings))
}

fn is_set(m: &Metadata, field: &str) -> bool {
    match field {
        "title" => m.title.is_some(),
        "subtitle" => m.subtitle.is_some(),
        "authors" => !m.authors.is_empty(),
        "date" => m.date.is_some(),
        "language" => m.language.is_some(),
        "identifier" => m.identifier.is_some(),
        "publisher" => m.publisher.is_some(),
        "series" => m.series.is_some(),
        "abstract" => m.abstract_.is_some(),
        "keywords" => !m.keywords.is_empty(),
        "license" => m.license.is_some(),
        key => publication::is_set(&m.publication, key),
    }
}

/// The input line where a detected field's text first appears.
fn find_line(m: &Metadata, field: &str, text: &str) -> Option<u32> {
    let needle = match field {
        "title" => m.title_text()?,
        "subtitle" => m.subtitle_text()?,
        "authors" => m.authors.first()?.name.clone(),
        "abstract" => m.abstract_text()?,
        "date" => m.date?.to_string(),
        _ => return None,
    };
    let words: Vec<&str> = needle.split_whitespace().take(4).collect();
    if words.is_empty() {
        return None;
    }
    let probe = words.join(" ");
    text.lines()
        .position(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&probe)
        })
        .map(|i| i as u32 + 1)
}

fn apply_file(
    meta: &mut Metadata,
    prov: &mut Provenance,
    f: &MetaFile,
    source: Source,
) -> Result<()> {
    let mut put = |field: &str| {
        prov.insert(field.to_string(), source.clone());
    };
    if let Some(t) = &f.title {
        meta.title = Some(file::title_inlines(t));
        put("title");
    }
    if let Some(t) = &f.subtitle {
        meta.subtitle = Some(file::title_inlines(t));
        put("subtitle");
    }
    if let Some(list) = &f.authors {
        let mut authors = Vec::new();
        for entry in &list.0 {
            let author = entry.clone().into_author().map_err(|message| {
                let path = match &source {
                    Source::File(p) | Source::FrontMatter(p) => p.clone(),
                    _ => PathBuf::new(),
                };
                Error::Metadata {
                    path,
                    line: 1,
                    message,
                }
            })?;
            authors.push(author);
        }
        meta.authors = authors;
        put("authors");
    }
    if let Some(d) = f.date {
        meta.date = Some(d.0);
        put("date");
    }
    if let Some(l) = &f.language {
        meta.language = Some(l.0.clone());
        put("language");
    }
    if let Some(v) = &f.identifier {
        meta.identifier = Some(v.clone());
        put("identifier");
    }
    if let Some(v) = &f.publisher {
        meta.publisher = Some(v.clone());
        put("publisher");
    }
    if let Some(v) = &f.series {
        meta.series = Some(v.clone());
        put("series");
    }
    if let Some(v) = &f.abstract_ {
        let title = meta.abstract_.as_ref().and_then(|a| a.title.clone());
        meta.abstract_ = Some(Abstract {
            title,
            ..Abstract::from_text(v)
        });
        put("abstract");
    }
    if let Some(v) = &f.keywords {
        meta.keywords = v.clone();
        put("keywords");
    }
    if let Some(v) = &f.license {
        meta.license = Some(v.clone());
        put("license");
    }
    for (key, value) in publication_values(f) {
        // Checked when the file was read.
        publication::set(&mut meta.publication, key, &value).map_err(|message| {
            Error::Metadata {
                path: source_path(&source),
                line: 1,
                message,
            }
        })?;
        put(key);
    }
    if let Some(extra) = &f.extra {
        meta.extra.extend(extra.clone());
    }
    Ok(())
}

fn source_path(source: &Source) -> PathBuf {
    match source {
        Source::File(p) | Source::FrontMatter(p) => p.clone(),
        _ => PathBuf::new(),
    }
}

/// The publication keys a metadata file states, as `--set` would give them.
fn publication_values(f: &MetaFile) -> Vec<(&'static str, String)> {
    let s = |v: &Option<publication::Scalar>| v.as_ref().map(|v| v.0.clone());
    let subjects = f.subjects.as_ref().map(|l| l.0.join(";"));
    let checked = [
        (
            "journal_id_type",
            f.journal_id_type.as_ref().map(|v| v.0.clone()),
        ),
        ("issn_print", f.issn_print.as_ref().map(|v| v.0.clone())),
        (
            "issn_electronic",
            f.issn_electronic.as_ref().map(|v| v.0.clone()),
        ),
        ("date_type", f.date_type.as_ref().map(|v| v.0.clone())),
        (
            "publication_format",
            f.publication_format.as_ref().map(|v| v.0.clone()),
        ),
        (
            "copyright_year",
            f.copyright_year.as_ref().map(|v| v.0.clone()),
        ),
    ];
    [
        ("journal_title", s(&f.journal_title)),
        ("journal_id", s(&f.journal_id)),
        ("volume", s(&f.volume)),
        ("issue", s(&f.issue)),
        ("fpage", s(&f.fpage)),
        ("lpage", s(&f.lpage)),
        ("elocation_id", s(&f.elocation_id)),
        ("subjects", subjects),
        ("copyright_holder", s(&f.copyright_holder)),
        ("copyright_statement", s(&f.copyright_statement)),
    ]
    .into_iter()
    .chain(checked)
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

fn apply_set(meta: &mut Metadata, key: &str, value: &str) -> Result<()> {
    let bad = |msg: String| Error::Usage(format!("--set {key}: {msg}"));
    match key {
        "title" => meta.title = Some(file::title_inlines(value)),
        "subtitle" => meta.subtitle = Some(file::title_inlines(value)),
        "authors" => {
            meta.authors = value
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Author::from_name)
                .collect()
        }
        "date" => meta.date = Some(Date::parse(value).map_err(bad)?),
        "language" => meta.language = Some(file::check_language(value).map_err(bad)?),
        "identifier" => meta.identifier = Some(value.to_string()),
        "publisher" => meta.publisher = Some(value.to_string()),
        "series" => meta.series = Some(value.to_string()),
        "abstract" => {
            let title = meta.abstract_.as_ref().and_then(|a| a.title.clone());
            meta.abstract_ = Some(Abstract {
                title,
                ..Abstract::from_text(value)
            })
        }
        "keywords" => {
            meta.keywords = value
                .split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        }
        "license" => meta.license = Some(value.to_string()),
        key if publication::KEYS.contains(&key) => {
            publication::set(&mut meta.publication, key, value).map_err(bad)?
        }
        other => {
            let name = other.strip_prefix("extra.").unwrap_or(other);
            meta.extra.insert(name.to_string(), value.to_string());
        }
    }
    Ok(())
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn merge_author_details(authors: &mut [Author], detected: &[Author]) {
    for a in authors.iter_mut() {
        let Some(d) = detected
            .iter()
            .find(|d| name_key(&d.name) == name_key(&a.name))
        else {
            continue;
        };
        if a.bio.is_empty() {
            a.bio = d.bio.clone();
        }
        if a.email.is_none() {
            a.email = d.email.clone();
        }
        if a.affiliations.is_empty() {
            a.affiliations = d.affiliations.clone();
        }
        if a.orcid.is_none() {
            a.orcid = d.orcid.clone();
        }
    }
}

/// The resolved metadata with, for each field, its value and its source:
/// what `recto meta` prints.
pub fn provenance_json(meta: &Metadata, prov: &Provenance) -> Value {
    let mut out = serde_json::Map::new();
    let value_of = |field: &str| -> Value {
        match field {
            "title" => json!(meta.title_text()),
            "subtitle" => json!(meta.subtitle_text()),
            "authors" => serde_json::to_value(
                meta.authors
                    .iter()
                    .map(|a| {
                        json!({
                            "name": a.name,
                            "given_names": a.given_names,
                            "surname": a.surname,
                            "affiliations": a.affiliations,
                            "email": a.email,
                            "orcid": a.orcid,
                            "bio": a.bio.iter().map(|b| b.plain_text()).collect::<Vec<_>>().join("\n\n"),
                        })
                    })
                    .collect::<Vec<_>>(),
            )
            .unwrap_or(Value::Null),
            "date" => json!(meta.date.map(|d| d.to_string())),
            "language" => json!(meta.language),
            "identifier" => json!(meta.identifier),
            "publisher" => json!(meta.publisher),
            "series" => json!(meta.series),
            "abstract" => json!(meta.abstract_text()),
            "keywords" => json!(meta.keywords),
            "license" => json!(meta.license),
            _ => Value::Null,
        }
    };
    for field in FIELDS {
        if let Some(source) = prov.get(*field) {
            out.insert(
                field.to_string(),
                json!({ "value": value_of(field), "source": source.to_string() }),
            );
        }
    }
    for field in publication::KEYS {
        if let (Some(source), Some(value)) = (
            prov.get(*field),
            publication::value(&meta.publication, field),
        ) {
            out.insert(
                field.to_string(),
                json!({ "value": value, "source": source.to_string() }),
            );
        }
    }
    if !meta.extra.is_empty() {
        out.insert("extra".into(), json!(meta.extra));
    }
    Value::Object(out)
}

/// The metadata file to use for an input: the one given, or its sidecar.
pub fn load_file(given: Option<&Path>, input: &Path) -> Result<Option<(PathBuf, MetaFile)>> {
    let path = match given {
        Some(p) => Some(p.to_path_buf()),
        None => match file::sidecars_of(input).as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            many => {
                return Err(Error::Usage(format!(
                    "{}: more than one metadata file beside it ({}); keep one, or name one with --meta",
                    input.display(),
                    many.iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        },
    };
    path.map(|p| file::read(&p).map(|f| (p, f))).transpose()
}

/// The plain text of a title, for messages.
pub fn title_of(meta: &Metadata) -> Option<String> {
    meta.title.as_deref().map(plain_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inlines_from_text;

    fn detected_doc() -> Document {
        let mut doc = crate::read::text::parse(
            "My Title\n\nJane Doe\n\nBody text here, in English and for the reader.\n",
        );
        doc.meta.title = Some(inlines_from_text("My Title"));
        let mut a = Author::from_name("Jane Doe");
        a.email = Some("jane@example.org".into());
        doc.meta.authors.push(a);
        doc
    }

    #[test]
    fn precedence_flag_over_file_over_detected() {
        let mut doc = detected_doc();
        let file = file::parse(
            "title = \"File Title\"\nauthors = [\"Jane Doe\"]\npublisher = \"P\"\n",
            file::Syntax::Toml,
            Path::new("d.meta.toml"),
            1,
        )
        .unwrap();
        let sources = MetaSources {
            sets: MetaSources::parse_sets(&["publisher=Flag Press".into()]).unwrap(),
            file: Some((PathBuf::from("d.meta.toml"), file)),
            front_matter: None,
        };
        let (prov, _) = resolve(&mut doc, &sources, "My Title\n\nJane Doe\n").unwrap();
        assert_eq!(doc.meta.title_text().as_deref(), Some("File Title"));
        assert_eq!(doc.meta.publisher.as_deref(), Some("Flag Press"));
        assert_eq!(prov["publisher"], Source::Flag);
        assert_eq!(prov["title"], Source::File(PathBuf::from("d.meta.toml")));
        // The e-mail found in the text survives the file re-stating the author.
        assert_eq!(
            doc.meta.authors[0].email.as_deref(),
            Some("jane@example.org")
        );
        assert_eq!(prov["language"], Source::Default);
        assert!(
            doc.meta
                .identifier
                .as_deref()
                .unwrap()
                .starts_with("urn:uuid:")
        );
    }

    #[test]
    fn detected_fields_name_their_line() {
        let mut doc = detected_doc();
        let (prov, _) = resolve(
            &mut doc,
            &MetaSources::default(),
            "\nMy Title\n\nJane Doe\n",
        )
        .unwrap();
        assert_eq!(prov["title"], Source::Detected(Some(2)));
        assert_eq!(prov["authors"], Source::Detected(Some(4)));
        let json = provenance_json(&doc.meta, &prov);
        assert_eq!(json["title"]["source"], "detected at line 2");
    }

    #[test]
    fn bad_sets_are_usage_errors() {
        assert!(MetaSources::parse_sets(&["colour=red".into()]).is_err());
        assert!(MetaSources::parse_sets(&["title".into()]).is_err());
        let mut doc = detected_doc();
        let sources = MetaSources {
            sets: MetaSources::parse_sets(&["date=2025-99".into()]).unwrap(),
            ..MetaSources::default()
        };
        assert!(resolve(&mut doc, &sources, "").is_err());
    }
}
