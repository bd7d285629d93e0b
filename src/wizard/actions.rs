//! The action plan's rules, shared by every front end: accepting a recommendation into the
//! plan (due by default that many days from acceptance), a find-out item for an answer not
//! known yet, an action of the owner's own, naming an owner, setting a due date, changing
//! the words, moving the status on (done leaves the gap open until its answer changes),
//! and removing an action that has not started. Pure.

use jiff::Timestamp;
use jiff::civil::Date;

use super::entry::{EntryError, parse_calendar_date};
use crate::local_zone::local_zone;
use crate::plan::{Action, ActionStatus, Plan};
use crate::questionnaire::Questionnaire;

/// What accepting a recommendation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggled {
    /// It is in the action plan now.
    Added,
    /// It was open and untouched, and is out of the plan again.
    Removed,
    /// It is under way or done, so it stays (set it back to open to remove it).
    Kept,
}

/// Why the action plan could not be changed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("The recommendation \"{0}\" is not in the questionnaire.")]
    UnknownRecommendation(String),
    /// A due date that is not a date.
    #[error(transparent)]
    Due(#[from] EntryError),
    /// Under way or done: only an open action is removed.
    #[error("This action is {status}: set it back to open (Space) before removing it.")]
    Started { status: &'static str },
    /// A find-out item for a question the questionnaire does not have.
    #[error("There is no question \"{0}\" in the questionnaire.")]
    UnknownQuestion(String),
    /// An action of the owner's own with no words.
    #[error("Say what is to be done, like \"ask the bank about the card reader\".")]
    NoWords,
    /// A status that is none of open, in progress, done.
    #[error("\"{0}\" is not a status: type open, in progress or done.")]
    UnknownStatus(String),
}

/// Front ends that speak in sentences take the error as its sentence.
impl From<ActionError> for String {
    fn from(error: ActionError) -> String {
        error.to_string()
    }
}

/// The position of the action for this recommendation, if it is in the plan.
pub fn find(plan: &Plan, recommendation: &str) -> Option<usize> {
    if recommendation.is_empty() {
        return None;
    }
    plan.actions
        .iter()
        .position(|a| a.recommendation == recommendation)
}

/// The position of the find-out item for this question, if it is in the plan.
pub fn find_out_item(plan: &Plan, question: &str) -> Option<usize> {
    plan.actions
        .iter()
        .position(|a| a.find_out && a.question == question)
}

/// The date of a moment in the local time zone.
pub fn local_date(at: Timestamp) -> Date {
    at.to_zoned(local_zone()).date()
}

/// Accepts a recommendation into the action plan, or takes an untouched one out again.
pub fn toggle(
    plan: &mut Plan,
    questionnaire: &Questionnaire,
    question: &str,
    recommendation: &str,
    now: Timestamp,
) -> Result<Toggled, ActionError> {
    if let Some(index) = find(plan, recommendation) {
        let action = &plan.actions[index];
        if action.status != ActionStatus::Open || !action.owner.is_empty() {
            return Ok(Toggled::Kept);
        }
        plan.actions.remove(index);
        plan.updated = now;
        return Ok(Toggled::Removed);
    }
    let advice = questionnaire
        .question(question)
        .and_then(|q| q.recommendations.iter().find(|r| r.id == recommendation))
        .ok_or_else(|| ActionError::UnknownRecommendation(recommendation.to_string()))?;
    let due = crate::report::text::days_later(local_date(now), advice.due_in_days);
    plan.actions.push(Action {
        recommendation: recommendation.to_string(),
        question: question.to_string(),
        text: None,
        find_out: false,
        owner: String::new(),
        due,
        status: ActionStatus::Open,
        accepted: now,
        extra: serde_json::Map::new(),
    });
    plan.updated = now;
    Ok(Toggled::Added)
}

/// Puts "find out the answer to this question" in the action plan (once: an item already
/// there is kept); its position. The question must be in the questionnaire.
pub fn add_find_out(
    plan: &mut Plan,
    questionnaire: &Questionnaire,
    question: &str,
    now: Timestamp,
) -> Result<usize, ActionError> {
    if questionnaire.question(question).is_none() {
        return Err(ActionError::UnknownQuestion(question.to_string()));
    }
    if let Some(index) = find_out_item(plan, question) {
        return Ok(index);
    }
    plan.actions.push(Action {
        recommendation: String::new(),
        question: question.to_string(),
        text: None,
        find_out: true,
        owner: String::new(),
        due: None,
        status: ActionStatus::Open,
        accepted: now,
        extra: serde_json::Map::new(),
    });
    plan.updated = now;
    Ok(plan.actions.len() - 1)
}

/// Adds an action of the owner's own, in their words, with who does it and by when
/// (`due` typed as for [`set_due`]); its position.
pub fn add_own(
    plan: &mut Plan,
    text: &str,
    owner: &str,
    due: &str,
    now: Timestamp,
) -> Result<usize, ActionError> {
    let text = own_words(text)?;
    let due = parse_due(due)?;
    plan.actions.push(Action {
        recommendation: String::new(),
        question: String::new(),
        text: Some(text),
        find_out: false,
        owner: owner.trim().to_string(),
        due,
        status: ActionStatus::Open,
        accepted: now,
        extra: serde_json::Map::new(),
    });
    plan.updated = now;
    Ok(plan.actions.len() - 1)
}

/// Changes an action's words. Empty gives a recommendation or a find-out item its own
/// words back; an action of the owner's own needs some.
pub fn set_text(
    plan: &mut Plan,
    index: usize,
    text: &str,
    now: Timestamp,
) -> Result<(), ActionError> {
    let Some(action) = plan.actions.get_mut(index) else {
        return Ok(());
    };
    action.text = if text.trim().is_empty() && !action.is_own() {
        None
    } else {
        Some(own_words(text)?)
    };
    plan.updated = now;
    Ok(())
}

fn own_words(text: &str) -> Result<String, ActionError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ActionError::NoWords);
    }
    Ok(text.to_string())
}

/// Reads a status as typed: `open`, `in progress` (or `progress`, `started`), `done`.
pub fn parse_status(typed: &str) -> Result<ActionStatus, ActionError> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    match words.join(" ").as_str() {
        "open" | "not started" => Ok(ActionStatus::Open),
        "in progress" | "progress" | "in-progress" | "started" => Ok(ActionStatus::InProgress),
        "done" | "finished" => Ok(ActionStatus::Done),
        _ => Err(ActionError::UnknownStatus(typed.trim().to_string())),
    }
}

/// Sets an action's status.
pub fn set_status(plan: &mut Plan, index: usize, status: ActionStatus, now: Timestamp) {
    if let Some(action) = plan.actions.get_mut(index) {
        action.status = status;
        plan.updated = now;
    }
}

/// The question whose answer still makes a gap after this action is done: marking an
/// action done changes no answer, so the gap closes only when the answer does. None for
/// an action of the owner's own, or when the question is no gap (any longer).
pub fn gap_left_open(plan: &Plan, questionnaire: &Questionnaire, index: usize) -> Option<String> {
    let action = plan.actions.get(index)?;
    if action.is_own() {
        return None;
    }
    crate::scoring::assess(questionnaire, &plan.answers)
        .gaps
        .iter()
        .any(|gap| gap.question == action.question)
        .then(|| action.question.clone())
}

/// Names who will do an action (empty: nobody yet).
pub fn set_owner(plan: &mut Plan, index: usize, owner: &str, now: Timestamp) {
    if let Some(action) = plan.actions.get_mut(index) {
        action.owner = owner.trim().to_string();
        plan.updated = now;
    }
}

/// Sets an action's due date from what was typed (`YYYY-MM-DD`; empty: none).
pub fn set_due(
    plan: &mut Plan,
    index: usize,
    typed: &str,
    now: Timestamp,
) -> Result<(), ActionError> {
    let due = parse_due(typed)?;
    if let Some(action) = plan.actions.get_mut(index) {
        action.due = due;
        plan.updated = now;
    }
    Ok(())
}

/// A due date as typed (`YYYY-MM-DD`; empty: none).
fn parse_due(typed: &str) -> Result<Option<Date>, ActionError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    Ok(Some(parse_calendar_date(typed)?))
}

/// Moves an action on: open, in progress, done, and round again.
pub fn cycle_status(plan: &mut Plan, index: usize, now: Timestamp) {
    if let Some(action) = plan.actions.get_mut(index) {
        action.status = action.status.next();
        plan.updated = now;
    }
}

/// Removes an action that has not started; one under way or done stays.
pub fn remove(plan: &mut Plan, index: usize, now: Timestamp) -> Result<(), ActionError> {
    match plan.actions.get(index) {
        Some(action) if action.status == ActionStatus::Open => {
            plan.actions.remove(index);
            plan.updated = now;
            Ok(())
        }
        Some(action) => Err(ActionError::Started {
            status: action.status.label(),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
