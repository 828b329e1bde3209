//! Generates synthetic damaged documents for benchmarks:
//! `synth_corpus N OUT_DIR [KB]` writes N documents of about KB kilobytes
//! (default 7) into OUT_DIR, built from the sample brief's paragraphs in a
//! deterministic order, hard-wrapped, paginated with page numbers and form
//! feeds, as text extracted from a PDF looks.

use std::fmt::Write;
use std::path::PathBuf;

/// A small deterministic generator (64-bit linear congruential); the
/// benchmark needs repeatable inputs, not good randomness.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % bound as u64) as usize
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: synth_corpus N OUT_DIR [KB]");
        std::process::exit(2);
    }
    let n: usize = args[1].parse().expect("N is a number");
    let out = PathBuf::from(&args[2]);
    let kb: usize = args
        .get(3)
        .map_or(7, |s| s.parse().expect("KB is a number"));
    let sample = include_str!("../input/kazan-summit-china-india-brief.txt");
    let paragraphs: Vec<&str> = sample
        .split("\n\n")
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() > 30)
        .collect();
    std::fs::create_dir_all(&out).expect("the output directory can be made");
    for i in 0..n {
        let mut rng = Lcg(i as u64 + 1);
        let width = 60 + rng.next(20);
        let mut text = format!("Synthetic Brief Number {i}\n\nAuthor Name{}\n\n", i % 97);
        let mut lines_on_page = 4;
        let mut page = 1;
        while text.len() < kb * 1024 {
            let para = paragraphs[rng.next(paragraphs.len())];
            let mut line = String::new();
            for word in para.split_whitespace() {
                if line.len() + word.len() + 1 > width {
                    writeln!(text, "{line}").unwrap();
                    line.clear();
                    lines_on_page += 1;
                    if lines_on_page == 48 {
                        page += 1;
                        write!(text, "\n{page}\n\u{c}Synthetic Brief Number {i}\n").unwrap();
                        lines_on_page = 0;
                    }
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            writeln!(text, "{line}").unwrap();
            lines_on_page += 1;
        }
        let path = out.join(format!("synthetic-{i:05}.txt"));
        std::fs::write(&path, text).expect("the document can be written");
    }
}
