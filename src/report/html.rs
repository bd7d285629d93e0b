//! The report as one self-contained HTML page: the stylesheet from `assets/report.css`
//! inline, a bar chart of section scores as inline SVG, no scripts and nothing fetched.
//! It prints cleanly on A4 and Letter. Every piece of text goes through [`escape`].

mod budget;
mod chart;
mod lists;

use std::fmt::{self, Write};

use super::rows::{self, Column, Holds, Part, Tag};
use super::text::percent_or_dash;
use super::{HoldKind, Report};
use chart::chart;
use lists::{actions, checklist, discuss_later, gaps, kept_answers, provider_questions};

/// The report's stylesheet, built in.
const STYLESHEET: &str = include_str!("../../assets/report.css");

/// The report as an HTML page.
pub fn render(report: &Report) -> Result<String, fmt::Error> {
    let mut out = String::with_capacity(64 * 1024);
    let title = format!(
        "Readiness report: {} ({})",
        report.plan.name, report.questionnaire.title
    );
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&title))?;
    writeln!(out, "<style>\n{STYLESHEET}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    header(&mut out, report)?;
    verdict(&mut out, report)?;
    super::workshop::html::provisional(&mut out, report)?;
    sections(&mut out, report)?;
    budget::budget(&mut out, report)?;
    checklist(&mut out, report)?;
    gaps(&mut out, report)?;
    actions(&mut out, report)?;
    provider_questions(&mut out, report)?;
    discuss_later(&mut out, report)?;
    kept_answers(&mut out, report)?;
    super::workshop::html::parts(&mut out, report)?;
    writeln!(
        out,
        "<footer>Made by outready from the plan “{}” and the questionnaire “{}” version {}. Scores and levels are a guide to what to fix first, not legal advice.</footer>",
        escape(&report.plan.name),
        escape(&report.questionnaire.title),
        escape(&report.questionnaire.version)
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    Ok(out)
}

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text escaped, with its line breaks kept as `<br>`.
fn lines(text: &str) -> String {
    escape(text.trim_end())
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

fn header(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "<header>")?;
    writeln!(
        out,
        "<p class=\"kicker\">{} · version {}</p>",
        escape(&report.questionnaire.title),
        escape(&report.questionnaire.version)
    )?;
    writeln!(
        out,
        "<h1>Readiness report: {}</h1>",
        escape(&report.plan.name)
    )?;
    writeln!(
        out,
        "<p class=\"meta\">Plan started {} · last changed {}</p>",
        report.plan.date, report.plan.last_changed
    )?;
    writeln!(out, "</header>")
}

fn verdict(out: &mut String, report: &Report) -> fmt::Result {
    let verdict = &report.verdict;
    let top = report.questionnaire.levels.len().saturating_sub(1);
    let class = match verdict.level.as_ref().map(|l| l.index) {
        Some(0) => "level-lowest",
        Some(index) if index == top => "level-top",
        _ => "level-middle",
    };
    let label = verdict
        .level
        .as_ref()
        .map_or("No verdict yet".to_string(), |l| escape(&l.label));
    writeln!(out, "<section class=\"verdict {class}\">")?;
    // The verdict's head is kept on one page; the list of holds may run on.
    writeln!(out, "<div class=\"verdict-head\">")?;
    writeln!(out, "<h2>Verdict: {label}</h2>")?;
    writeln!(
        out,
        "<p class=\"score\"><strong>Overall readiness {}</strong> · {}</p>",
        percent_or_dash(verdict.score),
        escape(&verdict.counts.summary())
    )?;
    if let Some(text) = verdict.level_text() {
        writeln!(out, "<p class=\"description\">{}</p>", escape(&text))?;
    }
    writeln!(out, "<p>{}</p>", escape(&verdict.why))?;
    if let Some(lift) = &verdict.lift {
        writeln!(out, "<p class=\"lift\">{}</p>", escape(&lift.sentence))?;
    }
    writeln!(out, "</div>")?;
    if !verdict.holds.is_empty() {
        writeln!(out, "<h3>{}</h3>", rows::HOLDS)?;
        writeln!(out, "<ul class=\"holds\">")?;
        let (listed, more) = verdict.listed_holds();
        for hold in listed {
            let class = match hold.reason {
                HoldKind::Blocker => "blocker",
                HoldKind::CriticalLow | HoldKind::CriticalUnsure => "critical",
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
        if more > 0 {
            writeln!(out, "<p class=\"about\">{}</p>", rows::more_holds(more))?;
        }
    }
    writeln!(out, "</section>")
}

fn sections(out: &mut String, report: &Report) -> fmt::Result {
    if report.sections.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>{}</h2>", rows::SECTIONS)?;
    chart(out, report)?;
    table_head(out, &rows::SECTION_COLUMNS)?;
    for section in &report.sections {
        row(
            out,
            &rows::SECTION_COLUMNS,
            rows::section_cells(section)
                .each_ref()
                .map(|cell| escape(cell)),
        )?;
    }
    table_end(out)?;
    writeln!(out, "</section>")
}

/// A part's start: the section (with a class when `class` is not empty), its heading,
/// and what it says in place of its list when `empty`.
fn start_part(out: &mut String, class: &str, part: &Part, empty: bool) -> fmt::Result {
    if class.is_empty() {
        writeln!(out, "<section>")?;
    } else {
        writeln!(out, "<section class=\"{class}\">")?;
    }
    writeln!(out, "<h2>{}</h2>", part.heading)?;
    if empty {
        empty_text(out, part.empty)?;
    }
    Ok(())
}

/// A tag as a coloured label that also says its word.
fn tag(tag: Tag) -> String {
    let class = match tag {
        Tag::Blocker => "blocker",
        Tag::Critical => "critical",
        Tag::Discuss => "discuss",
        Tag::InActionPlan => "done",
    };
    format!("<span class=\"tag {class}\">{}</span>", tag.label())
}

/// A table's start and head. Figures stand to the right, head and cells alike; a date
/// only keeps its cells from wrapping, so its head needs no class.
fn table_head(out: &mut String, columns: &[Column]) -> fmt::Result {
    writeln!(out, "<table>")?;
    write!(out, "<thead><tr>")?;
    for column in columns {
        match column.holds {
            Holds::Figures => write!(out, "<th class=\"number\">{}</th>", column.name)?,
            Holds::Words | Holds::Date => write!(out, "<th>{}</th>", column.name)?,
        }
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")
}

/// A table's row of cells already made safe, each marked with what its column holds.
fn row<const N: usize>(out: &mut String, columns: &[Column; N], cells: [String; N]) -> fmt::Result {
    write!(out, "<tr>")?;
    for (column, cell) in columns.iter().zip(cells) {
        match column.holds {
            Holds::Words => write!(out, "<td>{cell}</td>")?,
            Holds::Figures => write!(out, "<td class=\"number\">{cell}</td>")?,
            Holds::Date => write!(out, "<td class=\"date\">{cell}</td>")?,
        }
    }
    writeln!(out, "</tr>")
}

/// A table's end.
fn table_end(out: &mut String) -> fmt::Result {
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

/// What stands in place of a list with nothing in it.
fn empty_text(out: &mut String, text: &str) -> fmt::Result {
    writeln!(out, "<p class=\"empty\">{}</p>", escape(text))
}

/// A note, when there is one, in its box.
fn note(out: &mut String, note: Option<&String>) -> fmt::Result {
    match note {
        Some(note) => writeln!(
            out,
            "<div class=\"note\"><strong>Note:</strong> {}</div>",
            escape(note.trim_end())
        ),
        None => Ok(()),
    }
}
