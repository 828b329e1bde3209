//! The JATS edition's validator: xmllint against the JATS 1.3 DTDs vendored
//! in `tests/schemas/jats/1.3` (see the README there).

use std::path::{Path, PathBuf};
use std::process::Command;

use recto::write::JatsTagset;

/// The directory of the vendored JATS 1.3 DTDs.
pub fn dtd_dir() -> PathBuf {
    super::root().join("tests/schemas/jats/1.3")
}

/// The DTD of a tag set.
pub fn dtd(tagset: JatsTagset) -> PathBuf {
    dtd_dir().join(match tagset {
        JatsTagset::Archiving => "JATS-archivearticle1-3.dtd",
        JatsTagset::Publishing => "JATS-journalpublishing1-3.dtd",
    })
}

/// Both tag sets, for tests that validate each.
pub const TAGSETS: [JatsTagset; 2] = [JatsTagset::Archiving, JatsTagset::Publishing];

/// Whether xmllint is installed (else the check is skipped, see `skip`).
pub fn xmllint_available() -> bool {
    super::have("xmllint", "JATS validity (Debian package libxml2-utils)")
}

/// Validates files against the DTD of `tagset` in one xmllint call.
/// `None` when xmllint is not installed (after saying so).
pub fn validate(files: &[PathBuf], tagset: JatsTagset) -> Option<Result<(), String>> {
    if !xmllint_available() {
        return None;
    }
    let dtd = dtd(tagset);
    assert!(
        dtd.is_file(),
        "{} is missing from the repository",
        dtd.display()
    );
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--dtdvalid"])
        .arg(&dtd)
        .args(files)
        .output()
        .expect("xmllint runs");
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "xmllint against {} failed ({}):\n{}",
            dtd.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
                .chars()
                .take(4000)
                .collect::<String>()
        ))
    })
}

/// Panics unless every file is valid against the DTD of `tagset` (or
/// xmllint is missing and validators are not required).
pub fn assert_valid(files: &[PathBuf], tagset: JatsTagset) {
    if let Some(Err(e)) = validate(files, tagset) {
        panic!("{e}");
    }
}

/// The string value of an XPath expression, read by xmllint.
pub fn xpath(file: &Path, expr: &str) -> String {
    let out = Command::new("xmllint")
        .args(["--nonet", "--xpath", expr])
        .arg(file)
        .output()
        .expect("xmllint runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
