//! The long parts of the HTML page: the checklist, the gap report, the action plan, the
//! questions for providers, the discuss list and the kept answers.

use std::fmt::{self, Write};

use super::{empty, escape, lines, note};
use crate::plan::ActionStatus;
use crate::report::text::{
    effort_label, impact_label, owner_label, percent_or_dash, person_or_unassigned,
};
use crate::report::{ChecklistItem, GapItem, ProviderQuestionSource, Report};

pub(super) fn checklist(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "<section class=\"major\">")?;
    writeln!(out, "<h2>Readiness checklist</h2>")?;
    if report.checklist.is_empty() {
        empty(out, "No questions are shown for these answers.")?;
    }
    for section in &report.checklist {
        writeln!(
            out,
            "<h3>{} <span class=\"about\">({} of {} met)</span></h3>",
            escape(&section.title),
            section.met(),
            section.items.len()
        )?;
        writeln!(out, "<table class=\"checklist\">")?;
        writeln!(
            out,
            "<thead><tr><th class=\"mark\"><span class=\"hidden\">Met</span></th><th>Question</th><th class=\"answer\">Answer</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for item in &section.items {
            checklist_item(out, item)?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
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
    let mut tags = String::new();
    if item.blocker {
        tags.push_str(" <span class=\"tag blocker\">Blocker</span>");
    } else if item.critical && !item.met {
        tags.push_str(" <span class=\"tag critical\">Critical</span>");
    }
    if item.discuss {
        tags.push_str(" <span class=\"tag discuss\">Discuss later</span>");
    }
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
    writeln!(out, "<section class=\"major\">")?;
    writeln!(out, "<h2>Gap report</h2>")?;
    if report.gaps.is_empty() {
        empty(out, "No gaps: every answer that counts is fully in place.")?;
    } else {
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
    let mut tags = String::new();
    if gap.blocker {
        tags.push_str("<span class=\"tag blocker\">Blocker</span> ");
    }
    if gap.critical {
        tags.push_str("<span class=\"tag critical\">Critical</span> ");
    }
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
    note(out, gap.note.as_ref())?;
    if gap.recommendations.is_empty() {
        empty(
            out,
            "The questionnaire has no recommendation for this answer.",
        )?;
    } else {
        writeln!(out, "<table>")?;
        writeln!(
            out,
            "<thead><tr><th>Recommendation</th><th>Effort</th><th>Impact</th><th>Owner</th><th>Due</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for r in &gap.recommendations {
            let accepted = if r.in_action_plan {
                " <span class=\"tag done\">In the action plan</span>"
            } else {
                ""
            };
            writeln!(
                out,
                "<tr><td>{}{accepted}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td></tr>",
                escape(&r.text),
                effort_label(r.effort),
                impact_label(r.impact),
                owner_label(r.owner),
                r.due
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</li>")
}

pub(super) fn actions(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>Action plan</h2>")?;
    if report.actions.is_empty() {
        empty(out, "No recommendations accepted into the action plan yet.")?;
        return writeln!(out, "</section>");
    }
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for action in &report.actions {
        let status = if action.status == ActionStatus::Done {
            "<span class=\"tag done\">✓ done</span>".to_string()
        } else {
            action.status.label().to_string()
        };
        let party = action
            .party
            .map(|p| format!(" <span class=\"about\">({})</span>", owner_label(p)))
            .unwrap_or_default();
        writeln!(
            out,
            "<tr><td>{}<br><span class=\"about\">For: {}</span></td><td>{}{party}</td><td class=\"date\">{}</td><td>{status}</td></tr>",
            escape(&action.text),
            escape(&action.question),
            escape(person_or_unassigned(action.owner.as_deref())),
            action
                .due
                .map_or_else(|| "no date".to_string(), |d| d.to_string()),
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

pub(super) fn provider_questions(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>Questions to ask providers</h2>")?;
    if report.provider_questions.is_empty() {
        empty(
            out,
            "Nothing to ask yet: no gap falls to the provider, and no answer is \"I don't know yet\".",
        )?;
    }
    let groups = [
        (
            ProviderQuestionSource::ProviderGap,
            "Ask each candidate provider",
        ),
        (
            ProviderQuestionSource::Unsure,
            "Find out (you answered “I don't know yet”)",
        ),
    ];
    for (source, heading) in groups {
        let items: Vec<_> = report
            .provider_questions
            .iter()
            .filter(|q| q.source == source)
            .collect();
        if items.is_empty() {
            continue;
        }
        writeln!(out, "<h3>{}</h3>", escape(heading))?;
        writeln!(out, "<ol class=\"asks\">")?;
        for item in items {
            let about = match source {
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
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>Discuss later</h2>")?;
    if report.discuss_later.is_empty() {
        empty(out, "No question is flagged to discuss later.")?;
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
    writeln!(out, "<h2>Answers kept from an earlier version</h2>")?;
    writeln!(
        out,
        "<p>This version of the questionnaire no longer asks these questions; their answers are kept in the plan.</p>"
    )?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>Question id</th><th>Answer</th><th>Note</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for kept in &report.kept_answers {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&kept.question_id),
            lines(&kept.answer),
            kept.note.as_deref().map(lines).unwrap_or_default()
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}
