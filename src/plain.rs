//! Plain mode: the same questionnaire, plan file and wizard flow as the terminal screens,
//! asked line by line on standard input and output, for screen readers, dumb terminals
//! and scripts. No cursor movement, no colour; works with input from a file.

pub mod command;
pub mod console;
pub mod conversation;
pub mod reading;
pub mod wording;

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::open::{self, Opening};
use console::Console;
use conversation::Conversation;

/// What the command line asked plain mode for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub data_dir: PathBuf,
    /// The plan to open or create, by name; else the most recent.
    pub plan: Option<String>,
    /// The questionnaire of a new plan: an id or a file.
    pub questionnaire: Option<String>,
    /// Print each line read after its prompt (when input is not a terminal, which
    /// would have shown it).
    pub echo: bool,
    /// Ask the quick scan first (`--quick`).
    pub quick: bool,
    /// The team of a facilitated session (`--participants`), added to the plan's.
    pub participants: Vec<crate::plan::Participant>,
}

/// Whether plain mode is wanted: `--plain`, or `ACCESSIBLE` set to anything but empty
/// or `0`.
pub fn wanted(flag: bool) -> bool {
    flag || std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Opens the plan the options name and asks its questions on `input` and `output` until
/// the input ends or the user quits; the plan is saved on every change and at the end,
/// to the file it was opened from, whose lock is held until then. A plan another
/// outready has open is refused before anything is written.
pub fn run<R: BufRead, W: Write>(options: &Options, input: R, output: W) -> Result<()> {
    let (_shelf, opening) = open::open(
        &options.data_dir,
        options.plan.as_deref(),
        options.questionnaire.as_deref(),
    )?;
    let opened = match opening {
        Opening::Ready(opened) => opened,
        Opening::Busy(opened, owner) => bail!(
            "the plan \"{}\" is open in another outready ({}), so plain mode did not open it and wrote nothing: close it there first",
            opened.plan.name,
            owner.describe()
        ),
        Opening::Damaged(damaged) => return Err(damaged.error.into()),
    };
    Conversation::new(opened, Console::new(input, output, options.echo))
        .with_workshop(options.quick, options.participants.clone())
        .run()
}
