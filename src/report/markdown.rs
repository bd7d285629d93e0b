//! The report as GitHub-flavoured Markdown: headings, tables that render, and the
//! checklist as `- [ ]` / `- [x]`. Every piece of text from a plan or a questionnaire
//! goes through [`inline`], so a note can never turn into markup.

use std::fmt::{self, Write};

use super::text::{effort_label, impact_label, owner_label, percent_or_dash, person_or_unassigned};
use super::{ProviderQuestionSource, Report};
use crate::plan::ActionStatus;

/// The report as Markdown.
pub fn render(report: &Report) -> Result<String, fmt::Error> {
    let mut out = String::new();
    header(&mut out, report)?;
    verdict(&mut out, report)?;
    sections(&mut out, report)?;
    checklist(&mut out, report)?;
    gaps(&mut out, report)?;
    actions(&mut out, report)?;
    provider_questions(&mut out, report)?;
    discuss_later(&mut out, report)?;
    kept_answers(&mut out, report)?;
    Ok(out)
}

/// Text made safe to put anywhere on a line: Markdown's punctuation escaped with a
/// backslash, and line breaks as `<br>` (so a multi-line note stays in its table cell or
/// list item).
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.trim_end().lines().peekable();
    while let Some(line) = lines.next() {
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

fn header(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "# Readiness report: {}", inline(&report.plan.name))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} (version {}) · plan started {} · last changed {}",
        inline(&report.questionnaire.title),
        inline(&report.questionnaire.version),
        report.plan.date,
        report.plan.last_changed
    )?;
    writeln!(out)
}

fn verdict(out: &mut String, report: &Report) -> fmt::Result {
    let verdict = &report.verdict;
    let label = verdict
        .level
        .as_ref()
        .map_or("no verdict yet".to_string(), |l| inline(&l.label));
    writeln!(out, "## Verdict: {label}")?;
    writeln!(out)?;
    writeln!(
        out,
        "**Overall readiness: {}** · {}",
        percent_or_dash(verdict.score),
        verdict.counts.summary()
    )?;
    writeln!(out)?;
    if let Some(level) = verdict.level.as_ref().filter(|l| !l.description.is_empty()) {
        writeln!(out, "> {}", inline(&level.description))?;
        writeln!(out)?;
    }
    write!(out, "{}", inline(&verdict.why))?;
    if let Some(lift) = &verdict.lift {
        write!(out, " {}", inline(&lift.sentence))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    if !verdict.holds.is_empty() {
        writeln!(out, "### What holds the level down")?;
        writeln!(out)?;
        let (listed, more) = verdict.listed_holds();
        for hold in listed {
            writeln!(
                out,
                "- **{}**: {} ({}) · answer: {}",
                hold.reason.label(),
                inline(&hold.question),
                inline(&hold.section),
                inline(&hold.answer)
            )?;
        }
        if more > 0 {
            writeln!(
                out,
                "- … and {more} more critical {} below half or not known yet: each is marked Critical in the gap report.",
                if more == 1 { "answer" } else { "answers" }
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn sections(out: &mut String, report: &Report) -> fmt::Result {
    if report.sections.is_empty() {
        return Ok(());
    }
    writeln!(out, "### Readiness by section")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Section | Readiness | Answered | Unsure | Not applicable | Still open | Blockers |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|")?;
    for section in &report.sections {
        let score = if section.scored {
            percent_or_dash(section.score)
        } else {
            "not scored".to_string()
        };
        writeln!(
            out,
            "| {} | {score} | {} of {} | {} | {} | {} | {} |",
            inline(&section.title),
            section.counts.given(),
            section.counts.shown,
            section.counts.unsure,
            section.counts.not_applicable,
            section.counts.unanswered,
            section.blockers
        )?;
    }
    writeln!(out)
}

fn checklist(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "## Readiness checklist")?;
    writeln!(out)?;
    if report.checklist.is_empty() {
        writeln!(out, "No questions are shown for these answers.")?;
        writeln!(out)?;
    }
    for section in &report.checklist {
        writeln!(
            out,
            "### {} ({} of {} met)",
            inline(&section.title),
            section.met(),
            section.items.len()
        )?;
        writeln!(out)?;
        for item in &section.items {
            let mark = if item.met { "x" } else { " " };
            let mut tags = Vec::new();
            if item.blocker {
                tags.push("**blocker**");
            } else if item.critical && !item.met {
                tags.push("critical");
            }
            if item.discuss {
                tags.push("discuss later");
            }
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" ({})", tags.join(", "))
            };
            writeln!(
                out,
                "- [{mark}] {} · *{}*{tags}",
                inline(&item.question),
                inline(&item.answer)
            )?;
            if let Some(note) = &item.note {
                writeln!(out, "  - Note: {}", inline(note))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn gaps(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "## Gap report")?;
    writeln!(out)?;
    if report.gaps.is_empty() {
        writeln!(out, "No gaps: every answer that counts is fully in place.")?;
        writeln!(out)?;
    }
    for gap in &report.gaps {
        writeln!(out, "### {}. {}", gap.rank, inline(&gap.question))?;
        writeln!(out)?;
        let mut facts = Vec::new();
        if gap.blocker {
            facts.push("**Blocker**".to_string());
        }
        if gap.critical {
            facts.push("**Critical**".to_string());
        }
        facts.push(inline(&gap.section));
        facts.push(format!("answer: {}", inline(&gap.answer)));
        facts.push(format!("score: {}", percent_or_dash(gap.score)));
        writeln!(out, "{}", facts.join(" · "))?;
        writeln!(out)?;
        if !gap.why.is_empty() {
            writeln!(out, "Why it matters: {}", inline(&gap.why))?;
            writeln!(out)?;
        }
        if let Some(note) = &gap.note {
            writeln!(out, "Note: {}", inline(note))?;
            writeln!(out)?;
        }
        if gap.recommendations.is_empty() {
            writeln!(
                out,
                "The questionnaire has no recommendation for this answer."
            )?;
            writeln!(out)?;
            continue;
        }
        writeln!(out, "| Recommendation | Effort | Impact | Owner | Due |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for r in &gap.recommendations {
            let accepted = if r.in_action_plan {
                " (in the action plan)"
            } else {
                ""
            };
            writeln!(
                out,
                "| {}{accepted} | {} | {} | {} | {} |",
                inline(&r.text),
                effort_label(r.effort),
                impact_label(r.impact),
                owner_label(r.owner),
                r.due
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn actions(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "## Action plan")?;
    writeln!(out)?;
    if report.actions.is_empty() {
        writeln!(out, "No recommendations accepted into the action plan yet.")?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "| Done | Action | Owner | Due | Status | For the question |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for action in &report.actions {
        let done = if action.status == ActionStatus::Done {
            "✓"
        } else {
            ""
        };
        let party = action
            .party
            .map(|p| format!(" ({})", owner_label(p)))
            .unwrap_or_default();
        writeln!(
            out,
            "| {done} | {} | {}{party} | {} | {} | {} |",
            inline(&action.text),
            inline(person_or_unassigned(action.owner.as_deref())),
            action
                .due
                .map_or_else(|| "no date".to_string(), |d| d.to_string()),
            action.status.label(),
            inline(&action.question)
        )?;
    }
    writeln!(out)
}

fn provider_questions(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "## Questions to ask providers")?;
    writeln!(out)?;
    if report.provider_questions.is_empty() {
        writeln!(
            out,
            "Nothing to ask yet: no gap falls to the provider, and no answer is \"I don't know yet\"."
        )?;
        writeln!(out)?;
        return Ok(());
    }
    let groups = [
        (
            ProviderQuestionSource::ProviderGap,
            "Ask each candidate provider",
        ),
        (
            ProviderQuestionSource::Unsure,
            "Find out (you answered \"I don't know yet\")",
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
        writeln!(out, "### {heading}")?;
        writeln!(out)?;
        for (n, item) in items.iter().enumerate() {
            match source {
                ProviderQuestionSource::ProviderGap => writeln!(
                    out,
                    "{}. {} *(about: {})*",
                    n + 1,
                    inline(&item.ask),
                    inline(&item.question)
                )?,
                ProviderQuestionSource::Unsure => writeln!(
                    out,
                    "{}. {} *({})*",
                    n + 1,
                    inline(&item.ask),
                    inline(&item.section)
                )?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn discuss_later(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "## Discuss later")?;
    writeln!(out)?;
    if report.discuss_later.is_empty() {
        writeln!(out, "No question is flagged to discuss later.")?;
        writeln!(out)?;
        return Ok(());
    }
    for item in &report.discuss_later {
        writeln!(
            out,
            "- **{}** ({}) · answer: {}",
            inline(&item.question),
            inline(&item.section),
            inline(&item.answer)
        )?;
        if let Some(note) = &item.note {
            writeln!(out, "  - Note: {}", inline(note))?;
        }
    }
    writeln!(out)
}

fn kept_answers(out: &mut String, report: &Report) -> fmt::Result {
    if report.kept_answers.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Answers kept from an earlier version")?;
    writeln!(out)?;
    writeln!(
        out,
        "This version of the questionnaire no longer asks these questions; their answers are kept in the plan."
    )?;
    writeln!(out)?;
    writeln!(out, "| Question id | Answer | Note |")?;
    writeln!(out, "|---|---|---|")?;
    for kept in &report.kept_answers {
        writeln!(
            out,
            "| {} | {} | {} |",
            inline(&kept.question_id),
            inline(&kept.answer),
            kept.note.as_deref().map(inline).unwrap_or_default()
        )?;
    }
    writeln!(out)
}
