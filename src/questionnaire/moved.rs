//! Moved answers: the format's `moved` list, and the pure function that carries a plan's
//! answers from questions of an earlier version to the questions that now ask them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Question, Questionnaire};
use crate::answer::{Answer, AnswerState, Answers, Value};

/// An answer of an earlier version's question that this version asks as another one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moved {
    /// The old question's id; not a question of this questionnaire.
    pub from: String,
    /// The question that now asks it.
    pub to: String,
    /// Old option values and the option values of `to` they become; without it a value
    /// moves as it is when `to` can take it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
}

/// One answer [`apply`] carried over, for a message ("your answer to ... is now asked as
/// ...").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedAnswer {
    /// The old question's id.
    pub from: String,
    /// The question that holds the answer now.
    pub to: String,
}

/// Carries a plan's answers from questions of an earlier version to the questions that now
/// ask them, line by line in the questionnaire's order: an answer under `from` moves to
/// `to` when `to` has no answer yet and everything in it fits `to` (its value, mapped
/// through `values` when given; "unsure" and "not applicable" where `to` allows them); the
/// note and the flag go with it. Anything else stays where it is, kept aside like any
/// answer to a question the questionnaire no longer has. Applying it twice changes
/// nothing more. Returns what moved, in order.
pub fn apply(questionnaire: &Questionnaire, answers: &mut Answers) -> Vec<MovedAnswer> {
    let mut moved_answers = Vec::new();
    for moved in &questionnaire.moved {
        // A question still asked keeps its own answer, whatever the file says.
        if questionnaire.question(&moved.from).is_some() {
            continue;
        }
        let Some(to) = questionnaire.question(&moved.to) else {
            continue;
        };
        let (Some(old), false) = (
            answers.get(&moved.from),
            answers.get(&moved.to).is_some_and(has_content),
        ) else {
            continue;
        };
        let Some(answer) = carried(moved, to, old) else {
            continue;
        };
        answers.remove(&moved.from);
        answers.insert(moved.to.clone(), answer);
        moved_answers.push(MovedAnswer {
            from: moved.from.clone(),
            to: moved.to.clone(),
        });
    }
    moved_answers
}

/// Whether an entry holds anything: a state, a value, a note or a flag.
fn has_content(answer: &Answer) -> bool {
    answer.state != AnswerState::Unanswered
        || answer.value.is_some()
        || answer.note.as_ref().is_some_and(|n| !n.trim().is_empty())
        || answer.discuss
}

/// The old answer as an answer to `to`, when all of it fits.
fn carried(moved: &Moved, to: &Question, old: &Answer) -> Option<Answer> {
    if !has_content(old) {
        return None;
    }
    let allowed = match old.state {
        AnswerState::Unsure => to.allow_unsure,
        AnswerState::NotApplicable => to.allow_na,
        AnswerState::Answered | AnswerState::Unanswered => true,
    };
    if !allowed {
        return None;
    }
    let value = match &old.value {
        None if old.state == AnswerState::Answered => return None,
        None => None,
        Some(value) => Some(mapped(moved, to, value)?),
    };
    Some(Answer {
        value,
        ..old.clone()
    })
}

/// The value as `to` stores it: through `values` when the line has them, else as it is;
/// `None` when it does not fit `to`.
fn mapped(moved: &Moved, to: &Question, value: &Value) -> Option<Value> {
    let map = |v: &str| -> Option<String> {
        if moved.values.is_empty() {
            Some(v.to_string())
        } else {
            moved.values.get(v).cloned()
        }
    };
    let value = match value {
        Value::Text(text) if to.kind.is_choice() => Value::Text(map(text)?),
        Value::List(items) => {
            let mut items = items.iter().map(|v| map(v)).collect::<Option<Vec<_>>>()?;
            items.sort_by_key(|v| to.option_position(v));
            items.dedup();
            if !items.iter().all(|v| to.option(v).is_some()) {
                return None;
            }
            Value::List(items)
        }
        other if moved.values.is_empty() => other.clone(),
        _ => return None,
    };
    let in_limits = value
        .as_number()
        .is_none_or(|n| to.min.is_none_or(|min| n >= min) && to.max.is_none_or(|max| n <= max));
    (in_limits && to.accepts(&value)).then_some(value)
}

#[cfg(test)]
mod tests;
