//! The verdict in words: why the level is what it is, and what would lift it ("close these
//! 2 items to reach Nearly ready").

use super::text::{TOLERANCE, counted, joined, percent, percent_to};
use super::{AnswerCounts, HoldItem, HoldKind, LevelInfo, Lift, Verdict};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, LevelRef};

/// The verdict of an assessment, with the holds already put into words.
pub(super) fn verdict(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    holds: Vec<HoldItem>,
) -> Verdict {
    let level = level_of(questionnaire, assessment.level.as_ref());
    let level_by_score = level_of(questionnaire, assessment.level_by_score.as_ref());
    let why = why(
        assessment.score,
        level.as_ref(),
        level_by_score.as_ref(),
        &holds,
    );
    let lift = lift(
        questionnaire,
        assessment.score,
        level.as_ref(),
        level_by_score.as_ref(),
        &holds,
    );
    Verdict {
        level,
        level_by_score,
        score: assessment.score,
        counts: AnswerCounts::from(&assessment.completeness),
        holds,
        why,
        lift,
    }
}

fn level_of(questionnaire: &Questionnaire, level: Option<&LevelRef>) -> Option<LevelInfo> {
    level_at(questionnaire, level?.index)
}

pub(super) fn level_at(questionnaire: &Questionnaire, index: usize) -> Option<LevelInfo> {
    questionnaire.levels.get(index).map(|found| LevelInfo {
        index,
        id: found.id.clone(),
        label: found.label.clone(),
        description: found.description.clone(),
        min: found.min,
    })
}

/// How many blockers and critical answers there are among the holds.
fn hold_counts(holds: &[HoldItem]) -> (usize, usize) {
    let blockers = holds
        .iter()
        .filter(|h| h.reason == HoldKind::Blocker)
        .count();
    (blockers, holds.len() - blockers)
}

/// The holds in words: "1 blocker and 2 critical answers below half".
fn holds_phrase(holds: &[HoldItem]) -> String {
    let (blockers, critical) = hold_counts(holds);
    let unsure = holds
        .iter()
        .filter(|h| h.reason == HoldKind::CriticalUnsure)
        .count();
    let critical_kind = if unsure == 0 {
        "below half"
    } else if unsure == critical {
        "not known yet"
    } else {
        "below half or not known yet"
    };
    let mut parts = Vec::new();
    if blockers > 0 {
        parts.push(counted(blockers, "blocker", "blockers"));
    }
    if critical > 0 {
        parts.push(format!(
            "{} {critical_kind}",
            counted(critical, "critical answer", "critical answers")
        ));
    }
    joined(&parts)
}

/// Why the verdict is what it is, in a sentence.
fn why(
    score: Option<f64>,
    level: Option<&LevelInfo>,
    by_score: Option<&LevelInfo>,
    holds: &[HoldItem],
) -> String {
    let Some(level) = level else {
        return match score {
            Some(score) => format!(
                "Your answers score {}; this questionnaire defines no readiness levels, so there is no verdict.",
                percent(score)
            ),
            None => "This questionnaire defines no readiness levels, so there is no verdict."
                .to_string(),
        };
    };
    let holding = if holds.len() == 1 { "holds" } else { "hold" };
    let Some(score) = score else {
        return if holds.is_empty() {
            format!(
                "Nothing that counts towards readiness is answered yet, so the verdict starts at {}.",
                level.label
            )
        } else {
            format!(
                "Nothing that counts towards readiness is answered yet, and {} {holding} the verdict at {}.",
                holds_phrase(holds),
                level.label
            )
        };
    };
    let score = percent(score);
    match by_score {
        Some(by_score) if by_score.index > level.index => format!(
            "Your answers score {score}, enough for {}, but {} {holding} the verdict at {}.",
            by_score.label,
            holds_phrase(holds),
            level.label
        ),
        _ if !holds.is_empty() => format!(
            "Your answers score {score}, which is {}; {} also {} the level.",
            level.label,
            holds_phrase(holds),
            if holds.len() == 1 { "caps" } else { "cap" }
        ),
        _ => format!(
            "Your answers score {score}, which is {}, and nothing caps the level.",
            level.label
        ),
    }
}

/// What would lift the verdict, or `None` at the top level or without levels.
fn lift(
    questionnaire: &Questionnaire,
    score: Option<f64>,
    level: Option<&LevelInfo>,
    by_score: Option<&LevelInfo>,
    holds: &[HoldItem],
) -> Option<Lift> {
    let level = level?;
    let to = match by_score {
        Some(by_score) if by_score.index > level.index => by_score.clone(),
        _ => level_at(questionnaire, level.index + 1)?,
    };
    let (blockers, _) = hold_counts(holds);
    // Critical answers cap the level at the second lowest: they matter only above it.
    let critical = if to.index >= 2 {
        holds
            .iter()
            .filter(|h| h.reason != HoldKind::Blocker)
            .count()
    } else {
        0
    };
    let current = score.unwrap_or(0.0);
    let score_needed = (current + TOLERANCE < to.min).then_some(to.min);

    let mut steps = Vec::new();
    if blockers > 0 {
        steps.push(format!(
            "clear {}",
            counted(blockers, "blocker", "blockers")
        ));
    }
    if critical > 0 {
        steps.push(format!(
            "bring {} up to at least half",
            counted(critical, "critical answer", "critical answers")
        ));
    }
    let sentence = match score_needed {
        None => {
            let items = blockers + critical;
            let these = if items == 1 {
                "this item".to_string()
            } else {
                format!("these {items} items")
            };
            format!("Close {these} to reach {}: {}.", to.label, joined(&steps))
        }
        Some(needed) => {
            let (from, to_score) = score_pair(current, needed);
            steps.push(match score {
                Some(_) => format!("raise the overall score from {from} to {to_score}"),
                None => format!("answer enough to score {to_score} overall"),
            });
            format!(
                "To reach {}, {}; the gap report starts with what raises the score most.",
                to.label,
                joined(&steps)
            )
        }
    };
    Some(Lift {
        to,
        blockers,
        critical,
        score_needed,
        sentence,
    })
}

/// Two scores as percentages (rounded down, as every shown score), with a decimal when
/// whole ones would look equal (40.1% must not read as "from 40% to 40%" on the way to
/// 40.5%).
pub(super) fn score_pair(from: f64, to: f64) -> (String, String) {
    let (whole_from, whole_to) = (percent(from), percent(to));
    if whole_from != whole_to {
        return (whole_from, whole_to);
    }
    (percent_to(from, 1), percent_to(to, 1))
}
