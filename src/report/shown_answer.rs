//! An answer as a report shows it: the state scoring counts, the value as the plan
//! stores it, and the words people read. Every format shows the words (the type reads
//! as a `str`); the JSON carries all three, and `null` where no answer was given.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::answer::{AnswerState, Value};

/// What a report says where nothing is answered yet.
pub const NOT_ANSWERED: &str = "not answered yet";

/// An answer in a report. In JSON: `null` while not answered, else
/// `{ "state", "value", "label" }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownAnswer {
    /// The state as scoring counts it (an answer that no longer fits is unanswered).
    pub state: AnswerState,
    /// The value as stored: the option value (or values), the number, the date or the
    /// text; `None` for "I don't know yet", "not applicable" and no answer.
    pub value: Option<Value>,
    /// The answer in words: option labels, numbers with their unit, "I don't know yet",
    /// "Not applicable", or what to say while it is not answered.
    words: String,
}

impl ShownAnswer {
    /// An answer with its words.
    pub fn new(state: AnswerState, value: Option<Value>, words: String) -> ShownAnswer {
        ShownAnswer {
            state,
            value: value.filter(|_| state == AnswerState::Answered),
            words,
        }
    }

    /// The answer in words.
    pub fn words(&self) -> &str {
        &self.words
    }

    /// Whether the question has an answer of any kind: a value, "I don't know yet" or
    /// "not applicable" (the one meaning of answered, as in the wizard's progress and
    /// every report's counts).
    pub fn is_answered(&self) -> bool {
        self.state != AnswerState::Unanswered
    }
}

impl Deref for ShownAnswer {
    type Target = str;

    fn deref(&self) -> &str {
        &self.words
    }
}

impl fmt::Display for ShownAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words)
    }
}

impl PartialEq<&str> for ShownAnswer {
    fn eq(&self, other: &&str) -> bool {
        self.words == *other
    }
}

/// The JSON form of an answer that was given.
#[derive(Serialize, Deserialize)]
struct Given {
    state: AnswerState,
    value: Option<Value>,
    label: String,
}

impl Serialize for ShownAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_answered() {
            Some(Given {
                state: self.state,
                value: self.value.clone(),
                label: self.words.clone(),
            })
            .serialize(serializer)
        } else {
            None::<Given>.serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for ShownAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<Given>::deserialize(deserializer)? {
            Some(given) => ShownAnswer::new(given.state, given.value, given.label),
            None => ShownAnswer::new(AnswerState::Unanswered, None, NOT_ANSWERED.to_string()),
        })
    }
}
