//! The long parts of the HTML page: the checklist, the gap report, the action plan, the
//! questions for providers, the discuss list and the kept answers.

use std::fmt::{self, Write};

use super::{empty_text, escape, lines, note, row, start_part, table_end, table_head, tag};
use crate::report::rows::{self, Quotes};
use crate::report::text::percent_or_dash;
use crate::report::{ChecklistItem, GapItem, ProviderQuestionSource, Report};

pub(super) fn checklist(out: &mut String, report: &Report) -> fmt::Result {
    start_part(out, "major", &rows::CHECKLIST, report.checklist.is_empty())?;
    for section in &report.checklist {
        writeln!(
            out,
            "<h3>{} <span class=\"about\">{}</span></h3>",
            escape(&section.title),
            rows::met(section)
        )?;
        // The columns' widths are set on the columns, as the first row in print is the
        // carried name across all three.
        writeln!(
            out,
            "<table class=\"checklist\"><colgroup><col class=\"mark\"><col><col class=\"answer\"></colgroup>"
        )?;
        writeln!(
            out,
            "<thead><tr class=\"carried\" aria-hidden=\"true\"><th colspan=\"3\">{}: {}</th></tr><tr><th class=\"mark\"><span class=\"hidden\">Met</span></th><th>Question</th><th class=\"answer\">Answer</th></tr></thead>",
            rows::CHECKLIST.heading,
            escape(&section.title)
        )?;
        writeln!(out, "<tbody>")?;
        for item in &section.items {
            checklist_item(out, item)?;
        }
        table_end(out)?;
    }
    writeln!(out, "</section>")
}

/// One row: a mark that is a shape, not only a colour, with the word for screen readers.
fn checklist_item(out: &mut String, item: &ChecklistItem) -> fmt::Result {
    let (class, mark, words) = if item.met {
        ("met", "✓", "Met")
    } else {
        ("not-met", "✗", "Not met")
    };
    let tags: String = rows::checklist_tags(item)
        .into_iter()
        .map(|t| format!(" {}", tag(t)))
        .collect();
    writeln!(
        out,
        "<tr class=\"{class}\"><td class=\"mark\"><span aria-hidden=\"true\">{mark}</span><span class=\"hidden\">{words}</span></td><td>{}{tags}",
        escape(&item.question),
    )?;
    note(out, item.note.as_ref())?;
    writeln!(
        out,
        "</td><td class=\"answer\">{}</td></tr>",
        lines(&item.answer)
    )
}

pub(super) fn gaps(out: &mut String, report: &Report) -> fmt::Result {
    start_part(out, "major", &rows::GAPS, report.gaps.is_empty())?;
    if !report.gaps.is_empty() {
        writeln!(
            out,
            "<p>Blockers first, then the gaps in the order that raises readiness most.</p>"
        )?;
        writeln!(out, "<ol class=\"gaps\">")?;
        for gap in &report.gaps {
            gap_item(out, gap)?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")
}

fn gap_item(out: &mut String, gap: &GapItem) -> fmt::Result {
    writeln!(out, "<li class=\"gap\">")?;
    writeln!(out, "<h3>{}. {}</h3>", gap.rank, escape(&gap.question))?;
    let tags: String = rows::gap_tags(gap)
        .into_iter()
        .map(|t| format!("{} ", tag(t)))
        .collect();
    writeln!(
        out,
        "<p class=\"facts\">{tags}{} · answer: <strong>{}</strong> · score {}</p>",
        escape(&gap.section),
        lines(&gap.answer),
        percent_or_dash(gap.score)
    )?;
    if !gap.why.is_empty() {
        writeln!(
            out,
            "<p class=\"why\"><strong>Why it matters:</strong> {}</p>",
            escape(&gap.why)
        )?;
    }
    if !gap.source.is_empty() {
        writeln!(
            out,
            "<p class=\"source\"><strong>Source:</strong> {}</p>",
            escape(&gap.source)
        )?;
    }
    note(out, gap.note.as_ref())?;
    if gap.recommendations.is_empty() {
        empty_text(out, rows::NO_RECOMMENDATION)?;
    } else {
        table_head(out, &rows::RECOMMENDATION_COLUMNS, "")?;
        for r in &gap.recommendations {
            let mut cells = rows::recommendation_cells(r).each_ref().map(|c| escape(c));
            for t in rows::recommendation_tags(r) {
                cells[0].push_str(&format!(" {}", tag(t)));
            }
            row(out, &rows::RECOMMENDATION_COLUMNS, cells)?;
        }
        table_end(out)?;
    }
    writeln!(out, "</li>")
}

pub(super) fn actions(out: &mut String, report: &Report) -> fmt::Result {
    start_part(out, "", &rows::ACTIONS, report.actions.is_empty())?;
    if report.actions.is_empty() {
        return writeln!(out, "</section>");
    }
    table_head(out, &rows::ACTION_COLUMNS, rows::ACTIONS.heading)?;
    for action in &report.actions {
        let words = rows::action_row(action);
        let status = if words.done {
            "<span class=\"tag done\">✓ done</span>"
        } else {
            words.status
        };
        let party = words
            .party
            .map(|party| format!(" <span class=\"about\">({party})</span>"))
            .unwrap_or_default();
        let cells = [
            format!(
                "{}<br><span class=\"about\">For: {}</span>",
                escape(words.text),
                escape(words.question)
            ),
            format!("{}{party}", escape(words.owner)),
            words.due,
            status.to_string(),
        ];
        row(out, &rows::ACTION_COLUMNS, cells)?;
    }
    table_end(out)?;
    writeln!(out, "</section>")
}

pub(super) fn provider_questions(out: &mut String, report: &Report) -> fmt::Result {
    start_part(
        out,
        "",
        &rows::PROVIDER_QUESTIONS,
        report.provider_questions.is_empty(),
    )?;
    for group in rows::ask_groups(report, Quotes::Curly) {
        writeln!(out, "<h3>{}</h3>", escape(group.heading))?;
        writeln!(out, "<ol class=\"asks\">")?;
        for item in group.items {
            let about = match group.source {
                ProviderQuestionSource::ProviderGap => format!("About: {}", item.question),
                ProviderQuestionSource::Unsure => item.section.clone(),
            };
            writeln!(
                out,
                "<li>{}<br><span class=\"about\">{}</span></li>",
                escape(&item.ask),
                escape(&about)
            )?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")
}

pub(super) fn discuss_later(out: &mut String, report: &Report) -> fmt::Result {
    start_part(
        out,
        "",
        &rows::DISCUSS_LATER,
        report.discuss_later.is_empty(),
    )?;
    if report.discuss_later.is_empty() {
        return writeln!(out, "</section>");
    }
    writeln!(out, "<ul class=\"discuss-list\">")?;
    for item in &report.discuss_later {
        writeln!(
            out,
            "<li>{} <span class=\"about\">({})</span><br><span class=\"answer\">Answer: <strong>{}</strong></span>",
            escape(&item.question),
            escape(&item.section),
            lines(&item.answer)
        )?;
        note(out, item.note.as_ref())?;
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</section>")
}

pub(super) fn kept_answers(out: &mut String, report: &Report) -> fmt::Result {
    if report.kept_answers.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>{}</h2>", rows::KEPT_ANSWERS)?;
    writeln!(out, "<p>{}</p>", rows::KEPT_ANSWERS_ABOUT)?;
    table_head(out, &rows::KEPT_COLUMNS, rows::KEPT_ANSWERS)?;
    for kept in &report.kept_answers {
        let [id, answer, note] = rows::kept_cells(kept);
        row(
            out,
            &rows::KEPT_COLUMNS,
            [escape(id), lines(answer), lines(note)],
        )?;
    }
    table_end(out)?;
    writeln!(out, "</section>")
}
