//! Draws the whole frame: the header, the screen on show, the status line, the footer of
//! keys, and any overlay. Pure: reads the app, changes nothing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Screen};
use super::keymap::{self, Context};
use super::screens;
use super::widgets::wrap::truncate;

/// The parts of the frame.
pub struct FrameAreas {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// Splits the frame into header, body, status line and footer.
pub fn frame_areas(area: Rect) -> FrameAreas {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    FrameAreas {
        header,
        body,
        status,
        footer,
    }
}

/// Draws the app into the frame.
pub fn draw(app: &App, frame: &mut Frame) {
    frame.render_widget(AppView { app }, frame.area());
}

/// The whole app as a widget.
pub struct AppView<'a> {
    pub app: &'a App,
}

impl Widget for AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(app, area, buf);
            return;
        }
        let areas = frame_areas(area);
        header(app, areas.header, buf);
        match &app.screen {
            Screen::Welcome(state) => screens::welcome::render(app, state, areas.body, buf),
            Screen::Question(_) => screens::question::render(app, areas.body, buf),
            Screen::Review(state) => screens::review::render(app, state, areas.body, buf),
            Screen::Summary(state) => screens::summary::render(app, state, areas.body, buf),
            Screen::Gaps(state) => screens::gaps::render(app, state, areas.body, buf),
            Screen::Actions(state) => screens::actions::render(app, state, areas.body, buf),
            Screen::Plans(state) => screens::plans::render(app, state, areas.body, buf),
        }
        status_line(app, areas.status, buf);
        footer(app, areas.status, areas.footer, buf);
        screens::overlay::render(app, areas.body, buf);
    }
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
    let percent = (answered * 100).checked_div(total).unwrap_or(0);
    let mut right = match app.screen {
        Screen::Welcome(_) => format!("{total} questions"),
        _ => format!("{answered}/{total} answered · {percent}%"),
    };
    if let Some(read_only) = &app.read_only {
        right = format!("{read_only} · {right}");
    }
    let name = if app.plan.name.is_empty() {
        "new plan".to_string()
    } else {
        app.plan.name.clone()
    };
    let room = usize::from(area.width).saturating_sub(right.chars().count() + 14);
    let left = format!(" outready · {}", truncate(&name, room));
    let gap =
        usize::from(area.width).saturating_sub(left.chars().count() + right.chars().count() + 1);
    let line = Line::from(vec![
        Span::styled(left, theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.heading),
    ]);
    buf.set_style(area, theme.base);
    line.render(area, buf);
}

fn status_line(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(status) = &app.status else {
        return;
    };
    let (mark, style) = if status.is_error {
        ("✗ ", app.theme.error)
    } else {
        ("• ", app.theme.ok)
    };
    let text = truncate(
        &format!("{mark}{}", status.text),
        usize::from(area.width.saturating_sub(1)),
    );
    Line::from(Span::styled(format!(" {text}"), style)).render(area, buf);
}

/// The keys that matter here on at most `max_lines` lines, the most useful first (in
/// the keymap's footer order); help and quit always stay, at the end.
pub fn footer_lines(app: &App, width: usize, max_lines: usize) -> Vec<Line<'static>> {
    let context = app.context();
    let hints = keymap::hints(context, |only| app.applies(only), true);
    let theme = &app.theme;
    let cells: Vec<(&str, &str)> = hints.iter().map(|b| (b.keys_label, b.label)).collect();
    // Each hint is drawn as "keys label   ".
    let cell_width = |(k, l): &(&str, &str)| k.chars().count() + l.chars().count() + 4;
    let (keep_last, mut rest): (Vec<_>, Vec<_>) = cells.into_iter().partition(|(k, _)| {
        matches!(*k, "?" | "q" | "F1" | "Ctrl-C") || context == Context::TooSmall
    });
    let room = width.saturating_sub(1);
    let keep_width: usize = keep_last.iter().map(cell_width).sum();
    let max_lines = max_lines.max(1);
    let mut rows: Vec<Vec<(&str, &str)>> = Vec::new();
    for row in 0..max_lines {
        let last = row + 1 == max_lines;
        let mut budget = room.saturating_sub(if last { keep_width } else { 0 });
        let mut chosen = Vec::new();
        let mut left = Vec::new();
        for cell in rest {
            let w = cell_width(&cell);
            // Earlier lines keep strict order; the last one fills what space is left.
            if w <= budget && (last || left.is_empty()) {
                budget -= w;
                chosen.push(cell);
            } else {
                left.push(cell);
            }
        }
        rest = left;
        // Help and quit close the line they fit on once every other hint is placed.
        let done = rest.is_empty() && (last || keep_width <= budget);
        if done {
            chosen.extend(keep_last.iter().copied());
        }
        rows.push(chosen);
        if done {
            break;
        }
    }
    rows.into_iter()
        .filter(|row| !row.is_empty())
        .map(|row| {
            let mut spans = vec![Span::raw(" ")];
            for (keys, label) in row {
                spans.push(Span::styled(keys.to_string(), theme.key));
                spans.push(Span::styled(format!(" {label}   "), theme.dim));
            }
            Line::from(spans)
        })
        .collect()
}

/// The footer on its own line, and on the status line too while no message needs it.
fn footer(app: &App, status: Rect, footer: Rect, buf: &mut Buffer) {
    let max_lines = if app.status.is_some() { 1 } else { 2 };
    let lines = footer_lines(app, usize::from(footer.width), max_lines);
    let areas: Vec<Rect> = if lines.len() == 2 {
        vec![status, footer]
    } else {
        vec![footer]
    };
    for (line, area) in lines.into_iter().zip(areas) {
        line.render(area, buf);
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Window too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}. Make the window larger, or press q to save and quit.",
        area.width, area.height
    );
    Paragraph::new(text)
        .style(app.theme.warn)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
