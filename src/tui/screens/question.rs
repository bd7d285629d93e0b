//! The question screen: the sections sidebar with each section's status, the question
//! with its numbered options or typed field, the note and flag, and the "why this
//! matters" panel, drawn into the areas `layout::question` works out (which clicks use
//! too).

use ratatui::buffer::Buffer;

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::answer::{AnswerState, Value};
use crate::questionnaire::{Question, QuestionType};
use unicode_width::UnicodeWidthStr;

use super::{review, sidebar};
use crate::tui::app::{App, QuestionState};
use crate::tui::layout::{QuestionLayout, Target};
use crate::tui::widgets::lines::draw_cut;
use crate::tui::widgets::wrap::{truncate, wrap};
use crate::wizard::reason;

/// The main panel's lines, each with what a click on it does.
pub fn main_lines(
    app: &App,
    state: &QuestionState,
    question: &Question,
    width: usize,
) -> Vec<(Line<'static>, Option<Target>)> {
    let theme = &app.theme;
    let mut lines: Vec<(Line<'static>, Option<Target>)> = Vec::new();
    let mut plain = |line: Line<'static>| lines.push((line, None));
    let mark = if app.new_questions.contains(question.id.as_str()) {
        // Marked in words, not only colour: the questionnaire gained this question.
        "✦ new question · "
    } else {
        ""
    };
    let where_line = where_line(app, state, width.saturating_sub(mark.width()));
    plain(Line::from(vec![
        Span::styled(mark, theme.ok),
        Span::styled(where_line, theme.dim),
    ]));
    if app.present {
        // The sidebar folded into one line: how far the whole plan is.
        plain(progress_line(app, width));
    }
    if let Some(reason) = follow_up_of(app, question) {
        // Two lines at most: enough to recognise the earlier question.
        let text = format!("↳ asked because of your answer to: {reason}");
        let mut parts = wrap(&text, width);
        if parts.len() > 2 {
            parts.truncate(2);
            parts[1] = truncate(&format!("{}…", parts[1]), width);
        }
        for part in parts {
            plain(Line::styled(part, theme.dim));
        }
    }
    plain(Line::raw(""));
    for text in wrap(&question.text, width) {
        plain(Line::styled(text, theme.heading));
    }
    plain(Line::raw(""));

    let answer = app.plan.answers.get(question.id.as_str());
    let state_now = answer.map_or(AnswerState::Unanswered, |a| a.state);
    if question.kind.is_choice() {
        option_lines(app, state, question, width, &mut lines);
    } else {
        field_lines(app, state, question, width, &mut lines);
    }
    lines.push((Line::raw(""), None));
    let choice = |key: &str, label: &str, on: bool| {
        let mark = if on { "(•)" } else { "( )" };
        let style = if on { theme.chosen } else { theme.dim };
        vec![
            Span::styled(format!(" {key} "), theme.key),
            Span::styled(format!("{mark} {label}"), style),
        ]
    };
    if question.allow_unsure {
        let on = state_now == AnswerState::Unsure;
        lines.push((
            Line::from(choice("u", "I don't know yet", on)),
            Some(Target::Unsure),
        ));
    }
    if question.allow_na {
        let on = state_now == AnswerState::NotApplicable;
        lines.push((
            Line::from(choice("x", "Not applicable", on)),
            Some(Target::NotApplicable),
        ));
    }
    if let Some(answer) = answer {
        if answer.discuss {
            lines.push((
                Line::styled(" ⚑ Flagged to discuss later", theme.warn),
                None,
            ));
        }
        if let Some(note) = &answer.note {
            // The note is read whole, wrapped under its mark.
            for (i, part) in wrap(note, width.saturating_sub(9)).into_iter().enumerate() {
                let lead = if i == 0 { " ✎ Note: " } else { "         " };
                lines.push((Line::styled(format!("{lead}{part}"), theme.base), None));
            }
        }
    }
    if let Some(line) = crate::wizard::positions::positions_line(&app.plan, question) {
        // The agreement in words after the positions, so no colour is needed to tell it.
        let word = super::team::agreement_word(app, question).unwrap_or("");
        let disputed = crate::wizard::positions::is_disputed(&app.plan, &question.id);
        let style = if disputed { theme.warn } else { theme.dim };
        for part in wrap(&format!("{line} · {word}"), width.saturating_sub(1)) {
            lines.push((Line::styled(format!(" {part}"), style), None));
        }
    }
    if let Some(notice) = &state.notice {
        // Indented like the flag and note lines above it.
        for text in wrap(&format!("ⓘ {notice}"), width.saturating_sub(1)) {
            lines.push((Line::styled(format!(" {text}"), theme.ok), None));
        }
    }
    lines
}

/// The presenter's progress: a bar of the answered share, and the counts in words.
fn progress_line(app: &App, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
    let words = format!(" {answered} of {total} answered");
    let room = width.saturating_sub(words.width() + 2).min(40);
    let filled = (answered * room).checked_div(total).unwrap_or(0);
    Line::from(vec![
        Span::styled("█".repeat(filled), theme.bar_fill),
        Span::styled("░".repeat(room - filled), theme.bar_empty),
        Span::styled(words, theme.base),
    ])
}

/// Where the question is: the section's title gives way before the numbers do.
fn where_line(app: &App, state: &QuestionState, width: usize) -> String {
    let title = app
        .section_at(state.spot.section)
        .map_or("", |s| s.title.as_str());
    let (in_section, section_total) = position_in_section(app, state);
    let sections = app.questionnaire().sections.len();
    let question = format!("question {in_section} of {section_total}");
    let section = format!("section {} of {sections}", state.spot.section + 1);
    let full = format!(" · {section} · {question}");
    let short = format!(" · {question}");
    let tail = if width >= full.width() + title.width().min(12) {
        full
    } else {
        short
    };
    let title = truncate(title, width.saturating_sub(tail.width()));
    truncate(&format!("{title}{tail}"), width)
}

fn option_lines(
    app: &App,
    state: &QuestionState,
    question: &Question,
    width: usize,
    lines: &mut Vec<(Line<'static>, Option<Target>)>,
) {
    let theme = &app.theme;
    let answer = app.plan.answers.get(question.id.as_str());
    let answered = answer.is_some_and(|a| a.state == AnswerState::Answered);
    for (index, option) in question.options.iter().enumerate() {
        if app.present && index > 0 {
            // Spaced for the room: a blank line between options.
            lines.push((Line::raw(""), None));
        }
        let chosen = answered
            && answer
                .and_then(|a| a.value.as_ref())
                .is_some_and(|v| match v {
                    Value::Text(t) => *t == option.value,
                    Value::List(l) => l.iter().any(|v| *v == option.value),
                    Value::Number(_) => false,
                });
        let mark = match (question.kind == QuestionType::Multi, chosen) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let number = if index < 9 {
            format!("{}", index + 1)
        } else {
            " ".to_string()
        };
        let highlighted = state.highlight == Some(index);
        let pointer = if highlighted { "▸" } else { " " };
        let prefix = format!("{pointer}{number} {mark} ");
        let label_width = width.saturating_sub(prefix.width());
        let style = match (highlighted, chosen) {
            (true, _) => theme.selected,
            (false, true) => theme.chosen,
            (false, false) => theme.base,
        };
        for (i, part) in wrap(&option.label, label_width).into_iter().enumerate() {
            let lead = if i == 0 {
                prefix.clone()
            } else {
                " ".repeat(prefix.width())
            };
            lines.push((
                Line::from(vec![Span::styled(lead, style), Span::styled(part, style)]),
                Some(Target::Option(index)),
            ));
        }
    }
}

fn field_lines(
    app: &App,
    state: &QuestionState,
    question: &Question,
    width: usize,
    lines: &mut Vec<(Line<'static>, Option<Target>)>,
) {
    let theme = &app.theme;
    let Some(field) = &state.field else {
        return;
    };
    let unit = question.unit.as_deref().unwrap_or(match question.kind {
        QuestionType::Percent => "%",
        _ => "",
    });
    let hint = match question.kind {
        QuestionType::Date => "a date as YYYY-MM-DD",
        QuestionType::Money => "an amount",
        QuestionType::Percent => "a percentage",
        QuestionType::Number => "a number",
        QuestionType::LongText => "as much as you like; Enter starts a new line, Tab saves",
        _ => "your answer",
    };
    let label = if state.typing {
        format!("Type {hint}:")
    } else {
        "Your answer (e or click to change):".to_string()
    };
    // The long-text hint is wider than a narrow panel: wrap it rather than cut it off.
    for text in wrap(&label, width.saturating_sub(1)) {
        lines.push((
            Line::styled(format!(" {text}"), theme.dim),
            Some(Target::Field),
        ));
    }
    let box_width = width.saturating_sub(4 + unit.width()).max(1);
    let drawn = field.rows(box_width, theme.input, theme.cursor, state.typing);
    for (i, (row, starts)) in drawn.rows.into_iter().zip(drawn.starts).enumerate() {
        // "›" marks where a typed line starts; a wrapped line's rest sits under it, so a
        // long line is not mistaken for several.
        let lead = if starts { " › " } else { "   " };
        let mut spans = vec![Span::styled(lead, theme.key)];
        spans.extend(row.spans);
        if i == 0 && !unit.is_empty() {
            spans.push(Span::styled(format!(" {unit}"), theme.dim));
        }
        lines.push((Line::from(spans), Some(Target::Field)));
    }
    if let Some(error) = &state.field_error {
        // A refused entry never looks saved: the saved answer is named beside it.
        let answer = app.plan.answers.get(question.id.as_str());
        let error = error.to_string();
        let mut chars = error.chars();
        let error: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        let saved = match answer.and_then(|a| a.given_value()) {
            Some(_) => {
                let currency = crate::money::plan_currency(&app.plan);
                let shown = review::answer_text(question, answer, &currency);
                format!("✗ Not saved: {error} The saved answer is still {shown}.")
            }
            None => format!("✗ Not saved: {error}"),
        };
        for text in wrap(&saved, width.saturating_sub(1)) {
            lines.push((
                Line::styled(format!(" {text}"), theme.error),
                Some(Target::Field),
            ));
        }
    }
}

/// The "why this matters" and help text, wrapped to `width`.
pub fn why_lines(app: &App, question: &Question, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    if !question.why.is_empty() {
        lines.extend(
            wrap(&question.why, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.base)),
        );
    }
    if !question.source.is_empty() {
        let source = format!("Source: {}", question.source);
        lines.extend(
            wrap(&source, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.dim)),
        );
    }
    if !question.help.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.extend(
            wrap(&question.help, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.dim)),
        );
    }
    lines
}

/// This question's number within its section, and how many the section shows.
fn position_in_section(app: &App, state: &QuestionState) -> (usize, usize) {
    let in_section: Vec<_> = app
        .flow
        .shown()
        .iter()
        .filter(|s| s.section == state.spot.section)
        .collect();
    let at = in_section.iter().filter(|s| ***s <= state.spot).count();
    (at.max(1), in_section.len())
}

/// The question whose answer brought this one in: the part of its `show_if` that
/// holds now, so an answer that did not switch it on is never named.
fn follow_up_of(app: &App, question: &Question) -> Option<String> {
    let condition = question.show_if.as_ref()?;
    let id = reason::asked_because(condition, app.questionnaire(), &app.plan.answers, &app.flow)?;
    let source = app.questionnaire().question(id)?;
    Some(source.text.to_string())
}

/// Draws the question screen into its layout.
pub fn render(app: &App, layout: &QuestionLayout, buf: &mut Buffer) {
    let theme = &app.theme;
    sidebar::render(app, layout, buf);
    let above_why = layout.above_why();
    let lines = layout.lines.iter().map(|(line, _)| line.clone());
    draw_cut(
        lines,
        above_why,
        " … more below: make the window taller",
        theme.dim,
        buf,
    );
    if let Some((area, lines)) = &layout.why {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border)
            .title(Span::styled(
                " Why this matters (w hides, m reads it whole) ",
                theme.dim,
            ));
        let inner = block.inner(*area);
        block.render(*area, buf);
        draw_cut(
            lines.iter().cloned(),
            inner,
            "… m reads it whole",
            theme.key,
            buf,
        );
    }
    if let Some((area, lines)) = &layout.worksheet {
        crate::tui::widgets::worksheet::render(app, *area, lines, buf);
    }
}
