//! Deposit profiles: the metadata a repository's checker requires of a
//! JATS article, and which of it a document lacks. `recto check --profile`
//! lists what is missing, with the metadata key that would supply it,
//! before anything is written; `recto convert --strict PROFILE` refuses to
//! write a document that lacks any of it. Nothing is ever filled in by
//! guessing: the list says what to add.
//!
//! The fields are those whose absence the checkers report as errors on a
//! Recto article (with every other field present):
//! * `pmc`: PMC Style Checker 5.31 (`front-content-check`,
//!   `journal-meta-check`, `required-child` for `article-categories`,
//!   `fpage-elocation-check`, `pub-date-check`);
//! * `jats4r`: the JATS4R Schematron errors on permissions (a licence or a
//!   copyright, and a copyright with both its year and its holder).

use crate::model::Document;

/// A repository profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Profile {
    /// PubMed Central deposit (PMC Style Checker).
    Pmc,
    /// The JATS4R reuse recommendations (JATS4R Schematron).
    Jats4r,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Pmc => "pmc",
            Profile::Jats4r => "jats4r",
        }
    }
}

/// One field a profile needs and the document lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// What is missing, for a person.
    pub field: &'static str,
    /// The metadata key(s) that supply it (`--set KEY=...` or the file).
    pub keys: &'static str,
    /// What the profile's checker says without it.
    pub why: &'static str,
}

fn known(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.trim().is_empty())
}

/// The fields `profile` needs that `doc` lacks, in the order the JATS
/// front matter holds them. A document whose source printed its page
/// numbers has its first page (the JATS writer takes it from the page
/// markers), so it needs no `fpage`.
pub fn missing(profile: Profile, doc: &Document) -> Vec<Missing> {
    let meta = &doc.meta;
    let p = &meta.publication;
    let mut out = Vec::new();
    let mut need = |present: bool, field, keys, why| {
        if !present {
            out.push(Missing { field, keys, why });
        }
    };
    match profile {
        Profile::Pmc => {
            need(
                known(&p.journal_title) || known(&meta.series),
                "journal title",
                "journal_title",
                "<front> requires <journal-meta> with a <journal-title>",
            );
            need(
                known(&p.issn_print) || known(&p.issn_electronic),
                "ISSN",
                "issn_print or issn_electronic",
                "<journal-meta> requires an <issn>",
            );
            need(
                p.subjects.iter().any(|s| !s.trim().is_empty()),
                "article category",
                "subjects",
                "<article-meta> must have <article-categories>",
            );
            need(
                meta.date.is_some(),
                "publication date",
                "date",
                "<article-meta> must contain a real publication date",
            );
            need(
                known(&p.fpage) || known(&p.elocation_id) || !doc.page_labels().is_empty(),
                "first page or electronic location",
                "fpage (with lpage) or elocation_id",
                "either <fpage> or <elocation-id> must be present",
            );
        }
        Profile::Jats4r => {
            let year = p.copyright_year.is_some();
            let holder = known(&p.copyright_holder);
            let statement = known(&p.copyright_statement)
                || ["copyright", "rights"]
                    .iter()
                    .any(|k| meta.extra.get(*k).is_some_and(|v| !v.trim().is_empty()));
            let copyright = year || holder || statement;
            need(
                known(&meta.license) || copyright,
                "licence or copyright",
                "license (or copyright_year and copyright_holder)",
                "JATS4R-compliant articles must include a <permissions> element",
            );
            if copyright {
                need(
                    year,
                    "copyright year",
                    "copyright_year",
                    "a copyright statement or holder needs a <copyright-year>",
                );
                need(
                    holder,
                    "copyright holder",
                    "copyright_holder",
                    "a copyright statement or year needs a <copyright-holder>",
                );
            }
        }
    }
    out
}

/// The list as `recto check` prints it: one line per field, aligned.
pub fn render(missing: &[Missing]) -> String {
    let width = missing.iter().map(|m| m.field.len()).max().unwrap_or(0);
    let keys = missing.iter().map(|m| m.keys.len()).max().unwrap_or(0);
    missing
        .iter()
        .map(|m| {
            format!(
                "  {:width$}  {:keys$}  ({})",
                m.field,
                m.keys,
                m.why,
                width = width,
                keys = keys
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Date, Inline, Metadata};

    fn doc(meta: &Metadata) -> Document {
        Document {
            meta: meta.clone(),
            ..Document::default()
        }
    }

    #[test]
    fn pmc_names_each_missing_field_once() {
        let mut meta = Metadata::default();
        let keys: Vec<&str> = missing(Profile::Pmc, &doc(&meta))
            .iter()
            .map(|m| m.keys)
            .collect();
        assert_eq!(
            keys,
            vec![
                "journal_title",
                "issn_print or issn_electronic",
                "subjects",
                "date",
                "fpage (with lpage) or elocation_id"
            ]
        );
        // A source that printed its page numbers gives the first page.
        let mut paged = doc(&meta);
        paged.blocks.push(Block::paragraph(
            vec![Inline::PageMarker("7".into()), Inline::text("Text")],
            crate::model::Span::line(1),
        ));
        assert!(
            !missing(Profile::Pmc, &paged)
                .iter()
                .any(|m| m.keys.starts_with("fpage"))
        );
        meta.series = Some("Briefs".into());
        meta.date = Some(Date::parse("2025").unwrap());
        meta.publication.elocation_id = Some("e42".into());
        meta.publication.issn_electronic = Some("2049-3630".into());
        meta.publication.subjects = vec!["Brief".into()];
        assert!(missing(Profile::Pmc, &doc(&meta)).is_empty());
    }

    #[test]
    fn jats4r_wants_permissions_and_a_whole_copyright() {
        let mut meta = Metadata::default();
        assert_eq!(
            missing(Profile::Jats4r, &doc(&meta))[0]
                .keys
                .split(' ')
                .next(),
            Some("license")
        );
        meta.publication.copyright_holder = Some("The Authors".into());
        let m = missing(Profile::Jats4r, &doc(&meta));
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].keys, "copyright_year");
        meta.publication.copyright_year = Some(2025);
        assert!(missing(Profile::Jats4r, &doc(&meta)).is_empty());
        let text = render(&[Missing {
            field: "x",
            keys: "k",
            why: "w",
        }]);
        assert_eq!(text, "  x  k  (w)");
    }
}
