//! What the agenda does to the wizard: the box where each section's minutes are typed and
//! the clock started or stopped, the clock following the section on screen (its time
//! banked into the plan), the minute's tick, parking a question (it moves on while the
//! clock runs), and moving on to the next section when the time is up.

use super::go;
use super::question::{change_answer, leave_then};
use crate::answer::Answer;
use crate::plan::Agenda;
use crate::plan::agenda::next_section;
use crate::tui::app::{AgendaClock, App, Overlay, Screen};
use crate::tui::message::{Effect, Message};
use crate::wizard::agenda::loads;
use crate::wizard::{Change, Spot, is_answered};

/// The most minutes one section can be given.
const MAX_MINUTES: u32 = 999;

/// Opens the agenda box on the section the workshop is in.
pub(super) fn open_agenda(app: &mut App) -> Vec<Effect> {
    let selected = app
        .agenda_section()
        .or_else(|| app.flow.first().map(|spot| spot.section))
        .unwrap_or(0);
    app.overlay = Some(Overlay::Agenda {
        selected,
        typing: false,
    });
    Vec::new()
}

pub(super) fn update_agenda(
    app: &mut App,
    selected: usize,
    typing: bool,
    message: Message,
) -> Vec<Effect> {
    let shown: Vec<usize> = (0..app.questionnaire().sections.len())
        .filter(|s| app.flow.section_shown(*s))
        .collect();
    let at = shown.iter().position(|s| *s == selected).unwrap_or(0);
    let keep = |app: &mut App, selected: usize, typing: bool| {
        app.overlay = Some(Overlay::Agenda { selected, typing });
    };
    let digit = match message {
        Message::Pick(index) => u32::try_from(index + 1).ok(),
        Message::Type(c) => c.to_digit(10),
        _ => None,
    };
    match message {
        Message::Up | Message::ScrollUp => {
            let to = shown.get(at.saturating_sub(1)).copied().unwrap_or(selected);
            keep(app, to, false);
            Vec::new()
        }
        Message::Down | Message::ScrollDown => {
            keep(app, shown.get(at + 1).copied().unwrap_or(selected), false);
            Vec::new()
        }
        _ if digit.is_some() || message == Message::Backspace => {
            let planned = app.section_planned(selected).unwrap_or(0);
            let minutes = match digit {
                Some(d) if typing => (planned * 10 + d).min(MAX_MINUTES),
                Some(d) => d,
                None => planned / 10,
            };
            let loads = loads(&app.loaded.questionnaire, app.flow.visibility());
            app.plan
                .agenda
                .get_or_insert_with(Agenda::default)
                .set_minutes(&loads, selected, minutes);
            keep(app, selected, true);
            saved(app)
        }
        Message::ToggleAgenda => {
            keep(app, selected, false);
            toggle(app)
        }
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        Message::Close => Vec::new(),
        _ => {
            keep(app, selected, typing);
            Vec::new()
        }
    }
}

/// Starts or stops the clock, saying so in words.
pub(super) fn toggle(app: &mut App) -> Vec<Effect> {
    bank(app);
    let agenda = app.plan.agenda.get_or_insert_with(Agenda::default);
    agenda.running = !agenda.running;
    let running = agenda.running;
    app.agenda_clock = None;
    follow(app);
    let planned = {
        let loads = app.agenda_loads();
        app.plan.agenda.as_ref().map_or(0, |a| a.total(&loads))
    };
    if running && planned == 0 {
        app.say("The clock runs, but no section has minutes yet: type them here.");
    } else if running {
        app.say(format!(
            "The agenda's clock runs: {planned} min planned; the header shows the time left."
        ));
    } else {
        app.say("The agenda's clock is stopped; the time used so far is kept.");
    }
    saved(app)
}

/// Adds the time the running section used since its clock started to the plan, and
/// starts its clock again from now.
pub(super) fn bank(app: &mut App) {
    let now = (app.now)();
    let Some(clock) = app.agenda_clock else {
        return;
    };
    crate::wizard::agenda::bank_clock(
        &mut app.plan,
        &app.loaded.questionnaire,
        clock.section,
        clock.since,
        now,
    );
    app.agenda_clock = Some(AgendaClock {
        section: clock.section,
        since: now,
    });
}

/// The clock follows the section the workshop is in: a change of section banks the time
/// of the one left. True when time was banked (the plan changed).
pub(super) fn follow(app: &mut App) -> bool {
    if !app.agenda_running() {
        app.agenda_clock = None;
        return false;
    }
    let Some(section) = app.agenda_section() else {
        return false;
    };
    match app.agenda_clock {
        Some(clock) if clock.section == section => false,
        Some(_) => {
            bank(app);
            app.agenda_clock = Some(AgendaClock {
                section,
                since: (app.now)(),
            });
            true
        }
        None => {
            app.agenda_clock = Some(AgendaClock {
                section,
                since: (app.now)(),
            });
            false
        }
    }
}

/// After every message: the clock follows the section, and a section whose time is up
/// offers to move on (unless the status line says something else).
pub(super) fn after(app: &mut App, mut effects: Vec<Effect>) -> Vec<Effect> {
    if matches!(app.screen, Screen::Gate(_)) {
        // No plan is open yet: nothing runs, nothing is saved.
        return effects;
    }
    if follow(app) {
        effects.extend(saved(app));
    }
    offer_to_move_on(app);
    super::dedup(effects)
}

/// A minute passed: the time is banked (so a crash loses at most a minute) and saved.
pub(super) fn tick(app: &mut App) -> Vec<Effect> {
    if !app.agenda_running() || matches!(app.screen, Screen::Gate(_)) {
        return Vec::new();
    }
    follow(app);
    bank(app);
    let effects = saved(app);
    after(app, effects)
}

/// When the section's time is up: says which key moves on, and what it parks.
fn offer_to_move_on(app: &mut App) {
    if app.status.is_some() || !matches!(app.screen, Screen::Question(_)) || app.overlay.is_some() {
        return;
    }
    let Some((section, standing)) = app.agenda_standing() else {
        return;
    };
    if !standing.is_up() {
        return;
    }
    // Sections by their titles, as the sidebar names them.
    let title = app
        .section_at(section)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let next = next_section(&app.agenda_loads(), section)
        .and_then(|s| app.section_at(s))
        .map(|s| s.title.clone());
    let open = open_in_section(app, section).len();
    let said = match (next, open) {
        (None, _) => format!("{title}: {}; this is the last section.", standing.words()),
        (Some(next), 0) => format!(
            "{title}: {}. Press M to move on to {next}.",
            standing.words()
        ),
        (Some(next), 1) => format!(
            "{title}: {}. Press M to move on to {next}, parking the question left here.",
            standing.words()
        ),
        (Some(next), open) => format!(
            "{title}: {}. Press M to move on to {next}, parking the {open} questions left here.",
            standing.words()
        ),
    };
    app.say(said);
}

/// The shown questions of a section nobody has answered yet.
fn open_in_section(app: &App, section: usize) -> Vec<Spot> {
    app.flow
        .shown()
        .iter()
        .copied()
        .filter(|s| s.section == section)
        .filter(|s| !is_answered(app.questionnaire(), &app.plan.answers, *s))
        .collect()
}

/// `M`: parks this section's unanswered questions (flagged "discuss later") and goes to
/// the first question of the next section.
pub(super) fn move_on(app: &mut App, spot: Spot) -> Vec<Effect> {
    leave_then(app, |app| {
        let Some(next) = app.flow.next_section(spot) else {
            app.say("This is the last section: nothing to move on to.");
            return Vec::new();
        };
        let now = (app.now)();
        let mut parked = 0;
        for open in open_in_section(app, spot.section) {
            let Some(id) = app.question_at(open).map(|q| q.id.clone()) else {
                continue;
            };
            let mut answer: Answer = app
                .plan
                .answers
                .get(id.as_str())
                .cloned()
                .unwrap_or_default();
            if !answer.discuss {
                answer.discuss = true;
                app.plan.set_answer(&id, answer, now);
                parked += 1;
            }
        }
        if parked > 0 {
            app.refresh();
        }
        let mut effects = go(app, Some(next));
        let title = app
            .section_at(next.section)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        let questions = if parked == 1 { "question" } else { "questions" };
        app.say(if parked > 0 {
            format!(
                "On to {title}: {parked} {questions} parked to discuss later (r, then Tab to \"discuss later\", lists them)."
            )
        } else {
            format!("On to {title}.")
        });
        effects.push(Effect::SavePlan);
        effects
    })
}

/// `f`: flags the question to discuss later; while the agenda's clock runs, parking it
/// moves on to the next question.
pub(super) fn park(app: &mut App, spot: Spot) -> Vec<Effect> {
    let mut effects = change_answer(app, Change::Discuss);
    let parked = app.current().is_some_and(|(_, q)| {
        app.plan
            .answers
            .get(q.id.as_str())
            .is_some_and(|a| a.discuss)
    });
    if parked && app.agenda_running() {
        match app.flow.next(spot) {
            Some(next) => effects.extend(go(app, Some(next))),
            None => app.say("Parked to discuss later; that was the last question."),
        }
        if app.status.is_none() {
            app.say("Parked to discuss later: on to the next question.");
        }
    }
    super::dedup(effects)
}

/// Save the plan, once it has a file.
fn saved(app: &App) -> Vec<Effect> {
    if app.saved_once {
        vec![Effect::SavePlan]
    } else {
        Vec::new()
    }
}
