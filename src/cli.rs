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

    #[command(subcommand)]
    pub command: Option<Command>,
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
