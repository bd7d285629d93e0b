//! The command line (clap): subcommands and flags, nothing more. What each command does
//! lives in `commands`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Is your business ready to hand its IT to an outside provider? A wizard that asks,
/// saves every answer as you go, and tells you what to fix first.
#[derive(Debug, Parser)]
#[command(name = "outready", version, about, long_about = None)]
pub struct Cli {
    /// Where plans and your own questionnaires live (default: the folder in the
    /// OUTREADY_DATA_DIR environment variable when it is set and not empty, else the
    /// platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The plan to open or create, by name (default: the most recent plan).
    #[arg(long, value_name = "NAME")]
    pub plan: Option<String>,

    /// The questionnaire for a new plan: an id from `outready questionnaires`, or a file.
    #[arg(long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    /// Ask the questions line by line on standard input and output, for screen readers
    /// and scripts (also when the ACCESSIBLE environment variable is set).
    #[arg(long)]
    pub plain: bool,

    /// In plain mode with input from a file, explain a refused line and ask the same
    /// question again, instead of stopping the run at that line (exit 1).
    #[arg(long)]
    pub lenient: bool,

    /// Colours for the wizard: `default`, or `high-contrast` for projectors and low vision.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Default, value_name = "THEME")]
    pub theme: ThemeChoice,

    /// Ask the quick scan first: the most decisive questions, for a verdict marked
    /// provisional; then the rest.
    #[arg(long)]
    pub quick: bool,

    /// The team of a facilitated session, added to the plan:
    /// "Ann (owner), Ben (office), Cara (books)".
    #[arg(long, value_name = "NAMES")]
    pub participants: Option<String>,

    /// The presenter layout, for a projector: the question large and spaced, the
    /// progress on one line, a clock (P switches at any time).
    #[arg(long)]
    pub present: bool,

    /// Say what changed since this day (YYYY-MM-DD) rather than since the last session.
    #[arg(long, global = true, value_name = "DATE")]
    pub since: Option<jiff::civil::Date>,

    /// The workshop's agenda, its clock started: "90m" for the whole session (spread
    /// over the sections by their questions), or minutes per section id:
    /// "goal=10m,budget=15m" (A in the wizard changes it).
    #[arg(long, value_name = "TIME", value_parser = agenda_spec)]
    pub agenda: Option<crate::plan::agenda::AgendaSpec>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line of this run. With no arguments at all (the wizard, as an owner
    /// starts it) it is every default, given without building the parser: that takes a
    /// tenth of a millisecond at each start, for nothing to read. A test holds the two
    /// the same.
    pub fn from_command_line() -> Cli {
        if std::env::args_os().len() <= 1 {
            Cli::without_arguments()
        } else {
            Cli::parse()
        }
    }

    /// What the parser makes of no arguments.
    fn without_arguments() -> Cli {
        Cli {
            data_dir: None,
            plan: None,
            questionnaire: None,
            plain: false,
            lenient: false,
            theme: ThemeChoice::Default,
            quick: false,
            participants: None,
            present: false,
            since: None,
            agenda: None,
            command: None,
        }
    }
}

/// Reads `--agenda`, so a time that is not one is a usage error.
fn agenda_spec(text: &str) -> Result<crate::plan::agenda::AgendaSpec, String> {
    crate::plan::agenda::parse_spec(text).map_err(|e| e.to_string())
}

/// The wizard's colour themes (`NO_COLOR` turns colour off whatever is chosen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    Default,
    HighContrast,
}

/// The report's file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// GitHub-flavoured Markdown.
    Md,
    /// One self-contained HTML page that prints well.
    Html,
    /// The whole report as JSON, for other programs.
    Json,
    /// One row per gap recommendation or action, for a spreadsheet.
    Csv,
}

/// How much of the report to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportDetail {
    /// Everything: the summary page, the action plan, the gaps, the questions for
    /// providers and the checklist.
    Full,
    /// The summary page alone: the verdict, what holds it down, the top actions and the
    /// counts.
    Summary,
}

/// The formats of the list of questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuestionsFormat {
    /// Readable text, a block per question.
    Text,
    /// One row per question, for a spreadsheet or a script.
    Csv,
    /// Every question with its options and conditions as data.
    Json,
}

// `--data-dir` is the one global flag: every subcommand reads the data folder. The
// others are declared where they are used, so that each subcommand's `--help` offers
// only what it takes.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the plans with their progress and readiness.
    List,
    /// List the questionnaires available (built-in and your own).
    Questionnaires,
    /// List every question of a questionnaire in order, with its id, section, type,
    /// options and their values, whether "I don't know yet" and "not applicable" are
    /// allowed, and the condition that shows it.
    Questions {
        /// The questionnaire: an id from `outready questionnaires`, or a file (default:
        /// the built-in one).
        #[arg(long, value_name = "ID|FILE")]
        questionnaire: Option<String>,
        /// The output format.
        #[arg(long, value_enum, default_value_t = QuestionsFormat::Text, value_name = "FORMAT")]
        format: QuestionsFormat,
    },
    /// Write the report of a plan (the most recent, or the one named with --plan):
    /// verdict, checklist, gaps, action plan and questions for providers.
    Report {
        /// The plan, by name (default: the most recent plan).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// The file format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md, value_name = "FORMAT")]
        format: ReportFormat,
        /// Write the report to this file instead of standard output (`-` is standard
        /// output). An existing file is replaced; a device or a named pipe is written to.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// How much to write: `full`, everything (the summary page first), or `summary`,
        /// that one page alone as a handout (md and html).
        #[arg(long, value_enum, default_value_t = ReportDetail::Full, value_name = "DETAIL")]
        detail: ReportDetail,
    },
    /// Set answers of the plan named with --plan by question id, all or nothing:
    /// `ID=VALUE` with an option's value (several comma-separated for multi-choice), a
    /// number, a date (YYYY-MM-DD), text, `unsure` or `na`.
    Answer {
        /// The plan, by name (created when there is none of that name).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// The questionnaire for a new plan: an id from `outready questionnaires`, or a file.
        #[arg(long, value_name = "ID|FILE")]
        questionnaire: Option<String>,
        /// The answers, like `staff=12 outsourced=support,hosting dpa=unsure`.
        #[arg(required = true, value_name = "ID=VALUE")]
        answers: Vec<String>,
    },
    /// Set answers of the plan named with --plan from a file, all or nothing: a JSON
    /// object (`{"id": value}` or `{"id": {"value": ..., "note": "..."}}`) or a CSV of
    /// `id,value[,note]` rows.
    Import {
        /// The plan, by name (created when there is none of that name).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// The questionnaire for a new plan: an id from `outready questionnaires`, or a file.
        #[arg(long, value_name = "ID|FILE")]
        questionnaire: Option<String>,
        /// The file (`.json` or `.csv`; otherwise told apart by its content).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Check questionnaire files and list every problem in them.
    Validate {
        /// The questionnaire files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Merge plans on the same questionnaire into one: what only one plan answered, or
    /// all the same, is taken; different answers become disputed questions, each plan's
    /// answer kept as a position and the newest current. The plans merged are not
    /// changed (a sync tool's conflict copy is moved to plans/merged/ once merged).
    Merge {
        /// The plans, by name, or plan files.
        #[arg(value_name = "PLAN_OR_FILE")]
        plans: Vec<String>,
        /// The plan to write the result to (new, or one of the plans merged).
        #[arg(long, value_name = "NAME")]
        into: Option<String>,
        /// Merge the conflict copies a sync tool made of this plan into it.
        #[arg(long, value_name = "NAME")]
        conflicts: Option<String>,
    },
    /// Put plans on the same questionnaire side by side: verdict, score, section
    /// scores, blockers, and the answers that differ grouped by section.
    Compare {
        /// The plans, by name (two or more).
        #[arg(required = true, num_args = 2.., value_name = "PLAN")]
        plans: Vec<String>,
        /// The file format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md, value_name = "FORMAT")]
        format: ReportFormat,
        /// Write to this file instead of standard output (`-` is standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the verdict over time from the plan's history: one line per day a session
    /// changed it.
    History {
        /// The plan, by name.
        #[arg(value_name = "PLAN")]
        plan: String,
    },
    /// Start a new plan from an existing one: its answers, notes, actions and team.
    Copy {
        /// The plan to copy, by name.
        #[arg(value_name = "PLAN")]
        plan: String,
        /// The new plan's name.
        #[arg(value_name = "NEW")]
        new: String,
        /// Copy only the answers about your own business, not those about one provider,
        /// to weigh another provider.
        #[arg(long)]
        only_business: bool,
    },
    /// A git merge driver for plan files: `outready merge-driver %O %A %B` merges the
    /// common base, ours and theirs into ours; changes on both sides become disputes.
    MergeDriver {
        /// The common ancestor's file (%O).
        #[arg(value_name = "BASE")]
        base: PathBuf,
        /// Our file (%A), where the result is written.
        #[arg(value_name = "OURS")]
        ours: PathBuf,
        /// Their file (%B).
        #[arg(value_name = "THEIRS")]
        theirs: PathBuf,
    },
    /// Print a completion script for a shell to standard output.
    ///
    /// Put it where the shell looks for completions, for example:
    ///
    /// bash: `outready completions bash > ~/.local/share/bash-completion/completions/outready`
    ///
    /// zsh: `outready completions zsh > ~/.zfunc/_outready` (with `~/.zfunc` in `fpath`)
    ///
    /// fish: `outready completions fish > ~/.config/fish/completions/outready.fish`
    ///
    /// PowerShell: `outready completions powershell >> $PROFILE`
    Completions {
        /// The shell.
        #[arg(value_enum, value_name = "SHELL")]
        shell: Shell,
    },
    /// Print the manual page (roff) to standard output: `outready man > outready.1`, or a
    /// subcommand's: `outready man report > outready-report.1`.
    Man {
        /// The subcommand whose page to print (default: the page of outready itself).
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
    },
}

/// The shells a completion script is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::Cli;

    #[test]
    fn no_arguments_read_as_the_parser_reads_them() {
        let parsed = Cli::try_parse_from(["outready"]).unwrap();
        assert_eq!(
            format!("{parsed:?}"),
            format!("{:?}", Cli::without_arguments())
        );
    }
}
