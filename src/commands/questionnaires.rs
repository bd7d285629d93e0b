//! `outready questionnaires`: what is available, built-in and the user's own. Each line
//! passes the sanitiser: titles and file names come from files.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::Outcome;
use crate::data_dir;
use crate::questionnaire::Catalog;
use crate::text_safety::visible_line;

/// Lists every questionnaire with id, version, question count and title, then any user
/// file that could not be loaded.
pub fn run(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome> {
    let user_dir = data_dir::questionnaires_dir(data_dir);
    let catalog = Catalog::load(Some(&user_dir));
    let id_width = catalog
        .entries
        .iter()
        .map(|e| e.questionnaire.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    writeln!(
        out,
        "{:id_width$}  {:8}  {:>9}  TITLE",
        "ID", "VERSION", "QUESTIONS"
    )?;
    for entry in &catalog.entries {
        let q = &entry.questionnaire;
        let source = if entry.builtin {
            "built-in".to_string()
        } else {
            entry.origin.clone()
        };
        let line = format!(
            "{:id_width$}  {:8}  {:>9}  {} ({source})",
            q.id,
            q.version,
            q.question_count(),
            q.title
        );
        writeln!(out, "{}", visible_line(&line))?;
    }
    if catalog.entries.is_empty() {
        writeln!(out, "(none)")?;
    }
    if !catalog.problems.is_empty() {
        let heading = format!(
            "These files in {} could not be loaded (run `outready validate` on them):",
            user_dir.display()
        );
        writeln!(out, "\n{}", visible_line(&heading))?;
        for problem in &catalog.problems {
            writeln!(out, "  {}", visible_line(&problem.to_string()))?;
        }
    }
    Ok(Outcome::Success)
}
