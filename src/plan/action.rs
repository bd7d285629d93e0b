//! Actions: recommendations the user has accepted into the plan, each with an owner (a
//! person's name), a due date and a status. Done actions stay in the plan.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl ActionStatus {
    /// The status after this one, for cycling through them.
    pub fn next(self) -> ActionStatus {
        match self {
            ActionStatus::Open => ActionStatus::InProgress,
            ActionStatus::InProgress => ActionStatus::Done,
            ActionStatus::Done => ActionStatus::Open,
        }
    }

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
        }
    }
}

/// A recommendation accepted into the action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The recommendation's id in the questionnaire.
    pub recommendation: String,
    /// The question the recommendation belongs to.
    pub question: String,
    /// Who will do it: a person's name (empty until someone is named).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due (by default the plan's date plus the recommendation's days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: ActionStatus,
    /// When it was accepted into the plan.
    pub accepted: Timestamp,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
