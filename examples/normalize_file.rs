//! Normalizes one raw text file and writes the repaired text, the way
//! `recto normalize INPUT -o OUTPUT` does. Used to score the passes:
//!
//! ```text
//! normalize_file INPUT OUTPUT
//! ```

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
    let (doc, _log) = recto::normalize::normalize_text(&text, &Default::default());
    let out = recto::write::txt::render_repaired(&doc, false);
    if let Err(e) = std::fs::write(output, out) {
        eprintln!("normalize_file: {output}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
