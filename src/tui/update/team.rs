//! What a message does in the team's boxes: the positions on the question on screen
//! (a participant highlighted, digits pick their answer as on the question, or on a
//! typed question their answer typed and checked as the question checks it; `u` don't
//! know, `-` abstains, `a` agrees on theirs) and the team itself (names typed to add,
//! `-Name` to remove).

use crate::answer::{Answer, AnswerState, Value};
use crate::plan::{Stance, Stand};
use crate::questionnaire::{Question, QuestionType};
use crate::tui::app::{App, Overlay, PositionEntry};
use crate::tui::message::{Effect, Message};
use crate::tui::widgets::text_input::TextInput;
use crate::wizard::{self, Change, entry_text, positions};

/// Opens the positions of the question on screen; the team box first while the team is
/// empty.
pub(super) fn open_positions(app: &mut App) -> Vec<Effect> {
    if app.plan.participants.is_empty() {
        app.say("No team yet: type the participants, like \"Ann (owner), Ben (office)\".");
        return open_team(app);
    }
    app.overlay = Some(Overlay::Positions {
        selected: 0,
        entry: None,
    });
    Vec::new()
}

/// Opens the team box.
pub(super) fn open_team(app: &mut App) -> Vec<Effect> {
    app.overlay = Some(Overlay::Team {
        input: TextInput::single(""),
        error: None,
    });
    Vec::new()
}

/// The answer a position stands for, so a digit changes it as it changes an answer.
fn as_answer(stand: Option<&Stand>) -> Option<Answer> {
    let stand = stand?;
    match stand.stance {
        Stance::Answered => stand.value.clone().map(Answer::answered),
        Stance::DontKnow => Some(Answer {
            state: AnswerState::Unsure,
            ..Answer::default()
        }),
        Stance::Abstain => None,
    }
}

/// The positions box stays open on this participant, with this entry (or none).
fn keep(app: &mut App, selected: usize, entry: Option<PositionEntry>) {
    app.overlay = Some(Overlay::Positions { selected, entry });
}

/// An entry for a participant's typed position, starting from `text`.
fn entry_from(question: &Question, text: &str) -> PositionEntry {
    PositionEntry {
        input: field_for(question, text),
        error: None,
    }
}

/// A field for a typed question's value: several lines for a long text.
fn field_for(question: &Question, text: &str) -> TextInput {
    if question.kind == QuestionType::LongText {
        TextInput::multi(text)
    } else {
        TextInput::single(text)
    }
}

pub(super) fn update_positions(
    app: &mut App,
    selected: usize,
    entry: Option<PositionEntry>,
    message: Message,
) -> Vec<Effect> {
    let count = app.plan.participants.len();
    let Some((_, question)) = app.current() else {
        return Vec::new();
    };
    let question = question.clone();
    let Some(name) = app.plan.participants.get(selected).map(|p| p.name.clone()) else {
        return Vec::new();
    };
    if let Some(entry) = entry {
        return update_entry(app, selected, entry, &question, &name, message);
    }
    let held = app
        .plan
        .positions
        .get(question.id.as_str())
        .and_then(|p| p.by.get(&name))
        .cloned();
    let typed = !question.kind.is_choice();
    let recorded: Option<(Stance, Option<Value>)> = match message {
        Message::Up => {
            keep(app, selected.saturating_sub(1), None);
            return Vec::new();
        }
        Message::Down => {
            keep(app, (selected + 1).min(count.saturating_sub(1)), None);
            return Vec::new();
        }
        // Enter closes the box on a choice question; on a typed one it opens the entry.
        Message::Close => return Vec::new(),
        Message::Confirm if !typed => return Vec::new(),
        Message::Confirm | Message::EditEntry if typed => {
            // Their answer so far, to change; else an empty field.
            let text = held
                .as_ref()
                .filter(|s| s.stance == Stance::Answered)
                .and_then(|s| s.value.as_ref())
                .map(entry_text)
                .unwrap_or_default();
            keep(app, selected, Some(entry_from(&question, &text)));
            return Vec::new();
        }
        // Typing starts the entry with what was typed (a digit picks nothing here).
        Message::Pick(index) if typed => {
            let digit = char::from_digit(u32::try_from(index + 1).unwrap_or(0), 10);
            let text = digit.map(String::from).unwrap_or_default();
            keep(app, selected, Some(entry_from(&question, &text)));
            return Vec::new();
        }
        Message::Type(c) if typed => {
            keep(app, selected, Some(entry_from(&question, &c.to_string())));
            return Vec::new();
        }
        Message::Paste(pasted) if typed => {
            let mut entry = entry_from(&question, "");
            entry.input.paste(&pasted);
            keep(app, selected, Some(entry));
            return Vec::new();
        }
        Message::OpenTeam => return open_team(app),
        Message::ShowHelp => {
            app.overlay = Some(Overlay::BoxHelp(Box::new(Overlay::Positions {
                selected,
                entry: None,
            })));
            return Vec::new();
        }
        Message::Pick(index) => {
            let current = as_answer(held.as_ref()).filter(|a| a.state == AnswerState::Answered);
            match wizard::apply(&question, current.as_ref(), Change::Pick(index)) {
                Ok(answer) => {
                    Some(positions::stance_of(&answer).unwrap_or((Stance::Abstain, None)))
                }
                Err(problem) => {
                    app.warn(problem.to_string());
                    None
                }
            }
        }
        Message::Unsure => Some((Stance::DontKnow, None)),
        Message::Abstain => Some((Stance::Abstain, None)),
        Message::Agree => {
            keep(app, selected, None);
            return agree_on(app, &question.id, &name, held.as_ref());
        }
        _ => None,
    };
    keep(app, selected, None);
    match recorded {
        Some((stance, value)) => record(app, &question.id, &name, stance, value),
        None => Vec::new(),
    }
}

/// A key while a participant's position is typed: editing, Enter records it once the
/// question's own entry check reads it (else its sentence is shown and the entry kept),
/// Esc cancels the entry.
fn update_entry(
    app: &mut App,
    selected: usize,
    mut entry: PositionEntry,
    question: &Question,
    name: &str,
    message: Message,
) -> Vec<Effect> {
    if super::edit_text(&mut entry.input, &message) {
        entry.error = None;
        keep(app, selected, Some(entry));
        return Vec::new();
    }
    match message {
        Message::Close => {
            keep(app, selected, None);
            Vec::new()
        }
        Message::Confirm => {
            match positions::typed_position(&mut app.plan, question, entry.input.text()) {
                Ok((stance, value)) => {
                    keep(app, selected, None);
                    record(app, &question.id, name, stance, value)
                }
                Err(error) => {
                    entry.error = Some(error);
                    keep(app, selected, Some(entry));
                    Vec::new()
                }
            }
        }
        Message::ShowHelp => {
            app.overlay = Some(Overlay::BoxHelp(Box::new(Overlay::Positions {
                selected,
                entry: Some(entry),
            })));
            Vec::new()
        }
        _ => {
            keep(app, selected, Some(entry));
            Vec::new()
        }
    }
}

/// Records a participant's position and saves.
fn record(
    app: &mut App,
    id: &str,
    name: &str,
    stance: Stance,
    value: Option<Value>,
) -> Vec<Effect> {
    let now = (app.now)();
    if let Err(problem) = positions::record_position(&mut app.plan, id, name, stance, value, now) {
        app.warn(problem.to_string());
        return Vec::new();
    }
    app.refresh_report();
    vec![Effect::SavePlan]
}

/// Sets the agreed answer to the participant's: it becomes the plan's answer.
fn agree_on(app: &mut App, id: &str, name: &str, held: Option<&Stand>) -> Vec<Effect> {
    let value = held
        .filter(|s| s.stance == Stance::Answered)
        .and_then(|s| s.value.clone());
    let Some(value) = value else {
        app.warn(format!(
            "{name} gives no answer to agree on: highlight someone who does, or pick their answer first."
        ));
        return Vec::new();
    };
    let mut answer = app.plan.answers.get(id).cloned().unwrap_or_default();
    answer.state = AnswerState::Answered;
    let question = app.current().map(|(_, q)| q.clone());
    let chosen = question.as_ref().and_then(|q| match &value {
        Value::Text(t) => q.option_position(t),
        Value::List(l) => l.first().and_then(|t| q.option_position(t)),
        Value::Number(_) => None,
    });
    // The question's field shows the value agreed, so leaving it keeps that answer.
    let field = question
        .as_ref()
        .filter(|q| !q.kind.is_choice())
        .map(|q| field_for(q, &entry_text(&value)));
    answer.value = Some(value);
    if let crate::tui::app::Screen::Question(state) = &mut app.screen {
        if let Some(chosen) = chosen {
            // The question's highlight moves to the answer agreed.
            state.highlight = Some(chosen);
        }
        if field.is_some() {
            state.field = field;
            state.field_error = None;
            state.typing = false;
        }
    }
    app.drafts.remove(id);
    let now = (app.now)();
    positions::agree(&mut app.plan, id, answer, now);
    app.refresh();
    app.say(format!(
        "Agreed on {name}'s answer: it is the plan's answer now."
    ));
    vec![Effect::SavePlan]
}

pub(super) fn update_team(app: &mut App, mut input: TextInput, message: Message) -> Vec<Effect> {
    if super::edit_text(&mut input, &message) {
        app.overlay = Some(Overlay::Team { input, error: None });
        return Vec::new();
    }
    match message {
        Message::Confirm => {
            let typed = input.text().trim().to_string();
            if typed.is_empty() {
                return Vec::new();
            }
            let done = match typed.strip_prefix('-') {
                Some(name) => positions::remove_participant(&mut app.plan, name)
                    .map(|gone| format!("Removed from the team, with {gone} position(s).")),
                None => positions::parse_participants(&typed).and_then(|team| {
                    let added = team.len();
                    for participant in team {
                        positions::add_participant(&mut app.plan, participant)?;
                    }
                    Ok(format!("{added} added to the team."))
                }),
            };
            match done {
                Ok(said) => {
                    app.say(said);
                    app.refresh_report();
                    app.overlay = Some(Overlay::Team {
                        input: TextInput::single(""),
                        error: None,
                    });
                    if app.saved_once {
                        vec![Effect::SavePlan]
                    } else {
                        Vec::new()
                    }
                }
                Err(problem) => {
                    let error = Some(crate::report::text::capitalised(&problem.to_string()));
                    app.overlay = Some(Overlay::Team { input, error });
                    Vec::new()
                }
            }
        }
        Message::Close => Vec::new(),
        _ => {
            app.overlay = Some(Overlay::Team { input, error: None });
            Vec::new()
        }
    }
}
