//! `outready validate FILE...`: every problem in every file, then a one-line summary.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::questionnaire::load;

/// Checks each file and lists every problem; `Problems` when any file had one.
pub fn run(files: &[PathBuf], out: &mut dyn Write) -> Result<Outcome> {
    let mut bad_files = 0;
    let mut problem_count = 0;
    for file in files {
        match load::load_file(file) {
            Ok(loaded) => {
                let q = &loaded.questionnaire;
                writeln!(
                    out,
                    "{}: ok ({} {}, {} sections, {} questions)",
                    file.display(),
                    q.id,
                    q.version,
                    q.sections.len(),
                    q.question_count()
                )?;
            }
            Err(problems) => {
                bad_files += 1;
                problem_count += problems.len();
                for problem in problems {
                    writeln!(out, "{problem}")?;
                }
            }
        }
    }
    if bad_files == 0 {
        return Ok(Outcome::Success);
    }
    writeln!(
        out,
        "{problem_count} {} in {bad_files} of {} {}.",
        plural(problem_count, "problem", "problems"),
        files.len(),
        plural(files.len(), "file", "files"),
    )?;
    Ok(Outcome::Problems)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
