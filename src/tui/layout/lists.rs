//! Where the list screens' rows go: the review (headings, questions and their notes),
//! the gaps, the action plan and the plans, each scrolled so the selected row shows.

use ratatui::layout::Rect;

use super::body;
use crate::tui::app::{App, Screen};
use crate::tui::screens::{gaps, review, summary};
use crate::tui::widgets::lines::inset;
use crate::tui::widgets::wrap::wrap;
use crate::wizard::Spot;

/// One row of the review: a section heading, a question (with its row index), or a
/// line of a question's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Heading(usize),
    Question(usize, Spot),
    Note(String),
}

/// Where everything on the review goes.
pub struct ReviewLayout {
    pub title: Rect,
    /// The row that says more of the list is above, when some is.
    pub above: Option<Rect>,
    pub list: Rect,
    /// Below the list: answers kept for questions no longer asked.
    pub kept: Rect,
    pub rows: Vec<Spot>,
    pub entries: Vec<Entry>,
    /// The first entry drawn, so the selected row stays in view.
    pub first: usize,
}

/// Lays the review out in `body`.
pub fn review(app: &App, body: Rect) -> Option<ReviewLayout> {
    let Screen::Review(state) = &app.screen else {
        return None;
    };
    let rows = app.review_rows(state.filter);
    let width = usize::from(body.width.saturating_sub(2));
    let kept = u16::try_from(review::kept_lines(app, width).len()).unwrap_or(0);
    let mut list = Rect {
        y: body.y + 2,
        height: body.height.saturating_sub(2).saturating_sub(kept),
        ..inset(body, 1)
    };
    let entries = review_entries(app, &rows, width);
    let at = entries
        .iter()
        .position(|e| matches!(e, Entry::Question(i, _) if *i == state.selected))
        .unwrap_or(0);
    // The heading above the first rows stays in view too; a note under the selected
    // row shows with it.
    let notes = entries
        .iter()
        .skip(at + 1)
        .take_while(|e| matches!(e, Entry::Note(_)))
        .count();
    let first_for = |height: u16| {
        (at + 2 + notes)
            .saturating_sub(usize::from(height).max(1))
            .min(at.saturating_sub(1))
    };
    let mut first = first_for(list.height);
    let mut above = None;
    if first > 0 && list.height > 2 {
        // Entries hidden above: the list's top row says so.
        above = Some(Rect { height: 1, ..list });
        list.y += 1;
        list.height -= 1;
        first = first_for(list.height);
    }
    Some(ReviewLayout {
        above,
        title: Rect { height: 1, ..body },
        kept: Rect {
            y: list.y + list.height,
            height: kept,
            ..list
        },
        list,
        rows,
        entries,
        first,
    })
}

fn review_entries(app: &App, rows: &[Spot], width: usize) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut section = None;
    for (index, spot) in rows.iter().enumerate() {
        if section != Some(spot.section) {
            section = Some(spot.section);
            entries.push(Entry::Heading(spot.section));
        }
        entries.push(Entry::Question(index, *spot));
        let note = app
            .question_at(*spot)
            .and_then(|q| app.plan.answers.get(q.id.as_str()))
            .and_then(|a| a.note.as_deref());
        // A note is read whole, wrapped under its question.
        if let Some(note) = note {
            let indent = review::NOTE_INDENT;
            for (i, part) in wrap(note, width.saturating_sub(indent + 2))
                .into_iter()
                .enumerate()
            {
                let mark = if i == 0 { "✎ " } else { "  " };
                entries.push(Entry::Note(format!("{mark}{part}")));
            }
        }
    }
    entries
}

/// The rows of a list screen (gaps, action plan, plans) and the first one drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListLayout {
    pub rows: Rect,
    pub first: usize,
    /// How many rows the list has in all.
    pub count: usize,
    /// The row that says more of the list is above, when some is.
    pub above: Option<Rect>,
    /// The row that says more of the list is below, when some is.
    pub below: Option<Rect>,
}

/// The first row to draw so the selected one stays in view.
pub fn first_row(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

/// Which of `count` rows show in `area` so the selected one does: the first shown and
/// where they go, with a row kept above them when some are hidden above, and one below
/// when some are hidden below (each says so).
fn window(selected: usize, count: usize, area: Rect) -> (usize, Rect, Option<Rect>, Option<Rect>) {
    let height = usize::from(area.height);
    let row = |y: u16| {
        Some(Rect {
            y,
            height: 1,
            ..area
        })
    };
    if count <= height || height < 3 {
        return (first_row(selected, height), area, None, None);
    }
    let rows = |top: u16, shown: usize| Rect {
        y: area.y + top,
        height: u16::try_from(shown).unwrap_or(0),
        ..area
    };
    // Hidden below only: the last row says so.
    let first = first_row(selected, height - 1);
    if first == 0 {
        return (0, rows(0, height - 1), None, row(area.y + area.height - 1));
    }
    // Hidden above only: the list's end shows, under the row that says so.
    let last_first = count - (height - 1);
    let first = first_row(selected, height - 2);
    if first >= last_first {
        return (last_first, rows(1, height - 1), row(area.y), None);
    }
    (
        first,
        rows(1, height - 2),
        row(area.y),
        row(area.y + area.height - 1),
    )
}

/// Lays a list screen's rows out in `body`.
pub fn list(app: &App, body: Rect) -> Option<ListLayout> {
    let area = inset(body, 1);
    let (selected, height, count) = match &app.screen {
        Screen::Gaps(state) => {
            let count = app.report().gaps.len();
            let selected = state.selected.min(count.checked_sub(1)?);
            let detail =
                gaps::detail_lines(app, &app.report().gaps[selected], usize::from(area.width));
            let detail = gaps::detail_height(area, detail.len());
            (selected, area.height.saturating_sub(2 + detail), count)
        }
        Screen::Actions(state) => {
            let count = app.plan.actions.len();
            (
                state.selected.min(count.checked_sub(1)?),
                area.height.saturating_sub(5),
                count,
            )
        }
        Screen::Plans(state) => (
            state.selected,
            // The conflicting copies are told of under the list, above its legend.
            area.height
                .saturating_sub(3)
                .saturating_sub(u16::try_from(state.conflicts.len()).unwrap_or(u16::MAX)),
            state.rows.len(),
        ),
        _ => return None,
    };
    let (first, rows, above, below) = window(
        selected,
        count,
        Rect {
            y: area.y + 2,
            height,
            ..area
        },
    );
    Some(ListLayout {
        rows,
        first,
        count,
        above,
        below,
    })
}

/// How far the summary scrolls at most.
pub fn summary_max_scroll(app: &App) -> u16 {
    let area = inset(body(app), 1);
    let lines = summary::lines(app, usize::from(area.width)).len();
    u16::try_from(lines.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scrolled_list_shows_the_selected_row_and_says_what_it_hides() {
        for height in 3..9_u16 {
            let area = Rect::new(2, 5, 40, height);
            for count in 0..20 {
                for selected in 0..count.max(1) {
                    let (first, rows, above, below) = window(selected, count, area);
                    let shown = usize::from(rows.height);
                    let at = format!("{count} rows, height {height}, selected {selected}");
                    assert!(
                        count == 0 || (first..first + shown).contains(&selected),
                        "{at}"
                    );
                    assert_eq!(above.is_some(), first > 0, "{at}");
                    assert_eq!(below.is_some(), first + shown < count, "{at}");
                    // The signs and the rows share the area, one row each.
                    let used = shown + usize::from(above.is_some()) + usize::from(below.is_some());
                    assert!(used <= usize::from(height), "{at}");
                    if let Some(above) = above {
                        assert_eq!((above.y, rows.y), (area.y, area.y + 1), "{at}");
                    }
                    if let Some(below) = below {
                        assert_eq!(below.y, rows.y + rows.height, "{at}");
                    }
                    if count <= usize::from(height) {
                        assert_eq!((first, shown), (0, usize::from(height)), "{at}");
                    }
                }
            }
        }
    }
}
