//! Checks on conditions (`show_if`, `blocker_if`, `critical_if`, a recommendation's
//! `when`): every test names a real question, an operator its type supports and a value
//! of the right kind (an option it has, a number, a real date).

use super::{Checker, closest, is_date, quoted};
use crate::answer::{AnswerState, Value};
use crate::questionnaire::condition::{Condition, Test};
use crate::questionnaire::model::{Question, QuestionType};

/// Every test in a condition at `path`, with its own path and the question it reads, in
/// document order.
pub(super) fn tests_at<'c>(path: &str, condition: &'c Condition) -> Vec<(String, &'c str)> {
    let mut found = Vec::new();
    collect_tests(path.to_string(), condition, &mut found);
    found
}

fn collect_tests<'c>(path: String, condition: &'c Condition, found: &mut Vec<(String, &'c str)>) {
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            let key = if matches!(condition, Condition::All(_)) {
                "all"
            } else {
                "any"
            };
            for (n, part) in parts.iter().enumerate() {
                collect_tests(format!("{path}.{key}[{n}]"), part, found);
            }
        }
        Condition::Not(part) => collect_tests(format!("{path}.not"), part, found),
        Condition::Test { question, .. } => found.push((path, question)),
    }
}

impl Checker<'_> {
    /// Checks the condition whose JSON object is at `path`.
    pub(super) fn condition(&mut self, path: &str, condition: &Condition) {
        self.exclusive_together(path, condition);
        match condition {
            Condition::All(parts) | Condition::Any(parts) => {
                let (key, meaning) = if matches!(condition, Condition::All(_)) {
                    ("all", "always holds")
                } else {
                    ("any", "never holds")
                };
                if parts.is_empty() {
                    self.report(
                        format!("{path}.{key}"),
                        format!(
                            "\"{key}\" has no conditions in it, so it {meaning}: add conditions \
                             or remove it"
                        ),
                    );
                }
                for (n, part) in parts.iter().enumerate() {
                    self.condition(&format!("{path}.{key}[{n}]"), part);
                }
            }
            Condition::Not(part) => self.condition(&format!("{path}.not"), part),
            Condition::Test { question, test } => self.test(path, question, test),
        }
    }

    fn test(&mut self, path: &str, id: &str, test: &Test) {
        if self.figure_test(path, id, test) {
            return;
        }
        let Some(&(s, q)) = self.places.get(id) else {
            let known = self.questionnaire.questions().map(|(_, q)| q.id.as_str());
            let fix = match closest(id, known) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => "fix the id or add the question".to_string(),
            };
            self.report(
                format!("{path}.question"),
                format!("the condition names question \"{id}\", which does not exist: {fix}"),
            );
            return;
        };
        if self.unread.questions.contains(&(s, q)) {
            // Nothing can be said about what a question that could not be read takes.
            return;
        }
        let questionnaire = self.questionnaire;
        let question = &questionnaire.sections[s].questions[q];
        let at = format!("{path}.{}", test.operator());
        match test {
            Test::Answered(_) => {}
            Test::State(state) => self.state(&at, question, *state),
            Test::Eq(value) | Test::Ne(value) => self.value(&at, question, value),
            Test::In(values) | Test::NotIn(values) => {
                if values.is_empty() {
                    let effect = if matches!(test, Test::In(_)) {
                        "never holds"
                    } else {
                        "holds for every answer"
                    };
                    self.report(
                        at.as_str(),
                        format!(
                            "\"{}\" with an empty list {effect}: list the values to compare \
                             question \"{id}\" with",
                            test.operator()
                        ),
                    );
                }
                for (k, value) in values.iter().enumerate() {
                    self.value(&format!("{at}[{k}]"), question, value);
                }
            }
            Test::Gt(value) | Test::Gte(value) | Test::Lt(value) | Test::Lte(value) => {
                if question.kind.is_ordered() {
                    self.value(&at, question, value);
                } else {
                    self.report(
                        at.as_str(),
                        format!(
                            "\"{}\" compares order, which the {} question \"{id}\" does not \
                             have: use it only on number, money, percent, scale or date \
                             questions, or use \"eq\" or \"in\"",
                            test.operator(),
                            question.kind.name()
                        ),
                    );
                }
            }
            Test::Contains(option) => {
                if question.kind == QuestionType::Multi {
                    self.option(&at, question, option);
                } else {
                    self.report(
                        at.as_str(),
                        format!(
                            "\"contains\" works only on multi questions, and \"{id}\" is {}: \
                             use \"eq\" instead",
                            question.kind.name()
                        ),
                    );
                }
            }
        }
    }

    /// A state the question cannot be in makes a test that never holds.
    fn state(&mut self, at: &str, question: &Question, state: AnswerState) {
        let (allowed, answer, field) = match state {
            AnswerState::Unsure => (
                question.allow_unsure,
                "\"I don't know yet\"",
                "allow_unsure",
            ),
            AnswerState::NotApplicable => (question.allow_na, "\"not applicable\"", "allow_na"),
            AnswerState::Unanswered | AnswerState::Answered => return,
        };
        if !allowed {
            self.report(
                at,
                format!(
                    "question \"{}\" does not allow {answer}, so state \"{}\" never holds: set \
                     {field} to true on it, or test another state",
                    question.id,
                    state.name()
                ),
            );
        }
    }

    /// Checks a value an answer is compared with: its kind must be the kind of the
    /// question's answers, and option values must be the question's own.
    fn value(&mut self, at: &str, question: &Question, value: &Value) {
        let id = &question.id;
        let kind = question.kind;
        let (what, fix) = match (kind, value) {
            (QuestionType::Multi, Value::List(items)) => {
                for (k, item) in items.iter().enumerate() {
                    self.option(&format!("{at}[{k}]"), question, item);
                }
                return;
            }
            (QuestionType::Multi, _) => {
                self.report(
                    at,
                    format!(
                        "question \"{id}\" is multi, so its answer is a list of options: \
                         compare with a list such as [{}], or use \"contains\" to test one \
                         option",
                        quoted(question.options.first().map(|o| o.value.as_str()))
                    ),
                );
                return;
            }
            (_, Value::Text(option)) if kind.is_choice() => {
                self.option(at, question, option);
                return;
            }
            (_, _) if kind.is_choice() => (
                "an option value",
                format!(
                    "text naming an option, such as {}",
                    quoted(question.options.first().map(|o| o.value.as_str()))
                ),
            ),
            (_, Value::Number(_)) if kind.is_numeric() => return,
            (_, _) if kind.is_numeric() => (
                "a number",
                "a number without quotes, such as 10".to_string(),
            ),
            (QuestionType::Date, Value::Text(date)) => {
                if !is_date(date) {
                    self.report(
                        at,
                        format!(
                            "\"{date}\" is not a real date written YYYY-MM-DD, which question \
                             \"{id}\" is answered with: write a date such as \"2025-03-31\""
                        ),
                    );
                }
                return;
            }
            (QuestionType::Date, _) => (
                "a date",
                "text written YYYY-MM-DD, such as \"2025-03-31\"".to_string(),
            ),
            (_, Value::Text(_)) => return,
            (_, _) => ("text", "text in quotes".to_string()),
        };
        self.report(
            at,
            format!(
                "question \"{id}\" is answered with {what}, so {} never matches it: write the \
                 value as {fix}",
                value.kind_name()
            ),
        );
    }

    fn option(&mut self, at: &str, question: &Question, option: &str) {
        // A question without options is reported as that, once, not at every condition.
        if !question.options.is_empty() && question.option(option).is_none() {
            self.report(
                at,
                format!(
                    "question \"{}\" has no option \"{option}\": use one of {}",
                    question.id,
                    quoted(question.options.iter().map(|o| o.value.as_str()))
                ),
            );
        }
    }
}
