//! Draws the whole frame into the areas `layout` works out: the header, the screen on
//! show, the status message, the footer of keys, and any overlay; on a terminal without
//! UTF-8, in ASCII. Pure: reads the app, changes nothing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Screen};
use super::layout;
use super::screens::{self, bars};
use super::widgets::ascii;
use super::widgets::lines::draw_lines;

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
        // The theme's own background everywhere, so a light terminal cannot wash it out.
        // A theme that keeps the terminal's own colours has nothing to paint, and a pass
        // over every cell for nothing was a tenth of drawing the first frame.
        if app.theme.base != Style::new() {
            buf.set_style(area, app.theme.base);
        }
        if layout::too_small(area) {
            too_small(app, area, buf);
        } else {
            screen(app, area, buf);
        }
        if app.ascii {
            ascii::downgrade(buf, area);
        }
    }
}

fn screen(app: &App, area: Rect, buf: &mut Buffer) {
    let areas = layout::frame(app, area);
    let width = usize::from(area.width);
    bars::header_line(app, width).render(areas.header, buf);
    let body = areas.body;
    match &app.screen {
        Screen::Welcome(state) => screens::welcome::render(app, state, body, buf),
        Screen::Question(_) => {
            if let Some(question) = layout::question(app, body) {
                screens::question::render(app, &question, buf);
            }
        }
        Screen::Review(state) => {
            if let Some(review) = layout::review(app, body) {
                screens::review::render(app, state, &review, buf);
            }
        }
        Screen::Summary(state) => screens::summary::render(app, state, body, buf),
        Screen::Since(state) => screens::since::render(app, state, body, buf),
        Screen::Gaps(state) => screens::gaps::render(app, state, body, buf),
        Screen::Actions(state) => screens::actions::render(app, state, body, buf),
        Screen::Plans(state) => screens::plans::render(app, state, body, buf),
        Screen::Gate(state) => screens::recovery::render(app, state, body, buf),
        Screen::Compare(state) => screens::compare::render(app, state, body, buf),
    }
    draw_lines(bars::status_lines(app, width), areas.status, buf);
    draw_lines(
        bars::footer_lines(app, width, layout::FOOTER_LINES),
        areas.footer,
        buf,
    );
    screens::overlay::render(app, body, buf);
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    // Before a plan is open there is nothing to save: q leaves everything as it is.
    let leave = match app.screen {
        Screen::Gate(_) => "quit and leave everything as it is",
        _ => "save and quit",
    };
    let text = format!(
        "Window too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}. Make the window larger, or press q to {leave}.",
        area.width, area.height
    );
    Paragraph::new(text)
        .style(app.theme.warn)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
