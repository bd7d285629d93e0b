//! Table tests for the checks: each case breaks the valid small questionnaire in one way
//! and lists exactly the problems that must come out, by path and a part of the message.

use serde_json::{Value, json};

use super::{check, closest, edit_distance, is_date, is_semver};
use crate::questionnaire::model::Questionnaire;

const SMALL: &str = include_str!("../../../tests/fixtures/questionnaires/valid/small.json");

/// One change to the document: set the value at a JSON pointer (adding the key or
/// pushing onto a list when it is not there), or remove it (`None`).
type Edit = (&'static str, Option<Value>);

/// Problems expected: (path, part of the message), in order.
type Expected = Vec<(&'static str, &'static str)>;

/// A named case: edits to the valid questionnaire and the problems they must give.
type Case = (&'static str, Vec<Edit>, Expected);

fn set(pointer: &'static str, value: Value) -> Edit {
    (pointer, Some(value))
}

fn remove(pointer: &'static str) -> Edit {
    (pointer, None)
}

fn edited(edits: &[Edit]) -> Questionnaire {
    let mut document: Value = serde_json::from_str(SMALL).unwrap();
    for (pointer, value) in edits {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = document
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no {parent}"));
        match (parent, value) {
            (Value::Object(map), Some(value)) => {
                map.insert(key.to_string(), value.clone());
            }
            (Value::Object(map), None) => {
                map.remove(key).unwrap();
            }
            (Value::Array(list), Some(value)) => match key.parse::<usize>() {
                Ok(index) if index < list.len() => list[index] = value.clone(),
                _ => list.push(value.clone()),
            },
            (Value::Array(list), None) => {
                list.remove(key.parse::<usize>().unwrap());
            }
            (other, _) => panic!("cannot edit {other}"),
        }
    }
    let mut questionnaire: Questionnaire = serde_json::from_value(document).unwrap();
    questionnaire.prepare();
    questionnaire
}

fn assert_problems(name: &str, questionnaire: &Questionnaire, expected: &[(&str, &str)]) {
    let found = check(questionnaire);
    let listing = found
        .iter()
        .map(|p| format!("  {}: {}", p.path, p.message))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        found.len(),
        expected.len(),
        "{name}: expected {} problems, found:\n{listing}",
        expected.len()
    );
    for (problem, (path, part)) in found.iter().zip(expected) {
        assert_eq!(problem.path, *path, "{name}: found:\n{listing}");
        assert!(
            problem.message.contains(part),
            "{name}: {:?} lacks {part:?}; found:\n{listing}",
            problem.message
        );
        assert!(
            !problem.message.contains('\n') && problem.message.matches(": ").count() <= 2,
            "{name}: not one plain sentence: {:?}",
            problem.message
        );
    }
}

#[test]
fn the_valid_questionnaire_has_no_problems() {
    assert_problems("valid", &edited(&[]), &[]);
}

#[test]
fn ids_must_be_there_unique_and_clean() {
    let cases: Vec<Case> = vec![
        (
            "questionnaire id",
            vec![set("/id", json!(" "))],
            vec![("id", "the questionnaire has no id")],
        ),
        (
            "duplicate section",
            vec![set("/sections/2/id", json!("goals"))],
            vec![(
                "sections[2].id",
                "section id \"goals\" is used twice (first at sections[1])",
            )],
        ),
        (
            "duplicate question across sections",
            vec![set("/sections/1/questions/2/id", json!("staff"))],
            vec![(
                "sections[1].questions[2].id",
                "question id \"staff\" is used twice (first at sections[0].questions[0])",
            )],
        ),
        (
            "duplicate option",
            vec![set(
                "/sections/1/questions/2/options/1/value",
                json!("cost"),
            )],
            vec![(
                "sections[1].questions[2].options[1].value",
                "option value \"cost\" twice (first at options[0])",
            )],
        ),
        (
            "duplicate recommendation across questions",
            vec![set(
                "/sections/1/questions/1/recommendations/1/id",
                json!("write-problem"),
            )],
            vec![(
                "sections[1].questions[1].recommendations[1].id",
                "recommendation id \"write-problem\" is used twice (first at \
                 sections[1].questions[0].recommendations[0])",
            )],
        ),
        (
            "duplicate level",
            vec![set("/levels/2/id", json!("foundations"))],
            vec![("levels[2].id", "level id \"foundations\" is used twice")],
        ),
        (
            "blank question id",
            vec![set("/sections/0/questions/0/id", json!(""))],
            vec![("sections[0].questions[0].id", "this question has no id")],
        ),
        (
            "spaces around an id",
            vec![set("/sections/0/questions/0/id", json!("staff "))],
            vec![(
                "sections[0].questions[0].id",
                "question id \"staff \" has spaces around it",
            )],
        ),
        (
            "blank section and level ids, option value and recommendation id",
            vec![
                set("/levels/1/id", json!("")),
                set("/sections/0/id", json!("")),
                set("/sections/1/questions/2/options/0/value", json!("")),
                set("/sections/1/questions/2/recommendations/0/id", json!("")),
            ],
            vec![
                ("levels[1].id", "this level has no id"),
                ("sections[0].id", "this section has no id"),
                (
                    "sections[1].questions[2].options[0].value",
                    "an option of question \"reason\" has no value",
                ),
                (
                    "sections[1].questions[2].recommendations[0].id",
                    "a recommendation of question \"reason\" has no id",
                ),
            ],
        ),
    ];
    run(cases);
}

#[test]
fn text_that_the_owner_reads_must_be_there() {
    let cases: Vec<Case> = vec![
        (
            "titles, text and labels",
            vec![
                set("/title", json!("")),
                set("/levels/0/label", json!(" ")),
                set("/sections/1/title", json!("")),
                set("/sections/1/questions/0/text", json!("")),
                set("/sections/1/questions/2/options/2/label", json!("")),
                set("/sections/1/questions/2/recommendations/0/text", json!("")),
            ],
            vec![
                ("title", "the questionnaire has no title"),
                ("levels[0].label", "level \"not-ready\" has no label"),
                ("sections[1].title", "section \"goals\" has no title"),
                (
                    "sections[1].questions[0].text",
                    "question \"problem\" has no text",
                ),
                (
                    "sections[1].questions[2].options[2].label",
                    "option \"quality\" of question \"reason\" has no label",
                ),
                (
                    "sections[1].questions[2].recommendations[0].text",
                    "recommendation \"quality-outcome\" has no text",
                ),
            ],
        ),
        (
            "section without questions",
            vec![set(
                "/sections/3",
                json!({ "id": "extra", "title": "Extra", "questions": [] }),
            )],
            vec![(
                "sections[3].questions",
                "section \"extra\" has no questions",
            )],
        ),
        (
            "no sections",
            vec![set("/sections", json!([]))],
            vec![("sections", "there are no sections")],
        ),
        (
            "version not semver",
            vec![set("/version", json!("1.0"))],
            vec![("version", "version \"1.0\" is not MAJOR.MINOR.PATCH")],
        ),
        (
            "format version",
            vec![set("/format_version", json!(2))],
            vec![("format_version", "format_version 2 is not known")],
        ),
    ];
    run(cases);
}

#[test]
fn conditions_name_real_questions_options_and_kinds() {
    let show_if = "/sections/2/questions/3/show_if";
    let single = |condition: Value, path: &'static str, part: &'static str| {
        (vec![set(show_if, condition)], vec![(path, part)])
    };
    let cases: Vec<(Vec<Edit>, Expected)> = vec![
        single(
            json!({ "question": "outsource", "answered": true }),
            "sections[2].questions[3].show_if.question",
            "names question \"outsource\", which does not exist: did you mean \"outsourced\"?",
        ),
        single(
            json!({ "question": "zzz", "answered": true }),
            "sections[2].questions[3].show_if.question",
            "fix the id or add the question",
        ),
        single(
            json!({ "question": "reason", "eq": "cheap" }),
            "sections[2].questions[3].show_if.eq",
            "question \"reason\" has no option \"cheap\": use one of \"cost\", \"both\", \
             \"quality\"",
        ),
        single(
            json!({ "question": "reason", "in": ["cost", "cheap"] }),
            "sections[2].questions[3].show_if.in[1]",
            "has no option \"cheap\"",
        ),
        single(
            json!({ "question": "reason", "in": [] }),
            "sections[2].questions[3].show_if.in",
            "\"in\" with an empty list never holds",
        ),
        single(
            json!({ "question": "outcomes", "eq": 1 }),
            "sections[2].questions[3].show_if.eq",
            "answered with an option value, so a number never matches it",
        ),
        single(
            json!({ "question": "reason", "eq": ["cost"] }),
            "sections[2].questions[3].show_if.eq",
            "so a list never matches it",
        ),
        single(
            json!({ "question": "reason", "gt": "cost" }),
            "sections[2].questions[3].show_if.gt",
            "\"gt\" compares order, which the single question \"reason\" does not have",
        ),
        single(
            json!({ "question": "reason", "contains": "cost" }),
            "sections[2].questions[3].show_if.contains",
            "\"contains\" works only on multi questions",
        ),
        single(
            json!({ "question": "outsourced", "contains": "cloud" }),
            "sections[2].questions[3].show_if.contains",
            "question \"outsourced\" has no option \"cloud\"",
        ),
        single(
            json!({ "question": "outsourced", "eq": "support" }),
            "sections[2].questions[3].show_if.eq",
            "question \"outsourced\" is multi",
        ),
        single(
            json!({ "question": "outsourced", "not_in": [["support"], ["cloud"]] }),
            "sections[2].questions[3].show_if.not_in[1][0]",
            "has no option \"cloud\"",
        ),
        single(
            json!({ "question": "staff", "gt": "10" }),
            "sections[2].questions[3].show_if.gt",
            "answered with a number, so text never matches it",
        ),
        single(
            json!({ "question": "outcomes", "gte": "9" }),
            "sections[2].questions[3].show_if.gte",
            "question \"outcomes\" has no option \"9\"",
        ),
        single(
            json!({ "question": "decision-date", "lt": "2025-02-30" }),
            "sections[2].questions[3].show_if.lt",
            "\"2025-02-30\" is not a real date",
        ),
        single(
            json!({ "question": "decision-date", "eq": "31/01/2025" }),
            "sections[2].questions[3].show_if.eq",
            "not a real date written YYYY-MM-DD",
        ),
        single(
            json!({ "question": "decision-date", "eq": 20250131 }),
            "sections[2].questions[3].show_if.eq",
            "answered with a date",
        ),
        single(
            json!({ "question": "budget-owner", "eq": 3 }),
            "sections[2].questions[3].show_if.eq",
            "answered with text",
        ),
        single(
            json!({ "question": "staff", "state": "unsure" }),
            "sections[2].questions[3].show_if.state",
            "question \"staff\" does not allow \"I don't know yet\"",
        ),
        single(
            json!({ "question": "reason", "state": "na" }),
            "sections[2].questions[3].show_if.state",
            "set allow_na to true",
        ),
        single(
            json!({ "all": [] }),
            "sections[2].questions[3].show_if.all",
            "\"all\" has no conditions in it, so it always holds",
        ),
        single(
            json!({ "all": [
                { "question": "staff", "answered": true },
                { "any": [{ "not": { "question": "nope", "answered": true } }] }
            ] }),
            "sections[2].questions[3].show_if.all[1].any[0].not.question",
            "names question \"nope\"",
        ),
        (
            vec![set(
                "/sections/1/questions/1/recommendations/0/when",
                json!({ "question": "outcomes", "lte": 1 }),
            )],
            vec![(
                "sections[1].questions[1].recommendations[0].when.lte",
                "so a number never matches it",
            )],
        ),
        (
            vec![set(
                "/sections/1/questions/0/blocker_if",
                json!({ "question": "problem", "eq": "nope" }),
            )],
            vec![(
                "sections[1].questions[0].blocker_if.eq",
                "question \"problem\" has no option \"nope\"",
            )],
        ),
        (
            vec![set(
                "/sections/1/show_if",
                json!({ "question": "staf", "gte": 2 }),
            )],
            vec![("sections[1].show_if.question", "did you mean \"staff\"?")],
        ),
    ];
    let named = cases
        .into_iter()
        .map(|(edits, expected)| ("condition", edits, expected))
        .collect();
    run(named);
    // Conditions that are right must stay quiet.
    for good in [
        json!({ "question": "outsourced", "eq": ["support", "hosting"] }),
        json!({ "question": "outsourced", "in": [["support"], []] }),
        json!({ "question": "outcomes", "gt": "1" }),
        json!({ "question": "budget", "lte": 500.5 }),
        json!({ "question": "decision-date", "gte": "2024-02-29" }),
        json!({ "question": "budget-owner", "ne": "Sam" }),
        json!({ "question": "dpa", "state": "unsure" }),
        json!({ "question": "decision-date", "state": "na" }),
        json!({ "any": [{ "question": "staff", "answered": false }] }),
    ] {
        assert_problems(
            &format!("{good}"),
            &edited(&[set(show_if, good.clone())]),
            &[],
        );
    }
}

#[test]
fn visibility_cycles_are_reported_once_with_their_questions() {
    let answered = |id: &str| json!({ "question": id, "answered": true });
    let cases: Vec<Case> = vec![
        (
            "two questions",
            vec![
                set("/sections/2/questions/3/show_if", answered("budget-owner")),
                set("/sections/2/questions/4/show_if", answered("cost-notes")),
            ],
            vec![(
                "sections[2].questions[3].show_if",
                "questions \"cost-notes\" → \"budget-owner\" → \"cost-notes\" decide each \
                 other's visibility in a loop",
            )],
        ),
        (
            "a question on itself",
            vec![set(
                "/sections/2/questions/3/show_if",
                answered("cost-notes"),
            )],
            vec![(
                "sections[2].questions[3].show_if",
                "question \"cost-notes\" shows only depending on its own answer",
            )],
        ),
        (
            "a section on its own question",
            vec![set("/sections/2/show_if", answered("budget"))],
            vec![(
                "sections[2].show_if.question",
                "section \"money\" shows only after question \"budget\" is answered, but \
                 \"budget\" is inside that section",
            )],
        ),
        (
            "through a section",
            vec![
                set("/sections/2/show_if", answered("decision-date")),
                set("/sections/1/questions/3/show_if", answered("budget")),
            ],
            vec![(
                "sections[1].questions[3].show_if",
                "questions \"decision-date\" → \"budget\" → \"decision-date\"",
            )],
        ),
        (
            "three questions, one loop spelled out and the rest named",
            vec![
                set("/sections/2/questions/3/show_if", answered("budget-owner")),
                set(
                    "/sections/2/questions/4/show_if",
                    json!({ "any": [answered("cost-notes"), answered("staff")] }),
                ),
                set("/sections/0/questions/0/show_if", answered("budget-owner")),
            ],
            vec![(
                "sections[0].questions[0].show_if",
                "questions \"staff\" → \"budget-owner\" → \"staff\" decide each other's \
                 visibility in a loop (with \"cost-notes\" caught in the same loop)",
            )],
        ),
    ];
    run(cases);
}

#[test]
fn scores_weights_and_options_fit_the_question_type() {
    let cases: Vec<Case> = vec![
        (
            "option score",
            vec![set("/sections/1/questions/2/options/1/score", json!(1.5))],
            vec![(
                "sections[1].questions[2].options[1].score",
                "option \"both\" of question \"reason\" scores 1.5, outside 0 to 1",
            )],
        ),
        (
            "band score",
            vec![set(
                "/sections/2/questions/0/score_bands/0/score",
                json!(-0.5),
            )],
            vec![(
                "sections[2].questions[0].score_bands[0].score",
                "scores -0.5, outside 0 to 1",
            )],
        ),
        (
            "weights",
            vec![
                set("/sections/1/weight", json!(-2)),
                set("/sections/1/questions/1/weight", json!(-1)),
            ],
            vec![
                ("sections[1].weight", "section \"goals\" has weight -2"),
                (
                    "sections[1].questions[1].weight",
                    "question \"outcomes\" has weight -1",
                ),
            ],
        ),
        (
            "choice without options",
            vec![set("/sections/0/questions/2/options", json!([]))],
            vec![(
                "sections[0].questions[2].options",
                "question \"outsourced\" is a multi question without options",
            )],
        ),
        (
            "single with one option",
            vec![
                remove("/sections/1/questions/2/options/2"),
                remove("/sections/1/questions/2/options/1"),
            ],
            vec![(
                "sections[1].questions[2].options",
                "question \"reason\" has only one option",
            )],
        ),
        (
            "yes_no options",
            vec![set(
                "/sections/0/questions/1/options/1/value",
                json!("maybe"),
            )],
            vec![(
                "sections[0].questions[1].options",
                "question \"personal-data\" is yes_no, so its options must be exactly \"yes\" \
                 and \"no\" (not \"yes\", \"maybe\")",
            )],
        ),
        (
            "options on a number",
            vec![set(
                "/sections/0/questions/0/options",
                json!([{ "value": "few", "label": "Few" }]),
            )],
            vec![(
                "sections[0].questions[0].options",
                "question \"staff\" is a number question, which takes no options",
            )],
        ),
        (
            "score bands on text",
            vec![set(
                "/sections/2/questions/4/score_bands",
                json!([{ "score": 1 }]),
            )],
            vec![(
                "sections[2].questions[4].score_bands",
                "question \"budget-owner\" is a text question, so score bands never apply",
            )],
        ),
        (
            "some options scored",
            vec![remove("/sections/1/questions/2/options/0/score")],
            vec![(
                "sections[1].questions[2].options",
                "question \"reason\" scores some options but not \"cost\"",
            )],
        ),
        (
            "scale going down",
            vec![set("/sections/1/questions/1/options/3/score", json!(0.4))],
            vec![(
                "sections[1].questions[1].options[3].score",
                "but \"3\" scores less than \"2\" above it",
            )],
        ),
        (
            "min above max",
            vec![set("/sections/0/questions/0/min", json!(2000))],
            vec![(
                "sections[0].questions[0].min",
                "question \"staff\" accepts numbers from 2000 to 1000, which is none",
            )],
        ),
        (
            "empty band",
            vec![set("/sections/2/questions/1/score_bands/1/min", json!(10))],
            vec![(
                "sections[2].questions[1].score_bands[1]",
                "runs from 10 up to 10, which holds no number",
            )],
        ),
        (
            "unit on text",
            vec![set("/sections/2/questions/4/unit", json!("people"))],
            vec![(
                "sections[2].questions[4].unit",
                "question \"budget-owner\" is a text question, so its unit is never used",
            )],
        ),
        (
            "every section weighs nothing",
            vec![
                set("/sections/1/weight", json!(0)),
                set("/sections/2/weight", json!(0)),
            ],
            vec![("sections", "every section has weight 0")],
        ),
    ];
    run(cases);
}

#[test]
fn critical_questions_can_count_and_have_a_way_out() {
    let recommendation = json!({
        "id": "find-out", "text": "Find out.", "effort": "S", "impact": "M",
        "owner": "you", "due_in_days": 7
    });
    let cases: Vec<Case> = vec![
        (
            "no recommendation",
            vec![remove("/sections/2/questions/2/recommendations")],
            vec![(
                "sections[2].questions[2].critical",
                "question \"dpa\" is critical but has no recommendation",
            )],
        ),
        (
            "unscored, no blocker",
            vec![
                set("/sections/0/questions/1/critical", json!(true)),
                set(
                    "/sections/0/questions/1/recommendations",
                    json!([{
                        "id": "find-out", "when": { "question": "personal-data", "eq": "yes" },
                        "text": "Find out.", "effort": "S", "impact": "M", "owner": "you",
                        "due_in_days": 7
                    }]),
                ),
            ],
            vec![(
                "sections[0].questions[1].critical",
                "question \"personal-data\" is critical but its answers carry no score",
            )],
        ),
        (
            "unscored with a blocker is fine",
            vec![
                set("/sections/2/questions/4/critical", json!(true)),
                set(
                    "/sections/2/questions/4/blocker_if",
                    json!({ "question": "budget-owner", "answered": false }),
                ),
                set(
                    "/sections/2/questions/4/recommendations",
                    json!([{
                        "id": "name-owner", "when": { "question": "budget-owner", "answered": false },
                        "text": "Name one.", "effort": "S", "impact": "M", "owner": "you",
                        "due_in_days": 7
                    }]),
                ),
            ],
            vec![],
        ),
        (
            "a recommendation that never applies",
            vec![set(
                "/sections/0/questions/1/recommendations",
                json!([recommendation]),
            )],
            vec![(
                "sections[0].questions[1].recommendations[0]",
                "recommendation \"find-out\" applies when question \"personal-data\" scores \
                 below 1, but that question carries no score",
            )],
        ),
    ];
    run(cases);
}

#[test]
fn levels_start_at_zero_and_rise() {
    let cases: Vec<Case> = vec![
        (
            "none",
            vec![set("/levels", json!([]))],
            vec![("levels", "there are no readiness levels")],
        ),
        (
            "out of range",
            vec![set("/levels/3/min", json!(1.5))],
            vec![(
                "levels[3].min",
                "level \"ready\" starts at 1.5, outside 0 to 1",
            )],
        ),
        (
            "not ascending",
            vec![set("/levels/2/min", json!(0.3))],
            vec![(
                "levels[2].min",
                "level \"nearly\" starts at 0.3, not above the level before it \
                 (\"foundations\" at 0.4)",
            )],
        ),
        (
            "equal",
            vec![set("/levels/2/min", json!(0.4))],
            vec![("levels[2].min", "not above the level before it")],
        ),
        (
            "first not at zero",
            vec![set("/levels/0/min", json!(0.1))],
            vec![(
                "levels[0].min",
                "the first level \"not-ready\" starts at 0.1, so scores below 0.1 reach no \
                 level: set its min to 0",
            )],
        ),
    ];
    run(cases);
}

#[test]
fn weights_that_json_cannot_write_are_still_caught() {
    let mut questionnaire = edited(&[]);
    questionnaire.sections[1].weight = f64::NAN;
    questionnaire.sections[2].questions[0].weight = f64::INFINITY;
    assert_problems(
        "not finite",
        &questionnaire,
        &[
            ("sections[1].weight", "section \"goals\" has weight NaN"),
            ("sections[2].questions[0].weight", "has weight inf"),
        ],
    );
}

#[test]
fn problems_come_in_document_order() {
    let questionnaire = edited(&[
        set("/sections/2/questions/4/text", json!("")),
        set("/levels/1/min", json!(0)),
        set("/sections/0/questions/2/options", json!([])),
        set("/version", json!("v1")),
    ]);
    let paths: Vec<String> = check(&questionnaire).into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "version",
            "levels[1].min",
            "sections[0].questions[2].options",
            "sections[2].questions[4].text"
        ]
    );
}

fn run(cases: Vec<Case>) {
    for (name, edits, expected) in cases {
        assert_problems(name, &edited(&edits), &expected);
    }
}

#[test]
fn versions_dates_and_typos() {
    for (version, ok) in [
        ("1.0.0", true),
        ("0.10.2", true),
        ("2.0.0-beta.1", true),
        ("1.0.0-rc-1", true),
        ("1.0", false),
        ("1.0.0.0", false),
        ("v1.0.0", false),
        ("01.0.0", false),
        ("1.0.0-", false),
        ("1.0.0-beta..1", false),
        ("1.0.0+build", false),
        ("", false),
    ] {
        assert_eq!(is_semver(version), ok, "{version:?}");
    }
    for (date, ok) in [
        ("2024-02-29", true),
        ("2025-12-31", true),
        ("2025-02-29", false),
        ("2025-13-01", false),
        ("2025-1-01", false),
        ("20250101", false),
        ("2025-01-01T00:00", false),
        ("", false),
    ] {
        assert_eq!(is_date(date), ok, "{date:?}");
    }
    for (a, b, distance) in [("", "", 0), ("staff", "staf", 1), ("kitten", "sitting", 3)] {
        assert_eq!(edit_distance(a, b), distance, "{a:?} {b:?}");
    }
    let known = ["staff", "budget", "budget-owner"];
    for (wanted, near) in [
        ("staf", Some("staff")),
        ("budgte", Some("budget")),
        ("budget_owner", Some("budget-owner")),
        ("zzz", None),
    ] {
        assert_eq!(closest(wanted, known.into_iter()), near, "{wanted:?}");
    }
}

#[test]
fn a_questionnaire_that_scores_nothing_gives_no_verdict() {
    let mut questionnaire: Questionnaire = serde_json::from_value(json!({
        "format_version": 1, "id": "notes", "version": "0.1.0", "title": "Notes only",
        "levels": [{ "id": "all", "label": "All", "min": 0 }],
        "sections": [{ "id": "s", "title": "S", "questions": [
            { "id": "q", "type": "text", "text": "Anything to add?" }
        ] }]
    }))
    .unwrap();
    questionnaire.prepare();
    assert_problems(
        "unscored",
        &questionnaire,
        &[("sections", "no question carries a score")],
    );
}
