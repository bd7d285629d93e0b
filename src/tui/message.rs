//! What the user asked for (messages) and what must happen outside the app state as a
//! result (effects). `update` turns one into the other. A click arrives already named
//! (pick option 3, open section 5): `layout` reads it against the drawn screen. What an
//! effect found (plans listed, a plan opened, a save that failed) comes back as a message
//! too, so `update` is the only writer of the app state.

use std::collections::HashMap;
use std::path::PathBuf;

use super::app::Opened;
use crate::overview::PlanOverview;
use crate::report::compare::Comparison;

/// What the user asked for, named; keys, mouse and signals all become one of these; and
/// what carrying out an effect found.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Save everything and leave.
    Quit,
    /// The terminal asked us to stop (SIGTERM, SIGHUP): save and leave.
    Terminate,
    /// A minute of the agenda passed with no key pressed: what the header shows changed.
    Tick,
    /// Show every key of this screen.
    ShowHelp,
    /// Close the overlay, or step back from this screen.
    Close,
    /// Pick (or on a multi question toggle) the option at this index.
    Pick(usize),
    /// Move the highlight or selection up.
    Up,
    /// Move the highlight or selection down.
    Down,
    /// Pick or toggle the highlighted option.
    ToggleHighlighted,
    /// Confirm what is on screen and move on.
    Confirm,
    /// Go to the next shown question.
    NextQuestion,
    /// Go back to the previous shown question.
    PrevQuestion,
    /// Go to the first question of the next section.
    NextSection,
    /// Go to the first question of the previous section.
    PrevSection,
    /// Toggle "I don't know yet".
    Unsure,
    /// Toggle "not applicable".
    NotApplicable,
    /// Toggle "discuss later".
    Discuss,
    /// Open the note of this question for editing.
    EditNote,
    /// Show or hide the "why this matters" panel.
    ToggleWhy,
    /// Forget this question's answer (note and flag stay).
    ClearAnswer,
    /// Start typing the answer of a typed question.
    EditEntry,
    /// Pick a section to jump to.
    GoToSection,
    /// Show every answer at a glance.
    OpenReview,
    /// Show the verdict and readiness by section.
    OpenSummary,
    /// Show what changed since the last session.
    OpenSince,
    /// Switch between the presenter layout and the usual one.
    TogglePresent,
    /// Back to the questions.
    OpenQuestions,
    /// Show the gaps with their recommendations.
    OpenGaps,
    /// Show the action plan.
    OpenActions,
    /// Move the selected action on: open, in progress, done.
    CycleStatus,
    /// Type the selected action's owner.
    EditOwner,
    /// Type the selected action's due date.
    EditDue,
    /// Remove the selected action (only while it is open).
    RemoveAction,
    /// Add an action of the owner's own (asks for its words, owner and due date).
    NewAction,
    /// Type the selected action's words.
    EditText,
    /// Put finding out the selected gap's answer ("I don't know yet") in the action plan.
    AddFindOut,
    /// Write the report to a file the user can open, print or send.
    Export,
    /// Show the plans, to switch or start another.
    OpenPlans,
    /// Start a new plan (asks for its name).
    NewPlan,
    /// Change the currency the plan's amounts are in (asks for an ISO 4217 code).
    EditCurrency,
    /// Show all, unanswered, or "discuss later" answers in the review.
    CycleFilter,
    /// Show the team's positions on this question, to record them.
    OpenPositions,
    /// Show the team, to add or remove participants.
    OpenTeam,
    /// The highlighted participant abstains on this question.
    Abstain,
    /// Set the agreed answer: the highlighted participant's.
    Agree,
    /// Show the agenda, to set each section's minutes and start or stop the clock.
    OpenAgenda,
    /// Start or stop keeping the agenda's time.
    ToggleAgenda,
    /// Move on to the next section, parking this one's unanswered questions.
    MoveOn,
    /// Type one character into the field being edited.
    Type(char),
    /// Insert pasted text into the field being edited.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move the text cursor left.
    Left,
    /// Move the text cursor right.
    Right,
    /// Move the text cursor to the start of the line.
    Home,
    /// Move the text cursor to the end of the line.
    End,
    /// Start a new line in a multi-line field.
    NewLine,
    /// Stop typing: keys become commands again.
    DoneTyping,
    /// Go to the first shown question of this section (a click on the sidebar).
    OpenSection(usize),
    /// Select this row of a list; a row already selected opens (a click on a row).
    Select(usize),
    /// Read the question's "why this matters" and help whole.
    ReadMore,
    /// Scroll or move a page down.
    PageDown,
    /// Scroll or move a page up.
    PageUp,
    /// The mouse wheel turned up.
    ScrollUp,
    /// The mouse wheel turned down.
    ScrollDown,
    /// Put the plans marked on the plans screen side by side.
    OpenCompare,
    /// Merge a sync tool's conflicting copies into their plan (the open plan, or the
    /// one selected on the plans screen).
    MergeCopies,
    /// The plans were read for the plans screen: every row, the one to select (this
    /// plan's), the plans that exist by file stem with their real names, and each
    /// conflicting copy's plan file with the words that say it exists.
    PlansListed {
        rows: Vec<PlanOverview>,
        selected: usize,
        taken: HashMap<String, String>,
        conflicts: Vec<(PathBuf, String)>,
    },
    /// The marked plans were read (not locked) and compared.
    Compared(Box<Comparison>),
    /// A plan's conflicting copies were merged into it and saved, the copies moved to
    /// `plans/merged/`: the open plan as it is now (none when another plan was merged),
    /// what to say, and how many questions the merge left disputed.
    CopiesMerged {
        opened: Option<Box<Opened>>,
        said: String,
        disputes: usize,
    },
    /// Another plan is open in this one's place (switched to, started, put back from a
    /// backup, started afresh): the wizard starts again on it.
    PlanOpened(Box<Opened>),
    /// A new plan got its file at its first save.
    SavedTo(PathBuf),
    /// The plan was saved again after a save had failed.
    SavedAgain,
    /// The plan could not be saved: the line that says why and that nothing is lost.
    SaveFailed(String),
    /// Saving found that another outready has the plan now: the read-only label for
    /// the header, and what to say.
    BecameReadOnly { label: String, text: String },
    /// The report was written to this file.
    ReportSaved(PathBuf),
    /// Something asked for could not be done, for this reason (on the damaged-plan
    /// screen it shows under the choices).
    Failed(String),
}

/// What must happen outside the app state; the driver carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the plan to disk now.
    SavePlan,
    /// Read the list of plans for the plans screen.
    LoadPlanList,
    /// Save this plan and open the one in this file.
    SwitchPlan(PathBuf),
    /// Save this plan and start a new one with this name.
    CreatePlan(String),
    /// Write the plan's report as an HTML page in the data folder.
    ExportReport,
    /// Put the damaged plan's newest good backup in its place (the damaged file moved
    /// aside) and open it.
    OpenBackup,
    /// Move the damaged plan file aside and start a new plan under its name.
    StartAfresh,
    /// Read the plans in these files without locking or writing them, and compare
    /// them side by side.
    LoadComparison(Vec<PathBuf>),
    /// Merge the conflicting copies of the plan in this file into it and save it, the
    /// copies moved to `plans/merged/`.
    MergeCopies(PathBuf),
    /// Restore the terminal and end.
    Quit,
}
