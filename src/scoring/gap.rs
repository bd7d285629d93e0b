//! Gaps: the shown questions that fall short (or block), with the recommendations that
//! apply to them, in the order to work on them.

use std::cmp::Ordering;

use serde::Serialize;

use super::QuestionAssessment;
use super::question::{below_full, recommendation_applies};
use crate::answer::AnswerState;
use crate::questionnaire::{Effort, Facts, Impact, Questionnaire, Recommendation};

/// Priorities are rounded to this many decimal places, so that two gaps worth the same
/// on paper tie (and fall to the tie breaks) however the products were rounded.
const PRIORITY_DECIMALS: i32 = 9;

/// One thing to fix: a shown question scoring below 1 (or unsure), or a blocker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The question's id.
    pub question: String,
    /// The index of its section.
    pub section: usize,
    /// The id of its section.
    pub section_id: String,
    /// The score that counts (0 when unsure); `None` for a blocker whose own answer
    /// carries no score.
    pub score: Option<f64>,
    /// Answered "I don't know yet": something to find out.
    pub unsure: bool,
    /// The question is a blocker; blockers come first.
    pub blocker: bool,
    /// The question is critical; its shortfall counts double.
    pub critical: bool,
    /// Section weight × question weight × shortfall (1 − score), doubled when critical;
    /// 0 when there is no score.
    pub priority: f64,
    /// The ids of the question's recommendations that apply, in questionnaire order.
    pub recommendations: Vec<String>,
}

/// Every gap, ordered: blockers first, then by priority (highest first); ties go to the
/// higher impact, then the smaller effort of the gap's best recommendation (a gap with
/// none comes after those with one), then to questionnaire order.
pub(super) fn gaps(
    questionnaire: &Questionnaire,
    questions: &[QuestionAssessment],
    facts: &dyn Facts,
) -> Vec<Gap> {
    let mut found: Vec<(Gap, Option<(Impact, Effort)>)> = questions
        .iter()
        .filter(|q| q.blocker || q.score.is_some_and(below_full))
        .filter_map(|assessed| {
            let question = questionnaire.question(&assessed.id)?;
            let section = questionnaire.sections.get(assessed.section)?;
            let applicable: Vec<&Recommendation> = question
                .recommendations
                .iter()
                .filter(|r| recommendation_applies(r.when.as_ref(), assessed, facts))
                .collect();
            let best = applicable
                .iter()
                .map(|r| (r.impact, r.effort))
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let shortfall = assessed.score.map_or(0.0, |score| (1.0 - score).max(0.0));
            let critical_factor = if question.critical { 2.0 } else { 1.0 };
            let priority = super::counted_weight(section.weight)
                * super::counted_weight(question.weight)
                * shortfall
                * critical_factor;
            let gap = Gap {
                question: assessed.id.clone(),
                section: assessed.section,
                section_id: section.id.clone(),
                score: assessed.score,
                unsure: assessed.state == AnswerState::Unsure,
                blocker: assessed.blocker,
                critical: question.critical,
                priority: rounded(priority),
                recommendations: applicable.iter().map(|r| r.id.clone()).collect(),
            };
            Some((gap, best))
        })
        .collect();
    // A stable sort: what the keys cannot tell apart stays in questionnaire order.
    found.sort_by(|(a, a_best), (b, b_best)| {
        b.blocker
            .cmp(&a.blocker)
            .then(b.priority.total_cmp(&a.priority))
            .then_with(|| compare_best(*a_best, *b_best))
    });
    found.into_iter().map(|(gap, _)| gap).collect()
}

/// Higher impact first, then smaller effort; no recommendation last.
fn compare_best(a: Option<(Impact, Effort)>, b: Option<(Impact, Effort)>) -> Ordering {
    match (a, b) {
        (Some((a_impact, a_effort)), Some((b_impact, b_effort))) => {
            b_impact.cmp(&a_impact).then(a_effort.cmp(&b_effort))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn rounded(priority: f64) -> f64 {
    let scale = 10f64.powi(PRIORITY_DECIMALS);
    let rounded = (priority * scale).round() / scale;
    // Beyond the scale's range rounding would lose nothing and could overflow to infinity.
    if rounded.is_finite() {
        rounded
    } else {
        priority
    }
}
