//! The stage, conditional critical questions and exclusive options, on the `stages`
//! fixture: its deal section scores the mean of contract-notice, red-flags, gov-owner
//! and hours (all of weight 1); levels at 0, 0.4 (basics), 0.7 (nearly), 0.9 (ready).

use super::*;
use crate::scoring::{HoldReason, assess};

fn stages() -> Questionnaire {
    let text = include_str!("../../../tests/fixtures/questionnaires/valid/stages.json");
    load::parse("stages.json", text).expect("the stages fixture loads")
}

/// Well prepared, but the notice period is not known yet: 0, 1, 1, 1 scores 75%.
fn prepared(stage: Option<&str>) -> Answers {
    let mut answers = plan(&[
        ("contract-notice", unsure()),
        ("red-flags", list(&["none"])),
        ("gov-owner", pick("named")),
        ("hours", number(6.0)),
    ]);
    if let Some(stage) = stage {
        answers.insert("profile-stage".into(), pick(stage));
    }
    answers
}

#[test]
fn the_stage_caps_the_level_after_blockers_and_critical_holds() {
    let questionnaire = stages();
    // (what, answers, level, holds as (question, reason))
    type Case = (
        &'static str,
        Answers,
        &'static str,
        Vec<(&'static str, HoldReason)>,
    );
    let cases: Vec<Case> = vec![
        (
            "no stage: no cap, and the contract question is not critical",
            prepared(None),
            "nearly",
            vec![],
        ),
        (
            "exploring caps at basics",
            prepared(Some("exploring")),
            "basics",
            vec![("profile-stage", HoldReason::Stage)],
        ),
        (
            "comparing caps at nearly, which the score reaches anyway: listed all the same",
            prepared(Some("comparing")),
            "nearly",
            vec![("profile-stage", HoldReason::Stage)],
        ),
        (
            "with a draft the unknown notice period is critical",
            prepared(Some("draft")),
            "basics",
            vec![("contract-notice", HoldReason::CriticalUnsure)],
        ),
        (
            "a blocker comes first, the stage after it",
            {
                let mut answers = prepared(Some("exploring"));
                answers.insert("red-flags".into(), list(&["rush"]));
                answers
            },
            "not-ready",
            vec![
                ("red-flags", HoldReason::Blocker),
                ("profile-stage", HoldReason::Stage),
            ],
        ),
    ];
    for (what, answers, level, holds) in cases {
        let assessed = assess(&questionnaire, &answers);
        assert_eq!(
            assessed.level.map(|l| l.id),
            Some(level.to_string()),
            "{what}"
        );
        let found: Vec<(&str, HoldReason)> = assessed
            .holds
            .iter()
            .map(|h| (h.question.as_str(), h.reason))
            .collect();
        assert_eq!(found, holds, "{what}");
    }
}

#[test]
fn a_stage_capped_at_the_top_level_holds_nothing() {
    let mut questionnaire = stages();
    let stage = questionnaire.stage.as_mut().expect("a stage");
    let signing = stage.by_value.get_mut("signing").expect("a signing stage");
    signing.caps_at = Some("ready".into());
    let mut answers = prepared(Some("signing"));
    answers.insert("contract-notice".into(), pick("yes"));
    let assessed = assess(&questionnaire, &answers);
    assert_eq!(assessed.level.map(|l| l.id), Some("ready".to_string()));
    assert!(assessed.holds.is_empty());
}

#[test]
fn the_assessment_names_the_stage_it_is_at() {
    let questionnaire = stages();
    assert_eq!(assess(&questionnaire, &prepared(None)).stage, None);
    assert_eq!(
        assess(&questionnaire, &prepared(Some("signing"))).stage,
        Some("signing".to_string())
    );
}

#[test]
fn critical_if_decides_whether_a_gap_is_critical_and_where_it_ranks() {
    let questionnaire = stages();
    let exploring = assess(&questionnaire, &prepared(Some("exploring")));
    let gap = |assessed: &crate::scoring::Assessment| {
        let gap = assessed
            .gaps
            .iter()
            .find(|g| g.question == "contract-notice")
            .cloned()
            .expect("the unknown notice period is a gap");
        (gap.critical, assessed.gaps[0].question.clone())
    };
    assert_eq!(gap(&exploring), (false, "contract-notice".to_string()));
    let draft = assess(&questionnaire, &prepared(Some("draft")));
    assert_eq!(gap(&draft), (true, "contract-notice".to_string()));
    let question = draft
        .questions
        .iter()
        .find(|q| q.id == "contract-notice")
        .expect("assessed");
    assert!(question.critical);
}

#[test]
fn an_exclusive_option_beside_another_is_an_unusable_answer() {
    let questionnaire = stages();
    let mut answers = prepared(Some("signing"));
    answers.insert("red-flags".into(), list(&["none", "admin"]));
    let assessed = assess(&questionnaire, &answers);
    let flags = assessed
        .questions
        .iter()
        .find(|q| q.id == "red-flags")
        .expect("assessed");
    assert!(flags.unusable_answer);
    assert_eq!((flags.state, flags.score), (AnswerState::Unanswered, None));
    // Not the 1.0 that "None of these" alone would score: the flag stays visible.
    assert!(!assessed.gaps.iter().any(|g| g.question == "red-flags"));
    // The red flags and the headcount, which these answers leave out.
    assert_eq!(assessed.completeness.unanswered, 2);
}
