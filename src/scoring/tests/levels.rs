//! The readiness level: thresholds, blockers, critical questions, and the holds named.

use serde_json::json;

use super::*;
use crate::scoring::{Assessment, HoldReason, assess};

fn level_id(assessed: &Assessment) -> Option<&str> {
    assessed.level.as_ref().map(|l| l.id.as_str())
}

fn level_by_score_id(assessed: &Assessment) -> Option<&str> {
    assessed.level_by_score.as_ref().map(|l| l.id.as_str())
}

fn holds(assessed: &Assessment) -> Vec<(&str, HoldReason)> {
    assessed
        .holds
        .iter()
        .map(|h| (h.question.as_str(), h.reason))
        .collect()
}

#[test]
fn the_level_is_the_highest_whose_minimum_the_score_reaches() {
    let scores = [0.0, 0.39, 0.4, 0.69, 0.7, 0.89, 0.9, 1.0];
    let q = build(json!([section("s", 1.0, json!([scored("q", &scores)]))]));
    // (score, level)
    let cases = [
        (None, "not-ready"),
        (Some(0.0), "not-ready"),
        (Some(0.39), "not-ready"),
        (Some(0.4), "foundations"),
        (Some(0.69), "foundations"),
        (Some(0.7), "nearly"),
        (Some(0.89), "nearly"),
        (Some(0.9), "ready"),
        (Some(1.0), "ready"),
    ];
    for (score, expected) in cases {
        let answers = score.map_or_else(Answers::new, |s| plan(&[("q", scoring(s))]));
        let assessed = assess(&q, &answers);
        assert_eq!(assessed.score, score);
        assert_eq!(level_id(&assessed), Some(expected), "score {score:?}");
        assert_eq!(
            level_by_score_id(&assessed),
            Some(expected),
            "score {score:?}"
        );
    }
}

#[test]
fn a_mean_exactly_on_a_threshold_reaches_it_despite_rounding() {
    let q = build(json!([section(
        "s",
        1.0,
        json!([
            scored("a", &[0.6]),
            scored("b", &[0.7]),
            scored("c", &[0.8])
        ])
    )]));
    let assessed = assess(
        &q,
        &plan(&[
            ("a", scoring(0.6)),
            ("b", scoring(0.7)),
            ("c", scoring(0.8)),
        ]),
    );
    // (0.6 + 0.7 + 0.8) / 3 is 0.7 on paper, a hair below in floating point.
    assert!(close(assessed.score, Some(0.7)));
    assert_eq!(level_id(&assessed), Some("nearly"));
}

#[test]
fn blockers_and_critical_questions_cap_the_level() {
    let small = small();
    let good = [
        ("problem", pick("yes")),
        ("outcomes", pick("4")),
        ("reason", pick("quality")),
        ("budget", number(100.0)),
        ("personal-data", pick("yes")),
        ("dpa", pick("yes")),
    ];
    let with = |changes: &[(&str, Answer)]| {
        let mut answers = plan(&good);
        for (id, answer) in changes {
            answers.insert(id.to_string(), answer.clone());
        }
        answers
    };
    use HoldReason::*;
    // (what, answers, level by score, level, holds)
    type Case<'a> = (
        &'a str,
        Answers,
        &'a str,
        &'a str,
        Vec<(&'a str, HoldReason)>,
    );
    let cases: Vec<Case> = vec![
        ("all good", with(&[]), "ready", "ready", vec![]),
        (
            "a blocker drops to the lowest, listed once though also critical",
            with(&[("problem", pick("no"))]),
            "nearly",
            "not-ready",
            vec![("problem", Blocker)],
        ),
        (
            "a critical question unsure caps at the second lowest",
            with(&[("problem", unsure())]),
            "nearly",
            "foundations",
            vec![("problem", CriticalUnsure)],
        ),
        (
            "a critical question answered low caps at the second lowest",
            with(&[("dpa", pick("no"))]),
            "nearly",
            "foundations",
            vec![("dpa", CriticalLow)],
        ),
        (
            "blockers come before critical holds",
            with(&[("dpa", pick("no")), ("problem", pick("no"))]),
            "foundations",
            "not-ready",
            vec![("problem", Blocker), ("dpa", CriticalLow)],
        ),
        (
            "a hidden critical question holds nothing",
            with(&[("dpa", pick("no")), ("personal-data", pick("no"))]),
            "ready",
            "ready",
            vec![],
        ),
        (
            "an unanswered critical question caps at the second lowest until it is answered",
            with(&[("dpa", Answer::default())]),
            "ready",
            "foundations",
            vec![("dpa", Unanswered)],
        ),
        (
            "not applicable where refused is unanswered",
            with(&[("dpa", na())]),
            "ready",
            "foundations",
            vec![("dpa", Unanswered)],
        ),
        (
            "a cap never raises the level",
            plan(&[
                ("problem", unsure()),
                ("outcomes", pick("0")),
                ("budget", number(0.0)),
            ]),
            "not-ready",
            "not-ready",
            vec![("problem", CriticalUnsure)],
        ),
    ];
    for (what, answers, by_score, level, expected_holds) in cases {
        let assessed = assess(&small, &answers);
        assert_eq!(
            level_by_score_id(&assessed),
            Some(by_score),
            "{what}: by score"
        );
        assert_eq!(level_id(&assessed), Some(level), "{what}: level");
        assert_eq!(holds(&assessed), expected_holds, "{what}: holds");
    }
}

#[test]
fn a_critical_question_caps_only_below_one_half() {
    let q = build(json!([section(
        "s",
        1.0,
        json!([
            scored_with("c", &[0.0, 0.49, 0.5, 1.0], json!({ "critical": true })),
            scored_with("x", &[0.0, 1.0], json!({ "weight": 3 }))
        ])
    )]));
    // (critical score, level by score, level, holds)
    let cases = [
        (0.49, "nearly", "foundations", 1),
        (0.5, "nearly", "nearly", 0),
        (1.0, "ready", "ready", 0),
    ];
    for (score, by_score, level, hold_count) in cases {
        let assessed = assess(&q, &plan(&[("c", scoring(score)), ("x", scoring(1.0))]));
        assert_eq!(
            level_by_score_id(&assessed),
            Some(by_score),
            "score {score}"
        );
        assert_eq!(level_id(&assessed), Some(level), "score {score}");
        assert_eq!(assessed.holds.len(), hold_count, "score {score}");
    }
}

#[test]
fn caps_follow_the_levels_the_questionnaire_has() {
    let sections = json!([section(
        "s",
        1.0,
        json!([
            scored_with("c", &[0.0, 1.0], json!({ "critical": true })),
            scored_with(
                "b",
                &[0.0, 1.0],
                json!({ "blocker_if": { "question": "c", "eq": "1" } })
            ),
            scored("x", &[1.0])
        ])
    )]);
    let one = json!([{ "id": "only", "label": "Only", "min": 0 }]);
    let two = json!([
        { "id": "low", "label": "Low", "min": 0 },
        { "id": "high", "label": "High", "min": 0.1 }
    ]);
    // (levels, answers, level, holds caps at)
    let cases = [
        (
            one,
            plan(&[("c", scoring(0.0)), ("x", scoring(1.0))]),
            Some("only"),
            vec![Some("only")],
        ),
        // With two levels the second lowest is the top: a critical question caps nothing.
        (
            two.clone(),
            plan(&[("c", scoring(0.0)), ("x", scoring(1.0))]),
            Some("high"),
            vec![Some("high")],
        ),
        // A blocker read from another question's answer, on a question that scores 1.
        (
            two,
            plan(&[("c", scoring(1.0)), ("b", scoring(1.0))]),
            Some("low"),
            vec![Some("low")],
        ),
        (json!([]), plan(&[("c", scoring(0.0))]), None, vec![None]),
    ];
    for (levels, answers, level, caps) in cases {
        let q = build_with_levels(levels, sections.clone());
        let assessed = assess(&q, &answers);
        assert_eq!(level_id(&assessed), level);
        let caps_at: Vec<Option<&str>> = assessed
            .holds
            .iter()
            .map(|h| h.caps_at.as_ref().map(|l| l.id.as_str()))
            .collect();
        assert_eq!(caps_at, caps);
    }
}
