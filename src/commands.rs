//! What each subcommand does, writing its output to the writer it is given. The terminal
//! front ends live elsewhere.

pub mod questionnaires;
pub mod validate;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::data_dir;

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went as asked.
    Success,
    /// The command ran and found problems (for example `validate`): exit 1.
    Problems,
}

/// Runs what the command line asks for.
pub fn run(cli: Cli, out: &mut dyn std::io::Write) -> Result<Outcome> {
    match cli.command {
        Some(Command::Validate { files }) => validate::run(&files, out),
        Some(Command::Questionnaires) => {
            questionnaires::run(&data_dir::resolve(cli.data_dir)?, out)
        }
        Some(Command::List) => {
            let data_dir: PathBuf = data_dir::resolve(cli.data_dir)?;
            writeln!(out, "No plans yet in {}.", data_dir.display())?;
            Ok(Outcome::Success)
        }
        None => anyhow::bail!("the wizard is not part of this build yet; try `outready --help`"),
    }
}
