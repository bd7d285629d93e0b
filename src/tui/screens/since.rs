//! The since-last-time screen, for the start of a meeting: the verdict then and now,
//! then the answers changed, the disputes opened and settled and the actions done since
//! the last session (or the day given with `--since`), as every report lists them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::report::workshop::SINCE;
use crate::tui::app::{App, SummaryState};
use crate::tui::widgets::lines::{MORE_BELOW, draw_cut, inset, wrapped};

/// The screen's lines, `width` columns wide.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![Line::styled(SINCE, theme.heading), Line::raw("")];
    let Some(since) = &app.report().since_last_time else {
        lines.extend(wrapped(
            crate::report::workshop::since::nothing_to_compare(&app.plan.history),
            width,
            theme.dim,
        ));
        return lines;
    };
    let then = since
        .then
        .as_ref()
        .map_or("not recorded".to_string(), |t| t.text());
    lines.extend(wrapped(
        &format!(
            "{}: verdict then {then}, now {}.",
            since.lead(),
            since.now.text()
        ),
        width,
        theme.base,
    ));
    if since.is_quiet() {
        lines.push(Line::styled("Nothing else changed.", theme.dim));
    }
    for (heading, items) in since.parts() {
        if items.is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{heading} ({})", items.len()),
            theme.heading,
        ));
        for item in items {
            let text = format!("{}: {}", item.question, item.detail);
            for (i, line) in wrapped(&text, width.saturating_sub(2), theme.base)
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 { "• " } else { "  " };
                let mut spans = vec![Span::styled(lead, theme.dim)];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
    }
    lines
}

/// The furthest the screen scrolls in a body of this size.
pub fn max_scroll(app: &App, body: Rect) -> u16 {
    let area = inset(body, 1);
    let count = lines(app, usize::from(area.width)).len();
    u16::try_from(count.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}

/// Draws the screen.
pub fn render(app: &App, state: &SummaryState, body: Rect, buf: &mut Buffer) {
    let area = inset(body, 1);
    let all = lines(app, usize::from(area.width));
    let first = state.scroll.min(max_scroll(app, body));
    draw_cut(
        all.into_iter().skip(usize::from(first)),
        area,
        MORE_BELOW,
        app.theme.dim,
        buf,
    );
}
