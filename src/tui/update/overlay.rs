//! What a message does in the boxes that take typing or a choice over a screen (the
//! note, a new plan's name, an action's owner or due date, the section picker, the help)
//! and on the first-run welcome.

use super::lists::{ask, open_question};
use super::question::{change_answer, leave_then};
use super::{edit_text, go};
use crate::plan::PlanName;
use crate::report::text::capitalised;
use crate::tui::app::{ActionField, App, DEFAULT_PLAN_NAME, Overlay, Screen, WelcomeField};
use crate::tui::layout;
use crate::tui::message::{Effect, Message};
use crate::wizard::{Change, Mode, actions, positions};

pub(super) fn update_welcome(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Welcome(state) = &mut app.screen else {
        return Vec::new();
    };
    match (&message, state.field) {
        (Message::Down, _) => {
            state.field = state.field.next();
            return Vec::new();
        }
        (Message::Up, _) => {
            state.field = state.field.previous();
            return Vec::new();
        }
        (Message::ToggleHighlighted, WelcomeField::Quick) => {
            let mode = match app.mode {
                Mode::Quick => Mode::Full,
                Mode::Full => Mode::Quick,
            };
            app.set_mode(mode);
            return Vec::new();
        }
        (_, WelcomeField::Team) if edit_text(&mut state.team, &message) => {
            state.error = None;
            return Vec::new();
        }
        _ => {}
    }
    let on_name = state.field == WelcomeField::Name;
    // The name offered is replaced by what is typed (or pasted, or deleted over it).
    if state.offered
        && on_name
        && matches!(
            message,
            Message::Type(_) | Message::Paste(_) | Message::Backspace | Message::Delete
        )
    {
        state.name.clear();
    }
    // A name given with `--plan` is not typed into: keys are commands there.
    if !state.fixed && on_name && edit_text(&mut state.name, &message) {
        state.offered = false;
        state.error = None;
        return Vec::new();
    }
    let fixed = state.fixed;
    let team = match positions::parse_participants(state.team.text()) {
        Ok(team) => team,
        Err(problem) if message == Message::Confirm => {
            state.error = Some(format!("Team: {problem}."));
            state.field = WelcomeField::Team;
            return Vec::new();
        }
        Err(_) => Vec::new(),
    };
    let mut typed = state.name.text().to_string();
    if typed == DEFAULT_PLAN_NAME {
        // The name offered is taken by an earlier plan: the next free one is used.
        typed = free_name(app, DEFAULT_PLAN_NAME);
    }
    match message {
        Message::Confirm if fixed => {
            let name = app.plan.name.clone();
            positions::join_team(&mut app.plan, team);
            begin(app, &name)
        }
        Message::Confirm => match checked_new_name(app, &typed) {
            Ok(name) => {
                positions::join_team(&mut app.plan, team);
                begin(app, name.as_str())
            }
            Err(error) => {
                if let Screen::Welcome(state) = &mut app.screen {
                    state.error = Some(error);
                }
                Vec::new()
            }
        },
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Starts the plan with this name on its first question.
fn begin(app: &mut App, name: &str) -> Vec<Effect> {
    app.plan.name = name.to_string();
    app.saved_once = true;
    app.refresh();
    if let Some(first) = app.flow.first() {
        app.show_question(first);
    }
    app.say(format!(
        "Plan \"{name}\" started. Every answer is saved as you go."
    ));
    vec![Effect::SavePlan]
}

/// `name`, or the first of "name 2", "name 3", ... no plan has taken.
fn free_name(app: &App, name: &str) -> String {
    let taken =
        |candidate: &str| PlanName::new(candidate).is_ok_and(|n| app.taken.contains_key(n.stem()));
    (1..)
        .map(|n| {
            if n == 1 {
                name.to_string()
            } else {
                format!("{name} {n}")
            }
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_string())
}

/// A new plan's name, checked: valid, and not the name of a plan that exists.
fn checked_new_name(app: &App, typed: &str) -> Result<PlanName, String> {
    let name = PlanName::new(typed).map_err(|e| format!("{}.", capitalised(&e.to_string())))?;
    if let Some(real) = app.taken.get(name.stem()) {
        // Said by the real name of the plan it matched, which may be written otherwise.
        return Err(format!(
            "A plan called \"{real}\" already exists: choose another name, or open it from the plans screen."
        ));
    }
    Ok(name)
}

pub(super) fn update_overlay(app: &mut App, overlay: Overlay, message: Message) -> Vec<Effect> {
    match overlay {
        Overlay::Positions { selected, entry } => {
            super::team::update_positions(app, selected, entry, message)
        }
        Overlay::BoxHelp(under) => {
            // Closing the list goes back to the box as it was.
            app.overlay = Some(if message == Message::Close {
                *under
            } else {
                Overlay::BoxHelp(under)
            });
            Vec::new()
        }
        Overlay::Team { input, .. } => super::team::update_team(app, input, message),
        Overlay::Agenda { selected, typing } => {
            super::agenda::update_agenda(app, selected, typing, message)
        }
        Overlay::Help => {
            if message != Message::Close {
                app.overlay = Some(Overlay::Help);
            }
            Vec::new()
        }
        Overlay::Note(mut input) => {
            let line_move = match message {
                Message::Up => Some(input.up()),
                Message::Down => Some(input.down()),
                _ => None,
            };
            if line_move.is_some() || edit_text(&mut input, &message) {
                app.overlay = Some(Overlay::Note(input));
                return Vec::new();
            }
            match message {
                // Both keep the note: closing never throws typing away.
                Message::Confirm | Message::Close => {
                    let effects = change_answer(app, Change::Note(input.text().to_string()));
                    if !effects.is_empty() {
                        app.say("Note saved.");
                    }
                    effects
                }
                _ => {
                    app.overlay = Some(Overlay::Note(input));
                    Vec::new()
                }
            }
        }
        Overlay::NewPlan(mut input, error) => {
            if edit_text(&mut input, &message) {
                app.overlay = Some(Overlay::NewPlan(input, None));
                return Vec::new();
            }
            match message {
                Message::Confirm => match checked_new_name(app, input.text()) {
                    Ok(name) => {
                        super::close_session(app);
                        vec![
                            Effect::SavePlan,
                            Effect::CreatePlan(name.as_str().to_string()),
                        ]
                    }
                    Err(error) => {
                        app.overlay = Some(Overlay::NewPlan(input, Some(error)));
                        Vec::new()
                    }
                },
                Message::Close => Vec::new(),
                _ => {
                    app.overlay = Some(Overlay::NewPlan(input, error));
                    Vec::new()
                }
            }
        }
        Overlay::ActionField {
            index,
            field,
            mut input,
            error,
            then_ask,
        } => {
            let edited = edit_text(&mut input, &message);
            let error = if edited { None } else { error };
            let keep = |app: &mut App, input, error| {
                app.overlay = Some(Overlay::ActionField {
                    index,
                    field,
                    input,
                    error,
                    then_ask,
                });
                Vec::new()
            };
            match message {
                _ if edited => keep(app, input, error),
                // Esc on a new action with no words yet adds nothing.
                Message::Close if field == ActionField::New && input.text().trim().is_empty() => {
                    Vec::new()
                }
                // Esc keeps what was typed too, as the note does, when it is valid.
                Message::Confirm | Message::Close => {
                    match save_action_field(app, index, field, input.text()) {
                        Ok(index) => {
                            app.refresh_report();
                            ask_next(app, index, field, then_ask);
                            vec![Effect::SavePlan]
                        }
                        Err(error) => keep(app, input, Some(error)),
                    }
                }
                _ => keep(app, input, error),
            }
        }
        Overlay::Currency { input, error } => {
            super::currency::update_currency(app, input, error, message)
        }
        Overlay::UpdateAnswer { question } => match message {
            Message::Confirm => open_question(app, &question),
            Message::Close => {
                app.say("Kept as it is: the gap stays open until its answer changes.");
                Vec::new()
            }
            _ => {
                app.overlay = Some(Overlay::UpdateAnswer { question });
                Vec::new()
            }
        },
        Overlay::Reading { scroll } => {
            let max = layout::reading(app).map_or(0, |(_, _, max)| max);
            let page = u16::try_from(layout::page(app)).unwrap_or(1);
            let scroll = match message {
                Message::Close => return Vec::new(),
                Message::Up | Message::ScrollUp => scroll.saturating_sub(1),
                Message::Down | Message::ScrollDown => scroll.saturating_add(1),
                Message::PageUp => scroll.saturating_sub(page),
                Message::PageDown => scroll.saturating_add(page),
                _ => scroll,
            };
            app.overlay = Some(Overlay::Reading {
                scroll: scroll.min(max),
            });
            Vec::new()
        }
        Overlay::Jump { selected } => {
            let shown: Vec<usize> = (0..app.questionnaire().sections.len())
                .filter(|s| app.flow.section_shown(*s))
                .collect();
            let at = shown.iter().position(|s| *s == selected).unwrap_or(0);
            let keep = |app: &mut App, selected: usize| {
                app.overlay = Some(Overlay::Jump { selected });
                Vec::new()
            };
            match message {
                Message::Up | Message::ScrollUp => keep(
                    app,
                    shown.get(at.saturating_sub(1)).copied().unwrap_or(selected),
                ),
                Message::Down | Message::ScrollDown => {
                    keep(app, shown.get(at + 1).copied().unwrap_or(selected))
                }
                Message::Confirm => {
                    let target = app.flow.first_in_section(selected);
                    leave_then(app, |app| go(app, target))
                }
                Message::Close => Vec::new(),
                _ => keep(app, selected),
            }
        }
    }
}

/// Saves what was typed into one detail of an action (a new action is added); the
/// action's position.
fn save_action_field(
    app: &mut App,
    index: usize,
    field: ActionField,
    typed: &str,
) -> Result<usize, actions::ActionError> {
    let now = (app.now)();
    match field {
        ActionField::Owner => actions::set_owner(&mut app.plan, index, typed, now),
        ActionField::Due => actions::set_due(&mut app.plan, index, typed, now)?,
        ActionField::Text => actions::set_text(&mut app.plan, index, typed, now)?,
        ActionField::New => return actions::add_own(&mut app.plan, typed, "", "", now),
    }
    Ok(index)
}

/// After a new action's words its owner is asked, after a new item's owner its due date.
fn ask_next(app: &mut App, index: usize, field: ActionField, then_ask: bool) {
    if field == ActionField::New {
        if let Screen::Actions(state) = &mut app.screen {
            state.selected = index;
        }
        app.say("Added to the action plan: who will do it, and by when?");
    }
    let next = match field {
        ActionField::New => ActionField::Owner,
        ActionField::Owner if then_ask => ActionField::Due,
        _ => return,
    };
    let Some(action) = app.plan.actions.get(index) else {
        return;
    };
    let text = match next {
        ActionField::Owner => action.owner.clone(),
        _ => action.due.map(|d| d.to_string()).unwrap_or_default(),
    };
    app.overlay = Some(ask(index, next, &text, next == ActionField::Owner));
}
