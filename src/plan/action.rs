//! Actions: recommendations the user has accepted into the plan, things to find out about
//! answers not known yet, and actions the owner wrote themselves; each with an owner (a
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

/// One action of the action plan: a recommendation accepted into it (`recommendation`
/// set), a question to find the answer to (`find_out`), or the owner's own action (both
/// empty, its words in `text`). The fields added for the last two are optional, so plans
/// written before them load unchanged and older builds keep them as unknown fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The recommendation's id in the questionnaire; empty for a find-out item or an
    /// action of the owner's own.
    pub recommendation: String,
    /// The question the action is about; empty for an action of the owner's own.
    pub question: String,
    /// The action's words when the owner wrote or changed them (else the
    /// recommendation's, or the question's for a find-out item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A question answered "I don't know yet", to find out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub find_out: bool,
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

impl Action {
    /// An action that is no recommendation and no find-out item: the owner's own.
    pub fn is_own(&self) -> bool {
        self.recommendation.is_empty() && !self.find_out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_saved_before_the_optional_fields_loads_unchanged_and_writes_back_the_same() {
        let old = r#"{"recommendation":"write-problem","question":"problem","owner":"Sam","due":"2026-12-01","status":"open","accepted":"2026-11-22T10:00:00Z"}"#;
        let action: Action = serde_json::from_str(old).unwrap();
        assert_eq!((action.text.as_deref(), action.find_out), (None, false));
        assert!(!action.is_own());
        assert_eq!(serde_json::to_string(&action).unwrap(), old);
    }

    #[test]
    fn own_actions_and_find_out_items_keep_their_fields() {
        let own = r#"{"recommendation":"","question":"","text":"Ask the bank about the card reader","status":"open","accepted":"2026-11-22T10:00:00Z"}"#;
        let action: Action = serde_json::from_str(own).unwrap();
        assert!(action.is_own());
        assert_eq!(serde_json::to_string(&action).unwrap(), own);
        let find = r#"{"recommendation":"","question":"dpa","find_out":true,"status":"open","accepted":"2026-11-22T10:00:00Z"}"#;
        let action: Action = serde_json::from_str(find).unwrap();
        assert!(action.find_out && !action.is_own());
        assert_eq!(serde_json::to_string(&action).unwrap(), find);
    }
}
