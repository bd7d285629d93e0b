//! What a message does on the list screens: the review, the summary, the gaps, the
//! action plan and the plans.

use super::{back_to_questions, moved, open_from_list, switch_screen};
use crate::plan::ActionStatus;
use crate::tui::app::{ActionField, App, Overlay, Screen};
use crate::tui::layout;
use crate::tui::message::{Effect, Message};
use crate::tui::widgets::text_input::TextInput;
use crate::wizard::{Spot, actions};

pub(super) fn update_review(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Review(state) = &app.screen else {
        return Vec::new();
    };
    let filter = state.filter;
    let selected = state.selected;
    let rows = app.review_rows(filter);
    let set = |app: &mut App, selected: usize| {
        if let Screen::Review(state) = &mut app.screen {
            state.selected = selected;
        }
    };
    if let Some(to) = moved(selected, rows.len(), &message, layout::page(app)) {
        set(app, to);
        return Vec::new();
    }
    match message {
        Message::NextSection => {
            let current = rows.get(selected).map_or(0, |s| s.section);
            let next = rows.iter().position(|s| s.section > current);
            set(app, next.unwrap_or(selected));
        }
        Message::PrevSection => {
            let current = rows.get(selected).map_or(0, |s| s.section);
            let prev_section = rows
                .iter()
                .rev()
                .find(|s| s.section < current)
                .map(|s| s.section);
            let target = prev_section
                .and_then(|section| rows.iter().position(|s| s.section == section))
                .unwrap_or(0);
            set(app, target);
        }
        Message::Confirm => {
            if let Some(spot) = rows.get(selected).copied() {
                return open_from_list(app, Some(spot));
            }
            app.say("Nothing to open here: press Tab to list other answers.");
        }
        Message::CycleFilter => {
            if let Screen::Review(state) = &mut app.screen {
                state.filter = filter.next(!app.plan.participants.is_empty());
                state.selected = 0;
            }
        }
        Message::Select(index) if index == selected => {
            return open_from_list(app, rows.get(index).copied());
        }
        Message::Select(index) if index < rows.len() => set(app, index),
        other => return switch_screen(app, &other).unwrap_or_default(),
    }
    Vec::new()
}

pub(super) fn update_summary(app: &mut App, message: Message) -> Vec<Effect> {
    let page = u16::try_from(layout::page(app)).unwrap_or(1);
    let max = layout::summary_max_scroll(app);
    let Screen::Summary(state) = &mut app.screen else {
        return Vec::new();
    };
    let scroll = state.scroll.min(max);
    state.scroll = match message {
        Message::Up | Message::ScrollUp => scroll.saturating_sub(1),
        Message::Down | Message::ScrollDown => scroll.saturating_add(1).min(max),
        Message::PageUp => scroll.saturating_sub(page),
        Message::PageDown => scroll.saturating_add(page).min(max),
        other => return switch_screen(app, &other).unwrap_or_default(),
    };
    Vec::new()
}

pub(super) fn update_since(app: &mut App, message: Message) -> Vec<Effect> {
    let page = u16::try_from(layout::page(app)).unwrap_or(1);
    let max = crate::tui::screens::since::max_scroll(app, layout::body(app));
    let Screen::Since(state) = &mut app.screen else {
        return Vec::new();
    };
    let scroll = state.scroll.min(max);
    state.scroll = match message {
        Message::Up | Message::ScrollUp => scroll.saturating_sub(1),
        Message::Down | Message::ScrollDown => scroll.saturating_add(1).min(max),
        Message::PageUp => scroll.saturating_sub(page),
        Message::PageDown => scroll.saturating_add(page).min(max),
        other => return switch_screen(app, &other).unwrap_or_default(),
    };
    Vec::new()
}

/// The selected row of a list screen, moved by a row, a page or a click on another
/// row, within `count` rows; false when the message moves nothing. A click on the
/// selected row is left to the screen: it opens the row, as Enter does.
fn move_selection(app: &mut App, message: &Message, count: usize) -> bool {
    let page = layout::page(app);
    let (Screen::Gaps(state) | Screen::Actions(state)) = &mut app.screen else {
        return false;
    };
    let to = match message {
        Message::Select(index) if *index != state.selected && *index < count => *index,
        other => match moved(state.selected, count, other, page) {
            Some(to) => to,
            None => return false,
        },
    };
    state.selected = to;
    true
}

fn selected_row(app: &App) -> usize {
    match &app.screen {
        Screen::Gaps(state) | Screen::Actions(state) => state.selected,
        _ => 0,
    }
}

/// The question a gap or action is about, shown to change its answer.
pub(super) fn open_question(app: &mut App, id: &str) -> Vec<Effect> {
    match app.questionnaire().locate(id) {
        Some((section, question)) => {
            let spot = app.flow.settle(Spot { section, question });
            open_from_list(app, spot)
        }
        None => {
            app.warn("That question is not in this version of the questionnaire.");
            Vec::new()
        }
    }
}

pub(super) fn update_gaps(app: &mut App, message: Message) -> Vec<Effect> {
    let count = app.report().gaps.len();
    if move_selection(app, &message, count) {
        return Vec::new();
    }
    let gap = app.report().gaps.get(selected_row(app)).cloned();
    match message {
        Message::Pick(index) => {
            let Some(gap) = gap else {
                return Vec::new();
            };
            let Some(recommendation) = gap.recommendations.get(index).map(|r| r.id.clone()) else {
                app.warn("There is no recommendation with that number for this gap.");
                return Vec::new();
            };
            let now = (app.now)();
            let questionnaire = app.loaded.questionnaire.clone();
            let toggled = actions::toggle(
                &mut app.plan,
                &questionnaire,
                &gap.question_id,
                &recommendation,
                now,
            );
            app.refresh_report();
            match toggled {
                Ok(actions::Toggled::Added) => {
                    app.say("Added to the action plan (press a to see it).")
                }
                Ok(actions::Toggled::Removed) => app.say("Taken out of the action plan."),
                Ok(actions::Toggled::Kept) => {
                    app.say("This action has an owner or has started, so it stays: change it in the action plan.");
                    return Vec::new();
                }
                Err(error) => {
                    app.warn(error.to_string());
                    return Vec::new();
                }
            }
            vec![Effect::SavePlan]
        }
        Message::AddFindOut => {
            let Some(gap) = gap else {
                return Vec::new();
            };
            if !gap.unsure {
                app.warn("This answer is known: only an answer \"I don't know yet\" becomes a find-out item.");
                return Vec::new();
            }
            let questionnaire = app.loaded.questionnaire.clone();
            match actions::add_find_out(
                &mut app.plan,
                &questionnaire,
                &gap.question_id,
                (app.now)(),
            ) {
                Ok(index) => {
                    app.refresh_report();
                    app.say("Finding out is in the action plan: who will find out, and by when?");
                    let owner = app.plan.actions[index].owner.clone();
                    app.overlay = Some(ask(index, ActionField::Owner, &owner, true));
                    vec![Effect::SavePlan]
                }
                Err(error) => {
                    app.warn(error.to_string());
                    Vec::new()
                }
            }
        }
        Message::Confirm | Message::Select(_) => match gap {
            Some(gap) => open_question(app, &gap.question_id),
            None => Vec::new(),
        },
        other => switch_screen(app, &other).unwrap_or_default(),
    }
}

pub(super) fn update_actions(app: &mut App, message: Message) -> Vec<Effect> {
    let count = app.plan.actions.len();
    if move_selection(app, &message, count) {
        return Vec::new();
    }
    let index = selected_row(app);
    let now = (app.now)();
    let has_action = index < count;
    match message {
        Message::CycleStatus if has_action => {
            actions::cycle_status(&mut app.plan, index, now);
            app.refresh_report();
            if app.plan.actions[index].status == ActionStatus::Done {
                let open = actions::gap_left_open(&app.plan, &app.loaded.questionnaire, index);
                app.overlay = open.map(|question| Overlay::UpdateAnswer { question });
            }
            vec![Effect::SavePlan]
        }
        Message::NewAction => {
            app.overlay = Some(ask(count, ActionField::New, "", true));
            Vec::new()
        }
        Message::EditText if has_action => {
            let words = app
                .report()
                .actions
                .get(index)
                .map(|a| a.text.clone())
                .unwrap_or_default();
            app.overlay = Some(ask(index, ActionField::Text, &words, false));
            Vec::new()
        }
        Message::EditOwner | Message::EditDue if has_action => {
            let action = &app.plan.actions[index];
            let (field, text) = if message == Message::EditOwner {
                (ActionField::Owner, action.owner.clone())
            } else {
                (
                    ActionField::Due,
                    action.due.map(|d| d.to_string()).unwrap_or_default(),
                )
            };
            app.overlay = Some(ask(index, field, &text, false));
            Vec::new()
        }
        Message::RemoveAction if has_action => match actions::remove(&mut app.plan, index, now) {
            Ok(()) => {
                app.refresh_report();
                if let Screen::Actions(state) = &mut app.screen {
                    state.selected = state.selected.min(count.saturating_sub(2));
                }
                app.say("Removed from the action plan.");
                vec![Effect::SavePlan]
            }
            Err(error) => {
                app.warn(error.to_string());
                Vec::new()
            }
        },
        Message::Confirm | Message::Select(_) if has_action => {
            let question = app.plan.actions[index].question.clone();
            open_question(app, &question)
        }
        other => switch_screen(app, &other).unwrap_or_default(),
    }
}

/// The box that asks for one detail of the action at `index`, filled in with `text`;
/// `then_ask`: the owner, then the due date, are asked after it (a new item).
pub(super) fn ask(index: usize, field: ActionField, text: &str, then_ask: bool) -> Overlay {
    Overlay::ActionField {
        index,
        field,
        input: TextInput::single(text),
        error: None,
        then_ask,
    }
}

pub(super) fn update_plans(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Plans(state) = &mut app.screen else {
        return Vec::new();
    };
    let count = state.rows.len();
    let selected = state.selected;
    let page = layout::page(app);
    let Screen::Plans(state) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(to) = moved(selected, count, &message, page) {
        state.selected = to;
        return Vec::new();
    }
    match message {
        Message::Select(index) if index != selected && index < count => state.selected = index,
        Message::Confirm | Message::Select(_) => {
            let Some(row) = state.rows.get(state.selected) else {
                return Vec::new();
            };
            if let Some(problem) = &row.problem {
                let problem = problem.clone();
                app.warn(problem);
                return Vec::new();
            }
            // By file: a copy with the same name is another plan.
            if app.plan_file.as_deref() == Some(row.file.as_path()) {
                return back_to_questions(app);
            }
            let file = row.file.clone();
            super::close_session(app);
            return vec![Effect::SavePlan, Effect::SwitchPlan(file)];
        }
        Message::NewPlan => app.overlay = Some(Overlay::NewPlan(TextInput::single(""), None)),
        Message::ToggleHighlighted => return super::compare::toggle_mark(app),
        Message::OpenCompare => return super::compare::open_compare(app),
        other => return switch_screen(app, &other).unwrap_or_default(),
    }
    Vec::new()
}
