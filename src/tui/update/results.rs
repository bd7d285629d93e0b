//! What carrying out an effect found, put into the app state: the plans listed, another
//! plan opened, a save that failed or worked again, a report written, something that
//! could not be done. These arrive whatever the window's size, as they answer what was
//! already asked.

use super::super::app::{App, PlansState, Screen};
use super::super::message::{Effect, Message};

/// Whether a message is what an effect found, not what the user asked for.
pub(super) fn is_result(message: &Message) -> bool {
    matches!(
        message,
        Message::PlansListed { .. }
            | Message::PlanOpened(_)
            | Message::SavedTo(_)
            | Message::SavedAgain
            | Message::SaveFailed(_)
            | Message::BecameReadOnly { .. }
            | Message::ReportSaved(_)
            | Message::Failed(_)
    )
}

/// Puts what an effect found into the app.
pub(super) fn apply(app: &mut App, message: Message) -> Vec<Effect> {
    match message {
        Message::PlansListed {
            rows,
            selected,
            taken,
        } => {
            app.taken = taken;
            app.screen = Screen::Plans(PlansState { rows, selected });
        }
        Message::PlanOpened(opened) => {
            // The look and the window stay; everything about the plan is the new one's.
            let mut fresh = App::opened(*opened, app.theme);
            fresh.area = app.area;
            fresh.ascii = app.ascii;
            fresh.now = app.now;
            fresh.set_mode(app.mode);
            fresh.since = app.since;
            fresh.present = app.present;
            *app = fresh;
        }
        Message::SavedTo(file) => app.plan_file = Some(file),
        Message::SavedAgain => app.say("Saved: everything is on disk again."),
        Message::SaveFailed(line) => app.warn(line),
        Message::BecameReadOnly { label, text } => {
            app.read_only = Some(label);
            app.warn(text);
        }
        Message::ReportSaved(path) => app.say(format!(
            "Report saved: {} (open it in a browser to read or print).",
            path.display()
        )),
        Message::Failed(why) => match &mut app.screen {
            Screen::Gate(state) => state.problem = Some(why),
            _ => app.warn(why),
        },
        _ => {}
    }
    Vec::new()
}
