//! Unit tests of building a report, on the `small` fixture questionnaire: the verdict's
//! sentences, the checklist, gaps, due dates, questions for providers, the discuss list
//! and kept answers. The verdict cases are in `tests/verdict.rs`, the lists for providers
//! and for later in `tests/lists.rs`.

mod lists;
mod stage;
mod verdict;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use super::Report;
use crate::answer::{Answer, AnswerState, Value};
use crate::plan::{Action, ActionStatus, PLAN_FORMAT_VERSION, Plan, Position, QuestionnaireRef};
use crate::questionnaire::{Questionnaire, load};
use crate::scoring;

/// The fixture with every question type, a condition, a blocker and a critical question.
fn small() -> Questionnaire {
    let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
    load::parse("small.json", text).expect("the small fixture loads")
}

fn pick(option: &str) -> Answer {
    Answer::answered(Value::Text(option.to_string()))
}

fn number(n: f64) -> Answer {
    Answer::answered(Value::Number(n))
}

fn list(options: &[&str]) -> Answer {
    Answer::answered(Value::List(options.iter().map(|o| o.to_string()).collect()))
}

fn unsure() -> Answer {
    Answer::in_state(AnswerState::Unsure)
}

fn flagged(mut answer: Answer, note: Option<&str>) -> Answer {
    answer.discuss = true;
    answer.note = note.map(str::to_string);
    answer
}

/// A plan of the small questionnaire started on 3 March 2025 (UTC).
fn plan(entries: &[(&str, Answer)]) -> Plan {
    let created: Timestamp = "2025-03-03T09:00:00Z".parse().unwrap();
    Plan {
        format_version: PLAN_FORMAT_VERSION,
        name: "Acme".into(),
        questionnaire: QuestionnaireRef {
            id: "small".into(),
            version: "1.0.0".into(),
            hash: "sha256:00".into(),
            questions: Vec::new(),
        },
        created,
        updated: "2025-03-10T16:30:00Z".parse().unwrap(),
        position: Position::default(),
        answers: entries
            .iter()
            .map(|(id, answer)| (id.to_string(), answer.clone()))
            .collect(),
        actions: Vec::new(),
        participants: Vec::new(),
        positions: Default::default(),
        history: Vec::new(),
        currency: None,
        agenda: None,
        extra: Default::default(),
    }
}

fn action(recommendation: &str, question: &str, owner: &str, due: Option<Date>) -> Action {
    Action {
        recommendation: recommendation.into(),
        question: question.into(),
        text: None,
        find_out: false,
        owner: owner.into(),
        due,
        status: ActionStatus::Open,
        accepted: "2025-03-04T10:00:00Z".parse().unwrap(),
        extra: Default::default(),
    }
}

fn build(plan: &Plan) -> Report {
    Report::build(&small(), plan, &TimeZone::UTC)
}

#[test]
fn checklist_marks_each_shown_question_met_or_not() {
    let report = build(&plan(&[
        ("staff", number(12.0)),
        ("personal-data", pick("no")),
        ("outsourced", list(&["hosting"])),
        ("problem", pick("yes")),
        ("outcomes", pick("2")),
        ("reason", pick("quality")),
        (
            "decision-date",
            Answer::in_state(AnswerState::NotApplicable),
        ),
        ("budget", unsure()),
        // Hidden (no support outsourced), so not on the checklist at all.
        ("contingency", number(1.0)),
    ]));
    let items: Vec<(&str, bool, &str)> = report
        .checklist
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| (i.question_id.as_str(), i.met, i.answer.words()))
        .collect();
    assert_eq!(
        items,
        [
            ("staff", true, "12 people"),
            ("personal-data", true, "No"),
            ("outsourced", true, "Hosting"),
            ("problem", true, "Yes"),
            ("outcomes", false, "Partly written"),
            ("reason", true, "Mainly quality, skills or focus"),
            ("decision-date", true, "Not applicable"),
            ("budget", false, "I don't know yet"),
            ("cost-notes", false, "not answered yet"),
            ("budget-owner", false, "not answered yet"),
        ]
    );
    let titles: Vec<&str> = report.checklist.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Your business", "Goals", "Budget"]);
    assert_eq!(report.checklist[1].met(), 3);
}

#[test]
fn a_blocker_is_never_met_and_an_answer_that_no_longer_fits_says_so() {
    let report = build(&plan(&[
        ("problem", pick("no")),
        ("outcomes", pick("gone-option")),
    ]));
    let goals = &report.checklist[1];
    assert_eq!(goals.items[0].question_id, "problem");
    assert!(goals.items[0].blocker && !goals.items[0].met);
    assert_eq!(goals.items[1].state, AnswerState::Unanswered);
    assert_eq!(
        goals.items[1].answer,
        "not answered (an earlier answer no longer fits this question)"
    );
}

#[test]
fn gaps_come_in_scoring_order_with_ranks_and_their_recommendations() {
    let questionnaire = small();
    let plan = plan(&[
        ("personal-data", pick("yes")),
        ("outsourced", list(&["support"])),
        ("problem", pick("no")),
        ("outcomes", pick("1")),
        ("reason", pick("both")),
        ("budget", unsure()),
        ("contingency", number(7.0)),
        ("dpa", pick("no")),
    ]);
    let report = Report::build(&questionnaire, &plan, &TimeZone::UTC);
    let expected: Vec<String> = scoring::assess(&questionnaire, &plan.answers)
        .gaps
        .into_iter()
        .map(|g| g.question)
        .collect();
    let found: Vec<&str> = report.gaps.iter().map(|g| g.question_id.as_str()).collect();
    assert_eq!(found, expected);
    assert_eq!(found[0], "problem", "the blocker comes first");
    let ranks: Vec<usize> = report.gaps.iter().map(|g| g.rank).collect();
    assert_eq!(ranks, (1..=found.len()).collect::<Vec<_>>());
    let outcomes = report
        .gaps
        .iter()
        .find(|g| g.question_id == "outcomes")
        .unwrap();
    let ids: Vec<&str> = outcomes
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["write-outcomes"],
        "only the recommendation whose `when` holds"
    );
    assert_eq!(outcomes.answer, "An idea only");
    assert_eq!(outcomes.why, "Outcomes become service levels later.");
    let budget = report
        .gaps
        .iter()
        .find(|g| g.question_id == "budget")
        .unwrap();
    assert!(budget.unsure);
    assert_eq!(budget.score, Some(0.0));
}

#[test]
fn due_dates_count_from_the_plan_date_unless_the_action_has_one() {
    let mut plan = plan(&[
        ("problem", pick("no")),
        ("personal-data", pick("yes")),
        ("dpa", pick("no")),
        ("outcomes", pick("0")),
    ]);
    plan.actions = vec![
        action(
            "write-problem",
            "problem",
            "Sam Patel",
            Some(date(2025, 3, 7)),
        ),
        action("ask-dpa", "dpa", "", None),
        action("retired", "gone", "Jo", None),
    ];
    let report = build(&plan);
    assert_eq!(report.plan.date, date(2025, 3, 3));
    let due = |question: &str| {
        let gap = report
            .gaps
            .iter()
            .find(|g| g.question_id == question)
            .unwrap();
        (
            gap.recommendations[0].due,
            gap.recommendations[0].in_action_plan,
        )
    };
    assert_eq!(
        due("problem"),
        (date(2025, 3, 7), true),
        "the action's own date"
    );
    assert_eq!(due("dpa"), (date(2025, 3, 17), true), "3 March + 14 days");
    assert_eq!(
        due("outcomes"),
        (date(2025, 3, 17), false),
        "3 March + 14 days"
    );

    let actions: Vec<(Option<&str>, Option<Date>)> = report
        .actions
        .iter()
        .map(|a| (a.owner.as_deref(), a.due))
        .collect();
    assert_eq!(
        actions,
        [
            (Some("Sam Patel"), Some(date(2025, 3, 7))),
            (None, Some(date(2025, 3, 17))),
            (Some("Jo"), None),
        ]
    );
    assert_eq!(
        report.actions[2].text,
        "retired (no longer in the questionnaire)"
    );
    assert_eq!(
        report.actions[1].text,
        "Ask each provider for its standard data processing agreement."
    );
}

#[test]
fn the_plan_date_is_the_day_it_was_started_where_the_user_is() {
    let mut late = plan(&[]);
    late.created = "2025-03-03T23:30:00Z".parse().unwrap();
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    assert_eq!(Report::plan_date(&late, &TimeZone::UTC), date(2025, 3, 3));
    assert_eq!(Report::plan_date(&late, &berlin), date(2025, 3, 4));
    late.answers.insert("outcomes".into(), pick("0"));
    let report = Report::build(&small(), &late, &berlin);
    assert_eq!(report.gaps[0].recommendations[0].due, date(2025, 3, 18));
}

#[test]
fn done_actions_stay_in_the_action_plan() {
    let mut plan = plan(&[("problem", pick("yes"))]);
    let mut done = action("write-problem", "problem", "  Sam  ", None);
    done.status = ActionStatus::Done;
    plan.actions = vec![done];
    let report = build(&plan);
    assert_eq!(report.actions.len(), 1);
    assert_eq!(report.actions[0].status, ActionStatus::Done);
    assert_eq!(report.actions[0].owner.as_deref(), Some("Sam"));
    assert!(report.gaps.is_empty(), "the gap itself is closed");
}

#[test]
fn section_scores_leave_out_hidden_sections_and_mark_unscored_ones() {
    let report = build(&plan(&[("problem", pick("yes")), ("budget", number(0.0))]));
    let sections: Vec<(&str, bool, Option<f64>)> = report
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.scored, s.score))
        .collect();
    assert_eq!(
        sections,
        [
            ("profile", false, None),
            ("goals", true, Some(1.0)),
            ("money", true, Some(0.0)),
        ]
    );
    assert_eq!(
        report.sections[2].counts.shown, 3,
        "dpa and contingency are hidden"
    );
}
