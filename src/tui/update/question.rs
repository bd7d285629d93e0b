//! What a message does on the question screen: picking, typing, moving on and back,
//! "I don't know yet", notes and flags, and what an answer shows or hides.

pub(super) use super::answer::change_answer;
use super::{dedup, edit_text, go};
use crate::answer::AnswerState;
use crate::tui::app::{App, Overlay, PlansState, ReviewState, Screen, SummaryState};
use crate::tui::message::{Effect, Message};
use crate::tui::widgets::text_input::TextInput;
use crate::wizard::{self, Change, EntryError, Spot};

pub(super) fn update_question(app: &mut App, message: Message) -> Vec<Effect> {
    let Some((state, question)) = app.current() else {
        return Vec::new();
    };
    let spot = state.spot;
    let typing = state.typing;
    let is_choice = question.kind.is_choice();
    let option_count = question.options.len();
    let highlight = state.highlight;
    let nothing_more = question.why.is_empty() && question.help.is_empty();

    if typing {
        let Screen::Question(state) = &mut app.screen else {
            return Vec::new();
        };
        if let Some(field) = state.field.as_mut() {
            let line_move = match message {
                Message::Up if field.is_multiline() => Some(field.up()),
                Message::Down if field.is_multiline() => Some(field.down()),
                _ => None,
            };
            if line_move.is_some() {
                return Vec::new();
            }
            if edit_text(field, &message) {
                let typed = field.text().to_string();
                check_as_typed(app, &typed);
                return Vec::new();
            }
        }
    }

    let last = option_count.saturating_sub(1);
    match message {
        Message::Pick(index) if is_choice => {
            set_highlight(app, Some(index.min(last)));
            change_answer(app, Change::Pick(index))
        }
        Message::Pick(index) => {
            // A digit on a typed question starts typing with it.
            start_typing(app);
            update_question(app, Message::Type(char::from(b'1' + index as u8)))
        }
        Message::ToggleHighlighted if is_choice => match highlight {
            Some(index) => change_answer(app, Change::Pick(index)),
            None => {
                app.say("No option is highlighted: press its number, or ↑ or ↓ first.");
                Vec::new()
            }
        },
        // From no highlight (an answer set aside), the arrows start at the first option.
        Message::Up | Message::ScrollUp if is_choice => {
            set_highlight(app, Some(highlight.map_or(0, |h| h.saturating_sub(1))));
            Vec::new()
        }
        Message::Down | Message::ScrollDown if is_choice => {
            set_highlight(app, Some(highlight.map_or(0, |h| (h + 1).min(last))));
            Vec::new()
        }
        Message::Up | Message::ScrollUp => go(app, app.flow.prev(spot)),
        Message::Down | Message::ScrollDown => go(app, app.flow.next(spot)),
        Message::Confirm => confirm_question(app, spot),
        Message::NextQuestion => leave_then(app, |app| match app.flow.next(spot) {
            Some(next) => go(app, Some(next)),
            None => open_summary_at_end(app),
        }),
        Message::PrevQuestion => leave_then(app, |app| {
            let prev = app.flow.prev(spot);
            if prev.is_none() {
                app.say("This is the first question.");
            }
            go(app, prev)
        }),
        Message::NextSection => leave_then(app, |app| match app.flow.next_section(spot) {
            Some(next) => go(app, Some(next)),
            None => {
                app.say("This is the last section.");
                Vec::new()
            }
        }),
        Message::PrevSection => leave_then(app, |app| {
            let target = app
                .flow
                .first_in_section(spot.section)
                .filter(|first| *first != spot)
                .or_else(|| app.flow.prev_section(spot));
            go(app, target)
        }),
        Message::Unsure => change_answer(app, Change::Unsure),
        Message::NotApplicable => change_answer(app, Change::NotApplicable),
        Message::Discuss => super::agenda::park(app, spot),
        Message::MoveOn => super::agenda::move_on(app, spot),
        Message::OpenSection(section) => {
            let target = app.flow.first_in_section(section);
            leave_then(app, |app| go(app, target))
        }
        Message::Close => match app.return_to.take() {
            Some(list) => leave_then(app, |app| {
                app.screen = list;
                Vec::new()
            }),
            None => Vec::new(),
        },
        Message::ReadMore => {
            if nothing_more {
                app.say("This question has nothing more to read.");
            } else {
                app.overlay = Some(Overlay::Reading { scroll: 0 });
            }
            Vec::new()
        }
        Message::ClearAnswer => clear_answer(app),
        other => other_question_message(app, other, spot, is_choice),
    }
}

/// `c`: forgets the answer (note and flag stay) and says how to put it back; `c` again,
/// before leaving the question, puts it back.
fn clear_answer(app: &mut App) -> Vec<Effect> {
    let Some((state, question)) = app.current() else {
        return Vec::new();
    };
    let spot = state.spot;
    let id = question.id.clone();
    let current = app.plan.answers.get(id.as_str()).cloned();
    let settled = current
        .as_ref()
        .is_some_and(|a| a.state != AnswerState::Unanswered);
    if !settled {
        return match app.cleared.take() {
            Some((cleared, answer)) if cleared == id => {
                let now = (app.now)();
                app.plan.set_answer(&id, answer, now);
                app.refresh();
                app.show_question(spot);
                app.say("Answer put back.");
                vec![Effect::SavePlan]
            }
            _ => {
                // Nothing saved, but something typed: that is what goes.
                let typed = match &mut app.screen {
                    Screen::Question(state) => {
                        let typed = state.field.as_ref().is_some_and(|f| !f.text().is_empty());
                        if let Some(field) = state.field.as_mut() {
                            field.clear();
                        }
                        state.field_error = None;
                        typed
                    }
                    _ => false,
                };
                app.drafts.remove(id.as_str());
                app.say(if typed {
                    "Cleared what you typed; nothing was saved for this question."
                } else {
                    "There is no answer to clear."
                });
                Vec::new()
            }
        };
    }
    if let Screen::Question(state) = &mut app.screen {
        if let Some(field) = state.field.as_mut() {
            field.clear();
        }
        state.field_error = None;
    }
    app.drafts.remove(id.as_str());
    app.cleared = current.map(|answer| (id.to_string(), answer));
    // Cleared means unchosen: Enter must not pick the old answer back by its highlight.
    set_highlight(app, None);
    let effects = change_answer(app, Change::Clear);
    app.say("Answer cleared: press c again to put it back.");
    effects
}

/// The question screen's messages that open something else or change the view.
fn other_question_message(
    app: &mut App,
    message: Message,
    spot: Spot,
    is_choice: bool,
) -> Vec<Effect> {
    match message {
        Message::EditNote => {
            let note = app
                .current()
                .and_then(|(_, q)| app.plan.answers.get(q.id.as_str()))
                .and_then(|a| a.note.clone())
                .unwrap_or_default();
            app.overlay = Some(Overlay::Note(TextInput::multi(&note)));
            Vec::new()
        }
        Message::ToggleWhy => {
            app.show_why = !app.show_why;
            Vec::new()
        }
        Message::EditEntry if !is_choice => {
            start_typing(app);
            Vec::new()
        }
        Message::DoneTyping => {
            let effects = commit_field(app).unwrap_or_default();
            if let Screen::Question(state) = &mut app.screen {
                state.typing = false;
            }
            effects
        }
        Message::GoToSection => {
            app.overlay = Some(Overlay::Jump {
                selected: spot.section,
            });
            Vec::new()
        }
        Message::OpenReview => leave_then(app, |app| {
            // The review opens on this question, under the filter it was left with.
            let kept = app.places.review.clone();
            let selected = app
                .review_rows(kept.filter)
                .iter()
                .position(|row| *row == spot)
                .unwrap_or(kept.selected);
            app.return_to = None;
            app.screen = Screen::Review(ReviewState { selected, ..kept });
            Vec::new()
        }),
        Message::OpenSummary => leave_then(app, |app| {
            app.return_to = None;
            app.screen = Screen::Summary(SummaryState::default());
            Vec::new()
        }),
        Message::OpenPlans => leave_then(app, |app| {
            app.return_to = None;
            app.screen = Screen::Plans(PlansState::default());
            vec![Effect::LoadPlanList]
        }),
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        Message::OpenPositions => super::team::open_positions(app),
        Message::OpenTeam => super::team::open_team(app),
        Message::OpenAgenda => super::agenda::open_agenda(app),
        Message::TogglePresent => {
            app.present = !app.present;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn set_highlight(app: &mut App, index: Option<usize>) {
    if let Screen::Question(state) = &mut app.screen {
        state.highlight = index;
    }
}

fn start_typing(app: &mut App) {
    if let Screen::Question(state) = &mut app.screen
        && state.field.is_some()
    {
        state.typing = true;
    }
}

/// Checks a typed entry as it is typed, so a mistake is explained in place.
fn check_as_typed(app: &mut App, typed: &str) {
    let Some((_, question)) = app.current() else {
        return;
    };
    let error = if typed.trim().is_empty() {
        None
    } else {
        wizard::typed_problem(question, typed, app.plan.currency.as_deref())
    };
    if let Screen::Question(state) = &mut app.screen {
        state.field_error = error;
    }
}

/// Enter on a question: settle what is on screen, then move on.
fn confirm_question(app: &mut App, spot: Spot) -> Vec<Effect> {
    let Some((state, question)) = app.current() else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    if question.kind.is_choice() {
        let unanswered = app
            .plan
            .answers
            .get(question.id.as_str())
            .is_none_or(|a| a.state == crate::answer::AnswerState::Unanswered);
        if let Some(highlight) = state.highlight
            && unanswered
            && question.kind != crate::questionnaire::QuestionType::Multi
        {
            // Enter on the option the user highlighted picks it: arrows then Enter answers
            // too. Arriving highlights nothing, so Enter alone answers nothing.
            effects = change_answer(app, Change::Pick(highlight));
        }
    } else {
        match commit_field(app) {
            Ok(saved) => effects = saved,
            Err(error) => {
                app.warn(error.to_string());
                return Vec::new();
            }
        }
    }
    let mut moved = match app.flow.next(spot) {
        Some(next) => go(app, Some(next)),
        None => open_summary_at_end(app),
    };
    effects.append(&mut moved);
    dedup(effects)
}

/// Leaves the question (keeping what was typed), then does what was asked.
pub(super) fn leave_then(app: &mut App, then: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
    let mut effects = match commit_field(app) {
        Ok(effects) => effects,
        Err(error) => {
            let kept =
                format!("Not saved yet: {error} What you typed is kept for when you come back.");
            let mut after = then(app);
            app.warn(kept);
            after.retain(|e| *e != Effect::SavePlan);
            after.push(Effect::SavePlan);
            return after;
        }
    };
    effects.extend(then(app));
    dedup(effects)
}

/// Saves what was typed into the field: `Ok` with the effects when it was accepted (or
/// there was nothing to save), `Err` with the reason when it was not (kept as a draft).
pub(super) fn commit_field(app: &mut App) -> Result<Vec<Effect>, EntryError> {
    let Some((state, question)) = app.current() else {
        return Ok(Vec::new());
    };
    let Some(field) = state.field.as_ref() else {
        return Ok(Vec::new());
    };
    let typed = field.text().to_string();
    let id = question.id.clone();
    let current = app.plan.answers.get(id.as_str());
    let shown_in = crate::money::plan_currency(&app.plan);
    let unchanged = current
        .and_then(|a| a.value.as_ref())
        .map(|v| wizard::field_text(question, v, &shown_in))
        .unwrap_or_default()
        == typed;
    if unchanged {
        app.drafts.remove(id.as_str());
        return Ok(Vec::new());
    }
    if typed.trim().is_empty() {
        app.drafts.remove(id.as_str());
        let had_value = current.is_some_and(|a| a.value.is_some());
        return Ok(if had_value {
            change_answer(app, Change::Clear)
        } else {
            Vec::new()
        });
    }
    let Some((_, question)) = app.current() else {
        return Ok(Vec::new());
    };
    // `u` and `na` set the state; the first amount gives the plan its currency.
    let state = current.map(|a| a.state);
    let mut currency = app.plan.currency.clone();
    match wizard::read_typed(question, &typed, &mut currency) {
        Ok((change, said)) => {
            app.drafts.remove(id.as_str());
            app.plan.currency = currency;
            let already = matches!(
                (&change, state),
                (Change::Unsure, Some(AnswerState::Unsure))
                    | (Change::NotApplicable, Some(AnswerState::NotApplicable))
            );
            let effects = if already {
                Vec::new()
            } else {
                change_answer(app, change)
            };
            if let Some(said) = said {
                app.say(said);
            }
            Ok(effects)
        }
        Err(error) => {
            app.drafts.insert(id.to_string(), typed);
            if let Screen::Question(state) = &mut app.screen {
                state.field_error = Some(error.clone());
            }
            Err(error)
        }
    }
}

fn open_summary_at_end(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Summary(SummaryState::default());
    let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
    if answered < total {
        app.say(format!(
            "That was the last question; {} still open. Press r to review them.",
            total - answered
        ));
    } else {
        app.say("That was the last question: here is where you stand.");
    }
    Vec::new()
}
