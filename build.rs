//! Builds the English word list into a hash table laid out in bytes (see
//! `src/normalize/word_table.rs`), which the library embeds and reads in
//! place: a run neither parses nor hashes the list. Also names this build by
//! the content of its sources (`RECTO_BUILD`), so that the up-to-date stamp
//! of a converted document changes when the code that made it changes.

use std::path::{Path, PathBuf};

#[allow(dead_code)] // the library's lookups are not used here
#[path = "src/normalize/word_table.rs"]
mod word_table;

fn main() {
    let source = "data/words/en.txt";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=src/normalize/word_table.rs");
    let data = std::fs::read_to_string(source)
        .unwrap_or_else(|e| panic!("cannot read the word list {source}: {e}"));
    let table = word_table::build(&word_table::parse(&data))
        .unwrap_or_else(|e| panic!("cannot build a table of the word list {source}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("english-words.bin");
    std::fs::write(&path, table).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    println!("cargo::rustc-env=RECTO_BUILD={}", source_fingerprint());
}

/// What a build's outputs depend on besides its compiler: the manifest and
/// lock file (the dependencies' versions), this script, and every file of
/// the source, template, data and asset folders. Hashed by path and content
/// (FNV-1a, 64 bits), in path order, so the same checkout always gives the
/// same name.
fn source_fingerprint() -> String {
    let mut files = Vec::new();
    for root in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "src",
        "templates",
        "data",
        "assets",
    ] {
        println!("cargo::rerun-if-changed={root}");
        collect_files(Path::new(root), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for file in &files {
        let bytes = std::fs::read(file)
            .unwrap_or_else(|e| panic!("cannot read {} to name the build: {e}", file.display()));
        feed(file.to_string_lossy().as_bytes());
        feed(&(bytes.len() as u64).to_le_bytes());
        feed(&bytes);
    }
    format!("{hash:016x}")
}

/// Every file under `path` (or `path` itself when it is a file); a missing
/// path adds nothing (a packaged crate may leave a folder out).
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            collect_files(&entry.path(), out);
        }
    }
}
