#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! The actions an owner owns, in the report data every format shows: the person named
//! on an action is the owner in the action plan and in the gap report (not "you"), an
//! action of the owner's own and a find-out item are listed with their words, and an
//! action's new words replace the recommendation's.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_text;
use outready::report::{Format, Report};
use outready::wizard::actions;

fn setup() -> (Loaded, Plan, Timestamp) {
    let text = include_str!("../fixtures/questionnaires/valid/small.json");
    let loaded = load_text("small.json", text, false).unwrap();
    let now: Timestamp = "2026-11-22T10:00:00Z".parse().unwrap();
    let mut plan = Plan::new(&PlanName::new("Hartley").unwrap(), &loaded, now);
    plan.set_answer("problem", Answer::answered(Value::Text("no".into())), now);
    plan.set_answer("budget", Answer::in_state(AnswerState::Unsure), now);
    (loaded, plan, now)
}

#[test]
fn the_person_named_on_an_action_is_its_owner_in_every_part() {
    let (loaded, mut plan, now) = setup();
    let q = &loaded.questionnaire;
    actions::toggle(&mut plan, q, "problem", "write-problem", now).unwrap();
    actions::set_owner(&mut plan, 0, "Sarah (office manager)", now);
    let report = Report::build(q, &plan, &TimeZone::UTC);
    let gap = report
        .gaps
        .iter()
        .find(|g| g.question_id == "problem")
        .unwrap();
    assert_eq!(
        gap.recommendations[0].person.as_deref(),
        Some("Sarah (office manager)")
    );
    for format in [Format::Markdown, Format::Html] {
        let text = report.render(format).unwrap();
        assert!(
            !text.contains("Sarah (office manager) (you)")
                && !text.contains("Sarah (office manager) <span class=\"about\">(you)"),
            "{format:?} still adds \"you\" to the person"
        );
        let gap_part = &text[..text.find("Action plan").unwrap_or(text.len())];
        assert!(
            gap_part.contains("Sarah (office manager)"),
            "{format:?}: the gap report does not name the person"
        );
    }
    let csv = report.render(Format::Csv).unwrap();
    let gap_row = csv
        .lines()
        .find(|l| l.starts_with("gap,") && l.contains("write-problem"))
        .unwrap();
    assert!(
        gap_row.contains(",you,Sarah (office manager),"),
        "{gap_row}"
    );
    // Before anyone is named, the recommendation's party still says who.
    actions::set_owner(&mut plan, 0, "", now);
    let report = Report::build(q, &plan, &TimeZone::UTC);
    assert!(
        report
            .render(Format::Markdown)
            .unwrap()
            .contains("nobody yet (you)")
    );
}

#[test]
fn own_actions_and_find_out_items_are_in_the_action_plan_with_their_words() {
    let (loaded, mut plan, now) = setup();
    let q = &loaded.questionnaire;
    actions::add_own(
        &mut plan,
        "Ask the bank about the card reader",
        "Sam",
        "2027-01-10",
        now,
    )
    .unwrap();
    actions::add_find_out(&mut plan, q, "budget", now).unwrap();
    actions::set_owner(&mut plan, 1, "Priya", now);
    actions::set_due(&mut plan, 1, "2027-02-01", now).unwrap();
    actions::toggle(&mut plan, q, "problem", "write-problem", now).unwrap();
    actions::set_text(&mut plan, 2, "Write the problem down with Sam", now).unwrap();
    let report = Report::build(q, &plan, &TimeZone::UTC);
    let texts: Vec<&str> = report.actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Ask the bank about the card reader",
            "Find out: What monthly budget have you set for IT support?",
            "Write the problem down with Sam",
        ]
    );
    assert_eq!(report.actions[0].owner.as_deref(), Some("Sam"));
    assert_eq!(report.actions[1].owner.as_deref(), Some("Priya"));
    assert_eq!(report.actions[1].due, Some(jiff::civil::date(2027, 2, 1)));
    let markdown = report.render(Format::Markdown).unwrap();
    assert!(markdown.contains("(an action of your own)"), "{markdown}");
    // Own actions and find-out items are no recommendations: no gap shows them accepted.
    assert!(
        report
            .gaps
            .iter()
            .flat_map(|g| &g.recommendations)
            .filter(|r| r.in_action_plan)
            .all(|r| r.id == "write-problem")
    );
}
