//! `update`: one message changes the app state and returns what must happen outside it
//! (save, load, quit) as effects. No terminal and no disk here, so every path is tested
//! by feeding messages.

use super::app::{
    ActionField, App, ListState, Overlay, PlansState, QuestionState, ReviewState, Screen,
    SummaryState,
};
use super::message::{Effect, Message};
use super::screens::{question as question_screen, review as review_screen};
use super::widgets::text_input::TextInput;
use crate::plan::PlanName;
use crate::report::text::capitalised;
use crate::wizard::{self, Change, Spot, actions, entry_text};

/// Applies one message to the app and says what must happen outside it.
pub fn update(app: &mut App, message: Message) -> Vec<Effect> {
    if matches!(message, Message::Quit | Message::Terminate) {
        return quit(app);
    }
    if app.context() == super::keymap::Context::TooSmall {
        return Vec::new();
    }
    app.status = None;
    if let Some(overlay) = app.overlay.take() {
        return update_overlay(app, overlay, message);
    }
    match &app.screen {
        Screen::Welcome(_) => update_welcome(app, message),
        Screen::Question(_) => update_question(app, message),
        Screen::Review(_) => update_review(app, message),
        Screen::Summary(_) => update_summary(app, message),
        Screen::Gaps(_) => update_gaps(app, message),
        Screen::Actions(_) => update_actions(app, message),
        Screen::Plans(_) => update_plans(app, message),
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    let mut effects = Vec::new();
    if matches!(&app.screen, Screen::Question(_)) {
        // What is being typed is kept: a valid entry is saved, anything else stays a draft.
        let _ = commit_field(app);
    }
    if app.saved_once {
        effects.push(Effect::SavePlan);
    }
    effects.push(Effect::Quit);
    effects
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

fn update_welcome(app: &mut App, message: Message) -> Vec<Effect> {
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

fn update_question(app: &mut App, message: Message) -> Vec<Effect> {
    let Some((state, question)) = app.current() else {
        return Vec::new();
    };
    let spot = state.spot;
    let typing = state.typing;
    let is_choice = question.kind.is_choice();
    let option_count = question.options.len();
    let highlight = state.highlight;

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

    match message {
        Message::Pick(index) if is_choice => {
            set_highlight(app, index.min(option_count.saturating_sub(1)));
            change_answer(app, Change::Pick(index))
        }
        Message::Pick(index) => {
            // A digit on a typed question starts typing with it.
            start_typing(app);
            update_question(app, Message::Type(char::from(b'1' + index as u8)))
        }
        Message::ToggleHighlighted if is_choice => change_answer(app, Change::Pick(highlight)),
        Message::Up | Message::ScrollUp if is_choice => {
            set_highlight(app, highlight.saturating_sub(1));
            Vec::new()
        }
        Message::Down | Message::ScrollDown if is_choice => {
            set_highlight(app, (highlight + 1).min(option_count.saturating_sub(1)));
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
        Message::Discuss => change_answer(app, Change::Discuss),
        Message::ClearAnswer => {
            if let Screen::Question(state) = &mut app.screen {
                if let Some(field) = state.field.as_mut() {
                    field.clear();
                }
                state.field_error = None;
            }
            if let Some((_, q)) = app.current() {
                let id = q.id.clone();
                app.drafts.remove(&id);
            }
            change_answer(app, Change::Clear)
        }
        Message::EditNote => {
            let note = app
                .current()
                .and_then(|(_, q)| app.plan.answers.get(&q.id))
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
            let selected = review_screen::rows(app, Default::default())
                .iter()
                .position(|row| *row == spot)
                .unwrap_or(0);
            app.screen = Screen::Review(ReviewState {
                selected,
                ..ReviewState::default()
            });
            Vec::new()
        }),
        Message::OpenSummary => leave_then(app, |app| {
            app.screen = Screen::Summary(SummaryState::default());
            Vec::new()
        }),
        Message::OpenPlans => leave_then(app, |app| {
            app.screen = Screen::Plans(PlansState::default());
            vec![Effect::LoadPlanList]
        }),
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        Message::Click(column, row) => click_question(app, column, row),
        _ => Vec::new(),
    }
}

fn set_highlight(app: &mut App, index: usize) {
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
        wizard::parse_entry(question, typed).err()
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
            .get(&question.id)
            .is_none_or(|a| a.state == crate::answer::AnswerState::Unanswered);
        if unanswered && question.kind != crate::questionnaire::QuestionType::Multi {
            // Enter on a highlighted option picks it: arrows then Enter answers too.
            effects = change_answer(app, Change::Pick(state.highlight));
        }
    } else {
        match commit_field(app) {
            Ok(saved) => effects = saved,
            Err(error) => {
                app.warn(error);
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

fn dedup(effects: Vec<Effect>) -> Vec<Effect> {
    let mut seen = Vec::new();
    for effect in effects {
        if !seen.contains(&effect) {
            seen.push(effect);
        }
    }
    seen
}

/// Leaves the question (keeping what was typed), then does what was asked.
fn leave_then(app: &mut App, then: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
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
fn commit_field(app: &mut App) -> Result<Vec<Effect>, String> {
    let Some((state, question)) = app.current() else {
        return Ok(Vec::new());
    };
    let Some(field) = state.field.as_ref() else {
        return Ok(Vec::new());
    };
    let typed = field.text().to_string();
    let id = question.id.clone();
    let current = app.plan.answers.get(&id);
    let unchanged = current
        .and_then(|a| a.value.as_ref())
        .map(entry_text)
        .unwrap_or_default()
        == typed;
    if unchanged {
        app.drafts.remove(&id);
        return Ok(Vec::new());
    }
    if typed.trim().is_empty() {
        app.drafts.remove(&id);
        let had_value = current.is_some_and(|a| a.value.is_some());
        return Ok(if had_value {
            change_answer(app, Change::Clear)
        } else {
            Vec::new()
        });
    }
    match wizard::parse_entry(question, &typed) {
        Ok(value) => {
            app.drafts.remove(&id);
            Ok(change_answer(app, Change::Entry(value)))
        }
        Err(error) => {
            app.drafts.insert(id, typed);
            if let Screen::Question(state) = &mut app.screen {
                state.field_error = Some(error.clone());
            }
            Err(error)
        }
    }
}

/// Changes the answer on screen, works out what that shows or hides, and saves.
fn change_answer(app: &mut App, change: Change) -> Vec<Effect> {
    let Some((_, question)) = app.current() else {
        return Vec::new();
    };
    let id = question.id.clone();
    let updated = match wizard::apply(question, app.plan.answers.get(&id), change) {
        Ok(answer) => answer,
        Err(reason) => {
            app.warn(reason);
            return Vec::new();
        }
    };
    let before = app.flow.clone();
    let now = (app.now)();
    app.plan.set_answer(&id, updated, now);
    app.refresh();
    let notice = wizard::change_notice(&before, &app.flow);
    if let Screen::Question(state) = &mut app.screen
        && notice.is_some()
    {
        state.notice = notice;
    }
    vec![Effect::SavePlan]
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

fn click_question(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    match question_screen::hit(app, app.area, column, row) {
        Some(question_screen::Target::Section(section)) => {
            let target = app.flow.first_in_section(section);
            leave_then(app, |app| go(app, target))
        }
        Some(question_screen::Target::Option(index)) => {
            set_highlight(app, index);
            change_answer(app, Change::Pick(index))
        }
        Some(question_screen::Target::Unsure) => change_answer(app, Change::Unsure),
        Some(question_screen::Target::NotApplicable) => change_answer(app, Change::NotApplicable),
        Some(question_screen::Target::Field) => {
            start_typing(app);
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn update_review(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Review(state) = &app.screen else {
        return Vec::new();
    };
    let filter = state.filter;
    let selected = state.selected;
    let rows = review_screen::rows(app, filter);
    let set = |app: &mut App, selected: usize| {
        if let Screen::Review(state) = &mut app.screen {
            state.selected = selected;
        }
    };
    match message {
        Message::Up | Message::ScrollUp => set(app, selected.saturating_sub(1)),
        Message::Down | Message::ScrollDown => {
            set(app, (selected + 1).min(rows.len().saturating_sub(1)))
        }
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
                return go(app, Some(spot));
            }
            app.say("Nothing to open here: press Tab to list other answers.");
        }
        Message::CycleFilter => {
            if let Screen::Review(state) = &mut app.screen {
                state.filter = filter.next();
                state.selected = 0;
            }
        }
        Message::Click(column, row) => {
            if let Some(index) = review_screen::hit(app, app.area, column, row) {
                if index == selected
                    && let Some(spot) = rows.get(index).copied()
                {
                    return go(app, Some(spot));
                }
                set(app, index);
            }
        }
        Message::OpenSummary => app.screen = Screen::Summary(SummaryState::default()),
        Message::OpenQuestions | Message::Close => return back_to_questions(app),
        Message::ShowHelp => app.overlay = Some(Overlay::Help),
        _ => {}
    }
    Vec::new()
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

fn update_summary(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Summary(state) = &mut app.screen else {
        return Vec::new();
    };
    match message {
        Message::Up | Message::ScrollUp => state.scroll = state.scroll.saturating_sub(1),
        Message::Down | Message::ScrollDown => state.scroll = state.scroll.saturating_add(1),
        Message::OpenReview => app.screen = Screen::Review(ReviewState::default()),
        Message::OpenGaps => app.screen = Screen::Gaps(ListState::default()),
        Message::Export => return vec![Effect::ExportReport],
        Message::OpenActions => app.screen = Screen::Actions(ListState::default()),
        Message::OpenQuestions | Message::Close => return back_to_questions(app),
        Message::OpenPlans => {
            app.screen = Screen::Plans(PlansState::default());
            return vec![Effect::LoadPlanList];
        }
        Message::ShowHelp => app.overlay = Some(Overlay::Help),
        _ => {}
    }
    Vec::new()
}

/// The selected row of a list screen, moved by `Up` and `Down` within `count` rows.
fn move_selection(app: &mut App, message: &Message, count: usize) -> bool {
    let (Screen::Gaps(state) | Screen::Actions(state)) = &mut app.screen else {
        return false;
    };
    match message {
        Message::Up | Message::ScrollUp => state.selected = state.selected.saturating_sub(1),
        Message::Down | Message::ScrollDown => {
            state.selected = (state.selected + 1).min(count.saturating_sub(1))
        }
        _ => return false,
    }
    true
}

fn selected_row(app: &App) -> usize {
    match &app.screen {
        Screen::Gaps(state) | Screen::Actions(state) => state.selected,
        _ => 0,
    }
}

/// The question a gap or action is about, shown to change its answer.
fn open_question(app: &mut App, id: &str) -> Vec<Effect> {
    match app.questionnaire().locate(id) {
        Some((section, question)) => {
            let spot = app.flow.settle(Spot { section, question });
            go(app, spot)
        }
        None => {
            app.warn("That question is not in this version of the questionnaire.");
            Vec::new()
        }
    }
}

fn update_gaps(app: &mut App, message: Message) -> Vec<Effect> {
    let count = app.report.gaps.len();
    if move_selection(app, &message, count) {
        return Vec::new();
    }
    let gap = app.report.gaps.get(selected_row(app)).cloned();
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
                    app.warn(error);
                    return Vec::new();
                }
            }
            vec![Effect::SavePlan]
        }
        Message::Confirm => match gap {
            Some(gap) => open_question(app, &gap.question_id),
            None => Vec::new(),
        },
        Message::OpenActions => {
            app.screen = Screen::Actions(ListState::default());
            Vec::new()
        }
        Message::Export => vec![Effect::ExportReport],
        Message::OpenSummary => {
            app.screen = Screen::Summary(SummaryState::default());
            Vec::new()
        }
        Message::OpenQuestions | Message::Close => back_to_questions(app),
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn update_actions(app: &mut App, message: Message) -> Vec<Effect> {
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
            vec![Effect::SavePlan]
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
            app.overlay = Some(Overlay::ActionField {
                index,
                field,
                input: TextInput::single(&text),
                error: None,
            });
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
                app.warn(error);
                Vec::new()
            }
        },
        Message::Confirm if has_action => {
            let question = app.plan.actions[index].question.clone();
            open_question(app, &question)
        }
        Message::OpenGaps => {
            app.screen = Screen::Gaps(ListState::default());
            Vec::new()
        }
        Message::Export => vec![Effect::ExportReport],
        Message::OpenSummary => {
            app.screen = Screen::Summary(SummaryState::default());
            Vec::new()
        }
        Message::OpenQuestions | Message::Close => back_to_questions(app),
        Message::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn update_plans(app: &mut App, message: Message) -> Vec<Effect> {
    let Screen::Plans(state) = &mut app.screen else {
        return Vec::new();
    };
    let count = state.rows.len();
    match message {
        Message::Up | Message::ScrollUp => state.selected = state.selected.saturating_sub(1),
        Message::Down | Message::ScrollDown => {
            state.selected = (state.selected + 1).min(count.saturating_sub(1))
        }
        Message::Confirm => {
            let Some(row) = state.rows.get(state.selected) else {
                return Vec::new();
            };
            if let Some(problem) = &row.problem {
                let problem = problem.clone();
                app.warn(problem);
                return Vec::new();
            }
            if row.name == app.plan.name {
                return back_to_questions(app);
            }
            let name = row.name.clone();
            return vec![Effect::SavePlan, Effect::SwitchPlan(name)];
        }
        Message::NewPlan => app.overlay = Some(Overlay::NewPlan(TextInput::single(""), None)),
        Message::OpenQuestions | Message::Close => return back_to_questions(app),
        Message::ShowHelp => app.overlay = Some(Overlay::Help),
        _ => {}
    }
    Vec::new()
}

fn update_overlay(app: &mut App, overlay: Overlay, message: Message) -> Vec<Effect> {
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

impl QuestionState {
    /// The question screen's state for a spot, nothing typed.
    pub fn at(spot: Spot) -> QuestionState {
        QuestionState {
            spot,
            highlight: 0,
            field: None,
            typing: false,
            field_error: None,
            notice: None,
        }
    }
}
