//! The action plan's rules, shared by every front end: accepting a recommendation into the
//! plan (due by default that many days from acceptance), naming an owner, setting a due
//! date, moving the status on, and removing an action that has not started. Pure.

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
}

/// The position of the action for this recommendation, if it is in the plan.
pub fn find(plan: &Plan, recommendation: &str) -> Option<usize> {
    plan.actions
        .iter()
        .position(|a| a.recommendation == recommendation)
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
        owner: String::new(),
        due,
        status: ActionStatus::Open,
        accepted: now,
        extra: serde_json::Map::new(),
    });
    plan.updated = now;
    Ok(Toggled::Added)
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
    let typed = typed.trim();
    let due = if typed.is_empty() {
        None
    } else {
        Some(parse_calendar_date(typed)?)
    };
    if let Some(action) = plan.actions.get_mut(index) {
        action.due = due;
        plan.updated = now;
    }
    Ok(())
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
mod tests {
    use super::*;
    use crate::plan::PlanName;
    use crate::questionnaire::load::load_text;

    fn setup() -> (crate::questionnaire::Loaded, Plan, Timestamp) {
        let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
        let loaded = load_text("small.json", text, false).unwrap();
        let now: Timestamp = "2026-11-22T10:00:00Z".parse().unwrap();
        let plan = Plan::new(&PlanName::new("t").unwrap(), &loaded, now);
        (loaded, plan, now)
    }

    #[test]
    fn accepting_adds_an_action_due_in_the_recommended_days() {
        let (loaded, mut plan, now) = setup();
        let q = &loaded.questionnaire;
        assert_eq!(
            toggle(&mut plan, q, "problem", "write-problem", now),
            Ok(Toggled::Added)
        );
        let action = &plan.actions[0];
        assert_eq!(action.question, "problem");
        assert_eq!(action.status, ActionStatus::Open);
        let expected = local_date(now)
            .checked_add(jiff::Span::new().days(7))
            .unwrap();
        assert_eq!(action.due, Some(expected));
        assert_eq!(
            toggle(&mut plan, q, "problem", "no-such-advice", now),
            Err(ActionError::UnknownRecommendation("no-such-advice".into()))
        );
    }

    #[test]
    fn an_untouched_action_can_be_taken_out_again_but_a_started_one_stays() {
        let (loaded, mut plan, now) = setup();
        let q = &loaded.questionnaire;
        toggle(&mut plan, q, "problem", "write-problem", now).unwrap();
        assert_eq!(
            toggle(&mut plan, q, "problem", "write-problem", now),
            Ok(Toggled::Removed)
        );
        assert!(plan.actions.is_empty());
        toggle(&mut plan, q, "problem", "write-problem", now).unwrap();
        cycle_status(&mut plan, 0, now);
        assert_eq!(
            toggle(&mut plan, q, "problem", "write-problem", now),
            Ok(Toggled::Kept)
        );
        assert_eq!(
            remove(&mut plan, 0, now),
            Err(ActionError::Started {
                status: "in progress"
            })
        );
        cycle_status(&mut plan, 0, now);
        cycle_status(&mut plan, 0, now);
        assert_eq!(plan.actions[0].status, ActionStatus::Open);
        set_owner(&mut plan, 0, "  Sam Patel ", now);
        assert_eq!(plan.actions[0].owner, "Sam Patel");
        assert_eq!(
            toggle(&mut plan, q, "problem", "write-problem", now),
            Ok(Toggled::Kept)
        );
        remove(&mut plan, 0, now).unwrap();
        assert!(plan.actions.is_empty());
    }

    #[test]
    fn due_dates_are_checked() {
        let (loaded, mut plan, now) = setup();
        toggle(
            &mut plan,
            &loaded.questionnaire,
            "problem",
            "write-problem",
            now,
        )
        .unwrap();
        assert_eq!(
            set_due(&mut plan, 0, "31/12/2026", now).map_err(|e| e.to_string()),
            Err("\"31/12/2026\" is not a date: type it as YYYY-MM-DD, like 2027-03-31.".into())
        );
        set_due(&mut plan, 0, "2026-12-31", now).unwrap();
        assert_eq!(plan.actions[0].due, Some(jiff::civil::date(2026, 12, 31)));
        set_due(&mut plan, 0, "", now).unwrap();
        assert_eq!(plan.actions[0].due, None);
    }
}
