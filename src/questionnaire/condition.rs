//! Conditions: structured JSON (`all`, `any`, `not`, and tests on one question's answer)
//! and their evaluation against a plan's answers. Never a string language.
//!
//! A test on a question that is hidden or not answered is false, except `answered: false`
//! and `state: "unanswered"`; wrap a test in `not` for "unless answered so".

use serde::Serialize;

use super::model::{Question, QuestionType};
use super::text::Text;
use crate::answer::{Answer, AnswerState, Value};

mod read;

/// A condition on answers. Read by [`read`]; written through its JSON shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "RawCondition")]
pub enum Condition {
    /// Every part holds (true when empty).
    All(Vec<Condition>),
    /// At least one part holds (false when empty).
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// A test on one question's answer.
    Test { question: Text, test: Test },
}

/// A test on one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Eq(Value),
    Ne(Value),
    In(Vec<Value>),
    NotIn(Vec<Value>),
    Gt(Value),
    Gte(Value),
    Lt(Value),
    Lte(Value),
    /// `true`: the question is answered with a value; `false`: it is not.
    Answered(bool),
    State(AnswerState),
    /// A multi answer includes this option.
    Contains(Text),
}

impl Test {
    /// The operator's name in files.
    pub fn operator(&self) -> &'static str {
        match self {
            Test::Eq(_) => "eq",
            Test::Ne(_) => "ne",
            Test::In(_) => "in",
            Test::NotIn(_) => "not_in",
            Test::Gt(_) => "gt",
            Test::Gte(_) => "gte",
            Test::Lt(_) => "lt",
            Test::Lte(_) => "lte",
            Test::Answered(_) => "answered",
            Test::State(_) => "state",
            Test::Contains(_) => "contains",
        }
    }

    /// The values the test compares an answer with.
    pub fn values(&self) -> Vec<&Value> {
        match self {
            Test::Eq(v) | Test::Ne(v) | Test::Gt(v) | Test::Gte(v) | Test::Lt(v) | Test::Lte(v) => {
                vec![v]
            }
            Test::In(vs) | Test::NotIn(vs) => vs.iter().collect(),
            Test::Answered(_) | Test::State(_) | Test::Contains(_) => Vec::new(),
        }
    }
}

/// What a condition can ask about while it is evaluated.
pub trait Facts {
    /// The question with this id, if the questionnaire has it.
    fn question(&self, id: &str) -> Option<&Question>;
    /// The answer to this question as far as conditions see it: `None` when the
    /// question is hidden or has no entry.
    fn answer(&self, id: &str) -> Option<&Answer>;
    /// A calculated figure with this id: `None` when there is none, `Some(None)` while it
    /// is not known yet.
    fn figure(&self, _id: &str) -> Option<Option<rust_decimal::Decimal>> {
        None
    }
}

impl Condition {
    /// Whether the condition holds.
    pub fn holds(&self, facts: &dyn Facts) -> bool {
        match self {
            Condition::All(parts) => parts.iter().all(|c| c.holds(facts)),
            Condition::Any(parts) => parts.iter().any(|c| c.holds(facts)),
            Condition::Not(part) => !part.holds(facts),
            Condition::Test { question, test } => match facts.question(question) {
                None => match facts.figure(question) {
                    Some(figure) => super::compute::placeholder::figure_test(figure, test),
                    None => false,
                },
                found => test_holds(found, facts.answer(question), test),
            },
        }
    }

    /// Every question id the condition reads, in order, with repeats.
    pub fn questions(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_questions(&mut ids);
        ids
    }

    fn collect_questions<'a>(&'a self, ids: &mut Vec<&'a str>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|c| c.collect_questions(ids))
            }
            Condition::Not(part) => part.collect_questions(ids),
            Condition::Test { question, .. } => ids.push(question),
        }
    }

    /// Every test in the condition with the question it is on.
    pub fn tests(&self) -> Vec<(&str, &Test)> {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().flat_map(|c| c.tests()).collect()
            }
            Condition::Not(part) => part.tests(),
            Condition::Test { question, test } => vec![(question.as_str(), test)],
        }
    }
}

fn test_holds(question: Option<&Question>, answer: Option<&Answer>, test: &Test) -> bool {
    let state = answer.map_or(AnswerState::Unanswered, |a| a.state);
    match test {
        Test::Answered(wanted) => (state == AnswerState::Answered) == *wanted,
        Test::State(wanted) => state == *wanted,
        _ => {
            let (Some(question), Some(given)) = (question, answer.and_then(Answer::given_value))
            else {
                return false;
            };
            compare(question, given, test)
        }
    }
}

fn compare(question: &Question, given: &Value, test: &Test) -> bool {
    use std::cmp::Ordering;
    let ordering = |wanted: &Value| order(question, given, wanted);
    match test {
        Test::Eq(wanted) => same(given, wanted),
        Test::Ne(wanted) => !same(given, wanted),
        Test::In(wanted) => wanted.iter().any(|w| same(given, w)),
        Test::NotIn(wanted) => !wanted.iter().any(|w| same(given, w)),
        Test::Gt(wanted) => ordering(wanted) == Some(Ordering::Greater),
        Test::Gte(wanted) => matches!(ordering(wanted), Some(Ordering::Greater | Ordering::Equal)),
        Test::Lt(wanted) => ordering(wanted) == Some(Ordering::Less),
        Test::Lte(wanted) => matches!(ordering(wanted), Some(Ordering::Less | Ordering::Equal)),
        Test::Contains(option) => given
            .as_list()
            .is_some_and(|l| l.iter().any(|v| v == option)),
        Test::Answered(_) | Test::State(_) => false,
    }
}

fn same(given: &Value, wanted: &Value) -> bool {
    match (given, wanted) {
        (Value::Number(a), Value::Number(b)) => a == b,
        (Value::Text(a), Value::Text(b)) => a == b,
        (Value::List(a), Value::List(b)) => a.len() == b.len() && a.iter().all(|v| b.contains(v)),
        _ => false,
    }
}

/// How an answer compares with a value: numbers by size, scale options by position,
/// dates (`YYYY-MM-DD`) by calendar order.
fn order(question: &Question, given: &Value, wanted: &Value) -> Option<std::cmp::Ordering> {
    match (question.kind, given, wanted) {
        (_, Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
        (QuestionType::Scale, Value::Text(a), Value::Text(b)) => Some(
            question
                .option_position(a)?
                .cmp(&question.option_position(b)?),
        ),
        (QuestionType::Date, Value::Text(a), Value::Text(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

/// The JSON shape of a condition as written: one object, exactly one operator in it.
#[derive(Debug, Clone, Default, Serialize)]
struct RawCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not: Option<Box<Condition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eq: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ne: Option<Value>,
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    in_: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_in: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gt: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gte: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lt: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lte: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<AnswerState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contains: Option<Text>,
}

impl From<Condition> for RawCondition {
    fn from(condition: Condition) -> Self {
        let mut raw = RawCondition::default();
        match condition {
            Condition::All(parts) => raw.all = Some(parts),
            Condition::Any(parts) => raw.any = Some(parts),
            Condition::Not(part) => raw.not = Some(part),
            Condition::Test { question, test } => {
                raw.question = Some(question);
                match test {
                    Test::Eq(v) => raw.eq = Some(v),
                    Test::Ne(v) => raw.ne = Some(v),
                    Test::In(v) => raw.in_ = Some(v),
                    Test::NotIn(v) => raw.not_in = Some(v),
                    Test::Gt(v) => raw.gt = Some(v),
                    Test::Gte(v) => raw.gte = Some(v),
                    Test::Lt(v) => raw.lt = Some(v),
                    Test::Lte(v) => raw.lte = Some(v),
                    Test::Answered(v) => raw.answered = Some(v),
                    Test::State(v) => raw.state = Some(v),
                    Test::Contains(v) => raw.contains = Some(v),
                }
            }
        }
        raw
    }
}
