//! Hostile and broken input, driven through the real binary in temporary
//! directories. Each case checks the exit code, the message, and that no
//! partial or invalid output exists (nothing written, nothing changed next
//! to or over an input).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{recto, snapshot};
use predicates::prelude::*;

/// `recto convert -q -t FORMATS -o OUT INPUT`.
fn convert(input: &Path, out: &Path, formats: &str) -> assert_cmd::Command {
    let mut cmd = recto();
    cmd.args(["convert", "-q", "-t", formats, "-o"])
        .arg(out)
        .arg(input);
    cmd
}

/// Panics if `out` holds any file at all (an output, a temporary, a stamp).
fn assert_nothing_written(out: &Path) {
    let files = snapshot(out);
    assert!(
        files.is_empty(),
        "expected no output, found {:?}",
        files.keys().collect::<Vec<_>>()
    );
}

/// A test input in `dir`.
fn write_input(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const PROSE: &str = "A Short Report\n\nThe first paragraph has words that were\nwrapped by hand across lines.\n\nThe second paragraph ends here.\n";

// ---------------------------------------------------------------- empty

#[test]
fn empty_file_is_an_error_that_says_it_has_no_text() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "empty.txt", b"");
    let out = tmp.path().join("out");
    convert(&input, &out, "txt,ast")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.txt: the file has no text"));
    assert_nothing_written(&out);
    recto()
        .arg("normalize")
        .arg(&input)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("has no text"));
}

#[test]
fn whitespace_only_is_an_error_that_says_it_has_no_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let cases: [(&str, &[u8]); 4] = [
        ("spaces.txt", b"   \n\t\n\r\n  "),
        ("feeds.txt", b"\x0c\n\x0c\n"),
        ("unicode-spaces.txt", "\u{3000}\u{a0}\u{2003}\n".as_bytes()),
        ("bom-only.md", b"\xef\xbb\xbf\n\n"),
    ];
    for (name, bytes) in cases {
        let input = write_input(tmp.path(), name, bytes);
        convert(&input, &out, "txt,ast")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "{name}: the file has no text"
            )));
        assert_nothing_written(&out);
    }
}

// ---------------------------------------------------------------- binary

#[test]
fn binary_data_given_as_text_looks_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    zip.extend(std::iter::repeat_n(0u8, 64));
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "paper.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n".to_vec(),
            "a PDF file",
        ),
        (
            "picture.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            "a PNG image",
        ),
        ("archive.txt", zip, "a zip archive"),
        (
            "words.md",
            // No signature, but mostly NUL bytes: not text.
            [b"abc".as_slice(), &[0u8; 200], b"def"].concat(),
            "NUL bytes",
        ),
    ];
    for (name, bytes, what) in cases {
        let input = write_input(tmp.path(), name, &bytes);
        convert(&input, &out, "txt,ast")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "{name}: looks binary, not text"
            )))
            .stderr(predicate::str::contains(what));
        assert_nothing_written(&out);
        recto()
            .arg("normalize")
            .arg(&input)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("looks binary, not text"));
    }
}

// ---------------------------------------------------------------- encodings

#[test]
fn invalid_utf8_in_normalize_names_the_byte_and_lossy_replaces() {
    // `tests/cli.rs` covers a bad byte mid-file through `convert`; this is a
    // multi-byte sequence cut short at the very end, through `normalize`.
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "cut.txt", b"caf\xc3\xa9 and\nmore \xe2\x82");
    recto()
        .arg("normalize")
        .arg(&input)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "invalid UTF-8 at byte 15 (line 2)",
        ))
        .stderr(predicate::str::contains("--lossy"));
    recto()
        .args(["normalize", "--lossy"])
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::contains("café and more \u{fffd}"));
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Überblick\n\nCafé, naïve, 漢字 and 😀 survive.\r\n";
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let input = write_input(tmp.path(), name, &bytes);
        recto()
            .arg("normalize")
            .arg(&input)
            .assert()
            .success()
            .stdout(predicate::str::contains("Überblick"))
            .stdout(predicate::str::contains(
                "Café, naïve, 漢字 and 😀 survive.",
            ));
        let out = tmp.path().join("out");
        convert(&input, &out, "txt").assert().success();
        let stem = name.trim_end_matches(".txt");
        let txt = std::fs::read_to_string(out.join(stem).join(format!("{stem}.txt"))).unwrap();
        assert!(txt.contains("漢字 and 😀"), "{txt}");
    }
}

#[test]
fn utf16_with_an_unpaired_surrogate_is_an_error_unless_lossy() {
    let tmp = tempfile::tempdir().unwrap();
    // "a", a lone high surrogate, "b".
    let bytes = [0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b', 0];
    let input = write_input(tmp.path(), "lone16.txt", &bytes);
    recto()
        .arg("normalize")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid UTF-8 at byte 4"));
    recto()
        .args(["normalize", "--lossy"])
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::contains("a\u{fffd}b"));
}

#[test]
fn utf8_encoded_lone_surrogate_is_invalid_and_lossy_replaces_it() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "surrogate.txt", b"before \xed\xa0\x80 after\n");
    let out = tmp.path().join("out");
    convert(&input, &out, "txt,ast")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid UTF-8 at byte 7 (line 1)"));
    assert_nothing_written(&out);
    convert(&input, &out, "txt,ast")
        .arg("--lossy")
        .assert()
        .success();
    let txt = std::fs::read_to_string(out.join("surrogate/surrogate.txt")).unwrap();
    assert!(txt.contains("before \u{fffd}"), "{txt}");
    assert!(txt.contains("after"), "{txt}");
}

// ---------------------------------------------------------------- size

#[test]
fn a_200_mb_file_is_refused_by_the_default_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("huge.txt");
    // Sparse: 200 MB long, no blocks on disk, gone with the temp dir.
    let f = std::fs::File::create(&input).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    drop(f);
    let out = tmp.path().join("out");
    convert(&input, &out, "txt,ast")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "huge.txt: 209715200 bytes is more than the limit of 67108864 bytes; raise it with --max-input-size",
        ));
    assert_nothing_written(&out);
    recto()
        .arg("normalize")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("raise it with --max-input-size"));
    std::fs::remove_file(&input).unwrap();
}

#[test]
fn the_input_limit_can_be_lowered_and_applies_to_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "small.txt", PROSE.as_bytes());
    recto()
        .args(["normalize", "--max-input-size", "10"])
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("more than the limit of 10 bytes"));
    recto()
        .args(["normalize", "--max-input-size", "10", "-"])
        .write_stdin(PROSE)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>"))
        .stderr(predicate::str::contains("more than the limit of 10 bytes"));
}

#[test]
fn an_endless_device_is_refused_by_the_limit_not_read_forever() {
    // A character device reports a size of 0; reading it to the end would
    // never finish. Regression: found by this suite (the size check trusted
    // the reported length, and `convert` hashed the whole input first).
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        eprintln!("skipped: no /dev/zero");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    recto()
        .args(["normalize", "--max-input-size", "1000000"])
        .arg(zero)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "more than the limit of 1000000 bytes",
        ));
    let out = tmp.path().join("out");
    recto()
        .args([
            "convert",
            "-q",
            "-t",
            "txt",
            "--max-input-size",
            "1000000",
            "-o",
        ])
        .arg(&out)
        .arg(zero)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "more than the limit of 1000000 bytes",
        ));
    assert_nothing_written(&out);
}

// ---------------------------------------------------------------- nesting

#[test]
fn deeply_nested_markdown_does_not_overflow_the_stack() {
    let tmp = tempfile::tempdir().unwrap();
    let depth = 20_000;
    // (file, text, words that must survive to the text edition)
    let cases: [(&str, String, &[&str]); 6] = [
        (
            "quotes.md",
            "> ".repeat(depth) + "deep quote\n",
            &["deep quote"],
        ),
        (
            "lists.md",
            (0..2_000)
                .map(|i| format!("{}- item{i}\n", "  ".repeat(i)))
                .collect(),
            // Regression: items past the reader's depth limit were dropped.
            &["item0", "item31", "item32", "item1999"],
        ),
        (
            "mixed.md",
            "> - ".repeat(depth / 2) + "deep item\n",
            &["deep item"],
        ),
        (
            "emphasis.md",
            "*_".repeat(depth) + "deep emphasis" + &"_*".repeat(depth) + "\n",
            &["deep emphasis"],
        ),
        (
            // Regression: 20,000 nested <u> overflowed the stack.
            "underline.md",
            "<u>".repeat(depth) + "deep underline" + &"</u>".repeat(depth) + "\n",
            &["deep underline"],
        ),
        (
            "links.md",
            "[a".repeat(depth) + "deep link" + &"](x)".repeat(depth) + "\n",
            &["deep link"],
        ),
    ];
    for (name, text, words) in cases {
        let input = write_input(tmp.path(), name, text.as_bytes());
        let out = tmp.path().join("out");
        convert(&input, &out, "txt,ast")
            .timeout(std::time::Duration::from_secs(120))
            .assert()
            .success();
        let stem = name.trim_end_matches(".md");
        let txt = std::fs::read_to_string(out.join(stem).join(format!("{stem}.txt"))).unwrap();
        let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
        for word in words {
            assert!(flat.contains(word), "{name}: {word:?} lost");
        }
        let printed = recto()
            .args(["normalize", "--format", "markdown"])
            .arg(&input)
            .timeout(std::time::Duration::from_secs(120))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let printed = String::from_utf8(printed).unwrap();
        assert!(
            printed.contains(words[0]),
            "{name}: normalize lost {:?}",
            words[0]
        );
    }
}

// ---------------------------------------------------------------- characters

/// Every C0 control character, the XML specials and the two noncharacters
/// that XML 1.0 forbids, between ordinary words.
fn hostile_text() -> String {
    let mut s =
        String::from("Hostile Characters\n\nAlpha ]]> beta <tag> gamma & delta &amp; epsilon\n");
    s.push_str("zeta \u{fffe} eta \u{ffff} theta\n\n");
    for c in (0u32..0x20).filter_map(char::from_u32) {
        // Tab, newline and carriage return are text; the rest are between words.
        s.push_str(&format!("w{:02x}{c}x ", c as u32));
    }
    s.push_str("\n\nOmega closes the text.\n");
    s
}

#[test]
fn control_characters_and_xml_specials_come_through_safely() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "hostile.txt", hostile_text().as_bytes());
    let out = tmp.path().join("out");
    convert(&input, &out, "txt,ast").assert().success();
    let txt = std::fs::read_to_string(out.join("hostile/hostile.txt")).unwrap();
    for word in [
        "Alpha", "]]>", "beta", "<tag>", "gamma", "&", "&amp;", "zeta", "eta", "theta", "w01",
        "w1f", "Omega",
    ] {
        assert!(txt.contains(word), "{word:?} lost from the text edition");
    }
    let ast = std::fs::read_to_string(out.join("hostile/hostile.ast.json")).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&ast).expect("the AST is valid JSON");
    assert_eq!(parsed["version"], 1);
    assert!(ast.contains("]]>") && ast.contains("<tag>"));

    // The XML editions must be valid with every character above in the input.
    convert(&input, &out, "jats,epub").assert().success();
    let xml = out.join("hostile/hostile.xml");
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        !text.chars().any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')),
        "characters XML forbids reached the JATS file"
    );
    for word in ["Alpha", "gamma", "delta", "Omega"] {
        assert!(text.contains(word), "{word} lost from JATS");
    }
    common::jats::assert_valid(&[xml], recto::write::JatsTagset::Archiving);
    let epub = out.join("hostile/hostile.epub");
    common::epub::assert_clean(&[epub]);
}

// ---------------------------------------------------------------- output paths

#[test]
fn an_output_directory_under_a_regular_file_is_a_clear_error() {
    // Tests run as root, so a read-only directory would still be writable:
    // a path through a regular file can never be.
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "doc.txt", PROSE.as_bytes());
    let blocker = write_input(tmp.path(), "somefile", b"not a directory");
    let before = snapshot(tmp.path());
    // A setup error (exit 2), found before the document is read.
    convert(&input, &blocker.join("out"), "txt,ast")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("somefile/out"))
        .stderr(predicate::str::contains("Not a directory"));
    recto()
        .arg("normalize")
        .arg(&input)
        .arg("-o")
        .arg(blocker.join("out.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("somefile"))
        .stderr(predicate::str::contains("Not a directory"));
    recto()
        .args(["convert", "-q", "-t", "txt", "--report"])
        .arg(blocker.join("report.jsonl"))
        .arg("-o")
        .arg(tmp.path().join("out"))
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("somefile"));

    // The output directory was made (and checked writable) before the
    // report file failed; nothing else was written.
    std::fs::remove_dir(tmp.path().join("out")).unwrap();
    assert_eq!(snapshot(tmp.path()), before, "nothing written or changed");

    // A file where the document's own output directory would be.
    let out = tmp.path().join("out3");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("doc"), b"in the way").unwrap();
    convert(&input, &out, "txt,ast")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("out3/doc"));
    assert_eq!(std::fs::read(out.join("doc")).unwrap(), b"in the way");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn a_full_disk_is_a_clear_error() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "doc.txt", PROSE.as_bytes());
    recto()
        .arg("normalize")
        .arg(&input)
        .args(["-o", "/dev/full"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/dev/full"))
        .stderr(predicate::str::contains("No space left on device"));
    recto()
        .arg("normalize")
        .arg(&input)
        .args(["--report", "/dev/full"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("No space left on device"));
    recto()
        .args(["convert", "-q", "-t", "txt", "--report", "/dev/full", "-o"])
        .arg(tmp.path().join("out"))
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/dev/full"))
        .stderr(predicate::str::contains("No space left on device"));
    // Standard output that is full fails the same way.
    let stdout = std::fs::OpenOptions::new().write(true).open(full).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_recto"))
        .arg("normalize")
        .arg(&input)
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&status.stderr).contains("No space left on device"));
    let kind = std::fs::metadata(full).unwrap().file_type();
    assert!(
        !kind.is_file() && !kind.is_dir(),
        "/dev/full is still a device"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `recto normalize big.txt | head`: the pipe closes before all is written.
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "big.txt", PROSE.repeat(2_000).as_bytes());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_recto"))
        .arg("normalize")
        .arg(&input)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_input_that_is_also_an_output_path_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(out.join("doc")).unwrap();
    // The input sits exactly where its own text edition would be written.
    let input = write_input(&out.join("doc"), "doc.txt", PROSE.as_bytes());
    let before = snapshot(tmp.path());
    convert(&input, &out, "txt,ast")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the input is also an output path"));
    assert_eq!(snapshot(tmp.path()), before);

    // `normalize -o` and `--report` onto the input itself.
    let other = write_input(tmp.path(), "other.txt", PROSE.as_bytes());
    let before = snapshot(tmp.path());
    for flag in ["-o", "--report"] {
        recto()
            .arg("normalize")
            .arg(&other)
            .arg(flag)
            .arg(&other)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("would overwrite the input"));
    }
    recto()
        .args(["convert", "-q", "-t", "txt", "--report"])
        .arg(&other)
        .arg("-o")
        .arg(tmp.path().join("out2"))
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite the input"));
    assert_eq!(snapshot(tmp.path()), before, "the input is untouched");
    // Nor over the metadata files read with the input.
    let sidecar = write_input(tmp.path(), "other.meta.toml", b"title = \"T\"\n");
    let before = snapshot(tmp.path());
    recto()
        .arg("normalize")
        .arg(&other)
        .arg("--report")
        .arg(&sidecar)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite the input"));
    recto()
        .args(["convert", "-q", "-t", "txt", "--report"])
        .arg(&sidecar)
        .arg("-o")
        .arg(tmp.path().join("out2"))
        .arg(&other)
        .assert()
        .code(2);
    assert_eq!(snapshot(tmp.path()), before, "the inputs are untouched");
}

#[test]
fn input_names_cannot_place_outputs_outside_the_output_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let names = [
        "x.txt",
        "my report (final).txt",
        "ünïcödé 漢字 résumé.md",
        "..hidden..txt",
        "-dash.txt",
    ];
    for name in names {
        write_input(tmp.path(), name, PROSE.as_bytes());
    }
    let before = snapshot(tmp.path());
    // Inputs named through `..` from a working directory beside them.
    let mut cmd = recto();
    cmd.current_dir(&work)
        .args(["convert", "-q", "-t", "txt", "-o", "out", "--"]);
    for name in names {
        cmd.arg(format!("../{name}"));
    }
    cmd.assert().success();
    let written = snapshot(&work.join("out"));
    assert_eq!(written.len(), names.len() * 3, "{:?}", written.keys());
    let out_root = work.join("out").canonicalize().unwrap();
    for path in written.keys() {
        let real = path.canonicalize().unwrap();
        assert!(real.starts_with(&out_root), "{} escaped", real.display());
        let rel = real.strip_prefix(&out_root).unwrap();
        assert_eq!(
            rel.components().count(),
            2,
            "out/<stem>/<file>: {}",
            rel.display()
        );
        let dir = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        assert!(!dir.starts_with('.'), "{dir}");
    }
    // Readable names are kept (the stem rule in the README).
    assert!(
        work.join("out/my report (final)/my report (final).txt")
            .is_file()
    );
    assert!(
        work.join("out/ünïcödé 漢字 résumé/ünïcödé 漢字 résumé.txt")
            .is_file()
    );
    // Nothing next to or over the inputs.
    let after: BTreeMap<_, _> = snapshot(tmp.path())
        .into_iter()
        .filter(|(p, _)| !p.starts_with(work.join("out")))
        .collect();
    assert_eq!(after, before);
}

#[test]
fn converting_writes_nothing_next_to_or_over_the_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_input(&inputs, "a.txt", PROSE.as_bytes());
    write_input(&inputs, "b.md", b"# B\n\nSome *text*.\n");
    write_input(&inputs, "a.meta.toml", b"title = \"A\"\n");
    let before = snapshot(&inputs);
    let out = tmp.path().join("out");
    recto()
        .args(["convert", "-q", "-t", "txt,ast", "--report"])
        .arg(out.join("report.jsonl"))
        .arg("-o")
        .arg(&out)
        .arg(&inputs)
        .assert()
        .success();
    recto()
        .args(["normalize", "--explain"])
        .arg(inputs.join("a.txt"))
        .assert()
        .success();
    assert_eq!(snapshot(&inputs), before, "inputs untouched, nothing added");
    assert!(out.join("a/a.txt").is_file() && out.join("b/b.txt").is_file());
}

#[test]
fn convert_reads_standard_input_once() {
    // Regression: the input was read twice (once to hash it, once to
    // convert it), so `-` failed with "No such file" and could not work.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    recto()
        .args(["convert", "-q", "-t", "txt", "-o"])
        .arg(&out)
        .arg("-")
        .write_stdin(PROSE)
        .assert()
        .success();
    let txt = std::fs::read_to_string(out.join("stdin/stdin.txt")).unwrap();
    assert!(txt.contains("The second paragraph ends here."), "{txt}");
}

#[test]
fn templates_cannot_read_files_outside_their_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let input = write_input(tmp.path(), "doc.txt", PROSE.as_bytes());
    let secret = write_input(tmp.path(), "secret.txt", b"SECRET-CONTENT {title}\n");
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(templates.join("txt")).unwrap();
    std::os::unix::fs::symlink(&secret, templates.join("txt/header.txt")).unwrap();
    let out = tmp.path().join("out");
    convert(&input, &out, "txt")
        .arg("--templates")
        .arg(&templates)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "template links outside the template directory",
        ));
    assert_nothing_written(&out);
}

#[test]
fn a_very_long_input_name_gives_whole_outputs_or_none() {
    // Regression: a 248-byte name made `<stem>.ast.json` too long for the
    // file system after `<stem>.txt` had been written.
    let tmp = tempfile::tempdir().unwrap();
    let name = format!("{}.txt", "a".repeat(248));
    let input = write_input(tmp.path(), &name, PROSE.as_bytes());
    let out = tmp.path().join("out");
    convert(&input, &out, "txt,ast").assert().success();
    let written = snapshot(&out);
    assert_eq!(
        written.len(),
        4,
        "txt, ast, repairs and stamp: {:?}",
        written.keys()
    );
    for path in written.keys() {
        assert!(path.file_name().unwrap().len() <= 255);
    }
}

// ---------------------------------------------------------------- limits and isolation

#[test]
fn a_document_over_the_page_limit_fails_naming_the_limit_and_the_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let long = PROSE.repeat(200);
    let input = write_input(tmp.path(), "long.txt", long.as_bytes());
    let out = tmp.path().join("out");
    convert(&input, &out, "pdf,txt")
        .args(["--max-pages", "3"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("long.txt"))
        .stderr(predicate::str::contains("more than the limit of 3 pages"))
        .stderr(predicate::str::contains("--max-pages"));
    // Every edition is made before any is written: the text edition is not
    // left behind by itself.
    assert_nothing_written(&out);
    convert(&input, &out, "pdf,txt")
        .args(["--max-pages", "1000"])
        .assert()
        .success();
}

/// The two files the binary rule used to answer differently (issue #16):
/// one NUL in 8 bytes, and 838 NULs in 88 KB of text. Both are text; the
/// NULs are removed and each removal is in the repair report.
#[test]
fn stray_nuls_are_text_and_their_removal_is_logged() {
    let tmp = tempfile::tempdir().unwrap();
    let line = b"Words of an ordinary paragraph, extracted from a PDF file.\n";
    let mut big = Vec::new();
    let mut nuls = 0;
    while big.len() < 88_000 {
        big.extend_from_slice(line);
        if nuls < 838 {
            big.push(0);
            nuls += 1;
        }
    }
    for (name, bytes, count) in [
        ("small.txt", b"note\0ok\n".to_vec(), 1),
        ("big.txt", big, 838),
    ] {
        let input = write_input(tmp.path(), name, &bytes);
        let out = tmp.path().join("out");
        convert(&input, &out, "txt").assert().success();
        let stem = name.trim_end_matches(".txt");
        let text = std::fs::read_to_string(out.join(stem).join(format!("{stem}.txt"))).unwrap();
        assert!(!text.contains('\0'), "{name}: a NUL reached the edition");
        let report =
            std::fs::read_to_string(out.join(stem).join(format!("{stem}.repairs.json"))).unwrap();
        let report: serde_json::Value = serde_json::from_str(&report).unwrap();
        let removed = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["rule"] == "control-character")
            .count();
        assert!(
            removed >= 1 && removed <= count,
            "{name}: {removed} removals logged"
        );
    }
}

/// One bad document never takes a batch down: 100 good documents and the
/// pathological ones in one run. The pathological shapes that are bounded
/// now are converted; those past a limit fail alone, each reported with
/// the limit and the flag that raises it.
#[test]
fn a_batch_converts_every_good_document_whatever_the_bad_ones_do() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for i in 0..100 {
        let text = format!("Report {i}\n\nThe paragraph of document {i} has\nwrapped lines.\n");
        write_input(&inputs, &format!("good-{i:03}.txt"), text.as_bytes());
    }
    let word: String = (b'a'..=b'z')
        .cycle()
        .take(300_000)
        .map(char::from)
        .collect();
    write_input(&inputs, "bad-word.txt", word.as_bytes());
    let numbers: String = (1..=20_000).map(|i| format!("{i}\n")).collect();
    write_input(&inputs, "bad-numbers.txt", numbers.as_bytes());
    let nesting = format!("{} deep\n", ">".repeat(20_000));
    write_input(&inputs, "bad-nesting.md", nesting.as_bytes());
    write_input(&inputs, "bad-pages.txt", PROSE.repeat(2500).as_bytes());
    write_input(&inputs, "bad-size.txt", &vec![b'a'; 600_000]);
    write_input(&inputs, "bad-binary.txt", &[0u8; 4096]);
    let out = tmp.path().join("out");
    let report = tmp.path().join("report.jsonl");
    recto()
        .args(["convert", "-q", "--jobs", "2", "-o"])
        .arg(&out)
        .arg(&inputs)
        .args([
            "--max-pages",
            "150",
            "--max-input-size",
            "500000",
            "--report",
        ])
        .arg(&report)
        .assert()
        .code(1);
    let mut failed = BTreeMap::new();
    let mut converted = Vec::new();
    for line in std::fs::read_to_string(&report).unwrap().lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let name = Path::new(doc["input"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        match doc["status"].as_str().unwrap() {
            "converted" => converted.push(name),
            "failed" => {
                failed.insert(name, doc["error"].as_str().unwrap().to_string());
            }
            other => panic!("{name}: {other}"),
        }
    }
    let good = converted.iter().filter(|n| n.starts_with("good-")).count();
    assert_eq!(good, 100, "every good document is converted: {failed:?}");
    for name in ["bad-word.txt", "bad-numbers.txt", "bad-nesting.md"] {
        assert!(converted.iter().any(|n| n == name), "{name}: {failed:?}");
    }
    assert_eq!(failed.len(), 3, "{failed:?}");
    assert!(
        failed["bad-pages.txt"].contains("--max-pages"),
        "{failed:?}"
    );
    assert!(
        failed["bad-size.txt"].contains("--max-input-size"),
        "{failed:?}"
    );
    assert!(
        failed["bad-binary.txt"].contains("looks binary"),
        "{failed:?}"
    );
    for i in [0, 57, 99] {
        let stem = format!("good-{i:03}");
        for ext in ["pdf", "epub", "xml", "txt"] {
            assert!(out.join(&stem).join(format!("{stem}.{ext}")).is_file());
        }
    }
}
