//! `recto convert` with the system allocator, for memory profiling: the
//! `recto` binary allocates through mimalloc, which heaptrack cannot see.
//!
//! ```sh
//! cargo build --release --example ht_convert
//! heaptrack target/release/examples/ht_convert convert big.md -t pdf -o /tmp/out
//! heaptrack_print -f heaptrack.ht_convert.*.zst --print-peaks 1 -n 10
//! ```

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = recto::cli::Cli::parse();
    let recto::cli::Command::Convert(args) = cli.command else {
        eprintln!("ht_convert: only the `convert` command is profiled");
        return std::process::ExitCode::from(2);
    };
    let options = match args.convert_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("ht_convert: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut failed = false;
    for input in &args.inputs {
        let job = recto::convert::Job::flat(&args.output, input);
        let report = recto::convert::convert(&job, &options);
        eprintln!(
            "{}: {:?} {}",
            input.display(),
            report.status,
            report.error.unwrap_or_default()
        );
        failed |= report.status == recto::convert::Status::Failed;
    }
    std::process::ExitCode::from(u8::from(failed))
}
