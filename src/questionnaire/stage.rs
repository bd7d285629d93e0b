//! The stage of the owner's decision (exploring, comparing offers, a draft contract, about
//! to sign): the format's `stage` field, and what the answer to its question does to the
//! verdict (a cap and a note).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::condition::Facts;
use super::serde_helpers::optional;

/// The stage question and what each of its answers does to the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// The id of a `single` question.
    pub question: String,
    /// By option value of that question: the cap and the note that stage brings.
    pub by_value: BTreeMap<String, StageValue>,
}

/// What one stage does to the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageValue {
    /// The id of the highest level the verdict may reach at this stage.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub caps_at: Option<String>,
    /// A sentence the verdict shows after the level's text at this stage.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Stage {
    /// The stage the answers are at: the stage question's answered value and what it
    /// brings, `None` while it is unanswered, hidden, or answered with a value the stage
    /// does not list.
    pub fn current<'s>(&'s self, facts: &dyn Facts) -> Option<(&'s str, &'s StageValue)> {
        let value = facts.answer(&self.question)?.given_value()?.as_text()?;
        self.by_value
            .get_key_value(value)
            .map(|(value, stage)| (value.as_str(), stage))
    }
}
