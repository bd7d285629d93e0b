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
    #[arg(long, global = true, value_name = "NAME")]
    pub plan: Option<String>,

    /// The questionnaire for a new plan: an id from `outready questionnaires`, or a file.
    #[arg(long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,

    /// Ask the questions line by line on standard input and output, for screen readers
    /// and scripts (also when the ACCESSIBLE environment variable is set).
    #[arg(long)]
    pub plain: bool,

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the plans with their progress and readiness.
    List,
    /// List the questionnaires available (built-in and your own).
    Questionnaires,
    /// Write the report of a plan (the most recent, or the one named with --plan):
    /// verdict, checklist, gaps, action plan and questions for providers.
    Report {
        /// The file format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md, value_name = "FORMAT")]
        format: ReportFormat,
        /// Write the report to this file instead of standard output (`-` is standard
        /// output). An existing file is replaced; a device or a named pipe is written to.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check questionnaire files and list every problem in them.
    Validate {
        /// The questionnaire files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}
