//! Helpers shared by the integration tests: finding validators and the
//! shared corpus, and running tools.

#![allow(dead_code)]

pub mod validate;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether a missing validator must fail the test (CI) instead of skipping it.
pub fn validators_required() -> bool {
    std::env::var("RECTO_REQUIRE_VALIDATORS").is_ok_and(|v| v == "1")
}

/// Whether `program` can be run. When it cannot, says so, and panics if
/// validators are required.
pub fn have(program: &str, why: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let msg = format!("{program} is not installed: {why} not checked");
        assert!(!validators_required(), "{msg} (RECTO_REQUIRE_VALIDATORS=1)");
        eprintln!("skipped: {msg}");
    }
    found
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared folder beside the repository, when it is there.
pub fn shared() -> Option<PathBuf> {
    let dir = root().join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(
            !validators_required(),
            "../shared is missing (RECTO_REQUIRE_VALIDATORS=1)"
        );
        eprintln!("skipped: ../shared is not beside the repository");
        None
    }
}

/// The JATS 1.3 DTD directory: `RECTO_JATS_DTD_DIR`, or the shared copy.
pub fn jats_dtd_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RECTO_JATS_DTD_DIR") {
        return Some(PathBuf::from(dir));
    }
    let dir = root().join("../shared/schemas/jats/1.3");
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(
            !validators_required(),
            "JATS DTDs not found (RECTO_REQUIRE_VALIDATORS=1)"
        );
        eprintln!("skipped: JATS DTDs not found (set RECTO_JATS_DTD_DIR)");
        None
    }
}

/// The EPUBCheck jar, when installed.
pub fn epubcheck_jar() -> Option<PathBuf> {
    let jar = Path::new("/usr/share/java/epubcheck.jar");
    if jar.is_file() && have("java", "EPUBCheck") {
        Some(jar.to_path_buf())
    } else {
        assert!(
            !validators_required(),
            "EPUBCheck is not installed (RECTO_REQUIRE_VALIDATORS=1)"
        );
        eprintln!("skipped: EPUBCheck (/usr/share/java/epubcheck.jar) is not installed");
        None
    }
}

/// Runs a command and returns (status ok, stdout, stderr).
pub fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Reads one entry of a zip archive as text.
pub fn zip_entry(path: &Path, name: &str) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(file).ok()?;
    let mut entry = archive.by_name(name).ok()?;
    let mut s = String::new();
    std::io::Read::read_to_string(&mut entry, &mut s).ok()?;
    Some(s)
}

/// All entry names of a zip archive.
pub fn zip_names(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap();
    let archive = zip::ZipArchive::new(file).unwrap();
    archive.file_names().map(str::to_string).collect()
}
