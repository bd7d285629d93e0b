//! The compare screen: the plans marked on the plans screen side by side, one column per
//! plan (the rows every compare format shows: verdict, score, blockers, section scores,
//! budget headline figures), the blockers by name, then the answers that differ grouped
//! by section. Cells are cut to their column by display width, ending in "…"; what does
//! not fit below is scrolled to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::report::compare::Comparison;
use crate::tui::app::{App, CompareState};
use crate::tui::widgets::lines::{MORE_BELOW, draw_cut, inset, wrapped};
use crate::tui::widgets::wrap::pad;

/// The widest the label column gets.
const LABEL_WIDTH: usize = 28;

/// The columns of a table `width` wide for `plans` plans: the label's, then each plan's.
fn columns(width: usize, plans: usize) -> (usize, usize) {
    let label = (width / 3).clamp(8, LABEL_WIDTH);
    let plans = plans.max(1);
    let cell = width.saturating_sub(label + plans) / plans;
    (label, cell.max(1))
}

/// One table line: the label, then a cell per plan, each cut to its column.
fn row(
    label: &str,
    cells: &[String],
    width: usize,
    label_style: Style,
    style: Style,
) -> Line<'static> {
    let (label_width, cell) = columns(width, cells.len());
    let mut spans = vec![Span::styled(pad(label, label_width), label_style)];
    for text in cells {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(pad(text, cell), style));
    }
    Line::from(spans)
}

/// The screen's lines, `width` columns wide.
pub fn lines(app: &App, comparison: &Comparison, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let names: Vec<String> = comparison.plans.iter().map(|p| p.name.clone()).collect();
    let mut lines = vec![
        Line::styled(format!("Plans compared ({})", names.len()), theme.heading),
        Line::raw(""),
        row("", &names, width, theme.heading, theme.heading),
    ];
    for line in comparison.side_by_side() {
        lines.push(row(&line.label, &line.cells, width, theme.dim, theme.base));
    }
    for plan in comparison.plans.iter().filter(|p| !p.blockers.is_empty()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("Blockers in {}", plan.name),
            theme.heading,
        ));
        for blocker in &plan.blockers {
            bullet(&mut lines, blocker, width, theme.base, theme.dim);
        }
    }
    lines.push(Line::raw(""));
    let count: usize = comparison
        .differences
        .iter()
        .map(|s| s.questions.len())
        .sum();
    lines.push(Line::styled(
        format!("Answers that differ ({count})"),
        theme.heading,
    ));
    if comparison.differences.is_empty() {
        lines.push(Line::styled(
            "The plans answer every question the same.",
            theme.dim,
        ));
    }
    for section in &comparison.differences {
        lines.push(Line::styled(section.title.clone(), theme.heading));
        for question in &section.questions {
            bullet(&mut lines, &question.question, width, theme.base, theme.dim);
            lines.push(row("", &question.answers, width, theme.dim, theme.base));
        }
    }
    lines
}

/// A wrapped line of text after a bullet.
fn bullet(lines: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style, dim: Style) {
    for (i, line) in wrapped(text, width.saturating_sub(2), style)
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { "• " } else { "  " };
        let mut spans = vec![Span::styled(lead, dim)];
        spans.extend(line.spans);
        lines.push(Line::from(spans));
    }
}

/// The furthest the screen scrolls in a body of this size.
pub fn max_scroll(app: &App, state: &CompareState, body: Rect) -> u16 {
    let area = inset(body, 1);
    let count = lines(app, &state.comparison, usize::from(area.width)).len();
    u16::try_from(count.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}

/// Draws the screen.
pub fn render(app: &App, state: &CompareState, body: Rect, buf: &mut Buffer) {
    let area = inset(body, 1);
    let all = lines(app, &state.comparison, usize::from(area.width));
    let first = state.scroll.min(max_scroll(app, state, body));
    draw_cut(
        all.into_iter().skip(usize::from(first)),
        area,
        MORE_BELOW,
        app.theme.dim,
        buf,
    );
}
