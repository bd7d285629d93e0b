//! The damaged-plan and plan-in-use screens: what is wrong (which file, where), the
//! numbered choices, and why the last choice failed. Drawn in the body of the frame like
//! every screen (the header names it, the footer's keys come from its table); the
//! choices keep their place first, and what is wrong is cut with a sign when short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, GateState};
use crate::tui::widgets::lines::{below, draw_cut, draw_lines, inset, wrapped};
use crate::tui::widgets::wrap::wrap;

/// Draws the damaged-plan or plan-in-use screen.
pub fn render(app: &App, state: &GateState, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = inset(below(body, 1), 1);
    let width = usize::from(area.width).max(1);
    let mut choices: Vec<Line<'static>> = Vec::new();
    for (index, (_, label)) in state.choices.iter().enumerate() {
        let selected = index == state.selected;
        let style = if selected { theme.selected } else { theme.base };
        let prefix = format!("{}{} ", if selected { "▸" } else { " " }, index + 1);
        let room = width.saturating_sub(prefix.width()).max(1);
        for (i, part) in wrap(label, room).into_iter().enumerate() {
            let lead = if i == 0 {
                Span::styled(prefix.clone(), theme.key)
            } else {
                Span::raw(" ".repeat(prefix.width()))
            };
            choices.push(Line::from(vec![lead, Span::styled(part, style)]));
        }
    }
    if let Some(problem) = &state.problem {
        choices.push(Line::raw(""));
        choices.extend(wrapped(&format!("✗ {problem}"), width, theme.error));
    }
    let mut about: Vec<Line<'static>> = Vec::new();
    for paragraph in &state.paragraphs {
        about.extend(wrapped(paragraph, width, theme.base));
        about.push(Line::raw(""));
    }
    // The choices come first: what is wrong gets the rows left above them.
    let height = usize::from(area.height);
    let room = height.saturating_sub(choices.len());
    let about_rows = about.len().min(room);
    let top = Rect {
        height: u16::try_from(about_rows).unwrap_or(u16::MAX),
        ..area
    };
    draw_cut(
        about,
        top,
        "… (make the window taller to read it all)",
        theme.dim,
        buf,
    );
    draw_lines(choices, below(area, top.height), buf);
}
