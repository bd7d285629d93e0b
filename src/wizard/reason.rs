//! Why a follow-up question is asked: the questions whose answers make its condition
//! hold now, so the screen names the answer that switched it on, never one that did not.

use crate::answer::AnswerState;
use crate::questionnaire::Questionnaire;
use crate::questionnaire::condition::{Condition, Facts};
use crate::questionnaire::visibility::VisibleFacts;

use super::Flow;

/// The questions whose answers make `condition` hold, in order: every part of an `all`,
/// the parts of an `any` that hold, the questions under a `not` that holds. Empty when
/// the condition does not hold.
pub fn holding_questions<'a>(condition: &'a Condition, facts: &dyn Facts) -> Vec<&'a str> {
    if !condition.holds(facts) {
        return Vec::new();
    }
    match condition {
        Condition::All(parts) | Condition::Any(parts) => parts
            .iter()
            .flat_map(|part| holding_questions(part, facts))
            .collect(),
        Condition::Not(part) => part.questions(),
        Condition::Test { question, .. } => vec![question.as_str()],
    }
}

/// The first question whose answer brings in a question with this condition, with the
/// answers as the flow sees them (hidden answers count as none). A question not answered
/// yet switched nothing on (a condition such as "not answered yet, or ..." shows the
/// question until it is answered): none is named for it.
pub fn asked_because<'a>(
    condition: &'a Condition,
    questionnaire: &Questionnaire,
    answers: &crate::answer::Answers,
    flow: &Flow,
) -> Option<&'a str> {
    let facts = VisibleFacts {
        questionnaire,
        answers,
        visibility: flow.visibility(),
    };
    holding_questions(condition, &facts).into_iter().find(|id| {
        facts
            .answer(id)
            .is_some_and(|a| a.state != AnswerState::Unanswered)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Answers, Value};
    use crate::questionnaire::load::load_text;

    #[test]
    fn the_part_of_an_any_that_holds_is_named_not_the_first_one() {
        let text = include_str!("../../tests/fixtures/questionnaires/valid/world.json");
        let loaded = load_text("world.json", text, false).unwrap();
        let q = &loaded.questionnaire;
        let mut answers = Answers::default();
        answers.insert("abroad".into(), Answer::answered(Value::Text("no".into())));
        answers.insert(
            "personal".into(),
            Answer::answered(Value::Text("yes".into())),
        );
        let flow = Flow::new(q, &answers);
        let condition = q
            .question("data-location")
            .unwrap()
            .show_if
            .as_ref()
            .unwrap();
        assert_eq!(
            asked_because(condition, q, &answers, &flow),
            Some("personal")
        );
        answers.insert(
            "personal".into(),
            Answer::answered(Value::Text("no".into())),
        );
        let flow = Flow::new(q, &answers);
        assert_eq!(asked_because(condition, q, &answers, &flow), None);
    }

    #[test]
    fn a_question_shown_until_another_is_answered_names_no_answer() {
        let text = include_str!("../../tests/fixtures/questionnaires/valid/world.json");
        let loaded = load_text("world.json", text, false).unwrap();
        let q = &loaded.questionnaire;
        // Shown while "abroad" is not answered yet, or once it is answered yes.
        let condition: Condition = serde_json::from_str(
            r#"{"any": [{"not": {"question": "abroad", "answered": true}}, {"question": "abroad", "eq": "yes"}]}"#,
        )
        .unwrap();
        let mut answers = Answers::default();
        let flow = Flow::new(q, &answers);
        assert!(condition.holds(&VisibleFacts {
            questionnaire: q,
            answers: &answers,
            visibility: flow.visibility(),
        }));
        assert_eq!(asked_because(&condition, q, &answers, &flow), None);
        answers.insert("abroad".into(), Answer::answered(Value::Text("yes".into())));
        let flow = Flow::new(q, &answers);
        assert_eq!(
            asked_because(&condition, q, &answers, &flow),
            Some("abroad")
        );
    }
}
