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
use crate::tui::widgets::wrap::pad;
use unicode_width::UnicodeWidthStr;

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
    // Each cell as it is shown (control characters escaped), padded by the columns it
    // takes on a terminal, so wide (CJK) names keep the columns straight.
    let shown = |text: &str| visible_line(text).into_owned();
    let width = |f: &dyn Fn(&crate::overview::PlanOverview) -> String, header: &str| {
        rows.iter()
            .map(|r| f(r).width())
            .max()
            .unwrap_or(0)
            .max(header.width())
    };
    let name_w = width(&|r| shown(&r.name), "PLAN");
    let q_w = width(&|r| shown(&r.questionnaire), "QUESTIONNAIRE");
    let level_w = width(&|r| shown(&r.level), "READINESS");
    writeln!(
        out,
        "{}  {}  {:>9}  {}  LAST CHANGE",
        pad("PLAN", name_w),
        pad("QUESTIONNAIRE", q_w),
        "ANSWERED",
        pad("READINESS", level_w)
    )?;
    let mut outcome = Outcome::Success;
    for row in &rows {
        let name = pad(&shown(&row.name), name_w);
        if let Some(problem) = &row.problem {
            // Listed with the rest, and the exit code says that one could not be read.
            outcome = Outcome::Problems;
            let line = format!("{name}  cannot be opened: {}", shown(problem));
            writeln!(out, "{line}")?;
            continue;
        }
        let answered = format!("{}/{}", row.answered, row.total);
        let line = format!(
            "{name}  {}  {answered:>9}  {}  {}",
            pad(&shown(&row.questionnaire), q_w),
            pad(&shown(&row.level), level_w),
            shown(&row.updated)
        );
        writeln!(out, "{line}")?;
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
