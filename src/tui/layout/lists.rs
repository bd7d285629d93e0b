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
    let list = Rect {
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
    let first = (at + 2 + notes).saturating_sub(usize::from(list.height).max(1));
    Some(ReviewLayout {
        title: Rect { height: 1, ..body },
        kept: Rect {
            y: list.y + list.height,
            height: kept,
            ..list
        },
        list,
        rows,
        entries,
        first: first.min(at.saturating_sub(1)),
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
            .and_then(|q| app.plan.answers.get(&q.id))
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
}

/// The first row to draw so the selected one stays in view.
pub fn first_row(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
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
    let rows = Rect {
        y: area.y + 2,
        height,
        ..area
    };
    Some(ListLayout {
        rows,
        first: first_row(selected, usize::from(height)),
        count,
    })
}

/// How far the summary scrolls at most.
pub fn summary_max_scroll(app: &App) -> u16 {
    let area = inset(body(app), 1);
    let lines = summary::lines(app, usize::from(area.width)).len();
    u16::try_from(lines.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}
