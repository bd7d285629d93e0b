//! The verdict's sentences: why the level is what it is, and what would lift it, case by
//! case on the small fixture (levels at 0, 40%, 70% and 90%).

use super::*;

/// Every answer that counts at full marks, personal data kept and support outsourced.
fn full() -> Vec<(&'static str, Answer)> {
    vec![
        ("personal-data", pick("yes")),
        ("outsourced", list(&["support"])),
        ("problem", pick("yes")),
        ("outcomes", pick("4")),
        ("reason", pick("quality")),
        ("budget", number(100.0)),
        ("contingency", number(10.0)),
        ("dpa", pick("yes")),
    ]
}

/// [`full`] with some answers changed.
fn full_but(changes: &[(&'static str, Answer)]) -> Report {
    let mut entries = full();
    for (id, answer) in changes {
        entries.retain(|(e, _)| e != id);
        entries.push((id, answer.clone()));
    }
    build(&plan(&entries))
}

fn level(report: &Report) -> &str {
    report.verdict.level.as_ref().map_or("", |l| l.id.as_str())
}

#[test]
fn top_level_has_nothing_to_lift() {
    let report = build(&plan(&full()));
    assert_eq!(level(&report), "ready");
    assert_eq!(
        report.verdict.why,
        "Your answers score 100%, which is Ready, and nothing caps the level."
    );
    assert_eq!(report.verdict.lift, None);
}

#[test]
fn a_blocker_holds_a_good_score_down_and_clearing_it_lifts_it() {
    // Goals (0 + 2 + 1) / 4 = 0.75, budget 1: overall 0.857, Nearly ready by score.
    let report = full_but(&[("problem", pick("no"))]);
    assert_eq!(level(&report), "not-ready");
    assert_eq!(
        report.verdict.why,
        "Your answers score 85%, enough for Nearly ready, but 1 blocker holds the verdict at Not ready."
    );
    let lift = report.verdict.lift.unwrap();
    assert_eq!(
        (lift.to.id.as_str(), lift.blockers, lift.critical),
        ("nearly", 1, 0)
    );
    assert_eq!(lift.score_needed, None);
    assert_eq!(
        lift.sentence,
        "Close this item to reach Nearly ready: clear 1 blocker."
    );
}

#[test]
fn a_blocker_and_a_critical_answer_are_two_items_to_close() {
    // Goals 0.75, budget (1 + 1 + 0) / 3: overall 0.714, Nearly ready by score.
    let report = full_but(&[("problem", pick("no")), ("dpa", pick("no"))]);
    assert_eq!(
        report.verdict.why,
        "Your answers score 71%, enough for Nearly ready, but 1 blocker and 1 critical answer below half hold the verdict at Not ready."
    );
    let lift = report.verdict.lift.unwrap();
    assert_eq!(
        lift.sentence,
        "Close these 2 items to reach Nearly ready: clear 1 blocker and bring 1 critical answer up to at least half."
    );
    let reasons: Vec<_> = report.verdict.holds.iter().map(|h| h.reason).collect();
    assert_eq!(
        reasons,
        [
            super::super::HoldKind::Blocker,
            super::super::HoldKind::CriticalLow
        ]
    );
}

#[test]
fn critical_answers_do_not_count_towards_the_second_lowest_level() {
    // Without support outsourced: budget (1 + 0) / 2, overall 0.643, Foundations by score.
    let report = full_but(&[
        ("problem", pick("no")),
        ("dpa", pick("no")),
        ("outsourced", list(&["hosting"])),
    ]);
    let lift = report.verdict.lift.unwrap();
    assert_eq!(
        (lift.to.id.as_str(), lift.blockers, lift.critical),
        ("foundations", 1, 0)
    );
    assert_eq!(
        lift.sentence,
        "Close this item to reach Foundations missing: clear 1 blocker."
    );
}

#[test]
fn an_unknown_critical_answer_is_named_as_not_known_yet() {
    let report = full_but(&[("dpa", unsure())]);
    assert_eq!(level(&report), "foundations");
    assert_eq!(
        report.verdict.why,
        "Your answers score 85%, enough for Nearly ready, but 1 critical answer not known yet holds the verdict at Foundations missing."
    );
    assert_eq!(
        report.verdict.lift.unwrap().sentence,
        "Close this item to reach Nearly ready: bring 1 critical answer up to at least half."
    );
}

#[test]
fn a_score_short_of_the_next_level_says_how_far_to_raise_it() {
    // Goals (1 + 1 + 0.3) / 4 = 0.575, budget 1: overall 0.757.
    let report = full_but(&[("outcomes", pick("2")), ("reason", pick("cost"))]);
    assert_eq!(level(&report), "nearly");
    assert_eq!(
        report.verdict.why,
        "Your answers score 75%, which is Nearly ready, and nothing caps the level."
    );
    let lift = report.verdict.lift.unwrap();
    assert_eq!(lift.score_needed, Some(0.9));
    assert_eq!(
        lift.sentence,
        "To reach Ready, raise the overall score from 75% to 90%; the gap report starts with what raises the score most."
    );
}

#[test]
fn holds_that_do_not_change_the_level_are_still_named() {
    // Goals (0 + 0 + 0.3) / 4, budget 0: Not ready by score too.
    let report = build(&plan(&[
        ("problem", pick("no")),
        ("outcomes", pick("0")),
        ("reason", pick("cost")),
        ("budget", number(0.0)),
    ]));
    assert_eq!(
        report.verdict.why,
        "Your answers score 4%, which is Not ready; 1 blocker also caps the level."
    );
    assert_eq!(
        report.verdict.lift.unwrap().sentence,
        "To reach Foundations missing, clear 1 blocker and raise the overall score from 4% to 40%; the gap report starts with what raises the score most."
    );
}

#[test]
fn nothing_answered_yet_starts_at_the_lowest_level() {
    let report = build(&plan(&[("staff", number(3.0))]));
    assert_eq!(report.verdict.score, None);
    assert_eq!(
        report.verdict.why,
        "Nothing that counts towards readiness is answered yet, so the verdict starts at Not ready."
    );
    assert_eq!(
        report.verdict.lift.unwrap().sentence,
        "To reach Foundations missing, answer enough to score 40% overall; the gap report starts with what raises the score most."
    );
    assert_eq!(report.verdict.counts.given(), 1);
}

#[test]
fn a_score_just_below_a_level_is_not_shown_as_equal_to_it() {
    assert_eq!(
        super::super::verdict::score_pair(0.696, 0.7),
        ("69%".to_string(), "70%".to_string())
    );
    assert_eq!(
        super::super::verdict::score_pair(0.395, 0.4),
        ("39%".to_string(), "40%".to_string())
    );
    assert_eq!(
        super::super::verdict::score_pair(0.401, 0.405),
        ("40.1%".to_string(), "40.5%".to_string())
    );
    assert_eq!(
        super::super::verdict::score_pair(0.5, 0.7),
        ("50%".to_string(), "70%".to_string())
    );
}

#[test]
fn completeness_is_in_words_beside_every_score() {
    let report = full_but(&[("budget", unsure()), ("outcomes", Answer::default())]);
    assert_eq!(
        report.verdict.counts.summary(),
        "7 of 12 answered (1 unsure, 0 not applicable), 5 still open"
    );
}

#[test]
fn every_blocker_and_the_first_critical_answers_are_listed_by_name() {
    use crate::report::{HoldItem, HoldKind, Verdict};
    let hold = |reason| HoldItem {
        question_id: String::new(),
        section: String::new(),
        question: String::new(),
        answer: crate::report::ShownAnswer::new(Default::default(), None, String::new()),
        reason,
    };
    let mut verdict = build(&plan(&[])).verdict;
    verdict.holds = [HoldKind::Blocker; 2]
        .into_iter()
        .chain([HoldKind::CriticalLow; 8])
        .map(hold)
        .collect();
    let (listed, more) = verdict.listed_holds();
    assert_eq!((listed.len(), more), (2 + Verdict::CRITICAL_LISTED, 3));
    verdict.holds.truncate(4);
    let (listed, more) = verdict.listed_holds();
    assert_eq!((listed.len(), more), (4, 0));
}
