//! The metadata in the page's head, in the three vocabularies that
//! repositories and search engines read: Highwire Press `citation_*` tags
//! (Google Scholar), Dublin Core `DC.*` tags, and schema.org JSON-LD. Every
//! value comes from the same model fields as the other editions' metadata.

use serde_json::{Map, Value, json};

use crate::model::{Document, IdentifierKind};
use crate::write::epub::publication_date;
use crate::write::epub::xhtml::{esc, label};

/// The `<meta>`, `<link>` and `<script type="application/ld+json">`
/// elements of the head, one per line.
pub fn head(doc: &Document, lang: &str, title: &str, identifier: &str) -> String {
    let meta = &doc.meta;
    let authors: Vec<_> = meta
        .authors
        .iter()
        .filter(|a| !label(&a.name).is_empty())
        .collect();
    let date = publication_date(doc);
    let abstract_text = meta
        .abstract_text()
        .map(|t| label(&t))
        .filter(|t| !t.is_empty());
    let keywords: Vec<String> = meta
        .keywords
        .iter()
        .map(|k| label(k))
        .filter(|k| !k.is_empty())
        .collect();
    let publisher = meta
        .publisher
        .as_deref()
        .map(label)
        .filter(|s| !s.is_empty());
    let license = meta.license.as_deref().map(label).filter(|s| !s.is_empty());
    let kind = IdentifierKind::of(identifier);
    let bare_id = IdentifierKind::bare(identifier);

    let mut tags = Tags::default();
    // Highwire Press: authors as "Surname, Given names", dates as YYYY/MM/DD.
    tags.meta("citation_title", title);
    for a in &authors {
        tags.meta("citation_author", &label(&a.file_as()));
        for aff in &a.affiliations {
            tags.meta("citation_author_institution", &label(aff));
        }
        if let Some(orcid) = &a.orcid {
            tags.meta("citation_author_orcid", &label(orcid));
        }
    }
    if let Some(d) = &date {
        tags.meta("citation_publication_date", &d.replace('-', "/"));
    }
    match kind {
        IdentifierKind::Doi => tags.meta("citation_doi", bare_id),
        IdentifierKind::Isbn => tags.meta("citation_isbn", bare_id),
        _ => {}
    }
    if let Some(a) = &abstract_text {
        tags.meta("citation_abstract", a);
    }
    tags.meta("citation_language", lang);
    if !keywords.is_empty() {
        tags.meta("citation_keywords", &keywords.join("; "));
    }
    if let Some(p) = &publisher {
        tags.meta("citation_publisher", p);
    }

    // Dublin Core, declared by its schema link.
    tags.line("<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">".into());
    tags.meta("DC.title", title);
    for a in &authors {
        tags.meta("DC.creator", &label(&a.name));
    }
    if let Some(d) = &date {
        tags.meta("DC.date", d);
    }
    tags.meta("DC.identifier", identifier);
    tags.meta("DC.language", lang);
    if let Some(a) = &abstract_text {
        tags.meta("DC.description", a);
    }
    for k in &keywords {
        tags.meta("DC.subject", k);
    }
    if let Some(p) = &publisher {
        tags.meta("DC.publisher", p);
    }
    if let Some(l) = &license {
        tags.meta("DC.rights", l);
    }
    tags.meta("DC.type", "Text");
    tags.meta("DC.format", "text/html");

    tags.line(format!(
        "<script type=\"application/ld+json\">\n{}\n</script>",
        json_ld(
            doc,
            lang,
            title,
            identifier,
            &date,
            &abstract_text,
            &keywords
        )
    ));
    tags.0
}

/// Lines of the head, built in order.
#[derive(Default)]
struct Tags(String);

impl Tags {
    fn meta(&mut self, name: &str, content: &str) {
        let content = label(content);
        if !content.is_empty() {
            self.line(format!(
                "<meta name=\"{name}\" content=\"{}\">",
                esc(&content)
            ));
        }
    }

    fn line(&mut self, line: String) {
        if !self.0.is_empty() {
            self.0.push('\n');
        }
        self.0.push_str(&line);
    }
}

/// The schema.org description: a `ScholarlyArticle` when the document has
/// what makes one (a DOI or an abstract), else an `Article`.
fn json_ld(
    doc: &Document,
    lang: &str,
    title: &str,
    identifier: &str,
    date: &Option<String>,
    abstract_text: &Option<String>,
    keywords: &[String],
) -> String {
    let meta = &doc.meta;
    let kind = IdentifierKind::of(identifier);
    let scholarly = kind == IdentifierKind::Doi || abstract_text.is_some();
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert(
        "@type".into(),
        json!(if scholarly {
            "ScholarlyArticle"
        } else {
            "Article"
        }),
    );
    o.insert("headline".into(), json!(title));
    o.insert("name".into(), json!(title));
    o.insert("inLanguage".into(), json!(lang));
    o.insert("identifier".into(), json!(identifier));
    if kind == IdentifierKind::Doi {
        o.insert(
            "sameAs".into(),
            json!(format!(
                "https://doi.org/{}",
                IdentifierKind::bare(identifier)
            )),
        );
    }
    let authors: Vec<Value> = meta
        .authors
        .iter()
        .filter(|a| !label(&a.name).is_empty())
        .map(|a| {
            let mut p = Map::new();
            p.insert("@type".into(), json!("Person"));
            p.insert("name".into(), json!(label(&a.name)));
            if let Some(g) = &a.given_names {
                p.insert("givenName".into(), json!(label(g)));
            }
            if let Some(s) = &a.surname {
                p.insert("familyName".into(), json!(label(s)));
            }
            let affiliations: Vec<Value> = a
                .affiliations
                .iter()
                .map(|s| label(s))
                .filter(|s| !s.is_empty())
                .map(|s| json!({"@type": "Organization", "name": s}))
                .collect();
            if !affiliations.is_empty() {
                p.insert("affiliation".into(), Value::Array(affiliations));
            }
            if let Some(orcid) = &a.orcid {
                p.insert(
                    "identifier".into(),
                    json!(format!("https://orcid.org/{}", label(orcid))),
                );
            }
            Value::Object(p)
        })
        .collect();
    if !authors.is_empty() {
        o.insert("author".into(), Value::Array(authors));
    }
    if let Some(d) = date {
        o.insert("datePublished".into(), json!(d));
    }
    if let Some(a) = abstract_text {
        o.insert("abstract".into(), json!(a));
    }
    if !keywords.is_empty() {
        o.insert("keywords".into(), json!(keywords.join(", ")));
    }
    if let Some(p) = meta
        .publisher
        .as_deref()
        .map(label)
        .filter(|s| !s.is_empty())
    {
        o.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": p}),
        );
    }
    if let Some(l) = meta.license.as_deref().map(label).filter(|s| !s.is_empty()) {
        o.insert("license".into(), json!(l));
    }
    let text = serde_json::to_string_pretty(&Value::Object(o)).expect("JSON values serialize");
    // Inside `<script>`, `</script` or `<!--` in a value would end or
    // confuse the element; `\u003c` reads back as the same `<`.
    text.replace('<', "\\u003c")
}
