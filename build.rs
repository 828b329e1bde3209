//! Builds the English word list into a hash table laid out in bytes (see
//! `src/normalize/word_table.rs`), which the library embeds and reads in
//! place: a run neither parses nor hashes the list.

use std::path::PathBuf;

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
}
