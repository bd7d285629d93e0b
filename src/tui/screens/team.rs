//! The team's boxes over the question screen: each participant's position on the
//! question with the highlighted one marked, the question's agreement in words; and the
//! team, with a field to add or remove participants.

use ratatui::text::{Line, Span};

use crate::plan::{Agreement, Stance};
use crate::questionnaire::Question;
use crate::tui::app::App;
use crate::tui::widgets::text_input::TextInput;
use crate::tui::widgets::wrap::{truncate, wrap};
use crate::wizard::positions;

/// Where the question stands, in words (never told by colour alone).
pub fn agreement_word(app: &App, question: &Question) -> Option<&'static str> {
    match positions::agreement(&app.plan, &question.id) {
        Agreement::Disputed => Some("Disputed"),
        Agreement::Agreed => Some("Agreed"),
        Agreement::Open if app.plan.positions.contains_key(&question.id) => Some("No dispute"),
        Agreement::Open => None,
    }
}

/// The positions box: its title and lines, `width` columns of text.
pub fn positions_box(app: &App, selected: usize, width: usize) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let title = "Team's positions (Esc closes)".to_string();
    let Some((_, question)) = app.current() else {
        return (title, Vec::new());
    };
    let mut lines: Vec<Line<'static>> = wrap(&question.text, width)
        .into_iter()
        .take(2)
        .map(|t| Line::styled(t, theme.heading))
        .collect();
    lines.push(Line::raw(""));
    let held = app.plan.positions.get(&question.id);
    let name_width = app
        .plan
        .participants
        .iter()
        .map(|p| p.describe().chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    for (index, participant) in app.plan.participants.iter().enumerate() {
        let stand = held.and_then(|p| p.by.get(&participant.name));
        let text = stand.map_or("no position yet".to_string(), |s| {
            positions::stand_text(question, s)
        });
        let here = index == selected;
        let pointer = if here { "▸" } else { " " };
        let who = truncate(&participant.describe(), name_width);
        let pad = " ".repeat(name_width.saturating_sub(who.chars().count()));
        let row = truncate(&format!("{pointer} {who}{pad}  {text}"), width);
        let style = if here {
            theme.selected
        } else if stand.is_some_and(|s| s.stance != Stance::Abstain) {
            theme.base
        } else {
            theme.dim
        };
        lines.push(Line::styled(row, style));
    }
    lines.push(Line::raw(""));
    let answer = app.plan.answers.get(&question.id);
    let agreed = crate::report::text::answer_text(
        question,
        answer,
        answer.map_or(crate::answer::AnswerState::Unanswered, |a| a.state),
        false,
    );
    let state = agreement_word(app, question).unwrap_or("No positions yet");
    lines.push(Line::from(vec![
        Span::styled(format!("{state} · "), theme.warn),
        Span::styled(format!("the plan's answer: {agreed}"), theme.base),
    ]));
    (title, lines)
}

/// The team box: who is in it, the field, and why the last entry was refused.
pub fn team_box(
    app: &App,
    input: &TextInput,
    error: Option<&str>,
    width: usize,
) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let team: Vec<String> = app.plan.participants.iter().map(|p| p.describe()).collect();
    let said = if team.is_empty() {
        "Team: nobody yet.".to_string()
    } else {
        format!("Team: {}.", team.join(", "))
    };
    let mut lines: Vec<Line<'static>> = wrap(&said, width)
        .into_iter()
        .map(|t| Line::styled(t, theme.base))
        .collect();
    lines.push(Line::styled(
        truncate("Add: Ann (owner), Ben (office) · remove: -Ann", width),
        theme.dim,
    ));
    lines.push(Line::raw(""));
    lines.extend(input.rows(width, theme.input, theme.cursor, true).rows);
    if let Some(error) = error {
        lines.extend(
            wrap(&format!("✗ {error}"), width)
                .into_iter()
                .map(|t| Line::styled(t, theme.error)),
        );
    }
    ("Team (Enter adds, Esc closes)".to_string(), lines)
}
