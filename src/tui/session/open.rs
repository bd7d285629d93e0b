//! Opening a plan for the wizard: `crate::open` finds it, takes its lock and reads it;
//! here its answer becomes a session (read-only when another outready has the plan),
//! or a damaged file handed back for the user to choose what to do.

use std::path::PathBuf;

use anyhow::Result;

use super::{Options, Session};
use crate::open::{self, OpenPlan, Shelf};
use crate::plan::PlanLock;
use crate::tui::gate::Opening;

impl Session {
    /// Finds the plan to open (or the one to create) and its questionnaire. A damaged
    /// plan is an error here; a plan open elsewhere opens read-only. The wizard uses
    /// [`Session::prepare`] to offer the user a choice in both cases instead.
    pub fn open(options: &Options) -> Result<Session> {
        match Session::prepare(options)? {
            Opening::Ready(session) | Opening::Busy(session, _) => Ok(session),
            Opening::Damaged(damage) => Err(damage.error.into()),
        }
    }

    /// Opens the plan the options point at and says how it can be opened: as it is,
    /// read-only (another outready has it), or not at all (the file is damaged: the
    /// caller offers a backup or a fresh start).
    pub fn prepare(options: &Options) -> Result<Opening> {
        let (shelf, opening) = open::open(
            &options.data_dir,
            options.plan.as_deref(),
            options.questionnaire.as_deref(),
        )?;
        Ok(match opening {
            open::Opening::Ready(plan) => {
                Opening::Ready(Session::new(shelf, plan, options.no_color))
            }
            open::Opening::Busy(plan, owner) => {
                Opening::Busy(Session::new(shelf, plan, options.no_color), owner)
            }
            open::Opening::Damaged(damage) => Opening::Damaged(damage),
        })
    }

    /// The session of a plan just opened.
    fn new(shelf: Shelf, open: OpenPlan, no_color: bool) -> Session {
        Session {
            shelf,
            new_questions: open
                .change
                .map(|c| c.new_questions.into_iter().collect())
                .unwrap_or_default(),
            opening_note: open.note,
            loaded: open.loaded,
            plan: open.plan,
            is_new: open.is_new,
            file: open.file,
            save_failed: false,
            no_color,
            quit_warned: false,
            save_problem: String::new(),
        }
    }

    /// Adds a line to what the wizard says when it opens.
    pub fn tell_on_opening(&mut self, text: String) {
        self.opening_note = Some(match self.opening_note.take() {
            Some(note) => format!("{text} {note}"),
            None => text,
        });
    }

    /// The plan's name.
    pub fn plan_name(&self) -> String {
        self.plan.name.clone()
    }

    /// The plan's file, once it has one.
    pub fn plan_file(&self) -> Option<PathBuf> {
        self.file.path().map(PathBuf::from)
    }

    /// The plan's lock file, once the plan has a file.
    pub fn lock_file(&self) -> Option<PathBuf> {
        self.file.path().map(PlanLock::lock_path)
    }
}
