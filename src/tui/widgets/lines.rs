//! Drawing lines of text top-down into an area, clipped at its bottom edge, and the
//! margins the screens share.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::wrap::{truncate, wrap};

/// Draws each line on its own row from the top of `area`; what does not fit is left out.
pub fn draw_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, area: Rect, buf: &mut Buffer) {
    let rows = area.y..area.y.saturating_add(area.height);
    for (line, y) in lines.into_iter().zip(rows) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Draws the lines like `draw_lines`; when they do not all fit, the last row says so
/// with `more` (a line starting with "…") rather than cutting the text without a sign.
pub fn draw_cut<'a>(
    lines: impl IntoIterator<Item = Line<'a>>,
    area: Rect,
    more: &str,
    style: Style,
    buf: &mut Buffer,
) {
    let lines: Vec<Line<'a>> = lines.into_iter().collect();
    let height = usize::from(area.height);
    if lines.len() <= height || height == 0 {
        draw_lines(lines, area, buf);
        return;
    }
    draw_lines(lines.into_iter().take(height - 1), area, buf);
    let last = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    Line::styled(truncate(more, usize::from(area.width)), style).render(last, buf);
}

/// What the row over a scrolled list says when some of it is hidden above.
pub const MORE_ABOVE: &str = "… more above (↑ or PgUp)";
/// What the row under a scrolled list says when some of it is hidden below.
pub const MORE_BELOW: &str = "… more below (↓ or PgDn)";

/// Says, on the rows a scrolled list keeps for it, that more of it is above or below.
pub fn draw_more(above: Option<Rect>, below: Option<Rect>, style: Style, buf: &mut Buffer) {
    for (row, text) in [(above, MORE_ABOVE), (below, MORE_BELOW)] {
        if let Some(row) = row {
            Line::styled(truncate(text, usize::from(row.width)), style).render(row, buf);
        }
    }
}

/// The area less `columns` on the left and on the right.
pub fn inset(area: Rect, columns: u16) -> Rect {
    Rect {
        x: area.x.saturating_add(columns),
        width: area.width.saturating_sub(columns.saturating_mul(2)),
        ..area
    }
}

/// The area from `rows` below its top.
pub fn below(area: Rect, rows: u16) -> Rect {
    Rect {
        y: area.y.saturating_add(rows),
        height: area.height.saturating_sub(rows),
        ..area
    }
}

/// The area cut in two: its first `rows` rows (fewer when it is shorter), and the rest.
/// Plain arithmetic, as a ratatui layout of a length and a fill would give, without the
/// layout's solver (most of a first frame's layout time).
pub fn split_top(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    (
        Rect {
            height: rows,
            ..area
        },
        below(area, rows),
    )
}

/// The area cut in two: the rest, and its last `rows` rows (fewer when it is shorter).
pub fn split_bottom(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    let rest = Rect {
        height: area.height - rows,
        ..area
    };
    (rest, below(area, area.height - rows))
}

/// The area cut in two: its first `columns` columns (fewer when it is narrower), and
/// the rest.
pub fn split_left(area: Rect, columns: u16) -> (Rect, Rect) {
    let columns = columns.min(area.width);
    let left = Rect {
        width: columns,
        ..area
    };
    let rest = Rect {
        x: area.x + columns,
        width: area.width - columns,
        ..area
    };
    (left, rest)
}

/// Text wrapped to `width` as lines in one style.
pub fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|t| Line::styled(t, style))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_give_what_a_ratatui_layout_gives_and_never_leave_the_area() {
        use ratatui::layout::{Constraint, Layout};
        for area in [
            Rect::new(0, 0, 80, 24),
            Rect::new(3, 2, 7, 5),
            Rect::new(0, 0, 1, 1),
        ] {
            for n in [0, 1, 3, 30] {
                let [top, rest] =
                    Layout::vertical([Constraint::Length(n), Constraint::Min(0)]).areas(area);
                assert_eq!(split_top(area, n), (top, rest), "{area} {n}");
                let [rest, bottom] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(n)]).areas(area);
                assert_eq!(split_bottom(area, n), (rest, bottom), "{area} {n}");
                let [left, rest] =
                    Layout::horizontal([Constraint::Length(n), Constraint::Min(0)]).areas(area);
                assert_eq!(split_left(area, n), (left, rest), "{area} {n}");
            }
        }
    }

    #[test]
    fn lines_past_the_bottom_are_left_out() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 3));
        let lines = ["a", "b", "c", "d"].map(Line::raw);
        draw_lines(lines, Rect::new(1, 1, 3, 2), &mut buf);
        assert_eq!(buf[(1, 1)].symbol(), "a");
        assert_eq!(buf[(1, 2)].symbol(), "b");
        assert_eq!(buf[(0, 0)].symbol(), " ");
    }

    #[test]
    fn cut_text_ends_with_a_sign() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
        let lines = ["a", "b", "c", "d"].map(Line::raw);
        draw_cut(
            lines,
            Rect::new(0, 0, 8, 3),
            "… more",
            Style::new(),
            &mut buf,
        );
        let rows: Vec<String> = (0..3)
            .map(|y| (0..8).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        assert_eq!(rows, ["a       ", "b       ", "… more  "]);
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
        draw_cut(
            ["a", "b"].map(Line::raw),
            Rect::new(0, 0, 8, 3),
            "… more",
            Style::new(),
            &mut buf,
        );
        assert_eq!(buf[(0, 2)].symbol(), " ");
    }

    #[test]
    fn insets_never_underflow() {
        assert_eq!(inset(Rect::new(0, 0, 1, 1), 2).width, 0);
        assert_eq!(below(Rect::new(0, 0, 4, 1), 3).height, 0);
    }
}
