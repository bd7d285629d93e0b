//! Moved answers: the format's `moved` list, and the pure function that carries a plan's
//! answers from questions of an earlier version to the questions that now ask them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
