//! The Markdown summary page: the verdict and why, what holds it down, the top actions,
//! the budget's headline figures (when there are any) and the counts.

use std::fmt::{self, Write};

use super::{inline, lines, table};
use crate::report::Report;
use crate::report::rows;
use crate::report::text::percent_or_dash;

/// The summary page, under its own heading.
pub(super) fn summary(out: &mut String, report: &Report) -> fmt::Result {
    let summary = &report.summary;
    writeln!(out, "## {}", rows::SUMMARY)?;
    writeln!(out)?;
    let label = summary
        .level
        .as_deref()
        .map_or("no verdict yet".to_string(), inline);
    writeln!(out, "### Verdict: {label}")?;
    writeln!(out)?;
    writeln!(
        out,
        "**Overall readiness: {}** · {}",
        percent_or_dash(summary.score),
        summary.counts.answers.summary()
    )?;
    writeln!(out)?;
    if let Some(text) = &summary.level_text {
        writeln!(out, "> {}", lines(text, "> "))?;
        writeln!(out)?;
    }
    write!(out, "{}", lines(&summary.why, ""))?;
    if let Some(lift) = &summary.lift {
        write!(out, " {}", lines(lift, ""))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    holds(out, report)?;
    top_actions(out, report)?;
    budget(out, report)?;
    writeln!(out, "### {}", rows::COUNTS)?;
    writeln!(out)?;
    for line in rows::count_lines(&summary.counts) {
        writeln!(out, "- {line}")?;
    }
    writeln!(out)
}

fn holds(out: &mut String, report: &Report) -> fmt::Result {
    let summary = &report.summary;
    if summary.holds.is_empty() {
        return Ok(());
    }
    writeln!(out, "### {}", rows::HOLDS)?;
    writeln!(out)?;
    for hold in &summary.holds {
        writeln!(
            out,
            "- **{}**: {} ({}) · answer: {}",
            hold.reason.label(),
            inline(&hold.question),
            inline(&hold.section),
            inline(&hold.answer)
        )?;
    }
    if summary.more_critical > 0 {
        writeln!(out, "- {}", rows::more_holds(summary.more_critical))?;
    }
    writeln!(out)
}

fn top_actions(out: &mut String, report: &Report) -> fmt::Result {
    let actions = &report.summary.top_actions;
    writeln!(out, "### {}", rows::TOP_ACTIONS.heading)?;
    writeln!(out)?;
    if actions.is_empty() {
        writeln!(out, "{}", rows::TOP_ACTIONS.empty)?;
        return writeln!(out);
    }
    writeln!(out, "{}", rows::TOP_ACTIONS_ABOUT)?;
    writeln!(out)?;
    let cells = actions.iter().enumerate().map(|(index, action)| {
        rows::top_action_cells(index + 1, action)
            .each_ref()
            .map(|cell| inline(cell))
    });
    table(out, &rows::TOP_ACTION_COLUMNS, cells)
}

/// The headline budget figures; nothing at all when the report has none.
fn budget(out: &mut String, report: &Report) -> fmt::Result {
    let figures = &report.summary.budget;
    if figures.is_empty() {
        return Ok(());
    }
    writeln!(out, "### {}", rows::BUDGET)?;
    writeln!(out)?;
    for figure in figures {
        writeln!(
            out,
            "- {}: **{}**",
            inline(&figure.label),
            inline(&figure.amount)
        )?;
    }
    writeln!(out)
}
