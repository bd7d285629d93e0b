//! The damaged-plan and plan-in-use screens: the highlight moves, and a choice becomes
//! an effect (a backup put back, a fresh start) or a change of screen (read-only: the
//! plan where it left off).

use super::super::app::{App, Choice, Overlay, Screen};
use super::super::message::{Effect, Message};
use super::moved;

pub(super) fn update_gate(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Gate(state) = &mut app.screen else {
        return Vec::new();
    };
    let count = state.choices.len();
    if let Some(to) = moved(state.selected, count, &message, count) {
        state.selected = to;
        return Vec::new();
    }
    let index = match message {
        Message::Pick(index) | Message::Select(index) if index < count => index,
        Message::Confirm => state.selected,
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    let Some((choice, _)) = state.choices.get(index) else {
        return Vec::new();
    };
    let choice = *choice;
    state.selected = index;
    state.problem = None;
    match choice {
        Choice::OpenBackup => vec![Effect::OpenBackup],
        Choice::StartAfresh => vec![Effect::StartAfresh],
        Choice::ReadOnly => {
            app.resume();
            Vec::new()
        }
        Choice::Quit => vec![Effect::Quit],
    }
}
