//! Table tests of what `validate` refuses in figures: every unit rule, mixed units at
//! their operand, divisions that can meet zero and the guards that make them safe,
//! cycles, and the JSON shape of expressions.

use serde_json::{Value as Json, json};

use super::{figure, questionnaire};
use crate::questionnaire::compute::Expr;
use crate::questionnaire::compute::Unit;
use crate::questionnaire::compute::check::{check, unit_of};

#[test]
fn units_follow_the_rules() {
    let q = questionnaire(json!([figure("f", "money", json!("fee"))]));
    let unit = |expr: Json| unit_of(&q, &serde_json::from_value::<Expr>(expr).unwrap());
    for (expr, wanted) in [
        (json!(5), None),
        (json!("fee"), Some(Unit::Money)),
        (json!("users"), Some(Unit::Number)),
        (json!("term"), Some(Unit::Months)),
        (json!("rise"), Some(Unit::Percent)),
        (json!("f"), Some(Unit::Money)),
        (json!({"sum": [5, "fee"]}), Some(Unit::Money)),
        (json!({"mul": ["fee", "term", "rise"]}), Some(Unit::Money)),
        (json!({"mul": ["term", "rise"]}), Some(Unit::Months)),
        (json!({"mul": ["users", 2]}), Some(Unit::Number)),
        (json!({"mul": [2, 3]}), None),
        (json!({"div": ["fee", "fee"]}), Some(Unit::Percent)),
        (json!({"div": ["term", "term"]}), Some(Unit::Percent)),
        (json!({"div": ["users", "users"]}), Some(Unit::Number)),
        (json!({"div": ["fee", "term"]}), Some(Unit::Money)),
        (json!({"round": "rise"}), Some(Unit::Percent)),
        (
            json!({"if": {"question": "ok", "eq": "yes"}, "then": 0, "else": "term"}),
            Some(Unit::Months),
        ),
    ] {
        assert_eq!(unit(expr.clone()), wanted, "{expr}");
    }
}

/// The problems `check` finds in figure `x` with this expression and unit.
fn problems(unit: &str, expr: Json) -> Vec<(String, String)> {
    check(&questionnaire(json!([figure("x", unit, expr)])))
}

#[test]
fn mixed_units_are_refused_where_they_meet() {
    for (unit, expr, path, words) in [
        (
            "money",
            json!({"sum": ["fee", "rise"]}),
            "sections[0].calculated[0].expr.sum[1]",
            "joins money with percent",
        ),
        (
            "money",
            json!({"min": ["fee", "term"]}),
            "sections[0].calculated[0].expr.min[1]",
            "joins money with months",
        ),
        (
            "money",
            json!({"if": {"question": "ok", "eq": "yes"}, "then": "fee", "else": "users"}),
            "sections[0].calculated[0].expr.else",
            "joins money with number",
        ),
        (
            "money",
            json!({"mul": ["fee", "reserve"]}),
            "sections[0].calculated[0].expr.mul[1]",
            "multiplies money by money",
        ),
        (
            "percent",
            json!({"mul": ["rise", "rise"]}),
            "sections[0].calculated[0].expr.mul[1]",
            "multiplies percent by percent",
        ),
        (
            "money",
            json!({"div": ["fee", "rise"]}),
            "sections[0].calculated[0].expr.div[1]",
            "divides money by percent",
        ),
        (
            "number",
            json!({"div": ["users", "fee"]}),
            "sections[0].calculated[0].expr.div[1]",
            "divides number by money",
        ),
        (
            "percent",
            json!({"sum": ["fee", 1]}),
            "sections[0].calculated[0].unit",
            "expression gives money",
        ),
        (
            "money",
            json!({"sum": ["ok", 1]}),
            "sections[0].calculated[0].expr.sum[0]",
            "yes_no question",
        ),
        (
            "money",
            json!({"sum": ["nothing", 1]}),
            "sections[0].calculated[0].expr.sum[0]",
            "neither a question nor a calculated figure",
        ),
    ] {
        let mut found = problems(unit, expr.clone());
        found.retain(|(_, m)| !m.contains("which can be zero"));
        assert_eq!(found.len(), 1, "{expr}: {found:?}");
        assert_eq!(found[0].0, path, "{expr}");
        assert!(found[0].1.contains(words), "{expr}: {}", found[0].1);
    }
}

#[test]
fn a_division_that_can_meet_zero_needs_a_guard() {
    let at = "sections[0].calculated[0].expr.div[1]";
    for (expr, refused) in [
        (json!({"div": ["fee", "hours"]}), Some(at)),
        (json!({"div": ["fee", "reserve"]}), Some(at)),
        (json!({"div": ["fee", 0]}), Some(at)),
        (json!({"div": ["fee", {"sub": ["users", 1]}]}), Some(at)),
        (json!({"div": ["fee", {"round": "users"}]}), Some(at)),
        (json!({"div": ["fee", "users"]}), None),
        (json!({"div": ["fee", "term"]}), None),
        (json!({"div": ["fee", 4]}), None),
        (json!({"div": ["fee", {"sum": ["term", 1]}]}), None),
        (
            json!({"div": ["fee", {"sum": ["hours", "users"]}]}),
            Some(at),
        ),
        (json!({"div": ["fee", {"max": ["hours", 1]}]}), None),
        (
            json!({"if": {"question": "hours", "gt": 0}, "then": {"div": ["fee", "hours"]}, "else": 0}),
            None,
        ),
        (
            json!({"if": {"question": "hours", "eq": 0}, "then": 0, "else": {"div": ["fee", "hours"]}}),
            None,
        ),
        (
            json!({"if": {"not": {"question": "hours", "lte": 0}}, "then": {"div": ["fee", "hours"]}, "else": 0}),
            None,
        ),
        (
            json!({"if": {"all": [{"question": "ok", "eq": "yes"}, {"question": "hours", "gte": 1}]}, "then": {"div": ["fee", "hours"]}, "else": 0}),
            None,
        ),
        (
            json!({"if": {"question": "hours", "gt": 0}, "then": 0, "else": {"div": ["fee", "hours"]}}),
            Some("sections[0].calculated[0].expr.else.div[1]"),
        ),
        (
            json!({"if": {"question": "users", "gt": 0}, "then": {"div": ["fee", "hours"]}, "else": 0}),
            Some("sections[0].calculated[0].expr.then.div[1]"),
        ),
    ] {
        let mut found = problems("money", expr.clone());
        found.retain(|(p, _)| !p.ends_with(".unit"));
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, refused.into_iter().collect::<Vec<_>>(), "{expr}");
        if let Some((_, message)) = found.first() {
            assert!(message.contains("which can be zero"), "{message}");
        }
    }
}

#[test]
fn figures_that_depend_on_themselves_are_refused_once() {
    let found = check(&questionnaire(json!([
        figure("a", "money", json!({"sum": ["b", 1]})),
        figure(
            "b",
            "money",
            json!({"if": {"question": "a", "gt": 0}, "then": "fee", "else": 0})
        ),
        figure("c", "money", json!({"sum": ["a", "fee"]})),
    ])));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "sections[0].calculated[0].expr");
    assert!(found[0].1.contains("a → b → a"), "{}", found[0].1);
}

#[test]
fn expressions_read_and_write_the_same_json() {
    for text in [
        json!({"sum": ["fee", 1.5]}),
        json!({"round": {"div": ["fee", "users"]}, "places": 2}),
        json!({"if": {"question": "ok", "eq": "yes"}, "then": "fee", "else": 0}),
        json!({"max": [{"sub": ["fee", 1]}, {"min": [1, 2]}, {"mul": [2, "users"]}]}),
    ] {
        let expr: Expr = serde_json::from_value(text.clone()).unwrap();
        assert_eq!(serde_json::to_value(&expr).unwrap(), text);
    }
    for (bad, words) in [
        (json!({"sum": []}), "at least 1"),
        (json!({"sub": ["fee"]}), "at least 2"),
        (json!({"div": ["fee", 1, 2]}), "exactly two"),
        (json!({"sum": [1], "mul": [2]}), "does not go with"),
        (json!({"round": 1, "places": 9}), "from 0 to 6"),
        (
            json!({"if": {"question": "ok", "eq": "yes"}, "then": 1}),
            "\"else\" is missing",
        ),
        (json!({"pow": [1, 2]}), "found pow"),
        (json!(true), "an expression is"),
    ] {
        let error = serde_json::from_value::<Expr>(bad.clone())
            .unwrap_err()
            .to_string();
        assert!(error.contains(words), "{bad}: {error}");
    }
}
