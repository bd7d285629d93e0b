//! The built-in budget section: it asks the amounts an owner can get rather than whether
//! the owner knows them, judges them where an outsourcing expert would (a cost of leaving
//! unknown or above a year's fees, no reserve or under 10%, a committed spend not compared
//! with today's cost), and names every input of a figure by a short label.

use std::collections::BTreeSet;

use outready::answer::{Answer, AnswerState, Value};
use outready::questionnaire::Visibility;

use super::builtin_questionnaire::{answers, questionnaire, text};

#[test]
fn every_question_a_figure_uses_has_a_short_label() {
    let q = questionnaire();
    let mut used = BTreeSet::new();
    for section in &q.sections {
        for figure in &section.calculated {
            used.extend(
                figure
                    .expr
                    .ids()
                    .into_iter()
                    .filter(|id| q.question(id).is_some()),
            );
        }
    }
    assert!(used.len() >= 15, "{used:?}");
    for id in used {
        let question = q.question(id).expect("a question");
        assert!(
            !question.short.is_empty() && question.short.len() <= 40,
            "{id} has no short label for the worksheet"
        );
        assert_eq!(question.short_label(), question.short);
    }
}

#[test]
fn the_budget_asks_amounts_not_whether_the_owner_knows_them() {
    let q = questionnaire();
    let budget = q
        .sections
        .iter()
        .find(|s| s.id == "budget")
        .expect("budget");
    let ids: Vec<&str> = budget.questions.iter().map(|x| x.id.as_str()).collect();
    for gone in ["budget-today", "budget-onboarding", "budget-exit-cost"] {
        assert!(!ids.contains(&gone), "{gone} is asked beside its amount");
    }
    // What an owner does not know yet is a gap with a next step; a known amount is none.
    let gap_when_unknown = |id: &str| {
        let question = q.question(id).expect(id);
        assert!(question.is_scored(), "{id} is not scored");
        let unsure = answers(&[(id, Answer::in_state(AnswerState::Unsure))]);
        let assessment = outready::scoring::assess(&q, &unsure);
        let gap = assessment
            .gaps
            .iter()
            .find(|g| g.question == id)
            .unwrap_or_else(|| panic!("{id} unknown is no gap"));
        assert!(!gap.recommendations.is_empty(), "{id}: no next step");
        gap.recommendations.clone()
    };
    assert_eq!(
        gap_when_unknown("budget-today-invoices"),
        ["budget-today-add"]
    );
    assert_eq!(
        gap_when_unknown("budget-setup-fee"),
        ["budget-onboarding-quote"]
    );
    assert_eq!(
        gap_when_unknown("budget-exit-amount"),
        ["budget-exit-cost-ask"]
    );
    let known = answers(&[
        (
            "budget-today-invoices",
            Answer::answered(Value::Number(9000.0)),
        ),
        ("budget-setup-fee", Answer::answered(Value::Number(0.0))),
    ]);
    let assessment = outready::scoring::assess(&q, &known);
    assert!(
        assessment
            .gaps
            .iter()
            .all(|g| g.question != "budget-today-invoices" && g.question != "budget-setup-fee"),
        "a known amount is a gap"
    );
}

#[test]
fn leaving_is_judged_against_a_year_of_fees_and_the_reserve_against_ten_percent() {
    let q = questionnaire();
    let with = |extra: &[(&str, Answer)]| {
        let mut given = vec![
            ("budget-quote-kind", text("flat")),
            ("budget-fee-flat", Answer::answered(Value::Number(1000.0))),
        ];
        given.extend(extra.iter().cloned());
        outready::scoring::assess(&q, &answers(&given))
    };
    let score = |a: &outready::scoring::Assessment, id: &str| {
        a.questions
            .iter()
            .find(|x| x.id == id)
            .and_then(|x| x.score)
    };
    let amount = |n: f64| Answer::answered(Value::Number(n));
    // A year of fees is 12,000: leaving at exactly that is no gap, above it is.
    let at_a_year = with(&[("budget-exit-amount", amount(12000.0))]);
    assert_eq!(score(&at_a_year, "budget-exit-amount"), Some(1.0));
    let above = with(&[("budget-exit-amount", amount(12100.0))]);
    assert_eq!(score(&above, "budget-exit-amount"), Some(0.0));
    let gap = above
        .gaps
        .iter()
        .find(|g| g.question == "budget-exit-amount")
        .expect("gap");
    assert_eq!(gap.recommendations, ["budget-exit-amount-lower"]);
    // With no quote yet, an amount is judged against nothing: no score, no made-up gap.
    let no_quote =
        outready::scoring::assess(&q, &answers(&[("budget-exit-amount", amount(5000.0))]));
    assert_eq!(score(&no_quote, "budget-exit-amount"), None);
    // No reserve, or under 10%, is a gap; 10% is none.
    for (reserve, expected) in [(0.0, 0.0), (7.0, 0.5), (10.0, 1.0)] {
        let a = with(&[("budget-reserve", amount(reserve))]);
        assert_eq!(score(&a, "budget-reserve"), Some(expected), "{reserve}%");
    }
    // A committed spend not set beside today's cost is a gap; with no quote it is not asked.
    let not_compared = with(&[("budget-compared", text("no"))]);
    assert_eq!(score(&not_compared, "budget-compared"), Some(0.0));
    let none = answers(&[("budget-quote-kind", text("none"))]);
    assert!(!Visibility::compute(&q, &none).shows(&q, "budget-compared"));
}
