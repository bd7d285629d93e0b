//! The action plan's rules, case by case.

use super::*;
use crate::plan::PlanName;
use crate::questionnaire::load::load_text;

fn setup() -> (crate::questionnaire::Loaded, Plan, Timestamp) {
    let text = include_str!("../../../tests/fixtures/questionnaires/valid/small.json");
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
    assert_eq!(
        parse_status("later"),
        Err(ActionError::UnknownStatus("later".into()))
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
