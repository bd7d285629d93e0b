//! The `outready` binary: parse the command line, run, print errors as one sentence.

use std::process::ExitCode;

use outready::cli::Cli;
use outready::commands::{self, Outcome};
use outready::text_safety::visible;

fn main() -> ExitCode {
    let cli = Cli::from_command_line();
    let mut stdout = std::io::stdout().lock();
    match commands::run(cli, &mut stdout) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        // The reader of standard output went away (`| head`): nobody is left to tell, and
        // nothing went wrong with the work, so end quietly as ripgrep does.
        Err(error) if commands::is_closed_output(&error) => ExitCode::SUCCESS,
        Err(error) if commands::is_usage_error(&error) => {
            eprintln!("outready: {}", visible(&format!("{error:#}")));
            ExitCode::from(2)
        }
        Err(error) => {
            // Messages quote names from files: shown, never obeyed by the terminal.
            eprintln!("outready: {}", visible(&format!("{error:#}")));
            ExitCode::from(1)
        }
    }
}
