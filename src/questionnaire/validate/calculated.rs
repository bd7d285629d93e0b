//! Checks on calculated figures: ids unique among questions and figures, a label, the
//! expression checks of `compute::check`, the conditions inside `if`, tests on figures in
//! any condition, `score_by`, and `{placeholders}` in recommendation texts.

use std::collections::HashMap;

use super::Checker;
use crate::answer::{AnswerState, Value};
use crate::questionnaire::compute::check::{check, question_unit};
use crate::questionnaire::compute::expr::Expr;
use crate::questionnaire::compute::placeholder::placeholders;
use crate::questionnaire::condition::{Condition, Test};

impl Checker<'_> {
    /// Checks every calculated figure and everything that names one.
    pub(super) fn calculated(&mut self) {
        let questionnaire = self.questionnaire;
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (s, section) in questionnaire.sections.iter().enumerate() {
            for (c, figure) in section.calculated.iter().enumerate() {
                let path = format!("sections[{s}].calculated[{c}]");
                if let Some(&(fs, fq)) = self.places.get(figure.id.as_str()) {
                    self.report(
                        format!("{path}.id"),
                        format!(
                            "figure id \"{}\" is already a question's (sections[{fs}].questions[{fq}]): \
                             give the figure its own id",
                            figure.id
                        ),
                    );
                } else if let Some(first) = seen.get(figure.id.as_str()) {
                    self.report(
                        format!("{path}.id"),
                        format!(
                            "figure id \"{}\" is used twice (first at {first}): make it unique",
                            figure.id
                        ),
                    );
                } else {
                    seen.insert(figure.id.as_str(), path.clone());
                }
                if figure.id.trim().is_empty() {
                    self.report(
                        format!("{path}.id"),
                        "the figure has no id: give it a short stable one",
                    );
                }
                if figure.label.trim().is_empty() {
                    self.report(
                        format!("{path}.label"),
                        "the figure has no label: say in a few words what it counts",
                    );
                }
                if let Some(other) = &figure.compare_with {
                    let money = |unit| unit == crate::questionnaire::Unit::Money;
                    let fits = questionnaire
                        .figure(other)
                        .is_some_and(|o| money(o.unit) && o.id != figure.id);
                    if !fits || !money(figure.unit) {
                        self.report(
                            format!("{path}.compare_with"),
                            format!(
                                "\"compare_with\" sets figure \"{}\" against \"{other}\": both must be \
                                 money figures, and not the same one",
                                figure.id
                            ),
                        );
                    }
                }
                let mut conditions = Vec::new();
                conditions_in(&figure.expr, format!("{path}.expr"), &mut conditions);
                for (at, condition) in conditions {
                    self.condition(&at, condition);
                }
            }
        }
        for (path, message) in check(questionnaire) {
            self.report(path, message);
        }
        self.figure_uses();
    }

    /// `score_by` and placeholders in recommendation texts.
    fn figure_uses(&mut self) {
        let questionnaire = self.questionnaire;
        for (s, section) in questionnaire.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                let path = format!("sections[{s}].questions[{q}]");
                if let Some(by) = &question.score_by {
                    if questionnaire.figure(by).is_none() {
                        self.report(
                            format!("{path}.score_by"),
                            format!("\"score_by\" names \"{by}\", which is not a calculated figure: name one"),
                        );
                    } else if question.score_bands.is_empty() {
                        self.report(
                            format!("{path}.score_by"),
                            "\"score_by\" needs \"score_bands\" to score the figure against",
                        );
                    }
                }
                for (k, recommendation) in question.recommendations.iter().enumerate() {
                    for (_, name) in placeholders(&recommendation.text) {
                        let is_figure = questionnaire.figure(name).is_some();
                        let is_number = questionnaire
                            .question(name)
                            .is_some_and(|q| question_unit(q.kind, q.unit.as_deref()).is_some());
                        if !is_figure && !is_number {
                            self.report(
                                format!("{path}.recommendations[{k}].text"),
                                format!(
                                    "the placeholder {{{name}}} names no calculated figure: use a \
                                     figure's id, or take the braces out"
                                ),
                            );
                        }
                    }
                }
            }
        }
    }

    /// Checks a condition test on a calculated figure; false when `id` is no figure.
    pub(super) fn figure_test(&mut self, path: &str, id: &str, test: &Test) -> bool {
        if self.questionnaire.figure(id).is_none() || self.places.contains_key(id) {
            return false;
        }
        let at = format!("{path}.{}", test.operator());
        match test {
            Test::Answered(_) => {}
            Test::State(AnswerState::Answered | AnswerState::Unanswered) => {}
            Test::State(_) => self.report(
                at,
                format!("figure \"{id}\" is known or not: test it with \"state\" \"answered\" or \"unanswered\""),
            ),
            Test::Contains(_) => self.report(
                at,
                format!("figure \"{id}\" is a number, not a list: compare it with eq, gt, lt and the like"),
            ),
            _ => {
                for (k, value) in test.values().into_iter().enumerate() {
                    if !matches!(value, Value::Number(_)) {
                        let place = if test.values().len() > 1 { format!("{at}[{k}]") } else { at.clone() };
                        self.report(
                            place,
                            format!("figure \"{id}\" is a number: compare it with a number, not {}", value.kind_name()),
                        );
                    }
                }
            }
        }
        true
    }
}

/// Every condition inside an expression (`if`), with its path.
fn conditions_in<'e>(expr: &'e Expr, path: String, found: &mut Vec<(String, &'e Condition)>) {
    if let Expr::If { when, .. } = expr {
        found.push((format!("{path}.if"), when));
    }
    for (suffix, operand) in expr.operands() {
        conditions_in(operand, format!("{path}{suffix}"), found);
    }
}
