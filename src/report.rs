//! Reports: one [`Report`], built from a questionnaire and a plan, holds everything the
//! summary screens and the report files show: the verdict, the readiness checklist, the
//! gap report, the action plan, the questions to ask providers and the questions to
//! discuss later. Every file format renders this same data, so what is shown is what is
//! exported. Pure: no I/O, no terminal.
//!
//! Building lives in `build` (the verdict's sentences in `verdict`, the summary page's
//! data in [`summary`]); the words of every table and list in `rows`; each format has
//! its own file that lays them out: [`markdown`], [`html`], [`csv`], [`json`]. Markdown
//! and HTML open with the summary page ([`Detail::Summary`] gives it alone).

pub mod budget;
mod build;
pub mod compare;
pub mod csv;
pub mod export;
mod format;
pub mod html;
pub mod json;
pub mod markdown;
mod rows;
pub use rows::more_holds;
pub mod shown_answer;
pub mod summary;
pub mod text;
mod verdict;
pub mod workshop;

#[cfg(test)]
mod tests;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::answer::AnswerState;
use crate::plan::ActionStatus;
use crate::questionnaire::{Effort, Impact, Owner};

pub use format::{Detail, Format, RenderError};
pub use shown_answer::ShownAnswer;
pub use summary::{BudgetFigure, Summary, SummaryCounts, TopAction};
pub use text::{effort_label, impact_label, owner_label, percent, person_or_unassigned};

/// The report format version this build writes (the `format_version` of the JSON).
/// Version 2: answers carry their state, stored value and label (`null` while not
/// answered), and `answered` counts every kind of answer.
pub const REPORT_FORMAT_VERSION: u32 = 2;

/// Everything a report says about one plan. Build it with [`Report::build`]; render it
/// with [`Report::render`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`REPORT_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    pub plan: PlanInfo,
    pub questionnaire: QuestionnaireInfo,
    /// The one-page summary the report opens with, built from the parts below.
    pub summary: Summary,
    pub verdict: Verdict,
    /// Every shown section with a shown question, in questionnaire order.
    pub sections: Vec<SectionScore>,
    /// Every shown question as an item, met or not, grouped by section.
    pub checklist: Vec<ChecklistSection>,
    /// Blockers first, then the gaps by priority (the order scoring gives).
    pub gaps: Vec<GapItem>,
    /// The recommendations accepted into the plan, in the order they were accepted; done
    /// ones included.
    pub actions: Vec<ActionItem>,
    /// What to take to a meeting with a candidate provider.
    pub provider_questions: Vec<ProviderQuestion>,
    /// The questions flagged "discuss later", in questionnaire order.
    pub discuss_later: Vec<DiscussItem>,
    /// Answers to questions this version of the questionnaire no longer has.
    pub kept_answers: Vec<KeptAnswer>,
    /// Where the team's positions differed, in questionnaire order (only with positions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<workshop::Disagreement>,
    /// What changed since the last session (or a day asked for); only with a history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_last_time: Option<workshop::SinceLastTime>,
    /// The agenda's time per section, planned against used; only with an agenda.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<workshop::agenda::AgendaItem>,
    /// The calculated figures (the budget); `null` when the questionnaire has none.
    #[serde(default)]
    pub budget: Option<budget::Budget>,
}

/// The plan a report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub name: String,
    /// The plan's date (the day it was started): due dates count from it.
    pub date: Date,
    /// The day the plan last changed.
    pub last_changed: Date,
}

/// The questionnaire a report is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    /// Its readiness levels, lowest first.
    pub levels: Vec<LevelInfo>,
}

/// A readiness level of the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelInfo {
    /// Position in the questionnaire's levels, lowest first.
    pub index: usize,
    pub id: String,
    pub label: String,
    /// What the level means for the owner (may be empty).
    pub description: String,
    /// The overall score the level starts at, 0 to 1.
    pub min: f64,
}

/// How far the answering has got, over shown questions. `answered` counts every kind of
/// answer (a value, "I don't know yet", "not applicable"), as the wizard's progress does:
/// `answered` and `unanswered` add up to `shown`, `unsure` and `not_applicable` are
/// parts of `answered`, and `discuss` overlaps them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnswerCounts {
    pub shown: usize,
    pub answered: usize,
    pub unsure: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    pub discuss: usize,
}

/// The verdict: the level, the score, why, and what would lift it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The readiness level after blockers and critical answers have capped it; `None`
    /// when the questionnaire defines no levels.
    pub level: Option<LevelInfo>,
    /// The level the overall score alone reaches.
    pub level_by_score: Option<LevelInfo>,
    /// Overall readiness, 0 to 1; `None` while nothing that counts is answered.
    pub score: Option<f64>,
    pub counts: AnswerCounts,
    /// The blockers and critical answers that cap the level, blockers first.
    pub holds: Vec<HoldItem>,
    /// What the stage the owner is at means for the verdict, in a sentence; shown after
    /// the level's text. `None` without a stage, or when the stage has no note.
    #[serde(default)]
    pub stage_note: Option<String>,
    /// Whether the stage alone sets the level (the answers would reach a higher one and
    /// nothing else caps it): the stage's note then stands in for the level's text, which
    /// speaks of gaps the owner does not have.
    #[serde(default)]
    pub stage_sets_level: bool,
    /// Why the verdict is what it is, in a sentence.
    pub why: String,
    /// What would lift it to the next level; `None` at the top level or without levels.
    pub lift: Option<Lift>,
    /// Set when the verdict comes from the quick scan alone (the rest not answered yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<workshop::Provisional>,
}

/// What it takes to reach a higher level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lift {
    /// The level it leads to: the one the score alone reaches when holds cap it, else
    /// the next one up.
    pub to: LevelInfo,
    /// Blockers to clear.
    pub blockers: usize,
    /// Critical answers to raise to at least half.
    pub critical: usize,
    /// The overall score to reach, when the score falls short of the level.
    pub score_needed: Option<f64>,
    /// All of that in a sentence.
    pub sentence: String,
}

/// A question that caps the readiness level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldItem {
    pub question_id: String,
    /// The section's title.
    pub section: String,
    pub question: String,
    pub answer: ShownAnswer,
    pub reason: HoldKind,
}

/// Why a question caps the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldKind {
    /// The answer is a blocker: the level drops to the lowest.
    Blocker,
    /// A critical answer scoring below one half.
    CriticalLow,
    /// A critical question answered "I don't know yet".
    CriticalUnsure,
    /// The stage the owner is at caps the level.
    Stage,
    /// A decisive question (critical, or one an answer would make a blocker) not answered
    /// yet.
    Unanswered,
}

impl From<crate::scoring::HoldReason> for HoldKind {
    fn from(reason: crate::scoring::HoldReason) -> Self {
        use crate::scoring::HoldReason;
        match reason {
            HoldReason::Blocker => HoldKind::Blocker,
            HoldReason::CriticalLow => HoldKind::CriticalLow,
            HoldReason::CriticalUnsure => HoldKind::CriticalUnsure,
            HoldReason::Stage => HoldKind::Stage,
            HoldReason::Unanswered => HoldKind::Unanswered,
        }
    }
}

impl HoldKind {
    /// The reason in a few words.
    pub fn label(self) -> &'static str {
        match self {
            HoldKind::Blocker => "Blocker",
            HoldKind::CriticalLow => "Critical, below half",
            HoldKind::CriticalUnsure => "Critical, not known yet",
            HoldKind::Stage => "Stage",
            HoldKind::Unanswered => "Decisive, not answered yet",
        }
    }
}

/// One section's readiness, for the chart and the table of sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionScore {
    pub id: String,
    pub title: String,
    /// Readiness in the section, 0 to 1; `None` while none of its questions counts.
    pub score: Option<f64>,
    pub counts: AnswerCounts,
    /// How many of its shown questions are blockers.
    pub blockers: usize,
    /// Whether the section counts towards readiness at all (a profile section does not).
    pub scored: bool,
}

/// One section of the readiness checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistSection {
    pub id: String,
    pub title: String,
    pub items: Vec<ChecklistItem>,
}

impl ChecklistSection {
    /// How many of its items are met.
    pub fn met(&self) -> usize {
        self.items.iter().filter(|item| item.met).count()
    }
}

/// One shown question on the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub question_id: String,
    pub question: String,
    /// The answer's state as scoring counts it (an answer that no longer fits counts as
    /// unanswered).
    pub state: AnswerState,
    pub answer: ShownAnswer,
    /// Answered (or not applicable) and nothing left to fix: not a gap, not a blocker.
    pub met: bool,
    pub score: Option<f64>,
    pub critical: bool,
    pub blocker: bool,
    pub discuss: bool,
    pub note: Option<String>,
}

/// One gap: a shown question that falls short, or blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapItem {
    /// Position in the gap report, from 1.
    pub rank: usize,
    pub question_id: String,
    /// The section's title.
    pub section: String,
    pub question: String,
    /// Why the question matters.
    pub why: String,
    /// The named reference the why comes from (may be empty).
    #[serde(default)]
    pub source: String,
    pub answer: ShownAnswer,
    /// The score that counts (0 when unsure); `None` for a blocker whose answer carries
    /// no score.
    pub score: Option<f64>,
    pub unsure: bool,
    pub blocker: bool,
    pub critical: bool,
    /// Section weight × question weight × shortfall, doubled when critical.
    pub priority: f64,
    pub note: Option<String>,
    /// The recommendations that apply, in questionnaire order.
    pub recommendations: Vec<RecommendationItem>,
}

/// A recommendation that closes a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationItem {
    pub id: String,
    pub text: String,
    pub effort: Effort,
    pub impact: Impact,
    /// Who carries it out: you, the provider, or both.
    pub owner: Owner,
    /// The plan's date plus the recommendation's days (or the action's date, once
    /// accepted).
    pub due: Date,
    /// Accepted into the action plan.
    pub in_action_plan: bool,
    /// The person named on its action, once accepted with one: shown as its owner
    /// (`null` otherwise).
    #[serde(default)]
    pub person: Option<String>,
}

/// One action of the action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub recommendation_id: String,
    pub question_id: String,
    /// The recommendation's text (its id, when the questionnaire no longer has it).
    pub text: String,
    /// The question's text (its id, when the questionnaire no longer has it).
    pub question: String,
    /// The section's title (empty when the questionnaire no longer has the question).
    pub section: String,
    pub effort: Option<Effort>,
    pub impact: Option<Impact>,
    /// The recommendation's you, provider or shared.
    pub party: Option<Owner>,
    /// The person who will do it; `None` until someone is named.
    pub owner: Option<String>,
    /// The action's date, else the plan's date plus the recommendation's days.
    pub due: Option<Date>,
    pub status: ActionStatus,
}

/// Something to ask a candidate provider, or to find out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderQuestion {
    pub question_id: String,
    /// The section's title.
    pub section: String,
    /// The question it comes from.
    pub question: String,
    /// What to ask: the provider's recommendation, or the question itself.
    pub ask: String,
    pub source: ProviderQuestionSource,
}

/// Where a question for providers comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderQuestionSource {
    /// A gap whose recommendation the provider owns.
    ProviderGap,
    /// A question answered "I don't know yet": something to find out.
    Unsure,
}

/// A question flagged "discuss later".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscussItem {
    pub question_id: String,
    /// The section's title.
    pub section: String,
    pub question: String,
    pub answer: ShownAnswer,
    pub note: Option<String>,
}

/// An answer to a question this version of the questionnaire no longer has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptAnswer {
    pub question_id: String,
    /// The answer as it was stored; its words are the stored values, as the labels are
    /// gone.
    pub answer: ShownAnswer,
    pub note: Option<String>,
    pub discuss: bool,
}
