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
            Screen::Plans(state) => screens::plans::render(app, state, areas.body, buf),
        }
        status_line(app, areas.status, buf);
        footer(app, areas.footer, buf);
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

/// The keys that matter here, as many as fit, the most useful first; help and quit
/// always stay.
pub fn footer_line(app: &App, width: usize) -> Line<'static> {
    let context = app.context();
    let hints = keymap::hints(context, |only| app.applies(only), true);
    let theme = &app.theme;
    let cells: Vec<(String, String)> = hints
        .iter()
        .map(|b| (b.keys_label.to_string(), b.label.to_string()))
        .collect();
    // Each hint is drawn as "keys label   ".
    let cell_width = |(k, l): &(String, String)| k.chars().count() + l.chars().count() + 4;
    let (keep_last, rest): (Vec<_>, Vec<_>) = cells.iter().partition(|(k, _)| {
        matches!(k.as_str(), "?" | "q" | "F1" | "Ctrl-C") || context == Context::TooSmall
    });
    let mut budget =
        width.saturating_sub(1 + keep_last.iter().map(|c| cell_width(c)).sum::<usize>());
    let mut chosen: Vec<&(String, String)> = Vec::new();
    for cell in rest {
        let w = cell_width(cell);
        if w <= budget {
            budget -= w;
            chosen.push(cell);
        }
    }
    chosen.extend(keep_last);
    let mut spans = vec![Span::raw(" ")];
    for (keys, label) in chosen {
        spans.push(Span::styled(keys.clone(), theme.key));
        spans.push(Span::styled(format!(" {label}   "), theme.dim));
    }
    Line::from(spans)
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    footer_line(app, usize::from(area.width)).render(area, buf);
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
