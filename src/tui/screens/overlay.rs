//! What is drawn over a screen: the keys of the screen beneath (generated from the
//! keymap), the note editor (wrapped, scrolled to the cursor), a new plan's name, an
//! action's owner, due date or words, the question whether to change the answer of a
//! gap whose action is done, the section picker, and a question's why read whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::sidebar::{SectionStatus, section_status};
use crate::tui::app::{ActionField, App, Overlay};
use crate::tui::keymap::{self, Context};
use unicode_width::UnicodeWidthStr;

use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::lines::{draw_cut, draw_lines, inset, wrapped};
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
    under.overlay = match &app.overlay {
        // The keys of the box the list was opened over.
        Some(Overlay::BoxHelp(over)) => Some((**over).clone()),
        _ => None,
    };
    under.context()
}

/// Draws the overlay, if any, over `body`.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(overlay) = &app.overlay else {
        return;
    };
    let theme = &app.theme;
    let (title, lines): (String, Vec<Line<'static>>) = match overlay {
        Overlay::Help | Overlay::BoxHelp(_) => {
            let context = beneath(app);
            let bindings = keymap::hints(context, |only| app.applies(only), false);
            let entries: Vec<(String, &str)> =
                bindings.iter().map(|b| (b.help_label(), b.label)).collect();
            let single = key_column(&entries, box_text_width(body), theme);
            let mut notes = Vec::new();
            if context == Context::Question {
                let legend: Vec<String> = SectionStatus::ALL
                    .iter()
                    // Each symbol and its words stay on one line (no-break spaces).
                    .map(|s| format!("{} {}", s.symbol(), s.word()).replace(' ', "\u{a0}"))
                    .collect();
                for part in wrap(
                    &format!("Sections: {}", legend.join("  ")),
                    box_text_width(body),
                ) {
                    notes.push(Line::styled(part, theme.dim));
                }
            }
            notes.push(Line::styled("Esc closes this list.", theme.dim));
            // A long key list goes into two columns rather than off the bottom, each
            // entry's words wrapped within its column.
            let room = usize::from(body.height.saturating_sub(2));
            let mut lines = if single.len() + notes.len() + 1 > room {
                two_key_columns(&entries, box_text_width(body), theme)
            } else {
                single
            };
            // A blank line before the notes where it fits.
            if lines.len() + notes.len() < room {
                lines.push(Line::raw(""));
            }
            lines.extend(notes);
            ("Keys".to_string(), lines)
        }
        Overlay::Note(input) => (
            "Note on this question (Enter or Esc saves it)".to_string(),
            note_lines(app, input, body),
        ),
        Overlay::Reading { scroll } => {
            let Some((area, lines, max_scroll)) = layout::reading(app) else {
                return;
            };
            let title = if max_scroll > 0 {
                "Why this matters (↑↓ PgDn scroll, Esc closes)"
            } else {
                "Why this matters (Esc closes)"
            };
            draw_box(app, area, title, buf);
            let inner = inset(Block::bordered().inner(area), 1);
            let first = usize::from((*scroll).min(max_scroll));
            draw_cut(
                lines.into_iter().skip(first),
                inner,
                "… ↓ or PgDn for more",
                theme.key,
                buf,
            );
            return;
        }
        Overlay::Positions { selected, entry } => {
            super::team::positions_box(app, *selected, entry.as_ref(), box_text_width(body))
        }
        Overlay::Team { input, error } => {
            super::team::team_box(app, input, error.as_deref(), box_text_width(body))
        }
        Overlay::Agenda { selected, .. } => {
            super::agenda::agenda_box(app, *selected, box_text_width(body))
        }
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
                ActionField::Text => {
                    "What is to be done (Enter saves, empty: the recommendation's words)"
                        .to_string()
                }
                ActionField::New => {
                    "A new action: what is to be done? (Enter saves, Esc cancels)".to_string()
                }
            },
            field_lines(app, input, error.as_ref().map(|e| e.to_string()).as_deref()),
        ),
        Overlay::Currency { input, error } => {
            super::currency::currency_box(app, input, error.as_deref(), box_text_width(body))
        }
        Overlay::UpdateAnswer { .. } => (
            "Done: the gap is still open".to_string(),
            [
                "The gap stays open until the answer changes: change the answer now?",
                "",
                "Enter opens the question · Esc keeps the list",
            ]
            .into_iter()
            .flat_map(|text| wrapped(text, box_text_width(body), theme.base))
            .collect(),
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
                    let text = format!(
                        "{pointer}{} {} ({})",
                        status.symbol(),
                        section.title,
                        status.word()
                    );
                    Line::styled(truncate(&text, box_text_width(body)), style)
                })
                .collect();
            ("Go to section (Enter goes, Esc closes)".to_string(), lines)
        }
    };
    let width = body.width.saturating_sub(4).min(BOX_WIDTH);
    let height = (u16::try_from(lines.len()).unwrap_or(u16::MAX) + 2).min(body.height);
    let area = centred(body, width, height);
    draw_box(app, area, &title, buf);
    // A column of air on each side, so text never touches the border.
    let inner = inset(Block::bordered().inner(area), 1);
    let skip = match overlay {
        Overlay::Jump { selected } => (selected + 1).saturating_sub(usize::from(inner.height)),
        // The intro's line first, then a row per section.
        Overlay::Agenda { selected, .. } => {
            (selected + 2).saturating_sub(usize::from(inner.height))
        }
        _ => 0,
    };
    draw_lines(lines.into_iter().skip(skip), inner, buf);
}

/// The widest an overlay's box gets.
const BOX_WIDTH: u16 = 74;

/// The columns inside a box drawn over `body`, less the air on each side.
fn box_text_width(body: Rect) -> usize {
    usize::from(
        body.width
            .saturating_sub(4)
            .min(BOX_WIDTH)
            .saturating_sub(4),
    )
}

/// The most rows the note box takes; a longer note scrolls to the cursor.
const NOTE_ROWS: usize = 8;

/// A cleared, bordered box with a title, on the theme's own background.
fn draw_box(app: &App, area: Rect, title: &str, buf: &mut Buffer) {
    let theme = &app.theme;
    Clear.render(area, buf);
    buf.set_style(area, theme.base);
    let inner_width = usize::from(area.width.saturating_sub(2));
    Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", truncate(title, inner_width.saturating_sub(2))),
            theme.heading,
        ))
        .render(area, buf);
}

/// The note wrapped to the box, scrolled so the cursor's row is in view.
fn note_lines(app: &App, input: &TextInput, body: Rect) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let width = usize::from(
        body.width
            .saturating_sub(4)
            .min(BOX_WIDTH)
            .saturating_sub(4),
    );
    let field = input.rows(width, theme.input, theme.cursor, true);
    let (mut rows, cursor) = (field.rows, field.cursor);
    let room = NOTE_ROWS.min(usize::from(body.height.saturating_sub(2)).max(1));
    let first = (cursor + 1).saturating_sub(room);
    rows.drain(..first.min(rows.len()));
    rows.truncate(room);
    while rows.len() < 3 {
        rows.push(Line::raw(""));
    }
    rows
}

/// Keys and their words in one column `width` wide: the keys right-aligned, the words
/// wrapped under themselves.
fn key_column(entries: &[(String, &str)], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let key_width = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(1);
    let words_width = width.saturating_sub(key_width + 2);
    entries
        .iter()
        .flat_map(|(keys, words)| {
            let lead = " ".repeat(key_width.saturating_sub(keys.width()));
            wrap(words, words_width)
                .into_iter()
                .enumerate()
                .map(move |(row, part)| {
                    let keys = if row == 0 {
                        format!("{lead}{keys}  ")
                    } else {
                        " ".repeat(key_width + 2)
                    };
                    Line::from(vec![
                        Span::styled(keys, theme.key),
                        Span::styled(part, theme.base),
                    ])
                })
        })
        .collect()
}

/// Keys and their words in two columns side by side within `width`: the first entries
/// on the left, the rest on the right (split where the taller column is shortest),
/// each column as wide as its own keys and words need (the right one at most half),
/// words that do not fit wrapped.
fn two_key_columns(entries: &[(String, &str)], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let natural = |part: &[(String, &str)]| {
        let key_width = part.iter().map(|(k, _)| k.width()).max().unwrap_or(1);
        part.iter()
            .map(|(_, words)| key_width + 2 + words.width())
            .max()
            .unwrap_or(0)
    };
    let columns = |split: usize| {
        let (left, right) = entries.split_at(split);
        let right_width = natural(right).min(width / 2);
        // A space between the columns.
        let left_width = width.saturating_sub(right_width + 1);
        (
            left_width,
            key_column(left, left_width, theme),
            key_column(right, right_width, theme),
        )
    };
    let half = entries.len().div_ceil(2);
    let Some((left_width, left, right)) = (half.saturating_sub(2)..=(half + 2).min(entries.len()))
        .map(columns)
        .min_by_key(|(_, left, right)| left.len().max(right.len()))
    else {
        return Vec::new();
    };
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..rows)
        .map(|_| {
            let mut spans = left.next().map(|line| line.spans).unwrap_or_default();
            let used: usize = spans.iter().map(|s| s.content.width()).sum();
            spans.push(Span::raw(" ".repeat((left_width + 1).saturating_sub(used))));
            if let Some(next) = right.next() {
                spans.extend(next.spans);
            }
            Line::from(spans)
        })
        .collect()
}

/// A one-line field's lines, wrapped to the box, with an error under it.
pub(super) fn field_lines(app: &App, input: &TextInput, error: Option<&str>) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let width = usize::from(BOX_WIDTH - 4);
    let mut lines = input.rows(width, theme.input, theme.cursor, true).rows;
    while lines.len() < 3 {
        lines.push(Line::raw(""));
    }
    if let Some(error) = error {
        lines.extend(
            wrap(&format!("✗ {error}"), width)
                .into_iter()
                .map(|t| Line::styled(t, theme.error)),
        );
    }
    lines
}
