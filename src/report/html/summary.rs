//! The HTML summary page: the verdict in its panel (the level, the score, why, what
//! would lift it, what holds it down), then the top actions, the budget's headline
//! figures (when there are any) and the counts.

use std::fmt::{self, Write};

use super::{empty_text, escape, lines, row, table_end, table_head};
use crate::report::rows;
use crate::report::text::percent_or_dash;
use crate::report::{HoldKind, Report};

/// The summary page, one section with its own heading.
pub(super) fn summary(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(
        out,
        "<section class=\"summary\" aria-labelledby=\"summary\">"
    )?;
    writeln!(out, "<h2 id=\"summary\">{}</h2>", rows::SUMMARY)?;
    verdict(out, report)?;
    top_actions(out, report)?;
    budget(out, report)?;
    writeln!(out, "<div class=\"block\">")?;
    writeln!(out, "<h3>{}</h3>", rows::COUNTS)?;
    writeln!(out, "<ul class=\"counts\">")?;
    for line in rows::count_lines(&report.summary.counts) {
        writeln!(out, "<li>{}</li>", escape(&line))?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</div>")?;
    writeln!(out, "</section>")
}

fn verdict(out: &mut String, report: &Report) -> fmt::Result {
    let summary = &report.summary;
    let top = report.questionnaire.levels.len().saturating_sub(1);
    let class = match report.verdict.level.as_ref().map(|l| l.index) {
        Some(0) => "level-lowest",
        Some(index) if index == top => "level-top",
        _ => "level-middle",
    };
    let label = summary
        .level
        .as_deref()
        .map_or("No verdict yet".to_string(), escape);
    writeln!(out, "<div class=\"verdict {class}\">")?;
    // The verdict's head is kept on one page; the list of holds may run on.
    writeln!(out, "<div class=\"verdict-head\">")?;
    writeln!(out, "<h3>Verdict: {label}</h3>")?;
    writeln!(
        out,
        "<p class=\"score\"><strong>Overall readiness {}</strong> · {}</p>",
        percent_or_dash(summary.score),
        escape(&summary.counts.answers.summary())
    )?;
    if let Some(text) = &summary.level_text {
        writeln!(out, "<p class=\"description\">{}</p>", escape(text))?;
    }
    writeln!(out, "<p>{}</p>", escape(&summary.why))?;
    if let Some(lift) = &summary.lift {
        writeln!(out, "<p class=\"lift\">{}</p>", escape(lift))?;
    }
    writeln!(out, "</div>")?;
    if !summary.holds.is_empty() {
        writeln!(out, "<h4>{}</h4>", rows::HOLDS)?;
        writeln!(out, "<ul class=\"holds\">")?;
        for hold in &summary.holds {
            let class = match hold.reason {
                HoldKind::Blocker => "blocker",
                HoldKind::CriticalLow | HoldKind::CriticalUnsure | HoldKind::Unanswered => {
                    "critical"
                }
                HoldKind::Stage => "stage",
            };
            writeln!(
                out,
                "<li><span class=\"tag {class}\">{}</span> {} <span class=\"answer\">({}) · answer: <strong>{}</strong></span></li>",
                hold.reason.label(),
                escape(&hold.question),
                escape(&hold.section),
                lines(&hold.answer)
            )?;
        }
        writeln!(out, "</ul>")?;
        if summary.more_critical > 0 {
            writeln!(
                out,
                "<p class=\"about\">{}</p>",
                rows::more_holds(summary.more_critical)
            )?;
        }
    }
    writeln!(out, "</div>")
}

fn top_actions(out: &mut String, report: &Report) -> fmt::Result {
    let actions = &report.summary.top_actions;
    writeln!(out, "<div class=\"block\">")?;
    writeln!(out, "<h3>{}</h3>", rows::TOP_ACTIONS.heading)?;
    if actions.is_empty() {
        empty_text(out, rows::TOP_ACTIONS.empty)?;
        return writeln!(out, "</div>");
    }
    writeln!(out, "<p class=\"about\">{}</p>", rows::TOP_ACTIONS_ABOUT)?;
    table_head(out, &rows::TOP_ACTION_COLUMNS, rows::TOP_ACTIONS.heading)?;
    for (index, action) in actions.iter().enumerate() {
        let cells = rows::top_action_cells(index + 1, action)
            .each_ref()
            .map(|cell| escape(cell));
        row(out, &rows::TOP_ACTION_COLUMNS, cells)?;
    }
    table_end(out)?;
    writeln!(out, "</div>")
}

/// The headline budget figures; nothing at all when the report has none.
fn budget(out: &mut String, report: &Report) -> fmt::Result {
    let figures = &report.summary.budget;
    if figures.is_empty() {
        return Ok(());
    }
    writeln!(out, "<div class=\"block\">")?;
    writeln!(out, "<h3>{}</h3>", rows::BUDGET)?;
    writeln!(out, "<dl class=\"budget\">")?;
    for figure in figures {
        writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&figure.label),
            escape(&figure.amount)
        )?;
    }
    writeln!(out, "</dl>")?;
    writeln!(out, "</div>")
}
