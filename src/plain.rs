//! Plain mode: the same questionnaire, plan file and wizard flow as the terminal screens,
//! asked line by line on standard input and output, for screen readers, dumb terminals
//! and scripts. No cursor movement, no colour; works with input from a file.

pub mod command;
pub mod console;
pub mod conversation;
pub mod menu;
pub mod reading;
pub mod standing;
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
    /// Stop at the first refused line (input from a file): a wrong line must not answer
    /// every later question in its place. Off (`--lenient`): explain, ask again.
    pub strict: bool,
    /// Ask the quick scan first (`--quick`).
    pub quick: bool,
    /// The team of a facilitated session (`--participants`), added to the plan's.
    pub participants: Vec<crate::plan::Participant>,
    /// The agenda `--agenda` gives, its clock started.
    pub agenda: Option<crate::plan::agenda::AgendaSpec>,
}

/// A line of strict input that was refused: the run stopped there.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "line {line} of the input was refused ({problem}), so the run stopped there; {}: correct that line and run again, or add --lenient to be asked again instead",
    .saved.as_ref().map_or_else(|| "nothing was saved".to_string(), |p| format!("the answers before it are saved in {}", p.display()))
)]
pub struct Refused {
    /// The line's number, from 1.
    pub line: usize,
    /// What was wrong with it.
    pub problem: String,
    /// Where the answers before it were saved, if the plan had been started.
    pub saved: Option<PathBuf>,
}

/// Whether plain mode is wanted: `--plain`, or `ACCESSIBLE` set to anything but empty
/// or `0`.
pub fn wanted(flag: bool) -> bool {
    flag || std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Opens the plan the options name and asks its questions on `input` and `output` until
/// the input ends or the user quits; the plan is saved on every change and at the end,
/// to the file it was opened from, whose lock is held until then. A plan another
/// outready has open is refused before anything is written. With `strict`, the first
/// refused line ends the run with a [`Refused`] error, after saving what came before.
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
    let agenda = match &options.agenda {
        Some(spec) => Some(crate::commands::agenda_for(spec, &opened.loaded)?),
        None => None,
    };
    Conversation::new(opened, Console::new(input, output, options.echo))
        .strict(options.strict)
        .with_workshop(options.quick, options.participants.clone())
        .with_agenda(agenda)
        .run()
}
