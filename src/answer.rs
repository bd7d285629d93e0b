//! One answer to one question: its state, value, note and "discuss later" flag.
//!
//! This is the vocabulary shared by the questionnaire (conditions read answers) and the
//! plan (which stores them). No I/O, no terminal.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Every answer in a plan, keyed by question id. Ids the questionnaire no longer has stay.
pub type Answers = BTreeMap<String, Answer>;

/// Where a question stands. "Unsure" and "not applicable" are answers in their own right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerState {
    /// Nothing chosen yet (a note or a flag may still be there).
    #[default]
    Unanswered,
    /// A value was given.
    Answered,
    /// "I don't know yet": scores 0 and becomes a question to find out.
    Unsure,
    /// "Not applicable": left out of the score on both sides.
    #[serde(rename = "na")]
    NotApplicable,
}

impl AnswerState {
    /// The name used in files and conditions.
    pub fn name(self) -> &'static str {
        match self {
            AnswerState::Unanswered => "unanswered",
            AnswerState::Answered => "answered",
            AnswerState::Unsure => "unsure",
            AnswerState::NotApplicable => "na",
        }
    }
}

/// The value of an answer, in the shape its question type asks for: an option value
/// (yes/no, single, scale), a list of option values (multi), a number (number, money,
/// percent) or text (date as `YYYY-MM-DD`, text, long text).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A number, for number, money and percent questions.
    Number(f64),
    /// An option value, a date or free text.
    Text(String),
    /// The chosen option values of a multi question.
    List(Vec<String>),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// Reads a value with a message an author can act on when it is of another kind.
struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number, a text in quotes, or a list of texts")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<String>()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
}

impl Value {
    /// The value as text, when it is text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The value as a number, when it is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// The value as a list of option values, when it is one.
    pub fn as_list(&self) -> Option<&[String]> {
        match self {
            Value::List(list) => Some(list),
            _ => None,
        }
    }

    /// A short name for the kind of value, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Number(_) => "a number",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
        }
    }
}

/// One question's entry in a plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub state: AnswerState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Flagged to discuss later (in a facilitated session).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub discuss: bool,
    /// When the answer, note or flag last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<Timestamp>,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Answer {
    /// An answer with a value.
    pub fn answered(value: Value) -> Self {
        Answer {
            state: AnswerState::Answered,
            value: Some(value),
            ..Answer::default()
        }
    }

    /// An answer in a state that carries no value (unsure, not applicable).
    pub fn in_state(state: AnswerState) -> Self {
        Answer {
            state,
            ..Answer::default()
        }
    }

    /// The value, but only when the question counts as answered.
    pub fn given_value(&self) -> Option<&Value> {
        match self.state {
            AnswerState::Answered => self.value.as_ref(),
            _ => None,
        }
    }
}
