//! Exclusive options ("None of these") on multi questions, for every front end: picking
//! one clears the other choices, picking another clears it, and a typed list that holds
//! both is refused. Pure.

use super::edit::EditError;
use crate::answer::Value;
use crate::questionnaire::Question;

/// The chosen values after the option `value` is toggled, in option order.
pub(super) fn toggled(question: &Question, mut chosen: Vec<String>, value: &str) -> Vec<String> {
    if let Some(at) = chosen.iter().position(|v| v == value) {
        chosen.remove(at);
        return chosen;
    }
    let exclusive = |v: &str| question.option(v).is_some_and(|o| o.exclusive);
    if exclusive(value) {
        chosen.clear();
    } else {
        chosen.retain(|v| !exclusive(v));
    }
    chosen.push(value.to_string());
    // Keep the file in option order whatever the order of picking.
    chosen.sort_by_key(|v| question.option_position(v));
    chosen
}

/// Refuses a typed list that holds an exclusive option beside another one.
pub(super) fn check_entry(question: &Question, value: &Value) -> Result<(), EditError> {
    let Some(chosen) = value.as_list() else {
        return Ok(());
    };
    if !question.combines_exclusive(chosen) {
        return Ok(());
    }
    let alone = question
        .options
        .iter()
        .filter(|o| o.exclusive && chosen.iter().any(|v| *v == o.value))
        .map(|o| format!("\"{}\"", o.label))
        .collect::<Vec<_>>()
        .join(" or ");
    Err(EditError::GoesAlone { alone })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, AnswerState, Answers};
    use crate::wizard::{Change, Flow, apply};

    const FLAGS: &str = r#"{"id":"flags","type":"multi","text":"?","options":[
        {"value":"rush","label":"Pressure to sign fast","score":0},
        {"value":"admin","label":"Holds the only admin login","score":0},
        {"value":"none","label":"None of these","score":1,"exclusive":true}]}"#;

    fn list(items: &[&str]) -> Option<Value> {
        Some(Value::List(items.iter().map(|s| s.to_string()).collect()))
    }

    #[test]
    fn picking_the_exclusive_option_clears_the_others_and_the_other_way_round() {
        let q = crate::questionnaire::one_question(FLAGS);
        let a = apply(&q, None, Change::Pick(0)).unwrap();
        let a = apply(&q, Some(&a), Change::Pick(1)).unwrap();
        assert_eq!(a.value, list(&["rush", "admin"]));
        let a = apply(&q, Some(&a), Change::Pick(2)).unwrap();
        assert_eq!(
            (a.state, a.value.clone()),
            (AnswerState::Answered, list(&["none"]))
        );
        let a = apply(&q, Some(&a), Change::Pick(1)).unwrap();
        assert_eq!(a.value, list(&["admin"]));
        // Toggling the exclusive option off again leaves nothing chosen.
        let a = apply(&q, None, Change::Pick(2)).unwrap();
        let a = apply(&q, Some(&a), Change::Pick(2)).unwrap();
        assert_eq!((a.state, a.value), (AnswerState::Unanswered, None));
    }

    #[test]
    fn a_typed_list_with_the_exclusive_option_and_another_is_refused() {
        let q = crate::questionnaire::one_question(FLAGS);
        let both = Change::Entry(Value::List(vec!["rush".into(), "none".into()]));
        let refused = apply(&q, None, both).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "\"None of these\" goes alone: choose it by itself, or only the other options."
        );
        let alone = apply(&q, None, Change::Entry(Value::List(vec!["none".into()]))).unwrap();
        assert_eq!(alone.value, list(&["none"]));
    }

    #[test]
    fn a_stored_list_with_the_exclusive_option_and_another_is_asked_again() {
        let text = include_str!("../../tests/fixtures/questionnaires/valid/stages.json");
        let questionnaire = crate::questionnaire::load::parse("stages.json", text).unwrap();
        let answered = |flags: &[&str]| {
            let mut answers = Answers::new();
            for (id, value) in [("profile-stage", "draft"), ("contract-notice", "yes")] {
                answers.insert(id.into(), Answer::answered(Value::Text(value.into())));
            }
            let flags = flags.iter().map(|f| f.to_string()).collect();
            answers.insert("red-flags".into(), Answer::answered(Value::List(flags)));
            answers
        };
        let first_open = |answers: &Answers| {
            let flow = Flow::new(&questionnaire, answers);
            let spot = flow.first_unanswered(&questionnaire, answers).unwrap();
            questionnaire.sections[spot.section].questions[spot.question]
                .id
                .clone()
        };
        // Open headcount comes first; once it is answered the owner question is next,
        // unless the flags say two things at once.
        assert_eq!(first_open(&answered(&["none"])), "headcount");
        let mut fine = answered(&["none"]);
        fine.insert("headcount".into(), Answer::answered(Value::Number(8.0)));
        assert_eq!(first_open(&fine), "gov-owner");
        let mut both = answered(&["none", "rush"]);
        both.insert("headcount".into(), Answer::answered(Value::Number(8.0)));
        assert_eq!(first_open(&both), "red-flags");
    }
}
