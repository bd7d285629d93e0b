//! Changing the answer on screen: the change applied and saved, what it shows or hides
//! said, and the end of the quick scan offering the rest.

use crate::tui::app::{App, Screen};
use crate::tui::message::Effect;
use crate::wizard::{self, Change};

/// Changes the answer on screen, works out what that shows or hides, and saves.
pub(super) fn change_answer(app: &mut App, change: Change) -> Vec<Effect> {
    let Some((_, question)) = app.current() else {
        return Vec::new();
    };
    let id = question.id.clone();
    let updated = match wizard::apply(question, app.plan.answers.get(id.as_str()), change) {
        Ok(answer) => answer,
        Err(reason) => {
            app.warn(reason.to_string());
            return Vec::new();
        }
    };
    let before = app.flow.clone();
    let quick = app.mode == wizard::Mode::Quick;
    let was_provisional = quick && app.provisional().is_some();
    let now = (app.now)();
    app.plan.set_answer(&id, updated, now);
    app.refresh();
    let mut notice =
        wizard::change_notice_for(&before, &app.flow, app.questionnaire(), &app.plan.answers);
    if quick
        && !was_provisional
        && let Some(provisional) = app.provisional()
    {
        // The scan is done: the rest is offered, and the verdict is there to see.
        notice = Some(format!(
            "The quick scan is done: {} Enter goes on with the rest; s shows the verdict.",
            provisional.sentence()
        ));
    }
    if let Screen::Question(state) = &mut app.screen
        && notice.is_some()
    {
        state.notice = notice;
    }
    vec![Effect::SavePlan]
}
