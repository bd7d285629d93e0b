//! The words of the summary page: its headings, the top actions' columns and cells, and
//! the counts' lines. Plain text, as in the rest of `rows`.

use super::{Column, Part};
use crate::report::text::{counted, owner_label, person_or_unassigned};
use crate::report::{SummaryCounts, TopAction};

/// The heading of the summary page.
pub(in crate::report) const SUMMARY: &str = "Summary";

/// The summary's list of what to do next.
pub(in crate::report) const TOP_ACTIONS: Part = Part {
    heading: "Top actions",
    empty: "Nothing to do next: no open action, and no gap with a recommendation.",
};

/// What the top actions are, said before their table.
pub(in crate::report) const TOP_ACTIONS_ABOUT: &str = "Accepted actions first, soonest due; then, suggested, a recommendation for each of the highest-priority gaps not in the action plan yet.";

/// The status of a top action that is a recommendation not in the action plan yet.
const SUGGESTED: &str = "suggested";

/// The heading of the summary's budget figures.
pub(in crate::report) const BUDGET: &str = "Budget";

/// The heading of the summary's counts.
pub(in crate::report) const COUNTS: &str = "In numbers";

/// The columns of the top actions.
pub(in crate::report) const TOP_ACTION_COLUMNS: [Column; 5] = [
    Column::figures("#"),
    Column::words("Action"),
    Column::words("Owner"),
    Column::date("Due"),
    Column::words("Status"),
];

/// A top action's row, numbered from 1: an accepted one with its person and status, a
/// recommendation not accepted yet with its you, provider or shared.
pub(in crate::report) fn top_action_cells(number: usize, action: &TopAction) -> [String; 5] {
    let owner = match (&action.owner, action.accepted) {
        (Some(person), _) => person.clone(),
        (None, true) => person_or_unassigned(None).to_string(),
        (None, false) => action
            .party
            .map(owner_label)
            .unwrap_or_default()
            .to_string(),
    };
    [
        number.to_string(),
        action.text.clone(),
        owner,
        action
            .due
            .map_or_else(|| "no date".to_string(), |d| d.to_string()),
        action
            .status
            .map_or(SUGGESTED, |status| status.label())
            .to_string(),
    ]
}

/// The summary's counts, a line each: the answers, the gaps and blockers, the action
/// plan, and what to ask or discuss.
pub(in crate::report) fn count_lines(counts: &SummaryCounts) -> [String; 4] {
    [
        counts.answers.summary(),
        format!(
            "{}, {}",
            counted(counts.gaps, "gap", "gaps"),
            counted(counts.blockers, "blocker", "blockers")
        ),
        format!(
            "{} in the action plan, {} done",
            counted(counts.actions, "action", "actions"),
            counts.actions_done
        ),
        format!(
            "{} for providers, {} to discuss later",
            counted(counts.provider_questions, "question", "questions"),
            counts.discuss_later
        ),
    ]
}
