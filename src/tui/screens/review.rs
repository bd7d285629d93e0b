//! The review screen: every answer at a glance, by section, with unanswered, unsure and
//! "discuss later" ones marked and notes shown; Enter opens a question to change it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::answer::{Answer, AnswerState};
use crate::questionnaire::Question;
use crate::report::text;
use crate::tui::app::{App, ReviewFilter, ReviewState};
use crate::tui::widgets::lines::draw_lines;
use crate::tui::widgets::wrap::truncate;
use crate::wizard::Spot;

/// The questions the review lists under a filter, in order.
pub fn rows(app: &App, filter: ReviewFilter) -> Vec<Spot> {
    app.flow
        .shown()
        .iter()
        .copied()
        .filter(|spot| {
            let answer = app
                .question_at(*spot)
                .and_then(|q| app.plan.answers.get(&q.id));
            let state = answer.map_or(AnswerState::Unanswered, |a| a.state);
            match filter {
                ReviewFilter::All => true,
                ReviewFilter::Open => {
                    matches!(state, AnswerState::Unanswered | AnswerState::Unsure)
                }
                ReviewFilter::Discuss => answer.is_some_and(|a| a.discuss || a.note.is_some()),
            }
        })
        .collect()
}

/// An answer in a few words.
pub fn answer_text(question: &Question, answer: Option<&Answer>) -> String {
    match answer.map_or(AnswerState::Unanswered, |a| a.state) {
        AnswerState::Unanswered => "—".to_string(),
        // One line, in the words the reports use.
        state => text::answer_text(question, answer, state, false).replace('\n', " "),
    }
}

/// One line of the list: a section heading, or a question (with its row index).
enum Entry {
    Heading(usize),
    Question(usize, Spot),
    Note(String),
}

fn entries(app: &App, rows: &[Spot]) -> Vec<Entry> {
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
            .and_then(|a| a.note.clone());
        if let Some(note) = note {
            entries.push(Entry::Note(note.replace('\n', " ")));
        }
    }
    entries
}

/// The first entry to draw so the selected row stays in view.
fn scroll_for(entries: &[Entry], selected: usize, height: usize) -> usize {
    let at = entries
        .iter()
        .position(|e| matches!(e, Entry::Question(i, _) if *i == selected))
        .unwrap_or(0);
    // Keep the heading above the first rows in view too.
    (at + 2).saturating_sub(height)
}

/// Draws the review screen.
pub fn render(app: &App, state: &ReviewState, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let rows = rows(app, state.filter);
    let width = usize::from(body.width.saturating_sub(2));
    let title = format!(
        "Review: {} ({} {}) · Tab shows {}",
        state.filter.label(),
        rows.len(),
        if rows.len() == 1 {
            "question"
        } else {
            "questions"
        },
        state.filter.next().label()
    );
    Line::styled(truncate(&format!(" {title}"), width + 1), theme.heading)
        .render(Rect { height: 1, ..body }, buf);
    let kept = kept_lines(app, width);
    let list = Rect {
        y: body.y + 2,
        height: list_height(body, &kept),
        x: body.x + 1,
        width: body.width.saturating_sub(2),
    };
    for (i, line) in kept.into_iter().enumerate() {
        let y = list.y + list.height + u16::try_from(i).unwrap_or(u16::MAX);
        if y < body.y + body.height {
            line.render(Rect::new(list.x, y, list.width, 1), buf);
        }
    }
    if rows.is_empty() {
        let empty = match state.filter {
            ReviewFilter::All => "No questions to show.",
            ReviewFilter::Open => "Every question has an answer.",
            ReviewFilter::Discuss => {
                "Nothing flagged to discuss and no notes yet (f flags, n adds a note)."
            }
        };
        Line::styled(empty, theme.dim).render(Rect { height: 1, ..list }, buf);
        return;
    }
    let entries = entries(app, &rows);
    let first = scroll_for(&entries, state.selected, usize::from(list.height));
    let shown = entries.iter().skip(first);
    draw_lines(
        shown.map(|e| line_for(app, e, state.selected, width)),
        list,
        buf,
    );
}

fn line_for(app: &App, entry: &Entry, selected: usize, width: usize) -> Line<'static> {
    let theme = &app.theme;
    match entry {
        Entry::Heading(section) => {
            let title = app.section_at(*section).map_or("", |s| s.title.as_str());
            Line::styled(truncate(title, width), theme.heading)
        }
        Entry::Note(note) => Line::styled(truncate(&format!("      ✎ {note}"), width), theme.dim),
        Entry::Question(index, spot) => {
            let Some(question) = app.question_at(*spot) else {
                return Line::raw("");
            };
            let answer = app.plan.answers.get(&question.id);
            let state = answer.map_or(AnswerState::Unanswered, |a| a.state);
            let mark = match state {
                AnswerState::Answered => "✓",
                AnswerState::Unsure => "?",
                AnswerState::NotApplicable => "–",
                AnswerState::Unanswered => "·",
            };
            let flag = if answer.is_some_and(|a| a.discuss) {
                "⚑"
            } else {
                " "
            };
            let given = answer_text(question, answer);
            let given_room = (width / 3).max(12);
            let given = truncate(&given, given_room);
            let text_room = width.saturating_sub(6 + given.chars().count() + 2);
            let text = truncate(&question.text, text_room);
            let gap = width.saturating_sub(6 + text.chars().count() + given.chars().count());
            let is_selected = *index == selected;
            let style = if is_selected {
                theme.selected
            } else {
                theme.base
            };
            let given_style = match (is_selected, state) {
                (true, _) => theme.selected,
                (false, AnswerState::Unanswered | AnswerState::Unsure) => theme.warn,
                _ => theme.chosen,
            };
            let pointer = if is_selected { "▸" } else { " " };
            Line::from(vec![
                Span::styled(format!("{pointer} {mark}{flag} "), style),
                Span::styled(format!("{text}{} ", " ".repeat(gap)), style),
                Span::styled(given, given_style),
            ])
        }
    }
}

/// The row index under a click, if the click is on a question.
pub fn hit(app: &App, frame: Rect, _column: u16, row: u16) -> Option<usize> {
    let body = crate::tui::view::frame_areas(frame).body;
    let crate::tui::app::Screen::Review(state) = &app.screen else {
        return None;
    };
    let rows = rows(app, state.filter);
    let entries = entries(app, &rows);
    let list_y = body.y + 2;
    let kept = kept_lines(app, usize::from(body.width.saturating_sub(2)));
    let height = usize::from(list_height(body, &kept));
    let first = scroll_for(&entries, state.selected, height);
    let offset = usize::from(row.checked_sub(list_y)?);
    match entries.get(first + offset)? {
        Entry::Question(index, _) => Some(*index),
        _ => None,
    }
}

/// The list's height: the body under the title, less the lines about kept answers.
fn list_height(body: Rect, kept: &[Line<'static>]) -> u16 {
    let kept = u16::try_from(kept.len()).unwrap_or(u16::MAX);
    body.height.saturating_sub(2).saturating_sub(kept)
}

/// Answers kept for questions the questionnaire no longer has: listed under the review
/// (a line apart), so nothing the user gave goes out of sight. None when there are none.
fn kept_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let kept = crate::plan::change::unknown_answers(&app.plan.answers, app.questionnaire());
    if kept.is_empty() {
        return Vec::new();
    }
    let items: Vec<String> = kept
        .iter()
        .filter_map(|id| app.plan.answers.get(id).map(|a| (id, a)))
        .map(|(id, answer)| {
            // A note or a flag alone says so; an answer, as the reports word it.
            let said = match answer.state {
                AnswerState::Unanswered if answer.note.is_some() => "a note".to_string(),
                AnswerState::Unanswered => "flagged to discuss".to_string(),
                _ => text::stored_answer_text(answer).replace('\n', " "),
            };
            format!("{id}: {said}")
        })
        .collect();
    vec![
        Line::raw(""),
        Line::styled(
            truncate(
                &format!(
                    "Kept from questions no longer asked ({}): {}",
                    items.len(),
                    items.join(" · ")
                ),
                width,
            ),
            app.theme.dim,
        ),
    ]
}
