//! The first-run screen: what the wizard does, how long it takes, that it saves as you
//! go and works offline, and a name for the plan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::{App, WelcomeField, WelcomeState};
use crate::tui::widgets::lines::{draw_cut, draw_lines, inset, split_top, wrapped};
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
        questionnaire.description.to_string(),
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
    // Wrapped under its box, so a narrow window reads it whole.
    let quick_text = wrap(
        "Quick scan first: the most decisive questions, a provisional verdict",
        width.saturating_sub(7),
    );
    let quick_lines = quick_text.into_iter().enumerate().map(|(i, text)| {
        let lead = if i == 0 {
            vec![
                pointer(WelcomeField::Quick),
                Span::styled(if quick { "[x] " } else { "[ ] " }, theme.key),
            ]
        } else {
            vec![Span::raw("       ")]
        };
        Line::from([lead, vec![Span::styled(text, theme.base)]].concat())
    });
    // The form (the name, the team, the quick scan) always shows; the text gives way.
    let mut form: Vec<Line<'static>> = Vec::new();
    if state.fixed {
        // Named with `--plan`: the name is not asked for again.
        form.push(Line::from(vec![
            Span::styled("This plan: ", theme.heading),
            Span::styled(app.plan.name.clone(), theme.title),
        ]));
        form.push(Line::styled("Press Enter to begin.", theme.dim));
        // A team that could not be read is said here, the name being given.
        if let Some(error) = &state.error {
            for text in wrap(&format!("✗ {error}"), width) {
                form.push(Line::styled(text, theme.error));
            }
        }
    } else {
        // Wrapped, so a narrow window still reads the whole question.
        form.extend(wrapped(
            "Name this plan (your business, or the provider you are weighing up):",
            width,
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
        form.push(Line::from(field));
        if let Some(error) = &state.error {
            for text in wrap(&format!("✗ {error}"), width) {
                form.push(Line::styled(text, theme.error));
            }
        } else if state.offered {
            form.push(Line::styled(
                "Press Enter to begin with this name, or type another.",
                theme.dim,
            ));
        } else {
            form.push(Line::styled("Press Enter to begin.", theme.dim));
        }
    }
    form.push(Line::raw(""));
    form.push(Line::from(team_line));
    form.extend(quick_lines);
    let area = inset(body, 2);
    let room = usize::from(area.height);
    if lines.len() + form.len() > room && unsure_lines > 0 {
        // Short of room (a long description): the reassurance gives way first.
        lines.drain(unsure_at..unsure_at + unsure_lines);
    }
    // Then the text is cut, with a sign, to leave the form its rows.
    let text_rows = room.saturating_sub(form.len()).min(lines.len());
    let (text_area, form_area) = split_top(area, u16::try_from(text_rows).unwrap_or(0));
    draw_cut(lines, text_area, "…", theme.dim, buf);
    draw_lines(form, form_area, buf);
}
