//! Table tests for the checks on exclusive options, `critical_if`, the stage and moved
//! answers: each case changes the valid small questionnaire in one way and lists exactly
//! the problems that must come out, by path and a part of the message.

use serde_json::{Value, json};

use super::check;
use crate::questionnaire::model::Questionnaire;

const SMALL: &str = include_str!("../../../tests/fixtures/questionnaires/valid/small.json");

/// The small questionnaire with a change made to its JSON, prepared as `load` does.
fn changed(change: impl FnOnce(&mut Value)) -> Questionnaire {
    let mut document: Value = serde_json::from_str(SMALL).unwrap();
    change(&mut document);
    let mut questionnaire: Questionnaire = serde_json::from_value(document).unwrap();
    questionnaire.prepare();
    questionnaire
}

fn assert_problems(name: &str, questionnaire: &Questionnaire, expected: &[(&str, &str)]) {
    let found = check(questionnaire);
    let listing: Vec<String> = found
        .iter()
        .map(|p| format!("  {}: {}", p.path, p.message))
        .collect();
    let listing = listing.join("\n");
    assert_eq!(found.len(), expected.len(), "{name}: found:\n{listing}");
    for (problem, (path, part)) in found.iter().zip(expected) {
        assert_eq!(problem.path, *path, "{name}: found:\n{listing}");
        assert!(problem.message.contains(part), "{name}: found:\n{listing}");
        assert!(
            !problem.message.contains('\n') && problem.message.matches(": ").count() <= 2,
            "{name}: not one plain sentence: {:?}",
            problem.message
        );
    }
}

/// The multi question `outsourced` (sections[0].questions[2]) with "none" exclusive.
fn with_none(document: &mut Value) {
    document["sections"][0]["questions"][2]["options"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "value": "none", "label": "None of these", "exclusive": true }));
}

/// Puts a show_if on the `reason` question (sections[1].questions[2]).
fn shown_if(document: &mut Value, condition: Value) {
    document["sections"][1]["questions"][2]["show_if"] = condition;
}

/// A named case: a value to put in, and the problems it must give (path, message part).
type Case<P> = (&'static str, Value, Vec<(P, &'static str)>);

const REASON: &str = "sections[1].questions[2]";

#[test]
fn exclusive_options_only_on_multi_questions() {
    assert_problems("fine on multi", &changed(with_none), &[]);
    let on_single =
        changed(|d| d["sections"][1]["questions"][2]["options"][0]["exclusive"] = json!(true));
    assert_problems(
        "on a single question",
        &on_single,
        &[(
            "sections[1].questions[2].options[0].exclusive",
            "only a multi question can use",
        )],
    );
}

#[test]
fn conditions_never_need_an_exclusive_option_with_another() {
    let cases: Vec<Case<String>> = vec![
        (
            "eq with both",
            json!({ "question": "outsourced", "eq": ["none", "support"] }),
            vec![(format!("{REASON}.show_if.eq"), "\"none\" goes alone")],
        ),
        (
            "in with a list holding both",
            json!({ "question": "outsourced", "in": [["support"], ["hosting", "none"]] }),
            vec![(format!("{REASON}.show_if.in[1]"), "never holds")],
        ),
        (
            "contains both under all",
            json!({ "all": [
                { "question": "outsourced", "contains": "none" },
                { "question": "outsourced", "contains": "hosting" }
            ] }),
            vec![(
                format!("{REASON}.show_if.all"),
                "together with another option",
            )],
        ),
        (
            "contains either under any is fine",
            json!({ "any": [
                { "question": "outsourced", "contains": "none" },
                { "question": "outsourced", "contains": "hosting" }
            ] }),
            vec![],
        ),
        (
            "eq with the exclusive one alone is fine",
            json!({ "question": "outsourced", "eq": ["none"] }),
            vec![],
        ),
        (
            "two ordinary options together are fine",
            json!({ "question": "outsourced", "eq": ["support", "hosting"] }),
            vec![],
        ),
    ];
    for (name, condition, expected) in cases {
        let questionnaire = changed(|d| {
            with_none(d);
            shown_if(d, condition);
        });
        let expected: Vec<(&str, &str)> = expected.iter().map(|(p, m)| (p.as_str(), *m)).collect();
        assert_problems(name, &questionnaire, &expected);
    }
}

#[test]
fn critical_if_is_checked_like_critical_and_never_beside_it() {
    let dpa = "sections[2].questions[2]";
    let conditional = changed(|d| {
        let q = &mut d["sections"][2]["questions"][2];
        q.as_object_mut().unwrap().remove("critical");
        q["critical_if"] = json!({ "question": "personal-data", "eq": "yes" });
    });
    assert_problems("critical_if alone", &conditional, &[]);
    let both = changed(|d| {
        d["sections"][2]["questions"][2]["critical_if"] =
            json!({ "question": "personal-data", "eq": "yes" });
    });
    let path = format!("{dpa}.critical_if");
    assert_problems("both", &both, &[(&path, "both critical and critical_if")]);
    let no_advice = changed(|d| {
        let q = d["sections"][2]["questions"][2].as_object_mut().unwrap();
        q.remove("critical");
        q.remove("recommendations");
        q.insert(
            "critical_if".into(),
            json!({ "question": "personal-data", "eq": "yes" }),
        );
    });
    assert_problems(
        "critical_if without a recommendation",
        &no_advice,
        &[(&path, "is critical but has no recommendation")],
    );
    let wrong_condition = changed(|d| {
        let q = d["sections"][2]["questions"][2].as_object_mut().unwrap();
        q.remove("critical");
        q.insert(
            "critical_if".into(),
            json!({ "question": "personal-data", "eq": "maybe" }),
        );
    });
    let at = format!("{path}.eq");
    assert_problems(
        "its condition is checked",
        &wrong_condition,
        &[(&at, "has no option \"maybe\"")],
    );
}

#[test]
fn the_stage_names_a_single_question_its_options_and_levels() {
    let stage = |document: &mut Value, stage: Value| document["stage"] = stage;
    let fine = changed(|d| {
        stage(
            d,
            json!({ "question": "reason", "by_value": {
                "cost": { "caps_at": "foundations", "note": "Not yet." },
                "quality": { "note": "Go ahead." }
            } }),
        )
    });
    assert_problems("a good stage", &fine, &[]);
    let cases: Vec<Case<&str>> = vec![
        (
            "unknown question",
            json!({ "question": "reasons", "by_value": {} }),
            vec![("stage.question", "did you mean \"reason\"?")],
        ),
        (
            "not a single question",
            json!({ "question": "problem", "by_value": {} }),
            vec![("stage.question", "is a yes_no question")],
        ),
        (
            "a value that is no option",
            json!({ "question": "reason", "by_value": { "speed": { "note": "n" } } }),
            vec![(
                "stage.by_value.speed",
                "not an option of question \"reason\"",
            )],
        ),
        (
            "a cap that is no level",
            json!({ "question": "reason", "by_value": { "cost": { "caps_at": "almost" } } }),
            vec![(
                "stage.by_value.cost.caps_at",
                "level \"almost\", which does not exist",
            )],
        ),
    ];
    for (name, value, expected) in cases {
        assert_problems(name, &changed(|d| stage(d, value)), &expected);
    }
}

#[test]
fn moved_answers_come_from_old_questions_onto_real_options() {
    let moved = |value: Value| changed(|d| d["moved"] = value);
    assert_problems(
        "good lines",
        &moved(json!([
            { "from": "goal-reason", "to": "reason", "values": { "price": "cost" } },
            { "from": "old-staff", "to": "staff" }
        ])),
        &[],
    );
    let cases: Vec<Case<&str>> = vec![
        (
            "from a question still asked",
            json!([{ "from": "staff", "to": "reason" }]),
            vec![("moved[0].from", "which this file still asks")],
        ),
        (
            "to a question that does not exist",
            json!([{ "from": "old", "to": "nowhere" }]),
            vec![("moved[0].to", "\"nowhere\", which does not exist")],
        ),
        (
            "onto an option that does not exist",
            json!([{ "from": "old", "to": "reason", "values": { "a": "cost", "b": "price" } }]),
            vec![("moved[0].values.b", "\"price\", which is not an option")],
        ),
        (
            "values onto a question without options",
            json!([{ "from": "old", "to": "staff", "values": { "a": "b" } }]),
            vec![("moved[0].values", "has no options to move values onto")],
        ),
    ];
    for (name, value, expected) in cases {
        assert_problems(name, &moved(value), &expected);
    }
}

#[test]
fn a_short_label_is_a_few_words_without_control_characters() {
    let short = |label: &str| {
        let label = label.to_string();
        changed(move |d| d["sections"][1]["questions"][2]["short"] = json!(label))
    };
    assert_problems("a few words", &short("Reason to outsource"), &[]);
    assert_problems(
        "too long",
        &short("The reason the business gives for outsourcing its IT at all"),
        &[("sections[1].questions[2].short", "keep it to 40")],
    );
    assert_problems(
        "a control character",
        &short("Reason\u{1b}[2J"),
        &[("sections[1].questions[2].short", "the short label")],
    );
}
