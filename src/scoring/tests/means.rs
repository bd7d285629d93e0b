//! Section and overall scores: weighted means, weight 0, nothing to score.

use serde_json::json;

use super::*;
use crate::scoring::assess;

#[test]
fn section_and_overall_scores_are_weighted_means() {
    let small = small();
    // (what, answers, goals, money, overall)
    type Case<'a> = (&'a str, Answers, Option<f64>, Option<f64>, Option<f64>);
    let cases: Vec<Case> = vec![
        ("nothing answered", plan(&[]), None, None, None),
        (
            "question weights: outcomes counts twice",
            plan(&[
                ("problem", pick("yes")),
                ("outcomes", pick("2")),
                ("reason", pick("cost")),
            ]),
            Some((1.0 + 2.0 * 0.5 + 0.3) / 4.0),
            None,
            Some((1.0 + 2.0 * 0.5 + 0.3) / 4.0),
        ),
        (
            "section weights 2 and 1.5",
            plan(&[
                ("problem", pick("yes")),
                ("outcomes", pick("2")),
                ("reason", pick("cost")),
                ("budget", number(100.0)),
            ]),
            Some(0.575),
            Some(1.0),
            Some((2.0 * 0.575 + 1.5) / 3.5),
        ),
        (
            "unsure counts as 0",
            plan(&[("outcomes", unsure()), ("budget", number(100.0))]),
            Some(0.0),
            Some(1.0),
            Some(1.5 / 3.5),
        ),
        (
            "not applicable is left out on both sides",
            plan(&[
                ("problem", pick("yes")),
                ("decision-date", na()),
                ("budget", number(0.0)),
            ]),
            Some(1.0),
            Some(0.0),
            Some(2.0 / 3.5),
        ),
        (
            "a hidden answer is left out",
            plan(&[
                ("outsourced", list(&["hosting"])),
                ("contingency", number(0.0)),
                ("budget", number(100.0)),
            ]),
            None,
            Some(1.0),
            Some(1.0),
        ),
        (
            "a shown one counts",
            plan(&[
                ("outsourced", list(&["support"])),
                ("contingency", number(0.0)),
                ("budget", number(100.0)),
            ]),
            None,
            Some(0.5),
            Some(0.5),
        ),
        (
            "the weight-0 profile never counts",
            plan(&[
                ("staff", number(3.0)),
                ("personal-data", pick("no")),
                ("budget", number(0.0)),
            ]),
            None,
            Some(0.0),
            Some(0.0),
        ),
    ];
    for (what, answers, goals, money, overall) in cases {
        let assessed = assess(&small, &answers);
        assert_eq!(
            assessed.sections[0].score, None,
            "{what}: the profile has no score"
        );
        assert!(
            close(assessed.sections[1].score, goals),
            "{what}: goals {:?}",
            assessed.sections[1].score
        );
        assert!(
            close(assessed.sections[2].score, money),
            "{what}: money {:?}",
            assessed.sections[2].score
        );
        assert!(
            close(assessed.score, overall),
            "{what}: overall {:?}",
            assessed.score
        );
    }
}

#[test]
fn a_weight_of_zero_leaves_a_part_out() {
    let q = build(json!([
        section("zero", 0.0, json!([scored("z", &[0.0, 1.0])])),
        section(
            "main",
            1.0,
            json!([
                scored("m", &[0.0, 0.5, 1.0]),
                scored_with("free", &[0.0, 1.0], json!({ "weight": 0 }))
            ])
        ),
        section(
            "only-free",
            1.0,
            json!([scored_with("f", &[0.0, 1.0], json!({ "weight": 0 }))])
        )
    ]));
    // (what, answers, zero section, main section, only-free section, overall)
    type Case<'a> = (
        &'a str,
        Answers,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
    );
    let cases: Vec<Case> = vec![
        (
            "a weight-0 section has a score but no say",
            plan(&[("z", scoring(0.0)), ("m", scoring(1.0))]),
            Some(0.0),
            Some(1.0),
            None,
            Some(1.0),
        ),
        (
            "only a weight-0 section scored: no overall",
            plan(&[("z", scoring(1.0))]),
            Some(1.0),
            None,
            None,
            None,
        ),
        (
            "a weight-0 question has no say",
            plan(&[("m", scoring(0.5)), ("free", scoring(0.0))]),
            None,
            Some(0.5),
            None,
            Some(0.5),
        ),
        (
            "only weight-0 questions: no section score",
            plan(&[("f", scoring(0.0)), ("free", scoring(1.0))]),
            None,
            None,
            None,
            None,
        ),
    ];
    for (what, answers, zero, main, only_free, overall) in cases {
        let assessed = assess(&q, &answers);
        let scores: Vec<Option<f64>> = assessed.sections.iter().map(|s| s.score).collect();
        assert_eq!(scores, vec![zero, main, only_free], "{what}");
        assert_eq!(assessed.score, overall, "{what}: overall");
    }
}
