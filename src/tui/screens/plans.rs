//! The plans screen: every plan with its progress and verdict, to switch to another,
//! start a new one, mark plans to compare, or merge a sync tool's conflicting copy; the
//! copies are told of under the list, in the words `outready list` uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, PlansState};
use crate::tui::layout;
use crate::tui::widgets::lines::{draw_more, inset};
use crate::tui::widgets::wrap::{pad, truncate};

/// Draws the plans screen.
pub fn render(app: &App, state: &PlansState, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = inset(body, 1);
    let width = usize::from(area.width);
    Line::styled(
        "Plans (one per business, or per provider you are weighing up)",
        theme.heading,
    )
    .render(Rect { height: 1, ..area }, buf);
    if state.rows.is_empty() {
        Line::styled("Reading the plans…", theme.dim)
            .render(Rect::new(area.x, area.y + 2, area.width, 1), buf);
        return;
    }
    let Some(list) = layout::list(app, body) else {
        return;
    };
    draw_more(list.above, list.below, theme.dim, buf);
    let name_width = (width / 3).max(10);
    // On a terminal without UTF-8 the frame draws it as "+".
    let check = "✓";
    for (shown, (i, row)) in state.rows.iter().enumerate().skip(list.first).enumerate() {
        let y = list.rows.y + u16::try_from(shown).unwrap_or(u16::MAX);
        if y >= list.rows.y + list.rows.height {
            break;
        }
        let selected = i == state.selected;
        let current = app.plan_file.as_deref() == Some(row.file.as_path());
        let pointer = if selected { "▸" } else { " " };
        let mark = if current { "●" } else { " " };
        let marked = if state.marked.contains(&row.file) {
            check
        } else {
            " "
        };
        let name = pad(&row.name, name_width);
        let detail = match &row.problem {
            Some(problem) => format!("cannot be opened: {problem}"),
            None => format!(
                "{}/{} answered · {} · {}",
                row.answered, row.total, row.level, row.updated
            ),
        };
        let style = if selected { theme.selected } else { theme.base };
        let detail_style = match (selected, row.problem.is_some()) {
            (true, _) => theme.selected,
            (false, true) => theme.error,
            (false, false) => theme.dim,
        };
        let line = Line::from(vec![
            Span::styled(format!("{pointer}{mark}{marked} {name} "), style),
            Span::styled(
                truncate(&detail, width.saturating_sub(name_width + 5)),
                detail_style,
            ),
        ]);
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
    let legend_y = area.y + area.height.saturating_sub(1);
    let list_end = list.rows.y
        + list
            .rows
            .height
            .min(u16::try_from(state.rows.len()).unwrap_or(u16::MAX));
    let notices = u16::try_from(state.conflicts.len()).unwrap_or(u16::MAX);
    let first_notice = legend_y.saturating_sub(notices);
    for (i, (_, words)) in state.conflicts.iter().enumerate() {
        let y = first_notice + u16::try_from(i).unwrap_or(u16::MAX);
        if y < list_end || y >= legend_y {
            continue;
        }
        let line = format!("⚑ {words}: select it, C merges it in");
        Line::styled(truncate(&line, width), theme.warn)
            .render(Rect::new(area.x, y, area.width, 1), buf);
    }
    if legend_y >= list_end {
        let legend = match state.marked.len() {
            0 => "● the plan open now · Space marks plans to compare".to_string(),
            1 => format!("● the plan open now · {check} marked to compare: 1 marked, mark another"),
            n => format!(
                "● the plan open now · {check} marked to compare: {n} marked, c compares them"
            ),
        };
        Line::styled(truncate(&legend, width), theme.dim)
            .render(Rect::new(area.x, legend_y, area.width, 1), buf);
    }
}
