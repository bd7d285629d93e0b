//! What carrying out an effect found, put into the app state: the plans listed, another
//! plan opened, a save that failed or worked again, a report written, something that
//! could not be done. These arrive whatever the window's size, as they answer what was
//! already asked.

use super::super::app::{App, CompareState, Opened, PlansState, Screen};
use super::super::message::{Effect, Message};

/// Whether a message is what an effect found, not what the user asked for.
pub(super) fn is_result(message: &Message) -> bool {
    matches!(
        message,
        Message::PlansListed { .. }
            | Message::Compared(_)
            | Message::CopiesMerged { .. }
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
            conflicts,
        } => {
            app.taken = taken;
            // Listed again (after a merge), the plans marked stay marked.
            let marked = match &app.screen {
                Screen::Plans(state) => state
                    .marked
                    .iter()
                    .filter(|file| rows.iter().any(|r| r.file == **file))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            app.screen = Screen::Plans(PlansState {
                rows,
                selected,
                marked,
                conflicts,
            });
        }
        Message::Compared(comparison) => {
            if let Screen::Plans(back) = &app.screen {
                let back = back.clone();
                app.screen = Screen::Compare(CompareState {
                    comparison,
                    scroll: 0,
                    back,
                });
            }
        }
        Message::CopiesMerged {
            opened,
            said,
            disputes,
        } => return super::compare::merged(app, opened, said, disputes),
        Message::PlanOpened(opened) => reopen(app, *opened),
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

/// Puts a plan opened in place of this one: the look and the window stay; everything
/// about the plan is the new one's.
pub(super) fn reopen(app: &mut App, opened: Opened) {
    let mut fresh = App::opened(opened, app.theme);
    fresh.area = app.area;
    fresh.ascii = app.ascii;
    fresh.now = app.now;
    fresh.set_mode(app.mode);
    fresh.since = app.since;
    fresh.present = app.present;
    *app = fresh;
}
