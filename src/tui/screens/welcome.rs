//! The first-run screen: what the wizard does, how long it takes, that it saves as you
//! go and works offline, and a name for the plan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::{App, WelcomeField, WelcomeState};
use crate::tui::widgets::lines::{draw_lines, inset};
use crate::tui::widgets::wrap::wrap;
use crate::wizard::Mode;

/// Draws the welcome screen.
pub fn render(app: &App, state: &WelcomeState, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let width = usize::from(body.width.saturating_sub(4)).min(76);
    let questionnaire = app.questionnaire();
    let (_, total) = app.flow.progress(questionnaire, &app.plan.answers);
    // Twenty to thirty seconds a question, in round five minutes.
    let low = (total / 3).div_ceil(5).max(1) * 5;
    let high = (total / 2).div_ceil(5).max(2) * 5;
    let mut lines: Vec<Line<'static>> = vec![
        Line::raw(""),
        Line::styled(
            format!("Welcome to outready: {}", questionnaire.title),
            theme.title,
        ),
        Line::raw(""),
    ];
    let paragraphs = [
        questionnaire.description.clone(),
        format!(
            "About {total} questions, roughly {low} to {high} minutes in all. Stop whenever you like: every answer is saved the moment you give it, and next time you start where you left off. Nothing leaves this computer."
        ),
        "\"I don't know yet\" is a fine answer: it becomes a question to find out. At the end you get a verdict, the gaps that matter most and what to do about them.".to_string(),
    ];
    let (mut unsure_at, mut unsure_lines) = (0, 0);
    for (index, paragraph) in paragraphs.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
        if index == 2 {
            unsure_at = lines.len();
        }
        lines.extend(
            wrap(paragraph, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.base)),
        );
        lines.push(Line::raw(""));
        if index == 2 {
            unsure_lines = lines.len() - unsure_at;
        }
    }
    let pointer = |field: WelcomeField| {
        if state.field == field {
            Span::styled(" › ", theme.key)
        } else {
            Span::raw("   ")
        }
    };
    let mut team_line = vec![
        pointer(WelcomeField::Team),
        Span::styled("Team (optional): ", theme.heading),
    ];
    if state.field == WelcomeField::Team || !state.team.text().is_empty() {
        let rows = state
            .team
            .rows(
                width.saturating_sub(20),
                theme.input,
                theme.cursor,
                state.field == WelcomeField::Team,
            )
            .rows;
        if let Some(first) = rows.into_iter().next() {
            team_line.extend(first.spans);
        }
    } else {
        team_line.push(Span::styled("like Ann (owner), Ben (office)", theme.dim));
    }
    let quick = app.mode == Mode::Quick;
    let quick_line = Line::from(vec![
        pointer(WelcomeField::Quick),
        Span::styled(if quick { "[x] " } else { "[ ] " }, theme.key),
        Span::styled(
            "Quick scan first: the most decisive questions, a provisional verdict",
            theme.base,
        ),
    ]);
    if state.fixed {
        // Named with `--plan`: the name is not asked for again.
        lines.push(Line::from(vec![
            Span::styled("This plan: ", theme.heading),
            Span::styled(app.plan.name.clone(), theme.title),
        ]));
        lines.push(Line::styled("Press Enter to begin.", theme.dim));
        // A team that could not be read is said here, the name being given.
        if let Some(error) = &state.error {
            for text in wrap(&format!("✗ {error}"), width) {
                lines.push(Line::styled(text, theme.error));
            }
        }
    } else {
        lines.push(Line::styled(
            "Name this plan (your business, or the provider you are weighing up):",
            theme.heading,
        ));
        let mut field = vec![pointer(WelcomeField::Name)];
        let rows = state
            .name
            .rows(
                width.saturating_sub(3),
                theme.input,
                theme.cursor,
                state.field == WelcomeField::Name,
            )
            .rows;
        if let Some(first) = rows.into_iter().next() {
            field.extend(first.spans);
        }
        lines.push(Line::from(field));
        if let Some(error) = &state.error {
            for text in wrap(&format!("✗ {error}"), width) {
                lines.push(Line::styled(text, theme.error));
            }
        } else if state.offered {
            lines.push(Line::styled(
                "Press Enter to begin with this name, or type another.",
                theme.dim,
            ));
        } else {
            lines.push(Line::styled("Press Enter to begin.", theme.dim));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(team_line));
    lines.push(quick_line);
    let area = inset(body, 2);
    if lines.len() > usize::from(area.height) && unsure_lines > 0 {
        // Short of room (a long description): the reassurance gives way, so the name,
        // the team and the quick scan stay in view.
        lines.drain(unsure_at..unsure_at + unsure_lines);
    }
    draw_lines(lines, area, buf);
}
