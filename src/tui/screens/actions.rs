//! The action plan screen: the recommendations accepted into the plan, the owner's own
//! actions and the find-out items, with status, owner and due date, edited in
//! place. Done actions stay listed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::plan::ActionStatus;
use crate::report::text::person_or_unassigned;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, ListState};
use crate::tui::layout;
use crate::tui::widgets::lines::{below, draw_lines, draw_more, inset, wrapped};
use crate::tui::widgets::wrap::{pad, truncate, wrap};

/// An action's status as a box, readable without colour.
pub fn status_box(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "[ ]",
        ActionStatus::InProgress => "[~]",
        ActionStatus::Done => "[x]",
    }
}

/// An action's words as the report has them: the owner's own, the recommendation's, or
/// "Find out: " and the question.
fn action_words(app: &App, index: usize) -> String {
    app.report()
        .actions
        .get(index)
        .map(|a| a.text.clone())
        .unwrap_or_default()
}

/// Draws the action plan screen.
pub fn render(app: &App, state: &ListState, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = inset(body, 1);
    let width = usize::from(area.width);
    let actions = &app.plan.actions;
    let done = actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .count();
    let title = format!(
        "Action plan: {} {} ({done} done) · [ ] open  [~] in progress  [x] done",
        actions.len(),
        if actions.len() == 1 {
            "action"
        } else {
            "actions"
        }
    );
    Line::styled(truncate(&title, width), theme.heading).render(Rect { height: 1, ..area }, buf);
    if actions.is_empty() {
        let text = "Nothing in the action plan yet. Open the gaps (g), choose one, and press the number of a recommendation to add it here, or press n to add an action of your own.";
        draw_lines(wrapped(text, width, theme.dim), below(area, 2), buf);
        return;
    }
    let selected = state.selected.min(actions.len() - 1);
    let Some(list) = layout::list(app, body) else {
        return;
    };
    draw_more(list.above, list.below, theme.dim, buf);
    let owner_width = (width / 5).clamp(10, 20);
    for (row, (index, action)) in actions.iter().enumerate().skip(list.first).enumerate() {
        let Ok(row) = u16::try_from(row) else { break };
        if row >= list.rows.height {
            break;
        }
        // In the reports' words.
        let owner = person_or_unassigned(Some(action.owner.as_str()).filter(|o| !o.is_empty()));
        let owner = pad(owner, owner_width);
        let due = action
            .due
            .map_or("no date   ".to_string(), |d| d.to_string());
        let text_room = width.saturating_sub(6 + owner_width + 1 + due.width() + 1);
        let text = truncate(&action_words(app, index), text_room);
        let pad = text_room.saturating_sub(text.width());
        let is_selected = index == selected;
        let style = if is_selected {
            theme.selected
        } else {
            theme.base
        };
        let owner_style = match (is_selected, action.owner.is_empty()) {
            (true, _) => theme.selected,
            (false, true) => theme.warn,
            (false, false) => theme.base,
        };
        let pointer = if is_selected { "▸" } else { " " };
        Line::from(vec![
            Span::styled(format!("{pointer} {} ", status_box(action.status)), style),
            Span::styled(format!("{text}{} ", " ".repeat(pad)), style),
            Span::styled(format!("{owner} "), owner_style),
            Span::styled(due, style),
        ])
        .render(Rect::new(area.x, list.rows.y + row, area.width, 1), buf);
    }
    let action = &actions[selected];
    let question = app
        .report()
        .actions
        .get(selected)
        .map_or(action.question.clone(), |a| a.question.clone());
    let about = format!("For: {question} (status: {})", action.status.label());
    for (i, line) in wrap(&about, width).into_iter().take(2).enumerate() {
        let y = area.y + area.height - 2 + u16::try_from(i).unwrap_or(0);
        Line::styled(line, theme.dim).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}
