//! Tests of the flow: conditions, next and back, resuming, notices and progress.

use super::*;
use crate::answer::{Answer, Value};
use crate::questionnaire::load::load_text;

fn small() -> Questionnaire {
    let text = include_str!("../../../tests/fixtures/questionnaires/valid/small.json");
    std::sync::Arc::unwrap_or_clone(load_text("small.json", text, false).unwrap().questionnaire)
}

fn spot_of(q: &Questionnaire, id: &str) -> Spot {
    let (section, question) = q.locate(id).unwrap();
    Spot { section, question }
}

fn ids(q: &Questionnaire, flow: &Flow) -> Vec<String> {
    flow.shown()
        .iter()
        .map(|s| q.sections[s.section].questions[s.question].id.to_string())
        .collect()
}

#[test]
fn conditional_questions_appear_and_disappear_and_answers_stay() {
    let q = small();
    let mut answers = Answers::new();
    let flow = Flow::new(&q, &answers);
    assert!(!ids(&q, &flow).contains(&"dpa".to_string()));
    assert!(!ids(&q, &flow).contains(&"contingency".to_string()));

    answers.insert(
        "personal-data".into(),
        Answer::answered(Value::Text("yes".into())),
    );
    answers.insert(
        "outsourced".into(),
        Answer::answered(Value::List(vec!["support".into()])),
    );
    answers.insert("dpa".into(), Answer::answered(Value::Text("no".into())));
    let flow = Flow::new(&q, &answers);
    assert!(ids(&q, &flow).contains(&"dpa".to_string()));
    assert!(ids(&q, &flow).contains(&"contingency".to_string()));

    answers.insert(
        "personal-data".into(),
        Answer::answered(Value::Text("no".into())),
    );
    let flow = Flow::new(&q, &answers);
    assert!(!ids(&q, &flow).contains(&"dpa".to_string()));
    assert!(answers.contains_key("dpa"), "the hidden answer is kept");
}

#[test]
fn next_and_back_skip_hidden_questions_and_cross_sections() {
    let q = small();
    let flow = Flow::new(&q, &Answers::new());
    let budget = spot_of(&q, "budget");
    // contingency and dpa are hidden: next from budget is cost-notes.
    assert_eq!(flow.next(budget), Some(spot_of(&q, "cost-notes")));
    assert_eq!(flow.prev(spot_of(&q, "cost-notes")), Some(budget));
    assert_eq!(
        flow.next(spot_of(&q, "outsourced")),
        Some(spot_of(&q, "problem"))
    );
    assert_eq!(
        flow.prev(spot_of(&q, "problem")),
        Some(spot_of(&q, "outsourced"))
    );
    assert_eq!(flow.prev(spot_of(&q, "staff")), None);
    assert_eq!(flow.next(spot_of(&q, "budget-owner")), None);
    assert_eq!(
        flow.next_section(spot_of(&q, "staff")),
        Some(spot_of(&q, "problem"))
    );
    assert_eq!(flow.prev_section(budget), Some(spot_of(&q, "problem")));
}

#[test]
fn a_spot_hidden_by_a_change_settles_on_the_next_shown_one() {
    let q = small();
    let flow = Flow::new(&q, &Answers::new());
    assert_eq!(
        flow.settle(spot_of(&q, "dpa")),
        Some(spot_of(&q, "cost-notes"))
    );
    assert_eq!(
        flow.settle(spot_of(&q, "budget")),
        Some(spot_of(&q, "budget"))
    );
}

#[test]
fn resume_returns_to_the_saved_question_or_the_first_unanswered() {
    let q = small();
    let mut answers = Answers::new();
    answers.insert("staff".into(), Answer::answered(Value::Number(6.0)));
    let flow = Flow::new(&q, &answers);
    assert_eq!(
        resume_spot(&q, &answers, &flow, Some("reason")),
        Some(spot_of(&q, "reason"))
    );
    assert_eq!(
        resume_spot(&q, &answers, &flow, Some("no-longer-there")),
        Some(spot_of(&q, "personal-data"))
    );
    assert_eq!(
        resume_spot(&q, &answers, &flow, None),
        Some(spot_of(&q, "personal-data"))
    );
    assert_eq!(
        resume_spot(&q, &answers, &flow, Some("dpa")),
        Some(spot_of(&q, "cost-notes"))
    );
}

#[test]
fn the_change_notice_counts_questions_added_and_set_aside() {
    let q = small();
    let none = Flow::new(&q, &Answers::new());
    let mut answers = Answers::new();
    answers.insert(
        "personal-data".into(),
        Answer::answered(Value::Text("yes".into())),
    );
    let one_more = Flow::new(&q, &answers);
    answers.insert(
        "outsourced".into(),
        Answer::answered(Value::List(vec!["support".into()])),
    );
    let two_more = Flow::new(&q, &answers);
    let notice = |before: &Flow, after: &Flow, answers: &Answers| {
        change_notice_for(before, after, &q, answers)
    };
    assert_eq!(notice(&none, &none, &answers), None);
    assert_eq!(
        notice(&none, &one_more, &answers),
        Some(format!(
            "Your answer added 1 follow-up question: {} questions in all now.",
            one_more.shown().len()
        ))
    );
    // Set aside with no answers among them: nothing is said to be kept.
    assert_eq!(
        notice(&two_more, &none, &Answers::new()),
        Some(format!(
            "Your answer set aside 2 questions: {} questions in all now.",
            none.shown().len()
        ))
    );
}

#[test]
fn progress_counts_unsure_and_not_applicable_as_answered() {
    let q = small();
    let mut answers = Answers::new();
    answers.insert("staff".into(), Answer::answered(Value::Number(6.0)));
    answers.insert(
        "problem".into(),
        Answer::in_state(crate::answer::AnswerState::Unsure),
    );
    answers.insert(
        "decision-date".into(),
        Answer::in_state(crate::answer::AnswerState::NotApplicable),
    );
    answers.insert("dpa".into(), Answer::answered(Value::Text("yes".into())));
    let flow = Flow::new(&q, &answers);
    assert_eq!(
        flow.progress(&q, &answers),
        (3, 10),
        "dpa is hidden and not counted"
    );
    assert_eq!(flow.section_progress(&q, &answers, 1), (2, 4));
    assert_eq!(flow.ordinal(spot_of(&q, "problem")), (4, 10));
}
