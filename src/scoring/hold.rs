//! The readiness level: the one the score reaches, and what caps it (blockers, critical
//! questions scoring below one half, and the stage the owner is at).

use serde::Serialize;

use super::{LevelRef, QuestionAssessment, TOLERANCE};
use crate::answer::AnswerState;
use crate::questionnaire::{Facts, Questionnaire};

/// A critical question scoring below this caps the level at the second lowest.
const CRITICAL_BELOW: f64 = 0.5;

/// A question that caps the readiness level, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hold {
    /// The question's id.
    pub question: String,
    /// The index of its section.
    pub section: usize,
    /// Why it caps the level.
    pub reason: HoldReason,
    /// The highest level it allows; `None` when the questionnaire defines no levels.
    pub caps_at: Option<LevelRef>,
}

/// Why a question caps the readiness level. A question is listed once, for its strongest
/// reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// Its `blocker_if` holds: the level drops to the lowest.
    Blocker,
    /// A critical question answered with a score below one half: the level is at most the
    /// second lowest.
    CriticalLow,
    /// A critical question answered "I don't know yet" (which scores 0): the level is at
    /// most the second lowest until it is found out.
    CriticalUnsure,
    /// The stage question's answer caps the level (an owner still exploring cannot be
    /// ready to sign); the stage's note says what that means.
    Stage,
    /// A decisive question (critical, or one that an answer would make a blocker) not
    /// answered yet: the level is at most the second lowest until it is.
    Unanswered,
}

/// The highest level whose `min` the score reaches; the lowest when there is no score.
pub(super) fn level_by_score(
    questionnaire: &Questionnaire,
    score: Option<f64>,
) -> Option<LevelRef> {
    let levels = &questionnaire.levels;
    if levels.is_empty() {
        return None;
    }
    let index = score.map_or(0, |score| {
        levels
            .iter()
            .rposition(|level| score + TOLERANCE >= level.min)
            .unwrap_or(0)
    });
    level_ref(questionnaire, index)
}

/// Every question that caps the level: blockers first, then critical ones, then decisive
/// ones not answered yet, each group in questionnaire order, then the stage question when
/// its answer caps the level.
pub(super) fn holds(
    questionnaire: &Questionnaire,
    questions: &[QuestionAssessment],
    facts: &dyn Facts,
) -> Vec<Hold> {
    let lowest = level_ref(questionnaire, 0);
    let second_lowest = level_ref(
        questionnaire,
        questionnaire.levels.len().min(2).saturating_sub(1),
    );
    let blockers = questions.iter().filter(|q| q.blocker).map(|q| Hold {
        question: q.id.clone(),
        section: q.section,
        reason: HoldReason::Blocker,
        caps_at: lowest.clone(),
    });
    let critical = questions
        .iter()
        .filter(|q| !q.blocker && holds_down_as_critical(q))
        .map(|q| Hold {
            question: q.id.clone(),
            section: q.section,
            reason: if q.state == AnswerState::Unsure {
                HoldReason::CriticalUnsure
            } else {
                HoldReason::CriticalLow
            },
            caps_at: second_lowest.clone(),
        });
    let open = questions.iter().filter(|q| q.decisive_open).map(|q| Hold {
        question: q.id.clone(),
        section: q.section,
        reason: HoldReason::Unanswered,
        caps_at: second_lowest.clone(),
    });
    blockers
        .chain(critical)
        .chain(open)
        .chain(stage(questionnaire, facts))
        .collect()
}

/// The stage hold, when the stage question is answered with a stage that caps the level
/// (a cap at the top level caps nothing).
fn stage(questionnaire: &Questionnaire, facts: &dyn Facts) -> Option<Hold> {
    let stage = questionnaire.stage.as_ref()?;
    let cap = stage.current(facts)?.1.caps_at.as_deref()?;
    let index = questionnaire
        .levels
        .iter()
        .position(|l| l.id == cap)
        .filter(|index| index + 1 < questionnaire.levels.len())?;
    let (section, _) = questionnaire.locate(&stage.question)?;
    Some(Hold {
        question: stage.question.clone(),
        section,
        reason: HoldReason::Stage,
        caps_at: level_ref(questionnaire, index),
    })
}

/// The level after every hold has capped it.
pub(super) fn capped(
    questionnaire: &Questionnaire,
    by_score: Option<LevelRef>,
    holds: &[Hold],
) -> Option<LevelRef> {
    let by_score = by_score?;
    let cap = holds
        .iter()
        .filter_map(|hold| hold.caps_at.as_ref().map(|level| level.index))
        .min();
    match cap {
        Some(cap) if cap < by_score.index => level_ref(questionnaire, cap),
        _ => Some(by_score),
    }
}

/// A shown critical question whose counted score (answered or unsure) is below one half.
pub(super) fn holds_down_as_critical(assessed: &QuestionAssessment) -> bool {
    assessed.critical
        && assessed
            .score
            .is_some_and(|score| score < CRITICAL_BELOW - TOLERANCE)
}

fn level_ref(questionnaire: &Questionnaire, index: usize) -> Option<LevelRef> {
    questionnaire.levels.get(index).map(|level| LevelRef {
        index,
        id: level.id.to_string(),
    })
}
