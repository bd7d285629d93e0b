//! How one question's answer counts: its state as scoring sees it, its score, whether it
//! blocks. Knows nothing of sections, levels or gaps.

use super::QuestionAssessment;
use crate::answer::{Answer, AnswerState, Value};
use crate::questionnaire::{Condition, Facts, Question};

/// Reads one question's answer. `shown` comes from visibility; `facts` see hidden answers
/// as none, as every condition must.
pub(super) fn assess(
    question: &Question,
    section: usize,
    answer: Option<&Answer>,
    shown: bool,
    facts: &dyn Facts,
) -> QuestionAssessment {
    let (state, unusable_answer) = question.counted_state(answer);
    let score = if shown && question.is_scored() {
        match state {
            AnswerState::Answered => match &question.score_by {
                Some(figure) => figure_score(question, figure, facts),
                None => answer
                    .and_then(Answer::given_value)
                    .and_then(|value| question.score_of(value)),
            }
            .and_then(in_range),
            AnswerState::Unsure => Some(0.0),
            AnswerState::NotApplicable | AnswerState::Unanswered => None,
        }
    } else {
        None
    };
    let critical = shown && question.is_critical(facts);
    QuestionAssessment {
        id: question.id.to_string(),
        section,
        shown,
        state,
        score,
        unusable_answer,
        blocker: shown && question.blocker_if.as_ref().is_some_and(|c| c.holds(facts)),
        critical,
        decisive_open: shown
            && state == AnswerState::Unanswered
            && (critical || may_block(question, facts)),
        discuss: answer.is_some_and(|a| a.discuss),
    }
}

/// Whether one of the question's options, picked, would make its `blocker_if` hold with
/// the other answers as they are.
fn may_block(question: &Question, facts: &dyn Facts) -> bool {
    let Some(blocker_if) = &question.blocker_if else {
        return false;
    };
    question.options.iter().any(|option| {
        let picked = Answer::answered(Value::Text(option.value.to_string()));
        blocker_if.holds(&WithAnswer {
            facts,
            id: &question.id,
            answer: &picked,
        })
    })
}

/// The facts with one question answered otherwise, to ask "what if".
struct WithAnswer<'a> {
    facts: &'a dyn Facts,
    id: &'a str,
    answer: &'a Answer,
}

impl Facts for WithAnswer<'_> {
    fn question(&self, id: &str) -> Option<&Question> {
        self.facts.question(id)
    }

    fn answer(&self, id: &str) -> Option<&Answer> {
        if id == self.id {
            Some(self.answer)
        } else {
            self.facts.answer(id)
        }
    }

    fn figure(&self, id: &str) -> Option<Option<rust_decimal::Decimal>> {
        self.facts.figure(id)
    }
}

/// The score of the band holding a calculated figure's value (`score_by`); none while
/// the figure is not known yet.
fn figure_score(question: &Question, figure: &str, facts: &dyn Facts) -> Option<f64> {
    let value = crate::money::number_of(facts.figure(figure).flatten()?);
    question
        .score_bands
        .iter()
        .find(|band| band.holds(value))
        .map(|band| band.score)
}

/// A score clamped to 0..=1, so a questionnaire that slipped past validation cannot push a
/// mean out of range; not a number counts as no score.
fn in_range(score: f64) -> Option<f64> {
    (!score.is_nan()).then(|| score.clamp(0.0, 1.0))
}

/// Whether a recommendation's condition holds, `None` meaning the default: the question
/// is answered or unsure and scores below 1.
pub(super) fn recommendation_applies(
    when: Option<&Condition>,
    assessed: &QuestionAssessment,
    facts: &dyn Facts,
) -> bool {
    match when {
        Some(condition) => condition.holds(facts),
        None => assessed.score.is_some_and(below_full),
    }
}

/// Whether a score falls short of full readiness (beyond rounding).
pub(super) fn below_full(score: f64) -> bool {
    score < 1.0 - super::TOLERANCE
}
