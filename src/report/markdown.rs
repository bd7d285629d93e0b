//! The report as GitHub-flavoured Markdown: headings, tables that render, and the
//! checklist as `- [ ]` / `- [x]`. Every piece of text from a plan or a questionnaire
//! goes through [`inline`] or [`lines`], so a note can never turn into markup or a
//! link, and the file passes markdownlint (line length aside).

use std::fmt::{self, Write};

use super::rows::{self, Column, Holds, Part, Quotes, Tag};
use super::text::percent_or_dash;
use super::{Detail, ProviderQuestionSource, Report};

mod escape;
mod summary;

pub use escape::{inline, lines};
use summary::summary;

/// The report as Markdown: the summary page, then (in full) the action plan, the gap
/// report, the questions for providers, the discuss list, the sections, the kept
/// answers, and the checklist last.
pub fn render(report: &Report, detail: Detail) -> Result<String, fmt::Error> {
    let mut out = String::new();
    header(&mut out, report)?;
    summary(&mut out, report)?;
    super::workshop::markdown::provisional(&mut out, report)?;
    if detail == Detail::Full {
        actions(&mut out, report)?;
        gaps(&mut out, report)?;
        budget(&mut out, report)?;
        provider_questions(&mut out, report)?;
        discuss_later(&mut out, report)?;
        super::workshop::markdown::parts(&mut out, report)?;
        sections(&mut out, report)?;
        kept_answers(&mut out, report)?;
        checklist(&mut out, report)?;
    }
    // One line break at the end, however the last part ended (markdownlint MD012).
    out.truncate(out.trim_end().len());
    out.push('\n');
    Ok(out)
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

fn sections(out: &mut String, report: &Report) -> fmt::Result {
    if report.sections.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {}", rows::SECTIONS)?;
    writeln!(out)?;
    let cells = report.sections.iter().map(|section| {
        rows::section_cells(section)
            .each_ref()
            .map(|cell| inline(cell))
    });
    table(out, &rows::SECTION_COLUMNS, cells)
}

fn budget(out: &mut String, report: &Report) -> fmt::Result {
    let Some(budget) = &report.budget else {
        return Ok(());
    };
    writeln!(out, "## {}", super::budget::HEADING)?;
    writeln!(out)?;
    writeln!(out, "{}", inline(&super::budget::currency_line(budget)))?;
    writeln!(out)?;
    let cells = budget
        .figures
        .iter()
        .map(|figure| super::budget::cells(figure).map(|cell| inline(&cell)));
    table(out, &super::budget::COLUMNS, cells)
}

fn checklist(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::CHECKLIST, report.checklist.is_empty())?;
    for section in &report.checklist {
        writeln!(out, "### {} {}", inline(&section.title), rows::met(section))?;
        writeln!(out)?;
        for item in &section.items {
            let mark = if item.met { "x" } else { " " };
            writeln!(
                out,
                "- [{mark}] {} · *{}*{}",
                inline(&item.question),
                inline(&item.answer),
                tags_after(&rows::checklist_tags(item))
            )?;
            if let Some(note) = &item.note {
                writeln!(out, "  - Note: {}", lines(note, "    "))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn gaps(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::GAPS, report.gaps.is_empty())?;
    for gap in &report.gaps {
        writeln!(out, "### {}. {}", gap.rank, inline(&gap.question))?;
        writeln!(out)?;
        let mut facts: Vec<String> = rows::gap_tags(gap)
            .into_iter()
            .map(|tag| format!("**{}**", tag.label()))
            .collect();
        facts.push(inline(&gap.section));
        facts.push(format!("answer: {}", inline(&gap.answer)));
        facts.push(format!("score: {}", percent_or_dash(gap.score)));
        writeln!(out, "{}", facts.join(" · "))?;
        writeln!(out)?;
        if !gap.why.is_empty() {
            writeln!(out, "Why it matters: {}", lines(&gap.why, ""))?;
            writeln!(out)?;
        }
        if !gap.source.is_empty() {
            writeln!(out, "Source: {}", inline(&gap.source))?;
            writeln!(out)?;
        }
        if let Some(note) = &gap.note {
            writeln!(out, "Note: {}", lines(note, ""))?;
            writeln!(out)?;
        }
        if gap.recommendations.is_empty() {
            writeln!(out, "{}", rows::NO_RECOMMENDATION)?;
            writeln!(out)?;
            continue;
        }
        let cells = gap.recommendations.iter().map(|r| {
            let mut cells = rows::recommendation_cells(r)
                .each_ref()
                .map(|cell| inline(cell));
            cells[0].push_str(&tags_after(&rows::recommendation_tags(r)));
            cells
        });
        table(out, &rows::RECOMMENDATION_COLUMNS, cells)?;
    }
    Ok(())
}

/// The action plan's columns here: whether it is done first, and the question last.
const ACTION_COLUMNS: [Column; 6] = {
    let [action, owner, due, status] = rows::ACTION_COLUMNS;
    [
        Column::words("Done"),
        action,
        owner,
        due,
        status,
        Column::words("For the question"),
    ]
};

fn actions(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::ACTIONS, report.actions.is_empty())?;
    if report.actions.is_empty() {
        return Ok(());
    }
    let cells = report.actions.iter().map(|action| {
        let row = rows::action_row(action);
        let party = row
            .party
            .map(|party| format!(" ({party})"))
            .unwrap_or_default();
        [
            if row.done { "✓" } else { "" }.to_string(),
            inline(row.text),
            format!("{}{party}", inline(row.owner)),
            row.due,
            row.status.to_string(),
            inline(row.question),
        ]
    });
    table(out, &ACTION_COLUMNS, cells)
}

fn provider_questions(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(
        out,
        &rows::PROVIDER_QUESTIONS,
        report.provider_questions.is_empty(),
    )?;
    for group in rows::ask_groups(report, Quotes::Straight) {
        writeln!(out, "### {}", group.heading)?;
        writeln!(out)?;
        for (n, item) in group.items.iter().enumerate() {
            let about = match group.source {
                ProviderQuestionSource::ProviderGap => format!("about: {}", inline(&item.question)),
                ProviderQuestionSource::Unsure => inline(&item.section),
            };
            writeln!(out, "{}. {} *({about})*", n + 1, inline(&item.ask))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn discuss_later(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::DISCUSS_LATER, report.discuss_later.is_empty())?;
    if report.discuss_later.is_empty() {
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
            writeln!(out, "  - Note: {}", lines(note, "    "))?;
        }
    }
    writeln!(out)
}

fn kept_answers(out: &mut String, report: &Report) -> fmt::Result {
    if report.kept_answers.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {}", rows::KEPT_ANSWERS)?;
    writeln!(out)?;
    writeln!(out, "{}", rows::KEPT_ANSWERS_ABOUT)?;
    writeln!(out)?;
    let cells = report
        .kept_answers
        .iter()
        .map(|kept| rows::kept_cells(kept).map(inline));
    table(out, &rows::KEPT_COLUMNS, cells)
}

/// A part's heading, and what it says in place of its list when `empty`.
fn part_heading(out: &mut String, part: &Part, empty: bool) -> fmt::Result {
    writeln!(out, "## {}", part.heading)?;
    writeln!(out)?;
    if empty {
        writeln!(out, "{}", part.empty)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Tags after an item, in brackets: " (**blocker**, discuss later)"; nothing without tags.
fn tags_after(tags: &[Tag]) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let words: Vec<String> = tags
        .iter()
        .map(|&tag| {
            let word = tag.label().to_lowercase();
            if tag == Tag::Blocker {
                format!("**{word}**")
            } else {
                word
            }
        })
        .collect();
    format!(" ({})", words.join(", "))
}

/// A table with a blank line after it: the header, the alignment row (figures to the
/// right), then a line per row of cells already made safe.
fn table<const N: usize>(
    out: &mut String,
    columns: &[Column; N],
    rows: impl Iterator<Item = [String; N]>,
) -> fmt::Result {
    let names = columns.map(|column| column.name);
    let aligns = columns.map(|column| match column.holds {
        Holds::Figures => "---:",
        Holds::Words | Holds::Date => "---",
    });
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "| {} |", aligns.join(" | "))?;
    for cells in rows {
        // An empty cell is one space, as markdownlint's compact table style wants.
        let padded = cells.map(|cell| {
            if cell.is_empty() {
                " ".to_string()
            } else {
                format!(" {cell} ")
            }
        });
        writeln!(out, "|{}|", padded.join("|"))?;
    }
    writeln!(out)
}
