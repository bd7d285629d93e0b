//! The screen before the questions when a plan cannot be opened as it is: a damaged
//! plan file (its newest good backup, or a fresh start; the damaged file is moved aside
//! under a name with the time, never overwritten), or a plan another outready has open
//! (read-only). What it says and which choice is highlighted; `update` moves the
//! highlight and turns a choice into an effect, `screens::recovery` draws it.

use std::path::Path;

use crate::answer::AnswerState;
use crate::open::Damaged;
use crate::overview::local_time;
use crate::plan::LockOwner;

/// Which of the two screens it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateKind {
    /// The plan file cannot be read.
    Damaged,
    /// Another outready that still runs has the plan open.
    Busy,
}

/// What the user can choose before the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Put the newest good backup in the damaged file's place and open it.
    OpenBackup,
    /// Move the damaged file aside and start a new plan under its name.
    StartAfresh,
    /// Open a plan another outready has open, saving nothing.
    ReadOnly,
    /// Leave everything as it is.
    Quit,
}

/// The screen before the wizard: what is wrong, the choices, which is highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateState {
    /// Which screen: a damaged plan file, or a plan another outready has open.
    pub kind: GateKind,
    pub title: String,
    pub paragraphs: Vec<String>,
    /// Each choice with what it does, in words.
    pub choices: Vec<(Choice, String)>,
    pub selected: usize,
    /// Why the last choice could not be carried out.
    pub problem: Option<String>,
}

impl GateState {
    /// The choices for a damaged plan file.
    pub fn damaged(damage: &Damaged) -> GateState {
        let what = damage
            .error
            .damage()
            .unwrap_or_else(|| damage.error.to_string());
        let aside = format!("{}.damaged-<date>-<time>.json", damage.stem());
        let mut paragraphs = vec![
            format!("The plan file {} {what}.", damage.path.display()),
            "It has been left exactly as it is.".to_string(),
        ];
        let mut choices = Vec::new();
        match &damage.backup {
            Some(backup) => {
                let answered = backup
                    .plan
                    .answers
                    .values()
                    .filter(|a| a.state != AnswerState::Unanswered)
                    .count();
                let saved = backup
                    .saved
                    .and_then(|t| jiff::Timestamp::try_from(t).ok())
                    .map_or_else(|| "at an unknown time".to_string(), local_time);
                choices.push((
                    Choice::OpenBackup,
                    format!(
                        "Open the newest good backup, saved {saved} ({answered} answered); the damaged file is kept as {aside}"
                    ),
                ));
            }
            None => paragraphs.push("No backup of this plan can be read.".to_string()),
        }
        choices.push((
            Choice::StartAfresh,
            format!("Start afresh; the damaged file is moved aside and kept as {aside}"),
        ));
        choices.push((
            Choice::Quit,
            "Quit and leave everything as it is".to_string(),
        ));
        GateState {
            kind: GateKind::Damaged,
            title: "This plan cannot be opened as it is".to_string(),
            paragraphs,
            choices,
            selected: 0,
            problem: None,
        }
    }

    /// The choices for a plan another outready has open.
    pub fn busy(name: &str, owner: &LockOwner, lock_file: &Path) -> GateState {
        GateState {
            kind: GateKind::Busy,
            title: "This plan is open in another outready".to_string(),
            paragraphs: vec![
                format!(
                    "\"{name}\" is open in another outready ({}), since {}. Only one outready at a time can change a plan, so nothing is lost between them.",
                    owner.describe(),
                    local_time(owner.since)
                ),
                format!(
                    "It is free again as soon as that outready ends, however it ends: the system lets go of its lock on {}. Quit it there, then open this plan again.",
                    lock_file.display()
                ),
            ],
            choices: vec![
                (
                    Choice::ReadOnly,
                    "Open it read-only: look around; nothing changed here is saved".to_string(),
                ),
                (Choice::Quit, "Quit".to_string()),
            ],
            selected: 0,
            problem: None,
        }
    }
}
