//! The HTML edition: one standalone HTML5 page with the same metadata as the
//! other editions (Highwire `citation_*`, Dublin Core `DC.*`, schema.org
//! JSON-LD), valid HTML (Nu checker), no axe-core violations, the same bytes
//! on every run, checked in headless Chromium.

mod common;

use std::path::{Path, PathBuf};

use common::{SAMPLE_STEM, browser, recto, sample_input};

/// Converts `input` into `out` with the given formats, at a fixed time.
fn convert(input: &Path, out: &Path, formats: &str, extra: &[&str]) {
    recto()
        .env("SOURCE_DATE_EPOCH", "1761177600")
        .arg("convert")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["-t", formats, "--force", "-q"])
        .args(extra)
        .assert()
        .success();
}

fn html_of(out: &Path, stem: &str) -> (PathBuf, String) {
    let path = out.join(stem).join(format!("{stem}.html"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, text)
}

/// The `content` of every `<meta name="name">`, unescaped, in order.
fn meta(html: &str, name: &str) -> Vec<String> {
    let open = format!("<meta name=\"{name}\" content=\"");
    html.match_indices(&open)
        .map(|(at, _)| {
            let rest = &html[at + open.len()..];
            unescape(&rest[..rest.find('"').unwrap()])
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn json_ld(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let at = html.find(open).expect("a JSON-LD script") + open.len();
    let end = html[at..].find("</script>").unwrap();
    serde_json::from_str(&html[at..at + end]).expect("the JSON-LD parses")
}

#[test]
fn the_sample_page_carries_the_metadata_of_the_other_editions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    convert(&sample_input(), &out, "html,pdf,epub,jats,txt", &[]);
    let (_, html) = html_of(&out, SAMPLE_STEM);
    let editions = common::editions::Editions::read(&out.join(SAMPLE_STEM), SAMPLE_STEM);

    let title = "One Year After the Kazan Summit: An Assessment of China-India Relations";
    assert_eq!(meta(&html, "citation_title"), [title]);
    assert_eq!(meta(&html, "DC.title"), [title]);
    assert!(html.contains(&format!("<title>{title}</title>")));
    assert_eq!(meta(&html, "citation_author"), ["Lidarev, Ivan"]);
    assert_eq!(meta(&html, "DC.creator"), ["Ivan Lidarev"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(meta(&html, "DC.language"), editions.txt_field("Language"));

    // The identifier (content-derived: the sample states none) and the
    // abstract are the ones every other edition writes.
    let identifier = editions.txt_field("Identifier");
    assert_eq!(meta(&html, "DC.identifier"), identifier);
    assert!(identifier[0].starts_with("urn:uuid:"));
    editions.assert_all_contain(&[identifier[0].as_str()]);
    let abstract_ = &meta(&html, "citation_abstract")[0];
    assert_eq!(&editions.txt_field("Abstract")[0], abstract_);
    assert_eq!(meta(&html, "DC.description")[0], *abstract_);

    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "ScholarlyArticle");
    assert_eq!(ld["headline"], title);
    assert_eq!(ld["author"][0]["familyName"], "Lidarev");
    assert_eq!(ld["identifier"], identifier[0].as_str());
    assert_eq!(ld["abstract"], abstract_.as_str());

    // The repaired text, as the text edition has it.
    assert!(html.contains("increasing by 22 percent"));
    assert!(editions.txt.contains("increasing by 22"));
}

#[test]
fn the_page_is_the_same_bytes_on_every_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    convert(&sample_input(), &a, "html", &[]);
    convert(&sample_input(), &b, "html", &[]);
    assert_eq!(html_of(&a, SAMPLE_STEM).1, html_of(&b, SAMPLE_STEM).1);
}

#[test]
fn full_metadata_becomes_highwire_dublin_core_and_schema_org() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("full.md");
    std::fs::write(
        &input,
        "# Introduction\n\nSome *body* text.\n\n## Method\n\nMore text </script> here.\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("full.meta.toml"),
        r#"
title = "Reading Back Everything"
date = "2025-10-23"
language = "en-GB"
identifier = "doi:10.5555/recto.test.1"
publisher = "Test Press"
abstract = "An abstract with </script> inside."
keywords = ["alpha", "beta gamma"]
license = "https://creativecommons.org/licenses/by/4.0/"

[[authors]]
name = "Ada Lovelace"
affiliations = ["Analytical Society"]
orcid = "0000-0002-1825-0097"

[[authors]]
name = "Charles Babbage"
"#,
    )
    .unwrap();
    let out = tmp.path().join("out");
    convert(&input, &out, "html", &[]);
    let (path, html) = html_of(&out, "full");

    assert!(html.contains("<html lang=\"en-GB\">"));
    assert_eq!(
        meta(&html, "citation_author"),
        ["Lovelace, Ada", "Babbage, Charles"]
    );
    assert_eq!(
        meta(&html, "citation_author_institution"),
        ["Analytical Society"]
    );
    assert_eq!(meta(&html, "citation_publication_date"), ["2025/10/23"]);
    assert_eq!(meta(&html, "citation_doi"), ["10.5555/recto.test.1"]);
    assert_eq!(meta(&html, "citation_keywords"), ["alpha; beta gamma"]);
    assert_eq!(meta(&html, "DC.date"), ["2025-10-23"]);
    assert_eq!(meta(&html, "DC.identifier"), ["doi:10.5555/recto.test.1"]);
    assert_eq!(meta(&html, "DC.subject"), ["alpha", "beta gamma"]);
    assert_eq!(meta(&html, "DC.publisher"), ["Test Press"]);
    assert_eq!(
        meta(&html, "DC.rights"),
        ["https://creativecommons.org/licenses/by/4.0/"]
    );
    // `</script>` in a value cannot end the JSON-LD early, and reads back.
    assert_eq!(html.matches("</script>").count(), 1);
    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "ScholarlyArticle");
    assert_eq!(ld["sameAs"], "https://doi.org/10.5555/recto.test.1");
    assert_eq!(ld["datePublished"], "2025-10-23");
    assert_eq!(ld["abstract"], "An abstract with </script> inside.");
    assert_eq!(ld["author"][1]["name"], "Charles Babbage");
    assert_eq!(
        ld["author"][0]["identifier"],
        "https://orcid.org/0000-0002-1825-0097"
    );

    // The table of contents goes to the sections.
    assert!(html.contains("<nav class=\"toc\" role=\"doc-toc\""));
    assert!(html.contains(">Introduction</a>") && html.contains(">Method</a>"));

    if let Some(errors) = browser::vnu_errors(&path) {
        assert!(errors.is_empty(), "Nu HTML checker:\n{errors}");
    }
}

#[test]
fn the_sample_page_is_valid_accessible_and_renders_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    convert(&sample_input(), &out, "html", &[]);
    let (path, html) = html_of(&out, SAMPLE_STEM);

    if let Some(errors) = browser::vnu_errors(&path) {
        assert!(errors.is_empty(), "Nu HTML checker:\n{errors}");
    }
    if let Some(violations) = browser::axe_violations(&html) {
        assert!(violations.is_empty(), "axe-core: {violations:#?}");
    }
    // What the browser made of it: the title, every in-page link lands on
    // an element, the JSON-LD parses, the text shows.
    let script = r##"
        var links = Array.from(document.querySelectorAll('a[href^="#"]'));
        __rectoReport({
            h1: document.querySelector('h1').textContent,
            lang: document.documentElement.lang,
            links: links.length,
            broken: links.filter(function (a) { return !document.getElementById(a.hash.slice(1)); }).length,
            ld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent)['@type'],
            text: document.querySelector('main').innerText.indexOf('increasing by 22 percent') >= 0,
            width: document.querySelector('main').getBoundingClientRect().width
        });"##;
    let Some(json) = browser::run_in_page(&html, script) else {
        return;
    };
    let dom: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        dom["h1"],
        "One Year After the Kazan Summit: An Assessment of China-India Relations"
    );
    assert_eq!(dom["lang"], "en");
    assert!(dom["links"].as_u64().unwrap() >= 2, "{dom}");
    assert_eq!(dom["broken"], 0, "{dom}");
    assert_eq!(dom["ld"], "ScholarlyArticle");
    assert_eq!(dom["text"], true);
    assert!(dom["width"].as_f64().unwrap() > 300.0, "{dom}");
    browser::screenshot(&path, "html-edition-sample", 1100, 1400);
}

#[test]
fn a_page_template_replaces_the_builtin_one_and_must_show_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(templates.join("html")).unwrap();
    std::fs::write(
        templates.join("html/page.html"),
        "<!DOCTYPE html>\n<html lang=\"{{lang}}\"><head><title>{{title}}</title></head>\
         <body><main class=\"mine\">{{body}}</main></body></html>\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let dir = templates.to_str().unwrap();
    convert(&sample_input(), &out, "html", &["--templates", dir]);
    let (_, html) = html_of(&out, SAMPLE_STEM);
    assert!(html.contains("<main class=\"mine\"><p>It has been a year"));

    std::fs::write(
        templates.join("html/page.html"),
        "<html><body>{{title}}</body></html>",
    )
    .unwrap();
    recto()
        .arg("convert")
        .arg(sample_input())
        .arg("-o")
        .arg(&out)
        .args(["-t", "html", "--force", "--templates", dir])
        .assert()
        .failure()
        .stderr(predicates::str::contains("{{body}}"));
}
