//! `outready list`: each plan with its questionnaire, progress, readiness and last change.
//! Each line passes the sanitiser: names come from files.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::Outcome;
use crate::data_dir;
use crate::overview::overviews;
use crate::plan::PlanStore;
use crate::questionnaire::Catalog;
use crate::text_safety::{visible, visible_line};

/// Lists the plans, newest change first; a friendly line when there are none.
/// `Problems` (exit 1) when a plan file cannot be read.
pub fn run(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let entries = store.list()?;
    let conflicts = crate::overview::conflict_notices(&store);
    if entries.is_empty() && conflicts.is_empty() {
        let line = format!(
            "No plans yet in {}. Run `outready` to start one.",
            store.dir().display()
        );
        writeln!(out, "{}", visible(&line))?;
        return Ok(Outcome::Success);
    }
    let catalog = Catalog::load(Some(&data_dir::questionnaires_dir(data_dir)));
    let rows = overviews(&entries, &catalog);
    let width = |f: &dyn Fn(&crate::overview::PlanOverview) -> usize, header: &str| {
        rows.iter()
            .map(f)
            .max()
            .unwrap_or(0)
            .max(header.chars().count())
    };
    let name_w = width(&|r| r.name.chars().count(), "PLAN");
    let q_w = width(&|r| r.questionnaire.chars().count(), "QUESTIONNAIRE");
    let level_w = width(&|r| r.level.chars().count(), "READINESS");
    writeln!(
        out,
        "{:name_w$}  {:q_w$}  {:>9}  {:level_w$}  LAST CHANGE",
        "PLAN", "QUESTIONNAIRE", "ANSWERED", "READINESS"
    )?;
    let mut outcome = Outcome::Success;
    for row in &rows {
        if let Some(problem) = &row.problem {
            // Listed with the rest, and the exit code says that one could not be read.
            outcome = Outcome::Problems;
            let line = format!("{:name_w$}  cannot be opened: {problem}", row.name);
            writeln!(out, "{}", visible_line(&line))?;
            continue;
        }
        let answered = format!("{}/{}", row.answered, row.total);
        let line = format!(
            "{:name_w$}  {:q_w$}  {answered:>9}  {:level_w$}  {}",
            row.name, row.questionnaire, row.level, row.updated
        );
        writeln!(out, "{}", visible_line(&line))?;
    }
    for (_, line) in &conflicts {
        // Capitalised as a sentence of its own.
        let mut chars = line.chars();
        let line: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        writeln!(out, "{}", visible_line(&format!("{line}.")))?;
    }
    Ok(outcome)
}
