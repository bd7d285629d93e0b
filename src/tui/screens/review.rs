//! The review screen: every answer at a glance, by section, with unanswered, unsure and
//! "discuss later" ones marked and notes shown; Enter opens a question to change it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::answer::{Answer, AnswerState};
use crate::money::{Currency, plan_currency};
use crate::questionnaire::Question;
use crate::report::text;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, ReviewFilter, ReviewState};
use crate::tui::layout::{Entry, ReviewLayout};
use crate::tui::widgets::lines::{MORE_BELOW, draw_cut, draw_lines, draw_more};
use crate::tui::widgets::wrap::truncate;

/// An answer in a few words, amounts in the plan's currency.
pub fn answer_text(question: &Question, answer: Option<&Answer>, currency: &Currency) -> String {
    match answer.map_or(AnswerState::Unanswered, |a| a.state) {
        AnswerState::Unanswered => "—".to_string(),
        // One line, in the words the reports use.
        state => text::answer_text_in(question, answer, state, false, currency).replace('\n', " "),
    }
}

/// The mark of a disputed question, in the review and the sidebar.
pub const DISPUTED: &str = "≠";

/// How far a note's lines are indented under their question.
pub const NOTE_INDENT: usize = 6;

/// Draws the review screen into its layout.
pub fn render(app: &App, state: &ReviewState, layout: &ReviewLayout, buf: &mut Buffer) {
    let theme = &app.theme;
    let rows = &layout.rows;
    let width = usize::from(layout.list.width);
    let title = format!(
        "Review: {} ({} {}) · Tab shows {}",
        state.filter.label(),
        rows.len(),
        if rows.len() == 1 {
            "question"
        } else {
            "questions"
        },
        state.filter.next(!app.plan.participants.is_empty()).label()
    );
    Line::styled(truncate(&format!(" {title}"), width + 1), theme.heading)
        .render(layout.title, buf);
    draw_lines(kept_lines(app, width), layout.kept, buf);
    if rows.is_empty() {
        let empty = match state.filter {
            ReviewFilter::All => "No questions to show.",
            ReviewFilter::Open => "Every question has an answer.",
            ReviewFilter::Disputed => "No question is disputed: the team's positions agree.",
            ReviewFilter::Discuss => {
                "Nothing flagged to discuss and no notes yet (f flags, n adds a note)."
            }
        };
        Line::styled(empty, theme.dim).render(
            Rect {
                height: 1,
                ..layout.list
            },
            buf,
        );
        return;
    }
    draw_more(layout.above, None, theme.dim, buf);
    let shown = layout.entries.iter().skip(layout.first);
    draw_cut(
        shown.map(|e| line_for(app, e, state.selected, width)),
        layout.list,
        MORE_BELOW,
        theme.dim,
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
        Entry::Note(note) => {
            let lead = " ".repeat(NOTE_INDENT);
            Line::styled(truncate(&format!("{lead}{note}"), width), theme.dim)
        }
        Entry::Question(index, spot) => {
            let Some(question) = app.question_at(*spot) else {
                return Line::raw("");
            };
            let answer = app.plan.answers.get(question.id.as_str());
            let state = answer.map_or(AnswerState::Unanswered, |a| a.state);
            let mark = match state {
                AnswerState::Answered => "✓",
                AnswerState::Unsure => "?",
                AnswerState::NotApplicable => "–",
                AnswerState::Unanswered => "·",
            };
            // A dispute outranks the flag in its column: it is what to settle first.
            let flag = if crate::wizard::positions::is_disputed(&app.plan, &question.id) {
                DISPUTED
            } else if answer.is_some_and(|a| a.discuss) {
                "⚑"
            } else {
                " "
            };
            let given = answer_text(question, answer, &plan_currency(&app.plan));
            let given_room = (width / 3).max(12);
            let given = truncate(&given, given_room);
            let text_room = width.saturating_sub(6 + given.width() + 2);
            let text = truncate(&question.text, text_room);
            let gap = width.saturating_sub(6 + text.width() + given.width());
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

/// Answers kept for questions the questionnaire no longer has: listed under the review
/// (a line apart), so nothing the user gave goes out of sight. None when there are none.
pub fn kept_lines(app: &App, width: usize) -> Vec<Line<'static>> {
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
