//! The plan's small history: at the end of each session that changed the plan, the day,
//! the verdict (score and level), the counts, and which actions were done and which
//! questions disputed, so a later session can say what changed since. One entry a day
//! at most: a second session on the same day replaces that day's entry.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How the plan stood at the end of one day's last session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The day of the session, in the user's time zone.
    pub date: Date,
    /// When the session ended.
    pub at: Timestamp,
    /// Overall readiness, 0 to 1; `None` while nothing that counts was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The level's id; `None` without levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The level's label as it read then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_label: Option<String>,
    #[serde(default)]
    pub counts: HistoryCounts,
    /// The recommendation ids of the actions done by then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done_actions: Vec<String>,
    /// The questions disputed then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputed: Vec<String>,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The counts of a history entry, over the questions shown then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HistoryCounts {
    pub shown: usize,
    pub answered: usize,
    pub unsure: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    pub disputed: usize,
    pub actions: usize,
    pub actions_done: usize,
}

/// Adds an entry, replacing the one of the same day (one entry a day at most), and
/// keeps the history in date order.
pub fn record(history: &mut Vec<HistoryEntry>, entry: HistoryEntry) {
    history.retain(|kept| kept.date != entry.date);
    let at = history.partition_point(|kept| kept.date < entry.date);
    history.insert(at, entry);
}

/// The last entry of a day before `day`: how the plan stood when the last session
/// before that day ended.
pub fn before(history: &[HistoryEntry], day: Date) -> Option<&HistoryEntry> {
    history.iter().rev().find(|entry| entry.date < day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn entry(day: Date, score: f64) -> HistoryEntry {
        HistoryEntry {
            date: day,
            at: day.at(17, 0, 0, 0).in_tz("UTC").unwrap().timestamp(),
            score: Some(score),
            level: None,
            level_label: None,
            counts: HistoryCounts::default(),
            done_actions: Vec::new(),
            disputed: Vec::new(),
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn one_entry_a_day_in_date_order() {
        let mut history = Vec::new();
        record(&mut history, entry(date(2027, 1, 10), 0.4));
        record(&mut history, entry(date(2027, 1, 3), 0.2));
        record(&mut history, entry(date(2027, 1, 10), 0.5));
        let days: Vec<(Date, Option<f64>)> = history.iter().map(|e| (e.date, e.score)).collect();
        assert_eq!(
            days,
            vec![
                (date(2027, 1, 3), Some(0.2)),
                (date(2027, 1, 10), Some(0.5))
            ]
        );
        assert_eq!(
            before(&history, date(2027, 1, 10)).unwrap().score,
            Some(0.2)
        );
        assert_eq!(
            before(&history, date(2027, 1, 11)).unwrap().score,
            Some(0.5)
        );
        assert!(before(&history, date(2027, 1, 3)).is_none());
    }
}
