//! How one answer counts: states, scores, unusable answers, hidden questions,
//! completeness.

use serde_json::json;

use super::*;
use crate::scoring::{Completeness, QuestionAssessment, assess};

fn question<'a>(assessed: &'a crate::scoring::Assessment, id: &str) -> &'a QuestionAssessment {
    assessed
        .questions
        .iter()
        .find(|q| q.id == id)
        .expect("the question is assessed")
}

/// A multi question with capped sums, a banded number, and questions that refuse unsure
/// or take an option without a score.
fn kinds() -> Questionnaire {
    build(json!([section(
        "s",
        1.0,
        json!([
            {
                "id": "multi", "type": "multi", "text": "m",
                "options": [
                    { "value": "a", "label": "a", "score": 0.6 },
                    { "value": "b", "label": "b", "score": 0.7 },
                    { "value": "c", "label": "c", "score": 0 }
                ]
            },
            {
                "id": "banded", "type": "number", "text": "n",
                "score_bands": [ { "min": 0, "max": 10, "score": 0.4 } ]
            },
            scored_with("sure", &[0.0, 1.0], json!({ "allow_unsure": false })),
            {
                "id": "other", "type": "single", "text": "o",
                "options": [
                    { "value": "good", "label": "good", "score": 1 },
                    { "value": "other", "label": "other" }
                ]
            }
        ])
    )]))
}

#[test]
fn each_answer_counts_by_its_state_and_value() {
    use AnswerState::*;
    let small = small();
    let kinds = kinds();
    let (s, k) = (&small, &kinds);
    // (what, questionnaire, answers, question, state counted, score, unusable)
    type Case<'a> = (
        &'a str,
        &'a Questionnaire,
        Answers,
        &'a str,
        AnswerState,
        Option<f64>,
        bool,
    );
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        ("yes scores 1", s, plan(&[("problem", pick("yes"))]), "problem", Answered, Some(1.0), false),
        ("no scores 0", s, plan(&[("problem", pick("no"))]), "problem", Answered, Some(0.0), false),
        ("a scale option", s, plan(&[("outcomes", pick("1"))]), "outcomes", Answered, Some(0.25), false),
        ("a single option", s, plan(&[("reason", pick("both"))]), "reason", Answered, Some(0.8), false),
        ("band below 1", s, plan(&[("budget", number(0.0))]), "budget", Answered, Some(0.0), false),
        ("band from 1", s, plan(&[("budget", number(1.0))]), "budget", Answered, Some(1.0), false),
        ("a middle band, shown by the profile", s,
            plan(&[("outsourced", list(&["support"])), ("contingency", number(5.0))]),
            "contingency", Answered, Some(0.5), false),
        ("multi sums", k, plan(&[("multi", list(&["a"]))]), "multi", Answered, Some(0.6), false),
        ("multi caps at 1", k, plan(&[("multi", list(&["a", "b"]))]), "multi", Answered, Some(1.0), false),
        ("multi, none of these", k, plan(&[("multi", list(&[]))]), "multi", Answered, Some(0.0), false),
        ("multi ignores a stale option", k, plan(&[("multi", list(&["a", "gone"]))]), "multi",
            Answered, Some(0.6), false),
        ("multi of stale options only", k, plan(&[("multi", list(&["gone"]))]), "multi",
            Unanswered, None, true),
        ("a number outside every band", k, plan(&[("banded", number(20.0))]), "banded",
            Unanswered, None, true),
        ("an option that no longer exists", s, plan(&[("reason", pick("gone"))]), "reason",
            Unanswered, None, true),
        ("a value of the wrong kind", s, plan(&[("budget", pick("lots"))]), "budget",
            Unanswered, None, true),
        ("unsure scores 0", s, plan(&[("outcomes", unsure())]), "outcomes", Unsure, Some(0.0), false),
        ("unsure where not offered", k, plan(&[("sure", unsure())]), "sure", Unanswered, None, true),
        ("na where allowed", s, plan(&[("decision-date", na())]), "decision-date",
            NotApplicable, None, false),
        ("na where not allowed", s, plan(&[("reason", na())]), "reason", Unanswered, None, true),
        ("unanswered", s, plan(&[]), "reason", Unanswered, None, false),
        ("answered without a value", s, plan(&[("reason", Answer::in_state(Answered))]), "reason",
            Unanswered, None, false),
        ("an unscored question", s, plan(&[("staff", number(12.0))]), "staff", Answered, None, false),
        ("an unscored date", s, plan(&[("decision-date", pick("2026-09-01"))]), "decision-date",
            Answered, None, false),
        ("an option without a score", k, plan(&[("other", pick("other"))]), "other",
            Answered, None, false),
        ("hidden: kept, not scored", s, plan(&[("dpa", pick("no"))]), "dpa", Answered, None, false),
    ];
    for (what, questionnaire, answers, id, state, score, unusable) in cases {
        let assessed = assess(questionnaire, &answers);
        let q = question(&assessed, id);
        assert_eq!(q.state, state, "{what}: state");
        assert!(
            close(q.score, score),
            "{what}: score {:?}, expected {score:?}",
            q.score
        );
        assert_eq!(q.unusable_answer, unusable, "{what}: unusable");
    }
}

#[test]
fn hidden_questions_count_for_nothing_and_keep_their_answers() {
    let small = small();
    let answers = plan(&[
        ("personal-data", pick("no")),
        ("dpa", pick("no")),
        ("budget", number(100.0)),
    ]);
    let before = answers.clone();
    let assessed = assess(&small, &answers);
    assert_eq!(answers, before, "scoring never changes answers");
    let dpa = question(&assessed, "dpa");
    assert!(!dpa.shown);
    assert_eq!(
        assessed.sections[2].score,
        Some(1.0),
        "money is the budget alone"
    );
    assert_eq!(assessed.sections[2].completeness.shown, 3);
    assert!(
        assessed.holds.iter().all(|h| h.question != "dpa"),
        "a hidden critical question holds nothing"
    );
    assert!(assessed.gaps.iter().all(|g| g.question != "dpa"));

    // Showing it again brings the kept answer back into the score.
    let mut shown = answers.clone();
    shown.insert("personal-data".into(), pick("yes"));
    let assessed = assess(&small, &shown);
    assert_eq!(question(&assessed, "dpa").score, Some(0.0));
    assert_eq!(assessed.sections[2].score, Some(0.5));
}

#[test]
fn completeness_counts_shown_questions_by_state() {
    let small = small();
    let flagged = Answer {
        discuss: true,
        ..unsure()
    };
    let flagged_unanswered = Answer {
        discuss: true,
        ..Answer::default()
    };
    let flagged_hidden = Answer {
        discuss: true,
        ..pick("no")
    };
    let answers = plan(&[
        ("staff", number(12.0)),
        ("outsourced", list(&["hosting"])),
        ("problem", pick("yes")),
        ("outcomes", flagged),
        ("reason", na()), // not allowed: unanswered
        ("decision-date", na()),
        ("budget", flagged_unanswered),
        ("contingency", number(12.0)), // hidden: hosting only
        ("dpa", flagged_hidden),       // hidden: no personal data given
    ]);
    let assessed = assess(&small, &answers);
    let counts = |shown, answered, unsure, not_applicable, unanswered, discuss| Completeness {
        shown,
        answered,
        unsure,
        not_applicable,
        unanswered,
        discuss,
    };
    let sections: Vec<Completeness> = assessed.sections.iter().map(|s| s.completeness).collect();
    assert_eq!(
        sections,
        vec![
            counts(3, 2, 0, 0, 1, 0),
            counts(4, 1, 1, 1, 1, 1),
            counts(3, 0, 0, 0, 3, 1)
        ]
    );
    assert_eq!(assessed.completeness, counts(10, 3, 1, 1, 5, 2));
    assert_eq!(assessed.completeness.given(), 5);
    assert!(close(
        Some(assessed.completeness.fraction_given()),
        Some(0.5)
    ));
    assert!(close(
        Some(Completeness::default().fraction_given()),
        Some(1.0)
    ));
}

#[test]
fn unanswered_questions_lower_completeness_but_not_the_score() {
    let small = small();
    let all = plan(&[
        ("problem", pick("yes")),
        ("outcomes", pick("4")),
        ("reason", pick("quality")),
        ("budget", number(50.0)),
    ]);
    let mut fewer = all.clone();
    fewer.remove("reason");
    let (all, fewer) = (assess(&small, &all), assess(&small, &fewer));
    assert_eq!(all.score, Some(1.0));
    assert_eq!(fewer.score, Some(1.0));
    assert_eq!(
        fewer.completeness.unanswered,
        all.completeness.unanswered + 1
    );
    assert!(fewer.gaps.is_empty(), "an unanswered question is not a gap");
}

#[test]
fn the_sidebar_summary_names_hidden_sections_and_blockers() {
    let q = build(json!([
        section("profile", 0.0, json!([scored("size", &[0.0, 1.0])])),
        {
            "id": "extra", "title": "extra", "weight": 1,
            "show_if": { "question": "size", "eq": "1" },
            "questions": [ scored("x", &[0.0, 1.0]) ]
        },
        section("main", 1.0, json!([
            scored_with("b", &[0.0, 1.0], json!({ "blocker_if": { "question": "b", "eq": "0" } }))
        ]))
    ]));
    let assessed = assess(&q, &plan(&[("size", scoring(0.0)), ("b", scoring(0.0))]));
    let summary: Vec<(&str, bool, Option<f64>, usize, usize)> = assessed
        .sections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.shown,
                s.score,
                s.completeness.shown,
                s.blockers,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("profile", true, Some(0.0), 1, 0),
            ("extra", false, None, 0, 0),
            ("main", true, Some(0.0), 1, 1)
        ]
    );
}

#[test]
fn an_assessment_serializes_for_reports() {
    let small = small();
    let assessed = assess(
        &small,
        &plan(&[("problem", pick("no")), ("outcomes", unsure())]),
    );
    let json = serde_json::to_value(&assessed).expect("serializes");
    assert_eq!(json["level"]["id"], "not-ready");
    assert_eq!(json["holds"][0]["reason"], "blocker");
    assert_eq!(json["questions"][4]["state"], "unsure");
    assert_eq!(json["gaps"][0]["question"], "problem");
}
