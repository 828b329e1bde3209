//! `<front>`: the metadata, mapped once. Only what is known is written;
//! where the tag set requires an element that is unknown, the smallest valid
//! form is written and a warning says so.

use crate::model::{Author, Document, IdentifierKind, Metadata, Publication, plain_text};

use super::affiliation::{self, Part};
use super::body::{self, Allowed};
use super::xml::Xml;
use super::{Ctx, inline};

pub fn write(x: &mut Xml, cx: &mut Ctx, doc: &Document) {
    x.open("front", &[]);
    journal_meta(x, cx, &doc.meta);
    article_meta(x, cx, doc);
    x.close("front");
}

/// What is known about the journal: its identifier, title (the metadata's
/// journal title, else the series), ISSNs and publisher. Archiving leaves
/// `<journal-meta>` out when nothing is known; Publishing requires it, with
/// at least one `<journal-id>` and one `<issn>`.
fn journal_meta(x: &mut Xml, cx: &mut Ctx, meta: &Metadata) {
    let p = &meta.publication;
    let title = known(&p.journal_title).or(known(&meta.series));
    let publisher = known(&meta.publisher);
    let journal_id = known(&p.journal_id);
    let issns: Vec<(&str, &str, &str)> = [
        (known(&p.issn_print), "ppub", "print"),
        (known(&p.issn_electronic), "epub", "electronic"),
    ]
    .into_iter()
    .filter_map(|(issn, pub_type, format)| issn.map(|i| (i, pub_type, format)))
    .collect();
    let nothing =
        title.is_none() && publisher.is_none() && journal_id.is_none() && issns.is_empty();
    if !cx.publishing() && nothing {
        return;
    }
    x.open("journal-meta", &[]);
    match (journal_id, cx.publishing()) {
        (Some(id), _) => {
            let kind = known(&p.journal_id_type).unwrap_or("publisher-id");
            x.line("journal-id", &[("journal-id-type", kind)], id);
        }
        (None, true) => match title.or(publisher) {
            Some(id) => x.line("journal-id", &[("journal-id-type", "publisher-id")], id),
            None => {
                x.empty_line("journal-id", &[]);
                cx.warnings.push(
                    "the Publishing tag set requires a <journal-id>; none is known, so it is empty"
                        .into(),
                );
            }
        },
        (None, false) => {}
    }
    if let Some(title) = title {
        x.open("journal-title-group", &[]);
        x.line("journal-title", &[], title);
        x.close("journal-title-group");
    }
    for (issn, pub_type, format) in &issns {
        x.line(
            "issn",
            &[("pub-type", pub_type), ("publication-format", format)],
            issn,
        );
    }
    if cx.publishing() && issns.is_empty() {
        x.empty_line("issn", &[]);
        cx.warnings.push(
            "the Publishing tag set requires an <issn>; none is known, so it is empty".into(),
        );
    }
    if let Some(publisher) = publisher {
        x.open("publisher", &[]);
        x.line("publisher-name", &[], publisher);
        x.close("publisher");
    }
    x.close("journal-meta");
}

fn known(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn article_meta(x: &mut Xml, cx: &mut Ctx, doc: &Document) {
    let meta = &doc.meta;
    x.open("article-meta", &[]);
    article_id(x, &doc.identifier());
    article_categories(x, &meta.publication.subjects);
    title_group(x, cx, doc);
    let affs = meta.distinct_affiliations();
    let nested = nested(&meta.authors, &affs);
    contribs(x, cx, &meta.authors, &affs, nested);
    if !nested {
        for (n, aff) in affs.iter().enumerate() {
            let label = labelled(&affs).then_some(n + 1);
            write_aff(x, &aff_id(n), label, aff);
        }
    }
    let p = &meta.publication;
    if let Some(date) = meta.date {
        let iso = date.to_string();
        x.open(
            "pub-date",
            &[
                (
                    "publication-format",
                    known(&p.publication_format).unwrap_or("electronic"),
                ),
                ("date-type", known(&p.date_type).unwrap_or("pub")),
                ("iso-8601-date", &iso),
            ],
        );
        if let Some(month) = date.month {
            if let Some(day) = date.day {
                x.line("day", &[], &format!("{day:02}"));
            }
            x.line("month", &[], &format!("{month:02}"));
        }
        x.line("year", &[], &format!("{:04}", date.year));
        x.close("pub-date");
    }
    issue_and_pages(x, cx, p, doc);
    permissions(x, cx, meta);
    // An abstract with neither text nor a title carries nothing: left out.
    if let Some(abs) = &meta.abstract_
        && (abs.blocks.iter().any(body::emits) || abs.title.as_ref().is_some_and(|t| !t.is_empty()))
    {
        x.open("abstract", &[]);
        if let Some(title) = abs.title.as_ref().filter(|t| !t.is_empty()) {
            x.open_line("title", &[]);
            inline::write(x, cx, title);
            x.end("title");
        }
        body::flow(x, cx, &abs.blocks, "abstract-sec", Allowed::Paras);
        x.close("abstract");
    }
    let keywords: Vec<&str> = meta
        .keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    if !keywords.is_empty() {
        x.open("kwd-group", &[("kwd-group-type", "author")]);
        for k in keywords {
            x.line("kwd", &[], k);
        }
        x.close("kwd-group");
    }
    x.close("article-meta");
}

/// The article's kind or section in the journal, as subjects.
fn article_categories(x: &mut Xml, subjects: &[String]) {
    let subjects: Vec<&str> = subjects
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if subjects.is_empty() {
        return;
    }
    x.open("article-categories", &[]);
    x.open("subj-group", &[("subj-group-type", "heading")]);
    for subject in subjects {
        x.line("subject", &[], subject);
    }
    x.close("subj-group");
    x.close("article-categories");
}

/// Volume, issue, and where the article is in it: its pages, or its
/// electronic location when it has no pages (JATS allows one or the other).
///
/// When the metadata states neither pages nor an electronic location, the
/// source's own printed pages (its page markers) give the first and last
/// page.
fn issue_and_pages(x: &mut Xml, cx: &mut Ctx, p: &Publication, doc: &Document) {
    if let Some(volume) = known(&p.volume) {
        x.line("volume", &[], volume);
    }
    if let Some(issue) = known(&p.issue) {
        x.line("issue", &[], issue);
    }
    let elocation = known(&p.elocation_id);
    let printed = doc.page_labels();
    let (mut first, mut last) = (known(&p.fpage), known(&p.lpage));
    if first.is_none() && last.is_none() && elocation.is_none() {
        first = printed.first().copied();
        last = printed.last().copied().filter(|_| printed.len() > 1);
    }
    match (first, last) {
        (Some(first), last) => {
            x.line("fpage", &[], first);
            if let Some(last) = last {
                x.line("lpage", &[], last);
            }
            if elocation.is_some() {
                cx.warnings.push(
                    "the document has pages and an elocation-id; JATS takes one: the pages are written"
                        .into(),
                );
            }
        }
        (None, Some(_)) => {
            cx.warnings
                .push("lpage without fpage: JATS needs the first page; neither is written".into());
            if let Some(e) = elocation {
                x.line("elocation-id", &[], e);
            }
        }
        (None, None) => {
            if let Some(e) = elocation {
                x.line("elocation-id", &[], e);
            }
        }
    }
}

/// The identifier with its kind: a DOI without its `doi:` or resolver
/// prefix, an ISBN, or any other identifier (a `urn:uuid:` derived from the
/// content when the document has none) as given.
fn article_id(x: &mut Xml, id: &str) {
    let (kind, value) = match IdentifierKind::of(id) {
        IdentifierKind::Doi => ("doi", bare_identifier(id)),
        IdentifierKind::Isbn => ("isbn", bare_identifier(id)),
        IdentifierKind::Uuid | IdentifierKind::Other => ("other", id.trim()),
    };
    if !value.is_empty() {
        x.line("article-id", &[("pub-id-type", kind)], value);
    }
}

fn title_group(x: &mut Xml, cx: &mut Ctx, doc: &Document) {
    let meta = &doc.meta;
    x.open("title-group", &[]);
    x.open_line("article-title", &[]);
    match meta
        .title
        .as_ref()
        .filter(|t| !plain_text(t).trim().is_empty())
    {
        Some(title) => inline::write(x, cx, title),
        None => {
            // The title every edition states when the metadata has none.
            let title = crate::write::document_title(doc);
            x.text(&title);
            cx.warnings.push(format!(
                "no title in the metadata; <article-title> is `{title}`"
            ));
        }
    }
    x.end("article-title");
    if let Some(subtitle) = meta.subtitle.as_ref().filter(|s| !s.is_empty()) {
        x.open_line("subtitle", &[]);
        inline::write(x, cx, subtitle);
        x.end("subtitle");
    }
    x.close("title-group");
}

/// Whether affiliations are numbered: only when there are several, as the
/// PDF and EPUB title pages list a single one without a number. A numbered
/// affiliation has its number as `<label>`, and the authors' references to
/// it show the number (JATS4R: an `xref` with content points at an `aff`
/// with a `label`; an `aff` without one is referred to by an empty `xref`).
fn labelled(affs: &[&str]) -> bool {
    affs.len() > 1
}

/// Whether each affiliation sits inside its author's `<contrib>`: when
/// there are several and each is one author's alone. The relation is then
/// the document's structure, not numbered references an `id` lookup must
/// resolve (a checker reading the file without its DTD cannot, and JATS4R
/// asks for the relation one way or the other). A shared affiliation, or a
/// single one, stays in `<article-meta>`, written once.
fn nested(authors: &[Author], affs: &[&str]) -> bool {
    affs.len() > 1
        && affs.iter().all(|aff| {
            authors
                .iter()
                .filter(|a| a.affiliations.iter().any(|x| x.trim() == *aff))
                .count()
                == 1
        })
}

fn aff_id(n: usize) -> String {
    format!("aff{}", n + 1)
}

fn contribs(x: &mut Xml, cx: &mut Ctx, authors: &[Author], affs: &[&str], nested: bool) {
    if authors.is_empty() {
        return;
    }
    x.open("contrib-group", &[]);
    for (n, author) in authors.iter().enumerate() {
        x.open("contrib", &[("contrib-type", "author")]);
        if let Some(orcid) = author
            .orcid
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            x.line(
                "contrib-id",
                &[("contrib-id-type", "orcid")],
                &orcid_url(orcid),
            );
        }
        name(x, author);
        if let Some(email) = author
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            x.line("email", &[], email);
        }
        for aff in &author.affiliations {
            if let Some(i) = affs.iter().position(|a| *a == aff.trim()) {
                if nested {
                    write_aff(x, &aff_id(i), None, affs[i]);
                    continue;
                }
                let rid = aff_id(i);
                let attrs = [("ref-type", "aff"), ("rid", rid.as_str())];
                if labelled(affs) {
                    x.line("xref", &attrs, &(i + 1).to_string());
                } else {
                    x.empty_line("xref", &attrs);
                }
            }
        }
        if author.bio.iter().any(body::emits) {
            x.open("bio", &[]);
            body::flow(
                x,
                cx,
                &author.bio,
                &format!("bio{}-sec", n + 1),
                Allowed::ParaLevel,
            );
            x.close("bio");
        }
        x.close("contrib");
    }
    x.close("contrib-group");
}

/// An ORCID iD in its URL form, `https://orcid.org/<iD>`,
/// whether it was given bare, as a URL, or with the host only.
fn orcid_url(orcid: &str) -> String {
    let mut bare = orcid.trim();
    for prefix in ["https://", "http://", "www.", "orcid.org/"] {
        bare = strip_prefix_ignore_case(bare, prefix).unwrap_or(bare);
    }
    format!("https://orcid.org/{bare}")
}

/// `text` without `prefix` (ASCII, any case), if it starts with it. Safe for
/// any text: slicing at a byte that is not a character boundary is avoided.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The identifier without its scheme prefix. `IdentifierKind::bare` slices
/// at a byte count and can split a character; this does the same job safely.
fn bare_identifier(id: &str) -> &str {
    let id = id.trim();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "doi:",
        "urn:isbn:",
        "isbn:",
        "isbn ",
    ] {
        if let Some(rest) = strip_prefix_ignore_case(id, prefix) {
            return rest.trim();
        }
    }
    id
}

/// `<name>` when the name splits into surname and given names, else
/// `<string-name>` with the name as displayed.
fn name(x: &mut Xml, author: &Author) {
    let part = |p: &Option<String>| {
        p.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    match (part(&author.surname), part(&author.given_names)) {
        (Some(surname), given) => {
            x.open("name", &[]);
            x.line("surname", &[], &surname);
            if let Some(given) = given {
                x.line("given-names", &[], &given);
            }
            x.close("name");
        }
        (None, _) if !author.name.trim().is_empty() => {
            x.line("string-name", &[], author.name.trim());
        }
        (None, _) => {}
    }
}

/// An affiliation with its institutions and country tagged; the separators
/// stay as text, so the affiliation reads as given.
fn write_aff(x: &mut Xml, id: &str, label: Option<usize>, aff: &str) {
    x.open_line("aff", &[("id", id)]);
    if let Some(number) = label {
        x.start("label", &[]);
        x.text(&number.to_string());
        x.end("label");
    }
    for (part, sep) in affiliation::split(aff) {
        match part {
            Part::Institution(t) => {
                x.start("institution", &[]);
                x.text(t);
                x.end("institution");
            }
            Part::Country(t) => {
                // The ISO code lets a repository know the country whatever
                // language the name is in (JATS4R affiliations).
                match affiliation::country_code(t) {
                    Some(code) => x.start("country", &[("country", code)]),
                    None => x.start("country", &[]),
                }
                x.text(t);
                x.end("country");
            }
            Part::Other(t) => x.text(t),
        }
        x.text(sep);
    }
    x.end("aff");
}

/// The copyright (statement, year, holder) and the license: a URL
/// becomes `<license xlink:href>` with `<ali:license_ref>`; a name stays text
/// in `<license-p>`. A year and a holder without a statement get the
/// statement `© YEAR HOLDER`. (A statement given as `extra.copyright` is
/// still read.)
fn permissions(x: &mut Xml, cx: &mut Ctx, meta: &Metadata) {
    let p = &meta.publication;
    let year = p.copyright_year;
    let holder = known(&p.copyright_holder);
    let given = known(&p.copyright_statement)
        .map(str::to_string)
        .or_else(|| {
            ["copyright", "rights"]
                .iter()
                .find_map(|k| meta.extra.get(*k))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        });
    let statement = given.or_else(|| match (year, holder) {
        (Some(y), Some(h)) => Some(format!("\u{a9} {y} {h}")),
        _ => None,
    });
    let license = known(&meta.license);
    if statement.is_none() && year.is_none() && holder.is_none() && license.is_none() {
        return;
    }
    x.open("permissions", &[]);
    if let Some(statement) = &statement {
        x.line("copyright-statement", &[], statement);
    }
    if let Some(year) = year {
        x.line("copyright-year", &[], &format!("{year:04}"));
    }
    if let Some(holder) = holder {
        x.line("copyright-holder", &[], holder);
    }
    if let Some(license) = license {
        match license_url(license) {
            Some(url) => {
                cx.uses_xlink = true;
                cx.uses_ali = true;
                x.open("license", &[("xlink:href", url.as_str())]);
                x.line("ali:license_ref", &[], &url);
                if url != license {
                    x.line("license-p", &[], license);
                }
                x.close("license");
            }
            None => {
                x.open("license", &[]);
                x.line("license-p", &[], license);
                x.close("license");
            }
        }
    }
    x.close("permissions");
}

/// The URL of a license: the license itself when it is one, or the
/// Creative Commons deed for a name such as `CC BY 4.0` or `CC0`.
fn license_url(license: &str) -> Option<String> {
    if license.starts_with("http://") || license.starts_with("https://") {
        return Some(license.to_string());
    }
    let words: Vec<String> = license
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    match words.as_slice() {
        [cc0] if cc0 == "cc0" => Some("https://creativecommons.org/publicdomain/zero/1.0/".into()),
        [cc0, v] if cc0 == "cc0" && v == "1.0" => {
            Some("https://creativecommons.org/publicdomain/zero/1.0/".into())
        }
        [cc, rest @ .., version] if cc == "cc" && !rest.is_empty() => {
            let known = ["by", "sa", "nc", "nd"];
            let valid_version = ["1.0", "2.0", "2.5", "3.0", "4.0"].contains(&version.as_str());
            (rest.iter().all(|w| known.contains(&w.as_str())) && rest[0] == "by" && valid_version)
                .then(|| {
                    format!(
                        "https://creativecommons.org/licenses/{}/{version}/",
                        rest.join("-")
                    )
                })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_urls() {
        for given in [
            "0000-0002-1825-0097",
            "https://orcid.org/0000-0002-1825-0097",
            "orcid.org/0000-0002-1825-0097",
            "http://www.orcid.org/0000-0002-1825-0097",
        ] {
            assert_eq!(orcid_url(given), "https://orcid.org/0000-0002-1825-0097");
        }
        assert_eq!(orcid_url("é"), "https://orcid.org/é");
        assert_eq!(orcid_url("htt€€€€"), "https://orcid.org/htt€€€€");
    }

    #[test]
    fn identifiers_lose_their_scheme_and_never_split_characters() {
        assert_eq!(bare_identifier("doi:10.1/x"), "10.1/x");
        assert_eq!(bare_identifier("https://doi.org/10.1/x"), "10.1/x");
        assert_eq!(bare_identifier("ISBN: 978-3"), "978-3");
        assert_eq!(bare_identifier("10.€€€€€€"), "10.€€€€€€");
        let mut x = Xml::new(0);
        article_id(&mut x, "10.€€€€€€");
        assert!(
            String::from_utf8(x.finish().unwrap())
                .unwrap()
                .contains("10.€€€€€€")
        );
    }

    #[test]
    fn license_names_map_to_creative_commons_urls() {
        assert_eq!(
            license_url("CC BY 4.0").as_deref(),
            Some("https://creativecommons.org/licenses/by/4.0/")
        );
        assert_eq!(
            license_url("CC BY-NC-SA 4.0").as_deref(),
            Some("https://creativecommons.org/licenses/by-nc-sa/4.0/")
        );
        assert_eq!(
            license_url("CC0").as_deref(),
            Some("https://creativecommons.org/publicdomain/zero/1.0/")
        );
        assert_eq!(license_url("All rights reserved"), None);
        assert_eq!(license_url("CC 4.0"), None);
    }
}
