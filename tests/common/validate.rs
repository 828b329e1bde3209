//! One edition in memory through the validators of `jats`, `epub` and
//! `pdf` (each `None` when its tool is missing), pdftotext with and
//! without `-layout`, and the PDF structure tree read back with lopdf.

use std::path::{Path, PathBuf};

use recto::write::JatsTagset;

/// `bytes` saved as `name` in a temporary directory (kept alive by the
/// returned guard).
fn saved(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// xmllint's complaints about `xml` against the DTD of `tagset` (empty when
/// valid).
pub fn jats_problems(xml: &[u8], tagset: JatsTagset) -> Option<String> {
    let (_dir, file) = saved("article.xml", xml);
    super::jats::validate(&[file], tagset).map(|r| r.err().unwrap_or_default())
}

/// EPUBCheck's fatal errors, errors and warnings for `epub` (empty when clean).
pub fn epubcheck_problems(epub: &[u8]) -> Option<String> {
    let (_dir, file) = saved("book.epub", epub);
    let results = super::epub::epubcheck(&[file])?;
    Some(
        results
            .into_iter()
            .flat_map(|(_, bad)| bad)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Panics unless `qpdf --check` finds `pdf` clean (nothing when qpdf is
/// missing and validators are not required).
pub fn assert_qpdf_clean(pdf: &[u8]) {
    if super::pdf::have("qpdf") {
        let (_dir, file) = saved("doc.pdf", pdf);
        super::pdf::assert_qpdf_clean(&file);
    }
}

/// The text pdftotext reads from `pdf`, in its default reading order.
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    pdftotext_with(pdf, &[])
}

/// The text pdftotext reads from `pdf` with `-layout`: lines as they stand
/// on the page.
pub fn pdftotext_layout(pdf: &[u8]) -> Option<String> {
    pdftotext_with(pdf, &["-layout"])
}

fn pdftotext_with(pdf: &[u8], args: &[&str]) -> Option<String> {
    if !super::pdf::have("pdftotext") {
        return None;
    }
    let (_dir, file) = saved("doc.pdf", pdf);
    let mut all = vec!["-enc", "UTF-8"];
    all.extend_from_slice(args);
    all.push(super::pdf::arg(&file));
    all.push("-");
    let (ok, text) = super::pdf::run("pdftotext", &all);
    assert!(ok, "pdftotext failed: {text}");
    Some(text)
}

/// One structure element of a tagged PDF: its type, attributes of
/// interest, and its child elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructNode {
    pub tag: String,
    /// `/A /Scope` of a table header cell.
    pub scope: Option<String>,
    /// `/Alt`.
    pub alt: Option<String>,
    pub kids: Vec<StructNode>,
}

impl StructNode {
    /// Every node of the tree, depth first.
    pub fn all(&self) -> Vec<&StructNode> {
        let mut out = vec![self];
        for k in &self.kids {
            out.extend(k.all());
        }
        out
    }
}

/// The structure tree of a tagged PDF, from its `Document` element.
pub fn struct_tree(pdf: &[u8]) -> StructNode {
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = doc
        .get_dictionary(root.as_reference().unwrap())
        .expect("a structure tree root");
    let kids = root.get(b"K").unwrap().as_array().unwrap();
    node(&doc, kids[0].as_reference().unwrap())
}

fn node(doc: &lopdf::Document, id: lopdf::ObjectId) -> StructNode {
    let dict = doc.get_dictionary(id).unwrap();
    let text = |key: &[u8]| -> Option<String> {
        let bytes = dict.get(key).ok()?.as_str().ok()?;
        Some(decode_text(bytes))
    };
    let scope = dict
        .get(b"A")
        .ok()
        .and_then(|a| match a {
            lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok(),
            other => other.as_dict().ok(),
        })
        .and_then(|a| a.get(b"Scope").ok())
        .and_then(|s| s.as_name().ok())
        .map(|s| String::from_utf8_lossy(s).into_owned());
    let kids = match dict.get(b"K") {
        Ok(lopdf::Object::Array(items)) => items
            .iter()
            .filter_map(|k| k.as_reference().ok())
            .filter(|r| {
                doc.get_dictionary(*r).is_ok_and(|d| {
                    d.get(b"S").is_ok()
                        && d.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"OBJR".as_slice())
                })
            })
            .map(|r| node(doc, r))
            .collect(),
        _ => Vec::new(),
    };
    StructNode {
        tag: String::from_utf8_lossy(dict.get(b"S").unwrap().as_name().unwrap()).into_owned(),
        scope,
        alt: text(b"Alt"),
        kids,
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding
/// (read as Latin-1, which agrees for the text tests use).
fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// Whether `needles` occur in `haystack` in this order, each after the
/// previous one.
pub fn in_order(haystack: &str, needles: &[&str]) -> Result<(), String> {
    let mut at = 0;
    for n in needles {
        match haystack[at..].find(n) {
            Some(i) => at += i + n.len(),
            None => {
                return Err(format!("{n:?} not found after byte {at} of:\n{haystack}"));
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` when `RECTO_KEEP` names a directory, for a look.
pub fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("RECTO_KEEP") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}
