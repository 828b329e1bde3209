//! The EPUB edition's validator: EPUBCheck, run on many books in one Java
//! process (it takes seconds to start).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The EPUBCheck jar: `RECTO_EPUBCHECK_JAR`, else Debian's copy. `None`
/// (after saying so) when it or Java is missing.
pub fn epubcheck_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("RECTO_EPUBCHECK_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/java/epubcheck.jar"));
    if !jar.is_file() {
        super::skip(&format!(
            "EPUBCheck ({}) is not installed (Debian package epubcheck, or set RECTO_EPUBCHECK_JAR)",
            jar.display()
        ));
        return None;
    }
    super::have("java", "EPUBCheck").then_some(jar)
}

const BATCH_CHECK_JAVA: &str = r#"
public class BatchCheck {
    public static void main(String[] args) {
        for (String file : args) {
            System.out.println("=== BEGIN " + file);
            int rc = new com.adobe.epubcheck.tool.EpubChecker().run(new String[] { file });
            System.out.println("=== END " + file + " rc=" + rc);
        }
    }
}
"#;

/// Runs EPUBCheck on every file; returns, per file, the FATAL/ERROR/WARNING
/// lines it printed (empty means clean), or `None` when EPUBCheck is absent.
pub fn epubcheck(files: &[PathBuf]) -> Option<Vec<(PathBuf, Vec<String>)>> {
    let jar = epubcheck_jar()?;
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("BatchCheck.java");
    std::fs::write(&source, BATCH_CHECK_JAVA).unwrap();
    let out = Command::new("java")
        .arg("-cp")
        .arg(&jar)
        .arg(&source)
        .args(files)
        .output()
        .expect("java runs");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("=== END"),
        "EPUBCheck did not run (exit {:?}):\n{text}",
        out.status
    );
    // EPUBCheck prints its messages on stderr and the markers on stdout, so
    // messages are matched to a file by the path it names in each message.
    let results = files
        .iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            let mut bad: Vec<String> = text
                .lines()
                .filter(|l| {
                    (l.starts_with("FATAL") || l.starts_with("ERROR") || l.starts_with("WARNING"))
                        && l.contains(&name)
                })
                .map(str::to_string)
                .collect();
            let ok = text.contains(&format!("=== END {} rc=0", f.display()));
            if !ok && bad.is_empty() {
                bad.push(format!("EPUBCheck returned non-zero for {name}"));
            }
            (f.clone(), bad)
        })
        .collect();
    Some(results)
}

/// Panics with every problem EPUBCheck found in `files` (nothing when it is
/// not installed and validators are not required).
pub fn assert_clean(files: &[PathBuf]) {
    if let Some(results) = epubcheck(files) {
        assert_eq!(results.len(), files.len());
        assert_results_clean(&results);
    }
}

/// Panics with every problem in EPUBCheck's results.
pub fn assert_results_clean(results: &[(PathBuf, Vec<String>)]) {
    let dirty: Vec<_> = results.iter().filter(|(_, bad)| !bad.is_empty()).collect();
    assert!(
        dirty.is_empty(),
        "EPUBCheck found problems:\n{}",
        dirty
            .iter()
            .map(|(f, bad)| format!("{}:\n  {}", f.display(), bad.join("\n  ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Copies the books to `RECTO_KEEP_OUTPUTS` when set, to look at them by hand.
pub fn keep(books: &[PathBuf]) {
    if let Some(dir) = std::env::var_os("RECTO_KEEP_OUTPUTS") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        for b in books {
            std::fs::copy(b, dir.join(b.file_name().unwrap())).unwrap();
        }
    }
}
