//! The repair review page and overruling: every logged edit is highlighted
//! on the page, the filters and keys work in a real browser, the download
//! lists the unticked ids, and `convert --reject` undoes exactly those edits.

mod common;

use std::path::{Path, PathBuf};

use common::{SAMPLE_STEM, browser, recto, sample_input};
use recto::convert::{LoadOptions, load};

fn review(input: &Path, out: &Path, extra: &[&str]) -> String {
    recto()
        .arg("review")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(extra)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

/// The id of the sample's `by22` -> `by 22` repair.
fn by22_id() -> String {
    let loaded = load(&sample_input(), &LoadOptions::default()).unwrap();
    let c = loaded
        .log
        .changes
        .iter()
        .find(|c| c.before == "by22" && c.after == "by 22")
        .expect("the sample's by22 repair");
    c.id()
}

#[test]
fn every_logged_edit_of_the_sample_is_on_the_page_with_a_stable_id() {
    let tmp = tempfile::tempdir().unwrap();
    let page = review(&sample_input(), &tmp.path().join("a.html"), &[]);
    let again = review(&sample_input(), &tmp.path().join("b.html"), &[]);
    assert_eq!(page, again, "the same input gives the same page and ids");

    let loaded = load(&sample_input(), &LoadOptions::default()).unwrap();
    let edits: Vec<_> = loaded.log.changes.iter().filter(|c| !c.declined).collect();
    assert!(edits.len() >= 20, "{}", edits.len());
    for (n, c) in edits.iter().enumerate() {
        let id = c.id();
        assert!(
            page.contains(&format!("id=\"e-{n}\" data-rule=")) && page.contains(&id),
            "edit {n} ({}/{} {:?}) has no highlight",
            c.pass,
            c.rule,
            c.before
        );
    }
    // Self-contained: nothing is loaded from elsewhere.
    for outside in ["src=\"http", "href=\"http", "<link ", "@import", "url("] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
}

#[test]
fn the_page_works_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("review.html");
    let page = review(&sample_input(), &path, &[]);
    let by22 = by22_id();
    if let Some(violations) = browser::axe_violations(&page) {
        assert!(violations.is_empty(), "axe-core: {violations:#?}");
    }
    let script = format!(
        r#"
        var entries = document.querySelectorAll('li.entry');
        var highlighted = Array.prototype.filter.call(entries, function (li) {{
            var m = document.getElementById('e-' + li.getAttribute('data-n'));
            return m && getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)';
        }}).length;
        // Filter: hide the first rule.
        var filter = document.querySelector('input.filter');
        var rule = filter.getAttribute('data-rule');
        var ruled = document.querySelectorAll('li.entry.' + rule);
        var shownBefore = getComputedStyle(ruled[0]).display;
        filter.checked = false;
        filter.dispatchEvent(new Event('change', {{ bubbles: true }}));
        var shownAfter = getComputedStyle(ruled[0]).display;
        var markAfter = getComputedStyle(document.querySelector('#text .edit.' + rule)).backgroundColor;
        filter.checked = true;
        filter.dispatchEvent(new Event('change', {{ bubbles: true }}));
        // Keys: n twice, p once.
        function key(k) {{ document.dispatchEvent(new KeyboardEvent('keydown', {{ key: k, bubbles: true }})); }}
        key('n'); var first = document.querySelector('.edit.current').id;
        key('n'); var second = document.querySelector('.edit.current').id;
        key('p'); var back = document.querySelector('.edit.current').id;
        // Reject the by22 repair and download.
        var entry = document.querySelector('li.entry[data-id="{by22}"]');
        var keep = entry.querySelector('input.keep');
        keep.click();
        var download = document.getElementById('download');
        download.addEventListener('click', function (e) {{ e.preventDefault(); }});
        download.click();
        __rectoReport({{
            entries: entries.length,
            edits: document.querySelectorAll('#text .edit').length,
            highlighted: highlighted,
            shownBefore: shownBefore, shownAfter: shownAfter, markAfter: markAfter,
            first: first, second: second, back: back,
            inOrder: document.querySelectorAll('#text .edit')[0].id,
            position: document.getElementById('position').textContent,
            rejecting: document.getElementById('e-' + entry.getAttribute('data-n')).classList.contains('rejecting'),
            count: document.getElementById('rejected-count').textContent,
            download: decodeURIComponent(download.getAttribute('href').split(',')[1])
        }});"#
    );
    let Some(json) = browser::run_in_page(&page, &script) else {
        return;
    };
    let dom: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = dom["entries"].as_u64().unwrap();
    assert!(entries >= 20, "{dom}");
    assert_eq!(dom["edits"], entries, "one highlight per edit: {dom}");
    assert_eq!(
        dom["highlighted"], entries,
        "every highlight is coloured: {dom}"
    );
    assert_ne!(dom["shownBefore"], "none", "{dom}");
    assert_eq!(
        dom["shownAfter"], "none",
        "the filter hides its rule: {dom}"
    );
    assert_eq!(dom["markAfter"], "rgba(0, 0, 0, 0)", "{dom}");
    assert_eq!(
        dom["first"], dom["inOrder"],
        "n goes to the first edit in the text: {dom}"
    );
    assert_ne!(dom["second"], dom["first"], "{dom}");
    assert_eq!(dom["back"], dom["first"], "{dom}");
    assert!(
        dom["position"].as_str().unwrap().starts_with("Edit 1 of"),
        "{dom}"
    );
    assert_eq!(dom["rejecting"], true, "{dom}");
    assert_eq!(dom["count"], "1", "{dom}");
    let download = dom["download"].as_str().unwrap();
    let ids = recto::review::reject::parse(download).expect("the download reads back");
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), [by22]);

    browser::screenshot(&path, "review-page-sample", 1400, 1000);
}

/// The editions of the sample, with or without a reject list.
fn convert(out: &Path, extra: &[&str]) -> PathBuf {
    recto()
        .env("SOURCE_DATE_EPOCH", "1761177600")
        .arg("convert")
        .arg(sample_input())
        .arg("-o")
        .arg(out)
        .args(["-t", "txt,html,jats", "--force", "-q"])
        .args(extra)
        .assert()
        .success();
    out.join(SAMPLE_STEM)
}

#[test]
fn rejecting_by22_brings_it_back_and_changes_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("reject.txt");
    std::fs::write(&list, format!("# from the review page\n{}\n", by22_id())).unwrap();
    let plain = convert(&tmp.path().join("plain"), &[]);
    let undone = convert(
        &tmp.path().join("undone"),
        &["--reject", list.to_str().unwrap(), "--review"],
    );
    let read = |dir: &Path, ext: &str| {
        std::fs::read_to_string(dir.join(format!("{SAMPLE_STEM}.{ext}"))).unwrap()
    };
    // The identifier is derived from the content when the document states
    // none, so it changes with the text; apart from it and `by22`, every
    // edition is the same, byte for byte.
    let uuid = |text: &str| {
        let at = text.find("urn:uuid:").unwrap();
        text[at..at + 45].to_string()
    };
    for ext in ["txt", "html", "xml"] {
        let (a, b) = (read(&plain, ext), read(&undone, ext));
        assert!(a.contains("by 22 percent") && !a.contains("by22"), "{ext}");
        assert!(
            b.contains("by22 percent"),
            "{ext}: the rejected repair is undone"
        );
        let a = a
            .replace(&uuid(&a), "ID")
            .replace("by 22 percent", "by22 percent");
        let b = b.replace(&uuid(&b), "ID");
        assert_eq!(a, b, "{ext}: only the rejected edit changed");
    }

    // The run's review page shows the edit as rejected, unticked.
    let page = read(&undone, "review.html");
    let id = by22_id();
    let entry = page
        .lines()
        .find(|l| l.contains(&format!("data-id=\"{id}\"")) && l.starts_with("<li"))
        .expect("the rejected edit is listed");
    assert!(
        entry.contains("class=\"entry r") && entry.contains(" rejected\""),
        "{entry}"
    );
    assert!(!entry.contains(" checked"), "{entry}");
    let report = read(&undone, "repairs.json");
    assert!(report.contains("\"rejected\": true"));
}

#[test]
fn bad_reject_lists_are_refused_and_unknown_ids_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("reject.txt");
    std::fs::write(&list, "by22\n").unwrap();
    recto()
        .arg("convert")
        .arg(sample_input())
        .arg("-o")
        .arg(tmp.path().join("out"))
        .args(["-t", "txt", "--reject", list.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "reject.txt:1: `by22` is not an edit id",
        ));

    std::fs::write(&list, "e000000000000\n").unwrap();
    recto()
        .arg("convert")
        .arg(sample_input())
        .arg("-o")
        .arg(tmp.path().join("out"))
        .args(["-t", "txt", "--reject", list.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicates::str::contains("e000000000000"));
}

/// The metadata file's `reject` key does what `--reject FILE` does: the
/// sample with a sidecar `reject = ["<by22 id>"]` keeps `by22`, and a value
/// that is not an edit id fails that document (as any metadata error does
/// in a batch), naming the file.
#[test]
fn the_metadata_file_can_reject_edits_too() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join(format!("{SAMPLE_STEM}.txt"));
    std::fs::copy(sample_input(), &input).unwrap();
    let sidecar = tmp.path().join(format!("{SAMPLE_STEM}.meta.toml"));
    std::fs::write(&sidecar, format!("reject = [\"{}\"]\n", by22_id())).unwrap();
    let out = tmp.path().join("out");
    recto()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-t", "txt", "-q"])
        .assert()
        .success();
    let text =
        std::fs::read_to_string(out.join(SAMPLE_STEM).join(format!("{SAMPLE_STEM}.txt"))).unwrap();
    assert!(text.contains("by22 percent"), "{text}");
    assert!(text.contains("Lidarev"), "the other repairs stay: {text}");

    std::fs::write(&sidecar, "reject = \"by22\"\n").unwrap();
    recto()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-t", "txt", "-q"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "{SAMPLE_STEM}.meta.toml: reject: `by22` is not an edit id"
        )));
}

/// A 5 MB document: the sample's body repeated under numbered parts.
fn five_megabytes(dir: &Path) -> PathBuf {
    let sample = std::fs::read_to_string(sample_input()).unwrap();
    let body = &sample[sample.find("It has been a year").unwrap()..];
    let mut text = sample.clone();
    let mut part = 0;
    while text.len() < 5 * 1024 * 1024 {
        part += 1;
        text.push_str(&format!("\n\nPart {part}\n\n{body}"));
    }
    let path = dir.join("large.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_five_megabyte_document_opens_in_chromium() {
    if browser::chromium().is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let input = five_megabytes(tmp.path());
    let out = tmp.path().join("out");
    recto()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-t", "html", "--review", "-q"])
        .assert()
        .success();
    let dir = out.join("large");
    let page_path = dir.join("large.review.html");
    let page = std::fs::read_to_string(&page_path).unwrap();
    // From the end of the list backwards: `p` wraps to the last edit.
    let script = r#"
        function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })); }
        key('p');
        var edits = document.querySelectorAll('#text .edit');
        __rectoReport({
            entries: document.querySelectorAll('li.entry').length,
            edits: edits.length,
            last: document.querySelector('.edit.current') === edits[edits.length - 1],
            rows: document.querySelectorAll('.row').length
        });"#;
    if let Some(json) = browser::run_in_page(&page, script) {
        let dom: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(dom["entries"].as_u64().unwrap() > 10_000, "{dom}");
        assert_eq!(dom["edits"], dom["entries"], "{dom}");
        assert_eq!(dom["last"], true, "{dom}");
        assert!(dom["rows"].as_u64().unwrap() > 5_000, "{dom}");
    }
    let edition = std::fs::read_to_string(dir.join("large.html")).unwrap();
    let script = r#"__rectoReport({ paragraphs: document.querySelectorAll('main p').length,
        parts: document.querySelectorAll('nav.toc li').length });"#;
    if let Some(json) = browser::run_in_page(&edition, script) {
        let dom: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(dom["paragraphs"].as_u64().unwrap() > 5_000, "{dom}");
        assert!(dom["parts"].as_u64().unwrap() > 500, "{dom}");
    }
    browser::screenshot(&page_path, "review-page-5mb", 1400, 1000);
    browser::screenshot(&dir.join("large.html"), "html-edition-5mb", 1100, 1400);
}
