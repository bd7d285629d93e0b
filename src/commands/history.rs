//! `outready history PLAN`: the verdict over time, from the plan's history (one entry a
//! day a session changed it): the day, the score, the level, what was answered and done.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::Outcome;
use crate::plan::{HistoryEntry, PlanError, PlanStore};
use crate::report::text::percent_or_dash;
use crate::text_safety::visible_line;

/// One line of the history, for this command and the wizard.
pub fn line(entry: &HistoryEntry) -> String {
    let c = &entry.counts;
    format!(
        "{}  {:>5}  {}  {}/{} answered, {} action(s) done of {}, {} disputed",
        entry.date,
        percent_or_dash(entry.score),
        entry.level_label.as_deref().unwrap_or("no verdict yet"),
        c.answered,
        c.shown,
        c.actions_done,
        c.actions,
        c.disputed
    )
}

/// Prints the plan's history, oldest first.
pub fn run(data_dir: &Path, name: &str, out: &mut dyn Write) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let Some((_, plan)) = crate::open::choose_file(&store, Some(name))? else {
        return Err(PlanError::NotFound {
            name: name.trim().to_string(),
        }
        .into());
    };
    let plan = plan?;
    if plan.history.is_empty() {
        let said = format!(
            "The plan \"{}\" has no history yet: a day's entry is written when a session in the wizard or plain mode ends.",
            plan.name
        );
        writeln!(out, "{}", visible_line(&said))?;
        return Ok(Outcome::Success);
    }
    writeln!(
        out,
        "{}",
        visible_line(&format!("The verdict of \"{}\" over time:", plan.name))
    )?;
    for entry in &plan.history {
        writeln!(out, "{}", visible_line(&line(entry)))?;
    }
    Ok(Outcome::Success)
}
