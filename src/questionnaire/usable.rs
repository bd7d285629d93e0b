//! Which answers a question can use: a value of its kind, an option it still has, a state
//! it allows. Scoring and the wizard's flow read answers through this, so an answer that
//! no longer fits counts as unanswered in both.

use super::model::{Question, QuestionType};
use crate::answer::{Answer, AnswerState, Value};

impl Question {
    /// Whether the value can be read as an answer to this question (scoring counts any
    /// other as unanswered, and the wizard asks again).
    pub fn accepts(&self, value: &Value) -> bool {
        match (self.kind, value) {
            // Options that no longer exist are ignored, as the wizard cannot show them; an
            // empty list is a real answer, a list of only stale ones is not. A list that
            // puts an exclusive option beside another says two things at once.
            (QuestionType::Multi, Value::List(chosen)) => {
                (chosen.is_empty() || chosen.iter().any(|v| self.option(v).is_some()))
                    && !self.combines_exclusive(chosen)
            }
            (kind, Value::Text(chosen)) if kind.is_choice() && kind != QuestionType::Multi => {
                self.option(chosen).is_some()
            }
            (kind, Value::Number(number)) if kind.is_numeric() => {
                number.is_finite()
                    && (!self.is_scored()
                        || self.score_by.is_some()
                        || self.score_of(value).is_some())
            }
            (kind, Value::Text(_)) if kind.is_textual() => true,
            _ => false,
        }
    }

    /// The state an answer counts as, and whether it had to be set aside as unusable (an
    /// answer this question cannot use counts as unanswered everywhere: in the score, in
    /// completeness, and in the wizard, which asks again).
    pub fn counted_state(&self, answer: Option<&Answer>) -> (AnswerState, bool) {
        let Some(answer) = answer else {
            return (AnswerState::Unanswered, false);
        };
        let allowed = match answer.state {
            AnswerState::Unanswered => return (AnswerState::Unanswered, false),
            AnswerState::Answered => match &answer.value {
                // "Answered" with nothing in it is a plan that never got its value: nothing
                // to set aside.
                None => return (AnswerState::Unanswered, false),
                Some(value) => self.accepts(value),
            },
            AnswerState::Unsure => self.allow_unsure,
            AnswerState::NotApplicable => self.allow_na,
        };
        if allowed {
            (answer.state, false)
        } else {
            (AnswerState::Unanswered, true)
        }
    }
}
