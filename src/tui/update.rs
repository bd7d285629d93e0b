//! `update`: one message changes the app state and returns what must happen outside it
//! (save, load, quit) as effects. No terminal and no disk here, so every path is tested
//! by feeding messages. One file per family of screens; what they share is here.

mod agenda;
mod answer;
mod compare;
mod currency;
mod gate;
mod lists;
mod overlay;
mod question;
mod results;
mod team;

use super::app::{App, Overlay, PlansState, Screen, SummaryState};
use super::message::{Effect, Message};
use super::widgets::text_input::TextInput;
use crate::wizard::Spot;

/// Applies one message to the app and says what must happen outside it.
pub fn update(app: &mut App, message: Message) -> Vec<Effect> {
    if matches!(message, Message::Quit | Message::Terminate) {
        return quit(app);
    }
    if message == Message::Tick {
        return agenda::tick(app);
    }
    if results::is_result(&message) {
        return results::apply(app, message);
    }
    if app.context() == super::keymap::Context::TooSmall {
        return Vec::new();
    }
    app.status = None;
    let effects = if let Some(overlay) = app.overlay.take() {
        overlay::update_overlay(app, overlay, message)
    } else if message == Message::EditCurrency {
        currency::open(app)
    } else {
        update_screen(app, message)
    };
    remember_place(app);
    agenda::after(app, effects)
}

fn update_screen(app: &mut App, message: Message) -> Vec<Effect> {
    if message == Message::MergeCopies {
        // The keymap offers it where a conflicting copy is told of.
        return compare::merge_copies(app);
    }
    match &app.screen {
        Screen::Welcome(_) => overlay::update_welcome(app, message),
        Screen::Question(_) => question::update_question(app, message),
        Screen::Review(_) => lists::update_review(app, message),
        Screen::Summary(_) => lists::update_summary(app, message),
        Screen::Since(_) => lists::update_since(app, message),
        Screen::Gaps(_) => lists::update_gaps(app, message),
        Screen::Actions(_) => lists::update_actions(app, message),
        Screen::Plans(_) => lists::update_plans(app, message),
        Screen::Gate(_) => gate::update_gate(app, message),
        Screen::Compare(_) => compare::update_compare(app, message),
    }
}

/// Keeps where a list screen is, so coming back to it later keeps the place.
fn remember_place(app: &mut App) {
    match &app.screen {
        Screen::Review(state) => app.places.review = state.clone(),
        Screen::Gaps(state) => app.places.gaps = state.clone(),
        Screen::Actions(state) => app.places.actions = state.clone(),
        _ => {}
    }
}

/// Opens a question from a list screen; Esc on it goes back to the list.
fn open_from_list(app: &mut App, spot: Option<Spot>) -> Vec<Effect> {
    if spot.is_none() {
        return Vec::new();
    }
    let list = app.screen.clone();
    let effects = go(app, spot);
    app.return_to = Some(list);
    effects
}

/// A selection moved by a message: one row, a page, or to a clicked row. `None` when
/// the message moves nothing.
fn moved(selected: usize, count: usize, message: &Message, page: usize) -> Option<usize> {
    let last = count.saturating_sub(1);
    let to = match message {
        Message::Up | Message::ScrollUp => selected.saturating_sub(1),
        Message::Down | Message::ScrollDown => selected + 1,
        Message::PageUp => selected.saturating_sub(page),
        Message::PageDown => selected + page,
        _ => return None,
    };
    Some(to.min(last))
}

fn quit(app: &mut App) -> Vec<Effect> {
    if matches!(&app.screen, Screen::Gate(_)) {
        // Nothing was opened to save: everything is left as it is.
        return vec![Effect::Quit];
    }
    let mut effects = Vec::new();
    if matches!(&app.screen, Screen::Question(_)) {
        // What is being typed is kept: a valid entry is saved, anything else stays a draft.
        let _ = question::commit_field(app);
    }
    if app.saved_once {
        // The agenda's time runs until now; its clock goes on when the plan opens again.
        agenda::bank(app);
        close_session(app);
        effects.push(Effect::SavePlan);
    }
    effects.push(Effect::Quit);
    effects
}

/// Closing a plan this session changed: how it stands goes into its history (one entry
/// a day), for the save that follows to write.
fn close_session(app: &mut App) {
    if app.saved_once && app.read_only.is_none() && app.plan.updated != app.opened_at {
        let now = (app.now)();
        crate::report::workshop::since::record_session(
            &app.loaded.questionnaire,
            &mut app.plan,
            &app.zone,
            now,
        );
        app.opened_at = app.plan.updated;
    }
}

/// Edits a text field with the editing messages; false when the message is not one.
fn edit_text(input: &mut TextInput, message: &Message) -> bool {
    match message {
        Message::Type(c) => input.insert(*c),
        Message::Paste(text) => input.paste(text),
        Message::Backspace => input.backspace(),
        Message::Delete => input.delete(),
        Message::Left => input.left(),
        Message::Right => input.right(),
        Message::Home => input.home(),
        Message::End => input.end(),
        Message::NewLine => input.insert('\n'),
        _ => return false,
    }
    true
}

fn dedup(effects: Vec<Effect>) -> Vec<Effect> {
    let mut seen = Vec::new();
    for effect in effects {
        if !seen.contains(&effect) {
            seen.push(effect);
        }
    }
    seen
}

/// Shows a question (or stays put when there is none), remembering the place.
fn go(app: &mut App, spot: Option<Spot>) -> Vec<Effect> {
    match spot {
        Some(spot) => {
            // What the last answer changed stays in view after moving on.
            let notice = match &app.screen {
                Screen::Question(state) => state.notice.clone(),
                _ => None,
            };
            app.show_question(spot);
            if let Some(notice) = notice {
                app.say(notice);
            }
            if app.saved_once {
                vec![Effect::SavePlan]
            } else {
                Vec::new()
            }
        }
        None => Vec::new(),
    }
}

fn back_to_questions(app: &mut App) -> Vec<Effect> {
    let target = app
        .last_question
        .and_then(|spot| app.flow.settle(spot))
        .or_else(|| app.flow.first());
    match target {
        Some(spot) => go(app, Some(spot)),
        None => Vec::new(),
    }
}

/// What every list screen does the same way: move to the summary, the review, the
/// gaps, the action plan, the plans or back to the questions, open the help, export
/// the report. `None` when the message is none of those. The keymap decides which of
/// them each screen offers.
fn switch_screen(app: &mut App, message: &Message) -> Option<Vec<Effect>> {
    let effects = match message {
        Message::OpenSummary => {
            app.screen = Screen::Summary(SummaryState::default());
            Vec::new()
        }
        Message::OpenReview => {
            app.screen = Screen::Review(app.places.review.clone());
            Vec::new()
        }
        Message::OpenGaps => {
            app.screen = Screen::Gaps(app.places.gaps.clone());
            Vec::new()
        }
        Message::OpenActions => {
            app.screen = Screen::Actions(app.places.actions.clone());
            Vec::new()
        }
        Message::OpenPlans => {
            app.screen = Screen::Plans(PlansState::default());
            vec![Effect::LoadPlanList]
        }
        Message::OpenQuestions | Message::Close => {
            app.return_to = None;
            back_to_questions(app)
        }
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        Message::Export => vec![Effect::ExportReport],
        Message::OpenTeam => team::open_team(app),
        Message::TogglePresent => {
            app.present = !app.present;
            Vec::new()
        }
        Message::OpenSince => {
            // Worked out as of now: the day may have turned since the plan opened.
            app.work_out_since();
            app.screen = Screen::Since(SummaryState::default());
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}
