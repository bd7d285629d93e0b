//! The team's boxes over the question screen: each participant's position on the
//! question with the highlighted one marked (on a typed question, the position being
//! typed in their row), the question's agreement in words; and the team, with a field
//! to add or remove participants.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::answer::AnswerState;
use crate::money::plan_currency;
use crate::plan::{Agreement, Stance};
use crate::questionnaire::Question;
use crate::report::text::answer_text_in;
use crate::tui::app::{App, PositionEntry};
use crate::tui::widgets::text_input::TextInput;
use crate::tui::widgets::wrap::{truncate, wrap};
use crate::wizard::positions;

/// Where the question stands, in words (never told by colour alone).
pub fn agreement_word(app: &App, question: &Question) -> Option<&'static str> {
    match positions::agreement(&app.plan, &question.id) {
        Agreement::Disputed => Some("Disputed"),
        Agreement::Agreed => Some("Agreed"),
        Agreement::Open if app.plan.positions.contains_key(question.id.as_str()) => {
            Some("No dispute")
        }
        Agreement::Open => None,
    }
}

/// The positions box: its title and lines, `width` columns of text, every line cut
/// with "…" where it does not fit. On a typed question the position being typed shows
/// in the highlighted participant's row, with its cursor, and the question's own
/// sentence under it when it did not read.
pub fn positions_box(
    app: &App,
    selected: usize,
    entry: Option<&PositionEntry>,
    width: usize,
) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let title = match entry {
        Some(_) => "Team's positions (Enter records, Esc cancels)",
        None => "Team's positions (Esc closes)",
    }
    .to_string();
    let Some((_, question)) = app.current() else {
        return (title, Vec::new());
    };
    let currency = plan_currency(&app.plan);
    // The question on two lines at most, the second cut with "…" when there is more.
    let mut asked = wrap(&question.text, width);
    if asked.len() > 2 {
        let rest = asked.split_off(1).join(" ");
        asked.push(truncate(&rest, width));
    }
    let mut lines: Vec<Line<'static>> = asked
        .into_iter()
        .map(|t| Line::styled(truncate(&t, width), theme.heading))
        .collect();
    lines.push(Line::raw(""));
    let held = app.plan.positions.get(question.id.as_str());
    let name_width = app
        .plan
        .participants
        .iter()
        .map(|p| p.describe().width())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    for (index, participant) in app.plan.participants.iter().enumerate() {
        let stand = held.and_then(|p| p.by.get(&participant.name));
        let here = index == selected;
        let pointer = if here { "▸" } else { " " };
        let who = truncate(&participant.describe(), name_width);
        let pad = " ".repeat(name_width.saturating_sub(who.width()));
        let lead = format!("{pointer} {who}{pad}  ");
        if let (true, Some(entry)) = (here, entry) {
            lines.extend(entry_rows(app, &lead, entry, width));
            continue;
        }
        let text = stand.map_or("no position yet".to_string(), |s| {
            positions::stand_text(question, s, &currency)
        });
        let row = truncate(&format!("{lead}{text}"), width);
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
    let answer = app.plan.answers.get(question.id.as_str());
    let agreed = answer_text_in(
        question,
        answer,
        answer.map_or(AnswerState::Unanswered, |a| a.state),
        false,
        &currency,
    );
    let state = agreement_word(app, question).unwrap_or("No positions yet");
    let said = truncate(&format!("{state} · the plan's answer: {agreed}"), width);
    // The agreement in its own style, the answer after it, both inside the width.
    let cut = said.find(" · ").map_or(said.len(), |at| at + " · ".len());
    lines.push(Line::from(vec![
        Span::styled(said[..cut].to_string(), theme.warn),
        Span::styled(said[cut..].to_string(), theme.base),
    ]));
    (title, lines)
}

/// The highlighted participant's row while their position is typed: the field after
/// their name (a long entry wraps under it), and why it did not read.
fn entry_rows(app: &App, lead: &str, entry: &PositionEntry, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let indent = lead.width();
    let lead = truncate(lead, width);
    let room = width.saturating_sub(indent).max(1);
    let field = entry.input.rows(room, theme.input, theme.cursor, true);
    let mut lines = Vec::new();
    for (i, row) in field.rows.into_iter().enumerate() {
        let start = if i == 0 {
            Span::styled(lead.clone(), theme.selected)
        } else {
            Span::raw(" ".repeat(indent))
        };
        let mut spans = vec![start];
        spans.extend(row.spans);
        lines.push(Line::from(spans));
    }
    if let Some(error) = &entry.error {
        lines.extend(
            wrap(&format!("✗ {error}"), width)
                .into_iter()
                .map(|t| Line::styled(t, theme.error)),
        );
    }
    lines
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
