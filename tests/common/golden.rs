//! Golden files: output compared with a reviewed copy under `tests/golden`.
//! `UPDATE_GOLDEN=1 cargo test` rewrites them; review the diff before
//! committing.

use super::root;

/// Asserts that `actual` equals the golden file `tests/golden/<name>`, or
/// rewrites that file when `UPDATE_GOLDEN=1`. `what` names the output in
/// the failure message.
pub fn assert_golden(name: &str, actual: &str, what: &str) {
    let golden = root().join("tests/golden").join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", golden.display()));
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "{what} changed from {} at line {}:\n  now:    {:?}\n  golden: {:?}\nreview it and run with UPDATE_GOLDEN=1",
            golden.display(),
            line + 1,
            actual.lines().nth(line),
            expected.lines().nth(line)
        );
    }
}
