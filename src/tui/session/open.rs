//! Opening a plan for the wizard: `crate::open` finds it, takes its lock and reads it;
//! here its answer becomes a session. The wizard starts on the damaged-plan or
//! plan-in-use screen when the plan cannot be opened as it is ([`Session::start`]);
//! [`Session::prepare`] hands those cases back as they are, for callers that decide.

use std::path::PathBuf;

use anyhow::Result;
use jiff::Timestamp;

use super::{Options, Pending, Session, read_only_label};
use crate::open::{self, Damaged, OpenPlan, Shelf};
use crate::plan::{LockOwner, Plan, PlanFile, PlanLock, PlanName};
use crate::questionnaire::DEFAULT_QUESTIONNAIRE;
use crate::tui::app::{GateState, Opened};

/// How a plan can be opened.
pub enum Opening {
    /// As it is.
    Ready(Session),
    /// Read-only: another outready that still runs has it open.
    Busy(Session, LockOwner),
    /// Not at all: the file is damaged.
    Damaged(Damaged),
}

impl Session {
    /// Finds the plan to open (or the one to create) and its questionnaire. A damaged
    /// plan is an error here; a plan open elsewhere opens read-only.
    pub fn open(options: &Options) -> Result<Session> {
        match Session::prepare(options)? {
            Opening::Ready(session) | Opening::Busy(session, _) => Ok(session),
            Opening::Damaged(damage) => Err(damage.error.into()),
        }
    }

    /// Opens the plan the options point at and says how it can be opened: as it is,
    /// read-only (another outready has it), or not at all (the file is damaged).
    pub fn prepare(options: &Options) -> Result<Opening> {
        let (shelf, opening) = found(options)?;
        Ok(match opening {
            open::Opening::Ready(plan) => Opening::Ready(Session::new(shelf, plan, options)),
            open::Opening::Busy(plan, owner) => {
                Opening::Busy(Session::new(shelf, plan, options), owner)
            }
            open::Opening::Damaged(damage) => Opening::Damaged(damage),
        })
    }

    /// Opens the plan for the wizard. A plan that cannot be opened as it is opens on
    /// the screen that says so: a damaged file offers its newest good backup or a fresh
    /// start, a plan another outready has open offers read-only; each choice is a
    /// message and an effect like any other.
    pub fn start(options: &Options) -> Result<Session> {
        let (shelf, opening) = found(options)?;
        Ok(match opening {
            open::Opening::Ready(plan) => Session::new(shelf, plan, options),
            open::Opening::Busy(plan, owner) => {
                let mut session = Session::new(shelf, plan, options);
                let name = options
                    .plan
                    .clone()
                    .unwrap_or_else(|| session.plan.name.clone());
                let lock_file = session
                    .file
                    .path()
                    .map(PlanLock::lock_path)
                    .unwrap_or_default();
                session.opened.gate = Some(GateState::busy(&name, &owner, &lock_file));
                session.pending = Some(Pending::Busy(owner));
                session
            }
            open::Opening::Damaged(damage) => Session::damaged(shelf, damage, options)?,
        })
    }

    /// The session of a plan just opened.
    fn new(shelf: Shelf, open: OpenPlan, options: &Options) -> Session {
        let (mut opened, file) = split(open);
        if opened.status.is_none() {
            opened.status =
                super::compare::offer(&file, &opened.plan.name).map(|text| super::Status {
                    text,
                    is_error: false,
                });
        }
        opened.quick = options.quick;
        opened.team = options.participants.clone();
        opened.since = options.since;
        opened.present = options.present;
        opened.agenda = agenda_for(options, &opened.loaded).ok().flatten();
        Session {
            shelf,
            options: options.clone(),
            plan: opened.plan.clone(),
            file,
            opened,
            pending: None,
            save_failed: false,
            quit_warned: false,
            save_problem: String::new(),
        }
    }

    /// The session of a damaged plan file, on its screen. Beneath it is the new plan
    /// a fresh start would begin, not started: nothing is saved while the user chooses.
    fn damaged(shelf: Shelf, damage: Damaged, options: &Options) -> Result<Session> {
        let Some(loaded) = shelf
            .catalog
            .find(DEFAULT_QUESTIONNAIRE)
            .or_else(|| shelf.catalog.entries.first())
            .cloned()
        else {
            return Err(damage.error.into());
        };
        let mut plan = Plan::new(&PlanName::new("new")?, &loaded, Timestamp::now());
        plan.name = damage.name.clone();
        let gate = GateState::damaged(&damage);
        let file = PlanFile::unnamed(shelf.store.clone());
        let open = OpenPlan {
            loaded,
            plan,
            file,
            is_new: true,
            change: None,
            note: None,
        };
        let mut session = Session::new(shelf, open, options);
        session.opened.gate = Some(gate);
        session.pending = Some(Pending::Damaged(Box::new(damage)));
        Ok(session)
    }

    /// Adds a line to what the wizard says when it opens.
    pub fn tell_on_opening(&mut self, text: String) {
        let note = &mut self.opened.note;
        *note = Some(match note.take() {
            Some(before) => format!("{text} {before}"),
            None => text,
        });
    }

    /// The plan's file, once it has one.
    pub fn plan_file(&self) -> Option<PathBuf> {
        self.file.path().map(PathBuf::from)
    }
}

/// What `crate::open` finds for these options; an `--agenda` naming a section the
/// plan's questionnaire does not have is a usage error.
fn found(options: &Options) -> Result<(Shelf, open::Opening)> {
    let found = open::open(
        &options.data_dir,
        options.plan.as_deref(),
        options.questionnaire.as_deref(),
    )?;
    if let open::Opening::Ready(plan) | open::Opening::Busy(plan, _) = &found.1 {
        agenda_for(options, &plan.loaded)?;
    }
    Ok(found)
}

/// The agenda `--agenda` gives, checked against the questionnaire's sections.
fn agenda_for(
    options: &Options,
    loaded: &crate::questionnaire::Loaded,
) -> Result<Option<crate::plan::Agenda>, crate::commands::UsageError> {
    options
        .agenda
        .as_ref()
        .map(|spec| crate::commands::agenda_for(spec, loaded))
        .transpose()
}

/// A plan opened, split into what the wizard shows and the file its saves go to. A new
/// plan is told the names taken, so it never takes one's place; an open one learns
/// them when the plans screen lists them (the only way to start another from it).
pub(super) fn split(open: OpenPlan) -> (Opened, PlanFile) {
    let OpenPlan {
        loaded,
        plan,
        file,
        is_new,
        change,
        note,
    } = open;
    let taken = if is_new {
        open::taken_names(file.store())
    } else {
        Default::default()
    };
    let opened = Opened {
        loaded,
        plan,
        is_new,
        file: file.path().map(PathBuf::from),
        new_questions: change
            .map(|c| c.new_questions.into_iter().collect())
            .unwrap_or_default(),
        read_only: file.busy().map(read_only_label),
        taken,
        note,
        status: None,
        gate: None,
        quick: false,
        team: Vec::new(),
        since: None,
        present: false,
        agenda: None,
    };
    (opened, file)
}
