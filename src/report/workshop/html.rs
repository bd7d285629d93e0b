//! The workshop's parts of the HTML report: the provisional verdict's line, "Where the
//! team disagreed" and "Since last time". Text goes through the page's `escape`.

use std::fmt::{self, Write};

use super::agenda::AGENDA;
use super::{DISAGREED, SINCE};
use crate::report::Report;
use crate::report::html::escape;

/// The paragraph that says the verdict is provisional, when it is.
pub fn provisional(out: &mut String, report: &Report) -> fmt::Result {
    match &report.verdict.provisional {
        Some(provisional) => writeln!(
            out,
            "<p class=\"provisional\"><strong>{}</strong></p>",
            escape(&provisional.sentence())
        ),
        None => Ok(()),
    }
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
    writeln!(out, "<section class=\"agenda\">")?;
    writeln!(out, "<h2>{AGENDA}</h2>")?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>Section</th><th class=\"number\">Planned</th><th class=\"number\">Used</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for item in &report.agenda {
        writeln!(
            out,
            "<tr><td>{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td></tr>",
            escape(&item.section),
            item.planned(),
            item.used()
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn disagreements(out: &mut String, report: &Report) -> fmt::Result {
    if report.disagreements.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section class=\"disagreements\">")?;
    writeln!(out, "<h2>{DISAGREED}</h2>")?;
    for item in &report.disagreements {
        writeln!(out, "<h3>{}</h3>", escape(&item.question))?;
        writeln!(
            out,
            "<p class=\"about\">{} · <strong>{}</strong></p>",
            escape(&item.section),
            item.status()
        )?;
        writeln!(out, "<ul class=\"positions\">")?;
        for position in &item.positions {
            writeln!(
                out,
                "<li>{}: {}</li>",
                escape(&position.participant),
                escape(&position.position)
            )?;
        }
        let answer = if item.agreed {
            "Agreed answer"
        } else {
            "Answer for now"
        };
        writeln!(
            out,
            "<li><strong>{answer}:</strong> {}</li>",
            escape(&item.answer)
        )?;
        if let Some(note) = &item.note {
            writeln!(out, "<li>Note: {}</li>", escape(note.trim_end()))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

fn since(out: &mut String, report: &Report) -> fmt::Result {
    let Some(since) = &report.since_last_time else {
        return Ok(());
    };
    writeln!(out, "<section class=\"since\">")?;
    writeln!(out, "<h2>{SINCE}</h2>")?;
    let then = since
        .then
        .as_ref()
        .map_or("not recorded".to_string(), |t| escape(&t.text()));
    writeln!(
        out,
        "<p>{}: verdict then <strong>{then}</strong>, now <strong>{}</strong>.</p>",
        since.lead(),
        escape(&since.now.text())
    )?;
    if since.is_quiet() {
        writeln!(out, "<p class=\"empty\">Nothing else changed.</p>")?;
    }
    for (heading, items) in since.parts() {
        if items.is_empty() {
            continue;
        }
        writeln!(out, "<h3>{heading} ({})</h3>", items.len())?;
        writeln!(out, "<ul>")?;
        for item in items {
            writeln!(
                out,
                "<li>{}: {}</li>",
                escape(&item.question),
                escape(&item.detail)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}
