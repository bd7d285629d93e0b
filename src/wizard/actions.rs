//! The action plan's rules, shared by every front end: accepting a recommendation into the
//! plan (due by default that many days from acceptance), a find-out item for an answer not
//! known yet, an action of the owner's own, naming an owner, setting a due date, changing
//! the words, moving the status on (done leaves the gap open until its answer changes),
//! and removing an action that has not started. Pure.

use jiff::Timestamp;
use jiff::civil::Date;

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
) -> Result<Toggled, String> {
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
        .ok_or_else(|| {
            format!("The recommendation \"{recommendation}\" is not in the questionnaire.")
        })?;
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
) -> Result<usize, String> {
    if questionnaire.question(question).is_none() {
        return Err(format!(
            "There is no question \"{question}\" in the questionnaire."
        ));
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
) -> Result<usize, String> {
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
pub fn set_text(plan: &mut Plan, index: usize, text: &str, now: Timestamp) -> Result<(), String> {
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

fn own_words(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Say what is to be done, like \"ask the bank about the card reader\".".into());
    }
    Ok(text.to_string())
}

/// Reads a status as typed: `open`, `in progress` (or `progress`, `started`), `done`.
pub fn parse_status(typed: &str) -> Result<ActionStatus, String> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    match words.join(" ").as_str() {
        "open" | "not started" => Ok(ActionStatus::Open),
        "in progress" | "progress" | "in-progress" | "started" => Ok(ActionStatus::InProgress),
        "done" | "finished" => Ok(ActionStatus::Done),
        _ => Err(format!(
            "\"{}\" is not a status: type open, in progress or done.",
            typed.trim()
        )),
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
pub fn set_due(plan: &mut Plan, index: usize, typed: &str, now: Timestamp) -> Result<(), String> {
    let due = parse_due(typed)?;
    if let Some(action) = plan.actions.get_mut(index) {
        action.due = due;
        plan.updated = now;
    }
    Ok(())
}

/// A due date as typed (`YYYY-MM-DD`; empty: none).
fn parse_due(typed: &str) -> Result<Option<Date>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    typed
        .parse::<Date>()
        .map(Some)
        .map_err(|_| format!("\"{typed}\" is not a date: type it as YYYY-MM-DD, like 2027-03-31."))
}

/// Moves an action on: open, in progress, done, and round again.
pub fn cycle_status(plan: &mut Plan, index: usize, now: Timestamp) {
    if let Some(action) = plan.actions.get_mut(index) {
        action.status = action.status.next();
        plan.updated = now;
    }
}

/// Removes an action that has not started; one under way or done stays.
pub fn remove(plan: &mut Plan, index: usize, now: Timestamp) -> Result<(), String> {
    match plan.actions.get(index) {
        Some(action) if action.status == ActionStatus::Open => {
            plan.actions.remove(index);
            plan.updated = now;
            Ok(())
        }
        Some(action) => Err(format!(
            "This action is {}: set it back to open (Space) before removing it.",
            action.status.label()
        )),
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
        assert!(toggle(&mut plan, q, "problem", "no-such-advice", now).is_err());
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
        assert!(
            remove(&mut plan, 0, now)
                .unwrap_err()
                .contains("in progress")
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
        assert!(
            set_due(&mut plan, 0, "31/12/2026", now)
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        set_due(&mut plan, 0, "2026-12-31", now).unwrap();
        assert_eq!(plan.actions[0].due, Some(jiff::civil::date(2026, 12, 31)));
        set_due(&mut plan, 0, "", now).unwrap();
        assert_eq!(plan.actions[0].due, None);
    }

    #[test]
    fn an_own_action_has_words_an_owner_and_a_date() {
        let (_, mut plan, now) = setup();
        assert!(add_own(&mut plan, "  ", "Sam", "", now).is_err());
        assert!(add_own(&mut plan, "Ask the bank", "Sam", "soon", now).is_err());
        assert!(plan.actions.is_empty());
        let index = add_own(&mut plan, " Ask the bank ", " Sam ", "2026-12-31", now).unwrap();
        let action = &plan.actions[index];
        assert!(action.is_own());
        assert_eq!(action.text.as_deref(), Some("Ask the bank"));
        assert_eq!(action.owner, "Sam");
        assert_eq!(action.due, Some(jiff::civil::date(2026, 12, 31)));
        assert!(set_text(&mut plan, index, " ", now).is_err());
        set_text(&mut plan, index, "Ask the bank about the card reader", now).unwrap();
        assert_eq!(
            plan.actions[index].text.as_deref(),
            Some("Ask the bank about the card reader")
        );
        assert_eq!(find(&plan, ""), None, "an own action is no recommendation");
    }

    #[test]
    fn a_recommendation_gets_new_words_and_its_own_back() {
        let (loaded, mut plan, now) = setup();
        toggle(
            &mut plan,
            &loaded.questionnaire,
            "problem",
            "write-problem",
            now,
        )
        .unwrap();
        set_text(&mut plan, 0, "Write it with Sam", now).unwrap();
        assert_eq!(plan.actions[0].text.as_deref(), Some("Write it with Sam"));
        set_text(&mut plan, 0, "", now).unwrap();
        assert_eq!(plan.actions[0].text, None);
    }

    #[test]
    fn a_find_out_item_is_added_once_per_question() {
        let (loaded, mut plan, now) = setup();
        let q = &loaded.questionnaire;
        assert!(add_find_out(&mut plan, q, "no-such-question", now).is_err());
        assert_eq!(add_find_out(&mut plan, q, "dpa", now), Ok(0));
        assert_eq!(add_find_out(&mut plan, q, "dpa", now), Ok(0));
        assert_eq!(plan.actions.len(), 1);
        assert!(plan.actions[0].find_out);
        set_owner(&mut plan, 0, "Priya", now);
        set_due(&mut plan, 0, "2027-01-15", now).unwrap();
        assert_eq!(plan.actions[0].owner, "Priya");
    }

    #[test]
    fn statuses_read_as_typed() {
        assert_eq!(parse_status("Done"), Ok(ActionStatus::Done));
        assert_eq!(parse_status(" in  progress "), Ok(ActionStatus::InProgress));
        assert_eq!(parse_status("open"), Ok(ActionStatus::Open));
        assert!(
            parse_status("later")
                .unwrap_err()
                .contains("open, in progress or done")
        );
    }

    #[test]
    fn done_leaves_the_gap_open_until_the_answer_changes() {
        use crate::answer::{Answer, Value};
        let (loaded, mut plan, now) = setup();
        let q = &loaded.questionnaire;
        plan.set_answer("problem", Answer::answered(Value::Text("no".into())), now);
        toggle(&mut plan, q, "problem", "write-problem", now).unwrap();
        set_status(&mut plan, 0, ActionStatus::Done, now);
        assert_eq!(gap_left_open(&plan, q, 0).as_deref(), Some("problem"));
        plan.set_answer("problem", Answer::answered(Value::Text("yes".into())), now);
        assert_eq!(gap_left_open(&plan, q, 0), None);
        let own = add_own(&mut plan, "Ask the bank", "", "", now).unwrap();
        assert_eq!(gap_left_open(&plan, q, own), None);
    }
}
