//! The gaps screen: every gap, blockers first then by priority, and for the one chosen
//! why it matters and what to do, each recommendation ready to go into the action plan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::report::GapItem;
use crate::report::text::{effort_label, impact_label, owner_label};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, ListState};
use crate::tui::layout;
use crate::tui::widgets::lines::{below, draw_lines, draw_more, inset, wrapped};
use crate::tui::widgets::wrap::{truncate, wrap};

/// A gap's mark: blocker, unknown, critical, or other; never colour alone.
pub fn gap_mark(gap: &GapItem) -> &'static str {
    if gap.blocker {
        "✗"
    } else if gap.unsure {
        "?"
    } else if gap.critical {
        "!"
    } else {
        "·"
    }
}

/// The height of the detail panel under the list, for `detail` lines of it in `area`.
pub fn detail_height(area: Rect, detail: usize) -> u16 {
    u16::try_from(detail + 1)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(4) / 2 + 2)
}

/// Draws the gaps screen; its rows go where `layout::list` puts them.
pub fn render(app: &App, state: &ListState, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = inset(body, 1);
    let width = usize::from(area.width);
    let gaps = &app.report().gaps;
    let blockers = gaps.iter().filter(|g| g.blocker).count();
    let title = format!(
        "Gaps to close: {} ({blockers} {}) · ✗ blocker  ! critical  ? not known yet",
        gaps.len(),
        if blockers == 1 { "blocker" } else { "blockers" }
    );
    Line::styled(truncate(&title, width), theme.heading).render(Rect { height: 1, ..area }, buf);
    if gaps.is_empty() {
        let text = "No gaps in what you have answered so far. Unanswered questions are not gaps: answer them to be sure.";
        draw_lines(wrapped(text, width, theme.dim), below(area, 2), buf);
        return;
    }
    let selected = state.selected.min(gaps.len() - 1);
    let detail = detail_lines(app, &gaps[selected], width);
    let detail_height = detail_height(area, detail.len());
    let Some(list) = layout::list(app, body) else {
        return;
    };
    draw_more(list.above, list.below, theme.dim, buf);
    for (row, (index, gap)) in gaps.iter().enumerate().skip(list.first).enumerate() {
        let Ok(row) = u16::try_from(row) else { break };
        if row >= list.rows.height {
            break;
        }
        let given = truncate(&gap.answer, (width / 4).max(10));
        let text_room = width.saturating_sub(5 + given.width() + 1);
        let text = truncate(&gap.question, text_room);
        let gap_width = width.saturating_sub(5 + text.width() + given.width());
        let is_selected = index == selected;
        let style = if is_selected {
            theme.selected
        } else {
            theme.base
        };
        let mark_style = match (is_selected, gap.blocker) {
            (true, _) => theme.selected,
            (false, true) => theme.error,
            (false, false) => theme.warn,
        };
        let pointer = if is_selected { "▸" } else { " " };
        Line::from(vec![
            Span::styled(format!("{pointer} "), style),
            Span::styled(gap_mark(gap), mark_style),
            Span::styled(format!("  {text}{}", " ".repeat(gap_width)), style),
            Span::styled(given, style),
        ])
        .render(Rect::new(area.x, list.rows.y + row, area.width, 1), buf);
    }
    let detail_area = Rect {
        y: area.y + area.height - detail_height,
        height: detail_height,
        ..area
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(
            " What to do (a number adds it to the action plan) ",
            theme.dim,
        ));
    let inner = block.inner(detail_area);
    block.render(detail_area, buf);
    draw_lines(detail, inner, buf);
}

/// What the selected gap's panel says: why it matters and each recommendation.
pub fn detail_lines(app: &App, gap: &GapItem, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    if !gap.why.is_empty() {
        lines.extend(wrapped(&gap.why, width, theme.dim));
    }
    if gap.recommendations.is_empty() {
        lines.push(Line::styled(
            "No recommendation for this answer.",
            theme.dim,
        ));
    }
    for (n, advice) in gap.recommendations.iter().enumerate() {
        let mark = if advice.in_action_plan {
            "[✓ in plan]"
        } else {
            "[ ]"
        };
        let text = format!(
            "{} {mark} {} (effort {}, impact {}, for {}, by {})",
            n + 1,
            advice.text,
            effort_label(advice.effort),
            impact_label(advice.impact),
            owner_label(advice.owner),
            advice.due
        );
        let style = if advice.in_action_plan {
            theme.chosen
        } else {
            theme.base
        };
        for (i, part) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
            let lead = if i == 0 { "" } else { "  " };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
    }
    lines
}
