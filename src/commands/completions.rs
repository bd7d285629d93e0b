//! `outready completions SHELL` and `outready man`: the shell completion scripts and the
//! manual page, both generated from the command line's own declaration so that they can
//! never drift from what the program takes.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory as _;

use super::Outcome;
use crate::cli::{Cli, Shell};

/// The name the scripts and the page complete and describe.
const BINARY: &str = "outready";

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<Outcome> {
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut script = Vec::new();
    clap_complete::generate(generator, &mut Cli::command(), BINARY, &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(Outcome::Success)
}

/// Writes the manual page, `outready(1)`, as roff: the synopsis, every flag, and the
/// subcommands with what each does.
pub fn man(out: &mut dyn Write) -> Result<Outcome> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command().name(BINARY)).render(&mut page)?;
    out.write_all(&page)?;
    out.flush()?;
    Ok(Outcome::Success)
}
