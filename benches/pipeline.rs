//! Stage and whole-pipeline benchmarks: `cargo bench --bench pipeline`.
//!
//! - `stage/*`: each stage on the sample brief (read, normalize, metadata, each writer),
//!   and `stage/whole-pipeline` (file to all four editions in memory), in MB/s;
//! - `normalize/scale/*`: normalization of 1x, 10x and 100x the sample, reported in MB/s
//!   (throughput that stays flat as the input grows means linear time);
//! - `pdf/pages`: the PDF writer on a document of about 100 pages.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use recto::convert::{LoadOptions, load};
use recto::meta::{MetaSources, resolve};
use recto::normalize::{Options, normalize_text};
use recto::read;
use recto::write::{Format, WriteOptions, write};

const SAMPLE: &str = "input/kazan-summit-china-india-brief.txt";

fn sample_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    std::fs::read_to_string(path).expect("the sample is in input/")
}

fn stages(c: &mut Criterion) {
    let text = sample_text();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("read", |b| {
        b.iter(|| {
            read::text::parse(&read::decode(black_box(text.as_bytes()), &path, false).unwrap())
        })
    });
    g.bench_function("normalize", |b| {
        b.iter(|| normalize_text(black_box(&text), &Options::default()))
    });
    let (doc, _) = normalize_text(&text, &Options::default());
    g.bench_function("metadata", |b| {
        b.iter(|| {
            let mut d = doc.clone();
            resolve(&mut d, &MetaSources::default(), &text).unwrap()
        })
    });
    let loaded = load(&path, &LoadOptions::default()).unwrap();
    let options = WriteOptions::default();
    g.bench_function("whole-pipeline", |b| {
        b.iter(|| {
            let doc = load(black_box(&path), &LoadOptions::default()).unwrap().doc;
            for format in [Format::Txt, Format::Jats, Format::Epub, Format::Pdf] {
                write(format, &doc, &options).unwrap();
            }
        })
    });
    for format in [Format::Txt, Format::Jats, Format::Epub, Format::Pdf] {
        if write(format, &loaded.doc, &options).is_err() {
            continue;
        }
        g.bench_function(format!("write-{}", format.name()), |b| {
            b.iter(|| write(format, black_box(&loaded.doc), &options).unwrap())
        });
    }
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let text = sample_text();
    let mut g = c.benchmark_group("normalize/scale");
    g.sample_size(10);
    for factor in [1usize, 10, 100] {
        let big = (0..factor)
            .map(|_| text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n\u{c}\n");
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_function(format!("{factor}x"), |b| {
            b.iter(|| normalize_text(black_box(&big), &Options::default()))
        });
    }
    g.finish();
}

fn pdf_pages(c: &mut Criterion) {
    let text = sample_text();
    // The sample is about 2 pages; 50 copies make a document of about 100.
    let big = (0..50)
        .map(|_| text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let (doc, _) = normalize_text(&big, &Options::default());
    let options = WriteOptions::default();
    if write(Format::Pdf, &doc, &options).is_err() {
        return;
    }
    let mut g = c.benchmark_group("pdf");
    g.sample_size(10);
    g.bench_function("100-pages", |b| {
        b.iter(|| write(Format::Pdf, black_box(&doc), &options).unwrap())
    });
    g.finish();
}

criterion_group!(benches, stages, scaling, pdf_pages);
criterion_main!(benches);
