//! What a message does in the boxes that take typing or a choice over a screen (the
//! note, a new plan's name, an action's owner or due date, the section picker, the help)
//! and on the first-run welcome.

use super::question::{change_answer, leave_then};
use super::{edit_text, go};
use crate::plan::PlanName;
use crate::report::text::capitalised;
use crate::tui::app::{ActionField, App, Overlay, Screen};
use crate::tui::message::{Effect, Message};
use crate::wizard::{Change, actions};

pub(super) fn update_welcome(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Welcome(state) = &mut app.screen else {
        return Vec::new();
    };
    if edit_text(&mut state.name, &message) {
        state.error = None;
        return Vec::new();
    }
    let typed = state.name.text().to_string();
    match message {
        Message::Confirm => match checked_new_name(app, &typed) {
            Ok(name) => {
                app.plan.name = name.as_str().to_string();
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

/// A new plan's name, checked: valid, and not the name of a plan that exists.
fn checked_new_name(app: &App, typed: &str) -> Result<PlanName, String> {
    let name = PlanName::new(typed).map_err(|e| format!("{}.", capitalised(&e.to_string())))?;
    if app.taken_stems.contains(name.stem()) {
        return Err(format!(
            "A plan called \"{name}\" already exists: choose another name, or open it from the plans screen."
        ));
    }
    Ok(name)
}

pub(super) fn update_overlay(app: &mut App, overlay: Overlay, message: Message) -> Vec<Effect> {
    match overlay {
        Overlay::Help => {
            if message != Message::Close {
                app.overlay = Some(Overlay::Help);
            }
            Vec::new()
        }
        Overlay::Note(mut input) => {
            if edit_text(&mut input, &message) {
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
                    Ok(name) => vec![
                        Effect::SavePlan,
                        Effect::CreatePlan(name.as_str().to_string()),
                    ],
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
        } => {
            if edit_text(&mut input, &message) {
                app.overlay = Some(Overlay::ActionField {
                    index,
                    field,
                    input,
                    error: None,
                });
                return Vec::new();
            }
            match message {
                // Esc keeps what was typed too, as the note does, when it is valid.
                Message::Confirm | Message::Close => {
                    let now = (app.now)();
                    let result = match field {
                        ActionField::Owner => {
                            actions::set_owner(&mut app.plan, index, input.text(), now);
                            Ok(())
                        }
                        ActionField::Due => {
                            actions::set_due(&mut app.plan, index, input.text(), now)
                        }
                    };
                    match result {
                        Ok(()) => {
                            app.refresh_report();
                            vec![Effect::SavePlan]
                        }
                        Err(error) => {
                            app.overlay = Some(Overlay::ActionField {
                                index,
                                field,
                                input,
                                error: Some(error),
                            });
                            Vec::new()
                        }
                    }
                }
                _ => {
                    app.overlay = Some(Overlay::ActionField {
                        index,
                        field,
                        input,
                        error,
                    });
                    Vec::new()
                }
            }
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
