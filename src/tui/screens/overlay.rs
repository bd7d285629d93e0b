//! What is drawn over a screen: the keys of the screen beneath (generated from the
//! keymap), the note editor, a new plan's name, and the section picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::question::section_status;
use crate::tui::app::{ActionField, App, Overlay};
use crate::tui::keymap::{self, Context};
use crate::tui::widgets::lines::{draw_lines, inset};
use crate::tui::widgets::text_input::TextInput;
use crate::tui::widgets::wrap::{truncate, wrap};

/// A box centred in `area`, at most `width` by `height`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The context beneath the overlay, whose keys the help lists.
fn beneath(app: &App) -> Context {
    let mut under = app.clone();
    under.overlay = None;
    under.context()
}

/// Draws the overlay, if any, over `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(overlay) = &app.overlay else {
        return;
    };
    let theme = &app.theme;
    let (title, lines): (String, Vec<Line<'static>>) = match overlay {
        Overlay::Help => {
            let context = beneath(app);
            let bindings = keymap::hints(context, |only| app.applies(only), false);
            let key_width = bindings
                .iter()
                .map(|b| b.keys_label.chars().count())
                .max()
                .unwrap_or(1);
            let mut lines: Vec<Line<'static>> = bindings
                .iter()
                .map(|b| {
                    Line::from(vec![
                        Span::styled(format!("{:>key_width$}  ", b.keys_label), theme.key),
                        Span::styled(b.label.to_string(), theme.base),
                    ])
                })
                .collect();
            let mut notes = Vec::new();
            if context == Context::Question {
                notes.push(Line::styled(
                    "Sections: ○ not started ◐ in progress ✓ done ✗ blocker – skipped",
                    theme.dim,
                ));
            }
            notes.push(Line::styled("Esc closes this list.", theme.dim));
            // A long key list goes into two columns rather than off the bottom.
            let room = usize::from(body.height.saturating_sub(2));
            if lines.len() + notes.len() + 1 > room {
                let column = usize::from(body.width.saturating_sub(6).min(70)) / 2;
                lines = two_columns(lines, column);
            }
            lines.push(Line::raw(""));
            lines.extend(notes);
            ("Keys".to_string(), lines)
        }
        Overlay::Note(input) => (
            "Note on this question (Enter or Esc saves it)".to_string(),
            field_lines(app, input, None),
        ),
        Overlay::NewPlan(input, error) => (
            "Name the new plan".to_string(),
            field_lines(app, input, error.as_deref()),
        ),
        Overlay::ActionField {
            field,
            input,
            error,
            ..
        } => (
            match field {
                ActionField::Owner => "Who will do it? A person's name (Enter saves)".to_string(),
                ActionField::Due => {
                    "Due date, as YYYY-MM-DD (Enter saves, empty for none)".to_string()
                }
            },
            field_lines(app, input, error.as_ref().map(|e| e.to_string()).as_deref()),
        ),
        Overlay::Jump { selected } => {
            let lines = app
                .questionnaire()
                .sections
                .iter()
                .enumerate()
                .map(|(index, section)| {
                    let status = section_status(app, index);
                    let pointer = if index == *selected { "▸" } else { " " };
                    let style = if index == *selected {
                        theme.selected
                    } else if app.flow.section_shown(index) {
                        theme.base
                    } else {
                        theme.dim
                    };
                    Line::styled(
                        format!(
                            "{pointer}{} {} ({})",
                            status.symbol(),
                            section.title,
                            status.word()
                        ),
                        style,
                    )
                })
                .collect();
            ("Go to section (Enter goes, Esc closes)".to_string(), lines)
        }
    };
    let width = body.width.saturating_sub(4).min(74);
    let inner_width = usize::from(width.saturating_sub(2));
    let height = (u16::try_from(lines.len()).unwrap_or(u16::MAX) + 2).min(body.height);
    let area = centred(body, width, height);
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", truncate(&title, inner_width.saturating_sub(2))),
            theme.heading,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    // A column of air on each side, so text never touches the border.
    let inner = inset(inner, 1);
    let skip = match overlay {
        Overlay::Jump { selected } => (selected + 1).saturating_sub(usize::from(inner.height)),
        _ => 0,
    };
    draw_lines(lines.into_iter().skip(skip), inner, buf);
}

/// The lines side by side in two columns of `column` characters.
fn two_columns(lines: Vec<Line<'static>>, column: usize) -> Vec<Line<'static>> {
    let half = lines.len().div_ceil(2);
    let mut right = lines[half..].iter().cloned();
    lines[..half]
        .iter()
        .map(|left| {
            let used: usize = left.spans.iter().map(|s| s.content.chars().count()).sum();
            let mut spans = left.spans.clone();
            spans.push(Span::raw(" ".repeat(column.saturating_sub(used))));
            if let Some(next) = right.next() {
                spans.extend(next.spans);
            }
            Line::from(spans)
        })
        .collect()
}

/// A text field's lines, wrapped to the box, with an error under it.
fn field_lines(app: &App, input: &TextInput, error: Option<&str>) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = input.to_text(theme.input, theme.cursor, true).lines;
    while lines.len() < 3 {
        lines.push(Line::raw(""));
    }
    if let Some(error) = error {
        lines.extend(
            wrap(&format!("✗ {error}"), 66)
                .into_iter()
                .map(|t| Line::styled(t, theme.error)),
        );
    }
    lines
}
