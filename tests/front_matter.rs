//! Markdown front matter as authors write it (issue 19): real Jekyll and
//! Hugo posts (`tests/data/front-matter`, licences in its README) convert
//! with their title, authors, date and keywords in every edition; keys
//! Recto has no field for are kept in `extra`, never fatal; `--strict-meta`
//! keeps the strictness of a metadata file.

mod common;

use std::path::Path;

use common::editions::Editions;
use common::{data, recto};
use predicates::prelude::*;

/// Converts `input` into every edition under `out`; returns what they say.
fn convert(input: &Path, out: &Path) -> Editions {
    recto()
        .args(["convert", "-q", "-o"])
        .arg(out)
        .arg(input)
        .assert()
        .success()
        .stderr("");
    let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
    Editions::read(&out.join(&stem), &stem)
}

#[test]
fn a_jekyll_post_converts_with_its_metadata_in_every_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let input = data("front-matter/jekyll-2-5-0-released.markdown");
    let ed = convert(&input, tmp.path());
    assert_eq!(
        ed.txt_field("Title"),
        ["Jekyll's Mid-Life Crisis (Or, Jekyll turns 2.5.0)"]
    );
    assert_eq!(ed.txt_field("Author"), ["parkr"]);
    assert_eq!(ed.txt_field("Date"), ["2014-11-05"]);
    assert_eq!(ed.txt_field("Keywords"), ["release"]);
    ed.assert_all_contain(&[
        "Mid-Life Crisis (Or, Jekyll turns 2.5.0)",
        "parkr",
        "2014-11-05",
    ]);
    assert!(ed.jats.contains("<kwd>release</kwd>"), "{}", ed.jats);
    assert!(ed.opf.contains(">release</dc:subject>"), "{}", ed.opf);
    if let Some((info, _)) = &ed.pdf {
        assert!(info.contains("Keywords:        release"), "{info}");
    }
}

#[test]
fn a_hugo_post_converts_with_its_metadata_in_every_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let input = data("front-matter/hugo-http2-server-push.md");
    let ed = convert(&input, tmp.path());
    assert_eq!(ed.txt_field("Title"), ["HTTP/2 Server Push in Hugo"]);
    assert_eq!(ed.txt_field("Author"), ["bep"]);
    assert_eq!(ed.txt_field("Date"), ["2017-07-24"]);
    assert_eq!(ed.txt_field("Keywords"), ["blog"]);
    // Hugo's description is the abstract.
    ed.assert_all_contain(&[
        "HTTP/2 Server Push in Hugo",
        "bep",
        "2017-07-24",
        "output to multiple formats",
    ]);
    assert!(ed.jats.contains("<kwd>blog</kwd>"));
    assert!(ed.opf.contains(">blog</dc:subject>"));
}

#[test]
fn unknown_keys_are_kept_and_listed_by_meta() {
    let input = data("front-matter/jekyll-2-5-0-released.markdown");
    let out = recto().arg("meta").arg(&input).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["extra"]["layout"], "news_item");
    assert_eq!(json["extra"]["version"], "2.5.0");
    assert_eq!(json["date"]["value"], "2014-11-05");
    assert!(
        json["date"]["source"]
            .as_str()
            .unwrap()
            .starts_with("front matter of")
    );
}

#[test]
fn strict_meta_makes_an_unknown_front_matter_key_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let input = data("front-matter/jekyll-2-5-0-released.markdown");
    recto()
        .args(["convert", "--strict-meta", "-t", "txt", "-o"])
        .arg(tmp.path())
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "jekyll-2-5-0-released.markdown:2:",
        ))
        .stderr(predicate::str::contains("unknown field `layout`"));
    assert!(common::snapshot(tmp.path()).is_empty(), "nothing written");
}

#[test]
fn an_author_string_with_two_names_is_two_authors() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("two.md");
    std::fs::write(
        &input,
        "---\ntitle: Two Authors\nauthors: Ann Lee, Bo Chan\ndate: 2024-01-05 10:30:00 +0100\n\
         tags: [rust, cli]\nlang: en-GB\nsubtitle: And a subtitle\n---\n\nBody text.\n",
    )
    .unwrap();
    let out = recto().arg("meta").arg(&input).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let authors = json["authors"]["value"].as_array().unwrap();
    assert_eq!(authors.len(), 2);
    assert_eq!(authors[0]["surname"], "Lee");
    assert_eq!(authors[1]["given_names"], "Bo");
    assert_eq!(json["date"]["value"], "2024-01-05");
    assert_eq!(
        json["keywords"]["value"],
        serde_json::json!(["rust", "cli"])
    );
    assert_eq!(json["language"]["value"], "en-GB");
    assert_eq!(json["subtitle"]["value"], "And a subtitle");
}

#[test]
fn an_unusable_value_is_a_warning_not_a_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("rmd.md");
    std::fs::write(
        &input,
        "---\ntitle: \"Report\"\nauthor: \"Ann Lee\"\ndate: \"`r Sys.Date()`\"\n\
         output: html_document\n---\n\nBody text.\n",
    )
    .unwrap();
    recto()
        .args(["convert", "-t", "txt", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains("rmd.md:4:"))
        .stderr(predicate::str::contains("kept as extra.date"));
    let txt = std::fs::read_to_string(tmp.path().join("out/rmd/rmd.txt")).unwrap();
    assert!(txt.starts_with("Title: Report\nAuthor: Ann Lee\n"), "{txt}");
}

#[test]
fn a_metadata_file_stays_strict() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("doc.md");
    std::fs::write(&input, "Body text.\n").unwrap();
    std::fs::write(tmp.path().join("doc.meta.yaml"), "title: T\nlayout: post\n").unwrap();
    recto()
        .args(["convert", "-t", "txt", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("doc.meta.yaml:2"));
}
