//! The PDF edition's validators: qpdf, pdffonts, pdfinfo and pdftotext
//! (poppler), and the word error rate of the extracted text against the
//! text edition.

use std::path::{Path, PathBuf};
use std::process::Command;

use recto::model::Document;
use recto::write::WriteOptions;

/// Whether `tool` can be run (else the check is skipped, see `skip`).
pub fn have(tool: &str) -> bool {
    super::have(
        tool,
        "the PDF edition (Debian packages qpdf, poppler-utils)",
    )
}

pub fn have_all() -> bool {
    ["qpdf", "pdffonts", "pdfinfo", "pdftotext"]
        .iter()
        .all(|t| have(t))
}

pub fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

pub struct Written {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn save(bytes: &[u8]) -> Written {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    Written { _dir: dir, path }
}

pub fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `qpdf --check` finds no error (warnings are failures too).
pub fn assert_qpdf_clean(pdf: &Path) {
    let (ok, text) = run("qpdf", &["--check", arg(pdf)]);
    assert!(ok, "qpdf --check failed:\n{text}");
    assert!(
        text.contains("No syntax or stream encoding errors found"),
        "qpdf --check:\n{text}"
    );
    assert!(
        !text.to_lowercase().contains("warning"),
        "qpdf --check:\n{text}"
    );
}

/// Every font is embedded and has a Unicode map; returns the font names.
pub fn assert_fonts_embedded(pdf: &Path) -> Vec<String> {
    let (ok, text) = run("pdffonts", &[arg(pdf)]);
    assert!(ok, "pdffonts failed:\n{text}");
    let mut names = Vec::new();
    for line in text.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type [type...] encoding emb sub uni object-id
        let n = cols.len();
        assert!(n >= 7, "unexpected pdffonts line: {line}");
        let (emb, sub, uni) = (cols[n - 5], cols[n - 4], cols[n - 3]);
        assert_eq!(emb, "yes", "font not embedded: {line}");
        assert_eq!(sub, "yes", "font not subset: {line}");
        assert_eq!(uni, "yes", "font without ToUnicode: {line}");
        names.push(cols[0].to_string());
    }
    assert!(!names.is_empty(), "no fonts listed:\n{text}");
    names
}

pub fn pdfinfo(pdf: &Path) -> String {
    let (ok, text) = run("pdfinfo", &[arg(pdf)]);
    assert!(ok, "pdfinfo failed:\n{text}");
    text
}

pub fn info_field<'a>(info: &'a str, key: &str) -> Option<&'a str> {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(str::trim)
}

pub fn pdftotext(pdf: &Path) -> String {
    let (ok, text) = run("pdftotext", &["-enc", "UTF-8", arg(pdf), "-"]);
    assert!(ok, "pdftotext failed:\n{text}");
    text
}

/// Words as runs of letters and digits: punctuation and list markers do
/// not count, but a glued or split word does.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The extracted text without page furniture: page numbers (a last line
/// of digits) and the running header (the first line of a page after the
/// first, when every word of it is a word of the title).
pub fn without_furniture(text: &str, title: &str) -> String {
    let title_words = words(title);
    let mut out = String::new();
    for (n, page) in text.split('\u{c}').enumerate() {
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim();
            if i + 1 == lines.len() && t.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let header = n > 0 && i == 0 && words(t).iter().all(|w| title_words.contains(w));
            if header {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Word-level edit distance (substitutions + deletions + insertions).
pub fn edit_distance(a: &[String], b: &[String]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, wa) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, wb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(wa != wb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The plain-text edition without its `Key: value` header.
pub fn txt_body(doc: &Document) -> String {
    let layout = recto::write::txt::TextLayout {
        header: false,
        wrap: WriteOptions::default().wrap,
        markdown: false,
        tables: recto::write::txt::TableText::Aligned,
        page_markers: false,
    };
    recto::write::txt::render(doc, layout, recto::write::txt::BUILTIN_HEADER)
}

/// Word error rate of the PDF's extracted text against the text edition.
pub fn word_error_rate(doc: &Document, pdf: &Path, extra_pdf_lines: &[String]) -> (f64, String) {
    let expected = words(&txt_body(doc));
    let title = doc.meta.title_text().unwrap_or_default();
    let mut extracted = without_furniture(&pdftotext(pdf), &title);
    // Lines the title block adds that the text edition has only in its
    // header (affiliations, the date) or not at all (labels).
    extracted = extracted
        .lines()
        .filter(|l| !extra_pdf_lines.iter().any(|x| l.trim() == x.as_str()))
        .collect::<Vec<_>>()
        .join("\n");
    let got = words(&extracted);
    let distance = edit_distance(&expected, &got);
    let rate = distance as f64 / expected.len().max(1) as f64;
    let detail = format!(
        "{} expected words, {} extracted, distance {distance}\n--- expected\n{}\n--- extracted\n{}",
        expected.len(),
        got.len(),
        expected.join(" "),
        got.join(" ")
    );
    (rate, detail)
}

/// What the validators find wrong with the PDF of a whole document (empty
/// when nothing): qpdf errors or warnings, no tags, a font not embedded or
/// without a Unicode map, a word error rate over `max_rate` against the
/// text edition. Call after [`have_all`].
pub fn document_failures(name: &str, doc: &Document, pdf: &Path, max_rate: f64) -> Vec<String> {
    let mut failures = Vec::new();
    let (ok, text) = run("qpdf", &["--check", arg(pdf)]);
    if !ok || text.to_lowercase().contains("warning") {
        failures.push(format!("{name}: qpdf: {text}"));
    }
    let info = pdfinfo(pdf);
    if info_field(&info, "Tagged") != Some("yes") {
        failures.push(format!("{name}: not tagged"));
    }
    let (_, fonts) = run("pdffonts", &[arg(pdf)]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        if n < 7 || cols[n - 5] != "yes" || cols[n - 3] != "yes" {
            failures.push(format!("{name}: font {line}"));
        }
    }
    let (rate, _) = word_error_rate(doc, pdf, &[]);
    eprintln!(
        "{name}: {} pages, word error rate {:.4}",
        info_field(&info, "Pages").unwrap_or("?"),
        rate
    );
    if rate > max_rate {
        failures.push(format!("{name}: word error rate {rate:.4}"));
    }
    failures
}
