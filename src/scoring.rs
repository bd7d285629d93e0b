//! Scoring: turns a questionnaire and a plan's answers into an [`Assessment`]: scores per
//! question, section and overall, the readiness level and what holds it down,
//! completeness, and the gaps to close. Pure: no I/O, no terminal, answers only read.
//!
//! The rules, in one place:
//! - Only shown questions count (see [`Visibility`]); a hidden question's answer is kept
//!   in the plan but counts for nothing.
//! - A scored question answered with a value counts with that value's score (a multi
//!   question sums its chosen options, capped at 1). "Unsure" counts as 0 and makes a gap.
//!   "Not applicable" is left out of the score. Unanswered questions are left out of the
//!   score and lower completeness only.
//! - An answer this questionnaire cannot use counts as unanswered, everywhere (score and
//!   completeness), and is marked [`QuestionAssessment::unusable_answer`] so the wizard can
//!   ask again: "unsure" or "not applicable" where the question does not offer it, an
//!   option that no longer exists, a value of the wrong kind, a number outside every score
//!   band. Counting it as answered would show progress the owner cannot see on screen and
//!   hide a question from both the score and the gaps.
//! - A chosen option that carries no score (on a question whose other options do) is an
//!   answer that says nothing about readiness: answered, but left out of the score.
//! - Section score: the mean of its counted questions weighted by question weight; overall:
//!   the mean of the sections that have a score, weighted by section weight. A weight of
//!   0 (or a negative one) leaves the part out; a mean over nothing is `None`.
//! - The level is the highest the overall score reaches, then capped: a blocker puts it
//!   at the lowest; a shown critical question (`critical`, or `critical_if` holding)
//!   below one half at the second lowest, so no level above that is reached while a
//!   critical answer is below half; the stage question's answer at its `caps_at`.
//! - Gaps come blockers first, then those that hold the level down, then by the impact
//!   of their best recommendation, the points they cost the overall score, its effort
//!   and its due days, and only then by question id (never by place in the file): see
//!   `gap` for the exact keys.

mod completeness;
mod gap;
mod hold;
mod question;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::answer::{AnswerState, Answers};
use crate::questionnaire::{Questionnaire, Visibility, VisibleFacts};

pub use completeness::Completeness;
pub use gap::Gap;
pub use hold::{Hold, HoldReason};

/// How far a computed score may fall short of a threshold and still reach it, so that
/// rounding inside a mean cannot drop a score that is exactly on a level's `min`.
const TOLERANCE: f64 = 1e-9;

/// Everything scoring says about one plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Overall readiness, 0 to 1; `None` while no section has a score.
    pub score: Option<f64>,
    /// The readiness level after blockers and critical questions have capped it; `None`
    /// only when the questionnaire defines no levels.
    pub level: Option<LevelRef>,
    /// The level the overall score alone reaches, before any cap (for the verdict: "your
    /// answers would make you Nearly ready, but ...").
    pub level_by_score: Option<LevelRef>,
    /// Every question that caps the level, blockers first, then in questionnaire order;
    /// listed even when the score alone would not have reached a higher level.
    pub holds: Vec<Hold>,
    /// Completeness over every shown question.
    pub completeness: Completeness,
    /// One entry per section, in questionnaire order (hidden ones included).
    pub sections: Vec<SectionAssessment>,
    /// One entry per question, in questionnaire order (hidden ones included).
    pub questions: Vec<QuestionAssessment>,
    /// What to fix: blockers first, then by priority (see [`Gap`]).
    pub gaps: Vec<Gap>,
    /// The stage the answers are at: the stage question's answer, when the questionnaire
    /// has a stage that lists it and the question is shown.
    pub stage: Option<String>,
}

/// A readiness level of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelRef {
    /// Position in the questionnaire's levels, lowest first.
    pub index: usize,
    /// The level's id.
    pub id: String,
}

/// One section's summary, as the wizard's sidebar and the reports show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionAssessment {
    /// Position in the questionnaire.
    pub index: usize,
    /// The section's id.
    pub id: String,
    /// Whether the section's own condition shows it (it may still have no shown question;
    /// `completeness.shown` says how many it has).
    pub shown: bool,
    /// Readiness in this section, 0 to 1; `None` while none of its questions counts.
    pub score: Option<f64>,
    /// Completeness over the section's shown questions.
    pub completeness: Completeness,
    /// How many of its shown questions are blockers.
    pub blockers: usize,
}

/// How scoring reads one question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionAssessment {
    /// The question's id.
    pub id: String,
    /// The index of its section.
    pub section: usize,
    /// Whether it is shown; a hidden question counts for nothing.
    pub shown: bool,
    /// The answer's state as scoring counts it: an unusable answer counts as unanswered.
    pub state: AnswerState,
    /// The score that counts, 0 to 1 ("unsure" is 0); `None` when the question is hidden,
    /// unscored, not applicable, unanswered, or answered with an option without a score.
    pub score: Option<f64>,
    /// The plan holds an answer this questionnaire cannot use (see the module rules).
    pub unusable_answer: bool,
    /// Shown, and its `blocker_if` holds.
    pub blocker: bool,
    /// Shown, and critical for these answers (`critical`, or its `critical_if` holds).
    pub critical: bool,
    /// Shown and not answered yet, and decisive: critical for these answers, or one of
    /// its answers would make it a blocker. Until it is answered the verdict cannot
    /// rise above the second lowest level.
    pub decisive_open: bool,
    /// Flagged "discuss later".
    pub discuss: bool,
}

/// Scores a plan's answers against a questionnaire.
pub fn assess(questionnaire: &Questionnaire, answers: &Answers) -> Assessment {
    assess_with(
        questionnaire,
        answers,
        &Visibility::compute(questionnaire, answers),
    )
}

/// [`assess`] with what these answers show already worked out (`Visibility::compute` of
/// the same questionnaire and answers), for a caller that needs it too.
pub fn assess_with(
    questionnaire: &Questionnaire,
    answers: &Answers,
    visibility: &Visibility,
) -> Assessment {
    let facts = VisibleFacts {
        questionnaire,
        answers,
        visibility,
    };
    let by_section: Vec<Vec<QuestionAssessment>> = questionnaire
        .sections
        .iter()
        .enumerate()
        .map(|(s, section)| {
            section
                .questions
                .iter()
                .enumerate()
                .map(|(q, question)| {
                    let shown = visibility.question(s, q);
                    question::assess(
                        question,
                        s,
                        answers.get(question.id.as_str()),
                        shown,
                        &facts,
                    )
                })
                .collect()
        })
        .collect();

    let sections: Vec<SectionAssessment> = questionnaire
        .sections
        .iter()
        .zip(&by_section)
        .enumerate()
        .map(|(s, (section, assessed))| {
            let counted = section
                .questions
                .iter()
                .zip(assessed)
                .filter(|(_, a)| a.shown)
                .filter_map(|(question, a)| a.score.map(|score| (question.weight, score)));
            SectionAssessment {
                index: s,
                id: section.id.to_string(),
                shown: visibility.section(s),
                score: weighted_mean(counted),
                completeness: assessed.iter().collect(),
                blockers: assessed.iter().filter(|a| a.blocker).count(),
            }
        })
        .collect();

    let score = weighted_mean(
        questionnaire
            .sections
            .iter()
            .zip(&sections)
            .filter_map(|(section, a)| a.score.map(|score| (section.weight, score))),
    );
    let questions: Vec<QuestionAssessment> = by_section.into_iter().flatten().collect();
    let level_by_score = hold::level_by_score(questionnaire, score);
    let holds = hold::holds(questionnaire, &questions, &facts);
    let level = hold::capped(questionnaire, level_by_score.clone(), &holds);
    let gaps = gap::gaps(questionnaire, &sections, &questions, &facts);
    let stage = questionnaire
        .stage
        .as_ref()
        .and_then(|stage| stage.current(&facts))
        .map(|(value, _)| value.to_string());

    Assessment {
        score,
        level,
        level_by_score,
        holds,
        completeness: questions.iter().collect(),
        sections,
        questions,
        gaps,
        stage,
    }
}

/// The weight a part counts with: weights that are negative or not finite count as 0.
fn counted_weight(weight: f64) -> f64 {
    if weight.is_finite() && weight > 0.0 {
        weight
    } else {
        0.0
    }
}

/// The mean of `(weight, score)` terms, `None` when no term has a positive weight.
fn weighted_mean(terms: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let terms: Vec<(f64, f64)> = terms
        .map(|(weight, score)| (counted_weight(weight), score))
        .filter(|(weight, _)| *weight > 0.0)
        .collect();
    // Dividing by the largest weight first keeps huge weights from overflowing the sums.
    let largest = terms.iter().map(|(weight, _)| *weight).fold(0.0, f64::max);
    if largest <= 0.0 {
        return None;
    }
    let (sum, total) = terms
        .iter()
        .fold((0.0, 0.0), |(sum, total), (weight, score)| {
            let weight = weight / largest;
            (sum + weight * score, total + weight)
        });
    Some((sum / total).clamp(0.0, 1.0))
}
