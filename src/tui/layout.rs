//! Where everything goes, worked out once for drawing and for clicks: the frame's bands
//! (header, body, status, footer), each screen's areas and rows, and what a click on
//! them means, as a named message (pick option 3, open section 5) before `update`.

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Screen};
use super::message::Message;
use super::screens::{bars, question};
use super::widgets::lines::{inset, split_bottom, split_left, split_top};
use super::widgets::worksheet::{self, WorksheetLines};

/// The bands of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameAreas {
    pub header: Rect,
    pub body: Rect,
    /// The status message, on its own rows: the footer keeps its keys while it shows.
    pub status: Rect,
    pub footer: Rect,
}

/// How many lines the footer takes at most.
pub const FOOTER_LINES: usize = 2;

/// Splits the frame into header, body, status and footer.
pub fn frame(app: &App, area: Rect) -> FrameAreas {
    let width = usize::from(area.width);
    let status = bars::status_lines(app, width).len().max(1);
    let footer = bars::footer_lines(app, width, FOOTER_LINES).len().max(1);
    let rows = |n: usize| u16::try_from(n).unwrap_or(1);
    let (header, rest) = split_top(area, 1);
    let (rest, footer) = split_bottom(rest, rows(footer));
    let (body, status) = split_bottom(rest, rows(status));
    FrameAreas {
        header,
        body,
        status,
        footer,
    }
}

/// Whether the window is too small for the screens.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame's body for the app's last size.
pub fn body(app: &App) -> Rect {
    frame(app, app.area).body
}

/// What a click on the question screen lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Section(usize),
    Option(usize),
    Unsure,
    NotApplicable,
    Field,
}

impl Target {
    /// The message a click on this target means: the same as its key.
    pub fn message(self) -> Message {
        match self {
            Target::Section(section) => Message::OpenSection(section),
            Target::Option(index) => Message::Pick(index),
            Target::Unsure => Message::Unsure,
            Target::NotApplicable => Message::NotApplicable,
            Target::Field => Message::EditEntry,
        }
    }
}

/// Where everything on the question screen goes.
pub struct QuestionLayout {
    pub sidebar: Option<Rect>,
    /// The sidebar's rows: (screen row, section index).
    pub section_rows: Vec<(u16, usize)>,
    /// The sidebar's legend of symbols, when there is room for it.
    pub legend: Option<Rect>,
    pub main: Rect,
    /// The main panel's lines from its top, each with what a click on it does.
    pub lines: Vec<(Line<'static>, Option<Target>)>,
    /// The "why this matters" panel, when there is room for it.
    pub why: Option<(Rect, Vec<Line<'static>>)>,
    /// The budget worksheet, on a section with calculated figures: its area and its
    /// lines, worked out once a frame.
    pub worksheet: Option<(Rect, WorksheetLines)>,
}

impl QuestionLayout {
    /// The main panel above the "why" panel.
    pub fn above_why(&self) -> Rect {
        let limit = self
            .why
            .as_ref()
            .map_or(self.main.y + self.main.height, |(area, _)| area.y);
        Rect {
            height: limit.saturating_sub(self.main.y),
            ..self.main
        }
    }
}

/// The sidebar's width for a body this wide: none when the window is narrow.
fn sidebar_width(width: u16) -> u16 {
    match width {
        0..70 => 0,
        70..100 => 24,
        _ => 30,
    }
}

/// How many rows the sidebar's legend takes: one more for the dispute mark when the
/// plan has a team.
pub fn legend_rows(app: &App) -> u16 {
    if app.plan.participants.is_empty() {
        3
    } else {
        4
    }
}

/// Lays the question screen out in `body`.
pub fn question(app: &App, body: Rect) -> Option<QuestionLayout> {
    let (state, current) = app.current()?;
    // The presenter layout folds the sidebar into the progress line.
    let sidebar_columns = if app.present {
        0
    } else {
        sidebar_width(body.width)
    };
    let (sidebar, main) = split_left(body, sidebar_columns);
    let main = inset(main, 1);
    let sheet = worksheet::lines_now(app);
    let (main, beside) = match sheet.as_ref().and_then(|_| worksheet::beside(main)) {
        Some((question, panel)) => (question, Some(panel)),
        None => (main, None),
    };
    let count = app.questionnaire().sections.len();
    // The legend sits at the bottom of the sidebar, a row apart from every section.
    let legend_rows = legend_rows(app);
    let legend = (sidebar.width > 0
        && usize::from(sidebar.height) > count + 1 + usize::from(legend_rows))
    .then(|| Rect {
        x: sidebar.x + 1,
        y: sidebar.y + sidebar.height - legend_rows,
        height: legend_rows,
        width: sidebar.width.saturating_sub(2),
    });
    let section_rows = if sidebar.width > 0 {
        sidebar_rows(count, sidebar, state.spot.section)
    } else {
        Vec::new()
    };
    let width = usize::from(main.width);
    let lines = question::main_lines(app, state, current, width);
    // Under the question, its answer area first: then the worksheet (it answers as
    // you type), then the "why" panel (a key away, m), each one row apart, in the rows
    // left; each gives way when there is no room for it.
    let bottom = main.y + main.height;
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let below = main.y.saturating_add(used).min(bottom);
    let free = bottom - below;
    let under = match (&sheet, beside) {
        (Some(sheet), None) => {
            let rows = worksheet::rows_needed(app, sheet, main.width).min(free.saturating_sub(1));
            (rows >= worksheet::MIN_ROWS).then_some(rows)
        }
        _ => None,
    };
    let free_for_why = free.saturating_sub(under.map_or(0, |rows| rows + 1));
    // The presenter reads the why on a key (m), so the question keeps the room; a
    // question with nothing to say why gets no empty panel.
    let why_lines = (app.show_why && !app.present && free_for_why >= 3)
        .then(|| question::why_lines(app, current, width))
        .filter(|lines| !lines.is_empty());
    let why = why_lines.map(|why_lines| {
        let height = (u16::try_from(why_lines.len()).unwrap_or(u16::MAX) + 1).min(free_for_why - 1);
        let area = Rect {
            y: below + 1,
            height,
            ..main
        };
        (area, why_lines)
    });
    // The worksheet takes every row the question and the why leave.
    let worksheet = match (sheet, beside, under) {
        (Some(sheet), Some(panel), _) => Some((panel, sheet)),
        (Some(sheet), None, Some(_)) => {
            let top = why.as_ref().map_or(below, |(area, _)| area.y + area.height) + 1;
            let area = Rect {
                y: top,
                height: bottom.saturating_sub(top),
                ..main
            };
            Some((area, sheet))
        }
        _ => None,
    };
    Some(QuestionLayout {
        sidebar: (sidebar.width > 0).then_some(sidebar),
        section_rows,
        legend,
        main,
        lines,
        why,
        worksheet,
    })
}

/// Which sections fit in the sidebar, scrolled so the current one shows.
fn sidebar_rows(count: usize, sidebar: Rect, current: usize) -> Vec<(u16, usize)> {
    let room = usize::from(sidebar.height.saturating_sub(1));
    let first = if current >= room {
        current + 1 - room
    } else {
        0
    };
    (first..count)
        .take(room)
        .enumerate()
        .map(|(i, section)| (sidebar.y + 1 + u16::try_from(i).unwrap_or(0), section))
        .collect()
}

mod lists;
pub use lists::{Entry, ListLayout, ReviewLayout, first_row, list, review, summary_max_scroll};

/// How far a page moves on this screen: its list's height, less one row of context.
pub fn page(app: &App) -> usize {
    let body = body(app);
    let height = match &app.screen {
        Screen::Review(_) => review(app, body).map_or(body.height, |l| l.list.height),
        Screen::Gaps(_) | Screen::Actions(_) | Screen::Plans(_) => {
            list(app, body).map_or(body.height, |l| l.rows.height)
        }
        _ => body.height,
    };
    usize::from(height.saturating_sub(1)).max(1)
}

/// The message a left click at this column and row means, if any.
pub fn click(app: &App, column: u16, row: u16) -> Option<Message> {
    if too_small(app.area) || app.overlay.is_some() {
        return None;
    }
    let body = body(app);
    match &app.screen {
        Screen::Question(_) => question_target(app, body, column, row).map(Target::message),
        Screen::Review(_) => {
            let layout = review(app, body)?;
            let offset = usize::from(row.checked_sub(layout.list.y)?);
            if offset >= usize::from(layout.list.height) {
                return None;
            }
            match layout.entries.get(layout.first + offset)? {
                Entry::Question(index, _) => Some(Message::Select(*index)),
                _ => None,
            }
        }
        Screen::Gaps(_) | Screen::Actions(_) | Screen::Plans(_) => {
            let layout = list(app, body)?;
            let offset = usize::from(row.checked_sub(layout.rows.y)?);
            let index = layout.first + offset;
            (offset < usize::from(layout.rows.height) && index < layout.count)
                .then_some(Message::Select(index))
        }
        Screen::Welcome(_)
        | Screen::Summary(_)
        | Screen::Since(_)
        | Screen::Gate(_)
        | Screen::Compare(_) => None,
    }
}

/// What a click at this column and row lands on, on the question screen.
pub fn question_target(app: &App, body: Rect, column: u16, row: u16) -> Option<Target> {
    let layout = question(app, body)?;
    if let Some(sidebar) = layout.sidebar
        && column >= sidebar.x
        && column < sidebar.x + sidebar.width
    {
        return layout
            .section_rows
            .iter()
            .find(|(y, _)| *y == row)
            .map(|(_, section)| Target::Section(*section));
    }
    let above = layout.above_why();
    if column < above.x || column >= above.x + above.width || row < above.y {
        return None;
    }
    if row >= above.y + above.height {
        return None;
    }
    layout
        .lines
        .get(usize::from(row - above.y))
        .and_then(|(_, target)| *target)
}

/// How far the "read it whole" box scrolls at most, and the lines it shows.
pub fn reading(app: &App) -> Option<(Rect, Vec<Line<'static>>, u16)> {
    let Some(Overlay::Reading { .. }) = &app.overlay else {
        return None;
    };
    let (_, current) = app.current()?;
    let body = body(app);
    let width = body.width.saturating_sub(4).min(78);
    let inner_width = usize::from(width.saturating_sub(4));
    let lines = question::why_lines(app, current, inner_width);
    let height = (u16::try_from(lines.len()).unwrap_or(u16::MAX) + 2).min(body.height);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
    let inner_height = height.saturating_sub(2);
    let max_scroll = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(inner_height);
    Some((area, lines, max_scroll))
}
