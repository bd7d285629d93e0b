//! A condition in words, for people reading `outready questions`: `budget is "yes" and
//! (staff is at least 10 or sites is more than 1)`. The condition's own JSON stays the
//! structured form, for programs.

use crate::answer::{AnswerState, Value};
use crate::questionnaire::condition::{Condition, Test};
use crate::wizard::format_number;

/// The condition in words.
pub fn describe(condition: &Condition) -> String {
    match condition {
        Condition::All(parts) if parts.is_empty() => "always".to_string(),
        Condition::Any(parts) if parts.is_empty() => "never".to_string(),
        Condition::All(parts) => joined(parts, " and "),
        Condition::Any(parts) => joined(parts, " or "),
        Condition::Not(inner) => format!("not ({})", describe(inner)),
        Condition::Test { question, test } => format!("{question} {}", test_words(test)),
    }
}

/// Parts joined by `and` or `or`; a part that is itself a list of several is bracketed.
fn joined(parts: &[Condition], word: &str) -> String {
    parts
        .iter()
        .map(|part| match part {
            Condition::All(inner) | Condition::Any(inner) if inner.len() > 1 => {
                format!("({})", describe(part))
            }
            _ => describe(part),
        })
        .collect::<Vec<_>>()
        .join(word)
}

fn test_words(test: &Test) -> String {
    match test {
        Test::Eq(value) => format!("is {}", value_words(value)),
        Test::Ne(value) => format!("is not {}", value_words(value)),
        Test::In(values) => format!("is one of {}", list_words(values)),
        Test::NotIn(values) => format!("is none of {}", list_words(values)),
        Test::Gt(value) => format!("is more than {}", value_words(value)),
        Test::Gte(value) => format!("is at least {}", value_words(value)),
        Test::Lt(value) => format!("is less than {}", value_words(value)),
        Test::Lte(value) => format!("is at most {}", value_words(value)),
        Test::Answered(true) => "is answered".to_string(),
        Test::Answered(false) => "is not answered".to_string(),
        Test::State(state) => format!(
            "is {}",
            match state {
                AnswerState::Unanswered => "unanswered",
                AnswerState::Answered => "answered with a value",
                AnswerState::Unsure => "\"I don't know yet\"",
                AnswerState::NotApplicable => "not applicable",
            }
        ),
        Test::Contains(option) => format!("includes \"{option}\""),
    }
}

fn value_words(value: &Value) -> String {
    match value {
        Value::Number(number) => format_number(*number),
        Value::Text(text) => format!("\"{text}\""),
        Value::List(values) => format!(
            "[{}]",
            values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn list_words(values: &[Value]) -> String {
    values
        .iter()
        .map(value_words)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Condition {
        serde_json::from_str(json).expect("a condition")
    }

    #[test]
    fn conditions_read_as_words() {
        let cases = [
            (
                r#"{ "question": "budget", "eq": "yes" }"#,
                r#"budget is "yes""#,
            ),
            (
                r#"{ "question": "staff", "gte": 10 }"#,
                "staff is at least 10",
            ),
            (
                r#"{ "question": "outsourced", "contains": "support" }"#,
                r#"outsourced includes "support""#,
            ),
            (
                r#"{ "all": [ { "question": "a", "answered": true },
                     { "any": [ { "question": "b", "in": ["x", "y"] },
                                { "question": "c", "lt": 2.5 } ] } ] }"#,
                r#"a is answered and (b is one of "x", "y" or c is less than 2.5)"#,
            ),
            (
                r#"{ "not": { "question": "d", "state": "na" } }"#,
                "not (d is not applicable)",
            ),
        ];
        for (json, words) in cases {
            assert_eq!(describe(&parse(json)), words, "{json}");
        }
    }
}
