//! The currency box: the ISO 4217 code of the currency the plan's amounts are in, typed
//! and set through the same function plain mode's `currency CODE` uses; the plan saves
//! and every amount is shown again with the new symbol.

use super::edit_text;
use crate::money::{currency_changed, set_currency};
use crate::tui::app::{App, Overlay};
use crate::tui::message::{Effect, Message};
use crate::tui::widgets::text_input::TextInput;

/// Opens the box with the plan's code, ready to be typed over.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let code = app.plan.currency.clone().unwrap_or_default();
    app.overlay = Some(Overlay::Currency {
        input: TextInput::single(&code),
        error: None,
    });
    Vec::new()
}

/// A message while the box is open: typing edits the code, Enter sets it (an unknown
/// code keeps the box open with one sentence), Esc keeps the currency as it is.
pub(super) fn update_currency(
    app: &mut App,
    mut input: TextInput,
    error: Option<String>,
    message: Message,
) -> Vec<Effect> {
    if edit_text(&mut input, &message) {
        app.overlay = Some(Overlay::Currency { input, error: None });
        return Vec::new();
    }
    match message {
        Message::Confirm => match set_currency(&mut app.plan, input.text()) {
            Ok(currency) => {
                app.refresh_report();
                app.say(currency_changed(&currency));
                vec![Effect::SavePlan]
            }
            Err(problem) => {
                app.overlay = Some(Overlay::Currency {
                    input,
                    error: Some(format!("{problem}.")),
                });
                Vec::new()
            }
        },
        Message::Close => Vec::new(),
        _ => {
            app.overlay = Some(Overlay::Currency { input, error });
            Vec::new()
        }
    }
}
