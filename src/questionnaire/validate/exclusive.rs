//! Checks on exclusive options ("None of these"): only a multi question has them, and no
//! condition may need one together with another option, since no answer can hold both.

use super::{Checker, quoted};
use crate::answer::Value;
use crate::questionnaire::condition::{Condition, Test};
use crate::questionnaire::model::{Question, QuestionType};

impl<'a> Checker<'a> {
    /// An exclusive option outside a multi question means nothing: refuse it.
    pub(super) fn exclusive_options(&mut self, path: &str, question: &Question) {
        if question.kind == QuestionType::Multi {
            return;
        }
        for (k, option) in question.options.iter().enumerate() {
            if option.exclusive {
                self.report(
                    format!("{path}.options[{k}].exclusive"),
                    format!(
                        "option \"{}\" of the {} question \"{}\" is exclusive, which only a \
                         multi question can use: remove \"exclusive\" or make it a multi question",
                        option.value,
                        question.kind.name(),
                        question.id
                    ),
                );
            }
        }
    }

    /// A test (or the tests directly under one `all`) that needs an exclusive option
    /// together with another can never hold.
    pub(super) fn exclusive_together(&mut self, path: &str, condition: &Condition) {
        match condition {
            Condition::Test { question, test } => {
                let Some(question) = self.multi(question) else {
                    return;
                };
                let lists: Vec<(String, &[String])> = match test {
                    Test::Eq(Value::List(list)) => vec![(format!("{path}.eq"), list)],
                    Test::In(values) => values
                        .iter()
                        .enumerate()
                        .filter_map(|(k, v)| Some((format!("{path}.in[{k}]"), v.as_list()?)))
                        .collect(),
                    _ => Vec::new(),
                };
                for (at, list) in lists {
                    if question.combines_exclusive(list) {
                        self.never_together(&at, question, list);
                    }
                }
            }
            Condition::All(parts) => {
                let mut by_question: Vec<(&str, Vec<String>)> = Vec::new();
                for part in parts {
                    if let Condition::Test {
                        question,
                        test: Test::Contains(option),
                    } = part
                    {
                        match by_question.iter_mut().find(|(id, _)| id == question) {
                            Some((_, options)) => options.push(option.to_string()),
                            None => by_question.push((question, vec![option.to_string()])),
                        }
                    }
                }
                for (id, options) in by_question {
                    if let Some(question) = self.multi(id)
                        && question.combines_exclusive(&options)
                    {
                        self.never_together(&format!("{path}.all"), question, &options);
                    }
                }
            }
            Condition::Any(_) | Condition::Not(_) => {}
        }
    }

    /// The multi question with this id, if there is one.
    fn multi(&self, id: &str) -> Option<&'a Question> {
        let &(s, q) = self.places.get(id)?;
        let questionnaire: &'a crate::questionnaire::Questionnaire = self.questionnaire;
        let question = &questionnaire.sections[s].questions[q];
        (question.kind == QuestionType::Multi).then_some(question)
    }

    fn never_together(&mut self, at: &str, question: &Question, options: &[String]) {
        let exclusive = options
            .iter()
            .filter(|v| question.option(v).is_some_and(|o| o.exclusive))
            .map(String::as_str);
        self.report(
            at,
            format!(
                "the condition needs {} of question \"{}\" together with another option, but \
                 {} goes alone, so it never holds: test the options apart, or with \"any\"",
                quoted(options.iter().map(String::as_str)),
                question.id,
                quoted(exclusive)
            ),
        );
    }
}
