//! The budget worksheet panel of the question screen: on a section with calculated
//! figures, each figure as it is now, what it is made of and the answers it still needs,
//! counting the amount being typed, so it changes with every key press. Also the
//! summary's line of headline figures.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::answer::Answer;
use crate::money::plan_currency;
use crate::report::budget::{Budget, WorksheetPart, headline_line, worksheet};
use crate::tui::app::App;
use crate::tui::widgets::lines::{draw_cut, wrapped};
use crate::tui::widgets::wrap::wrap;

/// Screens at least this wide put the worksheet beside the question, narrower ones under it.
const SIDE_BY_SIDE: u16 = 100;
const SIDE_WIDTH: u16 = 40;

/// The worksheet's lines, each with what it is so it can be styled.
pub type WorksheetLines = Vec<(WorksheetPart, String)>;

/// The worksheet of the section on screen, with the entry being typed counted in when
/// it reads as a value; `None` off a section with figures.
pub fn lines_now(app: &App) -> Option<WorksheetLines> {
    let (state, question) = app.current()?;
    let section = app.section_at(state.spot.section)?;
    if section.calculated.is_empty() {
        return None;
    }
    let typed = state.field.as_ref().map(|f| f.text().to_string());
    let draft = typed.and_then(|text| {
        crate::wizard::parse_entry_in(question, &text, &plan_currency(&app.plan)).ok()
    });
    let mut budget = match draft {
        Some(value) => {
            let mut plan = app.plan.clone();
            plan.answers
                .insert(question.id.to_string(), Answer::answered(value));
            Budget::build(app.questionnaire(), &plan)
        }
        None => Budget::build(app.questionnaire(), &app.plan),
    }?;
    // The figures the question on screen feeds come first, so the panel shows what this
    // answer changes however little room it has (the rest keep their order).
    let feeds = |id: &str| app.questionnaire().figure_reads(id, &question.id);
    budget.figures.sort_by_key(|figure| !feeds(&figure.id));
    Some(worksheet(&budget, Some(&section.title)))
}

/// On a screen wide enough, the question screen's main area split in two: the
/// question, and the worksheet beside it. `None` on a narrower screen, where the
/// worksheet goes under the question, in the rows the question leaves.
pub fn beside(main: Rect) -> Option<(Rect, Rect)> {
    if main.width < SIDE_BY_SIDE {
        return None;
    }
    let question = Rect {
        width: main.width - SIDE_WIDTH - 1,
        ..main
    };
    let panel = Rect {
        x: main.x + main.width - SIDE_WIDTH,
        width: SIDE_WIDTH,
        ..main
    };
    Some((question, panel))
}

/// The fewest rows the worksheet is shown in: its rule, a figure and the sign that
/// the rest is in the report. With less room it is left out.
pub const MIN_ROWS: u16 = 3;

/// How many rows the whole worksheet takes at this width: its rule and every line.
pub fn rows_needed(app: &App, lines: &[(WorksheetPart, String)], width: u16) -> u16 {
    let drawn = body_lines(app, lines, usize::from(width.saturating_sub(1)), usize::MAX);
    u16::try_from(drawn.len())
        .unwrap_or(u16::MAX)
        .saturating_add(1)
}

/// The worksheet's lines wrapped to `width`, `limit` lines and one more at most (the
/// one more tells `draw_cut` that the rest is cut).
fn body_lines(
    app: &App,
    lines: &[(WorksheetPart, String)],
    width: usize,
    limit: usize,
) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut drawn: Vec<Line<'static>> = Vec::new();
    for (part, text) in lines.iter().skip(1) {
        if drawn.len() > limit {
            break;
        }
        let (style, indent) = match *part {
            WorksheetPart::Heading => (theme.heading, 0),
            WorksheetPart::Figure => (theme.base, 0),
            WorksheetPart::How => (theme.dim, 2),
            WorksheetPart::Missing => (theme.warn, 2),
        };
        for piece in wrap(text, width.saturating_sub(indent)) {
            drawn.push(Line::styled(
                format!("{}{piece}", " ".repeat(indent)),
                style,
            ));
        }
    }
    drawn
}

/// Draws the worksheet in its area, with a rule and its title.
pub fn render(app: &App, area: Rect, lines: &[(WorksheetPart, String)], buf: &mut Buffer) {
    let theme = &app.theme;
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(" Budget worksheet ", theme.heading));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    // Only what fits is wrapped.
    let drawn = body_lines(
        app,
        lines,
        usize::from(inner.width),
        usize::from(inner.height),
    );
    // Cut with a sign: the whole worksheet, every figure with what it is made of, is in
    // the report.
    draw_cut(
        drawn,
        inner,
        "… more figures: the whole worksheet is in the report (e on the summary)",
        theme.dim,
        buf,
    );
}

/// The summary's headline figures, wrapped to `width`; none without figures.
pub fn headline_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(line) = app.report().budget.as_ref().and_then(headline_line) else {
        return Vec::new();
    };
    wrapped(&format!("Budget: {line}."), width, app.theme.base)
}
