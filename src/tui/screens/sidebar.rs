//! The question screen's sidebar: every section with its state (a symbol and counts,
//! never colour alone), the current one marked, and a legend of the symbols.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::layout::QuestionLayout;
use crate::tui::widgets::lines::draw_lines;
use crate::tui::widgets::wrap::truncate;

use super::review::DISPUTED;

/// A section's state, shown by a symbol and a word, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Done,
    Blocker,
    /// Every question hidden by earlier answers.
    Skipped,
}

impl SectionStatus {
    pub fn symbol(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "○",
            SectionStatus::InProgress => "◐",
            SectionStatus::Done => "✓",
            SectionStatus::Blocker => "✗",
            SectionStatus::Skipped => "–",
        }
    }

    /// Every state, in the order the legends list them.
    pub const ALL: [SectionStatus; 5] = [
        SectionStatus::NotStarted,
        SectionStatus::InProgress,
        SectionStatus::Done,
        SectionStatus::Blocker,
        SectionStatus::Skipped,
    ];

    /// What the symbol means, in words ("✓" is "all answered", not "good").
    pub fn word(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "none answered",
            SectionStatus::InProgress => "some answered",
            SectionStatus::Done => "all answered",
            SectionStatus::Blocker => "has a blocker",
            SectionStatus::Skipped => "does not apply",
        }
    }
}

/// The status of a section for the sidebar.
pub fn section_status(app: &App, section: usize) -> SectionStatus {
    let (answered, total) =
        app.flow
            .section_progress(app.questionnaire(), &app.plan.answers, section);
    let blockers = app
        .assessment
        .sections
        .get(section)
        .filter(|assessed| assessed.shown)
        .map_or(0, |assessed| assessed.blockers);
    if total == 0 {
        SectionStatus::Skipped
    } else if blockers > 0 {
        SectionStatus::Blocker
    } else if answered == 0 {
        SectionStatus::NotStarted
    } else if answered < total {
        SectionStatus::InProgress
    } else {
        SectionStatus::Done
    }
}

/// Draws the sidebar, when the layout has one.
pub fn render(app: &App, layout: &QuestionLayout, buf: &mut Buffer) {
    let theme = &app.theme;
    if let Some(sidebar) = layout.sidebar {
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(theme.border);
        let inner = block.inner(sidebar);
        block.render(sidebar, buf);
        Line::styled("Sections", theme.heading).render(Rect { height: 1, ..inner }, buf);
        let current = app.current().map(|(s, _)| s.spot.section);
        for (y, section) in &layout.section_rows {
            if layout.legend.is_some_and(|legend| *y >= legend.y) {
                break;
            }
            let line = sidebar_line(app, *section, current == Some(*section), inner.width);
            line.render(Rect::new(inner.x, *y, inner.width, 1), buf);
        }
        if let Some(legend) = layout.legend {
            draw_lines(legend_lines(app), legend, buf);
        }
    }
}

/// One section in the sidebar: its symbol, title and counts, in display columns.
fn sidebar_line(app: &App, section: usize, is_current: bool, width: u16) -> Line<'static> {
    let theme = &app.theme;
    let title = app.section_at(section).map_or("", |s| s.title.as_str());
    let status = section_status(app, section);
    let (answered, total) =
        app.flow
            .section_progress(app.questionnaire(), &app.plan.answers, section);
    let counts = if total == 0 {
        String::new()
    } else {
        format!("{answered}/{total}")
    };
    let pointer = if is_current { "▸" } else { " " };
    let width = usize::from(width);
    let title = truncate(title, width.saturating_sub(4 + counts.width() + 1));
    let gap = width.saturating_sub(3 + title.width() + counts.width() + 1);
    let style = if is_current {
        theme.selected
    } else if status == SectionStatus::Skipped {
        theme.dim
    } else {
        theme.base
    };
    let status_style = match status {
        _ if is_current => style,
        SectionStatus::Blocker => theme.error,
        SectionStatus::Done => theme.ok,
        _ => style,
    };
    Line::from(vec![
        Span::styled(pointer, style),
        Span::styled(status.symbol(), status_style),
        Span::styled(dispute_mark(app, section), status_style),
        Span::styled(format!("{title}{}", " ".repeat(gap)), style),
        Span::styled(
            format!("{counts} "),
            if is_current { style } else { theme.dim },
        ),
    ])
}

/// "≠" after the section's symbol when one of its questions is disputed, else a space.
fn dispute_mark(app: &App, section: usize) -> &'static str {
    let disputed = app.section_at(section).is_some_and(|s| {
        s.questions
            .iter()
            .any(|q| crate::wizard::positions::is_disputed(&app.plan, &q.id))
    });
    if disputed { DISPUTED } else { " " }
}

/// What the sidebar's symbols mean, always in view when there is room.
fn legend_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let sym = |s: SectionStatus| s.symbol();
    let mut lines = vec![
        Line::styled("Answered:", theme.dim),
        Line::styled(
            format!(
                "{} none {} some {} all",
                sym(SectionStatus::NotStarted),
                sym(SectionStatus::InProgress),
                sym(SectionStatus::Done)
            ),
            theme.dim,
        ),
        Line::styled(
            format!(
                "{} blocker {} skipped",
                sym(SectionStatus::Blocker),
                sym(SectionStatus::Skipped)
            ),
            theme.dim,
        ),
    ];
    if !app.plan.participants.is_empty() {
        lines.push(Line::styled(format!("{DISPUTED} disputed"), theme.dim));
    }
    lines
}
