//! `outready validate FILE...`: every problem in every file, then a one-line summary.
//! Each line passes the sanitiser: it quotes the files.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::questionnaire::load;
use crate::text_safety::visible_line;

/// Checks each file and lists every problem; `Problems` when any file had one.
pub fn run(files: &[PathBuf], out: &mut dyn Write) -> Result<Outcome> {
    let mut bad_files = 0;
    let mut problem_count = 0;
    for file in files {
        match load::load_file(file) {
            Ok(loaded) => {
                let q = &loaded.questionnaire;
                let line = format!(
                    "{}: ok ({} {}, {} sections, {} questions)",
                    file.display(),
                    q.id,
                    q.version,
                    q.sections.len(),
                    q.question_count()
                );
                writeln!(out, "{}", visible_line(&line))?;
            }
            Err(problems) => {
                bad_files += 1;
                problem_count += problems.len();
                for problem in problems {
                    // A problem quotes the file, which may hold escape sequences.
                    writeln!(out, "{}", visible_line(&problem.to_string()))?;
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
