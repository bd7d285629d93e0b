//! A plan: one business's answers to one questionnaire, with notes, flags and where the
//! user stands. Its file format lives here; storage (atomic saves, listing) in `store`,
//! reading and older formats in `read` and `migrate`, backups, the lock that keeps a
//! second outready from writing, and what a changed questionnaire means in `change`.

pub mod action;
pub mod agenda;
pub mod backup;
pub mod change;
pub mod conflict;
pub mod error;
pub mod file;
pub(crate) mod fs;
pub mod history;
pub mod inputs;
pub mod lock;
pub mod merge;
pub mod migrate;
pub mod name;
pub mod positions;
pub mod read;
pub mod store;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Answers};
use crate::questionnaire::Loaded;

pub use action::{Action, ActionStatus};
pub use agenda::Agenda;
pub use backup::BackupPolicy;
pub use change::QuestionnaireChange;
pub use file::PlanFile;
pub use history::{HistoryCounts, HistoryEntry};
pub use lock::{Acquired, LockOwner, PlanLock};
pub use name::PlanName;
pub use positions::{Agreement, Participant, Positions, QuestionPositions, Stance, Stand};
pub use store::{PlanEntry, PlanError, PlanStore};

/// The plan file format version this build reads and writes (see `migrate` for each).
pub const PLAN_FORMAT_VERSION: u32 = 4;

/// Which questionnaire a plan answers, as it was when the plan last saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    /// `sha256:` and the digest of the questionnaire's text, to notice a changed one.
    pub hash: String,
    /// Its question ids, so questions added later can be marked new (format 2 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
}

/// Where the user stands in the wizard, so a later run resumes there.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    /// The question on screen, by id (ids are stable across questionnaire versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// One business's answers to one questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub format_version: u32,
    pub name: String,
    pub questionnaire: QuestionnaireRef,
    pub created: Timestamp,
    pub updated: Timestamp,
    #[serde(default)]
    pub position: Position,
    /// Answers by question id, including ids the questionnaire no longer has.
    #[serde(default)]
    pub answers: Answers,
    /// Recommendations accepted into the action plan, in the order they were accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The team the plan is worked out with (format 3 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// Each participant's position per question, and the agreements (format 3 on).
    #[serde(default, skip_serializing_if = "Positions::is_empty")]
    pub positions: Positions,
    /// How the plan stood at the end of each day's last session, oldest first (format 3
    /// on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// The ISO 4217 code amounts are counted in (`EUR`); none until the first amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The workshop's agenda: the time planned per section and the time used (format 4
    /// on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<Agenda>,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Plan {
    /// A new, empty plan for a questionnaire.
    pub fn new(name: &PlanName, questionnaire: &Loaded, now: Timestamp) -> Plan {
        Plan {
            format_version: PLAN_FORMAT_VERSION,
            name: name.as_str().to_string(),
            questionnaire: QuestionnaireRef {
                id: questionnaire.questionnaire.id.to_string(),
                version: questionnaire.questionnaire.version.to_string(),
                hash: questionnaire.hash.clone(),
                questions: questionnaire
                    .questionnaire
                    .questions()
                    .map(|(_, q)| q.id.to_string())
                    .collect(),
            },
            created: now,
            updated: now,
            position: Position::default(),
            answers: Answers::new(),
            actions: Vec::new(),
            participants: Vec::new(),
            positions: Positions::new(),
            history: Vec::new(),
            currency: None,
            agenda: None,
            extra: serde_json::Map::new(),
        }
    }

    /// Replaces the answer to a question, stamping when it changed.
    pub fn set_answer(&mut self, question: &str, mut answer: Answer, now: Timestamp) {
        answer.changed = Some(now);
        self.answers.insert(question.to_string(), answer);
        self.updated = now;
    }

    /// The answer to a question, if it has an entry.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }
}
