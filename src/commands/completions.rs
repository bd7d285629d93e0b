//! `outready completions SHELL` and `outready man`: the shell completion scripts and the
//! manual page, both generated from the command line's own declaration so that they can
//! never drift from what the program takes.

use std::io::Write;

use anyhow::{Result, bail};
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

/// Writes the manual page as roff: `outready(1)` (the synopsis, every flag, and the
/// subcommands with what each does), or `outready-SUBCOMMAND(1)` for one subcommand.
pub fn man(subcommand: Option<&str>, out: &mut dyn Write) -> Result<Outcome> {
    let mut command = Cli::command().name(BINARY);
    // Built, so that the global flags (`--data-dir`) are on each subcommand's page too.
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let names: Vec<String> = command
                .get_subcommands()
                .map(|sub| sub.get_name().to_string())
                .collect();
            let Some(found) = command.find_subcommand(name) else {
                bail!(
                    "there is no subcommand \"{name}\" to print the page of; there are: {}",
                    names.join(", ")
                );
            };
            found
                .clone()
                .name(format!("{BINARY}-{name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    out.write_all(&roff)?;
    out.flush()?;
    Ok(Outcome::Success)
}
