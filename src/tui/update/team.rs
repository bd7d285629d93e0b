//! What a message does in the team's boxes: the positions on the question on screen
//! (a participant highlighted, digits pick their answer as on the question, `u` don't
//! know, `-` abstains, `a` agrees on theirs) and the team itself (names typed to add,
//! `-Name` to remove).

use crate::answer::{Answer, AnswerState, Value};
use crate::plan::{Stance, Stand};
use crate::tui::app::{App, Overlay};
use crate::tui::message::{Effect, Message};
use crate::tui::widgets::text_input::TextInput;
use crate::wizard::{self, Change, positions};

/// Opens the positions of the question on screen; the team box first while the team is
/// empty.
pub(super) fn open_positions(app: &mut App) -> Vec<Effect> {
    if app.plan.participants.is_empty() {
        app.say("No team yet: type the participants, like \"Ann (owner), Ben (office)\".");
        return open_team(app);
    }
    app.overlay = Some(Overlay::Positions { selected: 0 });
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

pub(super) fn update_positions(app: &mut App, selected: usize, message: Message) -> Vec<Effect> {
    let count = app.plan.participants.len();
    let keep = |app: &mut App, selected: usize| {
        app.overlay = Some(Overlay::Positions { selected });
    };
    let Some((_, question)) = app.current() else {
        return Vec::new();
    };
    let question = question.clone();
    let Some(name) = app.plan.participants.get(selected).map(|p| p.name.clone()) else {
        return Vec::new();
    };
    let held = app
        .plan
        .positions
        .get(&question.id)
        .and_then(|p| p.by.get(&name))
        .cloned();
    let recorded: Option<(Stance, Option<Value>)> = match message {
        Message::Up => {
            keep(app, selected.saturating_sub(1));
            return Vec::new();
        }
        Message::Down => {
            keep(app, (selected + 1).min(count.saturating_sub(1)));
            return Vec::new();
        }
        Message::Close => return Vec::new(),
        Message::OpenTeam => return open_team(app),
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
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
            keep(app, selected);
            return agree_on(app, &question.id, &name, held.as_ref());
        }
        _ => None,
    };
    keep(app, selected);
    let Some((stance, value)) = recorded else {
        return Vec::new();
    };
    let now = (app.now)();
    if let Err(problem) =
        positions::record_position(&mut app.plan, &question.id, &name, stance, value, now)
    {
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
    let chosen = app.current().and_then(|(_, q)| match &value {
        Value::Text(t) => q.option_position(t),
        Value::List(l) => l.first().and_then(|t| q.option_position(t)),
        Value::Number(_) => None,
    });
    answer.value = Some(value);
    if let (Some(chosen), crate::tui::app::Screen::Question(state)) = (chosen, &mut app.screen) {
        // The question's highlight moves to the answer agreed.
        state.highlight = Some(chosen);
    }
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
