//! The `outready` binary: parse the command line, run, print errors as one sentence.

use std::process::ExitCode;

use clap::Parser;
use outready::cli::Cli;
use outready::commands::{self, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match commands::run(cli, &mut stdout) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(error) => {
            eprintln!("outready: {error:#}");
            ExitCode::from(1)
        }
    }
}
