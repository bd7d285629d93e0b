//! What each screen and overlay of the wizard holds: the question on screen, the
//! selection of each list, the text being typed, the status message.

use std::path::PathBuf;

use super::super::widgets::text_input::TextInput;
use crate::overview::PlanOverview;
use crate::report::compare::Comparison;
use crate::wizard::actions::ActionError;
use crate::wizard::{EntryError, Spot};

/// The screen on show, with its own state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// First run: what the wizard does, and a name for the plan.
    Welcome(WelcomeState),
    Question(QuestionState),
    Review(ReviewState),
    Summary(SummaryState),
    /// The gaps, blockers first, each with its recommendations.
    Gaps(ListState),
    /// The recommendations accepted into the action plan.
    Actions(ListState),
    Plans(PlansState),
    /// What changed since the last session (or the day given), for a meeting's start.
    Since(SummaryState),
    /// A plan that cannot be opened as it is: damaged, or open in another outready.
    Gate(super::GateState),
    /// The plans marked on the plans screen, side by side.
    Compare(CompareState),
}

/// A list with one row selected.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListState {
    pub selected: usize,
}

/// Which detail of an action is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionField {
    Owner,
    Due,
    /// The words of an action already in the plan.
    Text,
    /// The words of a new action of the owner's own (`index` is where it will go).
    New,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WelcomeState {
    /// The plan's name, offered filled in: Enter begins.
    pub name: TextInput,
    /// The name came with `--plan`: it is shown, not asked for again.
    pub fixed: bool,
    /// The name is the one offered, untouched: typing replaces it.
    pub offered: bool,
    pub error: Option<String>,
    /// The team, optional: `Ann (owner), Ben (office)`.
    pub team: TextInput,
    /// The line Tab has moved to.
    pub field: WelcomeField,
}

/// The lines of the welcome screen that take keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WelcomeField {
    #[default]
    Name,
    Team,
    /// Space turns the quick scan on or off.
    Quick,
}

impl WelcomeField {
    /// The line after this one.
    pub fn next(self) -> WelcomeField {
        match self {
            WelcomeField::Name => WelcomeField::Team,
            WelcomeField::Team => WelcomeField::Quick,
            WelcomeField::Quick => WelcomeField::Name,
        }
    }

    /// The line before this one.
    pub fn previous(self) -> WelcomeField {
        match self {
            WelcomeField::Name => WelcomeField::Quick,
            WelcomeField::Team => WelcomeField::Name,
            WelcomeField::Quick => WelcomeField::Team,
        }
    }
}

/// The name a first plan is offered with, so Enter alone begins.
pub const DEFAULT_PLAN_NAME: &str = "My plan";

/// One question on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionState {
    pub spot: Spot,
    /// The highlighted option (choice questions): the answer chosen, or where the user
    /// moved it with ↑ ↓ or the mouse; none on arrival at an unanswered question and
    /// while the answer is "I don't know yet" or "not applicable", so Space and Enter
    /// pick nothing by accident.
    pub highlight: Option<usize>,
    /// The answer being typed (typed questions).
    pub field: Option<TextInput>,
    /// Whether keys go into the field.
    pub typing: bool,
    /// Why what was typed is not accepted yet.
    pub field_error: Option<EntryError>,
    /// A line about what the last answer changed (questions added or removed).
    pub notice: Option<String>,
}

/// Which answers the review lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    #[default]
    All,
    /// Unanswered and "I don't know yet".
    Open,
    /// Flagged "discuss later", or with a note.
    Discuss,
    /// The team's positions differ and nothing was agreed since.
    Disputed,
}

impl ReviewFilter {
    /// The filter after this one; "disputed" is offered only to a plan with a team.
    pub fn next(self, team: bool) -> ReviewFilter {
        match self {
            ReviewFilter::All => ReviewFilter::Open,
            ReviewFilter::Open => ReviewFilter::Discuss,
            ReviewFilter::Discuss if team => ReviewFilter::Disputed,
            ReviewFilter::Discuss | ReviewFilter::Disputed => ReviewFilter::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewFilter::All => "all answers",
            ReviewFilter::Open => "unanswered and unsure",
            ReviewFilter::Discuss => "discuss later and notes",
            ReviewFilter::Disputed => "disputed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewState {
    pub filter: ReviewFilter,
    /// Index into the listed questions.
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SummaryState {
    pub scroll: u16,
}

/// Where the list screens were left.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Places {
    pub review: ReviewState,
    pub gaps: ListState,
    pub actions: ListState,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlansState {
    pub rows: Vec<PlanOverview>,
    pub selected: usize,
    /// The files of the plans marked to compare, in the order they were marked.
    pub marked: Vec<PathBuf>,
    /// Each sync tool's conflicting copy: its plan's file, and the words that say it.
    pub conflicts: Vec<(PathBuf, String)>,
}

/// Plans side by side, scrolled; the plans screen as it was left, for Esc.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    pub comparison: Box<Comparison>,
    pub scroll: u16,
    pub back: PlansState,
}

/// What is drawn over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Every key of the screen beneath.
    Help,
    /// Every key of a box over the screen (the team's positions), which closing the
    /// list goes back to as it was.
    BoxHelp(Box<Overlay>),
    /// Editing the note of the current question.
    Note(TextInput),
    /// Naming a new plan.
    NewPlan(TextInput, Option<String>),
    /// Picking a section to jump to.
    Jump { selected: usize },
    /// The team's positions on the question on screen; one participant highlighted,
    /// and on a typed question the position being typed for them.
    Positions {
        selected: usize,
        entry: Option<PositionEntry>,
    },
    /// The team: names typed to add (`Ann (owner), Ben`), or `-Ann` to remove.
    Team {
        input: TextInput,
        error: Option<String>,
    },
    /// The question's "why this matters" and help, read whole, scrolled.
    Reading { scroll: u16 },
    /// Typing an action's owner, due date or words, or a new action's words.
    ActionField {
        index: usize,
        field: ActionField,
        input: TextInput,
        error: Option<ActionError>,
        /// A new action or find-out item: its owner, then its due date, are asked next.
        then_ask: bool,
    },
    /// Typing the ISO 4217 code of the currency the plan's amounts are in; the sentence
    /// an unknown code got, until the next key.
    Currency {
        input: TextInput,
        error: Option<String>,
    },
    /// An action on a gap was marked done, but the gap stays open until the answer of
    /// this question changes: Enter opens the question, Esc keeps the list.
    UpdateAnswer { question: String },
    /// The agenda: each section's minutes, one section highlighted; `typing` once a
    /// digit was typed for it (the next digit adds to the figure instead of replacing it).
    Agenda { selected: usize, typing: bool },
}

/// A position being typed in the positions box, and why the last try did not read (the
/// question's own sentence), kept for correction.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionEntry {
    pub input: TextInput,
    pub error: Option<EntryError>,
}

/// A one-line message in the footer area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}
