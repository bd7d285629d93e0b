//! Table tests of the expression engine: every operator, unknown inputs, figures in
//! conditions and placeholders; the checks `validate` makes are in `tests/check`.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Value as Json, json};

mod check;

use super::Figures;
use crate::answer::{Answer, AnswerState, Answers, Value};
use crate::questionnaire::model::Questionnaire;
use crate::questionnaire::{Condition, Visibility, VisibleFacts};

/// A budget section of inputs, with these figures added.
fn questionnaire(figures: Json) -> Questionnaire {
    let document = json!({
        "format_version": 1, "id": "t", "version": "1.0.0", "title": "T",
        "levels": [{"id": "a", "label": "A", "min": 0}],
        "sections": [{"id": "budget", "title": "Budget", "questions": [
            {"id": "fee", "type": "money", "text": "Fee per user a month?"},
            {"id": "users", "type": "number", "text": "Users?", "min": 1},
            {"id": "term", "type": "number", "text": "Minimum term?", "unit": "months", "min": 1},
            {"id": "rise", "type": "percent", "text": "Price rise cap?"},
            {"id": "reserve", "type": "money", "text": "Reserve?", "allow_na": true},
            {"id": "hours", "type": "number", "text": "Hours a month?"},
            {"id": "kind", "type": "single", "text": "Quote?", "options": [
                {"value": "per_user", "label": "Per user"}, {"value": "flat", "label": "Flat"}]},
            {"id": "ok", "type": "yes_no", "text": "Ok?"}
        ], "calculated": figures}]
    });
    let mut q: Questionnaire = serde_json::from_value(document).unwrap();
    q.prepare();
    q
}

fn answers(given: &[(&str, Json)]) -> Answers {
    given
        .iter()
        .map(|(id, v)| {
            let answer = match v {
                Json::String(s) if s == "na" => Answer::in_state(AnswerState::NotApplicable),
                Json::String(s) if s == "unsure" => Answer::in_state(AnswerState::Unsure),
                Json::String(s) => Answer::answered(Value::Text(s.clone())),
                Json::Number(n) => Answer::answered(Value::Number(n.as_f64().unwrap())),
                _ => unreachable!(),
            };
            (id.to_string(), answer)
        })
        .collect()
}

fn figure(id: &str, unit: &str, expr: Json) -> Json {
    json!({"id": id, "label": id, "unit": unit, "expr": expr})
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The outcome of figure `x` for these answers: its value, or the missing ids.
fn value_of(expr: Json, unit: &str, given: &[(&str, Json)]) -> Result<Decimal, Vec<String>> {
    let q = questionnaire(json!([figure("x", unit, expr)]));
    let answers = answers(given);
    let visibility = Visibility::compute(&q, &answers);
    let facts = VisibleFacts {
        questionnaire: &q,
        answers: &answers,
        visibility: &visibility,
    };
    let figures = Figures::compute(&q, &facts);
    figures
        .get("x")
        .unwrap()
        .outcome
        .clone()
        .map_err(|u| u.missing)
}

const ALL: &[(&str, i64)] = &[
    ("fee", 95),
    ("users", 12),
    ("term", 36),
    ("rise", 5),
    ("reserve", 2000),
    ("hours", 6),
];

fn all() -> Vec<(&'static str, Json)> {
    ALL.iter().map(|(id, v)| (*id, json!(v))).collect()
}

#[test]
fn every_operator_counts_exactly() {
    let cases: Vec<(&str, Json, &str, &str)> = vec![
        ("sum", json!({"sum": ["fee", 5]}), "money", "100"),
        (
            "sum of decimals",
            json!({"sum": [0.1, 0.2]}),
            "number",
            "0.3",
        ),
        (
            "sub",
            json!({"sub": ["reserve", "fee", 5]}),
            "money",
            "1900",
        ),
        (
            "mul by count and months",
            json!({"mul": ["fee", "users", "term"]}),
            "money",
            "41040",
        ),
        (
            "mul money by percent is a fraction",
            json!({"mul": ["fee", "rise"]}),
            "money",
            "4.75",
        ),
        (
            "mul percent by number stays percent",
            json!({"mul": ["rise", 2]}),
            "percent",
            "10",
        ),
        (
            "div by number",
            json!({"div": ["reserve", 4]}),
            "money",
            "500",
        ),
        (
            "div money by money is a share",
            json!({"div": ["fee", "reserve"]}),
            "percent",
            "4.75",
        ),
        (
            "div money by months",
            json!({"div": ["reserve", "term"]}),
            "money",
            "55.555555555555555555555555556",
        ),
        ("min", json!({"min": ["fee", "reserve", 50]}), "money", "50"),
        (
            "max",
            json!({"max": ["fee", "reserve", 50]}),
            "money",
            "2000",
        ),
        (
            "round half away from zero",
            json!({"round": {"div": ["reserve", "term"]}, "places": 2}),
            "money",
            "55.56",
        ),
        ("round 2.5 up", json!({"round": 2.5}), "number", "3"),
        (
            "round to whole by default",
            json!({"round": {"mul": ["fee", 0.015]}}),
            "money",
            "1",
        ),
        (
            "if true",
            json!({"if": {"question": "users", "gt": 10}, "then": 1, "else": 2}),
            "number",
            "1",
        ),
        (
            "if false",
            json!({"if": {"question": "users", "gt": 20}, "then": 1, "else": 2}),
            "number",
            "2",
        ),
        (
            "compound year three",
            json!({"mul": ["fee", {"sum": [100, "rise"]}, {"sum": [100, "rise"]}]}),
            "money",
            "104.7375",
        ),
    ];
    for (name, expr, unit, wanted) in cases {
        assert_eq!(value_of(expr, unit, &all()), Ok(dec(wanted)), "{name}");
    }
}

#[test]
fn unanswered_inputs_make_a_figure_unknown_never_zero() {
    let sum = json!({"sum": ["fee", "reserve", "hours"]});
    assert_eq!(
        value_of(sum.clone(), "money", &[("fee", json!(1))]).unwrap_err(),
        vec!["reserve", "hours"],
        "every missing input is named, in order"
    );
    let given = [
        ("fee", json!(1)),
        ("reserve", json!("unsure")),
        ("hours", json!(2)),
    ];
    assert_eq!(
        value_of(json!({"sum": ["fee", "reserve"]}), "money", &given).unwrap_err(),
        vec!["reserve"]
    );
    let na = [("fee", json!(1)), ("reserve", json!("na"))];
    assert_eq!(
        value_of(json!({"sum": ["fee", "reserve"]}), "money", &na),
        Ok(dec("1")),
        "not applicable is nothing"
    );
    let cond = json!({"if": {"question": "kind", "eq": "flat"}, "then": "fee", "else": 0});
    assert_eq!(
        value_of(cond.clone(), "money", &[("fee", json!(1))]).unwrap_err(),
        vec!["kind"]
    );
    assert_eq!(
        value_of(cond, "money", &[("kind", json!("per_user"))]),
        Ok(dec("0")),
        "only the branch taken is read"
    );
}

#[test]
fn figures_read_figures_and_conditions_read_figures() {
    let q = questionnaire(json!([
        figure("monthly", "money", json!({"mul": ["fee", "users"]})),
        figure("yearly", "money", json!({"mul": ["monthly", 12]})),
        figure(
            "big",
            "number",
            json!({"if": {"question": "yearly", "gte": 10000}, "then": 1, "else": 0})
        ),
    ]));
    let answers = answers(&all());
    let visibility = Visibility::compute(&q, &answers);
    let facts = VisibleFacts {
        questionnaire: &q,
        answers: &answers,
        visibility: &visibility,
    };
    let figures = Figures::compute(&q, &facts);
    assert_eq!(figures.get("yearly").unwrap().value(), Some(dec("13680")));
    assert_eq!(figures.get("big").unwrap().value(), Some(dec("1")));
    let holds = |c: Json| {
        serde_json::from_value::<Condition>(c)
            .unwrap()
            .holds(&facts)
    };
    assert!(holds(json!({"question": "yearly", "gt": 13679.99})));
    assert!(!holds(json!({"question": "yearly", "lt": 13680})));
    assert!(holds(json!({"question": "yearly", "answered": true})));
    let none = self::answers(&[]);
    let hidden = Visibility::compute(&q, &none);
    let empty = VisibleFacts {
        questionnaire: &q,
        answers: &none,
        visibility: &hidden,
    };
    let not_yet = |c: Json| {
        serde_json::from_value::<Condition>(c)
            .unwrap()
            .holds(&empty)
    };
    assert!(
        !not_yet(json!({"question": "yearly", "gte": 0})),
        "an unknown figure compares with nothing"
    );
    assert!(not_yet(json!({"question": "yearly", "answered": false})));
}

#[test]
fn a_division_by_zero_that_slipped_past_validation_is_unknown_not_a_panic() {
    let outcome = value_of(
        json!({"div": ["fee", "hours"]}),
        "money",
        &[("fee", json!(1)), ("hours", json!(0))],
    );
    assert_eq!(outcome, Err(Vec::new()));
}

#[test]
fn placeholders_fill_with_the_figure_as_shown() {
    use super::placeholder::{fill, placeholders};
    let q = questionnaire(json!([figure(
        "share",
        "percent",
        json!({"div": ["reserve", {"mul": ["fee", "users", 12]}]})
    )]));
    let answers = answers(&all());
    let visibility = Visibility::compute(&q, &answers);
    let facts = VisibleFacts {
        questionnaire: &q,
        answers: &answers,
        visibility: &visibility,
    };
    let figures = Figures::compute(&q, &facts);
    let currency = crate::money::Currency::from_code("EUR").unwrap();
    assert_eq!(
        fill(
            "Your reserve is {share} of year one; {not-a-figure} and {} stay.",
            &figures,
            &currency
        ),
        "Your reserve is 14.6% of year one; {not-a-figure} and {} stay."
    );
    assert_eq!(
        placeholders("a {b} {c d} {e_f}")
            .iter()
            .map(|(_, n)| *n)
            .collect::<Vec<_>>(),
        vec!["b", "e_f"]
    );
}
