//! The report as one self-contained HTML page: the stylesheet from `assets/report.css`
//! inline, a bar chart of section scores as inline SVG, no scripts and nothing fetched.
//! It prints cleanly on A4 and Letter. Every piece of text goes through [`escape`].

mod budget;
mod chart;
mod lists;
mod summary;

use std::fmt::{self, Write};

use super::rows::{self, Column, Holds, Part, Tag};
use super::{Detail, Report};
use chart::chart;
use lists::{actions, checklist, discuss_later, gaps, kept_answers, provider_questions};
use summary::summary;

/// The report's stylesheet, built in.
const STYLESHEET: &str = include_str!("../../assets/report.css");

/// The report as an HTML page: the header, the summary page and (in full) the action
/// plan, the gap report, the questions for providers, the discuss list, the sections, the
/// kept answers and the checklist last, all inside `<main>`; the footer after it.
pub fn render(report: &Report, detail: Detail) -> Result<String, fmt::Error> {
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
    writeln!(out, "<style>\n{STYLESHEET}")?;
    page_margins(&mut out, report)?;
    writeln!(out, "</style>")?;
    writeln!(out, "</head>")?;
    let class = match detail {
        Detail::Full => "full",
        Detail::Summary => "summary-only",
    };
    writeln!(out, "<body class=\"{class}\">")?;
    header(&mut out, report)?;
    writeln!(out, "<main>")?;
    summary(&mut out, report)?;
    super::workshop::html::provisional(&mut out, report)?;
    if detail == Detail::Full {
        actions(&mut out, report)?;
        gaps(&mut out, report)?;
        budget::budget(&mut out, report)?;
        provider_questions(&mut out, report)?;
        discuss_later(&mut out, report)?;
        super::workshop::html::parts(&mut out, report)?;
        sections(&mut out, report)?;
        kept_answers(&mut out, report)?;
        checklist(&mut out, report)?;
    }
    writeln!(out, "</main>")?;
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

/// The plan's name at the top of every printed page and the page number at the foot
/// (CSS page margin boxes; the stylesheet styles them, the name is the plan's).
fn page_margins(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(
        out,
        "@page {{ @top-left {{ content: {}; }} }}",
        css_string(&format!("Readiness report: {}", report.plan.name))
    )
}

/// Text as a CSS string: quoted, with quotes, backslashes, line breaks and `<` escaped
/// (so a name can neither end the string nor the `<style>` element).
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
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

fn sections(out: &mut String, report: &Report) -> fmt::Result {
    if report.sections.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section>")?;
    writeln!(out, "<h2>{}</h2>", rows::SECTIONS)?;
    chart(out, report)?;
    table_head(out, &rows::SECTION_COLUMNS, rows::SECTIONS)?;
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
/// only keeps its cells from wrapping, so its head needs no class. A table that may run
/// onto a new page gets its section's name as `carried`: a first head row, shown only
/// in print, that repeats with the head on every page (hidden from screen readers, which
/// have read the heading).
fn table_head(out: &mut String, columns: &[Column], carried: &str) -> fmt::Result {
    writeln!(out, "<table>")?;
    write!(out, "<thead>")?;
    if !carried.is_empty() {
        write!(
            out,
            "<tr class=\"carried\" aria-hidden=\"true\"><th colspan=\"{}\">{}</th></tr>",
            columns.len(),
            escape(carried)
        )?;
    }
    write!(out, "<tr>")?;
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
