//! The metadata of a document's editions, read back the way their readers
//! read it: the text edition's header, the JATS XML, the EPUB package
//! document, and the PDF's Info dictionary and XMP (pdfinfo).

use std::path::Path;
use std::process::Command;

/// What every edition of one document says about it.
pub struct Editions {
    pub txt: String,
    pub jats: String,
    /// The EPUB's package document (OPF).
    pub opf: String,
    /// `pdfinfo` and `pdfinfo -meta` (XMP); `None` when pdfinfo is missing.
    pub pdf: Option<(String, String)>,
}

impl Editions {
    /// Reads `dir/<stem>.{txt,xml,epub,pdf}`.
    pub fn read(dir: &Path, stem: &str) -> Editions {
        let file = |ext: &str| dir.join(format!("{stem}.{ext}"));
        let read = |ext: &str| {
            std::fs::read_to_string(file(ext))
                .unwrap_or_else(|e| panic!("{}: {e}", file(ext).display()))
        };
        let epub = file("epub");
        let opf_name = super::zip_names(&epub)
            .into_iter()
            .find(|n| n.ends_with(".opf"))
            .expect("an OPF package document");
        let pdf = super::have("pdfinfo", "PDF metadata").then(|| {
            let (ok, info, err) = super::run(
                Command::new("pdfinfo")
                    .args(["-enc", "UTF-8"])
                    .arg(file("pdf")),
            );
            assert!(ok, "{err}");
            let (ok, xmp, err) = super::run(Command::new("pdfinfo").arg("-meta").arg(file("pdf")));
            assert!(ok, "{err}");
            (info, xmp)
        });
        Editions {
            txt: read("txt"),
            jats: read("xml"),
            opf: super::zip_entry(&epub, &opf_name).unwrap(),
            pdf,
        }
    }

    /// The values of one key of the text edition's header, in order.
    pub fn txt_field(&self, key: &str) -> Vec<String> {
        txt_header(&self.txt)
            .into_iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v)
            .collect()
    }

    /// Panics unless every edition holds every needle (`pdf` in the Info
    /// dictionary or the XMP).
    pub fn assert_all_contain(&self, needles: &[&str]) {
        for needle in needles {
            assert!(self.txt.contains(needle), "text edition lacks {needle}");
            assert!(self.jats.contains(needle), "JATS lacks {needle}");
            assert!(self.opf.contains(needle), "OPF lacks {needle}");
            if let Some((info, xmp)) = &self.pdf {
                assert!(
                    info.contains(needle) || xmp.contains(needle),
                    "PDF Info and XMP lack {needle}:\n{info}\n{xmp}"
                );
            }
        }
    }
}

/// The text edition's header: key -> value, in order (continuation lines,
/// indented by two spaces, joined to their value).
pub fn txt_header(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            break;
        }
        if let Some(rest) = line.strip_prefix("  ") {
            let last = out.last_mut().unwrap();
            last.1.push(' ');
            last.1.push_str(rest);
        } else if let Some((k, v)) = line.split_once(": ") {
            out.push((k.to_string(), v.to_string()));
        }
    }
    out
}
