//! Normalizes one raw text file and writes the repaired text, the way
//! `recto normalize INPUT -o OUTPUT` does. Used to score the passes:
//!
//! ```text
//! normalize_file INPUT OUTPUT
//! ```
//!
//! `RECTO_SKIP_PASSES=a,b` skips passes (to see what each one contributes);
//! `RECTO_SHOW_LOG=1` prints the repair log to stderr.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: normalize_file INPUT OUTPUT");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("normalize_file: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = match recto::read::decode(&bytes, Path::new(input), true) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("normalize_file: {e}");
            return ExitCode::FAILURE;
        }
    };
    let options = recto::normalize::Options {
        only: None,
        skip: std::env::var("RECTO_SKIP_PASSES")
            .map(|s| s.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        ..Default::default()
    };
    let (doc, log) = recto::normalize::normalize_text(&text, &options);
    if std::env::var_os("RECTO_SHOW_LOG").is_some() {
        for c in &log.changes {
            let mark = if c.declined { " (declined)" } else { "" };
            eprintln!(
                "{input}:{} {}/{}{mark}: {:?} -> {:?}",
                c.span, c.pass, c.rule, c.before, c.after
            );
        }
    }
    let out = recto::write::txt::render_repaired(&doc, false);
    if let Err(e) = std::fs::write(output, out) {
        eprintln!("normalize_file: {output}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
