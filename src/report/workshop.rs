//! The facilitated workshop in a report: "Where the team disagreed" (each disputed or
//! once-disputed question with every position, the agreed answer and the note), "Since
//! last time" (in `since`), and the word that a verdict from the quick scan alone is
//! provisional. The data is built here and in `since`; the words every format shares
//! are here too, and each format lays them out in its own file beside this one.

pub mod agenda;
pub mod csv;
pub mod html;
pub mod markdown;
pub mod since;
#[cfg(test)]
mod tests;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::Report;
use super::text::stored_answer_text;
use crate::plan::{Agreement, Plan};
use crate::questionnaire::{Questionnaire, Visibility};
use crate::wizard::ScanProgress;
use crate::wizard::positions::position_texts;

pub use since::{Since, SinceLastTime};

/// The heading of the disagreements.
pub const DISAGREED: &str = "Where the team disagreed";

/// The heading of what changed since the last session.
pub const SINCE: &str = "Since last time";

/// A question on which the team's positions differed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub question_id: String,
    /// The section's title (empty when the questionnaire no longer has the question).
    pub section: String,
    /// The question's text (its id, when the questionnaire no longer has it).
    pub question: String,
    /// Each position, in the team's order.
    pub positions: Vec<PositionItem>,
    /// Whether the facilitator set the agreed answer after the last change of a position.
    pub agreed: bool,
    /// The day the agreed answer was set (it may be before a change that reopened it).
    pub agreed_on: Option<Date>,
    /// The plan's answer in words: the agreed answer once agreed.
    pub answer: String,
    pub note: Option<String>,
}

/// One participant's position in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionItem {
    /// "Ann (owner)": the name, with the role when there is one.
    pub participant: String,
    /// "Yes", "don't know", "abstains".
    pub position: String,
}

impl Disagreement {
    /// "agreed on 2026-11-02" or "still disputed".
    pub fn status(&self) -> String {
        match (self.agreed, self.agreed_on) {
            (true, Some(day)) => format!("agreed on {day}"),
            _ => "still disputed".to_string(),
        }
    }

    /// The positions as one line: "Ann (owner): Yes · Ben (office): No".
    pub fn positions_line(&self) -> String {
        let parts: Vec<String> = self
            .positions
            .iter()
            .map(|p| format!("{}: {}", p.participant, p.position))
            .collect();
        parts.join(" · ")
    }
}

/// The questions whose positions differ, in questionnaire order (then any the
/// questionnaire no longer has). The answers in words come from the checklist the
/// report already holds.
pub fn disagreements(
    questionnaire: &Questionnaire,
    plan: &Plan,
    report: &Report,
    zone: &TimeZone,
) -> Vec<Disagreement> {
    let role = |name: &str| {
        plan.participants
            .iter()
            .find(|p| p.name == name)
            .map_or_else(|| name.to_string(), |p| p.describe())
    };
    let mut found: Vec<(Option<(usize, usize)>, Disagreement)> = plan
        .positions
        .iter()
        .filter(|(_, positions)| positions.differ())
        .map(|(id, positions)| {
            let place = questionnaire.locate(id);
            let question = questionnaire.question(id);
            let item = report.checklist.iter().find_map(|s| {
                s.items
                    .iter()
                    .find(|i| &i.question_id == id)
                    .map(|i| (s, i))
            });
            let stored = || {
                plan.answer(id)
                    .map_or_else(|| "not answered yet".to_string(), stored_answer_text)
            };
            let positions_in_words = match question {
                Some(question) => position_texts(plan, question)
                    .into_iter()
                    .map(|(name, position)| PositionItem {
                        participant: role(&name),
                        position,
                    })
                    .collect(),
                None => Vec::new(),
            };
            let disagreement = Disagreement {
                question_id: id.clone(),
                section: place
                    .and_then(|(s, _)| questionnaire.sections.get(s))
                    .map(|s| s.title.to_string())
                    .unwrap_or_default(),
                question: question.map_or_else(|| id.clone(), |q| q.text.to_string()),
                positions: positions_in_words,
                agreed: positions.agreement() == Agreement::Agreed,
                agreed_on: positions.agreed.map(|t| t.to_zoned(zone.clone()).date()),
                answer: item.map_or_else(stored, |(_, i)| i.answer.words().to_string()),
                note: plan
                    .answer(id)
                    .and_then(|a| a.note.clone())
                    .filter(|n| !n.trim().is_empty()),
            };
            (place, disagreement)
        })
        .collect();
    found.sort_by_key(|(place, _)| place.map_or((usize::MAX, usize::MAX), |p| p));
    found.into_iter().map(|(_, d)| d).collect()
}

/// Whether the verdict is provisional: the quick scan is answered and the rest is not.
pub fn provisional(
    questionnaire: &Questionnaire,
    plan: &Plan,
    visibility: &Visibility,
) -> Option<Provisional> {
    let progress = ScanProgress::with_visibility(questionnaire, &plan.answers, visibility);
    progress.provisional().then_some(Provisional {
        left: progress.rest_shown - progress.rest_answered,
    })
}

/// A provisional verdict: how many questions outside the quick scan are left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provisional {
    pub left: usize,
}

impl Provisional {
    /// What every format says of it.
    pub fn sentence(&self) -> String {
        let questions = if self.left == 1 {
            "question is"
        } else {
            "questions are"
        };
        format!(
            "Provisional verdict: it comes from the quick scan, and {} more {questions} not answered yet.",
            self.left
        )
    }
}

/// Fills the workshop's parts of a report just built: the disagreements, whether the
/// verdict is provisional, and what changed since the last session.
pub(super) fn complete(
    report: &mut Report,
    questionnaire: &Questionnaire,
    plan: &Plan,
    zone: &TimeZone,
    visibility: &Visibility,
) {
    report.disagreements = disagreements(questionnaire, plan, report, zone);
    report.verdict.provisional = provisional(questionnaire, plan, visibility);
    report.since_last_time = since::compute(questionnaire, plan, report, zone, Since::LastSession);
}

impl Report {
    /// What changed since a day of the user's choosing (`--since`), in place of since
    /// the last session.
    pub fn set_since(
        &mut self,
        questionnaire: &Questionnaire,
        plan: &Plan,
        zone: &TimeZone,
        since: Since,
    ) {
        self.since_last_time = since::compute(questionnaire, plan, self, zone, since);
    }
}
