//! The workshop's parts of the Markdown report: the provisional verdict's line, "Where
//! the team disagreed" and "Since last time". Text goes through Markdown's `inline`.

use std::fmt::{self, Write};

use super::agenda::AGENDA;
use super::{DISAGREED, SINCE};
use crate::report::Report;
use crate::report::markdown::inline;

/// The line that says the verdict is provisional, when it is.
pub fn provisional(out: &mut String, report: &Report) -> fmt::Result {
    if let Some(provisional) = &report.verdict.provisional {
        writeln!(out, "**{}**", inline(&provisional.sentence()))?;
        writeln!(out)?;
    }
    Ok(())
}

/// "Where the team disagreed", "Since last time" and the agenda, each when there is
/// one.
pub fn parts(out: &mut String, report: &Report) -> fmt::Result {
    disagreements(out, report)?;
    since(out, report)?;
    agenda(out, report)
}

fn agenda(out: &mut String, report: &Report) -> fmt::Result {
    if report.agenda.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {AGENDA}")?;
    writeln!(out)?;
    writeln!(out, "| Section | Planned | Used |")?;
    writeln!(out, "| --- | ---: | ---: |")?;
    for item in &report.agenda {
        writeln!(
            out,
            "| {} | {} | {} |",
            inline(&item.section),
            item.planned(),
            item.used()
        )?;
    }
    writeln!(out)
}

fn disagreements(out: &mut String, report: &Report) -> fmt::Result {
    if report.disagreements.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {DISAGREED}")?;
    writeln!(out)?;
    for item in &report.disagreements {
        writeln!(out, "### {}", inline(&item.question))?;
        writeln!(out)?;
        writeln!(out, "{} · **{}**", inline(&item.section), item.status())?;
        writeln!(out)?;
        for position in &item.positions {
            writeln!(
                out,
                "- {}: {}",
                inline(&position.participant),
                inline(&position.position)
            )?;
        }
        let answer = if item.agreed {
            "Agreed answer"
        } else {
            "Answer for now"
        };
        writeln!(out, "- **{answer}**: {}", inline(&item.answer))?;
        if let Some(note) = &item.note {
            writeln!(out, "- Note: {}", inline(note))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn since(out: &mut String, report: &Report) -> fmt::Result {
    let Some(since) = &report.since_last_time else {
        return Ok(());
    };
    writeln!(out, "## {SINCE}")?;
    writeln!(out)?;
    let then = since
        .then
        .as_ref()
        .map_or("not recorded".to_string(), |t| inline(&t.text()));
    writeln!(
        out,
        "{}: verdict then **{then}**, now **{}**.",
        since.lead(),
        inline(&since.now.text())
    )?;
    writeln!(out)?;
    if since.is_quiet() {
        writeln!(out, "Nothing else changed.")?;
        writeln!(out)?;
        return Ok(());
    }
    for (heading, items) in since.parts() {
        if items.is_empty() {
            continue;
        }
        writeln!(out, "### {heading} ({})", items.len())?;
        writeln!(out)?;
        for item in items {
            writeln!(
                out,
                "- {}: {}",
                inline(&item.question),
                inline(&item.detail)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
