//! Gaps: which questions are gaps, their order with every tie break, their fields, and
//! which recommendations apply.

use serde_json::{Value as Json, json};

use super::*;
use crate::scoring::{Assessment, Gap, assess};

fn order(assessed: &Assessment) -> Vec<&str> {
    assessed.gaps.iter().map(|g| g.question.as_str()).collect()
}

fn recommendation(id: &str, impact: &str, effort: &str) -> Json {
    json!({
        "id": id, "text": id, "effort": effort, "impact": impact, "owner": "you",
        "due_in_days": 7
    })
}

fn with_recommendations(mut question: Json, recommendations: Vec<Json>) -> Json {
    question["recommendations"] = Json::Array(recommendations);
    question
}

/// Gaps that tie on priority, so that every tie break shows.
fn ties() -> Questionnaire {
    let half = [0.0, 0.5, 1.0];
    let three_quarters = [0.0, 0.75, 1.0];
    build(json!([
        section(
            "a",
            1.0,
            json!([
                with_recommendations(scored("q1", &half), vec![recommendation("r1", "M", "S")]),
                with_recommendations(scored("q2", &half), vec![recommendation("r2", "H", "L")]),
                with_recommendations(
                    scored("q3", &half),
                    vec![
                        recommendation("r3-small", "M", "S"),
                        recommendation("r3", "H", "S"),
                    ]
                ),
                scored("q4", &half),
                scored("q5", &half),
                with_recommendations(
                    scored_with("crit", &half, json!({ "critical": true })),
                    vec![recommendation("rc", "L", "L")],
                ),
                scored_with(
                    "blk2",
                    &[0.0, 1.0],
                    json!({
                        "weight": 0.5, "blocker_if": { "question": "blk2", "eq": "0" }
                    })
                ),
                scored_with(
                    "blk",
                    &[0.0, 1.0],
                    json!({ "blocker_if": { "question": "blk", "eq": "0" } })
                ),
                with_recommendations(
                    scored_with("heavy", &three_quarters, json!({ "weight": 2 })),
                    vec![recommendation("rh", "L", "S")],
                ),
                scored("full", &half),
                scored("none", &half),
                scored_with("skip", &half, json!({ "allow_na": true })),
                with_recommendations(
                    scored("r13", &[0.0, 0.7, 1.0]),
                    vec![recommendation("x13", "L", "S")]
                ),
                with_recommendations(
                    scored_with("r14", &[0.0, 0.4, 1.0], json!({ "weight": 0.5 })),
                    vec![recommendation("x14", "H", "S")],
                ),
            ])
        ),
        section(
            "b",
            2.0,
            json!([with_recommendations(
                scored("q9", &three_quarters),
                vec![recommendation("r9", "M", "S")]
            ),])
        ),
    ]))
}

fn ties_answers() -> Answers {
    plan(&[
        ("q1", scoring(0.5)),
        ("q2", scoring(0.5)),
        ("q3", scoring(0.5)),
        ("q4", scoring(0.5)),
        ("q5", scoring(0.5)),
        ("crit", scoring(0.5)),
        ("blk2", scoring(0.0)),
        ("blk", scoring(0.0)),
        ("heavy", scoring(0.75)),
        ("full", scoring(1.0)),
        ("skip", na()),
        ("r13", scoring(0.7)),
        ("r14", scoring(0.4)),
        ("q9", scoring(0.75)),
    ])
}

/// Points of the overall score: section a carries 1/3 of it, section b 2/3. The counted
/// weights of section a add up to 12 (q1 to q5, crit, blk, full, r13 at 1; heavy at 2;
/// blk2 and r14 at 0.5), section b's to 1.
fn points(section_share: f64, weight: f64, section_total: f64, shortfall: f64) -> f64 {
    let exact = section_share * weight / section_total * shortfall;
    (exact * 1e9).round() / 1e9
}

#[test]
fn gaps_come_blockers_first_then_by_impact_points_effort_and_id() {
    let assessed = assess(&ties(), &ties_answers());
    assert_eq!(
        order(&assessed),
        vec![
            "blk", "blk2", // blockers (no recommendation): more points first
            "q3", "q2",  // high impact, the same points: small effort first
            "r14", // high impact, fewer points
            "q9", "q1", // medium impact: q9 costs more points (its section weighs 2)
            "heavy", "crit", // low impact, the same points: small effort first
            "r13",  // low impact, fewer points
            "q4", "q5", // no recommendation: last; tied on everything, by id
        ]
    );
    let a = 1.0 / 3.0;
    let expected = vec![
        points(a, 1.0, 12.0, 1.0),
        points(a, 0.5, 12.0, 1.0),
        points(a, 1.0, 12.0, 0.5),
        points(a, 1.0, 12.0, 0.5),
        points(a, 0.5, 12.0, 0.6),
        points(2.0 / 3.0, 1.0, 1.0, 0.25),
        points(a, 1.0, 12.0, 0.5),
        points(a, 2.0, 12.0, 0.25),
        points(a, 1.0, 12.0, 0.5),
        points(a, 1.0, 12.0, 0.3),
        points(a, 1.0, 12.0, 0.5),
        points(a, 1.0, 12.0, 0.5),
    ];
    let priorities: Vec<f64> = assessed.gaps.iter().map(|g| g.priority).collect();
    assert_eq!(priorities, expected);
}

fn due(id: &str, impact: &str, effort: &str, days: u32) -> Json {
    json!({
        "id": id, "text": id, "effort": effort, "impact": impact, "owner": "you",
        "due_in_days": days
    })
}

#[test]
fn critical_holds_come_before_impact_and_due_days_and_ids_break_the_last_ties() {
    let half = [0.0, 0.5, 1.0];
    let q = build(json!([section(
        "s",
        1.0,
        json!([
            with_recommendations(scored("zeta", &half), vec![due("rz", "M", "S", 7)]),
            with_recommendations(scored("alpha", &half), vec![due("ra", "M", "S", 7)]),
            with_recommendations(scored("later", &half), vec![due("rl", "M", "S", 90)]),
            with_recommendations(scored("sooner", &half), vec![due("rs", "M", "S", 14)]),
            with_recommendations(
                scored_with("held", &half, json!({ "critical": true })),
                vec![due("rh", "L", "L", 90)],
            ),
            with_recommendations(
                scored_with("critical-half", &half, json!({ "critical": true })),
                vec![due("rc", "L", "L", 90)],
            ),
            with_recommendations(scored("urgent", &half), vec![due("ru", "H", "L", 90)]),
        ])
    )]));
    let answers = plan(&[
        ("zeta", scoring(0.5)),
        ("alpha", scoring(0.5)),
        ("later", scoring(0.5)),
        ("sooner", scoring(0.5)),
        ("held", scoring(0.0)),
        ("critical-half", scoring(0.5)),
        ("urgent", scoring(0.5)),
    ]);
    assert_eq!(
        order(&assess(&q, &answers)),
        vec![
            "held",   // below half and critical: it holds the level down, whatever its impact
            "urgent", // high impact
            "alpha",
            "zeta", // medium, small, 7 days: by id, not by place in the file
            "sooner",
            "later",         // medium, small: fewer days first
            "critical-half", // critical at half holds nothing: low impact comes last
        ]
    );
}

#[test]
fn a_gap_carries_its_question_section_and_flags() {
    let assessed = assess(&ties(), &ties_answers());
    let crit = assessed
        .gaps
        .iter()
        .find(|g| g.question == "crit")
        .expect("a gap");
    assert_eq!(
        crit,
        &Gap {
            question: "crit".into(),
            section: 0,
            section_id: "a".into(),
            score: Some(0.5),
            unsure: false,
            blocker: false,
            critical: true,
            priority: points(1.0 / 3.0, 1.0, 12.0, 0.5),
            recommendations: vec!["rc".into()],
        }
    );
    let q3 = assessed
        .gaps
        .iter()
        .find(|g| g.question == "q3")
        .expect("a gap");
    assert_eq!(
        q3.recommendations,
        vec!["r3-small", "r3"],
        "questionnaire order"
    );

    let small = small();
    let assessed = assess(
        &small,
        &plan(&[("outcomes", unsure()), ("problem", pick("no"))]),
    );
    let unsure_gap = &assessed.gaps[1];
    assert_eq!(
        (
            unsure_gap.question.as_str(),
            unsure_gap.score,
            unsure_gap.unsure,
            unsure_gap.priority
        ),
        // Only the goals section scores; outcomes weighs 2 of its counted 3.
        ("outcomes", Some(0.0), true, 0.666666667)
    );
    let blocker = &assessed.gaps[0];
    assert_eq!(
        (blocker.question.as_str(), blocker.blocker, blocker.critical),
        ("problem", true, true)
    );
}

#[test]
fn recommendations_apply_by_their_condition_or_the_default() {
    let small = small();
    // (what, answers, question, its recommendations; None: not a gap)
    #[rustfmt::skip]
    let cases: Vec<(&str, Answers, &str, Option<Vec<&str>>)> = vec![
        ("outcomes 0", plan(&[("outcomes", pick("0"))]), "outcomes", Some(vec!["write-outcomes"])),
        ("outcomes 1, on the boundary of lte", plan(&[("outcomes", pick("1"))]), "outcomes",
            Some(vec!["write-outcomes"])),
        ("outcomes 2", plan(&[("outcomes", pick("2"))]), "outcomes", Some(vec!["agree-outcomes"])),
        ("outcomes 3", plan(&[("outcomes", pick("3"))]), "outcomes", Some(vec!["agree-outcomes"])),
        ("outcomes in full", plan(&[("outcomes", pick("4"))]), "outcomes", None),
        ("outcomes unsure: a gap, no condition met", plan(&[("outcomes", unsure())]), "outcomes",
            Some(vec![])),
        ("default when: below 1", plan(&[("reason", pick("both"))]), "reason",
            Some(vec!["quality-outcome"])),
        ("default when: unsure", plan(&[("reason", unsure())]), "reason",
            Some(vec!["quality-outcome"])),
        ("a blocker", plan(&[("problem", pick("no"))]), "problem", Some(vec!["write-problem"])),
        ("not applicable is no gap", plan(&[("decision-date", na())]), "decision-date", None),
        ("unanswered is no gap", plan(&[]), "reason", None),
    ];
    for (what, answers, id, expected) in cases {
        let assessed = assess(&small, &answers);
        let found = assessed.gaps.iter().find(|g| g.question == id);
        let recommendations = found.map(|g| {
            g.recommendations
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        });
        assert_eq!(recommendations, expected, "{what}");
    }
}

#[test]
fn a_blocker_scoring_in_full_is_a_gap_with_only_its_conditional_recommendations() {
    let q = build(json!([section(
        "s",
        1.0,
        json!([
            scored("gate", &[0.0, 1.0]),
            scored_with(
                "dep",
                &[0.0, 1.0],
                json!({ "show_if": { "question": "gate", "eq": "1" } })
            ),
            with_recommendations(
                scored_with(
                    "b",
                    &[0.0, 1.0],
                    json!({ "blocker_if": { "question": "gate", "eq": "0" } })
                ),
                vec![
                    recommendation("by-default", "H", "S"),
                    json!({
                        "id": "when-gate", "when": { "question": "gate", "eq": "0" },
                        "text": "t", "effort": "S", "impact": "H", "owner": "you", "due_in_days": 7
                    }),
                    json!({
                        "id": "when-hidden", "when": { "question": "dep", "answered": true },
                        "text": "t", "effort": "S", "impact": "H", "owner": "you", "due_in_days": 7
                    }),
                ],
            ),
        ])
    )]));
    let assessed = assess(
        &q,
        &plan(&[
            ("gate", scoring(0.0)),
            ("dep", scoring(1.0)),
            ("b", scoring(1.0)),
        ]),
    );
    let b = assessed
        .gaps
        .iter()
        .find(|g| g.question == "b")
        .expect("a blocker is a gap");
    assert_eq!((b.blocker, b.score, b.priority), (true, Some(1.0), 0.0));
    assert_eq!(b.recommendations, vec!["when-gate"]);
    assert_eq!(order(&assessed), vec!["b", "gate"]);
}
