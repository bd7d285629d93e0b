//! How far the answering has got: counts of shown questions by the state scoring counts.

use serde::Serialize;

use super::QuestionAssessment;
use crate::answer::AnswerState;

/// Counts over shown questions (hidden ones are not counted at all). `answered`,
/// `unsure`, `not_applicable` and `unanswered` add up to `shown`; `discuss` overlaps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Completeness {
    /// Shown questions, scored or not.
    pub shown: usize,
    /// Answered with a value this questionnaire can use.
    pub answered: usize,
    /// Answered "I don't know yet".
    pub unsure: usize,
    /// Answered "not applicable" where the question allows it.
    pub not_applicable: usize,
    /// Not answered yet, or answered in a way this questionnaire cannot use.
    pub unanswered: usize,
    /// Flagged "discuss later", whatever their answer.
    pub discuss: usize,
}

impl Completeness {
    /// Questions given an answer of any kind ("unsure" and "not applicable" included).
    pub fn given(&self) -> usize {
        self.answered + self.unsure + self.not_applicable
    }

    /// The share of shown questions given an answer, 0 to 1; 1 when nothing is shown, as
    /// nothing is left to do.
    pub fn fraction_given(&self) -> f64 {
        if self.shown == 0 {
            1.0
        } else {
            self.given() as f64 / self.shown as f64
        }
    }

    fn count(&mut self, question: &QuestionAssessment) {
        if !question.shown {
            return;
        }
        self.shown += 1;
        match question.state {
            AnswerState::Answered => self.answered += 1,
            AnswerState::Unsure => self.unsure += 1,
            AnswerState::NotApplicable => self.not_applicable += 1,
            AnswerState::Unanswered => self.unanswered += 1,
        }
        if question.discuss {
            self.discuss += 1;
        }
    }
}

impl<'a> FromIterator<&'a QuestionAssessment> for Completeness {
    fn from_iter<I: IntoIterator<Item = &'a QuestionAssessment>>(questions: I) -> Self {
        let mut completeness = Completeness::default();
        questions.into_iter().for_each(|q| completeness.count(q));
        completeness
    }
}
