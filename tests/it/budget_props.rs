//! Laws of calculated figures: a sum equals the sum of its parts, changing one input
//! changes only the figures that depend on it, and exact decimals round the same way in
//! the `round` operator, in every amount shown and in recommendation texts.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use std::collections::BTreeSet;
use std::str::FromStr;

use outready::answer::{Answer, Answers, Value};
use outready::money::{Currency, Decimal, format_amount, number_of, round};
use outready::questionnaire::compute::placeholder::fill;
use outready::questionnaire::load::load_file;
use outready::questionnaire::{Figures, Loaded, Questionnaire, Visibility, VisibleFacts};
use proptest::prelude::*;
use serde_json::json;

fn budget() -> Loaded {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/figures/budget.json");
    load_file(&path).unwrap()
}

fn figures_of<'q>(q: &'q Questionnaire, answers: &Answers) -> Figures<'q> {
    let visibility = Visibility::compute(q, answers);
    let facts = VisibleFacts {
        questionnaire: q,
        answers,
        visibility: &visibility,
    };
    Figures::compute(q, &facts)
}

fn cents(n: u64) -> Decimal {
    Decimal::new(n as i64, 2)
}

/// A questionnaire of `n` money questions and one figure summing them all.
fn summing(n: usize) -> Questionnaire {
    let questions: Vec<_> = (0..n)
        .map(|i| {
            json!({"id": format!("a{i}"), "type": "money", "text": format!("Amount {i}?"),
                   "score_bands": [{"min": 0, "score": 1}]})
        })
        .collect();
    let ids: Vec<_> = (0..n).map(|i| json!(format!("a{i}"))).collect();
    let text = json!({
        "format_version": 1, "id": "sum", "version": "1.0.0", "title": "Sum",
        "levels": [{"id": "a", "label": "A", "min": 0}],
        "sections": [{"id": "s", "title": "S", "questions": questions,
            "calculated": [{"id": "total", "label": "Total", "unit": "money", "expr": {"sum": ids}}]}]
    });
    std::sync::Arc::unwrap_or_clone(
        outready::questionnaire::load::load_text("sum.json", &text.to_string(), false)
            .unwrap()
            .questionnaire,
    )
}

/// Every id a figure reads, following figures to the questions underneath.
fn inputs_of(q: &Questionnaire, id: &str, seen: &mut BTreeSet<String>) {
    if let Some(figure) = q.figure(id) {
        for next in figure.expr.ids() {
            if seen.insert(next.to_string()) {
                inputs_of(q, next, seen);
            }
        }
    }
}

const INPUTS: [&str; 5] = ["users", "fee", "term", "today", "reserve"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_sum_equals_the_sum_of_its_parts(amounts in prop::collection::vec(0u64..100_000_000_000, 1..40)) {
        let q = summing(amounts.len());
        let answers: Answers = amounts
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("a{i}"), Answer::answered(Value::Number(number_of(cents(*c))))))
            .collect();
        let figures = figures_of(&q, &answers);
        let total: u64 = amounts.iter().sum();
        prop_assert_eq!(figures.get("total").unwrap().value(), Some(cents(total)));
    }

    #[test]
    fn changing_one_input_changes_only_the_figures_that_depend_on_it(
        values in prop::collection::vec(1u64..5_000_000, 5),
        rise in 0u64..20,
        which in 0usize..5,
        new in 1u64..5_000_000,
    ) {
        let loaded = budget();
        let q = &loaded.questionnaire;
        let mut answers: Answers = INPUTS
            .iter()
            .zip(&values)
            .map(|(id, v)| (id.to_string(), Answer::answered(Value::Number(number_of(cents(*v))))))
            .collect();
        answers.insert("rise".into(), Answer::answered(Value::Number(rise as f64)));
        let before: Vec<Option<Decimal>> = figures_of(q, &answers).list.iter().map(|f| f.value()).collect();
        let changed = INPUTS[which];
        answers.insert(changed.into(), Answer::answered(Value::Number(number_of(cents(new)))));
        let after = figures_of(q, &answers);
        for (figure, old) in after.list.iter().zip(before) {
            let mut reads = BTreeSet::new();
            inputs_of(q, &figure.calculated.id, &mut reads);
            if !reads.contains(changed) {
                prop_assert_eq!(figure.value(), old, "{} does not read {}", figure.calculated.id, changed);
            }
        }
    }

    #[test]
    fn exact_decimals_round_the_same_way_everywhere(amount in 0u64..1_000_000_000, by in 1u64..1000) {
        let text = json!({
            "format_version": 1, "id": "r", "version": "1.0.0", "title": "R",
            "levels": [{"id": "a", "label": "A", "min": 0}],
            "sections": [{"id": "s", "title": "S", "questions": [
                {"id": "x", "type": "money", "text": "X?", "score_bands": [{"min": 0, "score": 1}], "recommendations": [
                    {"id": "r", "when": {"question": "x", "answered": true}, "text": "Share: {share}", "effort": "S", "impact": "L", "owner": "you", "due_in_days": 1}]}
            ], "calculated": [
                {"id": "share", "label": "Share", "unit": "money", "expr": {"div": ["x", by]}},
                {"id": "rounded", "label": "Rounded", "unit": "money", "expr": {"round": "share", "places": 2}}
            ]}]
        });
        let q = outready::questionnaire::load::load_text("r.json", &text.to_string(), false).unwrap().questionnaire;
        let mut answers = Answers::new();
        answers.insert("x".into(), Answer::answered(Value::Number(number_of(cents(amount)))));
        let figures = figures_of(&q, &answers);
        let share = figures.get("share").unwrap().value().unwrap();
        let rounded = figures.get("rounded").unwrap().value().unwrap();
        let usd = Currency::from_code("USD").unwrap();
        prop_assert_eq!(rounded, round(share, 2));
        prop_assert_eq!(format_amount(share, &usd), format_amount(rounded, &usd));
        prop_assert_eq!(fill("Share: {share}", &figures, &usd), format!("Share: {}", format_amount(rounded, &usd)));
        // The exact quotient, checked against integer arithmetic in cents.
        let exact = Decimal::from_str(&format!("{}", amount)).unwrap() / Decimal::from(by) / Decimal::ONE_HUNDRED;
        prop_assert_eq!(share, exact);
    }
}
