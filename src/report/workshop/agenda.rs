//! The agenda in a report: each section with time planned or used, the minutes planned
//! against the minutes used, and the words every format shares for them.

use serde::{Deserialize, Serialize};

use crate::plan::Plan;
use crate::plan::agenda::Standing;
use crate::questionnaire::{Questionnaire, Visibility};

/// The heading of the agenda's part.
pub const AGENDA: &str = "Agenda: time planned and used";

/// One section's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub section_id: String,
    pub section: String,
    /// Minutes planned; `None` when none were.
    pub planned_minutes: Option<u32>,
    /// Whole minutes used so far.
    pub used_minutes: u64,
}

impl AgendaItem {
    /// The minutes planned in words: `10 min`, or `none planned`.
    pub fn planned(&self) -> String {
        self.planned_minutes
            .map_or("none planned".to_string(), |m| format!("{m} min"))
    }

    /// The minutes used in words, with how far over: `12 min (2 min over)`.
    pub fn used(&self) -> String {
        let used = format!("{} min", self.used_minutes);
        match self
            .planned_minutes
            .map(|m| Standing::of(m, self.used_minutes * 60))
        {
            Some(Standing::Over(over)) => format!("{used} ({over} min over)"),
            _ => used,
        }
    }
}

/// Each section with time planned or a minute used, in questionnaire order; none
/// without an agenda.
pub fn items(
    questionnaire: &Questionnaire,
    plan: &Plan,
    visibility: &Visibility,
) -> Vec<AgendaItem> {
    let Some(agenda) = &plan.agenda else {
        return Vec::new();
    };
    let loads = crate::wizard::agenda::loads(questionnaire, visibility);
    questionnaire
        .sections
        .iter()
        .zip(agenda.planned(&loads))
        .map(|(section, planned)| AgendaItem {
            section_id: section.id.to_string(),
            section: section.title.to_string(),
            planned_minutes: planned,
            used_minutes: agenda.used(&section.id) / 60,
        })
        .filter(|item| item.planned_minutes.is_some() || item.used_minutes > 0)
        .collect()
}
