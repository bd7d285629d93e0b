//! Opening a plan: which one (named, or the most recent, or a new one), its
//! questionnaire, its lock (read-only when another outready has it), what changed in the
//! questionnaire since it last saved, and a damaged file handed back for the user to
//! choose what to do.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use anyhow::{Result, bail};

use super::{Options, Session};
use crate::open::{self, Found, Target};
use crate::plan::{Acquired, PlanLock};
use crate::tui::gate::{Damage, Opening};

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

    /// Finds the plan to open (or the one to create), takes its lock, and says how it
    /// can be opened: as it is, read-only (another outready has it), or not at all (the
    /// file is damaged: the caller offers a backup or a fresh start).
    pub fn prepare(options: &Options) -> Result<Opening> {
        let Found {
            store,
            catalog,
            user_dir,
            target,
        } = open::find(
            &options.data_dir,
            options.plan.as_deref(),
            options.questionnaire.as_deref(),
        )?;
        let (loaded, plan, path, lock) = match target {
            Target::File {
                path,
                plan: Err(error),
                lock,
            } if error.is_damaged() => {
                let lock = match lock {
                    Ok(Acquired::Busy(owner)) => bail!(
                        "{error:#}; it is also open in another outready ({}): close that one first",
                        owner.describe()
                    ),
                    Ok(Acquired::Locked(lock)) => Some(lock),
                    Err(_) => None,
                };
                return Ok(Opening::Damaged(Damage::new(
                    store,
                    path,
                    error,
                    options.plan.clone(),
                    lock,
                )));
            }
            Target::File {
                plan: Err(error), ..
            } => return Err(error.into()),
            Target::File {
                path,
                plan: Ok(plan),
                lock,
            } => (
                open::questionnaire_for(&catalog, &user_dir, &plan)?,
                plan,
                Some(path),
                Some(lock),
            ),
            Target::New { loaded, plan } => (*loaded, plan, None, None),
        };
        let mut session = Session {
            store,
            catalog,
            loaded,
            plan,
            is_new: path.is_none(),
            opening_note: None,
            save_failed: false,
            no_color: options.no_color,
            path: None,
            lock: None,
            read_only: None,
            new_questions: HashSet::new(),
            quit_warned: false,
            save_problem: String::new(),
        };
        if let (Some(path), Some(lock)) = (path, lock) {
            session.hold_lock(&path, lock);
            session.path = Some(path);
        }
        session.note_questionnaire_change();
        Ok(match session.read_only.clone() {
            Some(owner) => Opening::Busy(session, owner),
            None => Opening::Ready(session),
        })
    }

    /// Takes the lock of the plan file, or notes who has it (the plan is then read-only).
    /// A folder that cannot be written leaves no lock; the next save tries again.
    pub(super) fn take_lock(&mut self, path: &Path) {
        self.hold_lock(path, PlanLock::acquire(path));
    }

    /// Keeps the lock this process got on the plan file, or notes who has it.
    fn hold_lock(&mut self, path: &Path, acquired: io::Result<Acquired>) {
        self.lock = None;
        self.read_only = None;
        match acquired {
            Ok(Acquired::Locked(lock)) => {
                self.store.sweep_temporaries(path);
                self.lock = Some(lock);
            }
            Ok(Acquired::Busy(owner)) => self.read_only = Some(owner),
            Err(_) => {}
        }
    }

    /// Records the questionnaire as it is now, telling the user once when it changed
    /// since the plan was last saved: answers carry over by question id, answers to
    /// questions it no longer has are kept and listed, new questions are marked.
    pub(super) fn note_questionnaire_change(&mut self) {
        self.new_questions.clear();
        if let Some(change) = open::record_questionnaire(&self.loaded, &mut self.plan, self.is_new)
        {
            self.new_questions = change.new_questions.iter().cloned().collect();
            self.opening_note = Some(change.summary());
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
    pub fn plan_file(&self) -> Option<std::path::PathBuf> {
        self.path.clone()
    }

    /// The plan's lock file, once the plan has a file.
    pub fn lock_file(&self) -> Option<std::path::PathBuf> {
        self.path.as_deref().map(PlanLock::lock_path)
    }
}
