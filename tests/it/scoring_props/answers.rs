//! Answers made for the built-in laws: the best and the worst answer of a scored
//! question, every value worth trying on it, a random profile answer, and a random answer
//! of any kind. Generic: read from the question's type, options, bands and limits.

use outready::answer::{Answer, AnswerState, Answers, Value};
use outready::questionnaire::{Question, QuestionType, Questionnaire};

pub fn text(value: &str) -> Answer {
    Answer::answered(Value::Text(value.to_string()))
}

pub fn list(values: Vec<String>) -> Answer {
    Answer::answered(Value::List(values))
}

/// A number the question accepts, near `wanted`.
pub fn number_within(question: &Question, wanted: f64) -> f64 {
    let low = question.min.unwrap_or(f64::MIN);
    let high = question.max.unwrap_or(f64::MAX);
    wanted.clamp(low, high)
}

/// Numbers to try on a banded question: each band's ends, and the limits.
pub fn candidate_numbers(question: &Question) -> Vec<f64> {
    let mut numbers: Vec<f64> = question
        .score_bands
        .iter()
        .flat_map(|b| [b.min, b.max.map(|m| m - 1.0), b.max.map(|m| m - 0.01)])
        .flatten()
        .chain([question.min, question.max].into_iter().flatten())
        .chain([0.0, 1.0, 10.0, 100.0])
        .map(|n| number_within(question, n))
        .collect();
    numbers.sort_by(f64::total_cmp);
    numbers.dedup();
    numbers
}

/// Every value worth trying on a scored question, each with its score.
pub fn scored_values(question: &Question) -> Vec<(Value, f64)> {
    let values: Vec<Value> = match question.kind {
        QuestionType::Multi => {
            let mut sets: Vec<Vec<String>> = question
                .options
                .iter()
                .map(|o| vec![o.value.to_string()])
                .collect();
            // Every option that scores, together: the best a list can do without the
            // exclusive option.
            sets.push(
                question
                    .options
                    .iter()
                    .filter(|o| !o.exclusive && o.score.is_some_and(|s| s > 0.0))
                    .map(|o| o.value.to_string())
                    .collect(),
            );
            sets.into_iter()
                .filter(|s| !s.is_empty())
                .map(Value::List)
                .collect()
        }
        kind if kind.is_choice() => question
            .options
            .iter()
            .map(|o| Value::Text(o.value.to_string()))
            .collect(),
        kind if kind.is_numeric() => candidate_numbers(question)
            .into_iter()
            .map(Value::Number)
            .collect(),
        _ => Vec::new(),
    };
    values
        .into_iter()
        .filter(|v| question.accepts(v))
        .filter_map(|v| question.score_of(&v).map(|s| (v, s)))
        .collect()
}

/// The highest-scoring answer (the first of equals, so a shorter list wins).
pub fn best(question: &Question) -> Option<Answer> {
    let values = scored_values(question);
    let top = values.iter().map(|(_, s)| *s).fold(f64::MIN, f64::max);
    let (value, _) = values.into_iter().find(|(_, s)| *s >= top)?;
    Some(Answer::answered(value))
}

/// The lowest-scoring answer.
pub fn worst(question: &Question) -> Option<Answer> {
    let values = scored_values(question);
    let bottom = values.iter().map(|(_, s)| *s).fold(f64::MAX, f64::min);
    let (value, _) = values.into_iter().find(|(_, s)| *s <= bottom)?;
    Some(Answer::answered(value))
}

/// A random answer a profile (unscored) question accepts.
pub fn profile_answer(question: &Question, roll: u32) -> Option<Answer> {
    let options = &question.options;
    let answer = match question.kind {
        QuestionType::Multi => {
            let plain: Vec<String> = options
                .iter()
                .filter(|o| !o.exclusive)
                .enumerate()
                .filter(|(k, _)| roll >> (k % 32) & 1 == 1)
                .map(|(_, o)| o.value.to_string())
                .collect();
            let exclusive = options.iter().find(|o| o.exclusive);
            match exclusive {
                Some(o) if plain.is_empty() => list(vec![o.value.to_string()]),
                _ => list(plain),
            }
        }
        kind if kind.is_choice() && !options.is_empty() => {
            text(&options[roll as usize % options.len()].value)
        }
        kind if kind.is_numeric() => {
            let low = question.min.unwrap_or(0.0);
            let high = question.max.unwrap_or(low + 100.0);
            let span = (high - low).max(0.0);
            Answer::answered(Value::Number(
                (low + f64::from(roll % 1000) / 1000.0 * span)
                    .round()
                    .clamp(low, high),
            ))
        }
        QuestionType::Date => text("2027-01-15"),
        QuestionType::Text | QuestionType::LongText => text("Sam Patel"),
        _ => return None,
    };
    Some(answer)
}

/// A random answer of any kind, as an owner might give: absent, unsure, not applicable
/// where allowed, or any value.
pub fn any_answer(question: &Question, roll: u32) -> Option<Answer> {
    match roll % 8 {
        0 => None,
        1 if question.allow_unsure => Some(Answer::in_state(AnswerState::Unsure)),
        2 if question.allow_na => Some(Answer::in_state(AnswerState::NotApplicable)),
        _ if question.is_scored() => {
            let values = scored_values(question);
            (!values.is_empty())
                .then(|| Answer::answered(values[(roll / 8) as usize % values.len()].0.clone()))
        }
        _ => profile_answer(question, roll / 8),
    }
}

/// The stage question's latest option that caps nothing: "about to sign".
pub fn signing(questionnaire: &Questionnaire) -> Option<(String, Answer)> {
    let stage = questionnaire.stage.as_ref()?;
    let question = questionnaire.question(&stage.question)?;
    let top = questionnaire.levels.last().map(|l| l.id.as_str());
    let option = question.options.iter().rev().find(|o| {
        stage
            .by_value
            .get(o.value.as_str())
            .is_none_or(|s| s.caps_at.is_none() || s.caps_at.as_deref() == top)
    })?;
    Some((stage.question.clone(), text(&option.value)))
}

/// A random profile: every unscored question answered at random, the stage at signing.
pub fn profile(questionnaire: &Questionnaire, rolls: &[u32]) -> Answers {
    let mut answers: Answers = questionnaire
        .questions()
        .zip(rolls)
        .filter(|((_, q), _)| !q.is_scored())
        .filter_map(|((_, q), roll)| Some((q.id.to_string(), profile_answer(q, *roll)?)))
        .collect();
    answers.extend(signing(questionnaire));
    answers
}
