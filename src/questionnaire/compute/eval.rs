//! The pure evaluator of calculated figures: exact decimals, each figure worked out once
//! per evaluation, unanswered inputs making a figure "not known yet" (never zero) with
//! the inputs it is missing. "Not applicable" counts as nothing (0).

use std::cell::RefCell;

use rust_decimal::Decimal;

use super::check::unit_of;
use super::expr::Expr;
use super::{Calculated, Unit};
use crate::answer::{Answer, AnswerState, Value};
use crate::money::{decimal_of, round};
use crate::questionnaire::condition::Facts;
use crate::questionnaire::model::{Question, Questionnaire};

/// Why a figure has no value yet: the questions it still needs, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unknown {
    /// Question ids not answered yet (or answered "not sure"), in the order met.
    pub missing: Vec<String>,
    /// Something that no answer fixes (a division by zero, a figure too large).
    pub trouble: Option<String>,
}

impl Unknown {
    fn missing(id: &str) -> Unknown {
        Unknown {
            missing: vec![id.to_string()],
            trouble: None,
        }
    }

    fn trouble(text: &str) -> Unknown {
        Unknown {
            missing: Vec::new(),
            trouble: Some(text.to_string()),
        }
    }

    fn merge(&mut self, other: Unknown) {
        for id in other.missing {
            if !self.missing.contains(&id) {
                self.missing.push(id);
            }
        }
        self.trouble = self.trouble.take().or(other.trouble);
    }
}

/// A figure's value, or why it is not known yet.
pub type Outcome = Result<Decimal, Unknown>;

/// One figure as it stands for a set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure<'q> {
    pub calculated: &'q Calculated,
    /// The index of the section it belongs to.
    pub section: usize,
    pub outcome: Outcome,
}

impl Figure<'_> {
    /// The value, when it is known.
    pub fn value(&self) -> Option<Decimal> {
        self.outcome.as_ref().ok().copied()
    }

    /// The question ids it still needs.
    pub fn missing(&self) -> &[String] {
        self.outcome
            .as_ref()
            .err()
            .map_or(&[], |u| u.missing.as_slice())
    }
}

/// Every figure of a questionnaire for one set of answers, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures<'q> {
    pub list: Vec<Figure<'q>>,
}

impl<'q> Figures<'q> {
    /// Works out every figure, seeing answers through `facts` (hidden ones as none).
    pub fn compute(questionnaire: &'q Questionnaire, facts: &dyn Facts) -> Figures<'q> {
        let evaluator = Evaluator::new(questionnaire, facts);
        let list = (0..questionnaire.figure_count())
            .filter_map(|n| {
                let (section, calculated) = questionnaire.figure_at(n)?;
                let outcome = evaluator.figure_number(n);
                Some(Figure {
                    calculated,
                    section,
                    outcome,
                })
            })
            .collect();
        Figures { list }
    }

    /// Works out every figure for a plan's answers, seen as conditions see them.
    pub fn for_answers(
        questionnaire: &'q Questionnaire,
        answers: &crate::answer::Answers,
    ) -> Figures<'q> {
        let visibility = crate::questionnaire::Visibility::compute(questionnaire, answers);
        let facts = crate::questionnaire::VisibleFacts {
            questionnaire,
            answers,
            visibility: &visibility,
        };
        Figures::compute(questionnaire, &facts)
    }

    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Figure<'q>> {
        self.list.iter().find(|f| f.calculated.id == id)
    }

    /// The figures of one section, in file order.
    pub fn in_section(&self, section: usize) -> impl Iterator<Item = &Figure<'q>> {
        self.list.iter().filter(move |f| f.section == section)
    }
}

/// Works figures out for one set of answers, each once. It is itself the facts that the
/// conditions inside figures see, so a condition on a figure reads the same value.
pub struct Evaluator<'a> {
    questionnaire: &'a Questionnaire,
    facts: &'a dyn Facts,
    memo: RefCell<Vec<Option<Outcome>>>,
    working: RefCell<Vec<bool>>,
}

impl<'a> Evaluator<'a> {
    pub fn new(questionnaire: &'a Questionnaire, facts: &'a dyn Facts) -> Self {
        let count = questionnaire.figure_count();
        Evaluator {
            questionnaire,
            facts,
            memo: RefCell::new(vec![None; count]),
            working: RefCell::new(vec![false; count]),
        }
    }

    /// The outcome of the figure with this id, or `None` if there is no such figure.
    pub fn figure(&self, id: &str) -> Option<Outcome> {
        self.questionnaire
            .figure_index(id)
            .map(|n| self.figure_number(n))
    }

    fn figure_number(&self, n: usize) -> Outcome {
        if let Some(done) = self.memo.borrow().get(n).cloned().flatten() {
            return done;
        }
        let Some((_, calculated)) = self.questionnaire.figure_at(n) else {
            return Err(Unknown::trouble("no such figure"));
        };
        if self.working.borrow().get(n).copied().unwrap_or(false) {
            return Err(Unknown::trouble("the figure depends on itself"));
        }
        if let Some(mark) = self.working.borrow_mut().get_mut(n) {
            *mark = true;
        }
        let outcome = self.eval(&calculated.expr);
        if let Some(mark) = self.working.borrow_mut().get_mut(n) {
            *mark = false;
        }
        if let Some(slot) = self.memo.borrow_mut().get_mut(n) {
            *slot = Some(outcome.clone());
        }
        outcome
    }

    /// The value of an expression for these answers.
    pub fn eval(&self, expr: &Expr) -> Outcome {
        match expr {
            Expr::Const(c) => Ok(*c),
            Expr::Ref(id) => self.figure(id).unwrap_or_else(|| self.input(id)),
            Expr::Sum(parts) => fold(self.all(parts.iter())?, Decimal::checked_add),
            Expr::Sub(parts) => fold(self.all(parts.iter())?, Decimal::checked_sub),
            Expr::Min(parts) => fold(self.all(parts.iter())?, |a, b| Some(a.min(b))),
            Expr::Max(parts) => fold(self.all(parts.iter())?, |a, b| Some(a.max(b))),
            Expr::Mul(parts) => {
                let values = self.all(parts.iter())?;
                let fractions = unit_of(self.questionnaire, expr) != Some(Unit::Percent);
                let hundred = Decimal::ONE_HUNDRED;
                let factors = parts.iter().zip(values).map(|(part, value)| {
                    let percent = unit_of(self.questionnaire, part) == Some(Unit::Percent);
                    if fractions && percent {
                        value / hundred
                    } else {
                        value
                    }
                });
                fold(factors.collect(), Decimal::checked_mul)
            }
            Expr::Div(a, b) => {
                let values = self.all([&**a, &**b])?;
                let (top, bottom) = (values[0], values[1]);
                if bottom.is_zero() {
                    return Err(Unknown::trouble("a division by zero"));
                }
                let share = shares(
                    unit_of(self.questionnaire, a),
                    unit_of(self.questionnaire, b),
                );
                let quotient = top.checked_div(bottom).ok_or_else(too_large)?;
                if share {
                    quotient
                        .checked_mul(Decimal::ONE_HUNDRED)
                        .ok_or_else(too_large)
                } else {
                    Ok(quotient)
                }
            }
            Expr::Round(of, places) => self.eval(of).map(|v| round(v, *places)),
            Expr::If {
                when,
                then,
                otherwise,
            } => {
                self.settled(when.questions())?;
                if when.holds(self) {
                    self.eval(then)
                } else {
                    self.eval(otherwise)
                }
            }
        }
    }

    /// Every operand's value, or all that is missing across them.
    fn all<'e>(&self, parts: impl IntoIterator<Item = &'e Expr>) -> Result<Vec<Decimal>, Unknown> {
        let mut values = Vec::new();
        let mut unknown: Option<Unknown> = None;
        for part in parts {
            match self.eval(part) {
                Ok(value) => values.push(value),
                Err(more) => unknown.get_or_insert_with(Unknown::default).merge(more),
            }
        }
        unknown.map_or(Ok(values), Err)
    }

    /// Whether every id a condition reads is known, so that its answer is not a guess.
    fn settled(&self, ids: Vec<&str>) -> Result<(), Unknown> {
        let mut unknown: Option<Unknown> = None;
        for id in ids {
            let result = match self.figure(id) {
                Some(outcome) => outcome.map(|_| ()),
                None => match self.facts.answer(id).map(|a| a.state) {
                    Some(AnswerState::Answered | AnswerState::NotApplicable) => Ok(()),
                    _ => Err(Unknown::missing(id)),
                },
            };
            if let Err(more) = result {
                unknown.get_or_insert_with(Unknown::default).merge(more);
            }
        }
        unknown.map_or(Ok(()), Err)
    }

    /// A question's answer as a value: not applicable is 0, a number is itself, anything
    /// else (unanswered, not sure, hidden) is missing.
    fn input(&self, id: &str) -> Outcome {
        let answer = self.facts.answer(id);
        match answer.map(|a| a.state) {
            Some(AnswerState::NotApplicable) => Ok(Decimal::ZERO),
            Some(AnswerState::Answered) => answer
                .and_then(Answer::given_value)
                .and_then(Value::as_number)
                .and_then(decimal_of)
                .ok_or_else(|| Unknown::missing(id)),
            _ => Err(Unknown::missing(id)),
        }
    }
}

/// Whether dividing these units gives a share in percent (money by money, months by
/// months, percent by percent).
pub(super) fn shares(top: Option<Unit>, bottom: Option<Unit>) -> bool {
    top.is_some() && top == bottom && top != Some(Unit::Number)
}

fn too_large() -> Unknown {
    Unknown::trouble("a figure too large to count")
}

fn fold(values: Vec<Decimal>, step: impl Fn(Decimal, Decimal) -> Option<Decimal>) -> Outcome {
    let mut values = values.into_iter();
    let first = values
        .next()
        .ok_or_else(|| Unknown::trouble("nothing to count"))?;
    values.try_fold(first, |acc, v| step(acc, v).ok_or_else(too_large))
}

impl Facts for Evaluator<'_> {
    fn question(&self, id: &str) -> Option<&Question> {
        self.facts.question(id)
    }

    fn answer(&self, id: &str) -> Option<&Answer> {
        self.facts.answer(id)
    }

    fn figure(&self, id: &str) -> Option<Option<Decimal>> {
        Evaluator::figure(self, id).map(|outcome| outcome.ok())
    }
}

/// The value of one figure for these facts (a condition on a figure reads it so), or
/// `None` if there is no figure with this id.
pub fn figure_value(
    questionnaire: &Questionnaire,
    facts: &dyn Facts,
    id: &str,
) -> Option<Option<Decimal>> {
    questionnaire.figure_index(id)?;
    Evaluator::new(questionnaire, facts)
        .figure(id)
        .map(|o| o.ok())
}
