//! Gaps: the shown questions that fall short (or block), with the recommendations that
//! apply to them, in the order to work on them.
//!
//! The order, every key a reason and none of them the place in the file:
//! 1. blockers first;
//! 2. then the gaps that hold the level down (a critical question below one half, or not
//!    known yet): the verdict cannot rise until they are closed;
//! 3. then the impact of the gap's best recommendation (the one that applies with the
//!    highest impact, then the smallest effort, then the fewest days), high first; a gap
//!    without a recommendation after those with one;
//! 4. then the points the gap costs the overall score ([`Gap::priority`]), most first;
//! 5. then the best recommendation's effort, small first;
//! 6. then its due days, soonest first;
//! 7. and only then the question id, so that the order is the same wherever a question
//!    stands in the file.

use std::cmp::{Ordering, Reverse};

use serde::Serialize;

use super::question::{below_full, recommendation_applies};
use super::{QuestionAssessment, SectionAssessment, counted_weight, hold};
use crate::answer::AnswerState;
use crate::questionnaire::{Effort, Facts, Impact, Questionnaire, Recommendation};

/// Priorities are rounded to this many decimal places, so that two gaps worth the same
/// on paper tie (and fall to the next key) however the products were rounded.
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
    /// The question is critical for these answers.
    pub critical: bool,
    /// The points of the overall score (0 to 1) the gap costs: its section's share of
    /// the overall weight × its question's share of the section's weight × (1 − score);
    /// 0 when there is no score.
    pub priority: f64,
    /// The ids of the question's recommendations that apply, in questionnaire order.
    pub recommendations: Vec<String>,
}

/// What a gap is sorted by, after blockers and holds: its best recommendation's impact,
/// effort and due days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Best {
    impact: Impact,
    effort: Effort,
    due_in_days: u32,
}

/// Every gap, in the order of the module's rules.
pub(super) fn gaps(
    questionnaire: &Questionnaire,
    sections: &[SectionAssessment],
    questions: &[QuestionAssessment],
    facts: &dyn Facts,
) -> Vec<Gap> {
    let shares = Shares::new(questionnaire, sections, questions);
    let mut found: Vec<(Gap, bool, Option<Best>)> = questions
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
                .map(|r| Best {
                    impact: r.impact,
                    effort: r.effort,
                    due_in_days: r.due_in_days,
                })
                .min_by_key(|b| (Reverse(b.impact), b.effort, b.due_in_days));
            let shortfall = assessed.score.map_or(0.0, |score| (1.0 - score).max(0.0));
            let gap = Gap {
                question: assessed.id.clone(),
                section: assessed.section,
                section_id: section.id.to_string(),
                score: assessed.score,
                unsure: assessed.state == AnswerState::Unsure,
                blocker: assessed.blocker,
                critical: assessed.critical,
                priority: rounded(shares.of(assessed, question.weight) * shortfall),
                recommendations: applicable.iter().map(|r| r.id.to_string()).collect(),
            };
            Some((gap, hold::holds_down_as_critical(assessed), best))
        })
        .collect();
    found.sort_by(|(a, a_holds, a_best), (b, b_holds, b_best)| {
        b.blocker
            .cmp(&a.blocker)
            .then(b_holds.cmp(a_holds))
            .then_with(|| compare_impact(*a_best, *b_best))
            .then(b.priority.total_cmp(&a.priority))
            .then_with(|| compare_effort_and_days(*a_best, *b_best))
            .then_with(|| a.question.cmp(&b.question))
    });
    found.into_iter().map(|(gap, _, _)| gap).collect()
}

/// Higher impact first; no recommendation last.
fn compare_impact(a: Option<Best>, b: Option<Best>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.impact.cmp(&a.impact),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Smaller effort first, then fewer days.
fn compare_effort_and_days(a: Option<Best>, b: Option<Best>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => (a.effort, a.due_in_days).cmp(&(b.effort, b.due_in_days)),
        _ => Ordering::Equal,
    }
}

/// The weights that share out the overall score: of the sections that have a score, and
/// of the questions counted in each.
struct Shares {
    /// Each section's share of the overall weight (0 for one without a score).
    sections: Vec<f64>,
    /// Each section's total weight of counted questions.
    counted: Vec<f64>,
}

impl Shares {
    fn new(
        questionnaire: &Questionnaire,
        sections: &[SectionAssessment],
        questions: &[QuestionAssessment],
    ) -> Self {
        let weights: Vec<f64> = questionnaire
            .sections
            .iter()
            .zip(sections)
            .map(|(section, a)| {
                if a.score.is_some() {
                    counted_weight(section.weight)
                } else {
                    0.0
                }
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let mut counted = vec![0.0; questionnaire.sections.len()];
        for assessed in questions.iter().filter(|q| q.shown && q.score.is_some()) {
            let weight = questionnaire
                .question(&assessed.id)
                .map_or(0.0, |q| counted_weight(q.weight));
            if let Some(sum) = counted.get_mut(assessed.section) {
                *sum += weight;
            }
        }
        Shares {
            sections: weights.iter().map(|w| share(*w, total)).collect(),
            counted,
        }
    }

    /// The share of the overall score one counted question carries.
    fn of(&self, assessed: &QuestionAssessment, weight: f64) -> f64 {
        let section = self.sections.get(assessed.section).copied().unwrap_or(0.0);
        let total = self.counted.get(assessed.section).copied().unwrap_or(0.0);
        section * share(counted_weight(weight), total)
    }
}

/// `part / whole`, 0 when the whole is nothing (or so huge the share is not a number).
fn share(part: f64, whole: f64) -> f64 {
    let share = part / whole;
    if share.is_finite() { share } else { 0.0 }
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
