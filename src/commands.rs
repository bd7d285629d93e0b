//! What each subcommand does, writing its output to the writer it is given. The terminal
//! front ends live elsewhere.

pub mod answer;
pub mod compare;
pub mod completions;
pub mod copy;
pub mod history;
pub mod import;
pub mod list;
pub mod merge;
pub mod questionnaires;
pub mod questions;
pub mod report;
pub mod validate;

use std::io::IsTerminal as _;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Cli, Command, ThemeChoice};
use crate::data_dir;
use crate::text_safety::visible;
use crate::tui::theme::ThemeName;

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went as asked.
    Success,
    /// The command ran and found problems (for example `validate`): exit 1.
    Problems,
}

/// Whether the user asked for no colour (`NO_COLOR` set to anything but empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether the error is standard output (or a pipe written to) closed by its reader, as
/// when the output goes to `head`: then there is nobody left to tell.
pub fn is_closed_output(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The team `--participants` names, read; none without it.
fn participants(text: Option<&str>) -> Result<Vec<crate::plan::Participant>> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    crate::wizard::positions::parse_participants(text)
        .map_err(|problem| anyhow::anyhow!("--participants: {problem}"))
}

/// A mistake in how the command line was written that only the plan's questionnaire
/// shows (an `--agenda` section it does not have): a usage error, exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Whether the error is a mistake in the command line (exit 2, as clap's own).
pub fn is_usage_error(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.is::<UsageError>())
}

/// The agenda `--agenda` gives, checked against the questionnaire's sections: an id it
/// does not have is a usage error naming the ids it has.
pub fn agenda_for(
    spec: &crate::plan::agenda::AgendaSpec,
    loaded: &crate::questionnaire::Loaded,
) -> Result<crate::plan::Agenda, UsageError> {
    let known: Vec<&str> = loaded
        .questionnaire
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    crate::plan::Agenda::from_spec(spec, &known).map_err(|e| UsageError(format!("--agenda: {e}")))
}

/// Runs what the command line asks for.
pub fn run(cli: Cli, out: &mut dyn std::io::Write) -> Result<Outcome> {
    match cli.command {
        Some(Command::Validate { files }) => validate::run(&files, out),
        Some(Command::Questionnaires) => {
            questionnaires::run(&data_dir::resolve(cli.data_dir)?, out)
        }
        Some(Command::List) => list::run(&data_dir::resolve(cli.data_dir)?, out),
        // The plan and questionnaire may come before the subcommand too.
        Some(Command::Answer {
            plan,
            questionnaire,
            answers,
        }) => {
            let plan = answer::Target::new(
                plan.as_deref().or(cli.plan.as_deref()),
                questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            );
            answer::run(&data_dir::resolve(cli.data_dir)?, plan, &answers, out)
        }
        Some(Command::Import {
            plan,
            questionnaire,
            file,
        }) => {
            let plan = answer::Target::new(
                plan.as_deref().or(cli.plan.as_deref()),
                questionnaire.as_deref().or(cli.questionnaire.as_deref()),
            );
            import::run(&data_dir::resolve(cli.data_dir)?, plan, &file, out)
        }
        Some(Command::Questions {
            questionnaire,
            format,
        }) => questions::run(
            &data_dir::resolve(cli.data_dir)?,
            questionnaire.as_deref(),
            format,
            out,
        ),
        // `outready --plan NAME report` still works: the plan may come before the
        // subcommand too.
        Some(Command::Report {
            plan,
            format,
            output,
            detail,
        }) => report::run(
            &data_dir::resolve(cli.data_dir)?,
            plan.or(cli.plan).as_deref(),
            format,
            detail,
            output.as_deref(),
            cli.since,
            out,
        ),
        Some(Command::Merge {
            plans,
            into,
            conflicts,
        }) => merge::run(
            &data_dir::resolve(cli.data_dir)?,
            merge::Request {
                inputs: &plans,
                into: into.as_deref(),
                conflicts: conflicts.as_deref(),
            },
            out,
        ),
        Some(Command::Compare {
            plans,
            format,
            output,
        }) => compare::run(
            &data_dir::resolve(cli.data_dir)?,
            &plans,
            format,
            output.as_deref(),
            out,
        ),
        Some(Command::History { plan }) => {
            history::run(&data_dir::resolve(cli.data_dir)?, &plan, out)
        }
        Some(Command::Copy {
            plan,
            new,
            only_business,
        }) => copy::run(
            &data_dir::resolve(cli.data_dir)?,
            &plan,
            &new,
            only_business,
            out,
        ),
        Some(Command::MergeDriver { base, ours, theirs }) => {
            let data = data_dir::resolve(cli.data_dir).ok();
            merge::driver(data.as_deref(), &base, &ours, &theirs, out)
        }
        Some(Command::Completions { shell }) => completions::completions(shell, out),
        Some(Command::Man { subcommand }) => completions::man(subcommand.as_deref(), out),
        None if crate::plain::wanted(cli.plain) => {
            let options = crate::plain::Options {
                data_dir: data_dir::resolve(cli.data_dir)?,
                plan: cli.plan,
                questionnaire: cli.questionnaire,
                echo: !std::io::stdin().is_terminal(),
                strict: !std::io::stdin().is_terminal() && !cli.lenient,
                quick: cli.quick,
                participants: participants(cli.participants.as_deref())?,
                agenda: cli.agenda,
            };
            crate::plain::run(&options, std::io::stdin().lock(), out)?;
            Ok(Outcome::Success)
        }
        None => {
            let data_dir: PathBuf = data_dir::resolve(cli.data_dir)?;
            let options = crate::tui::Options {
                data_dir,
                plan: cli.plan,
                questionnaire: cli.questionnaire,
                theme: match cli.theme {
                    ThemeChoice::Default => ThemeName::Default,
                    ThemeChoice::HighContrast => ThemeName::HighContrast,
                },
                no_color: no_color(),
                quick: cli.quick,
                participants: participants(cli.participants.as_deref())?,
                since: cli.since,
                present: cli.present,
                agenda: cli.agenda,
            };
            let farewell = crate::tui::run(options)?;
            // The goodbye line names the plan, which came from a file.
            writeln!(out, "{}", visible(&farewell))?;
            Ok(Outcome::Success)
        }
    }
}
