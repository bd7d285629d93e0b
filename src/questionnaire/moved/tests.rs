//! Moved answers on the `stages` fixture: what moves, what stays, and that moving twice
//! changes nothing more.

use super::{MovedAnswer, apply};
use crate::answer::{Answer, AnswerState, Answers, Value};
use crate::questionnaire::{Questionnaire, load};

fn stages() -> Questionnaire {
    let text = include_str!("../../../tests/fixtures/questionnaires/valid/stages.json");
    load::parse("stages.json", text).expect("the stages fixture loads")
}

fn text(value: &str) -> Answer {
    Answer::answered(Value::Text(value.into()))
}

fn list(values: &[&str]) -> Answer {
    Answer::answered(Value::List(values.iter().map(|v| v.to_string()).collect()))
}

fn answers(entries: &[(&str, Answer)]) -> Answers {
    entries
        .iter()
        .map(|(id, answer)| (id.to_string(), answer.clone()))
        .collect()
}

fn moved(pairs: &[(&str, &str)]) -> Vec<MovedAnswer> {
    pairs
        .iter()
        .map(|(from, to)| MovedAnswer {
            from: from.to_string(),
            to: to.to_string(),
        })
        .collect()
}

#[test]
fn answers_move_mapped_or_as_they_are_with_their_note_and_flag() {
    let questionnaire = stages();
    let mut noted = text("yes");
    noted.note = Some("Sam decides".into());
    noted.discuss = true;
    let mut plan = answers(&[
        ("goal-decision-owner", noted),
        ("old-hours", Answer::answered(Value::Number(6.0))),
        ("old-flags", list(&["admin", "rush"])),
        ("removed-question", text("kept")),
    ]);
    let done = apply(&questionnaire, &mut plan);
    assert_eq!(
        done,
        moved(&[
            ("goal-decision-owner", "gov-owner"),
            ("old-hours", "hours"),
            ("old-flags", "red-flags"),
        ])
    );
    let owner = &plan["gov-owner"];
    assert_eq!(owner.value, Some(Value::Text("named".into())));
    assert_eq!(
        (owner.note.as_deref(), owner.discuss),
        (Some("Sam decides"), true)
    );
    assert_eq!(plan["hours"].value, Some(Value::Number(6.0)));
    // A list keeps the new question's option order.
    assert_eq!(plan["red-flags"], list(&["rush", "admin"]));
    assert!(!plan.contains_key("goal-decision-owner"));
    assert_eq!(
        plan["removed-question"],
        text("kept"),
        "no line for it: kept aside"
    );

    let again = plan.clone();
    assert!(apply(&questionnaire, &mut plan).is_empty());
    assert_eq!(plan, again, "moving twice changes nothing more");
}

#[test]
fn what_cannot_move_stays_where_it_is() {
    let questionnaire = stages();
    let note_only = Answer {
        note: Some("ask".into()),
        ..Answer::default()
    };
    // (what, old answers, what moves)
    let cases: Vec<(&str, Answers, Vec<MovedAnswer>)> = vec![
        (
            "a value the map does not list",
            answers(&[("goal-decision-owner", text("maybe"))]),
            vec![],
        ),
        (
            "the new question already has an answer",
            answers(&[
                ("goal-decision-owner", text("yes")),
                ("gov-owner", text("shared")),
            ]),
            vec![],
        ),
        (
            "a number above the new question's max",
            answers(&[("old-hours", Answer::answered(Value::Number(900.0)))]),
            vec![],
        ),
        (
            "a list with an option the new question lacks",
            answers(&[("old-flags", list(&["rush", "gone"]))]),
            vec![],
        ),
        (
            "a list that puts the exclusive option beside another",
            answers(&[("old-flags", list(&["none", "rush"]))]),
            vec![],
        ),
        (
            "not applicable where the new question does not allow it",
            answers(&[("old-flags", Answer::in_state(AnswerState::NotApplicable))]),
            vec![],
        ),
        (
            "not applicable where it does",
            answers(&[("old-hours", Answer::in_state(AnswerState::NotApplicable))]),
            moved(&[("old-hours", "hours")]),
        ),
        (
            "unsure moves as it is",
            answers(&[("goal-decision-owner", Answer::in_state(AnswerState::Unsure))]),
            moved(&[("goal-decision-owner", "gov-owner")]),
        ),
        (
            "a note alone moves",
            answers(&[("old-hours", note_only.clone())]),
            moved(&[("old-hours", "hours")]),
        ),
        (
            "text onto a number question",
            answers(&[("old-hours", text("x"))]),
            vec![],
        ),
        (
            "onto an entry with nothing in it",
            answers(&[
                ("old-hours", Answer::answered(Value::Number(2.0))),
                ("hours", Answer::default()),
            ]),
            moved(&[("old-hours", "hours")]),
        ),
    ];
    for (what, before, expected) in cases {
        let mut after = before.clone();
        let done = apply(&questionnaire, &mut after);
        assert_eq!(done, expected, "{what}");
        if expected.is_empty() {
            assert_eq!(after, before, "{what}: nothing changes");
        } else {
            for line in &expected {
                assert_eq!(after.get(&line.to), before.get(&line.from), "{what}");
                assert!(!after.contains_key(&line.from), "{what}");
            }
        }
    }
}
