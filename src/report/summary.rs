//! The one-page summary every report opens with (and `outready report --detail summary`
//! gives alone): the verdict and why, what holds it down, the top ten actions, the
//! headline budget figures and the counts. Built once from the rest of the [`Report`];
//! each format lays it out in its own file.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{AnswerCounts, HoldItem, HoldKind, Report};
use crate::plan::ActionStatus;
use crate::questionnaire::Owner;

/// The summary page's data.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// The verdict's level label; `None` when the questionnaire defines no levels.
    pub level: Option<String>,
    /// Overall readiness, 0 to 1; `None` while nothing that counts is answered.
    pub score: Option<f64>,
    /// The level's text with the stage's note ([`super::Verdict::level_text`]).
    pub level_text: Option<String>,
    /// Why the verdict is what it is.
    pub why: String,
    /// What would lift it, in a sentence.
    pub lift: Option<String>,
    /// What holds the level down: every blocker, the first critical answers, the stage.
    pub holds: Vec<HoldItem>,
    /// The critical answers that hold the level down and are not listed by name.
    pub more_critical: usize,
    /// At most [`Summary::TOP_ACTIONS`]: the open accepted actions by due date, then
    /// a recommendation of each highest-priority gap not yet in the action plan.
    pub top_actions: Vec<TopAction>,
    /// The headline budget figures; empty while the report has no budget data (then the
    /// page shows no budget at all).
    pub budget: Vec<BudgetFigure>,
    pub counts: SummaryCounts,
}

/// One of the top actions: accepted into the action plan, or a gap's recommendation
/// that is not yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopAction {
    pub recommendation_id: String,
    pub question_id: String,
    pub text: String,
    /// The question it is for.
    pub question: String,
    /// In the action plan already.
    pub accepted: bool,
    /// The person who will do it; `None` until someone is named (always for a
    /// recommendation not accepted yet).
    pub owner: Option<String>,
    /// The recommendation's you, provider or shared.
    pub party: Option<Owner>,
    pub due: Option<Date>,
    /// The action's status; `None` for a recommendation not accepted yet.
    pub status: Option<ActionStatus>,
}

/// A headline budget figure, already in words ("One-off set-up", "£2,400").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetFigure {
    pub label: String,
    pub amount: String,
}

/// The counts the summary ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SummaryCounts {
    pub answers: AnswerCounts,
    pub gaps: usize,
    pub blockers: usize,
    /// Actions in the action plan, done ones included.
    pub actions: usize,
    pub actions_done: usize,
    pub provider_questions: usize,
    pub discuss_later: usize,
}

impl Summary {
    /// How many actions the summary lists.
    pub const TOP_ACTIONS: usize = 10;

    /// The summary of a report whose other parts are built (the summary in it is
    /// ignored).
    pub fn of(report: &Report) -> Summary {
        let verdict = &report.verdict;
        let (listed, more_critical) = verdict.listed_holds();
        Summary {
            level: verdict.level.as_ref().map(|level| level.label.clone()),
            score: verdict.score,
            level_text: verdict.level_text(),
            why: verdict.why.clone(),
            lift: verdict.lift.as_ref().map(|lift| lift.sentence.clone()),
            holds: listed.into_iter().cloned().collect(),
            more_critical,
            top_actions: top_actions(report),
            budget: headline_figures(report),
            counts: SummaryCounts {
                answers: verdict.counts,
                gaps: report.gaps.len(),
                blockers: verdict
                    .holds
                    .iter()
                    .filter(|hold| hold.reason == HoldKind::Blocker)
                    .count(),
                actions: report.actions.len(),
                actions_done: report
                    .actions
                    .iter()
                    .filter(|action| action.status == ActionStatus::Done)
                    .count(),
                provider_questions: report.provider_questions.len(),
                discuss_later: report.discuss_later.len(),
            },
        }
    }
}

/// The accepted actions not done, soonest due first (undated last, plan order kept
/// among equals); then, gap by gap in priority order, the first recommendation of each
/// gap that has none in the action plan.
fn top_actions(report: &Report) -> Vec<TopAction> {
    let mut accepted: Vec<TopAction> = report
        .actions
        .iter()
        .filter(|action| action.status != ActionStatus::Done)
        .map(|action| TopAction {
            recommendation_id: action.recommendation_id.clone(),
            question_id: action.question_id.clone(),
            text: action.text.clone(),
            question: action.question.clone(),
            accepted: true,
            owner: action.owner.clone(),
            party: action.party,
            due: action.due,
            status: Some(action.status),
        })
        .collect();
    accepted.sort_by_key(|action| (action.due.is_none(), action.due));
    let suggested = report
        .gaps
        .iter()
        .filter(|gap| gap.recommendations.iter().all(|r| !r.in_action_plan))
        .filter_map(|gap| {
            let r = gap.recommendations.first()?;
            Some(TopAction {
                recommendation_id: r.id.clone(),
                question_id: gap.question_id.clone(),
                text: r.text.clone(),
                question: gap.question.clone(),
                accepted: false,
                owner: None,
                party: Some(r.owner),
                due: Some(r.due),
                status: None,
            })
        });
    accepted
        .into_iter()
        .chain(suggested)
        .take(Summary::TOP_ACTIONS)
        .collect()
}

/// The budget's headline figures, as the summary lists them ("not known yet" for one
/// whose inputs are missing); none without a budget.
fn headline_figures(report: &Report) -> Vec<BudgetFigure> {
    report
        .budget
        .iter()
        .flat_map(|budget| &budget.figures)
        .filter(|figure| figure.headline)
        .map(|figure| BudgetFigure {
            label: figure.label.clone(),
            amount: figure.shown.clone(),
        })
        .collect()
}
