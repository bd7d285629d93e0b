//! The team in a plan: its participants (a name and a role each) and, per question, each
//! participant's position (their answer, "don't know" or "abstain") and when the
//! facilitator set the agreed answer. Data and the pure reading of it (is a question
//! disputed, agreed, or neither); recording positions lives in `wizard::positions`.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::answer::Value;

/// One person of the team the plan is worked out with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// How the facilitator calls them; unique in the plan (compared without case).
    pub name: String,
    /// What they do (owner, office, books); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Participant {
    /// A participant with a name and a role.
    pub fn new(name: &str, role: &str) -> Participant {
        Participant {
            name: name.trim().to_string(),
            role: role.trim().to_string(),
            extra: serde_json::Map::new(),
        }
    }

    /// "Ann (owner)", or the name alone without a role.
    pub fn describe(&self) -> String {
        if self.role.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.role)
        }
    }
}

/// What a participant holds on a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// An answer of their own, in the `value`.
    Answered,
    /// "Don't know".
    DontKnow,
    /// Takes no position: left out when positions are compared.
    Abstain,
}

/// One participant's position on one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stand {
    pub stance: Stance,
    /// Their answer, when the stance is `answered`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// When it was recorded or last changed.
    pub changed: Timestamp,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Stand {
    /// A position recorded at `now`.
    pub fn new(stance: Stance, value: Option<Value>, now: Timestamp) -> Stand {
        let value = if stance == Stance::Answered {
            value
        } else {
            None
        };
        Stand {
            stance,
            value,
            changed: now,
            extra: serde_json::Map::new(),
        }
    }

    /// Whether two positions say the same (when they were given aside).
    pub fn same_as(&self, other: &Stand) -> bool {
        self.stance == other.stance && self.value == other.value
    }
}

/// The positions on one question, and the agreement on it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuestionPositions {
    /// Each participant's position, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by: BTreeMap<String, Stand>,
    /// When the facilitator set the agreed answer (the plan's answer to the question).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<Timestamp>,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Where a question stands between the team's positions and the agreed answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// No two positions differ, and nothing was agreed.
    Open,
    /// Positions differ and no agreed answer was set since the last change of one.
    Disputed,
    /// The agreed answer was set after the last change of a position.
    Agreed,
}

impl QuestionPositions {
    /// Whether the positions given (abstentions left out) are not all the same.
    pub fn differ(&self) -> bool {
        let mut given = self.by.values().filter(|s| s.stance != Stance::Abstain);
        match given.next() {
            Some(first) => given.any(|other| !other.same_as(first)),
            None => false,
        }
    }

    /// The last time a position changed.
    pub fn last_change(&self) -> Option<Timestamp> {
        self.by.values().map(|s| s.changed).max()
    }

    /// Where the question stands: a change of a position after the agreement reopens
    /// the dispute.
    pub fn agreement(&self) -> Agreement {
        let reopened = match (self.agreed, self.last_change()) {
            (Some(agreed), Some(changed)) => changed > agreed,
            _ => false,
        };
        match self.agreed {
            Some(_) if !reopened => Agreement::Agreed,
            _ if self.differ() => Agreement::Disputed,
            _ => Agreement::Open,
        }
    }
}

/// Every question's positions, by question id (ids the questionnaire no longer has stay).
pub type Positions = BTreeMap<String, QuestionPositions>;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + seconds).unwrap()
    }

    fn yes(t: i64) -> Stand {
        Stand::new(Stance::Answered, Some(Value::Text("yes".into())), at(t))
    }

    fn no(t: i64) -> Stand {
        Stand::new(Stance::Answered, Some(Value::Text("no".into())), at(t))
    }

    fn positions(stands: &[(&str, Stand)], agreed: Option<i64>) -> QuestionPositions {
        QuestionPositions {
            by: stands
                .iter()
                .map(|(n, s)| (n.to_string(), s.clone()))
                .collect(),
            agreed: agreed.map(at),
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn disputes_open_settle_and_reopen() {
        let dont_know = Stand::new(Stance::DontKnow, None, at(1));
        let abstain = Stand::new(Stance::Abstain, None, at(1));
        let cases: Vec<(&str, QuestionPositions, Agreement)> = vec![
            ("nobody", positions(&[], None), Agreement::Open),
            ("one", positions(&[("Ann", yes(1))], None), Agreement::Open),
            (
                "same",
                positions(&[("Ann", yes(1)), ("Ben", yes(2))], None),
                Agreement::Open,
            ),
            (
                "differ",
                positions(&[("Ann", yes(1)), ("Ben", no(2))], None),
                Agreement::Disputed,
            ),
            (
                "don't know differs from an answer",
                positions(&[("Ann", yes(1)), ("Cara", dont_know.clone())], None),
                Agreement::Disputed,
            ),
            (
                "an abstention is left out",
                positions(&[("Ann", yes(1)), ("Cara", abstain.clone())], None),
                Agreement::Open,
            ),
            (
                "agreed after the last change",
                positions(&[("Ann", yes(1)), ("Ben", no(2))], Some(3)),
                Agreement::Agreed,
            ),
            (
                "a later change reopens",
                positions(&[("Ann", yes(1)), ("Ben", no(4))], Some(3)),
                Agreement::Disputed,
            ),
            (
                "a later change that ends the difference leaves it open",
                positions(&[("Ann", yes(1)), ("Ben", yes(4))], Some(3)),
                Agreement::Open,
            ),
            (
                "agreed on a unanimous question",
                positions(&[("Ann", yes(1)), ("Ben", yes(2))], Some(3)),
                Agreement::Agreed,
            ),
        ];
        for (name, positions, wanted) in cases {
            assert_eq!(positions.agreement(), wanted, "{name}");
        }
    }

    #[test]
    fn positions_round_trip_and_keep_unknown_fields() {
        let text = r#"{"by":{"Ann":{"stance":"answered","value":"yes","changed":"2027-01-15T08:00:00Z","mood":"firm"},"Ben":{"stance":"dont_know","changed":"2027-01-15T08:01:00Z"}},"agreed":"2027-01-15T08:02:00Z","later":1}"#;
        let read: QuestionPositions = serde_json::from_str(text).unwrap();
        assert_eq!(read.by["Ann"].extra["mood"], "firm");
        assert_eq!(read.by["Ben"].stance, Stance::DontKnow);
        assert_eq!(read.extra["later"], 1);
        let back: serde_json::Value = serde_json::to_value(&read).unwrap();
        let original: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, original);
    }
}
